/**
 * The kernel's floors, measured in the same rounds as the stop rows (stop-cpu.ts), so a ratio can
 * be read against what no tracer can go below on this machine:
 *
 * - seccomp: what any seccomp filter costs a program, tracer or not. A program under a filter takes
 *   the slower syscall entry for every syscall, even those the kernel's per-syscall allow cache
 *   passes without running the filter; on `dd bs=1`, whose syscalls are nearly all of its work,
 *   that is ~20% of its CPU time here. The filtered rows' (tracer - start-up) / untraced cannot go
 *   below (the program under an allow-all filter, no tracer) / untraced.
 * - ptrace: the least a tracer can do where every syscall stops: `wait4` and `PTRACE_SYSCALL` per
 *   stop, nothing read, nothing printed. The tracee's stop and wake-up and the two context switches
 *   of each round trip are the kernel's, whoever traces; this tracer pays nothing else.
 *
 * Each is a tiny C program compiled with the machine's `cc` into a scratch directory (Node can
 * neither install a seccomp filter nor ptrace); where there is no compiler a floor is left out.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

// Installs `return ALLOW` (one instruction, cacheable for every syscall) and execs argv[1:].
// PR_SET_NO_NEW_PRIVS lets an unprivileged user install it.
const SECCOMP = `#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <unistd.h>
int main(int argc, char **argv) {
  struct sock_filter allow[] = {BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)};
  struct sock_fprog prog = {1, allow};
  if (argc < 2) return 2;
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 || prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) < 0) {
    perror("seccomp");
    return 1;
  }
  execvp(argv[1], argv + 1);
  perror(argv[1]);
  return 127;
}
`;

// Runs argv[1:] stopping at every syscall entry and exit; each stop: wait4, then PTRACE_SYSCALL
// (passing on a signal the tracee was about to get). Exits with the tracee.
const PTRACE = `#include <signal.h>
#include <stdio.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>
int main(int argc, char **argv) {
  int st;
  if (argc < 2) return 2;
  pid_t pid = fork();
  if (pid == 0) {
    ptrace(PTRACE_TRACEME, 0, 0, 0);
    raise(SIGSTOP);
    execvp(argv[1], argv + 1);
    _exit(127);
  }
  if (pid < 0 || waitpid(pid, &st, 0) < 0) return 1;
  ptrace(PTRACE_SETOPTIONS, pid, 0, (void *)(long)(PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL));
  ptrace(PTRACE_SYSCALL, pid, 0, 0);
  while (waitpid(pid, &st, __WALL) == pid && WIFSTOPPED(st)) {
    int sig = WSTOPSIG(st);
    ptrace(PTRACE_SYSCALL, pid, 0, (void *)(long)(sig == (SIGTRAP | 0x80) || sig == SIGTRAP ? 0 : sig));
  }
  return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}
`;

/** Compiles `source` into `dir`/`name`; returns the argv prefix that runs a command under it, or undefined. */
function compile(dir: string, name: string, source: string): readonly string[] | undefined {
  const src = join(dir, `${name}.c`);
  const exe = join(dir, name);
  writeFileSync(src, source);
  const cc = spawnSync(process.env.CC || "cc", ["-O2", "-o", exe, src], { stdio: "ignore" });
  if (cc.error || cc.status !== 0) return undefined;
  // It must run (a kernel or sandbox may refuse seccomp filters or ptrace).
  const check = spawnSync(exe, ["true"], { stdio: "ignore" });
  return check.status === 0 ? [exe] : undefined;
}

/** The argv prefixes of the two floors (either undefined where it cannot be built or run). */
export function floors(dir: string): { seccomp?: readonly string[]; ptrace?: readonly string[] } {
  const seccomp = compile(dir, "seccomp-floor", SECCOMP);
  const ptrace = compile(dir, "ptrace-floor", PTRACE);
  return { ...(seccomp ? { seccomp } : {}), ...(ptrace ? { ptrace } : {}) };
}
