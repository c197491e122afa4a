// capget, capset: the header {version, pid} and the three capability sets, as strace 6.1 prints
// them. A set is 64 bits split over two 32-bit words (the second only in versions 2 and 3), each
// word printed as its own flag set of `1<<CAP_X` names, styled by -X on its own.

import { arg, capData, capLen, capPartial, exiting, findCap, findCapPrefix, isError } from "../call";
import { callNoDeref, xlatStyle } from "../options";
import { outLen, putc, puts, truncateOut } from "../out";
import { putAddr, putHex, putI64 } from "../print/num";
import { printEnum, putRef } from "../print/xlat";
import { CK_STRUCT } from "../record";
import { findTable, lookup, NO_REF } from "../tables";
import { warnShortRead } from "../warn";
import { RVAL_DECODED } from "./rval";

/** _LINUX_CAPABILITY_VERSION_2 and _3: two data words per set; any other version has one. */
const VERSION_2: u32 = 0x20071026;
const VERSION_3: u32 = 0x20080522;
/** sizeof(struct __user_cap_data_struct): effective, permitted, inheritable. */
const DATA_SIZE: u32 = 12;
const HEADER_SIZE: u32 = 8;

let ready = false;
let T_CAP: i32 = -1;
let T_CAP_VERSION: i32 = -1;

function resolve(): void {
  if (ready) return;
  ready = true;
  T_CAP = findTable("cap");
  T_CAP_VERSION = findTable("cap_version");
}

/** The header's version, or -1 when strace would not read it (NULL, -e verbose=none, unreadable). */
function readHeader(atExit: bool): i64 {
  if (arg(0) == 0 || callNoDeref) return -1;
  if (!findCap(0, CK_STRUCT, atExit) || capLen < HEADER_SIZE) {
    if (!atExit && capPartial()) warnShortRead("umoven", capLen, HEADER_SIZE, arg(0));
    return -1;
  }
  return <i64>load<u32>(capData);
}

function printHeader(version: i64): void {
  if (version < 0) {
    putAddr(arg(0));
    return;
  }
  puts("{version=");
  printEnum(T_CAP_VERSION, <u64>version);
  puts(", pid=");
  putI64(<i64>load<i32>(capData + 4));
  putc(0x7d);
}

/** One 32-bit word of a set: bits `base`..`base+31` by capability name, the rest in hex. */
function printWordAbbrev(word: u32, base: u32): bool {
  if (word == 0) {
    putc(0x30);
    return false;
  }
  let rest = word;
  let named = false;
  for (let bit: u32 = 0; bit < 32; bit++) {
    if ((word & ((<u32>1) << bit)) == 0) continue;
    const ref = T_CAP < 0 ? NO_REF : lookup(T_CAP, <u64>(base + bit));
    if (ref == NO_REF) continue;
    if (named) putc(0x7c);
    named = true;
    puts("1<<");
    putRef(ref);
    rest &= ~((<u32>1) << bit);
  }
  if (rest != 0) {
    if (named) putc(0x7c);
    putHex(<u64>rest);
    // printflags with no name matched says which names it looked in.
    if (!named) puts(" /* CAP_??? */");
  }
  return named;
}

/**
 * A word styled by -X as strace's printflags styles it. restyle() cannot be used: it takes text
 * that starts with a digit (`1<<CAP_…`) for a number already.
 */
function printWord(word: u32, base: u32): void {
  if (xlatStyle == 0 || word == 0) {
    printWordAbbrev(word, base);
    return;
  }
  const start = outLen;
  if (xlatStyle == 1) {
    putHex(<u64>word);
    return;
  }
  // Verbose: the number, then the names as a comment; with no name, the abbrev form says it all.
  if (!printWordAbbrev(word, base)) return;
  truncateOut(start);
  putHex(<u64>word);
  puts(" /* ");
  printWordAbbrev(word, base);
  puts(" */");
}

/** strace's print_cap_bits: the low word unless only the high one is set, then the high word. */
function printSet(lo: u32, hi: u32): void {
  if (lo != 0 || hi == 0) printWord(lo, 0);
  if (hi != 0) {
    if (lo != 0) putc(0x7c);
    printWord(hi, 32);
  }
}

function printData(version: i64, atExit: bool): void {
  const p = arg(1);
  if (p == 0 || version < 0) {
    putAddr(p);
    return;
  }
  const words: u32 = <u32>version == VERSION_2 || <u32>version == VERSION_3 ? 2 : 1;
  const need = words * DATA_SIZE;
  // Only the bytes the version needs are read: version 1's 12 may end just before an unmapped page.
  if (!findCapPrefix(1, CK_STRUCT, atExit, need) || capLen < need) {
    // strace's umoven_or_printaddr: a read that stopped at an unmapped page says so.
    if (capPartial() && capLen < need) warnShortRead("umoven", capLen, need, p);
    putAddr(p);
    return;
  }
  const names: string[] = ["effective", "permitted", "inheritable"];
  putc(0x7b);
  for (let i = 0; i < 3; i++) {
    if (i > 0) puts(", ");
    puts(names[i]);
    putc(0x3d);
    const lo = load<u32>(capData + <usize>(i * 4));
    const hi = words > 1 ? load<u32>(capData + <usize>(DATA_SIZE + i * 4)) : 0;
    printSet(lo, hi);
  }
  putc(0x7d);
}

/** capget(hdr, data): the header at entry, the sets the kernel wrote at exit (none on error). */
export function decodeCapget(): i32 {
  resolve();
  if (!exiting) {
    printHeader(readHeader(false));
    puts(", ");
    return 0;
  }
  printData(isError ? -1 : readHeader(true), true);
  return RVAL_DECODED;
}

/** capset(hdr, data): both read at entry. */
export function decodeCapset(): i32 {
  resolve();
  const version = readHeader(false);
  printHeader(version);
  puts(", ");
  printData(version, false);
  return RVAL_DECODED;
}
