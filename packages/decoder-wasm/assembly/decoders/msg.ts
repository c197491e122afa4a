// sendmsg, recvmsg, sendmmsg, recvmmsg: struct msghdr with its address, iovec array and control messages
// (strace's msghdr.c). recvmsg prints the struct at exit, where the kernel has filled it; its
// msg_namelen shows the caller's value first when the kernel changed it, `110 => 16`.

import { arch, arg, capData, capLen, exiting, findCap, isError, rval } from "../call";
import { T_MSG_FLAGS, T_SOCKETLAYERS } from "../known";
import {
  MSGHDR_MSG_CONTROL,
  MSGHDR_MSG_CONTROLLEN,
  MSGHDR_MSG_FLAGS,
  MSGHDR_MSG_IOV,
  MSGHDR_MSG_IOVLEN,
  MSGHDR_MSG_NAMELEN,
  SIZEOF_MSGHDR,
} from "../layouts";
import { strsize, verbose } from "../options";
import { putc, puts } from "../out";
import { putAddr, putI64, putU64 } from "../print/num";
import { printStruct, S_TIMESPEC } from "../print/structs";
import { printEnum, printFlags } from "../print/xlat";
import { CK_MMSGHDR, CK_MSGHDR, CK_STRUCT } from "../record";
import { iovecSectionEnd, printFd, printIovecData } from "./args";
import { printCmsgTypeData } from "./cmsg";
import { NL_NONE, netlinkFamily } from "./netlink";
import { AUX_CUSTOM, RVAL_DECODED, setAux } from "./rval";
import { printSockaddr } from "./sockaddr";

/** sizeof(struct msghdr) (the kernel's user_msghdr, from ../layouts) and sizeof(struct cmsghdr) on 64-bit ABIs. */
const MSGHDR_SIZE: u32 = SIZEOF_MSGHDR;
const CMSGHDR_SIZE: u64 = 16;
/** sizeof(struct mmsghdr) on 64-bit ABIs, and the kernel's cap on the entries it reads (UIO_MAXIOV). */
const MMSGHDR_SIZE: u64 = 64;
const MMSG_ENTRIES_CAP: u64 = 1024;
const AUDIT_ARCH_64BIT: u32 = 0x80000000;

/** The MSGHDR/MMSGHDR captures carry the 64-bit layout: a 32-bit tracee's struct prints as its address. */
function is64(): bool {
  return arch == 0 || (arch & AUDIT_ARCH_64BIT) != 0;
}

/**
 * A sized piece of an MSGHDR capture: u32 status, u32 length, bytes padded to 8. Its end, in u64
 * (a corrupt length must not wrap the 32-bit address); past `end` when it does not fit.
 */
function pieceEnd(p: usize): u64 {
  return <u64>p + 8 + ((<u64>load<u32>(p + 4) + 7) & ~(<u64>7));
}

/** `[{cmsg_len=20, cmsg_level=SOL_SOCKET, …}]`, walking the messages as decode_msg_control does. */
function printControl(addr: u64, inLen: u64, piece: usize, end: usize): void {
  const status = load<u32>(piece);
  let bufLen = <u64>load<u32>(piece + 4);
  if (status != 0 || bufLen < CMSGHDR_SIZE || <u64>piece + 8 + bufLen > <u64>end) {
    putAddr(addr);
    return;
  }
  const controlLen = bufLen;
  let p = piece + 8;
  const start = p;
  putc(0x5b);
  while (bufLen >= CMSGHDR_SIZE) {
    const cmsgLen = load<u64>(p);
    const level = load<i32>(p + 8);
    const type = load<i32>(p + 12);
    const len = min<u64>(cmsgLen, bufLen);
    if (p != start) puts(", ");
    puts("{cmsg_len=");
    putU64(cmsgLen);
    puts(", cmsg_level=");
    printEnum(T_SOCKETLAYERS, <u64>(<u32>level));
    puts(", ");
    printCmsgTypeData(
      level,
      type,
      p + <usize>CMSGHDR_SIZE,
      len > CMSGHDR_SIZE ? <u32>(len - CMSGHDR_SIZE) : 0,
    );
    putc(0x7d);
    if (cmsgLen < CMSGHDR_SIZE) {
      bufLen -= CMSGHDR_SIZE;
      break;
    }
    const step = (cmsgLen + 7) & ~(<u64>7);
    if (step >= bufLen) {
      bufLen = 0;
      break;
    }
    p += <usize>step;
    bufLen -= step;
  }
  if (bufLen != 0) {
    puts(", ... /* ");
    putAddr(addr + (controlLen - bufLen));
    puts(" */");
  } else if (controlLen < inLen) puts(", ...");
  putc(0x5d);
}

/**
 * The msghdr of capture (data, len). `userNamelen` is the caller's msg_namelen (recvmsg), -1
 * when there is none; `ioLimit` caps the iovec bytes printed (recvmsg: the return value).
 */
function printMsghdr(data: usize, len: u32, userNamelen: i64, ioLimit: u64, netlink: i32 = NL_NONE): void {
  const end = data + <usize>len;
  const name = load<u64>(data);
  const kernelNamelen = <i64>load<i32>(data + MSGHDR_MSG_NAMELEN);
  const iov = load<u64>(data + MSGHDR_MSG_IOV);
  const iovlen = load<u64>(data + MSGHDR_MSG_IOVLEN);
  const control = load<u64>(data + MSGHDR_MSG_CONTROL);
  const controllen = load<u64>(data + MSGHDR_MSG_CONTROLLEN);
  const flags = load<u32>(data + MSGHDR_MSG_FLAGS);
  const namelen = userNamelen >= 0 && kernelNamelen > userNamelen ? userNamelen : kernelNamelen;
  const namePiece = data + <usize>MSGHDR_SIZE;
  // Each piece is used only when it lies inside the capture (a corrupt record's lengths lie).
  const iovAt = pieceEnd(namePiece);
  const iovOk = iovAt + 8 <= <u64>end;
  const iovPiece = iovOk ? <usize>iovAt : end;
  const ctlPiece = iovOk ? iovecSectionEnd(iovPiece + 8, end) : end;

  puts("{msg_name=");
  const nameLen = load<u32>(namePiece + 4);
  // strace reads min(namelen, 128) bytes (the capture holds what was readable of the kernel's
  // length, which may exceed the caller's buffer): fewer read means strace's read failed.
  const want = min<i64>(namelen, 128);
  if (name != 0 && namelen >= 2 && load<u32>(namePiece) == 0 && <i64>nameLen >= want && iovAt <= <u64>end) {
    printSockaddr(namePiece + 8, <u32>want);
  } else putAddr(name);
  puts(", msg_namelen=");
  if (userNamelen >= 0 && userNamelen != kernelNamelen) {
    putI64(userNamelen);
    puts(" => ");
  }
  putI64(kernelNamelen);
  puts(", msg_iov=");
  if (iov != 0 && iovOk && load<u32>(iovPiece) == 0) printIovecData(iovPiece + 8, end, ioLimit, netlink);
  else putAddr(iov);
  puts(", msg_iovlen=");
  putU64(iovlen);
  if (controllen != 0) {
    puts(", msg_control=");
    if (control != 0 && ctlPiece + 8 <= end) printControl(control, controllen, ctlPiece, end);
    else putAddr(control);
  }
  puts(", msg_controllen=");
  putU64(controllen);
  puts(", msg_flags=");
  printFlags(T_MSG_FLAGS, <u64>flags);
  putc(0x7d);
}

/** The msghdr argument from its capture, or its address when unread. */
function printMsghdrArg(atExit: bool, userNamelen: i64, ioLimit: u64): void {
  if (is64() && arg(1) != 0 && findCap(1, CK_MSGHDR, atExit) && capLen >= MSGHDR_SIZE + 8) {
    const data = capData;
    const len = capLen;
    printMsghdr(data, len, userNamelen, ioLimit, netlinkFamily(atExit));
  } else putAddr(arg(1));
}

/** sendmsg(fd, msg, flags). */
export function decodeSendmsg(): i32 {
  printFd(0);
  puts(", ");
  printMsghdrArg(false, -1, 0xffffffffffffffff);
  puts(", ");
  printFlags(T_MSG_FLAGS, <u64>(<u32>arg(2)));
  return RVAL_DECODED;
}

/** recvmsg(fd, msg, flags): the struct prints at exit; a failed call shows `{msg_namelen=110}`. */
export function decodeRecvmsg(): i32 {
  if (!exiting) {
    printFd(0);
    puts(", ");
    return 0;
  }
  let userNamelen: i64 = -1;
  if (is64() && arg(1) != 0 && findCap(1, CK_MSGHDR, false) && capLen >= MSGHDR_SIZE) {
    userNamelen = <i64>load<i32>(capData + MSGHDR_MSG_NAMELEN);
  }
  if (isError) {
    if (userNamelen >= 0) {
      puts("{msg_namelen=");
      putI64(userNamelen);
      putc(0x7d);
    } else putAddr(arg(1));
  } else printMsghdrArg(true, userNamelen, <u64>rval);
  puts(", ");
  printFlags(T_MSG_FLAGS, <u64>(<u32>arg(2)));
  return RVAL_DECODED;
}

/**
 * Where entry `i` of an MMSGHDR capture starts (0 when the capture has fewer, or when an entry's
 * length, which a corrupt record can make anything, runs past the capture).
 */
function mmsgEntry(data: usize, len: u32, i: u32): usize {
  if (len < 8 || i >= load<u32>(data)) return 0;
  let off: u64 = 8;
  for (let j: u32 = 0; j <= i; j++) {
    if (off + 8 > <u64>len) return 0;
    const next = off + 8 + <u64>load<u32>(data + <usize>off);
    if (next > <u64>len) return 0;
    if (j == i) break;
    off = next;
  }
  return data + <usize>off;
}

/**
 * `[{msg_hdr={…}, msg_len=3}, …]`: `n` entries, the first `withLen` with their msg_len; recvmmsg
 * shows each caller's msg_namelen (from the entry capture) and cuts each entry's data at msg_len.
 */
function printMmsgvec(n: u64, withLen: u64, recv: bool): void {
  const p = arg(1);
  // A failed sendmmsg has no exit capture: its vector as read at entry.
  if (!is64() || p == 0 || !(findCap(1, CK_MMSGHDR, true) || (!recv && findCap(1, CK_MMSGHDR, false)))) {
    putAddr(p);
    return;
  }
  const data = capData;
  const len = capLen;
  let entryData: usize = 0;
  let entryLen: u32 = 0;
  if (recv && findCap(1, CK_MMSGHDR, false)) {
    entryData = capData;
    entryLen = capLen;
  }
  putc(0x5b);
  for (let i: u64 = 0; i < n; i++) {
    if (i > 0) puts(", ");
    const q = mmsgEntry(data, len, <u32>i);
    // print_array: -s entries unless -v.
    const cut = !verbose && i >= <u64>strsize;
    if (cut || q == 0) {
      puts("...");
      // An entry the tracer could not read (below the kernel's cap of 1024): where it is.
      if (q == 0 && !cut && i < MMSG_ENTRIES_CAP) {
        puts(" /* ");
        putAddr(p + i * MMSGHDR_SIZE);
        puts(" */");
      }
      break;
    }
    const entryBytes = load<u32>(q);
    const msgLen = load<u32>(q + 4);
    let userNamelen: i64 = -1;
    const e = entryData != 0 ? mmsgEntry(entryData, entryLen, <u32>i) : 0;
    if (e != 0 && load<u32>(e) >= MSGHDR_SIZE) userNamelen = <i64>load<i32>(e + 16);
    puts("{msg_hdr=");
    if (entryBytes >= MSGHDR_SIZE + 8) {
      printMsghdr(
        q + 8,
        entryBytes,
        userNamelen,
        recv ? <u64>msgLen : 0xffffffffffffffff,
        netlinkFamily(true),
      );
    } else putAddr(p + i * MMSGHDR_SIZE);
    if (i < withLen) {
      puts(", msg_len=");
      putU64(<u64>msgLen);
    }
    putc(0x7d);
  }
  putc(0x5d);
}

/** sendmmsg(fd, msgvec, vlen, flags): the vector prints at exit, msg_len on the entries sent. */
export function decodeSendmmsg(): i32 {
  if (!exiting) {
    printFd(0);
    puts(", ");
    return 0;
  }
  const vlen = <u64>(<u32>arg(2));
  // A failed call still shows the vector, without msg_len.
  printMmsgvec(vlen, isError ? 0 : <u64>rval, false);
  puts(", ");
  putU64(vlen);
  puts(", ");
  printFlags(T_MSG_FLAGS, <u64>(<u32>arg(3)));
  return RVAL_DECODED;
}

/** recvmmsg(fd, msgvec, vlen, flags, timeout): the received entries, then `(Timeout)` or `left`. */
export function decodeRecvmmsg(): i32 {
  if (!exiting) {
    printFd(0);
    puts(", ");
    return 0;
  }
  if (isError) putAddr(arg(1));
  else printMmsgvec(<u64>rval, <u64>rval, true);
  puts(", ");
  putU64(<u64>(<u32>arg(2)));
  puts(", ");
  printFlags(T_MSG_FLAGS, <u64>(<u32>arg(3)));
  puts(", ");
  if (arg(4) != 0 && findCap(4, CK_STRUCT, false) && printStruct(S_TIMESPEC, capData, capLen, arch)) {
  } else putAddr(arg(4));
  if (!isError && (rval == 0 || arg(4) != 0)) setAux(AUX_CUSTOM, 0);
  return RVAL_DECODED;
}

/** ` (Timeout)` or ` (left {tv_sec=…, tv_nsec=…})` after recvmmsg's return value. */
export function printRecvmmsgAux(): void {
  if (rval == 0) {
    puts(" (Timeout)");
    return;
  }
  if (findCap(4, CK_STRUCT, true)) {
    puts(" (left ");
    printStruct(S_TIMESPEC, capData, capLen, arch);
    putc(0x29);
  }
}
