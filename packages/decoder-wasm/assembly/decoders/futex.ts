// futex(uaddr, op, val, timeout|val2, uaddr2, val3): which arguments print depends on the command.

import { arch, arg, capData, capLen, findCap } from "../call";
import { T_FUTEX_OPS } from "../known";
import { T_CLOCKNAMES, T_FUTEX_WAITER_FLAGS, T_FUTEX_WAKE_CMPS, T_FUTEX_WAKE_OPS } from "../known-tail";
import { outLen, putc, puts } from "../out";
import { putAddr, putHex, putU64 } from "../print/num";
import { printStruct, S_TIMESPEC } from "../print/structs";
import { FMT_HEX, restyle } from "../print/style";
import { printEnum, printFlags, putRef } from "../print/xlat";
import { lookup, NO_REF } from "../tables";
import { printElems } from "./elems";
import { RVAL_DECODED } from "./rval";

/** FUTEX_OP_OPARG_SHIFT (include/uapi/linux/futex.h): the operation's argument is a shift count. */
const FUTEX_OP_OPARG_SHIFT: u32 = 8;

/**
 * The op by name (printxval over strace's futexops, which lists the FUTEX_CLOCK_REALTIME and
 * FUTEX_PRIVATE_FLAG combinations a command takes): anything else `0x101 /* FUTEX_??? *\/`.
 */
function printOp(op: u32): void {
  printEnum(T_FUTEX_OPS, <u64>op);
}

/** `name<<shift` or `0x5<<28 /* FUTEX_OP_??? *\/` for a field of FUTEX_WAKE_OP's val3. */
function printWakeField(table: i32, v: u32, shift: u32, unknown: string): void {
  const ref = lookup(table, <u64>v);
  if (ref != NO_REF) putRef(ref);
  else putHex(<u64>v);
  puts("<<");
  putU64(<u64>shift);
  if (ref == NO_REF) {
    puts(" /* ");
    puts(unknown);
    puts(" */");
  }
}

/** FUTEX_WAKE_OP's encoded operation: `FUTEX_OP_SET<<28|0<<12|FUTEX_OP_CMP_EQ<<24|0`. */
function printWakeOp(val3: u32): void {
  if (((val3 >> 28) & FUTEX_OP_OPARG_SHIFT) != 0) puts("FUTEX_OP_OPARG_SHIFT<<28|");
  printWakeField(T_FUTEX_WAKE_OPS, (val3 >> 28) & 7, 28, "FUTEX_OP_???");
  putc(0x7c);
  putHex(<u64>((val3 >> 12) & 0xfff));
  puts("<<12|");
  printWakeField(T_FUTEX_WAKE_CMPS, (val3 >> 24) & 0xf, 24, "FUTEX_OP_CMP_???");
  putc(0x7c);
  putHex(<u64>(val3 & 0xfff));
}

function printTimeout(): void {
  const p = arg(3);
  if (p != 0 && findCap(3, 0, false) && printStruct(S_TIMESPEC, capData, capLen, arch)) return;
  putAddr(p);
}

function printBitset(v: u32): void {
  if (v != 0xffffffff) {
    putHex(<u64>v);
    return;
  }
  const start = outLen;
  puts("FUTEX_BITSET_MATCH_ANY");
  restyle(start, <u64>v, FMT_HEX);
}

export function decodeFutex(): i32 {
  const op = <u32>arg(1);
  const cmd = op & 127;
  putAddr(arg(0));
  puts(", ");
  printOp(op);
  // strace's do_futex: the values print unsigned, the command's own arguments only
  const val = <u64>(<u32>arg(2));
  const val2 = <u64>(<u32>arg(3));
  const val3 = <u32>arg(5);
  switch (cmd) {
    case 0:
    case 11: // WAIT, WAIT_REQUEUE_PI
      puts(", ");
      putU64(val);
      puts(", ");
      printTimeout();
      if (cmd == 11) {
        puts(", ");
        putAddr(arg(4));
      }
      break;
    case 9: // WAIT_BITSET
      puts(", ");
      putU64(val);
      puts(", ");
      printTimeout();
      puts(", ");
      printBitset(val3);
      break;
    case 1:
    case 2: // WAKE, FD
      puts(", ");
      putU64(val);
      break;
    case 10: // WAKE_BITSET
      puts(", ");
      putU64(val);
      puts(", ");
      printBitset(val3);
      break;
    case 3: // REQUEUE
      puts(", ");
      putU64(val);
      puts(", ");
      putU64(val2);
      puts(", ");
      putAddr(arg(4));
      break;
    case 4:
    case 12: // CMP_REQUEUE, CMP_REQUEUE_PI
      puts(", ");
      putU64(val);
      puts(", ");
      putU64(val2);
      puts(", ");
      putAddr(arg(4));
      puts(", ");
      putU64(<u64>val3);
      break;
    case 5: // WAKE_OP
      puts(", ");
      putU64(val);
      puts(", ");
      putU64(val2);
      puts(", ");
      putAddr(arg(4));
      puts(", ");
      printWakeOp(val3);
      break;
    case 6:
    case 13: // LOCK_PI, LOCK_PI2
      puts(", ");
      printTimeout();
      break;
    case 7:
    case 8: // UNLOCK_PI, TRYLOCK_PI
      break;
    default:
      puts(", ");
      putU64(val);
      puts(", ");
      putAddr(arg(3));
      puts(", ");
      putAddr(arg(4));
      puts(", ");
      putHex(<u64>val3);
  }
  return RVAL_DECODED;
}

/** FUTEX_WAITV_MAX (include/uapi/linux/futex.h): strace prints no waiter past it. */
const FUTEX_WAITV_MAX: u64 = 128;
/** sizeof(struct futex_waitv): val, uaddr (two __u64), flags, __reserved (two __u32). */
const FUTEX_WAITV_SIZE: u32 = 24;

/** One struct futex_waitv, or `...` for the one past FUTEX_WAITV_MAX (the last printElems shows). */
function printWaiter(p: usize, size: u32): void {
  if (waitersShown++ >= <u32>FUTEX_WAITV_MAX) {
    puts("...");
    return;
  }
  puts("{val=");
  putHex(load<u64>(p));
  puts(", uaddr=");
  putAddr(load<u64>(p + 8));
  puts(", flags=");
  printFlags(T_FUTEX_WAITER_FLAGS, <u64>load<u32>(p + 16));
  const reserved = load<u32>(p + 20);
  if (reserved != 0) {
    puts(", __reserved=");
    putHex(<u64>reserved);
  }
  putc(0x7d);
  changetype<usize>(size);
}

let waitersShown: u32 = 0;

/** futex_waitv(waiters, nr_futexes, flags, timeout, clockid): everything at entry. */
export function decodeFutexWaitv(): i32 {
  const n = <u64>(<u32>arg(1));
  waitersShown = 0;
  // one element past the limit, printed as `...`, ends the array as strace's print_array does
  printElems(0, min<u64>(n, FUTEX_WAITV_MAX + 1), FUTEX_WAITV_SIZE, false, printWaiter);
  puts(", ");
  putU64(n);
  puts(", ");
  putHex(<u64>(<u32>arg(2)));
  puts(", ");
  printTimeout();
  puts(", ");
  printEnum(T_CLOCKNAMES, <u64>(<u32>arg(4)));
  return RVAL_DECODED;
}
