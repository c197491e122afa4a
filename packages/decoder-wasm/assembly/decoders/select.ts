// select and pselect6: fd sets printed as `[3 5]` at entry; at exit the ready ones follow the
// return value, `= 1 (in [3], left {tv_sec=0, tv_nsec=499995311})`.

import { arch, arg, capData, capLen, exiting, findCap, isError, rval } from "../call";
import { putc, puts } from "../out";
import { putAddr, putI64, putU64 } from "../print/num";
import { printSigset } from "../print/signal";
import { printStruct, S_TIMESPEC, S_TIMEVAL } from "../print/structs";
import { CK_FDSET, CK_INDIRECT, CK_STRUCT } from "../record";
import { AUX_CUSTOM, RVAL_DECODED, setAux } from "./rval";

/** strace's cap on the descriptors it looks at. */
const NFDS_MAX: i32 = 1024 * 1024;

function nfds(): u32 {
  const n = <i32>arg(0);
  if (n < 0) return 0;
  return <u32>(n > NFDS_MAX ? NFDS_MAX : n);
}

/** The set bits below nfds of an fd_set capture, space-separated: `3 5`; the count printed. */
function putSetBits(p: usize, len: u32, n: u32): u32 {
  let shown: u32 = 0;
  for (let fd: u32 = 0; fd < n && fd / 8 < len; fd++) {
    if ((load<u8>(p + <usize>(fd / 8)) & ((<u8>1) << (<u8>(fd % 8)))) == 0) continue;
    if (shown++ > 0) putc(0x20);
    putU64(<u64>fd);
  }
  return shown;
}

/** One fd_set argument: `NULL`, `[3 5]`, or its address when unreadable. */
function printFdset(i: u32, atExit: bool): void {
  const p = arg(i);
  const n = nfds();
  if (p == 0) {
    puts("NULL");
    return;
  }
  // strace reads no set when nfds is 0 (or negative): the address, as for an unreadable one.
  if (n == 0 || !findCap(i, CK_FDSET, atExit) || capLen < (n + 7) / 8) {
    putAddr(p);
    return;
  }
  putc(0x5b);
  putSetBits(capData, capLen, n);
  putc(0x5d);
}

function printTimeout(i: u32, atExit: bool, pselect: bool): bool {
  if (arg(i) == 0 || !findCap(i, CK_STRUCT, atExit)) return false;
  return printStruct(pselect ? S_TIMESPEC : S_TIMEVAL, capData, capLen, arch);
}

/**
 * strace's print_kernel_sigset: pselect6's and io_pgetevents' {const sigset_t *ss; size_t
 * ss_len} at argument i, the set read through ss.
 */
export function printKernelSigset(i: u32): void {
  const p = arg(i);
  if (p == 0 || !findCap(i, CK_INDIRECT, false) || capLen < 24) {
    putAddr(p);
    return;
  }
  const ss = load<u64>(capData);
  const size = load<u64>(capData + 8);
  const setLen = load<u32>(capData + 20);
  puts("{sigmask=");
  if (ss != 0 && load<u32>(capData + 16) == 0 && size > 0 && <u64>setLen >= size)
    printSigset(capData + 24, <u32>size);
  else putAddr(ss);
  puts(", sigsetsize=");
  putU64(size);
  putc(0x7d);
}

/** select(nfds, in, out, except, timeval) and pselect6(…, timespec, sigmask data). */
export function decodeSelect(pselect: bool): i32 {
  if (exiting) {
    if (!isError) setAux(AUX_CUSTOM, pselect ? 1 : 0);
    return RVAL_DECODED;
  }
  putI64(<i64>(<i32>arg(0)));
  for (let i: u32 = 1; i <= 3; i++) {
    puts(", ");
    printFdset(i, false);
  }
  puts(", ");
  if (!printTimeout(4, false, pselect)) putAddr(arg(4));
  if (pselect) {
    puts(", ");
    printKernelSigset(5);
  }
  return 0;
}

/** ` (in [3], out [4], left {…})` or ` (Timeout)`. */
export function printSelectAux(pselect: bool): void {
  if (rval == 0) {
    puts(" (Timeout)");
    return;
  }
  // strace's auxstr: parentheses even when no set bit survived (one buffer passed as two sets).
  puts(" (");
  const n = nfds();
  let parts: u32 = 0;
  for (let i: u32 = 1; i <= 3; i++) {
    if (arg(i) == 0 || !findCap(i, CK_FDSET, true)) continue;
    const data = capData;
    const len = capLen;
    let any = false;
    for (let fd: u32 = 0; fd < n && fd / 8 < len; fd++) {
      if ((load<u8>(data + <usize>(fd / 8)) & ((<u8>1) << (<u8>(fd % 8)))) != 0) {
        any = true;
        break;
      }
    }
    if (!any) continue;
    if (parts++ > 0) puts(", ");
    puts(i == 1 ? "in [" : i == 2 ? "out [" : "except [");
    putSetBits(data, len, n);
    putc(0x5d);
  }
  if (arg(4) != 0 && findCap(4, CK_STRUCT, true)) {
    puts(parts++ == 0 ? "left " : ", left ");
    printStruct(pselect ? S_TIMESPEC : S_TIMEVAL, capData, capLen, arch);
  }
  putc(0x29);
}
