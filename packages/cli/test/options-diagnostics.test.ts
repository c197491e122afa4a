// Option diagnostics strace 6.1 prints (its options-syntax test's cases): each command line runs
// under tstrace and under strace and both must say the same thing (program name masked).
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BIN } from "./helpers/tracers.js";

function said(tracer: "tstrace" | "strace", args: string[]): { status: number | null; stderr: string } {
  const [file, pre] = tracer === "tstrace" ? [process.execPath, [BIN]] : ["strace", []];
  const r = spawnSync(file, [...pre, ...args], { encoding: "utf8", timeout: 60_000 });
  return { status: r.status, stderr: r.stderr.replace(/\bt?strace\b/g, "TRACER") };
}

const CASES: string[][] = [
  // --secontext: strace built without SELinux refuses it with one line.
  ["--secontext", "true"],
  ["--secontext=full", "true"],
  ["-e", "secontext=mismatch", "true"],
  // --tips: checked as strace checks it.
  ["--tips=id"],
  ["--tips=id:rand"],
  ["--tips=2147483648"],
  ["--tips=format:id:0"],
  ["--tips"],
  ["--tips=id:random,23", "--tips=format:full,3,none,id:42,compact"],
  // -D: strace's order of checks, --daemonize's values in any case.
  ["-DDDD", "-p", "1"],
  ["-DDDD", "true"],
  ["--daemonize=Pgrp", "-p", "1"],
  ["--daemonize=pgr"],
  ["-D", "--daemonize", "-p", "1"],
  ["--daemonize", "-v", "-D", "/bit/true"],
  // -f and -ff against their long spellings (startup: strace's options-syntax test attaches with
  // -p $$ after these, so a missing refusal hangs it).
  ["-f", "--follow-forks", "true"],
  ["--follow-forks", "-ff", "true"],
  ["-ff", "--output-separately", "true"],
  ["--output-separately", "-f", "-f", "-o", "x", "true"],
  // Spelled long, the long name is in the message.
  ["--interruptible=0x1"],
  ["-I", "5"],
  ["--string-limit=-42"],
  ["-c", "-C", "true"],
];

describe("option diagnostics, as strace 6.1 prints them", () => {
  it.each(CASES.map((c) => [c.join(" "), c] as const))("%s", (_name, args) => {
    const ours = said("tstrace", args);
    expect(ours).toEqual(said("strace", args));
    expect(ours.status).not.toBe(0);
  });
});
