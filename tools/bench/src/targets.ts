/**
 * Issue 13's target table, each row computed from the figures of this one run: the ratios that
 * must hold (tstrace against strace or the untraced program), start-up over strace's, the
 * decoder's rates and peak memory over node's own. Printed last; `--json` keeps them as `targets`.
 */
import type { DecoderRow } from "./decoder.js";
import type { StartupCpu } from "./startup-cpu.js";

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
