// strace's dumpstr (util.c): ` | 00000  68 65 6c 6c 6f 0a  …  hello.           |`, 16 bytes a line,
// hex in two groups of 8, then the bytes as ASCII ('.' for the unprintable), padded with spaces.

import { newline, putc, puts } from "../out";
import { putByteHex, putU64 } from "./num";

/** The offset in `digits` hex digits (strace widens past 5 for dumps longer than 1 MiB). */
function putOffset(v: u32, digits: i32): void {
  for (let sh = (digits - 1) * 4; sh >= 0; sh -= 4) {
    const d = (v >> <u32>sh) & 0xf;
    putc(d < 10 ? 0x30 + d : 0x57 + d);
  }
}

/**
 * Dumps `len` bytes at p, one line per 16 bytes; the offsets as wide as a dump of `total` bytes
 * needs (a dump cut short where the memory stopped keeps its width).
 */
export function dumpBytes(p: usize, len: u32, total: u64 = 0): void {
  let digits = 1;
  for (let last: u64 = (total > <u64>len ? total : <u64>len) - 1; last >= 16; last >>= 4) digits++;
  if (digits < 5) digits = 5;
  for (let at: u32 = 0; at < len; at += 16) {
    puts(" | ");
    putOffset(at, digits);
    putc(0x20);
    for (let i: u32 = 0; i < 16; i++) {
      if (i == 8) putc(0x20);
      putc(0x20);
      if (at + i < len) putByteHex(<u32>load<u8>(p + <usize>(at + i)));
      else puts("  ");
    }
    puts("  ");
    for (let i: u32 = 0; i < 16; i++) {
      const c = at + i < len ? <u32>load<u8>(p + <usize>(at + i)) : 0x20;
      putc(c >= 0x20 && c < 0x7f ? c : 0x2e);
    }
    puts(" |");
    newline();
  }
}

/** dumpiov's header of one buffer: ` * N bytes in buffer I`. */
/** ` = 2 buffers in vector 0`: an mmsghdr entry's iovec count before its buffers' dumps. */
export function dumpVectorHeader(count: u64, index: u32): void {
  puts(" = ");
  putU64(count);
  puts(" buffers in vector ");
  putU64(<u64>index);
  newline();
}

export function dumpIovHeader(len: u64, index: u32): void {
  puts(" * ");
  putU64(len);
  puts(" bytes in buffer ");
  putU64(<u64>index);
  newline();
}
