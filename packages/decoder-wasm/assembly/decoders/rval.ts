// What a decoder returns (strace's RVAL_* bits): whether it finished at entry, and how to print
// the return value when that differs from the row's ret kind.
export const RVAL_DECODED: i32 = 0x100;
export const RVAL_DEFAULT: i32 = 0;
export const RVAL_HEX: i32 = 1;
export const RVAL_OCTAL: i32 = 2;
export const RVAL_UDECIMAL: i32 = 3;

/** Per-call scratch the line engine saves and restores per pid. */
export let resumeArg: u32 = 0;
export function setResumeArg(i: u32): void {
  resumeArg = i;
}
