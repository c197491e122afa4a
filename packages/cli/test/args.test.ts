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
