/**
 * Per-architecture {@link ArchTable}s: the generated rows (numbers, names, C signatures) joined with
 * the hand-written decoding kinds (data/kinds.ts), the strace classes (generated from
 * data/classes/) and struct sizes (data/structs.ts).
 */
import { classMembers } from "./generated/classes.js";
import { rows as aarch64Rows } from "./generated/syscalls-aarch64.js";
import { rows as armRows } from "./generated/syscalls-arm.js";
import { rows as i386Rows } from "./generated/syscalls-i386.js";
import { rows as riscv64Rows } from "./generated/syscalls-riscv64.js";
import { rows as x86_64Rows } from "./generated/syscalls-x86_64.js";
import { kinds } from "./data/kinds.js";
import { structsByArch } from "./data/structs.js";
import type { RawSyscall } from "./raw.js";
import { AuditArch } from "./record-format.js";
import type { ArchTable, ArgSpec, SyscallClass, SyscallRow } from "./types.js";

const classesByName: ReadonlyMap<string, readonly SyscallClass[]> = (() => {
  const m = new Map<string, SyscallClass[]>();
  for (const [cls, names] of Object.entries(classMembers) as [SyscallClass, readonly string[]][]) {
    for (const n of names) {
      const list = m.get(n) ?? [];
      list.push(cls);
      m.set(n, list);
    }
  }
  return m;
})();

function buildRow(raw: RawSyscall): SyscallRow {
  const [nr, name, sig] = raw;
  const classes = classesByName.get(name) ?? [];
  if (typeof sig === "number") return { nr, name, nargs: sig, ret: "int", classes };
  const k = kinds[name];
  const useKinds = k !== undefined && k.args.length === sig.length;
  const args: ArgSpec[] = sig.map(([type, argName], i) => ({
    name: argName,
    type,
    kind: (useKinds ? k.args[i] : undefined) ?? { k: "hex" },
  }));
  const row: SyscallRow = {
    nr,
    name,
    nargs: sig.length,
    args,
    ret: (useKinds ? k.ret : undefined) ?? "int",
    classes,
    ...(useKinds && k.decoder !== undefined ? { decoder: k.decoder } : {}),
  };
  return row;
}

function buildTable(arch: keyof typeof AuditArch, rows: readonly RawSyscall[]): ArchTable {
  return {
    arch,
    auditArch: AuditArch[arch],
    syscalls: rows.map(buildRow),
    structs: structsByArch[arch] ?? [],
  };
}

/** x86_64 (AUDIT_ARCH_X86_64): the 64-bit ABI only (x32 numbers are not included). */
export const x86_64: ArchTable = buildTable("x86_64", x86_64Rows);
/** i386 (AUDIT_ARCH_I386), also what a 32-bit process on an x86_64 kernel uses. */
export const i386: ArchTable = buildTable("i386", i386Rows);
/** aarch64 (AUDIT_ARCH_AARCH64): the generic table. */
export const aarch64: ArchTable = buildTable("aarch64", aarch64Rows);
/** 32-bit arm EABI (AUDIT_ARCH_ARM); the 0x0f0000 private calls are not included. */
export const arm: ArchTable = buildTable("arm", armRows);
/** riscv64 (AUDIT_ARCH_RISCV64): the generic table plus riscv_flush_icache/riscv_hwprobe. */
export const riscv64: ArchTable = buildTable("riscv64", riscv64Rows);

/** Every architecture table, in a fixed order. */
export const archTables: readonly ArchTable[] = [x86_64, i386, aarch64, arm, riscv64];
