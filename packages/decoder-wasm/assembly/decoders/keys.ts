// The kernel's key management calls as strace 6.1's keyctl.c prints them: strings cut at -s, the
// payload by its length, keyring ids by name (KEY_SPEC_*) or in decimal.

import { arg } from "../call";
import { outLen, puts } from "../out";
import { putI64, putU64 } from "../print/num";
import { FMT_DEC, restyle } from "../print/style";
import { putRef } from "../print/xlat";
import { findTable, lookup, NO_REF } from "../tables";
import { printBufIn, printStr } from "./args";
import { RVAL_DECODED } from "./rval";

let T_KEY_SPEC: i32 = -2;

/** A key serial number: a KEY_SPEC_* name, or the id in decimal (printxval_d, no default). */
export function printKeySerial(v: u64): void {
  if (T_KEY_SPEC == -2) T_KEY_SPEC = findTable("key_spec");
  const id = <i32>v;
  const start = outLen;
  const ref = lookup(T_KEY_SPEC, <u64>(<u32>id));
  if (ref != NO_REF) putRef(ref);
  else putI64(<i64>id);
  restyle(start, <u64>(<i64>id), FMT_DEC);
}

/** printstr that prints NULL for a null pointer. */
function printStrOrNull(i: u32): void {
  if (arg(i) == 0) puts("NULL");
  else printStr(i);
}

export function decodeAddKey(): i32 {
  printStrOrNull(0);
  puts(", ");
  printStrOrNull(1);
  puts(", ");
  if (arg(2) == 0) puts("NULL");
  else printBufIn(2, arg(3));
  puts(", ");
  putU64(arg(3));
  puts(", ");
  printKeySerial(arg(4));
  return RVAL_DECODED;
}

export function decodeRequestKey(): i32 {
  printStrOrNull(0);
  puts(", ");
  printStrOrNull(1);
  puts(", ");
  printStrOrNull(2);
  puts(", ");
  printKeySerial(arg(3));
  return RVAL_DECODED;
}
