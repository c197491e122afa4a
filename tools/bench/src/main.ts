#!/usr/bin/env node
import { readFileSync, writeFileSync } from "node:fs";
/**
 * `pnpm bench [--runs N] [--summary-runs M] [--json FILE]` (default 9 and 3 runs): each workload untraced, under
 * `strace -o /dev/null` and under `tstrace -o /dev/null`, interleaved in one run; prints medians
 * and the ratios that matter (tstrace/strace, tstrace/untraced). Ratios, not absolute times: these
 * machines are shared. `--json FILE` also writes the rows as JSON (the docs' performance page).
 * Then the recordings rows (recording.ts): --record's cost, --replay's speed; and the --json rows
 * (json-output.ts): JSON against text, live and replayed.
 * Then peak RSS rows for a 300 000-syscall trace (memory.ts); `--memory-only` prints just those,
 * `--startup-only` just the start-up rows (startup-cpu.ts), `--stops-only` just the stops' CPU and
 * wall rows (stop-cpu.ts) and their targets.
 * Then the tracer syscalls per stop (syscalls-per-stop.ts), counted rather than timed, and the
 * CPU time of the stops with start-up left out (stop-cpu.ts).
 */
import { createRequire } from "node:module";
import { availableParallelism, loadavg, release } from "node:os";
import { dirname, join } from "node:path";
import { type DecoderRow, decoderBench, formatDecoder } from "./decoder.js";
import { jsonBench } from "./json-output.js";
import { formatMemory, measureMemory } from "./memory.js";
import { type RecordingFigures, recordingBench } from "./recording.js";
import { formatStartupCpu, measureStartupCpu } from "./startup-cpu.js";
import { formatStopCpu, measureStopCpu } from "./stop-cpu.js";
import { summaryBench } from "./summary.js";
import { formatSyscallsPerStop, syscallsPerStop } from "./syscalls-per-stop.js";
import { formatTargets, targets } from "./targets.js";
import { median, rounds } from "./timing.js";
import { WORKLOADS } from "./workloads.js";

const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 9;
const memoryOnly = args.includes("--memory-only");
const jsonAt = args.indexOf("--json");
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
// The -c section's traced runs take tens of seconds each: fewer rounds by default.
const summaryRunsAt = args.indexOf("--summary-runs");
const summaryRuns = summaryRunsAt >= 0 ? Number(args[summaryRunsAt + 1]) : 3;

const require = createRequire(import.meta.url);
const cliPkg = require.resolve("@tstrace/cli/package.json");
const bin = join(
  dirname(cliPkg),
  (JSON.parse(readFileSync(cliPkg, "utf8")) as { bin: { tstrace: string } }).bin.tstrace,
);

const fmt = (ms: number): string => `${ms.toFixed(1)} ms`.padStart(10);
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`.padStart(8);

if (args.includes("--startup-only")) {
  process.stdout.write(formatStartupCpu(measureStartupCpu(bin, Math.max(2 * runs, 15))));
  process.exit(0);
}
if (args.includes("--stops-only")) {
  const rows = measureStopCpu(bin, runs);
  process.stdout.write(formatStopCpu(rows, runs));
  const goals = targets({ rows: new Map(), ...(rows ? { stopCpu: rows } : {}) });
  process.stdout.write(formatTargets(goals));
  if (jsonFile !== undefined)
    writeFileSync(
      jsonFile,
      `${JSON.stringify({ runs, loadAverage: loadavg(), stopCpu: rows, targets: goals }, null, 2)}\n`,
    );
  process.exit(0);
}
if (memoryOnly) {
  process.stdout.write(formatMemory(measureMemory(bin)));
  process.exit(0);
}
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const loadAtStart = load();
process.stdout.write(`tracer benchmark, median of ${runs} interleaved runs; load average ${loadAtStart}\n`);
process.stdout.write(
  `${"workload".padEnd(24)}${"untraced".padStart(10)}${"strace".padStart(10)}${"tstrace".padStart(10)}${"ts/strace".padStart(10)}${"ts/untr".padStart(9)}\n`,
);
const notes: string[] = [];
/** One row of `--json`: medians in milliseconds and the ratios printed. */
interface JsonRow {
  workload: string;
  command: string;
  untracedMs: number;
  straceMs: number;
  tstraceMs: number;
  tstraceOverStrace: number;
  tstraceOverUntraced: number;
  netOfStartupOverUntraced?: number;
}
const jsonRows: JsonRow[] = [];
for (const w of WORKLOADS) {
  const variants = [
    w.command,
    ["strace", "-o", "/dev/null", ...w.options, ...w.command],
    [bin, "-o", "/dev/null", ...(w.tstraceOnly ?? []), ...w.options, ...w.command],
  ];
  // A filtered row also times tstrace's start-up with the same options in each round, so the
  // (tstrace - start-up) / untraced ratio is taken within one round, not across the whole run.
  if (w.netOfStartup)
    variants.push([bin, "-o", "/dev/null", ...(w.tstraceOnly ?? []), ...w.options, "/bin/true"]);
  const samples = rounds(variants, runs);
  const [untraced, strace, tstrace] = samples.slice(0, 3).map(median) as [number, number, number];
  const row: JsonRow = {
    workload: w.name,
    command: ["tstrace", ...(w.tstraceOnly ?? []), ...w.options, ...w.command].join(" "),
    untracedMs: untraced,
    straceMs: strace,
    tstraceMs: tstrace,
    tstraceOverStrace: tstrace / strace,
    tstraceOverUntraced: tstrace / untraced,
  };
  jsonRows.push(row);
  if (w.netOfStartup) {
    const [u, , t, s] = samples as [number[], number[], number[], number[]];
    const net = median(t.map((ms, i) => (ms - (s[i] as number)) / (u[i] as number)));
    row.netOfStartupOverUntraced = net;
    notes.push(
      `${w.name}: (tstrace - tstrace start-up) / untraced = ${net.toFixed(2)} (median of per-round ratios)`,
    );
  }
  process.stdout.write(
    `${w.name.padEnd(24)}${fmt(untraced)}${fmt(strace)}${fmt(tstrace)}${ratio(tstrace, strace)}  ${ratio(tstrace, untraced)}\n`,
  );
}
for (const note of notes) process.stdout.write(`${note}\n`);
const nodeAlone = median(rounds([[process.execPath, "-e", ""]], runs)[0] as number[]);
process.stdout.write(`node start-up alone: ${nodeAlone.toFixed(1)} ms\n`);
const startupCpu = measureStartupCpu(bin, Math.max(2 * runs, 15));
process.stdout.write(formatStartupCpu(startupCpu));
const stops = syscallsPerStop(bin, 3);
process.stdout.write(formatSyscallsPerStop(stops));
// CPU time of the stops, start-up left out (the wall-time rows above are mostly waiting for a CPU).
const stopCpuRuns = Math.min(runs, 5);
const stopCpu = measureStopCpu(bin, stopCpuRuns);
process.stdout.write(formatStopCpu(stopCpu, stopCpuRuns));
const recording: RecordingFigures = recordingBench(bin, runs);
const json = jsonBench(bin, runs);
const memory = measureMemory(bin);
process.stdout.write(formatMemory(memory));
if (summaryRuns > 0) summaryBench(bin, summaryRuns);
const decoder: DecoderRow[] | undefined = decoderBench();
if (decoder) process.stdout.write(formatDecoder(decoder));
const goals = targets({
  rows: new Map(jsonRows.map((r) => [r.workload, r])),
  ...(decoder ? { decoder } : {}),
  memoryOverNodeMiB: Math.max(...memory.rows.map((r) => r.tstrace - memory.node)),
  startupCpu,
  ...(stopCpu ? { stopCpu } : {}),
});
process.stdout.write(formatTargets(goals));
const loadAtEnd = load();
process.stdout.write(`load average at the start ${loadAtStart}, at the end ${loadAtEnd}\n`);
if (jsonFile !== undefined) {
  const report = {
    runs,
    date: new Date().toISOString().slice(0, 10),
    machine: { cpus: availableParallelism(), kernel: release(), node: process.version },
    rows: jsonRows,
    nodeStartupMs: nodeAlone,
    recording,
    loadAverage: { start: loadAtStart, end: loadAtEnd },
    memory,
    startupCpu,
    ...(stops ? { syscallsPerStop: stops } : {}),
    ...(stopCpu ? { stopCpu } : {}),
    ...(decoder ? { decoder } : {}),
    targets: goals,
    json,
  };
  writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
}
