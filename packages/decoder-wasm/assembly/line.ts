// The core that decides entry/exit (strace's syscall.c + strace.c printleader): one open line at a
// time; another pid's event finishes it with ` <unfinished ...>` and the exit later prints
// `<... NAME resumed>`. Per-pid state keeps a copy of the entry record for the exit.

import { setEntry, setExit } from "./call";
import { decodeRaw } from "./decoders/generic";
import { decoderIdByName, printAux, runDecoder } from "./decoders/index";
import {
  AUX_CUSTOM,
  AUX_ENUM,
  AUX_FLAGS,
  AUX_NONE,
  AUX_SEALS,
  aux,
  auxTable,
  RVAL_DECODED,
  RVAL_FD,
  RVAL_HEX,
  RVAL_LOW_ERRNO,
  RVAL_OCTAL,
  RVAL_TGID_PGID,
  RVAL_UDECIMAL,
  resumeArg,
  setAux,
  setResumeArg,
} from "./decoders/rval";
import { dumpIo } from "./dumpio";
import { printExitStatus, printSiginfo } from "./events";
import { jArgs, jEnd, jHead, jIntField, jReturn, jTextField, jTrue, jValueField } from "./json/event";
import { jsonMode, spansReset } from "./json/spans";
import { jBytes, jNext } from "./json/write";
import { T_OPEN_FLAGS } from "./known";
import {
  acolumn,
  callRaw,
  decodeComm,
  pidPrefix,
  quietExit,
  quietSuperseded,
  setCallStyle,
  showIp,
  showNr,
  showTime,
  signalShown,
  statusMask,
  syscallTraced,
  xflag,
} from "./options";
import {
  column,
  dropOpenLine,
  moveBeforeLine,
  newline,
  outLen,
  putBytes,
  putc,
  putName,
  putSpaces,
  puts,
  setAside,
} from "./out";
import { printFdReturn } from "./print/fd";
import { putHex, putHexDigits, putI64, putOct, putPadded, putU64 } from "./print/num";
import { printPid } from "./print/pid";
import { QUOTE_ANGLES, QUOTE_BARE, quote } from "./print/quote";
import { printSignalName } from "./print/signal";
import { printFlags, printFlagsUnstyled, putRef } from "./print/xlat";
import {
  ENTER_ARCH,
  ENTER_IP,
  ENTER_NR,
  EXIT_ARCH,
  EXIT_FLAG_DELAYED,
  EXIT_FLAG_INJECTED,
  EXIT_FLAG_POKED,
  EXIT_NR,
  FD_RETURN_ARG,
  HDR_FLAGS,
  HDR_LENGTH,
  PT_PGID,
  PT_SID,
  PT_TGID,
  PT_TGID_PGID,
  PT_TID,
} from "./record";
import {
  auditArch,
  errnoMessage,
  errnoName,
  lookup,
  NO_REF,
  R_FD,
  R_FDBYARGS,
  R_HEX,
  R_NONE,
  R_PGID,
  R_PID,
  R_SID,
  R_TID,
  row,
  rowDecoder,
  rowName,
  rowNargs,
  rowRet,
  strLen,
  strPtr,
  syscallCount,
} from "./tables";
import { printSyscallTime, printTimestamp } from "./timing";

class Proc {
  pid: u32 = 0;
  live: bool = false;
  inSyscall: bool = false;
  /** The entry's decoder finished everything (RVAL_DECODED at entry). */
  done: bool = false;
  rv: i32 = 0;
  resumeArg: u32 = 0;
  buf: usize = 0;
  cap: u32 = 0;
  len: u32 = 0;
  /** Time of the entry stop (for -T). */
  enterTime: u64 = 0;
  /** The last syscall number seen (strace's tcp->true_scno, printed by -n on every line). */
  lastNr: u32 = 0;
  /** The last syscall's instruction pointer (-i on lines of stops that carry none), when one was seen. */
  lastIp: u64 = 0;
  hasIp: bool = false;
  /** --decode-pids=comm: the thread's name from its last COMM record (commLen 0: none yet). */
  comm: StaticArray<u8> = new StaticArray<u8>(COMM_MAX);
  commLen: u32 = 0;
  /** -k: frames taken at the current syscall's entry, held until its line ends (or the thread's does). */
  frames: usize = 0;
  framesCap: u32 = 0;
  framesLen: u32 = 0;
  /** JSON: the name at the call's entry (the text's prefix shows it there; an execve renames). */
  entryComm: StaticArray<u8> = new StaticArray<u8>(COMM_MAX);
  entryCommLen: u32 = 0;
}

/** The most bytes of a name kept (the kernel's TASK_COMM_LEN is 16, NUL included). */
const COMM_MAX: u32 = 16;

let now: u64 = 0;

/** The current record's timestamp (CLOCK_REALTIME ns). */
export function setNow(t: u64): void {
  now = t;
}

/** -n `[  1] ` and -i `[00007f…] ` from the entry record. */
function printNrIp(rec: usize): void {
  printNrIpOf(load<u32>(rec + HDR_LENGTH + ENTER_NR), true, load<u64>(rec + HDR_LENGTH + ENTER_IP));
}

/** -n `[ nr] ` and -i `[ip] ` or `[????????????????]` (ip unknown), as strace's printleader. */
function printNrIpOf(nr: u32, hasIp: bool, ip: u64): void {
  if (showNr) {
    putc(0x5b);
    putPadded(<u64>nr, 4, 0x20);
    puts("] ");
  }
  if (showIp) {
    putc(0x5b);
    for (let sh = 60; sh >= 0; sh -= 4) {
      const d = <u32>((ip >> <u64>sh) & 0xf);
      putc(!hasIp ? 0x3f : d < 10 ? 0x30 + d : 0x57 + d);
    }
    puts("] ");
  }
}

/** The status= class of a finished call is printed? */
function statusShown(cls: i32): bool {
  return (statusMask & cls) != 0;
}

const procs: Proc[] = [];
let lastProc: Proc | null = null;
let liveCount: i32 = 0;
let openPid: u32 = 0;
let hasOpen = false;
let decIds: usize = 0;

/** Resolves each syscall's decoder once, after the tables are loaded. */
export function resolveDecoders(): void {
  const n = syscallCount();
  decIds = heap.alloc(<usize>n + 1);
  for (let nr: u32 = 0; nr < n; nr++) {
    const r = row(nr);
    let id: u8 = 0;
    if (r != 0) {
      const d = rowDecoder(r);
      if (d != NO_REF) id = decoderIdByName(d);
      if (id == 0) id = decoderIdByName(rowName(r));
    }
    store<u8>(decIds + <usize>nr, id);
  }
}

function getProc(pid: u32): Proc {
  const last = lastProc;
  if (last != null && last.pid == pid && last.live) return last;
  let free: Proc | null = null;
  for (let i = 0; i < procs.length; i++) {
    const p = unchecked(procs[i]);
    if (p.live && p.pid == pid) {
      lastProc = p;
      return p;
    }
    if (!p.live && free == null) free = p;
  }
  let p: Proc;
  if (free != null) p = free;
  else {
    p = new Proc();
    procs.push(p);
  }
  p.pid = pid;
  p.live = true;
  p.inSyscall = false;
  p.done = false;
  p.len = 0;
  p.commLen = 0;
  p.framesLen = 0;
  liveCount++;
  lastProc = p;
  return p;
}

/** Registers a pid (NEW_PROCESS, ATTACHED) so the prefix logic counts it. */
export function touch(pid: u32): void {
  getProc(pid);
}

let noticePtr: usize = 0;
let noticeLen: usize = 0;

/** The text before `Process N attached` (e.g. `tstrace: `), in instance memory; empty: no notices. */
export function setAttachNotice(p: usize, len: usize): void {
  noticePtr = p;
  noticeLen = len;
}

/**
 * A traced process created a new one. With a notice set (trace output on the terminal), strace's
 * `strace: Process N attached` goes out at once, even in the middle of the parent's open line,
 * which stays open and keeps its column count (strace writes it past the line's own output).
 */
export function onNewProcess(parent: u32, child: u32): void {
  touch(parent);
  touch(child);
  notice(child, " attached\n");
}

/** `strace: Process N attached` (or detached) where the record falls, when notices are on. */
function notice(pid: u32, what: string): void {
  if (noticeLen == 0) return;
  if (jsonMode) {
    const t0 = outLen;
    jHead(what == " attached\n" ? "attached" : "detached", pid, now);
    jEnd(t0, t0);
    return;
  }
  const start = outLen;
  putBytes(noticePtr, noticeLen);
  puts("Process ");
  putU64(<u64>pid);
  puts(what);
  // A line status= may still drop keeps the notice before it (strace, buffering such lines,
  // prints the notice first); otherwise it sits inside the open line, as strace writes it.
  if (hasOpen && statusMask != 31) moveBeforeLine(start);
  else setAside(start);
}

/**
 * A COMM record: the thread's name (at most {@link COMM_MAX} bytes of `len` at p; the record's
 * padding NULs are not part of it).
 */
export function onComm(pid: u32, p: usize, len: u32): void {
  const proc = getProc(pid);
  let n: u32 = 0;
  while (n < len && n < COMM_MAX && load<u8>(p + <usize>n) != 0) n++;
  memory.copy(changetype<usize>(proc.comm), p, <usize>n);
  proc.commLen = n;
}

/** strace's print_comm_str: `<name>`, quoted as a bare string with `<` and `>` escaped. */
function printComm(p: Proc): void {
  putc(0x3c);
  quote(changetype<usize>(p.comm), p.commLen, false, xflag, QUOTE_BARE | QUOTE_ANGLES);
  putc(0x3e);
}

function printPrefix(pid: u32): void {
  let comm: Proc | null = null;
  if (decodeComm) {
    const proc = getProc(pid);
    if (proc.commLen > 0) comm = proc;
  }
  if (pidPrefix == 1 && liveCount > 1) {
    puts("[pid ");
    let w = 1;
    for (let t = pid / 10; t != 0; t /= 10) w++;
    for (; w < 5; w++) putc(0x20);
    putU64(<u64>pid);
    if (comm != null) printComm(comm);
    puts("] ");
  } else if (pidPrefix == 2) {
    const start = outLen;
    putU64(<u64>pid);
    // strace pads the pid to 5 columns only when no name follows it.
    if (comm != null) printComm(comm);
    else while (outLen - start < 5) putc(0x20);
    putc(0x20);
  }
  printTimestamp(now);
}

/** Finishes the open line of whichever pid with ` <unfinished ...>`. */
export function closeOpenLine(): void {
  if (!hasOpen) return;
  puts(" <unfinished ...>");
  newline();
  hasOpen = false;
}

function putSyscallName(nr: u32, arch: u32): void {
  const r = validRow(nr, arch);
  if (r != 0) {
    putRef(rowName(r));
    return;
  }
  puts("syscall_0x");
  putHexDigits(<u64>nr);
}

function validRow(nr: u32, arch: u32): u32 {
  if (arch != auditArch && auditArch != 0) return 0;
  return row(nr);
}

function decode(nr: u32, arch: u32): i32 {
  const r = validRow(nr, arch);
  setCallStyle(nr);
  if (r == 0) return decodeRaw(6);
  // -e raw=: strace's printargs, each argument in hex, and the return value in hex.
  if (callRaw) return decodeRaw(rowNargs(r)) | RVAL_HEX;
  return runDecoder(load<u8>(decIds + <usize>nr), r);
}

/** SYSCALL_ENTER: `name(` and the arguments known at entry; the line stays open. */
export function onEnter(pid: u32, rec: usize, len: u32): void {
  const p = getProc(pid);
  const nr0 = load<u32>(rec + HDR_LENGTH + ENTER_NR);
  if (!syscallTraced(nr0)) {
    // strace's TCB_FILTERED: nothing printed, but tcp->true_scno (for -n) moves on.
    p.lastNr = nr0;
    p.lastIp = load<u64>(rec + HDR_LENGTH + ENTER_IP);
    p.hasIp = true;
    p.inSyscall = false;
    return;
  }
  closeOpenLine();
  if (p.cap < len) {
    let cap: u32 = 256;
    if (p.cap > cap) cap = p.cap;
    while (cap < len) cap <<= 1;
    p.buf = p.buf == 0 ? heap.alloc(<usize>cap) : heap.realloc(p.buf, <usize>cap);
    p.cap = cap;
  }
  memory.copy(p.buf, rec, <usize>len);
  p.len = len;
  const arch = load<u32>(rec + HDR_LENGTH + ENTER_ARCH);
  const nr = load<u32>(rec + HDR_LENGTH + ENTER_NR);
  setEntry(p.buf, len, arch);
  setResumeArg(0);
  p.enterTime = now;
  p.lastNr = nr;
  p.lastIp = load<u64>(rec + HDR_LENGTH + ENTER_IP);
  p.hasIp = true;
  if (jsonMode) {
    // One object per call, written at its end: the entry decodes then, with the exit.
    if (decodeComm) {
      memory.copy(changetype<usize>(p.entryComm), changetype<usize>(p.comm), <usize>p.commLen);
      p.entryCommLen = p.commLen;
    }
    p.done = false;
    p.inSyscall = true;
    return;
  }
  printPrefix(pid);
  printNrIp(rec);
  putSyscallName(nr, arch);
  putc(0x28);
  const rv = decode(nr, arch);
  p.done = (rv & RVAL_DECODED) != 0;
  p.rv = rv & 0xff;
  p.resumeArg = resumeArg;
  p.inSyscall = true;
  hasOpen = true;
  openPid = pid;
  lineShown(pid);
}

function tabto(): void {
  const col = <i32>column();
  if (col < acolumn) putSpaces(<usize>(acolumn - col));
}

/** Starts the exit part: continues the open line or prints `<... NAME resumed>`. */
function resume(p: Proc, nr: u32, arch: u32): void {
  if (hasOpen && openPid == p.pid) return;
  closeOpenLine();
  printPrefix(p.pid);
  printNrIp(p.buf);
  puts("<... ");
  putSyscallName(nr, arch);
  puts(" resumed>");
}

/** ` ENAME (message)` of errno e. */
function printErrno(e: u64): void {
  putc(0x20);
  const name = errnoName(e);
  if (name != NO_REF && strLen(name) > 0) putRef(name);
  else {
    puts("ERRNO_");
    putU64(e);
  }
  const msg = errnoMessage(e);
  puts(" (");
  if (msg != NO_REF && strLen(msg) > 0) putName(strPtr(msg), <usize>strLen(msg));
  else {
    puts("Unknown error ");
    putU64(e);
  }
  putc(0x29);
}

function printReturn(r: u32, rv: i32, rval: i64, isError: bool): void {
  puts("= ");
  if (isError) {
    const e = <u64>(rval < 0 ? -rval : rval);
    // ERESTARTSYS, ERESTARTNOINTR, ERESTARTNOHAND, ERESTART_RESTARTBLOCK never reach user space.
    if (e == 512 || e == 513 || e == 514 || e == 516) putc(0x3f);
    else puts("-1");
    printErrno(e);
    return;
  }
  if (rv == RVAL_LOW_ERRNO && <u64>rval >= 0xfffff000) {
    putI64(rval);
    const e: u32 = <u32>0 - <u32>rval;
    printErrno(<u64>e);
    return;
  }
  let kind = r != 0 ? rowRet(r) : <u8>0;
  if (rv == RVAL_HEX) kind = R_HEX;
  if (kind == R_NONE) {
    putc(0x3f);
    return;
  }
  if (kind == R_HEX) {
    putHex(<u64>rval);
    return;
  }
  if (rv == RVAL_OCTAL) {
    putOct(<u64>rval, 3);
    return;
  }
  if (rv == RVAL_UDECIMAL) {
    putU64(<u64>rval);
    return;
  }
  if (rv == RVAL_TGID_PGID) {
    printPid(<i32>rval, PT_TGID_PGID);
    return;
  }
  if (kind == R_FD || (kind == R_FDBYARGS && rv == RVAL_FD)) {
    printFdReturn(rval, FD_RETURN_ARG);
    return;
  }
  // strace's RVAL_TGID/TID/PGID/SID: a pid, decorated as --decode-pids says from the PID capture
  // the tracer took; without one (an older recording), -Y names the processes the decoder traces.
  const pt = retPidType(kind);
  if (pt != 0xff && rval >= 0 && rval <= 0x7fffffff) {
    if (!printPid(<i32>rval, pt) && kind == R_PID && decodeComm && rval > 0) {
      const q = findLive(<u32>rval);
      if (q != null && q.commLen > 0) printComm(q);
    }
    return;
  }
  // strace's default is RVAL_UDECIMAL: a negative success (only an injected retval=) is unsigned.
  putU64(<u64>rval);
}

/** The PidTypeCode of a pid return kind, or 0xff. */
function retPidType(kind: u8): u8 {
  if (kind == R_PID) return PT_TGID;
  if (kind == R_TID) return PT_TID;
  if (kind == R_PGID) return PT_PGID;
  if (kind == R_SID) return PT_SID;
  return 0xff;
}

/** strace's print_injected_note: `-e inject=` results and delays, from the exit record's flags. */
function printTamperNotes(rec: usize): void {
  const flags = load<u16>(rec + HDR_FLAGS);
  if (flags & EXIT_FLAG_POKED)
    puts(flags & EXIT_FLAG_INJECTED ? " (INJECTED: args, retval)" : " (INJECTED: args)");
  else if (flags & EXIT_FLAG_INJECTED) puts(" (INJECTED)");
  if (flags & EXIT_FLAG_DELAYED) puts(" (DELAYED)");
}

/** What a decoder asked to follow the return value: ` (flags O_RDWR)`, poll's ` ([{fd=3, …}])`. */
function printAuxNote(enr: u32, rval: i64): void {
  if (aux == AUX_NONE) return;
  if (aux == AUX_FLAGS || aux == AUX_SEALS) {
    puts(aux == AUX_FLAGS ? " (flags " : " (seals ");
    // F_GETFL's flags come from strace's sprint_open_modes, which ignores -X.
    if (auxTable == T_OPEN_FLAGS) printFlagsUnstyled(auxTable, <u64>rval);
    else printFlags(auxTable, <u64>rval);
    putc(0x29);
  } else if (aux == AUX_ENUM) {
    const ref = lookup(auxTable, <u64>rval);
    if (ref != NO_REF) {
      puts(" (");
      putRef(ref);
      putc(0x29);
    }
  } else if (aux == AUX_CUSTOM && enr < syscallCount()) printAux(load<u8>(decIds + <usize>enr));
}

const END_RETURNED: i32 = 0;
const END_DIED: i32 = 1;
const END_DETACHED: i32 = 2;
const END_RESUMED: i32 = 4;
/** The trace ended with the call still in progress (strace's last `<unfinished ...>`). */
const END_OPEN: i32 = 5;

/**
 * JSON: one object for a whole call. Its text (entry part, exit part, return value, notes) is
 * rendered at the end of the buffer as for strace's line, uninterrupted; the object is built from
 * those pieces and replaces them. `how` says how the call ended (END_*); `rec` is the exit record
 * (END_RETURNED, END_RESUMED).
 */
function jsonCall(p: Proc, rec: usize, len: u32, rval: i64, isError: bool, how: i32): void {
  const t0 = outLen;
  spansReset();
  const resumed = how == END_RESUMED;
  const nr = resumed ? load<u32>(rec + HDR_LENGTH + EXIT_NR) : load<u32>(p.buf + HDR_LENGTH + ENTER_NR);
  const arch = resumed ? load<u32>(rec + HDR_LENGTH + EXIT_ARCH) : load<u32>(p.buf + HDR_LENGTH + ENTER_ARCH);
  const n0 = outLen;
  putSyscallName(nr, arch);
  const n1 = outLen;
  const a0 = outLen;
  let rv = 0;
  if (!resumed) {
    setEntry(p.buf, p.len, arch);
    setResumeArg(0);
    rv = decode(nr, arch);
    p.done = (rv & RVAL_DECODED) != 0;
    p.rv = rv & 0xff;
    p.resumeArg = resumeArg;
    rv = p.rv;
  }
  const returned = how == END_RETURNED || resumed;
  if (returned) {
    if (!resumed) setEntry(p.buf, p.len, arch);
    setExit(rec, len, rval, isError);
    setResumeArg(p.resumeArg);
    setAux(AUX_NONE, -1);
    setCallStyle(nr);
    if (resumed) rv = callRaw ? RVAL_HEX : 0;
    else if (!p.done) rv = decode(nr, arch) & 0xff;
  }
  const a1 = outLen;
  const r0 = outLen;
  let r1 = outLen;
  let x0 = outLen;
  let x1 = outLen;
  if (returned) {
    printReturn(validRow(nr, arch), rv, rval, isError);
    r1 = outLen;
    x0 = outLen;
    if (!isError && !resumed) printAuxNote(nr, rval);
    x1 = outLen;
  }
  const j0 = outLen;
  jHead("syscall", p.pid, resumed ? now : p.enterTime);
  const commLen = resumed ? p.commLen : p.entryCommLen;
  if (decodeComm && commLen > 0) {
    jNext("comm");
    jBytes(changetype<usize>(resumed ? p.comm : p.entryComm), <usize>commLen);
  }
  jIntField("nr", <i64>nr);
  jIp(!resumed, resumed ? 0 : load<u64>(p.buf + HDR_LENGTH + ENTER_IP));
  jTextField("name", n0, n1);
  const open = jArgs(a0, a1);
  if (open) jTrue("args_open");
  if (returned) jReturn(r0, r1, isError);
  else if (how == END_DIED) {
    jNext("ret");
    puts("null");
    if (!p.done) jTrue("unfinished");
  } else if (how == END_OPEN) jTrue("unfinished");
  if (x1 > x0) jTextField("note", x0 + 1, x1);
  if (how == END_DETACHED) jTrue("detached");
  if (resumed) jTrue("resumed");
  if (returned) {
    const flags = load<u16>(rec + HDR_FLAGS);
    if (flags & EXIT_FLAG_INJECTED) jTrue("injected");
    if (flags & EXIT_FLAG_POKED) jTrue("injected_args");
    if (flags & EXIT_FLAG_DELAYED) jTrue("delayed");
    if (!resumed) jIntField("dur_ns", <i64>(now > p.enterTime ? now - p.enterTime : 0));
  }
  jEnd(t0, j0);
}

/** SYSCALL_EXIT: the arguments printed at exit, `) `, alignment, `= ret`. */
export function onExit(pid: u32, rec: usize, len: u32, nr: u32, arch: u32, rval: i64, isError: bool): void {
  const p = getProc(pid);
  if (!p.inSyscall && !syscallTraced(nr)) {
    p.lastNr = nr;
    return;
  }
  if (!p.inSyscall) {
    // An exit without its entry (attached mid-call): strace prints the resumed form.
    closeOpenLine();
    p.lastNr = nr;
    p.hasIp = false;
    if (jsonMode) {
      jsonCall(p, rec, len, rval, isError, END_RESUMED);
      return;
    }
    printPrefix(pid);
    printNrIpOf(nr, false, 0);
    puts("<... ");
    putSyscallName(nr, arch);
    puts(" resumed>) ");
    tabto();
    setExit(rec, len, rval, isError); // the return value's FD_PATH capture is in this record
    setCallStyle(nr);
    printReturn(validRow(nr, arch), callRaw ? RVAL_HEX : 0, rval, isError);
    printTamperNotes(rec);
    newline();
    lineShown(pid);
    return;
  }
  const enr = load<u32>(p.buf + HDR_LENGTH + ENTER_NR);
  const earch = load<u32>(p.buf + HDR_LENGTH + ENTER_ARCH);
  if (!statusShown(isError ? 2 : 1)) {
    if (hasOpen && openPid == pid) {
      dropOpenLine();
      hasOpen = false;
    }
    p.inSyscall = false;
    return;
  }
  if (jsonMode) {
    jsonCall(p, rec, len, rval, isError, END_RETURNED);
    p.inSyscall = false;
    return;
  }
  resume(p, enr, earch);
  setEntry(p.buf, p.len, earch);
  setExit(rec, len, rval, isError);
  setResumeArg(p.resumeArg);
  setAux(AUX_NONE, -1);
  let rv = p.rv;
  setCallStyle(enr);
  if (!p.done) rv = decode(enr, earch) & 0xff;
  puts(") ");
  tabto();
  printReturn(validRow(enr, earch), rv, rval, isError);
  if (!isError) printAuxNote(enr, rval);
  printTamperNotes(rec);
  if (showTime) printSyscallTime(p.enterTime, now);
  newline();
  dumpIo(enr);
  hasOpen = false;
  p.inSyscall = false;
  lineShown(pid);
  flushFrames(p);
}

/**
 * -k: the pid whose syscall or signal line the previous record printed. Its STACK record comes
 * right after that record, so frames follow a line only when nothing came between (a line a
 * filter dropped, or that was never printed, gets none).
 */
let framesPid: u32 = 0;
let framesOk = false;

function lineShown(pid: u32): void {
  framesPid = pid;
  framesOk = true;
}

/** Called before each record but FRAMES: frames belong only to the line just printed. */
export function beforeRecord(): void {
  framesOk = false;
}

/**
 * FRAMES (-k): the unwinder's ` > …` lines for this pid. Frames of an exit or a signal follow
 * that line when it was printed; frames taken at entry wait for the call's line to end, or for
 * the thread's `+++` line (exit_group), as strace's queue does.
 */
export function onFrames(pid: u32, text: usize, len: u32, atEntry: bool): void {
  // JSON has no stack event yet: frames are strace text only.
  if (jsonMode) return;
  const p = getProc(pid);
  if (atEntry) {
    // strace takes them only for a call it prints (a filtered exit_group has none).
    if (!framesOk || framesPid != pid) return;
    framesOk = false;
    if (p.framesCap < len) {
      p.frames = p.frames == 0 ? heap.alloc(<usize>len) : heap.realloc(p.frames, <usize>len);
      p.framesCap = len;
    }
    memory.copy(p.frames, text, <usize>len);
    p.framesLen = len;
    return;
  }
  // One FRAMES per line: a second one belongs to a call whose records a filter took out.
  if (framesOk && framesPid == pid) putFrames(text, len);
  framesOk = false;
}

function putFrames(text: usize, len: u32): void {
  if (len == 0) return;
  closeOpenLine();
  const start = outLen;
  putBytes(text, <usize>len);
  setAside(start);
}

function flushFrames(p: Proc): void {
  putFrames(p.frames, p.framesLen);
  p.framesLen = 0;
}

/** The thread is gone while in a syscall (exit_group, killed): `) = ?` like print_event_exit. */
function finishInSyscall(p: Proc): void {
  if (!p.inSyscall) return;
  const enr = load<u32>(p.buf + HDR_LENGTH + ENTER_NR);
  const earch = load<u32>(p.buf + HDR_LENGTH + ENTER_ARCH);
  if (!statusShown(4)) {
    if (hasOpen && openPid == p.pid) {
      dropOpenLine();
      hasOpen = false;
    }
    p.inSyscall = false;
    return;
  }
  if (jsonMode) {
    jsonCall(p, 0, 0, 0, false, END_DIED);
    p.inSyscall = false;
    return;
  }
  resume(p, enr, earch);
  if (!p.done) puts(" <unfinished ...>");
  puts(") ");
  tabto();
  puts("= ?");
  newline();
  hasOpen = false;
  p.inSyscall = false;
}

/**
 * What strace's leader shows on lines other than a call's: --decode-pids=comm's name, and -n's
 * number of the process's last syscall.
 */
function jLastNr(pid: u32, ipKnown: bool = false, withIp: bool = true): void {
  if (!decodeComm && !showNr && !showIp) return;
  const p = getProc(pid);
  if (decodeComm && p.commLen > 0) {
    jNext("comm");
    jBytes(changetype<usize>(p.comm), <usize>p.commLen);
  }
  if (showNr) jIntField("nr", <i64>p.lastNr);
  if (withIp) jIp(ipKnown && p.hasIp, p.lastIp);
}

/** -i: `"ip"`, the instruction pointer as 16 hex digits, or null where strace prints `????`. */
function jIp(known: bool, ip: u64): void {
  if (!showIp) return;
  jNext("ip");
  if (!known) {
    puts("null");
    return;
  }
  putc(0x22);
  for (let sh = 60; sh >= 0; sh -= 4) {
    const d = <u32>((ip >> <u64>sh) & 0xf);
    putc(d < 10 ? 0x30 + d : 0x57 + d);
  }
  putc(0x22);
}

/** JSON: `exited` with its code, `killed` by a signal (core dumped or not), or `exit_stopped`. */
function jsonExitStatus(pid: u32, status: i32): void {
  const t0 = outLen;
  const sig = status & 0x7f;
  const named = sig == 0 ? 0 : sig != 0x7f ? sig : (status >> 8) & 0xff;
  const s0 = outLen;
  if (named != 0) printSignalName(<u64>named);
  const s1 = outLen;
  const j0 = outLen;
  jHead(sig == 0 ? "exited" : sig != 0x7f ? "killed" : "exit_stopped", pid, now);
  jLastNr(pid);
  if (sig == 0) jIntField("code", <i64>((status >> 8) & 0xff));
  else {
    jTextField("signal", s0, s1);
    if (sig != 0x7f && (status & 0x80) != 0) jTrue("core_dumped");
  }
  jEnd(t0, j0);
}

/** JSON: a signal delivered (`siginfo` its fields) or a group-stop (`stop`). */
function jsonSignal(
  pid: u32,
  signo: u32,
  siginfo: usize,
  stop: bool,
  hasIp: bool = false,
  ip: u64 = 0,
): void {
  const t0 = outLen;
  spansReset();
  const s0 = outLen;
  printSignalName(<u64>signo);
  const s1 = outLen;
  const i0 = outLen;
  if (!stop) {
    if (load<i32>(siginfo) != 0) printSiginfo(siginfo);
    else puts("{si_signo=0}");
  }
  const i1 = outLen;
  const j0 = outLen;
  jHead(stop ? "stopped" : "signal", pid, now);
  if (hasIp) {
    jLastNr(pid, false, false);
    jIp(true, ip);
  } else jLastNr(pid, true);
  jTextField("signal", s0, s1);
  if (!stop) jValueField("siginfo", i0, i1);
  jEnd(t0, j0);
}

export function onExitStatus(pid: u32, status: i32, lastNrPlus1: u32): void {
  const p = getProc(pid);
  // The tracer saw syscalls the records omit (trace= filtered in native): its last one wins.
  if (lastNrPlus1 != 0) p.lastNr = lastNrPlus1 - 1;
  finishInSyscall(p);
  // `+++ killed by SIG… +++` obeys -e signal= like `--- SIG… ---` (strace's print_signalled).
  const sig = status & 0x7f;
  if (sig == 0 ? !quietExit : sig == 0x7f || signalShown(<u32>sig)) {
    if (jsonMode) jsonExitStatus(pid, status);
    else {
      closeOpenLine();
      printPrefix(pid);
      // strace's printleader: -n shows the last syscall number; -i has no ip for a dead process.
      printNrIpOf(p.lastNr, false, 0);
      printExitStatus(status);
      newline();
    }
  }
  flushFrames(p);
  p.live = false;
  p.inSyscall = false;
  liveCount--;
}

/**
 * SIGNAL: `--- SIG… {siginfo} ---`. `hasIp`: the record holds the ip at the stop (a fault's
 * address); without it (older recordings) the last syscall's stands in, where a signal most
 * often arrives.
 */
export function onSignal(pid: u32, signo: u32, siginfo: usize, hasIp: bool, ip: u64): void {
  const p = getProc(pid);
  if (!signalShown(signo)) return;
  if (jsonMode) {
    jsonSignal(pid, signo, siginfo, false, hasIp, ip);
    return;
  }
  closeOpenLine();
  printPrefix(pid);
  if (hasIp) printNrIpOf(p.lastNr, true, ip);
  else printNrIpOf(p.lastNr, p.hasIp, p.lastIp);
  puts("--- ");
  printSignalName(<u64>signo);
  putc(0x20);
  if (load<i32>(siginfo) != 0) printSiginfo(siginfo);
  else puts("{si_signo=0}");
  puts(" ---");
  newline();
  lineShown(pid);
}

/** GROUP_STOP: `--- stopped by SIG… ---`; `hasIp` as for {@link onSignal}. */
export function onGroupStop(pid: u32, signo: u32, hasIp: bool, ip: u64): void {
  const p = getProc(pid);
  if (!signalShown(signo)) return;
  if (jsonMode) {
    jsonSignal(pid, signo, 0, true, hasIp, ip);
    return;
  }
  closeOpenLine();
  printPrefix(pid);
  if (hasIp) printNrIpOf(p.lastNr, true, ip);
  else printNrIpOf(p.lastNr, p.hasIp, p.lastIp);
  puts("--- stopped by ");
  printSignalName(<u64>signo);
  puts(" ---");
  newline();
}

export function onDetached(pid: u32): void {
  const p = getProc(pid);
  // strace's detach() says `strace: Process N detached` first, inside the open line if any.
  notice(pid, " detached\n");
  if (jsonMode && p.inSyscall && statusShown(16)) jsonCall(p, 0, 0, 0, false, END_DETACHED);
  // strace's droptcb: the pid's own open line ends with ` <detached ...>` (status=detached).
  if (hasOpen && openPid == pid) {
    if (statusShown(16)) {
      puts(" <detached ...>");
      newline();
    } else dropOpenLine();
    hasOpen = false;
  }
  p.live = false;
  p.inSyscall = false;
  liveCount--;
}

function findLive(pid: u32): Proc | null {
  for (let i = 0; i < procs.length; i++) {
    const p = unchecked(procs[i]);
    if (p.live && p.pid == pid) return p;
  }
  return null;
}

/**
 * EXEC whose former thread id differs: a non-leader thread's execve took over the leader's pid.
 * As strace: the thread's own open line ends with ` <pid changed to N ...>`, the leader is
 * dropped without a line, and the thread, now pid N, reports `+++ superseded by execve in pid
 * FORMER +++`; its execve exit then prints as `<... execve resumed>`.
 */
export function onExec(pid: u32, former: u32): void {
  if (former == pid || former == 0) return;
  const t = findLive(former);
  const leader = findLive(pid);
  // The leader dies inside its syscall (strace's print_event_exit: `<... futex resumed>) = ?`).
  if (leader != null && t != null) finishInSyscall(leader);
  if (hasOpen && openPid == former) {
    puts(" <pid changed to ");
    putU64(<u64>pid);
    puts(" ...>");
    newline();
    hasOpen = false;
  }
  closeOpenLine();
  if (t != null) {
    if (leader != null) {
      leader.live = false;
      leader.inSyscall = false;
      liveCount--;
    }
    t.pid = pid;
    lastProc = t;
  }
  if (quietSuperseded) return;
  if (jsonMode) {
    const t0 = outLen;
    jHead("superseded", pid, now);
    jLastNr(pid);
    jIntField("former", <i64>former);
    jEnd(t0, t0);
    return;
  }
  printPrefix(pid);
  printNrIpOf(t != null ? t.lastNr : 0, false, 0);
  puts("+++ superseded by execve in pid ");
  putU64(<u64>former);
  puts(" +++");
  newline();
}

/**
 * EXITING (PTRACE_EVENT_EXIT): the call the thread is in ends now with `= ?`, as strace's
 * print_event_exit does, not when the thread is reaped: a leader that called exit(2) is reaped
 * only after its other threads, whose lines come first.
 */
export function onExiting(pid: u32): void {
  const p = findLive(pid);
  if (p != null) finishInSyscall(p);
}

/** At the end of a trace: an open line is finished as unfinished. */
export function onFinish(): void {
  if (jsonMode)
    for (let i = 0; i < procs.length; i++) {
      const p = unchecked(procs[i]);
      if (p.live && p.inSyscall && statusShown(4)) jsonCall(p, 0, 0, 0, false, END_OPEN);
      p.inSyscall = false;
    }
  closeOpenLine();
}
