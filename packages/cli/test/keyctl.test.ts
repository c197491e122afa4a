// keyctl's commands as strace 6.1 prints them: key serials by KEY_SPEC_* name, permissions,
// uids, timeouts, reject errors, move flags, the strings and payloads callers pass and the
// descriptions the kernel answers; INSTANTIATE_IOV's iovecs, DH_COMPUTE's parameters and KDF,
// the PKEY_* commands' parameters, info strings and data, the capability bytes. Traced side by side with strace under the same options and
// compared after the conformance normaliser (nothing typed by hand); the serial of the session
// keyring JOIN_SESSION_KEYRING creates differs from run to run and is masked.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { norm, tracersIn } from "./helpers/tracers.js";

const PROGRAM = `#include <linux/keyctl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <sys/syscall.h>
#include <unistd.h>
static long kc(long cmd, unsigned long a, unsigned long b, unsigned long c, unsigned long d) {
  return syscall(SYS_keyctl, cmd, a, b, c, d);
}
int main(void) {
  long page = sysconf(_SC_PAGESIZE);
  char *area = mmap(0, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  mprotect(area + page, page, PROT_NONE);
  char *edge = area + page - 4;
  memcpy(edge, "abcd", 4);
  char buf[256];
  memset(buf, 0xff, sizeof(buf));
  kc(0xfacefeed, 1, 2, 3, 4);
  kc(KEYCTL_GET_KEYRING_ID, KEY_SPEC_THREAD_KEYRING, 0, 0, 0);
  kc(KEYCTL_JOIN_SESSION_KEYRING, (unsigned long)edge, 0, 0, 0);
  kc(KEYCTL_JOIN_SESSION_KEYRING, 0, 0, 0, 0);
  kc(KEYCTL_UPDATE, -12345, (unsigned long)"a payload of some length", 24, 0);
  kc(KEYCTL_REVOKE, KEY_SPEC_GROUP_KEYRING, 0, 0, 0);
  kc(KEYCTL_CHOWN, KEY_SPEC_REQUESTOR_KEYRING, -1, 1000, 0);
  kc(KEYCTL_SETPERM, 12345, 0x3f010000 | 0x80, 0, 0);
  kc(KEYCTL_DESCRIBE, KEY_SPEC_SESSION_KEYRING, (unsigned long)buf, 9, 0);
  kc(KEYCTL_DESCRIBE, KEY_SPEC_SESSION_KEYRING, (unsigned long)buf, sizeof(buf), 0);
  kc(KEYCTL_LINK, KEY_SPEC_USER_KEYRING, -777, 0, 0);
  kc(KEYCTL_SEARCH, KEY_SPEC_SESSION_KEYRING, (unsigned long)"user", (unsigned long)"no such key here", 0);
  kc(KEYCTL_READ, 1, 0, 16, 0);
  kc(KEYCTL_INSTANTIATE, 1, (unsigned long)edge, 8, KEY_SPEC_PROCESS_KEYRING);
  kc(KEYCTL_NEGATE, 1, 60, KEY_SPEC_USER_SESSION_KEYRING, 0);
  kc(KEYCTL_SET_REQKEY_KEYRING, KEY_REQKEY_DEFL_NO_CHANGE, 0, 0, 0);
  kc(KEYCTL_SET_REQKEY_KEYRING, 99, 0, 0, 0);
  kc(KEYCTL_SET_TIMEOUT, 1, 30, 0, 0);
  kc(KEYCTL_ASSUME_AUTHORITY, 0, 0, 0, 0);
  kc(KEYCTL_GET_SECURITY, KEY_SPEC_SESSION_KEYRING, (unsigned long)buf, sizeof(buf), 0);
  kc(KEYCTL_REJECT, 1, 5, 19, KEY_SPEC_THREAD_KEYRING);
  kc(KEYCTL_REJECT, 1, 5, 4000, 0);
  kc(KEYCTL_INVALIDATE, 1, 0, 0, 0);
  kc(KEYCTL_GET_PERSISTENT, -1, KEY_SPEC_SESSION_KEYRING, 0, 0);
  kc(KEYCTL_RESTRICT_KEYRING, 1, (unsigned long)"asymmetric", 0, 0);
  kc(KEYCTL_MOVE, 1, KEY_SPEC_SESSION_KEYRING, KEY_SPEC_USER_KEYRING, KEYCTL_MOVE_EXCL | 0x10);
  struct iovec iov[3] = {{"first part", 10}, {area + page, 8}, {0, 0}};
  kc(KEYCTL_INSTANTIATE_IOV, 1, (unsigned long)iov, 3, KEY_SPEC_SESSION_KEYRING);
  kc(KEYCTL_INSTANTIATE_IOV, 1, (unsigned long)(area + page), 2, 0);
  struct keyctl_dh_params dh = {.priv = KEY_SPEC_USER_KEYRING, .prime = 42, .base = -7};
  struct keyctl_kdf_params kdf = {.hashname = "sha256", .otherinfo = "other\\0info", .otherinfolen = 11};
  kc(KEYCTL_DH_COMPUTE, (unsigned long)&dh, (unsigned long)buf, 16, 0);
  kc(KEYCTL_DH_COMPUTE, (unsigned long)&dh, (unsigned long)buf, 16, (unsigned long)&kdf);
  kdf.otherinfolen = 0;
  kdf.__spare[3] = 9;
  kdf.hashname = edge;
  kc(KEYCTL_DH_COMPUTE, (unsigned long)edge, (unsigned long)buf, 16, (unsigned long)&kdf);
  struct keyctl_pkey_query query;
  kc(KEYCTL_PKEY_QUERY, KEY_SPEC_SESSION_KEYRING, 0, (unsigned long)"enc=pkcs1", (unsigned long)&query);
  struct keyctl_pkey_params pk = {.key_id = 1, .in_len = 4, .out_len = 8};
  kc(KEYCTL_PKEY_ENCRYPT, (unsigned long)&pk, (unsigned long)"enc=raw", (unsigned long)"data", (unsigned long)buf);
  pk.in2_len = 5;
  pk.__spare[6] = 0xabc;
  kc(KEYCTL_PKEY_VERIFY, (unsigned long)&pk, (unsigned long)"", (unsigned long)"abcd", (unsigned long)"sig\\1\\2");
  kc(KEYCTL_PKEY_SIGN, (unsigned long)edge, (unsigned long)"hash=sha1", 0, (unsigned long)buf);
  unsigned char caps[4];
  kc(KEYCTL_CAPABILITIES, (unsigned long)caps, sizeof(caps), 0, 0);
  kc(KEYCTL_CAPABILITIES, (unsigned long)caps, 1, 0, 0);
  kc(KEYCTL_CAPABILITIES, (unsigned long)edge + 8, 2, 0, 0);
  return 0;
}
`;

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tstrace-keyctl-"));
  writeFileSync(join(dir, "key.c"), PROGRAM);
  execFileSync("gcc", ["-o", join(dir, "key"), join(dir, "key.c")]);
});

/** The lines, with the new session keyring's serial masked and the tracer's name in warnings. */
const lines = (text: string): string[] =>
  norm(text.replace(/\b(t?strace): (umoven|umovestr):/g, "TRACER: $2:")).map((l) =>
    l.replace(
      /(KEYCTL_JOIN_SESSION_KEYRING \*\/|KEYCTL_JOIN_SESSION_KEYRING|0x1), NULL\)( +)= \d+/,
      "$1, NULL)$2= SERIAL",
    ),
  );

describe("keyctl, against strace", () => {
  for (const extra of [[], ["-X", "raw"], ["-X", "verbose"], ["-s", "4", "-x", "-x"]]) {
    it(`prints keyctl's commands as strace does ${extra.join(" ")}`, () => {
      const t = tracersIn(dir);
      const args = [...extra, "-e", "trace=keyctl", "./key"];
      const theirs = t.strace(...args);
      const ours = t.tstrace(...args);
      expect(theirs.status, theirs.stderr.slice(-800)).toBe(0);
      expect(ours.status, ours.stderr.slice(-800)).toBe(0);
      expect(lines(ours.stderr)).toEqual(lines(theirs.stderr));
      if (extra.length === 0) {
        expect(ours.stderr).toContain(
          'KEYCTL_SEARCH, KEY_SPEC_SESSION_KEYRING, "user", "no such key here", 0)',
        );
        expect(ours.stderr).toContain("KEYCTL_REJECT, 1, 5, ENODEV, KEY_SPEC_THREAD_KEYRING)");
        expect(ours.stderr).toContain('{key_id=1, in_len=4, out_len=8}, "enc=raw", "data", ');
        expect(ours.stderr).toContain('otherinfo="other\\0info\\0", otherinfolen=11}');
        expect(ours.stderr).toMatch(/KEYCTL_CAPABILITIES, \[KEYCTL_CAPS0_CAPABILITIES\|.*\], 4\) = 2/);
      }
    });
  }
});
