// io_uring_setup's struct io_uring_params: the caller's request at entry (flags, the SQ thread,
// wq_fd with -y, reserved words), the ring sizes, features and offsets the kernel wrote at exit;
// io_uring_register's operations by name (those that pass no struct: the others' are not decoded yet).
// Traced side by side with strace 6.1 under the same options, compared after the conformance
// normaliser (nothing typed by hand). One ring is really set up (and closed).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { norm, tracersIn } from "./helpers/tracers.js";

const PROGRAM = `#include <fcntl.h>
#include <linux/io_uring.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(void) {
  long page = sysconf(_SC_PAGESIZE);
  unsigned char *area = mmap(0, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  mprotect(area + page, page, PROT_NONE);
  int full = open("/dev/full", O_RDONLY);
  struct io_uring_params p;
  memset(&p, 0, sizeof(p));
  /* unknown flags and reserved words set: refused */
  p.flags = IORING_SETUP_CQSIZE | IORING_SETUP_CLAMP | 0x80000000u;
  p.sq_thread_cpu = 3;
  p.sq_thread_idle = 1000;
  p.resv[1] = 7;
  syscall(SYS_io_uring_setup, 1, &p);
  /* a ring: the kernel fills in the sizes, features and offsets */
  memset(&p, 0, sizeof(p));
  int ring = syscall(SYS_io_uring_setup, 4, &p);
  /* sharing the work queue of something that is not a ring */
  memset(&p, 0, sizeof(p));
  p.flags = IORING_SETUP_ATTACH_WQ;
  p.wq_fd = full;
  syscall(SYS_io_uring_setup, 2, &p);
  /* params that run into an unreadable page, and none */
  struct io_uring_params *cut = (struct io_uring_params *)(area + page - 64);
  syscall(SYS_io_uring_setup, 2, cut);
  syscall(SYS_io_uring_setup, 2, 0);
  /* operations without an argument, on the ring and on something else; unknown ones */
  syscall(SYS_io_uring_register, ring, IORING_UNREGISTER_BUFFERS, 0, 0);
  syscall(SYS_io_uring_register, ring, IORING_REGISTER_PERSONALITY, 0, 0);
  syscall(SYS_io_uring_register, full, IORING_UNREGISTER_IOWQ_AFF, area, 3);
  syscall(SYS_io_uring_register, ring, 0x99, area, 1);
  syscall(SYS_io_uring_register, ring, 0xfeed00000000UL | IORING_REGISTER_ENABLE_RINGS, 0, 0);
  close(ring);
  return 0;
}
`;

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tstrace-uring-"));
  writeFileSync(join(dir, "uring.c"), PROGRAM);
  execFileSync("gcc", ["-o", join(dir, "uring"), join(dir, "uring.c")]);
});

describe("io_uring_setup, against strace", () => {
  for (const extra of [[], ["-y"], ["-X", "raw"], ["-X", "verbose", "-y"]]) {
    it(`prints io_uring_params as strace does ${extra.join(" ")}`, () => {
      const t = tracersIn(dir);
      const args = [...extra, "-e", "trace=io_uring_setup,io_uring_register", "./uring"];
      const theirs = t.strace(...args);
      const ours = t.tstrace(...args);
      expect(theirs.status, theirs.stderr.slice(-800)).toBe(0);
      expect(ours.status, ours.stderr.slice(-800)).toBe(0);
      // strace's short-read warning names the tracer
      const tracer = (text: string): string => text.replace(/\b(t?strace): umoven:/g, "TRACER: umoven:");
      expect(norm(tracer(ours.stderr))).toEqual(norm(tracer(theirs.stderr)));
      expect(ours.stderr).toContain("sq_entries=4, cq_entries=8");
      expect(ours.stderr).toContain("umoven: short read (64 < 120)");
      if (extra.length === 0) expect(ours.stderr).toMatch(/, IORING_REGISTER_ENABLE_RINGS, NULL, 0\) = /);
      // the fd field inside the struct, named with -y
      if (extra.includes("-y")) expect(ours.stderr).toMatch(/wq_fd=\d+<\/dev\/full>/);
    });
  }
});
