// prctl(option, arg2, arg3, arg4, arg5) as strace 6.1's prctl.c prints it: each option names its
// own arguments; what the kernel writes through arg2 (PR_GET_PDEATHSIG's int, PR_GET_TID_ADDRESS's
// pointer, …) prints at exit from core's value captures (data/value-captures.ts); options whose
// result is the return value annotate it (`= 0x3 (SECBIT_NOROOT|SECBIT_NOROOT_LOCKED)`).

import { arg, capData, capLen, capPartial, exiting, findCap, isError, rval } from "../call";
import { T_PRCTL_DUMPABLE, T_PRCTL_OPTIONS } from "../known";
import { SIZEOF_SOCK_FPROG } from "../layouts";
import { strsize, xflag, xlatStyle } from "../options";
import { outLen, putc, puts, truncateOut } from "../out";
import { putAddr, putHex, putI64, putU64 } from "../print/num";
import { quote } from "../print/quote";
import { printSignal } from "../print/signal";
import { FMT_DEC, restyle } from "../print/style";
import { printEnum, printFlags, putRef } from "../print/xlat";
import { CK_STRUCT_IF } from "../record";
import { entryName, entryValue, findTable, lookup, NO_REF, tableCount } from "../tables";
import { BPF_K_SECCOMP, printSockFprogAt } from "./bpf-filter";
import { AUX_CUSTOM, AUX_ENUM, RVAL_DECODED, RVAL_HEX, setAux } from "./rval";

// Option numbers: include/uapi/linux/prctl.h (ABI, the same on every architecture).
const PR_SET_PDEATHSIG: u32 = 1;
const PR_GET_PDEATHSIG: u32 = 2;
const PR_GET_DUMPABLE: u32 = 3;
const PR_SET_DUMPABLE: u32 = 4;
const PR_GET_UNALIGN: u32 = 5;
const PR_SET_UNALIGN: u32 = 6;
const PR_GET_KEEPCAPS: u32 = 7;
const PR_SET_KEEPCAPS: u32 = 8;
const PR_GET_FPEMU: u32 = 9;
const PR_SET_FPEMU: u32 = 10;
const PR_GET_FPEXC: u32 = 11;
const PR_SET_FPEXC: u32 = 12;
const PR_GET_TIMING: u32 = 13;
const PR_SET_TIMING: u32 = 14;
const PR_SET_NAME: u32 = 15;
const PR_GET_NAME: u32 = 16;
const PR_GET_ENDIAN: u32 = 19;
const PR_SET_ENDIAN: u32 = 20;
const PR_GET_SECCOMP: u32 = 21;
const PR_SET_SECCOMP: u32 = 22;
const PR_CAPBSET_READ: u32 = 23;
const PR_CAPBSET_DROP: u32 = 24;
const PR_GET_TSC: u32 = 25;
const PR_SET_TSC: u32 = 26;
const PR_GET_SECUREBITS: u32 = 27;
const PR_SET_SECUREBITS: u32 = 28;
const PR_SET_TIMERSLACK: u32 = 29;
const PR_GET_TIMERSLACK: u32 = 30;
const PR_TASK_PERF_EVENTS_DISABLE: u32 = 31;
const PR_TASK_PERF_EVENTS_ENABLE: u32 = 32;
const PR_MCE_KILL: u32 = 33;
const PR_MCE_KILL_GET: u32 = 34;
const PR_SET_MM: u32 = 35;
const PR_SET_CHILD_SUBREAPER: u32 = 36;
const PR_GET_CHILD_SUBREAPER: u32 = 37;
const PR_SET_NO_NEW_PRIVS: u32 = 38;
const PR_GET_TID_ADDRESS: u32 = 40;
const PR_SET_THP_DISABLE: u32 = 41;
const PR_SET_FP_MODE: u32 = 45;
const PR_GET_FP_MODE: u32 = 46;
const PR_CAP_AMBIENT: u32 = 47;
const PR_SVE_SET_VL: u32 = 50;
const PR_SVE_GET_VL: u32 = 51;
const PR_GET_SPECULATION_CTRL: u32 = 52;
const PR_SET_SPECULATION_CTRL: u32 = 53;
const PR_PAC_RESET_KEYS: u32 = 54;
const PR_SET_TAGGED_ADDR_CTRL: u32 = 55;
const PR_GET_TAGGED_ADDR_CTRL: u32 = 56;
const PR_SET_IO_FLUSHER: u32 = 57;
const PR_SET_SYSCALL_USER_DISPATCH: u32 = 59;
const PR_PAC_SET_ENABLED_KEYS: u32 = 60;
const PR_PAC_GET_ENABLED_KEYS: u32 = 61;
const PR_SCHED_CORE: u32 = 62;
const PR_SME_SET_VL: u32 = 63;
const PR_SME_GET_VL: u32 = 64;
const PR_SET_VMA: u32 = 0x53564d41;
const PR_SET_PTRACER: u32 = 0x59616d61;

const PR_SCHED_CORE_GET: u64 = 0;
const PR_MCE_KILL_SET: u64 = 1;
const SECCOMP_MODE_STRICT: u64 = 1;
const SECCOMP_MODE_FILTER: u64 = 2;
const PR_SET_VMA_ANON_NAME: u64 = 0;
/** PR_SVE_VL_LEN_MASK and PR_SME_VL_LEN_MASK: the vector length below the flag bits. */
const VL_LEN_MASK: u64 = 0xffff;
const PR_TAGGED_ADDR_ENABLE: u64 = 1;
const PR_MTE_TCF_MASK: u64 = 6;
const PR_MTE_TAG_SHIFT: u64 = 3;
const PR_MTE_TAG_MASK: u64 = 0xffff << 3;
/** TASK_COMM_LEN: the most a task name holds, its NUL included. */
const TASK_COMM_LEN: u32 = 16;

// Constant tables by name, resolved on first use (core's data/xlat/*.in).
let ready = false;
let T_CAP: i32 = -1;
let T_CAP_AMBIENT: i32 = -1;
let T_FP_MODE: i32 = -1;
let T_MCE_KILL: i32 = -1;
let T_MCE_KILL_POLICY: i32 = -1;
let T_PAC_ENABLED_KEYS: i32 = -1;
let T_PAC_KEYS: i32 = -1;
let T_SCHED_CORE_CMDS: i32 = -1;
let T_SCHED_CORE_PIDTYPES: i32 = -1;
let T_SET_MM: i32 = -1;
let T_SET_VMA: i32 = -1;
let T_SME_VL_FLAGS: i32 = -1;
let T_SVE_VL_FLAGS: i32 = -1;
let T_SPEC_CMDS: i32 = -1;
let T_SPEC_GET: i32 = -1;
let T_SPEC_SET: i32 = -1;
let T_SUD_CMDS: i32 = -1;
let T_TAGGED_ENABLE: i32 = -1;
let T_MTE_TCF: i32 = -1;
let T_TSC: i32 = -1;
let T_UNALIGN: i32 = -1;
let T_SECCOMP_MODE: i32 = -1;
let T_SECBITS: i32 = -1;

function resolve(): void {
  if (ready) return;
  ready = true;
  T_CAP = findTable("cap");
  T_CAP_AMBIENT = findTable("pr_cap_ambient");
  T_FP_MODE = findTable("pr_fp_mode");
  T_MCE_KILL = findTable("pr_mce_kill");
  T_MCE_KILL_POLICY = findTable("pr_mce_kill_policy");
  T_PAC_ENABLED_KEYS = findTable("pr_pac_enabled_keys");
  T_PAC_KEYS = findTable("pr_pac_keys");
  T_SCHED_CORE_CMDS = findTable("pr_sched_core_cmds");
  T_SCHED_CORE_PIDTYPES = findTable("pr_sched_core_pidtypes");
  T_SET_MM = findTable("pr_set_mm");
  T_SET_VMA = findTable("pr_set_vma");
  T_SME_VL_FLAGS = findTable("pr_sme_vl_flags");
  T_SVE_VL_FLAGS = findTable("pr_sve_vl_flags");
  T_SPEC_CMDS = findTable("pr_spec_cmds");
  T_SPEC_GET = findTable("pr_spec_get_store_bypass_flags");
  T_SPEC_SET = findTable("pr_spec_set_store_bypass_flags");
  T_SUD_CMDS = findTable("pr_sud_cmds");
  T_TAGGED_ENABLE = findTable("pr_tagged_addr_enable");
  T_MTE_TCF = findTable("pr_tagged_addr_mte_tcf");
  T_TSC = findTable("pr_tsc");
  T_UNALIGN = findTable("pr_unalign_flags");
  T_SECCOMP_MODE = findTable("seccomp_mode");
  T_SECBITS = findTable("secbits");
}

// What follows the return value (strace's auxstr), printed by printPrctlAux.
const PAUX_FLAGS: i32 = 1;
const PAUX_ENUM: i32 = 2;
const PAUX_SVE: i32 = 3;
const PAUX_SME: i32 = 4;
const PAUX_TAGGED: i32 = 5;
let pauxKind: i32 = 0;
let pauxTable: i32 = -1;

function setPaux(kind: i32, table: i32): void {
  pauxKind = kind;
  pauxTable = table;
  setAux(AUX_CUSTOM, 0);
}

/** print_prctl_args: arguments `first`..4 in hex. */
function restArgs(first: u32): void {
  for (let i = first; i < 5; i++) {
    puts(", ");
    putHex(arg(i));
  }
}

/**
 * sprintflags_ex in abbrev style without a default: the names joined by `|`, unknown bits as hex;
 * false (nothing printed) when no bit has a name and `auxMode` (strace's SPFF_AUXSTR_MODE), or
 * when the value is 0 and the table names no 0.
 */
export function putFlagNames(idx: i32, v: u64, auxMode: bool): bool {
  if (idx < 0) return false;
  const t = <u32>idx;
  const n = tableCount(t);
  if (v == 0) {
    if (n > 0 && entryValue(t, 0) == 0) {
      putRef(entryName(t, 0));
      return true;
    }
    return false;
  }
  let rest = v;
  let found = false;
  const start = outLen;
  for (let j: u32 = 0; j < n && rest != 0; j++) {
    const ev = entryValue(t, j);
    if (ev == 0 || (rest & ev) != ev) continue;
    if (found) putc(0x7c);
    putRef(entryName(t, j));
    found = true;
    rest &= ~ev;
  }
  if (rest != 0) {
    if (found) {
      putc(0x7c);
      putHex(rest);
    } else if (!auxMode) putHex(rest);
  }
  return outLen > start;
}

/** sprint_sve_val / sprint_sme_val: `PR_SVE_VL_INHERIT|0x1234` (the length after the flags). */
function printVl(flagsTable: i32, v: u64, aux: bool): bool {
  if (xlatStyle == 1) {
    if (aux) return false;
    putHex(v);
    return true;
  }
  const vl = v & VL_LEN_MASK;
  const flags = v & ~VL_LEN_MASK;
  if (flags == 0 && aux) return false;
  const verbose = !aux && flags != 0 && xlatStyle == 2;
  if (verbose) {
    putHex(v);
    puts(" /* ");
  }
  if (putFlagNames(flagsTable, flags, false)) putc(0x7c);
  putHex(vl);
  if (verbose) puts(" */");
  return true;
}

/** sprint_tagged_addr_val: `PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_SYNC|0x3<<PR_MTE_TAG_SHIFT`. */
function printTagged(v: u64, isRval: bool): bool {
  if (!isRval && xlatStyle != 0) putHex(v);
  if (xlatStyle == 1) return !isRval;
  if (!isRval && xlatStyle == 2) puts(" /* ");
  putFlagNames(T_TAGGED_ENABLE, v & PR_TAGGED_ADDR_ENABLE, false);
  putc(0x7c);
  const tcf = v & PR_MTE_TCF_MASK;
  const ref = lookup(T_MTE_TCF, tcf);
  if (ref != NO_REF) putRef(ref);
  else putHex(tcf);
  const tag = v & PR_MTE_TAG_MASK;
  if (tag != 0) {
    putc(0x7c);
    putHex(tag >> PR_MTE_TAG_SHIFT);
    puts("<<PR_MTE_TAG_SHIFT");
  }
  const rest = v & ~(PR_TAGGED_ADDR_ENABLE | PR_MTE_TCF_MASK | PR_MTE_TAG_MASK);
  if (rest != 0) {
    putc(0x7c);
    putHex(rest);
  }
  if (!isRval && xlatStyle == 2) puts(" */");
  return true;
}

/** The annotation after the return value (decoders/index.ts printAux calls it). */
export function printPrctlAux(): void {
  const start = outLen;
  puts(" (");
  const mid = outLen;
  const v = <u64>rval;
  let any = false;
  if (pauxKind == PAUX_FLAGS) any = xlatStyle != 1 && putFlagNames(pauxTable, v, true);
  else if (pauxKind == PAUX_ENUM) {
    const ref = lookup(pauxTable, v);
    if (ref != NO_REF) {
      putRef(ref);
      any = true;
    }
  } else if (pauxKind == PAUX_SVE) any = printVl(T_SVE_VL_FLAGS, v, true);
  else if (pauxKind == PAUX_SME) any = printVl(T_SME_VL_FLAGS, v, true);
  else if (pauxKind == PAUX_TAGGED) any = printTagged(v, true);
  if (!any || outLen == mid) {
    truncateOut(start);
    return;
  }
  putc(0x29);
}

/** Did the kernel write an int through argument `i` (and the tracer read it)? */
function capturedInt(i: u32): bool {
  return !isError && arg(i) != 0 && findCap(i, CK_STRUCT_IF, true) && capLen >= 4;
}

/**
 * Is there a string at argument `i` as strace's umovestr reads it, `need` bytes at most: a whole
 * STRUCT_IF capture, or a PARTIAL one (the string ends just before an unmapped page) whose
 * readable bytes hold its NUL or all `need` bytes.
 */
function capturedStr(i: u32, atExit: bool, need: u32): bool {
  if (findCap(i, CK_STRUCT_IF, atExit)) return capLen >= need;
  if (!capPartial()) return false;
  if (capLen >= need) return true;
  for (let j: u32 = 0; j < capLen; j++) if (load<u8>(capData + <usize>j) == 0) return true;
  return false;
}

/** A task name (core captures it as a STRUCT_IF of TASK_COMM_LEN bytes), or its address. */
function printCommName(atExit: bool): void {
  // strace looks for the NUL in the first TASK_COMM_LEN - 1 bytes of a name it is given (a
  // 15-character name prints `...`) and in all TASK_COMM_LEN of one the kernel wrote; -s cuts.
  const limit: u32 = atExit ? TASK_COMM_LEN : TASK_COMM_LEN - 1;
  const size: u32 = <u32>strsize < limit ? <u32>strsize : limit;
  const need: u32 = <u32>strsize + 1 < limit ? <u32>strsize + 1 : limit;
  if ((atExit && isError) || arg(1) == 0 || !capturedStr(1, atExit, need)) {
    putAddr(arg(1));
    return;
  }
  printStrAt(size, <u32>strsize < limit);
}

/**
 * The captured string cut at `size` bytes, then `...` when it goes on. When -s cut it
 * (`lookAhead`), a NUL just after the cut means it ends there: strace fetched one byte more.
 */
function printStrAt(size: u32, lookAhead: bool): void {
  const n = min<u32>(size, capLen);
  const ends = lookAhead && n < capLen && load<u8>(capData + <usize>n) == 0;
  if (quote(capData, n, true, xflag) && !ends) puts("...");
}

/** PR_SET_VMA_ANON_NAME's name (printstr: cut at -s; a STRUCT_IF capture of at most 81 bytes). */
function printVmaName(): void {
  const want: u32 = <u32>strsize + 1;
  if (arg(4) == 0 || !capturedStr(4, false, 1)) {
    putAddr(arg(4));
    return;
  }
  // umovestr: no NUL within the readable bytes and fewer of them than strace asks for: unreadable.
  let nul = false;
  for (let j: u32 = 0; j < capLen && j < want; j++)
    if (load<u8>(capData + <usize>j) == 0) {
      nul = true;
      break;
    }
  if (!nul && capLen < want && capPartial()) {
    putAddr(arg(4));
    return;
  }
  printStrAt(<u32>strsize, true);
}

/** The option's exit half: what the kernel wrote, or how to annotate the return value. */
function prctlExit(op: u32): i32 {
  switch (op) {
    case PR_GET_NAME:
      printCommName(true);
      return 0;
    case PR_GET_DUMPABLE:
      if (!isError) setAux(AUX_ENUM, T_PRCTL_DUMPABLE);
      return 0;
    case PR_GET_CHILD_SUBREAPER:
    case PR_GET_ENDIAN:
    case PR_GET_FPEMU:
    case PR_GET_FPEXC:
    case PR_GET_PDEATHSIG:
    case PR_GET_TSC:
    case PR_GET_UNALIGN: {
      if (!capturedInt(1)) {
        putAddr(arg(1));
        return 0;
      }
      const v = load<u32>(capData);
      putc(0x5b);
      if (op == PR_GET_PDEATHSIG) printSignal(<u64>v);
      else if (op == PR_GET_TSC) printEnum(T_TSC, <u64>v);
      else if (op == PR_GET_UNALIGN) printFlags(T_UNALIGN, <u64>v);
      else putU64(<u64>v);
      putc(0x5d);
      return 0;
    }
    case PR_GET_TID_ADDRESS:
      if (isError || arg(1) == 0 || !findCap(1, CK_STRUCT_IF, true) || capLen < 8) putAddr(arg(1));
      else {
        putc(0x5b);
        putHex(load<u64>(capData));
        putc(0x5d);
      }
      return 0;
    case PR_SCHED_CORE:
      // Only PR_SCHED_CORE_GET waits for its exit: the cookie it stored.
      if (isError || arg(4) == 0 || !findCap(4, CK_STRUCT_IF, true) || capLen < 8) putAddr(arg(4));
      else {
        putc(0x5b);
        putHex(load<u64>(capData));
        putc(0x5d);
      }
      return 0;
    case PR_GET_SECUREBITS:
    case PR_GET_FP_MODE:
      if (isError || rval == 0) return 0;
      setPaux(PAUX_FLAGS, op == PR_GET_SECUREBITS ? T_SECBITS : T_FP_MODE);
      return RVAL_HEX;
    case PR_PAC_GET_ENABLED_KEYS:
      if (isError) return 0;
      setPaux(PAUX_FLAGS, T_PAC_ENABLED_KEYS);
      return RVAL_HEX;
    case PR_SVE_SET_VL:
    case PR_SVE_GET_VL:
    case PR_SME_SET_VL:
    case PR_SME_GET_VL:
      if (isError || rval == 0) return 0;
      setPaux(op == PR_SVE_SET_VL || op == PR_SVE_GET_VL ? PAUX_SVE : PAUX_SME, -1);
      return RVAL_HEX;
    case PR_GET_SPECULATION_CTRL:
      if (isError) return 0;
      if (arg(1) <= 2) {
        setPaux(PAUX_FLAGS, T_SPEC_GET);
        return RVAL_HEX;
      }
      return 0;
    case PR_GET_TAGGED_ADDR_CTRL:
      if (isError) return 0;
      setPaux(PAUX_TAGGED, -1);
      return RVAL_HEX;
    case PR_MCE_KILL_GET:
      if (!isError) setPaux(PAUX_ENUM, T_MCE_KILL_POLICY);
      return 0;
  }
  return 0;
}

export function decodePrctl(): i32 {
  resolve();
  const op = <u32>arg(0);
  if (exiting) return prctlExit(op);
  const a2 = arg(1);
  const a3 = arg(2);
  printEnum(T_PRCTL_OPTIONS, <u64>op);
  switch (op) {
    case PR_GET_KEEPCAPS:
    case PR_GET_SECCOMP:
    case PR_GET_TIMERSLACK:
    case PR_GET_TIMING:
    case PR_TASK_PERF_EVENTS_DISABLE:
    case PR_TASK_PERF_EVENTS_ENABLE:
      return RVAL_DECODED;
    case PR_GET_CHILD_SUBREAPER:
    case PR_GET_ENDIAN:
    case PR_GET_FPEMU:
    case PR_GET_FPEXC:
    case PR_GET_NAME:
    case PR_GET_PDEATHSIG:
    case PR_GET_TID_ADDRESS:
    case PR_GET_TSC:
    case PR_GET_UNALIGN:
      puts(", ");
      return 0;
    case PR_GET_DUMPABLE:
    case PR_GET_SECUREBITS:
    case PR_GET_FP_MODE:
    case PR_SVE_GET_VL:
    case PR_SME_GET_VL:
      return 0;
    case PR_SVE_SET_VL:
    case PR_SME_SET_VL:
      puts(", ");
      printVl(op == PR_SVE_SET_VL ? T_SVE_VL_FLAGS : T_SME_VL_FLAGS, a2, false);
      return 0;
    case PR_GET_SPECULATION_CTRL:
      puts(", ");
      printEnum(T_SPEC_CMDS, a2);
      return 0;
    case PR_SET_TAGGED_ADDR_CTRL:
      puts(", ");
      printTagged(a2, false);
      restArgs(2);
      return RVAL_DECODED;
    case PR_GET_TAGGED_ADDR_CTRL:
    case PR_MCE_KILL_GET:
    case PR_PAC_GET_ENABLED_KEYS:
      restArgs(1);
      return 0;
    case PR_SET_CHILD_SUBREAPER:
    case PR_SET_ENDIAN:
    case PR_SET_FPEMU:
    case PR_SET_FPEXC:
    case PR_SET_KEEPCAPS:
    case PR_SET_TIMING:
      puts(", ");
      putU64(a2);
      return RVAL_DECODED;
    case PR_SET_DUMPABLE:
      puts(", ");
      printEnum(T_PRCTL_DUMPABLE, a2);
      return RVAL_DECODED;
    case PR_CAPBSET_DROP:
    case PR_CAPBSET_READ:
      puts(", ");
      printEnum(T_CAP, a2);
      return RVAL_DECODED;
    case PR_CAP_AMBIENT:
      puts(", ");
      printEnum(T_CAP_AMBIENT, a2);
      if (a2 >= 1 && a2 <= 3) {
        puts(", ");
        printEnum(T_CAP, a3);
        restArgs(3);
      } else restArgs(2);
      return RVAL_DECODED;
    case PR_MCE_KILL:
      puts(", ");
      printEnum(T_MCE_KILL, a2);
      puts(", ");
      if (a2 == PR_MCE_KILL_SET) printEnum(T_MCE_KILL_POLICY, a3);
      else putHex(a3);
      restArgs(3);
      return RVAL_DECODED;
    case PR_SET_NAME:
      puts(", ");
      printCommName(false);
      return RVAL_DECODED;
    case PR_SET_VMA:
      puts(", ");
      printEnum(T_SET_VMA, a2);
      if (a2 == PR_SET_VMA_ANON_NAME) {
        puts(", ");
        putAddr(a3);
        puts(", ");
        putU64(arg(3));
        puts(", ");
        printVmaName();
      } else restArgs(2);
      return RVAL_DECODED;
    case PR_SET_MM:
      puts(", ");
      printEnum(T_SET_MM, <u64>(<u32>a2));
      restArgs(2);
      return RVAL_DECODED;
    case PR_SET_PDEATHSIG:
      puts(", ");
      if (a2 > 128) putU64(a2);
      else printSignal(a2);
      return RVAL_DECODED;
    case PR_SET_PTRACER: {
      puts(", ");
      const start = outLen;
      if (<i32>a2 == -1) {
        puts("PR_SET_PTRACER_ANY");
        restyle(start, <u64>(<i64>-1), FMT_DEC);
      } else putI64(<i64>(<i32>a2));
      return RVAL_DECODED;
    }
    case PR_SET_SECCOMP:
      puts(", ");
      printEnum(T_SECCOMP_MODE, a2);
      if (a2 == SECCOMP_MODE_STRICT) return RVAL_DECODED;
      if (a2 == SECCOMP_MODE_FILTER) {
        puts(", ");
        printSockFprog(2);
        return RVAL_DECODED;
      }
      restArgs(2);
      return RVAL_DECODED;
    case PR_SET_SECUREBITS:
      puts(", ");
      printFlags(T_SECBITS, a2);
      return RVAL_DECODED;
    case PR_SET_TIMERSLACK:
      puts(", ");
      putI64(<i64>a2);
      return RVAL_DECODED;
    case PR_SET_TSC:
      puts(", ");
      printEnum(T_TSC, <u64>(<u32>a2));
      return RVAL_DECODED;
    case PR_SET_UNALIGN:
      puts(", ");
      printFlags(T_UNALIGN, <u64>(<u32>a2));
      return RVAL_DECODED;
    case PR_SET_NO_NEW_PRIVS:
    case PR_SET_THP_DISABLE:
    case PR_SET_IO_FLUSHER:
      puts(", ");
      putU64(a2);
      restArgs(2);
      return RVAL_DECODED;
    case PR_SET_FP_MODE:
      puts(", ");
      printFlags(T_FP_MODE, <u64>(<u32>a2));
      return RVAL_DECODED;
    case PR_SET_SPECULATION_CTRL:
      puts(", ");
      printEnum(T_SPEC_CMDS, a2);
      puts(", ");
      if (a2 <= 2) printEnum(T_SPEC_SET, a3);
      else putHex(a3);
      return RVAL_DECODED;
    case PR_PAC_RESET_KEYS:
      puts(", ");
      printFlags(T_PAC_KEYS, a2);
      restArgs(2);
      return RVAL_DECODED;
    case PR_PAC_SET_ENABLED_KEYS:
      puts(", ");
      printFlags(T_PAC_ENABLED_KEYS, a2);
      puts(", ");
      printFlags(T_PAC_ENABLED_KEYS, a3);
      restArgs(3);
      return RVAL_DECODED;
    case PR_SET_SYSCALL_USER_DISPATCH:
      puts(", ");
      printEnum(T_SUD_CMDS, a2);
      puts(", ");
      putHex(a3);
      puts(", ");
      putHex(arg(3));
      puts(", ");
      putAddr(arg(4));
      return RVAL_DECODED;
    case PR_SCHED_CORE:
      return schedCoreEntry(a2, a3);
  }
  restArgs(1);
  return RVAL_DECODED;
}

/** PR_SCHED_CORE's command, pid, pid type (always with its name in a comment) and cookie pointer. */
function schedCoreEntry(a2: u64, a3: u64): i32 {
  puts(", ");
  printEnum(T_SCHED_CORE_CMDS, <u64>(<u32>a2));
  puts(", ");
  putI64(<i64>(<i32>a3));
  puts(", ");
  const pt = <u64>(<u32>arg(3));
  const ref = lookup(T_SCHED_CORE_PIDTYPES, pt);
  putHex(pt);
  if (xlatStyle != 1) {
    puts(" /* ");
    if (ref != NO_REF) putRef(ref);
    else puts("PIDTYPE_???");
    puts(" */");
  }
  puts(", ");
  if (<u32>a2 == <u32>PR_SCHED_CORE_GET) return 0;
  putAddr(arg(4));
  return RVAL_DECODED;
}

/** struct sock_fprog at argument `i` (read at entry): `{len=2, filter=0x…}`, or its address. */
export function printSockFprog(i: u32): void {
  if (arg(i) == 0 || !findCap(i, CK_STRUCT_IF, false) || capLen < SIZEOF_SOCK_FPROG) {
    putAddr(arg(i));
    return;
  }
  printSockFprogAt(capData, i, BPF_K_SECCOMP);
}
