// strace's string_quote (util.c) and the printstr/printpath layer above it.

import { jsonMode, SK_STR, spanClose, spanOpen } from "../json/spans";
import { strsize, xflag } from "../options";
import { commitTo, putc, puts, reserve } from "../out";

export const HEX_NONE: i32 = 0;
/** -x: when any byte is neither printable nor whitespace, the whole string goes \xNN. */
export const HEX_NON_ASCII: i32 = 1;
/** -xx: every byte \xNN. */
export const HEX_ALL: i32 = 2;
/** --strings-in-hex=non-ascii-chars: only the bytes -x would escape in octal go \xNN. */
export const HEX_NON_ASCII_CHARS: i32 = 3;

/** quote() style bit: no surrounding double quotes (QUOTE_OMIT_LEADING_TRAILING_QUOTES). */
export const QUOTE_BARE: i32 = 1;
/** quote() style bit: `<` and `>` print as octal escapes, as in an fd's `<path>` (-y). */
export const QUOTE_ANGLES: i32 = 2;
/**
 * quote() style bit: the bytes are already strace's text (an fd's -yy detail, `UNIX-STREAM:[5->6]`):
 * printable ASCII, quotes and backslashes included, passes as is; only other bytes (which only a
 * corrupt record holds) are escaped, so the output stays strace's and valid UTF-8.
 */
export const QUOTE_TEXT: i32 = 4;

/**
 * Quotes `size` bytes at p (with the surrounding double quotes unless `style` has QUOTE_BARE).
 * With `nulTerminated`, stops at the first NUL and returns false; otherwise returns true (no NUL
 * seen), as string_quote does.
 */
export function quote(p: usize, size: u32, nulTerminated: bool, xstyle: i32, style: i32 = 0): bool {
  if (!jsonMode || (style & QUOTE_BARE) != 0) return quoteText(p, size, nulTerminated, xstyle, style);
  // JSON: a string leaf with the bytes shown (up to the NUL) and how they were escaped.
  let n: u32 = 0;
  let hex = xstyle == HEX_ALL;
  while (n < size) {
    const c = <u32>load<u8>(p + <usize>n);
    if (c == 0 && nulTerminated) break;
    if (xstyle == HEX_NON_ASCII && (c > 0x7e || (c < 0x20 && c - 9 >= 5))) hex = true;
    n++;
  }
  const start = spanOpen();
  const r = quoteText(p, size, nulTerminated, xstyle, style);
  spanClose(start, SK_STR, 0, 0, p, n, 0, 0, (hex ? 1 : 0) | (xstyle == HEX_NON_ASCII_CHARS ? 2 : 0));
  return r;
}

function quoteText(p: usize, size: u32, nulTerminated: bool, xstyle: i32, style: i32): bool {
  const q = (style & QUOTE_BARE) == 0;
  const angles = (style & QUOTE_ANGLES) != 0;
  const text = (style & QUOTE_TEXT) != 0;
  const eol: u32 = nulTerminated ? 0 : 0x100;
  let usehex = xstyle == HEX_ALL;
  if (xstyle == HEX_NON_ASCII) {
    for (let i: u32 = 0; i < size; i++) {
      const c = <u32>load<u8>(p + <usize>i);
      if (c == eol) break;
      if (c > 0x7e || (c < 0x20 && c - 9 >= 5)) {
        usehex = true;
        break;
      }
    }
  }
  if (q) putc(0x22);
  if (usehex) {
    // Four bytes out per byte in: reserve them once, one store each.
    let d = reserve(<usize>size * 4 + 1);
    for (let i: u32 = 0; i < size; i++) {
      const c = <u32>load<u8>(p + <usize>i);
      if (c == eol) {
        if (q) store<u8>(d++, 0x22);
        commitTo(d);
        return false;
      }
      store<u32>(d, 0x785c | ((<u32>hexDigit(c >> 4)) << 16) | ((<u32>hexDigit(c & 15)) << 24));
      d += 4;
    }
    commitTo(d);
    if (q) putc(0x22);
    return true;
  }
  const tbl = escapes((text ? 1 : 0) | (angles ? 2 : 0) | (xstyle == HEX_NON_ASCII_CHARS ? 4 : 0));
  // A C string ends at its NUL: found first (eight bytes a test), so the loops below test no byte
  // for it.
  let nulSeen = false;
  if (nulTerminated) {
    const n = nulIndex(p, size);
    if (n < size) {
      size = n;
      nulSeen = true;
    }
  }
  // The worst case is 4 bytes per byte (`\377`) plus the closing quote: reserve it once and write
  // directly, the hot loop of every string and path printed.
  let d = reserve(<usize>size * 4 + 1);
  // Eight bytes at a time while they are all plain (printable, nothing to escape): most of a
  // text buffer. Then up to eight bytes one by one, each its escape from the table (one 4-byte
  // store, however long the escape), so binary data pays one word test per eight bytes and no
  // branch per kind of byte.
  let i: u32 = 0;
  // Every byte but the last has a next byte to look at (the octal rule), without a bounds test.
  const end: u32 = size > 0 ? size - 1 : 0;
  while (i < end) {
    while (i + 8 <= size) {
      const w = load<u64>(p + <usize>i);
      if (!plainWord(w, text, angles)) break;
      store<u64>(d, w);
      d += 8;
      i += 8;
    }
    if (i + 8 < end) {
      // Eight escapes straight, no loop test between them (most of a binary buffer).
      const q = p + <usize>i;
      d = escapeAt(q, tbl, d);
      d = escapeAt(q + 1, tbl, d);
      d = escapeAt(q + 2, tbl, d);
      d = escapeAt(q + 3, tbl, d);
      d = escapeAt(q + 4, tbl, d);
      d = escapeAt(q + 5, tbl, d);
      d = escapeAt(q + 6, tbl, d);
      d = escapeAt(q + 7, tbl, d);
      i += 8;
    } else {
      for (; i < end; i++) d = escapeAt(p + <usize>i, tbl, d);
    }
  }
  if (i < size) {
    const c = <u32>load<u8>(p + <usize>i);
    const e = load<u64>(tbl + ((<usize>c) << 3));
    store<u32>(d, <u32>e);
    d += <usize>((e >> 32) & 0xff);
  }
  commitTo(d);
  if (q) putc(0x22);
  return !nulSeen;
}

/**
 * Writes the escape of the byte at q (which has a next byte) at d; returns the end of what it wrote.
 * Before an octal digit the second table applies: a short octal escape takes all three digits
 * there (`\0012`). An index, not a branch: binary data would mispredict it.
 */
function escapeAt(q: usize, tbl: usize, d: usize): usize {
  const digitNext = <u32>load<u8>(q + 1) - 0x30 < 8;
  const x = load<u64>(tbl + ((<usize>digitNext) << 11) + ((<usize>load<u8>(q)) << 3));
  store<u32>(d, <u32>x);
  return d + <usize>((x >> 32) & 0xff);
}

/** Where the first NUL of `size` bytes at p is, or `size`. */
function nulIndex(p: usize, size: u32): u32 {
  let i: u32 = 0;
  while (i + 8 <= size && !hasZeroByte(load<u64>(p + <usize>i))) i += 8;
  while (i < size && load<u8>(p + <usize>i) != 0) i++;
  return i;
}

// What each byte prints as, by style: an entry holds the text (up to 4 bytes, little-endian) in
// bits 0-31 and its length in bits 32-39. A second table follows the first: what each byte prints
// as before an octal digit (an octal escape shorter than three digits takes all three there).
// Eight styles (QUOTE_TEXT, QUOTE_ANGLES, HEX_NON_ASCII_CHARS), each built on first use.
const TABLE_BYTES: usize = 256 * 8; // 1 << 11: the second table's offset
const escapeTables: usize = memory.data(<i32>TABLE_BYTES * 2 * 8, 8);
const escapeBuilt: usize = memory.data(8);

function escapes(style: i32): usize {
  const tbl = escapeTables + <usize>style * TABLE_BYTES * 2;
  if (load<u8>(escapeBuilt + <usize>style) != 0) return tbl;
  const text = (style & 1) != 0;
  const angles = (style & 2) != 0;
  const hexChars = (style & 4) != 0;
  for (let c: u32 = 0; c < 256; c++) {
    let e: u64 = 0;
    let long: u64 = 0; // 0: as e
    if (
      c >= 0x20 &&
      c < 0x7f &&
      (text || (c != 0x22 && c != 0x5c && !(angles && (c == 0x3c || c == 0x3e))))
    ) {
      e = entry(c, 1);
    } else if (c == 0x22 || c == 0x5c) {
      e = entry(0x5c | (c << 8), 2);
    } else if (c == 0x0c || c == 0x0a || c == 0x0d || c == 0x09 || c == 0x0b) {
      const letter: u32 = c == 0x0c ? 0x66 : c == 0x0a ? 0x6e : c == 0x0d ? 0x72 : c == 0x09 ? 0x74 : 0x76;
      e = entry(0x5c | (letter << 8), 2);
    } else if (hexChars) {
      e = entry(0x785c | ((<u32>hexDigit(c >> 4)) << 16) | ((<u32>hexDigit(c & 15)) << 24), 4);
    } else {
      const d0: u32 = 0x30 + (c >> 6);
      const d1: u32 = 0x30 + ((c >> 3) & 7);
      const d2: u32 = 0x30 + (c & 7);
      long = entry(0x5c | (d0 << 8) | (d1 << 16) | (d2 << 24), 4);
      if (c >> 6 != 0) e = long;
      else if (c >> 3 != 0) e = entry(0x5c | (d1 << 8) | (d2 << 16), 3);
      else e = entry(0x5c | (d2 << 8), 2);
    }
    store<u64>(tbl + ((<usize>c) << 3), e);
    store<u64>(tbl + TABLE_BYTES + ((<usize>c) << 3), long != 0 ? long : e);
  }
  store<u8>(escapeBuilt + <usize>style, 1);
  return tbl;
}

function entry(bytes: u32, len: u32): u64 {
  return <u64>bytes | ((<u64>len) << 32);
}

const ONES: u64 = 0x0101010101010101;
const HIGHS: u64 = 0x8080808080808080;

/** Whether some byte of w is zero (exact; the classic SWAR test). */
function hasZeroByte(w: u64): bool {
  return ((w - ONES) & ~w & HIGHS) != 0;
}

/**
 * Whether all eight bytes of w are printed as themselves: 0x20..0x7e, and (unless `text`) none a
 * double quote or backslash, (with `angles`) none `<` or `>`. Exact: bytes >= 0x80 set the high
 * bit; bytes < 0x20 borrow through it in w - 0x20 each.
 */
function plainWord(w: u64, text: bool, angles: bool): bool {
  if (((w | (w + ONES * 0x01)) & HIGHS) != 0) return false; // a byte >= 0x7f
  if (((w - ONES * 0x20) & ~w & HIGHS) != 0) return false; // a byte < 0x20
  if (text) return true;
  if (hasZeroByte(w ^ (ONES * 0x22)) || hasZeroByte(w ^ (ONES * 0x5c))) return false;
  return !angles || !(hasZeroByte(w ^ (ONES * 0x3c)) || hasZeroByte(w ^ (ONES * 0x3e)));
}

function hexDigit(n: u32): u8 {
  return <u8>(n < 10 ? 0x30 + n : 0x57 + n);
}

/**
 * printstrn for a length-delimited buffer: `captured` bytes at p were read of a buffer whose full
 * length is `fullLen`. Prints at most -s bytes; `...` follows when the buffer was longer.
 */
export function printBuffer(p: usize, captured: u32, fullLen: u64, forceHex: i32 = -1): void {
  const max = <u32>strsize;
  const size = captured < max ? captured : max;
  quote(p, size, false, forceHex >= 0 ? forceHex : xflag);
  if (fullLen > <u64>size) puts("...");
}

/**
 * printstr for a NUL-terminated string: `len` bytes before the NUL (or before the capture cap when
 * `truncated`). Cut at -s (`limit` overrides, e.g. PATH_MAX for paths) with `...` after the quote.
 */
export function printCString(p: usize, len: u32, truncated: bool, limit: u32 = 0): void {
  const max = limit != 0 ? limit : <u32>strsize;
  const size = len < max ? len : max;
  quote(p, size, true, xflag);
  if (truncated || len > max) puts("...");
}
