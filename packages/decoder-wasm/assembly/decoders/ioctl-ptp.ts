// PTP hardware clocks (strace 6.1's ptp.c): capabilities, external timestamp and periodic output
// requests, pin functions, system/device clock offsets. Layouts from the kernel's BTF; where a
// newer kernel named a reserved word (max_phase_adj, clockid), strace 6.1 still shows it inside
// `rsv`, so the reserved arrays run from that field's offset. The sys-offset and pin getters open
// their struct at entry and finish it at exit (ioctlStructContinues).

import {
  PTP_CLOCK_CAPS_ADJUST_PHASE,
  PTP_CLOCK_CAPS_CROSS_TIMESTAMPING,
  PTP_CLOCK_CAPS_MAX_ADJ,
  PTP_CLOCK_CAPS_MAX_PHASE_ADJ,
  PTP_CLOCK_CAPS_N_ALARM,
  PTP_CLOCK_CAPS_N_EXT_TS,
  PTP_CLOCK_CAPS_N_PER_OUT,
  PTP_CLOCK_CAPS_N_PINS,
  PTP_CLOCK_CAPS_PPS,
  PTP_CLOCK_TIME_NSEC,
  PTP_CLOCK_TIME_RESERVED,
  PTP_CLOCK_TIME_SEC,
  PTP_EXTTS_REQUEST_FLAGS,
  PTP_EXTTS_REQUEST_INDEX,
  PTP_EXTTS_REQUEST_RSV,
  PTP_PEROUT_REQUEST_FLAGS,
  PTP_PEROUT_REQUEST_INDEX,
  PTP_PEROUT_REQUEST_ON,
  PTP_PEROUT_REQUEST_PERIOD,
  PTP_PEROUT_REQUEST_START,
  PTP_PIN_DESC_CHAN,
  PTP_PIN_DESC_FUNC,
  PTP_PIN_DESC_INDEX,
  PTP_PIN_DESC_NAME,
  PTP_PIN_DESC_RSV,
  PTP_SYS_OFFSET_EXTENDED_CLOCKID,
  PTP_SYS_OFFSET_EXTENDED_N_SAMPLES,
  PTP_SYS_OFFSET_EXTENDED_TS,
  PTP_SYS_OFFSET_N_SAMPLES,
  PTP_SYS_OFFSET_PRECISE_DEVICE,
  PTP_SYS_OFFSET_PRECISE_RSV,
  PTP_SYS_OFFSET_PRECISE_SYS_MONORAW,
  PTP_SYS_OFFSET_PRECISE_SYS_REALTIME,
  PTP_SYS_OFFSET_RSV,
  PTP_SYS_OFFSET_TS,
  SIZEOF_PTP_CLOCK_CAPS,
  SIZEOF_PTP_CLOCK_TIME,
  SIZEOF_PTP_EXTTS_REQUEST,
  SIZEOF_PTP_PEROUT_REQUEST,
  SIZEOF_PTP_PIN_DESC,
  SIZEOF_PTP_SYS_OFFSET,
  SIZEOF_PTP_SYS_OFFSET_EXTENDED,
  SIZEOF_PTP_SYS_OFFSET_PRECISE,
} from "../layouts";
import { strsize, verbose, xlatStyle } from "../options";
import { putc, puts } from "../out";
import { isoShown, putIsoTime } from "../print/structs";
import {
  F_CSTRING,
  F_D,
  F_FLAGS,
  F_U,
  F_X,
  F_XVAL,
  Field,
  isIoctlRequest,
  isZero,
  printFields,
  printNumArray,
} from "./ioctl-fields";

const CAPS: Field[] = [
  new Field("max_adj", PTP_CLOCK_CAPS_MAX_ADJ, 4, F_D),
  new Field("n_alarm", PTP_CLOCK_CAPS_N_ALARM, 4, F_D),
  new Field("n_ext_ts", PTP_CLOCK_CAPS_N_EXT_TS, 4, F_D),
  new Field("n_per_out", PTP_CLOCK_CAPS_N_PER_OUT, 4, F_D),
  new Field("pps", PTP_CLOCK_CAPS_PPS, 4, F_D),
  new Field("n_pins", PTP_CLOCK_CAPS_N_PINS, 4, F_D),
  new Field("cross_timestamping", PTP_CLOCK_CAPS_CROSS_TIMESTAMPING, 4, F_D),
  new Field("adjust_phase", PTP_CLOCK_CAPS_ADJUST_PHASE, 4, F_D),
];
const EXTTS: Field[] = [
  new Field("index", PTP_EXTTS_REQUEST_INDEX, 4, F_U),
  new Field("flags", PTP_EXTTS_REQUEST_FLAGS, 4, F_FLAGS, "ptp_extts_flags"),
];
const PEROUT_TAIL: Field[] = [
  new Field("index", PTP_PEROUT_REQUEST_INDEX, 4, F_U),
  new Field("flags", PTP_PEROUT_REQUEST_FLAGS, 4, F_FLAGS, "ptp_perout_flags"),
];
const TIME: Field[] = [
  new Field("sec", PTP_CLOCK_TIME_SEC, 8, F_D),
  new Field("nsec", PTP_CLOCK_TIME_NSEC, 4, F_U),
];
const TIME_RESERVED: Field[] = [new Field("reserved", PTP_CLOCK_TIME_RESERVED, 4, F_X)];
const PIN_INDEX: Field[] = [new Field("index", PTP_PIN_DESC_INDEX, 4, F_U)];
const PIN_NAME: Field[] = [
  new Field("name", PTP_PIN_DESC_NAME, PTP_PIN_DESC_INDEX - PTP_PIN_DESC_NAME, F_CSTRING),
];
const PIN_FUNC: Field[] = [
  new Field("func", PTP_PIN_DESC_FUNC, 4, F_XVAL, "ptp_pin_funcs"),
  new Field("chan", PTP_PIN_DESC_CHAN, 4, F_U),
];
const N_SAMPLES: Field[] = [new Field("n_samples", PTP_SYS_OFFSET_N_SAMPLES, 4, F_U)];
const EXT_N_SAMPLES: Field[] = [new Field("n_samples", PTP_SYS_OFFSET_EXTENDED_N_SAMPLES, 4, F_U)];

/** PTP_PEROUT_DUTY_CYCLE and PTP_PEROUT_PHASE: which union members the request uses. */
const PEROUT_DUTY_CYCLE: u32 = 2;
const PEROUT_PHASE: u32 = 4;
/** PTP_MAX_SAMPLES: how many samples the sys-offset arrays hold. */
const MAX_SAMPLES: u32 = 25;

/** `, rsv=[…]` when any of the `n` words at p is set (strace's PRINT_RSV). */
function rsv(p: usize, n: u32): void {
  if (isZero(p, n * 4)) return;
  puts(", rsv=");
  printNumArray(p, n, 4, true);
}

/** struct ptp_clock_time: `{sec=…, nsec=…[, reserved=…]}`, a wall-clock comment when `rtc`. */
function printTime(p: usize, rtc: bool): void {
  putc(0x7b);
  printFields(p, TIME);
  if (load<u32>(p + PTP_CLOCK_TIME_RESERVED) != 0) printFields(p, TIME_RESERVED, false);
  putc(0x7d);
  const sec = load<i64>(p + PTP_CLOCK_TIME_SEC);
  const nsec = <u64>load<u32>(p + PTP_CLOCK_TIME_NSEC);
  if (rtc && xlatStyle != 1 && isoShown(sec, nsec)) {
    puts(" /* ");
    putIsoTime(sec, <u32>nsec);
    puts(" */");
  }
}

function timeField(name: string, p: usize, rtc: bool): void {
  puts(name);
  putc(0x3d);
  printTime(p, rtc);
}

/** `, ts=[…]`: `n` clock times (groups of three when `triple`), cut at -s unless -v. */
function tsArray(p: usize, n: u32, triple: bool): void {
  puts(", ts=[");
  const size = triple ? 3 * SIZEOF_PTP_CLOCK_TIME : SIZEOF_PTP_CLOCK_TIME;
  for (let i: u32 = 0; i < n; i++) {
    if (i > 0) puts(", ");
    if (!verbose && i >= <u32>strsize) {
      puts("...");
      break;
    }
    const e = p + <usize>(i * size);
    if (!triple) {
      printTime(e, true);
      continue;
    }
    putc(0x5b);
    for (let k: u32 = 0; k < 3; k++) {
      if (k > 0) puts(", ");
      printTime(e + <usize>(k * SIZEOF_PTP_CLOCK_TIME), true);
    }
    putc(0x5d);
  }
  putc(0x5d);
}

export function printPtpClockCaps(p: usize, len: u32): bool {
  if (len < SIZEOF_PTP_CLOCK_CAPS) return false;
  putc(0x7b);
  printFields(p, CAPS);
  rsv(p + PTP_CLOCK_CAPS_MAX_PHASE_ADJ, (SIZEOF_PTP_CLOCK_CAPS - PTP_CLOCK_CAPS_MAX_PHASE_ADJ) / 4);
  putc(0x7d);
  return true;
}

export function printPtpExttsRequest(p: usize, len: u32): bool {
  if (len < SIZEOF_PTP_EXTTS_REQUEST) return false;
  putc(0x7b);
  printFields(p, EXTTS);
  if (isIoctlRequest("PTP_EXTTS_REQUEST2"))
    rsv(p + PTP_EXTTS_REQUEST_RSV, (SIZEOF_PTP_EXTTS_REQUEST - PTP_EXTTS_REQUEST_RSV) / 4);
  putc(0x7d);
  return true;
}

export function printPtpPeroutRequest(p: usize, len: u32): bool {
  if (len < SIZEOF_PTP_PEROUT_REQUEST) return false;
  const flags = load<u32>(p + PTP_PEROUT_REQUEST_FLAGS);
  putc(0x7b);
  if (flags & PEROUT_PHASE) timeField("phase", p + PTP_PEROUT_REQUEST_START, false);
  else timeField("start", p + PTP_PEROUT_REQUEST_START, true);
  puts(", ");
  timeField("period", p + PTP_PEROUT_REQUEST_PERIOD, false);
  printFields(p, PEROUT_TAIL, false);
  if (flags & PEROUT_DUTY_CYCLE) {
    puts(", ");
    timeField("on", p + PTP_PEROUT_REQUEST_ON, false);
  } else if (isIoctlRequest("PTP_PEROUT_REQUEST2"))
    rsv(p + PTP_PEROUT_REQUEST_ON, (SIZEOF_PTP_PEROUT_REQUEST - PTP_PEROUT_REQUEST_ON) / 4);
  putc(0x7d);
  return true;
}

/** At entry `{n_samples=N[, rsv=…]` (left open); at exit `, ts=[…]}`. */
export function printPtpSysOffset(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_PTP_SYS_OFFSET) return false;
  if (!atExit) {
    putc(0x7b);
    printFields(p, N_SAMPLES);
    rsv(p + PTP_SYS_OFFSET_RSV, (PTP_SYS_OFFSET_TS - PTP_SYS_OFFSET_RSV) / 4);
    return true;
  }
  const n = min<u32>(load<u32>(p + PTP_SYS_OFFSET_N_SAMPLES), MAX_SAMPLES);
  tsArray(p + PTP_SYS_OFFSET_TS, 2 * n + 1, false);
  putc(0x7d);
  return true;
}

/** As printPtpSysOffset, with (system, device, system) time triples. */
export function printPtpSysOffsetExtended(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_PTP_SYS_OFFSET_EXTENDED) return false;
  if (!atExit) {
    putc(0x7b);
    printFields(p, EXT_N_SAMPLES);
    rsv(
      p + PTP_SYS_OFFSET_EXTENDED_CLOCKID,
      (PTP_SYS_OFFSET_EXTENDED_TS - PTP_SYS_OFFSET_EXTENDED_CLOCKID) / 4,
    );
    return true;
  }
  const n = min<u32>(load<u32>(p + PTP_SYS_OFFSET_EXTENDED_N_SAMPLES), MAX_SAMPLES);
  tsArray(p + PTP_SYS_OFFSET_EXTENDED_TS, n, true);
  putc(0x7d);
  return true;
}

export function printPtpSysOffsetPrecise(p: usize, len: u32): bool {
  if (len < SIZEOF_PTP_SYS_OFFSET_PRECISE) return false;
  putc(0x7b);
  timeField("device", p + PTP_SYS_OFFSET_PRECISE_DEVICE, true);
  puts(", ");
  timeField("sys_realtime", p + PTP_SYS_OFFSET_PRECISE_SYS_REALTIME, true);
  puts(", ");
  timeField("sys_monoraw", p + PTP_SYS_OFFSET_PRECISE_SYS_MONORAW, false);
  rsv(p + PTP_SYS_OFFSET_PRECISE_RSV, (SIZEOF_PTP_SYS_OFFSET_PRECISE - PTP_SYS_OFFSET_PRECISE_RSV) / 4);
  putc(0x7d);
  return true;
}

/**
 * PTP_PIN_SETFUNC{,2}: the whole pin at entry. PTP_PIN_GETFUNC{,2}: `{index=N` at entry (left
 * open), then `, name=…, func=…, chan=…}` at exit.
 */
export function printPtpPinDesc(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_PTP_PIN_DESC) return false;
  const n = (SIZEOF_PTP_PIN_DESC - PTP_PIN_DESC_RSV) / 4;
  const setter = isIoctlRequest("PTP_PIN_SETFUNC") || isIoctlRequest("PTP_PIN_SETFUNC2");
  if (!atExit) {
    putc(0x7b);
    printFields(p, PIN_INDEX);
    if (isIoctlRequest("PTP_PIN_GETFUNC2")) rsv(p + PTP_PIN_DESC_RSV, n);
    if (!setter) return true;
  } else printFields(p, PIN_NAME, false);
  printFields(p, PIN_FUNC, false);
  if (isIoctlRequest("PTP_PIN_SETFUNC2")) rsv(p + PTP_PIN_DESC_RSV, n);
  putc(0x7d);
  return true;
}
