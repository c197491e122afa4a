// Long-tail structs and returns from raw record bytes: adjtimex's struct __kernel_timex and its
// clock state, modify_ldt's zero-extended errno, a deleted file's fd and a struct's fd field
// under -y. The expected lines are strace 6.1's for the same values (its suite's adjtimex,
// modify_ldt, fchmod-y and landlock_add_rule-y tests).

import { describe, expect, it } from "vitest";
import { createDecoder } from "../dist/index.js";
import { nr } from "./helpers/nr.js";
import { bytes, type Capture, concat, enter, exit, fdPath, fdPaths, struct } from "./helpers/records.js";

const line = async (
  name: string,
  args: (number | bigint)[],
  rval: number | bigint,
  entryCaps: Capture[] = [],
  exitCaps: Capture[] = [],
  decodeFds: "none" | "path" = "none",
): Promise<string> => {
  const d = await createDecoder({ decodeFds });
  return d.decodeToString(concat(enter(1, nr(name), args, entryCaps), exit(1, nr(name), rval, exitCaps)));
};

/** The kernel's " (deleted)" taken off the link's text (FdPathForm.DELETED). */
const DELETED = 0x100;

describe("adjtimex", () => {
  // struct __kernel_timex on x86_64: modes, then 8-byte fields (status, shift and tai are ints)
  const timex = bytes(208, [
    [24, 8, 16000000], // maxerror
    [32, 8, 16000000], // esterror
    [40, 4, 0x40], // status: STA_UNSYNC
    [48, 8, 2], // constant
    [56, 8, 1], // precision
    [64, 8, 32768000], // tolerance
    [72, 8, 1796622319], // time.tv_sec
    [80, 8, 448433], // time.tv_usec
    [88, 8, 10000], // tick
  ]);

  it("prints the struct the kernel filled, then the clock state", async () => {
    expect(await line("adjtimex", [0x7f0000001000n], 5, [], [struct(0, timex)])).toBe(
      "adjtimex({modes=0, offset=0, freq=0, maxerror=16000000, esterror=16000000, status=STA_UNSYNC, constant=2, precision=1, tolerance=32768000, time={tv_sec=1796622319, tv_usec=448433}, tick=10000, ppsfreq=0, jitter=0, shift=0, stabil=0, jitcnt=0, calcnt=0, errcnt=0, stbcnt=0, tai=0}) = 5 (TIME_ERROR)\n",
    );
  });

  it("prints only the address when the call failed", async () => {
    expect(await line("adjtimex", [0x7f0000001000n], -14)).toBe(
      "adjtimex(0x7f0000001000)                = -1 EFAULT (Bad address)\n",
    );
  });
});

describe("modify_ldt", () => {
  it("reads an int return's low 32 bits as a negated errno", async () => {
    expect(await line("modify_ldt", [-629534633, 0xffffffffffffffffn, 0xdeadbeefdeadbeefn], 0xffffffda)).toBe(
      "modify_ldt(-629534633, 0xffffffffffffffff, 16045690984833335023) = 4294967258 ENOSYS (Function not implemented)\n",
    );
  });

  it("prints the descriptor only when bytecount is its size", async () => {
    const desc = bytes(16, [
      [0, 4, 0xffffffff],
      [12, 4, 0x51],
    ]);
    expect(await line("modify_ldt", [1, 0x7f0000001000n, 16], 0, [struct(1, desc)])).toBe(
      "modify_ldt(1, {entry_number=-1, base_addr=00000000, limit=00000000, seg_32bit=1, contents=0, read_exec_only=0, limit_in_pages=1, seg_not_present=0, useable=1, lm=0}, 16) = 0\n",
    );
    expect(await line("modify_ldt", [1, 0x7f0000001000n, 17], 0, [struct(1, desc)])).toBe(
      "modify_ldt(1, 0x7f0000001000, 17)       = 0\n",
    );
  });
});

describe("-y", () => {
  it("prints a deleted file as <path>(deleted)", async () => {
    expect(await line("fchmod", [4, 0o51], 0, [fdPath(0, "/tmp/sample", DELETED)], [], "path")).toBe(
      "fchmod(4</tmp/sample>(deleted), 051)    = 0\n",
    );
  });

  it("decorates an fd inside a struct from its FD_PATHS capture", async () => {
    const rule = bytes(12, [
      [0, 8, 1],
      [8, 4, 8],
    ]);
    expect(
      await line(
        "landlock_add_rule",
        [7, 1, 0x7f0000001000n, 0],
        -77,
        [fdPath(0, "/dev/zero"), struct(2, rule), fdPaths(2, [[8, "/dev/full"]])],
        [],
        "path",
      ),
    ).toBe(
      "landlock_add_rule(7</dev/zero>, LANDLOCK_RULE_PATH_BENEATH, {allowed_access=LANDLOCK_ACCESS_FS_EXECUTE, parent_fd=8</dev/full>}, 0) = -1 EBADFD (File descriptor in bad state)\n",
    );
  });
});
