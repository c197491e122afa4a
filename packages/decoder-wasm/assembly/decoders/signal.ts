// rt_sigaction and rt_sigprocmask: the new value at entry, the old one at exit.

import { arch, arg, capData, capLen, exiting, findCap, isError } from "../call";
import { T_SIGPROCMASK } from "../known";
import { puts } from "../out";
import { putAddr, putU64 } from "../print/num";
import { printSignal, printSigset } from "../print/signal";
import { printStruct, S_SIGACTION } from "../print/structs";
import { printEnum } from "../print/xlat";
import { RVAL_DECODED } from "./rval";

function printSigactionArg(i: u32, atExit: bool): void {
  const p = arg(i);
  if (
    p != 0 &&
    !(atExit && isError) &&
    findCap(i, 0, atExit) &&
    printStruct(S_SIGACTION, capData, capLen, arch)
  )
    return;
  putAddr(p);
}

function printSigsetArg(i: u32, atExit: bool): void {
  const p = arg(i);
  const size = <u32>arg(3);
  if (p != 0 && !(atExit && isError) && size <= 128 && findCap(i, 0, atExit) && capLen >= size && size > 0) {
    printSigset(capData, size);
    return;
  }
  putAddr(p);
}

export function decodeRtSigaction(): i32 {
  if (!exiting) {
    printSignal(<u64>(<u32>arg(0)));
    puts(", ");
    printSigactionArg(1, false);
    puts(", ");
    return 0;
  }
  printSigactionArg(2, true);
  puts(", ");
  putU64(arg(3));
  return RVAL_DECODED;
}

export function decodeRtSigprocmask(): i32 {
  if (!exiting) {
    printEnum(T_SIGPROCMASK, <u64>(<u32>arg(0)));
    puts(", ");
    printSigsetArg(1, false);
    puts(", ");
    return 0;
  }
  printSigsetArg(2, true);
  puts(", ");
  putU64(arg(3));
  return RVAL_DECODED;
}
