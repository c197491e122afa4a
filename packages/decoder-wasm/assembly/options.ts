// Session options, set once by init().

import { setJsonMode } from "./json/spans";

/** -s: max string bytes printed. */
export let strsize: i32 = 32;
/** -a: column of `= ret`. */
export let acolumn: i32 = 40;
/** -x level: 0, 1 (non-ASCII strings in hex), 2 (all hex), 3 (non-printable bytes as \xNN). */
export let xflag: i32 = 0;
/** Pid prefix: 0 none, 1 "[pid N] " (when more than one process), 2 "N  " (always). */
export let pidPrefix: i32 = 0;

export function setOptions(s: i32, a: i32, x: i32, p: i32): void {
  strsize = s < 0 ? 0 : s;
  acolumn = a < 0 ? 0 : a;
  xflag = x < 0 || x > 3 ? 0 : x;
  pidPrefix = p < 0 || p > 2 ? 0 : p;
}

/** -n: `[ nr] ` before the name. */
export let showNr: bool = false;
/** -i: `[ip] ` before the name. */
export let showIp: bool = false;
/** Absolute timestamps (-t, --timestamps=FORMAT): 0 none, 1 time of day, 2 seconds since the epoch. */
export let tsFormat: i32 = 0;
/** -r: time since the previous line. */
export let showRelative: bool = false;
/** -T: `<secs>` spent in the call. */
export let showTime: bool = false;
/** Digits after the point of each: 0 (s), 3 (ms), 6 (us) or 9 (ns). */
export let tsDigits: i32 = 0;
export let relDigits: i32 = 6;
export let timeDigits: i32 = 6;
/** status= classes printed: 1 successful, 2 failed, 4 unfinished, 8 unavailable, 16 detached. */
export let statusMask: i32 = 31;
/** The local time zone's offset from UTC in minutes (JS supplies it; the wasm has no clock). */
export let tzMinutes: i32 = 0;

/** -v: structs unabbreviated (the stat family prints every field). */
export let verbose: bool = false;

/**
 * --decode-fds set: bit 0 path, 1 socket, 2 dev, 3 pidfd (-y 1, -yy 15). Decorations print only
 * from FD_PATH captures.
 */
export let decodeFds: i32 = 0;

/** -X: 0 abbrev (names), 1 raw (numbers), 2 verbose (`0x2 /* O_RDWR *\/`). */
export let xlatStyle: i32 = 0;

/** -qq / -e quiet=exit: no `+++ exited with N +++` lines. */
export let quietExit: bool = false;

/** --decode-pids=comm: `<comm>` after each pid of the line prefix. */
export let decodeComm: bool = false;

/** --decode-pids=pidns (--pidns-translation): ` /* N in strace's PID NS *\/` after a pid from another namespace. */
export let decodePidns: bool = false;

/** -e quiet=thread-execve (superseded): no `+++ superseded by execve in pid N +++` lines. */
export let quietSuperseded: bool = false;

/** -v: every call unabbreviated (what `verbose` is outside a call with its own style). */
let verboseAll: bool = false;

export function setLineOptions(flags: i32, status: i32, tz: i32): void {
  setJsonMode((flags & (1 << 21)) != 0);
  decodeComm = (flags & (1 << 20)) != 0;
  decodePidns = (flags & (1 << 23)) != 0;
  quietSuperseded = (flags & (1 << 22)) != 0;
  verboseAll = (flags & 64) != 0;
  verbose = verboseAll;
  quietExit = (flags & 128) != 0;
  xlatStyle = (flags >> 8) & 3;
  decodeFds = (flags >> 10) & 15;
  showNr = (flags & 1) != 0;
  showIp = (flags & 2) != 0;
  tsFormat = (flags >> 2) & 3;
  showRelative = (flags & 16) != 0;
  showTime = (flags & 32) != 0;
  tsDigits = ((flags >> 14) & 3) * 3;
  relDigits = ((flags >> 16) & 3) * 3;
  timeDigits = ((flags >> 18) & 3) * 3;
  statusMask = status & 31;
  tzMinutes = tz;
}

/** -e signal=: bit (n - 1) of signalsLo/signalsHi set when signal n (1..64) prints. */
let signalsLo: u32 = 0xffffffff;
let signalsHi: u32 = 0xffffffff;

export function setSignalSet(lo: u32, hi: u32): void {
  signalsLo = lo;
  signalsHi = hi;
}

/** `--- SIGn ---`, `--- stopped by SIGn ---` and `+++ killed by SIGn +++` are printed? */
export function signalShown(n: u32): bool {
  if (n == 0 || n > 64) return true;
  return n <= 32 ? ((signalsLo >> (n - 1)) & 1) != 0 : ((signalsHi >> (n - 33)) & 1) != 0;
}

/** -e trace=: bitmap of selected syscall numbers (bit n of byte n >> 3); 0 means all. */
let traceMap: usize = 0;
let traceBits: u32 = 0;

export function setTraceSet(map: usize, bits: u32): void {
  traceMap = map;
  traceBits = bits;
}

/** The syscall is selected by -e trace= (unselected ones only update the -n number). */
export function syscallTraced(nr: u32): bool {
  if (traceMap == 0) return true;
  if (nr >= traceBits) return false;
  return ((load<u8>(traceMap + <usize>(nr >> 3)) >> (nr & 7)) & 1) != 0;
}

/**
 * -e raw= / abbrev= / verbose=: one byte per syscall number, bit 0 raw, bit 1 unabbreviated,
 * bit 2 not dereferenced; 0 (no map) when none of them was given.
 */
let styleMap: usize = 0;
let styleCount: u32 = 0;

export function setStyleMap(map: usize, count: u32): void {
  styleMap = map;
  styleCount = count;
}

/** The call being printed is raw: arguments and return value in hex, nothing decoded. */
export let callRaw: bool = false;
/** The call being printed fetches no struct or array (its addresses print). */
export let callNoDeref: bool = false;

/** Sets `verbose`, {@link callRaw} and {@link callNoDeref} for syscall `nr` before it prints. */
export function setCallStyle(nr: u32): void {
  const b: u32 = styleMap != 0 && nr < styleCount ? <u32>load<u8>(styleMap + <usize>nr) : 0;
  callRaw = (b & 1) != 0;
  verbose = verboseAll || (b & 2) != 0;
  callNoDeref = (b & 4) != 0;
}
