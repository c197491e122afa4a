import { describe, expect, it } from "vitest";
import { parseArgs } from "../src/args.js";
import { UsageError } from "../src/usage-error.js";

describe("parseArgs", () => {
  it("stops at the command, so the command's own flags stay its own", () => {
    const o = parseArgs(["-s", "64", "ls", "-l", "-s"]);
    expect(o.strsize).toBe(64);
    expect(o.command).toEqual(["ls", "-l", "-s"]);
  });
  it("accepts a leading -- (as pnpm passes it)", () => {
    expect(parseArgs(["--", "ls"]).command).toEqual(["ls"]);
    expect(parseArgs(["-o", "x", "--", "-weird"]).command).toEqual(["-weird"]);
  });
  it("accepts attached and clustered short options", () => {
    const o = parseArgs(["-fxxs100", "-a50", "true"]);
    expect(o).toMatchObject({ follow: true, hex: 2, strsize: 100, columns: 50 });
  });
  it("accepts long options with = or a separate value", () => {
    expect(parseArgs(["--output=t.txt", "true"]).output).toBe("t.txt");
    expect(parseArgs(["--string-limit", "5", "true"]).strsize).toBe(5);
  });
  it("rejects what strace rejects, with strace's words", () => {
    const cases: [string[], string][] = [
      [["-Q", "ls"], "invalid option -- 'Q'"],
      [["-s", "abc", "ls"], "invalid -s argument: 'abc'"],
      [["-a", "-1", "ls"], "invalid -a argument: '-1'"],
      [["--bogus", "ls"], "unrecognized option '--bogus'"],
      [["-s"], "option requires an argument -- 's'"],
      [[], "must have PROG [ARGS] or -p PID"],
    ];
    for (const [argv, message] of cases) {
      expect(() => parseArgs(argv), argv.join(" ")).toThrowError(new UsageError(message));
    }
  });
  it("lets -h and -V stand without a command", () => {
    expect(parseArgs(["-h"]).help).toBe(true);
    expect(parseArgs(["-V"]).version).toBe(true);
  });
});

describe("parseArgs: filters, stats, timing, attach", () => {
  it("combines -e as strace does: the last trace= wins, other qualifiers apart", () => {
    const o = parseArgs(["-e", "trace=read", "-e", "write", "-e", "signal=!USR1", "true"]);
    expect([...(o.qualifiers.trace ?? [])]).toEqual([1]);
    expect(o.qualifiers.signal?.has(10)).toBe(false);
    expect(o.qualifiers.signal?.has(15)).toBe(true);
  });
  it("maps -z/-Z/-q/-qq and --quiet=", () => {
    expect([...(parseArgs(["-z", "-Z", "true"]).qualifiers.status ?? [])]).toEqual(["failed"]);
    expect([...parseArgs(["-q", "true"]).qualifiers.quiet]).toEqual(["attach", "personality"]);
    expect(parseArgs(["-qq", "true"]).qualifiers.quiet.has("exit")).toBe(true);
    expect([...parseArgs(["--quiet=attach", "true"]).qualifiers.quiet]).toEqual(["attach"]);
    // strace's quietstr_to_uint also takes `exits` (and --silence= is --quiet=).
    expect([...parseArgs(["--silence=exits,personality", "true"]).qualifiers.quiet]).toEqual([
      "exit",
      "personality",
    ]);
  });
  it("parses -p lists like strace's process_opt_p_list", () => {
    expect(parseArgs(["-p", "12,13", "-p", "14 15\n16", "-p", "12"]).pids).toEqual([12, 13, 14, 15, 16]);
    expect(() => parseArgs(["-p", `${process.pid}`])).toThrowError(
      "I'm sorry, I can't let you do that, Dave.",
    );
  });
  it("parses timing flags", () => {
    expect(parseArgs(["-ttt", "true"]).absTimestamps).toEqual({ format: "unix", precision: "us" });
    expect(parseArgs(["--timestamps=unix,ns", "true"]).absTimestamps).toEqual({
      format: "unix",
      precision: "ns",
    });
    // Repeated, they add up as strace's parse_ts_arg does: each keeps what it does not give.
    for (const order of [
      ["--absolute-timestamps=format:unix", "--absolute-timestamps=precision:ms"],
      ["--absolute-timestamps=precision:ms", "--absolute-timestamps=format:unix"],
    ])
      expect(parseArgs([...order, "true"]).absTimestamps).toEqual({ format: "unix", precision: "ms" });
    expect(parseArgs(["--timestamps=ns", "--timestamps=time", "true"]).absTimestamps).toEqual({
      format: "time",
      precision: "ns",
    });
    expect(parseArgs(["-T", "-r", "true"])).toMatchObject({ syscallTimes: "us", relTimestamps: "us" });
    expect(() => parseArgs(["--syscall-times=xx", "true"])).toThrowError(
      "invalid --syscall-times argument: 'xx'",
    );
  });
  it("turns -ff -o into separate outputs, and -c/-C/-S/-U into a summary request", () => {
    expect(parseArgs(["-ff", "-o", "x", "true"]).separately).toBe(true);
    expect(parseArgs(["-ff", "true"]).separately).toBe(false);
    const o = parseArgs(["-C", "-S", "calls", "-U", "name,calls", "true"]);
    expect(o).toMatchObject({ summary: "also", sortBy: "calls", summaryColumns: ["name", "calls"] });
  });
});
