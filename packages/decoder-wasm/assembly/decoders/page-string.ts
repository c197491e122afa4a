// A NUL-terminated string read as core's `page_str` capture (a page at most, a readable prefix
// kept): strace's printstr, which reads up to -s bytes and one more, stops at the NUL, and prints
// the address (with umovestr's short-read warning) when memory ends before either.

import { strsize, xflag } from "../options";
import { puts } from "../out";
import { quote } from "../print/quote";
import { warnShortRead } from "../warn";

/** strace's get_pagesize(): the most of a string it reads. */
const PAGE: u32 = 4096;

/** The string whose `len` readable bytes are at p (read at tracee `addr`); false: print the address. */
export function printPageString(p: usize, len: u32, addr: u64): bool {
  const lim = min<u32>(<u32>strsize + 1, PAGE);
  let n: u32 = 0;
  while (n < len && n < lim && load<u8>(p + <usize>n) != 0) n++;
  if (n < len && n < lim) {
    quote(p, n, false, xflag);
    return true;
  }
  if (n < lim) {
    warnShortRead("umovestr", len, lim, addr);
    return false;
  }
  quote(p, lim - 1, false, xflag);
  puts("...");
  return true;
}
