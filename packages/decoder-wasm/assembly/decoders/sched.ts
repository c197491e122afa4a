// sched_setattr and sched_getattr (strace's sched.c): a struct sched_attr, extensible by its size
// field. The fields a caller leaves to the kernel (SCHED_FLAG_KEEP_POLICY, SCHED_FLAG_KEEP_PARAMS)
// are left out at set; `...` marks a size larger than the struct strace knows.

import { arg, capData, capLen, exiting, findCapPrefix, isError, rval } from "../call";
import { T_SCHED_POLICIES } from "../known";
import { T_SCHED_FLAGS } from "../known-tail";
import { callNoDeref } from "../options";
import { putc, puts } from "../out";
import { putAddr, putI64, putU64 } from "../print/num";
import { printEnum, printFlags } from "../print/xlat";
import { CK_STRUCT } from "../record";
import { RVAL_DECODED } from "./rval";

// include/uapi/linux/sched/types.h: struct sched_attr, the same on every ABI.
const SCHED_ATTR_MIN_SIZE: u32 = 48;
const SCHED_ATTR_SIZE_VER1: u32 = 56;
const SCHED_FLAG_KEEP_POLICY: u64 = 0x08;
const SCHED_FLAG_KEEP_PARAMS: u64 = 0x10;
const E2BIG: i64 = 7;

/** A zero-filled copy of the attr: a shorter read leaves the rest 0, as strace's `attr = {}`. */
const attr: usize = memory.data(<i32>SCHED_ATTR_SIZE_VER1);

/** Copies the first `size` captured bytes of argument 1 (entry or exit); false when unreadable. */
function readAttr(size: u32, atExit: bool): bool {
  memory.fill(attr, 0, SCHED_ATTR_SIZE_VER1);
  if (arg(1) == 0 || !findCapPrefix(1, CK_STRUCT, atExit, size) || capLen < size) return false;
  memory.copy(attr, capData, size);
  return true;
}

/** print_sched_attr: `usize` is sched_getattr's size argument, 0 for sched_setattr. */
function printSchedAttr(usize: u32, atExit: bool): void {
  const isSet = usize == 0;
  let size: u32;
  if (!isSet) {
    size = usize <= SCHED_ATTR_SIZE_VER1 ? usize : SCHED_ATTR_SIZE_VER1;
    if (!readAttr(size, atExit)) {
      putAddr(arg(1));
      return;
    }
    // what the kernel says it wrote
    size = load<u32>(attr);
  } else {
    if (!readAttr(4, atExit)) {
      putAddr(arg(1));
      return;
    }
    usize = load<u32>(attr);
    if (usize == 0) usize = SCHED_ATTR_MIN_SIZE;
    size = usize <= SCHED_ATTR_SIZE_VER1 ? usize : SCHED_ATTR_SIZE_VER1;
    if (size >= SCHED_ATTR_MIN_SIZE && !readAttr(size, atExit)) {
      putAddr(arg(1));
      return;
    }
  }
  const policy = load<u32>(attr + 4);
  const flags = load<u64>(attr + 8);
  puts("{size=");
  putU64(<u64>load<u32>(attr));
  if (size >= SCHED_ATTR_MIN_SIZE) {
    if (!isSet || <i32>policy < 0 || (flags & (SCHED_FLAG_KEEP_POLICY | SCHED_FLAG_KEEP_PARAMS)) == 0) {
      puts(", sched_policy=");
      printEnum(T_SCHED_POLICIES, <u64>policy);
    }
    puts(", sched_flags=");
    printFlags(T_SCHED_FLAGS, flags);
    if (!isSet || (flags & SCHED_FLAG_KEEP_PARAMS) == 0) {
      puts(", sched_nice=");
      putI64(<i64>load<i32>(attr + 16));
      puts(", sched_priority=");
      putU64(<u64>load<u32>(attr + 20));
      puts(", sched_runtime=");
      putU64(load<u64>(attr + 24));
      puts(", sched_deadline=");
      putU64(load<u64>(attr + 32));
      puts(", sched_period=");
      putU64(load<u64>(attr + 40));
    }
    if (size >= SCHED_ATTR_SIZE_VER1) {
      puts(", sched_util_min=");
      putU64(<u64>load<u32>(attr + 48));
      puts(", sched_util_max=");
      putU64(<u64>load<u32>(attr + 52));
    }
  }
  if ((isSet ? usize : load<u32>(attr)) > size) puts(", ...");
  putc(0x7d);
}

export function decodeSchedSetattr(): i32 {
  if (!exiting) {
    putI64(<i64>(<i32>arg(0)));
    puts(", ");
    printSchedAttr(0, false);
    return 0;
  }
  // E2BIG: the kernel wrote the size it supports into the caller's struct.
  const err = rval < 0 ? -rval : rval;
  if (!callNoDeref && isError && err == E2BIG && arg(1) != 0 && findCapPrefix(1, CK_STRUCT, true, 4)) {
    puts(" => {size=");
    putU64(<u64>load<u32>(capData));
    putc(0x7d);
  }
  puts(", ");
  putU64(<u64>(<u32>arg(2)));
  return RVAL_DECODED;
}

export function decodeSchedGetattr(): i32 {
  if (!exiting) {
    putI64(<i64>(<i32>arg(0)));
    puts(", ");
    return 0;
  }
  const size = <u32>arg(2);
  if (size != 0 && !isError) printSchedAttr(size, true);
  else putAddr(arg(1));
  puts(", ");
  putU64(<u64>size);
  puts(", ");
  putU64(<u64>(<u32>arg(3)));
  return RVAL_DECODED;
}
