// strace's -X: constants print as names (abbrev), as numbers (raw), or as numbers with the names in
// a comment (verbose: `0x80000 /* O_RDONLY|O_CLOEXEC */`). Printers render the abbrev form first;
// restyle() then rewrites what they wrote, so each printer keeps one code path.

import { xlatStyle } from "../options";
import { outBuf, outLen, putBytes, puts, truncateOut } from "../out";
import { putHex, putI64, putOct, putU64 } from "./num";

export const FMT_HEX: i32 = 0;
export const FMT_UDEC: i32 = 1;
export const FMT_DEC: i32 = 2;
export const FMT_OCT: i32 = 3;

let scratch: usize = 0;
let scratchCap: usize = 0;

function putValue(v: u64, fmt: i32): void {
  if (fmt == FMT_UDEC) putU64(v);
  else if (fmt == FMT_DEC) putI64(<i64>v);
  else if (fmt == FMT_OCT) putOct(v);
  else putHex(v);
}

/** The rendering since `start` is a bare number (maybe with strace's `X_???` comment)? */
function numeric(start: usize): bool {
  if (start >= outLen) return true;
  const c = <u32>load<u8>(outBuf + start);
  // A bit named by its shift (`1<<_UFFDIO_API`, `1<<RTC_FEATURE_ALARM`) is a name, not a number.
  if (c == 0x31 && start + 2 < outLen && load<u8>(outBuf + start + 1) == 0x3c) return false;
  return (c >= 0x30 && c <= 0x39) || c == 0x2d;
}

let swapLen: usize = 0;

/** Moves what was printed since `start` to the scratch buffer and cuts it from the line. */
function setAside(start: usize): usize {
  const n = outLen - start;
  if (n > scratchCap) {
    scratch = scratch == 0 ? heap.alloc(n) : heap.realloc(scratch, n);
    scratchCap = n;
  }
  memory.copy(scratch, outBuf + start, n);
  truncateOut(start);
  return n;
}

/**
 * For values whose raw form is not a number (sin_port's bytes `"\x00\x50"`): after the abbrev form
 * was printed since `start`, under -X raw/verbose sets it aside and returns true; the caller then
 * prints the raw form and calls styleSwapEnd(), which appends the abbrev form as a comment
 * (verbose). Not nestable: the abbrev form must not itself be restyled.
 */
export function styleSwap(start: usize): bool {
  if (xlatStyle == 0) return false;
  swapLen = setAside(start);
  return true;
}

export function styleSwapEnd(): void {
  if (xlatStyle != 2) return;
  puts(" /* ");
  putBytes(scratch, swapLen);
  puts(" */");
}

/**
 * Applies -X to what was printed since `start` for the value `v`. `named`: the rendering holds a
 * name even though it starts with a digit (`1<<(INET_DIAG_TOS-1)`).
 */
export function restyle(start: usize, v: u64, fmt: i32, named: bool = false): void {
  if (xlatStyle == 0) return;
  if (xlatStyle == 1) {
    truncateOut(start);
    putValue(v, fmt);
    return;
  }
  if (!named && numeric(start)) return;
  const n = setAside(start);
  putValue(v, fmt);
  puts(" /* ");
  putBytes(scratch, n);
  puts(" */");
}
