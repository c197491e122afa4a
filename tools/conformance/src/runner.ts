import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { constants } from "node:os";
import { dirname, join } from "node:path";
import type { ConformanceCase } from "./cases.js";
import { type Agreement, compareLines } from "./compare.js";
import { normaliseTrace } from "./normalise.js";

/** One case's outcome. */
export interface CaseResult extends Agreement {
  readonly name: string;
  /** Exit statuses (code, or 128+signal) of strace and tstrace. */
  readonly straceStatus: number;
  readonly tstraceStatus: number;
}

/**
 * Where each run happens: the same path for both tracers of a case, so paths in the traces agree;
 * one folder per conformance process, so concurrent runs do not trample each other's fixtures.
 */
const BASE = `/tmp/tstrace-conformance-${process.pid}`;
const WORK = `${BASE}/work`;
export const OUT = `${BASE}/out`;
/** Per tracer run: a hang, not a slow machine (the longest case took 43 s under load). */
const TIMEOUT_MS = 120_000;

/** The built tstrace bin of the workspace's @tstrace/cli. */
export function tstraceBin(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve("@tstrace/cli/package.json");
  const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as { bin: { tstrace: string } };
  return join(dirname(pkgPath), pkg.bin.tstrace);
}

/** True when the reference strace is installed. */
export function straceAvailable(): boolean {
  return spawnSync("strace", ["-V"], { stdio: "ignore" }).status === 0;
}

const onPath = new Map<string, boolean>();
/** True when every program `c.needs` is on PATH (cases of optional tools skip without them). */
export function installed(c: ConformanceCase): boolean {
  return (c.needs ?? []).every((p) => {
    let found = onPath.get(p);
    if (found === undefined) {
      found = spawnSync("sh", ["-c", 'command -v "$1"', "sh", p], { stdio: "ignore" }).status === 0;
      onPath.set(p, found);
    }
    return found;
  });
}

/** A fresh work folder with the same small fixture every time. */
function freshWorkFolder(): void {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(join(WORK, "dir"), { recursive: true });
  writeFileSync(join(WORK, "a.txt"), "alpha\n");
  writeFileSync(join(WORK, "dir", "b.txt"), "beta\n");
}

/** The environment both tracees see, fixed so `/* N vars *\/` and locale lookups agree. */
function tracedEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/root", LANG: "C.UTF-8" };
}

/** Runs one tracer command line in a fresh work folder; its exit status (code, or 128+signal). */
export function runTracer(argv: readonly string[]): number {
  freshWorkFolder();
  const [file, ...args] = argv as [string, ...string[]];
  const r = spawnSync(file, args, {
    cwd: WORK,
    env: tracedEnv(),
    stdio: ["ignore", "pipe", "pipe"],
    timeout: TIMEOUT_MS,
    killSignal: "SIGKILL",
  });
  if (r.error) throw r.error;
  if (r.signal) return 128 + (constants.signals[r.signal] ?? 0);
  return r.status ?? -1;
}

/** Traces one case with both tracers and compares the normalised lines. */
export function runCase(c: ConformanceCase): CaseResult {
  mkdirSync(OUT, { recursive: true });
  const refPath = join(OUT, "strace.txt");
  const outPath = join(OUT, "tstrace.txt");
  rmSync(refPath, { force: true });
  rmSync(outPath, { force: true });
  const options = c.options ?? [];
  const straceStatus = runTracer(["strace", "-o", refPath, ...options, ...c.command]);
  const tstraceStatus = runTracer([tstraceBin(), "-o", outPath, ...options, ...c.command]);
  const read = (p: string): string => {
    try {
      return readFileSync(p, "utf8");
    } catch {
      return "";
    }
  };
  const agreement = compareLines(normaliseTrace(read(refPath)), normaliseTrace(read(outPath)));
  return { name: c.name, straceStatus, tstraceStatus, ...agreement };
}

/** Removes this process's work and output folders. */
export function removeWorkFolders(): void {
  rmSync(BASE, { recursive: true, force: true });
}
