// io_uring_register's argument by opcode, as strace 6.1 prints it: a real ring's probe (the
// kernel fills it; strace shows it at exit), fd arrays that run into an unmapped page, a files
// update with IORING_REGISTER_FILES_SKIP, iovecs, rsrc structs with bytes past the 32 strace
// knows (unreadable, or a short read of them), a cpu mask, the work queue limits the kernel answers, ring
// fds, a buffer ring, restrictions. Traced side by side with strace under the same options and
// compared after the conformance normaliser.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { norm, tracersIn } from "./helpers/tracers.js";

const PROGRAM = `#include <linux/io_uring.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
static long reg(int fd, unsigned op, void *arg, unsigned long n) {
  return syscall(SYS_io_uring_register, fd, op, arg, n);
}
int main(void) {
  long page = sysconf(_SC_PAGESIZE);
  char *area = mmap(0, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  munmap(area + page, page);
  char *end = area + page;
  int null = open("/dev/null", O_RDONLY);
  struct io_uring_params params;
  memset(&params, 0, sizeof(params));
  int ring = syscall(SYS_io_uring_setup, 4, &params);
  if (ring < 0) return 1;
  /* a real probe the kernel fills, cut at 4 ops; then one of all zeros, 8 ops */
  struct io_uring_probe *probe = (void *)(end - sizeof(*probe) - 8 * sizeof(probe->ops[0]));
  memset(probe, 0, sizeof(*probe) + 8 * sizeof(probe->ops[0]));
  reg(ring, IORING_REGISTER_PROBE, probe, 4);
  memset(probe, 0, sizeof(*probe) + 8 * sizeof(probe->ops[0]));
  reg(ring, IORING_REGISTER_PROBE, probe, 8);
  reg(ring, IORING_REGISTER_PROBE, probe, 300);
  /* fds, some past the end of the page */
  int *fds = (int *)end - 3;
  fds[0] = null; fds[1] = -1; fds[2] = ring;
  reg(ring, IORING_REGISTER_FILES, fds, 3);
  reg(ring, IORING_UNREGISTER_FILES, 0, 0);
  reg(null, IORING_REGISTER_FILES, fds, 4);
  reg(null, IORING_REGISTER_EVENTFD, fds, 1);
  /* files update: SKIP and a bad fd */
  struct io_uring_files_update *upd = (void *)(end - 2 * page / 2);
  int more[3] = {null, IORING_REGISTER_FILES_SKIP, -7};
  upd->offset = 1; upd->resv = 0; upd->fds = (uintptr_t)more;
  reg(null, IORING_REGISTER_FILES_UPDATE, upd, 3);
  /* iovecs */
  static char buf[64];
  struct iovec *iov = (struct iovec *)end - 2;
  iov[0].iov_base = buf; iov[0].iov_len = 64;
  iov[1].iov_base = 0; iov[1].iov_len = 0;
  reg(null, IORING_REGISTER_BUFFERS, iov, 2);
  reg(null, IORING_REGISTER_BUFFERS, iov, 3);
  /* rsrc register and update, with bytes past the struct */
  char *big = end - 40;
  struct io_uring_rsrc_register *rr = (void *)big;
  memset(big, 0, 40);
  static uint64_t tags[2] = {0x1337, 0xdeadbeef};
  static struct iovec bufs[2] = {{buf, 16}, {0, 8}};
  rr->nr = 2; rr->flags = 1; rr->data = (uintptr_t)bufs; rr->tags = (uintptr_t)tags;
  reg(null, IORING_REGISTER_BUFFERS2, rr, 32);
  big[35] = 7;
  reg(null, IORING_REGISTER_BUFFERS2, rr, 40);
  /* the bytes past it unreadable, or some of them (strace says its read came up short) */
  reg(null, IORING_REGISTER_BUFFERS2, rr, 48);
  memmove(end - 32, big, 32);
  reg(null, IORING_REGISTER_BUFFERS2, end - 32, 40);
  struct io_uring_rsrc_update2 *u2 = (void *)big;
  memset(big, 0, 40);
  u2->offset = 5; u2->data = (uintptr_t)more; u2->tags = (uintptr_t)tags; u2->nr = 2; u2->resv2 = 9;
  reg(null, IORING_REGISTER_FILES_UPDATE2, u2, 32);
  /* a cpu mask, work queue limits, ring fds, a buffer ring */
  unsigned char *mask = (unsigned char *)end - 2;
  mask[0] = 0x05; mask[1] = 0x80;
  reg(null, IORING_REGISTER_IOWQ_AFF, mask, 2);
  unsigned *lim = (unsigned *)end - 2;
  lim[0] = 0; lim[1] = 0;
  reg(ring, IORING_REGISTER_IOWQ_MAX_WORKERS, lim, 2);
  reg(null, IORING_REGISTER_IOWQ_MAX_WORKERS, lim, 2);
  struct io_uring_rsrc_update *rf = (struct io_uring_rsrc_update *)end - 2;
  rf[0].offset = -1U; rf[0].resv = 0; rf[0].data = ring;
  rf[1].offset = 3; rf[1].resv = 1; rf[1].data = -1;
  reg(null, IORING_REGISTER_RING_FDS, rf, 2);
  reg(null, IORING_UNREGISTER_RING_FDS, rf, 2);
  char *br = end - 40;
  memset(br, 0, 40);
  *(uint64_t *)br = (uintptr_t)area; *(uint32_t *)(br + 8) = 8; *(uint16_t *)(br + 12) = 3;
  reg(null, IORING_REGISTER_PBUF_RING, br, 1);
  struct io_uring_restriction *res = (struct io_uring_restriction *)end - 2;
  memset(res, 0, 2 * sizeof(*res));
  res[0].opcode = IORING_RESTRICTION_SQE_OP; res[0].sqe_op = IORING_OP_READV;
  res[1].opcode = IORING_RESTRICTION_SQE_FLAGS_REQUIRED; res[1].sqe_flags = IOSQE_ASYNC;
  reg(null, IORING_REGISTER_RESTRICTIONS, res, 2);
  reg(null, IORING_REGISTER_PERSONALITY, 0, 0);
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

describe("io_uring_register, against strace", () => {
  const variants = [
    ["-y"],
    ["-y", "-X", "raw"],
    ["-X", "verbose"],
    ["-s", "1"],
    ["-y", "-e", "verbose=none"],
    ["-y", "-e", "inject=io_uring_register:retval=42"],
  ];
  for (const extra of variants) {
    it(`prints each opcode's argument as strace does ${extra.join(" ")}`, () => {
      const t = tracersIn(dir);
      const args = [...extra, "-e", "trace=io_uring_register", "./uring"];
      const theirs = t.strace(...args);
      const ours = t.tstrace(...args);
      expect(theirs.status, theirs.stderr.slice(-800)).toBe(0);
      expect(ours.status, ours.stderr.slice(-800)).toBe(0);
      // the short-read warning comes in the middle of a line, where the normaliser leaves the
      // tracer's name alone
      const named = (text: string): string[] => norm(text.replace(/tstrace: umoven/g, "strace: umoven"));
      expect(named(ours.stderr)).toEqual(named(theirs.stderr));
      if (extra.length === 1) {
        expect(ours.stderr).toContain("fds=[3</dev/null>, IORING_REGISTER_FILES_SKIP, -7]");
        expect(ours.stderr).toMatch(/tags=\[0x1337, 0xdeadbeef\]tstrace: umoven: short read \(8 < 16\)/);
        expect(ours.stderr).toMatch(
          /IORING_REGISTER_PROBE, \{last_op=.*, ops_len=4, ops=\[\{op=IORING_OP_NOP, /,
        );
      }
    });
  }
});
