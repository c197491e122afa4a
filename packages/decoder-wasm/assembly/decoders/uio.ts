// preadv, pwritev, preadv2, pwritev2 (strace's io.c): the fd, the iovec array (read data at
// exit, written data at entry), its length, the 64-bit offset (split in two registers on 32-bit
// ABIs) and the v2 calls' RWF_* flags.

import { arch, arg, exiting } from "../call";
import { T_RWF_FLAGS } from "../known-tail";
import { puts } from "../out";
import { putI64, putU64 } from "../print/num";
import { printFlags } from "../print/xlat";
import { printFd, printIovec } from "./args";
import { RVAL_DECODED } from "./rval";

/** print_lld_from_low_high_val: one register on 64-bit ABIs, low and high words on the others. */
function printOffset(i: u32): void {
  const wide = (arch & 0x80000000) != 0 || arch == 0;
  if (wide) putI64(<i64>arg(i));
  else putI64(<i64>((arg(i + 1) << 32) | (arg(i) & 0xffffffff)));
}

/** The part after the fd: the iovecs, their count, the offset and (v2) the flags. */
function printRest(out: bool, v2: bool): void {
  printIovec(1, 2, out);
  puts(", ");
  putU64(arg(2));
  puts(", ");
  printOffset(3);
  if (v2) {
    puts(", ");
    printFlags(T_RWF_FLAGS, <u64>(<u32>arg(5)));
  }
}

/** preadv and preadv2: the fd at entry, the rest at exit. */
export function decodePreadv(v2: bool): i32 {
  if (!exiting) {
    printFd(0);
    puts(", ");
    return 0;
  }
  printRest(true, v2);
  return RVAL_DECODED;
}

/** pwritev and pwritev2: everything at entry. */
export function decodePwritev(v2: bool): i32 {
  printFd(0);
  puts(", ");
  printRest(false, v2);
  return RVAL_DECODED;
}
