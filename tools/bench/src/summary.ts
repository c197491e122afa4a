/**
 * The -c comparison of issue 15: `dd bs=1 count=200000` (400,000 syscalls) untraced, under
 * `tstrace -c` (default backend: eBPF counting when privileged), tstrace -c from perf ring buffers
 * and with ptrace, `strace -c`, `perf trace -s` and `perf stat` on the two tracepoints (what merely
 * enabling them costs), interleaved in one run. perf's rows are skipped
 * where `perf trace` cannot run (not installed, or not permitted).
 */
import { spawnSync } from "node:child_process";
import { median, rounds } from "./timing.js";

const DD = ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=200000"];

/** Why `perf trace -s` cannot run here, or undefined when it can. */
function perfTraceUnavailable(): string | undefined {
  const r = spawnSync("perf", ["trace", "-s", "-o", "/dev/null", "--", "/bin/true"], { encoding: "utf8" });
  if (r.error)
    return (r.error as NodeJS.ErrnoException).code === "ENOENT" ? "perf not installed" : r.error.message;
  if (r.status !== 0) return `perf trace exits ${r.status}: ${r.stderr.trim().split("\n")[0] ?? ""}`;
  return undefined;
}

interface Variant {
  readonly name: string;
  readonly argv: readonly string[];
}

/** Prints the section; `runs` rounds (the traced ddss take tens of seconds each under ptrace). */
export function summaryBench(bin: string, runs: number): void {
  const env = (pages: number): string[] => ["env", `TSTRACE_PERF_BUFFER_PAGES=${pages}`];
  const variants: Variant[] = [
    { name: "untraced", argv: DD },
    { name: "tstrace -c", argv: [bin, "-c", "-o", "/dev/null", ...DD] },
    { name: "tstrace -c true (start-up)", argv: [bin, "-c", "-o", "/dev/null", "/bin/true"] },
    // A sized buffer selects the ring-buffer source (8 MiB per CPU: the default size).
    { name: "tstrace -c, ring buffers", argv: [...env(2048), bin, "-c", "-o", "/dev/null", ...DD] },
    { name: "tstrace -c, ptrace", argv: [bin, "-c", "--summary-backend=ptrace", "-o", "/dev/null", ...DD] },
    { name: "strace -c", argv: ["strace", "-c", "-o", "/dev/null", ...DD] },
  ];
  const perfMissing = perfTraceUnavailable();
  if (perfMissing === undefined) {
    variants.push({ name: "perf trace -s", argv: ["perf", "trace", "-s", "-o", "/dev/null", "--", ...DD] });
    // The floor of any tracepoint-based count: the tracepoints enabled and merely counted.
    const events = ["-e", "raw_syscalls:sys_enter,raw_syscalls:sys_exit"];
    variants.push({
      name: "perf stat (floor)",
      argv: ["perf", "stat", ...events, "-o", "/dev/null", "--", ...DD],
    });
  }
  const samples = rounds(
    variants.map((v) => v.argv),
    runs,
  );
  const med = samples.map(median);
  const at = (name: string): number | undefined => {
    const i = variants.findIndex((v) => v.name === name);
    return i < 0 ? undefined : med[i];
  };
  const untraced = at("untraced") as number;
  const strace = at("strace -c") as number;
  const perf = at("perf trace -s");
  const x = (a: number, b: number | undefined): string =>
    (b === undefined ? "-" : `${(a / b).toFixed(2)}x`).padStart(10);
  process.stdout.write(`\n-c on dd bs=1 count=200000, median of ${runs} interleaved runs\n`);
  process.stdout.write(
    `${"variant".padEnd(28)}${"time".padStart(11)}${"/untraced".padStart(10)}${"/strace -c".padStart(11)}${"/perf -s".padStart(10)}\n`,
  );
  for (const [i, v] of variants.entries()) {
    const ms = med[i] as number;
    process.stdout.write(
      `${v.name.padEnd(28)}${`${ms.toFixed(1)} ms`.padStart(11)}${x(ms, untraced)}${x(ms, strace).padStart(11)}${x(ms, perf)}\n`,
    );
  }
  const [u, t, s] = samples as [number[], number[], number[]];
  const net = median(t.map((ms, i) => (ms - (s[i] as number)) / (u[i] as number)));
  process.stdout.write(
    `tstrace -c net of its start-up / untraced = ${net.toFixed(2)} (median of per-round ratios)\n`,
  );
  if (perfMissing !== undefined) process.stdout.write(`perf trace -s: skipped (${perfMissing})\n`);
}
