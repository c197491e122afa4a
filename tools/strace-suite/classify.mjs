#!/usr/bin/env node
// @ts-check
/**
 * Classifies a run of strace 6.1's own test suite with tstrace as the tracer (the shared run.sh
 * drives it; see README.md beside this file): for each test strace itself passes on this machine,
 * why tstrace does not. Reads the suite's results-tstrace.tsv, results-strace.tsv (the baseline:
 * `run.sh --strace`; without it every test counts) and each failing test's log, whose tail holds
 * the harness's diff (expected `-`, tstrace `+`) or its "Failed patterns" list.
 *
 * Usage: node tools/strace-suite/classify.mjs [--dir SUITE_DIR] [--baseline TSV] [--tsv OUT] [--owners]
 *   --dir       the suite's work folder (default /tmp/strace-suite)
 *   --baseline  strace's own results (default SUITE_DIR/results-strace.tsv when it exists)
 *   --tsv       also write one row per failing test: test, cause, detail, owner
 *   --owners    group the causes by the area that owns them (netlink, ioctl, stack, ...)
 * Nothing of strace's is read into tstrace's repository: this only reads a run's outputs.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { argv, stdout } from "node:process";

/** @param {string} name @param {string | undefined} dflt */
function option(name, dflt) {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
}

const dir = option("--dir", "/tmp/strace-suite") ?? "/tmp/strace-suite";
const baselinePath = option("--baseline", join(dir, "results-strace.tsv"));
const tsvOut = option("--tsv", undefined);
const byOwner = argv.includes("--owners");

/** @param {string} path @returns {Map<string, string>} test -> PASS/FAIL/SKIP/ERROR/XFAIL */
function readResults(path) {
  const m = new Map();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const [test, result] = line.split("\t");
    if (test && result) m.set(test, result);
  }
  return m;
}

const mine = readResults(join(dir, "results-tstrace.tsv"));
const baseline = baselinePath && existsSync(baselinePath) ? readResults(baselinePath) : undefined;

// A line of a trace: optional pid prefix and timestamp, then `name(`.
const SYSCALL_LINE = /^(?:\[pid +\d+\] |\d+ +)?(?:\d[\d:.]* +)?([a-z_][a-z0-9_]*)\(/;
const RESUMED_LINE = /^(?:\[pid +\d+\] |\d+ +)?(?:\d[\d:.]* +)?<\.\.\. ([a-z_][a-z0-9_]*) resumed>/;
// The tracer's own diagnostics as the harness sees them ("$STRACE_EXE: ...").
const TRACER_MESSAGE = /^\S*(?:tstrace-wrap|strace): (.*)$/;
const REFUSAL = /not supported|unrecognized option|invalid option|unknown option|is not implemented/i;
const UNKNOWN_NAME = /invalid system call|invalid syscall|unknown (?:syscall|class)|nonexistent/i;

/** The syscall a trace line (or a match_grep pattern) is about, or undefined. */
function syscallOf(/** @type {string} */ line) {
  const text = line.replace(/\\(.)/g, "$1");
  const m = SYSCALL_LINE.exec(text) ?? RESUMED_LINE.exec(text);
  return m?.[1];
}

/**
 * Why one test failed: [cause, detail]. Causes: "refused option", "syscall name/class not
 * recognised", "decoding: NAME" (the first differing line is NAME's), "diagnostics" (strace's
 * own messages differ), "other output" (+++/---/Process lines), "skipped under tstrace",
 * "other failure" (no trace difference to show: the test program or harness failed).
 * @param {string} test @param {string} result @returns {[string, string]}
 */
function classify(test, result) {
  const logPath = join(dir, "strace", "tests", test.replace(/\.test$/, ".log"));
  const log = existsSync(logPath) ? readFileSync(logPath, "utf8") : "";
  const lines = log.split("\n");
  if (result === "SKIP") return ["skipped under tstrace", firstMeaningful(lines)];
  for (const l of lines) {
    const m = TRACER_MESSAGE.exec(l);
    if (!m || l.startsWith("-") || l.startsWith("+")) continue;
    const msg = /** @type {string} */ (m[1]);
    if (UNKNOWN_NAME.test(msg)) return ["syscall name/class not recognised", msg];
    if (REFUSAL.test(msg)) return ["refused option", refusedOption(msg)];
  }
  const patterns = lines.indexOf("Failed patterns of expected output:");
  if (patterns >= 0) {
    for (const l of lines.slice(patterns + 1)) {
      if (l === "Actual output:") break;
      const name = syscallOf(l.replace(/^#\d+: /, ""));
      if (name) return [`decoding: ${name}`, l.slice(0, 160)];
    }
    return ["other output", lines[patterns + 1]?.slice(0, 160) ?? ""];
  }
  const diff = diffLines(lines);
  if (diff.length > 0) {
    const first = diff.find((l) => l.startsWith("-")) ?? diff[0] ?? "";
    const body = first.slice(1);
    const name = syscallOf(body);
    if (name) return [`decoding: ${name}`, first.slice(0, 160)];
    if (TRACER_MESSAGE.test(body)) return ["diagnostics", first.slice(0, 160)];
    return ["other output", first.slice(0, 160)];
  }
  return ["other failure", firstMeaningful(lines)];
}

/**
 * The `-`/`+` lines of the unified diffs in a log (file headers left out); a plain diff's
 * `<`/`>` lines (some tests use `diff` without -u) count as `-`/`+`.
 */
function diffLines(/** @type {string[]} */ lines) {
  const out = [];
  if (/^\d+(,\d+)?[acd]\d+(,\d+)?$/.test(lines[0] ?? ""))
    for (const l of lines)
      if (l.startsWith("< ")) out.push(`-${l.slice(2)}`);
      else if (l.startsWith("> ")) out.push(`+${l.slice(2)}`);
  let inHunk = false;
  for (const l of lines) {
    if (l.startsWith("@@ ")) inHunk = true;
    else if (l.startsWith("--- ") || l.startsWith("+++ exp") || l.startsWith("+++ out")) inHunk = false;
    else if (inHunk && (l.startsWith("-") || l.startsWith("+"))) out.push(l);
    else if (inHunk && !l.startsWith(" ") && !l.startsWith("\\")) inHunk = false;
  }
  return out;
}

/** The option a refusal names: `-e kvm=` from "-e kvm= is not supported by this build". */
function refusedOption(/** @type {string} */ msg) {
  const m = /^(.*?) (?:is|are) not supported/.exec(msg) ?? /option '?([^' ]+)/.exec(msg);
  return (m?.[1] ?? msg).replace(/=.*$/, "=");
}

/** What a log says went wrong: its first line that is not the harness's own summary. */
function firstMeaningful(/** @type {string[]} */ lines) {
  const harness = /^(FAIL|SKIP|PASS|ERROR) |: (failed|skipped) test: |^\+\+\+ exited with/;
  const said = lines.filter((l) => l.trim() !== "" && !harness.test(l));
  return (said[0] ?? lines.find((l) => /: (failed|skipped) test: /.test(l)) ?? "").slice(0, 160);
}

/** The helper area a cause belongs to (the issue's split of the work), for --owners. */
function owner(/** @type {string} */ test, /** @type {string} */ cause, /** @type {string} */ detail) {
  if (/strace-k|stack/.test(test) || detail.startsWith("-k")) return "stack (-k)";
  if (/json/.test(detail)) return "json";
  if (/netlink|nlattr|diag|sockopt|nfnl/.test(test)) return "netlink+sockopt";
  if (/^decoding: (sendto|sendmsg|recvmsg|recvfrom|getsockopt|setsockopt)$/.test(cause))
    return "netlink+sockopt";
  if (cause.startsWith("decoding: ")) return "ioctl/prctl/long-tail decoders";
  return "options, plumbing, output (suite)";
}

const rows = [];
let strPass = 0;
let bothPass = 0;
for (const [test, strace] of baseline ?? mine) {
  if (baseline && strace !== "PASS") continue;
  strPass++;
  const result = mine.get(test) ?? "MISSING";
  if (result === "MISSING") {
    rows.push({ test, cause: "not run under tstrace", detail: "", owner: "(run ended before it)" });
    continue;
  }
  if (result === "PASS") {
    bothPass++;
    continue;
  }
  const [cause, detail] = classify(test, result);
  rows.push({ test, cause, detail, owner: owner(test, cause, detail) });
}

/** @param {(r: typeof rows[number]) => string} key */
function tally(key) {
  const m = new Map();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
}

const out = [];
const base = baseline
  ? `of the ${strPass} tests strace 6.1 passes here`
  : `of ${strPass} tests (no strace baseline)`;
out.push(`tstrace passes ${bothPass} ${base}; ${rows.length} fail under tstrace.`);
out.push("", "By cause:");
const coarse = (/** @type {string} */ c) => (c.startsWith("decoding: ") ? "decoding differences" : c);
for (const [c, n] of tally((r) => coarse(r.cause))) out.push(`  ${String(n).padStart(4)}  ${c}`);
out.push("", "Decoding differences by syscall:");
out.push(
  `  ${tally((r) => r.cause)
    .filter(([c]) => c.startsWith("decoding: "))
    .map(([c, n]) => `${c.slice(10)} ${n}`)
    .join(", ")}`,
);
const refused = tally((r) => (r.cause === "refused option" ? r.detail : ""));
if (refused.some(([k]) => k !== "")) {
  out.push("", "Refused options:");
  out.push(
    `  ${refused
      .filter(([k]) => k !== "")
      .map(([k, n]) => `${k} ${n}`)
      .join(", ")}`,
  );
}
if (byOwner) {
  out.push("", "By owner:");
  for (const [o, n] of tally((r) => r.owner)) out.push(`  ${String(n).padStart(4)}  ${o}`);
}
for (const cause of ["other output", "diagnostics", "other failure", "skipped under tstrace"]) {
  const list = rows.filter((r) => r.cause === cause);
  if (list.length === 0) continue;
  out.push("", `${cause} (${list.length}):`);
  for (const r of list) out.push(`  ${r.test}: ${r.detail}`);
}
stdout.write(`${out.join("\n")}\n`);
if (tsvOut)
  writeFileSync(
    tsvOut,
    `${rows.map((r) => [r.test, r.cause, r.detail.replace(/\t/g, " "), r.owner].join("\t")).join("\n")}\n`,
  );
