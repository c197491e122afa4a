// Fixed-layout fields of netlink structs as data (a name, an offset, a printer, a constant table):
// the message headers and struct-valued attributes of rtnl.ts are tables of these, printed by one
// loop instead of a function per struct.

import { putc, puts } from "../out";
import { putHex, putI64, putU64 } from "../print/num";
import { printFlagsX, printIfindex, printXval } from "./nl-print";

// How a header field prints.
export const F_U8: u8 = 0;
export const F_X8: u8 = 1;
export const F_XVAL8: u8 = 2;
export const F_FLAGS8: u8 = 3;
export const F_X16: u8 = 4;
export const F_XVAL16: u8 = 5;
export const F_FLAGS16: u8 = 6;
export const F_U32: u8 = 7;
export const F_X32: u8 = 8;
export const F_FLAGS32: u8 = 9;
export const F_IFINDEX: u8 = 10;
export const F_S8: u8 = 11;
export const F_U16: u8 = 12;
export const F_S16: u8 = 13;
export const F_S32: u8 = 14;
export const F_U64: u8 = 15;
export const F_X64: u8 = 16;
/** A big-endian u32 in hex: `htonl(0xfeedcafe)`. */
export const F_HTONL_X: u8 = 17;

/** One field of a message header: its name, offset, printer, table and default. */
export class Field {
  constructor(
    public name: string,
    public off: u32,
    public kind: u8,
    public table: string = "",
    public dflt: string = "",
    /** Printed only when non-zero (padding strace shows when set). */
    public optional: bool = false,
  ) {}
}

export function f(name: string, off: u32, kind: u8, table: string = "", dflt: string = ""): Field {
  return new Field(name, off, kind, table, dflt);
}

/** One field of the struct at p. */
export function printField(fd: Field, p: usize): void {
  const at = p + <usize>fd.off;
  switch (fd.kind) {
    case F_U8:
      putU64(<u64>load<u8>(at));
      break;
    case F_X8:
      putHex(<u64>load<u8>(at));
      break;
    case F_XVAL8:
      printXval(fd.table, <u64>load<u8>(at), fd.dflt);
      break;
    case F_FLAGS8:
      printFlagsX(fd.table, "", <u64>load<u8>(at), fd.dflt);
      break;
    case F_X16:
      putHex(<u64>load<u16>(at));
      break;
    case F_XVAL16:
      printXval(fd.table, <u64>load<u16>(at), fd.dflt);
      break;
    case F_FLAGS16:
      printFlagsX(fd.table, "", <u64>load<u16>(at), fd.dflt);
      break;
    case F_U32:
      putU64(<u64>load<u32>(at));
      break;
    case F_X32:
      putHex(<u64>load<u32>(at));
      break;
    case F_FLAGS32:
      printFlagsX(fd.table, "", <u64>load<u32>(at), fd.dflt);
      break;
    case F_IFINDEX:
      printIfindex(load<u32>(at));
      break;
    case F_S8:
      putI64(<i64>load<i8>(at));
      break;
    case F_U16:
      putU64(<u64>load<u16>(at));
      break;
    case F_S16:
      putI64(<i64>load<i16>(at));
      break;
    case F_S32:
      putI64(<i64>load<i32>(at));
      break;
    case F_U64:
      putU64(load<u64>(at));
      break;
    case F_X64:
      putHex(load<u64>(at));
      break;
    case F_HTONL_X:
      puts("htonl(");
      putHex(<u64>bswap<u32>(load<u32>(at)));
      putc(0x29);
      break;
  }
}

/** The value of a field (for `optional`: is it zero?). */
export function fieldValue(fd: Field, p: usize): u32 {
  const at = p + <usize>fd.off;
  if (fd.kind <= F_FLAGS8) return <u32>load<u8>(at);
  if (fd.kind <= F_FLAGS16) return <u32>load<u16>(at);
  return load<u32>(at);
}

/** The bytes a field's printer reads. */
export function fieldWidth(fd: Field): u32 {
  const k = fd.kind;
  if (k <= F_FLAGS8 || k == F_S8) return 1;
  if (k <= F_FLAGS16 || k == F_U16 || k == F_S16) return 2;
  return k == F_U64 || k == F_X64 ? 8 : 4;
}
