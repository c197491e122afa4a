/**
 * --record=FILE: the raw record stream, behind a versioned header (@tstrace/core/recording), in a
 * file written synchronously batch by batch, as the -o sink writes: a slow disk holds the tracer
 * back (back-pressure) and nothing is dropped.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { AuditArch } from "@tstrace/core/record-format";
import { encodeRecordingHeader } from "@tstrace/core/recording";
import type { CliOptions } from "./args.js";
import { describeErrno } from "./sink.js";
import { version } from "./version.js";

/**
 * The least `-s` a recording reads: replay may then ask for any `-s` up to it. A larger -s on
 * the command line is recorded as given.
 */
export const RECORDING_STRSIZE_MIN = 256;

/**
 * The options the capture plan is compiled from when recording: what decode options most often
 * want later (-s 256, -yy, -v) on top of the user's. Only the plan widens; the live decoder
 * keeps the user's options, so the printed trace is unchanged.
 */
export function recordingCapture(o: CliOptions): CliOptions {
  return {
    ...o,
    strsize: Math.max(o.strsize, RECORDING_STRSIZE_MIN),
    decodeFds: "all",
    verbose: true,
  };
}

/** An open recording file. */
export interface RecordSink {
  /** Appends one batch of whole records. */
  write(batch: Uint8Array): void;
  close(): void;
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let off = 0;
  while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
}

/**
 * Creates `path` and writes the header: `captured` is {@link recordingCapture}'s options (what the
 * plan reads), `stopSet` the syscalls the tracer stops for. Throws a one-line Error when the file
 * cannot be created.
 */
export function openRecordSink(
  path: string,
  captured: CliOptions,
  stopSet: ReadonlySet<number> | undefined,
): RecordSink {
  let fd: number;
  try {
    fd = openSync(path, "w");
  } catch (err) {
    throw new Error(`Can't create recording '${path}': ${describeErrno(err)}`);
  }
  const { qualifiers } = captured;
  const header = encodeRecordingHeader({
    auditArch: AuditArch[captured.arch.arch as keyof typeof AuditArch] ?? 0,
    strsize: captured.strsize,
    decodeFds: captured.decodeFds,
    verbose: captured.verbose,
    dumpIo: { read: qualifiers.read !== undefined, write: qualifiers.write !== undefined },
    follow: captured.follow,
    stackTraces: captured.stackTraces,
    syscalls: stopSet ? [...stopSet].sort((a, b) => a - b) : undefined,
    pids: captured.pids,
    tracer: `tstrace ${version()}`,
  });
  try {
    writeAll(fd, header);
  } catch (err) {
    closeSync(fd);
    throw new Error(`Can't write recording '${path}': ${describeErrno(err)}`);
  }
  // A failing disk (ENOSPC, EIO) ends the recording, said once on stderr, and never the trace.
  let failed = false;
  return {
    write: (batch) => {
      if (failed) return;
      try {
        writeAll(fd, batch);
      } catch (err) {
        failed = true;
        process.stderr.write(`tstrace: recording '${path}' stopped: ${describeErrno(err)}\n`);
      }
    },
    close: () => closeSync(fd),
  };
}
