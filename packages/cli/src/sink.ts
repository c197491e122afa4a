import { errnoMessage } from "@tstrace/core";
import { closeSync, openSync, writeSync } from "node:fs";

/** Where decoded trace text goes: stderr or a file (-o). Writes are synchronous so lines keep order. */
export interface Sink {
  write(bytes: Uint8Array): void;
  close(): void;
}

/** Writes all of `bytes` to `fd`, looping over short writes. */
function writeAll(fd: number, bytes: Uint8Array): void {
  let off = 0;
  while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
}

/** Opens the sink before the tracee starts, as strace does, so a bad -o path fails early. */
export function openSink(path: string | undefined): Sink {
  if (path === undefined) {
    return { write: (bytes) => writeAll(2, bytes), close: () => {} };
  }
  let fd: number;
  try {
    fd = openSync(path, "w");
  } catch (err) {
    throw new Error(`Can't fopen '${path}': ${describeErrno(err)}`);
  }
  return {
    write: (bytes) => writeAll(fd, bytes),
    close: () => closeSync(fd),
  };
}

/** strace's rendering of a failed call's errno ("No such file or directory"), from core's table. */
export function describeErrno(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const n = typeof e.errno === "number" ? Math.abs(e.errno) : 0;
  return errnoMessage(n) ?? e.message;
}
