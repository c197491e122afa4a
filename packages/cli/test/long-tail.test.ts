// Long-tail syscalls (NUMA policy, ioprio, kcmp, memfd_create, ids, flag tables, interrupted
// sleeps' arguments) made by a python3 script through libc's syscall(), traced by tstrace and by
// strace 6.1: the normalised lines must be the same.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { norm, PYTHON, tracersIn } from "./helpers/tracers.js";

const dir = mkdtempSync(join(tmpdir(), "tstrace-long-tail-"));
const { tstrace, strace } = tracersIn(dir);

/** x86_64 syscall numbers; arguments chosen so that no call changes the process for good. */
const SCRIPT = `import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
S = libc.syscall
S.restype = ctypes.c_long
def buf(n, fill=0):
    b = (ctypes.c_char * n)()
    ctypes.memset(b, fill, n)
    return b
mask = ctypes.c_ulong(1)
S(237, 0, 0, 1 | (1 << 15), ctypes.byref(mask), 64, 0xffffffff)   # mbind
S(238, 0x8002, ctypes.byref(mask), 3)                            # set_mempolicy
mode = ctypes.c_int(0); nodes = buf(16)
S(239, ctypes.byref(mode), nodes, 128, 0, 0)                       # get_mempolicy
S(151, 0)                                                          # mlockall
S(325, 0, 4096, 0xfffffffffffffffe)                                # mlock2
S(252, 1, 0)                                                       # ioprio_get
S(251, 0xfa57beef, 0, (5 << 13) | 7)                               # ioprio_set
S(312, 0x7ffffff0, 0x7ffffff0, 0, 0, 1)                          # kcmp KCMP_FILE
S(312, -1, -1, 1, 7, 8)                                            # kcmp KCMP_VM
S(312, -1, -1, 0xda7adead, 7, 8)                                   # kcmp unknown
fd = S(319, b"tstrace-long-tail", 0xfacefeed00000003)             # memfd_create
S(319, b"x", 30 << 26)
S(115, 0, 0)                                                       # getgroups
g = (ctypes.c_uint * 2)(0xffffffff, 0xfffffffe)
S(116, 70000, g)                                                   # setgroups (> NGROUPS_MAX)
S(92, b"/nonexistent/tstrace", 0xffffffff, 0xffff0000)            # chown
S(122, 0xffff0000)                                                 # setfsuid
S(62, 0x7ffffff0, 0xcafef00d)                                     # kill, unknown signal
S(436, 0xfffffffe, 0xffffffff, 1)                                  # close_range
S(308, -1, 0x81fdff7f)                                             # setns
S(233, -1, 2, -1, buf(16))                                         # epoll_ctl DEL
ss = buf(16)
S(128, ss, 0, 0, 16)                                               # rt_sigtimedwait, bad size
ts = (ctypes.c_long * 2)(0, 0xbadc0dedbadc0ded)
S(35, ts, 0)                                                       # nanosleep, bad nsec
iov = (ctypes.c_ulong * 4)(0x1000, 16, 0x2000, 32)
S(440, -1, iov, 2, 0xdeadc0de, 0)                                  # process_madvise
S(330, 0, 0xbadc0ded00000002)                                      # pkey_alloc
S(285, -1, 0x7f, 0, 0)                                             # fallocate
S(277, -1, 0, 0, 0xffffffff)                                       # sync_file_range
`;
writeFileSync(join(dir, "long-tail.py"), SCRIPT);

const TRACE = [
  "mbind",
  "set_mempolicy",
  "get_mempolicy",
  "mlockall",
  "mlock2",
  "ioprio_get",
  "ioprio_set",
  "kcmp",
  "memfd_create",
  "getgroups",
  "setgroups",
  "chown",
  "setfsuid",
  "kill",
  "close_range",
  "setns",
  "epoll_ctl",
  "rt_sigtimedwait",
  "nanosleep",
  "process_madvise",
  "pkey_alloc",
  "fallocate",
  "sync_file_range",
].join(",");

/** The syscall lines only: python's own children's SIGCHLDs carry live pids. */
const calls = (text: string): string[] => norm(text).filter((l) => !l.includes("--- SIG"));

describe.runIf(process.arch === "x64")("long-tail syscalls", () => {
  for (const style of ["abbrev", "raw", "verbose"]) {
    it(`print as strace prints them (-X ${style})`, () => {
      const args = ["-X", style, "-e", `trace=${TRACE}`, PYTHON, "long-tail.py"];
      const ours = tstrace(...args);
      const theirs = strace(...args);
      expect(ours.status).toBe(0);
      expect(calls(theirs.stderr).length).toBeGreaterThan(20);
      expect(calls(ours.stderr)).toEqual(calls(theirs.stderr));
    });
  }
});
