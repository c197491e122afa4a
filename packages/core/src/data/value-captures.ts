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
