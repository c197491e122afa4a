// Constant tables that dedicated decoders and struct printers use, looked up by name once at init.
// The tables themselves come from @tstrace/core through the blob; a missing table degrades to
// numbers, never to a failure.
import { resolveKnownProc } from "./known-proc";
import { resolveKnownTail } from "./known-tail";
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
export let T_FD_FLAGS: i32 = -1;
export let T_FCNTL_CMDS: i32 = -1;
export let T_FCNTL_SEALS: i32 = -1;
export let T_ADDRFAMS: i32 = -1;
export let T_SOCKTYPES: i32 = -1;
export let T_INET_PROTOCOLS: i32 = -1;
export let T_NETLINK_PROTOCOLS: i32 = -1;
export let T_SOCKETLAYERS: i32 = -1;
export let T_SOCKOPTIONS: i32 = -1;
export let T_TCP_OPTIONS: i32 = -1;
export let T_POLLFLAGS: i32 = -1;
export let T_EPOLLEVENTS: i32 = -1;
export let T_WAIT4_OPTIONS: i32 = -1;
export let T_CLONE_FLAGS: i32 = -1;
export let T_PRCTL_OPTIONS: i32 = -1;
export let T_STATX_MASKS: i32 = -1;
export let T_STATX_ATTRS: i32 = -1;
export let T_STATX_FLAGS: i32 = -1;
export let T_SIGALTSTACK_FLAGS: i32 = -1;
export let T_RESOLVE_FLAGS: i32 = -1;
export let T_SCHED_POLICIES: i32 = -1;
export let T_MREMAP_FLAGS: i32 = -1;
export let T_MSG_FLAGS: i32 = -1;
export let T_SCM_TYPES: i32 = -1;
export let T_DIRENT_TYPES: i32 = -1;

function first(a: string, b: string, c: string = ""): i32 {
  let i = findTable(a);
  if (i < 0) i = findTable(b);
  if (i < 0 && c.length > 0) i = findTable(c);
  return i;
}

export let T_TERM_IFLAGS: i32 = -1;
export let T_TERM_OFLAGS: i32 = -1;
export let T_TERM_CFLAGS: i32 = -1;
export let T_TERM_LFLAGS: i32 = -1;
export let T_BAUD_OPTIONS: i32 = -1;
export let T_TERMIO_CC: i32 = -1;
export let T_TTY_LDISCS: i32 = -1;
export let T_USAGE_WHO: i32 = -1;

export let T_PRCTL_DUMPABLE: i32 = -1;

export function resolveKnown(): void {
  T_OPEN_FLAGS = first("open_flags", "open_mode_flags");
  T_MODETYPES = first("file_types", "modetypes", "mode_types");
  T_FSMAGIC = first("fsmagic", "statfs_types", "fs_magic");
  T_STATFS_FLAGS = first("statfs_flags", "st_flags");
  T_SIGACT_FLAGS = first("sigact_flags", "sa_flags");
  T_FUTEX_OPS = first("futex_ops", "futexops");
  T_IOCTL = first("ioctls", "tty_ioctls", "ioctl");
  T_GETRANDOM_FLAGS = first("getrandom_flags", "grnd_flags");
  T_SIGPROCMASK = first("sigprocmask_cmds", "sigprocmaskcmds", "sigprocmask_how");
  T_SI_CODES = first("siginfo_codes", "si_codes");
  T_CLD_CODES = first("sigchld_codes", "cld_codes");
  T_SEGV_CODES = first("sigsegv_codes", "segv_codes");
  T_BUS_CODES = first("sigbus_codes", "bus_codes");
  T_ILL_CODES = first("sigill_codes", "ill_codes");
  T_FPE_CODES = first("sigfpe_codes", "fpe_codes");
  T_TRAP_CODES = first("sigtrap_codes", "trap_codes");
  T_FD_FLAGS = findTable("fd_flags");
  T_FCNTL_CMDS = findTable("fcntl_cmds");
  T_FCNTL_SEALS = findTable("fcntl_seals");
  T_ADDRFAMS = findTable("addrfams");
  T_SOCKTYPES = findTable("socktypes");
  T_INET_PROTOCOLS = findTable("inet_protocols");
  T_NETLINK_PROTOCOLS = findTable("netlink_protocols");
  T_SOCKETLAYERS = findTable("socketlayers");
  T_SOCKOPTIONS = findTable("sockoptions");
  T_TCP_OPTIONS = findTable("sock_tcp_options");
  T_POLLFLAGS = findTable("pollflags");
  T_EPOLLEVENTS = findTable("epollevents");
  T_WAIT4_OPTIONS = findTable("wait4_options");
  T_CLONE_FLAGS = findTable("clone_flags");
  T_PRCTL_OPTIONS = findTable("prctl_options");
  T_STATX_MASKS = findTable("statx_masks");
  T_STATX_ATTRS = findTable("statx_attrs");
  T_STATX_FLAGS = findTable("statx_flags");
  T_SIGALTSTACK_FLAGS = findTable("sigaltstack_flags");
  T_RESOLVE_FLAGS = findTable("open_resolve_flags");
  T_SCHED_POLICIES = findTable("sched_policies");
  T_MREMAP_FLAGS = findTable("mremap_flags");
  T_MSG_FLAGS = findTable("msg_flags");
  T_SCM_TYPES = findTable("scmvals");
  T_DIRENT_TYPES = findTable("dirent_types");
  T_TERM_IFLAGS = findTable("term_iflags");
  T_TERM_OFLAGS = findTable("term_oflags");
  T_TERM_CFLAGS = findTable("term_cflags");
  T_TERM_LFLAGS = findTable("term_lflags");
  T_BAUD_OPTIONS = findTable("baud_options");
  T_TERMIO_CC = findTable("termio_cc");
  T_TTY_LDISCS = findTable("tty_ldiscs");
  T_USAGE_WHO = findTable("usage_who");
  T_PRCTL_DUMPABLE = findTable("prctl_dumpable");
  resolveKnownTail();
  resolveKnownProc();
}
