/**
 * Builds an {@link ArchTable}: the generated rows (numbers, names, C signatures) joined with the
 * hand-written decoding kinds (data/kinds.ts) over the kinds derived from C signatures
 * (data/kind-rules.ts), the strace classes (generated from data/classes/) and struct sizes
 * (data/structs.ts). Internal: each per-architecture module (x86_64.ts …) calls it for its own rows
 * only, so importing one architecture never loads another's table.
 */

import { argRules, retRules } from "./data/kind-rules.js";
import { kinds } from "./data/kinds.js";
import { sigreturnMaskByArch } from "./data/sigframes.js";
import { structsByArch } from "./data/structs.js";
import { classMembers } from "./generated/classes.js";
import type { RawSyscall } from "./raw.js";
import { AuditArch } from "./record-format.js";
import type { ArchTable, ArgIndex, ArgKind, ArgSpec, SyscallClass, SyscallRow } from "./types.js";

const classesByName: ReadonlyMap<string, readonly SyscallClass[]> = /* @__PURE__ */ (() => {
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

/** The default kind of argument `i` of `sig` by data/kind-rules.ts (hex when no rule matches). */
function ruleKind(sig: readonly (readonly [string, string])[], i: number): ArgKind {
  const [type, name] = sig[i] as readonly [string, string];
  for (const r of argRules) {
    if ((r.type && !r.type.test(type)) || (r.name && !r.name.test(name))) continue;
    if ("lenArg" in r.kind) {
      const re = r.kind.lenArg;
      const len = sig.findIndex(([, n], j) => j !== i && re.test(n));
      if (len < 0 || len > 5) continue;
      return { k: "bufIn", len: len as ArgIndex };
    }
    return r.kind;
  }
  return { k: "hex" };
}

function buildRow(raw: RawSyscall): SyscallRow {
  const [nr, name, sig] = raw;
  const classes = classesByName.get(name) ?? [];
  if (typeof sig === "number") return { nr, name, nargs: sig, ret: "int", classes };
  const k = kinds[name];
  const useKinds = k !== undefined && k.args.length === sig.length;
  const args: ArgSpec[] = sig.map(([type, argName], i) => ({
    name: argName,
    type,
    kind: (useKinds ? k.args[i] : undefined) ?? ruleKind(sig, i),
  }));
  const row: SyscallRow = {
    nr,
    name,
    nargs: sig.length,
    args,
    ret: (useKinds ? k.ret : undefined) ?? retRules[name] ?? "int",
    classes,
    ...(useKinds && k.decoder !== undefined ? { decoder: k.decoder } : {}),
  };
  return row;
}

/** Joins one architecture's generated rows with kinds, classes and struct sizes. Internal. */
export function buildTable(arch: keyof typeof AuditArch, rows: readonly RawSyscall[]): ArchTable {
  return {
    arch,
    auditArch: AuditArch[arch],
    syscalls: rows.map(buildRow),
    structs: structsByArch[arch] ?? [],
    ...(sigreturnMaskByArch[arch] ? { sigreturnMask: sigreturnMaskByArch[arch] } : {}),
  };
}
