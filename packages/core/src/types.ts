/**
 * The shapes of core's knowledge: one row per syscall (like strace's syscallent.h), argument
 * decoding kinds, constant tables. Tables are plain data of these types; decoders elsewhere
 * (decoder-wasm) consume them, so nothing here knows how a line is printed.
 */

/** strace's trace classes (`-e trace=%file` …), with strace's spelling minus the `%`. */
export type SyscallClass =
  | "file"
  | "desc"
  | "network"
  | "process"
  | "memory"
  | "ipc"
  | "signal"
  | "creds"
  | "clock"
  | "stat"
  | "lstat"
  | "fstat"
  | "%stat"
  | "statfs"
  | "fstatfs"
  | "%statfs"
  | "pure";

/** Which argument (0-based) a length or count comes from. */
export type ArgIndex = 0 | 1 | 2 | 3 | 4 | 5;

/**
 * How one argument is decoded. `ulong`/`long`/`int`/`uint` are decimal; `hex` is `0x…` (0 as `0`);
 * `ptr` is an address (`NULL` for 0). Memory kinds say when their memory is read: `in` at entry,
 * `out` at exit and only on success, as strace does.
 */
export type ArgKind =
  | { readonly k: "int" }
  | { readonly k: "uint" }
  | { readonly k: "long" }
  | { readonly k: "ulong" }
  | { readonly k: "hex" }
  /** ioctl-b: the low 32 bits as hex, `0` for 0 (strace's PRINT_VAL_X of an `unsigned int` argument). */
  | { readonly k: "xint" }
  | { readonly k: "ptr" }
  | { readonly k: "fd" }
  /**
   * pidns: an fd of another process, the one the pidfd in argument 0 names (pidfd_getfd's
   * targetfd): printed as an fd, its -y path read from that process's /proc fd directory.
   */
  | { readonly k: "pidfdFd" }
  /** A directory fd where AT_FDCWD prints by name. */
  | { readonly k: "dirfd" }
  /** A NUL-terminated path read at entry, printed whole (not cut by -s). */
  | { readonly k: "path" }
  /** A NUL-terminated string read at entry, cut by -s. */
  | { readonly k: "str" }
  /**
   * A buffer written by the caller, length from argument `len`, read at entry. `min`: at least
   * that many bytes are read whatever -s (setsockopt's value: a decoder may print it as a struct).
   */
  | { readonly k: "bufIn"; readonly len: ArgIndex; readonly min?: number }
  /**
   * A buffer filled by the kernel, length the return value, read at exit on success. `whole`: the
   * decoder needs all of it, not just the -s bytes it prints (getdents64 counts the entries).
   */
  | { readonly k: "bufOut"; readonly whole?: true }
  /**
   * Bits named from constant table `table` (a {@link ConstTable} name), joined by `|`: of the low
   * 32 bits (an `unsigned int`), or of all 64 with `wide` (strace's printflags64 on a long).
   */
  | { readonly k: "flags"; readonly table: string; readonly wide?: true }
  /** One value named from constant table `table`. */
  | { readonly k: "enum"; readonly table: string }
  /** A file mode printed octal, with S_IF* type bits named when present. */
  | { readonly k: "mode" }
  /**
   * A struct of type `type` (a {@link StructDef} name), read at entry (`in`), at exit (`out`), or
   * both (`inout`: a value-result argument such as `socklen_t *`, printed `[128 => 16]`).
   */
  | { readonly k: "struct"; readonly type: string; readonly dir: "in" | "out" | "inout" }
  /** A NULL-terminated array of strings (execve's argv). */
  | { readonly k: "argv" }
  /** A NULL-terminated array of strings printed as its address and a count (execve's envp). */
  | { readonly k: "envp" }
  /** An iovec array whose entry count is argument `count`. */
  | { readonly k: "iovec"; readonly count: ArgIndex; readonly dir: "in" | "out" }
  /** A signal number printed by name. */
  | { readonly k: "signo" }
  /**
   * An array of struct `type` elements whose count is argument `count` (poll's pollfd array,
   * epoll_wait's events, getgroups' gids, sched_getaffinity's bytes with type `u8`).
   */
  | {
      readonly k: "array";
      readonly type: string;
      readonly count: ArgIndex;
      readonly dir: "in" | "out" | "inout";
    }
  /** A socket address of argument `len` bytes, read at entry (bind, connect, sendto). */
  | { readonly k: "sockaddr"; readonly len: ArgIndex }
  /**
   * A socket address the kernel fills (accept, getsockname, recvfrom); its length is the in/out
   * `socklen_t *` argument `len` (give that argument a `struct socklen inout` kind).
   */
  | { readonly k: "sockaddrOut"; readonly len: ArgIndex }
  /** A signal set of argument `len` bytes (rt_sigprocmask), read at entry (`in`) or exit (`out`). */
  | { readonly k: "sigset"; readonly len: ArgIndex; readonly dir: "in" | "out" }
  /** A path the kernel writes (getcwd): return-value bytes read at exit, not cut by -s. */
  | { readonly k: "pathOut" }
  /** A permission mode printed `%#03o` (umask's argument). */
  | { readonly k: "umode" }
  /**
   * An fd_set of argument `nfds` bits (select, pselect6), read at entry and, as the kernel rewrites
   * it with the ready descriptors, again at exit.
   */
  | { readonly k: "fdset"; readonly nfds: ArgIndex }
  /**
   * A struct msghdr with what it points at (the address, the iovec array and its data, the control
   * messages), read at entry (`in`: sendmsg) or at entry and exit (`inout`: recvmsg, whose entry
   * msg_namelen shows as `110 => 16`).
   */
  | { readonly k: "msghdr"; readonly dir: "in" | "inout" }
  /**
   * A struct of type `type` whose first field points at `bytes` bytes, read at entry with them
   * (pselect6's {const sigset_t *, size_t}).
   */
  | { readonly k: "indirect"; readonly type: string; readonly bytes: number }
  /**
   * An array of argument `count` struct mmsghdr. `send` (sendmmsg): read at exit, when the kernel
   * has set each msg_len; `recv` (recvmmsg): at entry (the caller's msg_namelen) and at exit, each
   * entry's data cut at its msg_len.
   */
  | { readonly k: "mmsghdr"; readonly count: ArgIndex; readonly dir: "send" | "recv" }
  /** A user or group id (strace's printuid): `-1` for (uid_t)-1, else unsigned decimal. */
  | { readonly k: "uid" }
  /**
   * A SysV message (struct msgbuf: a long mtype, then mtext of argument `len` bytes), read at
   * entry (`in`: msgsnd) or at exit (`out`: msgrcv).
   */
  | { readonly k: "msgbuf"; readonly len: ArgIndex; readonly dir: "in" | "out" }
  /**
   * A process, thread, group or session id (strace's printpid): decimal; `--decode-pids=comm` adds
   * a thread's or process's name, `--pidns-translation` its id in the tracer's PID namespace.
   */
  | { readonly k: "pid"; readonly pidType: PidType };

/**
 * What kind of id a pid value is (strace's enum pid_type): it decides how the id is looked up in
 * another PID namespace and whether `--decode-pids=comm` names it (tid and tgid only).
 * `tgidPgid` is kill's and wait4's: a process when positive, a process group when below -1.
 * `byArg3` is prctl(PR_SCHED_CORE)'s: argument 3 (0-based) holds the kernel's PIDTYPE_* (PID, TGID, PGID, SID).
 * `byTypeField` is struct f_owner_ex's pid: the i32 before it is F_OWNER_TID, _PID or _PGRP (0, 1, 2).
 */
export type PidType = "tid" | "tgid" | "pgid" | "sid" | "tgidPgid" | "byArg3" | "byTypeField";

/** How the return value is printed. Errors always print `-1 ENAME (message)`. */
export type RetKind =
  /** Decimal (the default). */
  | "int"
  /** A file descriptor (decimal; `-y` adds the path). */
  | "fd"
  /** Decimal, or an fd when the call's decoder says so for these arguments (fcntl's F_DUPFD). */
  | "fdByArgs"
  /** An address in hex (`mmap`, `brk`). */
  | "hex"
  /** The call does not return: `= ?` (exit, exit_group). */
  | "none"
  /** A process id, strace's RVAL_TGID (decimal; `--decode-pids=comm` adds its command name). */
  | "pid"
  /** A thread id, strace's RVAL_TID (gettid, clone). */
  | "tid"
  /** A process group id, strace's RVAL_PGID (getpgrp, getpgid): never named by comm. */
  | "pgid"
  /** A session id, strace's RVAL_SID (getsid, setsid). */
  | "sid";

/** One argument: its name and C type as the kernel declares it, and how it is decoded. */
export interface ArgSpec {
  /** The parameter name from the kernel's SYSCALL_DEFINE. */
  readonly name: string;
  /** The C type from the kernel's SYSCALL_DEFINE, e.g. `const char __user *`. */
  readonly type: string;
  /** How tstrace decodes it. */
  readonly kind: ArgKind;
}

/** One row per syscall, per architecture. */
export interface SyscallRow {
  /** The syscall number on this architecture. */
  readonly nr: number;
  /** The name strace prints. */
  readonly name: string;
  /** How many arguments strace prints. */
  readonly nargs: number;
  /** Argument specs, when known (length equals `nargs`). */
  readonly args?: readonly ArgSpec[];
  /** How the return value prints. */
  readonly ret: RetKind;
  /** strace classes this syscall belongs to. */
  readonly classes: readonly SyscallClass[];
  /**
   * The name of a dedicated decoder in decoder-wasm when argument kinds alone cannot say how the
   * call prints (e.g. `openat` prints its mode only with O_CREAT). Absent: decode by kinds.
   */
  readonly decoder?: string;
}

/** A named constant table: strace's xlat. */
export interface ConstTable {
  /** Table name, e.g. `open_flags`. */
  readonly name: string;
  /** Where the values come from, e.g. `include/uapi/asm-generic/fcntl.h`. */
  readonly source: string;
  /**
   * `flags`: bits joined by `|`, leftover printed as hex; `enum`: one value, else `fallback` or the
   * number.
   */
  readonly kind: "flags" | "enum";
  /**
   * [value, name] pairs, in the order strace prints them. Values are exact numbers; a u64 near 2^64
   * (btrfs's `-256ULL`, `UINT64_MAX`) is its negative two's-complement twin (`-256`, `-1`): read
   * it as `BigInt.asUintN(64, BigInt(value))`.
   */
  readonly entries: readonly (readonly [number, string])[];
  /** For flags tables printed with a leading type field (O_RDONLY, MAP_PRIVATE): the mask of it. */
  readonly typeMask?: number;
  /** What strace prints in the comment after an unknown value (`MOUNT_ATTR_???`), when the name's prefix is not it. */
  readonly dflt?: string;
}

/** A struct the decoder prints, with its size per architecture. */
export interface StructDef {
  /** Name, e.g. `stat`. */
  readonly name: string;
  /** Size in bytes on this architecture (what native reads). */
  readonly size: number;
}

/** One field of a {@link StructLayout}: name, byte offset, byte size, C type. */
export type StructField = readonly [name: string, offset: number, size: number, type: string];

/** A struct's layout on one architecture, as the kernel's BTF gives it. */
export interface StructLayout {
  /** core's name for it (the {@link StructDef} name). */
  readonly name: string;
  /** The kernel's type, e.g. `struct new_utsname`. */
  readonly kernel: string;
  /** Size in bytes. */
  readonly size: number;
  /** Fields in offset order; anonymous members flattened. */
  readonly fields: readonly StructField[];
}

/** Everything core knows about one architecture. */
export interface ArchTable {
  /** Architecture name: `x86_64`, `i386`, `aarch64`, `arm`, `riscv64`. */
  readonly arch: string;
  /** AUDIT_ARCH_* value. */
  readonly auditArch: number;
  /** One row per syscall number this architecture defines, ascending by number. */
  readonly syscalls: readonly SyscallRow[];
  /** Struct sizes on this architecture. */
  readonly structs: readonly StructDef[];
  /** Where rt_sigreturn's signal mask lies on the stack; absent where tstrace does not know. */
  readonly sigreturnMask?: SigreturnMask;
}

/** The signal mask rt_sigreturn restores: `size` bytes at the stack pointer plus `offset`. */
export interface SigreturnMask {
  /** Bytes from the stack pointer at rt_sigreturn's entry. */
  readonly offset: number;
  /** Bytes of the mask (sizeof(sigset_t) for the kernel). */
  readonly size: number;
}

/** One errno value: name and the message strace prints beside it. */
export interface ErrnoEntry {
  /** Positive errno value. */
  readonly value: number;
  /** Symbolic name, e.g. `ENOENT`. */
  readonly name: string;
  /** strace's message, e.g. `No such file or directory`. */
  readonly message: string;
}

/** One signal: number and name as strace prints it (`SIGCHLD`). */
export interface SignalEntry {
  /** Signal number. */
  readonly value: number;
  /** Name, e.g. `SIGCHLD`. */
  readonly name: string;
}
