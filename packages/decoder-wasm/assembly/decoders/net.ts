// socket, socketpair, setsockopt, getsockopt: arguments whose table depends on another argument
// (the protocol on the family, the option name on the level): core's data/request-args.ts, from
// the blob. The rest of the socket family is printed by kinds (sockaddr, sockaddrOut, socklen).

import { arch, arg, capData, capLen, exiting, findCap, isError, rval } from "../call";
import { T_ADDRFAMS, T_SOCKETLAYERS, T_SOCKOPTIONS, T_SOCKTYPES } from "../known";
import { putc, puts } from "../out";
import { putAddr, putI64 } from "../print/num";
import { printStruct, S_FDPAIR } from "../print/structs";
import { printEnum, printFlags } from "../print/xlat";
import { CK_BUFFER_ARG_LEN, CK_BUFFER_RET_LEN, CK_STRUCT } from "../record";
import {
  argKind,
  argParam,
  findRequestArg,
  K_NOT_PRINTED,
  requestArgIndex,
  requestArgKind,
  requestArgParam,
  rowNargs,
  valueOf,
} from "../tables";
import { capturedInt, printArg, printBufIn, printFd, printIntInOut } from "./args";
import { decodeNetlink, NL_NONE, netlinkFamily } from "./netlink";
import { RVAL_DECODED } from "./rval";

function printFamilyTypeProto(): void {
  const fam = <u32>arg(0);
  printEnum(T_ADDRFAMS, <u64>fam);
  puts(", ");
  printFlags(T_SOCKTYPES, <u64>(<u32>arg(1)));
  puts(", ");
  printByRequest("socket", fam, 2);
}

/** socket(domain, type, protocol) and socketpair(domain, type, protocol, sv). */
export function decodeSocket(pair: bool): i32 {
  if (!pair) {
    printFamilyTypeProto();
    return RVAL_DECODED;
  }
  if (!exiting) {
    printFamilyTypeProto();
    puts(", ");
    return 0;
  }
  if (!isError && findCap(3, CK_STRUCT, true) && printStruct(S_FDPAIR, capData, capLen, arch))
    return RVAL_DECODED;
  putAddr(arg(3));
  return RVAL_DECODED;
}

function printLevelName(decoder: string): void {
  const level = <u32>arg(1);
  printEnum(T_SOCKETLAYERS, <u64>level);
  puts(", ");
  printByRequest(decoder, level, 2);
  puts(", ");
}

/**
 * Argument `i` as core's request-arg table (data/request-args.ts, from the blob) says for this
 * selector value; a plain int when it names none (strace prints unknown protocols and option
 * names so).
 */
function printByRequest(decoder: string, value: u32, i: u32): void {
  const e = findRequestArg(decoder, value);
  if (e >= 0 && requestArgKind(e) != K_NOT_PRINTED)
    printArg(requestArgIndex(e), requestArgKind(e), requestArgParam(e));
  else if (e < 0) putI64(<i64>(<i32>arg(i)));
}

const SOL_SOCKET: u32 = 1;
const SOL_NETLINK: u32 = 270;

/**
 * SOL_SOCKET options whose value strace prints as an int whatever the length past 4 (net.c's
 * "all known int-like options"), by name in core's sockoptions table.
 */
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

function isSockOpt(name: u32, names: string[]): bool {
  const t = T_SOCKOPTIONS;
  for (let i = 0; i < names.length; i++) if (valueOf(t, names[i], 0xffffffff) == <u64>name) return true;
  return false;
}

/** `[1]`: the int at the start of argument 3's capture; its address when it was not read. */
function printIntValue(): void {
  if (findCap(3, CK_BUFFER_ARG_LEN, false) && capLen >= 4) {
    putc(0x5b);
    putI64(<i64>load<i32>(capData));
    putc(0x5d);
  } else putAddr(arg(3));
}

/** strace's print_setsockopt: the value by level and option, else an int or a string. */
function printSetsockoptValue(level: u32, name: u32, len: i32): void {
  if (arg(3) != 0) {
    if (level == SOL_SOCKET && name == <u32>valueOf(T_SOCKOPTIONS, "SO_LINGER", 0xffffffff)) {
      if (len < 8 || !findCap(3, CK_BUFFER_ARG_LEN, false) || capLen < 8) putAddr(arg(3));
      else {
        puts("{l_onoff=");
        putI64(<i64>load<i32>(capData));
        puts(", l_linger=");
        putI64(<i64>load<i32>(capData + 4));
        putc(0x7d);
      }
      return;
    }
    if ((level == SOL_SOCKET && isSockOpt(name, SO_INT_LIKE)) || level == SOL_NETLINK) {
      if (len < 4) putAddr(arg(3));
      else printIntValue();
      return;
    }
  }
  if (len == 4 && arg(3) != 0) printIntValue();
  else printBufIn(3, <u64>max(len, 0));
}

export function decodeSetsockopt(): i32 {
  printFd(0);
  puts(", ");
  printLevelName("setsockopt");
  const len = <i32>arg(4);
  printSetsockoptValue(<u32>arg(1), <u32>arg(2), len);
  puts(", ");
  putI64(<i64>len);
  return RVAL_DECODED;
}

export function decodeGetsockopt(): i32 {
  if (!exiting) {
    printFd(0);
    puts(", ");
    printLevelName("getsockopt");
    return 0;
  }
  const len = capturedInt(4, true, -1);
  if (!isError && len == 4 && findCap(3, CK_STRUCT, true) && capLen >= 4) {
    putc(0x5b);
    putI64(<i64>load<i32>(capData));
    putc(0x5d);
  } else putAddr(arg(3));
  puts(", ");
  printIntInOut(4);
  return RVAL_DECODED;
}

/**
 * strace's decode_sockbuf: argument 1 as netlink messages when the fd is a netlink socket (its
 * FdDecode.NETLINK capture says so), else as its kind prints it.
 */
function printSockbuf(r: u32, atExit: bool): void {
  const family = netlinkFamily(atExit);
  if (family != NL_NONE) {
    if (!atExit && findCap(1, CK_BUFFER_ARG_LEN, false)) {
      decodeNetlink(capData, capLen, arg(2), family, arg(1));
      return;
    }
    if (atExit && !isError && findCap(1, CK_BUFFER_RET_LEN, true)) {
      decodeNetlink(capData, capLen, <u64>rval, family, arg(1));
      return;
    }
  }
  printArg(1, argKind(r, 1), argParam(r, 1));
}

/** The arguments of row r from `from` on, by their kinds (argument 1 by printSockbuf). */
function printArgsFrom(r: u32, from: u32, atExit: bool): void {
  const n = rowNargs(r);
  for (let i = from; i < n; i++) {
    if (i > 0) puts(", ");
    if (i == 1) printSockbuf(r, atExit);
    else printArg(i, argKind(r, i), argParam(r, i));
  }
}

/** sendto(fd, buf, len, flags, addr, addrlen). */
export function decodeSendto(r: u32): i32 {
  printArgsFrom(r, 0, false);
  return RVAL_DECODED;
}

/** recvfrom(fd, buf, len, flags, addr, addrlen): the fd at entry, the rest at exit. */
export function decodeRecvfrom(r: u32): i32 {
  if (!exiting) {
    printFd(0);
    return 0;
  }
  printArgsFrom(r, 1, true);
  return RVAL_DECODED;
}
