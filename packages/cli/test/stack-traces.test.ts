/**
 * -k/--stack-traces: the same commands under tstrace and strace 6.1 (built here with libunwind,
 * the oracle for frames), frame lines compared byte for byte. Only the syscall lines are
 * normalised (addresses, pids, live values), never a ` > ` frame line.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { trace } from "../src/index.js";
import { CC, compileC } from "./helpers/c-program.js";
import { norm, PYTHON, tracersIn } from "./helpers/tracers.js";

const WORK = mkdtempSync(join(tmpdir(), "tstrace-stack-"));
const { tstrace, strace } = tracersIn(WORK);
const which = (cmd: string): string =>
  spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" }).stdout.trim();
const CXX = which("c++");
const CXXFILT = which("c++filt");
const RUSTC = which("rustc");

// Calls write from two frames deep, takes a signal whose handler writes, and forks a child that
// execs (-f: its execve stack is taken at entry, in the old program).
const PROGRAM = `
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
static void handler(int s) { (void)s; write(1, "h\\n", 2); }
__attribute__((noinline)) void leaf(void) { write(1, "x\\n", 2); }
__attribute__((noinline)) void mid(void) { leaf(); }
int main(int argc, char **argv) {
  (void)argv;
  mid();
  signal(SIGUSR1, handler);
  raise(SIGUSR1);
  if (argc > 1) {
    pid_t p = fork();
    if (p == 0) { execl("/bin/true", "true", (char *)0); _exit(1); }
    waitpid(p, 0, 0);
  }
  exit(0);
}
`;

/** Builds the program with extra cc flags; undefined without a C compiler. */
function build(name: string, ...flags: string[]): string | undefined {
  return CC ? compileC(WORK, name, PROGRAM, ["-O1", ...flags]) : undefined;
}

/** The trace with its syscall lines normalised and its frame lines as they are. */
function lines(text: string): string[] {
  const all = text.split("\n").filter((l) => l.length > 0);
  // With -e trace= no line shows the pid before tgkill and the signal name it.
  // A static binary's heap is not PIE, so its randomised addresses (brk, TLS) can be as short as
  // 0xc23000, which the normaliser (7 digits and up) keeps; the padding before ` = ` follows them.
  const calls = norm(all.filter((l) => !l.startsWith(" > ")).join("\n")).map((l) =>
    l
      .replace(/^tgkill\(\d+, \d+,/, "tgkill(PID, PID,")
      .replace(/si_pid=\d+/, "si_pid=PID")
      .replace(/0x[0-9a-f]{6}\b/g, "0xADDR")
      .replace(/\) {2,}= /, ") = "),
  );
  let i = 0;
  // Where the walk ends at an address in no mapping, a randomised (ASLR) address is masked; any
  // other (garbage read as a return address) must match.
  const aslr = /^( > unexpected_backtracing_error \[0x)(?:5[0-9a-f]|7f)[0-9a-f]{10}\]$/;
  return all.map((l) => (l.startsWith(" > ") ? l.replace(aslr, "$1ASLR]") : (calls[i++] as string)));
}

/** Both tracers with -k and `args`, the trace into -o; the traces are returned, asserted equal. */
function same(...args: string[]): string[] {
  const a = tstrace("-k", "-o", join(WORK, "t.out"), ...args);
  const b = strace("-k", "-o", join(WORK, "s.out"), ...args);
  expect(a.status).toBe(b.status);
  expect(a.stderr).toBe("");
  const got = lines(readFileSync(join(WORK, "t.out"), "utf8"));
  expect(got).toEqual(lines(readFileSync(join(WORK, "s.out"), "utf8")));
  expect(got.some((l) => l.startsWith(" > "))).toBe(true);
  return got;
}

describe("-k", () => {
  it.skipIf(!CC)(
    "prints a C program's frames as strace does: calls, a signal, its handler, exit_group",
    () => {
      const prog = build("prog", "-g") as string;
      const got = same(prog);
      // The handler's write is reached through the signal trampoline (a CFI signal frame).
      expect(got.some((l) => / > .*\(handler\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]$/.test(l))).toBe(true);
      expect(got.some((l) => / > .*\(leaf\+0x[0-9a-f]+\)/.test(l))).toBe(true);
      same("-e", "trace=write,exit_group,tgkill,rt_sigreturn", prog);
    },
  );

  it.skipIf(!CC)("walks what it can without .eh_frame, stripped of symbols, and statically linked", () => {
    same(build("noeh", "-fno-asynchronous-unwind-tables", "-fno-unwind-tables") as string);
    const stripped = build("stripped") as string;
    spawnSync("strip", [stripped]);
    const got = same(stripped);
    expect(got.some((l) => / > .*\/stripped\(\) \[0x[0-9a-f]+\]$/.test(l))).toBe(true);
    same(build("static", "-static") as string);
  });

  it.skipIf(!CXX || !CXXFILT)("demangles C++ names as strace does", () => {
    const src = join(WORK, "prog.cc");
    writeFileSync(
      src,
      `#include <unistd.h>
#include <string>
namespace ns { struct A { template <class T> void f(T, const std::string& s) { write(1, s.data(), s.size()); } }; }
int main() { ns::A a; a.f(3, std::string("hi\\n")); }
`,
    );
    const out = join(WORK, "cxx");
    expect(spawnSync(CXX, ["-O0", "-o", out, src]).status).toBe(0);
    const got = same("-e", "trace=write", out);
    expect(got).toContainEqual(
      expect.stringMatching(/\(void ns::A::f<int>\(int, std::__cxx11::basic_string<char/),
    );
  });

  it.skipIf(!CC)("stops after 256 frames as strace does", () => {
    const out = compileC(
      WORK,
      "deep",
      `#include <unistd.h>
__attribute__((noinline)) int rec(int n) { if (n == 0) { write(1, "d\\n", 2); return 0; } return rec(n - 1) + 1; }
int main(void) { return rec(300) == 300 ? 0 : 1; }
`,
      ["-O0"],
    );
    const got = same("-e", "trace=write", out);
    expect(got.filter((l) => l.startsWith(" > ")).length).toBe(257);
    expect(got).toContain(" > too many stack frames");
  });

  it.skipIf(!CC)("names a call from the vDSO and stops where libunwind does after it", () => {
    const out = compileC(
      WORK,
      "vdso",
      "#include <time.h>\nint main(void) { struct timespec ts; return clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); }\n",
    );
    expect(same("-e", "trace=clock_gettime", out)).toContainEqual(
      expect.stringMatching(/^ > \[vdso\]\(\) \[0x[0-9a-f]+\]$/),
    );
  });

  it.skipIf(!RUSTC || !CXXFILT)(
    "follows libunwind into a Rust program, whose text segment starts mid-page",
    () => {
      const src = join(WORK, "prog.rs");
      writeFileSync(
        src,
        `use std::io::Write;
#[inline(never)] fn inner(v: &[u8]) { std::io::stdout().write_all(v).unwrap(); std::io::stdout().flush().unwrap(); }
fn main() { inner(b"hi\\n"); let _ = std::fs::read("/etc/hostname"); }
`,
      );
      const out = join(WORK, "rust");
      expect(spawnSync(RUSTC, ["-O", "-o", out, src]).status).toBe(0);
      // libunwind takes CFI only from a segment whose file offset is the mapping's (lld starts Rust's
      // text mid-page): frames past main end where its frame-pointer guess does.
      same("-e", "trace=write,openat,close", out);
    },
  );

  it("prints /bin/true's and ls's frames", () => {
    same("/bin/true");
    same("ls", "-l", "/");
  });

  it("gives frames only to the lines filters keep (-P, -e trace=, -z)", () => {
    same("-P", "/etc/passwd", "cat", "/etc/passwd");
    same("-e", "trace=openat,exit_group", "cat", "/etc/passwd");
    same("-z", "ls", "/");
  });

  it("prints python's frames for its opens and writes", () => {
    same("-e", "trace=openat,write", PYTHON, "-c", "import json; print(json.dumps([1]))");
  });

  it.skipIf(!CC)("follows children (-ff: one file per process), an execve's stack taken at entry", () => {
    const prog = build("forker") as string;
    const a = tstrace("-k", "-ff", "-o", join(WORK, "tff"), prog, "x");
    const b = strace("-k", "-ff", "-o", join(WORK, "sff"), prog, "x");
    expect(a.status).toBe(b.status);
    const files = (prefix: string): string[][] =>
      readdirSync(WORK)
        .filter((f) => f.startsWith(`${prefix}.`))
        .sort((x, y) => Number(x.split(".")[1]) - Number(y.split(".")[1]))
        .map((f) => lines(readFileSync(join(WORK, f), "utf8")));
    const got = files("tff");
    expect(got.length).toBe(2);
    expect(got).toEqual(files("sff"));
    const child = got[1] as string[];
    const exec = child.findIndex((l) => l.startsWith("execve("));
    expect(child[exec + 1]).toMatch(/libc\.so\.6\(execve\+0x[0-9a-f]+\)/);
  });

  it.skipIf(!CC)("replays a recording's stacks as the live trace printed them", () => {
    const prog = build("rec") as string;
    const rec = join(WORK, "k.tsr");
    const live = tstrace("-k", "-o", join(WORK, "live.out"), "--record", rec, prog);
    expect(live.status).toBe(0);
    const replayed = tstrace("-k", "-o", join(WORK, "replay.out"), "--replay", rec);
    expect(replayed.status).toBe(0);
    expect(readFileSync(join(WORK, "replay.out"), "utf8")).toBe(readFileSync(join(WORK, "live.out"), "utf8"));
  });

  it("prints frames through the library's trace() as the command line does", async () => {
    const t = await trace({ argv: ["/bin/true"], options: ["-k", "-e", "trace=exit_group"] });
    const got: string[] = [];
    for await (const line of t) got.push(line);
    strace("-k", "-e", "trace=exit_group", "-o", join(WORK, "lib.out"), "/bin/true");
    expect(got).toEqual(
      readFileSync(join(WORK, "lib.out"), "utf8")
        .split("\n")
        .filter((l) => l !== ""),
    );
    expect(got.filter((l) => l.startsWith(" > ")).length).toBeGreaterThan(0);
  });

  it("says in one line that a recording made without -k has no stacks", () => {
    const rec = join(WORK, "plain.tsr");
    expect(tstrace("-o", join(WORK, "plain.out"), "--record", rec, "/bin/true").status).toBe(0);
    const r = tstrace("-k", "--replay", rec);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `tstrace: ${rec}: -k needs stack samples the recording lacks (it was made without -k)\n`,
    );
  });

  it("warns as strace does that -k means nothing with -c", () => {
    const a = tstrace("-c", "-k", "-o", join(WORK, "c.out"), "/bin/true");
    const b = strace("-c", "-k", "-o", join(WORK, "c.out"), "/bin/true");
    expect(a.stderr.replace(/^tstrace/gm, "strace")).toBe(b.stderr);
  });
});
