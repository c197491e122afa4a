// The console (strace 6.1's kd_ioctl.c): the value arguments no constant table says alone (a
// tone's pitch and length, the leds' byte, an I/O port, the keyboard mode, a signal) and what
// the console's pointer requests point at (KDSETKEYCODE's keycode, the repeat rate, the unicode
// map's hash advice, the font, screen and colour maps as hex strings). KDGETKEYCODE, keymap
// entries, diacritics, the unicode maps, GIO_FONTX/PIO_FONTX and KDFONTOP are not decoded yet
// (their arguments print in hex).

import { arg } from "../call";
import {
  KBD_REPEAT_DELAY,
  KBD_REPEAT_PERIOD,
  KBKEYCODE_KEYCODE,
  KBKEYCODE_SCANCODE,
  SIZEOF_KBD_REPEAT,
  SIZEOF_KBKEYCODE,
  SIZEOF_UNIMAPINIT,
  UNIMAPINIT_ADVISED_HASHLEVEL,
  UNIMAPINIT_ADVISED_HASHSIZE,
  UNIMAPINIT_ADVISED_HASHSTEP,
} from "../layouts";
import { strsize, xlatStyle } from "../options";
import { puts } from "../out";
import { putHex, putU64 } from "../print/num";
import { HEX_ALL, printBuffer } from "../print/quote";
import { printSignal } from "../print/signal";
import { printFlags } from "../print/xlat";
import { strEq } from "../tables";
import { F_D, F_U, F_X, Field, printStructOf } from "./ioctl-fields";
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
const REPEAT: Field[] = [new Field("delay", KBD_REPEAT_DELAY, 4, F_D), new Field("period", KBD_REPEAT_PERIOD, 4, F_D)];
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

/**
 * Prints the `len` captured bytes at p of console type `type` (a string ref); -1 when the type is
 * not the console's, else 1 when printed and 0 when too few bytes were read (the caller prints the address).
 */
export function printKdStruct(type: u32, p: usize, len: u32): i32 {
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
