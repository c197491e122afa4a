// Value printers for one argument, driven by its kind code from the blob. Every dedicated decoder
// prints through these, so an argument looks the same whoever prints it.

import { arch, arg, capData, capLen, capTruncated, exiting, findCap, isError, rval } from "../call";
import { strsize } from "../options";
import { putc, puts } from "../out";
import { putAddr, putHex, putI64, putU64 } from "../print/num";
import { printBuffer, printCString } from "../print/quote";
import { printSignal } from "../print/signal";
import { printStruct, printSymbolicMode, structIdByName } from "../print/structs";
import { printEnum, printFlags } from "../print/xlat";
import {
  CK_BUFFER_ARG_LEN,
  CK_BUFFER_RET_LEN,
  CK_CSTRING,
  CK_IOVEC,
  CK_STRING_ARRAY,
  CK_STRUCT,
} from "../record";
import {
  K_ARGV,
  K_BUF_IN,
  K_BUF_OUT,
  K_DIRFD,
  K_ENUM,
  K_ENVP,
  K_FD,
  K_FLAGS,
  K_HEX,
  K_INT,
  K_IOVEC_IN,
  K_IOVEC_OUT,
  K_LONG,
  K_MODE,
  K_PATH,
  K_PTR,
  K_SIGNO,
  K_STR,
  K_STRUCT_IN,
  K_STRUCT_OUT,
  K_UINT,
  K_ULONG,
  structName,
} from "../tables";

const PATH_MAX: u32 = 4096;
const AT_FDCWD: i32 = -100;

/** Is this kind printed at exit (output memory)? */
export function isOutKind(k: u8): bool {
  return k == K_BUF_OUT || k == K_STRUCT_OUT || k == K_IOVEC_OUT;
}

export function printFd(v: u64): void {
  putI64(<i64>(<i32>v));
}

export function printDirfd(v: u64): void {
  if (<i32>v == AT_FDCWD) puts("AT_FDCWD");
  else putI64(<i64>(<i32>v));
}

/** printpath: whole path (PATH_MAX), or the address when unreadable. */
export function printPath(i: u32): void {
  if (findCap(i, CK_CSTRING, false)) printCString(capData, capLen, capTruncated(), PATH_MAX);
  else putAddr(arg(i));
}

/** printstr: a NUL-terminated string cut by -s. */
export function printStr(i: u32): void {
  if (findCap(i, CK_CSTRING, false)) printCString(capData, capLen, capTruncated());
  else putAddr(arg(i));
}

/** A buffer the caller wrote, `fullLen` bytes long. */
export function printBufIn(i: u32, fullLen: u64, forceHex: i32 = -1): void {
  if (findCap(i, CK_BUFFER_ARG_LEN, false)) printBuffer(capData, capLen, fullLen, forceHex);
  else putAddr(arg(i));
}

/** A buffer the kernel filled: printed at exit on success, `rval` bytes; else the address. */
export function printBufOut(i: u32, forceHex: i32 = -1): void {
  if (exiting && !isError && rval >= 0 && findCap(i, CK_BUFFER_RET_LEN, true)) {
    printBuffer(capData, capLen, <u64>rval, forceHex);
  } else putAddr(arg(i));
}

/** A struct: from its capture (entry or exit), else the address. */
export function printStructArg(i: u32, structIdx: u32, atExit: bool): void {
  const id = structIdByName(structName(structIdx));
  if (atExit && (isError || !exiting)) {
    putAddr(arg(i));
    return;
  }
  if (arg(i) != 0 && findCap(i, CK_STRUCT, atExit) && printStruct(id, capData, capLen, arch)) return;
  putAddr(arg(i));
}

/** argv: `["ls", "/"]`, at most -s elements then `...`. */
export function printArgv(i: u32): void {
  if (arg(i) == 0 || !findCap(i, CK_STRING_ARRAY, false) || capLen < 8) {
    putAddr(arg(i));
    return;
  }
  const p = capData;
  const end = p + <usize>capLen;
  const total = load<u32>(p);
  const n = load<u32>(p + 4);
  let q = p + 8;
  putc(0x5b);
  let shown: u32 = 0;
  for (let j: u32 = 0; j < n && shown < total; j++) {
    if (shown >= <u32>strsize) break;
    if (q + 8 > end) break;
    const status = load<u32>(q);
    const len = load<u32>(q + 4);
    const data = q + 8;
    const span = (<usize>len + 3) & ~(<usize>3);
    if (data + <usize>len > end) break;
    if (shown > 0) puts(", ");
    if (status == 1) puts("???");
    else printCString(data, len, status == 2);
    shown++;
    q = data + span;
  }
  if (shown < total) {
    if (shown > 0) puts(", ");
    puts("...");
  }
  putc(0x5d);
}

/** envp: `0x7ffc… /* 35 vars *\/`. */
export function printEnvp(i: u32): void {
  putAddr(arg(i));
  if (arg(i) != 0 && findCap(i, CK_STRING_ARRAY, false) && capLen >= 4) {
    const total = load<u32>(capData);
    puts(" /* ");
    putU64(<u64>total);
    puts(total == 1 ? " var */" : " vars */");
  }
}

/** iovec array: `[{iov_base="…", iov_len=5}]`; data printed at exit only for `out`. */
export function printIovec(i: u32, countArg: u32, out: bool): void {
  const atExit = out;
  if (out && (!exiting || isError)) {
    putAddr(arg(i));
    return;
  }
  if (arg(i) == 0 || !findCap(i, CK_IOVEC, atExit) || capLen < 8) {
    putAddr(arg(i));
    return;
  }
  const p = capData;
  const end = p + <usize>capLen;
  const n = load<u32>(p);
  let q = p + 8;
  let remaining: u64 = out ? <u64>rval : 0xffffffffffffffff;
  putc(0x5b);
  let shown: u32 = 0;
  for (let j: u32 = 0; j < n; j++) {
    if (q + 24 > end) break;
    if (shown >= <u32>strsize) {
      puts(", ...");
      break;
    }
    const base = load<u64>(q);
    const len = load<u64>(q + 8);
    const status = load<u32>(q + 16);
    const clen = load<u32>(q + 20);
    const data = q + 24;
    if (data + <usize>clen > end) break;
    if (shown > 0) puts(", ");
    puts("{iov_base=");
    const want = len < remaining ? len : remaining;
    if (status == 1) putAddr(base);
    else printBuffer(data, clen, want);
    remaining -= want;
    puts(", iov_len=");
    putU64(len);
    putc(0x7d);
    shown++;
    q = data + ((<usize>clen + 7) & ~(<usize>7));
  }
  putc(0x5d);
  changetype<usize>(countArg);
}

/** Prints argument i of kind `k` with parameter `param` (see tables.ts for the codes). */
export function printArg(i: u32, k: u8, param: u32): void {
  const v = arg(i);
  switch (k) {
    case K_INT:
      putI64(<i64>(<i32>v));
      break;
    case K_UINT:
      putU64(<u64>(<u32>v));
      break;
    case K_LONG:
      putI64(<i64>v);
      break;
    case K_ULONG:
      putU64(v);
      break;
    case K_HEX:
      putHex(v);
      break;
    case K_PTR:
      putAddr(v);
      break;
    case K_FD:
      printFd(v);
      break;
    case K_DIRFD:
      printDirfd(v);
      break;
    case K_PATH:
      printPath(i);
      break;
    case K_STR:
      printStr(i);
      break;
    case K_BUF_IN:
      printBufIn(i, param < 6 ? arg(param) : 0);
      break;
    case K_BUF_OUT:
      printBufOut(i);
      break;
    case K_FLAGS:
      printFlags(<i32>param, <u64>(<u32>v));
      break;
    case K_ENUM:
      printEnum(<i32>param, <u64>(<u32>v));
      break;
    case K_MODE:
      printSymbolicMode(<u64>(<u32>v));
      break;
    case K_STRUCT_IN:
      printStructArg(i, param, false);
      break;
    case K_STRUCT_OUT:
      printStructArg(i, param, true);
      break;
    case K_ARGV:
      printArgv(i);
      break;
    case K_ENVP:
      printEnvp(i);
      break;
    case K_IOVEC_IN:
      printIovec(i, param, false);
      break;
    case K_IOVEC_OUT:
      printIovec(i, param, true);
      break;
    case K_SIGNO:
      printSignal(<u64>(<u32>v));
      break;
    default:
      putHex(v);
  }
}
