// A struct an ioctl points at, printed from data: each struct is a list of fields (its name, its
// offset and size from the kernel's BTF through ../layouts, and how strace prints it), walked by
// one printer. Family files (ioctl-fs.ts, …) hold the lists; what cannot be said as a field
// (arrays, unions chosen by a tag) stays a few lines of code beside them.

import { arg } from "../call";
import { T_IOCTL } from "../known";
import { strsize, verbose, xflag } from "../options";
import { outLen, putc, puts } from "../out";
import { putAddr, putHex, putI64, putU64 } from "../print/num";
import { printPid } from "../print/pid";
import { quote } from "../print/quote";
import { FMT_HEX, restyle } from "../print/style";
import { printEnum, printFlags } from "../print/xlat";
import { PT_TGID } from "../record";
import { lookup, NO_REF, strEq } from "../tables";
import { nlTable } from "./nl-print";

/** Unsigned decimal (PRINT_FIELD_U). */
export const F_U: u8 = 0;
/** Signed decimal (PRINT_FIELD_D). */
export const F_D: u8 = 1;
/** Hexadecimal (PRINT_FIELD_X). */
export const F_X: u8 = 2;
/** Bits by name from a constant table (PRINT_FIELD_FLAGS). */
export const F_FLAGS: u8 = 3;
/** One value by name from a constant table, hex when unknown (PRINT_FIELD_XVAL). */
export const F_XVAL: u8 = 4;
/** A pointer: NULL or its hex address (PRINT_FIELD_PTR). */
export const F_PTR: u8 = 5;
/** A quoted character (PRINT_FIELD_CHAR). */
export const F_CHAR: u8 = 6;
/** One value by name, decimal when unknown (PRINT_FIELD_XVAL_D). */
export const F_XVAL_D: u8 = 7;
// ioctl-b: formats the gpio, ptp, rtc and seccomp-notify printers added.
/** A char array of `size` bytes up to its NUL, `...` when it holds none (PRINT_FIELD_CSTRING). */
export const F_CSTRING: u8 = 8;
// pidns: a process id printed as strace's printpid does (--decode-pids), far from the others' codes.
/** A thread group id (PRINT_FIELD_TGID). */
export const F_TGID: u8 = 72;

/** One printed field: `name=` then the value at `off` (`size` bytes) in format `fmt`. */
export class Field {
  constructor(
    public name: string,
    public off: u32,
    public size: u32,
    public fmt: u8,
    /** The constant table (core's data/xlat/<table>.in) of F_FLAGS and F_XVAL fields. */
    public table: string = "",
  ) {}
}

/** The `size`-byte little-endian unsigned value at p. */
export function loadN(p: usize, size: u32): u64 {
  if (size == 1) return <u64>load<u8>(p);
  if (size == 2) return <u64>load<u16>(p);
  if (size == 4) return <u64>load<u32>(p);
  return load<u64>(p);
}

/** The `size`-byte value at p, sign-extended. */
function loadSigned(p: usize, size: u32): i64 {
  if (size == 1) return <i64>load<i8>(p);
  if (size == 2) return <i64>load<i16>(p);
  if (size == 4) return <i64>load<i32>(p);
  return load<i64>(p);
}

/** The value of field f of the struct at p, in its format. */
export function printValue(f: Field, p: usize): void {
  const at = p + <usize>f.off;
  const v = f.fmt == F_CSTRING ? 0 : loadN(at, f.size);
  switch (f.fmt) {
    case F_D:
      putI64(loadSigned(at, f.size));
      break;
    case F_X: {
      const start = outLen;
      putHex(v);
      restyle(start, v, FMT_HEX);
      break;
    }
    case F_FLAGS:
      printFlags(nlTable(f.table), v);
      break;
    case F_XVAL:
      printEnum(nlTable(f.table), v);
      break;
    case F_XVAL_D:
      printEnum(nlTable(f.table), v, true);
      break;
    case F_PTR:
      putAddr(v);
      break;
    case F_CHAR:
      putChar(<u32>v);
      break;
    case F_CSTRING:
      putCStringField(at, f.size);
      break;
    case F_TGID:
      printPid(<i32>loadSigned(at, f.size), PT_TGID);
      break;
    default:
      putU64(v);
  }
}

/** The letters of `\t \n \v \f \r` (9-13), as print_char's SCF_ESC_WS writes them. */
const WS_ESCAPES = "tnvfr";

/** `'c'` as strace's PRINT_FIELD_CHAR quotes it; `escWs`: whitespace as `\n` (SCF_ESC_WS). */
export function putChar(c: u32, escWs: bool = false): void {
  putc(0x27);
  if (c == 0x27 || c == 0x5c) {
    putc(0x5c);
    putc(c);
  } else if (escWs && c >= 9 && c <= 13) {
    putc(0x5c);
    putc(<u32>WS_ESCAPES.charCodeAt(c - 9));
  } else if (c >= 0x20 && c < 0x7f) putc(c);
  else {
    puts("\\x");
    const h = "0123456789abcdef";
    putc(<u32>h.charCodeAt((c >> 4) & 15));
    putc(<u32>h.charCodeAt(c & 15));
  }
  putc(0x27);
}

/** The `size`-byte char array at p up to its NUL, `...` when it holds none (print_quoted_cstring). */
export function putCStringField(p: usize, size: u32): void {
  const noNul = quote(p, size - 1, true, xflag);
  if (noNul && load<u8>(p + <usize>(size - 1)) != 0) puts("...");
}

/**
 * `[e0, e1, …]`: `n` elements of `size` bytes at p, unsigned decimal or (`hex`) PRINT_VAL_X, cut
 * after -s elements with `...` unless -v (strace's print_array over a struct's own array).
 */
export function printNumArray(p: usize, n: u32, size: u32, hex: bool): void {
  putc(0x5b);
  for (let i: u32 = 0; i < n; i++) {
    if (i > 0) puts(", ");
    if (!verbose && i >= <u32>strsize) {
      puts("...");
      break;
    }
    const v = loadN(p + <usize>(i * size), size);
    if (hex) {
      const start = outLen;
      putHex(v);
      restyle(start, v, FMT_HEX);
    } else putU64(v);
  }
  putc(0x5d);
}

/**
 * Is this ioctl's request (argument 1) the one core's ioctl table names `name`? For the printers
 * of a struct that several requests share but print a little differently (a `…2` variant's rsv).
 */
export function isIoctlRequest(name: string): bool {
  if (T_IOCTL < 0) return false;
  const ref = lookup(T_IOCTL, <u64>(<u32>arg(1)));
  return ref != NO_REF && strEq(ref, name);
}

/** Are the `size` bytes at p all zero (strace's IS_ARRAY_ZERO)? */
export function isZero(p: usize, size: u32): bool {
  for (let i: u32 = 0; i < size; i++) if (load<u8>(p + <usize>i) != 0) return false;
  return true;
}

/** `name=value` for each field, joined by `, ` (a `, ` first unless `first`); no braces. */
export function printFields(p: usize, fields: Field[], first: bool = true): void {
  for (let i = 0; i < fields.length; i++) {
    if (!first || i > 0) puts(", ");
    const f = fields[i];
    puts(f.name);
    putc(0x3d);
    printValue(f, p);
  }
}

/** `{fields}`, or false (nothing printed) when fewer than `size` bytes were read. */
export function printStructOf(p: usize, len: u32, size: u32, fields: Field[]): bool {
  if (len < size) return false;
  putc(0x7b);
  printFields(p, fields);
  putc(0x7d);
  return true;
}
