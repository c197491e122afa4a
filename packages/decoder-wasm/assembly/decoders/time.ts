// Time syscalls whose printing depends on the outcome: time (the value and its date),
// nanosleep/clock_nanosleep (the remaining time only when a signal interrupted the sleep).

import { arch, arg, capData, capLen, exiting, findCap, isError, rval } from "../call";
import { putc, puts } from "../out";
import { putAddr, putI64 } from "../print/num";
import { isoShown, printStruct, putIsoTime, S_TIMESPEC } from "../print/structs";
import { CK_STRUCT } from "../record";
import { decodeGeneric } from "./generic";
import { AUX_CUSTOM, RVAL_DECODED, setAux } from "./rval";

/** strace's is_erestart: the call was interrupted and will restart (ERESTARTSYS … ERESTART_RESTARTBLOCK). */
function isErestart(): bool {
  const e = rval < 0 ? -rval : rval;
  return isError && (e == 512 || e == 513 || e == 514 || e == 516);
}

/** `1796616019 /* 2026-12-07T04:00:19+0000 *\/`-style dates have no sub-second part. */
function putDate(t: i64): void {
  if (isoShown(t, 0)) putIsoTime(t, 0);
  else putI64(t);
}

/** time([t /* date *\/]) = t (date). */
export function decodeTime(): i32 {
  if (!exiting) return 0;
  const p = arg(0);
  if (p != 0 && !isError && findCap(0, CK_STRUCT, true) && capLen >= 8) {
    const t = load<i64>(capData);
    putc(0x5b);
    putI64(t);
    puts(" /* ");
    putDate(t);
    puts(" */]");
  } else putAddr(p);
  if (!isError) setAux(AUX_CUSTOM, 0);
  return RVAL_DECODED;
}

/** ` (2026-12-07T04:00:19+0000)` after time's return value. */
export function printTimeAux(): void {
  puts(" (");
  putDate(rval);
  putc(0x29);
}

/**
 * nanosleep(req, rem) and clock_nanosleep(clock, flags, req, rem): the row's kinds print the
 * arguments up to `rem`; `rem` itself only when the sleep was interrupted, as the kernel wrote it.
 */
export function decodeSleep(r: u32, rem: u32): i32 {
  if (!exiting) return decodeGeneric(r);
  const p = arg(rem);
  // clock_nanosleep with TIMER_ABSTIME leaves rem alone
  const absolute = rem == 3 && (arg(1) & 1) != 0;
  if (
    p != 0 &&
    !absolute &&
    isErestart() &&
    findCap(rem, CK_STRUCT, true) &&
    printStruct(S_TIMESPEC, capData, capLen, arch)
  ) {
    return RVAL_DECODED;
  }
  putAddr(p);
  return RVAL_DECODED;
}
