// strace's dumpio (syscall.c): after the line of a read- or write-family call on an fd of
// `-e read=` / `-e write=`, the data as hex dumps. Writes dump what was passed (even on error),
// reads what was returned (on success only); iovec calls (and sendmsg/recvmsg's msghdr iovecs)
// dump each buffer under a ` * N bytes` header. The syscall families are core's IO_DUMP_* lists,
// resolved by name at init.

import { arg, capData, capLen, capPartial, eRec, findCap, isError, rval } from "./call";
import { MSGHDR_MSG_IOVLEN, SIZEOF_MSGHDR } from "./layouts";
import { newline, putc, puts } from "./out";
import { dumpBytes, dumpIovHeader, dumpVectorHeader } from "./print/hexdump";
import { putAddr, putU64 } from "./print/num";
import {
  CK_BUFFER_ARG_LEN,
  CK_BUFFER_RET_LEN,
  CK_IOVEC,
  CK_MMSGHDR,
  CK_MSGHDR,
  CS_FAULT,
  CS_PARTIAL,
  HDR_PID,
} from "./record";
import { row, rowName, strEq, syscallCount } from "./tables";

const NONE: u8 = 0;
const READ_BUF: u8 = 1;
const READ_IOV: u8 = 2;
const WRITE_BUF: u8 = 3;
const WRITE_IOV: u8 = 4;
const READ_MSG: u8 = 5;
const WRITE_MSG: u8 = 6;
const READ_MMSG: u8 = 7;
const WRITE_MMSG: u8 = 8;

/** A set of fds: `bits` bits at `map`, and whether fds past them are in it (`!3`, `all`). */
class FdSet {
  map: usize = 0;
  bits: u32 = 0;
  beyond: bool = false;

  has(fd: i32): bool {
    if (fd < 0) return false;
    if (<u32>fd >= this.bits) return this.beyond;
    return ((load<u8>(this.map + <usize>(<u32>fd >> 3)) >> (<u32>fd & 7)) & 1) != 0;
  }
}

const readSet = new FdSet();
const writeSet = new FdSet();
let active = false;
let kinds: usize = 0;

function kindOf(ref: u32): u8 {
  if (strEq(ref, "read") || strEq(ref, "pread64") || strEq(ref, "recvfrom") || strEq(ref, "mq_timedreceive"))
    return READ_BUF;
  if (strEq(ref, "readv") || strEq(ref, "preadv") || strEq(ref, "preadv2")) return READ_IOV;
  if (strEq(ref, "recvmsg")) return READ_MSG;
  if (strEq(ref, "sendmsg")) return WRITE_MSG;
  if (strEq(ref, "recvmmsg")) return READ_MMSG;
  if (strEq(ref, "sendmmsg")) return WRITE_MMSG;
  if (strEq(ref, "write") || strEq(ref, "pwrite64") || strEq(ref, "sendto") || strEq(ref, "mq_timedsend"))
    return WRITE_BUF;
  if (strEq(ref, "writev") || strEq(ref, "pwritev") || strEq(ref, "pwritev2") || strEq(ref, "vmsplice"))
    return WRITE_IOV;
  return NONE;
}

/** Sets the fd sets (bitmaps from alloc(), kept) and resolves the dumped syscalls. */
export function setDumpSets(
  rMap: usize,
  rBits: u32,
  rBeyond: bool,
  wMap: usize,
  wBits: u32,
  wBeyond: bool,
): void {
  readSet.map = rMap;
  readSet.bits = rBits;
  readSet.beyond = rBeyond;
  writeSet.map = wMap;
  writeSet.bits = wBits;
  writeSet.beyond = wBeyond;
  const n = syscallCount();
  kinds = heap.alloc(<usize>n + 1);
  for (let nr: u32 = 0; nr < n; nr++) {
    const r = row(nr);
    store<u8>(kinds + <usize>nr, r != 0 ? kindOf(rowName(r)) : NONE);
  }
  active = true;
}

/** strace's dumpstr fetches a dumped buffer this much at a time. */
const DUMP_PIECE: u64 = 1 << 16;

/**
 * A written buffer of `len` bytes at `addr` of which only the first `avail` (at `data`) were
 * readable: strace's dumpstr dumps the pieces it fetched whole, then names the piece it could not
 * fetch (nothing at all when that was the first).
 */
function dumpReadable(addr: u64, data: usize, avail: u64, len: u64): void {
  const rounded = (len + 15) & ~(<u64>15);
  const piece = rounded < DUMP_PIECE ? rounded : DUMP_PIECE;
  let done: u64 = 0;
  let fetch: u64 = 0;
  while (done < len) {
    fetch = min<u64>(len - done, piece);
    if (done + fetch > avail) break;
    done += fetch;
  }
  if (done == 0) return;
  dumpBytes(data, <u32>done, len);
  if (done == len) return;
  puts(" | <Cannot fetch ");
  putU64(fetch);
  puts(fetch == 1 ? " byte" : " bytes");
  puts(" from pid ");
  putU64(<u64>load<u32>(eRec + HDR_PID));
  puts(" @");
  putAddr(addr + done);
  putc(0x3e);
  newline();
}

/** Walks a captured iovec array, dumping each buffer; `limit` bytes in all (reads: rval). */
function dumpIov(atExit: bool, limit: u64): void {
  if (!findCap(1, CK_IOVEC, atExit) || capLen < 8) return;
  dumpIovData(capData, capData + <usize>capLen, limit);
}

/** The iovecs of an MSGHDR capture (after the msghdr and its name piece), as {@link dumpIov}. */
function dumpMsgIov(atExit: bool, limit: u64): void {
  if (!findCap(1, CK_MSGHDR, atExit) || capLen < SIZEOF_MSGHDR + 8) return;
  const end = <u64>capData + <u64>capLen;
  const name = <u64>capData + <u64>SIZEOF_MSGHDR;
  const iov = name + 8 + ((<u64>load<u32>(<usize>name + 4) + 7) & ~(<u64>7));
  if (iov + 16 > end || load<u32>(<usize>iov) != 0) return;
  dumpIovData(<usize>iov + 8, <usize>end, limit);
}

/**
 * strace's dumpiov_in_mmsghdr: for each of the `rval` entries of an MMSGHDR capture (read at exit),
 * ` = N buffers in vector i`, then its iovecs up to the entry's msg_len.
 */
function dumpMmsg(): void {
  if (!findCap(1, CK_MMSGHDR, true) || capLen < 8) return;
  const end = capData + <usize>capLen;
  const n = min<u64>(<u64>load<u32>(capData), <u64>rval);
  let q = capData + 8;
  for (let i: u32 = 0; <u64>i < n; i++) {
    if (q + 8 + <usize>SIZEOF_MSGHDR > end) break;
    const entLen = load<u32>(q);
    const msgLen = load<u32>(q + 4);
    const hdr = q + 8;
    const entEnd = min<usize>(hdr + <usize>entLen, end);
    dumpVectorHeader(load<u64>(hdr + MSGHDR_MSG_IOVLEN), i);
    const name = hdr + <usize>SIZEOF_MSGHDR;
    const iov = name + 8 + ((<usize>load<u32>(name + 4) + 7) & ~(<usize>7));
    if (iov + 16 <= entEnd && load<u32>(iov) == 0) dumpIovData(iov + 8, entEnd, <u64>msgLen);
    q = hdr + <usize>entLen;
  }
}

/** An IOVEC capture's data between p and end, dumped buffer by buffer. */
function dumpIovData(p: usize, end: usize, limit: u64): void {
  const n = load<u32>(p);
  let q = p + 8;
  let left = limit;
  for (let j: u32 = 0; j < n; j++) {
    if (q + 24 > end) break;
    let len = load<u64>(q + 8);
    const status = load<u32>(q + 16);
    const clen = load<u32>(q + 20);
    const data = q + 24;
    if (len > left) len = left;
    if (len == 0) break;
    left -= len;
    dumpIovHeader(len, j);
    if (status != <u32>CS_FAULT && <u64>clen >= len) dumpBytes(data, <u32>len);
    else if (status == <u32>CS_PARTIAL) dumpReadable(load<u64>(q), data, <u64>clen, len);
    q = data + ((<usize>clen + 7) & ~(<usize>7));
  }
}

/** Prints the dumps that follow the line of syscall `nr` just finished (call state is its exit). */
export function dumpIo(nr: u32): void {
  if (!active || nr >= syscallCount()) return;
  const kind = load<u8>(kinds + <usize>nr);
  if (kind == NONE) return;
  const fd = <i32>arg(0);
  if (kind == WRITE_BUF && writeSet.has(fd)) {
    const len = arg(2);
    if (len != 0 && findCap(1, CK_BUFFER_ARG_LEN, false) && <u64>capLen >= len) dumpBytes(capData, <u32>len);
    else if (len != 0 && capPartial()) dumpReadable(arg(1), capData, <u64>capLen, len);
  } else if (kind == WRITE_IOV && writeSet.has(fd)) {
    dumpIov(false, 0xffffffffffffffff);
  } else if (kind == WRITE_MSG && writeSet.has(fd)) {
    dumpMsgIov(false, 0xffffffffffffffff);
  } else if (kind == WRITE_MMSG && writeSet.has(fd)) {
    if (!isError && rval > 0) dumpMmsg();
  } else if (isError || rval <= 0) {
    return;
  } else if (kind == READ_BUF && readSet.has(fd)) {
    if (findCap(1, CK_BUFFER_RET_LEN, true) && <u64>capLen >= <u64>rval) dumpBytes(capData, <u32>rval);
  } else if (kind == READ_IOV && readSet.has(fd)) {
    dumpIov(true, <u64>rval);
  } else if (kind == READ_MSG && readSet.has(fd)) {
    dumpMsgIov(true, <u64>rval);
  } else if (kind == READ_MMSG && readSet.has(fd)) {
    dumpMmsg();
  }
}
