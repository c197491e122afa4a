// open, openat, creat, openat2: the mode prints only when the flags can create a file (O_CREAT, O_TMPFILE).

import { arch, arg, capData, capLen, findCap } from "../call";
import { T_OPEN_FLAGS } from "../known";
import { puts } from "../out";
import { putAddr, putOct, putU64 } from "../print/num";
import { printStruct, S_OPEN_HOW } from "../print/structs";
import { printFlags } from "../print/xlat";
import { CK_STRUCT } from "../record";
import { valueOf } from "../tables";
import { printDirfd, printPath } from "./args";
import { RVAL_DECODED } from "./rval";

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

/** openat2(dirfd, path, how, size): the struct prints only when size covers its first version. */
export function decodeOpenat2(): i32 {
  printDirfd(0);
  puts(", ");
  printPath(1);
  puts(", ");
  if (arg(3) >= OPEN_HOW_SIZE_VER0 && arg(2) != 0 && findCap(2, CK_STRUCT, false)) {
    if (!printStruct(S_OPEN_HOW, capData, capLen, arch)) putAddr(arg(2));
  } else putAddr(arg(2));
  puts(", ");
  putU64(arg(3));
  return RVAL_DECODED;
}
