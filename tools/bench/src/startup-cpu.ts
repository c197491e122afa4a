/**
 * Start-up in CPU time: `tstrace -o /dev/null /bin/true`, `strace -o /dev/null /bin/true` and a bare
 * `node -e 0` (no NODE_EXTRA_CA_CERTS, as tstrace's launcher starts node), user + system time of
 * each run and its children as /usr/bin/time reports it, interleaved. On a busy machine a run's wall
 * time is mostly waiting for a CPU; its CPU time is what it costs, and what start-up work saves.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median } from "./timing.js";

export interface StartupCpu {
  readonly tstraceMs: number;
  readonly straceMs: number;
  readonly nodeMs: number;
}

function cpuMs(argv: readonly string[], report: string, env?: NodeJS.ProcessEnv): number {
  const r = spawnSync("/usr/bin/time", ["-f", "%U %S", "-o", report, ...argv], { stdio: "ignore", env });
  if (r.error) return Number.NaN;
  const [user, sys] = (readFileSync(report, "utf8").trim().split("\n").at(-1) as string)
    .split(" ")
    .map(Number);
  return ((user as number) + (sys as number)) * 1000;
}

export function measureStartupCpu(bin: string, runs: number): StartupCpu {
  const scratch = mkdtempSync(join(tmpdir(), "tstrace-bench-cpu-"));
  const report = join(scratch, "time.txt");
  const { NODE_EXTRA_CA_CERTS: _, ...bare } = process.env;
  const t: number[] = [];
  const s: number[] = [];
  const n: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      t.push(cpuMs([bin, "-o", "/dev/null", "/bin/true"], report));
      s.push(cpuMs(["strace", "-o", "/dev/null", "/bin/true"], report));
      n.push(cpuMs([process.execPath, "-e", "0"], report, bare));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { tstraceMs: median(t), straceMs: median(s), nodeMs: median(n) };
}

export function formatStartupCpu(c: StartupCpu): string {
  return `start-up CPU time (user + sys, /bin/true): tstrace ${c.tstraceMs.toFixed(0)} ms, strace ${c.straceMs.toFixed(0)} ms, node -e 0 (bare) ${c.nodeMs.toFixed(0)} ms\n`;
}
