// mknod(path, mode, dev) and mknodat(dirfd, path, mode, dev): strace prints dev, as makedev(),
// only when the mode makes a character or block device; for other file types it is left out.
// ustat(dev, ubuf): the device as makedev(), the buffer's address (strace 6.1 is built without
// <ustat.h>, which glibc no longer ships).

import { arg, exiting } from "../call";
import { puts } from "../out";
import { putAddr } from "../print/num";
import { printSymbolicMode, putMakedev } from "../print/structs";
import { printDirfd, printPath } from "./args";
import { RVAL_DECODED } from "./rval";

const S_IFMT: u32 = 0o170000;
const S_IFCHR: u32 = 0o020000;
const S_IFBLK: u32 = 0o060000;

export function decodeMknod(at: bool): i32 {
  let i: u32 = 0;
  if (at) {
    printDirfd(0);
    puts(", ");
    i = 1;
  }
  printPath(i);
  puts(", ");
  // umode_t is an unsigned short, dev an unsigned int: the kernel (and strace) drop the rest
  const mode = <u32>(<u16>arg(i + 1));
  printSymbolicMode(<u64>mode);
  const typ = mode & S_IFMT;
  if (typ == S_IFCHR || typ == S_IFBLK) {
    puts(", ");
    putMakedev(<u64>(<u32>arg(i + 2)));
  }
  return RVAL_DECODED;
}

export function decodeUstat(): i32 {
  if (!exiting) {
    putMakedev(<u64>(<u32>arg(0)));
    puts(", ");
    return 0;
  }
  putAddr(arg(1));
  return RVAL_DECODED;
}
