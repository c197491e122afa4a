import { closeSync, openSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import { constants } from "node:os";
import { errnoMessage } from "@tstrace/core/errno";

/**
 * Where decoded trace text goes: stderr, a file (-o, -A), or a shell command's stdin (`-o '|cmd'`).
 * File and stderr writes are synchronous, one per decoded batch, so lines keep their order.
 *
 * A sink never fails the trace: like strace, a write that fails (ENOSPC, EIO, EPIPE) is reported
 * on stderr as `tstrace: NAME: <error>`, once per line that was lost, and tracing goes on.
 */
export interface Sink {
  /**
   * Writes `bytes`, which are the caller's again once this returns (a sink that must keep them
   * copies them). Returns a promise
   * when the sink is behind (a pipe whose reader is slow): the caller should wait for it before
   * handing over more, which keeps the tracee waiting too.
   */
  write(bytes: Uint8Array): Promise<void> | undefined;
  /** Flushes and closes; for a pipe, waits for the command to finish as strace does. */
  close(): Promise<void>;
}

const PROGRAM = "tstrace";
const errnoNumbers = constants.errno;
const NEWLINE = 0x0a;

/** A 1 ms pause for a descriptor that is non-blocking and full (EAGAIN). */
const pauseCell = new Int32Array(new SharedArrayBuffer(4));
function pause(): void {
  Atomics.wait(pauseCell, 0, 0, 1);
}

/** strace's report of a failed write: one `NAME: error` line per trace line that was lost. */
function reportLoss(name: string, err: unknown, lost: Uint8Array): void {
  let lines = 0;
  for (const b of lost) if (b === NEWLINE) lines++;
  const line = `${PROGRAM}: ${name}: ${describeErrno(err)}\n`;
  try {
    writeSync(2, line.repeat(Math.max(1, lines)));
  } catch {
    // stderr itself is failing: nothing more can be said
  }
}

/** Writes all of `bytes` to `fd`, looping over short writes; a failure is reported, not thrown. */
function writeAll(fd: number, name: string, bytes: Uint8Array): void {
  let off = 0;
  while (off < bytes.length) {
    try {
      off += writeSync(fd, bytes, off, bytes.length - off);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "EAGAIN") {
        pause();
        continue;
      }
      reportLoss(name, err, bytes.subarray(off));
      return;
    }
  }
}

/** The sink for stderr. */
export function stderrSink(): Sink {
  return {
    write: (bytes) => {
      writeAll(2, "stderr", bytes);
      return undefined;
    },
    close: async () => {},
  };
}

/**
 * `-o '|command'` or `-o '!command'`: the command run by /bin/sh with the trace on its stdin.
 * While the pipe is full, write() returns a promise that settles once it drained: a slow reader
 * slows the tracee, and what waits in tstrace is bounded (strace blocks in write(2) the same way).
 */
function pipeSink(name: string, command: string): Sink {
  // Loaded here, for the runs that pipe: node:child_process is a few ms of every start-up otherwise.
  const { spawn } = createRequire(import.meta.url)(
    "node:child_process",
  ) as typeof import("node:child_process");
  const child = spawn("/bin/sh", ["-c", command], { stdio: ["pipe", "inherit", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  const stdin = child.stdin;
  let broken: unknown;
  // A write that fails with EPIPE destroys the stream; writes queued behind it then fail as
  // "destroyed", sometimes before the EPIPE itself is seen: for strace that is EPIPE all along.
  const reason = (err: NodeJS.ErrnoException): NodeJS.ErrnoException =>
    err.code === "ERR_STREAM_DESTROYED" ? Object.assign(new Error("write EPIPE"), { code: "EPIPE" }) : err;
  stdin.on("error", (err) => {
    broken ??= reason(err);
  });
  return {
    write: (bytes) => {
      if (broken !== undefined) {
        reportLoss(name, broken, bytes);
        return undefined;
      }
      // The stream keeps what it cannot write now, and `bytes` is the caller's again: a copy.
      const copy = Buffer.from(bytes);
      const flowing = stdin.write(copy, (err) => {
        if (err) {
          // After the first failure (EPIPE) the stream fails every write as destroyed: the
          // first failure is what each lost line is reported with, as strace's errno stays EPIPE.
          broken ??= reason(err);
          reportLoss(name, broken, copy);
        }
      });
      if (flowing) return undefined;
      return new Promise<void>((resolve) => {
        const done = (): void => {
          stdin.off("drain", done);
          stdin.off("close", done);
          resolve();
        };
        stdin.on("drain", done);
        stdin.on("close", done);
      });
    },
    close: async () => {
      stdin.end();
      await exited;
    },
  };
}

/** Opens the sink before the tracee starts, as strace does, so a bad -o path fails early. */
export function openSink(path: string | undefined, append = false): Sink {
  if (path === undefined) return stderrSink();
  if (path.startsWith("|") || path.startsWith("!")) return pipeSink(path, path.slice(1));
  let fd: number;
  try {
    fd = openSync(path, append ? "a" : "w");
  } catch (err) {
    throw new Error(`Can't fopen '${path}': ${describeErrno(err)}`);
  }
  return {
    write: (bytes) => {
      writeAll(fd, path, bytes);
      return undefined;
    },
    close: async () => closeSync(fd),
  };
}

/** strace's rendering of a failed call's errno ("No such file or directory"), from core's table. */
export function describeErrno(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const byCode = e.code !== undefined ? (errnoNumbers as Record<string, number>)[e.code] : undefined;
  const n = typeof e.errno === "number" ? Math.abs(e.errno) : (byCode ?? 0);
  return (n !== 0 ? errnoMessage(n) : undefined) ?? e.message;
}
