#!/usr/bin/env node
/**
 * `pnpm test`: every package's tests through turbo, then, when some failed, the failed tests with
 * the start of their messages, read from the JSON report each package's vitest writes
 * (vitest.reporters.ts). Exits with turbo's status.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const REPORT = join("node_modules", ".vitest", "report.json");
/** Lines of each failure message shown: enough for an assertion and its diff's start. */
const MESSAGE_LINES = 25;

const started = Date.now();
const turbo = spawnSync(
  "pnpm",
  [
    "exec",
    "turbo",
    "run",
    "test",
    "test:deno",
    "--continue=dependencies-successful",
    ...process.argv.slice(2),
  ],
  { cwd: ROOT, stdio: "inherit" },
);
const status = turbo.status ?? 1;

const failures = [];
for (const group of ["packages", "apps", "tools"]) {
  const dir = join(ROOT, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir)) {
    const file = join(dir, name, REPORT);
    // A report older than this run belongs to an earlier one (a package that did not run now).
    if (!existsSync(file) || statSync(file).mtimeMs < started) continue;
    let report;
    try {
      report = JSON.parse(readFileSync(file, "utf8"));
    } catch {
      failures.push({
        where: relative(ROOT, file),
        message: "the test report is not JSON (vitest stopped?)",
      });
      continue;
    }
    for (const suite of report.testResults ?? []) {
      const tests = suite.assertionResults ?? [];
      if (suite.status === "failed" && tests.every((t) => t.status !== "failed"))
        failures.push({
          where: relative(ROOT, suite.name),
          message: suite.message ?? "the file failed to run",
        });
      for (const t of tests)
        if (t.status === "failed")
          failures.push({
            where: `${relative(ROOT, suite.name)} > ${t.fullName}`,
            message: (t.failureMessages ?? []).join("\n"),
          });
    }
  }
}
if (failures.length > 0) {
  process.stdout.write(`\ntest: ${failures.length} failed\n`);
  for (const f of failures) {
    // vitest's own frames say nothing about the failure.
    const lines = String(f.message)
      .split("\n")
      .filter((l) => !/^\s+at .*(node_modules|node:internal|<anonymous>)/.test(l));
    const shown = lines.slice(0, MESSAGE_LINES).map((l) => `    ${l}`);
    if (lines.length > MESSAGE_LINES)
      shown.push(`    … ${lines.length - MESSAGE_LINES} more lines above in the log`);
    process.stdout.write(`  ✗ ${f.where}\n${shown.join("\n")}\n`);
  }
}
process.exit(status);
