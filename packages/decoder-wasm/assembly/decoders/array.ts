// strace's print_array over memory core captured whole at entry: `[e1, e2, ...]`, at most -s
// elements unless -v, `... /* ADDR */` where the readable part ended, the address when not even
// the first element was readable.

import { strsize, verbose } from "../options";
import { putc, puts } from "../out";
import { putAddr } from "../print/num";

/**
 * Prints `n` elements of `size` bytes at tracee address `addr`, of which the first `readable`
 * bytes were captured at `data`; `elem` prints one element from its bytes. `truncated`: n is less
 * than the count the caller gave (a `...` follows the last element).
 */
export function printArrayOf(
  addr: u64,
  data: usize,
  readable: u32,
  n: u64,
  size: u32,
  elem: (p: usize) => void,
  truncated: bool = false,
): void {
  if (addr == 0) {
    puts("NULL");
    return;
  }
  if (n == 0) {
    puts(truncated ? "[...]" : "[]");
    return;
  }
  for (let j: u64 = 0; j < n; j++) {
    if (j > 0) puts(", ");
    const at = addr + j * <u64>size;
    if ((j + 1) * <u64>size > <u64>readable) {
      if (j == 0) {
        putAddr(addr);
        return;
      }
      puts("... /* ");
      putAddr(at);
      puts(" */");
      break;
    }
    if (j == 0) putc(0x5b);
    if (!verbose && j >= <u64>strsize) {
      puts("...");
      break;
    }
    elem(data + <usize>(j * <u64>size));
    // PAF_ARRAY_TRUNCATED: the caller's count was cut to n; strace says so after the last one.
    if (truncated && j + 1 == n) puts(", ...");
  }
  putc(0x5d);
}
