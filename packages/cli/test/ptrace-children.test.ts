// Programs whose children meet ptrace on their own, and children strace does not trace, without
// -f: each C program runs under tstrace and under strace and both must agree (exit status, the
// program's own output, strace's diagnostics on stderr with the pids and program name masked).
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compileC } from "./helpers/c-program.js";
import { BIN } from "./helpers/tracers.js";

const dir = mkdtempSync(join(tmpdir(), "tstrace-ptrace-children-"));

// A debugger's start: the child asks to be traced, stops, and its parent reads its memory, lets
// it go on and reaps it. The child then makes a syscall outside the filter (getppid).
const TRACEME = `
#include <signal.h>
#include <stdio.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>
static long word = 0x5eed;
int main(void) {
  pid_t pid = fork();
  if (pid == 0) {
    if (ptrace(PTRACE_TRACEME, 0, 0, 0) != 0) { perror("PTRACE_TRACEME"); _exit(1); }
    raise(SIGSTOP);
    getppid();
    _exit(0);
  }
  int st;
  if (waitpid(pid, &st, 0) != pid || !WIFSTOPPED(st)) return 2;
  long got = ptrace(PTRACE_PEEKDATA, pid, &word, 0);
  if (ptrace(PTRACE_CONT, pid, 0, 0) != 0) return 3;
  if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st)) return 4;
  printf("peeked %lx, child exited %d\\n", got, WEXITSTATUS(st));
  return 0;
}
`;

// A CLONE_PARENT child is the tracer's own child: strace, not tracing it without -f, reaps it.
const CLONE_PARENT = `
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <errno.h>
static int child(void *arg) { (void) arg; return 42; }
int main(void) {
  static char stack[65536];
  pid_t pid = clone(child, stack + sizeof stack, CLONE_PARENT | SIGCHLD, 0);
  if (pid < 0) return 1;
  while (kill(pid, 0) == 0) ;
  printf("%s\\n", errno == ESRCH ? "reaped by the tracer" : "still there");
  return 0;
}
`;

// A child made with CLONE_PTRACE is traced by its parent's tracer from birth: strace without -f
// lets it go. (The child pauses until its parent kills it.)
const CLONE_PTRACE = `
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
static int child(void *arg) { (void) arg; for (;;) pause(); return 0; }
int main(void) {
  static char stack[65536];
  pid_t pid = clone(child, stack + sizeof stack, CLONE_PTRACE | SIGCHLD, 0);
  if (pid < 0) return 1;
  usleep(200000);
  kill(pid, SIGUSR1);
  int st;
  if (waitpid(pid, &st, 0) != pid) return 2;
  printf("%s\\n", WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR1 ? "killed by SIGUSR1" : "other");
  return 0;
}
`;

// A tracer's start (strace's, tstrace's): the child stops itself, its parent seizes it (asking for
// seccomp stops, as a tracer using a seccomp filter does), lets it go on and follows it to its
// end. The child makes a syscall inside the filter (chdir) and prints what it returned.
const SEIZE = `
#include <signal.h>
#include <stdio.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
  pid_t pid = fork();
  if (pid == 0) {
    raise(SIGSTOP);
    printf("chdir: %d\\n", chdir("/"));
    fflush(stdout);
    _exit(7);
  }
  int st;
  if (waitpid(pid, &st, WUNTRACED) != pid || !WIFSTOPPED(st)) return 2;
  if (ptrace(PTRACE_SEIZE, pid, 0, PTRACE_O_TRACESECCOMP) != 0) { perror("PTRACE_SEIZE"); return 3; }
  kill(pid, SIGCONT);
  for (;;) {
    if (waitpid(pid, &st, __WALL) != pid) return 4;
    if (WIFEXITED(st)) break;
    int sig = WSTOPSIG(st);
    int deliver = (st >> 16) == 0 && sig != SIGTRAP && sig != SIGSTOP ? sig : 0;
    ptrace(PTRACE_CONT, pid, 0, deliver);
  }
  printf("seized, child exited %d\\n", WEXITSTATUS(st));
  return 0;
}
`;

const compile = (name: string, source: string): string => compileC(dir, name, source);

function run(tracer: "tstrace" | "strace", args: string[]) {
  const [file, pre] = tracer === "tstrace" ? [process.execPath, [BIN]] : ["strace", []];
  const r = spawnSync(file, [...pre, ...args], { encoding: "utf8", timeout: 60_000, cwd: dir });
  const stderr = r.stderr
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => l.replace(/^t?strace: /, "TRACER: ").replace(/\b\d{2,}\b/g, "N"));
  return { status: r.status, stdout: r.stdout, stderr };
}

let traceme = "";
let cloneParent = "";
let clonePtrace = "";
let seize = "";
beforeAll(() => {
  seize = compile("seize", SEIZE);
  clonePtrace = compile("clone_ptrace", CLONE_PTRACE);
  traceme = compile("traceme", TRACEME);
  cloneParent = compile("clone_parent", CLONE_PARENT);
});

describe("without -f, children that strace leaves alone", () => {
  it("a child's PTRACE_TRACEME succeeds under a filter, as under strace (which has none without -f)", () => {
    const args = ["-o", "/dev/null", "-e", "trace=chdir", traceme];
    const ours = run("tstrace", args);
    const theirs = run("strace", args);
    expect(ours.status, ours.stderr.join("\n")).toBe(0);
    expect(ours.stdout).toBe(theirs.stdout);
    expect(ours.stdout).toBe("peeked 5eed, child exited 0\n");
    // The one thing that differs: tstrace says that the child keeps its filter.
    expect(ours.stderr).toHaveLength(1);
    expect(ours.stderr[0]).toMatch(/^TRACER: Process N asked to be traced by its parent \(PTRACE_TRACEME\)/);
  });

  it("a child's own PTRACE_SEIZE of its child succeeds under a filter, as under strace", () => {
    const args = ["-o", "/dev/null", "-e", "trace=chdir", seize];
    const ours = run("tstrace", args);
    expect(ours.status, ours.stderr.join("\n")).toBe(0);
    expect(ours).toEqual(run("strace", args));
    expect(ours.stdout).toBe("chdir: 0\nseized, child exited 7\n");
  });

  it("a nested tracer: tstrace -e trace=chdir running tstrace (or strace) on a command", () => {
    // The outer tracer follows the inner one's child only for its filter; the inner one's
    // PTRACE_SEIZE of it must succeed, as under strace, and the inner trace be strace's.
    const inner = ["-e", "trace=chdir", "/bin/sh", "-c", "cd /"];
    const theirs = run("strace", ["-o", "/dev/null", "-e", "trace=chdir", "strace", ...inner]);
    const ours = run("tstrace", ["-o", "/dev/null", "-e", "trace=chdir", process.execPath, BIN, ...inner]);
    expect(ours.status, ours.stderr.join("\n")).toBe(0);
    expect(ours).toEqual(theirs);
    expect(theirs.stderr).toEqual(['chdir("/")                              = 0', "+++ exited with 0 +++"]);
    // An inner strace that follows seccomp stops (-f --seccomp-bpf) under the outer tstrace.
    const outer = ["-o", "/dev/null", "-e", "trace=chdir"];
    const withStrace = run("tstrace", [...outer, "strace", "-f", "--seccomp-bpf", ...inner]);
    // strace's own start-up check forks a child that asks for PTRACE_TRACEME: hand_over's caveat.
    withStrace.stderr = withStrace.stderr.filter((l) => !l.includes("(PTRACE_TRACEME) and was let go"));
    expect(withStrace).toEqual(run("strace", [...outer, "strace", "-f", "--seccomp-bpf", ...inner]));
    expect(withStrace.stderr[0]).toBe('chdir("/")                              = 0');
  });

  it("with --no-seccomp-bpf (no filter) the child is simply not traced, as under strace", () => {
    const ours = run("tstrace", ["--no-seccomp-bpf", "-o", "/dev/null", "-e", "trace=chdir", traceme]);
    expect(ours).toEqual({ ...run("strace", ["-o", "/dev/null", "-e", "trace=chdir", traceme]), stderr: [] });
  });

  it("a CLONE_PARENT child's exit: strace's `Exit of unknown pid N ignored`, not with --quiet=exit", () => {
    for (const extra of [[], ["-q"], ["-qq"], ["--quiet=exit"], ["--no-seccomp-bpf"]]) {
      // strace 6.1 has no --no-seccomp-bpf: it never filters without -f.
      const straceExtra = extra.filter((a) => a !== "--no-seccomp-bpf");
      const ours = run("tstrace", [...extra, "-e", "trace=none", "-o", "/dev/null", cloneParent]);
      const theirs = run("strace", [...straceExtra, "-e", "trace=none", "-o", "/dev/null", cloneParent]);
      expect(ours, extra.join(" ")).toEqual(theirs);
      expect(ours.stdout).toBe("reaped by the tracer\n");
    }
  });

  it("a CLONE_PTRACE child with no filter: strace's `Detached unknown pid N`, not with --quiet=attach", () => {
    for (const extra of [[], ["-q"], ["--quiet=attach"]]) {
      const args = [...extra, "-e", "trace=none", "-o", "/dev/null", clonePtrace];
      const ours = run("tstrace", ["--no-seccomp-bpf", ...args]);
      expect(ours, extra.join(" ")).toEqual(run("strace", args));
      expect(ours.stdout).toBe("killed by SIGUSR1\n");
    }
  });

  it("a CLONE_PTRACE child under the filter: the same words (it stays traced, hidden, for the filter)", () => {
    for (const extra of [[], ["-q"], ["--quiet=attach"], ["--quiet=personality"]]) {
      const args = [...extra, "-e", "trace=none", "-o", "/dev/null", clonePtrace];
      const ours = run("tstrace", args);
      expect(ours, extra.join(" ")).toEqual(run("strace", args));
      expect(ours.stdout).toBe("killed by SIGUSR1\n");
    }
  });
});
