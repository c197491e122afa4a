// mremap (the new address is an argument only when MREMAP_FIXED asks for one), memfd_create
// (a name of at most 249 bytes; huge page sizes as a shift), process_madvise (address ranges).

import { arg, capData, capLen, capPartial, capTruncated, exiting, findCap } from "../call";
import { T_MREMAP_FLAGS } from "../known";
import { T_MADVISE_CMDS, T_MFD_CREATE_FLAGS, T_MMAP_FLAGS, T_MMAP_PROT } from "../known-tail";
import { strsize, xlatStyle } from "../options";
import { putc, puts } from "../out";
import { putAddr, putHex, putU64 } from "../print/num";
import { printCString } from "../print/quote";
import { printEnum, printFlagBitsUnstyled, printFlags, printFlagsUnstyled, putRef } from "../print/xlat";
import { CK_CSTRING } from "../record";
import { lookup, NO_REF } from "../tables";
import { printFd } from "./args";
import { printElems } from "./elems";
import { RVAL_DECODED, RVAL_FD, RVAL_HEX } from "./rval";

const MREMAP_MAYMOVE: u64 = 1;
const MREMAP_FIXED: u64 = 2;

export function decodeMremap(): i32 {
  putAddr(arg(0));
  puts(", ");
  putU64(arg(1));
  puts(", ");
  putU64(arg(2));
  puts(", ");
  const flags = arg(3);
  printFlags(T_MREMAP_FLAGS, flags);
  if ((flags & (MREMAP_MAYMOVE | MREMAP_FIXED)) == (MREMAP_MAYMOVE | MREMAP_FIXED)) {
    puts(", ");
    putAddr(arg(4));
  }
  return RVAL_DECODED | RVAL_HEX;
}

/** memfd's name limit: NAME_MAX less "memfd:", and strace reads one byte more (MFD_NAME_MAX_LEN + 1). */
const MFD_NAME_READ: u32 = 255 - 6 + 1;
const MFD_HUGE_SHIFT: u32 = 26;
const MFD_HUGE_MASK: u32 = 0x3f;

/** memfd_create("name", MFD_CLOEXEC|30<<MFD_HUGE_SHIFT): the name is read to at most 250 bytes. */
export function decodeMemfdCreate(): i32 {
  printMemfdName();
  puts(", ");
  const flags = <u32>arg(1);
  if (flags == 0 || xlatStyle != 0) putHex(<u64>flags);
  if (flags == 0 || xlatStyle == 1) return RVAL_DECODED | RVAL_FD;
  if (xlatStyle == 2) puts(" /* ");
  const huge = flags & (MFD_HUGE_MASK << MFD_HUGE_SHIFT);
  const rest = flags & ~(MFD_HUGE_MASK << MFD_HUGE_SHIFT);
  if (rest != 0 || huge == 0) printFlagsUnstyled(T_MFD_CREATE_FLAGS, <u64>rest);
  if (huge != 0) {
    if (rest != 0) putc(0x7c);
    putU64(<u64>(huge >> MFD_HUGE_SHIFT));
    puts("<<MFD_HUGE_SHIFT");
  }
  if (xlatStyle == 2) puts(" */");
  return RVAL_DECODED | RVAL_FD;
}

/** strace's printstr_ex(name, 250): the string, or its first -s bytes and `...`. */
function printMemfdName(): void {
  const p = arg(0);
  const read: u32 = min<u32>(<u32>strsize + 1, MFD_NAME_READ);
  if (p != 0 && findCap(0, CK_CSTRING, false)) {
    if (capLen < read && !capTruncated()) printCString(capData, capLen, false);
    else printCString(capData, min<u32>(capLen, read), true);
    return;
  }
  // The capture ran into unmapped memory before a NUL: strace read only `read` bytes of it.
  if (p != 0 && capPartial() && capLen >= read) {
    printCString(capData, read, true);
    return;
  }
  putAddr(p);
}

/** One iovec as a range: `{iov_base=0x…, iov_len=N}` (strace's IOV_DECODE_ADDR). */
export function printIovAddr(p: usize, size: u32): void {
  puts("{iov_base=");
  putAddr(load<u64>(p));
  puts(", iov_len=");
  putU64(load<u64>(p + 8));
  putc(0x7d);
  changetype<usize>(size);
}

/** process_madvise(pidfd, [{iov_base=0x…, iov_len=…}], vlen, MADV_…, flags): ranges, not data. */
export function decodeProcessMadvise(): i32 {
  printFd(0);
  puts(", ");
  printElems(1, arg(2), 16, false, printIovAddr);
  puts(", ");
  putU64(arg(2));
  puts(", ");
  printEnum(T_MADVISE_CMDS, <u64>(<u32>arg(3)));
  puts(", ");
  putHex(<u64>(<u32>arg(4)));
  return RVAL_DECODED;
}

/** strace's get_pagesize() on every architecture tstrace traces. */
const PAGE_SIZE: u64 = 4096;

function printMincoreEntry(p: usize, size: u32): void {
  putU64(<u64>(load<u8>(p) & 1));
  changetype<usize>(size);
}

/** mincore(addr, length, vec): one residency bit per page of the range, read at exit. */
export function decodeMincore(): i32 {
  if (!exiting) {
    putAddr(arg(0));
    puts(", ");
    putU64(arg(1));
    puts(", ");
    return 0;
  }
  const len = arg(1);
  const pages = len / PAGE_SIZE + (len % PAGE_SIZE != 0 ? 1 : 0);
  printElems(2, pages, 1, true, printMincoreEntry);
  return RVAL_DECODED;
}

/** MAP_TYPE, MAP_HUGE_SHIFT and MAP_HUGE_MASK (include/uapi/linux/mman.h, asm-generic/hugetlb_encode.h). */
const MAP_TYPE: u64 = 0xf;
const MAP_HUGE_SHIFT: u64 = 26;
const MAP_HUGE_MASK: u64 = 0x3f;

/**
 * strace's print_mmap_flags: the MAP_TYPE field by name (`0xf /* MAP_??? *\/` when unknown), the
 * other bits by name, the huge page size as `21<<MAP_HUGE_SHIFT`; -X raw the number, verbose the
 * number with all of that as a comment.
 */
export function printMmapFlags(flags: u64): void {
  // Not restyle(): the abbrev text may itself start with a number (`0xf /* MAP_??? */|…`).
  if (xlatStyle != 0) putHex(flags);
  if (xlatStyle == 1) return;
  if (xlatStyle == 2) puts(" /* ");
  const typ = flags & MAP_TYPE;
  const ref = lookup(T_MMAP_FLAGS, typ);
  if (ref != NO_REF) putRef(ref);
  else {
    putHex(typ);
    puts(" /* MAP_??? */");
  }
  const huge = flags & (MAP_HUGE_MASK << MAP_HUGE_SHIFT);
  const rest = flags & ~MAP_TYPE & ~(MAP_HUGE_MASK << MAP_HUGE_SHIFT);
  if (rest != 0) {
    putc(0x7c);
    printFlagBitsUnstyled(T_MMAP_FLAGS, rest);
  }
  if (huge != 0) {
    putc(0x7c);
    putU64(huge >> MAP_HUGE_SHIFT);
    puts("<<MAP_HUGE_SHIFT");
  }
  if (xlatStyle == 2) puts(" */");
}

/** remap_file_pages(addr, size, prot, pgoff, flags): the prot as 64-bit flags, mmap's flags. */
export function decodeRemapFilePages(): i32 {
  putAddr(arg(0));
  puts(", ");
  putU64(arg(1));
  puts(", ");
  printFlags(T_MMAP_PROT, arg(2));
  puts(", ");
  putU64(arg(3));
  puts(", ");
  printMmapFlags(arg(4));
  return RVAL_DECODED;
}
