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

// NETLINK_ROUTE link and statistics attributes: a VF's settings, statistics and VLAN list
// (IFLA_VFINFO_LIST), per-family IFLA_AF_SPEC of an inet and of a bridge link, and RTM_GETSTATS
// with bridge, bond, offload and MPLS statistics (some with bytes past their struct); a multipath
// route whose next hops carry their own gateway and via attributes; a multicast database entry.
const LINK_STATS = [
  ...PRELUDE,
  "s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, socket.NETLINK_ROUTE)",
  "s.bind((0, 0))",
  "def link(family, attrs): send(s, 18, 0x301, struct.pack('=BxHiII', family, 1, 1, 1, 0) + attrs)",
  "vf = (nla(1, struct.pack('=I', 3) + bytes(range(0x80, 0xa0))) + nla(2, struct.pack('=3I', 1, 100, 2))",
  "  + nla(5, struct.pack('=2I', 1, 1)) + nla(6, struct.pack('=3I', 1, 10, 20))",
  "  + nla(8, nla(0, struct.pack('=Q', 5)) + nla(7, struct.pack('=Q', 9)) + nla(6, b'pad!'))",
  "  + nla(10, struct.pack('=IQ', 2, 0xdeadbeef)) + nla(11, struct.pack('=I4xQ', 2, 0xfeed))",
  "  + nla(12, nla(1, struct.pack('=3I', 1, 2, 3) + struct.pack('>H', 0x8100) + bytes(2))) + nla(13, bytes(32)) + nla(99, b'?'))",
  "link(0, nla(22, nla(1, vf) + nla(1, nla(4, struct.pack('=I', 1)))))",
  "link(0, nla(26, nla(2, nla(1, struct.pack('=3i', 1, 0, -1))) + nla(10, nla(8, b'\\3'))",
  "  + nla(45, nla(1, struct.pack('=I', 7))) + nla(9, b'abc')))",
  "link(7, nla(26, nla(0, struct.pack('=H', 3)) + nla(1, struct.pack('=H', 1)) + nla(2, struct.pack('=HH', 6, 100) + b'xy')",
  "  + nla(3, nla(1, struct.pack('=I', 5)) + nla(3, struct.pack('=H', 2)))))",
  "vlan = struct.pack('=4QHHI', 1, 2, 3, 4, 10, 0x2a, 7)",
  "bridge = nla(1, vlan + b'xy') + nla(4, struct.pack('=6Q', *range(6))) + nla(2, struct.pack('=30Q', *range(30)))",
  "bond = nla(1, nla(0, struct.pack('=Q', 1)) + nla(8, struct.pack('=Q', 2)) + nla(10, b'?'))",
  "mpls = nla(28, nla(1, struct.pack('=9Q', *range(9)))) + nla(2, b'zz')",
  "send(s, 94, 0x301, struct.pack('=BBHII', 0, 0, 0, 1, 0x3e) + nla(2, nla(1, bridge) + nla(2, bond))",
  "  + nla(3, nla(2, bond)) + nla(4, nla(1, bytes(200))) + nla(5, mpls))",
  "rtm = struct.pack('=BBBBBBBBI', 2, 32, 0, 0, 254, 3, 0, 1, 0)",
  "hop1 = struct.pack('=HBBi', 16, 1, 0, 1) + nla(5, socket.inet_aton('10.0.0.254'))",
  "hop2 = struct.pack('=HBBi', 28, 0, 2, 1) + nla(18, struct.pack('=H', 10) + socket.inet_pton(socket.AF_INET6, 'fe80::9'))",
  "send(s, 24, 0x401, rtm + nla(9, hop1 + hop2) + nla(18, struct.pack('=H', 2) + socket.inet_aton('10.9.8.7')) + nla(9, bytes(6)))",
  "entry = struct.pack('=IBBH', 1, 1, 1, 100) + socket.inet_aton('239.1.2.3') + bytes(12) + struct.pack('>H', 0x800) + bytes(2)",
  "send(s, 84, 0x401, struct.pack('=Bxxxi', 7, 1) + nla(1, nla(1, nla(1, entry + nla(1, struct.pack('=Q', 300))))))",
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
  "  + nla(2, struct.pack('=7I', *range(7))) + nla(4, struct.pack('=I', 6))",
  "  + nla(7, struct.pack('=HBBI', 0x30, 0, 0, 0xfffff004) + struct.pack('=HBBI', 0x15, 1, 0, 4) + struct.pack('=HBBI', 6, 0, 0, 0xffff) + b'odd'))",
  "sockid = struct.pack('>HH', 80, 443) + socket.inet_aton('10.1.2.3') + bytes(12) + socket.inet_aton('10.3.2.1') + bytes(12) + struct.pack('=I', 1) + cookie",
  "send(s, 20, 0x301, struct.pack('=BxxB', 43, 1) + sockid)",
  "cur = struct.pack('=HHI', 1, 2, 3)",
  "conn = struct.pack('=4I', 7, 8, 9, 10) + cur * 4 + bytes([0xff, 0, 5, 1]) + cur * 3",
  "lgr = bytes([3]) + b'mlx5_0'.ljust(64, b'\\0') + bytes([1]) + b'fe80::1'.ljust(40, b'\\0') + b'x' * 40 + bytes([1])",
  "dmb = struct.pack('=I4x4Q', 9, 1, 2, 3, 4)",
  "send(s, 20, 0x2, struct.pack('=BBBB', 43, 1, 1, 2) + sockid + struct.pack('=IQ', 0, 12345) + nla(3, b'\\1')",
  "  + nla(1, conn) + nla(2, lgr) + nla(4, dmb) + nla(5, struct.pack('=II', 0x3020000, 0x99)) + nla(1, conn[:40]))",
  "send(s, 18, 0x1, struct.pack('=BBBB', 2, 0, 0, 0x10) + sockid + struct.pack('=II', 0x100, 0) + nla(4, b'ab'))",
  "send(s, 20, 0x301, struct.pack('=BBBxI', 2, 6, 0, 0) + sockid + nla(3, struct.pack('=I', 0x106)))",
  "bc = (nla(1, struct.pack('=BBH', 7, 4, 16) + struct.pack('=BBxxi', 2, 24, 80) + socket.inet_aton('10.0.0.0'))",
  "  + nla(1, struct.pack('=BBH', 9, 4, 8) + struct.pack('=I', 1)) + nla(1, struct.pack('=BBH', 10, 4, 12) + struct.pack('=II', 5, 0xff))",
  "  + nla(1, struct.pack('=BBH', 2, 4, 8) + struct.pack('=BBH', 0, 0, 1024)) + nla(1, struct.pack('=BBH', 1, 4, 8) + b'jmp!'))",
  "send(s, 20, 0x301, struct.pack('=BBBxI', 10, 6, 0, 0xfff) + sockid + bc)",
  "send(s, 20, 0x2, struct.pack('=BBBB', 2, 10, 0, 0) + sockid + struct.pack('=5I', 0, 0, 0, 0, 77)",
  "  + nla(1, struct.pack('=4I', 1, 2, 3, 4)) + nla(3, struct.pack('=4I', 1, 2, 3, 4)) + nla(9, struct.pack('=HHIII', 1, 2, 3, 4, 5))",
  "  + nla(16, struct.pack('=5I', 1, 2, 3, 4, 5)) + nla(22, b'\\x52\\0') + nla(22, b'\\0\\xf8\\0\\1') + nla(22, b'\\0\\0\\0'))",
].join("\n");

// Control messages: SCM_RIGHTS (also 8000 bytes of it: more than one page, less than the kernel's
// optmem_max strace reads up to) and SCM_CREDENTIALS on a unix socket pair, then each SOL_SOCKET
// and SOL_IP payload strace decodes on a UDP socket (the kernel refuses most: same line).
const CMSG = [
  "import os, socket, struct",
  "a, b = socket.socketpair()",
  "fds = [os.open('/dev/null', os.O_RDONLY) for _ in range(40)]",
  "a.sendmsg([b'x'], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, struct.pack('=40i', *fds))])",
  "a.sendmsg([b'y'], [(socket.SOL_SOCKET, socket.SCM_CREDENTIALS, struct.pack('=iII', 1, 0, 0))])",
  "try:",
  "  a.sendmsg([b'w'], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, struct.pack('=2000i', *[-1] * 2000))])",
  "except OSError:",
  "  pass",
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

// Multicast group requests (strace's struct group_req), short and whole; a sendmmsg that fails
// (its vector still printed) and one of two entries whose second is past the end of the memory.
const GROUPS_MMSG = [
  "import ctypes, mmap, socket, struct",
  "u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)",
  "g = struct.pack('=I4xH', 1, 2) + struct.pack('>H', 65535) + socket.inet_aton('224.0.0.3') + bytes(120)",
  "for name, value in ((42, g), (45, g), (42, g[:135])):",
  "  try:",
  "    u.setsockopt(socket.SOL_IP, name, value)",
  "  except OSError:",
  "    pass",
  "libc = ctypes.CDLL(None, use_errno=True)",
  "page = mmap.PAGESIZE",
  "area = mmap.mmap(-1, 2 * page)",
  "base = ctypes.addressof(ctypes.c_char.from_buffer(area))",
  "libc.mprotect(ctypes.c_void_p(base + page), page, 0)",
  "data = base + 512",
  "area[512:515] = b'abc'",
  "iov = struct.pack('=QQ', data, 3)",
  "area[256:272] = iov",
  "entry = struct.pack('=QI4xQQQQi4xI4x', 0, 0, base + 256, 1, 0, 0, 0, 0)",
  "area[page - 64:page] = entry",
  "libc.sendmmsg(-1, ctypes.c_void_p(base + page - 64), 2, 0x40)",
  "area[0:64] = entry",
  "area[64:128] = entry",
  "libc.sendmmsg(-1, ctypes.c_void_p(base), 2, 0)",
].join("\n");

// Socket addresses of every family strace decodes, each passed to connect(-1, …) (EBADF for both
// tracers): well-formed, odd and short ones, and a family strace shows as raw bytes.
const SOCKADDRS = [
  "import ctypes, socket, struct",
  "libc = ctypes.CDLL(None)",
  "def conn(b):",
  "  buf = ctypes.create_string_buffer(b, len(b))",
  "  libc.connect(-1, buf, len(b))",
  "in6 = socket.inet_pton(socket.AF_INET6, 'fe80::1')",
  "for b in (",
  "    struct.pack('=H', 10) + struct.pack('>HI', 53, 7) + in6 + struct.pack('=I', 1),",
  "    struct.pack('=H', 10) + struct.pack('>HI', 53, 7) + socket.inet_pton(socket.AF_INET6, '2001:db8::2') + struct.pack('=I', 1),",
  "    struct.pack('=H', 16) + struct.pack('=HiI', 0, 42, 1), struct.pack('=H', 16) + struct.pack('=HiI', 7, 0, 0),",
  "    struct.pack('=H', 17) + struct.pack('>H', 0x800) + struct.pack('=iHBB', 1, 1, 0, 6) + b'\\1\\2\\3\\4\\5\\6\\0\\0',",
  "    struct.pack('=H', 17) + struct.pack('>H', 0x1234) + struct.pack('=iHBB', 9, 0xfffe, 9, 10) + b'abcdefgh',",
  "    struct.pack('=H', 4) + struct.pack('>HI', 80, 0xfacefeed) + b'ABCDEF\\x05\\0',",
  "    struct.pack('=H', 9) + b'0123456789abcdef', struct.pack('=H', 9) + b'31337\\0'.ljust(16, b'x'),",
  "    struct.pack('=H', 3) + bytes(c << 1 for c in b'N0CALL') + b'\\x1a' + bytes(3) + struct.pack('=i', 0),",
  "    struct.pack('=H', 3) + bytes(c << 1 for c in b'AB    ') + b'\\x02' + bytes(3) + struct.pack('=i', 2)",
  "      + bytes(c << 1 for c in b'RELAY ') + b'\\x04' + bytes(7),",
  "    struct.pack('=H', 33) + struct.pack('=HHH', 2500, 2, 16) + struct.pack('=H', 2) + struct.pack('>H', 7001) + socket.inet_aton('10.0.0.1') + bytes(20),",
  "    struct.pack('=H', 33) + struct.pack('=HHH', 1, 1, 5) + struct.pack('=H', 1) + b'xyz' + bytes(23),",
  "    struct.pack('=H', 36) + struct.pack('=2xiH', 2, 0xffff) + struct.pack('=H', 0xfffe) + bytes(8),",
  "    struct.pack('=H', 36) + struct.pack('=2xiH', 3, 7) + bytes(range(1, 9)) + bytes(2),",
  "    struct.pack('=H', 38) + b'hash'.ljust(14, b'\\0') + struct.pack('=II', 0x1000, 0x1001) + b'sha256\\0'.ljust(64, b'\\0'),",
  "    struct.pack('=H', 39) + struct.pack('=2xIII', 1, 2, 4), struct.pack('=H', 39) + struct.pack('=2xIII', 1, 2, 4) + b'\\1',",
  "    struct.pack('=H', 39) + struct.pack('=2xIIIBB', 0, 66, 7, 1, 255) + b'urn:nfc'.ljust(63, b'\\0') + bytes(7) + struct.pack('=Q', 7),",
  "    struct.pack('=H', 40) + struct.pack('=HIIB3s', 0, 1234, 2, 1, b'\\0\\0\\0'), struct.pack('=H', 40) + struct.pack('=HIIB3s', 5, 0xffffffff, 3, 0x81, b'\\1\\0\\0'),",
  "    struct.pack('=H', 42) + struct.pack('=2xII', 0xffffffff, 0xfffffffe), struct.pack('=H', 42) + struct.pack('=2xII', 5, 6),",
  "    struct.pack('=H', 44) + struct.pack('=HIII', 1, 1, 3, 7), struct.pack('=H', 44) + struct.pack('=HIII', 0x8004, 2, 0, 9),",
  "    struct.pack('=H', 45) + struct.pack('=HIBBBB', 0, 0, 0xff, 1, 8, 0), struct.pack('=H', 45) + struct.pack('=HIBBBB', 3, 9, 0x42, 2, 3, 4),",
  "    struct.pack('=H', 99) + bytes(range(40)), struct.pack('=H', 17) + bytes(6)):",
  "  conn(b)",
].join("\n");

// recvmsg into a 16-byte msg_name at the end of the readable memory from a peer whose address is
// longer: the kernel reports the longer length, strace reads (and prints) the caller's 16 bytes.
const SHORT_NAME = [
  "import ctypes, mmap, os, socket, struct",
  "libc = ctypes.CDLL(None)",
  "for p in ('recv-side.sock', 'a-long-sender-name.sock'):",
  "  if os.path.exists(p): os.unlink(p)",
  "r = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)",
  "r.bind('recv-side.sock')",
  "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)",
  "s.bind('a-long-sender-name.sock')",
  "s.sendto(b'A', 'recv-side.sock')",
  "s.sendto(b'B', 'recv-side.sock')",
  "page = mmap.PAGESIZE",
  "area = mmap.mmap(-1, 2 * page)",
  "base = ctypes.addressof(ctypes.c_char.from_buffer(area))",
  "libc.mprotect(ctypes.c_void_p(base + page), page, 0)",
  "area[512:528] = struct.pack('=QQ', base + 256, 1)",
  "for name, namelen in ((base + page - 16, 16), (base + page - 8, 8)):",
  "  area[1024:1080] = struct.pack('=QI4xQQQQi4x', name, namelen, base + 512, 1, 0, 0, 0)",
  "  libc.recvmsg(r.fileno(), ctypes.c_void_p(base + 1024), 0)",
].join("\n");

// sendmmsg and recvmmsg of two vectors on fds 10 (write side) and 11 (read side), whose data
// -e write= and -e read= dump vector by vector.
const MMSG_DUMP = [
  "import ctypes, os, socket, struct",
  "libc = ctypes.CDLL(None)",
  "a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)",
  "os.dup2(a.fileno(), 10)",
  "os.dup2(b.fileno(), 11)",
  "keep = []",
  "def buf(data):",
  "  keep.append(ctypes.create_string_buffer(data, len(data)))",
  "  return ctypes.addressof(keep[-1])",
  "def vec(iovs):",
  "  out = b''",
  "  for parts in iovs:",
  "    iov = b''.join(struct.pack('=QQ', buf(p), len(p)) for p in parts)",
  "    out += struct.pack('=QI4xQQQQi4xI4x', 0, 0, buf(iov), len(parts), 0, 0, 0, 0)",
  "  return buf(out)",
  "libc.sendmmsg(10, ctypes.c_void_p(vec([[b'012', b'34567'], [b'89abcde']])), 2, 0)",
  "libc.recvmmsg(11, ctypes.c_void_p(vec([[bytes(8)], [bytes(4), bytes(8)]])), 2, 0x40, None)",
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
    it(`NETLINK_ROUTE VF info, AF_SPEC, link statistics, multipath routes, MDB entries ${extra.join(" ")}`, () => {
      const { ours, theirs } = both([...extra, "-e", "trace=sendto"], LINK_STATS);
      expect(ours).toEqual(theirs);
      expect(ours.filter((l) => l.startsWith("sendto(")).length).toBe(6);
    });
    it(`NETLINK_SOCK_DIAG unix, netlink, packet, SMC and compat inet messages ${extra.join(" ")}`, () => {
      const { ours, theirs } = both([...extra, "-e", "trace=sendto"], SOCK_DIAG);
      expect(ours).toEqual(theirs);
      expect(ours.filter((l) => l.startsWith("sendto(")).length).toBe(12);
    });
  }
});

describe("group requests and failed sendmmsg vectors, against strace", () => {
  for (const extra of [[], ["-v"], ["-X", "verbose"]]) {
    it(`MCAST_JOIN_GROUP, MCAST_LEAVE_GROUP, sendmmsg ${extra.join(" ")}`, () => {
      const { ours, theirs } = both([...extra, "-e", "trace=setsockopt,sendmmsg"], GROUPS_MMSG);
      expect(ours).toEqual(theirs);
      expect(ours.some((l) => l.includes("gr_interface="))).toBe(true);
      expect(ours.filter((l) => l.startsWith("sendmmsg(-1, [{msg_hdr=")).length).toBe(2);
    });
  }
});

describe("recvmsg names longer than the caller's buffer, against strace", () => {
  it("msg_name of the caller's length at the end of readable memory", () => {
    const { ours, theirs } = both(["-e", "trace=recvmsg"], SHORT_NAME);
    expect(ours).toEqual(theirs);
    expect(ours.filter((l) => l.includes("msg_name={sa_family=AF_UNIX")).length).toBe(2);
  });
});

describe("-e read= and -e write= dumps of sendmmsg and recvmmsg, against strace", () => {
  it("each vector's buffers, reads up to each entry's msg_len", () => {
    const { ours, theirs } = both(
      ["-e", "trace=sendmmsg,recvmmsg", "-e", "write=10", "-e", "read=11"],
      MMSG_DUMP,
    );
    expect(ours).toEqual(theirs);
    expect(ours.filter((l) => l.includes("buffers in vector")).length).toBe(4);
  });
});

describe("control messages, against strace", () => {
  for (const extra of [...STYLES, ["-y"], ["-yy"]]) {
    it(`SCM_RIGHTS, credentials, timestamps and SOL_IP payloads ${extra.join(" ")}`, () => {
      const { ours, theirs } = both([...extra, "-e", "trace=sendmsg"], CMSG);
      expect(ours).toEqual(theirs);
      expect(ours.some((l) => l.includes("cmsg_data="))).toBe(true);
      // -y: each passed fd with its path, looked up among the fds open at the call.
      if (extra[0]?.startsWith("-y"))
        expect(ours.some((l) => /cmsg_data=\[\d+<\/dev\/null/.test(l))).toBe(true);
    });
  }
});

describe("socket addresses of every family strace decodes, against strace", () => {
  for (const extra of [[], ["-X", "raw"], ["-X", "verbose"], ["-s", "4"], ["-y"]]) {
    it(`connect() addresses ${extra.join(" ")}`, () => {
      const { ours, theirs } = both([...extra, "-e", "trace=connect"], SOCKADDRS);
      expect(ours).toEqual(theirs);
      expect(ours.filter((l) => l.startsWith("connect(-1, {sa_family=")).length).toBe(29);
    });
  }
});
