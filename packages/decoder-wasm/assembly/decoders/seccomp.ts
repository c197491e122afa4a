// seccomp(operation, flags, args) as strace 6.1's seccomp.c prints it: the operation by name, the
// flags by name for SECCOMP_SET_MODE_FILTER (else in hex), and what args points at per operation
// (the filter program, the action asked about, the sizes the kernel reports at exit), from core's
// value captures.

import { arg, capData, capLen, exiting, findCap, isError } from "../call";
import {
  SECCOMP_NOTIF_SIZES_SECCOMP_DATA,
  SECCOMP_NOTIF_SIZES_SECCOMP_NOTIF,
  SECCOMP_NOTIF_SIZES_SECCOMP_NOTIF_RESP,
  SIZEOF_SECCOMP_NOTIF_SIZES,
} from "../layouts";
import { putc, puts } from "../out";
import { putAddr, putHex, putU64 } from "../print/num";
import { printEnum, printFlags } from "../print/xlat";
import { CK_STRUCT_IF } from "../record";
import { findTable } from "../tables";
import { printSockFprog } from "./prctl";
import { RVAL_DECODED } from "./rval";

const SECCOMP_SET_MODE_FILTER: u32 = 1;
const SECCOMP_GET_ACTION_AVAIL: u32 = 2;
const SECCOMP_GET_NOTIF_SIZES: u32 = 3;

let T_OPS: i32 = -2;
let T_FILTER_FLAGS: i32 = -1;
let T_RET_ACTION: i32 = -1;

export function decodeSeccomp(): i32 {
  if (T_OPS == -2) {
    T_OPS = findTable("seccomp_ops");
    T_FILTER_FLAGS = findTable("seccomp_filter_flags");
    T_RET_ACTION = findTable("seccomp_ret_action");
  }
  const op = <u32>arg(0);
  const flags = <u64>(<u32>arg(1));
  if (exiting) {
    // SECCOMP_GET_NOTIF_SIZES: the sizes the kernel wrote.
    if (isError || !findCap(2, CK_STRUCT_IF, true) || capLen < SIZEOF_SECCOMP_NOTIF_SIZES) {
      putAddr(arg(2));
      return RVAL_DECODED;
    }
    puts("{seccomp_notif=");
    putU64(<u64>load<u16>(capData + SECCOMP_NOTIF_SIZES_SECCOMP_NOTIF));
    puts(", seccomp_notif_resp=");
    putU64(<u64>load<u16>(capData + SECCOMP_NOTIF_SIZES_SECCOMP_NOTIF_RESP));
    puts(", seccomp_data=");
    putU64(<u64>load<u16>(capData + SECCOMP_NOTIF_SIZES_SECCOMP_DATA));
    putc(0x7d);
    return RVAL_DECODED;
  }
  printEnum(T_OPS, <u64>op);
  puts(", ");
  if (op == SECCOMP_SET_MODE_FILTER) {
    printFlags(T_FILTER_FLAGS, flags);
    puts(", ");
    printSockFprog(2);
    return RVAL_DECODED;
  }
  putHex(flags);
  puts(", ");
  if (op == SECCOMP_GET_NOTIF_SIZES) return 0;
  if (op == SECCOMP_GET_ACTION_AVAIL && arg(2) != 0 && findCap(2, CK_STRUCT_IF, false) && capLen >= 4) {
    putc(0x5b);
    printEnum(T_RET_ACTION, <u64>load<u32>(capData));
    putc(0x5d);
  } else putAddr(arg(2));
  return RVAL_DECODED;
}
