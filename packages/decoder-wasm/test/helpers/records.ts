// Test-only record builder: produces record-format v1 bytes (packages/core/src/record-format.ts).
import {
  CaptureHeader,
  CaptureKind,
  CaptureStatus,
  GroupStopBody,
  RecordHeader,
  RecordType,
  SignalBody,
  SignalFlags,
  SyscallEnterBody,
  SyscallExitBody,
} from "@tstrace/core";

export const X86_64 = 0xc000003e;

export interface Capture {
  arg: number;
  kind: number;
  status?: number;
  data: Uint8Array;
}

const pad8 = (n: number): number => (n + 7) & ~7;
const enc = new TextEncoder();

function record(type: number, pid: number, body: Uint8Array): Uint8Array {
  const size = pad8(RecordHeader.length + body.length);
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  v.setUint32(RecordHeader.size, size, true);
  v.setUint16(RecordHeader.type, type, true);
  v.setUint32(RecordHeader.pid, pid, true);
  v.setBigUint64(RecordHeader.timeNs, 1700000000000000000n, true);
  out.set(body, RecordHeader.length);
  return out;
}

function captures(list: readonly Capture[]): Uint8Array {
  const parts = list.map((c) => {
    const b = new Uint8Array(CaptureHeader.size + pad8(c.data.length));
    const v = new DataView(b.buffer);
    b[CaptureHeader.arg] = c.arg;
    b[CaptureHeader.kind] = c.kind;
    v.setUint16(CaptureHeader.status, c.status ?? 0, true);
    v.setUint32(CaptureHeader.length, c.data.length, true);
    b.set(c.data, CaptureHeader.size);
    return b;
  });
  return concat(...parts);
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function enter(
  pid: number,
  nr: number,
  args: readonly (number | bigint)[],
  caps: readonly Capture[] = [],
  arch = X86_64,
  sp = 0n,
): Uint8Array {
  const body = new Uint8Array(SyscallEnterBody.length);
  const v = new DataView(body.buffer);
  v.setUint32(SyscallEnterBody.arch, arch, true);
  v.setUint32(SyscallEnterBody.nr, nr, true);
  for (let i = 0; i < 6; i++)
    v.setBigUint64(SyscallEnterBody.args + i * 8, BigInt.asUintN(64, BigInt(args[i] ?? 0)), true);
  v.setBigUint64(SyscallEnterBody.sp, sp, true);
  v.setUint32(SyscallEnterBody.captureCount, caps.length, true);
  return record(RecordType.SYSCALL_ENTER, pid, concat(body, captures(caps)));
}

export function exit(
  pid: number,
  nr: number,
  rval: number | bigint,
  caps: readonly Capture[] = [],
  arch = X86_64,
): Uint8Array {
  const body = new Uint8Array(SyscallExitBody.length);
  const v = new DataView(body.buffer);
  v.setUint32(SyscallExitBody.arch, arch, true);
  v.setUint32(SyscallExitBody.nr, nr, true);
  v.setBigInt64(SyscallExitBody.rval, BigInt(rval), true);
  v.setUint32(SyscallExitBody.isError, BigInt(rval) < 0n && BigInt(rval) > -4096n ? 1 : 0, true);
  v.setUint32(SyscallExitBody.captureCount, caps.length, true);
  return record(RecordType.SYSCALL_EXIT, pid, concat(body, captures(caps)));
}

/** An exited-process record with a raw wait status and the tracer's last syscall number, if any. */
export function exited(pid: number, waitStatus: number, lastNr?: number): Uint8Array {
  const body = new Uint8Array(8);
  new DataView(body.buffer).setInt32(0, waitStatus, true);
  new DataView(body.buffer).setUint32(4, lastNr === undefined ? 0 : lastNr + 1, true);
  return record(RecordType.EXIT, pid, body);
}

/**
 * A signal-delivery record; `fill` writes the siginfo fields. `ip`: the instruction pointer at
 * the stop, as the tracer writes it (without: as recordings made before it).
 */
export function signal(pid: number, signo: number, fill: (v: DataView) => void, ip?: bigint): Uint8Array {
  const body = new Uint8Array(SignalBody.length + (ip === undefined ? 0 : 8));
  const v = new DataView(body.buffer);
  v.setUint32(SignalBody.signo, signo, true);
  const si = new DataView(body.buffer, SignalBody.siginfo, 128);
  si.setInt32(0, signo, true);
  fill(si);
  if (ip !== undefined) {
    v.setUint32(SignalBody.flags, SignalFlags.IP, true);
    v.setBigUint64(SignalBody.ip, ip, true);
  }
  return record(RecordType.SIGNAL, pid, body);
}

/** A group-stop record; `ip` as for {@link signal}. */
export function groupStop(pid: number, signo: number, ip?: bigint): Uint8Array {
  const body = new Uint8Array(GroupStopBody.length + (ip === undefined ? 0 : 8));
  const v = new DataView(body.buffer);
  v.setUint32(GroupStopBody.signo, signo, true);
  if (ip !== undefined) {
    v.setUint32(GroupStopBody.flags, SignalFlags.IP, true);
    v.setBigUint64(GroupStopBody.ip, ip, true);
  }
  return record(RecordType.GROUP_STOP, pid, body);
}

export function newProcess(pid: number, child: number): Uint8Array {
  const body = new Uint8Array(8);
  new DataView(body.buffer).setUint32(0, child, true);
  return record(RecordType.NEW_PROCESS, pid, body);
}

export const cstr = (arg: number, s: string | Uint8Array, status = 0): Capture => ({
  arg,
  kind: CaptureKind.CSTRING,
  status,
  data: typeof s === "string" ? enc.encode(s) : s,
});
export const bufArg = (arg: number, data: Uint8Array | string, status = 0): Capture => ({
  arg,
  kind: CaptureKind.BUFFER_ARG_LEN,
  status,
  data: typeof data === "string" ? enc.encode(data) : data,
});
export const bufRet = (arg: number, data: Uint8Array | string): Capture => ({
  arg,
  kind: CaptureKind.BUFFER_RET_LEN,
  data: typeof data === "string" ? enc.encode(data) : data,
});
export const struct = (arg: number, data: Uint8Array): Capture => ({ arg, kind: CaptureKind.STRUCT, data });
/** A STRUCT_IF capture: what native read because the selector argument (ioctl's request) matched. */
export const structIf = (arg: number, data: Uint8Array | string): Capture => ({
  arg,
  kind: CaptureKind.STRUCT_IF,
  data: typeof data === "string" ? enc.encode(data) : data,
});

/**
 * A POINTEE capture: what the pointer `ptrOffset` bytes into argument `arg`'s struct points at
 * (`ptr`), `wanted` bytes asked for, of which `data` were readable (PARTIAL when fewer).
 */
export function pointee(
  arg: number,
  ptrOffset: number,
  ptr: bigint,
  wanted: number,
  data: Uint8Array,
): Capture {
  const head = new Uint8Array(16);
  const v = new DataView(head.buffer);
  v.setUint32(0, ptrOffset, true);
  v.setUint32(4, wanted, true);
  v.setBigUint64(8, ptr, true);
  return {
    arg,
    kind: CaptureKind.POINTEE,
    status: data.length < wanted ? CaptureStatus.PARTIAL : CaptureStatus.OK,
    data: concat(head, data),
  };
}

/** STRING_ARRAY capture data: total pointers, then the captured strings. */
export function strArray(arg: number, total: number, strings: readonly string[]): Capture {
  const parts: Uint8Array[] = [];
  const head = new Uint8Array(8);
  new DataView(head.buffer).setUint32(0, total, true);
  new DataView(head.buffer).setUint32(4, strings.length, true);
  parts.push(head);
  for (const s of strings) {
    const b = enc.encode(s);
    const e = new Uint8Array(8 + ((b.length + 3) & ~3));
    new DataView(e.buffer).setUint32(4, b.length, true);
    e.set(b, 8);
    parts.push(e);
  }
  return { arg, kind: CaptureKind.STRING_ARRAY, data: concat(...parts) };
}

/** Little-endian struct bytes from [offset, size, value] fields. */
export function bytes(size: number, fields: readonly [number, 2 | 4 | 8, number | bigint][]): Uint8Array {
  const b = new Uint8Array(size);
  const v = new DataView(b.buffer);
  for (const [off, sz, val] of fields) {
    if (sz === 2) v.setUint16(off, Number(val) & 0xffff, true);
    else if (sz === 4) v.setUint32(off, Number(val) >>> 0, true);
    else v.setBigUint64(off, BigInt.asUintN(64, BigInt(val)), true);
  }
  return b;
}

/** A DETACHED record (strace detached from the pid: -p then ^C). */
export function detached(pid: number): Uint8Array {
  return record(RecordType.DETACHED, pid, new Uint8Array(0));
}

/** The same record with its header timestamp (CLOCK_REALTIME ns) replaced. */
export function at(rec: Uint8Array, timeNs: bigint): Uint8Array {
  const out = rec.slice();
  new DataView(out.buffer).setBigUint64(RecordHeader.timeNs, timeNs, true);
  return out;
}

/** A SYSCALL_ENTER record with its instruction pointer set. */
export function withIp(rec: Uint8Array, ip: bigint): Uint8Array {
  const out = rec.slice();
  new DataView(out.buffer).setBigUint64(RecordHeader.length + SyscallEnterBody.ip, ip, true);
  return out;
}

/** An FD_PATH capture (-y/-yy): form, the path, then the form's detail text. */
export function fdPath(arg: number, path: string, form = 0, detail = ""): Capture {
  const p = enc.encode(path);
  const d = enc.encode(detail);
  const data = new Uint8Array(8 + p.length + d.length);
  const v = new DataView(data.buffer);
  v.setUint32(0, form, true);
  v.setUint32(4, p.length, true);
  data.set(p, 8);
  data.set(d, 8 + p.length);
  return { arg, kind: CaptureKind.FD_PATH, data };
}

/** An FD_PATHS capture: what each fd of an array named, as [fd, path, form, detail] (path null: nothing). */
export function fdPaths(arg: number, elems: readonly [number, string | null, number?, string?][]): Capture {
  const parts: Uint8Array[] = [];
  const head = new Uint8Array(8);
  new DataView(head.buffer).setUint32(0, elems.length, true);
  parts.push(head);
  for (const [fd, path, form, detail] of elems) {
    const p = enc.encode(path ?? "");
    const d = enc.encode(detail ?? "");
    const e = new Uint8Array((20 + p.length + d.length + 3) & ~3);
    const v = new DataView(e.buffer);
    v.setInt32(0, fd, true);
    v.setUint32(4, path === null ? 1 : 0, true);
    v.setUint32(8, form ?? 0, true);
    v.setUint32(12, p.length, true);
    v.setUint32(16, d.length, true);
    e.set(p, 20);
    e.set(d, 20 + p.length);
    parts.push(e);
  }
  return { arg, kind: CaptureKind.FD_PATHS, data: concat(...parts) };
}

/** An FDSET capture: one long (64 bits) with the given descriptors set. */
export function fdset(arg: number, fds: readonly number[]): Capture {
  let bits = 0n;
  for (const fd of fds) bits |= 1n << BigInt(fd);
  return { arg, kind: CaptureKind.FDSET, data: bytes(8, [[0, 8, bits]]) };
}

/** A piece of an MSGHDR capture: u32 status, u32 length, bytes padded to 8. */
function piece(data: Uint8Array | undefined): Uint8Array {
  const d = data ?? new Uint8Array(0);
  const out = new Uint8Array(8 + pad8(d.length));
  const v = new DataView(out.buffer);
  v.setUint32(0, data ? 0 : 1, true);
  v.setUint32(4, d.length, true);
  out.set(d, 8);
  return out;
}

/** One iovec entry as an IOVEC capture carries it. */
export interface IovecEntry {
  base: bigint;
  len: number;
  data: string;
}

/** What an MSGHDR capture holds (record-format.ts, CaptureKind.MSGHDR). */
export interface MsghdrFields {
  name: bigint;
  namelen: number;
  nameBytes?: Uint8Array;
  iov: bigint;
  iovs: readonly IovecEntry[];
  control: bigint;
  controllen: number;
  controlBytes?: Uint8Array;
  flags: number;
}

export function msghdr(arg: number, m: MsghdrFields): Capture {
  const hdr = bytes(56, [
    [0, 8, m.name],
    [8, 4, m.namelen],
    [16, 8, m.iov],
    [24, 8, m.iovs.length],
    [32, 8, m.control],
    [40, 8, m.controllen],
    [48, 4, m.flags],
  ]);
  const iov = [bytes(8, [[0, 4, m.iovs.length]])];
  for (const e of m.iovs) {
    const d = enc.encode(e.data);
    const entry = new Uint8Array(24 + pad8(d.length));
    const v = new DataView(entry.buffer);
    v.setBigUint64(0, e.base, true);
    v.setBigUint64(8, BigInt(e.len), true);
    v.setUint32(20, d.length, true);
    entry.set(d, 24);
    iov.push(entry);
  }
  return {
    arg,
    kind: CaptureKind.MSGHDR,
    data: concat(hdr, piece(m.nameBytes), new Uint8Array(8), ...iov, piece(m.controlBytes)),
  };
}

/** An INDIRECT capture: the struct, then what its first field points at (undefined: NULL). */
export function indirect(arg: number, struct: Uint8Array, pointee: Uint8Array | undefined): Capture {
  const head = new Uint8Array(pad8(struct.length));
  head.set(struct);
  return { arg, kind: CaptureKind.INDIRECT, data: concat(head, piece(pointee ?? new Uint8Array(0))) };
}

/** An MMSGHDR capture: per entry its msg_len and an MSGHDR capture's data. */
export function mmsghdr(arg: number, entries: readonly { msgLen: number; hdr: MsghdrFields }[]): Capture {
  const parts = [bytes(8, [[0, 4, entries.length]])];
  for (const e of entries) {
    const data = msghdr(arg, e.hdr).data;
    parts.push(
      bytes(8, [
        [0, 4, data.length],
        [4, 4, e.msgLen],
      ]),
      data,
    );
  }
  return { arg, kind: CaptureKind.MMSGHDR, data: concat(...parts) };
}
