/**
 * Pid-valued fields of structs tstrace reads (strace 6.1's PRINT_FIELD_TGID and friends): for each
 * struct name (a StructDef name), the field, its offset and what kind of id it holds. With
 * --decode-pids, every struct capture of one of these types also gets a PID capture of that field
 * (capture-plan.ts), so the decoder can print `pid=2 /* 1234 in strace's PID NS *\/` or
 * `pid=1234<comm>`; its printer calls printPid with the same type. A decoder for another struct
 * with a pid field (seccomp_notif, ucred, an audit message) gets the same by adding a row here
 * and printing the field with printPid.
 *
 * Offsets are the x86_64 layout's (from the kernel's BTF, layouts/), or literal where the field is
 * in a union BTF does not flatten; other architectures get no PID capture for fields (their ids
 * print without translation).
 */
import type { PidType } from "../types.js";

/** One pid field: its name in the struct's layout, or a literal x86_64 offset. */
export interface PidField {
  /** Field name in the x86_64 layout. */
  readonly field: string;
  /** Byte offset on x86_64 when the layout has no such field (unions). */
  readonly offset?: number;
  /** What the id is. */
  readonly type: PidType;
}

/** Struct name → its pid fields. */
export const pidFields: Readonly<Record<string, readonly PidField[]>> = {
  // siginfo_t's _kill/_rt/_sigchld si_pid: after si_signo, si_errno, si_code, pointer-aligned.
  siginfo: [{ field: "si_pid", offset: 16, type: "tgid" }],
  // struct flock's l_pid (fcntl F_GETLK).
  flock: [{ field: "l_pid", type: "tgid" }],
  // struct f_owner_ex (fcntl F_SETOWN_EX/F_GETOWN_EX): int type, int pid; type says which id.
  f_owner_ex: [{ field: "pid", offset: 4, type: "byTypeField" }],
  // pidns: a seccomp user notification's caller (SECCOMP_IOCTL_NOTIF_RECV, seccomp_ioctl.c).
  seccomp_notif: [{ field: "pid", type: "tgid" }],
  // pidns: the process BLKTRACESETUP traces (block.c).
  blk_user_trace_setup: [{ field: "pid", type: "tgid" }],
};

/** A pid field at a fixed offset in the memory of an argument of some kind or syscall. */
export interface ArgPidField {
  /** Byte offset in the memory the argument points at. */
  readonly offset: number;
  /** What the id is. */
  readonly type: PidType;
}

/**
 * Argument kinds whose memory may hold a pid field strace prints with printpid, whatever the
 * syscall: a socket address may be a struct sockaddr_nl, whose nl_pid (after a u16 family and a
 * u16 pad) is a port id that is usually the sender's process id (sockaddr.c's print_sockaddr_data_nl).
 * The family is only known when the decoder prints it, so the id is resolved for every address
 * (under --decode-pids only); the decoder uses it when the address is a netlink one.
 */
export const argKindPidFields: Readonly<Partial<Record<"sockaddr" | "sockaddrOut", ArgPidField>>> = {
  sockaddr: { offset: 4, type: "tgid" },
  sockaddrOut: { offset: 4, type: "tgid" },
};

/**
 * Syscall name → a buffer argument that may hold netlink messages (data/netlink.ts), and the
 * first message header's nlmsg_pid (struct nlmsghdr: u32 len, u16 type, u16 flags, u32 seq, u32
 * pid; netlink.c's print_nlmsghdr prints it with printpid). Read at the stop the buffer is.
 */
export const bufferPidFields: Readonly<Record<string, ArgPidField & { readonly arg: number }>> = {
  sendto: { arg: 1, offset: 12, type: "tgid" },
  recvfrom: { arg: 1, offset: 12, type: "tgid" },
};

/** A pid argument a hand-written decoder prints only for one value of a selector argument. */
export interface RequestPid {
  /** The argument whose value chooses (prctl's option). */
  readonly selector: number;
  /** The constant table naming its values. */
  readonly table: string;
  /** The selector's value, by name. */
  readonly value: string;
  /** The pid argument; 6 (FD_RETURN_ARG): the return value, at exit. */
  readonly arg: number;
  /** The pid is the i32 this many bytes into the memory the argument points at. */
  readonly offset?: number;
  /** Read at exit (the kernel writes it). */
  readonly out?: boolean;
  /** What the id is. */
  readonly type: PidType;
}

/**
 * Syscall name → its request-dependent pid arguments whose decoders print them (strace's prctl.c);
 * rows of data/request-args.ts with a `pid` kind are found there, not listed again here.
 */
export const requestPids: Readonly<Record<string, readonly RequestPid[]>> = {
  prctl: [
    { selector: 0, table: "prctl_options", value: "PR_SET_PTRACER", arg: 1, type: "tgid" },
    { selector: 0, table: "prctl_options", value: "PR_SCHED_CORE", arg: 2, type: "byArg3" },
  ],
  // F_GETOWN returns a process id, or minus a process group's.
  fcntl: [{ selector: 1, table: "fcntl_cmds", value: "F_GETOWN", arg: 6, type: "tgidPgid" }],
  // SO_PEERCRED's struct ucred: pid first (the option's value is read as bytes, not as a struct).
  getsockopt: [
    { selector: 2, table: "sockoptions", value: "SO_PEERCRED", arg: 3, offset: 0, out: true, type: "tgid" },
  ],
};
