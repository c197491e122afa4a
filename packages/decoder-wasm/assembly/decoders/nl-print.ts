// The printers netlink decoding shares (strace's printxval/printflags_ex with a default name,
// printstr_ex, print_inet_addr, print_ifindex), over bytes already captured. Constant tables come
// from core through the blob, looked up here by name (cached per blob).

import { strsize, verbose, xflag, xlatStyle } from "../options";
import { outLen, putc, puts } from "../out";
import { putIPv6 } from "../print/inet";
import { putAddr, putHex, putI64, putU64 } from "../print/num";
import { HEX_ALL, printBuffer, quote } from "../print/quote";
import { FMT_HEX, FMT_UDEC, restyle, styleSwap, styleSwapEnd } from "../print/style";
import { putRef } from "../print/xlat";
import { blob, entryName, entryValue, errnoName, findTable, lookup, NO_REF, tableCount } from "../tables";

// The captured span being decoded: `spanLen` bytes at `spanAt` copied from the tracee's
// `spanAddr`. Past the span the tracee's memory was unreadable: strace prints the address there.
let spanAt: usize = 0;
let spanLen: u32 = 0;
let spanAddr: u64 = 0;

/** Decoding starts on `len` captured bytes at p, read from tracee address `addr`. */
export function setSpan(p: usize, len: u32, addr: u64): void {
  spanAt = p;
  spanLen = len;
  spanAddr = addr;
}

/** Were the `n` bytes at p (inside the span) read? */
export function have(p: usize, n: u64): bool {
  return spanAddr != 0 && <u64>p + n <= <u64>spanAt + <u64>spanLen;
}

/** How many of the `n` bytes at p (inside the span) were read. */
export function haveLen(p: usize, n: u32): u32 {
  if (spanAddr == 0 || <u64>p >= <u64>spanAt + <u64>spanLen) return 0;
  const left = <u64>spanAt + <u64>spanLen - <u64>p;
  return left < <u64>n ? <u32>left : n;
}

/** The tracee address of span byte p. */
export function addrOf(p: usize): u64 {
  return spanAddr + <u64>(p - spanAt);
}

/** printaddr of span byte p: where strace's fetch failed. */
export function putAddrAt(p: usize): void {
  putAddr(addrOf(p));
}

/** Where reading stopped at span byte p: inside an array strace prints `... /* ADDR *\/`. */
export function putStopAt(p: usize, inArray: bool): void {
  if (!inArray) {
    putAddrAt(p);
    return;
  }
  puts("... /* ");
  putAddrAt(p);
  puts(" */");
}

let cacheBlob: usize = 0;
const cache = new Map<string, i32>();

/** Index of constant table `name` (data/xlat/<name>.in in core), or -1. */
export function nlTable(name: string): i32 {
  if (cacheBlob != blob) {
    cache.clear();
    cacheBlob = blob;
  }
  if (cache.has(name)) return cache.get(name);
  const t = findTable(name);
  cache.set(name, t);
  return t;
}

/** printxval: the name, or `0x… /* dflt *\/` (decimal when `dec`); no comment when dflt is empty. */
export function printXval(table: string, v: u64, dflt: string, dec: bool = false): void {
  const start = outLen;
  const ref = lookup(nlTable(table), v);
  if (ref != NO_REF) putRef(ref);
  else {
    if (dec) putU64(v);
    else putHex(v);
    if (dflt.length > 0) {
      puts(" /* ");
      puts(dflt);
      puts(" */");
    }
  }
  restyle(start, v, dec ? FMT_UDEC : FMT_HEX);
}

/** PRINT_FIELD_XVAL_VERBOSE: the number always, the name (or `dflt`) in a comment unless -X raw. */
export function printXvalVerbose(table: string, v: u64, dflt: string): void {
  putHex(v);
  if (xlatStyle == 1) return;
  const ref = lookup(nlTable(table), v);
  if (ref == NO_REF && dflt.length == 0) return;
  puts(" /* ");
  if (ref != NO_REF) putRef(ref);
  else puts(dflt);
  puts(" */");
}

/** Bits of `v` named by `t`, in table order; returns what is left. */
function flagBits(t: i32, v: u64, printed: i32): u64 {
  if (t < 0) return v;
  const n = tableCount(<u32>t);
  for (let j: u32 = 0; j < n && v != 0; j++) {
    const ev = entryValue(<u32>t, j);
    if (ev == 0 || (v & ev) != ev) continue;
    if (printed++ > 0) putc(0x7c);
    putRef(entryName(<u32>t, j));
    v &= ~ev;
  }
  return v;
}

/** printflags_ex over one or two tables: `A|B|0x40`, `0`, or `0x40 /* dflt *\/`. */
export function printFlagsX(table1: string, table2: string, v: u64, dflt: string): void {
  const start = outLen;
  if (v == 0) {
    // A table's own name for no bits (NUD_NONE), else 0.
    const ref = lookup(nlTable(table1), 0);
    if (ref != NO_REF) putRef(ref);
    else putc(0x30);
    restyle(start, v, FMT_HEX);
    return;
  }
  let rest = flagBits(nlTable(table1), v, 0);
  if (table2.length > 0) rest = flagBits(nlTable(table2), rest, outLen > start ? 1 : 0);
  const named = outLen > start;
  if (rest != 0) {
    if (outLen > start) {
      putc(0x7c);
      putHex(rest);
    } else {
      putHex(rest);
      puts(" /* ");
      puts(dflt);
      puts(" */");
    }
  }
  restyle(start, v, FMT_HEX, named);
}

/** printstr_ex reads min(len, -s + 1) bytes: false (and the address printed) when it cannot. */
function readable(p: usize, len: u32): bool {
  const want = min<u64>(<u64>len, <u64>strsize + 1);
  if (addrOf(p) != 0 && have(p, want)) return true;
  putAddrAt(p);
  return false;
}

/** printstr_ex(…, QUOTE_FORCE_HEX): `"\x01\x02"`, cut at -s. */
export function printHexStr(p: usize, len: u32): void {
  if (readable(p, len)) printBuffer(p, len, <u64>len, HEX_ALL);
}

/**
 * print_hwaddr / PRINT_FIELD_MAC: -X raw and verbose show the `len` bytes as a hex string, abbrev
 * and verbose (as a comment) the first `n` of them as `00:11:22:33:44:55`.
 */
export function printMac(p: usize, len: u32, n: u32): void {
  // Bytes the caller has read (a local copy, or checked with have()): no -s cut, as strace's.
  if (xlatStyle != 0) quote(p, len, false, HEX_ALL);
  if (xlatStyle == 1) return;
  if (xlatStyle == 2) puts(" /* ");
  for (let i: u32 = 0; i < n; i++) {
    if (i > 0) putc(0x3a);
    const b = <u32>load<u8>(p + <usize>i);
    const hi = b >> 4;
    const lo = b & 0xf;
    putc(hi < 10 ? 0x30 + hi : 0x57 + hi);
    putc(lo < 10 ? 0x30 + lo : 0x57 + lo);
  }
  if (xlatStyle == 2) puts(" */");
}

/** printstrn: the bytes as a string, cut at -s. */
export function printStrn(p: usize, len: u32): void {
  if (readable(p, len)) printBuffer(p, len, <u64>len);
}

/**
 * decode_nla_str: printstr_ex with QUOTE_OMIT_TRAILING_0 | QUOTE_EXPECT_TRAILING_0: a NUL that
 * ends the (possibly -s-cut) bytes is not printed; without it the string shows `...`.
 */
export function printNlaStr(p: usize, len: u32): void {
  if (!readable(p, len)) return;
  const max = <u32>strsize;
  let size = len < max + 1 ? len : max + 1;
  if (size > max) size = max;
  if (size > 0 && load<u8>(p + <usize>(size - 1)) == 0) {
    quote(p, size - 1, false, xflag);
    return;
  }
  quote(p, size, false, xflag);
  if (len > 0) puts("...");
}

/** strace's `abbrev(tcp) && elt == max_strlen`: an array stops at -s elements unless -v. */
export function abbreviated(elt: u32): bool {
  return !verbose && elt == <u32>strsize;
}

function putIPv4(p: usize): void {
  for (let i: usize = 0; i < 4; i++) {
    if (i > 0) putc(0x2e);
    putU64(<u64>load<u8>(p + i));
  }
}

const AF_INET: u32 = 2;
const AF_INET6: u32 = 10;

/**
 * print_inet_addr: `inet_addr("1.2.3.4")` or `inet_pton(AF_INET6, "::1"[, &name])`, -X aware;
 * -X raw/verbose show the field's `size` bytes (the address's own size when 0).
 */
export function printInetAddr(af: u32, p: usize, varName: string, size: u32 = 0): void {
  const named = varName.length > 0;
  if (af == AF_INET && named) {
    puts(varName);
    putc(0x3d);
  }
  if (xlatStyle != 0) {
    if (af != AF_INET && named) {
      puts(varName);
      putc(0x3d);
    }
    quote(p, size != 0 ? size : af == AF_INET ? 4 : 16, false, HEX_ALL);
    if (xlatStyle == 1) return;
    puts(" /* ");
  }
  if (af == AF_INET) {
    puts('inet_addr("');
    putIPv4(p);
    puts('")');
  } else {
    puts('inet_pton(AF_INET6, "');
    putIPv6(p);
    putc(0x22);
    if (named && xlatStyle == 0) {
      puts(", &");
      puts(varName);
    }
    putc(0x29);
  }
  if (xlatStyle == 2) puts(" */");
}

/**
 * decode_inet_addr: an address of family `af` in `len` bytes; a wrong family or a short length
 * shows the bytes in hex. Returns whether it printed an address.
 */
export function decodeInetAddr(p: usize, len: u32, af: u32, varName: string): bool {
  const size: u32 = af == AF_INET ? 4 : af == AF_INET6 ? 16 : 0;
  if (size == 0 || len < size) {
    if (varName.length > 0) {
      puts(varName);
      putc(0x3d);
    }
    printHexStr(p, len);
    return false;
  }
  if (!have(p, size)) {
    if (varName.length > 0) {
      puts(varName);
      putc(0x3d);
    }
    putAddrAt(p);
    return false;
  }
  printInetAddr(af, p, varName);
  return true;
}

// Interface names by index, handed in by the host (strace asks if_indextoname at print time).
let ifNames: string[] = [];
let ifIndexes: u32[] = [];

/** Sets the interface-name table: `index\0name\0` pairs. */
export function setInterfaceNames(p: usize, len: u32): void {
  ifNames = [];
  ifIndexes = [];
  let i: u32 = 0;
  while (i < len) {
    let j = i;
    while (j < len && load<u8>(p + <usize>j) != 0) j++;
    let idx: u32 = 0;
    for (let k = i; k < j; k++) idx = idx * 10 + (<u32>load<u8>(p + <usize>k) - 0x30);
    let e = j + 1;
    while (e < len && load<u8>(p + <usize>e) != 0) e++;
    if (e > len) break;
    ifIndexes.push(idx);
    ifNames.push(String.UTF8.decodeUnsafe(p + <usize>(j + 1), <usize>(e - j - 1)));
    i = e + 1;
  }
}

/** print_ifindex: `if_nametoindex("lo")` when the index names an interface, else the number. */
export function printIfindex(v: u32): void {
  for (let i = 0; i < ifIndexes.length; i++) {
    if (ifIndexes[i] != v) continue;
    const start = outLen;
    puts('if_nametoindex("');
    puts(ifNames[i]);
    puts('")');
    restyle(start, <u64>v, FMT_UDEC);
    return;
  }
  putU64(<u64>v);
}

/** print_err(err, negated): `-ENOENT`, or the number when the errno has no name. */
export function printErrNeg(err: i32): void {
  const ref = err < 0 ? errnoName(<u64>-(<i64>err)) : NO_REF;
  if (ref == NO_REF || xlatStyle != 0) putI64(<i64>err);
  if (ref == NO_REF || xlatStyle == 1) return;
  if (xlatStyle == 2) puts(" /* ");
  putc(0x2d);
  putRef(ref);
  if (xlatStyle == 2) puts(" */");
}

/** PRINT_FIELD_NET_PORT: `htons(80)`, under -X raw the two bytes (verbose: then the call). */
export function printNetPort(p: usize): void {
  const start = outLen;
  printBe16(p);
  if (styleSwap(start)) {
    quote(p, 2, false, HEX_ALL);
    styleSwapEnd();
  }
}

/** `htons(80)` for network-order bytes at p. */
export function printBe16(p: usize): void {
  puts("htons(");
  putU64(((<u64>load<u8>(p)) << 8) | <u64>load<u8>(p + 1));
  putc(0x29);
}
