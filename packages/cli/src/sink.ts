import { spawn } from "node:child_process";
import { closeSync, openSync, writeSync } from "node:fs";
import { errnoMessage } from "@tstrace/core/errno";

/**
 * Where decoded trace text goes: stderr, a file (-o, -A), or a shell command's stdin (`-o '|cmd'`).
 * File and stderr writes are synchronous, one per decoded batch, so lines keep their order.
 */
export interface Sink {
  write(bytes: Uint8Array): void;
  /** Flushes and closes; for a pipe, waits for the command to finish as strace does. */
  close(): Promise<void>;
}

/** Writes all of `bytes` to `fd`, looping over short writes. */
function writeAll(fd: number, bytes: Uint8Array): void {
  let off = 0;
  while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
}

/** The sink for stderr. */
export function stderrSink(): Sink {
  return { write: (bytes) => writeAll(2, bytes), close: async () => {} };
}

/** `-o '|command'` or `-o '!command'`: the command run by /bin/sh with the trace on its stdin. */
function pipeSink(command: string): Sink {
  const child = spawn("/bin/sh", ["-c", command], { stdio: ["pipe", "inherit", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  child.stdin.on("error", () => {});
  return {
    write: (bytes) => {
      child.stdin.write(bytes);
    },
    close: async () => {
      child.stdin.end();
      await exited;
    },
  };
}

/** Opens the sink before the tracee starts, as strace does, so a bad -o path fails early. */
export function openSink(path: string | undefined, append = false): Sink {
  if (path === undefined) return stderrSink();
  if (path.startsWith("|") || path.startsWith("!")) return pipeSink(path.slice(1));
  let fd: number;
  try {
    fd = openSync(path, append ? "a" : "w");
  } catch (err) {
    throw new Error(`Can't fopen '${path}': ${describeErrno(err)}`);
  }
  return {
    write: (bytes) => writeAll(fd, bytes),
    close: async () => closeSync(fd),
  };
}

/** strace's rendering of a failed call's errno ("No such file or directory"), from core's table. */
export function describeErrno(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const n = typeof e.errno === "number" ? Math.abs(e.errno) : 0;
  return errnoMessage(n) ?? e.message;
}
