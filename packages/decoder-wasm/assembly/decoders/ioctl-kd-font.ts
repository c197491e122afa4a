// The console's font requests (strace 6.1's kd_mpers_ioctl.c): the unicode font map
// (GIO_UNIMAP/PIO_UNIMAP), GIO_FONTX/PIO_FONTX and KDFONTOP, structs holding a pointer whose
// target comes from its POINTEE capture (core's data/pointees.ts).

import { capData, findCap, isError } from "../call";
import {
  CONSOLE_FONT_OP_CHARCOUNT,
  CONSOLE_FONT_OP_DATA,
  CONSOLE_FONT_OP_FLAGS,
  CONSOLE_FONT_OP_HEIGHT,
  CONSOLE_FONT_OP_OP,
  CONSOLE_FONT_OP_WIDTH,
  CONSOLEFONTDESC_CHARCOUNT,
  CONSOLEFONTDESC_CHARDATA,
  CONSOLEFONTDESC_CHARHEIGHT,
  SIZEOF_CONSOLE_FONT_OP,
  SIZEOF_CONSOLEFONTDESC,
  SIZEOF_UNIMAPDESC,
  SIZEOF_UNIPAIR,
  UNIMAPDESC_ENTRIES,
  UNIMAPDESC_ENTRY_CT,
  UNIPAIR_FONTPOS,
  UNIPAIR_UNICODE,
} from "../layouts";
import { strsize, xflag } from "../options";
import { putc, puts } from "../out";
import { findPointee, ptData, ptLen } from "../pointee";
import { putAddr, putHex, putU64 } from "../print/num";
import { HEX_ALL, printBuffer, quote } from "../print/quote";
import { printEnum, printFlags } from "../print/xlat";
import { CK_STRUCT_IF } from "../record";
import { warnShortRead } from "../warn";
import { printArrayOf } from "./array";
import { isIoctlRequest } from "./ioctl-fields";
import { nlTable } from "./nl-print";

/** One struct unipair. */
function printUnipair(p: usize): void {
  puts("{unicode=");
  putHex(<u64>load<u16>(p + UNIPAIR_UNICODE));
  puts(", fontpos=");
  putHex(<u64>load<u16>(p + UNIPAIR_FONTPOS));
  putc(0x7d);
}

/** `, entries=[…]`: `n` unipairs at the struct's pointer, from its POINTEE capture. */
function printUnipairs(p: usize, n: u32, atExit: bool): void {
  puts(", entries=");
  const ptr = load<u64>(p + UNIMAPDESC_ENTRIES);
  const readable = findPointee(2, UNIMAPDESC_ENTRIES, atExit) ? ptLen : 0;
  printArrayOf(ptr, ptData, readable, <u64>n, SIZEOF_UNIPAIR, printUnipair);
}

/**
 * GIO_UNIMAP's and PIO_UNIMAP's struct unimapdesc: `{entry_ct=N, entries=[…]}`; the getter's
 * `{entry_ct=N => M, entries=[…]}` shows the count the kernel wrote and as many entries as asked.
 */
export function printUnimapdesc(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_UNIMAPDESC) return false;
  const ct = <u32>load<u16>(p + UNIMAPDESC_ENTRY_CT);
  if (!atExit) {
    puts("{entry_ct=");
    putU64(<u64>ct);
    if (!isIoctlRequest("GIO_UNIMAP")) {
      printUnipairs(p, ct, false);
      putc(0x7d);
    }
    return true;
  }
  puts(" => ");
  putU64(<u64>ct);
  if (isError) {
    puts(", entries=");
    putAddr(load<u64>(p + UNIMAPDESC_ENTRIES));
  } else {
    const asked = findCap(2, CK_STRUCT_IF, false) ? <u32>load<u16>(capData + UNIMAPDESC_ENTRY_CT) : ct;
    printUnipairs(p, asked, true);
  }
  putc(0x7d);
  return true;
}

/**
 * `size` bytes of font at `ptr` as a hex string cut at -s (strace's printstr_ex), from the
 * POINTEE capture of the pointer at `offset`; the address when what -s shows was unreadable.
 */
function printFontBytes(ptr: u64, offset: u32, size: u64, atExit: bool): void {
  if (ptr == 0) {
    puts("NULL");
    return;
  }
  const want = <u32>min<u64>(size, <u64>strsize);
  if (!findPointee(2, offset, atExit) || ptLen < want) {
    // Some bytes but not all: strace's umoven says so (nothing at all is a silent EFAULT).
    if (ptLen > 0) warnShortRead("umoven", ptLen, want, ptr);
    putAddr(ptr);
    return;
  }
  printBuffer(ptData, want, size, HEX_ALL);
}

/** The most glyphs the console's font requests carry (the kernel's max_font_glyphs). */
const MAX_FONT_GLYPHS: u64 = 512;

/** GIO_FONTX's and PIO_FONTX's struct consolefontdesc; the getter's glyphs print at exit. */
export function printConsolefontdesc(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_CONSOLEFONTDESC) return false;
  const count = <u64>load<u16>(p + CONSOLEFONTDESC_CHARCOUNT);
  puts("{charcount=");
  putU64(count);
  puts(", charheight=");
  putU64(<u64>load<u16>(p + CONSOLEFONTDESC_CHARHEIGHT));
  puts(", chardata=");
  const ptr = load<u64>(p + CONSOLEFONTDESC_CHARDATA);
  if (!atExit && isIoctlRequest("GIO_FONTX")) putAddr(ptr);
  else printFontBytes(ptr, CONSOLEFONTDESC_CHARDATA, min<u64>(count, MAX_FONT_GLYPHS) * 32, atExit);
  putc(0x7d);
  return true;
}

/** linux/kd.h's KDFONTOP operations. */
const KD_FONT_OP_SET: u32 = 0;
const KD_FONT_OP_GET: u32 = 1;
const KD_FONT_OP_SET_DEFAULT: u32 = 2;
const KD_FONT_OP_COPY: u32 = 3;
/** The longest font name KD_FONT_OP_SET_DEFAULT reads (the kernel's MAX_FONT_NAME). */
const MAX_FONT_NAME: u32 = 32;

/** KDFONTOP's glyph bytes: width rounded up to bytes (at most 32 pixels), 32 rows, 512 glyphs at most. */
function fontOpBytes(p: usize): u64 {
  const width = min<u32>(load<u32>(p + CONSOLE_FONT_OP_WIDTH), 32);
  const count = min<u64>(<u64>load<u32>(p + CONSOLE_FONT_OP_CHARCOUNT), MAX_FONT_GLYPHS);
  return <u64>((width + 7) / 8) * 32 * count;
}

/**
 * KD_FONT_OP_SET_DEFAULT's font name: a string in MAX_FONT_NAME bytes with its NUL, so at most
 * one less shows (`...` when the NUL is not there).
 */
function printFontName(ptr: u64): void {
  if (ptr == 0) {
    puts("NULL");
    return;
  }
  const avail = findPointee(2, CONSOLE_FONT_OP_DATA, false) ? min<u32>(ptLen, MAX_FONT_NAME) : 0;
  let n: u32 = 0;
  while (n < avail && load<u8>(ptData + <usize>n) != 0) n++;
  if (n == avail && avail < MAX_FONT_NAME) {
    putAddr(ptr);
    return;
  }
  quote(ptData, min<u32>(n, MAX_FONT_NAME - 1), false, xflag);
  if (n == MAX_FONT_NAME) puts("...");
}

/** `width=…, height=…, charcount=…` as far as operation `op` uses them. */
function printFontOpSizes(p: usize, op: u32): void {
  if (op != KD_FONT_OP_COPY) {
    puts("width=");
    putU64(<u64>load<u32>(p + CONSOLE_FONT_OP_WIDTH));
    puts(", ");
  }
  puts("height=");
  putU64(<u64>load<u32>(p + CONSOLE_FONT_OP_HEIGHT));
  if (op != KD_FONT_OP_SET_DEFAULT && op != KD_FONT_OP_COPY) {
    puts(", charcount=");
    putU64(<u64>load<u32>(p + CONSOLE_FONT_OP_CHARCOUNT));
  }
}

/**
 * KDFONTOP's struct console_font_op: the operation and what it uses at entry (left open), then at
 * exit what the kernel answered, ` => {…}` (nothing more after KD_FONT_OP_SET and KD_FONT_OP_COPY).
 */
export function printConsoleFontOp(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_CONSOLE_FONT_OP) return false;
  const op = load<u32>(p + CONSOLE_FONT_OP_OP);
  const ptr = load<u64>(p + CONSOLE_FONT_OP_DATA);
  if (atExit) {
    putc(0x7d);
    if (op == KD_FONT_OP_SET || op == KD_FONT_OP_COPY) return true;
    puts(" => {");
    printFontOpSizes(p, op);
    if (op == KD_FONT_OP_GET) {
      puts(", data=");
      printFontBytes(ptr, CONSOLE_FONT_OP_DATA, fontOpBytes(p), true);
    } else if (op != KD_FONT_OP_SET_DEFAULT) {
      puts(", data=");
      putAddr(ptr);
    }
    putc(0x7d);
    return true;
  }
  puts("{op=");
  printEnum(nlTable("kd_font_ops"), <u64>op);
  if (op != KD_FONT_OP_SET_DEFAULT && op != KD_FONT_OP_COPY) {
    puts(", flags=");
    printFlags(nlTable("kd_font_flags"), <u64>load<u32>(p + CONSOLE_FONT_OP_FLAGS));
  }
  puts(", ");
  printFontOpSizes(p, op);
  if (op == KD_FONT_OP_COPY) return true;
  puts(", data=");
  if (op == KD_FONT_OP_SET) printFontBytes(ptr, CONSOLE_FONT_OP_DATA, fontOpBytes(p), false);
  else if (op == KD_FONT_OP_SET_DEFAULT) printFontName(ptr);
  else putAddr(ptr);
  return true;
}
