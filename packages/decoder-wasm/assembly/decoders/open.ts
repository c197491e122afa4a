// open, openat, creat: the mode prints only when the flags can create a file (O_CREAT, O_TMPFILE).

import { arg } from "../call";
import { T_OPEN_FLAGS } from "../known";
import { puts } from "../out";
import { printSymbolicMode } from "../print/structs";
import { printFlags } from "../print/xlat";
import { valueOf } from "../tables";
import { printDirfd, printPath } from "./args";
import { RVAL_DECODED } from "./rval";

function flagsAndMode(flagsArg: u32): void {
  const flags = <u64>(<u32>arg(flagsArg));
  printFlags(T_OPEN_FLAGS, flags);
  const creat = valueOf(T_OPEN_FLAGS, "O_CREAT", 0o100);
  const tmpfile = valueOf(T_OPEN_FLAGS, "O_TMPFILE", 0o20200000);
  if ((flags & creat) != 0 || (flags & tmpfile) == tmpfile) {
    puts(", ");
    printSymbolicMode(<u64>(<u32>arg(flagsArg + 1)));
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
