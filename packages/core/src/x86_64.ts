/**
 * `@tstrace/core/x86_64`: the x86_64 syscall table alone, with the lookups that work on any table.
 * Import this entry (not the package root) in a browser bundle that needs only x86_64: it loads no
 * other architecture's table and no constant, errno or signal table.
 *
 * @example
 * ```ts
 * import { x86_64, syscallByNr } from "@tstrace/core/x86_64";
 * syscallByNr(x86_64, 0)?.name;
 * ```
 */
import { buildTable } from "./build-table.js";
import { rows } from "./generated/syscalls-x86_64.js";
import type { ArchTable } from "./types.js";

export { syscallByName, syscallByNr } from "./lookup.js";
export type {
  ArchTable,
  ArgKind,
  ArgSpec,
  RetKind,
  SigreturnMask,
  StructDef,
  SyscallClass,
  SyscallRow,
} from "./types.js";

/** x86_64 (AUDIT_ARCH_X86_64): the 64-bit ABI only (x32 numbers are not included). */
export const x86_64: ArchTable = /* @__PURE__ */ buildTable("x86_64", rows);
