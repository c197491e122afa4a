// Netlink attributes whose meaning depends on their neighbours or nest deeply: a link's
// IFLA_LINKINFO (its IFLA_INFO_DATA and IFLA_INFO_XSTATS read by the IFLA_INFO_KIND before them,
// its slave data by IFLA_INFO_SLAVE_KIND) and an inet_diag reply's attributes (socket memory,
// addresses, MD5 keys, ULP and BPF storage nests, shutdown bits). A python3 program sends each
// message; strace 6.1 and tstrace trace it with the same options and the lines are compared
// after the conformance tool's normaliser (nothing expected is typed by hand).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { norm, PYTHON, tracersIn } from "./helpers/tracers.js";

const PROGRAM = [
  "import socket, struct",
  "def hdr(n, t, f): return struct.pack('=IHHII', n, t, f, 0, 0)",
  "def nla(t, v): return struct.pack('=HH', 4 + len(v), t) + v + bytes(-len(v) % 4)",
  "def send(s, t, f, body):",
  "  try:",
  "    s.sendto(hdr(16 + len(body), t, f) + body, socket.MSG_DONTWAIT, (0, 0))",
  "  except OSError:",
  "    pass",
  // Bound first: until then the kernel's sock_diag does not know the socket's protocol.
  "r = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, socket.NETLINK_ROUTE)",
  "r.bind((0, 0))",
  "ifi = struct.pack('=BxHiII', 0, 772, 1, 1, 0)",
  "br = (nla(1, struct.pack('=Q', 12345)) + nla(5, struct.pack('=I', 1)) + nla(6, struct.pack('=H', 32768))",
  "      + nla(8, b'\\x81\\x00') + nla(9, struct.pack('=H', 0x10)) + nla(11, bytes([0x80, 0, 1, 2, 3, 4, 5, 6]))",
  "      + nla(20, bytes([1, 0x80, 0xc2, 0, 0, 0])) + nla(13, b'\\x01') + nla(46, struct.pack('=II', 1, 3))",
  "      + nla(47, nla(1, bytes([10, 0, 0, 1])) + nla(2, struct.pack('=I', 1)) + nla(3, struct.pack('=Q', 500)))",
  "      + nla(48, b'xy') + nla(5, b'abc'))",
  "tun = (nla(1, struct.pack('=I', 1000)) + nla(2, struct.pack('=I', 0xffffffff)) + nla(3, b'\\x02')",
  "       + nla(4, b'\\x01') + nla(8, struct.pack('=I', 4)) + nla(3, b'\\x09'))",
  "can = struct.pack('=6I', 1, 2, 3, 4, 5, 6)",
  "port = nla(1, b'\\x03') + nla(3, struct.pack('=I', 100)) + nla(13, bytes(8))",
  "for info in (nla(1, b'bridge\\0') + nla(2, br),",
  "             nla(1, b'tun\\0') + nla(2, tun),",
  "             nla(2, tun) + nla(1, b'tun\\0'),",
  "             nla(1, b'can\\0') + nla(3, can) + nla(3, can[:20]),",
  "             nla(1, b'veth\\0') + nla(2, b'\\1\\2\\3\\4') + nla(3, can),",
  "             nla(1, b'bridgebridgebridgebridge\\0') + nla(2, br),",
  "             nla(4, b'bridge\\0') + nla(5, port),",
  "             nla(4, b'bond\\0') + nla(5, port)):",
  "  send(r, 16, 0x300, ifi + nla(18, info))",
  "d = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 4)",
  "d.bind((0, 0))",
  "msg = struct.pack('=BBBB', 2, 1, 0, 0) + struct.pack('>HH', 22, 4242) + socket.inet_aton('10.1.2.3') + bytes(12)",
  "msg += socket.inet_aton('10.3.2.1') + bytes(12) + struct.pack('=IQ', 1, 0) + struct.pack('=5I', 0, 0, 0, 0, 0)",
  "sin = struct.pack('=H', 2) + struct.pack('>H', 80) + socket.inet_aton('192.0.2.1') + bytes(120)",
  "sin6 = struct.pack('=H', 10) + struct.pack('>HI', 443, 7) + socket.inet_pton(socket.AF_INET6, '2001:db8::1') + struct.pack('=I', 2) + bytes(100)",
  "md5 = struct.pack('=BBH', 2, 32, 3) + socket.inet_aton('198.51.100.7') + bytes(12) + b'key' + bytes(77)",
  "md5 += struct.pack('=BBH', 10, 64, 90) + socket.inet_pton(socket.AF_INET6, 'fe80::1') + bytes(range(80))",
  "tls = nla(1, struct.pack('=H', 0x0303)) + nla(2, struct.pack('=H', 52)) + nla(3, struct.pack('=H', 3)) + nla(4, struct.pack('=H', 9))",
  "mptcp = nla(1, struct.pack('=I', 0xabcd)) + nla(4, struct.pack('=Q', 7)) + nla(7, struct.pack('=H', 9)) + nla(8, struct.pack('=I', 0x1c3)) + nla(9, b'\\x02')",
  "bpf = nla(1, nla(2, struct.pack('=I', 12)) + nla(3, struct.pack('=Q', 0x1122334455667788))) + nla(1, nla(3, b'abc'))",
  "for attrs in (nla(7, struct.pack('=9I', *range(1, 10))), nla(7, b'\\1\\2\\3'), nla(8, b'\\x03'), nla(8, b'\\x06'), nla(8, b'\\x00'),",
  "              nla(12, sin + sin6), nla(13, sin[:100]), nla(18, md5), nla(18, md5[:50]),",
  "              nla(19, nla(1, b'tls\\0') + nla(2, tls)), nla(19, nla(3, mptcp)), nla(19, nla(9, b'?')), nla(20, bpf)):",
  "  send(d, 20, 0x300, msg + attrs)",
].join("\n");

function both(flags: string[]): { ours: string[]; theirs: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "tstrace-netlink-attrs-"));
  const t = tracersIn(dir);
  const theirs = t.strace(...flags, "-e", "trace=sendto", PYTHON, "-c", PROGRAM);
  const ours = t.tstrace(...flags, "-e", "trace=sendto", PYTHON, "-c", PROGRAM);
  expect(theirs.status, theirs.stderr.slice(-800)).toBe(0);
  expect(ours.status, ours.stderr.slice(-800)).toBe(0);
  return { ours: norm(ours.stderr), theirs: norm(theirs.stderr) };
}

describe("link info and inet_diag attributes, against strace", () => {
  for (const extra of [[], ["-v"], ["-s", "4"], ["-X", "raw"], ["-X", "verbose"]]) {
    it(`decodes each kind's attributes ${extra.join(" ")}`, () => {
      const { ours, theirs } = both(extra);
      expect(ours).toEqual(theirs);
      if (extra.length === 0) {
        expect(ours.some((l) => l.includes("nla_type=IFLA_BR_STP_STATE}, 1]"))).toBe(true);
        expect(ours.some((l) => l.includes("nla_type=TLS_INFO_VERSION}, TLS_1_2_VERSION]"))).toBe(true);
      }
    });
  }
});
