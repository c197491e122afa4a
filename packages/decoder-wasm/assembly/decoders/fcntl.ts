// fcntl(fd, cmd, arg): the third argument and the return value print per command (strace's fcntl.c).

import { arg, exiting, rval } from "../call";
import { T_FCNTL_CMDS, T_FCNTL_SEALS, T_FD_FLAGS, T_OPEN_FLAGS } from "../known";
import { puts } from "../out";
import { putHex, putI64 } from "../print/num";
import { printSignal } from "../print/signal";
import { printEnum, printFlags } from "../print/xlat";
import { printFd } from "./args";
import { AUX_FLAGS, AUX_SEALS, RVAL_DECODED, RVAL_FD, RVAL_HEX, setAux } from "./rval";

const F_DUPFD: u32 = 0;
const F_GETFD: u32 = 1;
const F_SETFD: u32 = 2;
const F_GETFL: u32 = 3;
const F_SETFL: u32 = 4;
const F_SETOWN: u32 = 8;
const F_GETOWN: u32 = 9;
const F_SETSIG: u32 = 10;
const F_GETSIG: u32 = 11;
const F_SETLEASE: u32 = 1024;
const F_GETLEASE: u32 = 1025;
const F_NOTIFY: u32 = 1026;
const F_DUPFD_CLOEXEC: u32 = 1030;
const F_SETPIPE_SZ: u32 = 1031;
const F_GETPIPE_SZ: u32 = 1032;
const F_ADD_SEALS: u32 = 1033;
const F_GET_SEALS: u32 = 1034;

export function decodeFcntl(): i32 {
  const cmd = <u32>arg(1);
  if (!exiting) {
    printFd(0);
    puts(", ");
    printEnum(T_FCNTL_CMDS, <u64>cmd);
    switch (cmd) {
      case F_SETFD:
        puts(", ");
        printFlags(T_FD_FLAGS, <u64>(<u32>arg(2)));
        break;
      case F_SETFL:
        puts(", ");
        printFlags(T_OPEN_FLAGS, <u64>(<u32>arg(2)));
        break;
      case F_SETOWN:
      case F_DUPFD:
      case F_DUPFD_CLOEXEC:
      case F_SETPIPE_SZ:
      case F_SETLEASE:
        puts(", ");
        putI64(<i64>(<i32>arg(2)));
        break;
      case F_SETSIG:
        puts(", ");
        printSignal(<u64>(<u32>arg(2)));
        break;
      case F_ADD_SEALS:
        puts(", ");
        printFlags(T_FCNTL_SEALS, <u64>(<u32>arg(2)));
        break;
      case F_NOTIFY:
        puts(", ");
        putI64(<i64>(<i32>arg(2)));
        break;
      case F_GETFD:
      case F_GETFL:
      case F_GETOWN:
      case F_GETSIG:
      case F_GETPIPE_SZ:
      case F_GET_SEALS:
      case F_GETLEASE:
        break;
      default:
        puts(", ");
        putHex(arg(2));
    }
    if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC) return RVAL_DECODED | RVAL_FD;
    if (cmd != F_GETFD && cmd != F_GETFL && cmd != F_GET_SEALS) return RVAL_DECODED;
    return 0;
  }
  if (cmd == F_GETFD) {
    if (rval == 0) return RVAL_DECODED;
    setAux(AUX_FLAGS, T_FD_FLAGS);
    return RVAL_DECODED | RVAL_HEX;
  }
  if (cmd == F_GETFL) {
    setAux(AUX_FLAGS, T_OPEN_FLAGS);
    return RVAL_DECODED | RVAL_HEX;
  }
  setAux(AUX_SEALS, T_FCNTL_SEALS);
  return RVAL_DECODED | RVAL_HEX;
}
