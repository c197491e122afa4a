// open, openat, creat, openat2: the mode prints only when the flags can create a file (O_CREAT, O_TMPFILE).

import { arg } from "../call";
import { T_OPEN_FLAGS } from "../known";
import { putc, puts } from "../out";
import { putAddr, putOct, putU64 } from "../print/num";
import { printOpenHowFields } from "../print/structs";
import { printFlags } from "../print/xlat";
import { argKind, argParam, valueOf } from "../tables";
import { printArg, printDirfd, printPath } from "./args";
import { extData, findExt, printExtTail } from "./ext-struct";
import { RVAL_DECODED, RVAL_FD } from "./rval";

function flagsAndMode(flagsArg: u32): void {
  const flags = <u64>(<u32>arg(flagsArg));
  printFlags(T_OPEN_FLAGS, flags);
  const creat = valueOf(T_OPEN_FLAGS, "O_CREAT", 0o100);
  // strace tests the __O_TMPFILE bit alone (open.c: O_CREAT | __O_TMPFILE).
  const tmpfile = valueOf(T_OPEN_FLAGS, "__O_TMPFILE", 0o20000000);
  if ((flags & (creat | tmpfile)) != 0) {
    puts(", ");
    // print_numeric_umode_t: octal, cut to an unsigned short (`0100644`).
    putOct(<u64>(<u16>arg(flagsArg + 1)), 3);
  }
}

export function decodeOpen(): i32 {
  printPath(0);
  puts(", ");
  flagsAndMode(1);
  return RVAL_DECODED;
}

export function decodeOpenat(): i32 {
  printDirfd(0);
  puts(", ");
  printPath(1);
  puts(", ");
  flagsAndMode(2);
  return RVAL_DECODED;
}

/** sizeof(struct open_how) in its first version. */
const OPEN_HOW_SIZE_VER0: u64 = 24;

/**
 * openat2(dirfd, path, how, size): the struct prints only when size covers its first version;
 * bytes past it print when they are not zeros (core's sized capture of how).
 */
export function decodeOpenat2(): i32 {
  printDirfd(0);
  puts(", ");
  printPath(1);
  puts(", ");
  const size = arg(3);
  if (size >= OPEN_HOW_SIZE_VER0 && findExt(2, <u32>OPEN_HOW_SIZE_VER0)) {
    printOpenHowFields(extData);
    printExtTail(<u32>OPEN_HOW_SIZE_VER0, size);
    putc(0x7d);
  } else putAddr(arg(2));
  puts(", ");
  putU64(size);
  return RVAL_DECODED;
}

/** mq_open(name, flags[, mode, attr]): the mode and the attr only with O_CREAT. */
export function decodeMqOpen(r: u32): i32 {
  printPath(0);
  puts(", ");
  const flags = <u64>(<u32>arg(1));
  printFlags(T_OPEN_FLAGS, flags);
  if ((flags & valueOf(T_OPEN_FLAGS, "O_CREAT", 0o100)) != 0) {
    puts(", ");
    putOct(<u64>(<u16>arg(2)), 3);
    puts(", ");
    printArg(3, argKind(r, 3), argParam(r, 3));
  }
  return RVAL_DECODED | RVAL_FD;
}
