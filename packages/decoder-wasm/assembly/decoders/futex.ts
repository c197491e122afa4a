// futex(uaddr, op, val, timeout|val2, uaddr2, val3): which arguments print depends on the command.

import { arch, arg, capData, capLen, findCap } from "../call";
import { T_FUTEX_OPS } from "../known";
import { outLen, puts } from "../out";
import { putAddr, putHex, putI64, putU64 } from "../print/num";
import { printStruct, S_TIMESPEC } from "../print/structs";
import { FMT_HEX, restyle } from "../print/style";
import { printEnum, putRef } from "../print/xlat";
import { lookup, NO_REF } from "../tables";
import { RVAL_DECODED } from "./rval";

const FUTEX_PRIVATE_FLAG: u32 = 128;
const FUTEX_CLOCK_REALTIME: u32 = 256;
const FUTEX_CMD_MASK: u32 = ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);

function printOp(op: u32): void {
  const start = outLen;
  printOpAbbrev(op);
  restyle(start, <u64>op, FMT_HEX);
}

function printOpAbbrev(op: u32): void {
  // A table listing the _PRIVATE spellings resolves them directly; otherwise compose.
  let ref = lookup(T_FUTEX_OPS, <u64>(op & ~FUTEX_CLOCK_REALTIME));
  if (ref != NO_REF) putRef(ref);
  else {
    ref = lookup(T_FUTEX_OPS, <u64>(op & FUTEX_CMD_MASK));
    if (ref == NO_REF) {
      printEnum(T_FUTEX_OPS, <u64>op);
      return;
    }
    putRef(ref);
    if ((op & FUTEX_PRIVATE_FLAG) != 0) puts("_PRIVATE");
  }
  if ((op & FUTEX_CLOCK_REALTIME) != 0) puts("|FUTEX_CLOCK_REALTIME");
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
  const val = <u32>arg(2);
  switch (cmd) {
    case 0:
    case 11: // WAIT, WAIT_REQUEUE_PI
      puts(", ");
      putU64(<u64>val);
      puts(", ");
      printTimeout();
      if (cmd == 11) {
        puts(", ");
        putAddr(arg(4));
      }
      break;
    case 9: // WAIT_BITSET
      puts(", ");
      putU64(<u64>val);
      puts(", ");
      printTimeout();
      puts(", ");
      printBitset(<u32>arg(5));
      break;
    case 1:
    case 2: // WAKE, FD
      puts(", ");
      putI64(<i64>(<i32>val));
      break;
    case 10: // WAKE_BITSET
      puts(", ");
      putI64(<i64>(<i32>val));
      puts(", ");
      printBitset(<u32>arg(5));
      break;
    case 3: // REQUEUE
      puts(", ");
      putI64(<i64>(<i32>val));
      puts(", ");
      putU64(<u64>(<u32>arg(3)));
      puts(", ");
      putAddr(arg(4));
      break;
    case 4:
    case 12: // CMP_REQUEUE, CMP_REQUEUE_PI
      puts(", ");
      putI64(<i64>(<i32>val));
      puts(", ");
      putU64(<u64>(<u32>arg(3)));
      puts(", ");
      putAddr(arg(4));
      puts(", ");
      putI64(<i64>(<i32>arg(5)));
      break;
    case 5: // WAKE_OP
      puts(", ");
      putI64(<i64>(<i32>val));
      puts(", ");
      putU64(<u64>(<u32>arg(3)));
      puts(", ");
      putAddr(arg(4));
      puts(", ");
      putHex(<u64>(<u32>arg(5)));
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
      putHex(<u64>val);
      puts(", ");
      putHex(arg(3));
      puts(", ");
      putHex(arg(4));
      puts(", ");
      putHex(arg(5));
  }
  return RVAL_DECODED;
}
