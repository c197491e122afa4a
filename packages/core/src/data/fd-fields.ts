/**
 * Struct fields that hold an fd strace prints as one (its PRINT_FIELD_FD or printfd on a field:
 * `srcfd=0</dev/null>` under -y): which field of which struct, and when it holds the fd. The one
 * table of them: the capture plan reads each such field's fd path under -y/-yy, whether the struct
 * is a syscall's argument (the kinds table, or {@link structFdArgs}) or an ioctl's (selected by
 * request, data/value-captures.ts). Hand data checked against strace 6.1 (seccomp_ioctl.c,
 * gpio_ioctl.c, landlock.c, mount_setattr.c, io_uring.c); field offsets come from the BTF layouts
 * (src/layouts/), so only names are written here.
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
  // landlock_add_rule's LANDLOCK_RULE_PATH_BENEATH rule.
  landlock_path_beneath_attr: [{ field: "parent_fd", when: "entry" }],
  // mount_setattr's id-mapped mount's user namespace.
  mount_attr: [{ field: "userns_fd", when: "entry" }],
  // io_uring_setup's work queue to share (IORING_SETUP_ATTACH_WQ).
  io_uring_params: [{ field: "wq_fd", when: "entry" }],
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

/**
 * Per syscall, struct arguments of {@link structFdFields} that the kinds table types as a plain
 * pointer (read by the caller's size, data/extra-captures.ts).
 */
export const structFdArgs: Readonly<
  Record<string, readonly { readonly arg: number; readonly type: string }[]>
> = {
  mount_setattr: [{ arg: 3, type: "mount_attr" }],
};
