/**
 * Arguments whose memory shape depends on another argument's value (ioctl's request, prctl's
 * option): which struct to read for which value, and when. Hand data, checked against strace 6.1
 * (`ioctl(0, TIOCGWINSZ, {ws_row=…})`, `prctl(PR_SET_NAME, "nm")`); values are looked up by name
 * in the generated constant tables, so the numbers come from the kernel headers.
 */

import { ioctlCaptures } from "./ioctl-captures.js";

/** One value-chosen capture: when the selector argument equals `value`, read `type` at `arg`. */
export interface ValueCapture {
  /**
   * The selector's value by name in {@link ValueCaptureRow.table}, or as a number for a family of
   * ioctl requests no one name spells (evdev's EVIOCGBIT(ev, len)).
   */
  readonly value: string | number;
  /** The selector matches whatever its _IOC_SIZE bits (an ioctl whose number carries a length). */
  readonly anyIocSize?: boolean;
  /** How many low bits of the selector vary within the family (EVIOCGABS(abs): 6). */
  readonly lowBits?: number;
  /** Bits ORed into the value (futex's private and clock flags); 0 when absent. */
  readonly orBits?: number;
  /** The argument pointing at the memory. */
  readonly arg: number;
  /** A struct name from structs.ts (its size is what is read). */
  readonly type: string;
  /** `in`: read at entry (the caller's data); `out`: at exit (what the kernel wrote). */
  readonly dir: "in" | "out";
}

/** The value-chosen captures of one syscall. */
export interface ValueCaptureRow {
  /** The argument whose value chooses (ioctl's request, prctl's option). */
  readonly selector: number;
  /** The constant table naming the selector's values. */
  readonly table: string;
  readonly captures: readonly ValueCapture[];
}

const intOut = (value: string, arg = 2): ValueCapture => ({ value, arg, type: "int", dir: "out" });

/** uapi linux/futex.h: FUTEX_PRIVATE_FLAG and FUTEX_CLOCK_REALTIME, either of which an op may carry. */
const FUTEX_FLAG_SETS = [0, 128, 256, 128 | 256];
/** A futex command whose fourth argument is a timeout (a struct timespec), under every flag set. */
const futexTimeout = (value: string): ValueCapture[] =>
  FUTEX_FLAG_SETS.map((orBits) => ({ value, orBits, arg: 3, type: "timespec", dir: "in" }));

/** include/uapi/linux/ipc.h IPC_64: the flag a control command may carry (strace strips it). */
const IPC_64 = 0x100;

/**
 * A SysV IPC control call's captures: IPC_SET's struct read at entry; the STAT commands' struct
 * (`set`'s type) and the INFO commands' own structs read at exit; each with and without IPC_64.
 */
function ipcCtl(
  selector: number,
  arg: number,
  table: string,
  cmds: { set: string; stat: readonly string[]; info: Readonly<Record<string, string>> },
): ValueCaptureRow {
  const captures: ValueCapture[] = [
    { value: "IPC_SET", arg, type: cmds.set, dir: "in" },
    ...cmds.stat.map((value): ValueCapture => ({ value, arg, type: cmds.set, dir: "out" })),
    ...Object.entries(cmds.info).map(([value, type]): ValueCapture => ({ value, arg, type, dir: "out" })),
  ];
  return { selector, table, captures: [...captures, ...captures.map((c) => ({ ...c, orBits: IPC_64 }))] };
}

/** Value-chosen captures keyed by syscall name (ioctl's, by request family, in ioctl-captures.ts). */
export const valueCaptures: Readonly<Record<string, ValueCaptureRow>> = {
  ioctl: ioctlCaptures,
  // strace 6.1 seccomp.c: the action asked about, the filter program, the sizes the kernel reports.
  seccomp: {
    selector: 0,
    table: "seccomp_ops",
    captures: [
      { value: "SECCOMP_GET_ACTION_AVAIL", arg: 2, type: "u32", dir: "in" },
      { value: "SECCOMP_SET_MODE_FILTER", arg: 2, type: "sock_fprog", dir: "in" },
      { value: "SECCOMP_GET_NOTIF_SIZES", arg: 2, type: "seccomp_notif_sizes", dir: "out" },
    ],
  },
  // strace 6.1 ptrace.c: what the kernel writes to data (a word, an event message, a siginfo,
  // the syscall info) and the siginfo PTRACE_SETSIGINFO passes.
  ptrace: {
    selector: 0,
    table: "ptrace_cmds",
    captures: [
      ...["PTRACE_PEEKTEXT", "PTRACE_PEEKDATA", "PTRACE_PEEKUSER", "PTRACE_GETEVENTMSG"].map(
        (value): ValueCapture => ({ value, arg: 3, type: "kulong", dir: "out" }),
      ),
      { value: "PTRACE_GETSIGINFO", arg: 3, type: "siginfo", dir: "out" },
      { value: "PTRACE_SETSIGINFO", arg: 3, type: "siginfo", dir: "in" },
      { value: "PTRACE_GET_SYSCALL_INFO", arg: 3, type: "ptrace_syscall_info", dir: "out" },
      { value: "PTRACE_SETSIGMASK", arg: 3, type: "kernel_sigset", dir: "in" },
      { value: "PTRACE_GETSIGMASK", arg: 3, type: "kernel_sigset", dir: "out" },
      // filter_off goes in, flags come back
      { value: "PTRACE_SECCOMP_GET_METADATA", arg: 3, type: "seccomp_metadata", dir: "in" },
      { value: "PTRACE_SECCOMP_GET_METADATA", arg: 3, type: "seccomp_metadata", dir: "out" },
      { value: "PTRACE_PEEKSIGINFO", arg: 2, type: "ptrace_peeksiginfo_args", dir: "in" },
      { value: "PTRACE_PEEKSIGINFO", arg: 3, type: "siginfo_array", dir: "out" },
      // x86_64: the registers are at data (SPARC's at addr)
      { value: "PTRACE_SETREGS", arg: 3, type: "user_regs_struct", dir: "in" },
      { value: "PTRACE_GETREGS", arg: 3, type: "user_regs_struct", dir: "out" },
      { value: "PTRACE_SETFPREGS", arg: 3, type: "user_fpregs_struct", dir: "in" },
      { value: "PTRACE_GETFPREGS", arg: 3, type: "user_fpregs_struct", dir: "out" },
      // the iovec at both stops (the kernel rewrites iov_len), with the registers it points at
      // (data/pointees.ts)
      ...["PTRACE_GETREGSET", "PTRACE_SETREGSET"].flatMap((value): ValueCapture[] => [
        { value, arg: 3, type: "iovec", dir: "in" },
        { value, arg: 3, type: "iovec", dir: "out" },
      ]),
    ],
  },
  // strace 6.1 fcntl.c: the lock a F_SETLK* command sets, and the one F_GETLK reports at exit.
  fcntl: {
    selector: 1,
    table: "fcntl_cmds",
    captures: [
      ...["F_SETLK", "F_SETLKW", "F_OFD_SETLK", "F_OFD_SETLKW"].map(
        (value): ValueCapture => ({ value, arg: 2, type: "flock", dir: "in" }),
      ),
      ...["F_GETLK", "F_OFD_GETLK"].map(
        (value): ValueCapture => ({ value, arg: 2, type: "flock", dir: "out" }),
      ),
      // the owner F_SETOWN_EX sets, and the one F_GETOWN_EX reports
      { value: "F_SETOWN_EX", arg: 2, type: "f_owner_ex", dir: "in" },
      { value: "F_GETOWN_EX", arg: 2, type: "f_owner_ex", dir: "out" },
    ],
  },
  futex: {
    selector: 1,
    table: "futex_ops",
    captures: [
      ...futexTimeout("FUTEX_WAIT"),
      ...futexTimeout("FUTEX_WAIT_BITSET"),
      ...futexTimeout("FUTEX_WAIT_REQUEUE_PI"),
      ...futexTimeout("FUTEX_LOCK_PI"),
      ...futexTimeout("FUTEX_LOCK_PI2"),
    ],
  },
  prctl: {
    selector: 0,
    table: "prctl_options",
    captures: [
      { value: "PR_SET_NAME", arg: 1, type: "comm", dir: "in" },
      { value: "PR_GET_NAME", arg: 1, type: "comm", dir: "out" },
      // strace 6.1 prctl.c: the options whose second argument points at what the kernel writes.
      intOut("PR_GET_PDEATHSIG", 1),
      intOut("PR_GET_TSC", 1),
      intOut("PR_GET_UNALIGN", 1),
      intOut("PR_GET_CHILD_SUBREAPER", 1),
      intOut("PR_GET_ENDIAN", 1),
      intOut("PR_GET_FPEMU", 1),
      intOut("PR_GET_FPEXC", 1),
      { value: "PR_GET_TID_ADDRESS", arg: 1, type: "loff", dir: "out" },
      // PR_SCHED_CORE_GET's cookie (a u64 at the fifth argument).
      { value: "PR_SCHED_CORE", arg: 4, type: "loff", dir: "out" },
      { value: "PR_SET_SECCOMP", arg: 2, type: "sock_fprog", dir: "in" },
      // PR_SET_VMA_ANON_NAME's name (a string at the fifth argument; the kernel takes at most 80 bytes).
      { value: "PR_SET_VMA", arg: 4, type: "vma_name", dir: "in" },
    ],
  },
  // strace 6.1 keyctl.c: the commands that pass a string (a keyring's name, a key's type and
  // description, a restriction) or a payload, and those the kernel answers in a buffer
  keyctl: {
    selector: 0,
    table: "keyctl_commands",
    captures: [
      { value: "KEYCTL_JOIN_SESSION_KEYRING", arg: 1, type: "page_str", dir: "in" },
      // the payload UPDATE and INSTANTIATE pass, and the buffer DESCRIBE, READ and GET_SECURITY fill
      ...["KEYCTL_UPDATE", "KEYCTL_INSTANTIATE"].map(
        (value): ValueCapture => ({ value, arg: 2, type: "page_str", dir: "in" }),
      ),
      ...["KEYCTL_DESCRIBE", "KEYCTL_READ", "KEYCTL_GET_SECURITY"].map(
        (value): ValueCapture => ({ value, arg: 2, type: "page_str", dir: "out" }),
      ),
      ...["KEYCTL_SEARCH", "KEYCTL_RESTRICT_KEYRING"].flatMap((value): ValueCapture[] => [
        { value, arg: 2, type: "page_str", dir: "in" },
        { value, arg: 3, type: "page_str", dir: "in" },
      ]),
      // uring: DH_COMPUTE's parameters and the KDF's (the kernel only reads them; read at entry,
      // since a failed call has no exit captures, though strace prints the KDF's at exit) and the
      // secret the kernel computed
      { value: "KEYCTL_DH_COMPUTE", arg: 1, type: "keyctl_dh_params", dir: "in" },
      { value: "KEYCTL_DH_COMPUTE", arg: 2, type: "page_str", dir: "out" },
      { value: "KEYCTL_DH_COMPUTE", arg: 4, type: "keyctl_kdf_params", dir: "in" },
      // PKEY_QUERY's info string and the answer; the PKEY operations' parameters, info string and
      // data (VERIFY passes two inputs, the others an input and the buffer the kernel fills)
      { value: "KEYCTL_PKEY_QUERY", arg: 3, type: "page_str", dir: "in" },
      { value: "KEYCTL_PKEY_QUERY", arg: 4, type: "keyctl_pkey_query", dir: "out" },
      ...["KEYCTL_PKEY_ENCRYPT", "KEYCTL_PKEY_DECRYPT", "KEYCTL_PKEY_SIGN", "KEYCTL_PKEY_VERIFY"].flatMap(
        (value): ValueCapture[] => [
          { value, arg: 1, type: "keyctl_pkey_params", dir: "in" },
          { value, arg: 2, type: "page_str", dir: "in" },
          { value, arg: 3, type: "page_str", dir: "in" },
          { value, arg: 4, type: "page_str", dir: value === "KEYCTL_PKEY_VERIFY" ? "in" : "out" },
        ],
      ),
      // CAPABILITIES: the capability bytes the kernel wrote
      { value: "KEYCTL_CAPABILITIES", arg: 1, type: "page_str", dir: "out" },
    ],
  },
  // uring: io_uring_register's fixed-size arguments (strace 6.1 io_uring.c): FILES_UPDATE's struct
  // (its fds: data/pointees.ts), the probe the kernel fills (read at both stops: strace shows
  // what changed), the work queue limits it answers, a provided buffer ring's registration
  io_uring_register: {
    selector: 1,
    table: "uring_register_opcodes",
    captures: [
      { value: "IORING_REGISTER_FILES_UPDATE", arg: 2, type: "io_uring_files_update", dir: "in" },
      { value: "IORING_REGISTER_PROBE", arg: 2, type: "io_uring_probe_max", dir: "in" },
      { value: "IORING_REGISTER_PROBE", arg: 2, type: "io_uring_probe_max", dir: "out" },
      { value: "IORING_REGISTER_IOWQ_MAX_WORKERS", arg: 2, type: "page_str", dir: "out" },
      ...["IORING_REGISTER_PBUF_RING", "IORING_UNREGISTER_PBUF_RING"].map(
        (value): ValueCapture => ({ value, arg: 2, type: "io_uring_buf_reg", dir: "in" }),
      ),
    ],
  },
  // kcmp's KCMP_EPOLL_TFD points its idx2 at a struct kcmp_epoll_slot (kcmp.c)
  kcmp: {
    selector: 2,
    table: "kcmp_types",
    captures: [{ value: "KCMP_EPOLL_TFD", arg: 4, type: "kcmp_epoll_slot", dir: "in" }],
  },
  // strace 6.1 prctl.c (arch_prctl): what the ARCH_GET_* codes store through their second argument.
  arch_prctl: {
    selector: 0,
    table: "arch_prctl_codes",
    captures: [
      "ARCH_GET_FS",
      "ARCH_GET_GS",
      "ARCH_GET_XCOMP_SUPP",
      "ARCH_GET_XCOMP_PERM",
      "ARCH_GET_XCOMP_GUEST_PERM",
    ].map((value) => ({ value, arg: 1, type: "loff", dir: "out" })),
  },
  // SysV IPC control commands (strace 6.1 ipc_msgctl.c, ipc_semctl.c, ipc_shmctl.c).
  msgctl: ipcCtl(1, 2, "msgctl_flags", {
    set: "msqid_ds",
    stat: ["IPC_STAT", "MSG_STAT", "MSG_STAT_ANY"],
    info: { IPC_INFO: "msginfo", MSG_INFO: "msginfo" },
  }),
  semctl: ipcCtl(2, 3, "semctl_flags", {
    set: "semid_ds",
    stat: ["IPC_STAT", "SEM_STAT", "SEM_STAT_ANY"],
    info: { IPC_INFO: "seminfo", SEM_INFO: "seminfo" },
  }),
  shmctl: ipcCtl(1, 2, "shmctl_flags", {
    set: "shmid_ds",
    stat: ["IPC_STAT", "SHM_STAT", "SHM_STAT_ANY"],
    info: { IPC_INFO: "shminfo", SHM_INFO: "shm_info" },
  }),
};
