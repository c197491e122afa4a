// Constant tables of the proc area's decoders (ptrace, siginfo), looked up by name once at init like
// known.ts's; a missing table degrades to numbers.
import { findTable } from "./tables";

export let T_PTRACE_CMDS: i32 = -1;
export let T_PTRACE_SETOPTIONS_FLAGS: i32 = -1;
export let T_PTRACE_SYSCALL_INFO_OP: i32 = -1;
export let T_AUDIT_ARCH: i32 = -1;
export let T_POLL_CODES: i32 = -1;
export let T_SYS_CODES: i32 = -1;

export function resolveKnownProc(): void {
  T_PTRACE_CMDS = findTable("ptrace_cmds");
  T_PTRACE_SETOPTIONS_FLAGS = findTable("ptrace_setoptions_flags");
  T_PTRACE_SYSCALL_INFO_OP = findTable("ptrace_syscall_info_op");
  T_AUDIT_ARCH = findTable("audit_arch");
  T_POLL_CODES = findTable("sigpoll_codes");
  T_SYS_CODES = findTable("sigsys_codes");
}
