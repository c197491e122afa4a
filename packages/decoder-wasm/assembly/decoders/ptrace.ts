// ptrace(2) (strace 6.1 ptrace.c, ptrace_syscall_info.c): the request by name (all 64 bits), the
// pid, then addr and data as the request uses them: a signal to deliver, PTRACE_O_* options, a
// siginfo, a size, and what the kernel wrote at exit (a peeked word, an event message, a siginfo,
// PTRACE_GET_SYSCALL_INFO's struct cut at the size both sides agree on). Requests whose data this
// decoder does not read yet (register sets, PEEKSIGINFO's array, signal masks, seccomp filters)
// print their pointers.

import { arg, capData, capLen, exiting, findCap, findCapPrefix, isError, rval } from "../call";
import { printSiginfo } from "../events";
import {
  T_AUDIT_ARCH,
  T_NT_TYPES,
  T_PTRACE_CMDS,
  T_PTRACE_PEEKSIGINFO_FLAGS,
  T_PTRACE_SETOPTIONS_FLAGS,
  T_PTRACE_SYSCALL_INFO_OP,
  T_SECCOMP_FILTER_FLAGS,
} from "../known-proc";
import { callNoDeref, strsize } from "../options";
import { outLen, putc, puts } from "../out";
import { findPointee, ptData, ptLen, ptPtr } from "../pointee";
import { putAddr, putHex, putI64, putU64 } from "../print/num";
import { printSignal, printSigset } from "../print/signal";
import { FMT_DEC, restyle } from "../print/style";
import { printSyscallNr } from "../print/syscall-nr";
import { printEnum, printFlags, putRef } from "../print/xlat";
import { CK_STRUCT_IF } from "../record";
import { errnoName, NO_REF, strLen } from "../tables";
import { printRegset, SIZEOF_USER_FPREGS, SIZEOF_USER_REGS } from "./ptrace-regs";
import { RVAL_DECODED } from "./rval";

// include/uapi/linux/ptrace.h and arch/x86/include/uapi/asm/ptrace-abi.h
const PTRACE_TRACEME: u64 = 0;
const PTRACE_PEEKTEXT: u64 = 1;
const PTRACE_PEEKDATA: u64 = 2;
const PTRACE_PEEKUSER: u64 = 3;
const PTRACE_CONT: u64 = 7;
const PTRACE_KILL: u64 = 8;
const PTRACE_SINGLESTEP: u64 = 9;
const PTRACE_ATTACH: u64 = 0x10;
const PTRACE_DETACH: u64 = 0x11;
const PTRACE_OLDSETOPTIONS: u64 = 0x15;
const PTRACE_GETREGS: u64 = 12;
const PTRACE_SETREGS: u64 = 13;
const PTRACE_GETFPREGS: u64 = 14;
const PTRACE_SETFPREGS: u64 = 15;
const PTRACE_SYSCALL: u64 = 0x18;
const PTRACE_SYSEMU: u64 = 0x1f;
const PTRACE_SYSEMU_SINGLESTEP: u64 = 0x20;
const PTRACE_SINGLEBLOCK: u64 = 0x21;
const PTRACE_SETOPTIONS: u64 = 0x4200;
const PTRACE_GETEVENTMSG: u64 = 0x4201;
const PTRACE_GETSIGINFO: u64 = 0x4202;
const PTRACE_SETSIGINFO: u64 = 0x4203;
const PTRACE_GETREGSET: u64 = 0x4204;
const PTRACE_SETREGSET: u64 = 0x4205;
const PTRACE_SEIZE: u64 = 0x4206;
const PTRACE_INTERRUPT: u64 = 0x4207;
const PTRACE_LISTEN: u64 = 0x4208;
const PTRACE_PEEKSIGINFO: u64 = 0x4209;
const PTRACE_GETSIGMASK: u64 = 0x420a;
const PTRACE_SETSIGMASK: u64 = 0x420b;
const PTRACE_SECCOMP_GET_FILTER: u64 = 0x420c;
const PTRACE_SECCOMP_GET_METADATA: u64 = 0x420d;
const PTRACE_GET_SYSCALL_INFO: u64 = 0x420e;

// struct ptrace_syscall_info: op u8, arch u32 at 4, instruction_pointer at 8, stack_pointer at 16,
// then the union at 24: entry {nr, args[6]}, exit {rval s64, is_error u8}, seccomp {nr, args[6],
// ret_data u32}.
const PSI_ARCH: u32 = 4;
const PSI_IP: u32 = 8;
const PSI_SP: u32 = 16;
const PSI_UNION: u32 = 24;
const PSI_ARGS: u32 = 32;
const PSI_RET_DATA: u32 = 80;
const PSI_EXIT_IS_ERROR: u32 = 32;
/** offsetofend(seccomp.ret_data): what strace reads at most. */
const PSI_SECCOMP_SIZE: u64 = 84;
/** offsetofend(exit.is_error). */
const PSI_EXIT_SIZE: u64 = 33;
const PSI_ENTRY: u8 = 1;
const PSI_EXIT: u8 = 2;
const PSI_SECCOMP: u8 = 3;

// include/uapi/linux/elf.h: the register sets strace 6.1 decodes on x86_64.
const NT_PRSTATUS: u64 = 1;
const NT_FPREGSET: u64 = 2;
/** The kernel's sigset_t: the most PTRACE_[GS]ETSIGMASK take, and the least (a word) on x86_64. */
const SIGSET_SIZE: u64 = 8;
const SIGINFO_SIZE: u32 = 128;

/** Requests whose data the kernel fills: printed at exit (strace's verbose(tcp) path). */
function dataAtExit(req: u64): bool {
  return (
    req == PTRACE_PEEKTEXT ||
    req == PTRACE_PEEKDATA ||
    req == PTRACE_PEEKUSER ||
    req == PTRACE_GETEVENTMSG ||
    req == PTRACE_GETSIGINFO ||
    req == PTRACE_GETSIGMASK ||
    req == PTRACE_PEEKSIGINFO ||
    req == PTRACE_SECCOMP_GET_FILTER ||
    req == PTRACE_GET_SYSCALL_INFO
  );
}

export function decodePtrace(): i32 {
  const req = arg(0);
  if (exiting) return decodeExit(req);
  printEnum(T_PTRACE_CMDS, req);
  if (req == PTRACE_TRACEME) return RVAL_DECODED;
  puts(", ");
  putI64(<i64>(<i32>arg(1)));
  if (req == PTRACE_ATTACH || req == PTRACE_INTERRUPT || req == PTRACE_KILL || req == PTRACE_LISTEN)
    return RVAL_DECODED;
  puts(", ");
  const addr = arg(2);
  const data = arg(3);
  // x86_64's PTRACE_[GS]ET[FP]REGS: addr is ignored, the registers are at data.
  if (req == PTRACE_SETREGS || req == PTRACE_SETFPREGS) {
    printRegs(req == PTRACE_SETFPREGS, data, false);
    return RVAL_DECODED;
  }
  if (req == PTRACE_GETREGS || req == PTRACE_GETFPREGS) return 0;
  if (
    req == PTRACE_GETSIGMASK ||
    req == PTRACE_SETSIGMASK ||
    req == PTRACE_SECCOMP_GET_FILTER ||
    req == PTRACE_SECCOMP_GET_METADATA ||
    req == PTRACE_GET_SYSCALL_INFO
  )
    putU64(addr);
  else if (req == PTRACE_GETREGSET || req == PTRACE_SETREGSET) printEnum(T_NT_TYPES, addr);
  else if (req == PTRACE_PEEKSIGINFO) printPeeksiginfoArgs(addr);
  else putAddr(addr);
  puts(", ");
  if (
    req == PTRACE_CONT ||
    req == PTRACE_DETACH ||
    req == PTRACE_SYSCALL ||
    req == PTRACE_SINGLESTEP ||
    req == PTRACE_SINGLEBLOCK ||
    req == PTRACE_SYSEMU ||
    req == PTRACE_SYSEMU_SINGLESTEP
  )
    printSignal(data);
  else if (req == PTRACE_SEIZE || req == PTRACE_SETOPTIONS || req == PTRACE_OLDSETOPTIONS)
    printFlags(T_PTRACE_SETOPTIONS_FLAGS, data);
  else if (req == PTRACE_SETSIGINFO) printSiginfoAt(data, false);
  else if (req == PTRACE_SETSIGMASK) printSigmask(data, addr, false);
  else if (req == PTRACE_GETREGSET) {
    if (iovecAt(false)) return 0;
    putAddr(data);
  } else if (req == PTRACE_SETREGSET) return printSetRegsetEntry(addr);
  else if (req == PTRACE_SECCOMP_GET_METADATA) return printMetadataEntry(data, addr);
  else if (dataAtExit(req) && !callNoDeref) return 0;
  else putAddr(data);
  return RVAL_DECODED;
}

function decodeExit(req: u64): i32 {
  const addr = arg(2);
  const data = arg(3);
  if (req == PTRACE_GETREGS || req == PTRACE_GETFPREGS) printRegs(req == PTRACE_GETFPREGS, data, true);
  else if (req == PTRACE_GETREGSET) printGetRegsetExit(addr);
  else if (req == PTRACE_SETREGSET) {
    // strace's " => N" when the kernel rewrote iov_len
    if (iovecAt(true) && ivLen != entryIovLen()) {
      puts(" => ");
      putU64(ivLen);
    }
    putc(0x7d);
  } else if (req == PTRACE_SECCOMP_GET_METADATA) printMetadataExit();
  else if (req == PTRACE_GETSIGMASK) printSigmask(data, addr, true);
  else if (req == PTRACE_PEEKSIGINFO) printSiginfoArray(data);
  else printDataAtExit(req);
  return RVAL_DECODED;
}

/** PTRACE_[GS]ETREGS' user_regs_struct, PTRACE_[GS]ETFPREGS' user_i387_struct at data. */
function printRegs(fp: bool, p: u64, atExit: bool): void {
  const size: u32 = fp ? SIZEOF_USER_FPREGS : SIZEOF_USER_REGS;
  if (p == 0 || (atExit && isError) || callNoDeref || !findCap(3, CK_STRUCT_IF, atExit)) {
    putAddr(p);
    return;
  }
  printRegset(fp, p, <u64>size, capData, capLen);
}

// ---- PTRACE_GETREGSET / PTRACE_SETREGSET: an iovec at data ----

let ivBase: u64 = 0;
let ivLen: u64 = 0;

/** The iovec at data as read at entry or exit (ivBase, ivLen); false when unreadable. */
function iovecAt(atExit: bool): bool {
  if (!findCap(3, CK_STRUCT_IF, atExit) || capLen < 16) return false;
  ivBase = load<u64>(capData);
  ivLen = load<u64>(capData + 8);
  return true;
}

function entryIovLen(): u64 {
  const exitLen = ivLen;
  const exitBase = ivBase;
  const len = iovecAt(false) ? ivLen : exitLen;
  ivLen = exitLen;
  ivBase = exitBase;
  return len;
}

/** `iov_base=` as the register set `nt` it points at (read at entry or exit), else its address. */
function printIovBase(nt: u64, atExit: bool): void {
  puts("{iov_base=");
  if ((nt != NT_PRSTATUS && nt != NT_FPREGSET) || callNoDeref || (atExit && isError)) {
    putAddr(ivBase);
    return;
  }
  if (findPointee(3, 0, atExit) && ptPtr == ivBase)
    printRegset(nt == NT_FPREGSET, ivBase, ivLen, ptData, ptLen);
  else printRegset(nt == NT_FPREGSET, ivBase, ivLen, 0, 0);
}

function printSetRegsetEntry(nt: u64): i32 {
  if (!iovecAt(false)) {
    putAddr(arg(3));
    return RVAL_DECODED;
  }
  printIovBase(nt, false);
  puts(", iov_len=");
  putU64(ivLen);
  return 0;
}

function printGetRegsetExit(nt: u64): void {
  // A failed call's exit has no captures: the iovec is as it was at entry.
  if (!iovecAt(true) && !iovecAt(false)) {
    putAddr(arg(3));
    return;
  }
  const before = entryIovLen();
  printIovBase(nt, true);
  puts(", iov_len=");
  putU64(before);
  if (before != ivLen) {
    puts(" => ");
    putU64(ivLen);
  }
  putc(0x7d);
}

// ---- PTRACE_SECCOMP_GET_METADATA: {filter_off, flags} of `size` (addr) bytes ----

function printMetadataEntry(p: u64, size: u64): i32 {
  if (size < 8 || p == 0 || callNoDeref || !findCapPrefix(3, CK_STRUCT_IF, false, 8)) {
    putAddr(p);
    return RVAL_DECODED;
  }
  puts("{filter_off=");
  putU64(load<u64>(capData));
  return 0;
}

function printMetadataExit(): void {
  // At exit the kernel's return value is the size it wrote.
  const size: u64 = isError ? 0 : <u64>rval;
  if (!isError && size > 8) {
    puts(", ");
    if (size < 16 || !findCapPrefix(3, CK_STRUCT_IF, true, 16)) puts("???");
    else {
      puts("flags=");
      printFlags(T_SECCOMP_FILTER_FLAGS, load<u64>(capData + 8));
      if (size > 16) puts(", ...");
    }
  }
  putc(0x7d);
}

// ---- PTRACE_PEEKSIGINFO ----

/** struct ptrace_peeksiginfo_args {off, flags, nr} at addr. */
function printPeeksiginfoArgs(p: u64): void {
  if (p == 0 || callNoDeref || !findCap(2, CK_STRUCT_IF, false) || capLen < 16) {
    putAddr(p);
    return;
  }
  puts("{off=");
  putU64(load<u64>(capData));
  puts(", flags=");
  printFlags(T_PTRACE_PEEKSIGINFO_FLAGS, <u64>load<u32>(capData + 8));
  puts(", nr=");
  putU64(<u64>load<u32>(capData + 12));
  putc(0x7d);
}

/** The rval siginfos the kernel copied to data: at most -s of them, then `...`. */
function printSiginfoArray(p: u64): void {
  if (p == 0 || isError || !findCapPrefix(3, CK_STRUCT_IF, true, 0)) {
    putAddr(p);
    return;
  }
  const n = <u64>rval;
  if (n == 0) {
    puts("[]");
    return;
  }
  const have = capLen / SIGINFO_SIZE;
  if (have == 0) {
    putAddr(p);
    return;
  }
  putc(0x5b);
  for (let i: u32 = 0; <u64>i < n; i++) {
    if (i > 0) puts(", ");
    // Entries past the ones read (an unmapped page, or beyond the 16 captured) are elided.
    if (i >= <u32>strsize || i >= have) {
      puts("...");
      break;
    }
    printSiginfo(capData + <usize>i * SIGINFO_SIZE);
  }
  putc(0x5d);
}

/** print_sigset_addr_len: a word's to sigset_t's size of signals at p, else the address. */
function printSigmask(p: u64, size: u64, atExit: bool): void {
  if (
    p == 0 ||
    size < SIGSET_SIZE ||
    size > SIGSET_SIZE ||
    callNoDeref ||
    (atExit && isError) ||
    !findCap(3, CK_STRUCT_IF, atExit) ||
    <u64>capLen < size
  ) {
    putAddr(p);
    return;
  }
  printSigset(capData, <u32>size);
}

function printDataAtExit(req: u64): void {
  const data = arg(3);
  if (req == PTRACE_PEEKTEXT || req == PTRACE_PEEKDATA || req == PTRACE_PEEKUSER) printNum(data, true);
  else if (req == PTRACE_GETEVENTMSG) printNum(data, false);
  else if (req == PTRACE_GETSIGINFO) printSiginfoAt(data, true);
  else if (req == PTRACE_GET_SYSCALL_INFO) printSyscallInfo(data, arg(2));
  else putAddr(data);
}

/** printnum_ptr / printnum_ulong: `[0x…]` or `[N]` from the word the kernel wrote. */
function printNum(p: u64, hex: bool): void {
  if (p == 0 || isError || !findCap(3, CK_STRUCT_IF, true) || capLen < 8) {
    putAddr(p);
    return;
  }
  putc(0x5b);
  if (hex) putHex(load<u64>(capData));
  else putU64(load<u64>(capData));
  putc(0x5d);
}

function printSiginfoAt(p: u64, atExit: bool): void {
  if (p == 0 || (atExit && isError) || !findCap(3, CK_STRUCT_IF, atExit) || capLen < 128) {
    putAddr(p);
    return;
  }
  printSiginfo(capData);
}

/** `args=[0, 0xfac1c0d1]`: the arguments that fit in `fetch` bytes. */
function printPsiArgs(p: usize, fetch: u64): void {
  const n = fetch > <u64>PSI_ARGS ? (fetch - <u64>PSI_ARGS) / 8 : 0;
  if (n == 0) return;
  puts(", args=[");
  for (let i: u64 = 0; i < n && i < 6; i++) {
    if (i > 0) puts(", ");
    putHex(load<u64>(p + PSI_ARGS + <usize>i * 8));
  }
  putc(0x5d);
}

/** print_ptrace_syscall_info: the fields within min(size asked, size written, 84) bytes. */
function printSyscallInfo(p: u64, userLen: u64): void {
  const kernelLen: u64 = isError ? 0 : <u64>rval;
  const ret = userLen < kernelLen ? userLen : kernelLen;
  const fetch = ret < PSI_SECCOMP_SIZE ? ret : PSI_SECCOMP_SIZE;
  // The struct may end just before an unmapped page: only the `fetch` bytes strace reads count.
  if (fetch == 0 || p == 0 || !findCapPrefix(3, CK_STRUCT_IF, true, <u32>fetch) || <u64>capLen < fetch) {
    putAddr(p);
    return;
  }
  const c = capData;
  const op = load<u8>(c);
  puts("{op=");
  printEnum(T_PTRACE_SYSCALL_INFO_OP, <u64>op);
  if (fetch >= <u64>PSI_ARCH + 4) {
    const a = load<u32>(c + PSI_ARCH);
    puts(", arch=");
    printEnum(T_AUDIT_ARCH, <u64>a);
    if (fetch >= <u64>PSI_IP + 8) {
      puts(", instruction_pointer=");
      putAddr(load<u64>(c + PSI_IP));
      if (fetch >= <u64>PSI_SP + 8) {
        puts(", stack_pointer=");
        putAddr(load<u64>(c + PSI_SP));
        if (fetch >= <u64>PSI_UNION + 8) printPsiUnion(c, op, a, fetch);
      }
    }
  }
  putc(0x7d);
}

function printPsiUnion(c: usize, op: u8, a: u32, fetch: u64): void {
  if (op == PSI_ENTRY || op == PSI_SECCOMP) {
    puts(op == PSI_ENTRY ? ", entry={" : ", seccomp={");
    puts("nr=");
    printSyscallNr(load<u64>(c + PSI_UNION), a);
    printPsiArgs(c, fetch);
    if (op == PSI_SECCOMP && fetch >= PSI_SECCOMP_SIZE) {
      puts(", ret_data=");
      putU64(<u64>load<u32>(c + PSI_RET_DATA));
    }
    putc(0x7d);
  } else if (op == PSI_EXIT) {
    const v = load<i64>(c + PSI_UNION);
    const whole = fetch >= PSI_EXIT_SIZE;
    const isErr = whole && load<u8>(c + PSI_EXIT_IS_ERROR) != 0;
    puts(", exit={rval=");
    // PRINT_FIELD_ERR_D: an error as -ENAME when the errno has a name.
    const name = isErr && v < 0 ? errnoName(<u64>-v) : NO_REF;
    if (name != NO_REF && strLen(name) > 0) {
      const start = outLen;
      putc(0x2d);
      putRef(name);
      restyle(start, <u64>v, FMT_DEC, true); // `-ENOENT` starts like a number
    } else putI64(v);
    if (whole) {
      puts(", is_error=");
      putU64(<u64>load<u8>(c + PSI_EXIT_IS_ERROR));
    }
    putc(0x7d);
  }
}
