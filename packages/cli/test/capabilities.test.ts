// capget and capset decoded as strace 6.1 decodes them: the header's version by name, the three
// capability sets as `1<<CAP_…` flags over one or two 32-bit words (by version), sets that end at
// an unmapped page, and every -X style. A small C program, compiled here, makes the calls; it runs
// under tstrace and strace and the lines are compared. Without a C compiler: skipped.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CC, compileC } from "./helpers/c-program.js";
import { BIN } from "./helpers/tracers.js";

const dir = mkdtempSync(join(tmpdir(), "tstrace-caps-"));

const PROGRAM = `#include <linux/capability.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
static char *page_end;
static void *edge(size_t n) { return page_end - n; }
int main(void) {
  long ps = sysconf(_SC_PAGESIZE);
  char *p = mmap(0, 2 * ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  munmap(p + ps, ps);
  page_end = p + ps;
  struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct d[2];
  syscall(SYS_capget, 0, 0);
  syscall(SYS_capget, &h, d);
  syscall(SYS_capget, &h, edge(8));
  h.version = 0xbadc0ded;
  syscall(SYS_capget, &h, d);
  h.version = _LINUX_CAPABILITY_VERSION_3;
  memset(d, 0, sizeof d);
  d[0].effective = 1 << CAP_DAC_OVERRIDE;
  d[1].effective = 1 << (CAP_WAKE_ALARM - 32);
  d[0].permitted = 1 << CAP_DAC_READ_SEARCH;
  d[1].permitted = 0xfe000000;
  syscall(SYS_capset, &h, d);
  struct __user_cap_data_struct *one = edge(sizeof *one);
  *one = d[0];
  h.version = _LINUX_CAPABILITY_VERSION_1;
  syscall(SYS_capset, &h, one);
  h.version = _LINUX_CAPABILITY_VERSION_2;
  syscall(SYS_capset, &h, one);
  syscall(SYS_capset, edge(4), one);
  return 0;
}
`;

const build = (): string => compileC(dir, "caps", PROGRAM);

/** Addresses differ from run to run; the tracer's name in diagnostics too. */
const mask = (text: string): string =>
  text
    .replace(/0x7[0-9a-f]{7,}/g, "0xADDR")
    .replace(/\bt?strace: /g, "TRACER: ")
    .replace(/ {2,}=/g, " =");

function trace(tracer: string, args: string[], exe: string): string {
  const log = join(dir, `${tracer === BIN ? "t" : "s"}.log`);
  const r = spawnSync(tracer, ["-o", log, "-e", "trace=capget,capset", ...args, exe], {
    cwd: dir,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(r.status, `${tracer}: ${r.stderr}`).toBe(0);
  return mask(readFileSync(log, "utf8") + r.stderr);
}

describe.skipIf(CC === "")("capget and capset, as strace prints them", () => {
  const exe = CC === "" ? "" : build();

  for (const style of [[], ["-X", "raw"], ["-X", "verbose"], ["-e", "verbose=none"]]) {
    it(`the same lines as strace ${style.join(" ") || "by default"}`, () => {
      const ours = trace(BIN, style, exe);
      expect(ours).toBe(trace("strace", style, exe));
      if (style.length === 0) {
        // What the cases are about, in case strace's own rendering changes under us.
        expect(ours).toContain("capget(NULL, NULL) = -1 EFAULT");
        expect(ours).toContain(
          "capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=1<<CAP_DAC_OVERRIDE|1<<CAP_WAKE_ALARM, permitted=1<<CAP_DAC_READ_SEARCH|0xfe000000 /* CAP_??? */, inheritable=0})",
        );
        // Version 1 reads one word per set: 12 bytes before an unmapped page are enough.
        expect(ours).toContain(
          "capset({version=_LINUX_CAPABILITY_VERSION_1, pid=0}, {effective=1<<CAP_DAC_OVERRIDE, permitted=1<<CAP_DAC_READ_SEARCH, inheritable=0})",
        );
        expect(ours).toContain("TRACER: umoven: short read (12 < 24) @0xADDR");
        expect(ours).toContain("/* _LINUX_CAPABILITY_VERSION_??? */");
      }
    });
  }
});
