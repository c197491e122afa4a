// -X raw / -X verbose reaching every printer strace applies them to. Expected lines are what
// strace 6.1 printed for `strace -X raw|verbose ls -l /dev/null`, `touch -a`, and a python3
// program making sockets, device nodes and tty ioctls (tools/conformance cases "X ...").

import { describe, expect, it } from "vitest";
import { createDecoder } from "../dist/index.js";
import { nr } from "./helpers/nr.js";
import { bufArg, bytes, concat, cstr, enter, exit, struct } from "./helpers/records.js";

type Style = "abbrev" | "raw" | "verbose";
type Caps = ReturnType<typeof cstr>[];

const line = async (
  constStyle: Style,
  name: string,
  args: (number | bigint)[],
  rval: number | bigint,
  entryCaps: Caps = [],
  exitCaps: Caps = [],
): Promise<string> => {
  const d = await createDecoder({ constStyle });
  return d.decodeToString(concat(enter(1, nr(name), args, entryCaps), exit(1, nr(name), rval, exitCaps)));
};

/** x86_64 struct stat with only the fields a non-verbose line shows. */
const stat = (mode: number, rdev: number): Uint8Array =>
  bytes(144, [
    [24, 4, mode],
    [40, 8, rdev],
  ]);

const bytesOf = (...b: number[]): Uint8Array => Uint8Array.from(b);
const sockaddrIn = bytesOf(2, 0, 0x00, 0x50, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0);
const sockaddrIn6 = bytesOf(10, 0, 0, 0, 0, 0, 0, 0, ...new Array(15).fill(0), 1, 0, 0, 0, 0);

describe("makedev: st_rdev and mknod's dev", () => {
  const st = stat(0o20666, 0x103);
  it("abbrev", async () => {
    expect(await line("abbrev", "mknodat", [-100, 1, 0o20600, 0x103], 0, [cstr(1, "nod")])).toBe(
      'mknodat(AT_FDCWD, "nod", S_IFCHR|0600, makedev(0x1, 0x3)) = 0\n',
    );
  });
  it("raw", async () => {
    expect(await line("raw", "newfstatat", [1, 2, 3, 0x1000], 0, [cstr(1, "")], [struct(2, st)])).toBe(
      'newfstatat(1, "", {st_mode=020666, st_rdev=0x103, ...}, 0x1000) = 0\n',
    );
    expect(await line("raw", "mknodat", [-100, 1, 0o20600, 0x103], 0, [cstr(1, "nod")])).toBe(
      'mknodat(-100, "nod", 020600, 0x103)     = 0\n',
    );
  });
  it("verbose", async () => {
    expect(await line("verbose", "newfstatat", [1, 2, 3, 0x1000], 0, [cstr(1, "")], [struct(2, st)])).toBe(
      'newfstatat(1, "", {st_mode=020666 /* S_IFCHR|0666 */, st_rdev=0x103 /* makedev(0x1, 0x3) */, ...}, 0x1000 /* AT_EMPTY_PATH */) = 0\n',
    );
    expect(await line("verbose", "mknodat", [-100, 1, 0o20600, 0x103], 0, [cstr(1, "nod")])).toBe(
      'mknodat(-100 /* AT_FDCWD */, "nod", 020600 /* S_IFCHR|0600 */, 0x103 /* makedev(0x1, 0x3) */) = 0\n',
    );
  });
  it("no dev for other file types", async () => {
    expect(await line("abbrev", "mknodat", [-100, 1, 0o100600, 0x103], 0, [cstr(1, "nod2")])).toBe(
      'mknodat(AT_FDCWD, "nod2", S_IFREG|0600) = 0\n',
    );
    expect(await line("raw", "mknodat", [-100, 1, 0o100600, 0x103], 0, [cstr(1, "nod2")])).toBe(
      'mknodat(-100, "nod2", 0100600)          = 0\n',
    );
  });
});

describe("socket: family, type field and flags, protocol", () => {
  const eproto = -93;
  it("abbrev: an unknown protocol in hex", async () => {
    expect(await line("abbrev", "socket", [2, 0x80002, 99], eproto)).toBe(
      "socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC, 0x63 /* IPPROTO_??? */) = -1 EPROTONOSUPPORT (Protocol not supported)\n",
    );
  });
  it("raw", async () => {
    expect(await line("raw", "socket", [2, 0x80002, 99], eproto)).toBe(
      "socket(0x2, 0x2|0x80000, 0x63)          = -1 EPROTONOSUPPORT (Protocol not supported)\n",
    );
  });
  it("verbose", async () => {
    expect(await line("verbose", "socket", [2, 0x80002, 99], eproto)).toBe(
      "socket(0x2 /* AF_INET */, 0x2 /* SOCK_DGRAM */|0x80000 /* SOCK_CLOEXEC */, 0x63 /* IPPROTO_??? */) = -1 EPROTONOSUPPORT (Protocol not supported)\n",
    );
  });
  it("setsockopt: an unknown level is SOL_?? and leaves the name decimal", async () => {
    const caps = [bufArg(3, bytesOf(1, 0, 0, 0))];
    expect(await line("abbrev", "setsockopt", [3, 77, 3, 0x1000, 4], -92, caps)).toBe(
      "setsockopt(3, 0x4d /* SOL_?? */, 3, [1], 4) = -1 ENOPROTOOPT (Protocol not available)\n",
    );
    expect(await line("verbose", "setsockopt", [3, 6, 999, 0x1000, 4], -92, caps)).toBe(
      "setsockopt(3, 0x6 /* SOL_TCP */, 0x3e7 /* TCP_??? */, [1], 4) = -1 ENOPROTOOPT (Protocol not available)\n",
    );
  });
});

describe("sockaddr: ports and addresses as network-order bytes", () => {
  it("AF_INET raw", async () => {
    expect(await line("raw", "bind", [3, 0x1000, 16], 0, [bufArg(1, sockaddrIn)])).toBe(
      'bind(3, {sa_family=0x2, sin_port="\\x00\\x50", sin_addr="\\x7f\\x00\\x00\\x01"}, 16) = 0\n',
    );
  });
  it("AF_INET verbose", async () => {
    expect(await line("verbose", "bind", [3, 0x1000, 16], 0, [bufArg(1, sockaddrIn)])).toBe(
      'bind(3, {sa_family=0x2 /* AF_INET */, sin_port="\\x00\\x50" /* htons(80) */, sin_addr="\\x7f\\x00\\x00\\x01" /* inet_addr("127.0.0.1") */}, 16) = 0\n',
    );
  });
  it("AF_INET6 raw and verbose", async () => {
    const z16 = '"\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x01"';
    expect(await line("raw", "bind", [4, 0x1000, 28], 0, [bufArg(1, sockaddrIn6)])).toBe(
      `bind(4, {sa_family=0xa, sin6_port="\\x00\\x00", sin6_flowinfo="\\x00\\x00\\x00\\x00", sin6_addr=${z16}, sin6_scope_id=0}, 28) = 0\n`,
    );
    expect(await line("verbose", "bind", [4, 0x1000, 28], 0, [bufArg(1, sockaddrIn6)])).toBe(
      `bind(4, {sa_family=0xa /* AF_INET6 */, sin6_port="\\x00\\x00" /* htons(0) */, sin6_flowinfo="\\x00\\x00\\x00\\x00" /* htonl(0) */, sin6_addr=${z16} /* inet_pton(AF_INET6, "::1") */, sin6_scope_id=0}, 28) = 0\n`,
    );
  });
  it("AF_NETLINK shows padding a program left", async () => {
    const nl = bytesOf(16, 0, 0x00, 0x61, 0, 0, 0, 0, 0, 0, 0, 0);
    expect(await line("abbrev", "bind", [6, 0x1000, 12], 0, [bufArg(1, nl)])).toBe(
      "bind(6, {sa_family=AF_NETLINK, nl_pad=0x6100, nl_pid=0, nl_groups=00000000}, 12) = 0\n",
    );
  });
});

describe("ioctl requests", () => {
  it("known and unknown requests under verbose", async () => {
    expect(await line("verbose", "ioctl", [0, 0x12345678, 0], -25)).toBe(
      "ioctl(0, 0x12345678 /* _IOC(_IOC_NONE, 0x56, 0x78, 0x1234) */, 0) = -1 ENOTTY (Inappropriate ioctl for device)\n",
    );
    expect(await line("raw", "ioctl", [0, 0x12345678, 0], -25)).toBe(
      "ioctl(0, 0x12345678, 0)                 = -1 ENOTTY (Inappropriate ioctl for device)\n",
    );
  });
  it("FIOCLEX takes no argument", async () => {
    expect(await line("abbrev", "ioctl", [3, 0x5451, 0], 0)).toBe(
      "ioctl(3, FIOCLEX)                       = 0\n",
    );
    expect(await line("verbose", "ioctl", [3, 0x5451, 0], 0)).toBe(
      "ioctl(3, 0x5451 /* FIOCLEX */)          = 0\n",
    );
  });
});

describe("fcntl", () => {
  it("F_GETFL's flags ignore -X, F_GETFD's follow it", async () => {
    expect(await line("verbose", "fcntl", [255, 3], 0x8000)).toBe(
      "fcntl(255, 0x3 /* F_GETFL */)           = 0x8000 (flags O_RDONLY|O_LARGEFILE)\n",
    );
    expect(await line("raw", "fcntl", [255, 3], 0x8000)).toBe(
      "fcntl(255, 0x3)                         = 0x8000 (flags O_RDONLY|O_LARGEFILE)\n",
    );
    expect(await line("raw", "fcntl", [11, 1], 1)).toBe(
      "fcntl(11, 0x1)                          = 0x1 (flags 0x1)\n",
    );
  });
  it("an unknown command's argument in hex", async () => {
    expect(await line("abbrev", "fcntl", [0, 9999, 0], -22)).toBe(
      "fcntl(0, 0x270f /* F_??? */, 0)         = -1 EINVAL (Invalid argument)\n",
    );
  });
});

describe("utimensat's UTIME_NOW / UTIME_OMIT", () => {
  const pair = bytes(32, [
    [8, 8, 0x3fffffff],
    [24, 8, 0x3ffffffe],
  ]);
  it("raw", async () => {
    expect(await line("raw", "utimensat", [0, 0, 0x1000, 0], 0, [struct(2, pair)])).toBe(
      "utimensat(0, NULL, [{tv_sec=0, tv_nsec=1073741823}, {tv_sec=0, tv_nsec=1073741822}], 0) = 0\n",
    );
  });
  it("verbose", async () => {
    expect(await line("verbose", "utimensat", [0, 0, 0x1000, 0], 0, [struct(2, pair)])).toBe(
      "utimensat(0, NULL, [{tv_sec=0, tv_nsec=1073741823} /* UTIME_NOW */, {tv_sec=0, tv_nsec=1073741822} /* UTIME_OMIT */], 0) = 0\n",
    );
  });
});
