// Real-time clocks (strace 6.1's rtc.c): the clock's and the alarm's broken-down time, the wake
// alarm, the PLL, and RTC_PARAM_GET/SET's parameter whose value the parameter's id chooses.

import {
  RTC_PARAM_INDEX,
  RTC_PARAM_PAD,
  RTC_PARAM_PARAM,
  RTC_PARAM_UVALUE,
  RTC_PLL_INFO_PLL_CLOCK,
  RTC_PLL_INFO_PLL_CTRL,
  RTC_PLL_INFO_PLL_MAX,
  RTC_PLL_INFO_PLL_MIN,
  RTC_PLL_INFO_PLL_NEGMULT,
  RTC_PLL_INFO_PLL_POSMULT,
  RTC_PLL_INFO_PLL_VALUE,
  RTC_TIME_TM_HOUR,
  RTC_TIME_TM_ISDST,
  RTC_TIME_TM_MDAY,
  RTC_TIME_TM_MIN,
  RTC_TIME_TM_MON,
  RTC_TIME_TM_SEC,
  RTC_TIME_TM_WDAY,
  RTC_TIME_TM_YDAY,
  RTC_TIME_TM_YEAR,
  RTC_WKALRM_ENABLED,
  RTC_WKALRM_PENDING,
  RTC_WKALRM_TIME,
  SIZEOF_RTC_PARAM,
  SIZEOF_RTC_PLL_INFO,
  SIZEOF_RTC_TIME,
  SIZEOF_RTC_WKALRM,
} from "../layouts";
import { verbose } from "../options";
import { putc, puts } from "../out";
import { F_D, F_FLAGS, F_U, F_X, F_XVAL, Field, printFields, printStructOf } from "./ioctl-fields";

const TIME: Field[] = [
  new Field("tm_sec", RTC_TIME_TM_SEC, 4, F_D),
  new Field("tm_min", RTC_TIME_TM_MIN, 4, F_D),
  new Field("tm_hour", RTC_TIME_TM_HOUR, 4, F_D),
  new Field("tm_mday", RTC_TIME_TM_MDAY, 4, F_D),
  new Field("tm_mon", RTC_TIME_TM_MON, 4, F_D),
  new Field("tm_year", RTC_TIME_TM_YEAR, 4, F_D),
];
const TIME_MORE: Field[] = [
  new Field("tm_wday", RTC_TIME_TM_WDAY, 4, F_D),
  new Field("tm_yday", RTC_TIME_TM_YDAY, 4, F_D),
  new Field("tm_isdst", RTC_TIME_TM_ISDST, 4, F_D),
];
const WKALRM: Field[] = [
  new Field("enabled", RTC_WKALRM_ENABLED, 1, F_U),
  new Field("pending", RTC_WKALRM_PENDING, 1, F_U),
];
const PLL: Field[] = [
  new Field("pll_ctrl", RTC_PLL_INFO_PLL_CTRL, 4, F_D),
  new Field("pll_value", RTC_PLL_INFO_PLL_VALUE, 4, F_D),
  new Field("pll_max", RTC_PLL_INFO_PLL_MAX, 4, F_D),
  new Field("pll_min", RTC_PLL_INFO_PLL_MIN, 4, F_D),
  new Field("pll_posmult", RTC_PLL_INFO_PLL_POSMULT, 4, F_D),
  new Field("pll_negmult", RTC_PLL_INFO_PLL_NEGMULT, 4, F_D),
  new Field("pll_clock", RTC_PLL_INFO_PLL_CLOCK, 8, F_D),
];
const PARAM_ID: Field[] = [new Field("param", RTC_PARAM_PARAM, 8, F_XVAL, "rtc_params")];
const PARAM_INDEX: Field[] = [new Field("index", RTC_PARAM_INDEX, 4, F_U)];
const PARAM_PAD: Field[] = [new Field("__pad", RTC_PARAM_PAD, 4, F_X)];
/** The value's member by parameter id: RTC_PARAM_FEATURES, _CORRECTION, _BACKUP_SWITCH_MODE. */
const VALUE_BY_ID: Field[] = [
  new Field("uvalue", RTC_PARAM_UVALUE, 8, F_FLAGS, "rtc_features"),
  new Field("svalue", RTC_PARAM_UVALUE, 8, F_D),
  new Field("uvalue", RTC_PARAM_UVALUE, 8, F_XVAL, "rtc_backup_switch_modes"),
];
const VALUE_OTHER = new Field("uvalue", RTC_PARAM_UVALUE, 8, F_X);

/** struct rtc_time's fields: the first six and `...` unless -v (strace's abbrev). */
function timeFields(p: usize): void {
  putc(0x7b);
  printFields(p, TIME);
  if (verbose) printFields(p, TIME_MORE, false);
  else puts(", ...");
  putc(0x7d);
}

export function printRtcTime(p: usize, len: u32): bool {
  if (len < SIZEOF_RTC_TIME) return false;
  timeFields(p);
  return true;
}

export function printRtcWkalrm(p: usize, len: u32): bool {
  if (len < SIZEOF_RTC_WKALRM) return false;
  putc(0x7b);
  printFields(p, WKALRM);
  puts(", time=");
  timeFields(p + RTC_WKALRM_TIME);
  putc(0x7d);
  return true;
}

export function printRtcPllInfo(p: usize, len: u32): bool {
  return printStructOf(p, len, SIZEOF_RTC_PLL_INFO, PLL);
}

/**
 * RTC_PARAM_SET at entry: `{param=…, <value>=…, index=N[, __pad=…]}`. RTC_PARAM_GET: at entry the
 * parameter asked (`{param=…, index=N…}`), at exit its value (`{<value>=…[, __pad=…]}`).
 */
export function printRtcParam(p: usize, len: u32, atExit: bool, get: bool): bool {
  if (len < SIZEOF_RTC_PARAM) return false;
  putc(0x7b);
  if (!atExit) printFields(p, PARAM_ID);
  if (atExit == get) {
    if (!atExit) puts(", ");
    const id = load<u64>(p + RTC_PARAM_PARAM);
    const f = id < <u64>VALUE_BY_ID.length ? VALUE_BY_ID[<i32>id] : VALUE_OTHER;
    printFields(p, [f]);
  }
  if (!atExit) printFields(p, PARAM_INDEX, false);
  if (load<u32>(p + RTC_PARAM_PAD) != 0) printFields(p, PARAM_PAD, false);
  putc(0x7d);
  return true;
}
