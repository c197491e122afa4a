// Constant tables that dedicated decoders and struct printers use, looked up by name once at init.
// The tables themselves come from @tstrace/core through the blob; a missing table degrades to
// numbers, never to a failure.
import { findTable } from "./tables";

export let T_OPEN_FLAGS: i32 = -1;
export let T_MODETYPES: i32 = -1;
export let T_FSMAGIC: i32 = -1;
export let T_STATFS_FLAGS: i32 = -1;
export let T_SIGACT_FLAGS: i32 = -1;
export let T_FUTEX_OPS: i32 = -1;
export let T_IOCTL: i32 = -1;
export let T_GETRANDOM_FLAGS: i32 = -1;
export let T_SIGPROCMASK: i32 = -1;
export let T_SI_CODES: i32 = -1;
export let T_CLD_CODES: i32 = -1;
export let T_SEGV_CODES: i32 = -1;
export let T_BUS_CODES: i32 = -1;
export let T_ILL_CODES: i32 = -1;
export let T_FPE_CODES: i32 = -1;
export let T_TRAP_CODES: i32 = -1;

function first(a: string, b: string, c: string = ""): i32 {
  let i = findTable(a);
  if (i < 0) i = findTable(b);
  if (i < 0 && c.length > 0) i = findTable(c);
  return i;
}

export function resolveKnown(): void {
  T_OPEN_FLAGS = first("open_flags", "open_mode_flags");
  T_MODETYPES = first("file_types", "modetypes", "mode_types");
  T_FSMAGIC = first("fsmagic", "statfs_types", "fs_magic");
  T_STATFS_FLAGS = first("statfs_flags", "st_flags");
  T_SIGACT_FLAGS = first("sigact_flags", "sa_flags");
  T_FUTEX_OPS = first("futex_ops", "futexops");
  T_IOCTL = first("tty_ioctls", "ioctls", "ioctl");
  T_GETRANDOM_FLAGS = first("getrandom_flags", "grnd_flags");
  T_SIGPROCMASK = first("sigprocmask_cmds", "sigprocmaskcmds", "sigprocmask_how");
  T_SI_CODES = first("siginfo_codes", "si_codes");
  T_CLD_CODES = first("sigchld_codes", "cld_codes");
  T_SEGV_CODES = first("sigsegv_codes", "segv_codes");
  T_BUS_CODES = first("sigbus_codes", "bus_codes");
  T_ILL_CODES = first("sigill_codes", "ill_codes");
  T_FPE_CODES = first("sigfpe_codes", "fpe_codes");
  T_TRAP_CODES = first("sigtrap_codes", "trap_codes");
}
