// Seccomp user notifications (strace 6.1's seccomp_ioctl.c): the notification a supervisor
// receives (the syscall, by name when it is the tracee's own architecture's), the response it
// sends, the fd it installs in the target. SECCOMP_IOCTL_NOTIF_RECV prints the caller's struct at
// entry only when it is not all zeros, then ` => `, and at exit what the kernel wrote, or its
// address when the call failed (ioctlExitMode EXIT_PLAIN_ALWAYS).

import { arch } from "../call";
import {
  SECCOMP_DATA_ARCH,
  SECCOMP_DATA_ARGS,
  SECCOMP_DATA_INSTRUCTION_POINTER,
  SECCOMP_DATA_NR,
  SECCOMP_NOTIF_ADDFD_FLAGS,
  SECCOMP_NOTIF_ADDFD_ID,
  SECCOMP_NOTIF_ADDFD_NEWFD,
  SECCOMP_NOTIF_ADDFD_NEWFD_FLAGS,
  SECCOMP_NOTIF_ADDFD_SRCFD,
  SECCOMP_NOTIF_DATA,
  SECCOMP_NOTIF_FLAGS,
  SECCOMP_NOTIF_ID,
  SECCOMP_NOTIF_PID,
  SECCOMP_NOTIF_RESP_ERROR,
  SECCOMP_NOTIF_RESP_FLAGS,
  SECCOMP_NOTIF_RESP_ID,
  SECCOMP_NOTIF_RESP_VAL,
  SIZEOF_SECCOMP_DATA,
  SIZEOF_SECCOMP_NOTIF,
  SIZEOF_SECCOMP_NOTIF_ADDFD,
  SIZEOF_SECCOMP_NOTIF_RESP,
} from "../layouts";
import { xlatStyle } from "../options";
import { putc, puts } from "../out";
import { printFdElem } from "../print/fd";
import { putI64, putU64 } from "../print/num";
import { putRef } from "../print/xlat";
import { AUDIT_ARCH_X86_64 } from "../record";
import { errnoName, NO_REF, row, rowName } from "../tables";
import {
  F_D,
  F_FLAGS,
  F_PTR,
  F_TGID,
  F_X,
  F_XVAL,
  Field,
  isZero,
  printFields,
  printNumArray,
} from "./ioctl-fields";

const NOTIF_HEAD: Field[] = [
  new Field("id", SECCOMP_NOTIF_ID, 8, F_X),
  new Field("pid", SECCOMP_NOTIF_PID, 4, F_TGID),
];
const NOTIF_FLAGS: Field[] = [new Field("flags", SECCOMP_NOTIF_FLAGS, 4, F_X)];
const DATA_TAIL: Field[] = [
  new Field("arch", SECCOMP_DATA_ARCH, 4, F_XVAL, "audit_arch"),
  new Field("instruction_pointer", SECCOMP_DATA_INSTRUCTION_POINTER, 8, F_PTR),
];
const RESP_HEAD: Field[] = [
  new Field("id", SECCOMP_NOTIF_RESP_ID, 8, F_X),
  new Field("val", SECCOMP_NOTIF_RESP_VAL, 8, F_D),
];
const RESP_FLAGS: Field[] = [
  new Field("flags", SECCOMP_NOTIF_RESP_FLAGS, 4, F_FLAGS, "seccomp_ioctl_resp_flags"),
];
const ADDFD_HEAD: Field[] = [
  new Field("id", SECCOMP_NOTIF_ADDFD_ID, 8, F_X),
  new Field("flags", SECCOMP_NOTIF_ADDFD_FLAGS, 4, F_FLAGS, "seccomp_ioctl_addfd_flags"),
];
const ADDFD_TAIL: Field[] = [
  new Field("newfd", SECCOMP_NOTIF_ADDFD_NEWFD, 4, F_D),
  new Field("newfd_flags", SECCOMP_NOTIF_ADDFD_NEWFD_FLAGS, 4, F_FLAGS, "open_mode_flags"),
];

/**
 * `nr=__NR_name` when the notification's architecture is the tracee's (the name from this
 * session's table), else the number; -X raw: the number, -X verbose: both (strace's
 * PRINT_FIELD_SYSCALL_NAME; other personalities' names are not in this session's table).
 */
function printNr(p: usize): void {
  const nr = load<u32>(p + SECCOMP_DATA_NR);
  const own = load<u32>(p + SECCOMP_DATA_ARCH) == (arch != 0 ? arch : AUDIT_ARCH_X86_64);
  const r = own ? row(nr) : 0;
  const name = r != 0 ? rowName(r) : NO_REF;
  puts("nr=");
  if (xlatStyle != 0 || name == NO_REF) putU64(<u64>nr);
  if (xlatStyle == 1 || name == NO_REF) return;
  if (xlatStyle == 2) puts(" /* ");
  puts("__NR_");
  putRef(name);
  if (xlatStyle == 2) puts(" */");
}

/** struct seccomp_data: `{nr=…, arch=…, instruction_pointer=…, args=[…]}`. */
function printData(p: usize): void {
  putc(0x7b);
  printNr(p);
  printFields(p, DATA_TAIL, false);
  puts(", args=");
  printNumArray(p + SECCOMP_DATA_ARGS, (SIZEOF_SECCOMP_DATA - SECCOMP_DATA_ARGS) / 8, 8, true);
  putc(0x7d);
}

/** At entry: nothing for an all-zero struct, else it and ` => `; at exit: what the kernel wrote. */
export function printSeccompNotif(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_SECCOMP_NOTIF) return false;
  if (!atExit && isZero(p, SIZEOF_SECCOMP_NOTIF)) return true;
  putc(0x7b);
  printFields(p, NOTIF_HEAD);
  printFields(p, NOTIF_FLAGS, false);
  puts(", data=");
  printData(p + SECCOMP_NOTIF_DATA);
  putc(0x7d);
  if (!atExit) puts(" => ");
  return true;
}

/** A negated errno as strace's print_err: `-ENOSR`, else the number (-X raw/verbose as usual). */
function printNegErrno(v: i32): void {
  const name = v < 0 ? errnoName(<u64>-(<i64>v)) : NO_REF;
  if (name == NO_REF || xlatStyle != 0) putI64(<i64>v);
  if (name == NO_REF || xlatStyle == 1) return;
  puts(xlatStyle == 2 ? " /* -" : "-");
  putRef(name);
  if (xlatStyle == 2) puts(" */");
}

export function printSeccompNotifResp(p: usize, len: u32): bool {
  if (len < SIZEOF_SECCOMP_NOTIF_RESP) return false;
  putc(0x7b);
  printFields(p, RESP_HEAD);
  puts(", error=");
  printNegErrno(load<i32>(p + SECCOMP_NOTIF_RESP_ERROR));
  printFields(p, RESP_FLAGS, false);
  putc(0x7d);
  return true;
}

export function printSeccompNotifAddfd(p: usize, len: u32): bool {
  if (len < SIZEOF_SECCOMP_NOTIF_ADDFD) return false;
  putc(0x7b);
  printFields(p, ADDFD_HEAD);
  puts(", srcfd=");
  printFdElem(load<i32>(p + SECCOMP_NOTIF_ADDFD_SRCFD));
  printFields(p, ADDFD_TAIL, false);
  putc(0x7d);
  return true;
}
