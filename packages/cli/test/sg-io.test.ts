// ioctl SG_IO against strace: a C program passes SCSI generic v3 (struct sg_io_hdr) and v4
// (struct sg_io_v4) requests to fd -1, with their command, sense and data buffers, scatter lists
// (a NULL and an unreadable iov_base among them), structs cut short by an unmapped page and an id
// that is neither. The calls fail (EBADF), so the response part prints what the caller's struct
// holds; with a return value injected, what the tracer read at exit. strace 6.1 and tstrace
// trace it with the same options, the lines compared after the conformance normaliser.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { norm, tracersIn } from "./helpers/tracers.js";

const PROGRAM = `#include <linux/bsg.h>
#include <scsi/sg.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/uio.h>
int main(void) {
  /* a page followed by an unmapped one: structs and buffers cut short at its end */
  char *page = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  munmap(page + 4096, 4096);
  char *end = page + 4096;
  ioctl(-1, SG_IO, 0);
  unsigned *id = (unsigned *)(end - 4);
  *id = 'S';
  ioctl(-1, SG_IO, id);
  *id = 'Q';
  ioctl(-1, SG_IO, id);
  *id = 7;
  ioctl(-1, SG_IO, id);

  unsigned char cmd[6] = { 0x12, 0, 0, 0, 0x24, 0 };
  unsigned char sense[4] = { 0x70, 0, 5, 0 };
  char data[40];
  memset(data, 'd', sizeof(data));
  struct sg_io_hdr *h = (struct sg_io_hdr *)(end - sizeof(*h));
  memset(h, 0, sizeof(*h));
  h->interface_id = 'S';
  h->dxfer_direction = SG_DXFER_TO_DEV;
  h->cmd_len = sizeof(cmd);
  h->cmdp = cmd;
  h->mx_sb_len = sizeof(sense);
  h->sb_len_wr = 3;
  h->sbp = sense;
  h->dxfer_len = sizeof(data);
  h->dxferp = data;
  h->timeout = 1000;
  h->flags = SG_FLAG_DIRECT_IO | 0x20;
  ioctl(-1, SG_IO, h);
  h->dxfer_direction = SG_DXFER_TO_FROM_DEV;
  h->dxfer_len = 5;
  h->resid = 2;
  ioctl(-1, SG_IO, h);
  /* a scatter list: the data as far as dxfer_len reaches, a NULL base, an unreadable one */
  struct iovec iov[4] = { { "abc", 3 }, { 0, 2 }, { (void *)16, 8 }, { "zz", 2 } };
  h->dxfer_direction = SG_DXFER_FROM_DEV;
  h->iovec_count = 4;
  h->dxfer_len = 9;
  h->dxferp = iov;
  h->resid = 0;
  ioctl(-1, SG_IO, h);
  h->dxfer_direction = -5;
  h->iovec_count = 0;
  h->cmdp = 0;
  h->dxferp = end - 1;
  ioctl(-1, SG_IO, h);

  struct sg_io_v4 *q = (struct sg_io_v4 *)(end - sizeof(*q));
  memset(q, 0, sizeof(*q));
  q->guard = 'Q';
  q->protocol = BSG_PROTOCOL_SCSI;
  q->subprotocol = BSG_SUB_PROTOCOL_SCSI_TRANSPORT;
  q->request_len = sizeof(cmd);
  q->request = (unsigned long)cmd;
  q->request_tag = 0xfeed;
  q->max_response_len = sizeof(sense);
  q->response_len = 2;
  q->response = (unsigned long)sense;
  q->dout_iovec_count = 2;
  q->dout_xfer_len = 4;
  q->dout_xferp = (unsigned long)iov;
  q->din_xfer_len = 40;
  q->din_xferp = (unsigned long)data;
  q->din_resid = 30;
  q->flags = BSG_FLAG_Q_AT_TAIL | 0x100;
  q->info = SG_INFO_CHECK;
  ioctl(-1, SG_IO, q);
  return 0;
}
`;

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tstrace-sg-io-"));
  writeFileSync(join(dir, "sg.c"), PROGRAM);
  execFileSync("gcc", ["-o", join(dir, "sg"), join(dir, "sg.c")]);
});

describe("ioctl SG_IO, against strace", () => {
  const options = [[], ["-s", "4"], ["-v"], ["-x"], ["-e", "inject=ioctl:retval=0"]];
  for (const extra of options) {
    it(`prints v3 and v4 requests and responses ${extra.join(" ")}`, () => {
      const t = tracersIn(dir);
      const args = [...extra, "-e", "trace=ioctl", "./sg"];
      const theirs = t.strace(...args);
      const ours = t.tstrace(...args);
      expect(theirs.status, theirs.stderr.slice(-800)).toBe(0);
      expect(ours.status, ours.stderr.slice(-800)).toBe(0);
      expect(norm(ours.stderr)).toEqual(norm(theirs.stderr));
      expect(ours.stderr).toContain("dxferp=[{iov_base=");
      expect(ours.stderr).toContain("guard='Q', protocol=BSG_PROTOCOL_SCSI");
    });
  }
});
