/**
 * Constant tables (strace's xlat): generated from the kernel headers by data/xlat/*.in name lists,
 * and the ioctl requests by data/ioctls.txt (scripts/gen-ioctls.mjs).
 */
import { generatedConstTables } from "./generated/consts.js";
import { ioctlTable } from "./ioctls/x86_64.generated.js";
import type { ConstTable } from "./types.js";

/** Every constant table: the xlat ones by name order, then the ioctl requests. */
export const constTables: readonly ConstTable[] = [...generatedConstTables, ioctlTable];

const byName: ReadonlyMap<string, ConstTable> = new Map(constTables.map((t) => [t.name, t]));

/** The constant table called `name` (e.g. `open_flags`), or undefined. */
export function constTable(name: string): ConstTable | undefined {
  return byName.get(name);
}
