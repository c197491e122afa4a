/**
 * `@tstrace/core/riscv64`: the riscv64 syscall table alone, with the lookups that work on any table.
 * Import this entry (not the package root) in a browser bundle that needs only riscv64: it loads no
 * other architecture's table and no constant, errno or signal table.
 *
 * @example
 * ```ts
 * import { riscv64, syscallByNr } from "@tstrace/core/riscv64";
 * syscallByNr(riscv64, 0)?.name;
 * ```
 */
import { buildTable } from "./build-table.js";
import { rows } from "./generated/syscalls-riscv64.js";
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

/** riscv64 (AUDIT_ARCH_RISCV64): the generic table plus riscv_flush_icache/riscv_hwprobe. */
export const riscv64: ArchTable = /* @__PURE__ */ buildTable("riscv64", rows);
