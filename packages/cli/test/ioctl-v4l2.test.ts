// Video4Linux2 ioctls whose argument is one scalar (the input's index, the video standard's bits,
// the buffer type streaming starts or stops), end to end against strace 6.1: a C program makes
// the requests on fd -1, both tracers trace it with the same options, the lines are compared
// after the conformance tool's normaliser. Injecting a return value makes the getters' exit run.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { norm, tracersIn } from "./helpers/tracers.js";

const V4L2 = `#include <linux/videodev2.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
int main(void) {
  long page = sysconf(_SC_PAGESIZE);
  unsigned char *area = mmap(0, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  mprotect(area + page, page, PROT_NONE);
  unsigned char *end = area + page;
  unsigned int input = 3000000000u;
  ioctl(-1, VIDIOC_S_INPUT, &input);
  ioctl(-1, VIDIOC_G_INPUT, &input);
  ioctl(-1, VIDIOC_G_INPUT, end - 2);
  v4l2_std_id std = V4L2_STD_PAL_B | V4L2_STD_NTSC_M;
  ioctl(-1, VIDIOC_S_STD, &std);
  ioctl(-1, VIDIOC_G_STD, &std);
  ioctl(-1, VIDIOC_G_STD, 0);
  int type = V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE;
  ioctl(-1, VIDIOC_STREAMON, &type);
  type = 0x80;
  ioctl(-1, VIDIOC_STREAMOFF, &type);
  return 0;
}
`;

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tstrace-v4l2-"));
  writeFileSync(join(dir, "v4l2.c"), V4L2);
  execFileSync("gcc", ["-o", join(dir, "v4l2"), join(dir, "v4l2.c")]);
});

describe("v4l2 scalar ioctls, against strace", () => {
  for (const extra of [[], ["-X", "raw"], ["-X", "verbose"], ["-e", "inject=ioctl:retval=0"]]) {
    it(`prints the input, the standard and the buffer type ${extra.join(" ")}`, () => {
      const t = tracersIn(dir);
      const args = [...extra, "-e", "trace=ioctl", "./v4l2"];
      const theirs = t.strace(...args);
      const ours = t.tstrace(...args);
      expect(theirs.status, theirs.stderr.slice(-800)).toBe(0);
      expect(ours.status, ours.stderr.slice(-800)).toBe(0);
      // A value read short says so inside the line, under each tracer's own name.
      expect(norm(ours.stderr.replaceAll("tstrace: umoven", "strace: umoven"))).toEqual(norm(theirs.stderr));
      if (extra.length === 0) expect(ours.stderr).toContain("[V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE]");
    });
  }
});
