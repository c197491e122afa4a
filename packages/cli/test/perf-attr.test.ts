// perf_event_open's struct perf_event_attr and the perf ioctls that point at something
// (PERF_EVENT_IOC_SET_FILTER's string, PERF_EVENT_IOC_QUERY_BPF's ids, MODIFY_ATTRIBUTES' attr),
// traced side by side with strace 6.1 under the same options and compared after the conformance
// normaliser (nothing typed by hand). The attrs are refused (a bad flag, E2BIG), so no counter is
// ever opened; the ioctls go to fd -1 or are injected.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { norm, tracersIn } from "./helpers/tracers.js";

const PROGRAM = `#include <linux/perf_event.h>
#include <linux/hw_breakpoint.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
static long peo(void *attr, unsigned long flags) {
  return syscall(SYS_perf_event_open, attr, 0, -1, -1, flags);
}
int main(void) {
  long page = sysconf(_SC_PAGESIZE);
  unsigned char *area = mmap(0, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  mprotect(area + page, page, PROT_NONE);
  unsigned char *end = area + page;
  struct perf_event_attr a;
  memset(&a, 0, sizeof(a));
  a.type = PERF_TYPE_HW_CACHE;
  a.size = PERF_ATTR_SIZE_VER5;
  a.config = PERF_COUNT_HW_CACHE_LL | (PERF_COUNT_HW_CACHE_OP_WRITE << 8) | (PERF_COUNT_HW_CACHE_RESULT_MISS << 16) | (5ULL << 32);
  a.sample_period = 1000;
  a.sample_type = PERF_SAMPLE_IP | PERF_SAMPLE_BRANCH_STACK | PERF_SAMPLE_STACK_USER | (1ULL << 40);
  a.read_format = PERF_FORMAT_ID | PERF_FORMAT_GROUP;
  a.disabled = 1;
  a.exclude_kernel = 1;
  a.precise_ip = 2;
  a.use_clockid = 1;
  a.clockid = 1;
  a.branch_sample_type = PERF_SAMPLE_BRANCH_USER | PERF_SAMPLE_BRANCH_ANY;
  a.sample_stack_user = 4096;
  a.sample_max_stack = 7;
  /* a bad flag: refused before the attr is used */
  peo(&a, 0xff00);
  a.type = PERF_TYPE_BREAKPOINT;
  a.bp_type = HW_BREAKPOINT_X | HW_BREAKPOINT_W;
  a.bp_addr = 0x1234;
  a.bp_len = 8;
  a.freq = 1;
  a.watermark = 1;
  a.wakeup_watermark = 77;
  peo(&a, 0xff00);
  a.type = PERF_TYPE_SOFTWARE;
  a.config = PERF_COUNT_SW_DUMMY;
  a.size = 0;
  peo(&a, 0xff00);
  /* more than the kernel knows, not zeros: E2BIG and the size it supports */
  unsigned char big[0xa0];
  memset(big, 0, sizeof(big));
  memcpy(big, &a, sizeof(a));
  ((struct perf_event_attr *)big)->size = sizeof(big);
  big[0x9f] = 1;
  peo(big, 0);
  /* a short attr just before an unreadable page, and one that runs into it */
  struct perf_event_attr *tail = (struct perf_event_attr *)(end - PERF_ATTR_SIZE_VER0);
  memcpy(tail, &a, PERF_ATTR_SIZE_VER0);
  tail->size = PERF_ATTR_SIZE_VER0;
  peo(tail, 0xff00);
  tail->size = PERF_ATTR_SIZE_VER1;
  peo(tail, 0xff00);
  peo(end, 0xff00);
  peo(0, 0xff00);
  /* the perf ioctls that point at something */
  char *filter = (char *)end - 6;
  memcpy(filter, "a == 1", 6);
  ioctl(-1, PERF_EVENT_IOC_SET_FILTER, filter);
  ioctl(-1, PERF_EVENT_IOC_SET_FILTER, "common_pid != 0 && some_field == 12345678");
  struct perf_event_query_bpf *q = (struct perf_event_query_bpf *)(end - 16);
  q->ids_len = 2;
  q->prog_cnt = 3;
  q->ids[0] = 11;
  q->ids[1] = 22;
  ioctl(-1, PERF_EVENT_IOC_QUERY_BPF, q);
  ioctl(-1, PERF_EVENT_IOC_QUERY_BPF, end - 4);
  ioctl(-1, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, &a);
  ioctl(-1, PERF_EVENT_IOC_ENABLE, PERF_IOC_FLAG_GROUP);
  return 0;
}
`;

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tstrace-perf-"));
  writeFileSync(join(dir, "perf.c"), PROGRAM);
  execFileSync("gcc", ["-o", join(dir, "perf"), join(dir, "perf.c")]);
});

describe("perf_event_attr and the perf ioctls, against strace", () => {
  const options = [
    [],
    ["-v"],
    ["-v", "-X", "raw"],
    ["-v", "-X", "verbose"],
    ["-e", "inject=ioctl:retval=42"],
  ];
  for (const extra of options) {
    it(`prints them as strace does ${extra.join(" ")}`, () => {
      const t = tracersIn(dir);
      const args = [...extra, "-e", "trace=perf_event_open,ioctl", "./perf"];
      const theirs = t.strace(...args);
      const ours = t.tstrace(...args);
      expect(theirs.status, theirs.stderr.slice(-800)).toBe(0);
      expect(ours.status, ours.stderr.slice(-800)).toBe(0);
      // strace's short-read warnings name the tracer
      const tracer = (text: string): string =>
        text.replace(/\b(t?strace): (umoven|umovestr):/g, "TRACER: $2:");
      expect(norm(tracer(ours.stderr))).toEqual(norm(tracer(theirs.stderr)));
      // the size the kernel supports, written back on E2BIG
      expect(ours.stderr).toMatch(/size=(0xa0|160)[^,]* => /);
      // with -v the attr is read whole, and the one that runs into an unreadable page is cut short
      if (extra[0] === "-v") expect(ours.stderr).toContain("umoven: short read (64 < 72)");
    });
  }
});
