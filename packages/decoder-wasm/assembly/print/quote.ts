// strace's string_quote (util.c) and the printstr/printpath layer above it.

import { jsonMode, SK_STR, spanClose, spanOpen } from "../json/spans";
import { strsize, xflag } from "../options";
import { commitTo, putc, puts, reserve } from "../out";
import { putByteHex } from "./num";

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
    for (let i: u32 = 0; i < size; i++) {
      const c = <u32>load<u8>(p + <usize>i);
      if (c == eol) {
        if (q) putc(0x22);
        return false;
      }
      putc(0x5c);
      putc(0x78);
      putByteHex(c);
    }
    if (q) putc(0x22);
    return true;
  }
  // The worst case is 4 bytes per byte (`\\377`) plus the closing quote: reserve it once and write
  // directly, the hot loop of every string and path printed.
  let d = reserve(<usize>size * 4 + 1);
  // Eight bytes at a time while they are all plain (printable, nothing to escape): most of a
  // text buffer. Then up to eight bytes one by one, so binary data pays one word test per eight
  // bytes.
  let i: u32 = 0;
  while (i < size) {
    while (i + 8 <= size) {
      const w = load<u64>(p + <usize>i);
      if (!plainWord(w, text, angles)) break;
      store<u64>(d, w);
      d += 8;
      i += 8;
    }
    const stop = i + 8 < size ? i + 8 : size;
    for (; i < stop; i++) {
      const c = <u32>load<u8>(p + <usize>i);
      if (c == eol) {
        if (q) store<u8>(d++, 0x22);
        commitTo(d);
        return false;
      }
      if (
        c >= 0x20 &&
        c < 0x7f &&
        (text || (c != 0x22 && c != 0x5c && !(angles && (c == 0x3c || c == 0x3e))))
      ) {
        store<u8>(d++, <u8>c);
        continue;
      }
      store<u8>(d++, 0x5c);
      switch (c) {
        case 0x22:
        case 0x5c:
          store<u8>(d++, <u8>c);
          break;
        case 0x0c:
          store<u8>(d++, 0x66);
          break;
        case 0x0a:
          store<u8>(d++, 0x6e);
          break;
        case 0x0d:
          store<u8>(d++, 0x72);
          break;
        case 0x09:
          store<u8>(d++, 0x74);
          break;
        case 0x0b:
          store<u8>(d++, 0x76);
          break;
        default: {
          if (xstyle == HEX_NON_ASCII_CHARS) {
            store<u8>(d++, 0x78);
            store<u8>(d++, hexDigit(c >> 4));
            store<u8>(d++, hexDigit(c & 15));
            break;
          }
          // Octal, as short as the next byte allows (a following digit forces three).
          const next = i + 1 < size ? <u32>load<u8>(p + <usize>i + 1) : 0;
          if (i + 1 < size && next >= 0x30 && next <= 0x37) {
            store<u8>(d++, <u8>(0x30 + (c >> 6)));
            store<u8>(d++, <u8>(0x30 + ((c >> 3) & 7)));
          } else if (c >> 3 != 0) {
            if (c >> 6 != 0) store<u8>(d++, <u8>(0x30 + (c >> 6)));
            store<u8>(d++, <u8>(0x30 + ((c >> 3) & 7)));
          }
          store<u8>(d++, <u8>(0x30 + (c & 7)));
        }
      }
    }
  }
  commitTo(d);
  if (q) putc(0x22);
  return true;
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
