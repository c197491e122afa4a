// strace's print_array over a captured array argument: `NULL`, `[]`, the address when the array
// wraps the address space or its first element is unreadable, at most -s elements then `...`
// (all of them under -v), and `... /* 0xADDR */` where the readable memory stopped.

import { arg, capData, capLen, capPartial, findCap } from "../call";
import { strsize, verbose } from "../options";
import { putc, puts } from "../out";
import { putAddr } from "../print/num";
import { CK_ARRAY } from "../record";

/** Prints one element of `size` bytes at p. */
export type ElemPrinter = (p: usize, size: u32) => void;

/**
 * Argument i: `n` elements of `size` bytes from its ARRAY capture (taken at exit when `atExit`),
 * each printed by `print`.
 */
export function printElems(i: u32, n: u64, size: u32, atExit: bool, print: ElemPrinter): void {
  const start = arg(i);
  if (start == 0) {
    puts("NULL");
    return;
  }
  if (n == 0) {
    puts("[]");
    return;
  }
  const bytes = n * <u64>size;
  if (bytes / <u64>size != n || start + bytes <= start) {
    putAddr(start);
    return;
  }
  let data: usize = 0;
  let avail: u64 = 0;
  if (findCap(i, CK_ARRAY, atExit) || capPartial()) {
    data = capData;
    avail = <u64>(capLen / size);
  }
  const shown: u64 = !verbose && <u64>strsize < n ? <u64>strsize : n;
  for (let j: u64 = 0; j < n; j++) {
    if (j >= avail) {
      // The element at j could not be read (or was not captured).
      if (j == 0) putAddr(start);
      else {
        puts(", ...");
        puts(" /* ");
        putAddr(start + j * <u64>size);
        puts(" */]");
      }
      return;
    }
    putc(j == 0 ? 0x5b : 0x2c);
    if (j > 0) putc(0x20);
    if (j >= shown) {
      puts("...");
      break;
    }
    print(data + <usize>(j * <u64>size), size);
  }
  putc(0x5d);
}
