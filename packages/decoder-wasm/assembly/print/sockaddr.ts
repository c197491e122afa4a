// Socket addresses (strace's print_sockaddr): sockaddr_in, sockaddr_in6, sockaddr_un,
// sockaddr_nl; other families print their raw sa_data.

import { T_ADDRFAMS } from "../known";
import { xlatStyle } from "../options";
import { outLen, putc, puts } from "../out";
import { putHex, putHexDigits, putI64, putU64 } from "./num";
import { printBuffer, quote } from "./quote";
import { styleSwap, styleSwapEnd } from "./style";
import { printEnum } from "./xlat";

const AF_UNIX: u32 = 1;
const AF_INET: u32 = 2;
const AF_INET6: u32 = 10;
const AF_NETLINK: u32 = 16;

function be16(p: usize): u32 {
  return ((<u32>load<u8>(p)) << 8) | <u32>load<u8>(p + 1);
}

function putIPv4(p: usize): void {
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

/** Network-order bytes as -X raw shows them: `"\x00\x50"`. */
function putRawBytes(p: usize, n: usize): void {
  putc(0x22);
  for (let i: usize = 0; i < n; i++) {
    puts("\\x");
    const b = <u32>load<u8>(p + i);
    const hi = b >> 4;
    const lo = b & 0xf;
    putc(hi < 10 ? 0x30 + hi : 0x57 + hi);
    putc(lo < 10 ? 0x30 + lo : 0x57 + lo);
  }
  putc(0x22);
}

/** `htons(80)`; -X raw `"\x00\x50"`, verbose both. */
function putPort(p: usize): void {
  const start = outLen;
  puts("htons(");
  putU64(<u64>be16(p));
  putc(0x29);
  if (styleSwap(start)) {
    putRawBytes(p, 2);
    styleSwapEnd();
  }
}

/** Prints `len` bytes of a socket address at p (len ≥ 2), `{sa_family=AF_INET, ...}`. */
export function printSockaddr(p: usize, len: u32): void {
  const fam = <u32>load<u16>(p);
  puts("{sa_family=");
  printEnum(T_ADDRFAMS, <u64>fam);
  if (fam == AF_INET && len >= 16) {
    puts(", sin_port=");
    putPort(p + 2);
    puts(", sin_addr=");
    const start = outLen;
    puts('inet_addr("');
    putIPv4(p + 4);
    puts('")');
    if (styleSwap(start)) {
      putRawBytes(p + 4, 4);
      styleSwapEnd();
    }
    putc(0x7d);
    return;
  }
  if (fam == AF_INET6 && len >= 24) {
    puts(", sin6_port=");
    putPort(p + 2);
    puts(", sin6_flowinfo=");
    const start = outLen;
    puts("htonl(");
    putU64(<u64>((be16(p + 4) << 16) | be16(p + 6)));
    putc(0x29);
    if (styleSwap(start)) {
      putRawBytes(p + 4, 4);
      styleSwapEnd();
    }
    puts(", ");
    // Abbrev names the field inside the call (`&sin6_addr`); -X raw/verbose print it as a field.
    if (xlatStyle != 0) {
      puts("sin6_addr=");
      putRawBytes(p + 8, 16);
    }
    if (xlatStyle == 2) puts(" /* ");
    if (xlatStyle != 1) {
      puts('inet_pton(AF_INET6, "');
      putIPv6(p + 8);
      puts(xlatStyle == 0 ? '", &sin6_addr)' : '")');
    }
    if (xlatStyle == 2) puts(" */");
    if (len >= 28) {
      puts(", sin6_scope_id=");
      putU64(<u64>load<u32>(p + 24));
    }
    putc(0x7d);
    return;
  }
  if (fam == AF_UNIX) {
    if (len > 2) {
      puts(", sun_path=");
      let n = len - 2;
      if (n > 108) n = 108;
      const path = p + 2;
      if (load<u8>(path) == 0 && n > 1) {
        putc(0x40);
        quote(path + 1, n - 1, false, 0);
      } else {
        let l: u32 = 0;
        while (l < n && load<u8>(path + <usize>l) != 0) l++;
        quote(path, l, true, 0);
      }
    }
    putc(0x7d);
    return;
  }
  if (fam == AF_NETLINK && len >= 12) {
    // The padding shows when a program left bytes in it, as strace does.
    const pad = load<u16>(p + 2);
    if (pad != 0) {
      puts(", nl_pad=");
      putHex(<u64>pad);
    }
    puts(", nl_pid=");
    putI64(<i64>load<i32>(p + 4));
    puts(", nl_groups=");
    const g = load<u32>(p + 8);
    for (let s = 28; s >= 0; s -= 4) {
      const d = (g >> <u32>s) & 0xf;
      putc(d < 10 ? 0x30 + d : 0x57 + d);
    }
    putc(0x7d);
    return;
  }
  if (len > 2) {
    puts(", sa_data=");
    printBuffer(p + 2, len - 2, <u64>(len - 2));
  }
  putc(0x7d);
}
