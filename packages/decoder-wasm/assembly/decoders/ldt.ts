// set_thread_area, get_thread_area and modify_ldt (strace's ldt.c): a struct user_desc (asm/ldt.h). get reads
// the entry number at entry and the whole descriptor the kernel filled at exit; set prints it at
// entry and the entry number the kernel chose after the return value.

import { arch, arg, capData, capLen, exiting, findCap, findCapPrefix, isError } from "../call";
import { callNoDeref } from "../options";
import { putc, puts } from "../out";
import { putAddr, putI64, putU64 } from "../print/num";
import { CK_STRUCT } from "../record";
import { AUX_CUSTOM, RVAL_DECODED, RVAL_LOW_ERRNO, setAux } from "./rval";

/** struct user_desc: entry_number, base_addr, limit, then the flag bits. */
const USER_DESC_SIZE: u32 = 16;
const BITS: string[] = [
  "seg_32bit",
  "contents",
  "read_exec_only",
  "limit_in_pages",
  "seg_not_present",
  "useable",
  "lm",
];
const WIDTHS: u32[] = [1, 2, 1, 1, 1, 1, 1];

/** PRINT_FIELD_ID: `-1` or unsigned. */
function putId(v: u32): void {
  if (v == 0xffffffff) puts("-1");
  else putU64(<u64>v);
}

/** PRINT_FIELD_0X: `%#0*x` of an unsigned int: `0x87868584`, but `00000000` for 0. */
function put0x(v: u32): void {
  if (v == 0) {
    puts("00000000");
    return;
  }
  puts("0x");
  const digits = "0123456789abcdef";
  for (let s: i32 = 28; s >= 0; s -= 4) putc(<u32>digits.charCodeAt((v >> s) & 15));
}

/** Everything after entry_number, and the closing brace (lm only for 64-bit tracees). */
function printDescRest(p: usize, wide: bool): void {
  puts(", base_addr=");
  put0x(load<u32>(p + 4));
  puts(", limit=");
  put0x(load<u32>(p + 8));
  let bits = load<u32>(p + 12);
  const n = wide ? BITS.length : BITS.length - 1;
  for (let i = 0; i < n; i++) {
    const w = WIDTHS[i];
    puts(", ");
    puts(BITS[i]);
    putc(0x3d);
    putU64(<u64>(bits & ((1 << w) - 1)));
    bits >>= w;
  }
  putc(0x7d);
}

/** lm exists for 64-bit tracees only (strace: current_klongsize == 8). */
function isWide(): bool {
  return (arch & 0x80000000) != 0 || arch == 0;
}

/** The whole struct user_desc at argument i, read at entry (strace's USER_DESC_BOTH). */
function printDescArg(i: u32): void {
  const p = arg(i);
  if (p == 0 || !findCap(i, CK_STRUCT, false) || capLen < USER_DESC_SIZE) {
    putAddr(p);
    return;
  }
  puts("{entry_number=");
  putId(load<u32>(capData));
  printDescRest(capData, isWide());
}

export function decodeSetThreadArea(): i32 {
  if (!exiting) {
    printDescArg(0);
    return 0;
  }
  // The entry the kernel picked (for entry_number -1), after the return value.
  if (!callNoDeref && !isError && arg(0) != 0 && findCap(0, CK_STRUCT, true) && capLen >= 4)
    setAux(AUX_CUSTOM, 0);
  return RVAL_DECODED;
}

/** ` (entry_number=N)` after set_thread_area's return value. */
export function printSetThreadAreaAux(): void {
  if (!findCap(0, CK_STRUCT, true) || capLen < 4) return;
  puts(" (entry_number=");
  putU64(<u64>load<u32>(capData));
  putc(0x29);
}

export function decodeGetThreadArea(): i32 {
  const p = arg(0);
  if (!exiting) {
    if (p == 0 || !findCapPrefix(0, CK_STRUCT, false, 4)) putAddr(p);
    else {
      puts("{entry_number=");
      putId(load<u32>(capData));
    }
    return 0;
  }
  // Nothing was opened at entry when the entry number was unreadable.
  if (p == 0 || callNoDeref || !findCapPrefix(0, CK_STRUCT, false, 4)) return RVAL_DECODED;
  const before = load<u32>(capData);
  if (isError || !findCap(0, CK_STRUCT, true) || capLen < USER_DESC_SIZE) {
    puts(", ...}");
    return RVAL_DECODED;
  }
  const now = load<u32>(capData);
  if (now != before) {
    puts(" => ");
    putId(now);
  }
  printDescRest(capData, isWide());
  return RVAL_DECODED;
}

/**
 * modify_ldt(func, ptr, bytecount): the descriptor only when bytecount is its size. The kernel
 * returns an int that x86_64 zero-extends, so an error comes back as a large success value:
 * strace prints it with the errno its low 32 bits negate.
 */
export function decodeModifyLdt(): i32 {
  putI64(<i64>(<i32>arg(0)));
  puts(", ");
  if (arg(2) == <u64>USER_DESC_SIZE) printDescArg(1);
  else putAddr(arg(1));
  puts(", ");
  putU64(arg(2));
  return RVAL_DECODED | RVAL_LOW_ERRNO;
}
