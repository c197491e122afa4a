// Process-family decoders whose layout depends on argument values: clone/clone3 (named
// arguments, printed only for the flags that use them), wait4 (status macros),
// umask (octal), sched_getscheduler (the policy it returns), sched_{get,set}affinity (CPU lists), getgroups/setgroups (counted arrays).

import { arch, arg, capData, capLen, exiting, findCap, isError, rval } from "../call";
import { jsonMode, SK_FLAGS, spanClose, spanOpen } from "../json/spans";
import { T_CLONE_FLAGS, T_SCHED_POLICIES, T_WAIT4_OPTIONS } from "../known";
import { strsize, verbose } from "../options";
import { putc, puts } from "../out";
import { findPointee, ptData, ptLen } from "../pointee";
import { printFdElem } from "../print/fd";
import { putAddr, putHex, putI64, putOct, putU64 } from "../print/num";
import { printPid } from "../print/pid";
import { printSignal } from "../print/signal";
import { printStruct, printWaitStatus, S_RUSAGE } from "../print/structs";
import { printFlags } from "../print/xlat";
import { AUDIT_ARCH_X86_64, CK_ARRAY, CK_STRUCT, PT_TGID, PT_TGID_PGID } from "../record";
import { printUid } from "./args";
import { printElems } from "./elems";
import { extData, extTailShows, findExt, printExtTail } from "./ext-struct";
import { AUX_ENUM, RVAL_DECODED, RVAL_OCTAL, setAux } from "./rval";

const CSIGNAL: u64 = 0xff;
const CLONE_SETTLS: u64 = 0x00080000;
const CLONE_PARENT_SETTID: u64 = 0x00100000;
const CLONE_CHILD_CLEARTID: u64 = 0x00200000;
const CLONE_CHILD_SETTID: u64 = 0x01000000;
const CLONE_PIDFD: u64 = 0x00001000;

/** `CLONE_VM|CLONE_FS|SIGCHLD`: the flags by name, then the exit signal in the low byte. */
function printCloneFlags(flags: u64, withSignal: bool): void {
  const span = jsonMode ? spanOpen() : 0; // JSON: one flag set, the signal's name among the flags
  const rest = withSignal ? flags & ~CSIGNAL : flags;
  const sig = withSignal ? flags & CSIGNAL : 0;
  if (rest != 0 || sig == 0) printFlags(T_CLONE_FLAGS, rest);
  if (sig != 0) {
    if (rest != 0) putc(0x7c);
    printSignal(sig);
  }
  if (jsonMode) spanClose(span, SK_FLAGS, flags, -1, 0, 0, 0, 0, 0);
}

export function decodeClone(): i32 {
  const x86 = arch == AUDIT_ARCH_X86_64 || arch == 0;
  const flags = arg(0);
  // x86_64: flags, stack, parent_tid, child_tid, tls; the generic ABI swaps the last two.
  const ctidArg: u32 = x86 ? 3 : 4;
  const tlsArg: u32 = x86 ? 4 : 3;
  if (!exiting) {
    puts("child_stack=");
    putAddr(arg(1));
    puts(", flags=");
    printCloneFlags(flags, true);
    if (
      (flags &
        (CLONE_PARENT_SETTID | CLONE_PIDFD | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | CLONE_SETTLS)) ==
      0
    )
      return RVAL_DECODED;
    if ((flags & (CLONE_PARENT_SETTID | CLONE_PIDFD)) != 0) return 0;
    printCloneTail(flags, ctidArg, tlsArg);
    return RVAL_DECODED;
  }
  puts(", parent_tid=");
  if (!isError && (flags & CLONE_PARENT_SETTID) != 0) {
    putc(0x5b);
    putI64(rval);
    putc(0x5d);
  } else if (!isError && findCap(2, CK_STRUCT, true) && capLen >= 4) {
    // CLONE_PIDFD alone: the pidfd the kernel stored there, an fd (-y: what it names).
    putc(0x5b);
    printFdElem(load<i32>(capData));
    putc(0x5d);
  } else putAddr(arg(2));
  printCloneTail(flags, ctidArg, tlsArg);
  return RVAL_DECODED;
}

function printCloneTail(flags: u64, ctidArg: u32, tlsArg: u32): void {
  if ((flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) != 0) {
    puts(", child_tidptr=");
    putAddr(arg(ctidArg));
  }
  if ((flags & CLONE_SETTLS) != 0) {
    puts(", tls=");
    putAddr(arg(tlsArg));
  }
}

/** clone3({flags=…, exit_signal=…, stack=…, stack_size=…} => {parent_tid=[N]}, 88). */
/** linux/sched.h: CLONE_ARGS_SIZE_VER0..2 and the largest set_tid strace prints as an array. */
const CLONE_ARGS_SIZE_VER0: u64 = 64;
const CLONE_ARGS_SIZE_VER1: u64 = 80;
const CLONE_ARGS_SIZE_VER2: u64 = 88;
const MAX_SET_TID_SIZE: u64 = 32;
const CLONE_INTO_CGROUP: u64 = 0x200000000;

/** set_tid's `n` pids (from its POINTEE capture), at most -s of them unless -v. */
function printTids(n: u32): void {
  putc(0x5b);
  for (let i: u32 = 0; i < n; i++) {
    if (i > 0) puts(", ");
    if (!verbose && i >= <u32>strsize) {
      puts("...");
      break;
    }
    putI64(<i64>load<i32>(ptData + <usize>(i * 4)));
  }
  putc(0x5d);
}

/** A pointer the kernel stores an int through at exit: `[N]`, NULL, or its address. */
function printStoredInt(offset: u32, ptr: u64): void {
  if (ptr == 0) puts("NULL");
  else if (findPointee(0, offset, true) && ptLen >= 4) {
    putc(0x5b);
    putI64(<i64>load<i32>(ptData));
    putc(0x5d);
  } else putAddr(ptr);
}

/**
 * clone3(args, size) as strace 6.1's clone.c: the fields the caller's size covers (its readable
 * prefix, from the sized capture), the bytes past the known struct when not zeros; at exit the
 * pidfd and parent tid the kernel stored (`=> {pidfd=[3], parent_tid=[42]}`). The flags and the
 * trailing bytes shown at exit are the ones read at entry.
 */
export function decodeClone3(): i32 {
  const p = arg(0);
  const size = arg(1);
  const known = size < CLONE_ARGS_SIZE_VER2 ? size : CLONE_ARGS_SIZE_VER2;
  const ok = size >= CLONE_ARGS_SIZE_VER0 && findExt(0, <u32>known);
  const c = extData;
  const flags = ok ? load<u64>(c) : 0;
  if (!exiting) {
    if (!ok) {
      putAddr(p);
      puts(", ");
      putU64(size);
      return RVAL_DECODED;
    }
    puts("{flags=");
    printCloneFlags(flags, false);
    if ((flags & CLONE_PIDFD) != 0) {
      puts(", pidfd=");
      putAddr(load<u64>(c + 8));
    }
    if ((flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) != 0) {
      puts(", child_tid=");
      putAddr(load<u64>(c + 16));
    }
    if ((flags & CLONE_PARENT_SETTID) != 0) {
      puts(", parent_tid=");
      putAddr(load<u64>(c + 24));
    }
    puts(", exit_signal=");
    const sig = load<u64>(c + 32);
    if (sig < 0x7fffffff) printSignal(sig);
    else putU64(sig);
    puts(", stack=");
    putAddr(load<u64>(c + 40));
    puts(", stack_size=");
    putHex(load<u64>(c + 48));
    if ((flags & CLONE_SETTLS) != 0) {
      puts(", tls=");
      putAddr(load<u64>(c + 56));
    }
    if (size >= CLONE_ARGS_SIZE_VER1) {
      const setTid = load<u64>(c + 64);
      const n = load<u64>(c + 72);
      if (setTid != 0 || n != 0) {
        puts(", set_tid=");
        if (setTid == 0 || n == 0 || n > MAX_SET_TID_SIZE) putAddr(setTid);
        else if (findPointee(0, 64, false) && <u64>ptLen >= n * 4) printTids(<u32>n);
        else putAddr(setTid);
        puts(", set_tid_size=");
        putU64(n);
      }
    }
    if (size >= CLONE_ARGS_SIZE_VER2) {
      const cgroup = load<u64>(c + 80);
      if (cgroup != 0 || (flags & CLONE_INTO_CGROUP) != 0) {
        puts(", cgroup=");
        putU64(cgroup);
      }
    }
    printExtTail(<u32>CLONE_ARGS_SIZE_VER2, size);
    putc(0x7d);
    if ((flags & (CLONE_PIDFD | CLONE_PARENT_SETTID)) == 0 && size <= CLONE_ARGS_SIZE_VER2) {
      puts(", ");
      putU64(size);
      return RVAL_DECODED;
    }
    return 0;
  }
  const tail = extTailShows(<u32>CLONE_ARGS_SIZE_VER2, size);
  if (!isError && ((flags & (CLONE_PIDFD | CLONE_PARENT_SETTID)) != 0 || tail)) {
    puts(" => {");
    let sep = false;
    if ((flags & CLONE_PIDFD) != 0) {
      puts("pidfd=");
      printStoredInt(8, load<u64>(c + 8));
      sep = true;
    }
    if ((flags & CLONE_PARENT_SETTID) != 0) {
      if (sep) puts(", ");
      puts("parent_tid=");
      printStoredInt(24, load<u64>(c + 24));
      sep = true;
    }
    if (tail) printExtTail(<u32>CLONE_ARGS_SIZE_VER2, size, sep);
    putc(0x7d);
  }
  puts(", ");
  putU64(size);
  return RVAL_DECODED;
}

/** wait4(pid, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], options, rusage). */
export function decodeWait4(): i32 {
  if (!exiting) {
    printPid(<i32>arg(0), PT_TGID_PGID);
    puts(", ");
    return 0;
  }
  const p = arg(1);
  if (p != 0 && !isError && rval != 0 && findCap(1, CK_STRUCT, true) && capLen >= 4) {
    putc(0x5b);
    printWaitStatus(load<u32>(capData));
    putc(0x5d);
  } else putAddr(p);
  puts(", ");
  printFlags(T_WAIT4_OPTIONS, <u64>(<u32>arg(2)));
  puts(", ");
  // Like the status, the rusage is printed only when a child was reaped.
  const ru = arg(3);
  const reaped = ru != 0 && !isError && rval != 0 && findCap(3, CK_STRUCT, true);
  if (!reaped || !printStruct(S_RUSAGE, capData, capLen, arch)) putAddr(ru);
  return RVAL_DECODED;
}

export function decodeUmask(): i32 {
  // print_numeric_umode_t takes an unsigned short: umask(0177777) prints 0177777.
  putOct(<u64>(<u16>arg(0)), 3);
  return RVAL_DECODED | RVAL_OCTAL;
}

function printCpuSet(p: usize, bytes: u32): void {
  putc(0x5b);
  let first = true;
  for (let i: u32 = 0; i < bytes * 8; i++) {
    if (((<u32>load<u8>(p + <usize>(i >> 3)) >> (i & 7)) & 1) == 0) continue;
    if (!first) putc(0x20);
    first = false;
    putU64(<u64>i);
  }
  putc(0x5d);
}

/** sched_getaffinity(pid, len, [0 1]) (mask at exit, rval bytes) and sched_setaffinity (at entry). */
export function decodeSchedAffinity(get: bool): i32 {
  if (!exiting) {
    printPid(<i32>arg(0), PT_TGID);
    puts(", ");
    putU64(arg(1));
    puts(", ");
    if (get) return 0;
  }
  const n: u64 = get ? <u64>rval : arg(1);
  if (arg(2) != 0 && !(get && isError) && findCap(2, CK_ARRAY, get)) {
    printCpuSet(capData, <u32>(n < <u64>capLen ? n : <u64>capLen));
  } else putAddr(arg(2));
  return RVAL_DECODED;
}

function printGid(p: usize, size: u32): void {
  printUid(load<u32>(p));
  changetype<usize>(size);
}

/** NGROUPS_MAX: strace prints a longer list as its address. */
const NGROUPS_MAX: u64 = 65536;

function printGroupList(n: u64, atExit: bool): void {
  if (n > NGROUPS_MAX) putAddr(arg(1));
  else printElems(1, n, 4, atExit, printGid);
}

/** getgroups(size, list) prints rval gids at exit; setgroups(size, list) size gids at entry. */
export function decodeGroups(get: bool): i32 {
  if (!exiting) {
    putI64(<i64>(<i32>arg(0)));
    puts(", ");
    if (get) return 0;
    printGroupList(<u64>(<u32>arg(0)), false);
    return RVAL_DECODED;
  }
  // strace's print_groups: only a successful call's list, of as many gids as it returned
  if (arg(0) == 0 && arg(1) != 0 && !isError) puts("[]");
  else if (isError) putAddr(arg(1));
  else printGroupList(<u64>rval, true);
  return RVAL_DECODED;
}

/** sched_getscheduler(pid) `= 0 (SCHED_OTHER)`: the policy is the return value. */
export function decodeSchedGetscheduler(): i32 {
  if (!exiting) {
    printPid(<i32>arg(0), PT_TGID);
    return 0;
  }
  if (!isError) setAux(AUX_ENUM, T_SCHED_POLICIES);
  return RVAL_DECODED;
}
