// Value printers for one argument, driven by its kind code from the blob. Every dedicated decoder
// prints through these, so an argument looks the same whoever prints it.

import {
  arch,
  arg,
  capData,
  capLen,
  capPartial,
  capTruncated,
  exiting,
  findCap,
  findCapPrefix,
  isError,
  rval,
} from "../call";
import { callNoDeref, strsize, verbose } from "../options";
import { putc, puts } from "../out";
import { printDirfdOf, printFdOf } from "../print/fd";
import { putAddr, putHex, putI64, putOct, putU64 } from "../print/num";
import { printPid } from "../print/pid";
import { printBuffer, printCString } from "../print/quote";
import { printSignal, printSigset } from "../print/signal";
import { printStruct, S_INT, S_LOFF, structIdByName } from "../print/structs";
import { printEnum, printFlags } from "../print/xlat";
import {
  CK_ARRAY,
  CK_BUFFER_ARG_LEN,
  CK_BUFFER_RET_LEN,
  CK_CSTRING,
  CK_IOVEC,
  CK_STRING_ARRAY,
  CK_STRUCT,
  CS_FAULT,
  CS_PARTIAL,
} from "../record";
import {
  K_ARGV,
  K_ARRAY_IN,
  K_ARRAY_IN_OUT,
  K_ARRAY_OUT,
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
  K_PATH_OUT,
  K_PID,
  K_PTR,
  K_SIGNO,
  K_SIGSET_IN,
  K_SIGSET_OUT,
  K_SOCKADDR,
  K_SOCKADDR_OUT,
  K_STR,
  K_STRUCT_IN,
  K_STRUCT_IN_OUT,
  K_STRUCT_OUT,
  K_UID,
  K_UINT,
  K_ULONG,
  K_UMODE,
  K_XINT,
  structName,
  structSize,
} from "../tables";
import { warnShortRead } from "../warn";
import { printElems } from "./elems";
import { printIovAddr } from "./mem";
import { decodeNetlink, NL_NONE } from "./netlink";
import { printSockaddr } from "./sockaddr";

const PATH_MAX: u32 = 4096;

// Struct printer id per blob struct index, resolved once (name comparisons are not per call).
const structIds: usize = memory.data(4096);
let structIdsReady = false;

/** The printer id for blob struct index `idx` (cached). */
export function structIdOf(idx: u32): u8 {
  if (!structIdsReady) {
    for (let i: u32 = 0; i < 4096; i++) store<u8>(structIds + <usize>i, structIdByName(structName(i)));
    structIdsReady = true;
  }
  return idx < 4096 ? load<u8>(structIds + <usize>idx) : 0;
}

/** Is this kind printed at exit (output memory)? */
export function isOutKind(k: u8): bool {
  return (
    k == K_BUF_OUT ||
    k == K_STRUCT_OUT ||
    k == K_IOVEC_OUT ||
    k == K_STRUCT_IN_OUT ||
    k == K_ARRAY_OUT ||
    k == K_SOCKADDR_OUT ||
    k == K_SIGSET_OUT ||
    k == K_PATH_OUT
  );
}

/** A value-result int (socklen_t *): `[16]`, or `[128 => 16]` when the kernel changed it. */
export function printIntInOut(i: u32): void {
  const p = arg(i);
  if (p == 0 || !findCap(i, CK_STRUCT, false) || capLen < 4) {
    putAddr(p);
    return;
  }
  const before = load<i32>(capData);
  putc(0x5b);
  putI64(<i64>before);
  if (exiting && !isError && findCap(i, CK_STRUCT, true) && capLen >= 4) {
    const after = load<i32>(capData);
    if (after != before) {
      puts(" => ");
      putI64(<i64>after);
    }
  }
  putc(0x5d);
}

/**
 * A value-result loff_t (sendfile's offset): `[0]` at entry, then ` => [5]` at exit once the
 * call moved data, as strace's sendfile64 prints it (unsigned, changed or not).
 */
export function printLoffInOut(i: u32): void {
  const p = arg(i);
  if (p == 0 || !findCap(i, CK_STRUCT, false) || capLen < 8) {
    putAddr(p);
    return;
  }
  putc(0x5b);
  putU64(load<u64>(capData));
  putc(0x5d);
  if (exiting && !isError && rval != 0 && findCap(i, CK_STRUCT, true) && capLen >= 8) {
    puts(" => [");
    putU64(load<u64>(capData));
    putc(0x5d);
  }
}

/** The value of a captured int argument (entry or exit), or `dflt`. */
export function capturedInt(i: u32, atExit: bool, dflt: i64): i64 {
  if (arg(i) != 0 && findCap(i, CK_STRUCT, atExit) && capLen >= 4) return <i64>load<i32>(capData);
  return dflt;
}

/** A socket address read at entry, `len` bytes long. */
export function printSockaddrIn(i: u32, len: u64): void {
  const p = arg(i);
  if (p == 0) {
    puts("NULL");
    return;
  }
  // -e verbose= leaves the call out: strace's decode_sockaddr fetches with tfetch_mem, which then fails.
  if (len >= 2 && !callNoDeref && findCap(i, CK_BUFFER_ARG_LEN, false) && capLen >= 2) {
    printSockaddr(capData, capLen < <u32>len ? capLen : <u32>len);
    return;
  }
  putAddr(p);
}

/** A socket address the kernel filled; its length is the exit value of the socklen_t * lenArg. */
export function printSockaddrOut(i: u32, lenArg: u32): void {
  const p = arg(i);
  if (p == 0 || !exiting || isError) {
    putAddr(p);
    return;
  }
  // strace prints min(what the caller offered, what the kernel says it has): a longer address
  // was truncated by the kernel, and bytes past the offered length are not the kernel's.
  const offered = capturedInt(lenArg, false, -1);
  let len = capturedInt(lenArg, true, -1);
  if (len < 0 || (offered >= 0 && offered < len)) len = max<i64>(offered, 0);
  if (len > 128) len = 128;
  // The capture holds 128 bytes where it could; strace reads only `len` of them.
  if (len >= 2 && findCapPrefix(i, CK_STRUCT, true, <u32>len)) {
    printSockaddr(capData, <u32>len);
    return;
  }
  if (len >= 2 && capPartial()) warnShortRead("umoven", capLen, <u32>len, p);
  putAddr(p);
}

/** A sigset of `arg(lenArg)` bytes, `[CHLD]`. */
export function printSigsetArg(i: u32, lenArg: u32, atExit: bool, minLen: u32 = 0): void {
  const p = arg(i);
  const size = <u32>arg(lenArg);
  // strace's print_sigset_addr_len: a size from the word size (or `minLen`) to the kernel's
  // sigset_t (8 bytes).
  const word: u32 = minLen != 0 ? minLen : (arch & 0x80000000) != 0 || arch == 0 ? 8 : 4;
  if (
    p != 0 &&
    !(atExit && isError) &&
    arg(lenArg) >= <u64>word &&
    arg(lenArg) <= 8 &&
    findCap(i, CK_ARRAY, atExit) &&
    capLen >= size
  ) {
    printSigset(capData, size);
    return;
  }
  putAddr(p);
}

/**
 * An array of `n` struct elements (struct index `structIdx`), `[e1, e2]`; at most -s elements
 * then `...`. Prints the address when the capture is missing.
 */
export function printArrayArg(i: u32, structIdx: u32, n: u64, atExit: bool): void {
  const p = arg(i);
  const size = structSize(structIdx);
  const id = structIdOf(structIdx);
  if (p == 0 || size == 0 || (atExit && (isError || !exiting)) || !findCap(i, CK_ARRAY, atExit)) {
    putAddr(p);
    return;
  }
  printStructElems(id, capData, capLen, size, n);
}

/** `n` structs of `size` bytes from captured data, `[e1, e2]`: at most -s of them, then `...`. */
export function printStructElems(id: u8, data: usize, len: u32, size: u32, n: u64): void {
  const avail = <u64>(len / size);
  putc(0x5b);
  for (let j: u64 = 0; j < n; j++) {
    if (j > 0) puts(", ");
    if (j >= <u64>strsize || j >= avail) {
      puts("...");
      break;
    }
    printStruct(id, data + <usize>(j * <u64>size), size, arch);
  }
  putc(0x5d);
}

/** Argument i as an fd (with -y, what it named at entry). */
export function printFd(i: u32): void {
  printFdOf(arg(i), i);
}

/** Argument i as a dirfd: AT_FDCWD by name (with -y, what it named at entry). */
export function printDirfd(i: u32): void {
  printDirfdOf(arg(i), i);
}

/** printpath: whole path (PATH_MAX), or the address when unreadable. */
export function printPath(i: u32): void {
  if (findCap(i, CK_CSTRING, false)) printCString(capData, capLen, capTruncated(), PATH_MAX);
  else unreadableString(i, PATH_MAX);
}

/** printstr: a NUL-terminated string cut by -s. */
export function printStr(i: u32): void {
  // strace reads -s + 1 bytes: a string whose NUL lies past them prints whole up to an unreadable
  // page right after them (a PARTIAL capture holding them all).
  if (findCapPrefix(i, CK_CSTRING, false, <u32>strsize + 1))
    printCString(capData, capLen, capTruncated() || capPartial());
  else unreadableString(i, <u32>strsize + 1);
}

/** A string strace's umovestr, asked for `want` bytes, could not read to its NUL: the address. */
function unreadableString(i: u32, want: u32): void {
  if (capPartial()) warnShortRead("umovestr", capLen, want, arg(i));
  putAddr(arg(i));
}

/** A buffer the caller wrote, `fullLen` bytes long. */
export function printBufIn(i: u32, fullLen: u64, forceHex: i32 = -1): void {
  // printstr_ex prints a NULL buffer as NULL whatever its length.
  if (arg(i) == 0) {
    puts("NULL");
    return;
  }
  if (findCap(i, CK_BUFFER_ARG_LEN, false)) {
    printBuffer(capData, capLen, fullLen, forceHex);
    return;
  }
  // strace's printstr_ex asks umoven for one byte more than -s shows, at most the length: a
  // capture that read more (a -e write= dump reads the whole buffer) and ran into an unmapped
  // page still holds them.
  const want = fullLen < <u64>strsize + 1 ? <u32>fullLen : <u32>strsize + 1;
  if (capPartial() && capLen >= want) {
    printBuffer(capData, capLen, fullLen, forceHex);
    return;
  }
  if (capPartial()) warnShortRead("umoven", capLen, want, arg(i));
  putAddr(arg(i));
}

/** A buffer the kernel filled: printed at exit on success, `rval` bytes; else the address. */
export function printBufOut(i: u32, forceHex: i32 = -1): void {
  if (arg(i) == 0) puts("NULL");
  else if (exiting && !isError && rval >= 0 && findCap(i, CK_BUFFER_RET_LEN, true)) {
    printBuffer(capData, capLen, <u64>rval, forceHex);
  } else putAddr(arg(i));
}

/** A struct: from its capture (entry or exit), else the address. */
export function printStructArg(i: u32, structIdx: u32, atExit: bool): void {
  const id = structIdOf(structIdx);
  if (id == S_INT && atExit && exiting && arg(i) != 0 && findCap(i, CK_STRUCT, false)) {
    printIntInOut(i);
    return;
  }
  if (id == S_LOFF && atExit && exiting && arg(i) != 0 && findCap(i, CK_STRUCT, false)) {
    printLoffInOut(i);
    return;
  }
  if (atExit && (isError || !exiting)) {
    putAddr(arg(i));
    return;
  }
  if (arg(i) != 0 && findCap(i, CK_STRUCT, atExit) && printStruct(id, capData, capLen, arch)) return;
  if (arg(i) != 0 && capPartial()) warnShortRead("umoven", capLen, structSize(structIdx), arg(i));
  putAddr(arg(i));
}

/**
 * argv: `["ls", "/"]`, at most -s elements then `...` (every element under -v); a string that
 * cannot be read prints its address, an array unreadable before its NULL ends `... /* ADDR *\/`.
 */
export function printArgv(i: u32): void {
  // A PARTIAL capture holds what was read before the array itself became unreadable.
  if (arg(i) == 0 || !(findCap(i, CK_STRING_ARRAY, false) || capPartial()) || capLen < 8) {
    putAddr(arg(i));
    return;
  }
  const unterminated = capPartial();
  const p = capData;
  const end = p + <usize>capLen;
  const total = load<u32>(p);
  const n = load<u32>(p + 4);
  let q = p + 8;
  putc(0x5b);
  let shown: u32 = 0;
  for (let j: u32 = 0; j < n && shown < total; j++) {
    if (!verbose && shown >= <u32>strsize) break;
    if (q + 8 > end) break;
    const status = load<u32>(q);
    const len = load<u32>(q + 4);
    const data = q + 8;
    const span = (<usize>len + 3) & ~(<usize>3);
    if (data + <usize>len > end) break;
    if (shown > 0) puts(", ");
    // FAULT or PARTIAL: strace's printargv could not read this string and prints its pointer
    // (recordings made before the pointer was captured have none: `???`).
    if (status == 1 || status == 3) {
      if (len == 8) putAddr(load<u64>(data));
      else puts("???");
    } else printCString(data, len, status == 2);
    shown++;
    q = data + span;
  }
  if (shown < total) {
    if (shown > 0) puts(", ");
    puts("...");
  } else if (unterminated) {
    puts(", ... /* ");
    putAddr(arg(i) + <u64>total * 8);
    puts(" */");
  }
  putc(0x5d);
}

/** envp: `0x7ffc… /* 35 vars *\/` (`, unterminated` when unreadable before its NULL); under -v the strings, as argv prints them. */
export function printEnvp(i: u32): void {
  if (verbose) {
    printArgv(i);
    return;
  }
  putAddr(arg(i));
  if (arg(i) != 0 && (findCap(i, CK_STRING_ARRAY, false) || capPartial()) && capLen >= 4) {
    const total = load<u32>(capData);
    puts(" /* ");
    putU64(<u64>total);
    puts(total == 1 ? " var" : " vars");
    puts(capPartial() ? ", unterminated */" : " */");
  }
}

/** iovec array: `[{iov_base="…", iov_len=5}]`; data printed at exit only for `out`. */
export function printIovec(i: u32, countArg: u32, out: bool): void {
  const atExit = out;
  if (out && !exiting) {
    putAddr(arg(i));
    return;
  }
  // A failed read transferred nothing and has no exit capture: strace shows each buffer's range
  // (iov_decode_addr), from the array read at entry (extra-captures.ts).
  if (out && isError) {
    printElems(i, arg(countArg), 16, false, printIovAddr);
    return;
  }
  if (arg(i) == 0 || !(findCap(i, CK_IOVEC, atExit) || capPartial()) || capLen < 8) {
    putAddr(arg(i));
    return;
  }
  // The array became unreadable after the captured entries: `... /* ADDR */` after them.
  const cutAt: u64 = capPartial() ? arg(i) + <u64>load<u32>(capData) * 16 : 0;
  const remaining: u64 = !out ? 0xffffffffffffffff : <u64>rval;
  printIovecData(capData, capData + <usize>capLen, remaining, NL_NONE, cutAt);
}

/**
 * One iovec's buffer, `want` bytes of it shown (strace's printstrn, which reads min(want, -s + 1)
 * bytes and prints the address when it cannot): `status` and `clen` are the capture entry's.
 */
export function printIovBase(base: u64, status: u32, data: usize, clen: u32, want: u64): void {
  const need: u64 = want < <u64>strsize + 1 ? want : <u64>strsize + 1;
  if (status == <u32>CS_FAULT || base == 0 || (status == <u32>CS_PARTIAL && <u64>clen < need)) putAddr(base);
  else printBuffer(data, clen, want);
}

/** Where the IOVEC capture data starting at p ends (its last entry's padded bytes), at most `end`. */
export function iovecSectionEnd(p: usize, end: usize): usize {
  // In u64: a corrupt length near 4 GiB must not wrap the 32-bit address around.
  if (<u64>p + 8 > <u64>end) return end;
  const n = load<u32>(p);
  let q: u64 = <u64>p + 8;
  for (let j: u32 = 0; j < n && q + 24 <= <u64>end; j++)
    q += 24 + ((<u64>load<u32>(<usize>q + 20) + 7) & ~(<u64>7));
  return q < <u64>end ? <usize>q : end;
}

/**
 * The data of an IOVEC capture between p and end (also inside an MSGHDR capture), printing at
 * most `remaining` bytes in all.
 */
export function printIovecData(
  p: usize,
  end: usize,
  remaining: u64,
  netlink: i32 = NL_NONE,
  cutAt: u64 = 0,
): void {
  const n = <u64>p + 8 <= <u64>end ? load<u32>(p) : 0;
  let q = p + 8;
  putc(0x5b);
  let shown: u32 = 0;
  for (let j: u32 = 0; j < n; j++) {
    if (q + 24 > end) break;
    if (shown >= <u32>strsize) {
      puts(", ...");
      putc(0x5d);
      return;
    }
    const base = load<u64>(q);
    const len = load<u64>(q + 8);
    const status = load<u32>(q + 16);
    const clen = load<u32>(q + 20);
    const data = q + 24;
    if (<u64>data + <u64>clen > <u64>end) break;
    if (shown > 0) puts(", ");
    puts("{iov_base=");
    const want = len < remaining ? len : remaining;
    // A NULL base prints NULL whatever its length, as strace's printstrn does.
    if (netlink != NL_NONE) {
      // A netlink socket's data: its messages (strace's IOV_DECODE_NETLINK).
      if (status == <u32>CS_FAULT || status == <u32>CS_PARTIAL || base == 0) putAddr(base);
      else decodeNetlink(data, clen, want, netlink, base);
    } else printIovBase(base, status, data, clen, want);
    remaining -= want;
    puts(", iov_len=");
    putU64(len);
    putc(0x7d);
    shown++;
    q = data + ((<usize>clen + 7) & ~(<usize>7));
  }
  if (cutAt != 0 && shown == n) {
    puts(", ... /* ");
    putAddr(cutAt);
    puts(" */");
  }
  putc(0x5d);
}

/** strace's printuid: a uid_t or gid_t, `-1` for (uid_t)-1, else unsigned. */
export function printUid(v: u32): void {
  if (v == 0xffffffff) puts("-1");
  else putU64(<u64>v);
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
    case K_XINT:
      putHex(<u64>(<u32>v));
      break;
    case K_PTR:
      putAddr(v);
      break;
    case K_FD:
      printFd(i);
      break;
    case K_DIRFD:
      printDirfd(i);
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
      // The encoder's FLAGS_WIDE bit (0x8000): a long's 64 bits, else an unsigned int's 32.
      if (param != 0xffff && (param & 0x8000) != 0) printFlags(<i32>(param & 0x7fff), v);
      else printFlags(<i32>param, <u64>(<u32>v));
      break;
    case K_ENUM:
      printEnum(<i32>param, <u64>(<u32>v));
      break;
    case K_MODE:
      // print_numeric_umode_t: an unsigned short in octal (`chmod("f", 0100644)`); only mknod's
      // and stat's modes print symbolically.
      putOct(<u64>(<u16>v), 3);
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
    case K_STRUCT_IN_OUT:
      printStructArg(i, param, true);
      break;
    case K_ARRAY_IN:
    case K_ARRAY_IN_OUT:
      printArrayArg(i, param & 0xfff, arg(param >> 12), false);
      break;
    case K_ARRAY_OUT:
      printArrayArg(i, param & 0xfff, arg(param >> 12), true);
      break;
    case K_SOCKADDR:
      printSockaddrIn(i, param < 6 ? arg(param) : 0);
      break;
    case K_SOCKADDR_OUT:
      printSockaddrOut(i, param);
      break;
    case K_SIGSET_IN:
      printSigsetArg(i, param, false);
      break;
    case K_SIGSET_OUT:
      printSigsetArg(i, param, true);
      break;
    case K_PATH_OUT:
      if (exiting && !isError && rval > 0 && findCap(i, CK_BUFFER_RET_LEN, true)) {
        // strace's printpathn(buf, rval - 1): the path ends at a NUL within the rval bytes, else
        // rval - 1 bytes print and `...` follows (a buffer poke_exit= overwrote, say).
        let n: u32 = 0;
        while (n < capLen && load<u8>(capData + <usize>n) != 0) n++;
        if (n < capLen) printCString(capData, n, false, PATH_MAX);
        else printCString(capData, <u64>capLen < <u64>rval ? capLen : capLen - 1, true, PATH_MAX);
      } else putAddr(v);
      break;
    case K_PID:
      printPid(<i32>v, <u8>param);
      break;
    case K_UID:
      printUid(<u32>v);
      break;
    case K_UMODE:
      // print_numeric_umode_t takes an unsigned short: umask(0177777) prints 0177777.
      putOct(<u64>(<u16>v), 3);
      break;
    default:
      putHex(v);
  }
}
