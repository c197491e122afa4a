// The system's own knobs, as strace 6.1 prints them (reboot.c, syslog.c, hostname.c, kexec.c,
// sysctl.c): constants by name, a string only where the command takes one.

import { arg, capData, capLen, capPartial, exiting, findCap, findCapPrefix, isError, rval } from "../call";
import { strsize } from "../options";
import { putc, puts } from "../out";
import { putAddr, putI64, putU64 } from "../print/num";
import { printBuffer, printCString } from "../print/quote";
import { printEnum, printFlags, putRef } from "../print/xlat";
import { CK_ARRAY, CK_BUFFER_RET_LEN, CK_CSTRING, CK_STRUCT } from "../record";
import { findTable, lookup, NO_REF, tableDefault } from "../tables";
import { printBufIn, printFd, printPath } from "./args";
import { printArrayOf } from "./array";
import { RVAL_DECODED } from "./rval";

let tablesReady = false;
let T_MAGIC1: i32 = -1;
let T_MAGIC2: i32 = -1;
let T_REBOOT_CMDS: i32 = -1;
let T_SYSLOG_ACTIONS: i32 = -1;
let T_LOGLEVELS: i32 = -1;
let T_KEXEC_ARCH: i32 = -1;
let T_KEXEC_FLAGS: i32 = -1;
let T_KEXEC_FILE_FLAGS: i32 = -1;
let T_SWAP_FLAGS: i32 = -1;

function tables(): void {
  if (tablesReady) return;
  tablesReady = true;
  T_MAGIC1 = findTable("reboot_magic1");
  T_MAGIC2 = findTable("reboot_magic2");
  T_REBOOT_CMDS = findTable("reboot_cmds");
  T_SYSLOG_ACTIONS = findTable("syslog_action_type");
  T_LOGLEVELS = findTable("syslog_console_levels");
  T_KEXEC_ARCH = findTable("kexec_arch_values");
  T_KEXEC_FLAGS = findTable("kexec_load_flags");
  T_KEXEC_FILE_FLAGS = findTable("kexec_file_load_flags");
  T_SWAP_FLAGS = findTable("swap_flags");
}

/**
 * printstr_ex(addr, len, QUOTE_0_TERMINATED): a NUL-terminated string of which at most
 * min(len, -s) bytes print, `...` when no NUL came within them.
 */
export function printStrUpTo(i: u32, len: u32): void {
  if (arg(i) == 0) {
    puts("NULL");
    return;
  }
  // strace reads min(len, -s + 1) bytes: they may end right before an unreadable page.
  const want = len < <u32>strsize + 1 ? len : <u32>strsize + 1;
  if (!findCapPrefix(i, CK_CSTRING, false, want)) {
    putAddr(arg(i));
    return;
  }
  const n = len < <u32>strsize ? len : <u32>strsize;
  if (capLen < n) printCString(capData, capLen, false, n);
  else printCString(capData, n, true, n);
}

/** `N /* NAME *\/`: printxval_ex with XLAT_STYLE_VERBOSE | XLAT_STYLE_FMT_D, whatever -X says. */
function printDecVerbose(t: i32, v: i32): void {
  putI64(<i64>v);
  const ref = lookup(t, <u64>(<u32>v));
  puts(" /* ");
  if (ref != NO_REF) putRef(ref);
  else putRef(tableDefault(<u32>t));
  puts(" */");
}

const LINUX_REBOOT_CMD_RESTART2: u32 = 0xa1b2c3d4;

export function decodeReboot(): i32 {
  tables();
  printEnum(T_MAGIC1, <u64>(<u32>arg(0)));
  puts(", ");
  printEnum(T_MAGIC2, <u64>(<u32>arg(1)));
  puts(", ");
  const cmd = <u32>arg(2);
  printEnum(T_REBOOT_CMDS, <u64>cmd);
  if (cmd == LINUX_REBOOT_CMD_RESTART2) {
    puts(", ");
    // The kernel copies at most 255 bytes of the command (its buffer is 256 with the NUL).
    printStrUpTo(3, 255);
  }
  return RVAL_DECODED;
}

const SYSLOG_ACTION_READ: i32 = 2;
const SYSLOG_ACTION_READ_CLEAR: i32 = 4;
const SYSLOG_ACTION_CONSOLE_LEVEL: i32 = 8;

export function decodeSyslog(): i32 {
  tables();
  const type = <i32>arg(0);
  const len = <i32>arg(2);
  const reads = type >= SYSLOG_ACTION_READ && type <= SYSLOG_ACTION_READ_CLEAR;
  if (!exiting) {
    printDecVerbose(T_SYSLOG_ACTIONS, type);
    // The commands that ignore the buffer and the length print neither.
    if (type >= 0 && type <= 10 && type != SYSLOG_ACTION_CONSOLE_LEVEL && !reads) return RVAL_DECODED;
    if (reads) return 0;
    puts(", ");
    putAddr(arg(1));
    puts(", ");
    if (type == SYSLOG_ACTION_CONSOLE_LEVEL) printDecVerbose(T_LOGLEVELS, len);
    else putI64(<i64>len);
    return RVAL_DECODED;
  }
  // SYSLOG_ACTION_READ*: what the kernel wrote, at exit.
  puts(", ");
  if (arg(1) == 0 || isError || rval < 0 || !findCap(1, CK_BUFFER_RET_LEN, true)) putAddr(arg(1));
  else printBuffer(capData, capLen, <u64>rval);
  puts(", ");
  putI64(<i64>len);
  return RVAL_DECODED;
}

/** __NEW_UTS_LEN: a longer name is refused, and strace prints only its address. */
const NEW_UTS_LEN: u32 = 64;

export function decodeSethostname(): i32 {
  const len = <u32>arg(1);
  if (len > NEW_UTS_LEN) putAddr(arg(0));
  else printBufIn(0, <u64>len);
  puts(", ");
  putU64(<u64>len);
  return RVAL_DECODED;
}

/** KEXEC_SEGMENT_MAX: strace prints a longer segment list as its address. */
const KEXEC_SEGMENT_MAX: u64 = 16;
const KEXEC_ARCH_MASK: u64 = 0xffff0000;
/** struct kexec_segment (include/uapi/linux/kexec.h) on a 64-bit ABI: buf, bufsz, mem, memsz. */
const KEXEC_SEGMENT_SIZE: u32 = 32;

function printKexecSegment(p: usize): void {
  puts("{buf=");
  putAddr(load<u64>(p));
  puts(", bufsz=");
  putU64(load<u64>(p + 8));
  puts(", mem=");
  putAddr(load<u64>(p + 16));
  puts(", memsz=");
  putU64(load<u64>(p + 24));
  putc(0x7d);
}

export function decodeKexecLoad(): i32 {
  tables();
  putAddr(arg(0));
  puts(", ");
  const n = arg(1);
  putU64(n);
  puts(", ");
  if (n > KEXEC_SEGMENT_MAX) putAddr(arg(2));
  else {
    let readable: u32 = 0;
    if (findCap(2, CK_ARRAY, false) || capPartial()) readable = capLen;
    printArrayOf(arg(2), capData, readable, n, KEXEC_SEGMENT_SIZE, printKexecSegment);
  }
  puts(", ");
  const flags = arg(3);
  printEnum(T_KEXEC_ARCH, flags & KEXEC_ARCH_MASK);
  const rest = flags & ~KEXEC_ARCH_MASK;
  if (rest != 0) {
    putc(0x7c);
    printFlags(T_KEXEC_FLAGS, rest);
  }
  return RVAL_DECODED;
}

export function decodeKexecFileLoad(): i32 {
  tables();
  printFd(0);
  puts(", ");
  printFd(1);
  puts(", ");
  putU64(arg(2));
  puts(", ");
  if (arg(3) == 0) puts("NULL");
  else printBufIn(3, arg(2));
  puts(", ");
  printFlags(T_KEXEC_FILE_FLAGS, arg(4));
  return RVAL_DECODED;
}

/** struct __sysctl_args (include/uapi/linux/sysctl.h) on a 64-bit ABI. */
export function decodeSysctl(): i32 {
  if (arg(0) == 0 || !findCap(0, CK_STRUCT, false) || capLen < 48) {
    putAddr(arg(0));
    return RVAL_DECODED;
  }
  const p = capData;
  puts("{name=");
  putAddr(load<u64>(p));
  puts(", nlen=");
  putI64(<i64>load<i32>(p + 8));
  puts(", oldval=");
  putAddr(load<u64>(p + 16));
  puts(", oldlenp=");
  putAddr(load<u64>(p + 24));
  puts(", newval=");
  putAddr(load<u64>(p + 32));
  puts(", newlen=");
  putU64(load<u64>(p + 40));
  putc(0x7d);
  return RVAL_DECODED;
}

/** SWAP_FLAG_PRIO_MASK: the priority, printed in decimal after the flags. */
const SWAP_FLAG_PRIO_MASK: u32 = 0x7fff;

export function decodeSwapon(): i32 {
  tables();
  printPath(0);
  puts(", ");
  const flags = <u32>arg(1);
  const rest = flags & ~SWAP_FLAG_PRIO_MASK;
  if (rest != 0) {
    printFlags(T_SWAP_FLAGS, <u64>rest);
    putc(0x7c);
  }
  putU64(<u64>(flags & SWAP_FLAG_PRIO_MASK));
  return RVAL_DECODED;
}
