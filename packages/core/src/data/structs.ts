/**
 * Struct sizes per architecture: what the native side reads for a `struct` argument. x86_64's
 * real structs take their sizes from the BTF layouts (src/layouts/x86_64.generated.ts); the rest is
 * hand data; sources: the kernel's uapi headers (arch/x86/include/uapi/asm/stat.h, include/uapi/asm-generic/
 * stat.h, arch/arm/include/uapi/asm/stat.h, include/uapi/asm-generic/statfs.h,
 * include/uapi/linux/resource.h, include/uapi/linux/utsname.h, include/uapi/linux/stat.h (statx),
 * include/uapi/linux/sysinfo.h, include/uapi/linux/sched.h (clone_args),
 * include/uapi/asm-generic/signal.h and arch/x86/include/uapi/asm/signal.h (the kernel's struct
 * sigaction: handler, flags, restorer where SA_RESTORER exists, mask),
 * include/uapi/asm-generic/poll.h, include/uapi/linux/time_types.h and include/uapi/linux/time.h
 * (itimerspec, itimerval), include/uapi/linux/times.h (tms), asm-generic/termbits.h (termios), include/uapi/linux/openat2.h (open_how), fs/select.c (pselect6's sigmask
 * pointer and size), include/uapi/linux/eventpoll.h (packed on x86_64)) laid out
 * with each ABI's alignment. Pseudo-structs name the scalars a pointer argument points at:
 * `int` (wait4's status, a socklen_t, an option value), `loff` (loff_t), `fdpair` (pipe's int[2]),
 * `timespec2` (utimensat's pair), `u8`/`u32` (array elements).
 */
import { layouts as x86_64Layouts } from "../layouts/x86_64.generated.js";
import type { StructDef, StructLayout } from "../types.js";
import { ioctlPseudoStructs } from "./ioctl-captures.js";

const scalars: readonly StructDef[] = [
  { name: "int", size: 4 },
  { name: "wstatus", size: 4 },
  { name: "socklen", size: 4 },
  { name: "u8", size: 1 },
  { name: "u32", size: 4 },
  // an unsigned int behind a pointer, printed `[4294967295]`
  { name: "uint", size: 4 },
  { name: "gid", size: 4 },
  { name: "loff", size: 8 },
  { name: "fdpair", size: 8 },
  // pidns: one int the kernel stores an fd in (clone's CLONE_PIDFD pidfd, at parent_tid)
  { name: "fdint", size: 4 },
  { name: "pollfd", size: 8 },
  { name: "statx", size: 256 },
  { name: "clone_args", size: 88 },
  { name: "kernel_timespec", size: 16 },
  { name: "open_how", size: 24 },
  { name: "winsize", size: 8 },
  // the kernel's struct termios (asm-generic/termbits.h): four tcflag_t, c_line, c_cc[19]
  { name: "termios", size: 36 },
  // a task's name (TASK_COMM_LEN)
  { name: "comm", size: 16 },
  // struct kcmp_epoll_slot (include/uapi/linux/kcmp.h): three __u32
  { name: "kcmp_epoll_slot", size: 12 },
  // PR_SET_VMA_ANON_NAME's name: the kernel's longest (ANON_VMA_NAME_MAX_LEN 80) and its NUL
  { name: "vma_name", size: 81 },
  // struct __user_cap_header_struct and two __user_cap_data_struct (include/uapi/linux/capability.h)
  { name: "cap_header", size: 8 },
  { name: "cap_data", size: 24 },
  // siginfo_t (include/uapi/asm-generic/siginfo.h: SI_MAX_SIZE on every architecture)
  { name: "siginfo", size: 128 },
  // proc area: ptrace(2)'s data. struct ptrace_syscall_info (include/uapi/linux/ptrace.h):
  // __u64-aligned, the same on every ABI; struct seccomp_metadata and struct
  // ptrace_peeksiginfo_args (same header): 16 bytes; the kernel's sigset_t (NSIG/8 bytes);
  // arch/x86/include/asm/user_64.h: struct user_regs_struct (27 longs), struct user_i387_struct
  // (512 bytes); PEEKSIGINFO's siginfo array: up to 16 entries are read (strace prints -s of them).
  { name: "ptrace_syscall_info", size: 88 },
  { name: "seccomp_metadata", size: 16 },
  { name: "ptrace_peeksiginfo_args", size: 16 },
  { name: "kernel_sigset", size: 8 },
  { name: "user_regs_struct", size: 216 },
  { name: "user_fpregs_struct", size: 512 },
  { name: "siginfo_array", size: 16 * 128 },
  // include/uapi/linux/landlock.h: packed, the same on every ABI
  { name: "landlock_path_beneath_attr", size: 12 },
  // struct timezone (include/uapi/linux/time.h): two ints on every ABI
  { name: "timezone", size: 8 },
  // struct sched_attr (include/uapi/linux/sched/types.h, SCHED_ATTR_SIZE_VER1): the same on every ABI
  { name: "sched_attr", size: 56 },
  // struct user_desc (arch/x86/include/uapi/asm/ldt.h): three unsigned ints and the flag bits
  { name: "user_desc", size: 16 },
  // struct f_owner_ex (include/uapi/asm-generic/fcntl.h): type and pid, two ints
  { name: "f_owner_ex", size: 8 },
  // struct futex_waitv (include/uapi/linux/futex.h): two __u64, two __u32
  { name: "futex_waitv", size: 24 },
  // struct io_event (include/uapi/linux/aio_abi.h): four 64-bit fields on every ABI
  { name: "io_event", size: 32 },
  // quotactl's data: the largest struct a command passes there (struct fs_quota_statv,
  // include/uapi/linux/dqblk_xfs.h, the same on every ABI)
  { name: "quota_data", size: 160 },
  // a socket option value getsockopt wrote: read up to this many bytes (a shorter readable prefix
  // is kept), the decoder cuts it at the returned optlen
  { name: "sockopt", size: 256 },
  // bpf area: strace 6.1's struct perf_event_attr (PERF_ATTR_SIZE_VER7, the same on every ABI; the
  // kernel's has grown since), read as far as readable, the decoder takes the caller's size of it
  { name: "perf_event_attr", size: 128 },
  // a NUL-terminated string or a buffer a command's argument points at (PERF_EVENT_IOC_SET_FILTER's
  // filter, keyctl's descriptions and payloads): read as far as a page (a readable prefix kept);
  // strace's printstr reads at most that much, and prints at most -s bytes
  { name: "page_str", size: 4096 },
  // include/uapi/linux/io_uring.h struct io_uring_params: the same on every ABI
  { name: "io_uring_params", size: 120 },
  // uring: include/uapi/linux/aio_abi.h struct iocb: padded to 64 bytes on every ABI
  { name: "iocb", size: 64 },
  // uring: io_uring_register's arguments (include/uapi/linux/io_uring.h, the same on every ABI).
  // The 16-byte element of its arrays (struct io_uring_rsrc_update; iovecs and struct
  // io_uring_restriction are 16 bytes too, fds and u32s fit in as many): one read of nr_args of
  // them holds whatever array an opcode passes.
  { name: "io_uring_rsrc_update", size: 16 },
  { name: "io_uring_files_update", size: 16 },
  { name: "io_uring_rsrc_register", size: 32 },
  { name: "io_uring_rsrc_update2", size: 32 },
  // strace 6.1's struct io_uring_buf_reg: ring_addr, ring_entries, bgid, pad, resv[3]
  { name: "io_uring_buf_reg", size: 40 },
  // struct io_uring_probe with the most ops strace prints (256 of 8 bytes after its 16)
  { name: "io_uring_probe_max", size: 16 + 256 * 8 },
  ...ioctlPseudoStructs,
];

const common64: readonly StructDef[] = [
  ...scalars,
  // a kernel_ulong_t element (move_pages' page addresses, a node mask's words)
  { name: "kulong", size: 8 },
  // struct __kernel_timex (include/uapi/linux/timex.h), the 64-bit ABIs' adjtimex struct
  { name: "timex", size: 208 },
  // an unsigned long and a pointer behind a pointer (get_robust_list's length and head)
  { name: "ulong", size: 8 },
  { name: "ptrval", size: 8 },
  // struct mq_attr (include/uapi/linux/mqueue.h): four longs and four reserved ones; the second
  // name prints its flags in hex (mq_open's attr)
  { name: "mq_attr", size: 64 },
  // struct sigevent up to its union's largest member (sigev_thread's function and attributes):
  // what strace reads, not the kernel's SIGEV_MAX_SIZE padding
  { name: "sigevent", size: 32 },
  { name: "mq_attr_open", size: 64 },
  // a SysV message's type (struct msgbuf's long mtype, before its text)
  { name: "mtype", size: 8 },
  { name: "rlimit", size: 16 },
  { name: "rlimit64", size: 16 },
  { name: "statfs", size: 120 },
  { name: "utsname", size: 390 },
  { name: "timespec", size: 16 },
  { name: "timespec2", size: 32 },
  { name: "timeval", size: 16 },
  // utimes' struct timeval[2]; utime's struct utimbuf (two time_t)
  { name: "timeval2", size: 32 },
  { name: "utimbuf", size: 16 },
  { name: "sysinfo", size: 112 },
  { name: "rusage", size: 144 },
  { name: "tms", size: 32 },
  { name: "sigaction", size: 32 },
  { name: "epoll_event", size: 16 },
  { name: "stack_t", size: 24 },
  { name: "itimerval", size: 32 },
  { name: "itimerspec", size: 32 },
  { name: "pselect6_data", size: 16 },
  // include/uapi/linux/kexec.h: buf, bufsz, mem, memsz (not in the BTF: no kernel code uses it)
  { name: "kexec_segment", size: 32 },
  // include/uapi/linux/sysctl.h struct __sysctl_args (not in the BTF: the syscall is gone)
  { name: "sysctl_args", size: 80 },
];

const common32: readonly StructDef[] = [
  ...scalars,
  // struct old_timex32, the 32-bit ABIs' adjtimex struct (printed as an address there)
  { name: "timex", size: 128 },
  { name: "kulong", size: 4 },
  { name: "ulong", size: 4 },
  { name: "ptrval", size: 4 },
  { name: "mq_attr", size: 32 },
  { name: "sigevent", size: 20 },
  { name: "mq_attr_open", size: 32 },
  { name: "mtype", size: 4 },
  { name: "rlimit", size: 8 },
  { name: "rlimit64", size: 16 },
  { name: "statfs", size: 64 },
  { name: "statfs64", size: 84 },
  { name: "utsname", size: 390 },
  { name: "timespec", size: 8 },
  { name: "timespec2", size: 16 },
  { name: "timeval", size: 8 },
  { name: "timeval2", size: 16 },
  { name: "utimbuf", size: 8 },
  { name: "sysinfo", size: 64 },
  { name: "rusage", size: 72 },
  { name: "tms", size: 16 },
  { name: "sigaction", size: 20 },
  { name: "epoll_event", size: 12 },
  { name: "stack_t", size: 12 },
  { name: "itimerval", size: 16 },
  { name: "itimerspec", size: 16 },
  { name: "pselect6_data", size: 8 },
  { name: "kexec_segment", size: 16 },
  { name: "sysctl_args", size: 40 },
];

/** Struct layouts from the kernel's BTF (scripts/gen-layouts.mjs), keyed by architecture name. */
export const layoutsByArch: Readonly<Record<string, readonly StructLayout[]>> = { x86_64: x86_64Layouts };

/** An architecture's sizes: its BTF layouts' sizes, then the hand sizes of what has no layout. */
function withLayouts(arch: string, hand: readonly StructDef[]): StructDef[] {
  const from = layoutsByArch[arch] ?? [];
  const known = new Set(from.map((l) => l.name));
  return [...from.map(({ name, size }) => ({ name, size })), ...hand.filter((d) => !known.has(d.name))];
}

/** Struct sizes keyed by architecture name. */
export const structsByArch: Readonly<Record<string, readonly StructDef[]>> = {
  // Every real struct's size is its BTF layout's; the hand list keeps the pseudo-structs.
  x86_64: withLayouts("x86_64", common64),
  aarch64: [{ name: "stat", size: 128 }, ...common64],
  // riscv64 has no SA_RESTORER: handler, flags, mask.
  riscv64: [{ name: "stat", size: 128 }, { name: "sigaction", size: 24 }, ...common64],
  i386: [{ name: "stat", size: 64 }, { name: "stat64", size: 96 }, ...common32],
  arm: [
    { name: "stat", size: 64 },
    { name: "stat64", size: 104 },
    ...common32.map((s) => (s.name === "statfs64" ? { name: "statfs64", size: 88 } : s)),
  ],
};
