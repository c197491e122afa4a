// What a decoder returns (strace's RVAL_* bits): whether it finished at entry, and how to print
// the return value when that differs from the row's ret kind.
export const RVAL_DECODED: i32 = 0x100;
export const RVAL_DEFAULT: i32 = 0;
export const RVAL_HEX: i32 = 1;
export const RVAL_OCTAL: i32 = 2;
export const RVAL_UDECIMAL: i32 = 3;
/** The return value is an fd (fcntl F_DUPFD): with -y it prints decorated. */
export const RVAL_FD: i32 = 4;
/**
 * A success whose low 32 bits are a negated errno (modify_ldt's int return on 64-bit kernels):
 * the value, then that error's name, as strace's print_err_ret.
 */
export const RVAL_LOW_ERRNO: i32 = 5;

/** Per-call scratch the line engine saves and restores per pid. */
export let resumeArg: u32 = 0;
export function setResumeArg(i: u32): void {
  resumeArg = i;
}

/**
 * What follows the return value (strace's auxstr): set by a decoder at exit, printed by the line
 * engine after the number, e.g. `= 0x8002 (flags O_RDWR|O_LARGEFILE)`.
 */
export const AUX_NONE: i32 = 0;
/** ` (flags NAMES)` from table auxTable. */
export const AUX_FLAGS: i32 = 1;
/** ` (seals NAMES)` from table auxTable. */
export const AUX_SEALS: i32 = 2;
/** A decoder-specific annotation printed by decoders/index.ts printAux (poll's revents). */
export const AUX_CUSTOM: i32 = 3;
/** ` (NAME)` of the return value from table auxTable, nothing when it has no name. */
export const AUX_ENUM: i32 = 4;
export let aux: i32 = AUX_NONE;
export let auxTable: i32 = -1;
export function setAux(kind: i32, table: i32): void {
  aux = kind;
  auxTable = table;
}
