// Number printers: strace's %lu, %ld, %#lx, %#o and the address printer (printaddr).
import { xlatStyle } from "../options";
import { commitTo, putBytes, putc, puts, reserve } from "../out";

const scratch: usize = memory.data(24);

export function putU64(v: u64): void {
  let i: i32 = 24;
  do {
    i--;
    store<u8>(scratch + <usize>i, <u8>(v % 10) + 0x30);
    v /= 10;
  } while (v != 0);
  putBytes(scratch + <usize>i, <usize>(24 - i));
}

/** `v` right-aligned in `width` columns, padded with `pad` (a space or '0'), as `%*lu`/`%0*lu`. */
export function putPadded(v: u64, width: i32, pad: u32): void {
  let w = 1;
  for (let t = v / 10; t != 0; t /= 10) w++;
  for (; w < width; w++) putc(pad);
  putU64(v);
}

export function putI64(v: i64): void {
  if (v < 0) {
    putc(0x2d);
    putU64(<u64>0 - <u64>v);
  } else putU64(<u64>v);
}

/** Lower-case hex digits without prefix. */
export function putHexDigits(v: u64): void {
  let shift = 60;
  while (shift > 0 && ((v >> <u64>shift) & 0xf) == 0) shift -= 4;
  for (; shift >= 0; shift -= 4) {
    const d = <u32>((v >> <u64>shift) & 0xf);
    putc(d < 10 ? 0x30 + d : 0x57 + d);
  }
}

/** %#lx: `0` for zero, else `0x…`. */
export function putHex(v: u64): void {
  if (v == 0) {
    putc(0x30);
    return;
  }
  puts("0x");
  putHexDigits(v);
}

/** printaddr: `NULL` for zero, else `0x…`. */
export function putAddr(v: u64): void {
  if (v == 0) {
    puts("NULL");
    return;
  }
  puts("0x");
  putHexDigits(v);
}

/** %#o: a leading 0 then the octal digits (`0` for zero). */
export function putOct(v: u64, minWidth: i32 = 0): void {
  let n = 1;
  let t = v >> 3;
  while (t != 0) {
    n++;
    t >>= 3;
  }
  // %#o: a leading 0 (just "0" for zero), padded with zeros to minWidth.
  const digits = v == 0 ? 0 : n;
  const width = digits + 1 > minWidth ? digits + 1 : minWidth;
  const d = reserve(<usize>width);
  const pad = width - digits;
  for (let i = 0; i < pad; i++) store<u8>(d + <usize>i, 0x30);
  for (let i = 0; i < digits; i++)
    store<u8>(d + <usize>(pad + i), <u8>(((v >> (<u64>(digits - 1 - i) * 3)) & 7) + 0x30));
  commitTo(d + <usize>width);
}

/** Two-digit hex byte (for `\xNN`). */
export function putByteHex(c: u32): void {
  const hi = (c >> 4) & 0xf;
  const lo = c & 0xf;
  putc(hi < 10 ? 0x30 + hi : 0x57 + hi);
  putc(lo < 10 ? 0x30 + lo : 0x57 + lo);
}

/**
 * A clock_t in ticks, then its seconds in a comment when non-zero (`5 /* 0.05 s *\/`), as strace's
 * print_clock_t: the value is taken as unsigned (a corrupt or negative one prints as its 64-bit
 * two's complement, `18446744073709551615 /* 184467440737095516.15 s *\/`), at USER_HZ=100, and
 * -X raw drops the comment.
 */
export function printClockT(v: i64): void {
  const u = <u64>v;
  putU64(u);
  if (u == 0 || xlatStyle == 1) return;
  puts(" /* ");
  putU64(u / 100);
  putc(0x2e);
  const frac = <u32>(u % 100);
  putc(0x30 + frac / 10);
  putc(0x30 + (frac % 10));
  puts(" s */");
}
