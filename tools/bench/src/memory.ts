/**
 * Peak memory of a long trace: a 300 000-syscall command traced into a file, into /dev/null and
 * into a pipe whose reader stalls, under strace and under tstrace, beside `node -e 0` (what
 * tstrace's runtime costs before it traces anything; started, as tstrace's launcher starts node,
 * without NODE_EXTRA_CA_CERTS, whose bundle alone weighs a few MiB). Peak RSS as /usr/bin/time's %M
 * reports it (getrusage of the waited-for tracer and its descendants, the pipe's reader included).
 * tstrace's memory must not grow with the trace or with a slow reader: the budget is node's own + 30 MiB.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** 150 000 one-byte copies: a read and a write each, 300 000 syscalls. */
const COMMAND = ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=150000"];
/** A reader that reads nothing for 3 s, then everything: the pipe fills and stays full a while. */
const SLOW_READER = "|sleep 3; exec cat >/dev/null";
export const BUDGET_MIB = 30;
/** -f over 300 processes started one after another by a shell, as a build starts its tools. */
const FORKS = ["sh", "-c", "i=0; while [ $i -lt 300 ]; do cat /proc/self/stat >/dev/null; i=$((i+1)); done"];
const FORKS_ROW = "-f, 300 procs";

/** Peak RSS in MiB of `argv`, or NaN when it could not be measured. */
function peakMiB(argv: readonly string[], scratch: string, env?: NodeJS.ProcessEnv): number {
  const report = join(scratch, "time.txt");
  const r = spawnSync("/usr/bin/time", ["-f", "%M", "-o", report, ...argv], { stdio: "ignore", env });
  if (r.error) return Number.NaN;
  const kib = Number(readFileSync(report, "utf8").trim().split("\n").at(-1));
  return kib / 1024;
}

export interface MemoryRow {
  readonly output: string;
  readonly strace: number;
  readonly tstrace: number;
}

export function measureMemory(bin: string): { node: number; rows: MemoryRow[] } {
  const scratch = mkdtempSync(join(tmpdir(), "tstrace-bench-mem-"));
  try {
    const { NODE_EXTRA_CA_CERTS: _, ...bare } = process.env;
    const node = peakMiB([process.execPath, "-e", "0"], scratch, bare);
    const outputs: [string, string][] = [
      ["file", join(scratch, "trace.txt")],
      ["/dev/null", "/dev/null"],
      ["slow pipe", SLOW_READER],
    ];
    const rows = outputs.map(([output, target]) => ({
      output,
      strace: peakMiB(["strace", "-o", target, ...COMMAND], scratch),
      tstrace: peakMiB([bin, "-o", target, ...COMMAND], scratch),
    }));
    // -f on a build-like run: many short processes, each a new tracee with its own state.
    const forks = join(scratch, "forks.txt");
    rows.push({
      output: FORKS_ROW,
      strace: peakMiB(["strace", "-f", "-o", forks, ...FORKS], scratch),
      tstrace: peakMiB([bin, "-f", "-o", forks, ...FORKS], scratch),
    });
    return { node, rows };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function formatMemory(m: { node: number; rows: MemoryRow[] }): string {
  const mib = (v: number): string => `${v.toFixed(1)} MiB`.padStart(11);
  const lines = [
    `peak RSS, ${COMMAND.join(" ")} (300 000 syscalls); budget: node -e 0 + ${BUDGET_MIB} MiB`,
    `${"output".padEnd(16)}${"strace".padStart(11)}${"tstrace".padStart(11)}${"ts - node".padStart(11)}`,
  ];
  for (const r of m.rows) {
    const over = r.tstrace - m.node;
    const flag = over > BUDGET_MIB ? "  OVER BUDGET" : "";
    lines.push(`${r.output.padEnd(16)}${mib(r.strace)}${mib(r.tstrace)}${mib(over)}${flag}`);
  }
  lines.push(`node -e 0: ${m.node.toFixed(1)} MiB; "${FORKS_ROW}" is \`-f ${FORKS.join(" ")}\` into a file`);
  return `${lines.join("\n")}\n`;
}
