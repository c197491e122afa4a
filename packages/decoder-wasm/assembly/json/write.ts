// JSON tokens, appended to the output buffer. Integers follow one rule everywhere: a JSON number
// when its magnitude is at most 2^53 (exact in every JSON reader), else its decimal digits as a
// JSON string.

import { commitTo, outBuf, outLen, putc, puts, reserve } from "../out";
import { putU64 } from "../print/num";

const SAFE: u64 = 9007199254740992; // 2^53

/** An unsigned integer by the rule. */
export function jU64(v: u64): void {
  if (v <= SAFE) putU64(v);
  else {
    putc(0x22);
    putU64(v);
    putc(0x22);
  }
}

/** A signed integer by the rule. */
export function jI64(v: i64): void {
  const m: u64 = v < 0 ? <u64>0 - <u64>v : <u64>v;
  const big = m > SAFE;
  if (big) putc(0x22);
  if (v < 0) putc(0x2d);
  putU64(m);
  if (big) putc(0x22);
}

/** `"key":` (an ASCII literal key). */
export function jKey(k: string): void {
  putc(0x22);
  puts(k);
  puts('":');
}

/** `,"key":`. */
export function jNext(k: string): void {
  putc(0x2c);
  jKey(k);
}

/** A JSON string of the output text between offsets a and b (strace's text: ASCII). */
export function jText(a: usize, b: usize): void {
  // Worst case 6 bytes a byte (`\u00XX`): reserve once, write directly. The text lies before the
  // reserved room, so reading it while writing there is safe once the buffer has stopped moving.
  let d = reserve((b - a) * 6 + 2);
  store<u8>(d++, 0x22);
  for (let i = a; i < b; i++) d = escapeTo(d, <u32>load<u8>(outBuf + i));
  store<u8>(d++, 0x22);
  commitTo(d);
}

/** One byte of a JSON string at d; returns the next free byte. */
function escapeTo(d: usize, c: u32): usize {
  if (c >= 0x20 && c != 0x22 && c != 0x5c && c != 0x7f) {
    store<u8>(d, <u8>c);
    return d + 1;
  }
  store<u8>(d, 0x5c);
  if (c == 0x22 || c == 0x5c) {
    store<u8>(d + 1, <u8>c);
    return d + 2;
  }
  if (c == 0x0a || c == 0x09) {
    store<u8>(d + 1, c == 0x0a ? 0x6e : 0x74);
    return d + 2;
  }
  store<u32>(d + 1, 0x30303075); // u00
  const lo = c & 15;
  store<u8>(d + 4, <u8>(0x30 + (c >> 4)));
  store<u8>(d + 5, <u8>(lo < 10 ? 0x30 + lo : 0x57 + lo));
  return d + 6;
}

/** Length of the valid UTF-8 sequence at p (n bytes left), or 0. */
function utf8Len(p: usize, n: usize): usize {
  const c = <u32>load<u8>(p);
  let len: usize;
  let min: u32;
  if (c >= 0xc2 && c <= 0xdf) {
    len = 2;
    min = 0x80;
  } else if (c >= 0xe0 && c <= 0xef) {
    len = 3;
    min = 0x800;
  } else if (c >= 0xf0 && c <= 0xf4) {
    len = 4;
    min = 0x10000;
  } else return 0;
  if (len > n) return 0;
  let cp: u32 = c & (len == 2 ? 0x1f : len == 3 ? 0x0f : 0x07);
  for (let k: usize = 1; k < len; k++) {
    const d = <u32>load<u8>(p + k);
    if ((d & 0xc0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return len;
}

/**
 * A JSON string of n bytes at p (tracee data, outside the output buffer): UTF-8 as is, other bytes
 * as U+FFFD. Returns false when a byte was replaced (the caller then adds the exact bytes).
 */
export function jBytes(p: usize, n: usize): bool {
  let exact = true;
  // 6 bytes a byte at most (`\u00XX`, or `\ufffd` for one bad byte; UTF-8 copies as is).
  let d = reserve(n * 6 + 2);
  store<u8>(d++, 0x22);
  for (let i: usize = 0; i < n; ) {
    const c = <u32>load<u8>(p + i);
    if (c < 0x80) {
      d = escapeTo(d, c);
      i++;
      continue;
    }
    const l = utf8Len(p + i, n - i);
    if (l == 0) {
      store<u32>(d, 0x6666755c); // \uff
      store<u16>(d + 4, 0x6466); // fd
      d += 6;
      exact = false;
      i++;
      continue;
    }
    for (let k: usize = 0; k < l; k++) store<u8>(d + k, load<u8>(p + i + k));
    d += l;
    i += l;
  }
  store<u8>(d++, 0x22);
  commitTo(d);
  return exact;
}

/** n bytes at p as lower-case hex digits in a JSON string. */
export function jHexBytes(p: usize, n: usize): void {
  putc(0x22);
  for (let i: usize = 0; i < n; i++) {
    const c = <u32>load<u8>(p + i);
    const hi = c >> 4;
    const lo = c & 15;
    putc(hi < 10 ? 0x30 + hi : 0x57 + hi);
    putc(lo < 10 ? 0x30 + lo : 0x57 + lo);
  }
  putc(0x22);
}

/** Inserts ASCII `s` at output offset `at`, moving what follows. */
export function insertAt(at: usize, s: string): void {
  const n = <usize>s.length;
  const tail = outLen - at;
  for (let i: usize = 0; i < n; i++) putc(0x20); // room (the buffer may move)
  memory.copy(outBuf + at + n, outBuf + at, tail);
  for (let i: usize = 0; i < n; i++) store<u8>(outBuf + at + i, <u8>s.charCodeAt(<i32>i));
}
