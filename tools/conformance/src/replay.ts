/**
 * `pnpm conformance --replay`: for each case, tstrace traces it live with --record, then replays
 * the recording with the same output options; the two texts must be identical, byte for byte
 * (no normalising: the replay prints the very events the live run printed).
 */
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { ConformanceCase } from "./cases.js";
import { OUT, runTracer, tstraceBin } from "./runner.js";

/** One case's live-versus-replay outcome. */
export interface ReplayResult {
  readonly name: string;
  /** Lines the live run printed. */
  readonly lines: number;
  /** The replay printed exactly the live text and exited 0. */
  readonly identical: boolean;
  /** The first differing line, live then replay, when not identical. */
  readonly firstDiff?: readonly [string, string];
  readonly replayStatus: number;
}

/** Options that choose how to trace, not what to print: a replay traces nothing, so drops them. */
export function outputOptions(options: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < options.length; i++) {
    const o = options[i] as string;
    if (
      /^-D+$/.test(o) ||
      o.startsWith("--daemonize") ||
      o === "--kill-on-exit" ||
      /^--(no-)?seccomp-bpf$/.test(o)
    )
      continue;
    if (o === "-b" || o === "--detach-on") {
      i++;
      continue;
    }
    if (o.startsWith("--detach-on=")) continue;
    out.push(o);
  }
  return out;
}

/** Records one case live and replays it; compares the two outputs. */
export function replayCase(c: ConformanceCase): ReplayResult {
  mkdirSync(OUT, { recursive: true });
  const rec = join(OUT, "case.tsr");
  const livePath = join(OUT, "live.txt");
  const replayPath = join(OUT, "replay.txt");
  for (const p of [rec, livePath, replayPath]) rmSync(p, { force: true });
  const options = c.options ?? [];
  runTracer([tstraceBin(), "-o", livePath, `--record=${rec}`, ...options, ...c.command]);
  const replayStatus = runTracer([
    tstraceBin(),
    "-o",
    replayPath,
    `--replay=${rec}`,
    ...outputOptions(options),
  ]);
  const read = (p: string): string => {
    try {
      return readFileSync(p, "utf8");
    } catch {
      return "";
    }
  };
  const live = read(livePath);
  const replay = read(replayPath);
  const identical = live === replay && replayStatus === 0;
  const a = live.split("\n");
  const b = replay.split("\n");
  const at = a.findIndex((l, i) => l !== b[i]);
  const i = at === -1 ? a.length : at;
  return {
    name: c.name,
    lines: a.length - 1,
    identical,
    replayStatus,
    ...(identical ? {} : { firstDiff: [a[i] ?? "(end)", b[i] ?? "(end)"] as const }),
  };
}

/** The report `pnpm conformance --replay` prints. */
export function formatReplayReport(results: readonly ReplayResult[]): string {
  const width = Math.max(...results.map((r) => r.name.length), 7);
  const rows = results.map((r) => {
    let row = `${r.name.padEnd(width)}  ${r.identical ? "identical" : "DIFFERS"}  ${r.lines} lines`;
    if (r.replayStatus !== 0) row += `  replay exit ${r.replayStatus}`;
    if (r.firstDiff) row += `\n    live:   ${r.firstDiff[0]}\n    replay: ${r.firstDiff[1]}`;
    return row;
  });
  const same = results.filter((r) => r.identical).length;
  const lines = results.reduce((n, r) => n + r.lines, 0);
  rows.push(`replay: ${same}/${results.length} cases identical to their live run (${lines} lines)`);
  return `${rows.join("\n")}\n`;
}
