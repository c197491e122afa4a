/**
 * Default decoding kinds, derived from each syscall's C signature (the generated `[type, name]`
 * pairs from its SYSCALL_DEFINE) by the rule tables below: for every argument the first rule whose
 * `type` and `name` patterns both match gives the kind. Hand rows in data/kinds.ts override these
 * for a whole syscall. Hand-written knowledge; checked against strace 6.1's output of syscalls
 * without hand rows (test/kind-rules.test.ts) and by the conformance corpus.
 *
 * What strace does and a rule cannot (named constants for `cmd`/`which` arguments, structs printed
 * field by field) stays as the nearest generic kind: flags-like arguments print in hex, struct
 * pointers as addresses (`NULL` for 0).
 */
import type { ArgKind, RetKind } from "../types.js";

/** One argument rule. `lenArg`: for `bufIn`, the pattern naming the argument that holds the length. */
export interface ArgRule {
  /** Matches the normalised C type, e.g. `const char __user *`. Absent: any type. */
  readonly type?: RegExp;
  /** Matches the parameter name. Absent: any name. */
  readonly name?: RegExp;
  /** The kind it gives; `bufIn` rules leave `len` to `lenArg`. */
  readonly kind: ArgKind | { readonly k: "bufIn"; readonly lenArg: RegExp };
}

const CHAR_PTR = /^(const )?char __user \*$/;
const INTEGER = /^(const )?((unsigned )?(int|long)|unsigned|s32|u32|__s32|__u32)$/;

/** Argument rules, first match wins. */
export const argRules: readonly ArgRule[] = [
  // Directory fds (AT_FDCWD prints by name) and fds.
  { type: INTEGER, name: /^(dfd|dirfd|olddfd|newdfd|from_dfd|to_dfd)$/, kind: { k: "dirfd" } },
  {
    type: INTEGER,
    name: /^(fd|fdin|fdout|fd_in|fd_out|in_fd|out_fd|oldfd|newfd|fildes|epfd|ufd|pidfd|ruleset_fd|fanotify_fd|fs_fd|group_fd|mountdirfd|kernel_fd|initrd_fd)$/,
    kind: { k: "fd" },
  },
  { type: /^mqd_t$/, kind: { k: "fd" } },
  // Paths (printed whole) and other NUL-terminated strings (cut by -s).
  {
    type: CHAR_PTR,
    name: /^(filename|pathname|path|oldname|newname|oldpath|newpath|specialfile|special|library|dir_name|dev_name|new_root|put_old|from_pathname|to_pathname)$/,
    kind: { k: "path" },
  },
  {
    type: CHAR_PTR,
    name: /^(name|type|_type|_description|_callout_info|_fs_name|_key|u_name|name_user)$/,
    kind: { k: "str" },
  },
  // Caller-filled buffers whose length is another argument.
  {
    type: /^const (char|void) __user \*$/,
    name: /^(buf|u_msg_ptr|value|_payload)$/,
    kind: { k: "bufIn", lenArg: /^(count|len|size|msg_len|plen)$/ },
  },
  // Modes, signals, clocks.
  { type: /^umode_t$/, kind: { k: "mode" } },
  { type: /^int$/, name: /^(sig|signum)$/, kind: { k: "signo" } },
  { type: /^(const )?clockid_t$/, kind: { k: "enum", table: "clocknames" } },
  // Flags, commands and masks: hex, as strace's printargs would (strace names most of them).
  {
    name: /(^|_)(flags?|mask|cmd|op|opcode|how|prot|options|msgflg|shmflg|semflg|oflag)$/,
    kind: { k: "hex" },
  },
  // Addresses.
  { type: /^unsigned long$/, name: /^(start|addr|entry|new_addr|brk)$/, kind: { k: "ptr" } },
  // Sizes and counts.
  { type: /^(const )?size_t$/, kind: { k: "ulong" } },
  {
    type: /^unsigned long$/,
    name: /^(len|size|count|vlen|liovcnt|riovcnt|maxnode|nr_pages|nr_segs|nr_segments|bytecount|cmdline_len|num|from|pgoff)$/,
    kind: { k: "ulong" },
  },
  // Plain integers.
  {
    type: /^(const )?(int|pid_t|uid_t|gid_t|old_uid_t|old_gid_t|timer_t|key_serial_t|qid_t|s32|__s32)$/,
    kind: { k: "int" },
  },
  { type: /^(const )?(unsigned int|unsigned|u32|__u32)$/, kind: { k: "uint" } },
  { type: /^(long|loff_t|off_t|__kernel_off_t|ssize_t)$/, kind: { k: "long" } },
  // Any pointer (and the pointer typedefs): an address, NULL for 0.
  { type: /\*|^(const )?cap_user_(header|data)_t$/, kind: { k: "ptr" } },
];

/** Return kinds by syscall name, for syscalls without one in their hand row (`int` otherwise). */
export const retRules: Readonly<Record<string, RetKind>> = {
  // New file descriptors.
  open_by_handle_at: "fd",
  openat2: "fd",
  open_tree: "fd",
  open_tree_attr: "fd",
  fsopen: "fd",
  fspick: "fd",
  fsmount: "fd",
  mq_open: "fd",
  signalfd: "fd",
  signalfd4: "fd",
  inotify_init: "fd",
  fanotify_init: "fd",
  userfaultfd: "fd",
  perf_event_open: "fd",
  pidfd_open: "fd",
  pidfd_getfd: "fd",
  memfd_secret: "fd",
  io_uring_setup: "fd",
  landlock_create_ruleset: "fd",
  // Addresses.
  shmat: "hex",
  // Process and thread ids (strace's RVAL_TGID / RVAL_TID: --decode-pids=comm names them).
  fork: "pid",
  vfork: "pid",
};
