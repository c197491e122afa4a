// Constant tables of the long-tail syscall decoders (memory policy, ioprio, kcmp, ...), looked up
// by name once at init like known.ts's; a missing table degrades to numbers.
import { findTable } from "./tables";

export let T_MPOL_MODES: i32 = -1;
export let T_MPOL_MODE_FLAGS: i32 = -1;
export let T_MBIND_FLAGS: i32 = -1;
export let T_GET_MEMPOLICY_FLAGS: i32 = -1;
export let T_IOPRIO_WHO: i32 = -1;
export let T_IOPRIO_CLASS: i32 = -1;
export let T_KCMP_TYPES: i32 = -1;
export let T_MFD_CREATE_FLAGS: i32 = -1;
export let T_MADVISE_CMDS: i32 = -1;
// the long tail's second batch (xattr, ...)
export let T_XATTR_FLAGS: i32 = -1;
export let T_RWF_FLAGS: i32 = -1;
export let T_MMAP_FLAGS: i32 = -1;
export let T_MMAP_PROT: i32 = -1;
export let T_SCHED_FLAGS: i32 = -1;
export let T_SIGEV_NOTIFY: i32 = -1;
export let T_MQ_ATTR_FLAGS: i32 = -1;
export let T_FUTEX_WAKE_OPS: i32 = -1;
export let T_FUTEX_WAKE_CMPS: i32 = -1;
export let T_FUTEX_WAITER_FLAGS: i32 = -1;
export let T_CLOCKNAMES: i32 = -1;
export let T_ADJTIMEX_MODES: i32 = -1;
export let T_ADJTIMEX_STATUS: i32 = -1;
export let T_ADJTIMEX_STATE: i32 = -1;

export function resolveKnownTail(): void {
  T_MPOL_MODES = findTable("mpol_modes");
  T_MPOL_MODE_FLAGS = findTable("mpol_mode_flags");
  T_MBIND_FLAGS = findTable("mbind_flags");
  T_GET_MEMPOLICY_FLAGS = findTable("get_mempolicy_flags");
  T_IOPRIO_WHO = findTable("ioprio_who");
  T_IOPRIO_CLASS = findTable("ioprio_class");
  T_KCMP_TYPES = findTable("kcmp_types");
  T_MFD_CREATE_FLAGS = findTable("mfd_create_flags");
  T_MADVISE_CMDS = findTable("madvise_cmds");
  T_XATTR_FLAGS = findTable("xattr_flags");
  T_RWF_FLAGS = findTable("rwf_flags");
  T_MMAP_FLAGS = findTable("mmap_flags");
  T_MMAP_PROT = findTable("mmap_prot");
  T_SCHED_FLAGS = findTable("sched_flags");
  T_SIGEV_NOTIFY = findTable("sigev_notify");
  T_MQ_ATTR_FLAGS = findTable("mq_attr_flags");
  T_FUTEX_WAKE_OPS = findTable("futex_wake_ops");
  T_FUTEX_WAKE_CMPS = findTable("futex_wake_cmps");
  T_FUTEX_WAITER_FLAGS = findTable("futex_waiter_flags");
  T_CLOCKNAMES = findTable("clocknames");
  T_ADJTIMEX_MODES = findTable("adjtimex_modes");
  T_ADJTIMEX_STATUS = findTable("adjtimex_status");
  T_ADJTIMEX_STATE = findTable("adjtimex_state");
}
