/**
 * How strace 6.1 prints each syscall's arguments, keyed by syscall name and shared by every
 * architecture (hand-written knowledge, checked against real `strace` output: `strace ls`,
 * `strace cat /etc/hostname`, `strace sh -c true`). A row applies to an architecture only when its
 * argument count equals that architecture's nargs (i386's one-argument `mmap` is old_mmap and keeps
 * the generic `hex` kinds). Syscalls without a row print every argument as `hex`, as strace's
 * printargs does.
 */
import type { ArgKind, PidType, RetKind } from "../types.js";

/** One syscall's decoding: argument kinds by position, return kind, optional dedicated decoder. */
export interface KindRow {
  /** Kinds by argument position. */
  readonly args: readonly ArgKind[];
  /** Return value kind; `int` when absent. */
  readonly ret?: RetKind;
  /** A dedicated decoder name in decoder-wasm. */
  readonly decoder?: string;
}

const int: ArgKind = { k: "int" };
const ulong: ArgKind = { k: "ulong" };
const long: ArgKind = { k: "long" };
const hex: ArgKind = { k: "hex" };
const ptr: ArgKind = { k: "ptr" };
const fd: ArgKind = { k: "fd" };
const dirfd: ArgKind = { k: "dirfd" };
const path: ArgKind = { k: "path" };
const mode: ArgKind = { k: "mode" };
const bufOut: ArgKind = { k: "bufOut" };
const signo: ArgKind = { k: "signo" };
/** strace's printuid: `-1`, else unsigned. */
const uid: ArgKind = { k: "uid" };
/** strace's printpid: a process/thread/group/session id (--decode-pids). */
const pid = (pidType: PidType): ArgKind => ({ k: "pid", pidType });
const flags = (table: string): ArgKind => ({ k: "flags", table });
/** Flags of all 64 bits of a long argument (strace's printflags64). */
const flags64 = (table: string): ArgKind => ({ k: "flags", table, wide: true });
const en = (table: string): ArgKind => ({ k: "enum", table });
const structOut = (type: string): ArgKind => ({ k: "struct", type, dir: "out" });
const structIn = (type: string): ArgKind => ({ k: "struct", type, dir: "in" });
const structInOut = (type: string): ArgKind => ({ k: "struct", type, dir: "inout" });
const uint: ArgKind = { k: "uint" };
const str: ArgKind = { k: "str" };
const bufIn = (len: 0 | 1 | 2 | 3 | 4 | 5): ArgKind => ({ k: "bufIn", len });
const arr = (type: string, count: 0 | 1 | 2 | 3 | 4 | 5, dir: "in" | "out" | "inout"): ArgKind => ({
  k: "array",
  type,
  count,
  dir,
});
const sockaddr = (len: 0 | 1 | 2 | 3 | 4 | 5): ArgKind => ({ k: "sockaddr", len });
const sockaddrOut = (len: 0 | 1 | 2 | 3 | 4 | 5): ArgKind => ({ k: "sockaddrOut", len });
const sigset = (len: 0 | 1 | 2 | 3 | 4 | 5, dir: "in" | "out"): ArgKind => ({ k: "sigset", len, dir });
const socklen = structInOut("socklen");
/** An fd_set of argument 0's bits (select's nfds). */
const fdset: ArgKind = { k: "fdset", nfds: 0 };

/** Bytes of a socket option value read for printing (struct group_req, 136 bytes, is the largest). */
const SOCKOPT_BYTES = 256;

const mmapRow: KindRow = { args: [ptr, ulong, flags("mmap_prot"), flags("mmap_flags"), fd, hex], ret: "hex" };
const exitRow: KindRow = { args: [int], ret: "none" };

/** The decoding table, one row per syscall name. */
export const kinds: Readonly<Record<string, KindRow>> = {
  execve: { args: [path, { k: "argv" }, { k: "envp" }] },
  execveat: { args: [dirfd, path, { k: "argv" }, { k: "envp" }, flags("at_flags")] },
  brk: { args: [ptr], ret: "hex" },
  mmap: mmapRow,
  mmap2: mmapRow,
  mprotect: { args: [ptr, ulong, flags("mmap_prot")] },
  munmap: { args: [ptr, ulong] },
  openat: { args: [dirfd, path, flags("open_flags"), mode], ret: "fd", decoder: "openat" },
  open: { args: [path, flags("open_flags"), mode], ret: "fd", decoder: "open" },
  openat2: { args: [dirfd, path, ptr, ulong], ret: "fd", decoder: "openat2" },
  creat: { args: [path, mode], ret: "fd" },
  close: { args: [fd] },
  read: { args: [fd, bufOut, ulong] },
  write: { args: [fd, { k: "bufIn", len: 2 }, ulong] },
  pread64: { args: [fd, bufOut, ulong, long] },
  pwrite64: { args: [fd, { k: "bufIn", len: 2 }, ulong, long] },
  readv: { args: [fd, { k: "iovec", count: 2, dir: "out" }, ulong] },
  writev: { args: [fd, { k: "iovec", count: 2, dir: "in" }, ulong] },
  // io.c: the offset is one 64-bit value (two registers on 32-bit ABIs)
  preadv: { args: [fd, { k: "iovec", count: 2, dir: "out" }, ulong, long, long], decoder: "preadv" },
  pwritev: { args: [fd, { k: "iovec", count: 2, dir: "in" }, ulong, long, long], decoder: "pwritev" },
  preadv2: {
    args: [fd, { k: "iovec", count: 2, dir: "out" }, ulong, long, long, flags("rwf_flags")],
    decoder: "preadv2",
  },
  pwritev2: {
    args: [fd, { k: "iovec", count: 2, dir: "in" }, ulong, long, long, flags("rwf_flags")],
    decoder: "pwritev2",
  },
  vmsplice: { args: [fd, { k: "iovec", count: 2, dir: "in" }, ulong, flags("splice_flags")] },
  newfstatat: { args: [dirfd, path, structOut("stat"), flags("at_flags")] },
  fstatat64: { args: [dirfd, path, structOut("stat64"), flags("at_flags")] },
  fstat: { args: [fd, structOut("stat")] },
  stat: { args: [path, structOut("stat")] },
  lstat: { args: [path, structOut("stat")] },
  fstat64: { args: [fd, structOut("stat64")] },
  stat64: { args: [path, structOut("stat64")] },
  lstat64: { args: [path, structOut("stat64")] },
  access: { args: [path, flags("access_modes")] },
  faccessat: { args: [dirfd, path, flags("access_modes")] },
  faccessat2: { args: [dirfd, path, flags("access_modes"), flags("faccessat_flags")] },
  arch_prctl: { args: [en("arch_prctl_codes"), hex], decoder: "arch_prctl" },
  set_tid_address: { args: [ptr] },
  // ldt.c: struct user_desc; set_thread_area reads it back for the entry number the kernel chose
  set_thread_area: { args: [structInOut("user_desc")], decoder: "set_thread_area" },
  get_thread_area: { args: [structInOut("user_desc")], decoder: "get_thread_area" },
  // the descriptor only when bytecount is its size; an int return the kernel zero-extends
  modify_ldt: { args: [int, structIn("user_desc"), ulong], decoder: "modify_ldt" },
  set_robust_list: { args: [ptr, ulong] },
  get_robust_list: { args: [pid("tid"), structOut("ptrval"), structOut("ulong")] },
  rseq: { args: [ptr, hex, int, hex] },
  prlimit64: { args: [pid("tgid"), en("rlimit_resources"), structIn("rlimit64"), structOut("rlimit64")] },
  getrlimit: { args: [en("rlimit_resources"), structOut("rlimit")] },
  setrlimit: { args: [en("rlimit_resources"), structIn("rlimit")] },
  getrandom: { args: [bufOut, ulong, flags("getrandom_flags")] },
  exit_group: exitRow,
  exit: exitRow,
  statfs: { args: [path, structOut("statfs")] },
  fstatfs: { args: [fd, structOut("statfs")] },
  getdents64: { args: [fd, { k: "bufOut", whole: true }, ulong], decoder: "getdents64" },
  getdents: { args: [fd, { k: "bufOut", whole: true }, ulong], decoder: "getdents" },
  // Some requests return an fd (KVM_CREATE_VM): the decoder says which.
  ioctl: { args: [fd, en("ioctls"), hex], ret: "fdByArgs", decoder: "ioctl" },
  futex: { args: [ptr, en("futex_ops"), int, ptr, ptr, int], decoder: "futex" },
  // futex_waitv.c: struct futex_waitv (val, uaddr, flags, __reserved: 24 bytes on every ABI)
  futex_waitv: {
    args: [arr("futex_waitv", 1, "in"), uint, hex, structIn("timespec"), en("clocknames")],
    decoder: "futex_waitv",
  },
  lseek: { args: [fd, long, en("lseek_whence")] },
  dup: { args: [fd], ret: "fd" },
  dup2: { args: [fd, fd], ret: "fd" },
  dup3: { args: [fd, fd, flags("open_mode_flags")], ret: "fd" },
  fcntl: { args: [fd, en("fcntl_cmds"), hex], ret: "fdByArgs", decoder: "fcntl" },
  getpid: { args: [], ret: "pid" },
  gettid: { args: [], ret: "tid" },
  getppid: { args: [], ret: "pid" },
  uname: { args: [structOut("utsname")] },
  chdir: { args: [path] },
  fchdir: { args: [fd] },
  mkdir: { args: [path, mode] },
  mkdirat: { args: [dirfd, path, mode] },
  mknod: { args: [path, mode, hex], decoder: "mknod" },
  mknodat: { args: [dirfd, path, mode, hex], decoder: "mknodat" },
  rmdir: { args: [path] },
  unlink: { args: [path] },
  unlinkat: { args: [dirfd, path, flags("at_flags")] },
  chmod: { args: [path, mode] },
  fchmod: { args: [fd, mode] },
  readlink: { args: [path, bufOut, ulong] },
  readlinkat: { args: [dirfd, path, bufOut, ulong] },
  truncate: { args: [path, long] },
  ftruncate: { args: [fd, long] },
  rename: { args: [path, path] },
  renameat: { args: [dirfd, path, dirfd, path] },
  symlink: { args: [path, path] },
  link: { args: [path, path] },
  kill: { args: [pid("tgidPgid"), signo] },
  tkill: { args: [pid("tid"), signo] },
  tgkill: { args: [pid("tgid"), pid("tid"), signo] },
  // parent_tid: where CLONE_PIDFD stores the pidfd (read at exit, as strace's printnum_fd)
  clone: { args: [flags("clone_flags"), ptr, structOut("fdint"), ptr, hex], decoder: "clone", ret: "tid" },
  rt_sigaction: {
    args: [signo, structIn("sigaction"), structOut("sigaction"), ulong],
    decoder: "rt_sigaction",
  },
  rt_sigprocmask: {
    args: [en("sigprocmask_cmds"), sigset(3, "in"), sigset(3, "out"), ulong],
    decoder: "rt_sigprocmask",
  },
  rt_sigsuspend: { args: [sigset(1, "in"), ulong] },
  rt_sigpending: { args: [sigset(1, "out"), ulong], decoder: "rt_sigpending" },
  rt_sigtimedwait: {
    args: [sigset(3, "in"), structOut("siginfo"), structIn("timespec"), ulong],
    decoder: "rt_sigtimedwait",
  },
  sigaltstack: { args: [structIn("stack_t"), structOut("stack_t")] },
  // files
  // fadvise.c: the offset signed, the length unsigned
  fadvise64: { args: [fd, long, ulong, en("advise")] },
  fadvise64_64: { args: [fd, long, ulong, en("advise")] },
  // extended attributes (xattr.c): one decoder per family, the first argument printed by its kind
  setxattr: { args: [path, str, bufIn(3), ulong, flags("xattr_flags")], decoder: "setxattr" },
  lsetxattr: { args: [path, str, bufIn(3), ulong, flags("xattr_flags")], decoder: "lsetxattr" },
  fsetxattr: { args: [fd, str, bufIn(3), ulong, flags("xattr_flags")], decoder: "fsetxattr" },
  getxattr: { args: [path, str, bufOut, ulong], decoder: "getxattr" },
  lgetxattr: { args: [path, str, bufOut, ulong], decoder: "lgetxattr" },
  fgetxattr: { args: [fd, str, bufOut, ulong], decoder: "fgetxattr" },
  listxattr: { args: [path, bufOut, ulong], decoder: "listxattr" },
  llistxattr: { args: [path, bufOut, ulong], decoder: "llistxattr" },
  flistxattr: { args: [fd, bufOut, ulong], decoder: "flistxattr" },
  symlinkat: { args: [path, dirfd, path] },
  linkat: { args: [dirfd, path, dirfd, path, flags("at_flags")] },
  renameat2: { args: [dirfd, path, dirfd, path, flags("rename_flags")] },
  fchmodat: { args: [dirfd, path, mode] },
  fchmodat2: { args: [dirfd, path, mode, flags("at_flags")] },
  fchownat: { args: [dirfd, path, uid, uid, flags("at_flags")] },
  fchown: { args: [fd, uid, uid] },
  chown: { args: [path, uid, uid] },
  lchown: { args: [path, uid, uid] },
  utimensat: { args: [dirfd, path, structIn("timespec2"), flags("at_flags")] },
  umask: { args: [{ k: "umode" }], decoder: "umask" },
  statx: { args: [dirfd, path, flags("statx_flags"), flags("statx_masks"), structOut("statx")] },
  chroot: { args: [path] },
  acct: { args: [path] },
  umount2: { args: [path, flags("umount_flags")] },
  sethostname: { args: [bufIn(1), uint], decoder: "sethostname" },
  setdomainname: { args: [bufIn(1), int] },
  fsync: { args: [fd] },
  fdatasync: { args: [fd] },
  flock: { args: [fd, flags("flockcmds")] },
  fallocate: { args: [fd, flags("falloc_flags"), long, long] },
  sync_file_range: { args: [fd, long, long, flags("sync_file_range_flags")] },
  tee: { args: [fd, fd, ulong, flags("splice_flags")] },
  // close_range's fds print unsigned (strace's PRINT_VAL_U), not as fds.
  close_range: { args: [uint, uint, flags("close_range_flags")] },
  copy_file_range: { args: [fd, structIn("loff"), fd, structIn("loff"), ulong, uint] },
  sendfile: { args: [fd, fd, structInOut("loff"), ulong] },
  splice: { args: [fd, structIn("loff"), fd, structIn("loff"), ulong, flags("splice_flags")] },
  memfd_create: { args: [str, flags("mfd_create_flags")], ret: "fd", decoder: "memfd_create" },
  memfd_secret: { args: [flags("memfd_secret_flags")], ret: "fd" },
  signalfd4: { args: [fd, sigset(2, "in"), ulong, flags("sfd_flags")], ret: "fd" },
  inotify_init1: { args: [flags("inotify_init_flags")], ret: "fd" },
  inotify_add_watch: { args: [fd, path, flags("inotify_flags")] },
  inotify_rm_watch: { args: [fd, int] },
  eventfd2: { args: [uint, flags("efd_flags")], ret: "fd" },
  eventfd: { args: [uint], ret: "fd" },
  timerfd_create: { args: [en("clocknames"), flags("tfd_flags")], ret: "fd" },
  timerfd_settime: { args: [fd, flags("tfd_flags"), structIn("itimerspec"), structOut("itimerspec")] },
  timerfd_gettime: { args: [fd, structOut("itimerspec")] },
  pipe: { args: [structOut("fdpair")] },
  pipe2: { args: [structOut("fdpair"), flags("open_mode_flags")] },
  getcwd: { args: [{ k: "pathOut" }, ulong] },
  // the mount API (strace 6.1 fsopen.c, fsmount.c, fspick.c, move_mount.c, open_tree.c)
  fsopen: { args: [str, flags("fsopen_flags")], ret: "fd" },
  fsmount: { args: [fd, flags("fsmount_flags"), flags("fsmount_attr_flags")], ret: "fd" },
  fspick: { args: [dirfd, path, flags("fspick_flags")], ret: "fd" },
  move_mount: { args: [dirfd, path, dirfd, path, flags("move_mount_flags")] },
  open_tree: { args: [dirfd, path, flags("open_tree_flags")], ret: "fd" },
  seccomp: { args: [en("seccomp_ops"), hex, ptr], decoder: "seccomp" },
  // unshare.c prints the whole unsigned long (printflags64)
  unshare: { args: [flags64("unshare_flags")] },
  userfaultfd: { args: [flags("uffd_flags")], ret: "fd" },
  msync: { args: [ptr, ulong, flags("msync_flags")] },
  // capabilities (capability.c): the header is read again at capget's exit (the kernel may set
  // its version); the sets are 12 bytes (version 1) or 24 (versions 2 and 3).
  capget: { args: [structInOut("cap_header"), structOut("cap_data")], decoder: "capget" },
  capset: { args: [structIn("cap_header"), structIn("cap_data")], decoder: "capset" },
  // system administration (reboot.c, syslog.c, kexec.c, sysctl.c, bjm.c, dcookie.c)
  reboot: { args: [hex, hex, hex, str], decoder: "reboot" },
  swapon: { args: [path, hex], decoder: "swapon" },
  syslog: { args: [int, bufOut, int], decoder: "syslog" },
  kexec_load: { args: [ptr, ulong, arr("kexec_segment", 1, "in"), hex], decoder: "kexec_load" },
  kexec_file_load: { args: [fd, fd, ulong, bufIn(2), hex], decoder: "kexec_file_load" },
  _sysctl: { args: [structIn("sysctl_args")], decoder: "_sysctl" },
  lookup_dcookie: { args: [ulong, bufOut, ulong] },
  init_module: { args: [ptr, ulong, str] },
  delete_module: { args: [str, flags("delete_module_flags")] },
  finit_module: { args: [fd, str, flags("module_init_flags")] },
  // keys (keyctl.c)
  add_key: { args: [str, str, bufIn(3), ulong, int], decoder: "add_key" },
  request_key: { args: [str, str, str, int], decoder: "request_key" },
  // bpf area: keyctl's arguments by command (the strings some pass: data/value-captures.ts)
  keyctl: { args: [int, hex, hex, hex, hex], decoder: "keyctl" },
  // fanotify (fanotify.c)
  fanotify_init: { args: [hex, hex], ret: "fd", decoder: "fanotify_init" },
  fanotify_mark: { args: [fd, hex, hex, dirfd, path], decoder: "fanotify_mark" },
  // mount(2), fsconfig, mount_setattr (mount.c, fsconfig.c, mount_setattr.c)
  mount: { args: [path, path, str, hex, str], decoder: "mount" },
  // the value is read as a path (PATH_MAX): FSCONFIG_SET_PATH prints it whole, SET_STRING its first -s bytes
  fsconfig: { args: [fd, hex, str, path, dirfd], decoder: "fsconfig" },
  mount_setattr: { args: [dirfd, path, hex, ptr, ulong], decoder: "mount_setattr" },
  // landlock (landlock.c); a ruleset's attr is read by its size (data/extra-captures.ts)
  landlock_create_ruleset: { args: [ptr, ulong, hex], ret: "fdByArgs", decoder: "landlock_create_ruleset" },
  landlock_add_rule: {
    args: [fd, hex, structIn("landlock_path_beneath_attr"), hex],
    decoder: "landlock_add_rule",
  },
  landlock_restrict_self: { args: [fd, hex], decoder: "landlock_restrict_self" },
  // bpf (bpf.c): the attribute is read by the caller's size (data/extra-captures.ts)
  bpf: { args: [en("bpf_commands"), ptr, uint], ret: "fdByArgs", decoder: "bpf" },
  // perf_event_open (perf.c): the attr as the caller's size says, read again at exit for the size
  // an E2BIG wrote back
  perf_event_open: {
    args: [structInOut("perf_event_attr"), int, int, fd, hex],
    ret: "fd",
    decoder: "perf_event_open",
  },
  // io_uring (io_uring.c)
  // the params read at entry (what the caller asks) and again at exit (the rings the kernel set up)
  io_uring_setup: { args: [uint, structInOut("io_uring_params")], ret: "fd", decoder: "io_uring_setup" },
  io_uring_enter: { args: [fd, uint, uint, flags("uring_enter_flags"), sigset(5, "in"), ulong] },
  // uring: the ring, the operation by name, its argument (what each opcode passes: the captures
  // in data/extra-captures.ts, value-captures.ts and pointees.ts) and count
  io_uring_register: { args: [fd, en("uring_register_opcodes"), ptr, uint], decoder: "io_uring_register" },
  // quotas (quota.c): the command's data, read at entry and exit as the largest struct any
  // command passes there; Q_QUOTAON's quota file path is an extra capture
  quotactl: { args: [hex, path, uint, structInOut("quota_data")], decoder: "quotactl" },
  quotactl_fd: { args: [fd, hex, uint, structInOut("quota_data")], decoder: "quotactl_fd" },
  // SysV IPC (ipc_msg.c, ipc_sem.c, ipc_shm.c): the key, then IPC_* flags and the mode bits.
  msgget: { args: [hex, hex], decoder: "msgget" },
  semget: { args: [hex, int, hex], decoder: "semget" },
  shmget: { args: [hex, ulong, hex], decoder: "shmget" },
  // The control calls print the struct their command reads or fills (data/value-captures.ts).
  msgctl: { args: [int, en("msgctl_flags"), ptr], decoder: "msgctl" },
  semctl: { args: [int, int, en("semctl_flags"), hex], decoder: "semctl" },
  shmctl: { args: [int, en("shmctl_flags"), ptr], decoder: "shmctl" },
  semop: { args: [int, arr("sembuf", 2, "in"), uint], decoder: "semop" },
  semtimedop: { args: [int, arr("sembuf", 2, "in"), uint, structIn("timespec")], decoder: "semtimedop" },
  msgsnd: {
    args: [int, { k: "msgbuf", len: 2, dir: "in" }, ulong, flags("ipc_msg_flags")],
    decoder: "msgsnd",
  },
  msgrcv: {
    args: [int, { k: "msgbuf", len: 2, dir: "out" }, ulong, long, flags("ipc_msg_flags")],
    decoder: "msgrcv",
  },
  shmat: { args: [int, ptr, flags("shm_flags")], ret: "hex" },
  shmdt: { args: [ptr] },
  personality: { args: [hex], decoder: "personality" },
  // pidfds (pidfd_open.c)
  pidfd_open: { args: [pid("tgid"), flags("pidfd_open_flags")], ret: "fd" },
  // the target's fd by number; flags as `%#x` (no flag is defined: an empty table prints hex)
  pidfd_getfd: { args: [fd, { k: "pidfdFd" }, flags("pidfd_getfd_flags")], ret: "fd" },
  pidfd_send_signal: { args: [fd, signo, structIn("siginfo"), flags("pidfd_getfd_flags")] },
  rt_sigqueueinfo: { args: [pid("tgid"), signo, structIn("siginfo")] },
  rt_tgsigqueueinfo: { args: [pid("tgid"), pid("tid"), signo, structIn("siginfo")] },
  // memory
  madvise: { args: [ptr, ulong, en("madvise_cmds")] },
  process_madvise: {
    args: [fd, arr("iovec", 2, "in"), ulong, en("madvise_cmds"), hex],
    decoder: "process_madvise",
  },
  process_mrelease: { args: [fd, flags("process_mrelease_flags")] },
  ioprio_get: { args: [int, int], decoder: "ioprio_get" },
  ioprio_set: { args: [int, int, int], decoder: "ioprio_set" },
  // kcmp's idx arguments are fds for KCMP_FILE (read as fds, so -y names them)
  kcmp: { args: [pid("tgid"), pid("tgid"), int, fd, fd], decoder: "kcmp" },
  mlockall: { args: [flags("mlockall_flags")] },
  // NUMA policy (numa.c). A node mask is read as maxnode words, more than the (maxnode + 62) / 64
  // the decoder prints: the array capture counts elements, not bits.
  mbind: { args: [ptr, ulong, ulong, arr("kulong", 4, "in"), ulong, hex], decoder: "mbind" },
  set_mempolicy: { args: [int, arr("kulong", 2, "in"), ulong], decoder: "set_mempolicy" },
  get_mempolicy: {
    args: [structOut("int"), arr("kulong", 2, "out"), ulong, ptr, hex],
    decoder: "get_mempolicy",
  },
  migrate_pages: {
    args: [pid("tgid"), ulong, arr("kulong", 1, "in"), arr("kulong", 1, "in")],
    decoder: "migrate_pages",
  },
  move_pages: {
    args: [pid("tgid"), ulong, arr("kulong", 1, "in"), arr("u32", 1, "in"), arr("u32", 1, "out"), hex],
    decoder: "move_pages",
  },
  mlock2: { args: [ptr, ulong, flags("mlock_flags")] },
  // mincore's vector has one byte per page of the range: reading `length` bytes at exit takes at
  // least those (a shorter readable prefix is kept)
  mincore: { args: [ptr, ulong, arr("u8", 1, "out")], decoder: "mincore" },
  pkey_alloc: { args: [hex, flags64("pkey_access")] },
  pkey_mprotect: { args: [ptr, ulong, flags64("mmap_prot"), int] },
  remap_file_pages: {
    args: [ptr, ulong, flags64("mmap_prot"), ulong, flags("mmap_flags")],
    decoder: "remap_file_pages",
  },
  set_mempolicy_home_node: { args: [ptr, ulong, ulong, hex] },
  mremap: { args: [ptr, ulong, ulong, flags("mremap_flags"), ptr], ret: "hex", decoder: "mremap" },
  // processes, identity, scheduling
  wait4: {
    args: [pid("tgidPgid"), structOut("wstatus"), flags("wait4_options"), structOut("rusage")],
    decoder: "wait4",
  },
  // proc area (issue #16): waitid prints its siginfo and rusage at exit (strace 6.1 wait.c);
  // process_vm_{readv,writev}'s iovec arrays (process_vm.c): the local one with its data, the
  // remote one as addresses (read at entry: the kernel does not change it).
  waitid: {
    args: [en("waitid_types"), int, structOut("siginfo"), flags("wait4_options"), structOut("rusage")],
    // pidns: id printed by idtype (data/request-args.ts)
    decoder: "waitid",
  },
  // ptrace.c: addr and data by request (the decoder); what the kernel writes is read by request
  // (data/value-captures.ts)
  ptrace: { args: [en("ptrace_cmds"), int, hex, hex], decoder: "ptrace" },
  process_vm_readv: {
    args: [pid("tgid"), { k: "iovec", count: 2, dir: "out" }, ulong, arr("iovec", 4, "in"), ulong, ulong],
    decoder: "process_vm_readv",
  },
  process_vm_writev: {
    args: [pid("tgid"), { k: "iovec", count: 2, dir: "in" }, ulong, arr("iovec", 4, "in"), ulong, ulong],
    decoder: "process_vm_writev",
  },
  getrusage: { args: [en("usage_who"), structOut("rusage")] },
  times: { args: [structOut("tms")] },
  clone3: { args: [structIn("clone_args"), ulong], decoder: "clone3", ret: "tid" },
  prctl: { args: [en("prctl_options"), ulong, ulong, ulong, ulong], decoder: "prctl" },
  sched_getaffinity: { args: [pid("tgid"), ulong, arr("u8", 1, "out")], decoder: "sched_getaffinity" },
  sched_setaffinity: { args: [pid("tgid"), ulong, arr("u8", 1, "in")], decoder: "sched_setaffinity" },
  sched_getscheduler: { args: [pid("tgid")], decoder: "sched_getscheduler" },
  sched_getparam: { args: [pid("tgid"), structOut("int")] },
  sched_setparam: { args: [pid("tgid"), structIn("int")] },
  sched_setscheduler: { args: [pid("tgid"), en("sched_policies"), structIn("int")] },
  sched_rr_get_interval: { args: [pid("tgid"), structOut("timespec")] },
  sched_yield: { args: [] },
  // sched.c: struct sched_attr, read as its largest known size (a shorter readable prefix is kept)
  sched_setattr: { args: [pid("tgid"), structInOut("sched_attr"), uint], decoder: "sched_setattr" },
  sched_getattr: { args: [pid("tgid"), structOut("sched_attr"), uint, uint], decoder: "sched_getattr" },
  getgroups: { args: [int, arr("gid", 0, "out")], decoder: "getgroups" },
  setgroups: { args: [int, arr("gid", 0, "in")], decoder: "setgroups" },
  setuid: { args: [int] },
  setfsuid: { args: [uid] },
  setfsgid: { args: [uid] },
  setns: { args: [fd, flags("setns_types")] },
  ioperm: { args: [hex, hex, int] },
  setgid: { args: [int] },
  setreuid: { args: [int, int] },
  setregid: { args: [int, int] },
  setresuid: { args: [int, int, int] },
  setresgid: { args: [int, int, int] },
  getresuid: { args: [structOut("int"), structOut("int"), structOut("int")] },
  getresgid: { args: [structOut("int"), structOut("int"), structOut("int")] },
  setpgid: { args: [pid("tgid"), pid("pgid")] },
  getpgid: { args: [pid("tgid")], ret: "pgid" },
  getpgrp: { args: [], ret: "pgid" },
  getsid: { args: [pid("tgid")], ret: "sid" },
  // who is a process or a process group by which (strace's priority_print_who)
  getpriority: { args: [en("priorities"), int], decoder: "getpriority" },
  setpriority: { args: [en("priorities"), int, int], decoder: "setpriority" },
  sysinfo: { args: [structOut("sysinfo")] },
  alarm: { args: [uint] },
  getitimer: { args: [en("itimer_which"), structOut("itimerval")] },
  setitimer: { args: [en("itimer_which"), structIn("itimerval"), structOut("itimerval")] },
  sched_get_priority_max: { args: [en("sched_policies")] },
  sched_get_priority_min: { args: [en("sched_policies")] },
  // time
  clock_nanosleep: {
    args: [en("clocknames"), flags("clock_flags"), structIn("timespec"), structOut("timespec")],
    decoder: "clock_nanosleep",
  },
  nanosleep: { args: [structIn("timespec"), structOut("timespec")], decoder: "nanosleep" },
  time: { args: [structOut("loff")], decoder: "time" },
  clock_gettime: { args: [en("clocknames"), structOut("timespec")] },
  clock_settime: { args: [en("clocknames"), structIn("timespec")] },
  // asynchronous I/O (aio.c): the new context behind io_setup's pointer; the events read at exit
  // (at most nr of them, the decoder prints the returned count)
  io_setup: { args: [uint, structOut("kulong")] },
  // uring: io_submit's iocbs (an extra capture follows their pointers and buffers) and the iocb
  // io_cancel names; its result event is read at exit
  io_submit: { args: [ptr, long, ptr], decoder: "io_submit" },
  io_cancel: { args: [ptr, structIn("iocb"), structOut("io_event")], decoder: "io_cancel" },
  io_getevents: {
    args: [ptr, long, long, arr("io_event", 2, "out"), structIn("timespec")],
    decoder: "io_getevents",
  },
  io_pgetevents: {
    args: [
      ptr,
      long,
      long,
      arr("io_event", 2, "out"),
      structIn("timespec"),
      { k: "indirect", type: "pselect6_data", bytes: 8 },
    ],
    decoder: "io_pgetevents",
  },
  // POSIX message queues (mq.c): names are paths, attrs a struct mq_attr
  mq_open: {
    args: [path, flags("open_flags"), mode, structIn("mq_attr_open")],
    ret: "fd",
    decoder: "mq_open",
  },
  mq_unlink: { args: [path] },
  mq_timedsend: { args: [fd, bufIn(2), ulong, uint, structIn("timespec")] },
  mq_timedreceive: { args: [fd, bufOut, ulong, structOut("uint"), structIn("timespec")] },
  mq_notify: { args: [fd, structIn("sigevent")] },
  mq_getsetattr: { args: [fd, structIn("mq_attr"), structOut("mq_attr")] },
  // time.c: struct __kernel_timex, read back at exit (the kernel fills it)
  adjtimex: { args: [structInOut("timex")], decoder: "adjtimex" },
  clock_adjtime: { args: [en("clocknames"), structInOut("timex")], decoder: "clock_adjtime" },
  // time.c: the sigevent, then the new timer's id
  timer_create: { args: [en("clocknames"), structIn("sigevent"), structOut("int")] },
  timer_settime: { args: [int, flags("clock_flags"), structIn("itimerspec"), structOut("itimerspec")] },
  timer_gettime: { args: [int, structOut("itimerspec")] },
  getcpu: { args: [structOut("uint"), structOut("uint"), ptr] },
  clock_getres: { args: [en("clocknames"), structOut("timespec")] },
  gettimeofday: { args: [structOut("timeval"), structOut("timezone")] },
  settimeofday: { args: [structIn("timeval"), structIn("timezone")] },
  // utimes.c, utime.c: the times with their dates as comments
  utimes: { args: [path, structIn("timeval2")] },
  futimesat: { args: [dirfd, path, structIn("timeval2")] },
  utime: { args: [path, structIn("utimbuf")] },
  ustat: { args: [hex, ptr], decoder: "ustat" },
  // sockets
  socket: { args: [en("addrfams"), flags("socktypes"), int], ret: "fd", decoder: "socket" },
  socketpair: { args: [en("addrfams"), flags("socktypes"), int, structOut("fdpair")], decoder: "socketpair" },
  bind: { args: [fd, sockaddr(2), int] },
  connect: { args: [fd, sockaddr(2), int] },
  listen: { args: [fd, int] },
  accept: { args: [fd, sockaddrOut(2), socklen], ret: "fd" },
  accept4: { args: [fd, sockaddrOut(2), socklen, flags("sock_type_flags")], ret: "fd" },
  getsockname: { args: [fd, sockaddrOut(2), socklen] },
  getpeername: { args: [fd, sockaddrOut(2), socklen] },
  sendto: { args: [fd, bufIn(2), ulong, flags("msg_flags"), sockaddr(5), int], decoder: "sendto" },
  recvfrom: { args: [fd, bufOut, ulong, flags("msg_flags"), sockaddrOut(5), socklen], decoder: "recvfrom" },
  sendmsg: { args: [fd, { k: "msghdr", dir: "in" }, flags("msg_flags")], decoder: "sendmsg" },
  recvmsg: { args: [fd, { k: "msghdr", dir: "inout" }, flags("msg_flags")], decoder: "recvmsg" },
  sendmmsg: {
    args: [fd, { k: "mmsghdr", count: 2, dir: "send" }, uint, flags("msg_flags")],
    decoder: "sendmmsg",
  },
  recvmmsg: {
    args: [fd, { k: "mmsghdr", count: 2, dir: "recv" }, uint, flags("msg_flags"), structInOut("timespec")],
    decoder: "recvmmsg",
  },
  shutdown: { args: [fd, en("shutdown_modes")] },
  // An option value is printed as a struct by level and name (decoder-wasm's sockopt.ts): read
  // enough of it for the largest whatever -s; getsockopt's is read at exit, cut at the new optlen.
  setsockopt: {
    args: [fd, en("socketlayers"), int, { k: "bufIn", len: 4, min: SOCKOPT_BYTES }, int],
    decoder: "setsockopt",
  },
  getsockopt: { args: [fd, en("socketlayers"), int, structOut("sockopt"), socklen], decoder: "getsockopt" },
  // polling
  select: { args: [int, fdset, fdset, fdset, structInOut("timeval")], decoder: "select" },
  pselect6: {
    args: [
      int,
      fdset,
      fdset,
      fdset,
      structInOut("timespec"),
      { k: "indirect", type: "pselect6_data", bytes: 8 },
    ],
    decoder: "pselect6",
  },
  poll: { args: [arr("pollfd", 1, "inout"), uint, int], decoder: "poll" },
  ppoll: {
    args: [arr("pollfd", 1, "inout"), uint, structInOut("timespec"), sigset(4, "in"), ulong],
    decoder: "ppoll",
  },
  epoll_create: { args: [int], ret: "fd" },
  epoll_create1: { args: [flags("epollflags")], ret: "fd" },
  epoll_ctl: { args: [fd, en("epollctls"), fd, structIn("epoll_event")], decoder: "epoll_ctl" },
  epoll_wait: { args: [fd, arr("epoll_event", 2, "out"), int, int], decoder: "epoll_wait" },
  epoll_pwait: {
    args: [fd, arr("epoll_event", 2, "out"), int, int, sigset(5, "in"), ulong],
    decoder: "epoll_pwait",
  },
};
