import { afterAll, describe, expect, it } from "vitest";
import { CASES } from "../src/cases.js";
import { caseAgreement, formatReport, overallAgreement } from "../src/report.js";
import { type CaseResult, installed, removeWorkFolders, runCase, straceAvailable } from "../src/runner.js";
import { CASE_MIN, OVERALL_MIN } from "../src/thresholds.js";

// The whole corpus against the real strace: the same bar `pnpm conformance` enforces.
describe.skipIf(!straceAvailable())("conformance with strace 6.1", () => {
  const results: CaseResult[] = [];
  afterAll(removeWorkFolders);
  const runnable = CASES.filter(installed);
  for (const c of CASES) {
    // Two runs (strace, tstrace) of up to the runner's 120 s each, and some room.
    it.skipIf(!runnable.includes(c))(
      `${c.name}: same lines and exit status as strace`,
      { timeout: 300_000 },
      () => {
        const r = runCase(c);
        results.push(r);
        expect(r.tstraceStatus, `exit status of ${c.command.join(" ")}`).toBe(r.straceStatus);
        expect(caseAgreement(r), formatReport([r], true)).toBeGreaterThanOrEqual(c.min ?? CASE_MIN);
      },
    );
  }
  it("clears the overall bar", () => {
    expect(results.length).toBe(runnable.length);
    expect(overallAgreement(results), formatReport(results, false)).toBeGreaterThanOrEqual(OVERALL_MIN);
  });
});
