// WebAssembly entry points. JS copies the tables blob in once (alloc + init), then per batch copies
// the records into the input area (input) and calls decode, which returns how many bytes of whole
// lines are ready at outPtr(); JS copies them and calls release. Nothing here can trap on bad input:
// every record is range-checked before use, and a bad one stops decoding at its offset.

import { capSpan, capturesValid } from "./call";
import { putDecoderNames } from "./decoders/index";
import { setInterfaceNames } from "./decoders/nl-print";
import { setDumpSets } from "./dumpio";
import { resolveKnown } from "./known";
import {
  beforeRecord,
  onComm,
  onDetached,
  onEnter,
  onExec,
  onExit,
  onExiting,
  onExitStatus,
  onFinish,
  onFrames,
  onGroupStop,
  onNewProcess,
  onSignal,
  resolveDecoders,
  setAttachNotice,
  setNow,
  touch,
} from "./line";
import { setLineOptions, setOptions, setSignalSet, setStyleMap, setTraceSet } from "./options";
import { consume, lineStart, outBuf, outLen, puts, reset } from "./out";
import { setSignalPids } from "./print/pid";
import { HEX_NONE, quote } from "./print/quote";
import { putStructNames } from "./print/structs";
import {
  CAP_HEADER,
  CAP_LENGTH,
  ENTER_CAPTURE_COUNT,
  ENTER_LENGTH,
  EXIT_ARCH,
  EXIT_CAPTURE_COUNT,
  EXIT_IS_ERROR,
  EXIT_LENGTH,
  EXIT_NR,
  EXIT_RVAL,
  GROUP_STOP_BODY_FLAGS,
  GROUP_STOP_BODY_IP,
  GROUP_STOP_BODY_LENGTH,
  HDR_FLAGS,
  HDR_LENGTH,
  HDR_PID,
  HDR_SIZE,
  HDR_TIME_NS,
  HDR_TYPE,
  RECORD_FORMAT_VERSION,
  SIGNAL_BODY_FLAGS,
  SIGNAL_BODY_IP,
  SIGNAL_BODY_LENGTH,
  SIGNAL_BODY_SIGINFO,
  SIGNAL_FLAG_IP,
  STACK_FLAG_AT_ENTRY,
  T_ATTACHED,
  T_COMM,
  T_DETACHED,
  T_EXEC,
  T_EXIT,
  T_EXITING,
  T_FILE_HEADER,
  T_FRAMES,
  T_GROUP_STOP,
  T_NEW_PROCESS,
  T_SIGNAL,
  T_SYSCALL_ENTER,
  T_SYSCALL_EXIT,
} from "./record";
import { loadTables } from "./tables";
import { setWarnings } from "./warn";

let inBuf: usize = 0;
let inCap: usize = 0;
let errOffset: i32 = -1;
let errCode: i32 = 0;

/** Allocates `len` bytes that live as long as the instance (the tables blob). */
export function alloc(len: u32): usize {
  return heap.alloc(<usize>(len == 0 ? 8 : len));
}

/** Returns an input area of at least `len` bytes (valid until the next call). */
export function input(len: u32): usize {
  if (<usize>len > inCap) {
    let cap: usize = inCap < 65536 ? 65536 : inCap;
    while (cap < <usize>len) cap <<= 1;
    inBuf = inBuf == 0 ? heap.alloc(cap) : heap.realloc(inBuf, cap);
    inCap = cap;
  }
  return inBuf;
}

/** --json's `rel_ns` origin (ns since the epoch) as u32 halves; 0, 0 before the first event. */
export { jsonBaseHi, jsonBaseLo, setJsonBase } from "./json/event";

/** -r's reference time (ns since the epoch) as u32 halves; 0, 0 before the first line. */
export { relativeBaseHi, relativeBaseLo, setRelativeBase } from "./timing";

/** The prefix of `Process N attached` notices on NEW_PROCESS records (UTF-8 at p); 0 bytes: none. */
export function attachNotice(p: usize, len: u32): void {
  setAttachNotice(p, <usize>len);
}

/** Network interface names by index (UTF-8 `index\0name\0` pairs at p) for netlink messages. */
export function interfaceNames(p: usize, len: u32): void {
  setInterfaceNames(p, len);
}

/**
 * strace's short-read warnings (warn.ts), each after the prefix at p (UTF-8, e.g. `tstrace: `):
 * `inl` 1 writes them into the trace where strace does (the trace goes to stderr), 0 collects
 * them for JS (warningsPtr/warningsLength/clearWarnings).
 */
export function warnings(p: usize, len: u32, inl: i32): void {
  setWarnings(p, <usize>len, inl != 0);
}

export { clearWarnings, warningsLength, warningsPtr } from "./warn";

/**
 * Line options (call after init): flags bit 0 -n, bit 1 -i, bits 2-3 absolute timestamps (1 time
 * of day, 2 unix), bit 4 -r, bit 5 -T, bit 6 -v, bit 7 quiet=exit, bits 8-9 -X (1 raw, 2 verbose), bits 10-13
 * the --decode-fds set (path, socket, dev, pidfd), bits 14-15, 16-17 and 18-19 the precisions of
 * the absolute timestamps, -r and -T (0 s, 1 ms, 2 us, 3 ns), bit 20 --decode-pids=comm, bit 21
 * JSON Lines instead of strace's text, bit 22 quiet=thread-execve, bit 23 --decode-pids=pidns; status: the status= classes
 * printed (bit 0 successful, 1 failed, 2 unfinished, 3 unavailable, 4 detached); tz: UTC offset in
 * minutes for -t/-tt.
 */
export function lineOptions(flags: i32, status: i32, tz: i32): void {
  setLineOptions(flags, status, tz);
}

/** -e signal=: signals printed, bit (n - 1) of lo (n ≤ 32) or of hi (n > 32). Default all. */
export function signalSet(lo: u32, hi: u32): void {
  setSignalSet(lo, hi);
}

/**
 * -e trace=: `bits` bits at p (from alloc(), kept by the decoder) select the syscalls printed;
 * the others are decoded no further but still set the -n number of later `+++`/`---` lines.
 */
export function traceSet(p: usize, bits: u32): void {
  setTraceSet(p, bits);
}

/**
 * -e raw= / abbrev= / verbose=: `count` bytes at p (from alloc(), kept by the decoder), one per
 * syscall number: bit 0 raw, bit 1 unabbreviated, bit 2 not dereferenced.
 */
export function styleMap(p: usize, count: u32): void {
  setStyleMap(p, count);
}

/**
 * -e read= / -e write=: the fds whose data is dumped, as bitmaps of `rBits`/`wBits` bits at
 * rMap/wMap (from alloc(), kept); `*Beyond` says whether fds past the bitmap are in the set.
 */
export function ioDumpSets(
  rMap: usize,
  rBits: u32,
  rBeyond: i32,
  wMap: usize,
  wBits: u32,
  wBeyond: i32,
): void {
  setDumpSets(rMap, rBits, rBeyond != 0, wMap, wBits, wBeyond != 0);
}

/** Adopts the tables blob at p and the options. 0 on success, else a blob error code. */
export function init(p: usize, len: u32, strsize: i32, acolumn: i32, hex: i32, prefix: i32): i32 {
  setOptions(strsize, acolumn, hex, prefix);
  const rc = loadTables(p, len);
  if (rc != 0) return rc;
  resolveKnown();
  resolveDecoders();
  return 0;
}

export function outPtr(): usize {
  return outBuf;
}
/** Drops `n` bytes JS has copied. */
export function release(n: u32): void {
  consume(<usize>n);
}
export function errorOffset(): i32 {
  return errOffset;
}
export function errorCode(): i32 {
  return errCode;
}

function corrupt(off: u32, code: i32): void {
  errOffset = <i32>off;
  errCode = code;
}

/** Decodes `len` bytes of records from the input area. Returns the bytes of whole lines ready. */
export function decode(len: u32): u32 {
  errOffset = -1;
  errCode = 0;
  if (<usize>len > inCap) len = <u32>inCap;
  let off: u32 = 0;
  while (off < len) {
    const rest = len - off;
    if (rest < HDR_LENGTH) {
      corrupt(off, 1);
      break;
    }
    const rec = inBuf + <usize>off;
    const size = load<u32>(rec + HDR_SIZE);
    if (size < HDR_LENGTH || (size & 7) != 0 || size > rest) {
      corrupt(off, 2);
      break;
    }
    const type = load<u16>(rec + HDR_TYPE);
    setNow(load<u64>(rec + HDR_TIME_NS));
    const pid = load<u32>(rec + HDR_PID);
    const body = rec + HDR_LENGTH;
    if (type != T_FRAMES) beforeRecord();
    if (type == T_SYSCALL_ENTER) {
      if (size < HDR_LENGTH + ENTER_LENGTH) {
        corrupt(off, 3);
        break;
      }
      const count = load<u32>(body + ENTER_CAPTURE_COUNT);
      if (!capturesValid(rec, size, HDR_LENGTH + ENTER_LENGTH, count)) {
        corrupt(off, 4);
        break;
      }
      onEnter(pid, rec, size);
    } else if (type == T_SYSCALL_EXIT) {
      if (size < HDR_LENGTH + EXIT_LENGTH) {
        corrupt(off, 3);
        break;
      }
      const count = load<u32>(body + EXIT_CAPTURE_COUNT);
      if (!capturesValid(rec, size, HDR_LENGTH + EXIT_LENGTH, count)) {
        corrupt(off, 4);
        break;
      }
      onExit(
        pid,
        rec,
        size,
        load<u32>(body + EXIT_NR),
        load<u32>(body + EXIT_ARCH),
        load<i64>(body + EXIT_RVAL),
        load<u32>(body + EXIT_IS_ERROR) != 0,
      );
    } else if (type == T_SIGNAL) {
      if (size < HDR_LENGTH + SIGNAL_BODY_LENGTH) {
        corrupt(off, 3);
        break;
      }
      // The ip at the stop (-i), when the tracer wrote it; then the PID captures (its si_pid's,
      // --decode-pids), as in a syscall record.
      const hasIp = (load<u32>(body + SIGNAL_BODY_FLAGS) & SIGNAL_FLAG_IP) != 0;
      if (hasIp && size < HDR_LENGTH + SIGNAL_BODY_IP + 8) {
        corrupt(off, 3);
        break;
      }
      const tail = HDR_LENGTH + (hasIp ? SIGNAL_BODY_IP + 8 : SIGNAL_BODY_LENGTH);
      let n: u32 = 0;
      let at: u64 = <u64>tail;
      while (at + <u64>CAP_HEADER <= <u64>size) {
        const next = at + capSpan(load<u32>(rec + <usize>at + CAP_LENGTH));
        if (next > <u64>size) break;
        at = next;
        n++;
      }
      setSignalPids(rec + <usize>tail, n);
      onSignal(
        pid,
        load<u32>(body),
        body + SIGNAL_BODY_SIGINFO,
        hasIp,
        hasIp ? load<u64>(body + SIGNAL_BODY_IP) : 0,
      );
      setSignalPids(0, 0);
    } else if (type == T_EXIT) {
      if (size < HDR_LENGTH + 8) {
        corrupt(off, 3);
        break;
      }
      onExitStatus(pid, load<i32>(body), load<u32>(body, 4));
    } else if (type == T_GROUP_STOP) {
      if (size < HDR_LENGTH + GROUP_STOP_BODY_LENGTH) {
        corrupt(off, 3);
        break;
      }
      const hasIp = (load<u32>(body + GROUP_STOP_BODY_FLAGS) & SIGNAL_FLAG_IP) != 0;
      if (hasIp && size < HDR_LENGTH + GROUP_STOP_BODY_IP + 8) {
        corrupt(off, 3);
        break;
      }
      onGroupStop(pid, load<u32>(body), hasIp, hasIp ? load<u64>(body + GROUP_STOP_BODY_IP) : 0);
    } else if (type == T_NEW_PROCESS) {
      if (size < HDR_LENGTH + 8) {
        corrupt(off, 3);
        break;
      }
      onNewProcess(pid, load<u32>(body));
    } else if (type == T_EXEC) {
      if (size < HDR_LENGTH + 8) {
        corrupt(off, 3);
        break;
      }
      onExec(pid, load<u32>(body));
    } else if (type == T_EXITING) {
      onExiting(pid);
    } else if (type == T_FRAMES) {
      const len: u32 = size < HDR_LENGTH + 8 ? <u32>0 : load<u32>(body);
      if (size < HDR_LENGTH + 8 || len > size - HDR_LENGTH - 8) {
        corrupt(off, 3);
        break;
      }
      onFrames(pid, body + 8, len, (load<u16>(rec + HDR_FLAGS) & STACK_FLAG_AT_ENTRY) != 0);
    } else if (type == T_COMM) {
      onComm(pid, body, size - HDR_LENGTH);
    } else if (type == T_ATTACHED) {
      touch(pid);
    } else if (type == T_DETACHED) {
      onDetached(pid);
    } else if (type == T_FILE_HEADER) {
      if (size < HDR_LENGTH + 8) {
        corrupt(off, 3);
        break;
      }
      if (load<u32>(body) != RECORD_FORMAT_VERSION) {
        corrupt(off, 5);
        break;
      }
    }
    // MESSAGE and unknown (newer) types print nothing here.
    off += size;
  }
  return <u32>lineStart;
}

/** Ends the trace: finishes an open line. Returns the bytes ready (everything). */
export function finish(): u32 {
  onFinish();
  return <u32>outLen;
}

/**
 * The names this build implements, one per line: `which` 0 the dedicated decoders, 1 the struct
 * printers. For tests and tools that check core names nothing the decoder lacks. Returns the
 * output length.
 */
export function implementedNames(which: i32): u32 {
  reset();
  if (which == 0) putDecoderNames();
  else putStructNames();
  return <u32>outLen;
}

/** strace's quoting of `len` input bytes, for tests and tools. Returns the output length. */
export function quoteInput(len: u32, strsize: i32, hex: i32, nulTerminated: i32): u32 {
  reset();
  if (<usize>len > inCap) len = <u32>inCap;
  const max: u32 = strsize < 0 ? 0 : <u32>strsize;
  const size = len < max ? len : max;
  const noNul = quote(inBuf, size, nulTerminated != 0, hex < 0 || hex > 3 ? HEX_NONE : hex);
  if (noNul && len > max) puts("...");
  return <u32>outLen;
}
