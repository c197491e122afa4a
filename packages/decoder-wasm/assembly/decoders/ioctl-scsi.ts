// SCSI generic requests (strace 6.1's scsi.c) that are more than an int: SG_SCSI_RESET's reset
// kind, whose no-escalate flag strace names apart (`[SG_SCSI_RESET_NO_ESCALATE|SG_SCSI_RESET_BUS]`);
// SG_IO's struct, v3 or v4, and the buffers it points at.
// The ints given and returned are ioctl-scalar's.

import { capData, capLen, capPartial, findCap, isError } from "../call";
import { strsize, verbose } from "../options";
import { putc, puts } from "../out";
import {
  findPointee,
  findPointeeEach,
  nextPointeeEach,
  peData,
  peGot,
  pePtr,
  ptData,
  ptLen,
  ptPtr,
} from "../pointee";
import { putAddr, putHex, putI64, putU64 } from "../print/num";
import { HEX_ALL, printBuffer } from "../print/quote";
import { printEnum, printFlags } from "../print/xlat";
import { CK_STRUCT_IF } from "../record";
import { nlTable } from "./nl-print";

/** linux scsi/sg.h: the flag ORed into a reset kind. */
const SG_SCSI_RESET_NO_ESCALATE: u32 = 0x100;

/** `[kind]`, `[SG_SCSI_RESET_NO_ESCALATE|kind]` when the flag is set. */
export function printSgScsiReset(p: usize, len: u32): bool {
  if (len < 4) return false;
  const t = nlTable("sg_scsi_reset");
  let v = load<u32>(p);
  putc(0x5b);
  if (v & SG_SCSI_RESET_NO_ESCALATE) {
    printEnum(t, <u64>SG_SCSI_RESET_NO_ESCALATE);
    putc(0x7c);
    v &= ~SG_SCSI_RESET_NO_ESCALATE;
  }
  printEnum(t, <u64>v);
  putc(0x5d);
  return true;
}

/**
 * SG_IO (strace 6.1 sg_io_v3.c, sg_io_v4.c): the struct's first int says which, 'S' for struct
 * sg_io_hdr, 'Q' for struct sg_io_v4; any other prints as `[N]`. The request prints at entry and
 * the struct stays open; the response closes it at exit. The buffers its pointers point at are
 * POINTEE captures (core's data/sg-io.ts): a buffer prints as printstr_ex in hex as far as -s, a
 * scatter list (an iovec count) as its iovecs, each as much of the data as the length left.
 */

/** ioctl's struct argument. */
const SG_ARG: u32 = 2;
/** The interface ids ('S', 'Q') and the sizes strace reads the structs by (x86_64's). */
const SG_V3_ID: u32 = 0x53;
const SG_V4_ID: u32 = 0x51;
const SG_V3_SIZE: u32 = 88;
const SG_V4_SIZE: u32 = 160;
/** scsi/sg.h: the data directions, as the u32 of a negative int. */
const SG_DXFER_TO_DEV: u32 = 0xfffffffe;
const SG_DXFER_FROM_DEV: u32 = 0xfffffffd;
const SG_DXFER_TO_FROM_DEV: u32 = 0xfffffffc;
/** Which POINTEE_EACH (data/sg-io.ts's order) holds a scatter list's data. */
const EACH_V3_DXFERP: u32 = 0;
const EACH_V4_DOUT: u32 = 1;
const EACH_V4_DIN: u32 = 2;
const IOVEC_SIZE: u32 = 16;

/** The entry printed its whole call (an id that is neither, a struct cut short): no exit part. */
let sgClosed = false;

/** Whether SG_IO's entry closed its struct (then the call is decoded); reading clears it. */
export function sgIoEntryClosed(): bool {
  const c = sgClosed;
  sgClosed = false;
  return c;
}

/** PRINT_VAL_X: 0, or the value in hex. */
function putX(v: u64): void {
  if (v == 0) putc(0x30);
  else putHex(v);
}

function field(name: string): void {
  puts(", ");
  puts(name);
  putc(0x3d);
}

/**
 * printstr_ex(ptr, len) of the pointer `off` bytes into the struct (`hex`: QUOTE_FORCE_HEX):
 * NULL, the bytes as far as -s (`...` past them), or the address when they were not all read.
 */
function printSgStr(ptr: u64, len: u64, off: u32, atExit: bool): void {
  if (ptr == 0) {
    puts("NULL");
    return;
  }
  const want = len < <u64>strsize ? <u32>len : <u32>strsize;
  if (!findPointee(SG_ARG, off, atExit) || ptPtr != ptr || ptLen < want) {
    putAddr(ptr);
    return;
  }
  printBuffer(ptData, want, len, HEX_ALL);
}

/**
 * tprint_iov_upto: `count` iovecs at `ptr` (the pointer `off` bytes in, its data the `nth`
 * POINTEE_EACH), each iov_base as far as the `size` bytes left reach.
 */
function printSgIovecs(ptr: u64, count: u64, size: u64, off: u32, nth: u32, atExit: bool): void {
  if (ptr == 0) {
    puts("NULL");
    return;
  }
  if (count == 0) {
    puts("[]");
    return;
  }
  if (!findPointee(SG_ARG, off, atExit, 1) || ptPtr != ptr || ptLen < IOVEC_SIZE) {
    putAddr(ptr);
    return;
  }
  const data = findPointeeEach(SG_ARG, atExit, nth);
  let left = size;
  putc(0x5b);
  for (let i: u64 = 0; i < count; i++) {
    if (i > 0) puts(", ");
    if ((i + 1) * <u64>IOVEC_SIZE > <u64>ptLen) {
      puts("... /* ");
      putAddr(ptr + i * <u64>IOVEC_SIZE);
      puts(" */");
      break;
    }
    if (!verbose && i >= <u64>strsize) {
      puts("...");
      break;
    }
    const e = ptData + <usize>(i * <u64>IOVEC_SIZE);
    const base = load<u64>(e);
    const iovLen = load<u64>(e + 8);
    const len = min<u64>(iovLen, left);
    left -= len;
    const read = data && nextPointeeEach() && pePtr == base;
    puts("{iov_base=");
    // printstrn: NULL, the bytes as far as -s, or the address when not all read
    const want = len < <u64>strsize ? <u32>len : <u32>strsize;
    if (base == 0) puts("NULL");
    else if (!read || peGot < want) putAddr(base);
    else printBuffer(peData, want, len);
    puts(", iov_len=");
    putU64(iovLen);
    putc(0x7d);
  }
  putc(0x5d);
}

/** A buffer field: a scatter list when `iovecs` counts any, else bytes in hex. */
function printSgBuffer(ptr: u64, len: u64, iovecs: u64, off: u32, nth: u32, atExit: bool): void {
  if (iovecs != 0) printSgIovecs(ptr, iovecs, len, off, nth, atExit);
  else printSgStr(ptr, len, off, atExit);
}

/** The id at entry, from its capture (the exit's struct may say otherwise). */
function entryId(): u32 {
  // a struct at a page's end is read in part: its id is there all the same
  return (findCap(SG_ARG, CK_STRUCT_IF, false) || capPartial()) && capLen >= 4 ? load<u32>(capData) : 0;
}

/**
 * SG_IO's struct at entry (the request, left open) or at exit (the response and the closing
 * brace); `len` bytes read at `p` from `addr`. False when not even the id was read.
 */
export function printSgIo(p: usize, len: u32, addr: u64, atExit: bool): bool {
  if (len < 4) return false;
  // after a failed call nothing was read at exit: the caller's buffers stand in
  const readAtExit = atExit && !isError;
  if (atExit) {
    const id = entryId();
    const now = load<u32>(p);
    if (now != id) {
      puts(" => ");
      puts(id == SG_V3_ID ? "interface_id=" : "guard=");
      putU64(<u64>now);
    } else if (id == SG_V3_ID && len >= SG_V3_SIZE) printSgV3Response(p, readAtExit);
    else if (id == SG_V4_ID && len >= SG_V4_SIZE) printSgV4Response(p, readAtExit);
    putc(0x7d);
    return true;
  }
  const id = load<u32>(p);
  if (id != SG_V3_ID && id != SG_V4_ID) {
    putc(0x5b);
    putU64(<u64>id);
    putc(0x5d);
    sgClosed = true;
    return true;
  }
  puts(id == SG_V3_ID ? "{interface_id='S', " : "{guard='Q', ");
  if (len < (id == SG_V3_ID ? SG_V3_SIZE : SG_V4_SIZE)) {
    // strace reads the rest after the id in one go: its address when that fails
    putAddr(addr + 4);
    putc(0x7d);
    sgClosed = true;
    return true;
  }
  if (id == SG_V3_ID) printSgV3Request(p);
  else printSgV4Request(p);
  return true;
}

function printSgV3Request(p: usize): void {
  const dir = load<u32>(p + 4);
  puts("dxfer_direction=");
  printEnum(nlTable("sg_io_dxfer_direction"), <u64>dir);
  const cmdLen = <u64>load<u8>(p + 8);
  field("cmd_len");
  putU64(cmdLen);
  field("cmdp");
  printSgStr(load<u64>(p + 24), cmdLen, 24, false);
  field("mx_sb_len");
  putU64(<u64>load<u8>(p + 9));
  const iovecs = <u64>load<u16>(p + 10);
  field("iovec_count");
  putU64(iovecs);
  field("dxfer_len");
  putU64(<u64>load<u32>(p + 12));
  field("timeout");
  putU64(<u64>load<u32>(p + 40));
  field("flags");
  printFlags(nlTable("sg_io_flags"), <u64>load<u32>(p + 44));
  if (dir == SG_DXFER_TO_DEV || dir == SG_DXFER_TO_FROM_DEV) {
    field("dxferp");
    printSgBuffer(load<u64>(p + 16), <u64>load<u32>(p + 12), iovecs, 16, EACH_V3_DXFERP, false);
  }
}

function printSgV3Response(p: usize, atExit: bool): void {
  const dir = load<u32>(p + 4);
  if (dir == SG_DXFER_FROM_DEV || dir == SG_DXFER_TO_FROM_DEV) {
    let din = <u64>load<u32>(p + 12);
    const resid = load<i32>(p + 72);
    if (resid > 0 && <u64>resid <= din) din -= <u64>resid;
    const iovecs = <u64>load<u16>(p + 10);
    if (dir == SG_DXFER_FROM_DEV) field("dxferp");
    else if (din != 0) puts(" => dxferp=");
    if (dir == SG_DXFER_FROM_DEV || din != 0)
      printSgBuffer(load<u64>(p + 16), din, iovecs, 16, EACH_V3_DXFERP, atExit);
  }
  field("status");
  putX(<u64>load<u8>(p + 64));
  field("masked_status");
  putX(<u64>load<u8>(p + 65));
  field("msg_status");
  putX(<u64>load<u8>(p + 66));
  const sbLen = <u64>load<u8>(p + 67);
  field("sb_len_wr");
  putU64(sbLen);
  field("sbp");
  printSgStr(load<u64>(p + 32), sbLen, 32, atExit);
  field("host_status");
  putX(<u64>load<u16>(p + 68));
  field("driver_status");
  putX(<u64>load<u16>(p + 70));
  field("resid");
  putI64(<i64>load<i32>(p + 72));
  field("duration");
  putU64(<u64>load<u32>(p + 76));
  field("info");
  printFlags(nlTable("sg_io_info"), <u64>load<u32>(p + 80));
}

function printSgV4Request(p: usize): void {
  puts("protocol=");
  printEnum(nlTable("bsg_protocol"), <u64>load<u32>(p + 4));
  field("subprotocol");
  printEnum(nlTable("bsg_subprotocol"), <u64>load<u32>(p + 8));
  const reqLen = <u64>load<u32>(p + 12);
  field("request_len");
  putU64(reqLen);
  field("request");
  printSgStr(load<u64>(p + 16), reqLen, 16, false);
  field("request_tag");
  putX(load<u64>(p + 24));
  field("request_attr");
  putU64(<u64>load<u32>(p + 32));
  field("request_priority");
  putU64(<u64>load<u32>(p + 36));
  field("request_extra");
  putU64(<u64>load<u32>(p + 40));
  field("max_response_len");
  putU64(<u64>load<u32>(p + 44));
  const doutIovecs = <u64>load<u32>(p + 56);
  const doutLen = <u64>load<u32>(p + 60);
  field("dout_iovec_count");
  putU64(doutIovecs);
  field("dout_xfer_len");
  putU64(doutLen);
  field("din_iovec_count");
  putU64(<u64>load<u32>(p + 64));
  field("din_xfer_len");
  putU64(<u64>load<u32>(p + 68));
  field("dout_xferp");
  printSgBuffer(load<u64>(p + 72), doutLen, doutIovecs, 72, EACH_V4_DOUT, false);
  field("timeout");
  putU64(<u64>load<u32>(p + 88));
  field("flags");
  printFlags(nlTable("bsg_flags"), <u64>load<u32>(p + 92));
  field("usr_ptr");
  putX(load<u64>(p + 96));
}

function printSgV4Response(p: usize, atExit: bool): void {
  const respLen = <u64>load<u32>(p + 132);
  field("response_len");
  putU64(respLen);
  field("response");
  printSgStr(load<u64>(p + 48), respLen, 48, atExit);
  let din = <u64>load<u32>(p + 68);
  const resid = load<i32>(p + 136);
  if (resid > 0 && <u64>resid <= din) din -= <u64>resid;
  field("din_xferp");
  printSgBuffer(load<u64>(p + 80), din, <u64>load<u32>(p + 64), 80, EACH_V4_DIN, atExit);
  field("driver_status");
  putX(<u64>load<u32>(p + 108));
  field("transport_status");
  putX(<u64>load<u32>(p + 112));
  field("device_status");
  putX(<u64>load<u32>(p + 116));
  field("retry_delay");
  putU64(<u64>load<u32>(p + 120));
  field("info");
  printFlags(nlTable("sg_io_info"), <u64>load<u32>(p + 124));
  field("duration");
  putU64(<u64>load<u32>(p + 128));
  field("response_len");
  putU64(respLen);
  field("din_resid");
  putI64(<i64>load<i32>(p + 136));
  field("dout_resid");
  putI64(<i64>load<i32>(p + 140));
  field("generated_tag");
  putX(load<u64>(p + 144));
}
