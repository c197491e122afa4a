// Syscall families real programs make (select, msghdr, timers, openat2, mremap, …): each expected
// string is a line strace 6.1 printed for a python3 script, and the record carries the same
// argument values and captured bytes.

import { beforeEach, describe, expect, it } from "vitest";
import { createDecoder, type Decoder } from "../dist/index.js";
import { nr } from "./helpers/nr.js";
import {
  bufArg,
  bytes,
  type Capture,
  concat,
  cstr,
  enter,
  exit,
  fdset,
  indirect,
  mmsghdr,
  msghdr,
  struct,
} from "./helpers/records.js";

let d: Decoder;
beforeEach(async () => {
  d = await createDecoder();
});

const call = (
  name: string,
  args: (number | bigint)[],
  rval: number | bigint,
  entryCaps: Capture[] = [],
  exitCaps: Capture[] = [],
): string =>
  d.decodeToString(concat(enter(100, nr(name), args, entryCaps), exit(100, nr(name), rval, exitCaps)));

const timespec = (arg: number, sec: number, nsec: number): Capture =>
  struct(
    arg,
    bytes(16, [
      [0, 8, sec],
      [8, 8, nsec],
    ]),
  );
const pair = (arg: number, a: [number, number], b: [number, number]): Capture =>
  struct(
    arg,
    bytes(32, [
      [0, 8, a[0]],
      [8, 8, a[1]],
      [16, 8, b[0]],
      [24, 8, b[1]],
    ]),
  );

describe("select family", () => {
  it("pselect6 prints the sets, then the ready ones and the time left", () => {
    const line = call(
      "pselect6",
      [6, 0x7ffd1000n, 0, 0, 0x7ffd2000n, 0],
      1,
      [fdset(1, [3, 5]), timespec(4, 0, 500000000)],
      [fdset(1, [3]), timespec(4, 0, 499996132)],
    );
    expect(line).toBe(
      "pselect6(6, [3 5], NULL, NULL, {tv_sec=0, tv_nsec=500000000}, NULL) = 1 (in [3], left {tv_sec=0, tv_nsec=499996132})\n",
    );
  });

  it("pselect6 with a write set and no timeout", () => {
    const line = call(
      "pselect6",
      [6, 0x7ffd1000n, 0x7ffd1080n, 0, 0, 0],
      1,
      [fdset(1, [5]), fdset(2, [4])],
      [fdset(1, []), fdset(2, [4])],
    );
    expect(line).toBe("pselect6(6, [5], [4], NULL, NULL, NULL) = 1 (out [4])\n");
  });

  it("pselect6 timing out, and with no sets at all", () => {
    expect(
      call("pselect6", [6, 0x7ffd1000n, 0, 0, 0x7ffd2000n, 0], 0, [fdset(1, [5]), timespec(4, 0, 10000000)]),
    ).toBe("pselect6(6, [5], NULL, NULL, {tv_sec=0, tv_nsec=10000000}, NULL) = 0 (Timeout)\n");
    expect(call("pselect6", [0, 0, 0, 0, 0x7ffd2000n, 0], 0, [timespec(4, 0, 0)])).toBe(
      "pselect6(0, NULL, NULL, NULL, {tv_sec=0, tv_nsec=0}, NULL) = 0 (Timeout)\n",
    );
  });

  it("pselect6's sigmask data with a NULL set", () => {
    const data = indirect(
      5,
      bytes(16, [
        [0, 8, 0],
        [8, 8, 8],
      ]),
      undefined,
    );
    const line = call("pselect6", [6, 0x7ffd1000n, 0, 0, 0x7ffd2000n, 0x7ffd3000n], 0, [
      fdset(1, [5]),
      timespec(4, 0, 10000000),
      data,
    ]);
    expect(line).toBe(
      "pselect6(6, [5], NULL, NULL, {tv_sec=0, tv_nsec=10000000}, {sigmask=NULL, sigsetsize=8}) = 0 (Timeout)\n",
    );
  });
});

it("select prints timevals, and empty parentheses when no set bit survived", () => {
  const tv = (sec: number, usec: number): Capture =>
    struct(
      4,
      bytes(16, [
        [0, 8, sec],
        [8, 8, usec],
      ]),
    );
  expect(
    call(
      "select",
      [4, 0x7ffd1000n, 0, 0, 0x7ffd2000n],
      1,
      [fdset(1, [3]), tv(2, 5)],
      [fdset(1, [3]), tv(2, 1)],
    ),
  ).toBe("select(4, [3], NULL, NULL, {tv_sec=2, tv_usec=5}) = 1 (in [3], left {tv_sec=2, tv_usec=1})\n");
  expect(
    call(
      "select",
      [4, 0x7ffd1000n, 0x7ffd1000n, 0, 0],
      1,
      [fdset(1, [3]), fdset(2, [3])],
      [fdset(1, []), fdset(2, [])],
    ),
  ).toBe("select(4, [3], [3], NULL, NULL)         = 1 ()\n");
});

it("pselect6's sigmask read through its pointer", () => {
  const data = indirect(
    5,
    bytes(16, [
      [0, 8, 0x7ffd4000n],
      [8, 8, 8],
    ]),
    bytes(8, [[0, 8, 1n << 1n]]),
  );
  const line = call(
    "pselect6",
    [5, 0x7ffd1000n, 0x7ffd1080n, 0, 0, 0x7ffd3000n],
    1,
    [fdset(1, []), fdset(2, [4]), data],
    [fdset(1, []), fdset(2, [4])],
  );
  expect(line).toBe("pselect6(5, [], [4], NULL, NULL, {sigmask=[INT], sigsetsize=8}) = 1 (out [4])\n");
});

describe("sendmsg and recvmsg", () => {
  const rights = (fd: number): Uint8Array =>
    bytes(24, [
      [0, 8, 20],
      [8, 4, 1],
      [12, 4, 1],
      [16, 4, fd],
    ]);
  const creds = bytes(32, [
    [0, 8, 28],
    [8, 4, 1],
    [12, 4, 2],
    [16, 4, 12929],
    [20, 4, 0],
    [24, 4, 0],
  ]);
  const inet = new Uint8Array([2, 0, 0x15, 0xb3, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);

  it("sendmsg with two iovecs and SCM_RIGHTS", () => {
    const m = msghdr(1, {
      name: 0n,
      namelen: 0,
      iov: 0x7ffd1000n,
      iovs: [
        { base: 0x7f0000001000n, len: 5, data: "hello" },
        { base: 0x7f0000002000n, len: 5, data: "world" },
      ],
      control: 0x7ffd2000n,
      controllen: 24,
      controlBytes: rights(5),
      flags: 0,
    });
    expect(call("sendmsg", [3, 0x7ffd0000n, 0], 10, [m])).toBe(
      'sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="hello", iov_len=5}, {iov_base="world", iov_len=5}], msg_iovlen=2, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[5]}], msg_controllen=24, msg_flags=0}, 0) = 10\n',
    );
  });

  it("recvmsg with SCM_CREDENTIALS, the caller's namelen and MSG_DONTWAIT", () => {
    const fields = {
      name: 0x7ffe964975b0n,
      iov: 0x7ffd1000n,
      control: 0x7ffd2000n,
      controllen: 32,
      flags: 0,
    };
    const atEntry = msghdr(1, {
      ...fields,
      namelen: 110,
      iovs: [{ base: 0x7f0000001000n, len: 16, data: "" }],
    });
    const atExit = msghdr(1, {
      ...fields,
      namelen: 0,
      iovs: [{ base: 0x7f0000001000n, len: 16, data: "x" }],
      controlBytes: creds,
    });
    expect(call("recvmsg", [4, 0x7ffd0000n, 0x40], 1, [atEntry], [atExit])).toBe(
      'recvmsg(4, {msg_name=0x7ffe964975b0, msg_namelen=110 => 0, msg_iov=[{iov_base="x", iov_len=16}], msg_iovlen=1, msg_control=[{cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=12929, uid=0, gid=0}}], msg_controllen=32, msg_flags=0}, MSG_DONTWAIT) = 1\n',
    );
  });

  it("a failed recvmsg shows only the caller's namelen", () => {
    const atEntry = msghdr(1, {
      name: 0x7ffe964975b0n,
      namelen: 110,
      iov: 0x7ffd1000n,
      iovs: [{ base: 0x7f0000001000n, len: 16, data: "" }],
      control: 0n,
      controllen: 0,
      flags: 0,
    });
    expect(call("recvmsg", [4, 0x7ffd0000n, 0x40], -11, [atEntry])).toBe(
      "recvmsg(4, {msg_namelen=110}, MSG_DONTWAIT) = -1 EAGAIN (Resource temporarily unavailable)\n",
    );
  });

  it("sendmsg to an AF_INET address without control data", () => {
    const m = msghdr(1, {
      name: 0x7ffd3000n,
      namelen: 16,
      nameBytes: inet,
      iov: 0x7ffd1000n,
      iovs: [{ base: 0x7f0000001000n, len: 3, data: "abc" }],
      control: 0n,
      controllen: 0,
      flags: 0,
    });
    expect(call("sendmsg", [8, 0x7ffd0000n, 0], 3, [m])).toBe(
      'sendmsg(8, {msg_name={sa_family=AF_INET, sin_port=htons(5555), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="abc", iov_len=3}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 3\n',
    );
  });
});

describe("sendmmsg and recvmmsg", () => {
  const hdr = (base: bigint, len: number, data: string) => ({
    name: 0n,
    namelen: 0,
    iov: base - 0x1000n,
    iovs: [{ base, len, data }],
    control: 0n,
    controllen: 0,
    flags: 0,
  });

  it("sendmmsg prints the vector at exit with each msg_len", () => {
    const v = mmsghdr(1, [
      { msgLen: 3, hdr: hdr(0x7f0000001000n, 3, "one") },
      { msgLen: 5, hdr: hdr(0x7f0000002000n, 5, "three") },
    ]);
    expect(call("sendmmsg", [3, 0x7ffd0000n, 2, 0], 2, [], [v])).toBe(
      'sendmmsg(3, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="one", iov_len=3}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=3}, {msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="three", iov_len=5}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=5}], 2, 0) = 2\n',
    );
  });

  it("recvmmsg prints the entries received; a failed one the address", () => {
    const atEntry = mmsghdr(1, [
      { msgLen: 0, hdr: hdr(0x7f0000001000n, 8, "") },
      { msgLen: 0, hdr: hdr(0x7f0000002000n, 8, "") },
    ]);
    const atExit = mmsghdr(1, [
      { msgLen: 3, hdr: hdr(0x7f0000001000n, 8, "one") },
      { msgLen: 5, hdr: hdr(0x7f0000002000n, 8, "three") },
    ]);
    expect(call("recvmmsg", [4, 0x7ffd0000n, 2, 0x40, 0], 2, [atEntry], [atExit])).toBe(
      'recvmmsg(4, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="one", iov_len=8}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=3}, {msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="three", iov_len=8}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=5}], 2, MSG_DONTWAIT, NULL) = 2\n',
    );
    expect(call("recvmmsg", [4, 0x7ff2f42682b0n, 2, 0x40, 0], -11, [atEntry])).toBe(
      "recvmmsg(4, 0x7ff2f42682b0, 2, MSG_DONTWAIT, NULL) = -1 EAGAIN (Resource temporarily unavailable)\n",
    );
  });
});

describe("timers, openat2, mremap, scheduling, sendfile", () => {
  it("timerfd_settime and timerfd_gettime print struct itimerspec", () => {
    expect(
      call(
        "timerfd_settime",
        [3, 0, 0x7ffd1000n, 0x7ffd2000n],
        0,
        [pair(2, [0, 250000000], [1, 500000000])],
        [pair(3, [0, 0], [0, 0])],
      ),
    ).toBe(
      "timerfd_settime(3, 0, {it_interval={tv_sec=0, tv_nsec=250000000}, it_value={tv_sec=1, tv_nsec=500000000}}, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}) = 0\n",
    );
    expect(call("timerfd_settime", [3, 1, 0x7ffd1000n, 0], 0, [pair(2, [0, 0], [0, 0])])).toBe(
      "timerfd_settime(3, TFD_TIMER_ABSTIME, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}, NULL) = 0\n",
    );
    expect(call("timerfd_gettime", [3, 0x7ffd2000n], 0, [], [pair(1, [0, 0], [0, 0])])).toBe(
      "timerfd_gettime(3, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}) = 0\n",
    );
  });

  it("setitimer and getitimer print struct itimerval", () => {
    expect(
      call(
        "setitimer",
        [0, 0x7ffd1000n, 0x7ffd2000n],
        0,
        [pair(1, [0, 250000], [10, 500000])],
        [pair(2, [0, 0], [0, 0])],
      ),
    ).toBe(
      "setitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=250000}, it_value={tv_sec=10, tv_usec=500000}}, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}) = 0\n",
    );
    expect(call("getitimer", [0, 0x7ffd2000n], 0, [], [pair(1, [0, 250000], [10, 499930])])).toBe(
      "getitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=250000}, it_value={tv_sec=10, tv_usec=499930}}) = 0\n",
    );
  });

  it("openat2 prints struct open_how, its mode only when set or creating", () => {
    const how = (flags: number, mode: number, resolve: number): Capture =>
      bufArg(
        2,
        bytes(24, [
          [0, 8, flags],
          [8, 8, mode],
          [16, 8, resolve],
        ]),
      );
    expect(call("openat2", [-100, 1, 0x7ffd1000n, 24], 3, [cstr(1, "a.txt"), how(0o2000000, 0, 0)])).toBe(
      'openat2(AT_FDCWD, "a.txt", {flags=O_RDONLY|O_CLOEXEC, resolve=0}, 24) = 3\n',
    );
    expect(call("openat2", [-100, 1, 0x7ffd1000n, 24], 4, [cstr(1, "n.tmp"), how(0o101, 0o600, 0x0c)])).toBe(
      'openat2(AT_FDCWD, "n.tmp", {flags=O_WRONLY|O_CREAT, mode=0600, resolve=RESOLVE_NO_SYMLINKS|RESOLVE_BENEATH}, 24) = 4\n',
    );
    expect(call("openat2", [-100, 1, 0x7f5f361ac4f0n, 8], -22, [cstr(1, "a.txt"), how(0, 0, 0)])).toBe(
      'openat2(AT_FDCWD, "a.txt", 0x7f5f361ac4f0, 8) = -1 EINVAL (Invalid argument)\n',
    );
  });

  it("openat2 prints the bytes past open_how when they are not zeros, ??? when unreadable", () => {
    const big = new Uint8Array(32);
    big[0] = 0x80;
    big.set([0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87], 24);
    const args = [-1, 1, 0x7ffd1000n, 32];
    expect(call("openat2", args, -7, [cstr(1, "s"), bufArg(2, big)])).toBe(
      'openat2(-1, "s", {flags=O_RDONLY|O_EXCL, resolve=0, /* bytes 24..31 */ "\\x80\\x81\\x82\\x83\\x84\\x85\\x86\\x87"}, 32) = -1 E2BIG (Argument list too long)\n',
    );
    // CS_PARTIAL (3): the first 24 bytes were readable, the rest not.
    expect(call("openat2", args, -14, [cstr(1, "s"), bufArg(2, big.subarray(0, 24), 3)])).toBe(
      'openat2(-1, "s", {flags=O_RDONLY|O_EXCL, resolve=0, ???}, 32) = -1 EFAULT (Bad address)\n',
    );
    expect(call("openat2", args, -7, [cstr(1, "s"), bufArg(2, new Uint8Array(32))])).toBe(
      'openat2(-1, "s", {flags=O_RDONLY, resolve=0}, 32) = -1 E2BIG (Argument list too long)\n',
    );
  });

  it("mremap prints its new address only with MREMAP_FIXED", () => {
    expect(call("mremap", [0x7f37306be000n, 8192, 16384, 1, 0], 0x7f37300c4000n)).toBe(
      "mremap(0x7f37306be000, 8192, 16384, MREMAP_MAYMOVE) = 0x7f37300c4000\n",
    );
    expect(call("mremap", [0x7f37300c4000n, 16384, 4096, 0, 0], 0x7f37300c4000n)).toBe(
      "mremap(0x7f37300c4000, 16384, 4096, 0)  = 0x7f37300c4000\n",
    );
  });

  it("sched_getscheduler names the policy it returns; sched_getparam the priority", () => {
    expect(call("sched_getscheduler", [0], 0)).toBe(
      "sched_getscheduler(0)                   = 0 (SCHED_OTHER)\n",
    );
    expect(call("sched_getparam", [0, 0x7ffd1000n], 0, [], [struct(1, bytes(4, [[0, 4, 0]]))])).toBe(
      "sched_getparam(0, [0])                  = 0\n",
    );
  });

  it("sendfile shows the offset it moved", () => {
    const off = (v: number): Capture => struct(2, bytes(8, [[0, 8, v]]));
    expect(call("sendfile", [4, 3, 0x7ffd1000n, 5], 5, [off(0)], [off(5)])).toBe(
      "sendfile(4, 3, [0] => [5], 5)           = 5\n",
    );
    expect(call("sendfile", [4, 3, 0, 5], 5)).toBe("sendfile(4, 3, NULL, 5)                 = 5\n");
  });
});
