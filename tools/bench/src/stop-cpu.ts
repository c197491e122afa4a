/**
 * What the stops cost in CPU time, start-up left out: the rows where every syscall stops (full
 * trace, --no-seccomp-bpf with a filter, -c over ptrace, -c by default) and the seccomp-filtered
 * ones. On a shared machine a run's wall time is mostly waiting for a CPU; the CPU time of the run
 * and its children (perf's task-clock, or /usr/bin/time's user + system) is what tracing costs. Each round runs, interleaved:
 * the command untraced, under strace and under tstrace, and both tracers on /bin/true with the
 * same options (their start-up). `net` is (tracer on the command - tracer on /bin/true): what the
 * tracing of the command costs (its own CPU included, the same for both tracers).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
}

const WORKLOADS: readonly StopWorkload[] = [
  { name: "dd bs=1 full trace", tstrace: [], strace: [], command: DD },
  {
    name: "dd --no-seccomp-bpf trace=openat",
    tstrace: ["--no-seccomp-bpf", "-e", "trace=openat"],
    strace: ["-e", "trace=openat"],
    command: DD,
  },
  { name: "dd -c summary, ptrace", tstrace: ["-c", "--summary-backend=ptrace"], strace: ["-c"], command: DD },
  { name: "dd -c summary", tstrace: ["-c"], strace: ["-c"], command: DD },
  // strace 6.1 filters with seccomp-bpf only when asked (--seccomp-bpf) and with -f.
  {
    name: "dd 200k -f trace=openat",
    tstrace: ["-f", "-e", "trace=openat"],
    strace: ["-f", "--seccomp-bpf", "-e", "trace=openat"],
    command: DD_LONG,
    filtered: true,
  },
  {
    name: "dd 200k trace=openat (no -f)",
    tstrace: ["-e", "trace=openat"],
    strace: ["-f", "--seccomp-bpf", "-e", "trace=openat"],
    command: DD_LONG,
    filtered: true,
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
  /** (tstrace - its start-up) / untraced, median of per-round ratios (filtered rows only). */
  readonly netOverUntraced?: number;
}

/**
 * CPU milliseconds of one run and its children: perf's task-clock (nanoseconds, inherited by
 * children), else /usr/bin/time's user + system (10 ms steps), else NaN.
 */
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
    return WORKLOADS.map((w) => {
      const s: number[][] = [[], [], [], [], []];
      for (let i = 0; i < runs; i++) {
        const argvs = [
          w.command,
          ["strace", "-o", "/dev/null", ...w.strace, ...w.command],
          [bin, "-o", "/dev/null", ...w.tstrace, ...w.command],
          ["strace", "-o", "/dev/null", ...w.strace, "/bin/true"],
          [bin, "-o", "/dev/null", ...w.tstrace, "/bin/true"],
        ];
        for (const [v, argv] of argvs.entries()) s[v]?.push(cpuMs(argv, report));
      }
      const [u, st, ts, st0, ts0] = s as [number[], number[], number[], number[], number[]];
      const perRound = (f: (i: number) => number) => median(u.map((_, i) => f(i)));
      return {
        workload: w.name,
        untracedMs: median(u),
        straceMs: median(st),
        tstraceMs: median(ts),
        straceStartupMs: median(st0),
        tstraceStartupMs: median(ts0),
        tstraceOverStrace: median(ts) / median(st),
        netOverStraceNet: perRound(
          (i) => ((ts[i] as number) - (ts0[i] as number)) / ((st[i] as number) - (st0[i] as number)),
        ),
        ...(w.filtered
          ? { netOverUntraced: perRound((i) => ((ts[i] as number) - (ts0[i] as number)) / (u[i] as number)) }
          : {}),
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
  const lines = [
    `CPU time of the stops (ms, children included: perf task-clock, else /usr/bin/time; median of ${runs} interleaved rounds; net = minus the tracer's start-up on /bin/true)`,
    `${"workload".padEnd(32)}${"untraced".padStart(9)}${"strace".padStart(9)}${"tstrace".padStart(9)}${"ts/st".padStart(10)}${"net ts/st".padStart(10)}${"net/untr".padStart(10)}`,
  ];
  for (const r of rows)
    lines.push(
      `${r.workload.padEnd(32)}${ms(r.untracedMs)}${ms(r.straceMs)}${ms(r.tstraceMs)}${x(r.tstraceOverStrace)}${x(r.netOverStraceNet)}${x(r.netOverUntraced)}`,
    );
  return `${lines.join("\n")}\n`;
}
