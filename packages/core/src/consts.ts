/** Constant tables (strace's xlat): generated from the kernel headers by data/xlat/*.in name lists. */
import { generatedConstTables } from "./generated/consts.js";
import type { ConstTable } from "./types.js";

/** Every constant table, by name order. */
export const constTables: readonly ConstTable[] = generatedConstTables;

const byName: ReadonlyMap<string, ConstTable> = new Map(constTables.map((t) => [t.name, t]));

/** The constant table called `name` (e.g. `open_flags`), or undefined. */
export function constTable(name: string): ConstTable | undefined {
  return byName.get(name);
}
