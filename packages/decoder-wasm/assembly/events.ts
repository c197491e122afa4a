// Non-syscall lines: `--- SIG… {siginfo} ---`, `+++ exited with N +++`, `+++ killed by … +++`.

import { jsonMode, SK_ENUM, spanClose, spanOpen } from "./json/spans";
import {
  T_BUS_CODES,
  T_CLD_CODES,
  T_FPE_CODES,
  T_ILL_CODES,
  T_SEGV_CODES,
  T_SI_CODES,
  T_TRAP_CODES,
} from "./known";
import { T_AUDIT_ARCH, T_POLL_CODES, T_SYS_CODES } from "./known-proc";
import { outLen, putc, puts } from "./out";
import { printFdElem } from "./print/fd";
import { printClockT, putAddr, putHex, putI64, putU64 } from "./print/num";
import { printingSignal, printPid } from "./print/pid";
import { printSignal, printSignalName } from "./print/signal";
import { FMT_HEX, FMT_UDEC, restyle } from "./print/style";
import { printSyscallNr } from "./print/syscall-nr";
import { printEnum, putRef } from "./print/xlat";
import { PT_TGID } from "./record";
import { errnoName, lookup, NO_REF } from "./tables";

const SIGILL: i32 = 4;
const SIGTRAP: i32 = 5;
const SIGBUS: i32 = 7;
const SIGFPE: i32 = 8;
const SIGSEGV: i32 = 11;
const SIGCHLD: i32 = 17;
const SIGIO: i32 = 29;
const SIGSYS: i32 = 31;

const SI_USER: i32 = 0;
const SI_TIMER: i32 = -2;
const SI_SIGIO: i32 = -5;
const SI_TKILL: i32 = -6;
const CLD_EXITED: i32 = 1;
const BUS_MCEERR_AR: i32 = 4;
const BUS_MCEERR_AO: i32 = 5;
const SEGV_BNDERR: i32 = 3;
const SEGV_PKUERR: i32 = 4;
const POLL_IN: i32 = 1;
const POLL_HUP: i32 = 6;

// siginfo_t's 64-bit layout (include/uapi/asm-generic/siginfo.h): si_signo, si_errno, si_code,
// then the union at 16.
const SI_F0: usize = 16; // si_pid, si_timerid, si_band, si_addr, si_call_addr
const SI_F4: usize = 20; // si_uid, si_overrun
const SI_F8: usize = 24; // si_status, si_int/si_ptr, si_fd, si_addr_lsb, si_syscall
const SI_F12: usize = 28; // si_arch
const SI_F16: usize = 32; // si_utime, si_lower, si_pkey
const SI_F24: usize = 40; // si_stime, si_upper

/** The per-signal si_code table strace's print_si_code consults after siginfo_codes. */
function codeTable(signo: i32): i32 {
  if (signo == SIGTRAP) return T_TRAP_CODES;
  if (signo == SIGCHLD) return T_CLD_CODES;
  if (signo == SIGIO) return T_POLL_CODES;
  if (signo == SIGILL) return T_ILL_CODES;
  if (signo == SIGFPE) return T_FPE_CODES;
  if (signo == SIGSEGV) return T_SEGV_CODES;
  if (signo == SIGBUS) return T_BUS_CODES;
  if (signo == SIGSYS) return T_SYS_CODES;
  return -1;
}

/** print_si_code: a name, else the code in hex (print_xlat_ex's default style). */
function printSiCode(signo: i32, code: i32): void {
  const v = <u64>(<u32>code);
  let ref = lookup(T_SI_CODES, v);
  if (ref == NO_REF) ref = lookup(codeTable(signo), v);
  const span = jsonMode ? spanOpen() : 0; // JSON: a constant, like printEnum's
  const start = outLen;
  if (ref != NO_REF) putRef(ref);
  else putHex(v);
  restyle(start, v, FMT_HEX);
  if (jsonMode) spanClose(span, SK_ENUM, <u64>(<i64>code), -1, 0, 0, 0, 0, 0);
}

/** printsigsource: who sent it. */
function printSigSource(p: usize): void {
  puts(", si_pid=");
  printPid(load<i32>(p + SI_F0), PT_TGID);
  puts(", si_uid=");
  putId(load<u32>(p + SI_F4));
}

/** printsigval: the value sent along. */
function printSigVal(p: usize): void {
  puts(", si_int=");
  putI64(load<i32>(p + SI_F8));
  puts(", si_ptr=");
  putAddr(load<u64>(p + SI_F8));
}

function printSiAddr(p: usize): void {
  puts(", si_addr=");
  putAddr(load<u64>(p + SI_F0));
}

function printBandFd(p: usize): void {
  puts(", si_band=");
  putI64(load<i64>(p + SI_F0));
  puts(", si_fd=");
  // -y: what the fd names, from the call's FD_PATHS capture of the field (core's fd-fields.ts);
  // a signal record carries none.
  const fd = load<i32>(p + SI_F8);
  if (printingSignal()) putI64(<i64>fd);
  else printFdElem(fd);
}

/** strace 6.1's printsiginfo. p points at 128 bytes of siginfo_t (64-bit layout). */
export function printSiginfo(p: usize): void {
  const signo = load<i32>(p);
  const errno = load<i32>(p + 4);
  const code = load<i32>(p + 8);
  // An empty siginfo (waitid's WNOHANG with nothing to report) is `{}`.
  if (signo == 0) {
    puts("{}");
    return;
  }
  puts("{si_signo=");
  printSignal(<u64>(<u32>signo));
  puts(", si_code=");
  printSiCode(signo, code);
  if (errno != 0) {
    // PRINT_FIELD_ERR_U: the errno's name, else the number unsigned.
    puts(", si_errno=");
    const start = outLen;
    const e = errnoName(<u64>(<u32>errno));
    if (e != NO_REF) putRef(e);
    else putU64(<u64>(<u32>errno));
    restyle(start, <u64>(<u32>errno), FMT_UDEC);
  }
  if (code <= 0) printFromUser(p, code);
  else printFromKernel(p, signo, code);
  putc(0x7d);
}

/** SI_FROMUSER: kill(), sigqueue(), timers, tkill(). */
function printFromUser(p: usize, code: i32): void {
  if (code == SI_USER || code == SI_TKILL) printSigSource(p);
  else if (code == SI_TIMER) {
    puts(", si_timerid=");
    putHex(<u64>load<u32>(p + SI_F0));
    puts(", si_overrun=");
    putI64(load<i32>(p + SI_F4));
    printSigVal(p);
  } else if (code == SI_SIGIO) printBandFd(p);
  else {
    printSigSource(p);
    // strace prints the value of the other user codes (SI_QUEUE, SI_MESGQ, …) only when si_ptr is set.
    if (load<u64>(p + SI_F8) != 0) printSigVal(p);
  }
}

/** Sent by the kernel: the fields the signal's own union member holds. */
function printFromKernel(p: usize, signo: i32, code: i32): void {
  if (signo == SIGCHLD) {
    printSigSource(p);
    puts(", si_status=");
    const status = load<i32>(p + SI_F8);
    if (code == CLD_EXITED) putI64(status);
    else printSignal(<u64>(<u32>status));
    puts(", si_utime=");
    printClockT(load<i64>(p + SI_F16));
    puts(", si_stime=");
    printClockT(load<i64>(p + SI_F24));
  } else if (signo == SIGILL || signo == SIGFPE || signo == SIGTRAP) {
    printSiAddr(p);
  } else if (signo == SIGBUS) {
    printSiAddr(p);
    if (code == BUS_MCEERR_AR || code == BUS_MCEERR_AO) {
      puts(", si_addr_lsb=");
      putHex(<u64>load<u16>(p + SI_F8));
    }
  } else if (signo == SIGSEGV) {
    printSiAddr(p);
    if (code == SEGV_BNDERR) {
      puts(", si_lower=");
      putAddr(load<u64>(p + SI_F16));
      puts(", si_upper=");
      putAddr(load<u64>(p + SI_F24));
    } else if (code == SEGV_PKUERR) {
      puts(", si_pkey=");
      putU64(<u64>load<u32>(p + SI_F16));
    }
  } else if (signo == SIGIO) {
    if (code >= POLL_IN && code <= POLL_HUP) printBandFd(p);
  } else if (signo == SIGSYS) {
    puts(", si_call_addr=");
    putAddr(load<u64>(p + SI_F0));
    puts(", si_syscall=");
    const arch = load<u32>(p + SI_F12);
    printSyscallNr(<u64>load<u32>(p + SI_F8), arch);
    puts(", si_arch=");
    printEnum(T_AUDIT_ARCH, <u64>arch);
  } else {
    if (load<i32>(p + SI_F0) != 0 || load<u32>(p + SI_F4) != 0) printSigSource(p);
    if (load<u64>(p + SI_F8) != 0) printSigVal(p);
  }
}

function putId(v: u32): void {
  if (v == 0xffffffff) puts("-1");
  else putU64(<u64>v);
}

/** `+++ exited with 0 +++`, `+++ killed by SIGKILL +++`, `+++ killed by SIGSEGV (core dumped) +++`. */
export function printExitStatus(status: i32): void {
  const sig = status & 0x7f;
  if (sig == 0) {
    puts("+++ exited with ");
    putI64((status >> 8) & 0xff);
    puts(" +++");
  } else if (sig != 0x7f) {
    puts("+++ killed by ");
    printSignalName(<u64>sig);
    if ((status & 0x80) != 0) puts(" (core dumped)");
    puts(" +++");
  } else {
    puts("+++ stopped by ");
    printSignalName(<u64>((status >> 8) & 0xff));
    puts(" +++");
  }
}
