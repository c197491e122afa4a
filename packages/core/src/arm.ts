/**
 * `@tstrace/core/arm`: the arm syscall table alone, with the lookups that work on any table.
 * Import this entry (not the package root) in a browser bundle that needs only arm: it loads no
 * other architecture's table and no constant, errno or signal table.
 *
 * @example
 * ```ts
 * import { arm, syscallByNr } from "@tstrace/core/arm";
 * syscallByNr(arm, 0)?.name;
 * ```
 */
import { buildTable } from "./build-table.js";
import { rows } from "./generated/syscalls-arm.js";
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

/** 32-bit arm EABI (AUDIT_ARCH_ARM); the 0x0f0000 private calls are not included. */
export const arm: ArchTable = /* @__PURE__ */ buildTable("arm", rows);
