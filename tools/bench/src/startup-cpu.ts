/**
 * Start-up: `tstrace -o /dev/null /bin/true`, `strace -o /dev/null /bin/true` and a bare `node -e 0`
 * (no NODE_EXTRA_CA_CERTS, as tstrace's launcher starts node), interleaved, each run timed twice:
 * its wall time, and its CPU time (user + system of it and its children). On a busy machine a
 * run's wall time is mostly waiting for a CPU; its CPU time is what it costs, and what start-up
 * work saves. Both come from a small python3 helper (getrusage of its children in microseconds,
 * the monotonic clock around the run): /usr/bin/time prints CPU times truncated to 10 ms, which
 * turned strace's ~5 ms into 0. CPU times are trimmed means (the middle half of the runs). Each
 * difference (tstrace - strace, tstrace - node) is taken round by round, then its median or
 * trimmed mean, so a load drift hits both sides of it alike.
 *
 * tstrace runs its bundle from V8's code cache, which its first run writes: one untimed run
 * first, as a user's every run but the very first. The same rounds also time tstrace with
 * NODE_DISABLE_COMPILE_CACHE=1 (that first run's cost: compiling it all).
 */
import { spawnSync } from "node:child_process";
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
  /** Without the compile cache (NODE_DISABLE_COMPILE_CACHE=1): CPU time, difference over strace's. */
  readonly noCache: { readonly tstraceMs: number; readonly overStraceMs: number };
}

interface Run {
  readonly wallMs: number;
  readonly cpuMs: number;
}

/** Runs argv[1:] with output discarded; prints its wall and CPU milliseconds (children included). */
// The difference of two getrusage: a python3 started through a shim (pyenv) inherits the CPU
// time of the shim's own children across its exec.
const TIMER = `import resource, subprocess, sys, time
def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime
c = cpu()
t = time.monotonic()
subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
w = time.monotonic() - t
print(w * 1000, (cpu() - c) * 1000)`;

function run(argv: readonly string[], env?: NodeJS.ProcessEnv): Run {
  const r = spawnSync("python3", ["-c", TIMER, ...argv], { encoding: "utf8", env });
  const [wallMs, cpuMs] = (r.stdout ?? "").trim().split(" ").map(Number);
  if (r.error || r.status !== 0 || wallMs === undefined || cpuMs === undefined)
    return { wallMs: Number.NaN, cpuMs: Number.NaN };
  return { wallMs, cpuMs };
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
  const { NODE_EXTRA_CA_CERTS: _, ...bare } = process.env;
  const t: Run[] = [];
  const s: Run[] = [];
  const n: Run[] = [];
  const c: Run[] = [];
  const argv = [bin, "-o", "/dev/null", "/bin/true"];
  run(argv);
  for (let i = 0; i < runs; i++) {
    t.push(run(argv));
    s.push(run(["strace", "-o", "/dev/null", "/bin/true"]));
    n.push(run([process.execPath, "-e", "0"], bare));
    c.push(run(argv, { ...process.env, NODE_DISABLE_COMPILE_CACHE: "1" }));
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
    noCache: { tstraceMs: trimmedMean(cpu(c)), overStraceMs: trimmedMean(diff(cpu(c), cpu(s))) },
  };
}

export function formatStartupCpu(c: StartupCpu): string {
  const ms = (v: number): string => `${v.toFixed(1)} ms`;
  return [
    `start-up /bin/true, CPU time (user + sys, trimmed means): tstrace ${ms(c.tstraceMs)}, strace ${ms(c.straceMs)}, node -e 0 (bare) ${ms(c.nodeMs)}`,
    `  tstrace - strace ${ms(c.overStraceMs)} (quartiles ${ms(c.overStraceSpreadMs[0])} .. ${ms(c.overStraceSpreadMs[1])}), tstrace - node ${ms(c.overNodeMs)}`,
    `  without the compile cache (NODE_DISABLE_COMPILE_CACHE=1, a first run): tstrace ${ms(c.noCache.tstraceMs)}, tstrace - strace ${ms(c.noCache.overStraceMs)}`,
    `start-up /bin/true, wall time (medians): tstrace ${ms(c.wall.tstraceMs)}, strace ${ms(c.wall.straceMs)}, node -e 0 (bare) ${ms(c.wall.nodeMs)}; tstrace - strace ${ms(c.wall.overStraceMs)}, tstrace - node ${ms(c.wall.overNodeMs)}`,
    "",
  ].join("\n");
}
