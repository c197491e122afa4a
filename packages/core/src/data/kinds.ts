/**
 * How strace 6.1 prints each syscall's arguments, keyed by syscall name and shared by every
 * architecture (hand-written knowledge, checked against real `strace` output: `strace ls`,
 * `strace cat /etc/hostname`, `strace sh -c true`). A row applies to an architecture only when its
 * argument count equals that architecture's nargs (i386's one-argument `mmap` is old_mmap and keeps
 * the generic `hex` kinds). Syscalls without a row print every argument as `hex`, as strace's
 * printargs does.
 */
import type { ArgKind, RetKind } from "../types.js";

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
const flags = (table: string): ArgKind => ({ k: "flags", table });
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
  openat2: { args: [dirfd, path, structIn("open_how"), ulong], ret: "fd", decoder: "openat2" },
  creat: { args: [path, mode], ret: "fd" },
  close: { args: [fd] },
  read: { args: [fd, bufOut, ulong] },
  write: { args: [fd, { k: "bufIn", len: 2 }, ulong] },
  pread64: { args: [fd, bufOut, ulong, long] },
  pwrite64: { args: [fd, { k: "bufIn", len: 2 }, ulong, long] },
  readv: { args: [fd, { k: "iovec", count: 2, dir: "out" }, ulong] },
  writev: { args: [fd, { k: "iovec", count: 2, dir: "in" }, ulong] },
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
  arch_prctl: { args: [en("arch_prctl_codes"), hex] },
  set_tid_address: { args: [ptr] },
  set_robust_list: { args: [ptr, ulong] },
  rseq: { args: [ptr, hex, int, hex] },
  prlimit64: { args: [int, en("rlimit_resources"), structIn("rlimit64"), structOut("rlimit64")] },
  getrlimit: { args: [en("rlimit_resources"), structOut("rlimit")] },
  setrlimit: { args: [en("rlimit_resources"), structIn("rlimit")] },
  getrandom: { args: [bufOut, ulong, flags("getrandom_flags")] },
  exit_group: exitRow,
  exit: exitRow,
  statfs: { args: [path, structOut("statfs")] },
  fstatfs: { args: [fd, structOut("statfs")] },
  getdents64: { args: [fd, { k: "bufOut", whole: true }, ulong], decoder: "getdents64" },
  getdents: { args: [fd, { k: "bufOut", whole: true }, ulong], decoder: "getdents" },
  ioctl: { args: [fd, en("ioctls"), hex], decoder: "ioctl" },
  futex: { args: [ptr, en("futex_ops"), int, ptr, ptr, int], decoder: "futex" },
  lseek: { args: [fd, long, en("lseek_whence")] },
  dup: { args: [fd], ret: "fd" },
  dup2: { args: [fd, fd], ret: "fd" },
  dup3: { args: [fd, fd, flags("dup3_flags")], ret: "fd" },
  fcntl: { args: [fd, en("fcntl_cmds"), hex], ret: "fdByArgs", decoder: "fcntl" },
  getpid: { args: [], ret: "pid" },
  gettid: { args: [], ret: "pid" },
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
  kill: { args: [int, signo] },
  tkill: { args: [int, signo] },
  tgkill: { args: [int, int, signo] },
  clone: { args: [flags("clone_flags"), ptr, ptr, ptr, hex], decoder: "clone", ret: "pid" },
  rt_sigaction: {
    args: [signo, structIn("sigaction"), structOut("sigaction"), ulong],
    decoder: "rt_sigaction",
  },
  rt_sigprocmask: {
    args: [en("sigprocmask_cmds"), sigset(3, "in"), sigset(3, "out"), ulong],
    decoder: "rt_sigprocmask",
  },
  rt_sigsuspend: { args: [sigset(1, "in"), ulong] },
  rt_sigpending: { args: [sigset(1, "out"), ulong] },
  sigaltstack: { args: [structIn("stack_t"), structOut("stack_t")] },
  // files
  fadvise64: { args: [fd, long, long, en("advise")] },
  fadvise64_64: { args: [fd, long, long, en("advise")] },
  getxattr: { args: [path, str, bufOut, ulong] },
  lgetxattr: { args: [path, str, bufOut, ulong] },
  fgetxattr: { args: [fd, str, bufOut, ulong] },
  symlinkat: { args: [path, dirfd, path] },
  linkat: { args: [dirfd, path, dirfd, path, flags("at_flags")] },
  renameat2: { args: [dirfd, path, dirfd, path, flags("rename_flags")] },
  fchmodat: { args: [dirfd, path, mode] },
  fchmodat2: { args: [dirfd, path, mode, flags("at_flags")] },
  fchownat: { args: [dirfd, path, int, int, flags("at_flags")] },
  fchown: { args: [fd, int, int] },
  chown: { args: [path, int, int] },
  lchown: { args: [path, int, int] },
  utimensat: { args: [dirfd, path, structIn("timespec2"), flags("at_flags")] },
  umask: { args: [{ k: "umode" }], decoder: "umask" },
  statx: { args: [dirfd, path, flags("statx_flags"), flags("statx_masks"), structOut("statx")] },
  chroot: { args: [path] },
  acct: { args: [path] },
  umount2: { args: [path, flags("umount_flags")] },
  sethostname: { args: [bufIn(1), int] },
  setdomainname: { args: [bufIn(1), int] },
  fsync: { args: [fd] },
  fdatasync: { args: [fd] },
  flock: { args: [fd, flags("flockcmds")] },
  fallocate: { args: [fd, int, long, long] },
  copy_file_range: { args: [fd, structIn("loff"), fd, structIn("loff"), ulong, uint] },
  sendfile: { args: [fd, fd, structInOut("loff"), ulong] },
  splice: { args: [fd, structIn("loff"), fd, structIn("loff"), ulong, flags("splice_flags")] },
  memfd_create: { args: [str, flags("mfd_create_flags")], ret: "fd" },
  inotify_init1: { args: [flags("inotify_init_flags")], ret: "fd" },
  inotify_add_watch: { args: [fd, path, flags("inotify_flags")] },
  inotify_rm_watch: { args: [fd, int] },
  eventfd2: { args: [uint, flags("efd_flags")], ret: "fd" },
  eventfd: { args: [uint], ret: "fd" },
  timerfd_create: { args: [en("clocknames"), flags("tfd_flags")], ret: "fd" },
  timerfd_settime: { args: [fd, flags("tfd_flags"), structIn("itimerspec"), structOut("itimerspec")] },
  timerfd_gettime: { args: [fd, structOut("itimerspec")] },
  pipe: { args: [structOut("fdpair")] },
  pipe2: { args: [structOut("fdpair"), flags("pipe_flags")] },
  getcwd: { args: [{ k: "pathOut" }, ulong] },
  // the mount API (strace 6.1 fsopen.c, fsmount.c, fspick.c, move_mount.c, open_tree.c)
  fsopen: { args: [str, flags("fsopen_flags")], ret: "fd" },
  fsmount: { args: [fd, flags("fsmount_flags"), flags("fsmount_attr_flags")], ret: "fd" },
  fspick: { args: [dirfd, path, flags("fspick_flags")], ret: "fd" },
  move_mount: { args: [dirfd, path, dirfd, path, flags("move_mount_flags")] },
  open_tree: { args: [dirfd, path, flags("open_tree_flags")], ret: "fd" },
  seccomp: { args: [en("seccomp_ops"), hex, ptr], decoder: "seccomp" },
  unshare: { args: [flags("unshare_flags")] },
  userfaultfd: { args: [flags("uffd_flags")], ret: "fd" },
  msync: { args: [ptr, ulong, flags("msync_flags")] },
  // capabilities (capability.c): the header is read again at capget's exit (the kernel may set
  // its version); the sets are 12 bytes (version 1) or 24 (versions 2 and 3).
  capget: { args: [structInOut("cap_header"), structOut("cap_data")], decoder: "capget" },
  capset: { args: [structIn("cap_header"), structIn("cap_data")], decoder: "capset" },
  // SysV IPC (ipc_msg.c, ipc_sem.c, ipc_shm.c): the key, then IPC_* flags and the mode bits.
  msgget: { args: [hex, hex], decoder: "msgget" },
  semget: { args: [hex, int, hex], decoder: "semget" },
  shmget: { args: [hex, ulong, hex], decoder: "shmget" },
  // pidfds (pidfd_open.c)
  pidfd_open: { args: [int, flags("pidfd_open_flags")], ret: "fd" },
  // the target's fd by number; flags as `%#x` (no flag is defined: an empty table prints hex)
  pidfd_getfd: { args: [fd, int, flags("pidfd_getfd_flags")], ret: "fd" },
  pidfd_send_signal: { args: [fd, signo, structIn("siginfo"), flags("pidfd_getfd_flags")] },
  rt_sigqueueinfo: { args: [int, signo, structIn("siginfo")] },
  rt_tgsigqueueinfo: { args: [int, int, signo, structIn("siginfo")] },
  // memory
  madvise: { args: [ptr, ulong, en("madvise_cmds")] },
  mremap: { args: [ptr, ulong, ulong, flags("mremap_flags"), ptr], ret: "hex", decoder: "mremap" },
  // processes, identity, scheduling
  wait4: {
    args: [int, structOut("wstatus"), flags("wait4_options"), structOut("rusage")],
    decoder: "wait4",
  },
  getrusage: { args: [en("usage_who"), structOut("rusage")] },
  times: { args: [structOut("tms")] },
  clone3: { args: [structIn("clone_args"), ulong], decoder: "clone3", ret: "pid" },
  prctl: { args: [en("prctl_options"), ulong, ulong, ulong, ulong], decoder: "prctl" },
  sched_getaffinity: { args: [int, ulong, arr("u8", 1, "out")], decoder: "sched_getaffinity" },
  sched_setaffinity: { args: [int, ulong, arr("u8", 1, "in")], decoder: "sched_setaffinity" },
  sched_getscheduler: { args: [int], decoder: "sched_getscheduler" },
  sched_getparam: { args: [int, structOut("int")] },
  sched_yield: { args: [] },
  getgroups: { args: [int, arr("gid", 0, "out")], decoder: "getgroups" },
  setgroups: { args: [int, arr("gid", 0, "in")], decoder: "setgroups" },
  setuid: { args: [int] },
  setgid: { args: [int] },
  setreuid: { args: [int, int] },
  setregid: { args: [int, int] },
  setresuid: { args: [int, int, int] },
  setresgid: { args: [int, int, int] },
  getresuid: { args: [structOut("int"), structOut("int"), structOut("int")] },
  getresgid: { args: [structOut("int"), structOut("int"), structOut("int")] },
  setpgid: { args: [int, int] },
  getpgid: { args: [int] },
  getsid: { args: [int] },
  getpriority: { args: [en("priorities"), int] },
  setpriority: { args: [en("priorities"), int, int] },
  sysinfo: { args: [structOut("sysinfo")] },
  alarm: { args: [uint] },
  getitimer: { args: [en("itimer_which"), structOut("itimerval")] },
  setitimer: { args: [en("itimer_which"), structIn("itimerval"), structOut("itimerval")] },
  sched_get_priority_max: { args: [en("sched_policies")] },
  sched_get_priority_min: { args: [en("sched_policies")] },
  // time
  clock_nanosleep: { args: [en("clocknames"), flags("clock_flags"), structIn("timespec"), ptr] },
  nanosleep: { args: [structIn("timespec"), ptr] },
  clock_gettime: { args: [en("clocknames"), structOut("timespec")] },
  clock_getres: { args: [en("clocknames"), structOut("timespec")] },
  gettimeofday: { args: [structOut("timeval"), ptr] },
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
  setsockopt: { args: [fd, en("socketlayers"), int, bufIn(4), int], decoder: "setsockopt" },
  getsockopt: { args: [fd, en("socketlayers"), int, structOut("int"), socklen], decoder: "getsockopt" },
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
  epoll_ctl: { args: [fd, en("epollctls"), fd, structIn("epoll_event")] },
  epoll_wait: { args: [fd, arr("epoll_event", 2, "out"), int, int], decoder: "epoll_wait" },
  epoll_pwait: {
    args: [fd, arr("epoll_event", 2, "out"), int, int, sigset(5, "in"), ulong],
    decoder: "epoll_pwait",
  },
};
