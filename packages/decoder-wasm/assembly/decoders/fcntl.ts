// fcntl(fd, cmd, arg): the third argument and the return value print per command (strace's fcntl.c).
// The argument's printing per command is core's data/request-args.ts (through the tables blob);
// the return value's (an fd, or flags in a comment) is still decided here.

import { arg, exiting, rval } from "../call";
import { T_FCNTL_CMDS, T_FCNTL_SEALS, T_FD_FLAGS, T_OPEN_FLAGS } from "../known";
import { puts } from "../out";
import { putHex } from "../print/num";
import { printEnum } from "../print/xlat";
import { findRequestArg, K_NOT_PRINTED, requestArgIndex, requestArgKind, requestArgParam } from "../tables";
import { printArg, printFd } from "./args";
import { AUX_FLAGS, AUX_SEALS, RVAL_DECODED, RVAL_FD, RVAL_HEX, setAux } from "./rval";

const F_DUPFD: u32 = 0;
const F_GETFD: u32 = 1;
const F_GETFL: u32 = 3;
const F_DUPFD_CLOEXEC: u32 = 1030;
const F_GET_SEALS: u32 = 1034;

export function decodeFcntl(): i32 {
  const cmd = <u32>arg(1);
  if (!exiting) {
    printFd(0);
    puts(", ");
    printEnum(T_FCNTL_CMDS, <u64>cmd);
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
