// The built command and strace, run side by side by the end-to-end tests.
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { join } from "node:path";

/** The tstrace command as users run it (the launcher in bin/). */
export const BIN = join(import.meta.dirname, "..", "..", "bin", "tstrace");

export interface Tracers {
  tstrace(...args: string[]): SpawnSyncReturns<string>;
  strace(...args: string[]): SpawnSyncReturns<string>;
}

/** Runs tstrace and strace with the same arguments in `cwd`. */
export function tracersIn(cwd: string): Tracers {
  const run = (file: string, args: string[]) =>
    spawnSync(file, args, { encoding: "utf8", timeout: 60_000, cwd });
  return { tstrace: (...args) => run(BIN, args), strace: (...args) => run("strace", args) };
}

/**
 * Trace lines without addresses and the tracer's name; a `[pid N]` prefix loses its padding,
 * which differs once pids wrap to fewer digits.
 */
export const norm = (text: string): string[] =>
  text
    .replace(/0x[0-9a-f]{6,}/g, "0xADDR")
    .replace(/^t?strace: /gm, "TRACER: ")
    .replace(/^\[pid +/gm, "[pid ")
    .split("\n")
    .filter((l) => l !== "");
