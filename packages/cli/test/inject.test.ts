/**
 * -e inject= / -e fault=: the same command under tstrace and strace 6.1, normalised lines and exit
 * statuses compared; the injected results reach the program (it fails, or prints what it got).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { norm, PYTHON, tracersIn } from "./helpers/tracers.js";

const WORK = mkdtempSync(join(tmpdir(), "tstrace-inject-"));
writeFileSync(join(WORK, "a.txt"), "alpha\n");
const { tstrace, strace } = tracersIn(WORK);

/**
 * Both tracers on the same arguments, the trace into -o (the program's own stderr would interleave
 * with it): same status, same normalised trace, same program output.
 */
function same(...args: string[]): { lines: string[]; stdout: string } {
  const a = tstrace("-o", join(WORK, "t.out"), ...args);
  const b = strace("-o", join(WORK, "s.out"), ...args);
  expect(a.status).toBe(b.status);
  const lines = norm(readFileSync(join(WORK, "t.out"), "utf8"));
  expect(lines).toEqual(norm(readFileSync(join(WORK, "s.out"), "utf8")));
  expect(norm(a.stderr)).toEqual(norm(b.stderr));
  expect(a.stdout).toBe(b.stdout);
  return { lines, stdout: a.stdout };
}

/** Three getuid calls (root: 0 under both tracers, unlike a pid). */
const GETUID = "import os; print(os.getuid(), os.getuid(), os.getuid())";
const INJECTED = (line: string): boolean => /= 42 +\(INJECTED\)$/.test(line);

describe("-e inject=", () => {
  it("fails openat with the errno asked for, and says so", () => {
    const { lines } = same("-e", "trace=openat", "-e", "inject=openat:error=ENOENT", "cat", "a.txt");
    expect(lines.some((l) => l.endsWith("= -1 ENOENT (No such file or directory) (INJECTED)"))).toBe(true);
  });
  it("returns retval= to the program", () => {
    const { lines, stdout } = same(
      "-e",
      "trace=getuid",
      "-e",
      "inject=getuid:retval=42",
      PYTHON,
      "-c",
      GETUID,
    );
    expect(stdout).toBe("42 42 42\n");
    // python calls getuid once more while it starts.
    expect(lines.filter(INJECTED).length).toBeGreaterThanOrEqual(3);
  });
  it("counts calls per syscall for when=", () => {
    const { lines } = same(
      "-e",
      "trace=getuid",
      "-e",
      "inject=getuid:retval=7:when=2+",
      PYTHON,
      "-c",
      GETUID,
    );
    expect(lines[0]).toMatch(/= 0$/);
    expect(lines[1]).toMatch(/= 7 \(INJECTED\)$/);
    same("-e", "trace=getuid", "-e", "inject=getuid:retval=7:when=1..2", PYTHON, "-c", GETUID);
    same("-e", "trace=getuid", "-e", "inject=getuid:retval=7:when=2", PYTHON, "-c", GETUID);
  });
  it("fails writes with EIO from the second on", () => {
    same("-e", "trace=write", "-e", "inject=write:error=EIO:when=2+", "sh", "-c", "echo a; echo b; echo c");
  });
  it("runs a pure syscall instead with syscall=", () => {
    same(
      "-e",
      "trace=getppid",
      "-e",
      "inject=getppid:syscall=getuid:error=EPERM",
      PYTHON,
      "-c",
      "import os; os.getppid()",
    );
  });
  it("delivers signal= at entry", () => {
    same("-e", "trace=getuid", "-e", "inject=getuid:signal=SIGUSR1:when=3", PYTHON, "-c", GETUID);
  });
  it("delays with delay_enter= and delay_exit= and says so", () => {
    const { lines } = same(
      "-e",
      "trace=getuid",
      "-e",
      "inject=getuid:delay_enter=1ms:delay_exit=1000",
      PYTHON,
      "-c",
      GETUID,
    );
    expect(lines.filter((l) => l.endsWith("(DELAYED)")).length).toBeGreaterThanOrEqual(3);
  });
  it("applies the last expression naming a syscall", () => {
    same(
      "-e",
      "trace=getuid",
      "-e",
      "inject=getuid:retval=1",
      "-e",
      "inject=getuid:retval=2",
      PYTHON,
      "-c",
      GETUID,
    );
  });
  it("injects only into traced syscalls", () => {
    same(
      "-e",
      "trace=getuid",
      "-e",
      "inject=getppid:retval=9",
      PYTHON,
      "-c",
      "import os; print(os.getppid() == 9)",
    );
  });
  it("warns about a retval that reads as an error", () => {
    const { lines } = same("-e", "trace=chdir", "-e", "inject=chdir:retval=-1", "sh", "-c", "cd /tmp");
    expect(lines[0]).toMatch(/= 18446744073709551615 \(INJECTED\)$/);
  });
});

describe("-e fault=", () => {
  it("defaults to ENOSYS", () => {
    const { lines } = same("-e", "trace=chdir", "-e", "fault=chdir", "sh", "-c", "cd /tmp");
    expect(lines.some((l) => l.includes("ENOSYS") && l.endsWith("(INJECTED)"))).toBe(true);
  });
  it("takes error= and when=, and the long spelling", () => {
    same("-e", "trace=chdir", "--fault=chdir:error=EACCES:when=2", "sh", "-c", "cd /; cd /tmp; cd /");
  });
});

describe("bad expressions", () => {
  const bad = [
    "inject=getpid",
    "inject=getpid:foo",
    "inject=getpid:error=1:retval=2",
    "inject=getpid:error=NOSUCH",
    "inject=getpid:error=1:when=0",
    "inject=getpid:error=1:when=3..2",
    "inject=getpid:error=1:when=1+0",
    "inject=getpid:signal=SIGNOPE",
    "inject=getpid:delay_enter=1x",
    "inject=getpid:syscall=open:error=1",
    "inject=nosuch:error=1",
    "inject=:error=1",
    "fault=getpid:retval=1",
    "fault=getpid:signal=SIGUSR1",
  ];
  for (const expr of bad) {
    it(`refuses -e ${expr} as strace does`, () => {
      const a = tstrace("-e", expr, "true");
      const b = strace("-e", expr, "true");
      expect(a.status).toBe(b.status);
      expect(norm(a.stderr)).toEqual(norm(b.stderr));
    });
  }
});
