/**
 * `@tstrace/core/aarch64`: the aarch64 syscall table alone, with the lookups that work on any table.
 * Import this entry (not the package root) in a browser bundle that needs only aarch64: it loads no
 * other architecture's table and no constant, errno or signal table.
 *
 * @example
 * ```ts
 * import { aarch64, syscallByNr } from "@tstrace/core/aarch64";
 * syscallByNr(aarch64, 0)?.name;
 * ```
 */
import { buildTable } from "./build-table.js";
import { rows } from "./generated/syscalls-aarch64.js";
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

/** aarch64 (AUDIT_ARCH_AARCH64): the generic table. */
export const aarch64: ArchTable = /* @__PURE__ */ buildTable("aarch64", rows);
