// adjtimex and clock_adjtime (strace's time.c, print_timex.h): the struct __kernel_timex the kernel
// filled, printed at exit, and the clock state the call returned after the return value.

import { arch, arg, capData, capLen, exiting, findCap, isError } from "../call";
import { T_ADJTIMEX_MODES, T_ADJTIMEX_STATE, T_ADJTIMEX_STATUS, T_CLOCKNAMES } from "../known-tail";
import { putc, puts } from "../out";
import { putAddr, putI64, putU64 } from "../print/num";
import { printEnum, printFlags } from "../print/xlat";
import { CK_STRUCT } from "../record";
import { AUX_ENUM, RVAL_DECODED, setAux } from "./rval";

/**
 * struct __kernel_timex (include/uapi/linux/timex.h) on 64-bit ABIs: modes, then long long fields
 * with int ones padded to 8 bytes, `time` a {tv_sec, tv_usec} pair at 72, tai at 160.
 */
const TIMEX_SIZE: u32 = 208;
/** The long long fields after `time`, by offset. */
const AFTER_TIME: string[] = [
  "tick",
  "ppsfreq",
  "jitter",
  "shift",
  "stabil",
  "jitcnt",
  "calcnt",
  "errcnt",
  "stbcnt",
];

function ll(p: usize, off: u32): void {
  putI64(load<i64>(p + <usize>off));
}

function printTimex(p: usize): void {
  puts("{modes=");
  printFlags(T_ADJTIMEX_MODES, <u64>load<u32>(p));
  puts(", offset=");
  ll(p, 8);
  puts(", freq=");
  ll(p, 16);
  puts(", maxerror=");
  ll(p, 24);
  puts(", esterror=");
  ll(p, 32);
  puts(", status=");
  printFlags(T_ADJTIMEX_STATUS, <u64>load<u32>(p + 40));
  puts(", constant=");
  ll(p, 48);
  puts(", precision=");
  ll(p, 56);
  puts(", tolerance=");
  ll(p, 64);
  puts(", time={tv_sec=");
  ll(p, 72);
  puts(", tv_usec=");
  putU64(load<u64>(p + 80));
  putc(0x7d);
  for (let i = 0; i < AFTER_TIME.length; i++) {
    const off = <u32>(88 + i * 8);
    puts(", ");
    puts(AFTER_TIME[i]);
    putc(0x3d);
    // shift is an int (then padding), the rest long long
    if (AFTER_TIME[i] == "shift") putI64(<i64>load<i32>(p + <usize>off));
    else ll(p, off);
  }
  puts(", tai=");
  putI64(<i64>load<i32>(p + 160));
  putc(0x7d);
}

/** The struct at argument i at exit; the state after the return value once it printed. */
function printTimexArg(i: u32): void {
  const wide = (arch & 0x80000000) != 0 || arch == 0;
  if (!wide || isError || arg(i) == 0 || !findCap(i, CK_STRUCT, true) || capLen < TIMEX_SIZE) {
    putAddr(arg(i));
    return;
  }
  printTimex(capData);
  setAux(AUX_ENUM, T_ADJTIMEX_STATE);
}

export function decodeAdjtimex(): i32 {
  if (!exiting) return 0;
  printTimexArg(0);
  return RVAL_DECODED;
}

export function decodeClockAdjtime(): i32 {
  if (!exiting) {
    printEnum(T_CLOCKNAMES, <u64>(<u32>arg(0)));
    puts(", ");
    return 0;
  }
  printTimexArg(1);
  return RVAL_DECODED;
}
