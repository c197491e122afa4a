// The built command and strace, run side by side by the end-to-end tests.
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { join } from "node:path";
import { normaliseTrace } from "../../../../tools/conformance/src/normalise.ts";

/**
 * The python3 interpreter itself: `python3` on PATH may be a shim (pyenv's is a bash script that
 * forks a dozen processes), whose children would join every -f trace and load the machine.
 */
export const PYTHON: string = spawnSync("python3", ["-c", "import sys; print(sys.executable)"], {
  encoding: "utf8",
}).stdout.trim();

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
 * Trace lines as the conformance tool compares them (one normaliser for every comparison with
 * strace): addresses, pids (renamed in order of appearance), live quantities (a child's CPU time
 * and rusage, clocks, inodes, ephemeral ports), the tracer's name and how -f's processes
 * interleave are masked; everything else must match.
 */
export const norm = (text: string): string[] => normaliseTrace(text);
