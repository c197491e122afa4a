// Long-tail decoders (NUMA policy, ioprio, memfd_create, time, sleeps, group lists): records
// carrying the argument values and captured bytes strace 6.1's own test programs use, and the
// lines strace printed for them.

import { CaptureKind, CaptureStatus } from "@tstrace/core";
import { describe, expect, it } from "vitest";
import { createDecoder, type Decoder } from "../dist/index.js";
import { nr } from "./helpers/nr.js";
import { bytes, type Capture, concat, cstr, enter, exit, struct } from "./helpers/records.js";

const array = (arg: number, data: Uint8Array, status = 0): Capture => ({
  arg,
  kind: CaptureKind.ARRAY,
  status,
  data,
});

const line = (
  d: Decoder,
  name: string,
  args: (number | bigint)[],
  rval: number | bigint,
  entryCaps: Capture[] = [],
  exitCaps: Capture[] = [],
): string =>
  d.decodeToString(concat(enter(100, nr(name), args, entryCaps), exit(100, nr(name), rval, exitCaps)));

describe("memory policy", () => {
  it("mbind: a mode with mode flags, a node mask of maxnode bits, mbind's flags", async () => {
    const d = await createDecoder();
    const mask = array(3, bytes(8, [[0, 8, 1]]));
    expect(line(d, "mbind", [0, 0, 1 | (1 << 15), 0x7ffd1000n, 64, 0xffffffff], -22, [mask])).toBe(
      "mbind(NULL, 0, MPOL_PREFERRED|MPOL_F_STATIC_NODES, [0x00000000000001], 64, MPOL_MF_STRICT|MPOL_MF_MOVE|MPOL_MF_MOVE_ALL|0xfffffff8) = -1 EINVAL (Invalid argument)\n",
    );
  });

  it("set_mempolicy under -X raw and verbose", async () => {
    const mask = array(1, bytes(8, [[0, 8, 0]]));
    const raw = await createDecoder({ constStyle: "raw" });
    expect(line(raw, "set_mempolicy", [0x8002, 0x7ffd1000n, 3], 0, [mask])).toBe(
      "set_mempolicy(0x8002, [0000000000000000], 3) = 0\n",
    );
    const verbose = await createDecoder({ constStyle: "verbose" });
    expect(line(verbose, "set_mempolicy", [0x8002, 0x7ffd1000n, 3], 0, [mask])).toBe(
      "set_mempolicy(0x8002 /* MPOL_BIND|MPOL_F_STATIC_NODES */, [0000000000000000], 3) = 0\n",
    );
  });

  it("move_pages: pages, nodes, and each page's status as a node or a negated errno", async () => {
    const d = await createDecoder();
    const pages = array(
      2,
      bytes(16, [
        [0, 8, 0x7f0000001000n],
        [8, 8, 0x7f0000002000n],
      ]),
    );
    const status = array(
      4,
      bytes(8, [
        [0, 4, 0],
        [4, 4, -14],
      ]),
    );
    expect(line(d, "move_pages", [0, 2, 0x7ffd1000n, 0, 0x7ffd3000n, 2], 0, [pages], [status])).toBe(
      "move_pages(0, 2, [0x7f0000001000, 0x7f0000002000], NULL, [0, -EFAULT], MPOL_MF_MOVE) = 0\n",
    );
  });
});

describe("print_array's stops", () => {
  it("setgroups: the readable gids, then where the memory ended; -1 as -1", async () => {
    const d = await createDecoder();
    // The capture ran into an unmapped page after one gid: native kept the readable prefix.
    const gids = array(1, bytes(4, [[0, 4, 0xffffffff]]), CaptureStatus.PARTIAL);
    expect(line(d, "setgroups", [2, 0x7fbb96378ffcn], -22, [gids])).toBe(
      "setgroups(2, [-1, ... /* 0x7fbb96379000 */]) = -1 EINVAL (Invalid argument)\n",
    );
  });
});

describe("ioprio", () => {
  it("ioprio_get's result follows its return value; raw leaves it out", async () => {
    const abbrev = await createDecoder();
    expect(line(abbrev, "ioprio_get", [1, 0], (2 << 13) | 4)).toBe(
      "ioprio_get(IOPRIO_WHO_PROCESS, 0)       = 16388 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4))\n",
    );
    const raw = await createDecoder({ constStyle: "raw" });
    expect(line(raw, "ioprio_get", [1, 0], (2 << 13) | 4)).toBe(
      "ioprio_get(0x1, 0)                      = 16388\n",
    );
  });

  it("ioprio_set under -X verbose: the number, the macro in a comment", async () => {
    const d = await createDecoder({ constStyle: "verbose" });
    expect(line(d, "ioprio_set", [2, 5, 8191], -22)).toBe(
      "ioprio_set(0x2 /* IOPRIO_WHO_PGRP */, 5, 8191 /* IOPRIO_PRIO_VALUE(0 /* IOPRIO_CLASS_NONE */, 8191) */) = -1 EINVAL (Invalid argument)\n",
    );
  });
});

describe("memfd_create", () => {
  it("a name without a NUL before an unmapped page: its first 250 bytes", async () => {
    const d = await createDecoder({ strsize: 256 });
    const name = "0123456789".repeat(25);
    const cap = cstr(0, name, CaptureStatus.PARTIAL);
    expect(line(d, "memfd_create", [0x7f0dfafb4f06n, 0xfacefeed00000007n], -22, [cap])).toBe(
      `memfd_create("${name}"..., MFD_CLOEXEC|MFD_ALLOW_SEALING|MFD_HUGETLB) = -1 EINVAL (Invalid argument)\n`,
    );
  });

  it("a huge page size as a shift", async () => {
    const d = await createDecoder();
    expect(line(d, "memfd_create", [0x7f0dfafb4f06n, 30 << 26], -22, [cstr(0, "x")])).toBe(
      'memfd_create("x", 30<<MFD_HUGE_SHIFT)   = -1 EINVAL (Invalid argument)\n',
    );
  });
});

describe("time and sleeps", () => {
  it("time: the value and its date, in the argument and after the return value", async () => {
    const d = await createDecoder();
    const t = struct(0, bytes(8, [[0, 8, 1492356708]]));
    expect(line(d, "time", [0x7ffd1000n], 1492356708, [], [t])).toBe(
      "time([1492356708 /* 2017-04-16T15:31:48+0000 */]) = 1492356708 (2017-04-16T15:31:48+0000)\n",
    );
  });

  it("nanosleep: the time left only when a signal interrupted it", async () => {
    const d = await createDecoder();
    const req = struct(
      0,
      bytes(16, [
        [0, 8, 0],
        [8, 8, 999999999],
      ]),
    );
    const rem = struct(
      1,
      bytes(16, [
        [0, 8, 0],
        [8, 8, 885700336],
      ]),
    );
    expect(line(d, "nanosleep", [0x7ffd1000n, 0x7ffd2000n], -516, [req], [rem])).toBe(
      "nanosleep({tv_sec=0, tv_nsec=999999999}, {tv_sec=0, tv_nsec=885700336}) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)\n",
    );
    const bad = struct(
      0,
      bytes(16, [
        [0, 8, -1],
        [8, 8, -1],
      ]),
    );
    expect(line(d, "nanosleep", [0x7ffd1000n, 0x7ffd2000n], -22, [bad])).toBe(
      "nanosleep({tv_sec=-1, tv_nsec=18446744073709551615}, 0x7ffd2000) = -1 EINVAL (Invalid argument)\n",
    );
  });
});

describe("mknod", () => {
  it("the mode as the unsigned short it is, an unknown type in octal, dev as an unsigned int", async () => {
    const d = await createDecoder();
    const path = cstr(0, "../mknod");
    expect(line(d, "mknod", [0x7ffd1000n, 0xdeadbeefffffffffn, 0], -22, [path])).toBe(
      'mknod("../mknod", 0177777)              = -1 EINVAL (Invalid argument)\n',
    );
    expect(line(d, "mknod", [0x7ffd1000n, 0xdeadbeefffff2014n, 0xdeadbeef00000107n], -17, [path])).toBe(
      'mknod("../mknod", S_IFCHR|024, makedev(0x1, 0x7)) = -1 EEXIST (File exists)\n',
    );
  });
});
