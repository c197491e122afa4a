// SCSI generic requests (strace 6.1's scsi.c) that are more than an int: SG_SCSI_RESET's reset
// kind, whose no-escalate flag strace names apart (`[SG_SCSI_RESET_NO_ESCALATE|SG_SCSI_RESET_BUS]`).
// The ints given and returned are ioctl-scalar's.

import { putc } from "../out";
import { printEnum } from "../print/xlat";
import { nlTable } from "./nl-print";

/** linux scsi/sg.h: the flag ORed into a reset kind. */
const SG_SCSI_RESET_NO_ESCALATE: u32 = 0x100;

/** `[kind]`, `[SG_SCSI_RESET_NO_ESCALATE|kind]` when the flag is set. */
export function printSgScsiReset(p: usize, len: u32): bool {
  if (len < 4) return false;
  const t = nlTable("sg_scsi_reset");
  let v = load<u32>(p);
  putc(0x5b);
  if (v & SG_SCSI_RESET_NO_ESCALATE) {
    printEnum(t, <u64>SG_SCSI_RESET_NO_ESCALATE);
    putc(0x7c);
    v &= ~SG_SCSI_RESET_NO_ESCALATE;
  }
  printEnum(t, <u64>v);
  putc(0x5d);
  return true;
}
