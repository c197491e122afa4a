// Netlink payloads and socket options end to end: the same python3 program traced by strace 6.1
// and by tstrace, lines compared after the conformance tool's normaliser (nothing expected is typed
// by hand). The programs make the awkward cases strace's decoder handles: a socket not bound yet
// (no protocol known), messages that run into an unreadable page, errors echoing the request with
// extended-ack attributes, NLMSG_DONE, -s and -v limits, -X styles, and each socket option level.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { norm, PYTHON, tracersIn } from "./helpers/tracers.js";

const PRELUDE = [
  "import ctypes, mmap, socket, struct",
  "libc = ctypes.CDLL(None, use_errno=True)",
  "libc.sendto.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_void_p, ctypes.c_int]",
  "def hdr(n, t, f, seq=0): return struct.pack('=IHHII', n, t, f, seq, 0)",
  // Two pages, the second made unreadable: a buffer placed at the end of the first runs into it.
  "page = mmap.PAGESIZE",
  "area = mmap.mmap(-1, 2 * page)",
  "base = ctypes.addressof(ctypes.c_char.from_buffer(area))",
  "libc.mprotect(ctypes.c_void_p(base + page), page, 0)",
  "def at_end(data, cut):",
  "  off = page - len(data) + cut",
  "  area[off:off + len(data) - cut] = data[:len(data) - cut]",
  "  return base + off",
  "def done(d):",
  "  o = 0",
  "  while o + 16 <= len(d):",
  "    l, t = struct.unpack('=IH', d[o:o + 6])",
  "    if t in (2, 3) or l < 16: return True",
  "    o += (l + 3) & ~3",
  "  return len(d) == 0",
  "def replies(s):",
  "  while not done(s.recv(65536)): pass",
];

const ROUTE = [
  ...PRELUDE,
  "s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, socket.NETLINK_ROUTE)",
  // Not bound yet: sock_diag does not know the socket, so strace knows no protocol either.
  "s.sendto(hdr(20, 22, 0x301, 1) + struct.pack('=BBBBI', 2, 8, 0, 0, 0), (0, 0))",
  "replies(s)",
  "s.setsockopt(270, 11, 1)",
  "s.getsockname()",
  "if LINKS:",
  "  s.sendto(hdr(32, 18, 0x301, 2) + struct.pack('=BxHiII', 0, 0, 1, 0, 0), (0, 0))",
  "  replies(s)",
  "s.sendto(hdr(28, 26, 0x301, 3) + struct.pack('=BBBBBBBBI', 2, 0, 0, 0, 254, 0, 0, 0, 0), (0, 0))",
  "replies(s)",
  // Traffic-control statistics and a size table nested in a qdisc message, an action's
  // attributes, a neighbour table's config, a cache report of the IPv4 multicast family: the
  // kernel refuses most, and its error echoes each request.
  "def nla(t, v): return struct.pack('=HH', 4 + len(v), t) + v + bytes(-len(v) % 4)",
  "tc = struct.pack('=BxxxiIII', 0, 1, 0, 0, 0)",
  "stats2 = nla(7, nla(1, struct.pack('=QI', 1 << 40, 7)) + nla(3, struct.pack('=5I', 1, 2, 3, 4, 5)) + nla(8, struct.pack('=Q', 9)))",
  "stab = nla(8, nla(1, struct.pack('=BBhiIIII', 1, 2, -3, -4, 5, 6, 7, 8)) + nla(2, struct.pack('=3H', 1, 2, 3)))",
  "for body in (tc + nla(3, struct.pack('=QIIIIIII', 1, 2, 3, 4, 5, 6, 7, 8)) + nla(5, struct.pack('=bB', -2, 3)), tc + stats2, tc + stab):",
  "  s.sendto(hdr(16 + len(body), 38, 5, 6) + body, (0, 0))",
  "  replies(s)",
  "act = struct.pack('=Bxxx', 2) + nla(1, b'gact\\0') + nla(3, struct.pack('=I', 7)) + nla(7, struct.pack('=I', 0xff)) + nla(11, b'ab')",
  "s.sendto(hdr(16 + len(act), 50, 5, 7) + act, (0, 0))",
  "replies(s)",
  "ndt = struct.pack('=Bxxx', 2) + nla(4, struct.pack('=HHIIIIIII', 1, 2, 3, 4, 5, 6, 0xff, 8, 9)) + nla(6, nla(1, struct.pack('=I', 1)) + nla(3, struct.pack('=Q', 30000)))",
  "s.sendto(hdr(16 + len(ndt), 66, 5, 8) + ndt, (0, 0))",
  "replies(s)",
  "for fam in (128, 129, 0):",
  "  cr = struct.pack('=Bxxx', fam) + nla(1, b'\\1') + nla(2, struct.pack('=I', 3)) + nla(3, bytes(16))",
  "  s.sendto(hdr(16 + len(cr), 96, 5, 9) + cr, (0, 0))",
  "  replies(s)",
  // udev's monitor messages on a NETLINK_KOBJECT_UEVENT socket: the libudev header, then the
  // properties; the kernel's own uevents are text.
  "u = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 15)",
  "uh = b'libudev\\0' + struct.pack('>I', 0xfeedcafe) + struct.pack('=III', 40, 40, 8) + struct.pack('>IIII', 1, 2, 3, 4)",
  "for m in (uh + b'ACTION=x', uh, b'add@/devices'):",
  "  try:",
  "    u.sendto(m, (0, 0))",
  "  except OSError:",
  "    pass",
  // An unknown type: the error echoes the request; a short ifaddrmsg.
  "s.sendto(hdr(20, 0x3ff, 5, 4) + b'abcd', (0, 0))",
  "replies(s)",
  "s.sendto(hdr(17, 22, 5, 5) + b'c', (0, 0))",
  "replies(s)",
  // Unreadable from a struct's first byte on (strace warns of reads cut inside one, tstrace not
  // yet): a second message, a link message's body, an error's body; then a short tail, nothing.
  "two = hdr(20, 0x10, 1) + b'abcd' + hdr(20, 0x10, 1) + b'efgh'",
  "libc.sendto(s.fileno(), at_end(two, 20), len(two), 0x40, None, 0)",
  "libc.sendto(s.fileno(), at_end(hdr(32, 16, 1) + bytes(16), 16), 32, 0x40, None, 0)",
  "libc.sendto(s.fileno(), at_end(hdr(20, 2, 1) + bytes(4), 4), 20, 0x40, None, 0)",
  "s.sendto(b'\\x14\\x00\\x00\\x00', (0, 0))",
  "try:",
  "  s.sendto(b'', (0, 0))",
  "except OSError:",
  "  pass",
].join("\n");

const SOCK_DIAG = [
  ...PRELUDE,
  "s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 4)",
  "for fam in (2, 10):",
  "  s.sendto(hdr(72, 20, 0x301) + struct.pack('=BBBxI', fam, 6, 0, 0) + bytes(48), (0, 0))",
  "  replies(s)",
  "s.sendto(hdr(40, 20, 1) + struct.pack('=BBxx', 1, 0) + bytes(20), (0, 0))",
  "replies(s)",
  "m = socket.socket(socket.AF_NETLINK, socket.SOCK_DGRAM, socket.NETLINK_ROUTE)",
  "h = hdr(24, 22, 0x301, 7) + struct.pack('=BBBBI', 2, 0, 0, 0, 0)",
  "m.sendmsg([h[:16], h[16:]], [], 0, (0, 0))",
  "while not done(m.recvmsg(65536)[0]): pass",
].join("\n");

const SOCKOPTS = [
  "import socket, struct",
  "t = socket.socket()",
  "t.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)",
  "t.setsockopt(socket.SOL_IP, 11, 1)",
  "t.getsockopt(socket.SOL_IP, socket.IP_TTL)",
  "t.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, bytes(8))",
  "t.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, b'\\x01\\0\\0\\0\\0')",
  "u = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)",
  "u.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)",
  "u.setsockopt(socket.SOL_UDP, 1, 1)",
  // Values strace prints as structs by level and name, whether or not the call succeeds.
  "t.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8)",
  "t.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 5)",
  "t.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR, 4)",
  "t.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR, 2)",
  "t.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE, 3)",
  "t.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 6)",
  "t.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 2)",
  "t.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('=ii', 1, 5))",
  "for level, name, value in ((socket.SOL_IP, socket.IP_ADD_MEMBERSHIP, socket.inet_aton('224.0.0.3') + socket.inet_aton('127.0.0.1')),",
  "    (socket.SOL_IP, socket.IP_ADD_MEMBERSHIP, b'1234567'),",
  "    (socket.IPPROTO_IPV6, 27, socket.inet_pton(socket.AF_INET6, 'ff01::c') + struct.pack('=I', 1)),",
  "    (263, 1, struct.pack('=iHH8s', 1, 1, 6, b'\\xff' * 8)), (263, 5, struct.pack('=IIII', 4096, 1, 2048, 2)),",
  "    (255, 1, struct.pack('=I', 0x1839)), (255, 1, struct.pack('=I', 0xfffffff0)), (255, 1, b''),",
  "    (socket.SOL_SOCKET, 74, struct.pack('=i', -1)), (socket.SOL_SOCKET, 74, struct.pack('=i', 1))):",
  "  try:",
  "    t.setsockopt(level, name, value)",
  "  except OSError:",
  "    pass",
  "for level, name, size in ((263, 6, 12), (263, 6, 4), (255, 1, 4), (socket.SOL_SOCKET, 74, 4)):",
  "  try:",
  "    t.getsockopt(level, name, size)",
  "  except OSError:",
  "    pass",
  // MSG_TRUNC returns the datagram's length: strace prints the bytes that fit the buffer.
  "a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)",
  "a.send(b'hello')",
  "b.recv(2, socket.MSG_TRUNC)",
  "n = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)",
  "n.setsockopt(270, 11, 1)",
  "n.getsockopt(270, 11, 4)",
  "n.getsockopt(270, 9, 8)",
  "for level, name, value in ((270, 1, b'\\1\\0\\0'), (socket.SOL_IP, 200, b'\\1\\0\\0\\0'), (999, 1, b'ab')):",
  "  try:",
  "    n.setsockopt(level, name, value)",
  "  except OSError:",
  "    pass",
].join("\n");

function both(flags: string[], program: string): { ours: string[]; theirs: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "tstrace-netlink-"));
  const t = tracersIn(dir);
  const theirs = t.strace(...flags, PYTHON, "-c", program);
  const ours = t.tstrace(...flags, PYTHON, "-c", program);
  expect(theirs.status, theirs.stderr.slice(-800)).toBe(0);
  expect(ours.status, ours.stderr.slice(-800)).toBe(0);
  return { ours: norm(ours.stderr), theirs: norm(theirs.stderr) };
}

describe("netlink payloads, against strace", () => {
  const network = ["-e", "trace=sendto,recvfrom,sendmsg,recvmsg,setsockopt,getsockname"];
  // Under -v a link's every attribute prints, some of which (IFLA_LINKINFO, IFLA_AF_SPEC, …)
  // tstrace does not decode yet: that run leaves the link dump out.
  for (const extra of [[], ["-s", "8"], ["-v"], ["-X", "raw"], ["-X", "verbose"], ["-yy"]]) {
    it(`NETLINK_ROUTE requests, replies, errors and unreadable tails ${extra.join(" ")}`, () => {
      const links = extra[0] === "-v" ? "LINKS = False" : "LINKS = True";
      const { ours, theirs } = both([...extra, ...network], `${links}\n${ROUTE}`);
      expect(ours).toEqual(theirs);
      expect(ours.some((l) => l.includes("{nla_len=8, nla_type="))).toBe(true);
    });
  }
  it("NETLINK_SOCK_DIAG requests and sendmsg/recvmsg iovecs", () => {
    const { ours, theirs } = both(network, SOCK_DIAG);
    expect(ours).toEqual(theirs);
    expect(ours.some((l) => l.includes("sdiag_family=AF_INET6"))).toBe(true);
  });
});

describe("socket options, against strace", () => {
  it("names each level's options and prints the values strace decodes", () => {
    const { ours, theirs } = both(["-e", "trace=setsockopt,getsockopt,recvfrom"], SOCKOPTS);
    expect(ours).toEqual(theirs);
    expect(ours.some((l) => l.includes("SOL_NETLINK, NETLINK_EXT_ACK, [1], 4"))).toBe(true);
    expect(ours.some((l) => l.includes("SO_RCVBUF, [") && l.includes("[6 => 4]"))).toBe(true);
    expect(ours.some((l) => l.includes('"he", 2, MSG_TRUNC'))).toBe(true);
  });
});
