// The long tail of issue #16 on a real tracee: a small C program, compiled here, makes calls that
// fail harmlessly (bad magic, bad flags, missing files) with the arguments strace decodes in
// detail (extensible structs with bytes past what strace knows, quota commands, the mount API,
// landlock, keys, a module name running into an unmapped page); tstrace and strace trace it and
// the outputs are compared. Without a C compiler: skipped.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CC, compileC } from "./helpers/c-program.js";
import { BIN } from "./helpers/tracers.js";

const dir = mkdtempSync(join(tmpdir(), "tstrace-tail-"));

const PROGRAM = `#define _GNU_SOURCE
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(void) {
  long ps = sysconf(_SC_PAGESIZE);
  char *p = mmap(0, 2 * ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  munmap(p + ps, ps);
  char *end = p + ps;
  /* openat2: an open_how with 8 bytes past it, non-zero, then the same running off the page */
  unsigned long long how[4] = { 0x80, 0, 1, 0x8786858483828180ULL };
  syscall(SYS_openat2, -1, "x", how, sizeof how);
  memcpy(end - 24, how, 24);
  syscall(SYS_openat2, -1, "x", end - 24, 32);
  /* mount_setattr with an id-mapped mount's user namespace that is no fd */
  unsigned long long attr[5] = { 0x100000, 0, 1 << 17, 1ULL << 40, 0 };
  syscall(SYS_mount_setattr, -1, "/nonexistent", 0, attr, 40);
  /* landlock: the ABI version, then a ruleset attr longer than strace 6.1 knows */
  syscall(SYS_landlock_create_ruleset, 0, 0, 1);
  unsigned long long rs[2] = { 1, 0 };
  syscall(SYS_landlock_create_ruleset, rs, 16, 0xbadcaffe);
  /* fsconfig: a binary value whose length is an int in a wider register */
  syscall(SYS_fsconfig, -1, 2, "key", "\\x01\\x02", 0xdefaced00000002ULL, 0);
  /* fsconfig names a file only for the path commands: -P /dev/full selects the first call alone */
  syscall(SYS_fsconfig, -1, 3, "source", "/dev/full", -100, 0);
  syscall(SYS_fsconfig, -1, 1, "source", "/dev/full", 0, 0);
  /* quotas: a format, a struct if_dqinfo, an XFS flag word */
  unsigned long long info[3] = { 1, 2, 0x0000000400010001ULL };
  syscall(SYS_quotactl, 0x80000600, "/dev/bogus/", 0, info);
  unsigned int flags = 5;
  syscall(SYS_quotactl, (0x5801 << 8) | 1, "/dev/bogus/", 0, &flags);
  syscall(SYS_quotactl, 0x80000200, "/dev/bogus/", 2, "/tmp/bogus/");
  /* reboot with a wrong magic: EINVAL before any permission check */
  syscall(SYS_reboot, 0xfee1dead, 0x13111992, 0xa1b2c3d4, "now");
  syscall(SYS_kexec_load, 0, 0, 0, 0xbadc0dedda7a1054ULL);
  /* a module name that runs into the unmapped page after -s + 1 bytes */
  memset(end - 33, 'm', 33);
  syscall(SYS_delete_module, end - 33, 0x800);
  syscall(SYS_add_key, 0, 0, 0, 0, -1);
  syscall(SYS_fanotify_init, 0xeface004, 0x80000001);
  syscall(SYS_mount, "/nonexistent", "/nonexistent", "bogusfs", 0xc0ed000fUL, "data");
  return 0;
}
`;

const TRACE = [
  "-e",
  "trace=openat2,mount_setattr,landlock_create_ruleset,fsconfig,quotactl,reboot,kexec_load,delete_module,add_key,fanotify_init,mount",
];

/** Addresses differ from run to run; the `=` column with the line's length. */
const mask = (text: string): string => text.replace(/0x[0-9a-f]{6,}/g, "0xADDR").replace(/ {2,}=/g, " =");

function run(tracer: string, args: string[]): string {
  const out = join(dir, `${tracer === BIN ? "t" : "s"}.log`);
  const r = spawnSync(tracer, ["-o", out, ...args], { cwd: dir, encoding: "utf8", timeout: 60_000 });
  expect(r.status, `${tracer}: ${r.stderr}`).toBe(0);
  return mask(readFileSync(out, "utf8"));
}

describe.skipIf(CC === "")("the long tail of strace's decoders, on a real tracee", () => {
  const exe = CC === "" ? "" : compileC(dir, "tail", PROGRAM);

  for (const opts of [[], ["-v"], ["-X", "verbose"], ["-X", "raw"]]) {
    it(`${opts.join(" ") || "default"}: the same lines as strace`, () => {
      const ours = run(BIN, [...opts, ...TRACE, exe]);
      expect(ours).toBe(run("strace", [...opts, ...TRACE, exe]));
      // What the cases are about, in case strace's own rendering changes under us.
      if (opts.length === 0) {
        expect(ours).toContain('/* bytes 24..31 */ "\\x80\\x81\\x82\\x83\\x84\\x85\\x86\\x87"}, 32)');
        expect(ours).toContain("resolve=RESOLVE_NO_XDEV, ???}, 32)");
        expect(ours).toContain("quotactl(QCMD(Q_SETINFO, USRQUOTA)");
        expect(ours).toContain('delete_module("mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"..., O_NONBLOCK)');
      }
    });
  }

  it("-P: fsconfig matches by its command, as strace's path tracing", () => {
    const args = ["-P", "/dev/full", "-e", "trace=fsconfig", exe];
    const ours = run(BIN, args);
    expect(ours).toBe(run("strace", args));
    expect(ours).toContain('fsconfig(-1, FSCONFIG_SET_PATH, "source", "/dev/full", AT_FDCWD)');
    expect(ours).not.toContain("FSCONFIG_SET_STRING");
  });
});
