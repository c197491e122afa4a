// ATA disks' HDIO requests (strace 6.1's hdio.c and its generated HDIO decoders): the geometry,
// a drive command and the data it returns, identity blocks, and the longs the GET requests fill.

import {
  HD_GEOMETRY_CYLINDERS,
  HD_GEOMETRY_HEADS,
  HD_GEOMETRY_SECTORS,
  HD_GEOMETRY_START,
  SIZEOF_HD_GEOMETRY,
} from "../layouts";
import { strsize } from "../options";
import { outLen, putc, puts } from "../out";
import { putAddr, putHex, putU64 } from "../print/num";
import { HEX_ALL, printBuffer } from "../print/quote";
import { FMT_HEX, restyle, styleSwap, styleSwapEnd } from "../print/style";
import { printEnum, putRef } from "../print/xlat";
import { entryName, entryValue, tableCount } from "../tables";
import { F_U, F_X, F_XVAL, Field, printFields, printStructOf } from "./ioctl-fields";
import { nlTable } from "./nl-print";

const GEOMETRY: Field[] = [
  new Field("heads", HD_GEOMETRY_HEADS, 1, F_U),
  new Field("sectors", HD_GEOMETRY_SECTORS, 1, F_U),
  new Field("cylinders", HD_GEOMETRY_CYLINDERS, 2, F_U),
  new Field("start", HD_GEOMETRY_START, 8, F_U),
];

// struct hd_drive_cmd_hdr (linux/hdreg.h: four bytes, no BTF of its own); at exit the kernel has
// put the status, error and sector count in the same bytes.
const CMD_IN: Field[] = [
  new Field("command", 0, 1, F_XVAL, "hdio_drive_cmds"),
  new Field("sector_number", 1, 1, F_U),
  new Field("feature", 2, 1, F_U),
  new Field("sector_count", 3, 1, F_U),
];
const CMD_OUT: Field[] = [
  new Field("status", 0, 1, F_X),
  new Field("error", 1, 1, F_U),
  new Field("nsector", 2, 1, F_U),
];
const CMD_HDR: u32 = 4;
const SECTOR_SIZE: u32 = 512;

export function printHdGeometry(p: usize, len: u32): bool {
  return printStructOf(p, len, SIZEOF_HD_GEOMETRY, GEOMETRY);
}

export function printDriveCmdIn(p: usize, len: u32): bool {
  return printStructOf(p, len, CMD_HDR, CMD_IN);
}

/** The status the kernel wrote, and the sectors' data (strace's hex string) after the header. */
export function printDriveCmdOut(p: usize, len: u32, addr: u64): bool {
  if (len < CMD_HDR) return false;
  putc(0x7b);
  printFields(p, CMD_OUT);
  const count = <u32>load<u8>(p + 3);
  if (count != 0) {
    puts(", buf=");
    const size = count * SECTOR_SIZE;
    const want = size < <u32>strsize ? size : <u32>strsize;
    if (len - CMD_HDR < want) putAddr(addr + <u64>CMD_HDR);
    else printBuffer(p + CMD_HDR, min<u32>(len - CMD_HDR, size), <u64>size, HEX_ALL);
  }
  putc(0x7d);
  return true;
}

/** `[0x…, 0x…, 0x…]`: HDIO_DRIVE_RESET's and HDIO_SCAN_HWIF's three ints. */
export function printInt3(p: usize, len: u32): bool {
  if (len < 12) return false;
  putc(0x5b);
  for (let i: usize = 0; i < 3; i++) {
    if (i > 0) puts(", ");
    const v = <u64>load<u32>(p + i * 4);
    const start = outLen;
    putHex(v);
    restyle(start, v, FMT_HEX);
  }
  putc(0x5d);
  return true;
}

/** The kernel's unsigned long (8 bytes, or 4 from a 32-bit recording) behind a pointer. */
function loadLong(p: usize, len: u32): u64 {
  return len >= 8 ? load<u64>(p) : <u64>load<u32>(p);
}

/** `[N]`: an unsigned long a HDIO_GET_* request fills. */
export function printKulong(p: usize, len: u32): bool {
  if (len < 4) return false;
  putc(0x5b);
  putU64(loadLong(p, len));
  putc(0x5d);
  return true;
}

/**
 * HDIO_[GS]ET_NICE's bits as strace prints them, each `1 << IDE_NICE_…` (core's table holds the
 * bit numbers), then what is left in hex; -X raw/verbose restyle the whole as one value.
 */
export function printIdeNice(v: u64): void {
  const start = outLen;
  const t = nlTable("hdio_ide_nice");
  let known: u64 = 0;
  if (t >= 0) {
    const n = tableCount(<u32>t);
    for (let j: u32 = 0; j < n; j++) known |= (<u64>1) << entryValue(<u32>t, j);
  }
  if ((v & known) == 0) {
    // No bit by name: a number, with strace's default comment when not 0.
    putHex(v);
    if (v != 0) puts(" /* IDE_NICE_??? */");
    restyle(start, v, FMT_HEX);
    return;
  }
  let rest = v;
  const n = tableCount(<u32>t);
  for (let j: u32 = 0; j < n; j++) {
    const bit = (<u64>1) << entryValue(<u32>t, j);
    if ((rest & bit) == 0) continue;
    if (rest != v) putc(0x7c);
    puts("1 << ");
    putRef(entryName(<u32>t, j));
    rest &= ~bit;
  }
  if (rest != 0) {
    putc(0x7c);
    putHex(rest);
  }
  // The names start with a digit, which restyle() would take for a number: swap them out.
  if (styleSwap(start)) {
    putHex(v);
    styleSwapEnd();
  }
}

/** HDIO_SET_BUSSTATE's long, by name (printxval64: all 64 bits). */
export function printBusstate(v: u64): void {
  printEnum(nlTable("hdio_busstates"), v);
}

export function printHdioNice(p: usize, len: u32): bool {
  if (len < 4) return false;
  putc(0x5b);
  printIdeNice(loadLong(p, len));
  putc(0x5d);
  return true;
}

export function printHdioBusstate(p: usize, len: u32): bool {
  if (len < 4) return false;
  putc(0x5b);
  printBusstate(loadLong(p, len));
  putc(0x5d);
  return true;
}

/** An identity block: printstrn of its fixed size, cut at -s; the address when unreadable. */
export function printIdentity(p: usize, len: u32, size: u32, addr: u64): bool {
  const want = size < <u32>strsize ? size : <u32>strsize;
  if (len < want) {
    putAddr(addr);
    return true;
  }
  printBuffer(p, min<u32>(len, size), <u64>size);
  return true;
}
