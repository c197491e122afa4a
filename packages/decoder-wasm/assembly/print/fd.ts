// strace's printfd: every fd argument and fd return value prints through here, so -y/-yy
// decorate them all alike: `3</etc/passwd>`, `AT_FDCWD</tmp>`, `5<TCP:[1.2.3.4:5->6.7.8.9:10]>`,
// `6</dev/null<char 1:3>>`. What the fd named comes from an FD_PATH capture taken at the stop.

import { capAt } from "../call";
import { decodeFds, xflag } from "../options";
import { putBytes, putc, puts } from "../out";
import {
  CAP_HEADER,
  CAP_LENGTH,
  CAP_STATUS,
  CK_FD_PATH,
  CS_FAULT,
  FD_FORM_DETAIL,
  FD_FORM_DEVICE,
} from "../record";
import { putI64 } from "./num";
import { QUOTE_ANGLES, QUOTE_BARE, quote } from "./quote";

const AT_FDCWD: i32 = -100;

/** `<…>` after an fd from the FD_PATH capture of capArg (at exit when atExit); nothing without one. */
export function printFdDecoration(capArg: u32, atExit: bool): void {
  if (decodeFds == 0) return;
  const p = capAt(capArg, <u32>CK_FD_PATH, atExit);
  if (p == 0 || <u32>load<u16>(p + CAP_STATUS) == <u32>CS_FAULT) return;
  const len = load<u32>(p + CAP_LENGTH);
  if (len < 8) return;
  const data = p + CAP_HEADER;
  const form = load<u32>(data);
  const pathLen = load<u32>(data + 4);
  if (<u64>pathLen + 8 > <u64>len) return;
  const path = data + 8;
  const detail = path + <usize>pathLen;
  const detailLen = len - 8 - pathLen;
  putc(0x3c);
  if (form == FD_FORM_DETAIL) putBytes(detail, <usize>detailLen);
  else {
    quote(path, pathLen, false, xflag, QUOTE_BARE | QUOTE_ANGLES);
    if (form == FD_FORM_DEVICE) {
      putc(0x3c);
      putBytes(detail, <usize>detailLen);
      putc(0x3e);
    }
  }
  putc(0x3e);
}

/** An fd (an int) whose FD_PATH capture, if any, is that of argument capArg at entry. */
export function printFdOf(v: u64, capArg: u32): void {
  putI64(<i64>(<i32>v));
  printFdDecoration(capArg, false);
}

/** A dirfd: AT_FDCWD by name (with the cwd under -y). */
export function printDirfdOf(v: u64, capArg: u32): void {
  if (<i32>v == AT_FDCWD) puts("AT_FDCWD");
  else putI64(<i64>(<i32>v));
  printFdDecoration(capArg, false);
}
