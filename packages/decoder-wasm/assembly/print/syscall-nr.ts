// A syscall number as strace's PRINT_FIELD_SYSCALL_NAME prints it: `__NR_read` when the number is
// one of the traced architecture's (-X styles apply), else the number.

import { outLen, puts } from "../out";
import { auditArch, row, rowName } from "../tables";
import { putU64 } from "./num";
import { FMT_UDEC, restyle } from "./style";
import { putRef } from "./xlat";

/** `nr` of architecture `arch` (an AUDIT_ARCH_* value). */
export function printSyscallNr(nr: u64, arch: u32): void {
  const r = nr <= 0xffffffff && (arch == auditArch || auditArch == 0) ? row(<u32>nr) : 0;
  if (r == 0) {
    putU64(nr);
    return;
  }
  const start = outLen;
  puts("__NR_");
  putRef(rowName(r));
  restyle(start, nr, FMT_UDEC);
}
