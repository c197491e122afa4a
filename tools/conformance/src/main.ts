#!/usr/bin/env node
/**
 * `pnpm conformance [--verbose] [NAME...]`: traces the corpus with strace and tstrace, prints the
 * per-case and overall line agreement, and exits 1 when a case or the whole falls below its bar.
 * `pnpm conformance --replay [NAME...]`: instead, each case's live tstrace output against the
 * replay of that run's recording (replay.ts); exits 1 unless every case is identical.
 * `pnpm conformance --json [NAME...]`: each case's --json replay validated against the schema and
 * rendered back to its text replay (json-mode.ts); exits 1 unless every case matches.
 */
import { CASES } from "./cases.js";
import { formatJsonReport, jsonCase } from "./json-mode.js";
import { formatReplayReport, replayCase } from "./replay.js";
import { caseAgreement, formatReport, overallAgreement } from "./report.js";
import { installed, removeWorkFolders, runCase, straceAvailable } from "./runner.js";
import { CASE_MIN, OVERALL_MIN } from "./thresholds.js";

const args = process.argv.slice(2).filter((a) => a !== "--");
const verbose = args.includes("--verbose") || args.includes("-v");
const names = args.filter((a) => !a.startsWith("-"));

if (args.includes("--replay")) {
  const chosen = names.length > 0 ? CASES.filter((c) => names.includes(c.name)) : CASES;
  const results = chosen.map(replayCase);
  removeWorkFolders();
  process.stdout.write(formatReplayReport(results));
  process.exit(results.every((r) => r.identical) ? 0 : 1);
}
if (args.includes("--json")) {
  const chosen = names.length > 0 ? CASES.filter((c) => names.includes(c.name)) : CASES;
  const results = [];
  for (const c of chosen) results.push(await jsonCase(c));
  removeWorkFolders();
  process.stdout.write(formatJsonReport(results));
  process.exit(results.every((r) => r.identical && r.invalid === 0) ? 0 : 1);
}
if (!straceAvailable()) {
  process.stdout.write("conformance: skipped, strace is not installed (apt-get install strace)\n");
  process.exit(0);
}
const selected = (names.length > 0 ? CASES.filter((c) => names.includes(c.name)) : CASES).filter(installed);
const results = selected.map(runCase);
removeWorkFolders();
process.stdout.write(formatReport(results, verbose));
const failing = results.filter(
  (r, i) => caseAgreement(r) < (selected[i]?.min ?? CASE_MIN) || r.straceStatus !== r.tstraceStatus,
);
const overall = overallAgreement(results);
if (failing.length > 0 || overall < OVERALL_MIN) {
  process.stdout.write(
    `conformance: below the bar (overall ${OVERALL_MIN * 100}%, each case ${CASE_MIN * 100}%): ${failing.map((r) => r.name).join(", ") || "overall"}\n`,
  );
  process.exit(1);
}
