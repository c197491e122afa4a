// strace's time printing: the -t/--timestamps and -r columns of printleader and -T's
// ` <secs>` after the return value, each at its own precision (s, ms, us or ns). Times are the
// records' nanosecond stamps, taken by the tracer at the stop.

import { relDigits, showRelative, timeDigits, tsDigits, tsFormat, tzMinutes } from "./options";
import { putc, puts } from "./out";
import { putPadded } from "./print/num";

/** The previous leader's time, for -r (strace starts at 0 on the first line). */
let lastTs: u64 = 0;
let haveLastTs = false;

/** `.fff` of a nanosecond count truncated to `digits` digits (none for whole seconds). */
/** -r's reference as two u32 halves (0, 0: no line yet), for -ff's decoders to share one clock. */
export function relativeBaseHi(): u32 {
  return haveLastTs ? <u32>(lastTs >> 32) : 0;
}

export function relativeBaseLo(): u32 {
  return haveLastTs ? <u32>lastTs : 0;
}

export function setRelativeBase(hi: u32, lo: u32): void {
  lastTs = ((<u64>hi) << 32) | <u64>lo;
  haveLastTs = lastTs != 0;
}

function putFraction(ns: u64, digits: i32): void {
  if (digits == 0) return;
  let scale: u64 = 1;
  for (let d = digits; d < 9; d++) scale *= 10;
  putc(0x2e);
  putPadded((ns % 1000000000) / scale, digits, 0x30);
}

/** `%{width}lld.fraction` of a nanosecond count, as strace prints its timespecs. */
function putSecs(ns: u64, width: i32, digits: i32): void {
  putPadded(ns / 1000000000, width, 0x20);
  putFraction(ns, digits);
}

/**
 * The leader's time columns for a line stamped `now`: `HH:MM:SS[.f] ` or `secs[.f] ` (-t), then
 * -r's `  secs[.f] `, written `(+  secs[.f]) ` after an absolute stamp as strace does.
 */
export function printTimestamp(now: u64): void {
  if (tsFormat == 1) {
    const local = <i64>(now / 1000000000) + <i64>tzMinutes * 60;
    let sod = local % 86400;
    if (sod < 0) sod += 86400;
    putPadded(<u64>(sod / 3600), 2, 0x30);
    putc(0x3a);
    putPadded(<u64>((sod / 60) % 60), 2, 0x30);
    putc(0x3a);
    putPadded(<u64>(sod % 60), 2, 0x30);
    putFraction(now, tsDigits);
    putc(0x20);
  } else if (tsFormat == 2) {
    putSecs(now, 1, tsDigits);
    putc(0x20);
  }
  if (!showRelative) return;
  const d = haveLastTs && now > lastTs ? now - lastTs : 0;
  lastTs = now;
  haveLastTs = true;
  if (tsFormat != 0) puts("(+");
  putSecs(d, 6, relDigits);
  if (tsFormat != 0) putc(0x29);
  putc(0x20);
}

/** -T's ` <secs[.f]>` for a call that entered at `enter` and returned at `now`. */
export function printSyscallTime(enter: u64, now: u64): void {
  puts(" <");
  putSecs(now > enter ? now - enter : 0, 1, timeDigits);
  putc(0x3e);
}
