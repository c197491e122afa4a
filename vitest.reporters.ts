/**
 * Every package's vitest reporters: vitest's own, and a JSON report that `pnpm test`'s last step
 * (scripts/test.mjs) reads to list the failed tests after turbo's summary. CI keeps only the end of
 * a log, and turbo prints each package's output as a block when it finishes, so a failure's details
 * can sit far above the end.
 */
export const REPORT_FILE = "node_modules/.vitest/report.json";
export const reporters: ["default", ["json", { outputFile: string }]] = [
  "default",
  ["json", { outputFile: REPORT_FILE }],
];
