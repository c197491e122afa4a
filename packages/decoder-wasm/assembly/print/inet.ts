// Internet addresses as inet_ntop writes them: dotted IPv4, IPv6 with the longest zero run as `::`.

import { putc, puts } from "../out";
import { putHexDigits, putU64 } from "./num";

/** A big-endian u16 at p. */
export function be16(p: usize): u32 {
  return ((<u32>load<u8>(p)) << 8) | <u32>load<u8>(p + 1);
}

/** inet_ntop(AF_INET): `10.0.0.1`. */
export function putIPv4(p: usize): void {
  for (let i: usize = 0; i < 4; i++) {
    if (i > 0) putc(0x2e);
    putU64(<u64>load<u8>(p + i));
  }
}

/** inet_ntop(AF_INET6): the longest run (≥ 2) of zero groups becomes `::`; v4-mapped keeps dots. */
export function putIPv6(p: usize): void {
  let bestStart = -1;
  let bestLen = 0;
  let cur = -1;
  let curLen = 0;
  for (let i = 0; i < 8; i++) {
    if (be16(p + <usize>(i * 2)) == 0) {
      if (cur < 0) {
        cur = i;
        curLen = 0;
      }
      curLen++;
      if (curLen > bestLen) {
        bestLen = curLen;
        bestStart = cur;
      }
    } else cur = -1;
  }
  if (bestLen < 2) bestStart = -1;
  // ::ffff:a.b.c.d and ::a.b.c.d (deprecated compatible form) print the IPv4 part dotted.
  const mapped =
    bestStart == 0 && ((bestLen == 5 && be16(p + 10) == 0xffff) || (bestLen == 6 && be16(p + 12) != 0));
  let i = 0;
  while (i < 8) {
    if (i == bestStart) {
      puts(i == 0 ? "::" : ":");
      i += bestLen;
      if (mapped) {
        if (bestLen == 5) puts("ffff:");
        putIPv4(p + 12);
        return;
      }
      continue;
    }
    putHexDigits(<u64>be16(p + <usize>(i * 2)));
    if (i < 7) putc(0x3a);
    i++;
  }
}
