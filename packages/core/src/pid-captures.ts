/**
 * The PID captures of one syscall under --decode-pids (strace's printpid): every value core
 * declares a pid (a `pid` argument kind, a pid return kind, a pid field of a struct the call
 * reads, a request-dependent `pid` argument) is resolved by native while the tracee is stopped,
 * since the process it names may be gone by the time the decoder prints it. The decoder matches
 * a printed pid with its capture by value and type (decoder-wasm's print/pid.ts).
 */
import type { CaptureSpec } from "./capture-spec.js";
import { constTables } from "./consts.js";
import { netlinkPayloads } from "./data/netlink.js";
import { argKindPidFields, bufferPidFields, pidFields, requestPids } from "./data/pid-fields.js";
import { requestArgs } from "./data/request-args.js";
import { layoutsByArch } from "./data/structs.js";
import { valueCaptures } from "./data/value-captures.js";
import { CaptureKind, CaptureWhen, FD_RETURN_ARG, PidTypeCode } from "./record-format.js";
import type { ArchTable, ArgKind, PidType, RetKind } from "./types.js";

/** strace's --decode-pids set: what a pid prints with. */
export interface DecodePids {
  /** --pidns-translation: ` /* N in strace's PID NS *\/` when the tracee's id differs. */
  readonly pidns: boolean;
  /** --decode-pids=comm (-Y): `N<comm>` for thread and process ids. */
  readonly comm: boolean;
}

/** A {@link PidType}'s code in the plan and in captures. */
export const PID_TYPE_CODES: Readonly<Record<PidType, number>> = {
  tid: PidTypeCode.TID,
  tgid: PidTypeCode.TGID,
  pgid: PidTypeCode.PGID,
  sid: PidTypeCode.SID,
  tgidPgid: PidTypeCode.TGID_PGID,
  byArg3: PidTypeCode.BY_ARG3,
  byTypeField: PidTypeCode.BY_TYPE_FIELD,
};

/** Return kinds that are ids, and which. */
export const RET_PID_TYPES: Readonly<Partial<Record<RetKind, PidType>>> = {
  pid: "tgid",
  tid: "tid",
  pgid: "pgid",
  sid: "sid",
};

/** The x86_64 offset of struct `type`'s pid fields on `arch` (none where no layout is known). */
function fieldOffsets(arch: string, type: string): { offset: number; type: PidType }[] {
  const fields = pidFields[type];
  if (!fields) return [];
  if (arch !== "x86_64") return [];
  const layout = layoutsByArch[arch]?.find((l) => l.name === type);
  const out: { offset: number; type: PidType }[] = [];
  for (const f of fields) {
    const off = f.offset ?? layout?.fields.find(([n]) => n === f.field)?.[1];
    if (off === undefined) throw new Error(`pid field ${type}.${f.field}: no offset on ${arch}`);
    out.push({ offset: off, type: f.type });
  }
  return out;
}

/** The numeric value of constant `name` in table `table`. */
function constValue(table: string, name: string | number): number {
  if (typeof name === "number") return name >>> 0;
  const t = constTables.find((c) => c.name === table);
  const e = t?.entries.find(([, n]) => n === name);
  if (!e) throw new Error(`pid captures: ${name} is not in ${table}`);
  return e[0] >>> 0;
}

const whenOf = (dir: "in" | "out" | "inout"): CaptureWhen[] =>
  dir === "in"
    ? [CaptureWhen.ENTRY]
    : dir === "out"
      ? [CaptureWhen.EXIT]
      : [CaptureWhen.ENTRY, CaptureWhen.EXIT];

/** Every PID capture of syscall `name` (its kinds `args`, return kind `ret`) on `table`'s architecture. */
export function pidCaptures(
  table: ArchTable,
  name: string,
  args: readonly { readonly kind: ArgKind }[] | undefined,
  ret: RetKind,
  decodePids: DecodePids | undefined,
): CaptureSpec[] {
  if (!decodePids || (!decodePids.pidns && !decodePids.comm)) return [];
  const decode = (decodePids.pidns ? 1 : 0) | (decodePids.comm ? 2 : 0);
  const out: CaptureSpec[] = [];
  const pid = (arg: number, when: CaptureWhen, type: PidType, more: Partial<CaptureSpec> = {}): void => {
    out.push({
      arg,
      kind: CaptureKind.PID,
      when,
      pidType: PID_TYPE_CODES[type],
      decode,
      ...more,
    } as CaptureSpec);
  };
  args?.forEach((a, i) => {
    const k = a.kind;
    if (k.k === "pid") pid(i, CaptureWhen.ENTRY, k.pidType);
    else if (k.k === "struct")
      for (const f of fieldOffsets(table.arch, k.type))
        for (const when of whenOf(k.dir)) pid(i, when, f.type, { offset: f.offset });
    else if (k.k === "sockaddr" || k.k === "sockaddrOut") {
      const f = argKindPidFields[k.k];
      if (f) pid(i, k.k === "sockaddr" ? CaptureWhen.ENTRY : CaptureWhen.EXIT, f.type, { offset: f.offset });
    }
  });
  const buf = bufferPidFields[name];
  const bufWhen = netlinkPayloads[name];
  if (buf && bufWhen)
    pid(buf.arg, bufWhen === "entry" ? CaptureWhen.ENTRY : CaptureWhen.EXIT, buf.type, {
      offset: buf.offset,
    });
  const retType = RET_PID_TYPES[ret];
  if (retType) pid(FD_RETURN_ARG, CaptureWhen.EXIT, retType);
  const req = requestArgs[name];
  if (req)
    for (const [value, kind] of Object.entries(req.byValue))
      if (kind?.k === "pid")
        pid(req.arg, CaptureWhen.ENTRY, kind.pidType, {
          selectorArg: req.selector,
          selectorValue: constValue(req.table, value),
        });
  for (const r of requestPids[name] ?? [])
    pid(r.arg, r.arg === FD_RETURN_ARG || r.out ? CaptureWhen.EXIT : CaptureWhen.ENTRY, r.type, {
      selectorArg: r.selector,
      selectorValue: constValue(r.table, r.value),
      ...(r.offset !== undefined ? { offset: r.offset } : {}),
    });
  const vc = valueCaptures[name];
  if (vc)
    for (const c of vc.captures)
      for (const f of fieldOffsets(table.arch, c.type))
        pid(c.arg, c.dir === "in" ? CaptureWhen.ENTRY : CaptureWhen.EXIT, f.type, {
          offset: f.offset,
          selectorArg: vc.selector,
          selectorValue: (constValue(vc.table, c.value) | (c.orBits ?? 0)) >>> 0,
        });
  return out;
}
