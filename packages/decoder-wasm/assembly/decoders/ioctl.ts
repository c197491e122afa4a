// ioctl(fd, request, arg): the request by name from core's ioctl table, else strace's _IOC(...)
// decomposition (asm-generic encoding: nr 8 bits, type 8, size 14, dir 2). Which requests point at
// what, and when it is read, is core's request table (data/value-captures.ts) from the blob.

/** A request's pointee read at exit (core's CaptureWhen.EXIT, the blob's `when`). */
const WHEN_EXIT: u32 = 2;

import { arch, arg, capData, capLen, exiting, findCap, isError } from "../call";
import { T_IOCTL } from "../known";
import { outLen, putc, puts } from "../out";
import { putHex, putI64 } from "../print/num";
import { printStruct, structIdByName } from "../print/structs";
import { FMT_HEX, restyle } from "../print/style";
import { putRef } from "../print/xlat";
import { CK_STRUCT_IF } from "../record";
import { findRequest, lookup, NO_REF, requestArg, requestStruct, requestWhen } from "../tables";
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

/**
 * The pointed-at argument of request entry `req` (core's request table, from the blob) as strace
 * prints it, or its address when it was not read.
 */
function printPointee(req: i32, atExit: bool): void {
  const argIdx = requestArg(req);
  const id = structIdByName(requestStruct(req));
  const ok =
    !(atExit && isError) && findCap(argIdx, CK_STRUCT_IF, atExit) && printStruct(id, capData, capLen, arch);
  if (!ok) putHex(arg(argIdx));
}

export function decodeIoctl(): i32 {
  const req = <u32>arg(1);
  const entry = findRequest("ioctl", req);
  if (exiting) {
    // Only a request whose argument the kernel writes came back for its exit.
    printPointee(entry, true);
    return RVAL_DECODED;
  }
  printFd(0);
  puts(", ");
  printIoctlRequest(req);
  if (takesNoArg(req)) return RVAL_DECODED;
  puts(", ");
  if (entry >= 0) {
    if (requestWhen(entry) == WHEN_EXIT) return 0;
    printPointee(entry, false);
    return RVAL_DECODED;
  }
  if (req == 0x40049409) putI64(<i64>(<i32>arg(2)));
  else putHex(arg(2));
  return RVAL_DECODED;
}
