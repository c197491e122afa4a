// Constant tables of the proc area's decoders (ptrace, siginfo), looked up by name once at init like
// known.ts's; a missing table degrades to numbers.
import { findTable } from "./tables";

export let T_PTRACE_CMDS: i32 = -1;
export let T_PTRACE_SETOPTIONS_FLAGS: i32 = -1;
export let T_PTRACE_SYSCALL_INFO_OP: i32 = -1;
export let T_AUDIT_ARCH: i32 = -1;
export let T_POLL_CODES: i32 = -1;
export let T_NT_TYPES: i32 = -1;
export let T_PTRACE_PEEKSIGINFO_FLAGS: i32 = -1;
export let T_SECCOMP_FILTER_FLAGS: i32 = -1;
export let T_SYS_CODES: i32 = -1;

export function resolveKnownProc(): void {
  T_PTRACE_CMDS = findTable("ptrace_cmds");
  T_PTRACE_SETOPTIONS_FLAGS = findTable("ptrace_setoptions_flags");
  T_PTRACE_SYSCALL_INFO_OP = findTable("ptrace_syscall_info_op");
  T_AUDIT_ARCH = findTable("audit_arch");
  T_POLL_CODES = findTable("sigpoll_codes");
  T_NT_TYPES = findTable("nt_descriptor_types");
  T_PTRACE_PEEKSIGINFO_FLAGS = findTable("ptrace_peeksiginfo_flags");
  T_SECCOMP_FILTER_FLAGS = findTable("seccomp_filter_flags");
  T_SYS_CODES = findTable("sigsys_codes");
}
