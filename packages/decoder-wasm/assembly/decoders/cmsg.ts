// The payload of one control message (struct cmsghdr's cmsg_data), as strace 6.1's msghdr.c
// prints it: by level (SOL_SOCKET, SOL_IP) and type, each printer with the least payload it needs;
// shorter payloads, other levels and other types print no cmsg_data at all.

import { xflag } from "../options";
import { putc, puts } from "../out";
import { printFdElem } from "../print/fd";
import { putHex, putI64, putU64 } from "../print/num";
import { quote } from "../print/quote";
import { printEnum } from "../print/xlat";
import { valueOf } from "../tables";
import { abbreviated, nlTable, printIfindex, printInetAddr } from "./nl-print";
import { printSockaddr } from "./sockaddr";

const SOL_IP: i32 = 0;
const SOL_SOCKET: i32 = 1;

// How a payload prints.
const P_NONE: u8 = 0;
const P_FDS: u8 = 1;
const P_CREDS: u8 = 2;
const P_STRING: u8 = 3;
const P_TIMEVAL: u8 = 4;
const P_TIMESPEC: u8 = 5;
const P_TIMESPEC3: u8 = 6;
const P_PKTINFO: u8 = 7;
const P_UINTS: u8 = 8;
const P_XBYTES: u8 = 9;
const P_RECVERR: u8 = 10;
const P_SOCKADDR: u8 = 11;

/** One type's printer and the payload bytes it needs. */
class CmsgRule {
  constructor(
    public name: string,
    public printer: u8,
    public minLen: u32,
  ) {}
}

// strace's cmsg_socket_printers and cmsg_ip_printers, by type name (values from core's tables).
// The timestamps are the 64-bit ABI's: timeval and timespec of two 8-byte fields.
const SOCKET_RULES: CmsgRule[] = [
  new CmsgRule("SCM_RIGHTS", P_FDS, 4),
  new CmsgRule("SCM_CREDENTIALS", P_CREDS, 12),
  new CmsgRule("SCM_SECURITY", P_STRING, 1),
  new CmsgRule("SO_TIMESTAMP_OLD", P_TIMEVAL, 1),
  new CmsgRule("SO_TIMESTAMPNS_OLD", P_TIMESPEC, 1),
  new CmsgRule("SO_TIMESTAMPING_OLD", P_TIMESPEC3, 1),
  new CmsgRule("SO_TIMESTAMP_NEW", P_TIMEVAL, 1),
  new CmsgRule("SO_TIMESTAMPNS_NEW", P_TIMESPEC, 1),
  new CmsgRule("SO_TIMESTAMPING_NEW", P_TIMESPEC3, 1),
];
const IP_RULES: CmsgRule[] = [
  new CmsgRule("IP_PKTINFO", P_PKTINFO, 12),
  new CmsgRule("IP_TTL", P_UINTS, 4),
  new CmsgRule("IP_TOS", P_XBYTES, 1),
  new CmsgRule("IP_RECVOPTS", P_XBYTES, 1),
  new CmsgRule("IP_RETOPTS", P_XBYTES, 1),
  new CmsgRule("IP_RECVERR", P_RECVERR, 32),
  new CmsgRule("IP_ORIGDSTADDR", P_SOCKADDR, 16),
  new CmsgRule("IP_CHECKSUM", P_UINTS, 4),
  new CmsgRule("SCM_SECURITY", P_STRING, 1),
];

/** The rule of `type` in `rules`, whose names are in constant table `table`, or null. */
function ruleOf(rules: CmsgRule[], table: i32, type: u32): CmsgRule | null {
  for (let i = 0; i < rules.length; i++) {
    const t = rules[i];
    // A name the table lacks never matches (no value to compare).
    if (lookupValue(table, t.name) == <u64>type) return t;
  }
  return null;
}

function lookupValue(table: i32, name: string): u64 {
  return valueOf(table, name, 0xffffffffffffffff);
}

/** A uid/gid as strace's print_id: `-1` for the all-ones id. */
function putId(v: u32): void {
  if (v == 0xffffffff) puts("-1");
  else putU64(<u64>v);
}

/** print_local_array of `n` `width`-byte elements: `[a, b, ...]`, cut at -s unless -v. */
function printArray(p: usize, n: u32, width: u32, printer: u8): void {
  putc(0x5b);
  for (let i: u32 = 0; i < n; i++) {
    if (i > 0) puts(", ");
    if (abbreviated(i)) {
      puts("...");
      break;
    }
    const at = p + <usize>(i * width);
    if (printer == P_FDS) printFdElem(load<i32>(at));
    else if (printer == P_UINTS) putU64(<u64>load<u32>(at));
    else {
      const b = <u64>load<u8>(at);
      if (b == 0) putc(0x30);
      else putHex(b);
    }
  }
  putc(0x5d);
}

/** `{tv_sec=…, tv_usec=…}` or `tv_nsec`: an 8-byte signed seconds field, an unsigned sub-second one. */
function printTime(p: usize, sub: string): void {
  puts("{tv_sec=");
  putI64(load<i64>(p));
  puts(", ");
  puts(sub);
  putc(0x3d);
  putU64(load<u64>(p + 8));
  putc(0x7d);
}

function printPayload(printer: u8, p: usize, len: u32): void {
  switch (printer) {
    case P_FDS:
    case P_UINTS:
      printArray(p, len / 4, 4, printer);
      return;
    case P_XBYTES:
      printArray(p, len, 1, printer);
      return;
    case P_CREDS:
      puts("{pid=");
      putU64(<u64>load<u32>(p));
      puts(", uid=");
      putId(load<u32>(p + 4));
      puts(", gid=");
      putId(load<u32>(p + 8));
      putc(0x7d);
      return;
    case P_STRING:
      quote(p, len, false, xflag);
      return;
    case P_TIMEVAL:
    case P_TIMESPEC:
      if (len < 16) puts("???");
      else printTime(p, printer == P_TIMEVAL ? "tv_usec" : "tv_nsec");
      return;
    case P_TIMESPEC3:
      if (len < 48) {
        puts("???");
        return;
      }
      putc(0x5b);
      for (let i: u32 = 0; i < 3; i++) {
        if (i > 0) puts(", ");
        printTime(p + <usize>(i * 16), "tv_nsec");
      }
      putc(0x5d);
      return;
    case P_PKTINFO:
      // struct in_pktinfo: int ipi_ifindex, struct in_addr ipi_spec_dst, ipi_addr.
      puts("{ipi_ifindex=");
      printIfindex(load<u32>(p));
      puts(", ");
      printInetAddr(AF_INET, p + 4, "ipi_spec_dst");
      puts(", ");
      printInetAddr(AF_INET, p + 8, "ipi_addr");
      putc(0x7d);
      return;
    case P_RECVERR:
      // struct sock_extended_err (16 bytes, ee_pad not shown), then the offender's sockaddr_in.
      puts("{ee_errno=");
      putU64(<u64>load<u32>(p));
      puts(", ee_origin=");
      putU64(<u64>load<u8>(p + 4));
      puts(", ee_type=");
      putU64(<u64>load<u8>(p + 5));
      puts(", ee_code=");
      putU64(<u64>load<u8>(p + 6));
      puts(", ee_info=");
      putU64(<u64>load<u32>(p + 8));
      puts(", ee_data=");
      putU64(<u64>load<u32>(p + 12));
      puts(", offender=");
      printSockaddr(p + 16, 16);
      putc(0x7d);
      return;
    case P_SOCKADDR:
      // At most a sockaddr_storage.
      printSockaddr(p, len > 128 ? 128 : len);
      return;
  }
}

const AF_INET: u32 = 2;

/** `cmsg_type=SCM_RIGHTS, cmsg_data=[5]`: one control message's type and its `len` payload bytes at p. */
export function printCmsgTypeData(level: i32, type: i32, p: usize, len: u32): void {
  puts("cmsg_type=");
  let rules: CmsgRule[] | null = null;
  let table: i32 = -1;
  if (level == SOL_SOCKET) {
    table = nlTable("scmvals");
    rules = SOCKET_RULES;
  } else if (level == SOL_IP) {
    table = nlTable("ip_cmsg_types");
    rules = IP_RULES;
  }
  if (rules == null) {
    putHex(<u64>(<u32>type));
    return;
  }
  printEnum(table, <u64>(<u32>type));
  const rule = ruleOf(rules, table, <u32>type);
  if (rule == null || rule.printer == P_NONE || len < rule.minLen) return;
  puts(", cmsg_data=");
  printPayload(rule.printer, p, len);
}
