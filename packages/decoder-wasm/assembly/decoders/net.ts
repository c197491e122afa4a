// socket, socketpair, setsockopt, getsockopt: arguments whose table depends on another argument
// (the protocol on the family, the option name on the level): core's data/request-args.ts, from
// the blob. The rest of the socket family is printed by kinds (sockaddr, sockaddrOut, socklen).

import { arch, arg, capData, capLen, exiting, findCap, findCapPrefix, isError, rval } from "../call";
import { T_ADDRFAMS, T_SOCKETLAYERS, T_SOCKTYPES } from "../known";
import { strsize } from "../options";
import { putc, puts } from "../out";
import { putAddr, putI64 } from "../print/num";
import { printBuffer } from "../print/quote";
import { printStruct, S_FDPAIR } from "../print/structs";
import { printEnum, printFlags } from "../print/xlat";
import { CK_BUFFER_ARG_LEN, CK_BUFFER_RET_LEN, CK_STRUCT } from "../record";
import {
  argKind,
  argParam,
  findRequestArg,
  findTable,
  K_NOT_PRINTED,
  lookup,
  NO_REF,
  requestArgIndex,
  requestArgKind,
  requestArgParam,
  rowNargs,
} from "../tables";
import { capturedInt, printArg, printFd } from "./args";
import { decodeNetlink, NL_NONE, netlinkFamily } from "./netlink";
import { RVAL_DECODED } from "./rval";
import { printGetsockoptValue, printSetsockoptValue } from "./sockopt";

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

/** include/linux/socket.h */
const SOL_SOCKET: u32 = 1;
let T_GETSOCK_OPTIONS: i32 = -2;

function printLevelName(decoder: string): void {
  const level = <u32>arg(1);
  printEnum(T_SOCKETLAYERS, <u64>level);
  puts(", ");
  // getsockopt's SOL_SOCKET names its own first (SO_GET_FILTER, which setsockopt calls SO_ATTACH_FILTER)
  if (T_GETSOCK_OPTIONS == -2) T_GETSOCK_OPTIONS = findTable("getsock_options");
  if (
    decoder == "getsockopt" &&
    level == SOL_SOCKET &&
    lookup(T_GETSOCK_OPTIONS, <u64>(<u32>arg(2))) != NO_REF
  )
    printEnum(T_GETSOCK_OPTIONS, <u64>(<u32>arg(2)));
  else printByRequest(decoder, level, 2);
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

export function decodeSetsockopt(): i32 {
  printFd(0);
  puts(", ");
  printLevelName("setsockopt");
  const len = <i32>arg(4);
  printSetsockoptValue(<u32>arg(1), <u32>arg(2), arg(3), len);
  puts(", ");
  putI64(<i64>len);
  return RVAL_DECODED;
}

/**
 * getsockopt: fd, level and name at entry, with the optlen the caller passed (its address and
 * optval's when unreadable, as strace's); the value at exit, cut at the optlen the kernel
 * returned, then `[asked => returned]`.
 */
export function decodeGetsockopt(): i32 {
  if (!exiting) {
    printFd(0);
    puts(", ");
    printLevelName("getsockopt");
    if (arg(4) == 0 || !findCap(4, CK_STRUCT, false) || capLen < 4) {
      putAddr(arg(3));
      puts(", ");
      putAddr(arg(4));
      return RVAL_DECODED;
    }
    return 0;
  }
  const ulen = <i32>capturedInt(4, false, 0);
  const got = !isError && findCap(4, CK_STRUCT, true) && capLen >= 4;
  const rlen = got ? load<i32>(capData) : 0;
  if (!got) putAddr(arg(3));
  else printGetsockoptValue(<u32>arg(1), <u32>arg(2), arg(3), ulen, rlen);
  puts(", [");
  putI64(<i64>ulen);
  if (got && rlen != ulen) {
    puts(" => ");
    putI64(<i64>rlen);
  }
  putc(0x5d);
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
      decodeNetlink(capData, capLen, received(), family, arg(1));
      return;
    }
  }
  if (atExit && !isError) {
    // strace's recvfrom: min(rval, len) bytes (MSG_TRUNC returns more than it wrote); only the
    // bytes printed need be readable.
    const n = received();
    const want = n < <u64>strsize + 1 ? <u32>n : <u32>strsize + 1;
    if (findCapPrefix(1, CK_BUFFER_RET_LEN, true, want))
      printBuffer(capData, capLen < n ? capLen : <u32>n, n);
    else putAddr(arg(1));
    return;
  }
  printArg(1, argKind(r, 1), argParam(r, 1));
}

/** The bytes recvfrom wrote: the return value, at most the buffer's length. */
function received(): u64 {
  return <u64>rval < arg(2) ? <u64>rval : arg(2);
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
