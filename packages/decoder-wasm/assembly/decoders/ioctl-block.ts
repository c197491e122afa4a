// Block device requests (strace 6.1's block.c) whose argument is a struct: BLKPG's partition
// change, whose partition is behind a pointer (a POINTEE capture) and printed whenever readable,
// and BLKTRACESETUP's trace setup, opened at entry and closed at exit with the name the kernel
// gave it (ioctlExitMode EXIT_CONTINUE). The numbers and ranges are ioctl-scalar's.

import {
  BLK_USER_TRACE_SETUP_ACT_MASK,
  BLK_USER_TRACE_SETUP_BUF_NR,
  BLK_USER_TRACE_SETUP_BUF_SIZE,
  BLK_USER_TRACE_SETUP_END_LBA,
  BLK_USER_TRACE_SETUP_NAME,
  BLK_USER_TRACE_SETUP_PID,
  BLK_USER_TRACE_SETUP_START_LBA,
  BLKPG_IOCTL_ARG_DATA,
  BLKPG_IOCTL_ARG_DATALEN,
  BLKPG_IOCTL_ARG_FLAGS,
  BLKPG_IOCTL_ARG_OP,
  BLKPG_PARTITION_DEVNAME,
  BLKPG_PARTITION_LENGTH,
  BLKPG_PARTITION_PNO,
  BLKPG_PARTITION_START,
  BLKPG_PARTITION_VOLNAME,
  SIZEOF_BLK_USER_TRACE_SETUP,
  SIZEOF_BLKPG_IOCTL_ARG,
  SIZEOF_BLKPG_PARTITION,
} from "../layouts";
import { putc, puts } from "../out";
import { findPointee, ptData, ptLen } from "../pointee";
import { putAddr } from "../print/num";
import { F_CSTRING, F_D, F_TGID, F_U, F_XVAL, Field, printFields } from "./ioctl-fields";

const BLKPG_HEAD: Field[] = [
  new Field("op", BLKPG_IOCTL_ARG_OP, 4, F_XVAL, "blkpg_ops"),
  new Field("flags", BLKPG_IOCTL_ARG_FLAGS, 4, F_D),
  new Field("datalen", BLKPG_IOCTL_ARG_DATALEN, 4, F_D),
];
const PARTITION: Field[] = [
  new Field("start", BLKPG_PARTITION_START, 8, F_D),
  new Field("length", BLKPG_PARTITION_LENGTH, 8, F_D),
  new Field("pno", BLKPG_PARTITION_PNO, 4, F_D),
  new Field("devname", BLKPG_PARTITION_DEVNAME, 64, F_CSTRING),
  new Field("volname", BLKPG_PARTITION_VOLNAME, 64, F_CSTRING),
];
const TRACE_SETUP_IN: Field[] = [
  new Field("act_mask", BLK_USER_TRACE_SETUP_ACT_MASK, 2, F_U),
  new Field("buf_size", BLK_USER_TRACE_SETUP_BUF_SIZE, 4, F_U),
  new Field("buf_nr", BLK_USER_TRACE_SETUP_BUF_NR, 4, F_U),
  new Field("start_lba", BLK_USER_TRACE_SETUP_START_LBA, 8, F_U),
  new Field("end_lba", BLK_USER_TRACE_SETUP_END_LBA, 8, F_U),
  new Field("pid", BLK_USER_TRACE_SETUP_PID, 4, F_TGID),
];
const TRACE_SETUP_OUT: Field[] = [new Field("name", BLK_USER_TRACE_SETUP_NAME, 32, F_CSTRING)];

/** `{op=…, flags=…, datalen=…, data={start=…, …}}`; data as its address when unreadable. */
export function printBlkpg(p: usize, len: u32): bool {
  if (len < SIZEOF_BLKPG_IOCTL_ARG) return false;
  putc(0x7b);
  printFields(p, BLKPG_HEAD);
  puts(", data=");
  if (findPointee(2, BLKPG_IOCTL_ARG_DATA, false) && ptLen >= SIZEOF_BLKPG_PARTITION) {
    putc(0x7b);
    printFields(ptData, PARTITION);
    putc(0x7d);
  } else putAddr(load<u64>(p + BLKPG_IOCTL_ARG_DATA));
  putc(0x7d);
  return true;
}

/** At entry `{act_mask=…, …, pid=…` (left open); at exit `, name="…"}`. */
export function printBlkTraceSetup(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_BLK_USER_TRACE_SETUP) return false;
  if (!atExit) {
    putc(0x7b);
    printFields(p, TRACE_SETUP_IN);
    return true;
  }
  printFields(p, TRACE_SETUP_OUT, false);
  putc(0x7d);
  return true;
}
