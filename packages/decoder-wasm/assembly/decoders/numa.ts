// NUMA memory policy (strace's numa.c): mbind, set_mempolicy, get_mempolicy, migrate_pages,
// move_pages. A policy mode may carry MPOL_F_* mode flags; a node mask is an array of longs whose
// length follows from maxnode; move_pages prints its pages, nodes and per-page status arrays.

import { arg, capData, capLen, exiting, findCap, isError } from "../call";
import { T_GET_MEMPOLICY_FLAGS, T_MBIND_FLAGS, T_MPOL_MODE_FLAGS, T_MPOL_MODES } from "../known-tail";
import { xlatStyle } from "../options";
import { putc, puts } from "../out";
import { putAddr, putHex, putHexDigits, putI64, putU64 } from "../print/num";
import { printPid } from "../print/pid";
import { printEnum, printFlags, putRef } from "../print/xlat";
import { CK_STRUCT, PT_TGID } from "../record";
import { errnoName, lookup, NO_REF } from "../tables";
import { printElems } from "./elems";
import { RVAL_DECODED } from "./rval";

const MODE_FLAGS_MASK: u64 = (1 << 15) | (1 << 14) | (1 << 13);

/** A policy mode: by name, or name|flags (strace's print_mode). */
function printMode(mode: u64): void {
  const flags = mode & MODE_FLAGS_MASK;
  if (flags == 0) {
    printEnum(T_MPOL_MODES, mode);
    return;
  }
  const ref = lookup(T_MPOL_MODES, mode & ~MODE_FLAGS_MASK);
  if (ref == NO_REF) {
    printFlags(T_MPOL_MODE_FLAGS, mode);
    return;
  }
  if (xlatStyle != 0) putHex(mode);
  if (xlatStyle == 1) return;
  if (xlatStyle == 2) puts(" /* ");
  putRef(ref);
  putc(0x7c);
  // the flags' own names, unstyled: the number was printed once already
  printModeFlags(flags);
  if (xlatStyle == 2) puts(" */");
}

function printModeFlags(flags: u64): void {
  let rest = flags;
  let first = true;
  const bits: u64[] = [1 << 15, 1 << 14, 1 << 13];
  for (let i = 0; i < bits.length; i++) {
    if ((rest & bits[i]) == 0) continue;
    if (!first) putc(0x7c);
    first = false;
    putRef(lookup(T_MPOL_MODE_FLAGS, bits[i]));
    rest &= ~bits[i];
  }
}

/** One long of a node mask, `%#0*llx` as strace's print_node prints it (width 16). */
function printNode(p: usize, size: u32): void {
  const v = size == 8 ? load<u64>(p) : <u64>load<u32>(p);
  const width: i32 = <i32>size * 2;
  if (v == 0) {
    for (let i = 0; i < width; i++) putc(0x30);
    return;
  }
  puts("0x");
  let digits: i32 = 0;
  for (let t = v; t != 0; t >>= 4) digits++;
  for (let i = digits + 2; i < width; i++) putc(0x30);
  putHexDigits(v);
}

/** Argument i: a node mask of `maxnode` bits (longs, as strace's print_nodemask). */
function printNodemask(i: u32, maxnode: u64, atExit: bool): void {
  const nmemb = (maxnode + 62) / 64;
  if (nmemb < maxnode / 64 || (maxnode != 0 && nmemb == 0)) {
    putAddr(arg(i));
    return;
  }
  printElems(i, nmemb, 8, atExit, printNode);
}

export function decodeMbind(): i32 {
  putAddr(arg(0));
  puts(", ");
  putU64(arg(1));
  puts(", ");
  printMode(arg(2));
  puts(", ");
  printNodemask(3, arg(4), false);
  puts(", ");
  putU64(arg(4));
  puts(", ");
  printFlags(T_MBIND_FLAGS, <u64>(<u32>arg(5)));
  return RVAL_DECODED;
}

export function decodeSetMempolicy(): i32 {
  printMode(<u64>(<u32>arg(0)));
  puts(", ");
  printNodemask(1, arg(2), false);
  puts(", ");
  putU64(arg(2));
  return RVAL_DECODED;
}

export function decodeGetMempolicy(): i32 {
  if (!exiting) return 0;
  const p = arg(0);
  if (p != 0 && !isError && findCap(0, CK_STRUCT, true) && capLen >= 4) {
    putc(0x5b);
    printEnum(T_MPOL_MODES, <u64>(<u32>load<i32>(capData)));
    putc(0x5d);
  } else putAddr(p);
  puts(", ");
  // tfetch_mem: the mask prints whether or not the call failed
  printNodemask(1, arg(2), true);
  puts(", ");
  putU64(arg(2));
  puts(", ");
  putAddr(arg(3));
  puts(", ");
  printFlags(T_GET_MEMPOLICY_FLAGS, arg(4));
  return RVAL_DECODED;
}

export function decodeMigratePages(): i32 {
  printPid(<i32>arg(0), PT_TGID);
  puts(", ");
  putU64(arg(1));
  puts(", ");
  printNodemask(2, arg(1), false);
  puts(", ");
  printNodemask(3, arg(1), false);
  return RVAL_DECODED;
}

function printPageAddr(p: usize, size: u32): void {
  putAddr(size == 8 ? load<u64>(p) : <u64>load<u32>(p));
}

function printIntElem(p: usize, size: u32): void {
  putI64(<i64>load<i32>(p));
  changetype<usize>(size);
}

/** A page's status: a node number, or a negated errno (`-ENOENT`). */
function printStatus(p: usize, size: u32): void {
  const v = load<i32>(p);
  const ref = v < 0 ? errnoName(<u64>-(<i64>v)) : NO_REF;
  if (ref == NO_REF || xlatStyle != 0) putI64(<i64>v);
  if (ref == NO_REF || xlatStyle == 1) return;
  if (xlatStyle == 2) puts(" /* ");
  putc(0x2d);
  putRef(ref);
  if (xlatStyle == 2) puts(" */");
  changetype<usize>(size);
}

export function decodeMovePages(): i32 {
  const n = arg(1);
  if (!exiting) {
    printPid(<i32>arg(0), PT_TGID);
    puts(", ");
    putU64(n);
    puts(", ");
    printElems(2, n, 8, false, printPageAddr);
    puts(", ");
    printElems(3, n, 4, false, printIntElem);
    puts(", ");
    return 0;
  }
  printElems(4, n, 4, true, printStatus);
  puts(", ");
  printFlags(T_MBIND_FLAGS, <u64>(<u32>arg(5)));
  return RVAL_DECODED;
}
