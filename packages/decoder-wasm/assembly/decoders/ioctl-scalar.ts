// A scalar behind an ioctl's pointer, printed in brackets (`[TIOCM_DTR|TIOCM_RTS]`, `[0x1f]`):
// core's data/ioctl-captures.ts names its type `<format><bits>[:<table>]` (or `<format><bits>[<count>]`
// for a few in one bracket), and that name is all this printer goes by, so a new request of this
// shape is one line of core data.

import { outLen, putc, puts } from "../out";
import { putHex, putI64, putU64 } from "../print/num";
import { FMT_DEC, FMT_HEX, restyle } from "../print/style";
import { printEnum, printFlags, putRef } from "../print/xlat";
import { findTable, lookup, NO_REF, strLen, strPtr, tableDefault } from "../tables";
import { warnShortRead } from "../warn";

const FMT_U: u8 = 0;
const FMT_X: u8 = 1;
const FMT_FLAGS: u8 = 2;
const FMT_XVAL: u8 = 3;
const FMT_D: u8 = 4;
/** By name, signed decimal when unknown (strace's printxval_d). */
const FMT_XVAL_D: u8 = 5;

/** Does the string at p (n bytes) start with `s`? */
function startsWith(p: usize, n: u32, s: string): bool {
  if (<u32>s.length > n) return false;
  for (let i = 0; i < s.length; i++) if (<u32>load<u8>(p + <usize>i) != <u32>s.charCodeAt(i)) return false;
  return true;
}

/** The constant table named after the `:` at p + at (n bytes in all), or -1. */
function tableAfter(p: usize, n: u32, at: u32): i32 {
  if (at >= n || load<u8>(p + <usize>at) != 0x3a) return -1;
  return findTable(String.UTF8.decodeUnsafe(p + <usize>at + 1, <usize>(n - at - 1)));
}

/**
 * Prints `[value]` from the `len` bytes at p (read from tracee address `addr`) when `type` (a string
 * ref) names a bracketed scalar; false (nothing printed) when it does not, or fewer than its bytes
 * were read.
 */
export function printScalar(type: u32, p: usize, len: u32, addr: u64 = 0): bool {
  const s = strPtr(type);
  const n = strLen(type);
  let fmt: u8;
  let at: u32;
  if (startsWith(s, n, "flags")) {
    fmt = FMT_FLAGS;
    at = 5;
  } else if (startsWith(s, n, "xvald")) {
    fmt = FMT_XVAL_D;
    at = 5;
  } else if (startsWith(s, n, "xval")) {
    fmt = FMT_XVAL;
    at = 4;
  } else if (startsWith(s, n, "u")) {
    fmt = FMT_U;
    at = 1;
  } else if (startsWith(s, n, "d")) {
    fmt = FMT_D;
    at = 1;
  } else if (startsWith(s, n, "x")) {
    fmt = FMT_X;
    at = 1;
  } else return false;
  let bits: u32;
  let digits: u32 = 2;
  if (startsWith(s + <usize>at, n - at, "16")) bits = 16;
  else if (startsWith(s + <usize>at, n - at, "32")) bits = 32;
  else if (startsWith(s + <usize>at, n - at, "64")) bits = 64;
  else if (startsWith(s + <usize>at, n - at, "8")) {
    bits = 8;
    digits = 1;
  } else return false;
  // `[<count>]` after the bits: that many values in the one bracket (a u64 pair: `[1, 2]`).
  let count: u32 = 1;
  if (at + digits < n && load<u8>(s + <usize>(at + digits)) == 0x5b)
    count = <u32>load<u8>(s + <usize>(at + digits + 1)) - 0x30;
  if (len < (bits / 8) * count) {
    // Read in part (the value runs into an unmapped page): strace's umoven says so.
    if (len > 0 && addr != 0) warnShortRead("umoven", len, (bits / 8) * count, addr);
    return false;
  }
  putc(0x5b);
  for (let i: u32 = 0; i < count; i++) {
    if (i > 0) puts(", ");
    printOne(fmt, bits, s, n, at + digits, p + <usize>(i * (bits / 8)));
  }
  putc(0x5d);
  return true;
}

/** One value of `bits` at p in format `fmt`; its table (if any) named after the `:` at s + tableAt. */
function printOne(fmt: u8, bits: u32, s: usize, n: u32, tableAt: u32, p: usize): void {
  const v: u64 =
    bits == 64
      ? load<u64>(p)
      : bits == 32
        ? <u64>load<u32>(p)
        : bits == 16
          ? <u64>load<u16>(p)
          : <u64>load<u8>(p);
  if (fmt == FMT_FLAGS) printFlags(tableAfter(s, n, tableAt), v);
  else if (fmt == FMT_XVAL) printEnum(tableAfter(s, n, tableAt), v);
  else if (fmt == FMT_XVAL_D) printEnumD(tableAfter(s, n, tableAt), <i32>v);
  else if (fmt == FMT_X) {
    const start = outLen;
    putHex(v);
    restyle(start, v, FMT_HEX);
  } else if (fmt == FMT_D)
    putI64(bits == 64 ? <i64>v : bits == 32 ? <i64>(<i32>v) : bits == 16 ? <i64>(<i16>v) : <i64>(<i8>v));
  else putU64(v);
}

/** strace's printxval_d: a value by name, else the number as a signed int with the `X_???` comment. */
export function printEnumD(t: i32, v: i32): void {
  const start = outLen;
  const ref = lookup(t, <u64>(<u32>v));
  if (ref != NO_REF) putRef(ref);
  else {
    putI64(<i64>v);
    if (t >= 0) {
      puts(" /* ");
      putRef(tableDefault(<u32>t));
      puts(" */");
    }
  }
  restyle(start, <u64>(<i64>v), FMT_DEC);
}
