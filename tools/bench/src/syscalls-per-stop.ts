/**
 * Syscalls a tracer makes per stop, the load-independent measure of what a stop costs it: counts,
 * not times. A run's syscalls (`perf stat -e raw_syscalls:sys_enter`, children included), less
 * the same tracer's start-up (the same options on /bin/true) and the untraced program's own, over
 * the stops: two per syscall of the program (entry and exit) where every syscall stops. Median of
 * `runs`. Skipped (undefined) where perf cannot count the tracepoint (no perf, no tracefs, not
 * permitted).
 */
import { spawnSync } from "node:child_process";
import { median } from "./timing.js";

const DD = ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=20000"];

/** One row: the tracer syscalls per stop of tstrace and of strace with the same options. */
export interface StopRow {
  readonly name: string;
  readonly tstrace: number;
  readonly strace: number;
}

/** Syscalls the whole run of argv made, or NaN when perf could not count them. */
function syscalls(argv: readonly string[]): number {
  const r = spawnSync("perf", ["stat", "-x", ",", "-e", "raw_syscalls:sys_enter", "--", ...argv], {
    encoding: "utf8",
    stdio: ["ignore", "ignore", "pipe"],
  });
  if (r.error || r.status !== 0) return Number.NaN;
  const line = r.stderr.split("\n").find((l) => l.includes("raw_syscalls:sys_enter"));
  return line === undefined ? Number.NaN : Number(line.split(",")[0]);
}

export function syscallsPerStop(bin: string, runs: number): StopRow[] | undefined {
  if (Number.isNaN(syscalls(["/bin/true"]))) return undefined;
  const own = median(Array.from({ length: runs }, () => syscalls(DD)));
  const perStop = (tracer: readonly string[]): number => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++)
      samples.push((syscalls([...tracer, ...DD]) - syscalls([...tracer, "/bin/true"]) - own) / (2 * own));
    return median(samples);
  };
  const rows: [string, string[], string[]][] = [
    ["full trace", [], []],
    ["--no-seccomp-bpf -e trace=openat", ["--no-seccomp-bpf", "-e", "trace=openat"], ["-e", "trace=openat"]],
    ["-c over ptrace", ["-c", "--summary-backend=ptrace"], ["-c"]],
  ];
  return rows.map(([name, ts, st]) => ({
    name,
    tstrace: perStop([bin, "-o", "/dev/null", ...ts]),
    strace: perStop(["strace", "-o", "/dev/null", ...st]),
  }));
}

export function formatSyscallsPerStop(rows: readonly StopRow[] | undefined): string {
  if (rows === undefined)
    return "tracer syscalls per stop: skipped (perf cannot count raw_syscalls:sys_enter here)\n";
  const lines = [
    `tracer syscalls per stop, dd bs=1 count=20000 (perf stat -e raw_syscalls:sys_enter; counts, not times)`,
    `${"workload".padEnd(36)}${"tstrace".padStart(9)}${"strace".padStart(9)}`,
  ];
  for (const r of rows)
    lines.push(`${r.name.padEnd(36)}${r.tstrace.toFixed(2).padStart(9)}${r.strace.toFixed(2).padStart(9)}`);
  return `${lines.join("\n")}\n`;
}
