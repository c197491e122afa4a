/**
 * What `-P PATH` needs to know about syscalls: which arguments hold fds and paths (strace 6.1's
 * pathtrace_match_set as data), and how a call moves fds between paths (an open returns an fd for
 * its path, a dup copies one, a close ends one), which a tracer that cannot ask /proc at the stop
 * follows instead. Pure data and logic: the CLI's path filter applies it to records.
 *
 * @example
 * ```ts
 * import { x86_64, syscallByName } from "@tstrace/core/x86_64";
 * import { pathRule } from "@tstrace/core/path-rules";
 * pathRule(syscallByName(x86_64, "renameat2")!); // { fds: [0, 2], paths: [1, 3] }
 * ```
 */
import type { SyscallRow } from "./types.js";

/** Argument indexes holding fds and paths. */
export interface PathRule {
  /** Arguments that are fds. */
  readonly fds: readonly number[];
  /** Arguments that are NUL-terminated paths. */
  readonly paths: readonly number[];
  /** fd_set arguments, each of argument 0's bits (select, pselect6). */
  readonly fdSets?: readonly number[];
  /** A struct pollfd array argument, of argument 1's elements (poll, ppoll). */
  readonly pollFds?: number;
  /**
   * The rule depends on a command: the rule of argument `arg`'s value (its low 32 bits) applies
   * instead of this one; a command not listed names no file (fsconfig).
   */
  readonly byCommand?: { readonly arg: number; readonly rules: Readonly<Record<number, PathRule>> };
}

const FD_FD: PathRule = { fds: [0, 1], paths: [] };
const FD_PATH: PathRule = { fds: [0], paths: [1] };
const PATH_PATH: PathRule = { fds: [], paths: [0, 1] };
const X_PATH: PathRule = { fds: [], paths: [1] };
const FD_PATH_FD_PATH: PathRule = { fds: [0, 2], paths: [1, 3] };
const NOTHING: PathRule = { fds: [], paths: [] };
const SELECT: PathRule = { fds: [], paths: [], fdSets: [1, 2, 3] };
const POLL: PathRule = { fds: [], paths: [], pollFds: 0 };

/** strace's exceptions to "argument 0 is the path (%file) or the fd (%desc, %network)". */
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
  // strace's pathtrace.c: FSCONFIG_SET_PATH and _PATH_EMPTY name a path and a dirfd, FSCONFIG_SET_FD an fd.
  fsconfig: {
    fds: [],
    paths: [],
    byCommand: {
      arg: 1,
      rules: { 3: { fds: [4], paths: [3] }, 4: { fds: [4], paths: [3] }, 5: { fds: [4], paths: [] } },
    },
  },
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

/** The arguments -P checks for `row`, or undefined when the call never matches a path. */
export function pathRule(row: Pick<SyscallRow, "name" | "classes">): PathRule | undefined {
  const file = row.classes.includes("file");
  if (!file && !row.classes.includes("desc") && !row.classes.includes("network")) return undefined;
  const rule = RULES[row.name];
  if (rule) return rule === NOTHING ? undefined : rule;
  return file ? { fds: [], paths: [0] } : { fds: [0], paths: [] };
}

/** The kernel's AT_FDCWD: a dirfd meaning "relative to the cwd". */
export const AT_FDCWD = -100;
/** fcntl commands that duplicate their fd argument (F_DUPFD, F_DUPFD_CLOEXEC). */
const FCNTL_DUPS: ReadonlySet<number> = new Set([0, 1030]);

/** How a successful call changes which fds refer to which paths. */
export type FdEffect =
  /** Returns a new fd for the path in argument `pathArg`, relative to `dirfdArg` (or the cwd). */
  | { readonly kind: "open"; readonly pathArg: number; readonly dirfdArg?: number }
  /** Returns a copy of the fd in argument 0. */
  | { readonly kind: "dup" }
  /** Ends the fd in argument 0 (whatever the result). */
  | { readonly kind: "close" };

const OPEN_AT: FdEffect = { kind: "open", pathArg: 1, dirfdArg: 0 };
const OPEN_CWD: FdEffect = { kind: "open", pathArg: 0 };
const DUP: FdEffect = { kind: "dup" };
const EFFECTS: Readonly<Record<string, FdEffect>> = {
  open: OPEN_CWD,
  creat: OPEN_CWD,
  openat: OPEN_AT,
  openat2: OPEN_AT,
  dup: DUP,
  dup2: DUP,
  dup3: DUP,
  close: { kind: "close" },
};

/** The calls whose results move fds between paths: a path filter must see them to follow fds. */
export const FD_EFFECT_CALLS: readonly string[] = [...Object.keys(EFFECTS), "fcntl"];

/** What syscall `name` with arguments `args` does to the fd table, if anything. */
export function fdEffect(name: string, args: readonly bigint[]): FdEffect | undefined {
  if (name === "fcntl") return FCNTL_DUPS.has(Number(BigInt.asIntN(32, args[1] ?? 0n))) ? DUP : undefined;
  return EFFECTS[name];
}
