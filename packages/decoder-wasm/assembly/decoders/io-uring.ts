// io_uring_setup(entries, params) as strace 6.1's io_uring.c prints it: the caller's request at
// entry (flags, the SQ thread's cpu and idle time, the work queue fd to share, reserved words when
// set), then, when the call succeeded, the ring sizes, features and ring offsets the kernel wrote.
// Layout: include/uapi/linux/io_uring.h struct io_uring_params (120 bytes on every ABI).

import { arg, capData, capLen, capPartial, exiting, findCap, isError } from "../call";
import { putc, puts } from "../out";
import { printFdElem } from "../print/fd";
import { putAddr, putU64 } from "../print/num";
import { printFlags } from "../print/xlat";
import { CK_STRUCT } from "../record";
import { findTable } from "../tables";
import { warnShortRead } from "../warn";
import { F_U, F_X, Field, printFields, printNumArray } from "./ioctl-fields";
import { RVAL_DECODED, RVAL_FD } from "./rval";

const PARAMS_SIZE: u32 = 120;
/** IORING_SETUP_ATTACH_WQ: wq_fd names the ring whose work queue to share. */
const SETUP_ATTACH_WQ: u32 = 1 << 5;

const RING_OFFSETS_SQ: Field[] = [
  new Field("head", 0, 4, F_U),
  new Field("tail", 4, 4, F_U),
  new Field("ring_mask", 8, 4, F_U),
  new Field("ring_entries", 12, 4, F_U),
  new Field("flags", 16, 4, F_U),
  new Field("dropped", 20, 4, F_U),
  new Field("array", 24, 4, F_U),
];
const RING_OFFSETS_CQ: Field[] = [
  new Field("head", 0, 4, F_U),
  new Field("tail", 4, 4, F_U),
  new Field("ring_mask", 8, 4, F_U),
  new Field("ring_entries", 12, 4, F_U),
  new Field("overflow", 16, 4, F_U),
  new Field("cqes", 20, 4, F_U),
  new Field("flags", 24, 4, F_U),
];
/** What the caller sets (after flags) and what the kernel answers (before features). */
const SQ_THREAD: Field[] = [new Field("sq_thread_cpu", 12, 4, F_X), new Field("sq_thread_idle", 16, 4, F_U)];
const ENTRIES: Field[] = [new Field("sq_entries", 0, 4, F_U), new Field("cq_entries", 4, 4, F_U)];
/** Both offset structs end in resv1 (u32 at 28) and resv2 (u64 at 32), shown when set. */
const RESV1: Field[] = [new Field("resv1", 28, 4, F_X)];
const RESV2: Field[] = [new Field("resv2", 32, 8, F_X)];

let T_SETUP_FLAGS: i32 = -2;
let T_FEATURES: i32 = -2;

function printRingOffsets(p: usize, fields: Field[]): void {
  putc(0x7b);
  printFields(p, fields);
  if (load<u32>(p + 28) != 0) printFields(p, RESV1, false);
  if (load<u64>(p + 32) != 0) printFields(p, RESV2, false);
  putc(0x7d);
}

export function decodeIoUringSetup(): i32 {
  if (T_SETUP_FLAGS == -2) {
    T_SETUP_FLAGS = findTable("uring_setup_flags");
    T_FEATURES = findTable("uring_setup_features");
  }
  if (!exiting) {
    putU64(<u64>(<u32>arg(0)));
    puts(", ");
    const read = arg(1) != 0 && findCap(1, CK_STRUCT, false);
    if (!read || capLen < PARAMS_SIZE) {
      // params that run into an unreadable page: strace's umoven came up short
      if (arg(1) != 0 && capPartial()) warnShortRead("umoven", capLen, PARAMS_SIZE, arg(1));
      putAddr(arg(1));
      return RVAL_DECODED | RVAL_FD;
    }
    const p = capData;
    const flags = load<u32>(p + 8);
    puts("{flags=");
    printFlags(T_SETUP_FLAGS, <u64>flags);
    printFields(p, SQ_THREAD, false);
    if (flags & SETUP_ATTACH_WQ) {
      puts(", wq_fd=");
      printFdElem(load<i32>(p + 24));
    }
    if (load<u64>(p + 28) != 0 || load<u32>(p + 36) != 0) {
      puts(", resv=");
      printNumArray(p + 28, 3, 4, true);
    }
    return 0;
  }
  if (!isError && findCap(1, CK_STRUCT, true) && capLen >= PARAMS_SIZE) {
    const p = capData;
    printFields(p, ENTRIES, false);
    puts(", features=");
    printFlags(T_FEATURES, <u64>load<u32>(p + 20));
    puts(", sq_off=");
    printRingOffsets(p + 40, RING_OFFSETS_SQ);
    puts(", cq_off=");
    printRingOffsets(p + 80, RING_OFFSETS_CQ);
  }
  putc(0x7d);
  return RVAL_DECODED | RVAL_FD;
}
