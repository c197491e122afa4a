// Constant-table printers: strace's printxval (one value) and printflags (bits joined by `|`).
import { outLen, putc, putName, puts } from "../out";
import {
  entryName,
  entryValue,
  lookup,
  NO_REF,
  strLen,
  strPtr,
  tableCount,
  tableHasMask,
  tableMask,
} from "../tables";
import { putHex, putU64 } from "./num";
import { FMT_HEX, FMT_UDEC, restyle } from "./style";

export function putRef(ref: u32): void {
  if (ref != NO_REF) putName(strPtr(ref), <usize>strLen(ref));
}

/** The `X_???` comment strace prints for unknown values: the first entry's prefix up to its `_`. */
function putUnknownComment(idx: i32): void {
  if (idx < 0 || tableCount(<u32>idx) == 0) return;
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
  puts("??? */");
}

/** One value by name; unknown → `0x… /* X_??? *\/` (decimal when `dec`). */
export function printEnum(idx: i32, v: u64, dec: bool = false): void {
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
  const start = outLen;
  printFlagsAbbrev(idx, v);
  restyle(start, v, FMT_HEX);
}

function printFlagsAbbrev(idx: i32, v: u64): void {
  if (idx < 0) {
    putHex(v);
    return;
  }
  const t = <u32>idx;
  const n = tableCount(t);
  const mask: u64 = tableHasMask(t) ? tableMask(t) : 0;
  let printed = 0;
  let rest = v;
  if (mask != 0) {
    const typ = v & mask;
    const ref = lookup(idx, typ);
    if (ref != NO_REF) putRef(ref);
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
