// -y/-yy on fds strace finds outside the call's own fd arguments: a siginfo's si_fd
// (ptrace(PTRACE_SETSIGINFO)), the pidfd clone(CLONE_PIDFD) stores at parent_tid, and
// pidfd_getfd's target fd, which is an fd of the process the pidfd names (looked up in that
// process's /proc fd directory, not the caller's). A small C program, compiled here, makes the
// calls; tstrace and strace trace it and the outputs are compared with pids masked.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CC, compileC } from "./helpers/c-program.js";
import { BIN } from "./helpers/tracers.js";

const dir = mkdtempSync(join(tmpdir(), "tstrace-fds-elsewhere-"));

// pidfd_getfd on the program's own pidfd asks for one of its own fds under another number, which
// needs no privilege beyond the program's own; the child exits at once and is never asked for fds
// (whether it is still there would depend on scheduling).
const PROGRAM = `#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
  int fd = open("/dev/null", O_RDONLY);
  siginfo_t si;
  memset(&si, 0, sizeof(si));
  si.si_signo = SIGIO;
  si.si_code = POLL_IN;
  si.si_band = 1;
  si.si_fd = fd;
  syscall(SYS_ptrace, PTRACE_SETSIGINFO, getpid(), 0, &si);
  int pidfd = -1;
  pid_t child = syscall(SYS_clone, CLONE_PIDFD | SIGCHLD, 0, &pidfd, 0, 0);
  if (child == 0) _exit(0);
  if (child < 0) return 1;
  int self = syscall(SYS_pidfd_open, getpid(), 0);
  syscall(SYS_pidfd_getfd, self, fd, 0);
  syscall(SYS_pidfd_getfd, self, 1000, 0);
  waitpid(child, NULL, 0);
  return 0;
}
`;

function run(tracer: string, flag: string, exe: string): string {
  const out = join(dir, tracer === BIN ? "t.log" : "s.log");
  const r = spawnSync(
    tracer,
    ["-o", out, "-qq", "-e", "signal=none", "-e", "trace=ptrace,clone,pidfd_getfd", flag, exe],
    {
      encoding: "utf8",
      timeout: 60_000,
    },
  );
  expect(r.status, r.stderr).toBe(0);
  // pids differ from run to run, and so does the padding before ` = ` that follows their width.
  return readFileSync(out, "utf8")
    .replace(/\d{3,}/g, "N")
    .replace(/ +(?== [^=]*$)/gm, " ");
}

describe.skipIf(CC === "")("-y on fds in a siginfo, a clone pidfd and another process's fd table", () => {
  const exe = CC === "" ? "" : compileC(dir, "fds-elsewhere", PROGRAM);
  for (const flag of ["-y", "-yy"]) {
    it(`${flag}: the same lines as strace's`, () => {
      const ts = run(BIN, flag, exe);
      expect(ts).toBe(run("strace", flag, exe));
      expect(ts).toContain("si_fd=3</dev/null");
      expect(ts).toMatch(/parent_tid=\[4<(anon_inode:\[pidfd\]|pid:N)>\]/);
      expect(ts).toMatch(/pidfd_getfd\(5<[^>]+>, 3<\/dev\/null/);
    });
  }
});
