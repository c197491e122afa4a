// ioctl(fd, request, arg): the request by name from core's ioctl table, else strace's _IOC(...)
// decomposition (asm-generic encoding: nr 8 bits, type 8, size 14, dir 2).

import { arch, arg, capData, capLen, exiting, findCap, isError } from "../call";
import { T_IOCTL } from "../known";
import { outLen, putc, puts } from "../out";
import { putHex, putI64 } from "../print/num";
import { printStruct, S_INT, S_WINSIZE } from "../print/structs";
import { FMT_HEX, restyle } from "../print/style";
import { printTermios } from "../print/termios";
import { putRef } from "../print/xlat";
import { CK_STRUCT_IF } from "../record";
import { lookup, NO_REF } from "../tables";
import { printFd } from "./args";
import { RVAL_DECODED } from "./rval";

const SHARED_TCSETS: string[] = [
  "SNDCTL_TMR_START or TCSETS",
  "SNDCTL_TMR_STOP or TCSETSW",
  "SNDCTL_TMR_CONTINUE or TCSETSF",
];

/** The request by name, or `_IOC(...)`; -X raw/verbose restyle it as one value. */
export function printIoctlRequest(req: u32): void {
  const start = outLen;
  printIoctlRequestAbbrev(req);
  restyle(start, <u64>req, FMT_HEX);
}

function printIoctlRequestAbbrev(req: u32): void {
  // OSS's sequencer requests share TCSETS* numbers; strace names both.
  if (req >= 0x5402 && req <= 0x5404) {
    puts(SHARED_TCSETS[req - 0x5402]);
    return;
  }
  const ref = lookup(T_IOCTL, <u64>req);
  if (ref != NO_REF) {
    putRef(ref);
    return;
  }
  // Requests two subsystems share a number for; strace names both.
  if (req == 0x40049409) {
    puts("BTRFS_IOC_CLONE or FICLONE");
    return;
  }

  const dir = req >> 30;
  puts("_IOC(");
  if (dir == 0) puts("_IOC_NONE");
  else if (dir == 1) puts("_IOC_WRITE");
  else if (dir == 2) puts("_IOC_READ");
  else puts("_IOC_READ|_IOC_WRITE");
  puts(", ");
  putHex(<u64>((req >> 8) & 0xff));
  puts(", ");
  putHex(<u64>(req & 0xff));
  puts(", ");
  putHex(<u64>((req >> 16) & 0x3fff));
  putc(0x29);
}

/** strace's term_ioctl requests that take no argument: it prints none. */
function takesNoArg(req: u32): bool {
  return (
    req == 0x5451 || // FIOCLEX
    req == 0x5450 || // FIONCLEX
    req == 0x540c || // TIOCEXCL
    req == 0x540d || // TIOCNXCL
    req == 0x5422 || // TIOCNOTTY
    req == 0x541d || // TIOCCONS
    req == 0x5427 || // TIOCSBRK
    req == 0x5428 // TIOCCBRK
  );
}

// The requests whose argument points at memory (core's data/value-captures.ts captures it):
// what it holds, and whether the kernel writes it (printed at exit) or reads it (at entry).
const ARG_NONE: u32 = 0;
const ARG_INT: u32 = 1;
const ARG_WINSIZE: u32 = 2;
const ARG_TERMIOS: u32 = 3;
const OUT: u32 = 0x100;

function argShape(req: u32): u32 {
  switch (req) {
    case 0x541b: // FIONREAD
    case 0x540f: // TIOCGPGRP
    case 0x80045430: // TIOCGPTN
      return ARG_INT | OUT;
    case 0x5421: // FIONBIO
    case 0x5452: // FIOASYNC
    case 0x5410: // TIOCSPGRP
    case 0x40045431: // TIOCSPTLCK
      return ARG_INT;
    case 0x5413: // TIOCGWINSZ
      return ARG_WINSIZE | OUT;
    case 0x5414: // TIOCSWINSZ
      return ARG_WINSIZE;
    case 0x5401: // TCGETS
      return ARG_TERMIOS | OUT;
    case 0x5402: // TCSETS
    case 0x5403: // TCSETSW
    case 0x5404: // TCSETSF
      return ARG_TERMIOS;
  }
  return ARG_NONE;
}

/** The pointed-at argument as strace prints it, or its address when it was not read. */
function printPointee(shape: u32, atExit: bool): void {
  const kind = shape & 0xff;
  let ok = !(atExit && isError) && findCap(2, CK_STRUCT_IF, atExit);
  if (ok) {
    if (kind == ARG_INT) ok = printStruct(S_INT, capData, capLen, arch);
    else if (kind == ARG_WINSIZE) ok = printStruct(S_WINSIZE, capData, capLen, arch);
    else ok = printTermios(capData, capLen);
  }
  if (!ok) putHex(arg(2));
}

export function decodeIoctl(): i32 {
  const req = <u32>arg(1);
  const shape = argShape(req);
  if (exiting) {
    // Only a request whose argument the kernel writes came back for its exit (argShape OUT).
    printPointee(shape, true);
    return RVAL_DECODED;
  }
  printFd(0);
  puts(", ");
  printIoctlRequest(req);
  if (takesNoArg(req)) return RVAL_DECODED;
  puts(", ");
  if (shape != ARG_NONE) {
    if ((shape & OUT) != 0) return 0;
    printPointee(shape, false);
    return RVAL_DECODED;
  }
  if (req == 0x40049409) putI64(<i64>(<i32>arg(2)));
  else putHex(arg(2));
  return RVAL_DECODED;
}
