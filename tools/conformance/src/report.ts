import type { CaseResult } from "./runner.js";

/** Overall agreement: matched lines over compared lines, across every case. */
export function overallAgreement(results: readonly CaseResult[]): number {
  const matched = results.reduce((n, r) => n + r.matched, 0);
  const total = results.reduce((n, r) => n + r.total, 0);
  return total === 0 ? 1 : matched / total;
}

/** Agreement of one case, 0..1. */
export function caseAgreement(r: CaseResult): number {
  return r.total === 0 ? 1 : r.matched / r.total;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The table `pnpm conformance` prints; with `verbose`, the differing lines under each case. */
export function formatReport(results: readonly CaseResult[], verbose: boolean): string {
  const width = Math.max(...results.map((r) => r.name.length), 7);
  const rows = results.map((r) => {
    const status =
      r.straceStatus === r.tstraceStatus ? "" : `  exit ${r.tstraceStatus} != strace ${r.straceStatus}`;
    let row = `${r.name.padEnd(width)}  ${pct(caseAgreement(r)).padStart(6)}  ${r.matched}/${r.total}${status}`;
    if (verbose) {
      for (const line of r.missing) row += `\n    - ${line}`;
      for (const line of r.extra) row += `\n    + ${line}`;
    }
    return row;
  });
  const matched = results.reduce((n, r) => n + r.matched, 0);
  const total = results.reduce((n, r) => n + r.total, 0);
  rows.push(`${"overall".padEnd(width)}  ${pct(overallAgreement(results)).padStart(6)}  ${matched}/${total}`);
  return `${rows.join("\n")}\n`;
}
