/**
 * `@tstrace/core/i386`: the i386 syscall table alone, with the lookups that work on any table.
 * Import this entry (not the package root) in a browser bundle that needs only i386: it loads no
 * other architecture's table and no constant, errno or signal table.
 *
 * @example
 * ```ts
 * import { i386, syscallByNr } from "@tstrace/core/i386";
 * syscallByNr(i386, 0)?.name;
 * ```
 */
import { buildTable } from "./build-table.js";
import { rows } from "./generated/syscalls-i386.js";
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

/** i386 (AUDIT_ARCH_I386), also what a 32-bit process on an x86_64 kernel uses. */
export const i386: ArchTable = /* @__PURE__ */ buildTable("i386", rows);
