// Extensible structs (openat2's open_how, mount_setattr's mount_attr): the caller passes the size,
// core's sized capture reads that many bytes (at most a page) at entry. strace 6.1 prints the
// fields it knows, then, when the caller passed more, either `???` (the rest was unreadable) or
// the rest in hex when it is not all zeros (util.c print_nonzero_bytes).

import { arg, capData, capLen, capPartial, findCap } from "../call";
import { callNoDeref, strsize } from "../options";
import { puts } from "../out";
import { putU64 } from "../print/num";
import { HEX_ALL, quote } from "../print/quote";
import { CK_BUFFER_ARG_LEN } from "../record";
import { warnShortRead } from "../warn";

/** strace's get_pagesize(): the most of an extensible struct it looks at. */
const PAGE: u64 = 4096;

/** Where the sized capture of argument i starts (0: none); its readable bytes are extLen. */
export let extData: usize = 0;
export let extLen: u32 = 0;
/** The struct's address in the tracee. */
let extAddr: u64 = 0;
/**
 * The whole capture was readable. (A capture cut short by an unreadable page still holds the
 * struct when the size argument asked for more than it: io_uring_register's nr_args is an
 * unsigned int whose register may carry high bits, read whole by native. The tail printers
 * look at the bytes they need.)
 */
export let extWhole: bool = false;

/**
 * Finds the sized capture of argument i; true when at least `need` bytes of it were readable
 * (the fields strace reads with umoven before printing the struct).
 */
export function findExt(i: u32, need: u32): bool {
  extData = 0;
  extLen = 0;
  extWhole = false;
  extAddr = arg(i);
  // -e verbose= leaves the call out: strace's umoven_or_printaddr reads no struct (the address
  // prints), though the sized capture is data native still took
  if (extAddr == 0 || callNoDeref) return false;
  if (findCap(i, CK_BUFFER_ARG_LEN, false)) extWhole = true;
  else if (!capPartial()) return false;
  extData = capData;
  extLen = capLen;
  return extLen >= need;
}

/**
 * After the known fields (`known` bytes) of a struct the caller said is `size` bytes: `, ???` or
 * `, /* bytes K..N *\/ "\x.."` as print_nonzero_bytes prints it; nothing when the rest is zeros.
 */
/** Whether {@link printExtTail} prints anything: the rest is unreadable or not all zeros. */
export function extTailShows(known: u32, size: u64): bool {
  if (size <= <u64>known) return false;
  const total = <u32>(size < PAGE ? size : PAGE);
  if (extLen < total) return true;
  for (let j = known; j < total; j++) if (load<u8>(extData + <usize>j) != 0) return true;
  return false;
}

export function printExtTail(known: u32, size: u64, sep: bool = true): void {
  if (size <= <u64>known) return;
  const total = <u32>(size < PAGE ? size : PAGE);
  if (extLen < total) {
    // strace's umoven of the rest came up short (said when some of it was readable)
    if (extLen > known) warnShortRead("umoven", extLen - known, total - known, extAddr + <u64>known);
    puts(sep ? ", ???" : "???");
    return;
  }
  let zero = true;
  for (let j = known; j < total; j++)
    if (load<u8>(extData + <usize>j) != 0) {
      zero = false;
      break;
    }
  if (zero) return;
  puts(sep ? ", /* bytes " : "/* bytes ");
  putU64(<u64>known);
  puts("..");
  putU64(<u64>(total - 1));
  puts(" */ ");
  const len = total - known;
  const shown = len < <u32>strsize ? len : <u32>strsize;
  quote(extData + <usize>known, shown, false, HEX_ALL);
  if (shown < len) puts("...");
}
