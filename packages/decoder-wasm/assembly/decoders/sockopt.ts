// A socket option's value (strace's print_getsockopt / print_setsockopt, net.c): how it prints is
// data, a printer per (level, option name) and direction in OPT_RULES; names resolve through
// core's constant tables, so no option number is written here. Values come from the captures
// core's kinds.ts plans: setsockopt's buffer at entry, getsockopt's at exit (a readable prefix of
// up to 256 bytes), its optlen at entry and at exit.

import { capData, capLen, capPartial, findCapPrefix } from "../call";
import { T_SOCKETLAYERS } from "../known";
import { SIZEOF_SOCK_FPROG } from "../layouts";
import { strsize, verbose, xlatStyle } from "../options";
import { putc, puts } from "../out";
import { putAddr, putByteHex, putI64, putU64 } from "../print/num";
import { HEX_ALL, printBuffer } from "../print/quote";
import { putRef } from "../print/xlat";
import { CK_BUFFER_ARG_LEN, CK_STRUCT } from "../record";
import { blob, errnoName, NO_REF, valueOf } from "../tables";
import { BPF_K_SOCKET, printBpfInsns, printSockFprogAt } from "./bpf-filter";
import { nlTable, printIfindex, printInetAddr, printXval } from "./nl-print";
import { printSockaddr } from "./sockaddr";

// Value printers.
const P_NONE: u8 = 0;
/** An int when at least 4 bytes (strace's "all known int-like options"), else hex bytes / address. */
const P_INT: u8 = 1;
const P_LINGER: u8 = 2;
const P_UCRED: u8 = 3;
const P_ERROR: u8 = 4;
const P_TXREHASH: u8 = 5;
const P_TPACKET_STATS: u8 = 6;
const P_ICMP_FILTER: u8 = 7;
const P_MREQ: u8 = 8;
const P_MREQ6: u8 = 9;
const P_TPACKET_REQ: u8 = 10;
const P_PACKET_MREQ: u8 = 11;
/** SOL_NETLINK: an int, whatever the length (getsockopt), or when at least 4 bytes (setsockopt). */
const P_NL_INT: u8 = 12;
const P_NL_MEMBERSHIPS: u8 = 13;
const P_FPROG: u8 = 14;
/** SO_GET_FILTER: the attached program, its length in instructions (bpf_filter.c). */
const P_GET_FPROG: u8 = 15;
/** struct group_req (MCAST_JOIN_GROUP, MCAST_LEAVE_GROUP): an ifindex and a sockaddr_storage. */
const P_GROUP_REQ: u8 = 16;

/** One option: level and name (by name in their tables; "" = every name of the level), printers. */
class OptRule {
  constructor(
    public level: string,
    public table: string,
    public name: string,
    public get: u8,
    public set: u8,
  ) {}
}

function so(name: string, get: u8, set: u8 = get): OptRule {
  return new OptRule("SOL_SOCKET", "sockoptions", name, get, set);
}

/** SOL_SOCKET options strace prints as an int whatever the length past 4 (net.c). */
const SO_INT_LIKE: string[] = [
  "SO_DEBUG",
  "SO_REUSEADDR",
  "SO_DONTROUTE",
  "SO_BROADCAST",
  "SO_SNDBUF",
  "SO_RCVBUF",
  "SO_KEEPALIVE",
  "SO_OOBINLINE",
  "SO_NO_CHECK",
  "SO_PRIORITY",
  "SO_BSDCOMPAT",
  "SO_REUSEPORT",
  "SO_PASSCRED",
  "SO_RCVLOWAT",
  "SO_SNDLOWAT",
  "SO_DETACH_FILTER",
  "SO_TIMESTAMP_OLD",
  "SO_ACCEPTCONN",
  "SO_SNDBUFFORCE",
  "SO_RCVBUFFORCE",
  "SO_PASSSEC",
  "SO_TIMESTAMPNS_OLD",
  "SO_MARK",
  "SO_TIMESTAMPING_OLD",
  "SO_RXQ_OVFL",
  "SO_WIFI_STATUS",
  "SO_PEEK_OFF",
  "SO_NOFCS",
  "SO_LOCK_FILTER",
  "SO_SELECT_ERR_QUEUE",
  "SO_BUSY_POLL",
  "SO_INCOMING_CPU",
  "SO_CNX_ADVICE",
  "SO_INCOMING_NAPI_ID",
  "SO_ZEROCOPY",
  "SO_TIMESTAMP_NEW",
  "SO_TIMESTAMPNS_NEW",
  "SO_TIMESTAMPING_NEW",
  "SO_DETACH_REUSEPORT_BPF",
  "SO_PREFER_BUSY_POLL",
  "SO_BUSY_POLL_BUDGET",
  "SO_RESERVE_MEM",
  "SO_RCVMARK",
];

function buildRules(): OptRule[] {
  const r: OptRule[] = [
    so("SO_LINGER", P_LINGER),
    so("SO_PEERCRED", P_UCRED, P_NONE),
    so("SO_ERROR", P_ERROR, P_NONE),
    so("SO_TXREHASH", P_TXREHASH),
    so("SO_ATTACH_FILTER", P_GET_FPROG, P_FPROG),
    so("SO_ATTACH_REUSEPORT_CBPF", P_NONE, P_FPROG),
    new OptRule("SOL_IP", "sock_ip_options_set", "IP_ADD_MEMBERSHIP", P_NONE, P_MREQ),
    new OptRule("SOL_IP", "sock_ip_options_set", "IP_DROP_MEMBERSHIP", P_NONE, P_MREQ),
    new OptRule("SOL_IP", "sock_ip_options_set", "MCAST_JOIN_GROUP", P_NONE, P_GROUP_REQ),
    new OptRule("SOL_IP", "sock_ip_options_set", "MCAST_LEAVE_GROUP", P_NONE, P_GROUP_REQ),
    new OptRule("SOL_IPV6", "sock_ipv6_options_set", "MCAST_JOIN_GROUP", P_NONE, P_GROUP_REQ),
    new OptRule("SOL_IPV6", "sock_ipv6_options_set", "MCAST_LEAVE_GROUP", P_NONE, P_GROUP_REQ),
    new OptRule("SOL_IPV6", "sock_ipv6_options_set", "IPV6_ADD_MEMBERSHIP", P_NONE, P_MREQ6),
    new OptRule("SOL_IPV6", "sock_ipv6_options_set", "IPV6_DROP_MEMBERSHIP", P_NONE, P_MREQ6),
    new OptRule("SOL_IPV6", "sock_ipv6_options_set", "IPV6_JOIN_ANYCAST", P_NONE, P_MREQ6),
    new OptRule("SOL_IPV6", "sock_ipv6_options_set", "IPV6_LEAVE_ANYCAST", P_NONE, P_MREQ6),
    new OptRule("SOL_PACKET", "sock_packet_options", "PACKET_STATISTICS", P_TPACKET_STATS, P_NONE),
    new OptRule("SOL_PACKET", "sock_packet_options", "PACKET_RX_RING", P_NONE, P_TPACKET_REQ),
    new OptRule("SOL_PACKET", "sock_packet_options", "PACKET_TX_RING", P_NONE, P_TPACKET_REQ),
    new OptRule("SOL_PACKET", "sock_packet_options", "PACKET_ADD_MEMBERSHIP", P_NONE, P_PACKET_MREQ),
    new OptRule("SOL_PACKET", "sock_packet_options", "PACKET_DROP_MEMBERSHIP", P_NONE, P_PACKET_MREQ),
    new OptRule("SOL_RAW", "sock_raw_options", "ICMP_FILTER", P_ICMP_FILTER, P_ICMP_FILTER),
    new OptRule(
      "SOL_NETLINK",
      "sock_netlink_options",
      "NETLINK_LIST_MEMBERSHIPS",
      P_NL_MEMBERSHIPS,
      P_NL_INT,
    ),
    new OptRule("SOL_NETLINK", "", "", P_NL_INT, P_NL_INT),
  ];
  for (let i = 0; i < SO_INT_LIKE.length; i++) r.push(so(SO_INT_LIKE[i], P_INT));
  return r;
}
const OPT_RULES = buildRules();

// The rules' level and name values, resolved once per blob.
let levels: u64[] = [];
let names: u64[] = [];
let resolvedFor: usize = 0;
const NONE: u64 = 0xffffffffffffffff;

function find(level: u32, name: u32): OptRule | null {
  if (resolvedFor != blob) {
    levels = [];
    names = [];
    for (let i = 0; i < OPT_RULES.length; i++) {
      const r = OPT_RULES[i];
      levels.push(valueOf(T_SOCKETLAYERS, r.level, NONE));
      names.push(r.name.length == 0 ? NONE : valueOf(nlTable(r.table), r.name, NONE));
    }
    resolvedFor = blob;
  }
  // Named rules first: a level-wide rule (name "") is the last of its level.
  for (let i = 0; i < OPT_RULES.length; i++)
    if (levels[i] == <u64>level && names[i] != NONE && names[i] == <u64>name) return OPT_RULES[i];
  for (let i = 0; i < OPT_RULES.length; i++)
    if (levels[i] == <u64>level && OPT_RULES[i].name.length == 0) return OPT_RULES[i];
  return null;
}

// The value's bytes: `atExit` getsockopt's (arg 3 at exit), else setsockopt's (arg 3 at entry).
let atExit = false;
let addr: u64 = 0;

/** At least `need` bytes of the value were read (capData/capLen hold them). */
function fetch(need: u32): bool {
  if (need == 0) need = 1;
  return atExit ? findCapPrefix(3, CK_STRUCT, true, need) : findCapPrefix(3, CK_BUFFER_ARG_LEN, false, need);
}

/** printnum_int: `[5]`, NULL, or the address when unreadable. */
function printNumInt(): void {
  if (addr == 0) puts("NULL");
  else if (fetch(4)) {
    putc(0x5b);
    putI64(<i64>load<i32>(capData));
    putc(0x5d);
  } else putAddr(addr);
}

/** printstrn / printstr_ex: `len` bytes quoted (cut at -s), NULL, or the address. */
function printStr(len: u32, forceHex: bool): void {
  if (addr == 0) {
    puts("NULL");
    return;
  }
  const want = len < <u32>strsize + 1 ? len : <u32>strsize + 1;
  if (!fetch(want)) {
    putAddr(addr);
    return;
  }
  const n = capLen < len ? capLen : len;
  printBuffer(capData, n, <u64>len, forceHex ? HEX_ALL : -1);
}

/**
 * MAYBE_PRINT_FIELD_LEN over a struct of 4-byte fields: the fields `len` bytes reach, a field cut
 * short as its bytes in hex; `signed` per field (`d` signed, `u` unsigned).
 */
function printIntFields(fields: string[], kinds: string, len: u32): void {
  const size = <u32>fields.length * 4;
  if (len > size) len = size;
  if (!fetch(len)) {
    putAddr(addr);
    return;
  }
  for (let i: u32 = 0; i < <u32>fields.length; i++) {
    const off = i * 4;
    if (len <= off) break;
    puts(i == 0 ? "{" : ", ");
    puts(fields[i]);
    putc(0x3d);
    const p = capData + <usize>off;
    if (len < off + 4) printBuffer(p, len - off, <u64>(len - off), HEX_ALL);
    else if (kinds.charCodeAt(i) == 0x64) putI64(<i64>load<i32>(p));
    else putU64(<u64>load<u32>(p));
  }
  putc(0x7d);
}

/** print_icmp_filter: the set bits by name, `~[...]` when more than half are set. */
function printIcmpFilter(len: i32): void {
  if (len > 4) len = 4;
  else if (len <= 0) {
    putAddr(addr);
    return;
  }
  if (!fetch(<u32>len)) {
    putAddr(addr);
    return;
  }
  let data: u32 = 0xffffffff;
  for (let i = 0; i < len; i++)
    data = (data & ~((<u32>0xff) << (i * 8))) | ((<u32>load<u8>(capData + i)) << (i * 8));
  if (popcnt<u32>(data) > 16) {
    data = ~data;
    putc(0x7e);
  }
  putc(0x5b);
  let first = true;
  for (let i: u32 = 0; i < 32; i++) {
    if ((data & (1 << i)) == 0) continue;
    if (!first) putc(0x20);
    first = false;
    printXval("icmp_filter_flags", <u64>i, "ICMP_???");
  }
  putc(0x5d);
}

/** A hardware address of `n` bytes: `ff:ff`, -X raw its bytes in hex, -X verbose both. */
function printMac(p: usize, n: u32): void {
  if (xlatStyle != 0) printBuffer(p, n, <u64>n, HEX_ALL);
  if (xlatStyle == 1) return;
  if (xlatStyle == 2) puts(" /* ");
  for (let i: u32 = 0; i < n; i++) {
    if (i > 0) putc(0x3a);
    putByteHex(<u32>load<u8>(p + <usize>i));
  }
  if (xlatStyle == 2) puts(" */");
}

/** The struct printers that need exactly or at least `size` bytes (`exact`), else the address. */
function structBytes(len: i32, size: u32, exact: bool): bool {
  if ((exact && <u32>len != size) || len < <i32>size || !fetch(size)) {
    putAddr(addr);
    return false;
  }
  return true;
}

function printValue(printer: u8, len: i32, ulen: i32): void {
  switch (printer) {
    case P_LINGER:
      if (atExit) printIntFields(["l_onoff", "l_linger"], "dd", <u32>len);
      else if (structBytes(len, 8, false)) printIntFields(["l_onoff", "l_linger"], "dd", 8);
      return;
    case P_UCRED:
      printIntFields(["pid", "uid", "gid"], "duu", <u32>len);
      return;
    case P_TPACKET_STATS:
      printIntFields(["tp_packets", "tp_drops", "tp_freeze_q_cnt"], "uuu", <u32>len);
      return;
    case P_ERROR: {
      if (len < 4) {
        printStr(<u32>len, true);
        return;
      }
      if (!fetch(4)) {
        putAddr(addr);
        return;
      }
      const err = load<u32>(capData);
      const ref = errnoName(<u64>err);
      putc(0x5b);
      if (ref == NO_REF || xlatStyle != 0) putU64(<u64>err);
      if (ref != NO_REF && xlatStyle != 1) {
        if (xlatStyle == 2) puts(" /* ");
        putRef(ref);
        if (xlatStyle == 2) puts(" */");
      }
      putc(0x5d);
      return;
    }
    case P_TXREHASH:
      if (len < 4) {
        if (atExit) printStr(<u32>len, true);
        else putAddr(addr);
      } else if (!fetch(4)) putAddr(addr);
      else {
        // printxval_d: a signed value; no name is negative.
        const v = load<i32>(capData);
        putc(0x5b);
        if (v >= 0) printXval("sockopt_txrehash_vals", <u64>v, "SOCK_TXREHASH_???", true);
        else {
          putI64(<i64>v);
          if (xlatStyle != 1) puts(" /* SOCK_TXREHASH_??? */");
        }
        putc(0x5d);
      }
      return;
    case P_INT:
      if (len >= 4) printNumInt();
      else if (atExit) printStr(<u32>len, true);
      else putAddr(addr);
      return;
    case P_NL_INT:
      if (!atExit && len < 4) putAddr(addr);
      else printNumInt();
      return;
    case P_NL_MEMBERSHIPS: {
      const n = <u32>(len < ulen ? len : ulen) / 4;
      printU32Array(n);
      return;
    }
    case P_ICMP_FILTER:
      printIcmpFilter(len);
      return;
    case P_MREQ:
      if (!structBytes(len, 8, false)) return;
      putc(0x7b);
      printInetAddr(2, capData, "imr_multiaddr");
      puts(", ");
      printInetAddr(2, capData + 4, "imr_interface");
      putc(0x7d);
      return;
    case P_GROUP_REQ:
      // sizeof(struct group_req): u32 gr_interface, then gr_group at 8 (128 bytes).
      if (!structBytes(len, 136, false)) return;
      puts("{gr_interface=");
      printIfindex(load<u32>(capData));
      puts(", gr_group=");
      printSockaddr(capData + 8, 128);
      putc(0x7d);
      return;
    case P_MREQ6:
      if (!structBytes(len, 20, false)) return;
      putc(0x7b);
      printInetAddr(10, capData, "ipv6mr_multiaddr");
      puts(", ipv6mr_interface=");
      printIfindex(load<u32>(capData + 16));
      putc(0x7d);
      return;
    case P_TPACKET_REQ:
      if (structBytes(len, 16, true))
        printIntFields(["tp_block_size", "tp_block_nr", "tp_frame_size", "tp_frame_nr"], "uuuu", 16);
      return;
    case P_PACKET_MREQ: {
      if (!structBytes(len, 16, true)) return;
      puts("{mr_ifindex=");
      printIfindex(load<u32>(capData));
      puts(", mr_type=");
      printXval("packet_mreq_type", <u64>load<u16>(capData + 4), "PACKET_MR_???");
      const alen = <u32>load<u16>(capData + 6);
      puts(", mr_alen=");
      putU64(<u64>alen);
      puts(", mr_address=");
      printMac(capData + 8, min<u32>(alen, 8));
      putc(0x7d);
      return;
    }
    case P_GET_FPROG: {
      // the returned length counts instructions; strace prints them with -v, else the address
      const n = <u32>len;
      if (!verbose || n > 0xffff) putAddr(addr);
      else {
        const have = fetch(1) || capPartial() ? capLen : 0;
        printBpfInsns(addr, n, capData, have, BPF_K_SOCKET);
      }
      return;
    }
    case P_FPROG:
      if (!structBytes(len, SIZEOF_SOCK_FPROG, true)) return;
      printSockFprogAt(capData, 3, BPF_K_SOCKET);
      return;
  }
  // The default: an int when exactly 4 bytes, else the bytes as a string.
  if (len == 4) printNumInt();
  else printStr(<u32>len, false);
}

/** print_array of u32 (`[1, 2]`), `n` elements, cut at -s. */
function printU32Array(n: u32): void {
  if (addr == 0) {
    puts("NULL");
    return;
  }
  if (n == 0) {
    puts("[]");
    return;
  }
  putc(0x5b);
  for (let i: u32 = 0; i < n; i++) {
    if (i > 0) puts(", ");
    if (i >= <u32>strsize) {
      puts("...");
      break;
    }
    if (!fetch((i + 1) * 4)) {
      puts("... /* ");
      putAddr(addr + <u64>(i * 4));
      puts(" */");
      break;
    }
    putU64(<u64>load<u32>(capData + <usize>(i * 4)));
  }
  putc(0x5d);
}

/** setsockopt's value at `a`, `len` bytes (print_setsockopt). */
export function printSetsockoptValue(level: u32, name: u32, a: u64, len: i32): void {
  atExit = false;
  addr = a;
  const r = a != 0 ? find(level, name) : null;
  printValue(r != null ? r.set : P_NONE, len, len);
}

/** getsockopt's value at `a`: `ulen` bytes asked, `rlen` returned (print_getsockopt). */
export function printGetsockoptValue(level: u32, name: u32, a: u64, ulen: i32, rlen: i32): void {
  atExit = true;
  addr = a;
  if (ulen <= 0 || rlen <= 0) {
    putAddr(a);
    return;
  }
  const r = a != 0 ? find(level, name) : null;
  printValue(r != null ? r.get : P_NONE, rlen, ulen);
}
