// io_setup's context comes from its row; io_getevents and io_pgetevents (strace's aio.c): the
// events the call returned (struct io_event), then the timeout and signal mask the kernel read at
// entry, printed whether or not the call failed. io_submit's control blocks (struct iocb, behind
// an array of pointers core's extra capture follows, with each one's buffer or iovec array) and
// the block io_cancel names, with the event it returns.

import { arg, capData, capLen, capPartial, exiting, findCap, isError, rval } from "../call";
import { T_POLLFLAGS } from "../known";
import { T_RWF_FLAGS } from "../known-tail";
import {
  IOCB_AIO_BUF,
  IOCB_AIO_DATA,
  IOCB_AIO_FILDES,
  IOCB_AIO_FLAGS,
  IOCB_AIO_KEY,
  IOCB_AIO_LIO_OPCODE,
  IOCB_AIO_NBYTES,
  IOCB_AIO_OFFSET,
  IOCB_AIO_REQPRIO,
  IOCB_AIO_RESFD,
  IOCB_AIO_RW_FLAGS,
  SIZEOF_IOCB,
} from "../layouts";
import { strsize, verbose } from "../options";
import { outLen, putc, puts } from "../out";
import { printFdElem } from "../print/fd";
import { putAddr, putHex, putI64, putU64 } from "../print/num";
import { printBuffer } from "../print/quote";
import { FMT_HEX, restyle } from "../print/style";
import { printEnum, printFlags } from "../print/xlat";
import { CK_ARRAY, CK_STRUCT } from "../record";
import { argKind, argParam, findTable } from "../tables";
import { printArg } from "./args";
import { printElems } from "./elems";
import { printIoprio } from "./ioprio";
import { RVAL_DECODED } from "./rval";
import { printKernelSigset } from "./select";

/** sizeof(struct io_event) (include/uapi/linux/aio_abi.h): data, obj, res, res2, every ABI. */
const IO_EVENT_SIZE: u32 = 32;

function printIoEvent(p: usize, size: u32): void {
  puts("{data=");
  putHex(load<u64>(p));
  puts(", obj=");
  putHex(load<u64>(p + 8));
  puts(", res=");
  putI64(load<i64>(p + 16));
  puts(", res2=");
  putI64(load<i64>(p + 24));
  puts("}");
  changetype<usize>(size);
}

/** io_getevents(ctx, min_nr, nr, events, timeout) and io_pgetevents(…, usig). */
export function decodeIoGetevents(r: u32, withSig: bool): i32 {
  if (!exiting) {
    putAddr(arg(0));
    puts(", ");
    putI64(<i64>arg(1));
    puts(", ");
    putI64(<i64>arg(2));
    puts(", ");
    return 0;
  }
  // print_array with tfetch_mem: NULL by name, a failed call's array by its address
  if (isError && arg(3) != 0) putAddr(arg(3));
  else printElems(3, isError ? 0 : <u64>rval, IO_EVENT_SIZE, true, printIoEvent);
  puts(", ");
  printArg(4, argKind(r, 4), argParam(r, 4));
  if (withSig) {
    puts(", ");
    printKernelSigset(5);
  }
  return RVAL_DECODED;
}

/** include/uapi/linux/aio_abi.h: the commands whose buffers strace prints, and the flags. */
const CMD_PREAD: u32 = 0;
const CMD_PWRITE: u32 = 1;
const CMD_POLL: u32 = 5;
const CMD_PREADV: u32 = 7;
const CMD_PWRITEV: u32 = 8;
const FLAG_RESFD: u32 = 1;
const FLAG_IOPRIO: u32 = 2;

let T_AIO_CMDS: i32 = -2;
let T_IOCB_FLAGS: i32 = -2;

function tables(): void {
  if (T_AIO_CMDS != -2) return;
  T_AIO_CMDS = findTable("aio_cmds");
  T_IOCB_FLAGS = findTable("aio_iocb_flags");
}

function hexField(name: string, v: u64): void {
  puts(name);
  const start = outLen;
  putHex(v);
  restyle(start, v, FMT_HEX);
}

/** print_iocb_header: the caller's data, key, flags, command, priority and fd. */
function printIocbHeader(p: usize): u32 {
  tables();
  hexField("aio_data=", load<u64>(p + IOCB_AIO_DATA));
  const key = load<u32>(p + IOCB_AIO_KEY);
  if (key != 0) {
    puts(", aio_key=");
    putU64(<u64>key);
  }
  const rw = load<u32>(p + IOCB_AIO_RW_FLAGS);
  if (rw != 0) {
    puts(", aio_rw_flags=");
    printFlags(T_RWF_FLAGS, <u64>rw);
  }
  const cmd = <u32>load<u16>(p + IOCB_AIO_LIO_OPCODE);
  puts(", aio_lio_opcode=");
  printEnum(T_AIO_CMDS, <u64>cmd, true);
  const prio = load<u16>(p + IOCB_AIO_REQPRIO);
  if (load<u32>(p + IOCB_AIO_FLAGS) & FLAG_IOPRIO) {
    puts(", aio_reqprio=");
    printIoprio(<u32>prio);
  } else if (prio != 0) {
    puts(", aio_reqprio=");
    putI64(<i64>(<i16>prio));
  }
  puts(", aio_fildes=");
  printFdElem(load<i32>(p + IOCB_AIO_FILDES));
  return cmd;
}

/** The flags and result fd a command with a buffer carries. */
function printCommonFlags(p: usize): void {
  const flags = load<u32>(p + IOCB_AIO_FLAGS);
  if (flags != 0) {
    puts(", aio_flags=");
    printFlags(T_IOCB_FLAGS, <u64>flags);
  }
  const resfd = load<u32>(p + IOCB_AIO_RESFD);
  if (flags & FLAG_RESFD) {
    puts(", aio_resfd=");
    printFdElem(<i32>resfd);
  } else if (resfd != 0) hexField(", aio_resfd=", <u64>resfd);
}

/**
 * The iovecs a PREADV or PWRITEV names (strace's tprint_iov, by their ranges: the data behind
 * them is not captured): `n` of them at `addr`, `have` bytes read at q.
 */
function printIocbIovecs(addr: u64, n: u64, q: usize, have: u32, status: u32): void {
  if (addr == 0) {
    puts("NULL");
    return;
  }
  if (n == 0) {
    puts("[]");
    return;
  }
  const avail: u64 = <u64>(have / 16);
  const shown: u64 = !verbose && <u64>strsize < n ? <u64>strsize : n;
  for (let j: u64 = 0; j < n; j++) {
    if (j >= avail) {
      if (j == 0) putAddr(addr);
      else {
        puts(", ... /* ");
        putAddr(addr + j * 16);
        puts(" */]");
      }
      return;
    }
    putc(j == 0 ? 0x5b : 0x2c);
    if (j > 0) putc(0x20);
    if (j >= shown) {
      puts("...");
      break;
    }
    const e = q + <usize>(j * 16);
    puts("{iov_base=");
    putAddr(load<u64>(e));
    puts(", iov_len=");
    putU64(load<u64>(e + 8));
    putc(0x7d);
  }
  putc(0x5d);
  changetype<usize>(status);
}

/**
 * print_iocb: the header, then by command its buffer (a PWRITE's data, a vector's iovecs, POLL's
 * events), length, offset and flags; `q`/`have`/`status`: what the capture read of the buffer.
 */
function printIocb(p: usize, q: usize, have: u32, status: u32): void {
  putc(0x7b);
  const cmd = printIocbHeader(p);
  const buf = load<u64>(p + IOCB_AIO_BUF);
  const nbytes = load<u64>(p + IOCB_AIO_NBYTES);
  // iocb_is_valid: a length that fits a ssize_t
  const valid = <i64>nbytes >= 0;
  if (cmd == CMD_PREAD || cmd == CMD_PWRITE) {
    if (cmd == CMD_PWRITE && valid) {
      puts(", aio_buf=");
      // printstrn: min(-s + 1, length) bytes, or the address when they are not all readable
      const want = min<u64>(nbytes, <u64>strsize + 1);
      if (buf == 0) puts("NULL");
      else if (<u64>have < want) putAddr(buf);
      else printBuffer(q, <u64>have < nbytes ? have : <u32>nbytes, nbytes);
    } else hexField(", aio_buf=", buf);
    puts(", aio_nbytes=");
    putU64(nbytes);
    puts(", aio_offset=");
    putI64(load<i64>(p + IOCB_AIO_OFFSET));
    printCommonFlags(p);
  } else if (cmd == CMD_PREADV || cmd == CMD_PWRITEV) {
    if (valid) {
      puts(", aio_buf=");
      printIocbIovecs(buf, nbytes, q, have, status);
    } else {
      hexField(", aio_buf=", buf);
      puts(", aio_nbytes=");
      putU64(nbytes);
    }
    puts(", aio_offset=");
    putI64(load<i64>(p + IOCB_AIO_OFFSET));
    printCommonFlags(p);
  } else if (cmd == CMD_POLL) {
    puts(", aio_buf=");
    printFlags(T_POLLFLAGS, buf);
    printCommonFlags(p);
  }
  putc(0x7d);
}

/** io_submit(ctx, nr, iocbpp): the control blocks behind the pointers (strace's print_array). */
export function decodeIoSubmit(): i32 {
  putAddr(arg(0));
  puts(", ");
  const nr = <i64>arg(1);
  putI64(nr);
  puts(", ");
  const start = arg(2);
  if (nr < 0) putAddr(start);
  else if (start == 0) puts("NULL");
  else if (nr == 0) puts("[]");
  else printIocbArray(start, <u64>nr);
  return RVAL_DECODED;
}

function printIocbArray(start: u64, n: u64): void {
  if (start + n * 8 <= start || n > <u64>0xffffffffffffffff / 8) {
    putAddr(start);
    return;
  }
  let q: usize = 0;
  let end: usize = 0;
  let avail: u64 = 0;
  if ((findCap(2, CK_ARRAY, false) || capPartial()) && capLen >= 8) {
    q = capData + 8;
    end = capData + <usize>capLen;
    avail = <u64>load<u32>(capData);
  }
  const shown: u64 = !verbose && <u64>strsize < n ? <u64>strsize : n;
  for (let j: u64 = 0; j < n; j++) {
    if (j >= avail || q + 16 > end) {
      if (j == 0) putAddr(start);
      else {
        puts(", ... /* ");
        putAddr(start + j * 8);
        puts(" */]");
      }
      return;
    }
    putc(j == 0 ? 0x5b : 0x2c);
    if (j > 0) putc(0x20);
    if (j >= shown) {
      puts("...");
      break;
    }
    // one entry: the pointer, the struct's status and length, the struct, then its buffer
    const ptr = load<u64>(q);
    const st = load<u32>(q + 8);
    const slen = load<u32>(q + 12);
    q += 16;
    if (st != 0 || slen < SIZEOF_IOCB) {
      if (ptr == 0) puts("NULL");
      else putAddr(ptr);
      continue;
    }
    // The struct and its buffer's header must lie inside the capture, and the buffer's length
    // is believed only up to the capture's end: a corrupt recording must not read past it.
    const p = q;
    const head = q + ((<usize>slen + 7) & ~(<usize>7));
    if (<u64>slen > <u64>(end - q) || head + 24 > end) {
      puts("...");
      break;
    }
    const bstatus = load<u32>(head + 16);
    const data = head + 24;
    const blen = min<u32>(load<u32>(head + 20), <u32>(end - data));
    q = data + ((<usize>blen + 7) & ~(<usize>7));
    printIocb(p, data, blen, bstatus);
  }
  putc(0x5d);
}

/** io_cancel(ctx, iocb, result): the block's header at entry, the event at exit. */
export function decodeIoCancel(): i32 {
  if (!exiting) {
    putAddr(arg(0));
    puts(", ");
    if (arg(1) != 0 && findCap(1, CK_STRUCT, false) && capLen >= SIZEOF_IOCB) {
      putc(0x7b);
      printIocbHeader(capData);
      putc(0x7d);
    } else putAddr(arg(1));
    puts(", ");
    return 0;
  }
  if (!isError && arg(2) != 0 && findCap(2, CK_STRUCT, true) && capLen >= IO_EVENT_SIZE)
    printIoEvent(capData, IO_EVENT_SIZE);
  else putAddr(arg(2));
  return RVAL_DECODED;
}
