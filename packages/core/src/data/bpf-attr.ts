/**
 * bpf(2)'s union bpf_attr: what the decoder needs read beyond the attribute's own bytes (the
 * sized capture of data/extra-captures.ts). Per command: the strings and buffers its pointer
 * fields point at, the fd it picks a printer by, and whether the attribute is
 * read again at exit (fields the kernel writes back, printed as `old => new`). Under -y every open
 * fd's path is read at entry: an fd field past the caller's size prints as 0, strace's zero fill,
 * and names what fd 0 names. Hand data checked
 * against strace 6.1 (bpf.c) and include/uapi/linux/bpf.h: union bpf_attr's members are
 * anonymous structs, so the kernel's BTF has no names to look their offsets up by; they are
 * spelled out here, and test/bpf-attr.test.ts checks each against the uapi header compiled
 * with offsetof.
 */

import type { AttrPointer } from "./attr-pointer.js";

/** A pointer field of a command's attribute (data/attr-pointer.ts). */
export type BpfAttrPointer = AttrPointer;

/** An fd field. */
export interface BpfAttrFd {
  readonly field: string;
  readonly offset: number;
}

/** One command's extra reads. */
export interface BpfAttrCommand {
  readonly pointers?: readonly BpfAttrPointer[];
  /** The fd whose path picks how strace prints (OBJ_GET_INFO_BY_FD's map or prog info): read even without -y. */
  readonly printerFd?: BpfAttrFd;
  /** The attribute's first bytes read again at exit (the fields the kernel writes back). */
  readonly exitSize?: number;
}

/** strace's get_pagesize(): the most of an info struct it reads. */
const PAGE = 4096;
/** The most of an id or address array read (strace reads them element by element, unbounded with -v). */
const ARRAY_MAX = 65536;
/** include/uapi/linux/bpf_common.h BPF_MAXINSNS, and struct bpf_insn's size: strace prints that
 * many instructions, then `...`; one more is read to tell the two apart. */
const BPF_MAXINSNS = 4096;
const BPF_INSN_SIZE = 8;

/** Commands by their name in bpf_commands (the others need nothing beyond their attribute). */
export const bpfAttrCommands: Readonly<Record<string, BpfAttrCommand>> = {
  BPF_PROG_LOAD: {
    pointers: [
      {
        field: "insns",
        offset: 8,
        count: { field: "insn_cnt", offset: 4 },
        elemSize: BPF_INSN_SIZE,
        max: (BPF_MAXINSNS + 1) * BPF_INSN_SIZE,
        when: "entry",
        verboseOnly: true,
      },
      { field: "license", offset: 16, max: "strsize", when: "entry" },
      {
        field: "log_buf",
        offset: 32,
        count: { field: "log_size", offset: 28 },
        max: "strsize",
        when: "entry",
      },
    ],
  },
  BPF_OBJ_PIN: { pointers: [{ field: "pathname", offset: 0, max: "path", when: "entry" }] },
  BPF_OBJ_GET: { pointers: [{ field: "pathname", offset: 0, max: "path", when: "entry" }] },
  // next_id, written back
  BPF_PROG_GET_NEXT_ID: { exitSize: 8 },
  BPF_MAP_GET_NEXT_ID: { exitSize: 8 },
  BPF_BTF_GET_NEXT_ID: { exitSize: 8 },
  BPF_LINK_GET_NEXT_ID: { exitSize: 8 },
  // info_len, written back; the info struct (as long as info_len says, at most a page) before
  // and after: strace prints map info by the fd's anon_inode name, even without -y
  BPF_OBJ_GET_INFO_BY_FD: {
    pointers: [
      { field: "info", offset: 8, count: { field: "info_len", offset: 4 }, max: PAGE, when: "both" },
    ],
    printerFd: { field: "bpf_fd", offset: 0 },
    exitSize: 16,
  },
  BPF_RAW_TRACEPOINT_OPEN: {
    pointers: [{ field: "name", offset: 0, max: "strsize", cap: 128, when: "entry" }],
  },
  // the ids the kernel stores at exit, as many as prog_cnt says then
  BPF_PROG_QUERY: {
    pointers: [
      {
        field: "prog_ids",
        offset: 16,
        count: { field: "prog_cnt", offset: 24 },
        elemSize: 4,
        max: ARRAY_MAX,
        when: "exit",
      },
    ],
    exitSize: 28,
  },
  BPF_TASK_FD_QUERY: {
    pointers: [
      // at exit; a failed call has no exit captures (strace reads it anyway): the caller's then
      { field: "buf", offset: 16, count: { field: "buf_len", offset: 12 }, max: "strsize", when: "both" },
    ],
    exitSize: 48,
  },
  // the batch commands print count again when the kernel changed it
  BPF_MAP_LOOKUP_BATCH: { exitSize: 36 },
  BPF_MAP_LOOKUP_AND_DELETE_BATCH: { exitSize: 36 },
  BPF_MAP_UPDATE_BATCH: { exitSize: 36 },
  BPF_MAP_DELETE_BATCH: { exitSize: 36 },
  // the union after flags, by attach type: BPF_TRACE_ITER's iter_info (u32 map fds, iter_info_len
  // of them), BPF_TRACE_KPROBE_MULTI's syms (cnt string pointers, each string followed), addrs
  // and cookies (u64s, cnt of them)
  BPF_LINK_CREATE: {
    pointers: [
      {
        field: "iter_info",
        offset: 16,
        count: { field: "iter_info_len", offset: 24 },
        elemSize: 4,
        max: ARRAY_MAX,
        when: "entry",
      },
      {
        field: "kprobe_multi.syms",
        offset: 24,
        count: { field: "kprobe_multi.cnt", offset: 20 },
        elemSize: 8,
        max: ARRAY_MAX,
        when: "entry",
        each: { ptrOffset: 0, max: "strsize" },
      },
      {
        field: "kprobe_multi.addrs",
        offset: 32,
        count: { field: "kprobe_multi.cnt", offset: 20 },
        elemSize: 8,
        max: ARRAY_MAX,
        when: "entry",
      },
      {
        field: "kprobe_multi.cookies",
        offset: 40,
        count: { field: "kprobe_multi.cnt", offset: 20 },
        elemSize: 8,
        max: ARRAY_MAX,
        when: "entry",
      },
    ],
  },
  BPF_BTF_LOAD: {
    pointers: [
      { field: "btf", offset: 0, count: { field: "btf_size", offset: 16 }, max: "strsize", when: "entry" },
    ],
  },
};
