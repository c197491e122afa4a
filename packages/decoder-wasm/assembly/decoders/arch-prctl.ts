// arch_prctl(code, addr) as strace 6.1's prctl.c prints it on x86: the ARCH_GET_* codes show what
// the kernel stored through addr at exit (a pointer, or an XSAVE feature mask, always with its
// names in a comment: the XFEATURE_MASK_* macros are not public), ARCH_REQ_XCOMP_* name the
// feature number they ask for and annotate a positive return value with the mask's names.

import { arg, capData, capLen, exiting, findCap, isError, rval } from "../call";
import { xlatStyle } from "../options";
import { outLen, putc, puts, truncateOut } from "../out";
import { putAddr, putHex } from "../print/num";
import { printEnum, putRef } from "../print/xlat";
import { CK_STRUCT_IF } from "../record";
import { findTable, lookup, NO_REF, tableDefault } from "../tables";
import { putFlagNames } from "./prctl";
import { AUX_CUSTOM, RVAL_DECODED, RVAL_HEX, setAux } from "./rval";

// arch/x86/include/uapi/asm/prctl.h
const ARCH_GET_FS: u32 = 0x1003;
const ARCH_GET_GS: u32 = 0x1004;
const ARCH_GET_CPUID: u32 = 0x1011;
const ARCH_GET_XCOMP_SUPP: u32 = 0x1021;
const ARCH_GET_XCOMP_PERM: u32 = 0x1022;
const ARCH_REQ_XCOMP_PERM: u32 = 0x1023;
const ARCH_GET_XCOMP_GUEST_PERM: u32 = 0x1024;
const ARCH_REQ_XCOMP_GUEST_PERM: u32 = 0x1025;

let T_CODES: i32 = -2;
let T_XFEATURES: i32 = -1;
let T_XFEATURE_BITS: i32 = -1;

function resolve(): void {
  if (T_CODES != -2) return;
  T_CODES = findTable("arch_prctl_codes");
  T_XFEATURES = findTable("x86_xfeatures");
  T_XFEATURE_BITS = findTable("x86_xfeature_bits");
}

/** The table's own `X_???` text (core's #Default). */
function putDefault(table: i32): void {
  if (table >= 0) putRef(tableDefault(<u32>table));
}

/**
 * printflags_ex in verbose style (raw under -X raw): `0xe7 /* XFEATURE_MASK_FPSSE|… *\/`, `0`, or
 * `0x… /* XFEATURE_MASK_??? *\/` when no bit has a name.
 */
function printFeatureMask(v: u64): void {
  if (xlatStyle == 1 || v == 0) {
    if (v == 0) putc(0x30);
    else putHex(v);
    return;
  }
  putHex(v);
  puts(" /* ");
  const start = outLen;
  if (!putFlagNames(T_XFEATURES, v, true) || outLen == start) {
    truncateOut(start);
    putDefault(T_XFEATURES);
  }
  puts(" */");
}

/** printxvals_ex in verbose style (raw under -X raw): `0x11 /* XFEATURE_XTILE_CFG *\/`. */
function printFeatureBit(v: u64): void {
  if (v == 0) putc(0x30);
  else putHex(v);
  if (xlatStyle == 1) return;
  puts(" /* ");
  const ref = lookup(T_XFEATURE_BITS, v);
  if (ref != NO_REF) putRef(ref);
  else putDefault(T_XFEATURE_BITS);
  puts(" */");
}

/** The u64 the kernel stored through addr, `[…]`, or the address. */
function printStored(code: u32): void {
  const addr = arg(1);
  if (isError || addr == 0 || !findCap(1, CK_STRUCT_IF, true) || capLen < 8) {
    putAddr(addr);
    return;
  }
  const v = load<u64>(capData);
  putc(0x5b);
  if (code == ARCH_GET_FS || code == ARCH_GET_GS) putAddr(v);
  else printFeatureMask(v);
  putc(0x5d);
}

export function decodeArchPrctl(): i32 {
  resolve();
  const code = <u32>arg(0);
  if (exiting) {
    if (code == ARCH_REQ_XCOMP_PERM || code == ARCH_REQ_XCOMP_GUEST_PERM) {
      if (isError || rval <= 0) return 0;
      setAux(AUX_CUSTOM, 0);
      return RVAL_HEX;
    }
    printStored(code);
    return 0;
  }
  printEnum(T_CODES, <u64>code);
  switch (code) {
    case ARCH_GET_FS:
    case ARCH_GET_GS:
    case ARCH_GET_XCOMP_SUPP:
    case ARCH_GET_XCOMP_PERM:
    case ARCH_GET_XCOMP_GUEST_PERM:
      puts(", ");
      return 0;
    case ARCH_GET_CPUID:
      return RVAL_DECODED;
    case ARCH_REQ_XCOMP_PERM:
    case ARCH_REQ_XCOMP_GUEST_PERM:
      puts(", ");
      printFeatureBit(arg(1));
      return 0;
  }
  puts(", ");
  putHex(arg(1));
  return RVAL_DECODED;
}

/** ` (XFEATURE_MASK_…)` after a positive ARCH_REQ_XCOMP_* return value (decoders/index.ts). */
export function printArchPrctlAux(): void {
  // Under -X raw strace's sprintflags_ex gives no annotation at all.
  if (xlatStyle == 1) return;
  const start = outLen;
  puts(" (");
  const mid = outLen;
  if (!putFlagNames(T_XFEATURES, <u64>rval, true) || outLen == mid) {
    truncateOut(start);
    return;
  }
  putc(0x29);
}
