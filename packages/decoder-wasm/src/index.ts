/**
 * @tstrace/decoder-wasm: strace's output formatting in WebAssembly. Public API: init,
 * createDecoderSync / createDecoder, quoteString, encodeTables (for callers that bring their own
 * tables) and their types; other architectures' tables come from the `./tables` entry. Internal:
 * the wasm instances (wasm.ts) and the generated default-tables.js.
 */

import { defaultTables } from "./default-tables.js";
import { type DecoderExports, init, instantiate, readOutput, writeInput } from "./wasm.js";

export type {
  JsonEvent,
  JsonEventBase,
  JsonExitedEvent,
  JsonInt,
  JsonKilledEvent,
  JsonLeaf,
  JsonMessageEvent,
  JsonProcessNotice,
  JsonSignalEvent,
  JsonStoppedEvent,
  JsonSummaryEvent,
  JsonSummaryRow,
  JsonSupersededEvent,
  JsonSyscallEvent,
  JsonValue,
} from "./json-events.js";
export { type RenderOptions, renderValue, TextRenderer } from "./json-render.js";
export {
  type DecodeRecordingOptions,
  decodeRecording,
  type ReadableStreamLike,
  RecordingError,
  type RecordingHeader,
  type RecordingSource,
} from "./recording.js";
export {
  ARG_KIND_CODES,
  type DecoderTables,
  encodeTables,
  RET_KIND_CODES,
  WHEN_ENTRY,
  WHEN_EXIT,
} from "./tables-blob.js";
export { init, isInitialized, type WasmSource } from "./wasm.js";

/** Options mirroring strace's formatting flags. */
export interface DecoderOptions {
  /** -s: max string bytes printed (default 32). */
  strsize?: number;
  /** -a: column of `= ret` (default 40). */
  acolumn?: number;
  /** -x / --strings-in-hex: 0 none, 1 non-ascii (-x), 2 all (-xx), 3 non-ascii-chars. */
  hex?: 0 | 1 | 2 | 3;
  /** Prefix style for multi-process traces: "none" | "bracket" ("[pid N] ") | "plain" ("N  "). */
  pidPrefix?: "none" | "bracket" | "plain";
  /**
   * The syscall, constant, errno and signal tables, encoded: default x86_64's (built in). For
   * another architecture, `archTables(aarch64)` from `@tstrace/decoder-wasm/tables` with the
   * table from `@tstrace/core/aarch64`: only the architectures a caller imports are bundled.
   */
  tables?: Uint8Array;
  /** -n: print the syscall number before its name, `[  59] `. */
  syscallNumbers?: boolean;
  /** -i: print the instruction pointer at the syscall, `[00007f…] `. */
  instructionPointer?: boolean;
  /**
   * Absolute timestamps from the record headers: "time" (-t, `HH:MM:SS `), "micro" (-tt,
   * `HH:MM:SS.uuuuuu `), "epoch" (-ttt, `secs.uuuuuu `), or strace's --timestamps=FORMAT,PRECISION
   * as an object. "relative" is -r alone (same as `relativeTimestamps: "us"`).
   */
  timestamps?: "none" | "time" | "micro" | "epoch" | "relative" | Timestamps;
  /**
   * -r / --relative-timestamps=PRECISION: the time since the previous line, `     0.000123 `; after
   * an absolute timestamp strace writes it `(+     0.000123) `.
   */
  relativeTimestamps?: TimePrecision;
  /** -T / --syscall-times=PRECISION: time spent in each call, ` <0.000123>` (true is "us"). */
  syscallTimes?: boolean | TimePrecision;
  /**
   * The local time zone's offset from UTC in minutes, east positive, for -t/-tt (the wasm has no
   * clock or zone database). Default: `-new Date().getTimezoneOffset()`.
   */
  utcOffsetMinutes?: number;
  /**
   * status=: which finished calls print (default all). -z is ["successful"], -Z is ["failed"].
   */
  status?: readonly ("successful" | "failed" | "unfinished" | "unavailable" | "detached")[];
  /**
   * -e signal=: the signal numbers (1–64) whose `--- SIG… ---`, `--- stopped by SIG… ---` and
   * `+++ killed by SIG… +++` lines print (default all). `[]` is `-e signal=none`.
   */
  signals?: Iterable<number>;
  /**
   * -e trace=: the syscall numbers printed (default all). Pass the records of the other syscalls
   * too (do not drop them before decode()): strace's -n prints, on `+++ exited` and `--- SIG` lines,
   * the number of the pid's last syscall whether traced or not (`[ 231] +++ exited with 0 +++`).
   */
  syscalls?: Iterable<number>;
  /**
   * -e read= / -e write=: hex+ASCII dumps of the data of read/pread64/recvfrom/readv (write/
   * pwrite64/sendto/writev) calls on these fds after their line. Capture the buffers whole
   * (core's compileCapturePlan `dumpIo`) or the dumps are left out.
   */
  readDumps?: FdSet;
  writeDumps?: FdSet;
  /** -X: constants as names ("abbrev", default), numbers ("raw") or both ("verbose"). */
  constStyle?: "abbrev" | "raw" | "verbose";
  /** -qq / -e quiet=exit: leave out `+++ exited with N +++` (`+++ killed by` still prints). */
  quietExit?: boolean;
  /** -e quiet=thread-execve (or superseded): leave out `+++ superseded by execve in pid N +++`. */
  quietSuperseded?: boolean;
  /** -v: unabbreviated structs (the stat family prints every field, not `...`). */
  verbose?: boolean;
  /**
   * strace's `strace: Process N attached` for each new traced process, printed where the
   * NEW_PROCESS record falls (inside an open line, as strace does): the text before `Process`,
   * e.g. "tstrace: ". strace prints these only when the trace goes to stderr and -q is off.
   * A DETACHED record gets `Process N detached` the same way.
   */
  attachNotice?: string;
  /**
   * strace's warnings about tracee memory read only in part (`umovestr: short read (16 < 4096)
   * @0x7f…: Bad address`, `umoven: short read (8 < 16) @0x7f…`), raised where strace raises
   * them: `prefix` goes before each (e.g. "tstrace: "). With `inTrace` (the trace goes to stderr,
   * as strace's warnings do) they are written into the trace output where strace writes them,
   * inside the open line; otherwise {@link Decoder.takeWarnings} hands them out. Absent: none.
   */
  warnings?: { readonly prefix: string; readonly inTrace: boolean };
  /**
   * --decode-fds: "path" (-y) prints what each fd named, `3</etc/passwd>`; "all" (-yy) also
   * socket details, device numbers and pidfd pids; or strace's set of members: "socket" alone
   * prints `<TCP:[…]>` for sockets and nothing for other fds, and so on. Needs FD_PATH captures in
   * the records (a capture plan compiled with "all" when the set names any detail). Default "none".
   */
  decodeFds?: "none" | "path" | "all" | readonly FdDetail[];
  /**
   * --decode-pids: "comm" prints each pid of the line prefix with its thread's name,
   * `[pid 42<sh>]`, from the COMM records native writes when asked (its `decodeComm` option).
   * "pidns" adds ` /* N in strace's PID NS *\/` to a pid a tracee in another PID namespace sees
   * differently (from the PID captures the tracer took; recordings without them print bare pids).
   */
  decodePids?: readonly ("comm" | "pidns")[];
  /**
   * --json: one JSON object per line (JSON Lines) for every event instead of strace's text; see
   * the JSON output guide and `event.schema.json`. A call is one object, written when it ends.
   * -e read=/write= dumps are not part of it.
   */
  json?: boolean;
  /** -e raw=: syscalls printed raw (arguments and return value in hex, nothing decoded). */
  rawSyscalls?: Iterable<number>;
  /** Syscalls printed unabbreviated, as -v prints every one (those -e abbrev= leaves out). */
  unabbreviatedSyscalls?: Iterable<number>;
  /** Syscalls whose structs and arrays print as addresses (those -e verbose= leaves out). */
  addressOnlySyscalls?: Iterable<number>;
  /**
   * Network interface names by index: netlink messages print a known index as strace does,
   * `if_nametoindex("lo")` (strace asks if_indextoname where it runs). Default: none, numbers.
   */
  interfaceNames?: ReadonlyMap<number, string>;
}

/** Digits after the point: s none, ms 3, us 6, ns 9. */
export type TimePrecision = "s" | "ms" | "us" | "ns";

/** strace's --timestamps=FORMAT,PRECISION: time of day (`HH:MM:SS`) or seconds since the epoch. */
export interface Timestamps {
  readonly format: "time" | "unix";
  readonly precision: TimePrecision;
}

/** A set of file descriptors: those listed below {@link FD_SET_BITS}, and `others` for the rest. */
export interface FdSet {
  readonly fds: Iterable<number>;
  /** Whether fds at or past {@link FD_SET_BITS} are in the set (`-e read=!3`, `all`). */
  readonly others?: boolean;
}

/** How many fds an {@link FdSet} lists one by one. */
export const FD_SET_BITS = 65536;

const PRECISION_CODES: Readonly<Record<TimePrecision, number>> = { s: 0, ms: 1, us: 2, ns: 3 };
const TS_SHORTHANDS: Readonly<Record<string, Timestamps>> = {
  time: { format: "time", precision: "s" },
  micro: { format: "time", precision: "us" },
  epoch: { format: "unix", precision: "us" },
};

/** The timing bits of lineOptions' flags (see assembly/index.ts). */
function timingBits(o: DecoderOptions): number {
  const ts = typeof o.timestamps === "string" ? TS_SHORTHANDS[o.timestamps] : o.timestamps;
  const rel = o.relativeTimestamps ?? (o.timestamps === "relative" ? "us" : undefined);
  const times = o.syscallTimes === true ? "us" : o.syscallTimes || undefined;
  const code = (p: TimePrecision | undefined): number => PRECISION_CODES[p ?? "us"] ?? 2;
  return (
    ((ts === undefined ? 0 : ts.format === "unix" ? 2 : 1) << 2) |
    (rel === undefined ? 0 : 16) |
    (times === undefined ? 0 : 32) |
    (code(ts?.precision) << 14) |
    (code(rel) << 16) |
    (code(times) << 18)
  );
}
/** A --decode-fds set member. */
export type FdDetail = "path" | "socket" | "dev" | "pidfd";
const FD_DETAIL_BITS: Readonly<Record<FdDetail, number>> = { path: 1, socket: 2, dev: 4, pidfd: 8 };
const DECODE_FDS: Readonly<Record<string, number>> = { none: 0, path: 1, all: 15 };

function decodeFdsBits(v: DecoderOptions["decodeFds"]): number {
  if (v === undefined) return 0;
  if (typeof v === "string") return DECODE_FDS[v] ?? 0;
  return v.reduce((m, d) => m | (FD_DETAIL_BITS[d] ?? 0), 0);
}
const XLAT_STYLES: Readonly<Record<string, number>> = { abbrev: 0, raw: 1, verbose: 2 };
const STATUS_BITS: Readonly<Record<string, number>> = {
  successful: 1,
  failed: 2,
  unfinished: 4,
  unavailable: 8,
  detached: 16,
};

/** Where and why decoding of a batch stopped early. */
export interface DecodeError {
  /** Byte offset of the bad record in the batch. */
  readonly offset: number;
  /** What was wrong with it. */
  readonly message: string;
}

/** A stateful decoder for one trace (per-pid state spans batches). */
export interface Decoder {
  /** Decode one batch of whole records; returns UTF-8 text of the finished lines (a fresh copy). */
  decode(batch: Uint8Array): Uint8Array;
  /**
   * As {@link decode}, but the text is a view into the decoder's own memory, valid only until
   * the next call on this decoder: no copy and no garbage per batch, for a caller that writes the
   * text out at once (a long trace then costs no memory beyond the decoder's).
   */
  decodeTransient(batch: Uint8Array): Uint8Array;
  /** Flush lines still pending (unfinished syscalls at the end of a trace). */
  finish(): Uint8Array;
  /**
   * -r's reference: the time (ns since the epoch) of the last line printed, or null before the
   * first. strace keeps one for all processes, so decoders of one trace split by pid (-ff) hand
   * it on: set it before a decode and read it back after.
   */
  relativeBase: bigint | null;
  /**
   * --json: the time (ns since the epoch) `rel_ns` counts from, or null before the first event
   * (then the first event's). Decoders of one trace split by pid (-ff) share the trace's start.
   */
  traceStart: bigint | null;
  /** Convenience for tests: decode to string. */
  decodeToString(batch: Uint8Array): string;
  /**
   * The warnings (whole lines) raised since the last call, when {@link DecoderOptions.warnings}
   * keeps them out of the trace; "" when there are none.
   */
  takeWarnings(): string;
  /**
   * The corrupt record that stopped the last decode() (a bad size, a truncated body or capture),
   * or null. Records before it were decoded; the rest of that batch was skipped.
   */
  readonly lastError: DecodeError | null;
}

const ERROR_MESSAGES: Readonly<Record<number, string>> = {
  1: "truncated record header",
  2: "bad record size",
  3: "record body too short for its type",
  4: "capture runs past the end of its record",
  5: "unsupported record format version",
};

const PREFIX: Readonly<Record<NonNullable<DecoderOptions["pidPrefix"]>, number>> = {
  none: 0,
  bracket: 1,
  plain: 2,
};

function clampInt(v: number | undefined, dflt: number): number {
  if (v === undefined || !Number.isFinite(v)) return dflt;
  return Math.max(0, Math.min(0x7fffffff, Math.trunc(v)));
}

/**
 * Creates a decoder with its own WebAssembly instance and the tables loaded, synchronously:
 * call `await init()` once before (it throws otherwise).
 */
export function createDecoderSync(options: DecoderOptions = {}): Decoder {
  // x86_64's tables are encoded at build time: encoding core's at every start costs milliseconds.
  const blob = options.tables ?? defaultTables;
  const ex = instantiate();
  const p = ex.alloc(blob.length);
  new Uint8Array(ex.memory.buffer, p, blob.length).set(blob);
  const rc = ex.init(
    p,
    blob.length,
    clampInt(options.strsize, 32),
    clampInt(options.acolumn, 40),
    options.hex ?? 0,
    PREFIX[options.pidPrefix ?? "none"] ?? 0,
  );
  if (rc !== 0) throw new Error(`@tstrace/decoder-wasm: the tables blob was rejected (code ${rc})`);
  const flags =
    (options.syscallNumbers ? 1 : 0) |
    (options.instructionPointer ? 2 : 0) |
    timingBits(options) |
    (options.verbose ? 64 : 0) |
    (options.quietExit ? 128 : 0) |
    (options.quietSuperseded ? 1 << 22 : 0) |
    ((XLAT_STYLES[options.constStyle ?? "abbrev"] ?? 0) << 8) |
    (decodeFdsBits(options.decodeFds) << 10) |
    (options.decodePids?.includes("comm") ? 1 << 20 : 0) |
    (options.decodePids?.includes("pidns") ? 1 << 23 : 0) |
    (options.json ? 1 << 21 : 0);
  const status = options.status ? options.status.reduce((m, s) => m | (STATUS_BITS[s] ?? 0), 0) : 31;
  const tz = Math.trunc(options.utcOffsetMinutes ?? -new Date().getTimezoneOffset());
  ex.lineOptions(flags, status, Number.isFinite(tz) ? tz : 0);
  if (options.interfaceNames && options.interfaceNames.size > 0) {
    let text = "";
    for (const [index, name] of options.interfaceNames) text += `${index >>> 0}\0${name}\0`;
    const bytes = new TextEncoder().encode(text);
    const np = ex.alloc(bytes.length);
    new Uint8Array(ex.memory.buffer, np, bytes.length).set(bytes);
    ex.interfaceNames(np, bytes.length);
  }
  if (options.attachNotice) {
    const text = new TextEncoder().encode(options.attachNotice);
    const np = ex.alloc(text.length);
    new Uint8Array(ex.memory.buffer, np, text.length).set(text);
    ex.attachNotice(np, text.length);
  }
  if (options.warnings) {
    const text = new TextEncoder().encode(options.warnings.prefix);
    const wp = ex.alloc(Math.max(1, text.length));
    new Uint8Array(ex.memory.buffer, wp, text.length).set(text);
    ex.warnings(wp, text.length, options.warnings.inTrace ? 1 : 0);
  }
  if (options.syscalls !== undefined) {
    const bits = 4096;
    const map = new Uint8Array(bits >> 3);
    for (const n of options.syscalls)
      if (Number.isInteger(n) && n >= 0 && n < bits) map[n >> 3] = (map[n >> 3] as number) | (1 << (n & 7));
    const mp = ex.alloc(map.length);
    new Uint8Array(ex.memory.buffer, mp, map.length).set(map);
    ex.traceSet(mp, bits);
  }
  if (
    options.rawSyscalls !== undefined ||
    options.unabbreviatedSyscalls !== undefined ||
    options.addressOnlySyscalls !== undefined
  ) {
    const count = 4096;
    const map = new Uint8Array(count);
    const mark = (set: Iterable<number> | undefined, bit: number): void => {
      for (const n of set ?? [])
        if (Number.isInteger(n) && n >= 0 && n < count) map[n] = (map[n] as number) | bit;
    };
    mark(options.rawSyscalls, 1);
    mark(options.unabbreviatedSyscalls, 2);
    mark(options.addressOnlySyscalls, 4);
    const mp = ex.alloc(map.length);
    new Uint8Array(ex.memory.buffer, mp, map.length).set(map);
    ex.styleMap(mp, count);
  }
  if (options.readDumps !== undefined || options.writeDumps !== undefined) {
    const place = (set: FdSet | undefined): [number, number] => {
      const map = new Uint8Array(FD_SET_BITS >> 3);
      for (const n of set?.fds ?? [])
        if (Number.isInteger(n) && n >= 0 && n < FD_SET_BITS)
          map[n >> 3] = (map[n >> 3] as number) | (1 << (n & 7));
      const mp = ex.alloc(map.length);
      new Uint8Array(ex.memory.buffer, mp, map.length).set(map);
      return [mp, set?.others ? 1 : 0];
    };
    const [rp, rOthers] = place(options.readDumps);
    const [wp, wOthers] = place(options.writeDumps);
    ex.ioDumpSets(rp, FD_SET_BITS, rOthers, wp, FD_SET_BITS, wOthers);
  }
  if (options.signals !== undefined) {
    let lo = 0;
    let hi = 0;
    for (const n of options.signals) {
      if (!Number.isInteger(n) || n < 1 || n > 64) continue;
      if (n <= 32) lo |= 1 << (n - 1);
      else hi |= 1 << (n - 33);
    }
    ex.signalSet(lo >>> 0, hi >>> 0);
  }
  return new WasmDecoder(ex);
}

/** {@link init} (the package's own decoder.wasm), then {@link createDecoderSync}. */
export async function createDecoder(options: DecoderOptions = {}): Promise<Decoder> {
  await init();
  return createDecoderSync(options);
}

class WasmDecoder implements Decoder {
  #ex: DecoderExports;
  #err: DecodeError | null = null;
  #utf8 = new TextDecoder("utf-8");

  constructor(ex: DecoderExports) {
    this.#ex = ex;
  }

  get relativeBase(): bigint | null {
    const hi = this.#ex.relativeBaseHi() >>> 0;
    const lo = this.#ex.relativeBaseLo() >>> 0;
    return hi === 0 && lo === 0 ? null : (BigInt(hi) << 32n) | BigInt(lo);
  }

  set relativeBase(t: bigint | null) {
    const v = t === null ? 0n : BigInt.asUintN(64, t);
    this.#ex.setRelativeBase(Number(v >> 32n), Number(v & 0xffffffffn));
  }

  get traceStart(): bigint | null {
    const hi = this.#ex.jsonBaseHi() >>> 0;
    const lo = this.#ex.jsonBaseLo() >>> 0;
    return hi === 0 && lo === 0 ? null : (BigInt(hi) << 32n) | BigInt(lo);
  }

  set traceStart(t: bigint | null) {
    const v = t === null ? 0n : BigInt.asUintN(64, t);
    this.#ex.setJsonBase(Number(v >> 32n), Number(v & 0xffffffffn));
  }

  get lastError(): DecodeError | null {
    return this.#err;
  }

  /** Output bytes handed out by decodeTransient, released at the next call. */
  #lent = 0;

  #settle(): void {
    if (this.#lent === 0) return;
    this.#ex.release(this.#lent);
    this.#lent = 0;
  }

  #decodeOutput(batch: Uint8Array): number {
    this.#settle();
    const ex = this.#ex;
    const n = ex.decode(writeInput(ex, batch));
    const off = ex.errorOffset();
    this.#err = off < 0 ? null : { offset: off, message: ERROR_MESSAGES[ex.errorCode()] ?? "corrupt record" };
    return n;
  }

  decode(batch: Uint8Array): Uint8Array {
    const n = this.#decodeOutput(batch);
    const out = readOutput(this.#ex, n);
    this.#ex.release(n);
    return out;
  }

  decodeTransient(batch: Uint8Array): Uint8Array {
    const n = this.#decodeOutput(batch);
    this.#lent = n;
    return new Uint8Array(this.#ex.memory.buffer, this.#ex.outPtr(), n);
  }

  finish(): Uint8Array {
    this.#settle();
    const ex = this.#ex;
    const n = ex.finish();
    const out = readOutput(ex, n);
    ex.release(n);
    return out;
  }

  decodeToString(batch: Uint8Array): string {
    return this.#utf8.decode(this.decode(batch));
  }

  takeWarnings(): string {
    const ex = this.#ex;
    const n = ex.warningsLength();
    if (n === 0) return "";
    const text = this.#utf8.decode(new Uint8Array(ex.memory.buffer, ex.warningsPtr(), n));
    ex.clearWarnings();
    return text;
  }
}

let quoter: DecoderExports | undefined;

function quoteWith(ex: DecoderExports, bytes: Uint8Array, opts: QuoteOptions): string {
  const n = ex.quoteInput(
    writeInput(ex, bytes),
    clampInt(opts.strsize, 32),
    opts.hex ?? 0,
    opts.nulTerminated ? 1 : 0,
  );
  const s = asciiText(ex.memory.buffer, ex.outPtr(), n);
  ex.release(n);
  return s;
}

/**
 * `n` bytes of ASCII at `offset`, decoded straight from the module's memory (no copy). A quote is
 * ASCII (every other byte is escaped), so Node's latin1 decoding, about twice as fast as
 * TextDecoder's, gives the same string; elsewhere one TextDecoder serves every call.
 */
function asciiText(buffer: ArrayBuffer, offset: number, n: number): string {
  if (typeof Buffer !== "undefined") return Buffer.from(buffer, offset, n).toString("latin1");
  utf8 ??= new TextDecoder("utf-8");
  return utf8.decode(new Uint8Array(buffer, offset, n));
}

let utf8: TextDecoder | undefined;

/** Options of {@link quoteString}. */
export interface QuoteOptions {
  /** -s: bytes shown before `...` (default 32). */
  strsize?: number;
  /** -x level. */
  hex?: 0 | 1 | 2 | 3;
  /** Stop at the first NUL (a C string) instead of quoting it as `\0`. */
  nulTerminated?: boolean;
}

/** strace's quoting of bytes, `"\\1\\n\\377"`; call `await init()` once before (it throws otherwise). */
export function quoteString(bytes: Uint8Array, opts: QuoteOptions = {}): string {
  quoter ??= instantiate();
  return quoteWith(quoter, bytes, opts);
}

/** What a decoder build implements: dedicated decoders and struct printers, by the names core uses. */
export interface ImplementedNames {
  /** Names a syscall row's `decoder` (or the syscall's own name) can give for a dedicated decoder. */
  readonly decoders: readonly string[];
  /** Struct names (core's struct, array and value-capture types) with a printer. */
  readonly structs: readonly string[];
}

/**
 * The names this decoder implements, for tools and tests that check core against it; call
 * `await init()` once before (it throws otherwise).
 */
export function implementedNames(): ImplementedNames {
  quoter ??= instantiate();
  const ex = quoter;
  const list = (which: number): string[] => {
    const n = ex.implementedNames(which);
    const text = new TextDecoder("utf-8").decode(readOutput(ex, n));
    ex.release(n);
    return text.split("\n").filter((l) => l !== "");
  };
  return { decoders: list(0), structs: list(1) };
}
