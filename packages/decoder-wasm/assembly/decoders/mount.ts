// mount(2), fsconfig and mount_setattr as strace 6.1 prints them (mount.c, fsconfig.c,
// mount_setattr.c): which strings print depends on the flags or the command.

import { arg, capData, capLen, findCapPrefix } from "../call";
import {
  MOUNT_ATTR_ATTR_CLR,
  MOUNT_ATTR_ATTR_SET,
  MOUNT_ATTR_PROPAGATION,
  MOUNT_ATTR_USERNS_FD,
  SIZEOF_MOUNT_ATTR,
} from "../layouts";
import { strsize } from "../options";
import { outLen, putc, puts } from "../out";
import { printFdElem } from "../print/fd";
import { putAddr, putI64, putU64 } from "../print/num";
import { HEX_ALL, quote } from "../print/quote";
import { FMT_HEX, restyle } from "../print/style";
import { printEnum, printFlags } from "../print/xlat";
import { CK_BUFFER_ARG_LEN } from "../record";
import { findTable } from "../tables";
import { printDirfd, printFd, printPath, printStr } from "./args";
import { extData, findExt, printExtTail } from "./ext-struct";
import { RVAL_DECODED } from "./rval";
import { printStrUpTo } from "./sysadmin";

let tablesReady = false;
let T_MOUNT_FLAGS: i32 = -1;
let T_FSCONFIG_CMDS: i32 = -1;
let T_SETATTR_FLAGS: i32 = -1;
let T_ATTR: i32 = -1;
let T_PROPAGATION: i32 = -1;

function tables(): void {
  if (tablesReady) return;
  tablesReady = true;
  T_MOUNT_FLAGS = findTable("mount_flags");
  T_FSCONFIG_CMDS = findTable("fsconfig_cmds");
  T_SETATTR_FLAGS = findTable("mount_setattr_flags");
  T_ATTR = findTable("mount_attr_attr");
  T_PROPAGATION = findTable("mount_attr_propagation");
}

const MS_REMOUNT: u64 = 32;
const MS_BIND: u64 = 4096;
const MS_MOVE: u64 = 8192;
const MS_PROPAGATION: u64 = (1 << 17) | (1 << 18) | (1 << 19) | (1 << 20);
const MS_MGC_VAL: u64 = 0xc0ed0000;
const MS_MGC_MSK: u64 = 0xffff0000;

function printStrOrNull(i: u32): void {
  if (arg(i) == 0) puts("NULL");
  else printStr(i);
}

export function decodeMount(): i32 {
  tables();
  let flags = arg(3);
  const oldMagic = (flags & MS_MGC_MSK) == MS_MGC_VAL;
  if (oldMagic) flags &= ~MS_MGC_MSK;
  // A remount ignores the type; a bind, a move or a propagation change also ignores the data.
  let ignoreType = false;
  let ignoreData = false;
  if ((flags & MS_REMOUNT) != 0) ignoreType = true;
  else if ((flags & (MS_BIND | MS_MOVE | MS_PROPAGATION)) != 0) {
    ignoreType = true;
    ignoreData = true;
  }
  printPath(0);
  puts(", ");
  printPath(1);
  puts(", ");
  if (ignoreType) putAddr(arg(2));
  else printStrOrNull(2);
  puts(", ");
  if (oldMagic) {
    const start = outLen;
    puts("MS_MGC_VAL");
    restyle(start, MS_MGC_VAL, FMT_HEX);
    if (flags != 0) putc(0x7c);
  }
  if (flags != 0 || !oldMagic) printFlags(T_MOUNT_FLAGS, flags);
  puts(", ");
  if (ignoreData) putAddr(arg(4));
  else printStrOrNull(4);
  return RVAL_DECODED;
}

const FSCONFIG_SET_STRING: u32 = 1;
const FSCONFIG_SET_BINARY: u32 = 2;
const FSCONFIG_SET_PATH: u32 = 3;
const FSCONFIG_SET_PATH_EMPTY: u32 = 4;
const FSCONFIG_SET_FD: u32 = 5;

export function decodeFsconfig(): i32 {
  tables();
  const cmd = <u32>arg(1);
  const aux = <i32>arg(4);
  printFd(0);
  puts(", ");
  printEnum(T_FSCONFIG_CMDS, <u64>cmd);
  puts(", ");
  // The key names a parameter for every SET command (the kernel reads at most 256 bytes of it).
  if (cmd <= FSCONFIG_SET_FD) printStrUpTo(2, 256);
  else putAddr(arg(2));
  puts(", ");
  if (cmd == FSCONFIG_SET_STRING) printStrUpTo(3, 256);
  else if (cmd == FSCONFIG_SET_PATH || cmd == FSCONFIG_SET_PATH_EMPTY) printPath(3);
  else if (cmd == FSCONFIG_SET_BINARY && aux >= 0 && aux <= 1024 * 1024) printBinary(3, <u32>aux);
  else putAddr(arg(3));
  puts(", ");
  if (cmd == FSCONFIG_SET_PATH || cmd == FSCONFIG_SET_PATH_EMPTY) printDirfd(4);
  // A negative fd names nothing (the capture, taken for a dirfd, would name the cwd for AT_FDCWD).
  else if (cmd == FSCONFIG_SET_FD && aux >= 0) printFd(4);
  else putI64(<i64>aux);
  return RVAL_DECODED;
}

/** printstr_ex(value, len, QUOTE_FORCE_HEX): `len` bytes in hex, cut at -s. */
function printBinary(i: u32, len: u32): void {
  if (arg(i) == 0) {
    puts("NULL");
    return;
  }
  // aux is an int: the capture took the whole 64-bit argument as the length, so it may have met
  // an unreadable page past the `len` bytes strace reads.
  const want = len < <u32>strsize + 1 ? len : <u32>strsize + 1;
  if (!findCapPrefix(i, CK_BUFFER_ARG_LEN, false, want)) {
    putAddr(arg(i));
    return;
  }
  const n = len < <u32>strsize ? len : <u32>strsize;
  quote(capData, min<u32>(capLen, n), false, HEX_ALL);
  if (len > <u32>strsize) puts("...");
}

/** MOUNT_ATTR_SIZE_VER0. */
const MOUNT_ATTR_SIZE_VER0: u64 = 32;
const MOUNT_ATTR_IDMAP: u64 = 0x00100000;
const INT_MAX: u64 = 0x7fffffff;

export function decodeMountSetattr(): i32 {
  tables();
  printDirfd(0);
  puts(", ");
  printPath(1);
  puts(", ");
  printFlags(T_SETATTR_FLAGS, <u64>(<u32>arg(2)));
  puts(", ");
  const size = arg(4);
  const known = SIZEOF_MOUNT_ATTR;
  const need = size < <u64>known ? <u32>size : known;
  if (size < MOUNT_ATTR_SIZE_VER0 || !findExt(3, need)) putAddr(arg(3));
  else {
    const p = extData;
    const set = load<u64>(p + MOUNT_ATTR_ATTR_SET);
    const clr = load<u64>(p + MOUNT_ATTR_ATTR_CLR);
    puts("{attr_set=");
    printFlags(T_ATTR, set);
    puts(", attr_clr=");
    printFlags(T_ATTR, clr);
    puts(", propagation=");
    printEnum(T_PROPAGATION, load<u64>(p + MOUNT_ATTR_PROPAGATION));
    puts(", userns_fd=");
    const fd = load<u64>(p + MOUNT_ATTR_USERNS_FD);
    // An id-mapped mount's user namespace is an fd; otherwise the field is just a number.
    if (fd > INT_MAX || ((set | clr) & MOUNT_ATTR_IDMAP) == 0) putU64(fd);
    else printFdElem(<i32>fd);
    printExtTail(known, size);
    putc(0x7d);
  }
  puts(", ");
  putU64(size);
  return RVAL_DECODED;
}
