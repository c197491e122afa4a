// The kernel's struct termios as strace's decode_termios prints it: four flag words (the output
// delay fields, the baud rate and the character size print as names before the plain bits), then
// with -v the line discipline and the control characters.

import {
  T_BAUD_OPTIONS,
  T_TERM_CFLAGS,
  T_TERM_IFLAGS,
  T_TERM_LFLAGS,
  T_TERM_OFLAGS,
  T_TERMIO_CC,
  T_TTY_LDISCS,
} from "../known";
import { verbose } from "../options";
import { outLen, putc, puts } from "../out";
import { lookup, NO_REF } from "../tables";
import { putHex, putU64 } from "./num";
import { FMT_HEX, restyle } from "./style";
import { printEnum, printFlags, putRef } from "./xlat";

/** sizeof(struct termios): c_iflag, c_oflag, c_cflag, c_lflag, c_line, c_cc[NCCS = 19]. */
const TERMIOS_SIZE: u32 = 36;
const NCCS: u32 = 19;

// c_oflag's delay fields, in the order strace prints them: name prefix, mask, shift.
const DELAY_NAMES: string[] = ["NL", "CR", "TAB", "BS", "VT", "FF"];
const DELAY_MASKS: u32[] = [0o400, 0o3000, 0o14000, 0o20000, 0o40000, 0o100000];
const DELAY_SHIFTS: u32[] = [8, 9, 11, 13, 14, 15];
const TAB_FIELD = 2;

const CBAUD: u32 = 0x100f;
const CSIZE: u32 = 0x30;
const CIBAUD: u32 = 0x100f0000;
const IBSHIFT: u32 = 16;

/** Bits printed by a flags table, or nothing at all when none is set. */
function printRest(table: i32, v: u32): void {
  if (v != 0) printFlags(table, <u64>v);
}

/** The kernel's struct termios. */
export const TERMIOS: u32 = 0;
/** struct termios2 (TCGETS2, TCSETS2…): a termios, then the input and output speeds. */
export const TERMIOS2: u32 = 1;
/** The old struct termio (TCGETA, TCSETA…): 16-bit flag words, c_line, c_cc[NCC = 8]. */
export const TERMIO: u32 = 2;

/** sizeof(struct termios2) and sizeof(struct termio). */
const TERMIOS2_SIZE: u32 = 44;
const TERMIO_SIZE: u32 = 18;
const NCC: u32 = 8;

/** A flag word: 16 bits in a termio, 32 in a termios. */
function loadWord(at: usize, old: bool): u32 {
  return old ? <u32>load<u16>(at) : load<u32>(at);
}

/** Prints the termios at p; false (nothing printed) when fewer than its bytes were read. */
export function printTermios(p: usize, len: u32): bool {
  return printTermiosOf(p, len, TERMIOS);
}

/** Prints a termios, termios2 or termio (`kind`) at p; false when fewer than its bytes were read. */
export function printTermiosOf(p: usize, len: u32, kind: u32): bool {
  const old = kind == TERMIO;
  const size: u32 = old ? TERMIO_SIZE : kind == TERMIOS2 ? TERMIOS2_SIZE : TERMIOS_SIZE;
  if (len < size) return false;
  const w: usize = old ? 2 : 4;
  const iflag = loadWord(p, old);
  const oflag = loadWord(p + w, old);
  const cflag = loadWord(p + 2 * w, old);
  const lflag = loadWord(p + 3 * w, old);
  // strace prints no `0` for a word without bits: `c_iflag=, `.
  puts("{c_iflag=");
  printRest(T_TERM_IFLAGS, iflag);
  puts(", c_oflag=");
  let rest = oflag;
  for (let i = 0; i < DELAY_NAMES.length; i++) {
    const v = (oflag & DELAY_MASKS[i]) >> DELAY_SHIFTS[i];
    const start = outLen;
    // TAB3 expands tabs: strace names it XTABS.
    if (i == TAB_FIELD && v == 3) puts("XTABS");
    else {
      puts(DELAY_NAMES[i]);
      putU64(<u64>v);
    }
    // -X raw/verbose: the field's bits in place, unshifted, as strace's xlat prints them.
    restyle(start, <u64>(oflag & DELAY_MASKS[i]), FMT_HEX);
    putc(0x7c);
    rest &= ~DELAY_MASKS[i];
  }
  printRest(T_TERM_OFLAGS, rest);
  puts(", c_cflag=");
  printEnum(T_BAUD_OPTIONS, <u64>(cflag & CBAUD));
  putc(0x7c);
  if ((cflag & CIBAUD) != 0) {
    printEnum(T_BAUD_OPTIONS, <u64>((cflag & CIBAUD) >> IBSHIFT));
    puts("<<");
    const shift = outLen;
    puts("IBSHIFT");
    restyle(shift, <u64>IBSHIFT, FMT_HEX);
    putc(0x7c);
  }
  const cs = outLen;
  puts("CS");
  putU64(<u64>(((cflag & CSIZE) >> 4) + 5));
  restyle(cs, <u64>(cflag & CSIZE), FMT_HEX);
  putc(0x7c);
  printRest(T_TERM_CFLAGS, cflag & ~(CBAUD | CSIZE | CIBAUD));
  puts(", c_lflag=");
  printRest(T_TERM_LFLAGS, lflag);
  if (!verbose) {
    puts(", ...}");
    return true;
  }
  puts(", c_line=");
  const line = p + 4 * w;
  printEnum(T_TTY_LDISCS, <u64>load<u8>(line));
  puts(", c_cc=[");
  const ncc = old ? NCC : NCCS;
  for (let i: u32 = 0; i < ncc; i++) {
    if (i != 0) puts(", ");
    putc(0x5b);
    printIndex(i);
    puts("]=");
    const c = <u64>load<u8>(line + 1 + <usize>i);
    if (c == 0) putc(0x30);
    else putHex(c);
  }
  putc(0x5d);
  if (kind == TERMIOS2) {
    puts(", c_ispeed=");
    putU64(<u64>load<u32>(p + TERMIOS_SIZE));
    puts(", c_ospeed=");
    putU64(<u64>load<u32>(p + TERMIOS_SIZE + 4));
  }
  putc(0x7d);
  return true;
}

/** A c_cc index by name (`VINTR`), or its number past the named ones. */
function printIndex(i: u32): void {
  // strace prints the index by name whatever -X says.
  const name = i <= 16 ? lookup(T_TERMIO_CC, <u64>i) : NO_REF;
  if (name != NO_REF) putRef(name);
  else putU64(<u64>i);
}
