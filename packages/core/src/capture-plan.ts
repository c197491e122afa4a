/**
 * The capture plan (core → native): for each syscall number, which argument memory the tracer reads
 * and when. Layout in apps/docs/content/record-format.md ("Capture plan"). Derived from argument
 * kinds only, so a new kind needs one case here and nothing per syscall.
 */
import { constTables } from "./consts.js";
import { IO_DUMP_ARG, IO_DUMP_READ, IO_DUMP_WRITE } from "./data/io-dump.js";
import { valueCaptures } from "./data/value-captures.js";
import { CaptureKind, CaptureWhen, FD_RETURN_ARG, FdDecode, NO_LEN_ARG_FD_PAIR } from "./record-format.js";
import type { ArchTable, ArgKind, RetKind, SigreturnMask } from "./types.js";

/** 'TSPC' */
export const CAPTURE_PLAN_MAGIC = 0x54535043;
/** Plan layout version. */
export const CAPTURE_PLAN_VERSION = 1;
/** Longest path strace prints (PATH_MAX). */
export const PATH_CAPTURE_MAX = 4096;
/** Marks an unused `lenArg`. */
export const NO_LEN_ARG = 0xffffffff;

/** One capture in a plan. */
export interface CaptureSpec {
  /** Argument index 0–5. */
  readonly arg: number;
  /** A {@link CaptureKind}. */
  readonly kind: CaptureKind;
  /** A {@link CaptureWhen}. */
  readonly when: CaptureWhen;
  /** Argument holding a length or count, or {@link NO_LEN_ARG}; for STACK, the byte offset from the stack pointer. */
  readonly lenArg: number;
  /** STRUCT/ARRAY element size; STRING_ARRAY: max strings captured; else 0. */
  readonly size: number;
  /** Max bytes. */
  readonly max: number;
}

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
}

/** Most pointers native scans in a STRING_ARRAY capture (record format: "scan capped at 65536"). */
export const STRING_ARRAY_SCAN_MAX = 65536;

/** strace's --decode-fds: none, -y (paths), -yy (paths, socket details, devices, pidfds). */
export type DecodeFds = "none" | "path" | "all";

/** Structs that start with an fd, by element size: their arrays get FD_PATHS captures. */
const FD_ARRAY_STRUCTS: Readonly<Record<string, number>> = { pollfd: 8, fdpair: 4 };
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
    lenArg: NO_LEN_ARG,
    size: details | bits,
    max: PATH_CAPTURE_MAX,
  });
  const out: CaptureSpec[] = [];
  args?.forEach((a, i) => {
    const k = a.kind;
    if (k.k === "fd") out.push(fd(i, CaptureWhen.ENTRY, 0));
    else if (k.k === "dirfd") out.push(fd(i, CaptureWhen.ENTRY, FdDecode.DIRFD));
    else if ((k.k === "array" || k.k === "struct") && FD_ARRAY_STRUCTS[k.type] !== undefined) {
      // An fd pair the kernel fills is read at exit; an array the caller passes, at entry.
      const stride = FD_ARRAY_STRUCTS[k.type] as number;
      out.push({
        arg: i,
        kind: CaptureKind.FD_PATHS,
        when: k.dir === "out" ? CaptureWhen.EXIT : CaptureWhen.ENTRY,
        lenArg: k.k === "array" ? k.count : NO_LEN_ARG_FD_PAIR,
        size: details | (stride << 8),
        max: FD_PATHS_MAX,
      });
    }
  });
  if (ret === "fd" || ret === "fdByArgs") out.push(fd(FD_RETURN_ARG, CaptureWhen.EXIT, 0));
  return out;
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

/**
 * Every capture for one argument of kind `kind` (an `inout` kind is read at entry and at exit), in
 * plan order; empty when nothing is read.
 */
export function capturesFor(table: ArchTable, arg: number, kind: ArgKind, strsize: number): CaptureSpec[] {
  const sizeOf = (type: string): number | undefined => table.structs.find((d) => d.name === type)?.size;
  const both = (c: CaptureSpec, dir: "in" | "out" | "inout"): CaptureSpec[] => {
    if (dir === "in") return [c];
    if (dir === "out") return [{ ...c, when: CaptureWhen.EXIT }];
    return [c, { ...c, when: CaptureWhen.EXIT }];
  };
  switch (kind.k) {
    case "struct": {
      const size = sizeOf(kind.type);
      if (!size) return [];
      return both(
        { arg, kind: CaptureKind.STRUCT, when: CaptureWhen.ENTRY, lenArg: NO_LEN_ARG, size, max: size },
        kind.dir,
      );
    }
    case "array": {
      const size = sizeOf(kind.type);
      if (!size) return [];
      return both(
        {
          arg,
          kind: CaptureKind.ARRAY,
          when: CaptureWhen.ENTRY,
          lenArg: kind.count,
          size,
          max: ARRAY_CAPTURE_MAX,
        },
        kind.dir,
      );
    }
    case "sockaddr":
      return [
        {
          arg,
          kind: CaptureKind.BUFFER_ARG_LEN,
          when: CaptureWhen.ENTRY,
          lenArg: kind.len,
          size: 0,
          max: SOCKADDR_CAPTURE_MAX,
        },
      ];
    case "sockaddrOut":
      return [
        {
          arg,
          kind: CaptureKind.STRUCT,
          when: CaptureWhen.EXIT,
          lenArg: NO_LEN_ARG,
          size: SOCKADDR_CAPTURE_MAX,
          max: SOCKADDR_CAPTURE_MAX,
        },
      ];
    case "sigset":
      return both(
        { arg, kind: CaptureKind.ARRAY, when: CaptureWhen.ENTRY, lenArg: kind.len, size: 1, max: 128 },
        kind.dir,
      );
    case "fdset":
      return both(
        {
          arg,
          kind: CaptureKind.FDSET,
          when: CaptureWhen.ENTRY,
          lenArg: kind.nfds,
          size: 0,
          max: FDSET_CAPTURE_MAX,
        },
        "inout",
      );
    case "msghdr":
      // strace prints at most -s iovec elements, each cut at -s bytes.
      return both(
        {
          arg,
          kind: CaptureKind.MSGHDR,
          when: CaptureWhen.ENTRY,
          lenArg: NO_LEN_ARG,
          size: 0,
          max: captureBytes((strsize + 1) * strsize),
        },
        kind.dir,
      );
    case "mmsghdr": {
      const c: CaptureSpec = {
        arg,
        kind: CaptureKind.MMSGHDR,
        when: CaptureWhen.ENTRY,
        lenArg: kind.count,
        size: kind.dir === "recv" ? 1 : 0,
        max: captureBytes((strsize + 1) * strsize),
      };
      return kind.dir === "recv" ? both(c, "inout") : both(c, "out");
    }
    case "indirect": {
      const size = sizeOf(kind.type);
      if (!size) return [];
      return [
        {
          arg,
          kind: CaptureKind.INDIRECT,
          when: CaptureWhen.ENTRY,
          lenArg: NO_LEN_ARG,
          size,
          max: kind.bytes,
        },
      ];
    }
    case "pathOut":
      return [
        {
          arg,
          kind: CaptureKind.BUFFER_RET_LEN,
          when: CaptureWhen.EXIT,
          lenArg: NO_LEN_ARG,
          size: 0,
          max: PATH_CAPTURE_MAX,
        },
      ];
  }
  const c = captureFor(table, arg, kind, strsize);
  return c ? [c] : [];
}

/**
 * The capture for one argument of kind `kind`, or undefined when nothing is read. For a kind read
 * both at entry and at exit this is the entry capture; {@link capturesFor} gives all of them.
 */
export function captureFor(
  table: ArchTable,
  arg: number,
  kind: ArgKind,
  strsize: number,
): CaptureSpec | undefined {
  const s = captureBytes(strsize + 1); // one more than printed, so the decoder can tell truncation
  switch (kind.k) {
    case "array":
    case "fdset":
    case "msghdr":
    case "indirect":
    case "mmsghdr":
    case "sockaddr":
    case "sockaddrOut":
    case "sigset":
    case "pathOut":
      return capturesFor(table, arg, kind, strsize)[0];
    case "path":
      return {
        arg,
        kind: CaptureKind.CSTRING,
        when: CaptureWhen.ENTRY,
        lenArg: NO_LEN_ARG,
        size: 0,
        max: PATH_CAPTURE_MAX,
      };
    case "str":
      return { arg, kind: CaptureKind.CSTRING, when: CaptureWhen.ENTRY, lenArg: NO_LEN_ARG, size: 0, max: s };
    case "bufIn":
      return {
        arg,
        kind: CaptureKind.BUFFER_ARG_LEN,
        when: CaptureWhen.ENTRY,
        lenArg: kind.len,
        size: 0,
        max: s,
      };
    case "bufOut":
      return {
        arg,
        kind: CaptureKind.BUFFER_RET_LEN,
        when: CaptureWhen.EXIT,
        lenArg: NO_LEN_ARG,
        size: 0,
        max: kind.whole ? WHOLE_BUFFER_MAX : s,
      };
    case "struct": {
      const def = table.structs.find((d) => d.name === kind.type);
      if (!def) return undefined;
      const when = kind.dir === "out" ? CaptureWhen.EXIT : CaptureWhen.ENTRY;
      return { arg, kind: CaptureKind.STRUCT, when, lenArg: NO_LEN_ARG, size: def.size, max: def.size };
    }
    case "argv":
      // strace prints at most -s elements of argv, each cut at -s bytes.
      return {
        arg,
        kind: CaptureKind.STRING_ARRAY,
        when: CaptureWhen.ENTRY,
        lenArg: NO_LEN_ARG,
        size: Math.min(strsize, STRING_ARRAY_SCAN_MAX),
        max: s,
      };
    case "envp":
      return {
        arg,
        kind: CaptureKind.STRING_ARRAY,
        when: CaptureWhen.ENTRY,
        lenArg: NO_LEN_ARG,
        size: 0,
        max: s,
      };
    case "iovec": {
      // strace prints at most -s elements, each cut at -s bytes.
      const when = kind.dir === "in" ? CaptureWhen.ENTRY : CaptureWhen.EXIT;
      return {
        arg,
        kind: CaptureKind.IOVEC,
        when,
        lenArg: kind.count,
        size: 0,
        max: captureBytes((strsize + 1) * strsize),
      };
    }
    default:
      return undefined;
  }
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
    const entry = names.entries.find(([, n]) => n === c.value);
    if (!entry) throw new Error(`value captures of ${name}: ${c.value} is not in ${row.table}`);
    const size = table.structs.find((d) => d.name === c.type)?.size;
    if (!size) continue;
    out.push({
      arg: c.arg,
      kind: CaptureKind.STRUCT_IF,
      when: c.dir === "in" ? CaptureWhen.ENTRY : CaptureWhen.EXIT,
      lenArg: row.selector,
      size: (entry[0] | (c.orBits ?? 0)) >>> 0,
      max: size,
    });
  }
  return out;
}

/** rt_sigreturn takes no argument: the mask it restores is read from its signal frame. */
function sigreturnMaskCapture(mask: SigreturnMask): CaptureSpec {
  const { offset, size } = mask;
  return { arg: 0, kind: CaptureKind.STACK, when: CaptureWhen.ENTRY, lenArg: offset, size, max: size };
}

const DATA_KINDS: ReadonlySet<CaptureKind> = new Set([
  CaptureKind.BUFFER_ARG_LEN,
  CaptureKind.BUFFER_RET_LEN,
  CaptureKind.IOVEC,
]);

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
        if (c.arg === IO_DUMP_ARG && DATA_KINDS.has(c.kind)) specs[i] = { ...c, max: IO_DUMP_CAPTURE_MAX };
      }
    }
    if (options.verbose) {
      for (let i = 0; i < specs.length; i++) {
        const c = specs[i] as CaptureSpec;
        if (c.kind === CaptureKind.STRING_ARRAY) specs[i] = { ...c, size: STRING_ARRAY_SCAN_MAX };
      }
    }
    specs.push(...valueCapturesFor(table, row.name));
    specs.push(...fdCaptures(row.args, row.ret, options.decodeFds ?? "none"));
    if (row.name === "rt_sigreturn" && table.sigreturnMask)
      specs.push(sigreturnMaskCapture(table.sigreturnMask));
    if (specs.length === 0) continue;
    words[3 + row.nr] = words.length;
    words.push(specs.length);
    for (const c of specs) words.push(c.arg | (c.kind << 8) | (c.when << 16), c.lenArg, c.size, c.max);
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
      const w0 = plan[b] ?? 0;
      specs.push({
        arg: w0 & 0xff,
        kind: ((w0 >>> 8) & 0xff) as CaptureKind,
        when: ((w0 >>> 16) & 0xff) as CaptureWhen,
        lenArg: plan[b + 1] ?? NO_LEN_ARG,
        size: plan[b + 2] ?? 0,
        max: plan[b + 3] ?? 0,
      });
    }
    out.set(nr, specs);
  }
  return out;
}
