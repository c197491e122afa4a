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

/**
 * ruleKind's answers by "type\0name", for the arguments whose kind depends on nothing else (no
 * lenArg rule matched): most arguments repeat (fd, buf, count...), and each uncached answer tests
 * up to every rule's two regular expressions, a few ms of every start-up over a whole table.
 */
const kindByTypeAndName = new Map<string, ArgKind>();

/** The default kind of argument `i` of `sig` by data/kind-rules.ts (hex when no rule matches). */
function ruleKind(sig: readonly (readonly [string, string])[], i: number): ArgKind {
  const [type, name] = sig[i] as readonly [string, string];
  const key = `${type}\0${name}`;
  const known = kindByTypeAndName.get(key);
  if (known !== undefined) return known;
  const kind = matchRules(type, name);
  if (kind !== undefined) kindByTypeAndName.set(key, kind);
  return kind ?? lenRuleKind(sig, i, type, name);
}

/** The first rule's kind, or undefined when a lenArg rule applies first (sig-dependent). */
function matchRules(type: string, name: string): ArgKind | undefined {
  for (const r of argRules) {
    if ((r.type && !r.type.test(type)) || (r.name && !r.name.test(name))) continue;
    if ("lenArg" in r.kind) return undefined;
    return r.kind;
  }
  return { k: "hex" };
}

/** The full rule walk, lenArg rules included (their kind depends on the other arguments' names). */
function lenRuleKind(
  sig: readonly (readonly [string, string])[],
  i: number,
  type: string,
  name: string,
): ArgKind {
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
  const k = kinds[name];
  if (typeof sig === "number") {
    // An entry the kernel no longer implements (_sysctl, lookup_dcookie): strace 6.1 still
    // decodes it, so a kinds row of its argument count applies; its parameters have no C names.
    if (k === undefined || k.args.length !== sig) return { nr, name, nargs: sig, ret: "int", classes };
    return {
      nr,
      name,
      nargs: sig,
      args: k.args.map((kind, i) => ({ name: `arg${i}`, type: "", kind })),
      ret: k.ret ?? "int",
      classes,
      ...(k.decoder !== undefined ? { decoder: k.decoder } : {}),
    };
  }
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
