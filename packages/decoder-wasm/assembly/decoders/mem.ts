// mremap (the new address is an argument only when MREMAP_FIXED asks for one), memfd_create
// (a name of at most 249 bytes; huge page sizes as a shift), process_madvise (address ranges).

import { arg, capData, capLen, capPartial, capTruncated, findCap } from "../call";
import { T_MREMAP_FLAGS } from "../known";
import { T_MADVISE_CMDS, T_MFD_CREATE_FLAGS } from "../known-tail";
import { strsize, xlatStyle } from "../options";
import { putc, puts } from "../out";
import { putAddr, putHex, putU64 } from "../print/num";
import { printCString } from "../print/quote";
import { printEnum, printFlags, printFlagsUnstyled } from "../print/xlat";
import { CK_CSTRING } from "../record";
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
