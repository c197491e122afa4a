/**
 * Every architecture's {@link ArchTable}, for the package root. Each table lives in its own module
 * (x86_64.ts, i386.ts, aarch64.ts, arm.ts, riscv64.ts), also published as a subpath entry
 * (`@tstrace/core/x86_64` …) for bundles that need only one.
 */
import { aarch64 } from "./aarch64.js";
import { arm } from "./arm.js";
import { i386 } from "./i386.js";
import { riscv64 } from "./riscv64.js";
import type { ArchTable } from "./types.js";
import { x86_64 } from "./x86_64.js";

export { aarch64, arm, i386, riscv64, x86_64 };

/** Every architecture table, in a fixed order: x86_64, i386, aarch64, arm, riscv64. */
export const archTables: readonly ArchTable[] = [x86_64, i386, aarch64, arm, riscv64];

/**
 * The table for an architecture name (`x86_64`, `i386`, `aarch64`, `arm`, `riscv64`) or an
 * AUDIT_ARCH_* value (as a recording's header carries it); undefined when core has none.
 */
export function archTable(name: string | number): ArchTable | undefined {
  return archTables.find((t) => (typeof name === "number" ? t.auditArch === name : t.arch === name));
}
