/**
 * Issue 13's target table, each row computed from the figures of this one run: the ratios that
 * must hold (tstrace against strace or the untraced program), start-up over strace's, the
 * decoder's rates and peak memory over node's own. Printed last; `--json` keeps them as `targets`.
 */
import type { DecoderRow } from "./decoder.js";
import type { StartupCpu } from "./startup-cpu.js";
import type { StopCpuRow } from "./stop-cpu.js";

/** One target: what was measured against what the issue asks. */
export interface Target {
  readonly name: string;
  readonly value: number;
  readonly target: number;
  /** `max`: value must be at most target; `min`: at least. */
  readonly bound: "max" | "min";
  readonly unit: "x" | "ms" | "M records/s" | "MB/s" | "MiB";
  readonly met: boolean;
}

/** The figures targets are computed from (absent ones are left out). */
export interface Figures {
  /** Workload name → the main table's row. */
  readonly rows: ReadonlyMap<
    string,
    { tstraceOverStrace: number; straceMs: number; tstraceMs: number; netOfStartupOverUntraced?: number }
  >;
  readonly decoder?: readonly DecoderRow[];
  /** Peak RSS over node's own, the largest of the memory rows. */
  readonly memoryOverNodeMiB?: number;
  readonly startupCpu?: StartupCpu;
  /** The stops' CPU time rows (stop-cpu.ts). */
  readonly stopCpu?: readonly StopCpuRow[];
}

function target(
  name: string,
  value: number | undefined,
  bound: "max" | "min",
  goal: number,
  unit: Target["unit"],
) {
  if (value === undefined || !Number.isFinite(value)) return [];
  return [{ name, value, target: goal, bound, unit, met: bound === "max" ? value <= goal : value >= goal }];
}

export function targets(f: Figures): Target[] {
  const row = (name: string) => f.rows.get(name);
  const dec = (name: string) => f.decoder?.find((r) => r.name === name);
  const startup = row("true (start-up)");
  const mix = dec("records → text (mix)");
  const quote = dec("quote 4 KiB text");
  const quoteBinary = dec("quote 4 KiB binary");
  return [
    ...target(
      "trace=openat dd 200k, no -f: (tstrace - start-up) / untraced",
      row("dd 200k trace=openat (no -f)")?.netOfStartupOverUntraced,
      "max",
      1.1,
      "x",
    ),
    ...target("same with -f", row("dd 200k -f trace=openat")?.netOfStartupOverUntraced, "max", 1.1, "x"),
    ...target(
      "--no-seccomp-bpf trace=openat dd 20k / strace",
      row("dd --no-seccomp-bpf trace=openat")?.tstraceOverStrace,
      "max",
      0.5,
      "x",
    ),
    ...target("full trace dd 20k / strace", row("dd bs=1 full trace")?.tstraceOverStrace, "max", 0.6, "x"),
    ...target(
      "-c dd 20k (ptrace) / strace -c",
      row("dd -c summary, ptrace")?.tstraceOverStrace,
      "max",
      0.5,
      "x",
    ),
    ...target("-c dd 20k (default) / strace -c", row("dd -c summary")?.tstraceOverStrace, "max", 0.5, "x"),
    // The same targets in CPU time, start-up left out (stop-cpu.ts): what the stops cost.
    ...stopCpuTargets(f.stopCpu),
    ...target(
      "start-up /bin/true: tstrace - strace",
      startup && startup.tstraceMs - startup.straceMs,
      "max",
      60,
      "ms",
    ),
    ...target(
      "start-up /bin/true in CPU time: tstrace - strace",
      f.startupCpu?.overStraceMs,
      "max",
      60,
      "ms",
    ),
    ...target(
      "start-up /bin/true in wall time (interleaved): tstrace - strace",
      f.startupCpu?.wall.overStraceMs,
      "max",
      60,
      "ms",
    ),
    ...target("decoder mix", mix && mix.wasm / 1e6, "min", 5, "M records/s"),
    ...target("quoting a 4 KiB text buffer", quote && quote.wasm / 1e6, "min", 500, "MB/s"),
    ...target("quoting a 4 KiB binary buffer", quoteBinary && quoteBinary.wasm / 1e6, "min", 500, "MB/s"),
    ...target(
      "decoder: wasm / js, the slowest primitive",
      f.decoder && f.decoder.length > 0 ? Math.min(...f.decoder.map((r) => r.ratio)) : undefined,
      "min",
      1,
      "x",
    ),
    ...target("peak RSS over node's own", f.memoryOverNodeMiB, "max", 30, "MiB"),
  ];
}

/** The stop rows' targets in CPU time, net of each tracer's start-up. */
function stopCpuTargets(rows: readonly StopCpuRow[] | undefined) {
  const cpu = (name: string) => rows?.find((r) => r.workload === name);
  return [
    ...target(
      "CPU, net of start-up: trace=openat dd 200k, no -f / untraced",
      cpu("dd 200k trace=openat (no -f)")?.netOverUntraced,
      "max",
      1.1,
      "x",
    ),
    ...target(
      "CPU, net of start-up: same with -f",
      cpu("dd 200k -f trace=openat")?.netOverUntraced,
      "max",
      1.1,
      "x",
    ),
    // What any seccomp filter costs the program, no tracer at all: the two rows above cannot go
    // below it (seccomp-floor.ts); shown against the same goal so a reader sees where it lies.
    ...target(
      "CPU: allow-all seccomp filter, no tracer / untraced (floor)",
      cpu("dd 200k trace=openat (no -f)")?.floorOverUntraced,
      "max",
      1.1,
      "x",
    ),
    ...target(
      "CPU, net of start-up: --no-seccomp-bpf trace=openat / strace",
      cpu("dd --no-seccomp-bpf trace=openat")?.netOverStraceNet,
      "max",
      0.5,
      "x",
    ),
    ...target(
      "CPU, net of start-up: full trace / strace",
      cpu("dd bs=1 full trace")?.netOverStraceNet,
      "max",
      0.6,
      "x",
    ),
    ...target(
      "CPU, net of start-up: -c (ptrace) / strace -c",
      cpu("dd -c summary, ptrace")?.netOverStraceNet,
      "max",
      0.5,
      "x",
    ),
    ...target(
      "CPU, net of start-up: -c (default) / strace -c",
      cpu("dd -c summary")?.netOverStraceNet,
      "max",
      0.5,
      "x",
    ),
    // The least any ptrace tracer costs where every syscall stops (floors.ts), against the same goal.
    ...target(
      "CPU: minimal C ptrace tracer, dd 20k / strace (floor)",
      cpu("dd --no-seccomp-bpf trace=openat")?.floorOverStraceNet,
      "max",
      0.5,
      "x",
    ),
    // The stops' wall time without tstrace's start-up (the main table's ratios include it).
    ...target(
      "wall, net of start-up: --no-seccomp-bpf trace=openat / strace",
      cpu("dd --no-seccomp-bpf trace=openat")?.wall.netOverStraceNet,
      "max",
      0.5,
      "x",
    ),
    ...target(
      "wall, net of start-up: full trace / strace",
      cpu("dd bs=1 full trace")?.wall.netOverStraceNet,
      "max",
      0.6,
      "x",
    ),
    ...target(
      "wall, net of start-up: -c (ptrace) / strace -c",
      cpu("dd -c summary, ptrace")?.wall.netOverStraceNet,
      "max",
      0.5,
      "x",
    ),
    ...target(
      "wall: minimal C ptrace tracer, dd 20k / strace (floor)",
      cpu("dd --no-seccomp-bpf trace=openat")?.wall.floorOverStraceNet,
      "max",
      0.5,
      "x",
    ),
  ];
}

export function formatTargets(list: readonly Target[]): string {
  const v = (t: Target, n: number): string =>
    t.unit === "x" ? `${n.toFixed(2)}x` : `${n.toFixed(t.unit === "ms" ? 1 : 2)} ${t.unit}`;
  const lines = [
    "issue 13 targets, from this run",
    `${"target".padEnd(62)}${"measured".padStart(16)}${"goal".padStart(20)}`,
  ];
  for (const t of list)
    lines.push(
      `${t.name.padEnd(62)}${v(t, t.value).padStart(16)}${`${t.bound === "max" ? "<=" : ">="} ${v(t, t.target)}`.padStart(20)}  ${t.met ? "met" : "NOT MET"}`,
    );
  return `${lines.join("\n")}\n`;
}
