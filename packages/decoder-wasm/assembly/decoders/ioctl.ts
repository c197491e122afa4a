// ioctl(fd, request, arg): the request by name from core's ioctl table, else strace's _IOC(...)
// decomposition (asm-generic encoding: nr 8 bits, type 8, size 14, dir 2). Which requests point at
// what, and when it is read, is core's request table (data/value-captures.ts) from the blob.

/** A request's pointee read at entry or at exit (core's CaptureWhen, the blob's `when`). */
const WHEN_ENTRY: u32 = 1;
const WHEN_EXIT: u32 = 2;

import { arch, arg, capData, capLen, capPartial, exiting, findCap, isError } from "../call";
import { T_CLONE_FLAGS, T_IOCTL } from "../known";
import { callNoDeref } from "../options";
import { outLen, putc, puts } from "../out";
import { putAddr, putHex, putI64, putU64 } from "../print/num";
import { printStruct, structIdByName } from "../print/structs";
import { FMT_HEX, restyle } from "../print/style";
import { putRef } from "../print/xlat";
import { CK_STRUCT_IF } from "../record";
import {
  entryName,
  entryValue,
  findRequestArg,
  findRequestAt,
  K_NOT_PRINTED,
  requestArg,
  requestArgIndex,
  requestArgKind,
  requestArgParam,
  requestStruct,
  strEq,
  tableCount,
} from "../tables";
import { printArg, printFd } from "./args";
import { isEvdevPointer, printEvdevRequest } from "./ioctl-evdev";
import { kvmReturnsFd } from "./ioctl-kvm";
import { printNumberedRequest } from "./ioctl-number";
import {
  EXIT_ARROW_ALWAYS,
  EXIT_CONTINUE,
  EXIT_PLAIN_ALWAYS,
  EXIT_QUIET,
  ioctlExitMode,
  ioctlExitShownOnError,
  printIoctlStruct,
  printIoctlValue,
} from "./ioctl-structs";
import { teeEntryClosed } from "./ioctl-tee";
import { v4l2EntryClosed } from "./ioctl-v4l2";
import { finishPerfQueryBpf } from "./perf";
import { AUX_CUSTOM, AUX_ENUM, RVAL_DECODED, RVAL_FD, setAux } from "./rval";

/** The request by name, or `_IOC(...)`; -X raw/verbose restyle it as one value. */
export function printIoctlRequest(req: u32): void {
  const start = outLen;
  printIoctlRequestAbbrev(req);
  restyle(start, <u64>req, FMT_HEX);
}

/**
 * The first entry of core's ioctl table (sorted by value, then name) whose value is `req`, or -1:
 * requests that two subsystems share a number for print every name, joined by ` or `.
 */
function firstMatch(req: u32): i32 {
  if (T_IOCTL < 0) return -1;
  const t = <u32>T_IOCTL;
  let lo: i32 = 0;
  let hi: i32 = <i32>tableCount(t);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (entryValue(t, <u32>mid) < <u64>req) lo = mid + 1;
    else hi = mid;
  }
  return lo < <i32>tableCount(t) && entryValue(t, <u32>lo) == <u64>req ? lo : -1;
}

function printIoctlRequestAbbrev(req: u32): void {
  // A family whose number carries a length or an index (EVIOCGBIT(EV_KEY, 96), MIXER_READ(13))
  // is named first, then the table's names.
  const named = printEvdevRequest(req) || printNumberedRequest(req);
  const first = firstMatch(req);
  if (first >= 0) {
    const t = <u32>T_IOCTL;
    const n = tableCount(t);
    for (let j = <u32>first; j < n && entryValue(t, j) == <u64>req; j++) {
      if (named || j > <u32>first) puts(" or ");
      putRef(entryName(t, j));
    }
    return;
  }
  if (named) return;

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

/** NS_GET_NSTYPE (_IO(0xb7, 0x3)): returns a CLONE_NEW* value strace names after it. */
const NS_GET_NSTYPE: u32 = 0xb703;

/**
 * The pointed-at argument of request entry `req` (core's request table, from the blob) as strace
 * prints it, or its address when it was not read (then false).
 */
function printPointee(req: i32, atExit: bool): bool {
  const argIdx = requestArg(req);
  const type = requestStruct(req);
  // -e verbose= without ioctl: strace prints the address of every struct it would read.
  if ((atExit && isError) || callNoDeref) {
    putAddr(arg(argIdx));
    return false;
  }
  if (strEq(type, "uint")) {
    // An unsigned int behind the pointer (lirc, nsfs): `[4294967295]`.
    if (arg(argIdx) != 0 && findCap(argIdx, CK_STRUCT_IF, atExit) && capLen >= 4) {
      putc(0x5b);
      putU64(<u64>load<u32>(capData));
      putc(0x5d);
      return true;
    }
    putAddr(arg(argIdx));
    return false;
  }
  // A struct just before an unmapped page is read in part: each printer checks it has its bytes.
  const read = arg(argIdx) != 0 && (findCap(argIdx, CK_STRUCT_IF, atExit) || capPartial());
  const ok =
    read &&
    (printIoctlStruct(type, capData, capLen, arg(argIdx), atExit) ||
      printStruct(structIdByName(type), capData, capLen, arch));
  if (!ok) putAddr(arg(argIdx));
  return ok;
}

/**
 * The exit half of a struct its entry printer left open (EXIT_CONTINUE): what the kernel
 * filled in and the closing brace; only the brace when the call failed, `, ???}` when unread.
 */
function finishOpenStruct(req: i32): void {
  const argIdx = requestArg(req);
  // perf's program query ends `...}` when the call failed or its count is unreadable
  if (strEq(requestStruct(req), "perf_query_bpf_ids")) {
    finishPerfQueryBpf(argIdx);
    return;
  }
  if (!isError || ioctlExitShownOnError(requestStruct(req))) {
    // A part read (a struct across an unmapped page) goes to the printer, which says what it lacks;
    // after a failed call nothing was read at exit, and what the caller passed stands in.
    const read =
      arg(argIdx) != 0 &&
      (findCap(argIdx, CK_STRUCT_IF, true) ||
        capPartial() ||
        (isError && findCap(argIdx, CK_STRUCT_IF, false)));
    if (read && printIoctlStruct(requestStruct(req), capData, capLen, arg(argIdx), true)) return;
    puts(", ???");
  }
  putc(0x7d);
}

export function decodeIoctl(): i32 {
  const req = <u32>arg(1);
  // What the caller passes (read at entry) and what the kernel writes back (read at exit).
  const atEntry = findRequestAt("ioctl", req, WHEN_ENTRY);
  const atExit = findRequestAt("ioctl", req, WHEN_EXIT);
  if (exiting) {
    if (req == NS_GET_NSTYPE) {
      if (!isError) setAux(AUX_ENUM, T_CLONE_FLAGS);
      return RVAL_DECODED;
    }
    // Only a request whose argument the kernel writes came back for its exit: after the caller's
    // struct, strace shows the kernel's as ` => {…}`, and nothing more when the call failed.
    if (atEntry >= 0) {
      const mode = ioctlExitMode(requestStruct(atEntry));
      if (mode == EXIT_CONTINUE) finishOpenStruct(atExit);
      else if (mode == EXIT_QUIET) {
        const argIdx = requestArg(atExit);
        if (!isError && !callNoDeref && arg(argIdx) != 0 && findCap(argIdx, CK_STRUCT_IF, true)) {
          if (printIoctlStruct(requestStruct(atExit), capData, capLen, arg(argIdx), true))
            setAux(AUX_CUSTOM, 0);
        }
      } else if (mode == EXIT_PLAIN_ALWAYS) printPointee(atExit, true);
      else if (!isError || mode == EXIT_ARROW_ALWAYS) {
        puts(" => ");
        printPointee(atExit, true);
      }
    } else printPointee(atExit, true);
    return RVAL_DECODED;
  }
  printFd(0);
  puts(", ");
  printIoctlRequest(req);
  if (atEntry >= 0 || atExit >= 0) {
    puts(", ");
    // strace fetches what the kernel wrote only when the caller's struct was there to print.
    if (atEntry >= 0 && !printPointee(atEntry, false)) return RVAL_DECODED;
    // v4l2: an entry that closed its struct (a type with no more to say) is the whole call.
    if (v4l2EntryClosed()) return RVAL_DECODED;
    // ioctlc: a TEE buffer request whose buffer was not decodable printed it all at entry.
    if (teeEntryClosed()) return RVAL_DECODED;
    return atExit >= 0 ? 0 : RVAL_DECODED;
  }
  if (printIoctlValue(T_IOCTL, req)) return RVAL_DECODED;
  // A value argument, or none (core's data/request-args.ts); else the argument in hex.
  const ra = findRequestArg("ioctl", req);
  if (ra >= 0) {
    if (requestArgKind(ra) != K_NOT_PRINTED) {
      puts(", ");
      printArg(requestArgIndex(ra), requestArgKind(ra), requestArgParam(ra));
    }
    if (req == NS_GET_NSTYPE) return 0;
    return kvmReturnsFd(req) ? RVAL_DECODED | RVAL_FD : RVAL_DECODED;
  }
  puts(", ");
  // An input device's request core points at nothing (EVIOCGMASK): strace prints the address.
  if (isEvdevPointer(req)) {
    putAddr(arg(2));
    return RVAL_DECODED;
  }
  if (req == 0x40049409) putI64(<i64>(<i32>arg(2)));
  else putHex(arg(2));
  return kvmReturnsFd(req) ? RVAL_DECODED | RVAL_FD : RVAL_DECODED;
}
