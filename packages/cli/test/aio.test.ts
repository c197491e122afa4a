// io_submit's control blocks and io_cancel's, as strace 6.1 prints them: the iocbs behind the
// pointer array (a PWRITE's data, a PREADV's iovecs, a POLL's events, priorities and result fds),
// a NULL or unreadable pointer, an array that runs into an unmapped page. Traced side by side
// with strace under the same options and compared after the conformance normaliser.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { norm, tracersIn } from "./helpers/tracers.js";

const PROGRAM = `#include <linux/aio_abi.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
int main(void) {
  long page = sysconf(_SC_PAGESIZE);
  char *area = mmap(0, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  mprotect(area + page, page, PROT_NONE);
  aio_context_t ctx = 0;
  if (syscall(SYS_io_setup, 4, &ctx)) return 1;
  int fd = open("/dev/null", O_RDWR);
  static char a[64], b[32];
  struct iovec iov[2] = {{a, 16}, {b, 8}};
  struct iocb cbs[4];
  memset(cbs, 0, sizeof(cbs));
  cbs[0].aio_data = 0x1234;
  cbs[0].aio_lio_opcode = IOCB_CMD_PWRITE;
  cbs[0].aio_fildes = fd;
  cbs[0].aio_buf = (unsigned long)"written through aio, longer than -s";
  cbs[0].aio_nbytes = 35;
  cbs[0].aio_offset = 7;
  cbs[1].aio_lio_opcode = IOCB_CMD_PREADV;
  cbs[1].aio_fildes = fd;
  cbs[1].aio_buf = (unsigned long)iov;
  cbs[1].aio_nbytes = 2;
  cbs[1].aio_reqprio = 3;
  cbs[2].aio_lio_opcode = IOCB_CMD_POLL;
  cbs[2].aio_fildes = fd;
  cbs[2].aio_buf = 1 | 4;
  cbs[2].aio_flags = IOCB_FLAG_IOPRIO | IOCB_FLAG_RESFD;
  cbs[2].aio_reqprio = (2 << 13) | 5;
  cbs[2].aio_resfd = fd;
  cbs[3].aio_key = 9;
  cbs[3].aio_lio_opcode = 77;
  cbs[3].aio_fildes = -1;
  struct iocb *ptrs[5] = {&cbs[0], &cbs[1], &cbs[2], 0, (struct iocb *)(area + page)};
  syscall(SYS_io_submit, ctx, 2L, ptrs);
  syscall(SYS_io_submit, ctx, 5L, ptrs);
  struct iocb **edge = (struct iocb **)(area + page) - 1;
  *edge = &cbs[3];
  syscall(SYS_io_submit, ctx, 3L, edge);
  syscall(SYS_io_submit, ctx, -1L, ptrs);
  syscall(SYS_io_submit, ctx, 0L, ptrs);
  struct io_event ev;
  syscall(SYS_io_cancel, ctx, &cbs[3], &ev);
  syscall(SYS_io_cancel, ctx, area + page, &ev);
  syscall(SYS_io_destroy, ctx);
  return 0;
}
`;

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tstrace-aio-"));
  writeFileSync(join(dir, "aio.c"), PROGRAM);
  execFileSync("gcc", ["-o", join(dir, "aio"), join(dir, "aio.c")]);
});

describe("io_submit and io_cancel, against strace", () => {
  for (const extra of [[], ["-s", "8"], ["-v"], ["-X", "verbose"]]) {
    it(`prints the control blocks as strace does ${extra.join(" ")}`, () => {
      const t = tracersIn(dir);
      const args = [...extra, "-e", "trace=io_submit,io_cancel", "./aio"];
      const theirs = t.strace(...args);
      const ours = t.tstrace(...args);
      expect(theirs.status, theirs.stderr.slice(-800)).toBe(0);
      expect(ours.status, ours.stderr.slice(-800)).toBe(0);
      expect(norm(ours.stderr)).toEqual(norm(theirs.stderr));
      if (extra.length === 0) {
        expect(ours.stderr).toContain('aio_buf="written through aio, longer than"..., aio_nbytes=35');
        expect(ours.stderr).toContain("aio_reqprio=IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 5)");
      }
    });
  }
});
