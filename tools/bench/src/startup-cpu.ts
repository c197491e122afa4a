/**
 * Start-up: `tstrace -o /dev/null /bin/true`, `strace -o /dev/null /bin/true` and a bare `node -e 0`
 * (no NODE_EXTRA_CA_CERTS, as tstrace's launcher starts node), interleaved, each run timed twice:
 * its wall time, and its CPU time (user + system of it and its children, as /usr/bin/time reports
 * it). On a busy machine a run's wall time is mostly waiting for a CPU; its CPU time is what it
 * costs, and what start-up work saves. /usr/bin/time counts in 10 ms steps, so CPU times are
 * trimmed means (the middle half of the runs), which resolve below a step where a median cannot.
 * Each difference (tstrace - strace, tstrace - node) is taken round by round, then its median or
 * trimmed mean, so a load drift hits both sides of it alike.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median } from "./timing.js";

export interface StartupCpu {
  /** CPU time (trimmed means), ms. */
  readonly tstraceMs: number;
  readonly straceMs: number;
  readonly nodeMs: number;
  /** Round-by-round CPU differences (trimmed means), ms. */
  readonly overStraceMs: number;
  readonly overNodeMs: number;
  /** Wall time (medians) and round-by-round wall differences (medians), ms. */
  readonly wall: {
    readonly tstraceMs: number;
    readonly straceMs: number;
    readonly nodeMs: number;
    readonly overStraceMs: number;
    readonly overNodeMs: number;
  };
  /** The CPU difference over strace's in the lower and upper quartile of the rounds: its spread. */
  readonly overStraceSpreadMs: readonly [number, number];
}

interface Run {
  readonly wallMs: number;
  readonly cpuMs: number;
}

function run(argv: readonly string[], report: string, env?: NodeJS.ProcessEnv): Run {
  const start = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "%U %S", "-o", report, ...argv], { stdio: "ignore", env });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error) return { wallMs: Number.NaN, cpuMs: Number.NaN };
  const [user, sys] = (readFileSync(report, "utf8").trim().split("\n").at(-1) as string)
    .split(" ")
    .map(Number);
  return { wallMs, cpuMs: ((user as number) + (sys as number)) * 1000 };
}

/** The mean of the middle half of `values` (all of them when fewer than 4). */
export function trimmedMean(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const cut = sorted.length >= 4 ? Math.floor(sorted.length / 4) : 0;
  const middle = sorted.slice(cut, sorted.length - cut);
  return middle.reduce((a, b) => a + b, 0) / middle.length;
}

function quartiles(values: readonly number[]): [number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  return [
    sorted[Math.floor(sorted.length / 4)] as number,
    sorted[Math.floor((sorted.length * 3) / 4)] as number,
  ];
}

export function measureStartupCpu(bin: string, runs: number): StartupCpu {
  const scratch = mkdtempSync(join(tmpdir(), "tstrace-bench-cpu-"));
  const report = join(scratch, "time.txt");
  const { NODE_EXTRA_CA_CERTS: _, ...bare } = process.env;
  const t: Run[] = [];
  const s: Run[] = [];
  const n: Run[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      t.push(run([bin, "-o", "/dev/null", "/bin/true"], report));
      s.push(run(["strace", "-o", "/dev/null", "/bin/true"], report));
      n.push(run([process.execPath, "-e", "0"], report, bare));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const cpu = (rs: Run[]) => rs.map((r) => r.cpuMs);
  const wall = (rs: Run[]) => rs.map((r) => r.wallMs);
  const diff = (a: number[], b: number[]) => a.map((v, i) => v - (b[i] as number));
  const overStrace = diff(cpu(t), cpu(s));
  return {
    tstraceMs: trimmedMean(cpu(t)),
    straceMs: trimmedMean(cpu(s)),
    nodeMs: trimmedMean(cpu(n)),
    overStraceMs: trimmedMean(overStrace),
    overNodeMs: trimmedMean(diff(cpu(t), cpu(n))),
    wall: {
      tstraceMs: median(wall(t)),
      straceMs: median(wall(s)),
      nodeMs: median(wall(n)),
      overStraceMs: median(diff(wall(t), wall(s))),
      overNodeMs: median(diff(wall(t), wall(n))),
    },
    overStraceSpreadMs: quartiles(overStrace),
  };
}

export function formatStartupCpu(c: StartupCpu): string {
  const ms = (v: number): string => `${v.toFixed(1)} ms`;
  return [
    `start-up /bin/true, CPU time (user + sys, trimmed means): tstrace ${ms(c.tstraceMs)}, strace ${ms(c.straceMs)}, node -e 0 (bare) ${ms(c.nodeMs)}`,
    `  tstrace - strace ${ms(c.overStraceMs)} (quartiles ${ms(c.overStraceSpreadMs[0])} .. ${ms(c.overStraceSpreadMs[1])}), tstrace - node ${ms(c.overNodeMs)}`,
    `start-up /bin/true, wall time (medians): tstrace ${ms(c.wall.tstraceMs)}, strace ${ms(c.wall.straceMs)}, node -e 0 (bare) ${ms(c.wall.nodeMs)}; tstrace - strace ${ms(c.wall.overStraceMs)}, tstrace - node ${ms(c.wall.overNodeMs)}`,
    "",
  ].join("\n");
}
