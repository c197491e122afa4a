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
import { outLen, putc, puts } from "./out";
import { printClockT, putAddr, putI64, putU64 } from "./print/num";
import { printSignal, printSignalName } from "./print/signal";
import { FMT_HEX, restyle } from "./print/style";
import { printEnum, putRef } from "./print/xlat";
import { errnoName, lookup, NO_REF } from "./tables";

const SIGILL: i32 = 4;
const SIGTRAP: i32 = 5;
const SIGBUS: i32 = 7;
const SIGFPE: i32 = 8;
const SIGSEGV: i32 = 11;
const SIGCHLD: i32 = 17;

const SI_USER: i32 = 0;
const SI_TIMER: i32 = -2;
const SI_TKILL: i32 = -6;
const SI_KERNEL: i32 = 0x80;

/** printsiginfo for the common cases. p points at 128 bytes of siginfo_t (64-bit layout). */
export function printSiginfo(p: usize): void {
  const signo = load<i32>(p);
  const errno = load<i32>(p + 4);
  const code = load<i32>(p + 8);
  // strace's printsiginfo: an empty siginfo (waitid's WNOHANG with nothing to report) is `{}`.
  if (signo == 0) {
    puts("{}");
    return;
  }
  puts("{si_signo=");
  printSignal(<u64>(<u32>signo));
  puts(", si_code=");
  const codeStart = outLen;
  let ref: u32 = NO_REF;
  if (code > 0 && code < SI_KERNEL) {
    let t: i32 = -1;
    if (signo == SIGCHLD) t = T_CLD_CODES;
    else if (signo == SIGSEGV) t = T_SEGV_CODES;
    else if (signo == SIGBUS) t = T_BUS_CODES;
    else if (signo == SIGILL) t = T_ILL_CODES;
    else if (signo == SIGFPE) t = T_FPE_CODES;
    else if (signo == SIGTRAP) t = T_TRAP_CODES;
    ref = lookup(t, <u64>(<u32>code));
  }
  if (ref == NO_REF) ref = lookup(T_SI_CODES, <u64>(<u32>code));
  if (ref != NO_REF) {
    const span = jsonMode ? spanOpen() : 0; // JSON: a constant, like printEnum's
    putRef(ref);
    restyle(codeStart, <u64>(<u32>code), FMT_HEX);
    if (jsonMode) spanClose(span, SK_ENUM, <u64>(<i64>code), -1, 0, 0, 0, 0, 0);
  } else printEnum(-1, <u64>(<u32>code), true);
  if (errno != 0) {
    // PRINT_FIELD_ERR_U: the errno's name, else the number unsigned.
    puts(", si_errno=");
    const e = errnoName(<u64>(<u32>errno));
    if (e != NO_REF) putRef(e);
    else putU64(<u64>(<u32>errno));
  }
  if (code <= 0 || code == SI_KERNEL) {
    if (code == SI_TIMER) {
      puts(", si_timerid=");
      putHex32(load<u32>(p + 16));
      puts(", si_overrun=");
      putI64(load<i32>(p + 20));
      puts(", si_int=");
      putI64(load<i32>(p + 24));
      puts(", si_ptr=");
      putAddr(load<u64>(p + 24));
    } else if (code != SI_KERNEL) {
      // si_pid as a pid (%d), si_uid as an id (-1 for (uid_t)-1, else %u).
      puts(", si_pid=");
      putI64(<i64>load<i32>(p + 16));
      puts(", si_uid=");
      putId(load<u32>(p + 20));
      // strace prints the value of the other user codes (SI_QUEUE, SI_MESGQ, …) only when si_ptr is set.
      if (code != SI_USER && code != SI_TKILL && load<u64>(p + 24) != 0) {
        puts(", si_int=");
        putI64(load<i32>(p + 24));
        puts(", si_ptr=");
        putAddr(load<u64>(p + 24));
      }
    }
  } else if (signo == SIGCHLD) {
    puts(", si_pid=");
    putU64(<u64>load<u32>(p + 16));
    puts(", si_uid=");
    putU64(<u64>load<u32>(p + 20));
    puts(", si_status=");
    const status = load<i32>(p + 24);
    if (code == 1)
      putI64(status); // CLD_EXITED: exit code
    else printSignal(<u64>(<u32>status));
    puts(", si_utime=");
    printClockT(load<i64>(p + 32));
    puts(", si_stime=");
    printClockT(load<i64>(p + 40));
  } else if (signo == SIGSEGV || signo == SIGBUS || signo == SIGILL || signo == SIGFPE || signo == SIGTRAP) {
    puts(", si_addr=");
    putAddr(load<u64>(p + 16));
  }
  putc(0x7d);
}

function putId(v: u32): void {
  if (v == 0xffffffff) puts("-1");
  else putU64(<u64>v);
}

function putHex32(v: u32): void {
  puts("0x");
  let started = false;
  for (let s = 28; s >= 0; s -= 4) {
    const d = (v >> <u32>s) & 0xf;
    if (d == 0 && !started && s > 0) continue;
    started = true;
    putc(d < 10 ? 0x30 + d : 0x57 + d);
  }
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
