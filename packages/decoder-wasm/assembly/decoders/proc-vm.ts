// process_vm_readv and process_vm_writev (strace 6.1 process_vm.c): the pid, the local iovec array
// with its data (process_vm_readv's at exit, cut at the bytes transferred; as ranges when the call
// failed), the remote array always as ranges, the counts and flags unsigned. Arrays are printed as
// strace's print_array does: `[]` for none, -s elements then `...`, and `... /* ADDR */` where the
// array itself became unreadable.

import { arg, capData, capLen, capPartial, exiting, findCap, isError, rval } from "../call";
import { strsize, verbose } from "../options";
import { putc, puts } from "../out";
import { putAddr, putI64, putU64 } from "../print/num";
import { CK_IOVEC } from "../record";
import { printIovBase } from "./args";
import { printElems } from "./elems";
import { printIovAddr } from "./mem";
import { RVAL_DECODED } from "./rval";

/** Bytes of one struct iovec on the 64-bit ABIs (what the IOVEC capture's entries describe). */
const IOVEC_SIZE: u32 = 16;

/**
 * The local iovec array (argument i, count argument i + 1) from its IOVEC capture: each entry's
 * data (at most `remaining` bytes in all); or only the ranges, from the entry's ARRAY capture,
 * when `ranges`.
 */
function printLocalIov(i: u32, atExit: bool, ranges: bool, remaining: u64): void {
  const start = arg(i);
  const n = arg(i + 1);
  const wraps = n > 0xffffffffffffffff / <u64>IOVEC_SIZE || start + n * <u64>IOVEC_SIZE <= start;
  if (
    ranges ||
    start == 0 ||
    n == 0 ||
    wraps ||
    !(findCap(i, CK_IOVEC, atExit) || capPartial()) ||
    capLen < 8
  ) {
    // Ranges from the entry's ARRAY capture; NULL, `[]`, the address (a size that wraps, the
    // first entry unreadable), as print_array has them.
    printElems(i, n, IOVEC_SIZE, false, printIovAddr);
    return;
  }
  const cut = capPartial();
  const p = capData;
  const end = p + <usize>capLen;
  const entries = load<u32>(p);
  let q = p + 8;
  putc(0x5b);
  let j: u32 = 0;
  for (; j < entries; j++) {
    if (q + 24 > end) break;
    if (j > 0) puts(", ");
    if (!verbose && j >= <u32>strsize) {
      puts("...");
      putc(0x5d);
      return;
    }
    const base = load<u64>(q);
    const len = load<u64>(q + 8);
    const status = load<u32>(q + 16);
    const clen = load<u32>(q + 20);
    const data = q + 24;
    if (<u64>data + <u64>clen > <u64>end) break;
    puts("{iov_base=");
    const want = len < remaining ? len : remaining;
    printIovBase(base, status, data, clen, want);
    remaining -= want;
    puts(", iov_len=");
    putU64(len);
    putc(0x7d);
    q = data + ((<usize>clen + 7) & ~(<usize>7));
  }
  if (cut && j == entries) {
    puts(", ... /* ");
    putAddr(start + <u64>entries * <u64>IOVEC_SIZE);
    puts(" */");
  }
  putc(0x5d);
}

/** Arguments 2 to 5: local count, remote array (ranges, read at entry), remote count, flags. */
function printRest(): void {
  puts(", ");
  putU64(arg(2));
  puts(", ");
  printElems(3, arg(4), IOVEC_SIZE, false, printIovAddr);
  puts(", ");
  putU64(arg(4));
  puts(", ");
  putU64(arg(5));
}

export function decodeProcessVmReadv(): i32 {
  if (!exiting) {
    putI64(<i64>(<i32>arg(0)));
    puts(", ");
    return 0;
  }
  printLocalIov(1, true, isError, isError ? 0 : <u64>rval);
  printRest();
  return RVAL_DECODED;
}

export function decodeProcessVmWritev(): i32 {
  putI64(<i64>(<i32>arg(0)));
  puts(", ");
  printLocalIov(1, false, false, 0xffffffffffffffff);
  printRest();
  return RVAL_DECODED;
}
