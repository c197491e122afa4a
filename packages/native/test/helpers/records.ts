// A small reader of the record format, for tests only (the real decoder is @tstrace/decoder-wasm).
import {
  CaptureHeader,
  CaptureKind,
  RecordHeader,
  RecordType,
  SyscallEnterBody,
  SyscallExitBody,
} from "../../../core/src/record-format.ts";

export interface Capture {
  arg: number;
  kind: number;
  status: number;
  data: Uint8Array;
}

export interface ParsedRecord {
  offset: number;
  size: number;
  type: number;
  flags: number;
  pid: number;
  timeNs: bigint;
  body: Uint8Array;
  /** SYSCALL_ENTER / SYSCALL_EXIT */
  arch?: number;
  nr?: number;
  args?: bigint[];
  rval?: bigint;
  isError?: boolean;
  captures?: Capture[];
  /** SIGNAL, GROUP_STOP */
  signo?: number;
  /** EXIT */
  status?: number;
  /** EXIT: the thread's last syscall number (-1: none seen) */
  lastNr?: number;
  /** EXEC: former tid; NEW_PROCESS: new pid; ATTACHED: the pid asked for */
  value?: number;
  how?: number;
  /** MESSAGE */
  text?: string;
}

function parseCaptures(bytes: Uint8Array, start: number, end: number, count: number): Capture[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Capture[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + CaptureHeader.size > end) throw new Error(`capture ${i} header past record end`);
    const length = view.getUint32(at + CaptureHeader.length, true);
    const dataStart = at + CaptureHeader.size;
    if (dataStart + length > end) throw new Error(`capture ${i} data past record end`);
    out.push({
      arg: view.getUint8(at + CaptureHeader.arg),
      kind: view.getUint8(at + CaptureHeader.kind),
      status: view.getUint16(at + CaptureHeader.status, true),
      data: bytes.subarray(dataStart, dataStart + length),
    });
    at = dataStart + Math.ceil(length / 8) * 8;
  }
  if (at !== end) throw new Error(`captures end at ${at}, record at ${end}`);
  return out;
}

/** Parses whole records back to back; throws on any inconsistency. */
export function parseRecords(bytes: Uint8Array): ParsedRecord[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: ParsedRecord[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    if (offset + RecordHeader.length > bytes.length) throw new Error(`truncated header at ${offset}`);
    const size = view.getUint32(offset + RecordHeader.size, true);
    if (size < RecordHeader.length || size % 8 !== 0 || offset + size > bytes.length) {
      throw new Error(`bad record size ${size} at ${offset}`);
    }
    if (view.getUint32(offset + RecordHeader.reserved, true) !== 0)
      throw new Error(`reserved != 0 at ${offset}`);
    const b = offset + RecordHeader.length;
    const end = offset + size;
    const rec: ParsedRecord = {
      offset,
      size,
      type: view.getUint16(offset + RecordHeader.type, true),
      flags: view.getUint16(offset + RecordHeader.flags, true),
      pid: view.getUint32(offset + RecordHeader.pid, true),
      timeNs: view.getBigUint64(offset + RecordHeader.timeNs, true),
      body: bytes.subarray(b, end),
    };
    switch (rec.type) {
      case RecordType.SYSCALL_ENTER: {
        rec.arch = view.getUint32(b + SyscallEnterBody.arch, true);
        rec.nr = view.getUint32(b + SyscallEnterBody.nr, true);
        rec.args = [0, 1, 2, 3, 4, 5].map((i) => view.getBigUint64(b + SyscallEnterBody.args + 8 * i, true));
        const count = view.getUint32(b + SyscallEnterBody.captureCount, true);
        rec.captures = parseCaptures(bytes, b + SyscallEnterBody.length, end, count);
        break;
      }
      case RecordType.SYSCALL_EXIT: {
        rec.arch = view.getUint32(b + SyscallExitBody.arch, true);
        rec.nr = view.getUint32(b + SyscallExitBody.nr, true);
        rec.rval = view.getBigInt64(b + SyscallExitBody.rval, true);
        rec.isError = view.getUint32(b + SyscallExitBody.isError, true) !== 0;
        const count = view.getUint32(b + SyscallExitBody.captureCount, true);
        rec.captures = parseCaptures(bytes, b + SyscallExitBody.length, end, count);
        break;
      }
      case RecordType.SIGNAL:
      case RecordType.GROUP_STOP:
        rec.signo = view.getUint32(b, true);
        break;
      case RecordType.EXIT:
        rec.status = view.getInt32(b, true);
        rec.lastNr = view.getUint32(b + 4, true) - 1;
        break;
      case RecordType.EXEC:
        rec.value = view.getUint32(b, true);
        break;
      case RecordType.ATTACHED:
        rec.value = view.getUint32(b, true);
        break;
      case RecordType.NEW_PROCESS:
        rec.value = view.getUint32(b, true);
        rec.how = view.getUint32(b + 4, true);
        break;
      case RecordType.MESSAGE: {
        const raw = bytes.subarray(b, end);
        const nul = raw.indexOf(0);
        rec.text = new TextDecoder().decode(nul < 0 ? raw : raw.subarray(0, nul));
        break;
      }
      default:
        break;
    }
    out.push(rec);
    offset = end;
  }
  return out;
}

/** Decodes a STRING_ARRAY capture's data. */
export function parseStringArray(data: Uint8Array): {
  total: number;
  strings: { status: number; text: string }[];
} {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const total = view.getUint32(0, true);
  const n = view.getUint32(4, true);
  const strings: { status: number; text: string }[] = [];
  let at = 8;
  for (let i = 0; i < n; i++) {
    const status = view.getUint32(at, true);
    const length = view.getUint32(at + 4, true);
    strings.push({ status, text: new TextDecoder().decode(data.subarray(at + 8, at + 8 + length)) });
    at += 8 + Math.ceil(length / 4) * 4;
  }
  if (at !== data.length) throw new Error(`STRING_ARRAY data ends at ${at}, length ${data.length}`);
  return { total, strings };
}

/** Decodes an IOVEC capture's data. */
export function parseIovec(
  data: Uint8Array,
): { base: bigint; len: bigint; status: number; bytes: Uint8Array }[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const n = view.getUint32(0, true);
  const out: { base: bigint; len: bigint; status: number; bytes: Uint8Array }[] = [];
  let at = 8;
  for (let i = 0; i < n; i++) {
    const base = view.getBigUint64(at, true);
    const len = view.getBigUint64(at + 8, true);
    const status = view.getUint32(at + 16, true);
    const length = view.getUint32(at + 20, true);
    out.push({ base, len, status, bytes: data.subarray(at + 24, at + 24 + length) });
    at += 24 + Math.ceil(length / 8) * 8;
  }
  if (at !== data.length) throw new Error(`IOVEC data ends at ${at}, length ${data.length}`);
  return out;
}

export const text = (data: Uint8Array): string => new TextDecoder().decode(data);
export { CaptureKind, RecordType };
