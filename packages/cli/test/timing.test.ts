// -t/--timestamps, -r and -T: option parsing as strace 6.1's, its messages for bad values, and
// traces whose time columns have strace's shape (times differ run to run: the digits are masked,
// their count is not).

import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgs } from "../src/args.js";
import { BIN, PYTHON } from "./helpers/tracers.js";

const run = (tool: string, args: readonly string[]) =>
  spawnSync(tool, args, { encoding: "utf8", timeout: 60_000 });

describe("timing options parse as strace's", () => {
  const abs = (...argv: string[]) => parseArgs([...argv, "true"]).absTimestamps;
  it("-t, -tt, -ttt and more t's", () => {
    expect(abs("-t")).toEqual({ format: "time", precision: "s" });
    expect(abs("-tt")).toEqual({ format: "time", precision: "us" });
    expect(abs("-ttt")).toEqual({ format: "unix", precision: "us" });
    expect(abs("-t", "-t", "-t", "-t")).toEqual({ format: "unix", precision: "us" });
  });
  it("--timestamps: any order and case, prefixes, empty items, s by default", () => {
    expect(abs("--timestamps")).toEqual({ format: "time", precision: "s" });
    expect(abs("--absolute-timestamps")).toEqual({ format: "time", precision: "s" });
    expect(abs("--timestamps=")).toEqual({ format: "time", precision: "s" });
    expect(abs("--timestamps=unix")).toEqual({ format: "unix", precision: "s" });
    expect(abs("--timestamps=ns")).toEqual({ format: "time", precision: "ns" });
    expect(abs("--timestamps=us,unix")).toEqual({ format: "unix", precision: "us" });
    expect(abs("--timestamps=precision:ns,format:time")).toEqual({ format: "time", precision: "ns" });
    expect(abs("--timestamps=Format:UNIX,MS")).toEqual({ format: "unix", precision: "ms" });
    expect(abs("--timestamps=time,,ns")).toEqual({ format: "time", precision: "ns" });
    expect(abs("--timestamps=format:time,precision:s,ms")).toEqual({ format: "time", precision: "ms" });
    expect(abs("--timestamps=unix,time")).toEqual({ format: "time", precision: "s" });
    expect(abs("--timestamps=none,ns")).toBeUndefined();
    expect(abs("--absolute-timestamps=unix,ms")).toEqual({ format: "unix", precision: "ms" });
  });
  it("-r and -T: us unless given, the last one winning, any case", () => {
    expect(parseArgs(["-r", "-T", "true"])).toMatchObject({ relTimestamps: "us", syscallTimes: "us" });
    expect(parseArgs(["--relative-timestamps=s", "--syscall-times=NS", "true"])).toMatchObject({
      relTimestamps: "s",
      syscallTimes: "ns",
    });
    expect(parseArgs(["-r", "--relative-timestamps=ns", "true"]).relTimestamps).toBe("ns");
    expect(parseArgs(["--relative-timestamps=ns", "-r", "true"]).relTimestamps).toBe("us");
    expect(parseArgs(["-T", "--syscall-times=ms", "true"]).syscallTimes).toBe("ms");
  });
  it("-c says which of them it ignores, in strace's order", () => {
    expect(parseArgs(["-c", "-T", "-tt", "-r", "-i", "true"]).warnings).toEqual([
      "-i/--instruction-pointer has no effect with -c/--summary-only",
      "-r/--relative-timestamps has no effect with -c/--summary-only",
      "-t/--absolute-timestamps has no effect with -c/--summary-only",
      "-T/--syscall-times has no effect with -c/--summary-only",
    ]);
    expect(parseArgs(["-c", "--timestamps=none", "true"]).warnings).toEqual([]);
    expect(parseArgs(["-C", "-t", "-r", "-T", "true"]).warnings).toEqual([]);
  });
});

describe("bad timing options: strace's messages and exit status", () => {
  const cases: (readonly string[])[] = [
    ["--timestamps=foo"],
    ["--timestamps=time,foo"],
    ["--timestamps=format:us"],
    ["--timestamps=precision:time"],
    ["--timestamps=unix:ns"],
    ["--relative-timestamps=foo"],
    ["--relative-timestamps="],
    ["--syscall-times=seconds"],
    ["--syscall-times="],
    ["-t", "--timestamps=ns"],
    ["--absolute-timestamps", "-tt"],
    ["-c", "-t", "-T"],
  ];
  for (const args of cases) {
    it(args.join(" "), () => {
      const argv = [...args, "-e", "trace=getpid", "true"];
      const theirs = run("strace", argv);
      const ours = run(BIN, argv);
      expect(ours.status).toBe(theirs.status);
      const messages = (s: string) =>
        s
          .split("\n")
          .filter((l) => /^t?strace: |^Try /.test(l))
          .map((l) => l.replace(/\bt?strace\b/g, "strace"));
      expect(messages(ours.stderr)).toEqual(messages(theirs.stderr));
    });
  }
});

/** Lines' time columns with their digits masked. */
const shape = (text: string) =>
  text
    .split("\n")
    .filter((l) => l.includes("getpid") || l.includes("+++ exited"))
    // getpid's value is a pid: its width changes when pids wrap (pid_max), unlike a time's.
    .map((l) =>
      l
        .replace(/(getpid\(\)\s+= )\d+/, "$1PID")
        .replace(/\d/g, "9")
        .replace(/ +/g, " "),
    );

describe("traces with strace's time columns", () => {
  const prog = [PYTHON, "-S", "-c", "import os; os.getpid(); os.getpid()"];
  const variants: (readonly string[])[] = [
    ["--timestamps=time,ms"],
    ["--timestamps=unix,ns", "--syscall-times=s"],
    ["--timestamps=unix"],
    ["--relative-timestamps=ns", "--syscall-times=ms"],
    ["-r", "-tt", "-T"],
    ["--relative-timestamps=s", "--timestamps=ns"],
  ];
  for (const v of variants) {
    it(v.join(" "), () => {
      const argv = [...v, "-e", "trace=getpid,exit_group", ...prog];
      const theirs = run("strace", argv);
      const ours = run(BIN, argv);
      expect(ours.status).toBe(0);
      const mine = shape(ours.stderr);
      expect(mine.length).toBeGreaterThanOrEqual(3);
      expect(mine).toEqual(shape(theirs.stderr));
    });
  }

  it("-ff -o -r: one relative clock across the files, as strace's", () => {
    const dir = mkdtempSync(join(tmpdir(), "tstrace-timing-"));
    const script =
      "import os,time\nos.getpid()\nif os.fork()==0:\n    time.sleep(0.3); os.getpid(); os._exit(0)\nos.wait()";
    const r = run(BIN, ["-ff", "-r", "-o", join(dir, "t"), "-e", "trace=getpid", PYTHON, "-S", "-c", script]);
    expect(r.status).toBe(0);
    const texts = readdirSync(dir).map((f) => readFileSync(join(dir, f), "utf8"));
    // The parent's getpid before the fork is the last line before the child's, ~0.3 s earlier;
    // a clock of the child's file's own would print 0.
    // (at least 0.3 s: how much more is the scheduler's business).
    const gaps = texts.flatMap((t) =>
      [...t.matchAll(/^ *(\d+\.\d{6}) getpid\(\)/gm)].map((m) => Number(m[1])),
    );
    expect(gaps.some((gap) => gap >= 0.3)).toBe(true);
    // Files whose decoder was created late print their runs later, still on the shared clock.
    expect(texts.filter((t) => /^ {5}0\.0{6} /m.test(t))).toHaveLength(1);
  });
});
