// ioctl(fd, request, arg): the request by name from core's ioctl table, else strace's _IOC(...)
// decomposition (asm-generic encoding: nr 8 bits, type 8, size 14, dir 2).

import { arg } from "../call";
import { T_IOCTL } from "../known";
import { outLen, putc, puts } from "../out";
import { putHex, putI64 } from "../print/num";
import { FMT_HEX, restyle } from "../print/style";
import { putRef } from "../print/xlat";
import { lookup, NO_REF } from "../tables";
import { printFd } from "./args";
import { RVAL_DECODED } from "./rval";

/** The request by name, or `_IOC(...)`; -X raw/verbose restyle it as one value. */
export function printIoctlRequest(req: u32): void {
  const start = outLen;
  printIoctlRequestAbbrev(req);
  restyle(start, <u64>req, FMT_HEX);
}

function printIoctlRequestAbbrev(req: u32): void {
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

export function decodeIoctl(): i32 {
  printFd(0);
  puts(", ");
  printIoctlRequest(<u32>arg(1));
  if (takesNoArg(<u32>arg(1))) return RVAL_DECODED;
  puts(", ");
  if (<u32>arg(1) == 0x40049409) putI64(<i64>(<i32>arg(2)));
  else putHex(arg(2));
  return RVAL_DECODED;
}
