// fcntl(fd, cmd, arg): the third argument and the return value print per command (strace's fcntl.c).
// The argument's printing per command is core's data/request-args.ts (through the tables blob);
// the return value's (an fd, or flags in a comment) is still decided here.

import { arg, capData, capLen, exiting, findCap, isError, rval } from "../call";
import { T_FCNTL_CMDS, T_FCNTL_SEALS, T_FD_FLAGS, T_OPEN_FLAGS } from "../known";
import {
  FLOCK_L_LEN,
  FLOCK_L_PID,
  FLOCK_L_START,
  FLOCK_L_TYPE,
  FLOCK_L_WHENCE,
  SIZEOF_FLOCK,
} from "../layouts";
import { putc, puts } from "../out";
import { putAddr, putHex, putI64 } from "../print/num";
import { printSignal } from "../print/signal";
import { printEnum } from "../print/xlat";
import { CK_STRUCT_IF } from "../record";
import {
  findRequestArg,
  findTable,
  K_NOT_PRINTED,
  requestArgIndex,
  requestArgKind,
  requestArgParam,
} from "../tables";
import { printArg, printFd } from "./args";
import { AUX_CUSTOM, AUX_ENUM, AUX_FLAGS, AUX_SEALS, RVAL_DECODED, RVAL_FD, RVAL_HEX, setAux } from "./rval";

const F_DUPFD: u32 = 0;
const F_GETFD: u32 = 1;
const F_GETFL: u32 = 3;
const F_DUPFD_CLOEXEC: u32 = 1030;
const F_GET_SEALS: u32 = 1034;
const F_GETLK: u32 = 5;
const F_SETLK: u32 = 6;
const F_SETLKW: u32 = 7;
const F_OFD_GETLK: u32 = 36;
const F_OFD_SETLK: u32 = 37;
const F_OFD_SETLKW: u32 = 38;
const F_SETOWN_EX: u32 = 15;
const F_GETOWN_EX: u32 = 16;
const F_GETSIG: u32 = 11;
const F_GETLEASE: u32 = 1025;

let T_LOCK_TYPES: i32 = -2;
let T_WHENCE: i32 = -1;
let T_F_OWNER_TYPES: i32 = -1;

function resolveTables(): void {
  if (T_LOCK_TYPES != -2) return;
  T_LOCK_TYPES = findTable("lock_types");
  T_WHENCE = findTable("lseek_whence");
  T_F_OWNER_TYPES = findTable("f_owner_types");
}

/** struct f_owner_ex (core's value capture): `{type=F_OWNER_PID, pid=1234}`. */
function printOwnerEx(atExit: bool): void {
  resolveTables();
  if ((atExit && isError) || !findCap(2, CK_STRUCT_IF, atExit) || capLen < 8) {
    putAddr(arg(2));
    return;
  }
  puts("{type=");
  printEnum(T_F_OWNER_TYPES, <u64>load<u32>(capData));
  puts(", pid=");
  putI64(<i64>load<i32>(capData + 4));
  putc(0x7d);
}

/** The signal F_GETSIG returned, after the number: ` (SIGHUP)`. */
export function printFcntlAux(): void {
  puts(" (");
  printSignal(<u64>rval);
  putc(0x29);
}

/** struct flock (core's value capture): `{l_type=F_RDLCK, l_whence=SEEK_SET, l_start=0, l_len=0}`, l_pid for F_GETLK. */
function printFlock(atExit: bool): void {
  resolveTables();
  if ((atExit && isError) || !findCap(2, CK_STRUCT_IF, atExit) || capLen < SIZEOF_FLOCK) {
    putAddr(arg(2));
    return;
  }
  puts("{l_type=");
  printEnum(T_LOCK_TYPES, <u64>(<u16>load<i16>(capData + FLOCK_L_TYPE)));
  puts(", l_whence=");
  printEnum(T_WHENCE, <u64>(<u16>load<i16>(capData + FLOCK_L_WHENCE)));
  puts(", l_start=");
  putI64(load<i64>(capData + FLOCK_L_START));
  puts(", l_len=");
  putI64(load<i64>(capData + FLOCK_L_LEN));
  if (atExit) {
    puts(", l_pid=");
    putI64(<i64>load<i32>(capData + FLOCK_L_PID));
  }
  putc(0x7d);
}

export function decodeFcntl(): i32 {
  const cmd = <u32>arg(1);
  if (!exiting) {
    printFd(0);
    puts(", ");
    printEnum(T_FCNTL_CMDS, <u64>cmd);
    if (cmd == F_SETLK || cmd == F_SETLKW || cmd == F_OFD_SETLK || cmd == F_OFD_SETLKW) {
      puts(", ");
      printFlock(false);
      return RVAL_DECODED;
    }
    if (cmd == F_SETOWN_EX) {
      puts(", ");
      printOwnerEx(false);
      return RVAL_DECODED;
    }
    if (cmd == F_GETLK || cmd == F_OFD_GETLK || cmd == F_GETOWN_EX) return 0;
    // How the third argument prints per command is core's table (data/request-args.ts), from
    // the blob; a command it does not list prints the argument in hex.
    const e = findRequestArg("fcntl", cmd);
    if (e < 0) {
      puts(", ");
      putHex(arg(2));
    } else if (requestArgKind(e) != K_NOT_PRINTED) {
      puts(", ");
      printArg(requestArgIndex(e), requestArgKind(e), requestArgParam(e));
    }
    if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC) return RVAL_DECODED | RVAL_FD;
    if (cmd != F_GETFD && cmd != F_GETFL && cmd != F_GET_SEALS && cmd != F_GETSIG && cmd != F_GETLEASE)
      return RVAL_DECODED;
    return 0;
  }
  if (cmd == F_GETOWN_EX) {
    puts(", ");
    printOwnerEx(true);
    return RVAL_DECODED;
  }
  if (cmd == F_GETSIG) {
    if (!isError && rval != 0) setAux(AUX_CUSTOM, 0);
    return RVAL_DECODED;
  }
  if (cmd == F_GETLEASE) {
    resolveTables();
    if (!isError) setAux(AUX_ENUM, T_LOCK_TYPES);
    return RVAL_DECODED | RVAL_HEX;
  }
  if (cmd == F_GETLK || cmd == F_OFD_GETLK) {
    puts(", ");
    printFlock(true);
    return RVAL_DECODED;
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
