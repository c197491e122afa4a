// Fixed-layout fields of netlink structs as data (a name, an offset, a printer, a constant table):
// the message headers and struct-valued attributes of rtnl.ts are tables of these, printed by one
// loop instead of a function per struct.

import { putc, puts } from "../out";
import { putHex, putI64, putU64 } from "../print/num";
import { putMakedev } from "../print/structs";
import { lookup, NO_REF } from "../tables";
import {
  abbreviated,
  have,
  nlTable,
  printBe16,
  printFlagsX,
  printHexStr,
  printIfindex,
  printMac,
  printXval,
  putAddrAt,
  putStopAt,
} from "./nl-print";

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
/** A socket cookie, two u32: `[1, 2]`. */
export const F_COOKIE: u8 = 18;
/** A u32 device number, `makedev(0x8, 0x1)`. */
export const F_DEV32: u8 = 19;
/** A u16 by name from `table`, from network byte order (`htons(ETH_P_ALL)` style is not used). */
export const F_XVAL16_BE: u8 = 20;
/** A big-endian u16, `htons(80)`. */
export const F_BE16: u8 = 21;
/** A u32 by name from `table`. */
export const F_XVAL32: u8 = 22;
/** An address of up to 32 bytes whose length is the u16 just before it, in hex (`pdmc_addr`). */
export const F_ADDR_ALEN: u8 = 23;
/** `count` bytes as a hex string, `"\x61\x62\x63"` (an optional one shows when any is non-zero). */
export const F_HEX_BYTES: u8 = 24;
/** `count` bytes as a MAC address, `80:81:…` (PRINT_FIELD_MAC: -X raw shows them in hex). */
export const F_MAC: u8 = 25;
/** A big-endian u16 by name from `table` inside htons(): `htons(ETH_P_IP)`. */
export const F_HTONS_XVAL: u8 = 26;
/** `count` u64 whose indices `table` names: `[[BR_MCAST_DIR_RX]=0, [BR_MCAST_DIR_TX]=0]`. */
export const F_U64_IDX: u8 = 27;

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
    /** F_XVAL8: a table tried first (a special value strace names ahead of `table`). */
    public table0: string = "",
    /** F_HEX_BYTES: how many bytes. */
    public count: u32 = 0,
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
    case F_XVAL8: {
      const v = <u64>load<u8>(at);
      if (fd.table0.length > 0 && lookup(nlTable(fd.table0), v) != NO_REF) printXval(fd.table0, v, "");
      else printXval(fd.table, v, fd.dflt);
      break;
    }
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
    case F_COOKIE:
      putc(0x5b);
      putU64(<u64>load<u32>(at));
      puts(", ");
      putU64(<u64>load<u32>(at + 4));
      putc(0x5d);
      break;
    case F_DEV32:
      putMakedev(<u64>load<u32>(at));
      break;
    case F_XVAL16_BE:
      printXval(fd.table, <u64>bswap<u16>(load<u16>(at)), fd.dflt);
      break;
    case F_BE16:
      printBe16(at);
      break;
    case F_XVAL32:
      printXval(fd.table, <u64>load<u32>(at), fd.dflt);
      break;
    case F_HEX_BYTES:
      printHexStr(at, fd.count);
      break;
    case F_MAC:
      printMac(at, fd.count, fd.count);
      break;
    case F_HTONS_XVAL:
      puts("htons(");
      printXval(fd.table, <u64>bswap<u16>(load<u16>(at)), fd.dflt);
      putc(0x29);
      break;
    case F_U64_IDX:
      putc(0x5b);
      for (let i: u32 = 0; i < fd.count; i++) {
        if (i > 0) puts(", ");
        putc(0x5b);
        printXval(fd.table, <u64>i, fd.dflt, true);
        puts("]=");
        putU64(load<u64>(at + <usize>(i * 8)));
      }
      putc(0x5d);
      break;
    case F_ADDR_ALEN: {
      const n = <u32>load<u16>(at - 2);
      printHexStr(at, min<u32>(n, 32));
      break;
    }
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
  if (fd.kind == F_HEX_BYTES) {
    let any: u32 = 0;
    for (let i: u32 = 0; i < fd.count; i++) any |= <u32>load<u8>(at + <usize>i);
    return any;
  }
  if (fd.kind <= F_FLAGS8) return <u32>load<u8>(at);
  if (fd.kind <= F_FLAGS16) return <u32>load<u16>(at);
  return load<u32>(at);
}

/** The bytes a field's printer reads. */
export function fieldWidth(fd: Field): u32 {
  const k = fd.kind;
  if (k <= F_FLAGS8 || k == F_S8) return 1;
  if (k <= F_FLAGS16 || k == F_U16 || k == F_S16 || k == F_XVAL16_BE || k == F_BE16 || k == F_HTONS_XVAL)
    return 2;
  if (k == F_ADDR_ALEN) return 32;
  if (k == F_HEX_BYTES || k == F_MAC) return fd.count;
  if (k == F_U64_IDX) return fd.count * 8;
  return k == F_U64 || k == F_X64 || k == F_COOKIE ? 8 : 4;
}

/** `n` bytes at `off` as a hex string (PRINT_FIELD_STRING with QUOTE_FORCE_HEX). */
export function hexBytes(name: string, off: u32, n: u32, optional: bool = false): Field {
  return new Field(name, off, F_HEX_BYTES, "", "", optional, "", n);
}

/** `n` bytes at `off` as a MAC address (PRINT_FIELD_MAC). */
export function mac(name: string, off: u32, n: u32): Field {
  return new Field(name, off, F_MAC, "", "", false, "", n);
}

/** An array of `n` u64 at `off` printed with its indices named by `table`. */
export function u64Idx(name: string, off: u32, n: u32, table: string): Field {
  return new Field(name, off, F_U64_IDX, table, "", false, "", n);
}

/** Padding strace prints only when it is not zero. */
export function pad(name: string, off: u32, kind: u8): Field {
  return new Field(name, off, kind, "", "", true);
}

/**
 * A struct-valued attribute printed field by field: it needs `size` bytes (an attribute of exactly
 * `min` bytes, an older shorter form, prints the fields it holds).
 */
export class NlStruct {
  constructor(
    public name: string,
    public size: u32,
    public fields: Field[],
    public min: u32 = 0,
    /** Bytes past the struct follow it as a hex string (strace's `{…}, "\x…"`). */
    public tail: bool = false,
  ) {}
}

function nlStruct(structs: NlStruct[], name: string): NlStruct | null {
  for (let i = 0; i < structs.length; i++) if (structs[i].name == name) return structs[i];
  return null;
}

/** `fields` that fit in `size` bytes at p, `a=1, b=2`; optional ones only when non-zero. */
export function printFields(fields: Field[], p: usize, size: u32): void {
  let n = 0;
  for (let j = 0; j < fields.length; j++) {
    const fd = fields[j];
    if (fd.off + fieldWidth(fd) > size) break;
    if (fd.optional && fieldValue(fd, p) == 0) continue;
    if (n++ > 0) puts(", ");
    puts(fd.name);
    putc(0x3d);
    printField(fd, p);
  }
}

/** A struct of `structs` named `name`: 0 when the attribute is too short (hex), -1 when unknown. */
export function printNlStruct(structs: NlStruct[], name: string, p: usize, len: u32): i32 {
  const d = nlStruct(structs, name);
  if (d == null) return -1;
  const size = len >= d.size ? d.size : len == d.min ? d.min : 0;
  if (size == 0) return 0;
  if (!have(p, size)) {
    putAddrAt(p);
    return 1;
  }
  putc(0x7b);
  printFields(d.fields, p, size);
  putc(0x7d);
  if (d.tail && len > size) {
    puts(", ");
    printHexStr(p + <usize>size, len - size);
  }
  return 1;
}

/** print_array of struct `name`: `[{…}, …]`, -s elements unless -v; false when none fits. */
export function printNlStructArray(structs: NlStruct[], name: string, p: usize, len: u32): bool {
  const d = nlStruct(structs, name);
  if (d == null || len < d.size) return false;
  const n = len / d.size;
  putc(0x5b);
  for (let i: u32 = 0; i < n; i++) {
    if (i > 0) puts(", ");
    if (abbreviated(i)) {
      puts("...");
      break;
    }
    const at = p + <usize>(i * d.size);
    if (!have(at, d.size)) {
      putStopAt(at, true);
      break;
    }
    putc(0x7b);
    printFields(d.fields, at, d.size);
    putc(0x7d);
  }
  putc(0x5d);
  return true;
}

/**
 * A message's family header, `{udiag_family=AF_UNIX, udiag_type=…, …}`: the family byte, then
 * `fields` when the message holds all `size` bytes (`...` when shorter, the address when unreadable).
 * Returns whether the fields printed (the attributes follow only then).
 */
export function printFamilyHeader(family: string, size: u32, fields: Field[], p: usize, len: u32): bool {
  putc(0x7b);
  puts(family);
  putc(0x3d);
  printXval("addrfams", <u64>load<u8>(p), "AF_???");
  puts(", ");
  if (len < size) {
    puts("...}");
    return false;
  }
  if (!have(p, size)) {
    putAddrAt(p + 1);
    putc(0x7d);
    return false;
  }
  printFields(fields, p, size);
  putc(0x7d);
  return true;
}
