// Which -c command lines may count from perf events (stats/backend.ts): what shapes only the table
// or is expressed by the events themselves keeps perf; what needs stops keeps ptrace.
import { describe, expect, it } from "vitest";
import { parseArgs } from "../src/args.js";
import { perfBlocker, wantsPerf } from "../src/stats/backend.js";

const wants = (...argv: string[]): boolean => wantsPerf(parseArgs([...argv, "true"]));

describe("--summary-backend choice", () => {
  it("perf for -c with -f, -e trace=, -S, -U, -w, -O, -o, -A, -Z and trace-line options", () => {
    expect(wants("-c")).toBe(true);
    expect(wants("-c", "-f", "-e", "trace=%file", "-S", "calls", "-U", "name,calls")).toBe(true);
    expect(wants("-c", "-w", "-O", "1us", "-o", "/dev/null", "-A", "-Z", "-v", "-s", "99")).toBe(true);
    expect(wants("-c", "--summary-backend=perf")).toBe(true);
  });
  it("ptrace when asked, without -c, with -C, and for options that need stops", () => {
    expect(wants("-c", "--summary-backend=ptrace")).toBe(false);
    expect(wants("-f")).toBe(false);
    expect(wants("-C")).toBe(false);
    for (const extra of [
      ["-P", "/etc"],
      ["--trace-fds=3"],
      ["--syscall-limit=5"],
      ["-b", "execve"],
      ["--kill-on-exit"],
      ["-D"],
    ])
      expect(wants("-c", ...extra), extra.join(" ")).toBe(false);
    expect(wantsPerf(parseArgs(["-c", "-p", "1"]))).toBe(false);
    expect(perfBlocker(parseArgs(["-c", "-p", "1"]))).toBe("-p/--attach");
  });
  it("parses and checks the option", () => {
    expect(parseArgs(["true"]).summaryBackend).toBe("auto");
    expect(() => parseArgs(["-c", "--summary-backend=bpf", "true"])).toThrow(
      "invalid --summary-backend argument: 'bpf'",
    );
    expect(() => parseArgs(["-c", "--summary-backend=perf", "-P", "/etc", "true"])).toThrow(
      "--summary-backend=perf cannot count with -P/--trace-path",
    );
  });
});
