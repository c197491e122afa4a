/**
 * Struct fields that hold an fd strace prints as one (its PRINT_FIELD_FD: `srcfd=0</dev/null>`
 * under -y): which field of which struct, and when it holds the fd. Hand data checked against
 * strace 6.1 (seccomp_ioctl.c, gpio_ioctl.c); field offsets come from the BTF layouts
 * (src/layouts/), so only names are written here. The structs' own captures and selectors are
 * data/value-captures.ts's.
 */

/** One fd field of a struct. */
export interface FdFieldRule {
  /** The field (a layout field name). */
  readonly field: string;
  /**
   * Read at entry (the caller's fd) or at exit (the fd the kernel returned in it); absent: at the
   * stop the struct itself is read (a siginfo given or returned).
   */
  readonly when?: "entry" | "exit";
  /** Byte offset on x86_64 when the layout has no such field (a union member). */
  readonly offset?: number;
}

/** The fd fields each struct's decoder prints, keyed by core's struct name. */
export const structFdFields: Readonly<Record<string, readonly FdFieldRule[]>> = {
  // ioctl-b: the fd a seccomp supervisor installs in its target.
  seccomp_notif_addfd: [{ field: "srcfd", when: "entry" }],
  // ioctl-b: the line handle or event fd a gpio chip returns.
  gpiohandle_request: [{ field: "fd", when: "exit" }],
  gpioevent_request: [{ field: "fd", when: "exit" }],
  gpio_v2_line_request: [{ field: "fd", when: "exit" }],
  // ioctlc: btrfs's volume fds, BTRFS_IOC_SEND's stream, FICLONERANGE's source (strace 6.1
  // btrfs.c, fs_0x94_ioctl.c), the fd TEE_IOC_SHM_REGISTER_FD registers (tee.c; no uapi layout).
  btrfs_ioctl_vol_args: [{ field: "fd", when: "entry" }],
  btrfs_ioctl_vol_args_v2: [{ field: "fd", when: "entry" }],
  btrfs_ioctl_send_args: [{ field: "send_fd", when: "entry" }],
  file_clone_range: [{ field: "src_fd", when: "entry" }],
  tee_shm_register_fd: [{ field: "fd", when: "entry", offset: 0 }],
  // pidns: siginfo_t's _sigpoll si_fd (after si_signo, si_errno, si_code, padding and the long
  // si_band), which printsiginfo prints with PRINT_FIELD_FD (ptrace's PTRACE_SETSIGINFO, waitid).
  siginfo: [{ field: "si_fd", offset: 24 }],
};
