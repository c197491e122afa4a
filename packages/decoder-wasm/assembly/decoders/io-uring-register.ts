// io_uring_register(fd, opcode, arg, nr_args) as strace 6.1's io_uring.c prints it: what `arg`
// points at depends on the opcode (an iovec array, an fd array, a struct with arrays of its own, a
// probe the kernel fills, a cpu mask). Captures (core): the argument as nr_args 16-byte elements
// and as nr_args bytes (data/extra-captures.ts), the fixed structs by opcode
// (data/value-captures.ts), the arrays the structs point at (data/pointees.ts), every open fd
// under -y (data/payload-fds.ts).

import { arg, capData, capLen, capPartial, exiting, findCap, findCapPrefix, isError } from "../call";
import {
  IO_URING_FILES_UPDATE_FDS,
  IO_URING_RSRC_REGISTER_DATA,
  IO_URING_RSRC_REGISTER_TAGS,
  IO_URING_RSRC_UPDATE2_DATA,
  IO_URING_RSRC_UPDATE2_TAGS,
  SIZEOF_IO_URING_RSRC_REGISTER,
} from "../layouts";
import { strsize, verbose } from "../options";
import { outLen, putc, puts } from "../out";
import { findPointee, ptData, ptLen } from "../pointee";
import { printFdElem } from "../print/fd";
import { putAddr, putHex, putI64, putU64 } from "../print/num";
import { FMT_DEC, FMT_HEX, restyle } from "../print/style";
import { printEnum, printFlags, putRef } from "../print/xlat";
import { CK_ARRAY, CK_STRUCT_IF } from "../record";
import { findTable, lookup, NO_REF } from "../tables";
import { printFd } from "./args";
import { printArrayOf } from "./array";
import { extData, findExt, printExtTail } from "./ext-struct";
import { F_U, F_X, Field, isZero, printFields, printNumArray } from "./ioctl-fields";
import { printIovAddr } from "./mem";
import { RVAL_DECODED } from "./rval";

// enum io_uring_register_op (include/uapi/linux/io_uring.h): the opcodes whose argument strace
// 6.1 decodes; the others print their argument's address.
const REGISTER_BUFFERS: u32 = 0;
const REGISTER_FILES: u32 = 2;
const REGISTER_EVENTFD: u32 = 4;
const REGISTER_FILES_UPDATE: u32 = 6;
const REGISTER_EVENTFD_ASYNC: u32 = 7;
const REGISTER_PROBE: u32 = 8;
const REGISTER_RESTRICTIONS: u32 = 11;
const REGISTER_FILES2: u32 = 13;
const REGISTER_FILES_UPDATE2: u32 = 14;
const REGISTER_BUFFERS2: u32 = 15;
const REGISTER_BUFFERS_UPDATE: u32 = 16;
const REGISTER_IOWQ_AFF: u32 = 17;
const REGISTER_IOWQ_MAX_WORKERS: u32 = 19;
const REGISTER_RING_FDS: u32 = 20;
const UNREGISTER_RING_FDS: u32 = 21;
const REGISTER_PBUF_RING: u32 = 22;
const UNREGISTER_PBUF_RING: u32 = 23;

/** enum io_uring_register_restriction_op: what a restriction's union byte holds. */
const RESTRICTION_REGISTER_OP: u32 = 0;
const RESTRICTION_SQE_OP: u32 = 1;
const RESTRICTION_SQE_FLAGS_ALLOWED: u32 = 2;
const RESTRICTION_SQE_FLAGS_REQUIRED: u32 = 3;

/** Every element io_uring_register's arrays hold is this wide or a prefix of it (core's read). */
const ELEM: u32 = 16;
/** struct io_uring_probe's header and each struct io_uring_probe_op after it. */
const PROBE_HEAD: u32 = 16;
const PROBE_OP: u32 = 8;
/** strace prints a probe of at most this many ops (more: the address). */
const PROBE_MAX_OPS: u32 = 256;
/** strace 6.1's struct io_uring_buf_reg. */
const BUF_REG_SIZE: u32 = 40;
/** get_cpuset_size() where the kernel takes 1024 cpus: the most of a cpu mask strace reads. */
const CPUSET_MAX: u32 = 128;

let T_OPCODES: i32 = -2;
let T_OPS: i32 = -2;
let T_OP_FLAGS: i32 = -2;
let T_RESTRICTION: i32 = -2;
let T_SQE_FLAGS: i32 = -2;
let T_RSRC_FLAGS: i32 = -2;
let T_FILES_UPDATE_FDS: i32 = -2;
let T_IOWQ_ACCT: i32 = -2;

function tables(): void {
  if (T_OPCODES != -2) return;
  T_OPCODES = findTable("uring_register_opcodes");
  T_OPS = findTable("uring_ops");
  T_OP_FLAGS = findTable("uring_op_flags");
  T_RESTRICTION = findTable("uring_restriction_opcodes");
  T_SQE_FLAGS = findTable("uring_sqe_flags");
  T_RSRC_FLAGS = findTable("uring_register_rsrc_flags");
  T_FILES_UPDATE_FDS = findTable("uring_files_update_fds");
  T_IOWQ_ACCT = findTable("uring_iowq_acct");
}

// --- array elements -------------------------------------------------------------------------

/** print_fd_array_member: an fd, with what it names under -y. */
function printFdMember(p: usize): void {
  printFdElem(load<i32>(p));
}

/** print_files_update_array_member: -2 is IORING_REGISTER_FILES_SKIP, other fds below -1 numbers. */
function printFilesUpdateMember(p: usize): void {
  const fd = load<i32>(p);
  if (fd >= -1) {
    printFdElem(fd);
    return;
  }
  const start = outLen;
  const ref = lookup(T_FILES_UPDATE_FDS, <u64>(<u32>fd));
  if (ref != NO_REF) putRef(ref);
  else putI64(<i64>fd);
  restyle(start, <u64>(<i64>fd), FMT_DEC);
}

function printHexU64Member(p: usize): void {
  const v = load<u64>(p);
  const start = outLen;
  putHex(v);
  restyle(start, v, FMT_HEX);
}

function printIovMember(p: usize): void {
  printIovAddr(p, ELEM);
}

const RESTRICTION_RESV: Field[] = [new Field("resv", 3, 1, F_X)];

/** struct io_uring_restriction: the opcode, then what its union byte means for that opcode. */
function printRestriction(p: usize): void {
  const opcode = <u32>load<u16>(p);
  const u = <u64>load<u8>(p + 2);
  puts("{opcode=");
  printEnum(T_RESTRICTION, <u64>opcode);
  if (opcode == RESTRICTION_REGISTER_OP) {
    puts(", register_op=");
    printEnum(T_OPCODES, u);
  } else if (opcode == RESTRICTION_SQE_OP) {
    puts(", sqe_op=");
    printEnum(T_OPS, u);
  } else if (opcode == RESTRICTION_SQE_FLAGS_ALLOWED || opcode == RESTRICTION_SQE_FLAGS_REQUIRED) {
    puts(", sqe_flags=");
    printFlags(T_SQE_FLAGS, u);
  } else {
    // tprintf_comment("op: %#x")
    puts(" /* op: ");
    putHex(u);
    puts(" */");
  }
  if (load<u8>(p + 3) != 0) printFields(p, RESTRICTION_RESV, false);
  if (!isZero(p + 4, 12)) {
    puts(", resv2=");
    printNumArray(p + 4, 3, 4, true);
  }
  putc(0x7d);
}

/** struct io_uring_rsrc_update as RING_FDS registers it: where (-1: the first free), the fd. */
function printRingFdRegister(p: usize): void {
  const offset = load<u32>(p);
  puts("{offset=");
  if (offset == 0xffffffff) putI64(-1);
  else putU64(<u64>offset);
  if (load<u32>(p + 4) != 0) printFields(p, RSRC_UPDATE_RESV, false);
  puts(", data=");
  printFdElem(<i32>load<u64>(p + 8));
  putc(0x7d);
}

const RSRC_UPDATE_RESV: Field[] = [new Field("resv", 4, 4, F_X)];
const RSRC_UPDATE_DATA: Field[] = [new Field("data", 8, 8, F_X)];

/** ... and as UNREGISTER_RING_FDS passes it: the offset, and data only when set (unused). */
function printRingFdUnregister(p: usize): void {
  puts("{offset=");
  putU64(<u64>load<u32>(p));
  if (load<u32>(p + 4) != 0) printFields(p, RSRC_UPDATE_RESV, false);
  if (load<u64>(p + 8) != 0) printFields(p, RSRC_UPDATE_DATA, false);
  putc(0x7d);
}

/** IOWQ_MAX_WORKERS' array: the first element's address, for each element's index. */
let workersBase: usize = 0;

/** `[IO_WQ_BOUND]=N` (print_array_ex with PAF_PRINT_INDICES, values unsigned). */
function printWorkersMember(p: usize): void {
  putc(0x5b);
  printEnum(T_IOWQ_ACCT, <u64>((p - workersBase) / 4), true);
  puts("]=");
  putU64(<u64>load<u32>(p));
}

// --- the argument, by opcode -------------------------------------------------------------------

/** The argument's readable prefix as nr_args 16-byte elements (entry), in capData/capLen. */
function elems(): bool {
  return findCap(2, CK_ARRAY, false) || capPartial();
}

/** `n` elements of `size` bytes at the argument, from its 16-byte-element capture. */
function printArgArray(n: u64, size: u32, elem: (p: usize) => void): void {
  const have = elems();
  printArrayOf(arg(2), have ? capData : 0, have ? capLen : 0, n, size, elem);
}

/** An array a struct points at (`offset` bytes into the struct at the argument): `nr` elements. */
function printPointee(ptr: u64, offset: u32, nr: u64, size: u32, elem: (p: usize) => void): void {
  const found = findPointee(2, offset, false);
  printArrayOf(ptr, found ? ptData : 0, found ? ptLen : 0, nr, size, elem);
}

const FILES_UPDATE_HEAD: Field[] = [new Field("offset", 0, 4, F_U)];
const FILES_UPDATE_RESV: Field[] = [new Field("resv", 4, 4, F_X)];

/** struct io_uring_files_update and its nr_args fds. */
function printFilesUpdate(addr: u64, n: u64): void {
  if (!findCap(2, CK_STRUCT_IF, false) || capLen < 16) {
    putAddr(addr);
    return;
  }
  const p = capData;
  putc(0x7b);
  printFields(p, FILES_UPDATE_HEAD);
  if (load<u32>(p + 4) != 0) printFields(p, FILES_UPDATE_RESV, false);
  puts(", fds=");
  printPointee(
    load<u64>(p + IO_URING_FILES_UPDATE_FDS),
    IO_URING_FILES_UPDATE_FDS,
    n,
    4,
    printFilesUpdateMember,
  );
  putc(0x7d);
}

/** The data array of a rsrc struct: fds (FILES2 plain, FILES_UPDATE2 with SKIP) or iovecs. */
function printRsrcData(p: usize, offset: u32, nr: u64, op: u32): void {
  puts(", data=");
  const ptr = load<u64>(p + offset);
  if (op == REGISTER_FILES2) printPointee(ptr, offset, nr, 4, printFdMember);
  else if (op == REGISTER_FILES_UPDATE2) printPointee(ptr, offset, nr, 4, printFilesUpdateMember);
  else printPointee(ptr, offset, nr, ELEM, printIovMember);
}

function printRsrcTags(p: usize, offset: u32, nr: u64): void {
  puts(", tags=");
  printPointee(load<u64>(p + offset), offset, nr, 8, printHexU64Member);
}

const RSRC_REGISTER_NR: Field[] = [new Field("nr", 0, 4, F_U)];
const RSRC_REGISTER_RESV2: Field[] = [new Field("resv2", 8, 8, F_X)];
const RSRC_UPDATE2_HEAD: Field[] = [new Field("offset", 0, 4, F_U)];
const RSRC_UPDATE2_RESV: Field[] = [new Field("resv", 4, 4, F_X)];
const RSRC_UPDATE2_NR: Field[] = [new Field("nr", 24, 4, F_U)];
const RSRC_UPDATE2_RESV2: Field[] = [new Field("resv2", 28, 4, F_X)];

/**
 * FILES2/BUFFERS2 (struct io_uring_rsrc_register) and FILES_UPDATE2/BUFFERS_UPDATE (struct
 * io_uring_rsrc_update2), whose size nr_args gives: at least the 32 bytes strace knows, then
 * what print_nonzero_bytes says of the rest.
 */
function printRsrc(addr: u64, size: u64, op: u32): void {
  const known = SIZEOF_IO_URING_RSRC_REGISTER;
  if (size < <u64>known || !findExt(2, known)) {
    putAddr(addr);
    return;
  }
  const p = extData;
  putc(0x7b);
  if (op == REGISTER_FILES2 || op == REGISTER_BUFFERS2) {
    const nr = <u64>load<u32>(p);
    printFields(p, RSRC_REGISTER_NR);
    puts(", flags=");
    printFlags(T_RSRC_FLAGS, <u64>load<u32>(p + 4));
    if (load<u64>(p + 8) != 0) printFields(p, RSRC_REGISTER_RESV2, false);
    printRsrcData(p, IO_URING_RSRC_REGISTER_DATA, nr, op);
    printRsrcTags(p, IO_URING_RSRC_REGISTER_TAGS, nr);
  } else {
    const nr = <u64>load<u32>(p + 24);
    printFields(p, RSRC_UPDATE2_HEAD);
    if (load<u32>(p + 4) != 0) printFields(p, RSRC_UPDATE2_RESV, false);
    printRsrcData(p, IO_URING_RSRC_UPDATE2_DATA, nr, op);
    printRsrcTags(p, IO_URING_RSRC_UPDATE2_TAGS, nr);
    printFields(p, RSRC_UPDATE2_NR, false);
    if (load<u32>(p + 28) != 0) printFields(p, RSRC_UPDATE2_RESV2, false);
  }
  printExtTail(known, size);
  putc(0x7d);
}

/** IOWQ_AFF's cpu mask: nr_args bytes (at most strace's cpuset size), the set bits' numbers. */
function printAffinity(addr: u64, n: u64): void {
  if (addr == 0) {
    puts("NULL");
    return;
  }
  if (n == 0) {
    puts("[]");
    return;
  }
  const want = <u32>(n < <u64>CPUSET_MAX ? n : <u64>CPUSET_MAX);
  if (!findExt(2, want)) {
    putAddr(addr);
    return;
  }
  putc(0x5b);
  let first = true;
  for (let i: u32 = 0; i < want * 8; i++) {
    if (((<u32>load<u8>(extData + <usize>(i >> 3)) >> (i & 7)) & 1) == 0) continue;
    if (!first) putc(0x20);
    first = false;
    putU64(<u64>i);
  }
  // the mask is rounded up to whole longs; a longer one than strace reads ends in `...`
  if (<u64>((want + 7) & ~7) < n) puts(first ? "..." : " ...");
  putc(0x5d);
}

/**
 * IOWQ_MAX_WORKERS' u32 per work queue kind, at entry from the element capture, at exit from the
 * value capture; true when every element strace looks at was readable (it then shows the
 * kernel's answer at exit).
 */
function printWorkers(addr: u64, n: u64, atExit: bool): bool {
  let data: usize = 0;
  let readable: u32 = 0;
  if (atExit ? findCap(2, CK_STRUCT_IF, true) || capPartial() : elems()) {
    data = capData;
    readable = capLen;
  }
  workersBase = data;
  printArrayOf(addr, data, readable, n, 4, printWorkersMember);
  if (addr == 0 || n == 0) return false;
  const looked: u64 = !verbose && <u64>strsize < n ? <u64>strsize + 1 : n;
  return <u64>readable >= looked * 4;
}

const PROBE_RESV: Field[] = [new Field("resv", 2, 2, F_X)];
const PROBE_OPS_LEN: Field[] = [new Field("ops_len", 1, 1, F_U)];
const PROBE_OP_RESV: Field[] = [new Field("resv", 1, 1, F_X)];
const PROBE_OP_RESV2: Field[] = [new Field("resv2", 4, 4, F_X)];

function printProbeOp(p: usize): void {
  puts("{op=");
  printEnum(T_OPS, <u64>load<u8>(p), true);
  if (load<u8>(p + 1) != 0) printFields(p, PROBE_OP_RESV, false);
  puts(", flags=");
  printFlags(T_OP_FLAGS, <u64>load<u16>(p + 2));
  if (load<u32>(p + 4) != 0) printFields(p, PROBE_OP_RESV2, false);
  putc(0x7d);
}

/** struct io_uring_probe and `count` of its ops (`truncated`: the kernel has more). */
function printProbe(p: usize, count: u32, truncated: bool): void {
  puts("{last_op=");
  printEnum(T_OPS, <u64>load<u8>(p), true);
  printFields(p, PROBE_OPS_LEN, false);
  if (load<u16>(p + 2) != 0) printFields(p, PROBE_RESV, false);
  if (!isZero(p + 4, 12)) {
    puts(", resv2=");
    printNumArray(p + 4, 3, 4, true);
  }
  puts(", ops=");
  // a local array: any non-zero address will do, all of it was read
  printArrayOf(1, p + PROBE_HEAD, count * PROBE_OP, <u64>count, PROBE_OP, printProbeOp, truncated);
  putc(0x7d);
}

/** The probe the caller passes, when strace shows it at entry: readable and not all zeros. */
function probeShownAtEntry(n: u32): bool {
  const size = PROBE_HEAD + n * PROBE_OP;
  return findCapPrefix(2, CK_STRUCT_IF, false, size) && !isZero(capData, size);
}

/** REGISTER_PROBE: the caller's probe at entry (when not zeros), the kernel's at exit. */
function printProbeStop(addr: u64, n: u64): i32 {
  if (n > <u64>PROBE_MAX_OPS) {
    putAddr(addr);
    return RVAL_DECODED;
  }
  const ops = <u32>n;
  const size = PROBE_HEAD + ops * PROBE_OP;
  if (!exiting) {
    if (!findCapPrefix(2, CK_STRUCT_IF, false, size)) {
      putAddr(addr);
      return RVAL_DECODED;
    }
    if (isZero(capData, size)) return 0;
    printProbe(capData, ops, false);
    return 0;
  }
  const shown = probeShownAtEntry(ops);
  if (isError) {
    if (!shown) putAddr(addr);
    return RVAL_DECODED;
  }
  if (shown) puts(" => ");
  if (!findCapPrefix(2, CK_STRUCT_IF, true, size)) {
    putAddr(addr);
    return RVAL_DECODED;
  }
  const opsLen = <u32>load<u8>(capData + 1);
  printProbe(capData, min<u32>(opsLen, ops), ops < opsLen);
  return RVAL_DECODED;
}

const BUF_REG_HEAD: Field[] = [new Field("ring_entries", 8, 4, F_U), new Field("bgid", 12, 2, F_U)];
const BUF_REG_PAD: Field[] = [new Field("pad", 14, 2, F_X)];

/** PBUF_RING's struct io_uring_buf_reg as strace 6.1 knows it (pad, then three u64 reserved). */
function printBufReg(addr: u64): void {
  if (!findCap(2, CK_STRUCT_IF, false) || capLen < BUF_REG_SIZE) {
    putAddr(addr);
    return;
  }
  const p = capData;
  puts("{ring_addr=");
  putAddr(load<u64>(p));
  printFields(p, BUF_REG_HEAD, false);
  if (load<u16>(p + 14) != 0) printFields(p, BUF_REG_PAD, false);
  if (!isZero(p + 16, 24)) {
    puts(", resv=");
    printNumArray(p + 16, 3, 8, true);
  }
  putc(0x7d);
}

/** The argument at entry; returns what strace's SYS_FUNC returns (0: more at exit). */
function printArgAtEntry(op: u32, addr: u64, n: u64): i32 {
  switch (op) {
    case REGISTER_BUFFERS:
      printArgArray(n, ELEM, printIovMember);
      break;
    case REGISTER_FILES:
    case REGISTER_EVENTFD:
    case REGISTER_EVENTFD_ASYNC:
      printArgArray(n, 4, printFdMember);
      break;
    case REGISTER_FILES_UPDATE:
      printFilesUpdate(addr, n);
      break;
    case REGISTER_PROBE:
      return printProbeStop(addr, n);
    case REGISTER_RESTRICTIONS:
      printArgArray(n, ELEM, printRestriction);
      break;
    case REGISTER_FILES2:
    case REGISTER_BUFFERS2:
    case REGISTER_FILES_UPDATE2:
    case REGISTER_BUFFERS_UPDATE:
      printRsrc(addr, n, op);
      break;
    case REGISTER_IOWQ_AFF:
      printAffinity(addr, n);
      break;
    case REGISTER_IOWQ_MAX_WORKERS:
      if (!printWorkers(addr, n, false)) return RVAL_DECODED;
      puts(" => ");
      return 0;
    case REGISTER_RING_FDS:
      printArgArray(n, ELEM, printRingFdRegister);
      break;
    case UNREGISTER_RING_FDS:
      printArgArray(n, ELEM, printRingFdUnregister);
      break;
    case REGISTER_PBUF_RING:
    case UNREGISTER_PBUF_RING:
      printBufReg(addr);
      break;
    default:
      putAddr(addr);
  }
  return RVAL_DECODED;
}

export function decodeIoUringRegister(): i32 {
  tables();
  const op = <u32>arg(1);
  const addr = arg(2);
  const n = <u64>(<u32>arg(3));
  let rc: i32 = RVAL_DECODED;
  if (!exiting) {
    printFd(0);
    puts(", ");
    printEnum(T_OPCODES, <u64>op);
    puts(", ");
    rc = printArgAtEntry(op, addr, n);
    if (rc == 0) return 0;
  } else if (op == REGISTER_PROBE) {
    printProbeStop(addr, n);
  } else if (op == REGISTER_IOWQ_MAX_WORKERS) {
    // what the kernel answered (tfetch_mem fails on a failed call: the address)
    if (isError) putAddr(addr);
    else printWorkers(addr, n, true);
  }
  puts(", ");
  putU64(n);
  return RVAL_DECODED;
}
