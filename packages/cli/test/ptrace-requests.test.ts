// ptrace(2) decoded as strace 6.1 decodes it: a small C program, compiled here, is a debugger of
// its own child (PTRACE_TRACEME, then a stop) and makes the requests whose addr and data strace
// reads: siginfo in and out, signal masks, queued signals peeked, register sets through an iovec
// (whole, cut short, unreadable), the FPU registers, PTRACE_GET_SYSCALL_INFO. (Not seccomp metadata:
// the kernel refuses it to a process under a seccomp filter, as tstrace's tracees are.)
// It runs under tstrace and strace and the logs are compared, in every -X style and with
// verbose=none. Register values and addresses differ from run to run: hex numbers are masked, and
// so are pids. Without a C compiler: skipped.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CC, compileC } from "./helpers/c-program.js";
import { BIN } from "./helpers/tracers.js";

const dir = mkdtempSync(join(tmpdir(), "tstrace-ptrace-requests-"));

const PROGRAM = `#include <elf.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>
static long word = 0x5eed;
int main(void) {
  long ps = sysconf(_SC_PAGESIZE);
  char *page = mmap(0, 2 * ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  munmap(page + ps, ps);
  char *end = page + ps;
  pid_t pid = fork();
  if (pid == 0) {
    ptrace(PTRACE_TRACEME, 0, 0, 0);
    raise(SIGSTOP);
    _exit(0);
  }
  int st;
  if (waitpid(pid, &st, 0) != pid) return 1;
  kill(pid, SIGUSR1);
  siginfo_t si;
  ptrace(PTRACE_GETSIGINFO, pid, 0, &si);
  ptrace(PTRACE_SETSIGINFO, pid, 0, &si);
  ptrace(PTRACE_PEEKDATA, pid, &word, 0);
  uint64_t mask = 0;
  ptrace(PTRACE_GETSIGMASK, pid, (void *) 8, &mask);
  mask = 1 << (SIGUSR2 - 1);
  ptrace(PTRACE_SETSIGMASK, pid, (void *) 8, &mask);
  ptrace(PTRACE_SETSIGMASK, pid, (void *) 4, &mask);
  struct __ptrace_peeksiginfo_args pa = { 0, 0, 4 };
  siginfo_t q[4];
  ptrace(PTRACE_PEEKSIGINFO, pid, &pa, q);
  pa.flags = PTRACE_PEEKSIGINFO_SHARED;
  ptrace(PTRACE_PEEKSIGINFO, pid, &pa, q);
  struct user_regs_struct regs;
  struct iovec iov = { &regs, 16 };
  ptrace(PTRACE_GETREGSET, pid, NT_PRSTATUS, &iov);
  iov.iov_len = 12;
  ptrace(PTRACE_GETREGSET, pid, NT_PRSTATUS, &iov);
  iov.iov_len = sizeof regs + 8;
  ptrace(PTRACE_GETREGSET, pid, NT_PRSTATUS, &iov);
  ptrace(PTRACE_SETREGSET, pid, NT_PRSTATUS, &iov);
  ptrace(PTRACE_GETREGSET, pid, NT_PRSTATUS, end - 8);
  struct user_fpregs_struct fp;
  iov.iov_base = &fp;
  iov.iov_len = 40;
  ptrace(PTRACE_GETREGSET, pid, NT_FPREGSET, &iov);
  ptrace(PTRACE_GETFPREGS, pid, 0, &fp);
  ptrace(PTRACE_GETREGS, pid, 0, end - 8);
  struct __ptrace_syscall_info info;
  ptrace(PTRACE_GET_SYSCALL_INFO, pid, (void *) sizeof info, &info);
  ptrace(PTRACE_GET_SYSCALL_INFO, pid, (void *) 5, end - 5);
  ptrace(PTRACE_SETOPTIONS, pid, 0, PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL);
  ptrace(PTRACE_CONT, pid, 0, SIGUSR2);
  waitpid(pid, &st, 0);
  return 0;
}
`;

/** Register values, addresses and pids differ from run to run. */
const mask = (text: string): string =>
  text
    .replace(/0x[0-9a-f]+/g, "0xHEX")
    .replace(/(ptrace\([^,]+, )\d+/g, "$1PID")
    .replace(/si_pid=\d+/g, "si_pid=PID");

function trace(tracer: string, args: string[], exe: string): string {
  const log = join(dir, `${tracer === BIN ? "t" : "s"}.log`);
  const r = spawnSync(tracer, ["-o", log, "-e", "trace=ptrace", "-e", "signal=none", ...args, exe], {
    cwd: dir,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(r.status, `${tracer}: ${r.stderr}`).toBe(0);
  return mask(readFileSync(log, "utf8"));
}

describe.skipIf(CC === "")("ptrace requests, as strace prints them", () => {
  const exe = CC === "" ? "" : compileC(dir, "ptrace_requests", PROGRAM);

  for (const style of [[], ["-X", "raw"], ["-X", "verbose"], ["-e", "verbose=none"]]) {
    it(`the same lines as strace ${style.join(" ") || "by default"}`, () => {
      const ours = trace(BIN, style, exe);
      expect(ours).toBe(trace("strace", style, exe));
      if (style.length === 0) {
        // what the lines hold, beyond agreeing
        expect(ours).toContain("{si_signo=SIGSTOP, si_code=SI_TKILL, si_pid=PID, si_uid=0}");
        expect(ours).toContain("NT_PRSTATUS, {iov_base={r15=0xHEX, r14=0xHEX}, iov_len=16}");
        expect(ours).toContain("iov_len=224 => 216}");
        expect(ours).toContain("mxcr_mask=0xHEX, st_space=[0, 0]}, iov_len=40}");
        expect(ours).toContain("{off=0, flags=PTRACE_PEEKSIGINFO_SHARED, nr=4}");
      }
    });
  }
});
