// x86_64's register sets as ptrace(2) moves them (strace 6.1's arch_prstatus_regset.c and
// arch_fpregset.c): struct user_regs_struct and struct user_i387_struct
// (arch/x86/include/asm/user_64.h), printed field by field up to the bytes the caller passed.

import { strsize } from "../options";
import { putc, puts } from "../out";
import { putAddr } from "../print/num";
import { F_X, Field, printValue } from "./ioctl-fields";

const GPR_NAMES: string[] = [
  "r15",
  "r14",
  "r13",
  "r12",
  "rbp",
  "rbx",
  "r11",
  "r10",
  "r9",
  "r8",
  "rax",
  "rcx",
  "rdx",
  "rsi",
  "rdi",
  "orig_rax",
  "rip",
  "cs",
  "eflags",
  "rsp",
  "ss",
  "fs_base",
  "gs_base",
  "ds",
  "es",
  "fs",
  "gs",
];
/** struct user_regs_struct: 27 unsigned longs. */
const GPRS: Field[] = GPR_NAMES.map<Field>((n, i) => new Field(n, <u32>i * 8, 8, F_X));
export const SIZEOF_USER_REGS: u32 = 27 * 8;

/** struct user_i387_struct's scalar head. */
const FP_HEAD: Field[] = [
  new Field("cwd", 0, 2, F_X),
  new Field("swd", 2, 2, F_X),
  new Field("ftw", 4, 2, F_X),
  new Field("fop", 6, 2, F_X),
  new Field("rip", 8, 8, F_X),
  new Field("rdp", 16, 8, F_X),
  new Field("mxcsr", 24, 4, F_X),
  new Field("mxcr_mask", 28, 4, F_X),
];
/** ...and its u32 arrays: st_space[32], xmm_space[64], padding[24]. */
const FP_ARRAYS: Field[] = [
  new Field("st_space", 32, 32 * 4, F_X),
  new Field("xmm_space", 160, 64 * 4, F_X),
  new Field("padding", 416, 24 * 4, F_X),
];
export const SIZEOF_USER_FPREGS: u32 = 512;

/**
 * A register set of `size` bytes at `addr` whose readable bytes are at p (`have` of them): the
 * fields that begin within the set, `...` when the caller's set is larger than the struct.
 * strace prints the address for a size of 0 or not a multiple of 8, and when it cannot read it.
 */
export function printRegset(fp: bool, addr: u64, size: u64, p: usize, have: u32): void {
  const whole: u32 = fp ? SIZEOF_USER_FPREGS : SIZEOF_USER_REGS;
  const fetch: u32 = size < <u64>whole ? <u32>size : whole;
  if (size == 0 || (size & 7) != 0 || p == 0 || have < fetch) {
    putAddr(addr);
    return;
  }
  putc(0x7b);
  const head = fp ? FP_HEAD : GPRS;
  for (let i = 0; i < head.length; i++) {
    const f = head[i];
    if (i > 0 && fetch <= f.off) break;
    if (i > 0) puts(", ");
    puts(f.name);
    putc(0x3d);
    printValue(f, p);
  }
  if (fp) {
    for (let i = 0; i < FP_ARRAYS.length; i++) {
      const f = FP_ARRAYS[i];
      if (fetch <= f.off) break;
      puts(", ");
      puts(f.name);
      putc(0x3d);
      printU32Array(p + <usize>f.off, min(f.size, fetch - f.off) / 4);
    }
  }
  if (size > <u64>whole) puts(", ...");
  putc(0x7d);
}

/** `[0, 0x1f80]`: at most -s elements, then `...` (print_xint_array_member). */
function printU32Array(p: usize, n: u32): void {
  const el = new Field("", 0, 4, F_X);
  putc(0x5b);
  for (let i: u32 = 0; i < n; i++) {
    if (i > 0) puts(", ");
    if (i >= <u32>strsize) {
      puts("...");
      break;
    }
    printValue(el, p + <usize>i * 4);
  }
  putc(0x5d);
}
