/**
 * The capture plan (core → native): for each syscall number, which argument memory the tracer reads
 * and when. Layout in apps/docs/content/record-format.md ("Capture plan"). Derived from argument
 * kinds only, through one table ({@link ARG_CAPTURES}: a kind → its captures), so a new kind
 * needs one row there and nothing per syscall.
 */

import { bpfAttrCaptures } from "./bpf-attr-plan.js";
import { type CaptureSpec, decodeSpec, encodeSpec } from "./capture-spec.js";
import { constTables } from "./consts.js";
import { type ExtraCapture, extraCaptures } from "./data/extra-captures.js";
import { IO_DUMP_ARG, IO_DUMP_READ, IO_DUMP_WRITE } from "./data/io-dump.js";
import { netlinkPayloads } from "./data/netlink.js";
import { payloadFds } from "./data/payload-fds.js";
import { requestArgs } from "./data/request-args.js";
import { layoutsByArch } from "./data/structs.js";
import { valueCaptures } from "./data/value-captures.js";
import { type DecodePids, pidCaptures } from "./pid-captures.js";
import { fdFieldCapturesFor, pointeeCapturesFor } from "./pointee-plan.js";
import { CaptureKind, CaptureWhen, FD_RETURN_ARG, FdDecode } from "./record-format.js";
import type { ArchTable, ArgKind, RetKind, SigreturnMask } from "./types.js";

export { type CaptureSpec, decodeSpec, encodeSpec, NO_LEN_ARG, SPEC_WORDS } from "./capture-spec.js";

/** 'TSPC' */
export const CAPTURE_PLAN_MAGIC = 0x54535043;
/** Plan layout version. */
export const CAPTURE_PLAN_VERSION = 1;
/** Longest path strace prints (PATH_MAX). */
export const PATH_CAPTURE_MAX = 4096;
/**
 * Most characters of a path argument: strace's printpath reads PATH_MAX bytes, room for a NUL,
 * so a longer path prints its first PATH_MAX - 1 characters and `...`, and one that fits in the
 * last bytes of a page before an unmapped one still prints.
 */
export const PATH_STRING_MAX = PATH_CAPTURE_MAX - 1;
/** Options for {@link compileCapturePlan}. */
export interface CapturePlanOptions {
  /** strace's `-s` (default 32 in strace). */
  readonly strsize: number;
  /** Which syscall numbers to capture for (a `-e trace=` set); all when absent. */
  readonly selected?: (nr: number) => boolean;
  /**
   * strace's -y ("path") and -yy ("all"): what fd arguments and fd return values name is read at
   * the stop. Default "none": no fd is looked at, so tracing costs nothing extra.
   */
  readonly decodeFds?: DecodeFds;
  /**
   * `-e read=` / `-e write=` asked for: the data buffers of the read (write) family are captured
   * whole (up to {@link IO_DUMP_CAPTURE_MAX}), not only -s bytes, so their hex dumps are complete.
   */
  readonly dumpIo?: { readonly read: boolean; readonly write: boolean };
  /**
   * strace's -v: argv and envp are printed whole (every string, each cut at -s), so their string
   * arrays are captured whole (up to {@link STRING_ARRAY_SCAN_MAX} strings).
   */
  readonly verbose?: boolean;
  /**
   * strace's --decode-pids (--pidns-translation, -Y): every pid value is resolved at the stop
   * (pid-captures.ts). Absent or empty: no pid is looked at.
   */
  readonly decodePids?: DecodePids;
}

/** Most pointers native scans in a STRING_ARRAY capture (record format: "scan capped at 65536"). */
export const STRING_ARRAY_SCAN_MAX = 65536;

/** strace's --decode-fds: none, -y (paths), -yy (paths, socket details, devices, pidfds). */
export type DecodeFds = "none" | "path" | "all";

/** Structs that start with an fd, by element size: their arrays get FD_PATHS captures. */
const FD_ARRAY_STRUCTS: Readonly<Record<string, number>> = { pollfd: 8, fdpair: 4, fdint: 4 };
/** Of those, the structs that hold one fd, not a pair. */
const ONE_FD_STRUCTS: ReadonlySet<string> = new Set(["fdint"]);
/** Most fds described in one FD_PATHS capture. */
export const FD_PATHS_MAX = 1024;

/**
 * The FD_PATH captures for one syscall row under `decodeFds`: one per fd-kind argument at entry
 * (dirfds may be AT_FDCWD), one for an fd return value at exit.
 */
export function fdCaptures(
  args: readonly { readonly kind: ArgKind }[] | undefined,
  ret: RetKind,
  decodeFds: DecodeFds,
): CaptureSpec[] {
  if (decodeFds === "none") return [];
  const details = decodeFds === "all" ? FdDecode.DETAILS : 0;
  const fd = (arg: number, when: CaptureWhen, bits: number): CaptureSpec => ({
    arg,
    kind: CaptureKind.FD_PATH,
    when,
    decode: details | bits,
    max: PATH_CAPTURE_MAX,
  });
  const out: CaptureSpec[] = [];
  args?.forEach((a, i) => {
    const k = a.kind;
    if (k.k === "fd") out.push(fd(i, CaptureWhen.ENTRY, 0));
    else if (k.k === "dirfd") out.push(fd(i, CaptureWhen.ENTRY, FdDecode.DIRFD));
    else if (k.k === "pidfdFd") out.push(fd(i, CaptureWhen.ENTRY, FdDecode.OF_PIDFD));
    else if ((k.k === "array" || k.k === "struct") && FD_ARRAY_STRUCTS[k.type] !== undefined) {
      // An fd pair the kernel fills is read at exit; an array the caller passes, at entry.
      out.push({
        arg: i,
        kind: CaptureKind.FD_PATHS,
        when: k.dir === "out" ? CaptureWhen.EXIT : CaptureWhen.ENTRY,
        countArg: k.k === "array" ? k.count : ONE_FD_STRUCTS.has(k.type) ? "one" : "pair",
        stride: FD_ARRAY_STRUCTS[k.type] as number,
        decode: details,
        max: FD_PATHS_MAX,
      });
    }
  });
  if (ret === "fd" || ret === "fdByArgs") out.push(fd(FD_RETURN_ARG, CaptureWhen.EXIT, 0));
  return out;
}

/**
 * The FD_PATH captures of syscall `name`'s request-chosen fd arguments (data/request-args.ts: an
 * ioctl request whose argument is an fd, NBD_SET_SOCK): one per request, read only for it.
 */
export function requestFdCaptures(name: string, decodeFds: DecodeFds): CaptureSpec[] {
  const row = requestArgs[name];
  if (!row || decodeFds === "none") return [];
  const names = constTables.find((t) => t.name === row.table);
  const out: CaptureSpec[] = [];
  for (const [value, kind] of Object.entries(row.byValue)) {
    if (kind?.k !== "fd") continue;
    const v = names?.entries.find(([, n]) => n === value)?.[0];
    if (v === undefined) throw new Error(`request args of ${name}: ${value} is not in ${row.table}`);
    out.push({
      arg: row.arg,
      kind: CaptureKind.FD_PATH,
      when: CaptureWhen.ENTRY,
      decode: decodeFds === "all" ? FdDecode.DETAILS : 0,
      max: PATH_CAPTURE_MAX,
      selectorArg: row.selector,
      selectorValue: v >>> 0,
    });
  }
  return out;
}

/**
 * Under -y, an FD_PATHS capture of every open fd for a syscall whose data can hold fds
 * (data/payload-fds.ts), at the stop its data is read.
 */
export function payloadFdCaptures(name: string, decodeFds: DecodeFds): CaptureSpec[] {
  const at = payloadFds[name];
  if (decodeFds === "none" || !at) return [];
  return [
    {
      arg: 0,
      kind: CaptureKind.FD_PATHS,
      when: at === "entry" ? CaptureWhen.ENTRY : CaptureWhen.EXIT,
      countArg: "all",
      // Unused (the fds come from /proc), but a plan's element size is always an int or more.
      stride: 4,
      decode: decodeFds === "all" ? FdDecode.DETAILS : 0,
      max: FD_PATHS_MAX,
    },
  ];
}

/**
 * The FdDecode.NETLINK capture of syscall `name`'s fd (data/netlink.ts), to go first in its spec
 * list: native raises the limit of the captures after it when the fd is a netlink socket. An
 * FD_PATH capture -y already asks for at the same stop is taken out of `fds` and merged into it.
 */
export function netlinkCapture(name: string, fds: CaptureSpec[]): CaptureSpec | undefined {
  const at = netlinkPayloads[name];
  if (!at) return undefined;
  const when = at === "entry" ? CaptureWhen.ENTRY : CaptureWhen.EXIT;
  let decode: number = FdDecode.NETLINK;
  const i = fds.findIndex((c) => c.kind === CaptureKind.FD_PATH && c.arg === 0 && c.when === when);
  if (i >= 0) {
    decode |= (fds[i] as Extract<CaptureSpec, { kind: typeof CaptureKind.FD_PATH }>).decode;
    fds.splice(i, 1);
  }
  return { arg: 0, kind: CaptureKind.FD_PATH, when, decode, max: PATH_CAPTURE_MAX };
}

/**
 * Most bytes any one capture reads (native refuses a plan asking more): 16 MiB. Every `max` the
 * plan computes from `-s` is clamped to it, so no `-s` strace takes (up to 2^30 - 1) makes a plan
 * native refuses; past it tstrace reads less and prints what it read.
 */
export const CAPTURE_BYTES_MAX = 1 << 24;

/** Cap on a buffer captured whole for a `-e read=`/`-e write=` dump: all a capture may read. */
export const IO_DUMP_CAPTURE_MAX = CAPTURE_BYTES_MAX;

/**
 * `n` bytes, clamped to {@link CAPTURE_BYTES_MAX}. `n` is a JS number, exact to 2^53: products of
 * `-s` (at most 2^30) never wrap here, as they did once in the plan's 32-bit words.
 */
export function captureBytes(n: number): number {
  return Math.min(n, CAPTURE_BYTES_MAX);
}

/** Cap on a buffer a decoder reads whole (getdents64's directory entries): 1 MiB. */
export const WHOLE_BUFFER_MAX = 1 << 20;

/** Cap on an array capture (poll fds, epoll events, gids, a CPU mask). */
export const ARRAY_CAPTURE_MAX = 1 << 16;
/** Bytes read for one fd_set: strace's own cap of 1024 * 1024 descriptors, in bits. */
export const FDSET_CAPTURE_MAX = (1024 * 1024) / 8;
/** Bytes read for a socket address the kernel fills (sizeof(struct sockaddr_storage)). */
export const SOCKADDR_CAPTURE_MAX = 128;

/** What a capture rule sees: the argument, its kind, and the session's `-s`. */
interface RuleInput<K extends ArgKind["k"]> {
  readonly arg: number;
  readonly kind: Extract<ArgKind, { k: K }>;
  /** `-s`. */
  readonly strsize: number;
  /** One more than `-s` (so the decoder can tell truncation), clamped. */
  readonly s: number;
  /** -s elements of -s bytes (iovec and msghdr data: strace prints that much), clamped. */
  readonly sBySize: number;
  /** Size of struct `type` on this architecture, or undefined when unknown (nothing is read). */
  readonly sizeOf: (type: string) => number | undefined;
}
type Rule<K extends ArgKind["k"]> = (i: RuleInput<K>) => CaptureSpec[];

/** A spec read at entry (`in`), at exit (`out`), or both (`inout`). */
function byDir(c: CaptureSpec, dir: "in" | "out" | "inout"): CaptureSpec[] {
  if (dir === "in") return [{ ...c, when: CaptureWhen.ENTRY }];
  if (dir === "out") return [{ ...c, when: CaptureWhen.EXIT }];
  return [
    { ...c, when: CaptureWhen.ENTRY },
    { ...c, when: CaptureWhen.EXIT },
  ];
}
const ENTRY = CaptureWhen.ENTRY;
const EXIT = CaptureWhen.EXIT;

/**
 * Argument kind → the captures it needs, in plan order. Kinds without a row (numbers, flags, fds)
 * read no memory. The one place a kind's capture is decided.
 */
export const ARG_CAPTURES: { readonly [K in ArgKind["k"]]?: Rule<K> } = {
  path: ({ arg }) => [{ arg, kind: CaptureKind.CSTRING, when: ENTRY, max: PATH_STRING_MAX }],
  str: ({ arg, s }) => [{ arg, kind: CaptureKind.CSTRING, when: ENTRY, max: s }],
  bufIn: ({ arg, kind, s }) => [
    { arg, kind: CaptureKind.BUFFER_ARG_LEN, when: ENTRY, lenArg: kind.len, max: Math.max(s, kind.min ?? 0) },
  ],
  bufOut: ({ arg, kind, s }) => [
    { arg, kind: CaptureKind.BUFFER_RET_LEN, when: EXIT, max: kind.whole ? WHOLE_BUFFER_MAX : s },
  ],
  pathOut: ({ arg }) => [{ arg, kind: CaptureKind.BUFFER_RET_LEN, when: EXIT, max: PATH_CAPTURE_MAX }],
  struct: ({ arg, kind, sizeOf }) => {
    const size = sizeOf(kind.type);
    return size ? byDir({ arg, kind: CaptureKind.STRUCT, when: ENTRY, size }, kind.dir) : [];
  },
  array: ({ arg, kind, sizeOf }) => {
    const elementSize = sizeOf(kind.type);
    if (!elementSize) return [];
    const c: CaptureSpec = {
      arg,
      kind: CaptureKind.ARRAY,
      when: ENTRY,
      countArg: kind.count,
      elementSize,
      max: ARRAY_CAPTURE_MAX,
    };
    return byDir(c, kind.dir);
  },
  sockaddr: ({ arg, kind }) => [
    { arg, kind: CaptureKind.BUFFER_ARG_LEN, when: ENTRY, lenArg: kind.len, max: SOCKADDR_CAPTURE_MAX },
  ],
  sockaddrOut: ({ arg }) => [{ arg, kind: CaptureKind.STRUCT, when: EXIT, size: SOCKADDR_CAPTURE_MAX }],
  sigset: ({ arg, kind }) =>
    byDir(
      { arg, kind: CaptureKind.ARRAY, when: ENTRY, countArg: kind.len, elementSize: 1, max: 128 },
      kind.dir,
    ),
  // The kernel rewrites the set with the ready descriptors: read at entry and at exit.
  fdset: ({ arg, kind }) =>
    byDir({ arg, kind: CaptureKind.FDSET, when: ENTRY, nfdsArg: kind.nfds, max: FDSET_CAPTURE_MAX }, "inout"),
  // strace prints at most -s iovec elements, each cut at -s bytes.
  msghdr: ({ arg, kind, sBySize }) =>
    byDir({ arg, kind: CaptureKind.MSGHDR, when: ENTRY, max: sBySize }, kind.dir),
  mmsghdr: ({ arg, kind, sBySize }) => {
    const recv = kind.dir === "recv";
    const c: CaptureSpec = {
      arg,
      kind: CaptureKind.MMSGHDR,
      when: ENTRY,
      countArg: kind.count,
      capAtMsgLen: recv,
      max: sBySize,
    };
    // sendmmsg's vector is read at exit too (each msg_len), and at entry for a call that fails,
    // whose vector strace still prints.
    return byDir(c, "inout");
  },
  // mtype, then -s bytes of mtext (strace's printstrn reads one more than it shows).
  msgbuf: ({ arg, kind, s, sizeOf }) => {
    const head = sizeOf("mtype");
    if (!head) return [];
    const c: CaptureSpec = {
      arg,
      kind: CaptureKind.BUFFER_ARG_LEN,
      when: ENTRY,
      lenArg: kind.len,
      head,
      max: captureBytes(s + head),
    };
    return byDir(c, kind.dir);
  },
  indirect: ({ arg, kind, sizeOf }) => {
    const size = sizeOf(kind.type);
    return size ? [{ arg, kind: CaptureKind.INDIRECT, when: ENTRY, size, pointee: kind.bytes }] : [];
  },
  // strace prints at most -s elements of argv, each cut at -s bytes; of envp only the count.
  argv: ({ arg, strsize, s }) => [
    {
      arg,
      kind: CaptureKind.STRING_ARRAY,
      when: ENTRY,
      strings: Math.min(strsize, STRING_ARRAY_SCAN_MAX),
      max: s,
    },
  ],
  envp: ({ arg, s }) => [{ arg, kind: CaptureKind.STRING_ARRAY, when: ENTRY, strings: 0, max: s }],
  // strace prints at most -s elements, each cut at -s bytes.
  iovec: ({ arg, kind, sBySize }) => [
    {
      arg,
      kind: CaptureKind.IOVEC,
      when: kind.dir === "in" ? ENTRY : EXIT,
      countArg: kind.count,
      max: sBySize,
    },
  ],
};

/**
 * Every capture for one argument of kind `kind` (an `inout` kind is read at entry and at exit), in
 * plan order; empty when nothing is read.
 */
export function capturesFor(table: ArchTable, arg: number, kind: ArgKind, strsize: number): CaptureSpec[] {
  const rule = ARG_CAPTURES[kind.k] as Rule<ArgKind["k"]> | undefined;
  if (!rule) return [];
  return rule({
    arg,
    kind,
    strsize,
    s: captureBytes(strsize + 1),
    sBySize: captureBytes((strsize + 1) * strsize),
    sizeOf: (type) => table.structs.find((d) => d.name === type)?.size,
  });
}

/**
 * The STRUCT_IF captures of syscall `name` (data/value-captures.ts): one per selector value whose
 * struct this architecture knows; native reads each only when the selector matches.
 */
export function valueCapturesFor(table: ArchTable, name: string): CaptureSpec[] {
  const row = valueCaptures[name];
  if (!row) return [];
  const names = constTables.find((t) => t.name === row.table);
  if (!names) throw new Error(`value captures of ${name}: no constant table ${row.table}`);
  const out: CaptureSpec[] = [];
  for (const c of row.captures) {
    const value = typeof c.value === "number" ? c.value : names.entries.find(([, n]) => n === c.value)?.[0];
    if (value === undefined) throw new Error(`value captures of ${name}: ${c.value} is not in ${row.table}`);
    const size = table.structs.find((d) => d.name === c.type)?.size;
    if (!size) continue;
    out.push({
      arg: c.arg,
      kind: CaptureKind.STRUCT_IF,
      when: c.dir === "in" ? CaptureWhen.ENTRY : CaptureWhen.EXIT,
      selectorArg: row.selector,
      selectorValue: (value | (c.orBits ?? 0)) >>> 0,
      size,
      ...(c.anyIocSize ? { anyIocSize: true } : {}),
      ...(c.lowBits ? { lowBits: c.lowBits } : {}),
    });
  }
  return out;
}

/** An extra capture of pointers to structs and what each struct points at (io_submit's iocbs). */
function pointerArrayCapture(
  table: ArchTable,
  c: Extract<ExtraCapture, { pointers: unknown }>,
  strsize: number,
): CaptureSpec[] {
  const layout = layoutsByArch[table.arch]?.find((l) => l.name === c.pointers.type);
  if (!layout) return [];
  const offset = (name: string): number => {
    const f = layout.fields.find(([n]) => n === name);
    if (!f) throw new Error(`extra captures: struct ${c.pointers.type} has no field ${name}`);
    return f[1];
  };
  return [
    {
      arg: c.arg,
      kind: CaptureKind.ARRAY,
      when: CaptureWhen.ENTRY,
      countArg: c.countArg,
      elementSize: 8,
      max: captureBytes((strsize + 1) * c.pointers.elemSize),
      pointers: {
        structSize: layout.size,
        ptrOffset: offset(c.pointers.ptr),
        countOffset: offset(c.pointers.count),
        elemSize: c.pointers.elemSize,
      },
    },
  ];
}

/** The extra captures of syscall `name` (data/extra-captures.ts), read at entry. */
export function extraCapturesFor(name: string, strsize: number, table?: ArchTable): CaptureSpec[] {
  return (extraCaptures[name] ?? []).flatMap((c): CaptureSpec[] => {
    if ("as" in c) return table ? capturesFor(table, c.arg, c.as, strsize) : [];
    if ("pointers" in c) return table ? pointerArrayCapture(table, c, strsize) : [];
    if ("path" in c)
      return [{ arg: c.arg, kind: CaptureKind.CSTRING, when: CaptureWhen.ENTRY, max: PATH_STRING_MAX }];
    return [
      {
        arg: c.arg,
        kind: CaptureKind.BUFFER_ARG_LEN,
        when: CaptureWhen.ENTRY,
        lenArg: c.lenArg,
        max: c.max === "strsize" ? captureBytes(strsize + 1) : c.max,
      },
    ];
  });
}

/** rt_sigreturn takes no argument: the mask it restores is read from its signal frame. */
function sigreturnMaskCapture(mask: SigreturnMask): CaptureSpec {
  const { offset, size } = mask;
  return { arg: 0, kind: CaptureKind.STACK, when: CaptureWhen.ENTRY, offset, size };
}

/** The captures that hold a read's or write's data (what `-e read=`/`-e write=` dump). */
function isDataKind(c: CaptureSpec): c is Extract<
  CaptureSpec,
  {
    kind:
      | typeof CaptureKind.BUFFER_ARG_LEN
      | typeof CaptureKind.BUFFER_RET_LEN
      | typeof CaptureKind.IOVEC
      | typeof CaptureKind.MSGHDR
      | typeof CaptureKind.MMSGHDR;
  }
> {
  return (
    c.kind === CaptureKind.BUFFER_ARG_LEN ||
    c.kind === CaptureKind.BUFFER_RET_LEN ||
    c.kind === CaptureKind.IOVEC ||
    c.kind === CaptureKind.MSGHDR ||
    c.kind === CaptureKind.MMSGHDR
  );
}

function dumpsData(name: string, dump: { readonly read: boolean; readonly write: boolean }): boolean {
  return (dump.read && name in IO_DUMP_READ) || (dump.write && name in IO_DUMP_WRITE);
}

/** Compile the plan for `table` and the session options, in the documented `Uint32Array` layout. */
export function compileCapturePlan(table: ArchTable, options: CapturePlanOptions): Uint32Array {
  if (!Number.isInteger(options.strsize) || options.strsize < 0)
    throw new RangeError(`strsize must be a non-negative integer, got ${options.strsize}`);
  const n = table.syscalls.reduce((m, s) => Math.max(m, s.nr + 1), 0);
  const words: number[] = [CAPTURE_PLAN_MAGIC, CAPTURE_PLAN_VERSION, n];
  for (let i = 0; i < n; i++) words.push(0);
  for (const row of table.syscalls) {
    if (options.selected && !options.selected(row.nr)) continue;
    const specs: CaptureSpec[] = [];
    row.args?.forEach((a, i) => {
      specs.push(...capturesFor(table, i, a.kind, options.strsize));
    });
    if (options.dumpIo && dumpsData(row.name, options.dumpIo)) {
      for (let i = 0; i < specs.length; i++) {
        const c = specs[i] as CaptureSpec;
        if (c.arg === IO_DUMP_ARG && isDataKind(c)) specs[i] = { ...c, max: IO_DUMP_CAPTURE_MAX };
      }
    }
    if (options.verbose) {
      for (let i = 0; i < specs.length; i++) {
        const c = specs[i] as CaptureSpec;
        if (c.kind === CaptureKind.STRING_ARRAY) specs[i] = { ...c, strings: STRING_ARRAY_SCAN_MAX };
      }
    }
    specs.push(...valueCapturesFor(table, row.name));
    specs.push(...pointeeCapturesFor(table, row));
    specs.push(...extraCapturesFor(row.name, options.strsize, table));
    if (row.name === "bpf")
      specs.push(...bpfAttrCaptures(options.strsize, options.decodeFds ?? "none", options.verbose ?? false));
    const fds = fdCaptures(row.args, row.ret, options.decodeFds ?? "none");
    fds.push(...fdFieldCapturesFor(table, row, options.decodeFds ?? "none"));
    fds.push(...requestFdCaptures(row.name, options.decodeFds ?? "none"));
    const netlink = netlinkCapture(row.name, fds);
    if (netlink) specs.unshift(netlink);
    specs.push(...fds);
    specs.push(...payloadFdCaptures(row.name, options.decodeFds ?? "none"));
    specs.push(...pidCaptures(table, row.name, row.args, row.ret, options.decodePids));
    if (row.name === "rt_sigreturn" && table.sigreturnMask)
      specs.push(sigreturnMaskCapture(table.sigreturnMask));
    if (specs.length === 0) continue;
    words[3 + row.nr] = words.length;
    words.push(specs.length);
    for (const c of specs) words.push(...encodeSpec(c));
  }
  return Uint32Array.from(words);
}

/** Decode a plan back to `nr → specs` (validating it as the native side does); for tests and tools. */
export function decodeCapturePlan(plan: Uint32Array): Map<number, CaptureSpec[]> {
  if (plan.length < 3 || plan[0] !== CAPTURE_PLAN_MAGIC) throw new Error("capture plan: bad magic");
  if (plan[1] !== CAPTURE_PLAN_VERSION) throw new Error(`capture plan: unsupported version ${plan[1]}`);
  const n = plan[2] ?? 0;
  if (3 + n > plan.length) throw new Error("capture plan: table runs past the end");
  const out = new Map<number, CaptureSpec[]>();
  for (let nr = 0; nr < n; nr++) {
    const off = plan[3 + nr] ?? 0;
    if (off === 0) continue;
    const count = plan[off];
    if (count === undefined || off + 1 + count * 4 > plan.length)
      throw new Error(`capture plan: spec list of ${nr} runs past the end`);
    const specs: CaptureSpec[] = [];
    for (let i = 0; i < count; i++) {
      const b = off + 1 + i * 4;
      specs.push(decodeSpec(plan[b] ?? 0, plan[b + 1] ?? 0, plan[b + 2] ?? 0, plan[b + 3] ?? 0));
    }
    out.set(nr, specs);
  }
  return out;
}
