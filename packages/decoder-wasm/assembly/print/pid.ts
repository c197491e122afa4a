// strace's printpid: every pid-valued argument, return value and struct field prints through
// here, so --decode-pids decorates them all alike: `1234<sh>` (comm), `2 /* 1234 in strace's PID
// NS */` (pidns). What the pid named was resolved by the tracer at the stop (a PID capture, core's
// pid-captures.ts); the decoder matches the value it prints with a capture of the same value and
// type, so a decoder needs no capture index: it calls printPid with the value and strace's type.

import { arg, capNth, exiting } from "../call";
import { jsonMode } from "../json/spans";
import { decodeComm, decodePidns, xflag } from "../options";
import { putc, puts } from "../out";
import {
  CAP_HEADER,
  CAP_LENGTH,
  CAP_STATUS,
  CK_PID,
  CS_OK,
  PID_CAP_COMM_LENGTH,
  PID_CAP_LENGTH,
  PID_CAP_TRANSLATED,
  PID_CAP_TYPE,
  PID_CAP_VALUE,
  PT_BY_ARG3,
  PT_PGID,
  PT_SID,
  PT_TGID,
  PT_TGID_PGID,
  PT_TID,
} from "../record";
import { putI64 } from "./num";
import { QUOTE_ANGLES, QUOTE_BARE, quote } from "./quote";

/** PID captures of the SIGNAL record being printed (after its siginfo), or 0. */
let sigCaps: usize = 0;
let sigCapsCount: u32 = 0;
/** A SIGNAL record is being printed: the call state (capNth) may belong to a released batch. */
let inSignal: bool = false;

/** A SIGNAL record is being printed (its siginfo has PID captures only: no call state to consult). */
export function printingSignal(): bool {
  return inSignal;
}

/** A SIGNAL record's PID captures (its si_pid's) for the siginfo printed next; 0 clears. */
export function setSignalPids(caps: usize, count: u32): void {
  sigCaps = caps;
  sigCapsCount = count;
  inSignal = caps != 0;
}

function matches(p: usize, value: i32, type: u8): bool {
  if (<u32>load<u8>(p + 1) != <u32>CK_PID || load<u16>(p + CAP_STATUS) != CS_OK) return false;
  if (load<u32>(p + CAP_LENGTH) < PID_CAP_LENGTH) return false;
  const d = p + CAP_HEADER;
  return load<i32>(d + PID_CAP_VALUE) == value && load<u8>(d + PID_CAP_TYPE) == type;
}

/**
 * The data of the PID capture of `value` as a `type` id (or the signal's), or 0: the current
 * stop's first, as strace resolves a pid when it prints it (a child reaped by the time waitid
 * returns has no comm in its siginfo, though it had one at entry), then the entry's.
 */
function findPid(value: i32, type: u8): usize {
  for (let k = 0; k < 2 && !inSignal; k++) {
    const atExit = exiting ? k == 0 : k == 1;
    if (atExit && !exiting) continue;
    for (let n: u32 = 0; ; n++) {
      const p = capNth(<u32>CK_PID, atExit, n);
      if (p == 0) break;
      if (matches(p, value, type)) return p + CAP_HEADER;
    }
  }
  let off: usize = 0;
  for (let i: u32 = 0; i < sigCapsCount; i++) {
    const p = sigCaps + off;
    if (matches(p, value, type)) return p + CAP_HEADER;
    off += <usize>CAP_HEADER + ((<usize>load<u32>(p + CAP_LENGTH) + 7) & ~(<usize>7));
  }
  return 0;
}

/**
 * `value` (a `type` id, core's PidTypeCode) in decimal, then what --decode-pids asks for. Returns
 * false when no capture described it (the caller may know the comm otherwise).
 */
export function printPid(value: i32, type: u8): bool {
  putI64(<i64>value);
  if ((!decodeComm && !decodePidns) || jsonMode) return true;
  let t = type;
  let id = value;
  if (t == PT_TGID_PGID) {
    // kill's and wait4's: a process when positive, a process group when below -1.
    if (value > 0) t = PT_TGID;
    else if (value < -1) {
      t = PT_PGID;
      id = -value;
    } else return true;
  } else if (t == PT_BY_ARG3) {
    // prctl(PR_SCHED_CORE): argument 3 is the kernel's PIDTYPE_*, numbered as strace's types.
    const k = <u32>arg(3);
    t = k > <u32>PT_SID ? PT_TID : <u8>k;
  }
  if (id <= 0) return true;
  const d = findPid(value, t);
  if (d == 0) return false;
  const translated = load<i32>(d + PID_CAP_TRANSLATED);
  const commLen = <u32>load<u16>(d + PID_CAP_COMM_LENGTH);
  if (decodeComm && commLen > 0 && (t == PT_TID || t == PT_TGID)) {
    putc(0x3c);
    quote(d + PID_CAP_LENGTH, commLen, false, xflag, QUOTE_BARE | QUOTE_ANGLES);
    putc(0x3e);
  }
  if (decodePidns && translated > 0 && translated != id) {
    puts(" /* ");
    putI64(<i64>translated);
    puts(" in strace's PID NS */");
  }
  return true;
}
