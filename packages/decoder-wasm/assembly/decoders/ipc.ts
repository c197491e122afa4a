// msgget, semget, shmget as strace 6.1's ipc_{msg,sem,shm}.c print them: the key (IPC_PRIVATE by
// name), then the IPC_* flags by name and the permission bits in octal
// (`IPC_EXCL|IPC_NOWAIT|0xface1000|0125`); shmget's huge page size as `21<<SHM_HUGE_SHIFT`.

import { arg } from "../call";
import { xlatStyle } from "../options";
import { outLen, putc, puts } from "../out";
import { putHex, putI64, putOct, putU64 } from "../print/num";
import { FMT_HEX, FMT_UDEC, restyle } from "../print/style";
import { putRef } from "../print/xlat";
import { entryValue, findTable, lookup, NO_REF, tableCount } from "../tables";
import { putFlagNames } from "./prctl";
import { RVAL_DECODED } from "./rval";

/** SHM_HUGE_SHIFT and SHM_HUGE_MASK (include/uapi/asm-generic/hugetlb_encode.h). */
const SHM_HUGE_SHIFT: u32 = 26;
const SHM_HUGE_MASK: u32 = 0x3f;

let T_PRIVATE: i32 = -2;
let T_RESOURCE: i32 = -1;
let T_SHM_RESOURCE: i32 = -1;

function resolve(): void {
  if (T_PRIVATE != -2) return;
  T_PRIVATE = findTable("ipc_private");
  T_RESOURCE = findTable("resource_flags");
  T_SHM_RESOURCE = findTable("shm_resource_flags");
}

/** printxval without a default: the name, else the bare hex (no `X_???` comment). */
function printKey(): void {
  const key = <u64>(<u32>arg(0));
  const start = outLen;
  const ref = lookup(T_PRIVATE, key);
  if (ref != NO_REF) putRef(ref);
  else putHex(key);
  restyle(start, key, FMT_HEX);
}

/**
 * printflags without a default (an unsigned int): nothing when no bit is set. Returns whether a
 * bit had a name: strace puts the `|` before the mode only then.
 */
function printFlagBits(table: i32, v: u64): bool {
  if (v == 0) return false;
  const start = outLen;
  putFlagNames(table, v, false);
  restyle(start, v, FMT_HEX);
  // Under -X raw strace's printflags reports any non-zero value as printed.
  if (xlatStyle == 1) return true;
  for (let j: u32 = 0; table >= 0 && j < tableCount(<u32>table); j++) {
    const ev = entryValue(<u32>table, j);
    if (ev != 0 && (v & ev) == ev) return true;
  }
  return false;
}

/** The IPC_* flags, then `|` and the mode bits (print_numeric_umode_t). */
function printGetFlags(i: u32): void {
  const f = <u64>(<u32>arg(i));
  if (printFlagBits(T_RESOURCE, f & ~(<u64>0o777))) putc(0x7c);
  putOct(f & 0o777, 3);
}

export function decodeMsgget(): i32 {
  resolve();
  printKey();
  puts(", ");
  printGetFlags(1);
  return RVAL_DECODED;
}

export function decodeSemget(): i32 {
  resolve();
  printKey();
  puts(", ");
  putI64(<i64>(<i32>arg(1)));
  puts(", ");
  printGetFlags(2);
  return RVAL_DECODED;
}

export function decodeShmget(): i32 {
  resolve();
  printKey();
  puts(", ");
  putU64(arg(1));
  puts(", ");
  const all = <u32>arg(2);
  const mask = SHM_HUGE_MASK << SHM_HUGE_SHIFT;
  const huge = all & ~(<u32>0o777) & mask;
  const flags = all & ~(<u32>0o777) & ~mask;
  if (flags != 0 || huge == 0) printFlagBits(T_SHM_RESOURCE, <u64>flags);
  if (huge != 0) {
    if (flags != 0) putc(0x7c);
    putU64(<u64>(huge >> SHM_HUGE_SHIFT));
    puts("<<");
    const start = outLen;
    puts("SHM_HUGE_SHIFT");
    restyle(start, <u64>SHM_HUGE_SHIFT, FMT_UDEC);
  }
  if (flags != 0 || huge != 0) putc(0x7c);
  putOct(<u64>(all & 0o777), 3);
  return RVAL_DECODED;
}
