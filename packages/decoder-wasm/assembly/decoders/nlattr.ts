// Netlink attributes (strace's nlattr.c): `[{nla_len=8, nla_type=IFA_FLAGS}, IFA_F_PERMANENT]`.
// A message family describes its attributes as data: an attribute set names the constant table of
// its types, the default name for unknown ones, and per type a value printer (NLA_* below, with a
// table name when the printer needs one). Values without a printer, or whose length does not fit
// theirs, print as hex strings, as strace's do.

import { putc, puts } from "../out";
import { printFdElem } from "../print/fd";
import { printClockT, putHex, putI64, putU64 } from "../print/num";
import { blob, valueOf } from "../tables";
import {
  abbreviated,
  decodeInetAddr,
  have,
  nlTable,
  printBe16,
  printFlagsX,
  printHexStr,
  printIfindex,
  printNlaStr,
  printStrn,
  printXval,
  putAddrAt,
  putStopAt,
} from "./nl-print";

// Value printers (strace's decode_nla_*).
export const NLA_HEX: u8 = 0;
export const NLA_STR: u8 = 1;
export const NLA_U8: u8 = 2;
export const NLA_U16: u8 = 3;
export const NLA_U32: u8 = 4;
export const NLA_U64: u8 = 5;
export const NLA_S8: u8 = 6;
export const NLA_S16: u8 = 7;
export const NLA_S32: u8 = 8;
export const NLA_S64: u8 = 9;
export const NLA_X32: u8 = 10;
export const NLA_IFINDEX: u8 = 11;
/** An address of the message's family (the set's context). */
export const NLA_INET_ADDR: u8 = 12;
/** A u32 by name from the attribute's table (`table`). */
export const NLA_XVAL32: u8 = 13;
/** A u32 of flags from `table`. */
export const NLA_FLAGS32: u8 = 14;
/** A u8 by name from `table`. */
export const NLA_XVAL8: u8 = 15;
/** A u16 by name from `table`. */
export const NLA_XVAL16: u8 = 16;
/** Nested attributes of set `nested`. */
export const NLA_NESTED: u8 = 17;
/** A struct printed by the family's own printer (`struct` names it). */
export const NLA_STRUCT: u8 = 18;
export const NLA_BE16: u8 = 19;
export const NLA_STRN: u8 = 20;
export const NLA_U32_ARRAY: u8 = 21;
export const NLA_X8: u8 = 22;
export const NLA_X16: u8 = 23;
export const NLA_X64: u8 = 24;
export const NLA_IN_ADDR: u8 = 25;
export const NLA_IN6_ADDR: u8 = 26;
/** A u8 of flags from `table`. */
export const NLA_FLAGS8: u8 = 27;
/** A u16 of flags from `table`. */
export const NLA_FLAGS16: u8 = 28;
/** Bytes as an array of numbers, `[171, 254]`. */
export const NLA_U8_ARRAY: u8 = 29;
/** A big-endian u64, `htobe64(1)`. */
export const NLA_BE64: u8 = 30;
/** An array of u16, `[1, 2]` (false when shorter than one element). */
export const NLA_U16_ARRAY: u8 = 31;
/** A clock_t of 1 to 8 bytes, `237 /* 2.37 s *\/` (strace's decode_nla_clock_t). */
export const NLA_CLOCK_T: u8 = 32;
/** An array of s32 with indices named by `table`: `[[DEVCONF_FORWARDING]=1, …]`. */
export const NLA_S32_IDX_ARRAY: u8 = 33;
/** An array of u64 with indices named by `table`: `[[IPSTATS_MIB_NUM]=1, …]`. */
export const NLA_U64_IDX_ARRAY: u8 = 34;
/** Nested attributes of the set `byFamily` names for the message's address family, else of `nested` (hex without one). */
export const NLA_AF_SPEC: u8 = 35;
/** An array of the family's struct `table`, `[{…}, {…}]` (false when shorter than one). */
export const NLA_STRUCT_ARRAY: u8 = 36;
/** An array of u64 in hex, `[0xdeadbeef]` (netlink groups: kernel longs on a 64-bit ABI). */
export const NLA_X64_ARRAY: u8 = 37;
/** An ifindex, then the nested attributes of `nested` (strace's decode_mdba_router_port). */
export const NLA_IFINDEX_NESTED: u8 = 39;
/** An fd (an s32), with -y's path: strace's decode_nla_fd. */
export const NLA_FD: u8 = 40;
/** A number of the attribute's own length (1 to 8 bytes) by name from `table` (decode_nla_xval, no size). */
export const NLA_XVAL_ANY: u8 = 38;

/** How one attribute type's value prints. */
export class NlaRule {
  constructor(
    /** The attribute type's name in the set's table (`IFA_LABEL`). */
    public name: string,
    public kind: u8,
    /** NLA_XVAL*, NLA_FLAGS32: the constant table; NLA_STRUCT: the struct printer's name. */
    public table: string = "",
    /** Default name for values the table lacks (`RTPROT_???`). */
    public dflt: string = "",
    /** NLA_NESTED: the nested attribute set. */
    public nested: NlaSet | null = null,
    /** NLA_AF_SPEC: the nested attribute set of each address family. */
    public byFamily: FamilySet[] | null = null,
  ) {}
}

/** The attribute set an address family's nested attributes use (strace's af_spec_decoder_desc). */
export class FamilySet {
  constructor(
    public af: u32,
    public set: NlaSet,
  ) {}
}

/**
 * An attribute set: the constant table naming its types, the default for unknown types, and a rule
 * per type, each naming its type (`IFA_LABEL`) so type values come from core's table alone.
 */
export class NlaSet {
  private resolved: Array<NlaRule | null> = [];
  private resolvedFor: usize = 0;
  constructor(
    public table: string,
    public dflt: string,
    public rules: NlaRule[],
    /**
     * Types that are address families (table addrfams): each value holds the nested attributes of
     * its family's set, a family without one shows in hex (strace's decode_nla_af_spec by type).
     */
    public byType: FamilySet[] | null = null,
  ) {}

  /** The rule for type value `type`, or null (print in hex). */
  rule(type: u32): NlaRule | null {
    if (this.resolvedFor != blob) {
      const t = nlTable(this.table);
      const out = new Array<NlaRule | null>(0);
      for (let i = 0; i < this.rules.length; i++) {
        const v = valueOf(t, this.rules[i].name, 0xffff);
        if (v >= 0x4000) continue;
        while (<u64>out.length <= v) out.push(null);
        out[<i32>v] = this.rules[i];
      }
      this.resolved = out;
      this.resolvedFor = blob;
    }
    return type < <u32>this.resolved.length ? this.resolved[type] : null;
  }
}

/**
 * Prints struct-valued attributes (NLA_STRUCT, or NLA_STRUCT_ARRAY when `array`): returns false to
 * fall back to a hex string.
 */
export type StructPrinter = (name: string, p: usize, len: u32, array: bool) => bool;

let structPrinter: StructPrinter | null = null;
/** The context an address attribute prints in (the message's address family). */
export let nlaFamily: u32 = 0;

const NLA_HDRLEN: u32 = 4;
const NLA_F_NESTED: u32 = 1 << 15;
const NLA_F_NET_BYTEORDER: u32 = 1 << 14;

function printNlattrHdr(p: usize, set: NlaSet): void {
  const type = <u32>load<u16>(p + 2);
  puts("{nla_len=");
  putU64(<u64>load<u16>(p));
  puts(", nla_type=");
  if ((type & NLA_F_NESTED) != 0) puts("NLA_F_NESTED|");
  if ((type & NLA_F_NET_BYTEORDER) != 0) puts("NLA_F_NET_BYTEORDER|");
  printXval(set.table, <u64>(type & 0x3fff), set.dflt);
  putc(0x7d);
}

/** The bytes a fixed-size value printer reads, 0 for the others. */
function fixedSize(kind: u8): u32 {
  switch (kind) {
    case NLA_U8:
    case NLA_X8:
    case NLA_S8:
    case NLA_XVAL8:
    case NLA_FLAGS8:
      return 1;
    case NLA_U16:
    case NLA_X16:
    case NLA_S16:
    case NLA_BE16:
    case NLA_XVAL16:
    case NLA_FLAGS16:
      return 2;
    case NLA_U32:
    case NLA_X32:
    case NLA_S32:
    case NLA_IFINDEX:
    case NLA_FD:
    case NLA_XVAL32:
    case NLA_FLAGS32:
    case NLA_IN_ADDR:
      return 4;
    case NLA_U64:
    case NLA_X64:
    case NLA_S64:
    case NLA_BE64:
      return 8;
    case NLA_IN6_ADDR:
      return 16;
  }
  return 0;
}

function isXlat(kind: u8): bool {
  return (
    kind == NLA_XVAL8 ||
    kind == NLA_XVAL16 ||
    kind == NLA_XVAL32 ||
    kind == NLA_FLAGS8 ||
    kind == NLA_FLAGS16 ||
    kind == NLA_FLAGS32
  );
}

/** One value by its rule; false when it does not fit (the caller prints it in hex). */
function printValue(rule: NlaRule, p: usize, len: u32): bool {
  const size = fixedSize(rule.kind);
  if (size != 0) {
    if (len < size) return false;
    // decode_nla_xval and decode_nla_flags read at most a u64.
    if (len > 8 && isXlat(rule.kind)) return false;
    if (!have(p, size)) {
      putAddrAt(p);
      return true;
    }
  }
  switch (rule.kind) {
    case NLA_STR:
      printNlaStr(p, len);
      return true;
    case NLA_STRN:
      printStrn(p, len);
      return true;
    case NLA_U8:
    case NLA_X8:
    case NLA_S8:
      if (len < 1) return false;
      if (rule.kind == NLA_U8) putU64(<u64>load<u8>(p));
      else if (rule.kind == NLA_S8) putI64(<i64>load<i8>(p));
      else putHex(<u64>load<u8>(p));
      return true;
    case NLA_U16:
    case NLA_X16:
    case NLA_S16:
      if (len < 2) return false;
      if (rule.kind == NLA_U16) putU64(<u64>load<u16>(p));
      else if (rule.kind == NLA_S16) putI64(<i64>load<i16>(p));
      else putHex(<u64>load<u16>(p));
      return true;
    case NLA_U32:
    case NLA_X32:
    case NLA_S32:
      if (len < 4) return false;
      if (rule.kind == NLA_U32) putU64(<u64>load<u32>(p));
      else if (rule.kind == NLA_S32) putI64(<i64>load<i32>(p));
      else putHex(<u64>load<u32>(p));
      return true;
    case NLA_U64:
    case NLA_X64:
    case NLA_S64:
      if (len < 8) return false;
      if (rule.kind == NLA_U64) putU64(load<u64>(p));
      else if (rule.kind == NLA_S64) putI64(load<i64>(p));
      else putHex(load<u64>(p));
      return true;
    case NLA_BE16:
      printBe16(p);
      return true;
    case NLA_BE64:
      puts("htobe64(");
      putU64(bswap<u64>(load<u64>(p)));
      putc(0x29);
      return true;
    case NLA_IFINDEX:
      if (len < 4) return false;
      printIfindex(load<u32>(p));
      return true;
    case NLA_FD:
      if (len < 4) return false;
      printFdElem(load<i32>(p));
      return true;
    case NLA_INET_ADDR:
      decodeInetAddr(p, len, nlaFamily, "");
      return true;
    case NLA_IN_ADDR:
      if (len < 4) return false;
      decodeInetAddr(p, 4, 2, "");
      return true;
    case NLA_IN6_ADDR:
      if (len < 16) return false;
      decodeInetAddr(p, 16, 10, "");
      return true;
    case NLA_XVAL8:
      if (len < 1) return false;
      printXval(rule.table, <u64>load<u8>(p), rule.dflt);
      return true;
    case NLA_XVAL16:
      if (len < 2) return false;
      printXval(rule.table, <u64>load<u16>(p), rule.dflt);
      return true;
    case NLA_XVAL32:
      if (len < 4) return false;
      printXval(rule.table, <u64>load<u32>(p), rule.dflt);
      return true;
    case NLA_FLAGS32:
      printFlagsX(rule.table, "", <u64>load<u32>(p), rule.dflt);
      return true;
    case NLA_FLAGS16:
      printFlagsX(rule.table, "", <u64>load<u16>(p), rule.dflt);
      return true;
    case NLA_FLAGS8:
      printFlagsX(rule.table, "", <u64>load<u8>(p), rule.dflt);
      return true;
    case NLA_U8_ARRAY:
      printUArray(p, len, 1);
      return true;
    case NLA_U16_ARRAY:
      if (len < 2) return false;
      printUArray(p, len / 2, 2);
      return true;
    case NLA_U32_ARRAY:
      if (len < 4) return false;
      printUArray(p, len / 4, 4);
      return true;
    case NLA_X64_ARRAY:
      if (len < 8) return false;
      printUArray(p, len / 8, 8);
      return true;
    case NLA_CLOCK_T:
    case NLA_XVAL_ANY: {
      if (len > 8) return false;
      if (!have(p, len)) {
        putAddrAt(p);
        return true;
      }
      // umoven_to_uint64: the attribute's bytes as a little-endian number.
      let v: u64 = 0;
      for (let i: u32 = 0; i < len; i++) v |= (<u64>load<u8>(p + <usize>i)) << (<u64>(i * 8));
      if (rule.kind == NLA_CLOCK_T) printClockT(<i64>v);
      else printXval(rule.table, v, rule.dflt);
      return true;
    }
    case NLA_S32_IDX_ARRAY:
      if (len < 4) return false;
      printIdxArray(p, len / 4, 4, rule);
      return true;
    case NLA_U64_IDX_ARRAY:
      if (len < 8) return false;
      printIdxArray(p, len / 8, 8, rule);
      return true;
    case NLA_AF_SPEC: {
      const fams = rule.byFamily;
      if (fams != null)
        for (let i = 0; i < fams.length; i++) {
          if (fams[i].af != nlaFamily) continue;
          decodeNlattr(p, len, fams[i].set);
          return true;
        }
      // Other families: the rule's own nested set, if it has one.
      const other = rule.nested;
      if (other != null) decodeNlattr(p, len, other);
      else printHexStr(p, len);
      return true;
    }
    case NLA_IFINDEX_NESTED: {
      if (len < 4) return false;
      if (!have(p, 4)) putAddrAt(p);
      else printIfindex(load<u32>(p));
      const n = rule.nested;
      if (len > 4 && n != null) {
        puts(", ");
        decodeNlattr(p + 4, len - 4, n);
      }
      return true;
    }
    case NLA_NESTED: {
      const n = rule.nested;
      if (n == null) return false;
      decodeNlattr(p, len, n);
      return true;
    }
    case NLA_STRUCT: {
      const sp = structPrinter;
      if (sp == null) return false;
      return sp(rule.table, p, len, false);
    }
    case NLA_STRUCT_ARRAY: {
      const sp = structPrinter;
      if (sp == null) return false;
      return sp(rule.table, p, len, true);
    }
  }
  return false;
}

/** print_array of `n` unsigned `width`-byte numbers: `[1, 2, ...]`, -s elements unless -v, the address where reading stops. */
function printUArray(p: usize, n: u32, width: u32): void {
  if (n == 0) {
    puts("[]");
    return;
  }
  putc(0x5b);
  for (let i: u32 = 0; i < n; i++) {
    if (i > 0) puts(", ");
    if (abbreviated(i)) {
      puts("...");
      break;
    }
    const at = p + <usize>(i * width);
    if (!have(at, width)) {
      putStopAt(at, true);
      break;
    }
    // PRINT_VAL_0X: a kernel long in hex, zero-padded to its 16 digits.
    if (width == 8) putHex0x16(load<u64>(at));
    else putU64(width == 1 ? <u64>load<u8>(at) : width == 2 ? <u64>load<u16>(at) : <u64>load<u32>(at));
  }
  putc(0x5d);
}

/**
 * print_array_ex with PAF_PRINT_INDICES: `[[NAME]=v, …]`, each index by name from the rule's table
 * (decimal, `6 /* X_??? *\/` when unnamed); s32 (4) or u64 (8) elements.
 */
function printIdxArray(p: usize, n: u32, width: u32, rule: NlaRule): void {
  putc(0x5b);
  for (let i: u32 = 0; i < n; i++) {
    if (i > 0) puts(", ");
    if (abbreviated(i)) {
      puts("...");
      break;
    }
    const at = p + <usize>(i * width);
    if (!have(at, width)) {
      putStopAt(at, true);
      break;
    }
    putc(0x5b);
    printXval(rule.table, <u64>i, rule.dflt, true);
    puts("]=");
    if (width == 4) putI64(<i64>load<i32>(at));
    else putU64(load<u64>(at));
  }
  putc(0x5d);
}

function putHex0x16(v: u64): void {
  puts("0x");
  for (let s: i32 = 60; s >= 0; s -= 4) {
    const d = <u32>((v >> <u64>s) & 0xf);
    putc(d < 10 ? 0x30 + d : 0x57 + d);
  }
}

/** Sets who prints NLA_STRUCT values (the family decoder that owns the structs). */
export function setStructPrinter(sp: StructPrinter | null): void {
  structPrinter = sp;
}

/**
 * decode_nlattr: the attributes in `len` bytes at p (all captured), an array when more than one;
 * -s of them unless -v.
 */
export function decodeNlattr(p: usize, len: u32, set: NlaSet): void {
  let isArray = false;
  let elt: u32 = 0;
  for (;;) {
    if (len < NLA_HDRLEN) {
      printHexStr(p, len);
      break;
    }
    if (!have(p, NLA_HDRLEN)) {
      putStopAt(p, isArray);
      break;
    }
    if (abbreviated(elt)) {
      puts("...");
      break;
    }
    const nlaLen = <u32>load<u16>(p);
    const aligned = (nlaLen + 3) & ~(<u32>3);
    let nextLen: u32 = 0;
    if (nlaLen >= NLA_HDRLEN) nextLen = len >= aligned ? len - aligned : 0;
    if (!isArray && nextLen != 0) {
      putc(0x5b);
      isArray = true;
    }
    const dataLen = nlaLen < len ? nlaLen : len;
    if (dataLen > NLA_HDRLEN) putc(0x5b);
    printNlattrHdr(p, set);
    if (dataLen > NLA_HDRLEN) {
      puts(", ");
      const type = <u32>load<u16>(p + 2) & 0x3fff;
      const fams = set.byType;
      if (fams != null) printFamilyValue(fams, type, p + NLA_HDRLEN, dataLen - NLA_HDRLEN);
      else {
        const rule = set.rule(type);
        if (rule == null || !printValue(rule, p + NLA_HDRLEN, dataLen - NLA_HDRLEN))
          printHexStr(p + NLA_HDRLEN, dataLen - NLA_HDRLEN);
      }
      putc(0x5d);
    }
    if (nextLen == 0) break;
    puts(", ");
    p += <usize>aligned;
    len = nextLen;
    elt++;
  }
  if (isArray) putc(0x5d);
}

/** A value whose type is address family `af`: its family's attributes, else hex. */
function printFamilyValue(fams: FamilySet[], af: u32, p: usize, len: u32): void {
  for (let i = 0; i < fams.length; i++) {
    if (fams[i].af != af) continue;
    decodeNlattr(p, len, fams[i].set);
    return;
  }
  printHexStr(p, len);
}

/** Sets the address family NLA_INET_ADDR values are in. */
export function setNlaFamily(af: u32): void {
  nlaFamily = af;
}
