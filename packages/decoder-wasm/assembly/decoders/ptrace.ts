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
  T_PTRACE_CMDS,
  T_PTRACE_SETOPTIONS_FLAGS,
  T_PTRACE_SYSCALL_INFO_OP,
} from "../known-proc";
import { callNoDeref } from "../options";
import { outLen, putc, puts } from "../out";
import { putAddr, putHex, putI64, putU64 } from "../print/num";
import { printSignal } from "../print/signal";
import { FMT_DEC, restyle } from "../print/style";
import { printEnum, printFlags, putRef } from "../print/xlat";
import { CK_STRUCT_IF } from "../record";
import { printSyscallNr } from "../print/syscall-nr";
import { errnoName, NO_REF, strLen } from "../tables";
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
const PTRACE_SYSCALL: u64 = 0x18;
const PTRACE_SYSEMU: u64 = 0x1f;
const PTRACE_SYSEMU_SINGLESTEP: u64 = 0x20;
const PTRACE_SINGLEBLOCK: u64 = 0x21;
const PTRACE_SETOPTIONS: u64 = 0x4200;
const PTRACE_GETEVENTMSG: u64 = 0x4201;
const PTRACE_GETSIGINFO: u64 = 0x4202;
const PTRACE_SETSIGINFO: u64 = 0x4203;
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
  if (exiting) {
    printDataAtExit(req);
    return RVAL_DECODED;
  }
  printEnum(T_PTRACE_CMDS, req);
  if (req == PTRACE_TRACEME) return RVAL_DECODED;
  puts(", ");
  putI64(<i64>(<i32>arg(1)));
  if (req == PTRACE_ATTACH || req == PTRACE_INTERRUPT || req == PTRACE_KILL || req == PTRACE_LISTEN)
    return RVAL_DECODED;
  puts(", ");
  const addr = arg(2);
  if (
    req == PTRACE_GETSIGMASK ||
    req == PTRACE_SETSIGMASK ||
    req == PTRACE_SECCOMP_GET_FILTER ||
    req == PTRACE_SECCOMP_GET_METADATA ||
    req == PTRACE_GET_SYSCALL_INFO
  )
    putU64(addr);
  else putAddr(addr);
  puts(", ");
  const data = arg(3);
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
  else if (dataAtExit(req) && !callNoDeref) return 0;
  else putAddr(data);
  return RVAL_DECODED;
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
