// The console (strace 6.1's kd_ioctl.c): the value arguments no constant table says alone (a
// tone's pitch and length, the leds' byte, an I/O port, the keyboard mode, a signal) and what
// the console's pointer requests point at (KDSETKEYCODE's keycode, the repeat rate, the unicode
// map's hash advice, the font, screen and colour maps as hex strings, keymap entries and their
// key symbols, function key strings, diacritics, the unicode screen map). The font requests
// whose structs hold a pointer are ioctl-kd-font.ts's.

import { arg } from "../call";
import {
  KBD_REPEAT_DELAY,
  KBD_REPEAT_PERIOD,
  KBDIACR_BASE,
  KBDIACR_DIACR,
  KBDIACR_RESULT,
  KBDIACRS_KB_CNT,
  KBDIACRS_KBDIACR,
  KBDIACRSUC_KBDIACRUC,
  KBDIACRUC_BASE,
  KBDIACRUC_DIACR,
  KBDIACRUC_RESULT,
  KBENTRY_KB_INDEX,
  KBENTRY_KB_TABLE,
  KBENTRY_KB_VALUE,
  KBKEYCODE_KEYCODE,
  KBKEYCODE_SCANCODE,
  KBSENTRY_KB_FUNC,
  KBSENTRY_KB_STRING,
  SIZEOF_KBD_REPEAT,
  SIZEOF_KBDIACR,
  SIZEOF_KBDIACRUC,
  SIZEOF_KBENTRY,
  SIZEOF_KBKEYCODE,
  SIZEOF_KBSENTRY,
  SIZEOF_UNIMAPINIT,
  UNIMAPINIT_ADVISED_HASHLEVEL,
  UNIMAPINIT_ADVISED_HASHSIZE,
  UNIMAPINIT_ADVISED_HASHSTEP,
} from "../layouts";
import { strsize, xflag, xlatStyle } from "../options";
import { outLen, putc, puts } from "../out";
import { putHex, putU64 } from "../print/num";
import { HEX_ALL, printBuffer, quote } from "../print/quote";
import { printSignal } from "../print/signal";
import { FMT_HEX, restyle } from "../print/style";
import { printEnum, printFlags, putRef } from "../print/xlat";
import { lookup, NO_REF, strEq } from "../tables";
import { printArrayOf } from "./array";
import { F_D, F_U, F_X, Field, printFields, printStructOf, putChar } from "./ioctl-fields";
import { printConsoleFontOp, printConsolefontdesc, printUnimapdesc } from "./ioctl-kd-font";
import { printEnumD } from "./ioctl-scalar";
import { nlTable } from "./nl-print";

/** PIT_TICK_RATE (the kernel's i8253 clock, Hz): a tone's count divides it. */
const PIT_TICK_RATE: u64 = 1193182;
/** GPFIRST and GPLAST (drivers/tty/vt/vt_ioctl.c): the ports KDADDIO may grant. */
const GPFIRST: u64 = 0x3b4;
const GPLAST: u64 = 0x3df;
/** INT_MAX: a larger KDSIGACCEPT argument is no signal strace names. */
const INT_MAX: u64 = 0x7fffffff;

/** The text as a comment after the value, unless -X raw. */
function comment(text: string): void {
  if (xlatStyle == 1) return;
  puts(" /* ");
  puts(text);
  puts(" */");
}

/** KIOCSOUND's count: the pitch it makes, or off. */
function printSound(v: u64): void {
  putU64(v);
  if (xlatStyle == 1) return;
  const freq = v != 0 ? <u32>(PIT_TICK_RATE / v) : 0;
  if (freq == 0) comment("off");
  else {
    puts(" /* ");
    putU64(<u64>freq);
    puts(" Hz */");
  }
}

/** KDMKTONE's `ticks << 16 | count`: pitch and length, or off. */
function printTone(v: u32): void {
  const ticks = v >> 16;
  const count = v & 0xffff;
  if (ticks != 0) {
    putU64(<u64>ticks);
    puts("<<16|");
  }
  putU64(<u64>count);
  if (xlatStyle == 1) return;
  const freq = ticks != 0 && count != 0 ? <u32>(PIT_TICK_RATE / <u64>count) : 0;
  if (freq == 0) comment("off");
  else {
    puts(" /* ");
    putU64(<u64>freq);
    puts(" Hz, ");
    putU64(<u64>ticks);
    puts(" ms */");
  }
}

/** KDADDIO's port, with its place among the graphics ports. */
function printPort(v: u64): void {
  putHex(v);
  if (v >= GPFIRST && v <= GPLAST && xlatStyle != 1) {
    puts(" /* GPFIRST + ");
    putU64(v - GPFIRST);
    puts(" */");
  }
}

/**
 * A console request's value argument when strace prints it its own way; true when printed (after
 * the `, `), false for any other request.
 */
export function printKdValue(name: u32): bool {
  const v = arg(2);
  if (strEq(name, "KIOCSOUND")) {
    puts(", ");
    printSound(v);
  } else if (strEq(name, "KDMKTONE")) {
    puts(", ");
    printTone(<u32>v);
  } else if (strEq(name, "KDSETLED")) {
    puts(", ");
    printFlags(nlTable("kd_led_flags"), v & 0xff);
  } else if (strEq(name, "KDSKBLED")) {
    puts(", ");
    printFlags(nlTable("kd_default_led_flags"), v & 0xff);
  } else if (strEq(name, "KDADDIO") || strEq(name, "KDDELIO")) {
    puts(", ");
    printPort(v);
  } else if (strEq(name, "KDSKBMODE")) {
    puts(", ");
    printEnumD(nlTable("kd_kbd_modes"), <i32>v);
  } else if (strEq(name, "KDSIGACCEPT")) {
    puts(", ");
    if (v < INT_MAX) printSignal(v);
    else putU64(v);
  } else return false;
  return true;
}

const KEYCODE: Field[] = [
  new Field("scancode", KBKEYCODE_SCANCODE, 4, F_X),
  new Field("keycode", KBKEYCODE_KEYCODE, 4, F_X),
];
const REPEAT: Field[] = [
  new Field("delay", KBD_REPEAT_DELAY, 4, F_D),
  new Field("period", KBD_REPEAT_PERIOD, 4, F_D),
];
const UNIMAPINIT: Field[] = [
  new Field("advised_hashsize", UNIMAPINIT_ADVISED_HASHSIZE, 2, F_U),
  new Field("advised_hashstep", UNIMAPINIT_ADVISED_HASHSTEP, 2, F_U),
  new Field("advised_hashlevel", UNIMAPINIT_ADVISED_HASHLEVEL, 2, F_U),
];

/**
 * The font (8192 bytes), screen map (256) or colour map (48) as a hex string cut at -s; strace
 * reads -s + 1 bytes of it (to know whether more follow), its address when it cannot.
 */
function printHexTable(p: usize, len: u32, size: u32): bool {
  const want = min<u32>(size, <u32>strsize + 1);
  if (len < want) return false;
  printBuffer(p, min<u32>(len, size), <u64>size, HEX_ALL);
  return true;
}

/** keyboard.h's key types whose symbols print as characters in `K(type, 'c')`. */
const KT_LATIN: u32 = 0;
const KT_META: u32 = 8;
const KT_LETTER: u32 = 11;
const KT_DEAD2: u32 = 13;

/** The constant table naming the key symbols of key type `typ` (K(typ, v)), or -1. */
function keyTable(typ: u32): i32 {
  switch (typ) {
    case 1:
      return nlTable("kd_key_fn_keys");
    case 2:
      return nlTable("kd_key_spec_keys");
    case 3:
      return nlTable("kd_key_pad_keys");
    case 4:
      return nlTable("kd_key_dead_keys");
    case 6:
      return nlTable("kd_key_cur_keys");
    case 7:
      return nlTable("kd_key_shift_keys");
    case 9:
      return nlTable("kd_key_ascii_keys");
    case 10:
      return nlTable("kd_key_lock_keys");
    case 12:
      return nlTable("kd_key_slock_keys");
    case 14:
      return nlTable("kd_key_brl_keys");
  }
  return -1;
}

/** A keymap's number: one of the K_*TAB tables by name, else its KG_* modifier bits. */
function printKbTable(v: u64): void {
  const tables = nlTable("kd_key_tables");
  if (lookup(tables, v) != NO_REF) printEnum(tables, v);
  // Its names start with a digit (`1<<KG_SHIFT`): print/style.ts's restyle knows them for names.
  else printFlags(nlTable("kd_keymap_flags"), v);
}

/** `kb_value=0x…`, with its key symbol (`K_F1`, or `K(KT_LATIN, 'a')`) in a comment unless -X raw. */
function printKbValue(v: u32): void {
  puts("kb_value=");
  putHex(<u64>v);
  if (xlatStyle == 1) return;
  const typ = v >> 8;
  const val = v & 0xff;
  const name = lookup(keyTable(typ), <u64>v);
  puts(" /* ");
  if (name != NO_REF) putRef(name);
  else {
    puts("K(");
    const tn = lookup(nlTable("kd_key_types"), <u64>typ);
    if (tn != NO_REF) putRef(tn);
    else putHex(<u64>typ);
    puts(", ");
    if (typ == KT_LATIN || typ == KT_META || typ == KT_LETTER || typ == KT_DEAD2) putChar(val, true);
    else putHex(<u64>val);
    putc(0x29);
  }
  puts(" */");
}

/** `{kb_table=…, kb_index=N`: what KDGKBENT and KDSKBENT name (their first two bytes). */
function printKbKey(p: usize): void {
  puts("{kb_table=");
  printKbTable(<u64>load<u8>(p + KBENTRY_KB_TABLE));
  puts(", kb_index=");
  putU64(<u64>load<u8>(p + KBENTRY_KB_INDEX));
}

/** `, kb_value=…}`, `kb_value=???` when its bytes were unreadable. */
function finishKbEntry(p: usize, len: u32): void {
  puts(", ");
  if (len < SIZEOF_KBENTRY) puts("kb_value=???");
  else printKbValue(<u32>load<u16>(p + KBENTRY_KB_VALUE));
  putc(0x7d);
}

/** `, kb_string="…"}`: a function key's string up to its NUL, `???` when unreadable before one. */
function finishKbString(p: usize, len: u32): void {
  puts(", kb_string=");
  const size = SIZEOF_KBSENTRY - KBSENTRY_KB_STRING;
  const avail = len > KBSENTRY_KB_STRING ? min<u32>(len - KBSENTRY_KB_STRING, size) : 0;
  const s = p + KBSENTRY_KB_STRING;
  let n: u32 = 0;
  while (n < avail && load<u8>(s + <usize>n) != 0) n++;
  if (n == avail && avail < size) puts("???");
  else {
    // strace shows -s bytes at most; `...` unless the NUL was among those it read.
    const max = <u32>strsize;
    quote(s, n < max ? n : max, false, xflag);
    if (n >= max || n == size) puts("...");
  }
  putc(0x7d);
}

/** One struct kbdiacr: three characters. */
function printDiacr(p: usize): void {
  puts("{diacr=");
  putChar(<u32>load<u8>(p + KBDIACR_DIACR), true);
  puts(", base=");
  putChar(<u32>load<u8>(p + KBDIACR_BASE), true);
  puts(", result=");
  putChar(<u32>load<u8>(p + KBDIACR_RESULT), true);
  putc(0x7d);
}

/** One struct kbdiacruc: three code points in hex. */
function printDiacrUc(p: usize): void {
  puts("{diacr=");
  putHex(<u64>load<u32>(p + KBDIACRUC_DIACR));
  puts(", base=");
  putHex(<u64>load<u32>(p + KBDIACRUC_BASE));
  puts(", result=");
  putHex(<u64>load<u32>(p + KBDIACRUC_RESULT));
  putc(0x7d);
}

/** The kernel's MAX_DIACR: the entries a struct kbdiacrs (or kbdiacrsuc) holds. */
const MAX_DIACR: u32 = 256;

/**
 * `{kb_cnt=N, kbdiacr=[…]}` (or `kbdiacruc=`): the count, then as many entries as it says, at most
 * MAX_DIACR (`...` after them when it says more).
 */
function printDiacrs(p: usize, len: u32, addr: u64, uc: bool): bool {
  if (len < 4) return false;
  const cnt = load<u32>(p + KBDIACRS_KB_CNT);
  const at = uc ? KBDIACRSUC_KBDIACRUC : KBDIACRS_KBDIACR;
  puts("{kb_cnt=");
  putU64(<u64>cnt);
  puts(uc ? ", kbdiacruc=" : ", kbdiacr=");
  const n = min<u32>(cnt, MAX_DIACR);
  const readable = len > at ? len - at : 0;
  if (uc) printArrayOf(addr + at, p + at, readable, n, SIZEOF_KBDIACRUC, printDiacrUc, cnt > MAX_DIACR);
  else printArrayOf(addr + at, p + at, readable, n, SIZEOF_KBDIACR, printDiacr, cnt > MAX_DIACR);
  putc(0x7d);
  return true;
}

/** UNI_DIRECT_BASE and UNI_DIRECT_MASK (linux/kd.h): the font's direct-mapped code points. */
const UNI_DIRECT_BASE: u32 = 0xf000;
const UNI_DIRECT_MASK: u32 = 0x1ff;

/** One unicode screen map entry: hex, a direct font position as `UNI_DIRECT_BASE+0x…`. */
function printUniScrnmapEntry(p: usize): void {
  const v = <u32>load<u16>(p);
  const direct = (v & ~UNI_DIRECT_MASK) == UNI_DIRECT_BASE;
  if (xlatStyle != 0 || !direct) putHex(<u64>v);
  if (xlatStyle == 1 || !direct) return;
  puts(xlatStyle == 2 ? " /* UNI_DIRECT_BASE+" : "UNI_DIRECT_BASE+");
  putHex(<u64>(v & UNI_DIRECT_MASK));
  if (xlatStyle == 2) puts(" */");
}

/** The unicode screen map's entries (E_TABSZ unsigned shorts). */
const UNI_SCRNMAP_ENTRIES: u32 = 256;

/**
 * Prints the `len` captured bytes at p, read from tracee address `addr` (at exit when `atExit`),
 * of console type `type` (a string ref); -1 when the type is not the console's, else 1 when
 * printed and 0 when too few bytes were read (the caller prints the address).
 */
export function printKdStruct(type: u32, p: usize, len: u32, addr: u64, atExit: bool): i32 {
  if (strEq(type, "unimapdesc")) return printUnimapdesc(p, len, atExit) ? 1 : 0;
  if (strEq(type, "consolefontdesc")) return printConsolefontdesc(p, len, atExit) ? 1 : 0;
  if (strEq(type, "console_font_op")) return printConsoleFontOp(p, len, atExit) ? 1 : 0;
  if (strEq(type, "kbentry_key") || strEq(type, "kbentry")) {
    if (len < KBENTRY_KB_VALUE) return 0;
    printKbKey(p);
    if (strEq(type, "kbentry")) finishKbEntry(p, len);
    return 1;
  }
  if (strEq(type, "kbentry_value")) {
    finishKbEntry(p, len);
    return 1;
  }
  if (strEq(type, "kbsentry_func") || strEq(type, "kbsentry")) {
    if (len < KBSENTRY_KB_STRING) return 0;
    puts("{kb_func=");
    printEnum(nlTable("kd_key_fn_key_vals"), <u64>load<u8>(p + KBSENTRY_KB_FUNC));
    if (strEq(type, "kbsentry")) finishKbString(p, len);
    return 1;
  }
  if (strEq(type, "kbsentry_string")) {
    finishKbString(p, len);
    return 1;
  }
  if (strEq(type, "kbkeycode_get")) {
    if (len < SIZEOF_KBKEYCODE) return 0;
    putc(0x7b);
    printFields(p, KEYCODE);
    return 1;
  }
  if (strEq(type, "kbkeycode_keycode")) {
    if (len < SIZEOF_KBKEYCODE) return 0;
    puts(" => ");
    const v = <u64>load<u32>(p + KBKEYCODE_KEYCODE);
    const start = outLen;
    putHex(v);
    restyle(start, v, FMT_HEX);
    putc(0x7d);
    return 1;
  }
  if (strEq(type, "kbdiacrs") || strEq(type, "kbdiacrsuc")) {
    return printDiacrs(p, len, addr, strEq(type, "kbdiacrsuc")) ? 1 : 0;
  }
  if (strEq(type, "kd_uniscrnmap")) {
    printArrayOf(addr, p, len, <u64>UNI_SCRNMAP_ENTRIES, 2, printUniScrnmapEntry);
    return 1;
  }
  let ok: bool;
  if (strEq(type, "kbkeycode")) ok = printStructOf(p, len, SIZEOF_KBKEYCODE, KEYCODE);
  else if (strEq(type, "kbd_repeat")) ok = printStructOf(p, len, SIZEOF_KBD_REPEAT, REPEAT);
  else if (strEq(type, "unimapinit")) ok = printStructOf(p, len, SIZEOF_UNIMAPINIT, UNIMAPINIT);
  else if (strEq(type, "kd_font")) ok = printHexTable(p, len, 8192);
  else if (strEq(type, "kd_scrnmap")) ok = printHexTable(p, len, 256);
  else if (strEq(type, "kd_cmap")) ok = printHexTable(p, len, 48);
  else return -1;
  return ok ? 1 : 0;
}
