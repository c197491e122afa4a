// Classic BPF programs as strace 6.1's bpf_filter.c prints them with -v: each instruction as
// BPF_STMT(code, k) or, when it jumps, BPF_JUMP(code, k, jt, jf); the code as its class and the
// fields that class has; k by what it means to the program's user (a seccomp return action, a
// socket filter's special offsets). At most BPF_MAXINSNS instructions, then `...`.

import { SOCK_FPROG_FILTER, SOCK_FPROG_LEN } from "../layouts";
import { verbose } from "../options";
import { putc, puts } from "../out";
import { findPointee, ptData, ptLen } from "../pointee";
import { putAddr, putHex, putU64 } from "../print/num";
import { printEnum } from "../print/xlat";
import { findTable, lookup, NO_REF } from "../tables";

/** What k means, beyond a number. */
export const BPF_K_PLAIN: u32 = 0;
/** A seccomp filter: a return's k is an action and its data. */
export const BPF_K_SECCOMP: u32 = 1;
/** A socket filter: an absolute load's k may be past SKF_AD_OFF, SKF_NET_OFF or SKF_LL_OFF. */
export const BPF_K_SOCKET: u32 = 2;

/** include/uapi/linux/filter.h */
const BPF_MAXINSNS: u32 = 4096;
const INSN_SIZE: u32 = 8;
/** include/uapi/linux/bpf_common.h: the class bits and what each class's other bits hold. */
const BPF_LD: u32 = 0x00;
const BPF_LDX: u32 = 0x01;
const BPF_ALU: u32 = 0x04;
const BPF_JMP: u32 = 0x05;
const BPF_RET: u32 = 0x06;
const BPF_MISC: u32 = 0x07;
const BPF_ABS: u32 = 0x20;
/** include/uapi/linux/seccomp.h: SECCOMP_RET_ACTION_FULL */
const SECCOMP_RET_ACTION_FULL: u32 = 0xffff0000;
/** include/uapi/linux/filter.h: SKF_LL_OFF, SKF_NET_OFF, SKF_AD_OFF as unsigned. */
const SKF_LL_OFF: u32 = 0xffe00000;
const SKF_NET_OFF: u32 = 0xfff00000;
const SKF_AD_OFF: u32 = 0xfffff000;

let T_CLASS: i32 = -2;
let T_SIZE: i32 = -1;
let T_MODE: i32 = -1;
let T_SRC: i32 = -1;
let T_OP_ALU: i32 = -1;
let T_OP_JMP: i32 = -1;
let T_RVAL: i32 = -1;
let T_MISCOP: i32 = -1;
let T_SKF_AD: i32 = -1;
let T_SKF_OFF: i32 = -1;
let T_RET_ACTION: i32 = -1;

function tables(): void {
  if (T_CLASS != -2) return;
  T_CLASS = findTable("bpf_class");
  T_SIZE = findTable("bpf_size");
  T_MODE = findTable("bpf_mode");
  T_SRC = findTable("bpf_src");
  T_OP_ALU = findTable("bpf_op_alu");
  T_OP_JMP = findTable("bpf_op_jmp");
  T_RVAL = findTable("bpf_rval");
  T_MISCOP = findTable("bpf_miscop");
  T_SKF_AD = findTable("skf_ad");
  T_SKF_OFF = findTable("skf_off");
  T_RET_ACTION = findTable("seccomp_ret_action");
}

/** `|field`, the bits of code it covers taken out of `rest`. */
function field(table: i32, v: u32): void {
  putc(0x7c);
  printEnum(table, <u64>v);
}

/** Bits no field of the class covers: `|0x… /* BPF_??? *\/`. */
function leftover(rest: u32): void {
  if (rest == 0) return;
  putc(0x7c);
  putHex(<u64>rest);
  puts(" /* BPF_??? */");
}

function printCode(code: u32): void {
  const cls = code & 0x07;
  let rest = code & ~cls;
  printEnum(T_CLASS, <u64>cls);
  if (cls == BPF_LD || cls == BPF_LDX) {
    field(T_SIZE, code & 0x18);
    field(T_MODE, code & 0xe0);
    rest &= ~(<u32>0xf8);
  } else if (cls == BPF_ALU || cls == BPF_JMP) {
    field(T_SRC, code & 0x08);
    field(cls == BPF_ALU ? T_OP_ALU : T_OP_JMP, code & 0xf0);
    rest &= ~(<u32>0xf8);
  } else if (cls == BPF_RET) {
    field(T_RVAL, code & 0x18);
    rest &= ~(<u32>0x18);
  } else if (cls == BPF_MISC) {
    field(T_MISCOP, code & 0xf8);
    rest &= ~(<u32>0xf8);
  }
  // BPF_ST, BPF_STX: nothing but the class.
  leftover(rest);
}

// eBPF (bpf(2)'s programs): the same code byte read as strace's print_bpf_filter_code does
// with `extended`, classic BPF's names first and eBPF's additions after them.
let T_ECLASS: i32 = -2;
let T_EMODE: i32 = -1;
let T_EOP_ALU: i32 = -1;
let T_EOP_JMP: i32 = -1;
let T_EREGS: i32 = -1;

function ebpfTables(): void {
  tables();
  if (T_ECLASS != -2) return;
  T_ECLASS = findTable("ebpf_class");
  T_EMODE = findTable("ebpf_mode");
  T_EOP_ALU = findTable("ebpf_op_alu");
  T_EOP_JMP = findTable("ebpf_op_jmp");
  T_EREGS = findTable("ebpf_regs");
}

/** `|NAME` from `first` or, failing that, `second` (printxvals); `|0x… /* BPF_??? *\/` from neither. */
function field2(first: i32, second: i32, v: u32): void {
  if (lookup(first, <u64>v) != NO_REF) field(first, v);
  else field(second, v);
}

/** An eBPF instruction's code: class, then size and mode, or source and operation. */
function printEbpfCode(code: u32): void {
  const cls = code & 0x07;
  printEnum(T_ECLASS, <u64>cls);
  if (cls <= 3) {
    // BPF_LD, BPF_LDX, BPF_ST, BPF_STX
    field(T_SIZE, code & 0x18);
    field(T_EMODE, code & 0xe0);
  } else if (cls == BPF_ALU || cls == BPF_MISC) {
    // BPF_MISC's value is eBPF's BPF_ALU64
    field(T_SRC, code & 0x08);
    field2(T_OP_ALU, T_EOP_ALU, code & 0xf0);
  } else if (cls == BPF_JMP) {
    field(T_SRC, code & 0x08);
    field2(T_OP_JMP, T_EOP_JMP, code & 0xf0);
  } else leftover(code & ~cls);
  // BPF_RET's value (eBPF's BPF_JMP32): strace 6.1 prints the bits past the class as unknown
}

/** struct bpf_insn: `{code=…, dst_reg=BPF_REG_1, src_reg=BPF_REG_0, off=-4, imm=0x…}`. */
function printEbpfInsn(p: usize): void {
  const regs = <u32>load<u8>(p + 1);
  puts("{code=");
  printEbpfCode(<u32>load<u8>(p));
  puts(", dst_reg=");
  printEnum(T_EREGS, <u64>(regs & 0xf));
  puts(", src_reg=");
  printEnum(T_EREGS, <u64>(regs >> 4));
  puts(", off=");
  const off = <i64>load<i16>(p + 2);
  if (off < 0) {
    putc(0x2d);
    putU64(<u64>-off);
  } else putU64(<u64>off);
  puts(", imm=");
  putHex(<u64>load<u32>(p + 4));
  putc(0x7d);
}

/**
 * `count` eBPF instructions at `addr`, of which `have` bytes at `data` were readable: `[…]` (at
 * most BPF_MAXINSNS, then `...`), `... /* addr *\/` where reading stopped, the address when
 * nothing could be read.
 */
export function printEbpfInsns(addr: u64, count: u32, data: usize, have: u32): void {
  ebpfTables();
  printInsnArray(addr, count, data, have, true, 0);
}

/** `NAME+n` for an offset past one of the socket filter's special bases. */
function printSkfOffset(k: u32): bool {
  if (k >= SKF_AD_OFF) {
    printEnum(T_SKF_OFF, <u64>SKF_AD_OFF);
    putc(0x2b);
    printEnum(T_SKF_AD, <u64>(k - SKF_AD_OFF));
    return true;
  }
  const base = k >= SKF_NET_OFF ? SKF_NET_OFF : k >= SKF_LL_OFF ? SKF_LL_OFF : 0;
  if (base == 0) return false;
  printEnum(T_SKF_OFF, <u64>base);
  putc(0x2b);
  putU64(<u64>(k - base));
  return true;
}

function printK(code: u32, k: u32, use: u32): void {
  const cls = code & 0x07;
  if (use == BPF_K_SECCOMP && cls == BPF_RET) {
    const action = k & SECCOMP_RET_ACTION_FULL;
    printEnum(T_RET_ACTION, <u64>action);
    if ((k & ~action) != 0) {
      putc(0x7c);
      putHex(<u64>(k & ~action));
    }
    return;
  }
  if (use == BPF_K_SOCKET && cls == BPF_LD && (code & 0xe0) == BPF_ABS && printSkfOffset(k)) return;
  putHex(<u64>k);
}

function printInsn(p: usize, use: u32): void {
  const code = <u32>load<u16>(p);
  const jt = <u32>load<u8>(p + 2);
  const jf = <u32>load<u8>(p + 3);
  const k = load<u32>(p + 4);
  if (jt != 0 || jf != 0) {
    puts("BPF_JUMP(");
    printCode(code);
    puts(", ");
    putHex(<u64>k);
    puts(", ");
    putHex(<u64>jt);
    puts(", ");
    putHex(<u64>jf);
  } else {
    puts("BPF_STMT(");
    printCode(code);
    puts(", ");
    printK(code, k, use);
  }
  putc(0x29);
}

/**
 * `count` instructions at `addr`, of which the first `have` bytes at `data` were readable: `[…]`,
 * `... /* addr *\/` where reading stopped, the bare address when nothing could be read.
 */
export function printBpfInsns(addr: u64, count: u32, data: usize, have: u32, use: u32): void {
  tables();
  printInsnArray(addr, count, data, have, false, use);
}

// The array around either kind of instruction (both 8 bytes): classic (`use` says for what) or eBPF.
function printInsnArray(addr: u64, count: u32, data: usize, have: u32, ebpf: bool, use: u32): void {
  if (addr == 0) {
    puts("NULL");
    return;
  }
  if (count == 0) {
    puts("[]");
    return;
  }
  for (let i: u32 = 0; i < count; i++) {
    if (i > 0) puts(", ");
    if ((i + 1) * INSN_SIZE > have) {
      if (i == 0) {
        putAddr(addr);
        return;
      }
      puts("... /* ");
      putAddr(addr + <u64>(i * INSN_SIZE));
      puts(" */]");
      return;
    }
    if (i == 0) putc(0x5b);
    if (i >= BPF_MAXINSNS) {
      puts("...");
      break;
    }
    if (ebpf) printEbpfInsn(data + <usize>(i * INSN_SIZE));
    else printInsn(data + <usize>(i * INSN_SIZE), use);
  }
  putc(0x5d);
}

/**
 * A struct sock_fprog whose bytes are at `p`, passed in argument `argIdx` (read at entry):
 * `{len=N, filter=…}`, the program's instructions with -v (from its POINTEE capture), else its
 * address.
 */
export function printSockFprogAt(p: usize, argIdx: u32, use: u32): void {
  const len = <u32>load<u16>(p + SOCK_FPROG_LEN);
  const filter = load<u64>(p + SOCK_FPROG_FILTER);
  puts("{len=");
  putU64(<u64>len);
  puts(", filter=");
  if (verbose && findPointee(argIdx, SOCK_FPROG_FILTER, false))
    printBpfInsns(filter, len, ptData, ptLen, use);
  else putAddr(filter);
  putc(0x7d);
}
