// socket, socketpair, setsockopt, getsockopt: arguments whose table depends on another argument
// (the protocol on the family, the option name on the level). The rest of the socket family is
// printed by kinds (sockaddr, sockaddrOut, socklen).

import { arch, arg, capData, capLen, exiting, findCap, isError } from "../call";
import {
  T_ADDRFAMS,
  T_INET_PROTOCOLS,
  T_NETLINK_PROTOCOLS,
  T_SOCKETLAYERS,
  T_SOCKOPTIONS,
  T_SOCKTYPES,
  T_TCP_OPTIONS,
} from "../known";
import { putc, puts } from "../out";
import { putAddr, putI64 } from "../print/num";
import { printStruct, S_FDPAIR } from "../print/structs";
import { printEnum, printFlags } from "../print/xlat";
import { CK_BUFFER_ARG_LEN, CK_STRUCT } from "../record";
import { capturedInt, printBufIn, printFd, printIntInOut } from "./args";
import { RVAL_DECODED } from "./rval";

const AF_INET: u32 = 2;
const AF_INET6: u32 = 10;
const AF_NETLINK: u32 = 16;
const SOL_SOCKET: u32 = 1;
const SOL_TCP: u32 = 6;

function printFamilyTypeProto(): void {
  const fam = <u32>arg(0);
  printEnum(T_ADDRFAMS, <u64>fam);
  puts(", ");
  printFlags(T_SOCKTYPES, <u64>(<u32>arg(1)));
  puts(", ");
  const proto = <u64>(<u32>arg(2));
  if (fam == AF_INET || fam == AF_INET6) printEnum(T_INET_PROTOCOLS, proto);
  else if (fam == AF_NETLINK) printEnum(T_NETLINK_PROTOCOLS, proto);
  else putI64(<i64>(<i32>arg(2)));
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

function printLevelName(): void {
  const level = <u32>arg(1);
  printEnum(T_SOCKETLAYERS, <u64>level);
  puts(", ");
  const name = <u64>(<u32>arg(2));
  if (level == SOL_SOCKET) printEnum(T_SOCKOPTIONS, name);
  else if (level == SOL_TCP) printEnum(T_TCP_OPTIONS, name);
  else putI64(<i64>(<i32>arg(2)));
  puts(", ");
}

export function decodeSetsockopt(): i32 {
  printFd(0);
  puts(", ");
  printLevelName();
  const len = <i32>arg(4);
  if (len == 4 && arg(3) != 0 && findCap(3, CK_BUFFER_ARG_LEN, false) && capLen >= 4) {
    putc(0x5b);
    putI64(<i64>load<i32>(capData));
    putc(0x5d);
  } else printBufIn(3, <u64>max(len, 0));
  puts(", ");
  putI64(<i64>len);
  return RVAL_DECODED;
}

export function decodeGetsockopt(): i32 {
  if (!exiting) {
    printFd(0);
    puts(", ");
    printLevelName();
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
