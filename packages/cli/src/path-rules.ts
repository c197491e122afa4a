/**
 * Which arguments `-P PATH` looks at, per syscall: strace 6.1's pathtrace_match_set as data. A
 * syscall outside the file/desc/network classes never matches; one listed here matches by the
 * listed fd and path arguments; any other matches by argument 0 (a path for %file, else an fd).
 */
import type { SyscallClass } from "./arch.js";

/** Argument indexes holding fds and paths. */
export interface PathRule {
  readonly fds: readonly number[];
  readonly paths: readonly number[];
  /** fd_set arguments, each of argument 0's bits (select, pselect6). */
  readonly fdSets?: readonly number[];
  /** A struct pollfd array argument, of argument 1's elements (poll, ppoll). */
  readonly pollFds?: number;
}

const FD_FD: PathRule = { fds: [0, 1], paths: [] };
const FD_PATH: PathRule = { fds: [0], paths: [1] };
const PATH_PATH: PathRule = { fds: [], paths: [0, 1] };
const X_PATH: PathRule = { fds: [], paths: [1] };
const FD_PATH_FD_PATH: PathRule = { fds: [0, 2], paths: [1, 3] };
const NOTHING: PathRule = { fds: [], paths: [] };
const SELECT: PathRule = { fds: [], paths: [], fdSets: [1, 2, 3] };
const POLL: PathRule = { fds: [], paths: [], pollFds: 0 };

const RULES: Readonly<Record<string, PathRule>> = {
  dup2: FD_FD,
  dup3: FD_FD,
  kexec_file_load: FD_FD,
  sendfile: FD_FD,
  tee: FD_FD,
  execveat: FD_PATH,
  faccessat: FD_PATH,
  faccessat2: FD_PATH,
  fchmodat: FD_PATH,
  fchownat: FD_PATH,
  fspick: FD_PATH,
  futimesat: FD_PATH,
  inotify_add_watch: FD_PATH,
  mkdirat: FD_PATH,
  mknodat: FD_PATH,
  mount_setattr: FD_PATH,
  name_to_handle_at: FD_PATH,
  newfstatat: FD_PATH,
  open_tree: FD_PATH,
  openat: FD_PATH,
  openat2: FD_PATH,
  readlinkat: FD_PATH,
  statx: FD_PATH,
  unlinkat: FD_PATH,
  utimensat: FD_PATH,
  link: PATH_PATH,
  mount: PATH_PATH,
  pivot_root: PATH_PATH,
  quotactl: X_PATH,
  symlink: X_PATH,
  linkat: FD_PATH_FD_PATH,
  move_mount: FD_PATH_FD_PATH,
  renameat: FD_PATH_FD_PATH,
  renameat2: FD_PATH_FD_PATH,
  mmap: { fds: [4], paths: [] },
  symlinkat: { fds: [1], paths: [2] },
  copy_file_range: { fds: [0, 2], paths: [] },
  splice: { fds: [0, 2], paths: [] },
  epoll_ctl: { fds: [2], paths: [] },
  fanotify_mark: { fds: [3], paths: [4] },
  select: SELECT,
  pselect6: SELECT,
  poll: POLL,
  ppoll: POLL,
  fsconfig: NOTHING,
  bpf: NOTHING,
  epoll_create: NOTHING,
  epoll_create1: NOTHING,
  eventfd2: NOTHING,
  eventfd: NOTHING,
  fanotify_init: NOTHING,
  fsopen: NOTHING,
  inotify_init: NOTHING,
  inotify_init1: NOTHING,
  io_uring_setup: NOTHING,
  landlock_create_ruleset: NOTHING,
  memfd_create: NOTHING,
  memfd_secret: NOTHING,
  mq_open: NOTHING,
  perf_event_open: NOTHING,
  pidfd_open: NOTHING,
  pipe: NOTHING,
  pipe2: NOTHING,
  socket: NOTHING,
  socketpair: NOTHING,
  timerfd_create: NOTHING,
  userfaultfd: NOTHING,
};

/** The arguments -P checks for syscall `name` of strace `classes`, or undefined when none. */
export function pathRule(name: string, classes: readonly SyscallClass[]): PathRule | undefined {
  const file = classes.includes("file");
  if (!file && !classes.includes("desc") && !classes.includes("network")) return undefined;
  const rule = RULES[name];
  if (rule) return rule === NOTHING ? undefined : rule;
  return file ? { fds: [], paths: [0] } : { fds: [0], paths: [] };
}
