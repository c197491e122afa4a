/**
 * The recording file format (`tstrace --record=FILE`): the one source for its header and for how
 * a reader walks the record stream and finds damage. The CLI's recorder and replayer and
 * decoder-wasm's `decodeRecording` all use this module; prose in
 * `apps/docs/content/guide/recordings.md`.
 *
 * Layout: the 8-byte {@link RECORDING_MAGIC}, then one FILE_HEADER record (record-format.ts
 * framing, body below), then the records the tracer produced, unchanged, in order.
 */

import { AuditArch, RECORD_FORMAT_VERSION, RecordHeader, RecordType } from "./record-format.js";

/** "TSTRACE" and a NUL: the first 8 bytes of every recording. */
export const RECORDING_MAGIC: Uint8Array = new Uint8Array([0x54, 0x53, 0x54, 0x52, 0x41, 0x43, 0x45, 0x00]);

/** Offsets inside the FILE_HEADER record's body (after the 24-byte record header). */
export const FileHeaderBody = {
  /** u32: {@link RECORD_FORMAT_VERSION} of the records that follow. */
  version: 0,
  /** u32: AUDIT_ARCH_* of the session (the architecture whose syscall table decodes it). */
  arch: 4,
  /** u32: the `-s` the capture plan read strings and buffers up to. */
  strsize: 8,
  /** u32: {@link RecordingFlags} bits. */
  flags: 12,
  /** u32: syscalls the tracer stopped for (a `-e trace=` set); {@link ALL_SYSCALLS}: every one. */
  syscallCount: 16,
  /** u32: pids attached to (-p), 0 for a spawned command. */
  pidCount: 20,
  /** u32: bytes of the tracer's name and version (UTF-8), e.g. "tstrace 0.1.0". */
  tracerLength: 24,
  /** u32: zero. */
  reserved: 28,
  /** Fixed part; then syscallCount u32 numbers, pidCount u32 pids, the tracer's name, padding to 8. */
  length: 32,
} as const;

/** File offset of the header's AUDIT_ARCH word (named in "unknown architecture" errors). */
export const FILE_HEADER_ARCH_OFFSET: number =
  RECORDING_MAGIC.length + RecordHeader.length + FileHeaderBody.arch;

/** {@link FileHeaderBody.syscallCount} when the tracer stopped for every syscall. */
export const ALL_SYSCALLS = 0xffffffff;

/** What the capture plan read, and how the session ran: bits in {@link FileHeaderBody.flags}. */
export const RecordingFlags = {
  /** fd paths were read (-y). */
  FD_PATHS: 1,
  /** fd details were read too: sockets, devices, pidfds (-yy). */
  FD_DETAILS: 2,
  /** argv/envp and structs were read whole (-v). */
  VERBOSE: 4,
  /** read-family buffers were read whole (-e read=). */
  DUMP_READ: 8,
  /** write-family buffers were read whole (-e write=). */
  DUMP_WRITE: 16,
  /** children were followed (-f). */
  FOLLOW: 32,
  /** stack samples were taken (-k). */
  STACK_TRACES: 64,
} as const;

/** A recording's header, decoded. */
export interface RecordingHeader {
  /** Record format version of the records. */
  readonly version: number;
  /** AUDIT_ARCH_* value. */
  readonly auditArch: number;
  /** Architecture name, when tstrace knows the audit arch. */
  readonly arch: keyof typeof AuditArch | undefined;
  /** The `-s` the data was read with: replay may print up to this. */
  readonly strsize: number;
  /** What fd data was read: "none", paths (-y), or paths and details (-yy). */
  readonly decodeFds: "none" | "path" | "all";
  /** -v data was read. */
  readonly verbose: boolean;
  /** Whole buffers for `-e read=` / `-e write=` dumps were read. */
  readonly dumpIo: { readonly read: boolean; readonly write: boolean };
  /** Children were followed (-f). */
  readonly follow: boolean;
  /** Stack samples were taken (-k). */
  readonly stackTraces: boolean;
  /** Syscall numbers the tracer stopped for; undefined: all of them. */
  readonly syscalls: readonly number[] | undefined;
  /** Pids attached to with -p; empty for a spawned command. */
  readonly pids: readonly number[];
  /** Who wrote it, e.g. "tstrace 0.1.0". */
  readonly tracer: string;
}

/** What {@link encodeRecordingHeader} takes: the header less what it derives. */
export type RecordingHeaderInput = Omit<RecordingHeader, "version" | "arch">;

/** A damaged, foreign or unsupported recording: `offset` is the byte where the problem starts. */
export class RecordingError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(`${message} at byte offset ${offset}`);
    this.name = "RecordingError";
    this.offset = offset;
  }
}

const ARCH_NAMES = new Map<number, keyof typeof AuditArch>(
  Object.entries(AuditArch).map(([name, value]) => [value, name as keyof typeof AuditArch]),
);

/** The magic and FILE_HEADER record that start a recording. */
export function encodeRecordingHeader(h: RecordingHeaderInput): Uint8Array {
  const tracer = new TextEncoder().encode(h.tracer);
  const syscalls = h.syscalls ?? [];
  const bodyLen = FileHeaderBody.length + 4 * (syscalls.length + h.pids.length) + tracer.length;
  const recLen = (RecordHeader.length + bodyLen + 7) & ~7;
  const out = new Uint8Array(RECORDING_MAGIC.length + recLen);
  out.set(RECORDING_MAGIC, 0);
  const base = RECORDING_MAGIC.length;
  const dv = new DataView(out.buffer);
  dv.setUint32(base + RecordHeader.size, recLen, true);
  dv.setUint16(base + RecordHeader.type, RecordType.FILE_HEADER, true);
  const b = base + RecordHeader.length;
  const flags =
    (h.decodeFds !== "none" ? RecordingFlags.FD_PATHS : 0) |
    (h.decodeFds === "all" ? RecordingFlags.FD_DETAILS : 0) |
    (h.verbose ? RecordingFlags.VERBOSE : 0) |
    (h.dumpIo.read ? RecordingFlags.DUMP_READ : 0) |
    (h.dumpIo.write ? RecordingFlags.DUMP_WRITE : 0) |
    (h.follow ? RecordingFlags.FOLLOW : 0) |
    (h.stackTraces ? RecordingFlags.STACK_TRACES : 0);
  dv.setUint32(b + FileHeaderBody.version, RECORD_FORMAT_VERSION, true);
  dv.setUint32(b + FileHeaderBody.arch, h.auditArch, true);
  dv.setUint32(b + FileHeaderBody.strsize, h.strsize, true);
  dv.setUint32(b + FileHeaderBody.flags, flags, true);
  dv.setUint32(b + FileHeaderBody.syscallCount, h.syscalls ? syscalls.length : ALL_SYSCALLS, true);
  dv.setUint32(b + FileHeaderBody.pidCount, h.pids.length, true);
  dv.setUint32(b + FileHeaderBody.tracerLength, tracer.length, true);
  let p = b + FileHeaderBody.length;
  for (const n of [...syscalls, ...h.pids]) {
    dv.setUint32(p, n, true);
    p += 4;
  }
  out.set(tracer, p);
  return out;
}

/** Bytes {@link decodeRecordingHeader} needs before it can tell the header's full length. */
export const RECORDING_PREFIX_LENGTH: number = RECORDING_MAGIC.length + RecordHeader.length;

/**
 * Decodes the header at the start of `bytes`. Returns the header and where the records start, or
 * `undefined` when more bytes are needed (`final`: no more will come, so that is a truncation).
 * Throws {@link RecordingError} for wrong magic, a newer format version, or a damaged header.
 */
export function decodeRecordingHeader(
  bytes: Uint8Array,
  final: boolean,
): { header: RecordingHeader; end: number } | undefined {
  const short = (need: number, what: string): undefined => {
    if (final)
      throw new RecordingError(
        `truncated recording: ${what} needs ${need} bytes, file has ${bytes.length}`,
        bytes.length,
      );
    return undefined;
  };
  const m = RECORDING_MAGIC.length;
  for (let i = 0; i < Math.min(m, bytes.length); i++)
    if (bytes[i] !== RECORDING_MAGIC[i]) throw new RecordingError("not a tstrace recording (wrong magic)", 0);
  if (bytes.length < RECORDING_PREFIX_LENGTH) return short(RECORDING_PREFIX_LENGTH, "the header");
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = dv.getUint32(m + RecordHeader.size, true);
  const type = dv.getUint16(m + RecordHeader.type, true);
  const minSize = RecordHeader.length + FileHeaderBody.length;
  if (type !== RecordType.FILE_HEADER || size < minSize || size % 8 !== 0 || size > 1 << 24)
    throw new RecordingError("corrupt recording header", m);
  if (bytes.length < m + size) return short(m + size, "the header");
  const b = m + RecordHeader.length;
  const u32 = (off: number): number => dv.getUint32(b + off, true);
  const version = u32(FileHeaderBody.version);
  if (version > RECORD_FORMAT_VERSION)
    throw new RecordingError(
      `recording format version ${version} is newer than this tstrace reads (${RECORD_FORMAT_VERSION})`,
      b + FileHeaderBody.version,
    );
  if (version === 0)
    throw new RecordingError("corrupt recording header (format version 0)", b + FileHeaderBody.version);
  const syscallCount = u32(FileHeaderBody.syscallCount);
  const pidCount = u32(FileHeaderBody.pidCount);
  const tracerLength = u32(FileHeaderBody.tracerLength);
  const listed = syscallCount === ALL_SYSCALLS ? 0 : syscallCount;
  if (FileHeaderBody.length + 4 * (listed + pidCount) + tracerLength > size - RecordHeader.length)
    throw new RecordingError(
      "corrupt recording header (lengths overrun it)",
      b + FileHeaderBody.syscallCount,
    );
  const list = (at: number, n: number): number[] =>
    Array.from({ length: n }, (_, i) => dv.getUint32(b + at + 4 * i, true));
  const flags = u32(FileHeaderBody.flags);
  const auditArch = u32(FileHeaderBody.arch);
  const tracerAt = b + FileHeaderBody.length + 4 * (listed + pidCount);
  return {
    header: {
      version,
      auditArch,
      arch: ARCH_NAMES.get(auditArch),
      strsize: u32(FileHeaderBody.strsize),
      decodeFds:
        flags & RecordingFlags.FD_DETAILS ? "all" : flags & RecordingFlags.FD_PATHS ? "path" : "none",
      verbose: (flags & RecordingFlags.VERBOSE) !== 0,
      dumpIo: {
        read: (flags & RecordingFlags.DUMP_READ) !== 0,
        write: (flags & RecordingFlags.DUMP_WRITE) !== 0,
      },
      follow: (flags & RecordingFlags.FOLLOW) !== 0,
      stackTraces: (flags & RecordingFlags.STACK_TRACES) !== 0,
      syscalls: syscallCount === ALL_SYSCALLS ? undefined : list(FileHeaderBody.length, listed),
      pids: list(FileHeaderBody.length + 4 * listed, pidCount),
      tracer: new TextDecoder().decode(bytes.subarray(tracerAt, tracerAt + tracerLength)),
    },
    end: m + size,
  };
}

/** Highest record type a version-1 stream holds (RecordType.MESSAGE). */
const MAX_RECORD_TYPE = Math.max(...Object.values(RecordType));
/** Largest record a reader accepts: a capture is at most 16 MiB, a record holds at most a few. */
export const RECORD_SIZE_MAX = 1 << 28;

/**
 * Splits `bytes` (records from a recording, starting at a record boundary) into whole records:
 * returns how many leading bytes are whole, well-framed records. `base` is `bytes`' offset in the
 * file, for the error. With `final`, a partial record at the end is a truncation; a record whose
 * framing is impossible (size not a multiple of 8, under 24, past {@link RECORD_SIZE_MAX}, an
 * unknown type, a nonzero reserved word) is corruption. Either is returned as `error`, with the
 * offset of the damaged record; everything before it is whole.
 */
export function wholeRecords(
  bytes: Uint8Array,
  base: number,
  final: boolean,
): { length: number; error?: RecordingError } {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let off = 0;
  while (off + RecordHeader.length <= bytes.length) {
    const size = dv.getUint32(off + RecordHeader.size, true);
    const type = dv.getUint16(off + RecordHeader.type, true);
    const reserved = dv.getUint32(off + RecordHeader.reserved, true);
    if (
      size < RecordHeader.length ||
      size % 8 !== 0 ||
      size > RECORD_SIZE_MAX ||
      type > MAX_RECORD_TYPE ||
      type === RecordType.FILE_HEADER ||
      reserved !== 0
    )
      return { length: off, error: new RecordingError("corrupt recording: bad record framing", base + off) };
    if (off + size > bytes.length) break;
    off += size;
  }
  if (final && off < bytes.length)
    return {
      length: off,
      error: new RecordingError(
        `truncated recording: the last record is cut short (${bytes.length - off} of its bytes present)`,
        base + off,
      ),
    };
  return { length: off };
}

/** What a replay asks of a recording's data (the decode options that need captured memory). */
export interface ReplayNeeds {
  /** `-s`. */
  readonly strsize?: number;
  /** -y / -yy. */
  readonly decodeFds?: "none" | "path" | "all";
  /** -v. */
  readonly verbose?: boolean;
  /** -e read= / -e write= dumps. */
  readonly dumpIo?: { readonly read: boolean; readonly write: boolean };
  /** A `-e trace=` set (syscall numbers); undefined: all. */
  readonly syscalls?: ReadonlySet<number>;
  /** -f / -ff. */
  readonly follow?: boolean;
  /** -k. */
  readonly stackTraces?: boolean;
}

const FD_LEVEL = { none: 0, path: 1, all: 2 } as const;

/**
 * Why `header`'s data cannot give what `needs` asks, as a one-line message naming the option, or
 * undefined when it can. strace's defaults (-s 32, no -y, no -v) are always within a recording's.
 * A replay without `-e trace=` of a recording made with one prints the recorded set.
 */
export function recordingLacks(header: RecordingHeader, needs: ReplayNeeds): string | undefined {
  if (needs.strsize !== undefined && needs.strsize > header.strsize)
    return `-s ${needs.strsize} needs more than the recording holds (it was made with -s ${header.strsize})`;
  if (FD_LEVEL[needs.decodeFds ?? "none"] > FD_LEVEL[header.decodeFds])
    return `${needs.decodeFds === "all" ? "-yy" : "-y"} needs fd data the recording lacks (it was made with ${header.decodeFds === "path" ? "-y" : "no -y"})`;
  if (needs.verbose && !header.verbose) return "-v needs data the recording lacks (it was made without -v)";
  if (needs.dumpIo?.read && !header.dumpIo.read)
    return "-e read= needs whole buffers the recording lacks (it was made without -e read=)";
  if (needs.dumpIo?.write && !header.dumpIo.write)
    return "-e write= needs whole buffers the recording lacks (it was made without -e write=)";
  if (needs.follow && !header.follow) return "-f needs a recording made with -f";
  if (needs.stackTraces && !header.stackTraces)
    return "-k needs stack samples the recording lacks (it was made without -k)";
  if (header.syscalls && needs.syscalls) {
    const have = new Set(header.syscalls);
    for (const nr of needs.syscalls)
      if (!have.has(nr)) return `-e trace= asks for syscall ${nr}, which the recording did not stop for`;
  }
  return undefined;
}
