// Netlink attributes, sock_diag messages and control messages end to end: one python3 program
// traced by strace 6.1 and by tstrace, lines compared after the conformance tool's normaliser
// (nothing expected is typed by hand). Every payload is sent, so each line is printed from the
// caller's bytes at entry: the kernel's verdict (often an error) is the same for both tracers.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { norm, PYTHON, tracersIn } from "./helpers/tracers.js";

const PRELUDE = [
  "import socket, struct",
  "def hdr(n, t, f): return struct.pack('=IHHII', n, t, f, 0, 0)",
  "def nla(t, v): return struct.pack('=HH', 4 + len(v), t) + v + bytes(-len(v) % 4)",
  "def send(s, t, f, body):",
  "  try:",
  "    s.sendto(hdr(16 + len(body), t, f) + body, (0, 0))",
  "  except OSError:",
  "    pass",
];

// NETLINK_ROUTE: a bridge port's and an IPv6 link's IFLA_PROTINFO, a link's down reasons and
// port profile, nexthop groups with resilient-group nests, a bridge's multicast router ports.
const ROUTE = [
  ...PRELUDE,
  "s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, socket.NETLINK_ROUTE)",
  "s.bind((0, 0))",
  "def link(family, attrs): send(s, 18, 0x301, struct.pack('=BxHiII', family, 772, 1, 1, 0) + attrs)",
  "brport = (nla(1, b'\\3') + nla(2, struct.pack('=H', 32768)) + nla(13, bytes([0x80, 0, 2, 0, 0, 0, 0, 1]))",
  "  + nla(21, struct.pack('=Q', 250)) + nla(22, struct.pack('=I', 0)) + nla(31, struct.pack('=H', 0x8000))",
  "  + nla(34, struct.pack('=I', 1)) + nla(39, b'\\1') + nla(0xbad, b'ab'))",
  "link(7, nla(12, brport))",
  "link(7, nla(12, nla(21, bytes(9))))",
  "inet6 = (nla(1, struct.pack('=I', 0x800000d0)) + nla(2, struct.pack('=3i', 1, -1, 1500))",
  "  + nla(3, struct.pack('=2Q', 7, 1 << 40)) + nla(5, struct.pack('=4I', 1, 2, 3, 4))",
  "  + nla(6, struct.pack('=7Q', *range(7))) + nla(7, socket.inet_pton(socket.AF_INET6, 'fe80::1'))",
  "  + nla(8, b'\\3') + nla(9, struct.pack('=I', 1280)))",
  "link(10, nla(12, inet6))",
  "link(10, nla(12, nla(8, b'\\x09')))",
  "link(2, nla(12, b'abcd'))",
  "link(0, nla(55, nla(1, struct.pack('=I', 0xff)) + nla(2, struct.pack('=I', 4))))",
  "link(0, nla(25, nla(3, bytes([1, 0x61, 0x62, 0x63, 2, 0, 0, 0]))) + nla(25, nla(3, bytes([1, 2, 3, 4, 5, 0, 9, 0]))))",
  "nh = struct.pack('=BBBBI', 2, 0, 3, 0, 0)",
  "grp = nla(2, struct.pack('=IBBH', 1, 2, 0, 0) + struct.pack('=IBBH', 7, 0, 5, 0x1234))",
  "res = nla(12, nla(1, struct.pack('=H', 64)) + nla(2, struct.pack('=I', 120)) + nla(9, b'x'))",
  "bucket = nla(13, nla(1, struct.pack('=H', 3)) + nla(2, struct.pack('=Q', 1)) + nla(3, struct.pack('=I', 9)))",
  "send(s, 106, 0x1, nh + grp + nla(3, struct.pack('=H', 1)) + nla(4, b'') + nla(11, struct.pack('=I', 1)) + res + bucket)",
  "send(s, 106, 0x301, nh + nla(5, struct.pack('=I', 1)) + nla(6, socket.inet_aton('10.0.0.1')) + nla(2, bytes(7)))",
  "router = nla(2, nla(1, struct.pack('=I', 1) + nla(2, b'\\2') + nla(1, struct.pack('=I', 300))))",
  "send(s, 86, 0x301, struct.pack('=Bxxxi', 7, 1) + router + nla(1, nla(1, nla(1, bytes(12)))))",
].join("\n");

// NETLINK_SOCK_DIAG: replies (no NLM_F_REQUEST: the kernel ignores them) of the unix, netlink,
// packet and SMC families with their attributes, and each family's request.
const SOCK_DIAG = [
  ...PRELUDE,
  "s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 4)",
  "s.bind((0, 0))",
  "cookie = struct.pack('=II', 0xdeadbeef, 1)",
  "unix_msg = struct.pack('=BBBxI', 1, 1, 1, 4242) + cookie",
  "send(s, 20, 0x2, unix_msg + nla(1, struct.pack('=II', 99, 0x801)) + nla(4, struct.pack('=II', 3, 5))",
  "  + nla(3, struct.pack('=3I', 7, 8, 9)) + nla(2, struct.pack('=I', 12)) + nla(6, b'\\3'))",
  "send(s, 20, 0x301, struct.pack('=BBxxIII', 16, 255, 7, 0xb, 0) + cookie)",
  "send(s, 20, 0x301, struct.pack('=BBxxIII', 16, 0, 7, 0, 0) + cookie)",
  "nl_msg = struct.pack('=BBBBIIII', 16, 3, 0, 1, 5, 0, 1, 77) + cookie",
  "send(s, 20, 0x2, nl_msg + nla(1, struct.pack('=2Q', 0xdeadbeefbadc0ded, 1)) + nla(2, struct.pack('=4I', 1, 2, 3, 4))",
  "  + nla(4, struct.pack('=I', 0x22)))",
  "send(s, 20, 0x301, struct.pack('=BBxxIII', 17, 0x60, 9, 3, 0) + cookie)",
  "pk_msg = struct.pack('=BBHI', 17, 3, 0x9100, 11) + cookie",
  "mclist = struct.pack('=IIHH32s', 1, 2, 3, 4, b'\\1\\2\\3\\4')",
  "send(s, 20, 0x2, pk_msg + nla(0, struct.pack('=6I', 1, 2, 0, 4, 5, 0x3)) + nla(1, mclist * 2)",
  "  + nla(2, struct.pack('=7I', *range(7))) + nla(4, struct.pack('=I', 6)))",
  "sockid = struct.pack('>HH', 80, 443) + socket.inet_aton('10.1.2.3') + bytes(12) + socket.inet_aton('10.3.2.1') + bytes(12) + struct.pack('=I', 1) + cookie",
  "send(s, 20, 0x301, struct.pack('=BxxB', 43, 1) + sockid)",
  "send(s, 20, 0x2, struct.pack('=BBBB', 43, 1, 1, 2) + sockid + struct.pack('=IQ', 0, 12345) + nla(3, b'\\1'))",
  "send(s, 18, 0x1, struct.pack('=BBBB', 2, 0, 0, 0x10) + sockid + struct.pack('=II', 0x100, 0) + nla(4, b'ab'))",
  "send(s, 20, 0x301, struct.pack('=BBBxI', 2, 6, 0, 0) + sockid + nla(3, struct.pack('=I', 0x106)))",
].join("\n");

// Control messages: SCM_RIGHTS and SCM_CREDENTIALS on a unix socket pair, then each SOL_SOCKET
// and SOL_IP payload strace decodes on a UDP socket (the kernel refuses most: same line).
const CMSG = [
  "import os, socket, struct",
  "a, b = socket.socketpair()",
  "fds = [os.open('/dev/null', os.O_RDONLY) for _ in range(40)]",
  "a.sendmsg([b'x'], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, struct.pack('=40i', *fds))])",
  "a.sendmsg([b'y'], [(socket.SOL_SOCKET, socket.SCM_CREDENTIALS, struct.pack('=iII', 1, 0, 0))])",
  "u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)",
  "dst = ('127.0.0.1', 9)",
  "sin = struct.pack('=H', 2) + struct.pack('>H', 4660) + socket.inet_aton('127.0.0.2') + bytes(8)",
  "for level, kind, data in ((1, 3, b'label'), (1, 29, struct.pack('=qq', 12, 345)), (1, 35, struct.pack('=qq', 12, 345678)),",
  "    (1, 37, struct.pack('=6q', 1, 2, 3, 4, 5, 6)), (1, 63, struct.pack('=qq', -1, 7)), (1, 64, b'\\1\\2'),",
  "    (1, 65, struct.pack('=6q', 1, 2, 3, 4, 5, 6)), (0, 8, struct.pack('=I', 1) + socket.inet_aton('1.2.3.4') + socket.inet_aton('5.6.7.8')),",
  "    (0, 2, struct.pack('=I', 64)), (0, 1, b'\\x10'), (0, 7, b'\\1\\0\\7\\0\\x41'), (0, 6, b'\\0'),",
  "    (0, 11, struct.pack('=IBBBBII', 111, 2, 3, 4, 0, 5, 6) + sin), (0, 20, sin), (0, 23, struct.pack('=I', 9)),",
  "    (0, 99, b'zz'), (6, 1, b'tcp')):",
  "  try:",
  "    u.sendmsg([b'z'], [(level, kind, data)], 0, dst)",
  "  except OSError:",
  "    pass",
].join("\n");

function both(flags: string[], program: string): { ours: string[]; theirs: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "tstrace-net-payloads-"));
  const t = tracersIn(dir);
  const theirs = t.strace(...flags, PYTHON, "-c", program);
  const ours = t.tstrace(...flags, PYTHON, "-c", program);
  expect(theirs.status, theirs.stderr.slice(-800)).toBe(0);
  expect(ours.status, ours.stderr.slice(-800)).toBe(0);
  return { ours: norm(ours.stderr), theirs: norm(theirs.stderr) };
}

const STYLES = [[], ["-v"], ["-s", "4"], ["-X", "raw"], ["-X", "verbose"]];

describe("netlink attributes and sock_diag messages, against strace", () => {
  for (const extra of STYLES) {
    it(`NETLINK_ROUTE protinfo, nexthop, multicast router and port attributes ${extra.join(" ")}`, () => {
      const { ours, theirs } = both([...extra, "-e", "trace=sendto"], ROUTE);
      expect(ours).toEqual(theirs);
      expect(ours.filter((l) => l.startsWith("sendto(")).length).toBe(10);
    });
    it(`NETLINK_SOCK_DIAG unix, netlink, packet, SMC and compat inet messages ${extra.join(" ")}`, () => {
      const { ours, theirs } = both([...extra, "-e", "trace=sendto"], SOCK_DIAG);
      expect(ours).toEqual(theirs);
      expect(ours.filter((l) => l.startsWith("sendto(")).length).toBe(10);
    });
  }
});

describe("control messages, against strace", () => {
  for (const extra of STYLES) {
    it(`SCM_RIGHTS, credentials, timestamps and SOL_IP payloads ${extra.join(" ")}`, () => {
      const { ours, theirs } = both([...extra, "-e", "trace=sendmsg"], CMSG);
      expect(ours).toEqual(theirs);
      expect(ours.some((l) => l.includes("cmsg_data="))).toBe(true);
    });
  }
});
