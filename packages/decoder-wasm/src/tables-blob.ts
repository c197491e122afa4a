/**
 * Encodes @tstrace/core's data (one ArchTable, the constant tables, errnos, signals) into the one
 * binary blob the WebAssembly decoder reads at init (assembly/tables.ts). Nothing core knows is
 * re-typed in AssemblyScript: names, argument kinds, return kinds, constant values and messages all
 * arrive through this blob.
 *
 * Layout (version 2). Little-endian; offsets are bytes from the blob start; the blob is 8-aligned.
 *
 *   Header, 20 × u32:
 *     0  magic 0x42545354 ("TSTB")      4  version (1)              8  AUDIT_ARCH of the table
 *     12 syscall slots N (max nr + 1)   16 offset of N × u32 row offsets (0 = no syscall)
 *     20 const table count T            24 offset of T × u32 table offsets
 *     28 errno slots E (max + 1)        32 offset of E × (u32 name ref, u32 message ref)
 *     36 signal slots S (max + 1)       40 offset of S × u32 name ref
 *     44 struct count C                 48 offset of C × (u32 name ref, u32 size)
 *     52 string pool offset             56 string pool length           60 total length
 *     64 request count R                68 offset of R × 16-byte requests
 *     72 request-arg count A            76 offset of A × 16-byte request args
 *
 *   Request (core's request-dependent argument table, data/value-captures.ts), 16 bytes:
 *     u32 syscall name ref, u32 selector value (flag bits included), u8 selector argument,
 *     u8 pointee argument, u8 when (1 entry: the caller's data; 2 exit: what the kernel wrote),
 *     u8 match (bit 0: the value matches whatever a request's _IOC_SIZE bits; bits 1-4: how many
 *     low bits of the value vary, as EVIOCGABS(abs)'s), u32 struct name ref. A request not listed
 *     has no pointee the decoder reads.
 *
 *   Request arg (core's data/request-args.ts: fcntl's third argument by command), 16 bytes:
 *     u32 decoder name ref, u32 selector value, u8 argument, u8 kind code (0xff: not printed),
 *     u16 kind param (as in a syscall row), u32 0.
 *
 *   Syscall row, 36 bytes (4-aligned):
 *     u32 name ref, u32 decoder name ref (or 0xffffffff), u8 nargs, u8 ret kind, u16 0,
 *     6 × (u8 arg kind, u8 0, u16 param)
 *       param: bufIn → index of the length argument; iovec → index of the count argument;
 *              flags/enum → const table index (0xffff when core has no such table);
 *              struct → struct index in the struct list (0xffff when unknown);
 *              array → struct index | count argument << 12; sockaddr/sockaddrOut → the length
 *              argument (a socklen_t * for sockaddrOut); sigset → the size argument; fdset → the
 *              nfds argument; msghdr → 0; indirect → struct index;
 *              mmsghdr → the count argument.
 *
 *   Const table (8-aligned): u32 name ref, u8 kind (0 flags, 1 enum), u8 has type mask, u16 0,
 *     u32 entry count, u32 0, u64 type mask, then count × (u64 value, u32 name ref, u32 0),
 *     entries in core's order (the order strace prints flags in).
 *
 *   String ref: offset into the pool of (u16 byte length, UTF-8 bytes); 0xffffffff = none.
 *
 * Kind and return codes (ARG_KIND_CODES, RET_KIND_CODES) are this blob's contract with the
 * decoder, which reads them from assembly/kind-codes.ts, generated from them
 * (scripts/gen-kind-codes.mjs; test/contract.test.ts regenerates it byte for byte).
 */
import type {
  ArchTable,
  ArgKind,
  ConstTable,
  ErrnoEntry,
  PidType,
  RequestArgRow,
  RetKind,
  SignalEntry,
  ValueCaptureRow,
} from "@tstrace/core";

/** Argument kind codes (assembly/kind-codes.ts K_*). `raw` is printargs' %#lx for rows without kinds. */
export const ARG_KIND_CODES = {
  raw: 0,
  int: 1,
  uint: 2,
  long: 3,
  ulong: 4,
  hex: 5,
  ptr: 6,
  fd: 7,
  dirfd: 8,
  path: 9,
  str: 10,
  bufIn: 11,
  bufOut: 12,
  flags: 13,
  enum: 14,
  mode: 15,
  structIn: 16,
  structOut: 17,
  argv: 18,
  envp: 19,
  iovecIn: 20,
  iovecOut: 21,
  signo: 22,
  structInOut: 23,
  arrayIn: 24,
  arrayOut: 25,
  arrayInOut: 26,
  sockaddr: 27,
  sockaddrOut: 28,
  sigsetIn: 29,
  sigsetOut: 30,
  pathOut: 31,
  umode: 32,
  fdset: 33,
  msghdrIn: 34,
  msghdrInOut: 35,
  indirect: 36,
  mmsghdr: 37,
  uid: 38,
  // pidns (codes 39-42): a pid, its param the PidTypeCode.
  pid: 39,
  // ioctl-b: 61-62
  xint: 61,
} as const;

/**
 * A pid kind's param: core's PID_TYPE_CODES (record-format's PidTypeCode), spelled here so the
 * browser bundle does not load core's index; test/contract.test.ts checks they agree.
 */
export const PID_TYPE_PARAMS: Readonly<Record<PidType, number>> = {
  tid: 0,
  tgid: 1,
  pgid: 2,
  sid: 3,
  tgidPgid: 4,
  byArg3: 5,
  byTypeField: 6,
};

/** Return kind codes (assembly/kind-codes.ts R_*). */
export const RET_KIND_CODES: Readonly<Record<RetKind, number>> = {
  int: 0,
  fd: 1,
  hex: 2,
  none: 3,
  fdByArgs: 4,
  pid: 5,
  // pidns (codes 39-42): thread, process group and session ids.
  tid: 39,
  pgid: 40,
  sid: 41,
};

/** Blob magic ("TSTB") and version. */
export const BLOB_MAGIC = 0x42545354;
export const BLOB_VERSION = 2;
/** core's CaptureWhen.ENTRY and EXIT (test/contract.test.ts checks): a request's pointee is read then. */
export const WHEN_ENTRY = 1;
export const WHEN_EXIT = 2;
/** A flags kind's param bit: the flags are all 64 bits of the argument (assembly/decoders/args.ts). */
export const FLAGS_WIDE = 0x8000;
/** A request arg's kind code for "the argument is not printed". */
const NOT_PRINTED = 0xff;
/** Header bytes (20 × u32). */
const HEADER_SIZE = 80;

const NO_REF = 0xffffffff;
const NONE16 = 0xffff;
const ROW_SIZE = 36;

/** The data the decoder needs, as @tstrace/core exports it. */
export interface DecoderTables {
  /** One architecture's syscall table. */
  readonly arch: ArchTable;
  /** Constant tables referenced by argument kinds and by dedicated decoders. */
  readonly constTables: readonly ConstTable[];
  /** errno names and messages. */
  readonly errnos: readonly ErrnoEntry[];
  /** Signal names. */
  readonly signals: readonly SignalEntry[];
  /**
   * Request-dependent arguments, core's `valueCaptures`: ioctl's request, prctl's option → the
   * struct the pointee is, and when it is read. The decoder keeps no list of its own.
   */
  readonly requests: Readonly<Record<string, ValueCaptureRow>>;
  /** Request-dependent scalar arguments, core's `requestArgs` (fcntl's third argument by command). */
  readonly requestArgs: Readonly<Record<string, RequestArgRow>>;
}

class Writer {
  buf = new Uint8Array(1 << 16);
  view = new DataView(this.buf.buffer);
  len = 0;
  reserve(n: number): number {
    while (this.len + n > this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
      this.view = new DataView(next.buffer);
    }
    const at = this.len;
    this.len += n;
    return at;
  }
  align(n: number): void {
    while (this.len % n !== 0) this.reserve(1);
  }
  u32(at: number, v: number): void {
    this.view.setUint32(at, v >>> 0, true);
  }
}

/** Encodes the tables into the blob the WebAssembly decoder loads. */
export function encodeTables(t: DecoderTables): Uint8Array {
  const enc = new TextEncoder();
  const pool: number[] = [];
  const refs = new Map<string, number>();
  const str = (s: string | undefined): number => {
    if (s === undefined) return NO_REF;
    const known = refs.get(s);
    if (known !== undefined) return known;
    let bytes = enc.encode(s);
    if (bytes.length > 0xffff) bytes = bytes.subarray(0, 0xffff);
    const ref = pool.length;
    pool.push(bytes.length & 0xff, bytes.length >> 8, ...bytes);
    refs.set(s, ref);
    return ref;
  };

  const tableIndex = new Map<string, number>();
  t.constTables.forEach((c, i) => {
    if (!tableIndex.has(c.name)) tableIndex.set(c.name, i);
  });
  const structIndex = new Map<string, number>();
  t.arch.structs.forEach((s, i) => {
    if (!structIndex.has(s.name)) structIndex.set(s.name, i);
  });

  const kindOf = (k: ArgKind): [number, number] => {
    switch (k.k) {
      case "bufIn":
        return [ARG_KIND_CODES.bufIn, k.len];
      case "iovec":
        return [k.dir === "in" ? ARG_KIND_CODES.iovecIn : ARG_KIND_CODES.iovecOut, k.count];
      case "flags": {
        const idx = tableIndex.get(k.table);
        if (idx === undefined) return [ARG_KIND_CODES.flags, NONE16];
        return [ARG_KIND_CODES.flags, k.wide ? idx | FLAGS_WIDE : idx];
      }
      case "enum":
        return [ARG_KIND_CODES[k.k], tableIndex.get(k.table) ?? NONE16];
      case "struct":
        return [
          k.dir === "in"
            ? ARG_KIND_CODES.structIn
            : k.dir === "out"
              ? ARG_KIND_CODES.structOut
              : ARG_KIND_CODES.structInOut,
          structIndex.get(k.type) ?? NONE16,
        ];
      case "array": {
        const idx = structIndex.get(k.type);
        if (idx === undefined || idx > 0xfff) return [ARG_KIND_CODES.hex, 0];
        const code =
          k.dir === "in"
            ? ARG_KIND_CODES.arrayIn
            : k.dir === "out"
              ? ARG_KIND_CODES.arrayOut
              : ARG_KIND_CODES.arrayInOut;
        return [code, idx | (k.count << 12)];
      }
      case "sockaddr":
      case "sockaddrOut":
        return [ARG_KIND_CODES[k.k], k.len];
      case "sigset":
        return [k.dir === "in" ? ARG_KIND_CODES.sigsetIn : ARG_KIND_CODES.sigsetOut, k.len];
      case "fdset":
        return [ARG_KIND_CODES.fdset, k.nfds];
      case "msghdr":
        return [k.dir === "in" ? ARG_KIND_CODES.msghdrIn : ARG_KIND_CODES.msghdrInOut, 0];
      case "mmsghdr":
        return [ARG_KIND_CODES.mmsghdr, k.count];
      // Only the dedicated msgsnd/msgrcv decoders print a message; anywhere else it is an address.
      case "msgbuf":
        return [ARG_KIND_CODES.ptr, 0];
      case "indirect":
        return [ARG_KIND_CODES.indirect, structIndex.get(k.type) ?? NONE16];
      case "pid":
        return [ARG_KIND_CODES.pid, PID_TYPE_PARAMS[k.pidType]];
      // Printed as any fd; only its capture differs (another process's fd directory).
      case "pidfdFd":
        return [ARG_KIND_CODES.fd, 0];
      default:
        return [ARG_KIND_CODES[k.k], 0];
    }
  };

  const w = new Writer();
  const header = w.reserve(HEADER_SIZE);
  const nSys = t.arch.syscalls.reduce((m, r) => Math.max(m, r.nr + 1), 0);
  const sysOff = w.reserve(nSys * 4);
  for (const r of t.arch.syscalls) {
    w.align(4);
    const at = w.reserve(ROW_SIZE);
    w.u32(at, str(r.name));
    w.u32(at + 4, str(r.decoder));
    const nargs = Math.min(6, Math.max(0, r.nargs));
    w.buf[at + 8] = nargs;
    w.buf[at + 9] = RET_KIND_CODES[r.ret] ?? 0;
    for (let i = 0; i < nargs; i++) {
      const spec = r.args?.[i];
      const [code, param] = spec ? kindOf(spec.kind) : [ARG_KIND_CODES.raw, 0];
      w.buf[at + 12 + i * 4] = code;
      w.view.setUint16(at + 14 + i * 4, param, true);
    }
    w.u32(sysOff + r.nr * 4, at);
  }

  w.align(8);
  const tabOff = w.reserve(t.constTables.length * 4);
  t.constTables.forEach((c, i) => {
    w.align(8);
    const at = w.reserve(24 + c.entries.length * 16);
    w.u32(tabOff + i * 4, at);
    w.u32(at, str(c.name));
    w.buf[at + 4] = c.kind === "enum" ? 1 : 0;
    w.buf[at + 5] = c.typeMask !== undefined ? 1 : 0;
    w.u32(at + 8, c.entries.length);
    w.u32(at + 12, c.dflt !== undefined ? str(c.dflt) : NO_REF);
    w.view.setBigUint64(at + 16, BigInt.asUintN(64, BigInt(c.typeMask ?? 0)), true);
    c.entries.forEach(([value, name], j) => {
      const e = at + 24 + j * 16;
      w.view.setBigUint64(e, BigInt.asUintN(64, BigInt(value)), true);
      w.u32(e + 8, str(name));
    });
  });

  const nErr = t.errnos.reduce((m, e) => Math.max(m, e.value + 1), 0);
  w.align(8);
  const errOff = w.reserve(nErr * 8);
  for (let i = 0; i < nErr * 2; i++) w.u32(errOff + i * 4, NO_REF);
  for (const e of t.errnos) {
    w.u32(errOff + e.value * 8, str(e.name));
    w.u32(errOff + e.value * 8 + 4, str(e.message));
  }

  const nSig = t.signals.reduce((m, s) => Math.max(m, s.value + 1), 0);
  const sigOff = w.reserve(nSig * 4);
  for (let i = 0; i < nSig; i++) w.u32(sigOff + i * 4, NO_REF);
  for (const s of t.signals) w.u32(sigOff + s.value * 4, str(s.name));

  const structOff = w.reserve(t.arch.structs.length * 8);
  t.arch.structs.forEach((s, i) => {
    w.u32(structOff + i * 8, str(s.name));
    w.u32(structOff + i * 8 + 4, s.size);
  });

  // Requests: core's table, each value resolved by name in the constant tables handed in.
  const requests: [number, number, number, number, number, number, number][] = [];
  for (const [syscall, row] of Object.entries(t.requests)) {
    if (!t.arch.syscalls.some((r) => r.name === syscall)) continue;
    const names = t.constTables.find((c) => c.name === row.table);
    if (!names) throw new Error(`requests of ${syscall}: no constant table ${row.table}`);
    for (const c of row.captures) {
      const value = typeof c.value === "number" ? c.value : names.entries.find(([, n]) => n === c.value)?.[0];
      if (value === undefined) throw new Error(`requests of ${syscall}: ${c.value} is not in ${row.table}`);
      const when = c.dir === "in" ? WHEN_ENTRY : WHEN_EXIT;
      requests.push([
        str(syscall),
        (value | (c.orBits ?? 0)) >>> 0,
        row.selector,
        c.arg,
        when,
        (c.anyIocSize ? 1 : 0) | ((c.lowBits ?? 0) << 1),
        str(c.type),
      ]);
    }
  }
  w.align(8);
  const reqOff = w.reserve(requests.length * 16);
  requests.forEach(([name, value, selector, arg, when, match, type], i) => {
    const at = reqOff + i * 16;
    w.u32(at, name);
    w.u32(at + 4, value);
    w.buf[at + 8] = selector;
    w.buf[at + 9] = arg;
    w.buf[at + 10] = when;
    w.buf[at + 11] = match;
    w.u32(at + 12, type);
  });

  const reqArgs: [number, number, number, number, number][] = [];
  for (const [decoder, row] of Object.entries(t.requestArgs)) {
    const names = t.constTables.find((c) => c.name === row.table);
    if (!names) throw new Error(`request args of ${decoder}: no constant table ${row.table}`);
    for (const [value, kind] of Object.entries(row.byValue)) {
      const entry = names.entries.find(([, n]) => n === value);
      if (!entry) throw new Error(`request args of ${decoder}: ${value} is not in ${row.table}`);
      const [code, param] = kind === null ? [NOT_PRINTED, 0] : kindOf(kind);
      reqArgs.push([str(decoder), entry[0] >>> 0, row.arg, code, param]);
    }
  }
  w.align(8);
  const reqArgOff = w.reserve(reqArgs.length * 16);
  reqArgs.forEach(([name, value, argIdx, code, param], i) => {
    const at = reqArgOff + i * 16;
    w.u32(at, name);
    w.u32(at + 4, value);
    w.buf[at + 8] = argIdx;
    w.buf[at + 9] = code;
    w.view.setUint16(at + 10, param, true);
  });

  w.align(8);
  const poolOff = w.reserve(pool.length);
  w.buf.set(pool, poolOff);
  w.align(8);

  const h = [
    BLOB_MAGIC,
    BLOB_VERSION,
    t.arch.auditArch,
    nSys,
    sysOff,
    t.constTables.length,
    tabOff,
    nErr,
    errOff,
    nSig,
    sigOff,
    t.arch.structs.length,
    structOff,
    poolOff,
    pool.length,
    w.len,
    requests.length,
    reqOff,
    reqArgs.length,
    reqArgOff,
  ];
  h.forEach((v, i) => {
    w.u32(header + i * 4, v);
  });
  return w.buf.slice(0, w.len);
}
