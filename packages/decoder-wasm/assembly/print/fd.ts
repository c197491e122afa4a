// strace's printfd: every fd argument and fd return value prints through here, so -y/-yy
// decorate them all alike: `3</etc/passwd>`, `AT_FDCWD</tmp>`, `5<TCP:[1.2.3.4:5->6.7.8.9:10]>`,
// `6</dev/null<char 1:3>>`. What the fd named comes from an FD_PATH capture taken at the stop.

import { capAt, capNth, exiting } from "../call";
import { jsonMode, SK_FD, spanClose, spanOpen } from "../json/spans";
import { decodeFds, xflag } from "../options";
import { outLen, putc, puts } from "../out";
import {
  CAP_HEADER,
  CAP_LENGTH,
  CAP_STATUS,
  CK_FD_PATH,
  CK_FD_PATHS,
  CS_FAULT,
  FD_FORM_DELETED,
  FD_FORM_DETAIL,
  FD_FORM_DEVICE,
} from "../record";
import { putI64 } from "./num";
import { QUOTE_ANGLES, QUOTE_BARE, QUOTE_TEXT, quote } from "./quote";
import { FMT_DEC, restyle } from "./style";

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
  putDecoration(form, path, pathLen, path + <usize>pathLen, len - 8 - pathLen);
}

const FDS_PATH: i32 = 1;
const FDS_SOCKET: i32 = 2;
const FDS_DEV: i32 = 4;
const FDS_PIDFD: i32 = 8;

/** The path starts with `prefix` (ASCII)? */
function startsWith(path: usize, pathLen: u32, prefix: string): bool {
  const n = <u32>prefix.length;
  if (pathLen < n) return false;
  for (let i: u32 = 0; i < n; i++)
    if (<u32>load<u8>(path + <usize>i) != <u32>prefix.charCodeAt(i)) return false;
  return true;
}

/**
 * strace's printfd_pid: a socket's details when the set has socket, a device's numbers when it
 * has dev, a pidfd's pid when it has pidfd; otherwise the path when it has path; else nothing.
 */
function putDecoration(formBits: u32, path: usize, pathLen: u32, detail: usize, detailLen: u32): void {
  const form = formBits & ~FD_FORM_DELETED;
  if (form == FD_FORM_DETAIL) {
    const member = startsWith(path, pathLen, "socket:[") ? FDS_SOCKET : FDS_PIDFD;
    if ((decodeFds & member) != 0) {
      if (jsonMode) noteDecoration(0, 0, detail, detailLen, 1);
      putc(0x3c);
      putDetail(detail, detailLen);
      putc(0x3e);
      return;
    }
  }
  const device = form == FD_FORM_DEVICE && (decodeFds & FDS_DEV) != 0;
  if (!device && (decodeFds & FDS_PATH) == 0) return;
  if (jsonMode) noteDecoration(path, pathLen, detail, device ? detailLen : 0, device ? 3 : 1);
  putc(0x3c);
  quote(path, pathLen, false, xflag, QUOTE_BARE | QUOTE_ANGLES);
  if (device) {
    putc(0x3c);
    putDetail(detail, detailLen);
    putc(0x3e);
  }
  putc(0x3e);
  if ((formBits & FD_FORM_DELETED) != 0) puts("(deleted)");
}

/**
 * The detail text native wrote (already strace's, its unix paths quoted there): never hex under
 * -x/-xx, as strace prints it; a byte that is not printable ASCII (a corrupt record) is escaped.
 */
function putDetail(detail: usize, detailLen: u32): void {
  quote(detail, detailLen, false, 0, QUOTE_BARE | QUOTE_TEXT);
}

// What the last decoration printed named, for the JSON leaf of its fd.
let decoPath: usize = 0;
let decoPathLen: u32 = 0;
let decoDetail: usize = 0;
let decoDetailLen: u32 = 0;
let decoFlags: u32 = 0;

function noteDecoration(path: usize, pathLen: u32, detail: usize, detailLen: u32, flags: u32): void {
  decoPath = path;
  decoPathLen = pathLen;
  decoDetail = detail;
  decoDetailLen = detailLen;
  decoFlags = flags;
}

/** JSON: an fd leaf begins (nothing decorated yet). */
function fdOpen(): u32 {
  decoFlags = 0;
  return spanOpen();
}

/** JSON: the fd leaf begun at `start`, of fd `v`, with what its decoration named. */
function fdClose(start: u32, v: i64): void {
  spanClose(start, SK_FD, <u64>v, 0, decoPath, decoPathLen, decoDetail, decoDetailLen, decoFlags);
}

/** An fd (an int) whose FD_PATH capture, if any, is that of argument capArg at entry. */
export function printFdOf(v: u64, capArg: u32): void {
  const s = jsonMode ? fdOpen() : 0;
  putI64(<i64>(<i32>v));
  printFdDecoration(capArg, false);
  if (jsonMode) fdClose(s, <i64>(<i32>v));
}

/** A returned fd, decorated from the FD_PATH capture of capArg at exit. */
export function printFdReturn(v: i64, capArg: u32): void {
  const s = jsonMode ? fdOpen() : 0;
  putI64(v);
  printFdDecoration(capArg, true);
  if (jsonMode) fdClose(s, v);
}

/** A dirfd: AT_FDCWD by name (with the cwd under -y). */
export function printDirfdOf(v: u64, capArg: u32): void {
  const s = jsonMode ? fdOpen() : 0;
  const start = outLen;
  if (<i32>v == AT_FDCWD) puts("AT_FDCWD");
  else putI64(<i64>(<i32>v));
  restyle(start, <u64>(<i64>(<i32>v)), FMT_DEC);
  printFdDecoration(capArg, false);
  if (jsonMode) fdClose(s, <i64>(<i32>v));
}

/**
 * An fd inside an array (pipe's pair, poll's pollfd array), decorated from the FD_PATHS capture
 * element with the same fd, at entry or exit: one fd names one thing within a call.
 */
export function printFdElem(v: i32): void {
  const s = jsonMode ? fdOpen() : 0;
  printFdElemText(v);
  if (jsonMode) fdClose(s, <i64>v);
}

function printFdElemText(v: i32): void {
  putI64(<i64>v);
  if (decodeFds == 0) return;
  for (let k: i32 = 0; k < 2; k++) {
    const atExit = k == 1;
    if (atExit && !exiting) break;
    for (let nth: u32 = 0; ; nth++) {
      const p = capNth(<u32>CK_FD_PATHS, atExit, nth);
      if (p == 0) break;
      if (<u32>load<u16>(p + CAP_STATUS) == <u32>CS_FAULT) continue;
      if (findElem(p + CAP_HEADER, load<u32>(p + CAP_LENGTH), v)) return;
    }
  }
}

function findElem(data: usize, len: u32, v: i32): bool {
  if (len < 8) return false;
  const n = load<u32>(data);
  let off: u64 = 8;
  for (let i: u32 = 0; i < n; i++) {
    if (off + 20 > <u64>len) return false;
    const e = data + <usize>off;
    const pathLen = load<u32>(e + 12);
    const detailLen = load<u32>(e + 16);
    const end = off + 20 + <u64>pathLen + <u64>detailLen;
    if (end > <u64>len) return false;
    if (load<i32>(e) == v) {
      if (load<u32>(e + 4) != 0) return true;
      const path = e + 20;
      putDecoration(load<u32>(e + 8), path, pathLen, path + <usize>pathLen, detailLen);
      return true;
    }
    off = (end + 3) & ~(<u64>3);
  }
  return false;
}
