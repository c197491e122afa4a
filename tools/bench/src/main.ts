#!/usr/bin/env node
import { readFileSync } from "node:fs";
/**
 * `pnpm bench [--runs N]` (default 5): each workload untraced, under `strace -o /dev/null` and under
 * `tstrace -o /dev/null`, interleaved in one run; prints medians and the ratios that matter
 * (tstrace/strace, tstrace/untraced). Ratios, not absolute times: these machines are shared.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { medians } from "./timing.js";
import { WORKLOADS } from "./workloads.js";

const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;

const require = createRequire(import.meta.url);
const cliPkg = require.resolve("@tstrace/cli/package.json");
const bin = join(
  dirname(cliPkg),
  (JSON.parse(readFileSync(cliPkg, "utf8")) as { bin: { tstrace: string } }).bin.tstrace,
);

const fmt = (ms: number): string => `${ms.toFixed(1)} ms`.padStart(10);
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`.padStart(8);

process.stdout.write(`tracer benchmark, median of ${runs} interleaved runs\n`);
process.stdout.write(
  `${"workload".padEnd(24)}${"untraced".padStart(10)}${"strace".padStart(10)}${"tstrace".padStart(10)}${"ts/strace".padStart(10)}${"ts/untr".padStart(9)}\n`,
);
let startup: number | undefined;
const notes: string[] = [];
for (const w of WORKLOADS) {
  const [untraced, strace, tstrace] = medians(
    [
      w.command,
      ["strace", "-o", "/dev/null", ...w.options, ...w.command],
      [bin, "-o", "/dev/null", ...w.options, ...w.command],
    ],
    runs,
  ) as [number, number, number];
  startup ??= tstrace;
  if (w.options.some((o) => o.startsWith("trace="))) {
    notes.push(
      `${w.name}: (tstrace - tstrace start-up) / untraced = ${((tstrace - startup) / untraced).toFixed(2)}`,
    );
  }
  process.stdout.write(
    `${w.name.padEnd(24)}${fmt(untraced)}${fmt(strace)}${fmt(tstrace)}${ratio(tstrace, strace)}  ${ratio(tstrace, untraced)}\n`,
  );
}
for (const note of notes) process.stdout.write(`${note}\n`);
const [nodeAlone] = medians([[process.execPath, "-e", ""]], runs) as [number];
process.stdout.write(`node start-up alone: ${nodeAlone.toFixed(1)} ms\n`);
