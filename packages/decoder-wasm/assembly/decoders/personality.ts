// personality(persona) as strace 6.1's personality.c prints it: the execution domain (the low
// byte) by name, then the flag bits; 0xffffffff (the query) as a number. The previous persona,
// the return value, prints in hex with the same rendering after it.

import { arg, exiting, isError, rval } from "../call";
import { putc, puts } from "../out";
import { printEnum, printFlags } from "../print/xlat";
import { findTable } from "../tables";
import { AUX_CUSTOM, RVAL_HEX, setAux } from "./rval";

/** PER_MASK (include/uapi/linux/personality.h): the execution domain's bits. */
const PER_MASK: u32 = 0xff;

let T_TYPES: i32 = -2;
let T_FLAGS: i32 = -1;

function resolve(): void {
  if (T_TYPES != -2) return;
  T_TYPES = findTable("personality_types");
  T_FLAGS = findTable("personality_flags");
}

/** `PER_BSD|SHORT_INODE|0x10000`: the domain, then `|` and the flags when any is set. */
function printPersona(v: u32): void {
  printEnum(T_TYPES, <u64>(v & PER_MASK));
  const flags = v & ~PER_MASK;
  if (flags == 0) return;
  putc(0x7c);
  printFlags(T_FLAGS, <u64>flags);
}

export function decodePersonality(): i32 {
  resolve();
  if (!exiting) {
    const v = <u32>arg(0);
    if (v == 0xffffffff) puts("0xffffffff");
    else printPersona(v);
    return 0;
  }
  if (isError) return 0;
  setAux(AUX_CUSTOM, 0);
  return RVAL_HEX;
}

/** ` (PER_LINUX|…)` after the return value (decoders/index.ts printAux). */
export function printPersonalityAux(): void {
  puts(" (");
  printPersona(<u32>rval);
  putc(0x29);
}
