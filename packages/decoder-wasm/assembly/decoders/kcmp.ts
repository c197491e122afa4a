// kcmp (strace's kcmp.c): which arguments follow the type depends on it; KCMP_FILE compares fds.

import { arg, capData, capLen, findCap } from "../call";
import { T_KCMP_TYPES } from "../known-tail";
import { puts } from "../out";
import { putAddr, putHex, putI64, putU64 } from "../print/num";
import { printPid } from "../print/pid";
import { printEnum } from "../print/xlat";
import { CK_STRUCT_IF, PT_TGID } from "../record";
import { printFd } from "./args";
import { RVAL_DECODED } from "./rval";

const KCMP_FILE: u32 = 0;
const KCMP_EPOLL_TFD: u32 = 7;

/** struct kcmp_epoll_slot {efd, tfd, toff}: the second process's fds, so printed as numbers. */
function printEpollSlot(): void {
  const p = arg(4);
  if (p == 0 || !findCap(4, CK_STRUCT_IF, false) || capLen < 12) {
    putAddr(p);
    return;
  }
  puts("{efd=");
  putI64(<i64>load<i32>(capData));
  puts(", tfd=");
  putI64(<i64>load<i32>(capData + 4));
  puts(", toff=");
  putU64(<u64>load<u32>(capData + 8));
  puts("}");
}

export function decodeKcmp(): i32 {
  printPid(<i32>arg(0), PT_TGID);
  puts(", ");
  printPid(<i32>arg(1), PT_TGID);
  puts(", ");
  const type = <u32>arg(2);
  printEnum(T_KCMP_TYPES, <u64>type);
  if (type == KCMP_FILE || type == KCMP_EPOLL_TFD) {
    // the fds of the two processes (with -y, what they name when the tracee is one of them)
    puts(", ");
    printFd(3);
    puts(", ");
    if (type == KCMP_FILE) printFd(4);
    else printEpollSlot();
  } else if (type > KCMP_EPOLL_TFD) {
    puts(", ");
    putHex(arg(3));
    puts(", ");
    putHex(arg(4));
  }
  return RVAL_DECODED;
}
