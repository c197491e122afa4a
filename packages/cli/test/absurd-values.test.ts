// Values no kernel writes but a corrupt record or a process's own rt_sigqueueinfo can: a SIGCHLD
// whose clock ticks are INT64_MIN, INT64_MAX, -1. strace 6.1 prints them (unsigned, with seconds
// comments) and so must tstrace, byte for byte, and as valid UTF-8.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PYTHON, tracersIn } from "./helpers/tracers.js";

const { tstrace, strace } = tracersIn(mkdtempSync(join(tmpdir(), "tstrace-absurd-")));

/** Queues SIGCHLD to itself with si_pid 4242 and each (si_utime, si_stime) pair of argv. */
const QUEUE_SIGCHLD = `import ctypes, os, signal, struct, sys
libc = ctypes.CDLL(None, use_errno=True)
signal.signal(signal.SIGCHLD, lambda *a: None)
v = [int(x, 0) for x in sys.argv[1:]]
for ut, st in zip(v[::2], v[1::2]):
    buf = bytearray(128)
    struct.pack_into("iii", buf, 0, 17, 0, 1)
    struct.pack_into("iIi", buf, 16, 4242, 0, 0)
    struct.pack_into("qq", buf, 32, ut, st)
    if libc.syscall(129, os.getpid(), 17, (ctypes.c_char * 128).from_buffer(buf)) != 0:
        sys.exit(ctypes.get_errno())
`;
const TICKS = ["-0x8000000000000000", "0x7fffffffffffffff", "-1", "-150", "150", "-99", "0", "1"];

describe("absurd clock ticks in a SIGCHLD", () => {
  for (const style of ["abbrev", "raw", "verbose"]) {
    it(`print as strace prints them (-X ${style})`, () => {
      const args = ["-X", style, "-e", "trace=none", PYTHON, "-c", QUEUE_SIGCHLD, ...TICKS];
      const ours = tstrace(...args);
      const theirs = strace(...args);
      expect(ours.status).toBe(0);
      // Only the queued signals: SIGCHLDs of real children carry live CPU times.
      const queued = (text: string) => text.split("\n").filter((l) => l.includes("si_pid=4242,"));
      expect(queued(theirs.stderr)).toHaveLength(TICKS.length / 2);
      expect(queued(ours.stderr)).toEqual(queued(theirs.stderr));
      // stderr was decoded as UTF-8: an invalid byte would have become U+FFFD.
      expect(ours.stderr).not.toContain("\uFFFD");
    });
  }
});
