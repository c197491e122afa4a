// Pointers inside struct arguments (core's POINTEE captures): classic BPF programs behind a
// struct sock_fprog (seccomp, prctl(PR_SET_SECCOMP), setsockopt(SO_ATTACH_FILTER)) and the one
// getsockopt(SO_GET_FILTER) returns, printed
// instruction by instruction with -v, and clone3's clone_args with the pidfd and parent tid
// the kernel stores at exit. One C program; strace 6.1 and tstrace trace it with the same
// options and the lines are compared after the conformance normaliser (nothing typed by hand).
// The programs are never installed: seccomp and prctl get a bad flag or fail on EFAULT/EINVAL,
// clone3 is injected.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { norm, tracersIn } from "./helpers/tracers.js";

const PROGRAM = `#define _GNU_SOURCE
#include <linux/filter.h>
#include <linux/sched.h>
#include <linux/seccomp.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(void) {
  long page = sysconf(_SC_PAGESIZE);
  unsigned char *area = mmap(0, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  mprotect(area + page, page, PROT_NONE);
  struct sock_filter prog[] = {
    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 0),
    BPF_JUMP(BPF_JMP | BPF_K | BPF_JEQ, 60, 0, 1),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | 5),
    BPF_STMT(BPF_ALU | BPF_X | BPF_AND, 7),
    BPF_STMT(BPF_MISC | BPF_TXA, 0),
    BPF_STMT(BPF_LD | BPF_B | BPF_ABS, SKF_AD_OFF + SKF_AD_PROTOCOL),
    BPF_STMT(BPF_LD | BPF_H | BPF_ABS, SKF_NET_OFF + 9),
    BPF_STMT(BPF_ST, 3),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  struct sock_fprog fp = { sizeof(prog) / sizeof(prog[0]), prog };
  /* an invalid flag: the kernel refuses before installing anything */
  syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0x80000000, &fp);
  /* the program runs into an unreadable page after one instruction */
  struct sock_filter *last = (struct sock_filter *)(area + page) - 1;
  *last = prog[2];
  struct sock_fprog cut = { 3, last };
  syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0x80000000, &cut);
  struct sock_fprog none = { 0, prog };
  prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &none, 0, 0);
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  setsockopt(s, SOL_SOCKET, SO_ATTACH_FILTER, &fp, sizeof(fp));
  struct sock_filter got[16];
  socklen_t glen = 16;
  getsockopt(s, SOL_SOCKET, SO_GET_FILTER, got, &glen);
  int pidfd = 77, ptid = 88;
  struct clone_args ca;
  memset(&ca, 0, sizeof(ca));
  ca.flags = CLONE_PIDFD | CLONE_PARENT_SETTID;
  ca.pidfd = (uintptr_t)&pidfd;
  ca.parent_tid = (uintptr_t)&ptid;
  ca.exit_signal = 17;
  syscall(SYS_clone3, &ca, sizeof(ca));
  ca.parent_tid = (uintptr_t)(area + page);
  syscall(SYS_clone3, &ca, 64);
  return 0;
}
`;

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tstrace-pointees-"));
  writeFileSync(join(dir, "pointees.c"), PROGRAM);
  execFileSync("gcc", ["-o", join(dir, "pointees"), join(dir, "pointees.c")]);
});

describe("pointers inside struct arguments, against strace", () => {
  const options = [[], ["-v"], ["-v", "-X", "raw"], ["-v", "-X", "verbose"]];
  for (const extra of options) {
    it(`prints sock_fprog programs and clone_args ${extra.join(" ")}`, () => {
      const t = tracersIn(dir);
      const args = [
        ...extra,
        "-e",
        "trace=seccomp,prctl,setsockopt,getsockopt,clone3",
        "-e",
        "inject=clone3:retval=42",
        "./pointees",
      ];
      const theirs = t.strace(...args);
      const ours = t.tstrace(...args);
      expect(theirs.status, theirs.stderr.slice(-800)).toBe(0);
      expect(ours.status, ours.stderr.slice(-800)).toBe(0);
      expect(norm(ours.stderr)).toEqual(norm(theirs.stderr));
      expect(ours.stderr).toContain("=> {pidfd=[77], parent_tid=[88]}");
      // -v alone: the program by name, not its address.
      if (extra.length === 1) expect(ours.stderr).toContain("BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0x3c, 0, 0x1)");
    });
  }
});
