// The extended attribute calls (strace's xattr.c): a value prints as a string without its
// trailing NUL unless it is longer than the kernel accepts (then its address); a name list as the
// bytes the kernel wrote.

import { arg, capData, capLen, exiting, findCap, isError, rval } from "../call";
import { T_XATTR_FLAGS } from "../known-tail";
import { strsize, xflag } from "../options";
import { puts } from "../out";
import { putAddr, putU64 } from "../print/num";
import { HEX_ALL, HEX_NON_ASCII, printBuffer, quote } from "../print/quote";
import { printFlags } from "../print/xlat";
import { CK_BUFFER_ARG_LEN, CK_BUFFER_RET_LEN } from "../record";
import { argKind, argParam } from "../tables";
import { printArg, printStr } from "./args";
import { RVAL_DECODED } from "./rval";

/** XATTR_SIZE_MAX (include/uapi/linux/limits.h). */
const XATTR_SIZE_MAX: u64 = 65536;

/**
 * printstr_ex(…, QUOTE_OMIT_TRAILING_0): `size` bytes of which `captured` were read; a NUL as the
 * last byte shown is left out (and ends the string), unless the bytes print in hex.
 */
function printValue(p: usize, captured: u32, size: u64): void {
  const shown: u32 = <u64>captured < size ? captured : <u32>size;
  const max = <u32>strsize;
  const n = shown < max ? shown : max;
  if (n > 0 && load<u8>(p + <usize>(n - 1)) == 0 && xflag != HEX_ALL && xflag != HEX_NON_ASCII) {
    quote(p, n - 1, false, xflag);
    return;
  }
  printBuffer(p, shown, size);
}

/** The value argument (2) of `size` bytes, from its capture (`kind`, entry or exit). */
function printXattrValue(size: u64, kind: u32, atExit: bool): void {
  const p = arg(2);
  if (size > XATTR_SIZE_MAX) putAddr(p);
  else if (p == 0) puts("NULL");
  else if (size == 0) puts('""');
  else if (findCap(2, kind, atExit)) printValue(capData, capLen, size);
  else putAddr(p);
}

/** setxattr, lsetxattr, fsetxattr: everything at entry. */
export function decodeSetxattr(r: u32): i32 {
  printArg(0, argKind(r, 0), argParam(r, 0));
  puts(", ");
  printStr(1);
  puts(", ");
  printXattrValue(arg(3), CK_BUFFER_ARG_LEN, false);
  puts(", ");
  putU64(arg(3));
  puts(", ");
  printFlags(T_XATTR_FLAGS, <u64>(<u32>arg(4)));
  return RVAL_DECODED;
}

/** getxattr, lgetxattr, fgetxattr: the value at exit, as many bytes as the call returned. */
export function decodeGetxattr(r: u32): i32 {
  if (!exiting) {
    printArg(0, argKind(r, 0), argParam(r, 0));
    puts(", ");
    printStr(1);
    puts(", ");
    return 0;
  }
  // An error's -1 is larger than any value: the address, as strace prints it.
  printXattrValue(isError ? 0xffffffffffffffff : <u64>rval, CK_BUFFER_RET_LEN, true);
  puts(", ");
  putU64(arg(3));
  return RVAL_DECODED;
}

/** listxattr, llistxattr, flistxattr: the NUL-separated names at exit. */
export function decodeListxattr(r: u32): i32 {
  if (!exiting) {
    printArg(0, argKind(r, 0), argParam(r, 0));
    puts(", ");
    return 0;
  }
  const p = arg(1);
  if (arg(2) == 0 || isError) putAddr(p);
  else if (p == 0) puts("NULL");
  else if (rval == 0) puts('""');
  else if (findCap(1, CK_BUFFER_RET_LEN, true)) printBuffer(capData, capLen, <u64>rval);
  else putAddr(p);
  puts(", ");
  putU64(arg(2));
  return RVAL_DECODED;
}
