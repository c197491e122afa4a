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
  faccessat2: { args: [dirfd, path, flags("access_modes"), flags("at_flags")] },
  arch_prctl: { args: [en("arch_prctl_codes"), hex], decoder: "arch_prctl" },
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
  ioctl: { args: [fd, en("tty_ioctls"), hex], decoder: "ioctl" },
  futex: { args: [ptr, en("futex_ops"), int, ptr, ptr, int], decoder: "futex" },
  lseek: { args: [fd, long, en("lseek_whence")] },
  dup: { args: [fd], ret: "fd" },
  dup2: { args: [fd, fd], ret: "fd" },
  dup3: { args: [fd, fd, flags("dup3_flags")], ret: "fd" },
  fcntl: { args: [fd, en("fcntl_cmds"), hex], decoder: "fcntl" },
  getpid: { args: [] },
  gettid: { args: [] },
  getppid: { args: [] },
  uname: { args: [structOut("utsname")] },
  chdir: { args: [path] },
  fchdir: { args: [fd] },
  mkdir: { args: [path, mode] },
  mkdirat: { args: [dirfd, path, mode] },
  rmdir: { args: [path] },
  unlink: { args: [path] },
  unlinkat: { args: [dirfd, path, flags("at_flags")] },
  chmod: { args: [path, mode] },
  fchmod: { args: [fd, mode] },
  readlink: { args: [path, bufOut, ulong] },
  readlinkat: { args: [dirfd, path, bufOut, ulong] },
  getcwd: { args: [bufOut, ulong] },
  truncate: { args: [path, long] },
  ftruncate: { args: [fd, long] },
  rename: { args: [path, path] },
  renameat: { args: [dirfd, path, dirfd, path] },
  symlink: { args: [path, path] },
  link: { args: [path, path] },
  kill: { args: [int, signo] },
  tkill: { args: [int, signo] },
  tgkill: { args: [int, int, signo] },
  clone: { args: [flags("clone_flags"), ptr, ptr, ptr, hex], decoder: "clone" },
  rt_sigaction: { args: [signo, ptr, ptr, ulong], decoder: "rt_sigaction" },
  rt_sigprocmask: { args: [int, ptr, ptr, ulong], decoder: "rt_sigprocmask" },
};
