/**
 * --replay=FILE: a recording read back through the same pipeline a live trace feeds, so every
 * output option applies as it would have live. Needs no ptrace and no native addon. Header and
 * framing rules come from @tstrace/core/recording.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { archTable } from "@tstrace/core";
import {
  decodeRecordingHeader,
  FILE_HEADER_ARCH_OFFSET,
  RecordingError,
  type RecordingHeader,
  recordingLacks,
  wholeRecords,
} from "@tstrace/core/recording";
import { type CliOptions, parseArgs } from "./args.js";
import { describeErrno } from "./sink.js";
import { UsageError } from "./usage-error.js";

/** What {@link ReplaySource.start} returns: shaped like a live session, for the same pipeline. */
export interface Replay {
  readonly done: Promise<{ readonly damage: RecordingError | undefined }>;
  /** Stops feeding records (--syscall-limit reached, or a signal). */
  detach(): void;
  kill(): void;
  /**
   * The file offset of byte `offset` of `batch`, when `batch` is (a view into) the chunk last
   * handed to onBatch; undefined when a filter copied it.
   */
  fileOffset(batch: Uint8Array, offset: number): number | undefined;
}

/** An opened recording whose header was read and checked against the replay's options. */
export interface ReplaySource {
  readonly header: RecordingHeader;
  /** The command line's options, completed from the header (arch, -f, -p pids, trace set). */
  readonly options: CliOptions;
  /**
   * Feeds the records to `onBatch`, a chunk of whole records at a time, waiting on the promise
   * it returns (a sink's back-pressure) before reading on.
   */
  start(onBatch: (batch: Uint8Array) => Promise<void> | undefined): Replay;
}

const CHUNK = 1 << 16;

function readChunk(fd: number, size = CHUNK): Uint8Array {
  const buf = new Uint8Array(size);
  const n = readSync(fd, buf, 0, size, null);
  return buf.subarray(0, n);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * Opens `options.replay`, reads its header and checks the replay's options against what was
 * recorded. Throws {@link UsageError} (one line, exit 1) for a missing file, a bad header, or an
 * option needing data the recording lacks. `argv` is re-parsed when the recording is of another
 * architecture, so `-e trace=` names mean that architecture's syscalls.
 */
export function openReplay(options: CliOptions, argv: readonly string[]): ReplaySource {
  const path = options.replay as string;
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (err) {
    throw new UsageError(`Can't open recording '${path}': ${describeErrno(err)}`, false);
  }
  let pending: Uint8Array = new Uint8Array(0);
  let got: ReturnType<typeof decodeRecordingHeader>;
  try {
    for (;;) {
      const chunk = readChunk(fd);
      pending = concat(pending, chunk);
      got = decodeRecordingHeader(pending, chunk.length === 0);
      if (got) break;
    }
  } catch (err) {
    closeSync(fd);
    if (err instanceof RecordingError) throw new UsageError(`${path}: ${err.message}`, false);
    throw new UsageError(`Can't read recording '${path}': ${describeErrno(err)}`, false);
  }
  const { header, end } = got;
  const arch = header.arch === undefined ? undefined : archTable(header.arch);
  if (arch === undefined) {
    closeSync(fd);
    throw new UsageError(
      `${path}: recording of an unknown architecture (AUDIT_ARCH 0x${header.auditArch.toString(16)}) at byte offset ${FILE_HEADER_ARCH_OFFSET}`,
      false,
    );
  }
  let o = arch.arch === options.arch.arch ? options : parseArgs(argv, arch);
  const lacks = recordingLacks(header, {
    strsize: o.strsize,
    decodeFds: o.decodeFds,
    verbose: o.verbose,
    dumpIo: { read: o.qualifiers.read !== undefined, write: o.qualifiers.write !== undefined },
    follow: o.follow,
    stackTraces: o.stackTraces && o.summary !== "only",
    ...(o.qualifiers.trace ? { syscalls: o.qualifiers.trace } : {}),
  });
  if (lacks) {
    closeSync(fd);
    throw new UsageError(`${path}: ${lacks}`, false);
  }
  o = {
    ...o,
    follow: header.follow,
    pids: [...header.pids],
    qualifiers: {
      ...o.qualifiers,
      trace: o.qualifiers.trace ?? (header.syscalls ? new Set(header.syscalls) : undefined),
    },
  };
  return {
    header,
    options: o,
    start(onBatch) {
      let stopped = false;
      let current: { bytes: Uint8Array; base: number } | undefined;
      const stop = (): void => {
        stopped = true;
      };
      const run = async (): Promise<{ damage: RecordingError | undefined }> => {
        let rest = pending.subarray(end);
        let base = end;
        // The first records go out after start() has returned, so the caller holds the Replay.
        await Promise.resolve();
        try {
          for (;;) {
            const chunk = stopped ? new Uint8Array(0) : readChunk(fd);
            const final = chunk.length === 0;
            rest = concat(rest, chunk);
            const { length, error } = wholeRecords(rest, base, final);
            current = { bytes: rest, base };
            // A sink that is behind hands back a promise: the next chunk waits for it.
            if (length > 0) await onBatch(rest.subarray(0, length));
            if (error || final || stopped) return { damage: stopped ? undefined : error };
            rest = rest.subarray(length);
            base += length;
            // Let signals and --syscall-limit's detach run between chunks.
            await new Promise((resolve) => setImmediate(resolve));
          }
        } finally {
          closeSync(fd);
        }
      };
      const fileOffset = (batch: Uint8Array, offset: number): number | undefined => {
        if (!current || batch.buffer !== current.bytes.buffer) return undefined;
        return current.base + batch.byteOffset - current.bytes.byteOffset + offset;
      };
      return { done: run(), detach: stop, kill: stop, fileOffset };
    },
  };
}
