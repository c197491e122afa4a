import type { ConformanceCase } from "./cases.js";

/** A python3 script, one statement per line. */
const py = (...lines: string[]): string[] => ["/usr/bin/python3", "-c", lines.join("\n")];

/**
 * A netlink request for python: nlmsghdr (len, type, flags, seq 1, pid 0) and the payload bytes,
 * sent with sendto, then every reply read with recvfrom until NLMSG_DONE or an error.
 */
const NL = [
  "import socket,struct",
  "def req(s,t,f,body):",
  "  s.sendto(struct.pack('=IHHII',16+len(body),t,f,1,0)+body,(0,0))",
  "def done(d):",
  "  o=0",
  "  while o+16<=len(d):",
  "    l,t=struct.unpack('=IH',d[o:o+6])",
  "    if t in (2,3) or l<16: return True",
  "    o+=(l+3)&~3",
  "  return len(d)==0",
  "def replies(s):",
  "  while not done(s.recv(65536)): pass",
];

/**
 * Netlink and socket options: iproute2 (NETLINK_ROUTE dumps of links, addresses, routes,
 * neighbours and rules: nlmsghdr, ifinfomsg, ifaddrmsg, rtmsg and their attributes), netlink
 * errors with extended acks, NLMSG_DONE, getsockname of a netlink socket (nl_pid), and
 * setsockopt/getsockopt at each level strace names options for.
 */
export const NET_CASES: readonly ConformanceCase[] = [
  // iproute2 over NETLINK_ROUTE (addresses by interface index print as if_nametoindex("lo")).
  { name: "ip addr", command: ["ip", "addr"] },
  { name: "ip link", command: ["ip", "link"] },
  { name: "ip route", command: ["ip", "route"] },
  { name: "ip -6 route", command: ["ip", "-6", "route"] },
  { name: "ip neigh", command: ["ip", "neigh"] },
  { name: "ip rule", command: ["ip", "rule"] },
  { name: "ip addr -X verbose", options: ["-X", "verbose"], command: ["ip", "-4", "addr", "show", "lo"] },
  { name: "ip addr -yy", options: ["-yy"], command: ["ip", "-4", "addr", "show", "lo"] },
  { name: "ip link -e trace=network", options: ["-e", "trace=network"], command: ["ip", "link"] },
  // Hand-made requests: a link dump, an unknown type (NLMSG_ERROR with the request echoed and an
  // extended ack), a bad address family, a message cut short, and getsockname's nl_pid.
  {
    name: "python3 netlink route",
    options: ["-e", "trace=network"],
    command: py(
      ...NL,
      "s=socket.socket(socket.AF_NETLINK,socket.SOCK_RAW,socket.NETLINK_ROUTE)",
      "s.setsockopt(270,11,1)",
      "s.bind((0,0))",
      "s.getsockname()",
      "req(s,18,0x301,struct.pack('=BxHiII',0,0,1,0,0))",
      "replies(s)",
      "req(s,22,0x301,struct.pack('=BBBBI',2,0,0,0,0))",
      "replies(s)",
      "req(s,26,0x301,struct.pack('=BBBBBBBBI',2,0,0,0,254,0,0,0,0))",
      "replies(s)",
      "req(s,0x3ff,5,b'abcd')",
      "replies(s)",
      "req(s,22,5,b'\\x63')",
      "replies(s)",
      "s.sendto(b'\\x14\\x00\\x00\\x00',(0,0))",
    ),
  },
  {
    name: "python3 netlink sendmsg",
    options: ["-e", "trace=sendmsg,recvmsg"],
    command: py(
      ...NL,
      "s=socket.socket(socket.AF_NETLINK,socket.SOCK_DGRAM,socket.NETLINK_ROUTE)",
      "h=struct.pack('=IHHII',24,22,0x301,7,0)+struct.pack('=BBBBI',2,0,0,0,0)",
      "s.sendmsg([h[:16],h[16:]],[],0,(0,0))",
      "while not done(s.recvmsg(65536)[0]): pass",
      "s.sendmsg([h],[],0,(0,0))",
      "while not done(s.recvmsg(65536)[0]): pass",
    ),
  },
  {
    name: "python3 netlink protocols",
    options: ["-e", "trace=socket,sendto,recvfrom,bind,getsockname"],
    command: py(
      ...NL,
      "for p in (socket.NETLINK_ROUTE,4,9,12,15,16):",
      "  try:",
      "    s=socket.socket(socket.AF_NETLINK,socket.SOCK_RAW,p)",
      "  except OSError:",
      "    continue",
      "  s.bind((0,0))",
      "  s.getsockname()",
      "  req(s,1,1,b'')",
      "  req(s,3,1,b'\\0\\0\\0\\0')",
      "  s.close()",
    ),
  },
  // NETLINK_SOCK_DIAG: inet_diag_req_v2 requests (no state selected: the reply is NLMSG_DONE
  // alone, the same on every run) and a family this decoder prints as bytes.
  {
    name: "python3 sock_diag",
    options: ["-e", "trace=sendto,recvfrom"],
    command: py(
      ...NL,
      "s=socket.socket(socket.AF_NETLINK,socket.SOCK_RAW,4)",
      "for fam in (2,10):",
      "  req(s,20,0x301,struct.pack('=BBBxI',fam,6,0,0)+bytes(48))",
      "  replies(s)",
      "req(s,20,0x301,struct.pack('=BBBxI',2,17,0,0)+bytes(48)+struct.pack('=HHB',5,3,17))",
      "replies(s)",
      "req(s,20,0x1,struct.pack('=BBxx',1,0)+bytes(20))",
      "replies(s)",
    ),
  },
  // Socket options by level: names and the values strace decodes.
  {
    name: "python3 sockopt levels",
    options: ["-e", "trace=setsockopt,getsockopt"],
    command: py(
      "import socket",
      "t=socket.socket()",
      "t.setsockopt(socket.IPPROTO_TCP,socket.TCP_NODELAY,1)",
      "t.getsockopt(socket.IPPROTO_TCP,socket.TCP_NODELAY)",
      "t.setsockopt(socket.SOL_IP,11,1)",
      "t.getsockopt(socket.SOL_IP,socket.IP_TTL)",
      "t.setsockopt(socket.SOL_IP,socket.IP_TOS,16)",
      "t.getsockopt(socket.SOL_SOCKET,socket.SO_RCVBUF)",
      "t.getsockopt(socket.SOL_SOCKET,socket.SO_TYPE)",
      "t.setsockopt(socket.SOL_SOCKET,socket.SO_KEEPALIVE,1)",
      "t.setsockopt(socket.SOL_SOCKET,socket.SO_PRIORITY,3)",
      "s=socket.socket(socket.AF_INET6,socket.SOCK_DGRAM)",
      "s.setsockopt(socket.IPPROTO_IPV6,socket.IPV6_V6ONLY,1)",
      "s.getsockopt(socket.IPPROTO_IPV6,socket.IPV6_V6ONLY)",
      "s.setsockopt(socket.IPPROTO_IPV6,25,1)",
      "s.setsockopt(socket.SOL_UDP,1,1)",
      "n=socket.socket(socket.AF_NETLINK,socket.SOCK_RAW,0)",
      "n.setsockopt(270,11,1)",
      "n.setsockopt(270,12,1)",
      "n.getsockopt(270,11)",
      "try:",
      "  t.setsockopt(socket.SOL_IP,200,1)",
      "except OSError:",
      "  pass",
      "try:",
      "  t.setsockopt(999,1,1)",
      "except OSError:",
      "  pass",
    ),
  },
];
