/**
 * Captures a dedicated decoder needs beyond what its arguments' kinds read (hand data; the
 * decoder reads what is named here):
 * - memory whose size is another argument: extensible structs (openat2's open_how, mount_setattr's
 *   mount_attr, landlock's ruleset attr), of which strace 6.1 prints the fields it knows and then,
 *   when the caller passed more, whether the rest is all zeros (print_nonzero_bytes: at most a
 *   page); buffers printed by another argument's value (fsconfig's binary value);
 * - a path at an argument whose kind reads something else, for the one command that passes a
 *   path there (quotactl's Q_QUOTAON quota file, where the other commands pass a struct).
 */

/** One extra capture, read at entry. */
export type ExtraCapture =
  /**
   * `arg` points at `args[lenArg]` bytes, at most `max`: a page for an extensible struct (what
   * strace looks at), or `strsize` for a buffer printed as a string (one byte more than -s, as
   * strace's printstr_ex reads).
   */
  | { readonly arg: number; readonly lenArg: number; readonly max: number | "strsize" }
  /** `arg` points at a NUL-terminated path (PATH_MAX). */
  | { readonly arg: number; readonly path: true }
  /**
   * What `arg` would read were its kind `as`, besides what its own kind reads (process_vm_readv's
   * local iovec array, read at exit with its data, is also read at entry as ranges: a failed call
   * has no exit capture, and strace prints the ranges then).
   */
  | { readonly arg: number; readonly as: ArgKind }
  /**
   * uring: `arg` points at `args[countArg]` pointers, each to a struct `type` (a BTF layout) whose
   * field `ptr` points at `count` elements of `elemSize` bytes (io_submit's iocbs and their
   * buffers); of those, as many bytes as -s elements of `elemSize` bytes (one more) are read.
   */
  | {
      readonly arg: number;
      readonly countArg: number;
      readonly pointers: {
        readonly type: string;
        readonly ptr: string;
        readonly count: string;
        readonly elemSize: number;
      };
    };

import type { ArgKind } from "../types.js";

/** strace's get_pagesize() on every architecture tstrace traces. */
const PAGE = 4096;

/** Extra captures keyed by syscall name. */
export const extraCaptures: Readonly<Record<string, readonly ExtraCapture[]>> = {
  openat2: [{ arg: 2, lenArg: 3, max: PAGE }],
  mount_setattr: [{ arg: 3, lenArg: 4, max: PAGE }],
  landlock_create_ruleset: [{ arg: 0, lenArg: 1, max: PAGE }],
  // clone3's clone_args by the caller's size: a shorter struct's readable prefix, the bytes past it
  clone3: [{ arg: 0, lenArg: 1, max: PAGE }],
  // bpf's union bpf_attr: strace reads `size` bytes when they fit in a page
  bpf: [{ arg: 1, lenArg: 2, max: PAGE }],
  // FSCONFIG_SET_BINARY's value, `aux` bytes (the path capture of the same argument serves the others).
  fsconfig: [{ arg: 3, lenArg: 4, max: "strsize" }],
  quotactl: [{ arg: 3, path: true }],
  quotactl_fd: [{ arg: 3, path: true }],
  process_vm_readv: [{ arg: 1, as: { k: "array", type: "iovec", count: 2, dir: "in" } }],
  // a failed read's iovecs print as ranges (strace's IOV_DECODE_ADDR), from the array at entry
  readv: [{ arg: 1, as: { k: "array", type: "iovec", count: 2, dir: "in" } }],
  preadv: [{ arg: 1, as: { k: "array", type: "iovec", count: 2, dir: "in" } }],
  preadv2: [{ arg: 1, as: { k: "array", type: "iovec", count: 2, dir: "in" } }],
  // uring: io_submit's iocbs, and each one's buffer (a PWRITE's data) or iovec array (PREADV's,
  // PWRITEV's): strace 6.1 aio.c prints them
  io_submit: [
    { arg: 2, countArg: 1, pointers: { type: "iocb", ptr: "aio_buf", count: "aio_nbytes", elemSize: 16 } },
  ],
  // uring: KEYCTL_INSTANTIATE_IOV's payload, args[3] iovecs at args[2] with their data (other
  // commands' second and third arguments read this way are never printed as iovecs)
  keyctl: [{ arg: 2, as: { k: "iovec", count: 3, dir: "in" } }],
  // uring: io_uring_register's argument, whatever the opcode (strace 6.1 io_uring.c): nr_args
  // elements of 16 bytes (the widest array any opcode passes: iovecs, restrictions, ring fds;
  // fds, u32s and a cpu mask are prefixes of it), and nr_args bytes up to a page (the rsrc structs
  // whose size nr_args gives, and the bytes past the 32 strace knows)
  io_uring_register: [
    { arg: 2, as: { k: "array", type: "io_uring_rsrc_update", count: 3, dir: "in" } },
    { arg: 2, lenArg: 3, max: PAGE },
  ],
};
