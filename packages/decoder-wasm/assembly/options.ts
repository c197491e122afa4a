// Session options, set once by init().

/** -s: max string bytes printed. */
export let strsize: i32 = 32;
/** -a: column of `= ret`. */
export let acolumn: i32 = 40;
/** -x level: 0, 1 (non-ASCII strings in hex), 2 (all hex). */
export let xflag: i32 = 0;
/** Pid prefix: 0 none, 1 "[pid N] " (when more than one process), 2 "N  " (always). */
export let pidPrefix: i32 = 0;

export function setOptions(s: i32, a: i32, x: i32, p: i32): void {
  strsize = s < 0 ? 0 : s;
  acolumn = a < 0 ? 0 : a;
  xflag = x < 0 || x > 2 ? 0 : x;
  pidPrefix = p < 0 || p > 2 ? 0 : p;
}
