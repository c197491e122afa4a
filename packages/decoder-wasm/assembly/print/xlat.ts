// Constant-table printers: strace's printxval (one value) and printflags (bits joined by `|`).

import { jsonMode, SK_ENUM, SK_FLAGS, spanClose, spanOpen } from "../json/spans";
import { T_SOCKETLAYERS, T_SOCKTYPES, T_STATX_FLAGS } from "../known";
import { xlatStyle } from "../options";
import { outLen, putc, putName, puts } from "../out";
import {
  entryName,
  entryValue,
  lookup,
  NO_REF,
  strLen,
  strPtr,
  tableCount,
  tableDefault,
  tableHasMask,
  tableMask,
} from "../tables";
import { putHex, putU64 } from "./num";
import { FMT_HEX, FMT_UDEC, restyle } from "./style";

export function putRef(ref: u32): void {
  if (ref != NO_REF) putName(strPtr(ref), <usize>strLen(ref));
}

/**
 * The `X_???` comment strace prints for unknown values: the table's own (core's `#Default`) or the
 * first entry's prefix up to its `_`.
 */
function putUnknownComment(idx: i32): void {
  if (idx < 0) return;
  const own = tableDefault(<u32>idx);
  // an empty #Default: strace passes no default string, so no comment
  if (own != NO_REF && strLen(own) == 0) return;
  if (own != NO_REF) {
    puts(" /* ");
    putRef(own);
    puts(" */");
    return;
  }
  if (tableCount(<u32>idx) == 0) return;
  const ref = entryName(<u32>idx, 0);
  const p = strPtr(ref);
  const n = strLen(ref);
  let cut: u32 = 0;
  for (let i: u32 = 1; i < n; i++)
    if (load<u8>(p + <usize>i) == 0x5f) {
      cut = i + 1;
      break;
    }
  if (cut == 0) return;
  puts(" /* ");
  putName(p, <usize>cut);
  // strace's socketlayers default is "SOL_??" (two marks), every other table's "X_???".
  puts(idx == T_SOCKETLAYERS ? "?? */" : "??? */");
}

/** One value by name; unknown → `0x… /* X_??? *\/` (decimal when `dec`). */
export function printEnum(idx: i32, v: u64, dec: bool = false): void {
  if (!jsonMode) {
    printEnumStyled(idx, v, dec);
    return;
  }
  const s = spanOpen();
  printEnumStyled(idx, v, dec);
  spanClose(s, SK_ENUM, v, idx, 0, 0, 0, 0, dec ? 1 : 0);
}

function printEnumStyled(idx: i32, v: u64, dec: bool): void {
  const start = outLen;
  printEnumAbbrev(idx, v, dec);
  restyle(start, v, dec ? FMT_UDEC : FMT_HEX);
}

function printEnumAbbrev(idx: i32, v: u64, dec: bool): void {
  const ref = lookup(idx, v);
  if (ref != NO_REF) {
    putRef(ref);
    return;
  }
  if (dec) putU64(v);
  else putHex(v);
  putUnknownComment(idx);
}

/** Bits by name joined by `|`, with a leading type field when the table has a mask. */
export function printFlags(idx: i32, v: u64): void {
  if (!jsonMode) {
    printFlagsStyled(idx, v);
    return;
  }
  const s = spanOpen();
  printFlagsStyled(idx, v);
  spanClose(s, SK_FLAGS, v, idx, 0, 0, 0, 0, 0);
}

function printFlagsStyled(idx: i32, v: u64): void {
  if (xlatStyle != 0 && (idx == T_SOCKTYPES || idx == T_STATX_FLAGS) && idx >= 0) {
    printSplitFlags(idx, v);
    return;
  }
  const start = outLen;
  printFlagsAbbrev(idx, v);
  restyle(start, v, FMT_HEX);
}

/**
 * Under -X raw/verbose, socket's type and statx's flags show as strace prints them: two printers,
 * the type field and the other bits, each styled on its own (`0x1 /* SOCK_STREAM *\/|0x80000 /*
 * SOCK_CLOEXEC *\/`). statx's type field is printflags without a default, which -X raw leaves
 * out when it is 0 (`|0x900`).
 */
function printSplitFlags(idx: i32, v: u64): void {
  const mask = tableMask(<u32>idx);
  const typ = v & mask;
  const rest = v & ~mask;
  if (idx == T_SOCKTYPES) printEnum(idx, typ);
  else if (typ != 0 || xlatStyle != 1) {
    const start = outLen;
    const ref = lookup(idx, typ);
    if (ref != NO_REF) putRef(ref);
    else putHex(typ);
    restyle(start, typ, FMT_HEX);
  }
  if (rest == 0) return;
  putc(0x7c);
  const start = outLen;
  printFlagsAbbrev(idx, rest, false);
  restyle(start, rest, FMT_HEX);
}

/**
 * The bits of a table that has a type field, by name, the type field left out (the caller printed
 * it): strace's printflags_ex over what remains, abbrev whatever -X says.
 */
export function printFlagBitsUnstyled(idx: i32, v: u64): void {
  printFlagsAbbrev(idx, v, false);
}

/** The abbrev form whatever -X says: strace's own formatters (sprint_open_modes) ignore it. */
export function printFlagsUnstyled(idx: i32, v: u64): void {
  const s = jsonMode ? spanOpen() : 0;
  printFlagsAbbrev(idx, v);
  if (jsonMode) spanClose(s, SK_FLAGS, v, idx, 0, 0, 0, 0, 0);
}

function printFlagsAbbrev(idx: i32, v: u64, typeField: bool = true): void {
  if (idx < 0) {
    putHex(v);
    return;
  }
  const t = <u32>idx;
  const n = tableCount(t);
  const mask: u64 = typeField && tableHasMask(t) ? tableMask(t) : 0;
  let printed = 0;
  let rest = v;
  if (mask != 0) {
    const typ = v & mask;
    const ref = lookup(idx, typ);
    if (ref != NO_REF) putRef(ref);
    else if (typeFieldIsBits(t, mask)) putTypeBits(t, mask, typ);
    else putHex(typ);
    printed++;
    rest = v & ~mask;
  } else if (v == 0) {
    const ref = lookup(idx, 0);
    if (ref != NO_REF) putRef(ref);
    else putc(0x30);
    return;
  }
  for (let j: u32 = 0; j < n && rest != 0; j++) {
    const ev = entryValue(t, j);
    if (ev == 0 || (mask != 0 && (ev & mask) == ev) || (rest & ev) != ev) continue;
    if (printed++ > 0) putc(0x7c);
    putRef(entryName(t, j));
    rest &= ~ev;
  }
  if (rest != 0) {
    if (printed > 0) {
      putc(0x7c);
      putHex(rest);
    } else {
      putHex(rest);
      putUnknownComment(idx);
    }
  }
}

/**
 * Whether a table's type field is itself a set of bits (every named value in the mask is one bit,
 * as statx's AT_STATX_FORCE_SYNC and AT_STATX_DONT_SYNC): strace prints such a field with
 * printflags, so a combination no name matches shows as names joined by `|`.
 */
function typeFieldIsBits(t: u32, mask: u64): bool {
  const n = tableCount(t);
  let bits = 0;
  for (let j: u32 = 0; j < n; j++) {
    const ev = entryValue(t, j);
    if (ev == 0 || (ev & mask) != ev) continue;
    if ((ev & (ev - 1)) != 0) return false;
    bits++;
  }
  return bits > 1;
}

/** A type field of bits: each named bit, then what no name covers in hex. */
function putTypeBits(t: u32, mask: u64, typ: u64): void {
  const n = tableCount(t);
  let rest = typ;
  let printed = 0;
  for (let j: u32 = 0; j < n && rest != 0; j++) {
    const ev = entryValue(t, j);
    if (ev == 0 || (ev & mask) != ev || (rest & ev) != ev) continue;
    if (printed++ > 0) putc(0x7c);
    putRef(entryName(t, j));
    rest &= ~ev;
  }
  if (rest != 0) {
    if (printed > 0) putc(0x7c);
    putHex(rest);
  }
}
