// rt_sigaction and rt_sigprocmask: the new value at entry, the old one at exit.

import { arch, arg, capData, capLen, eRec, exiting, findCap, isError, rval } from "../call";
import { T_SIGPROCMASK } from "../known";
import { puts } from "../out";
import { putAddr, putHex, putU64 } from "../print/num";
import { printSignal, printSigset } from "../print/signal";
import { printStruct, S_SIGACTION } from "../print/structs";
import { printEnum } from "../print/xlat";
import { CK_STACK, ENTER_SP, HDR_LENGTH } from "../record";
import { printSigsetArg as printSigsetOf } from "./args";
import { decodeGeneric } from "./generic";
import { AUX_CUSTOM, RVAL_DECODED, setAux } from "./rval";

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
  // strace's print_sigset_addr_len: a size from the word size to the kernel's sigset_t (8 bytes).
  const word: u32 = (arch & 0x80000000) != 0 || arch == 0 ? 8 : 4;
  const sized = arg(3) >= <u64>word && arg(3) <= 8;
  if (p != 0 && !(atExit && isError) && sized && findCap(i, 0, atExit) && capLen >= size) {
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

/**
 * x86_64: the mask rt_sigreturn restores is at the stack pointer + 296 (core's
 * data/sigframes.ts says why; test/contract.test.ts keeps the two equal). Used only to print
 * the address when the frame cannot be read, as strace does.
 */
export const SIGRETURN_MASK_OFFSET_X86_64: u32 = 296;
const AUDIT_ARCH_X86_64: u32 = 0xc000003e;

/** rt_sigreturn({mask=[…]}): the mask comes from the signal frame (a STACK capture), not an argument. */
export function decodeRtSigreturn(): i32 {
  if (arch != AUDIT_ARCH_X86_64) return RVAL_DECODED;
  puts("{mask=");
  if (findCap(0, CK_STACK, false) && capLen > 0) printSigset(capData, capLen);
  else putHex(load<u64>(eRec + HDR_LENGTH + ENTER_SP) + SIGRETURN_MASK_OFFSET_X86_64);
  puts("}");
  return RVAL_DECODED;
}

/** rt_sigtimedwait: the row's kinds print the call; the signal it took follows the return value. */
export function decodeRtSigtimedwait(r: u32): i32 {
  const ret = decodeGeneric(r);
  if (exiting && !isError && rval > 0) setAux(AUX_CUSTOM, 0);
  return ret;
}

/** ` (SIGALRM)` after rt_sigtimedwait's return value. */
export function printSigtimedwaitAux(): void {
  puts(" (");
  printSignal(<u64>rval);
  puts(")");
}

/**
 * rt_sigpending(set, sigsetsize) at exit: the kernel takes any size up to sigset_t's (the old
 * sigpending shares its code), so a set of even one byte prints.
 */
export function decodeRtSigpending(): i32 {
  if (!exiting) return 0;
  printSigsetOf(0, 1, true, 1);
  puts(", ");
  putU64(arg(1));
  return RVAL_DECODED;
}
