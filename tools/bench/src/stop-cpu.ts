/**
 * What the stops cost, start-up left out: the rows where every syscall stops (full trace,
 * --no-seccomp-bpf with a filter, -c over ptrace, -c by default) and the seccomp-filtered ones. On a
 * shared machine a run's wall time is mostly waiting for a CPU; the CPU time of the run and its
 * children (perf's task-clock, or /usr/bin/time's user + system) is what tracing costs. Each round
 * runs, interleaved: the command untraced, under strace and under tstrace, and both tracers on
 * /bin/true with the same options (their start-up). `net` is (tracer on the command - tracer on
 * /bin/true): what the tracing of the command costs (its own CPU included, the same for both
 * tracers). The same runs' wall times give the net wall ratios: the per-stop wall cost, which the
 * whole-run wall ratios of the main table mix with tstrace's start-up (~0.1-0.3 s of a ~1 s run).
 * Each row also runs its floor (floors.ts): a filtered row the command under an allow-all seccomp
 * filter and no tracer, a row where every syscall stops the command under a minimal C tracer
 * (wait4 and PTRACE_SYSCALL a stop, nothing read).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { floors } from "./floors.js";
import { median } from "./timing.js";

const DD = ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=20000"];
const DD_LONG = ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=200000"];

interface StopWorkload {
  readonly name: string;
  readonly tstrace: readonly string[];
  readonly strace: readonly string[];
  readonly command: readonly string[];
  /** A filtered row: (tstrace - start-up) / untraced is its figure. */
  readonly filtered?: boolean;
  /** The floor it is read against (floors.ts). */
  readonly floor?: "seccomp" | "ptrace";
}

const WORKLOADS: readonly StopWorkload[] = [
  { name: "dd bs=1 full trace", tstrace: [], strace: [], command: DD, floor: "ptrace" },
  {
    name: "dd --no-seccomp-bpf trace=openat",
    tstrace: ["--no-seccomp-bpf", "-e", "trace=openat"],
    strace: ["-e", "trace=openat"],
    command: DD,
    floor: "ptrace",
  },
  {
    name: "dd -c summary, ptrace",
    tstrace: ["-c", "--summary-backend=ptrace"],
    strace: ["-c"],
    command: DD,
    floor: "ptrace",
  },
  { name: "dd -c summary", tstrace: ["-c"], strace: ["-c"], command: DD },
  // strace 6.1 filters with seccomp-bpf only when asked (--seccomp-bpf) and with -f.
  {
    name: "dd 200k -f trace=openat",
    tstrace: ["-f", "-e", "trace=openat"],
    strace: ["-f", "--seccomp-bpf", "-e", "trace=openat"],
    command: DD_LONG,
    filtered: true,
    floor: "seccomp",
  },
  {
    name: "dd 200k trace=openat (no -f)",
    tstrace: ["-e", "trace=openat"],
    strace: ["-f", "--seccomp-bpf", "-e", "trace=openat"],
    command: DD_LONG,
    filtered: true,
    floor: "seccomp",
  },
];

/** One row: medians of CPU milliseconds (user + system, children included) and their ratios. */
export interface StopCpuRow {
  readonly workload: string;
  readonly untracedMs: number;
  readonly straceMs: number;
  readonly tstraceMs: number;
  readonly straceStartupMs: number;
  readonly tstraceStartupMs: number;
  /** tstrace / strace, whole runs. */
  readonly tstraceOverStrace: number;
  /** (tstrace - its start-up) / (strace - its start-up), median of per-round ratios. */
  readonly netOverStraceNet: number;
  /** Its lower and upper quartile over the rounds: the spread. */
  readonly netOverStraceNetSpread: readonly [number, number];
  /** (tstrace - its start-up) / untraced, median of per-round ratios (filtered rows only). */
  readonly netOverUntraced?: number;
  /** The untraced command under an allow-all seccomp filter / untraced (filtered rows, with `cc`). */
  readonly floorOverUntraced?: number;
  /** The command under the minimal ptrace tracer / (strace - its start-up) (every-stop rows, with `cc`). */
  readonly floorOverStraceNet?: number;
  /** The same ratios in wall time, from the same runs (medians of per-round ratios). */
  readonly wall: {
    readonly untracedMs: number;
    readonly straceMs: number;
    readonly tstraceMs: number;
    readonly straceStartupMs: number;
    readonly tstraceStartupMs: number;
    /** (tstrace - its start-up) / (strace - its start-up): the stops' wall cost against strace's. */
    readonly netOverStraceNet: number;
    readonly netOverStraceNetSpread: readonly [number, number];
    readonly netOverUntraced?: number;
    readonly floorOverUntraced?: number;
    readonly floorOverStraceNet?: number;
  };
}

/** The lower and upper quartile of `values`. */
function quartiles(values: readonly number[]): [number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return [at(0.25), at(0.75)];
}

/** One run's CPU and wall milliseconds. */
interface Sample {
  readonly cpu: number;
  readonly wall: number;
}

/**
 * CPU milliseconds of one run and its children: perf's task-clock (nanoseconds, inherited by
 * children), else /usr/bin/time's user + system (10 ms steps), else NaN; and the wall time around
 * it (perf's own start-up included, the same in every run, so it cancels in the net ratios).
 */
function sample(argv: readonly string[], report: string): Sample {
  const start = process.hrtime.bigint();
  const cpu = cpuMs(argv, report);
  return { cpu, wall: Number(process.hrtime.bigint() - start) / 1e6 };
}

function cpuMs(argv: readonly string[], report: string): number {
  const perf = spawnSync("perf", ["stat", "-x", ",", "-e", "task-clock", "-o", report, "--", ...argv], {
    stdio: "ignore",
  });
  if (!perf.error && perf.status !== null) {
    const line = readFileSync(report, "utf8")
      .split("\n")
      .find((l) => l.includes("task-clock"));
    const ms = line === undefined ? Number.NaN : Number(line.split(",")[0]);
    if (Number.isFinite(ms)) return ms;
  }
  const r = spawnSync("/usr/bin/time", ["-f", "%U %S", "-o", report, ...argv], { stdio: "ignore" });
  if (r.error) return Number.NaN;
  const [user, sys] = (readFileSync(report, "utf8").trim().split("\n").at(-1) as string)
    .split(" ")
    .map(Number);
  return ((user as number) + (sys as number)) * 1000;
}

/** `runs` interleaved rounds per workload; undefined where /usr/bin/time is missing. */
export function measureStopCpu(bin: string, runs: number): StopCpuRow[] | undefined {
  const scratch = mkdtempSync(join(tmpdir(), "tstrace-bench-stops-"));
  const report = join(scratch, "time.txt");
  try {
    if (Number.isNaN(cpuMs(["/bin/true"], report))) return undefined;
    const floor = floors(scratch);
    return WORKLOADS.map((w) => {
      const s: Sample[][] = [[], [], [], [], [], []];
      for (let i = 0; i < runs; i++) {
        const argvs = [
          w.command,
          ["strace", "-o", "/dev/null", ...w.strace, ...w.command],
          [bin, "-o", "/dev/null", ...w.tstrace, ...w.command],
          ["strace", "-o", "/dev/null", ...w.strace, "/bin/true"],
          [bin, "-o", "/dev/null", ...w.tstrace, "/bin/true"],
          ...(w.floor && floor[w.floor] ? [[...(floor[w.floor] as string[]), ...w.command]] : []),
        ];
        for (const [v, argv] of argvs.entries()) s[v]?.push(sample(argv, report));
      }
      const figures = (of: (x: Sample) => number) => {
        const [u, st, ts, st0, ts0, fl] = s.map((runs) => runs.map(of)) as [
          number[],
          number[],
          number[],
          number[],
          number[],
          number[],
        ];
        const perRound = (f: (i: number) => number) => median(u.map((_, i) => f(i)));
        const netOverStrace = u.map(
          (_, i) => ((ts[i] as number) - (ts0[i] as number)) / ((st[i] as number) - (st0[i] as number)),
        );
        return {
          untracedMs: median(u),
          straceMs: median(st),
          tstraceMs: median(ts),
          straceStartupMs: median(st0),
          tstraceStartupMs: median(ts0),
          netOverStraceNet: median(netOverStrace),
          netOverStraceNetSpread: quartiles(netOverStrace),
          ...(w.filtered
            ? {
                netOverUntraced: perRound((i) => ((ts[i] as number) - (ts0[i] as number)) / (u[i] as number)),
              }
            : {}),
          ...(fl.length > 0 && w.floor === "seccomp"
            ? { floorOverUntraced: perRound((i) => (fl[i] as number) / (u[i] as number)) }
            : {}),
          ...(fl.length > 0 && w.floor === "ptrace"
            ? {
                floorOverStraceNet: perRound(
                  (i) => (fl[i] as number) / ((st[i] as number) - (st0[i] as number)),
                ),
              }
            : {}),
        };
      };
      const cpu = figures((x) => x.cpu);
      return {
        workload: w.name,
        ...cpu,
        tstraceOverStrace: cpu.tstraceMs / cpu.straceMs,
        wall: figures((x) => x.wall),
      };
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function formatStopCpu(rows: readonly StopCpuRow[] | undefined, runs: number): string {
  if (rows === undefined) return "CPU time of the stops: skipped (neither perf nor /usr/bin/time)\n";
  const ms = (v: number) => `${v.toFixed(0)}`.padStart(9);
  const x = (v: number | undefined) => (v === undefined ? "-" : `${v.toFixed(2)}x`).padStart(10);
  const q = ([lo, hi]: readonly [number, number]) => `${lo.toFixed(2)}-${hi.toFixed(2)}`.padStart(11);
  const head = (first: string) =>
    `${first.padEnd(32)}${"untraced".padStart(9)}${"strace".padStart(9)}${"tstrace".padStart(9)}${"ts/st".padStart(10)}${"net ts/st".padStart(10)}${"quartiles".padStart(11)}${"net/untr".padStart(10)}${"floor".padStart(10)}`;
  const lines = [
    `The stops' cost (ms, children included; median of ${runs} interleaved rounds; net = minus the tracer's start-up on /bin/true; floor: a filtered row's, the command under an allow-all seccomp filter and no tracer / untraced; an every-stop row's, the command under a minimal C tracer (wait4 + PTRACE_SYSCALL a stop) / strace net)`,
    head("CPU time (perf task-clock)"),
  ];
  for (const r of rows)
    lines.push(
      `${r.workload.padEnd(32)}${ms(r.untracedMs)}${ms(r.straceMs)}${ms(r.tstraceMs)}${x(r.tstraceOverStrace)}${x(r.netOverStraceNet)}${q(r.netOverStraceNetSpread)}${x(r.netOverUntraced)}${x(r.floorOverUntraced ?? r.floorOverStraceNet)}`,
    );
  lines.push(head("wall time (same runs)"));
  for (const r of rows) {
    const w = r.wall;
    lines.push(
      `${r.workload.padEnd(32)}${ms(w.untracedMs)}${ms(w.straceMs)}${ms(w.tstraceMs)}${x(w.tstraceMs / w.straceMs)}${x(w.netOverStraceNet)}${q(w.netOverStraceNetSpread)}${x(w.netOverUntraced)}${x(w.floorOverUntraced ?? w.floorOverStraceNet)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
