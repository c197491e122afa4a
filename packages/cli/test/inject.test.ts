/**
 * -e inject= / -e fault=: the same command under tstrace and strace 6.1, normalised lines and exit
 * statuses compared; the injected results reach the program (it fails, or prints what it got).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CC, compileC } from "./helpers/c-program.js";
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

/**
 * poke_enter=/poke_exit= targets: a writable buffer, a string in read-only data (process_vm_writev
 * refuses it, PTRACE_POKEDATA writes it as strace's upoken does), an unmapped page (aligned and
 * not), the last bytes before it (a short write), and getcwd's buffer at exit.
 */
const POKE_C = `
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
  const long page = sysconf(_SC_PAGESIZE);
  char *buf = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (buf == MAP_FAILED || munmap(buf + page, page)) return 1;
  char *end = buf + page;
  strcpy(buf, "/no/such/dir");
  long r = syscall(SYS_chdir, buf);
  printf("writable: %ld %s\\n", r, buf);
  static const char rodata[] = "/no/such/place";
  r = syscall(SYS_chdir, rodata + 1);
  printf("read-only: %ld %s\\n", r, rodata);
  syscall(SYS_chdir, end);
  syscall(SYS_chdir, end + 1);
  memset(end - 8, '/', 8);
  syscall(SYS_chdir, end - 1);
  syscall(SYS_chdir, end - 8);
  char cwd[64] = "";
  r = syscall(SYS_getcwd, cwd, sizeof cwd);
  printf("getcwd: %ld %s\\n", r, cwd);
  return 0;
}
`;
const POKE = CC ? compileC(WORK, "poke", POKE_C) : "";
/** strace's messages name the tracee's pid; both tracers' runs have their own. */
const maskPids = (text: string): string => text.replace(/\b(process |pid:)\d+/g, "$1PID");

/** `same` for the poke program, whose messages on stderr carry its pid. */
function samePoke(...args: string[]): { lines: string[]; stdout: string; stderr: string[] } {
  const a = tstrace("-o", join(WORK, "t.out"), ...args, POKE);
  const b = strace("-o", join(WORK, "s.out"), ...args, POKE);
  expect(a.status).toBe(b.status);
  const lines = norm(readFileSync(join(WORK, "t.out"), "utf8"));
  expect(lines).toEqual(norm(readFileSync(join(WORK, "s.out"), "utf8")));
  const stderr = norm(maskPids(a.stderr));
  expect(stderr).toEqual(norm(maskPids(b.stderr)));
  expect(a.stdout).toBe(b.stdout);
  return { lines, stdout: a.stdout, stderr };
}

describe.skipIf(!CC)("-e inject=…:poke_enter= / poke_exit=", () => {
  const TMP = "2f746d7000"; // "/tmp\0"
  const STRACE = "5374726163652100"; // "Strace!\0"
  it("writes at entry and at exit, fails on unmapped pages as strace does, and marks the calls", () => {
    const { lines, stdout, stderr } = samePoke(
      "-e",
      "trace=chdir,getcwd",
      "-e",
      `inject=chdir:poke_enter=@arg1=${TMP}`,
      "-e",
      `inject=getcwd:poke_exit=@arg1=${STRACE}`,
    );
    // The tracee saw the bytes, read-only data included (PTRACE_POKEDATA writes through).
    expect(stdout).toBe("writable: 0 /tmp\nread-only: 0 //tmp\ngetcwd: 5 Strace!\n");
    expect(lines[0]).toMatch(/^chdir\("\/tmp"\) += 0 \(INJECTED: args\)$/);
    expect(lines.at(-2)).toMatch(/^getcwd\("Stra"\.\.\., 64\) += 5 \(INJECTED: args\)$/);
    expect(stderr).toContain("TRACER: poke_tcb: Failed to tamper with process PID: couldn't poke");
    expect(stderr.some((l) => /^TRACER: upoken: pid:PID short write \(1 < 5\) @0xADDR$/.test(l))).toBe(true);
  });
  it("counts calls for when= and marks an injected result too", () => {
    const { lines } = samePoke(
      "-e",
      "trace=chdir",
      "-e",
      `inject=chdir:poke_enter=@arg1=${TMP}:error=EPERM:when=2..3`,
    );
    expect(lines[0]).toMatch(/= -1 ENOENT \(No such file or directory\)$/);
    expect(lines[1]).toMatch(
      /^chdir\("\/tmp"\) += -1 EPERM \(Operation not permitted\) \(INJECTED: args, retval\)$/,
    );
  });
  it("refuses an argument the syscall does not have at each due call", () => {
    const { stderr } = samePoke("-e", "trace=getcwd", "-e", `inject=getcwd:poke_enter=@arg3=${STRACE}`);
    expect(stderr).toEqual([
      "TRACER: poke_tcb: Failed to tamper with process PID: requested to tamper with argument #3, but system call 'getcwd' has only 2 arguments",
    ]);
  });
  it("says so in --json", () => {
    const r = tstrace("--json", "-e", "trace=getcwd", "-e", `inject=getcwd:poke_exit=@arg1=${STRACE}`, POKE);
    const call = r.stderr
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l))
      .find((e) => e.name === "getcwd");
    expect(call?.injected_args).toBe(true);
    expect(call?.injected).toBeUndefined();
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
    "inject=chdir:poke_enter=",
    "inject=chdir:poke_enter=@arg8=00",
    "inject=chdir:poke_enter=@arg1=0",
    "inject=chdir:poke_enter=@arg1=zz",
    "inject=chdir:poke_exit=@arg1=00,@arg1=01",
    "inject=chdir:poke_exit=@arg1=00:poke_exit=@arg2=00",
    "inject=chdir:poke_enter=arg1=00",
    `inject=chdir:poke_enter=@arg1=${"00".repeat(1025)}`,
    "fault=chdir:poke_enter=@arg1=00",
  ];
  for (const expr of bad) {
    it(`refuses -e ${expr.slice(0, 60)} as strace does`, () => {
      const a = tstrace("-e", expr, "true");
      const b = strace("-e", expr, "true");
      expect(a.status).toBe(b.status);
      expect(norm(a.stderr)).toEqual(norm(b.stderr));
    });
  }
});
