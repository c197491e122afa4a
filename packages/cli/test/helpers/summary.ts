// Reading strace -c tables for side-by-side comparisons: the time columns are live quantities and
// are masked; names, calls and errors must be equal.

/** The table's rows (total included) as "name calls errors", sorted. */
export function summaryRows(text: string): string[] {
  return text
    .split("\n")
    .filter((l) => /^ *\d+\.\d\d /.test(l))
    .map((l) => {
      const f = l.trim().split(/ +/);
      return `${f.at(-1)} ${f[3]} ${f.length === 6 ? f[4] : "0"}`;
    })
    .sort();
}

/** Calls of one syscall in a table (0 when it has no row). */
export function callsOf(text: string, name: string): number {
  const row = summaryRows(text).find((r) => r.startsWith(`${name} `));
  return row === undefined ? 0 : Number(row.split(" ")[1]);
}

/** The table with every number that measures time replaced by T (layout and counts kept). */
export function maskTimes(text: string): string {
  return text.replace(/^ *\d+\.\d\d +\d+\.\d{6} +\d+ /gm, (m) => `${"T".padStart(m.length - 1)} `);
}

/**
 * A command whose output says whether it runs under ptrace: its own TracerPid. The perf backend
 * never stops or traces it, so it prints 0.
 */
export const TRACER_PID = ["grep", "TracerPid", "/proc/self/status"];
export const untraced = (stdout: string): boolean => /^TracerPid:\s+0$/m.test(stdout);
