// ioprio_get/ioprio_set (strace's ioprio.c): an I/O priority prints as the macro that builds it,
// `IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)`; ioprio_get's result follows its return value.

import { arg, exiting, isError, rval } from "../call";
import { T_IOPRIO_CLASS, T_IOPRIO_WHO } from "../known-tail";
import { xlatStyle } from "../options";
import { putc, puts } from "../out";
import { putHexDigits, putI64 } from "../print/num";
import { printEnum } from "../print/xlat";
import { printWho } from "./priority";
import { AUX_CUSTOM, RVAL_DECODED, setAux } from "./rval";

const IOPRIO_CLASS_SHIFT: u32 = 13;

/** sprint_ioprio: the class by name (styled by -X, as sprintxval does), then the data. */
function putIoprioValue(ioprio: u32): void {
  puts("IOPRIO_PRIO_VALUE(");
  printEnum(T_IOPRIO_CLASS, <u64>(ioprio >> IOPRIO_CLASS_SHIFT));
  puts(", ");
  putI64(<i64>(ioprio & ((1 << IOPRIO_CLASS_SHIFT) - 1)));
  putc(0x29);
}

/**
 * print_ioprio: a priority inside a struct (an iocb's aio_reqprio), in hex under -X raw and
 * -X verbose, as the macro otherwise (a comment under -X verbose).
 */
export function printIoprio(ioprio: u32): void {
  if (xlatStyle != 0) {
    puts("0x");
    putHexDigits(<u64>ioprio);
  }
  if (xlatStyle == 1) return;
  if (xlatStyle == 2) puts(" /* ");
  putIoprioValue(ioprio);
  if (xlatStyle == 2) puts(" */");
}

function printWhichWho(): void {
  printEnum(T_IOPRIO_WHO, <u64>(<u32>arg(0)));
  puts(", ");
  printWho("ioprio_get");
}

export function decodeIoprioGet(): i32 {
  if (!exiting) {
    printWhichWho();
    return 0;
  }
  if (!isError && xlatStyle != 1) setAux(AUX_CUSTOM, 0);
  return RVAL_DECODED;
}

/** ` (IOPRIO_PRIO_VALUE(…))` after ioprio_get's return value. */
export function printIoprioAux(): void {
  puts(" (");
  putIoprioValue(<u32>rval);
  putc(0x29);
}

export function decodeIoprioSet(): i32 {
  printWhichWho();
  puts(", ");
  const ioprio = <u32>arg(2);
  if (xlatStyle != 0) putI64(<i64>(<i32>ioprio));
  if (xlatStyle == 1) return RVAL_DECODED;
  if (xlatStyle == 2) puts(" /* ");
  putIoprioValue(ioprio);
  if (xlatStyle == 2) puts(" */");
  return RVAL_DECODED;
}
