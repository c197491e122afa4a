/**
 * bpf(2)'s union bpf_attr: what the decoder needs read beyond the attribute's own bytes (the
 * sized capture of data/extra-captures.ts). Per command: the strings and buffers its pointer
 * fields point at, the fds its fields hold (decorated under -y), and whether the attribute is
 * read again at exit (fields the kernel writes back, printed as `old => new`). Hand data checked
 * against strace 6.1 (bpf.c) and include/uapi/linux/bpf.h: union bpf_attr's members are
 * anonymous structs, so the kernel's BTF has no names to look their offsets up by; they are
 * spelled out here, and test/bpf-attr.test.ts checks each against the uapi header compiled
 * with offsetof.
 */

/** A pointer field of a command's attribute and how much of what it points at strace reads. */
export interface BpfAttrPointer {
  readonly field: string;
  readonly offset: number;
  /** The u32 field counting the bytes pointed at (log_size, btf_size, info_len); absent: none. */
  readonly count?: { readonly field: string; readonly offset: number };
  /**
   * Most bytes read: `strsize` (printstr: -s bytes and one more), `path` (printpath: PATH_MAX),
   * or a number (a struct the kernel fills, at most a page).
   */
  readonly max: "strsize" | "path" | number;
  /** Never more than this many, whatever -s says (RAW_TRACEPOINT_OPEN's name: 128). */
  readonly cap?: number;
  /** Read at entry (the caller's) or at exit (what the kernel wrote); both: both. */
  readonly when: "entry" | "exit" | "both";
}

/** An fd field (PRINT_FIELD_FD). */
export interface BpfAttrFd {
  readonly field: string;
  readonly offset: number;
}

/** One command's extra reads. */
export interface BpfAttrCommand {
  readonly pointers?: readonly BpfAttrPointer[];
  readonly fds?: readonly BpfAttrFd[];
  /** The attribute's first bytes read again at exit (the fields the kernel writes back). */
  readonly exitSize?: number;
  /** Whether an fd field's path is read even without -y (strace picks a printer by it). */
  readonly fdPathAlways?: boolean;
}

/** strace's get_pagesize(): the most of an info struct it reads. */
const PAGE = 4096;

/** Commands by their name in bpf_commands. */
export const bpfAttrCommands: Readonly<Record<string, BpfAttrCommand>> = {
  BPF_MAP_CREATE: {
    fds: [
      { field: "inner_map_fd", offset: 20 },
      { field: "btf_fd", offset: 48 },
    ],
  },
  BPF_MAP_LOOKUP_ELEM: { fds: [{ field: "map_fd", offset: 0 }] },
  BPF_MAP_UPDATE_ELEM: { fds: [{ field: "map_fd", offset: 0 }] },
  BPF_MAP_DELETE_ELEM: { fds: [{ field: "map_fd", offset: 0 }] },
  BPF_MAP_GET_NEXT_KEY: { fds: [{ field: "map_fd", offset: 0 }] },
  BPF_MAP_LOOKUP_AND_DELETE_ELEM: { fds: [{ field: "map_fd", offset: 0 }] },
  BPF_MAP_FREEZE: { fds: [{ field: "map_fd", offset: 0 }] },
  BPF_PROG_LOAD: {
    pointers: [
      { field: "license", offset: 16, max: "strsize", when: "entry" },
      {
        field: "log_buf",
        offset: 32,
        count: { field: "log_size", offset: 28 },
        max: "strsize",
        when: "entry",
      },
    ],
    fds: [
      { field: "prog_btf_fd", offset: 72 },
      { field: "attach_prog_fd", offset: 112 },
    ],
  },
  BPF_OBJ_PIN: {
    pointers: [{ field: "pathname", offset: 0, max: "path", when: "entry" }],
    fds: [{ field: "bpf_fd", offset: 8 }],
  },
  BPF_OBJ_GET: {
    pointers: [{ field: "pathname", offset: 0, max: "path", when: "entry" }],
    fds: [{ field: "bpf_fd", offset: 8 }],
  },
  BPF_PROG_ATTACH: {
    fds: [
      { field: "target_fd", offset: 0 },
      { field: "attach_bpf_fd", offset: 4 },
      { field: "replace_bpf_fd", offset: 16 },
    ],
  },
  BPF_PROG_DETACH: { fds: [{ field: "target_fd", offset: 0 }] },
  BPF_PROG_TEST_RUN: { fds: [{ field: "prog_fd", offset: 0 }] },
  // next_id, written back
  BPF_PROG_GET_NEXT_ID: { exitSize: 8 },
  BPF_MAP_GET_NEXT_ID: { exitSize: 8 },
  BPF_BTF_GET_NEXT_ID: { exitSize: 8 },
  BPF_LINK_GET_NEXT_ID: { exitSize: 8 },
  // info_len, written back; the info struct (as long as info_len says, at most a page) before
  // and after: strace prints map and prog info by the fd's anon_inode name, even without -y
  BPF_OBJ_GET_INFO_BY_FD: {
    pointers: [
      { field: "info", offset: 8, count: { field: "info_len", offset: 4 }, max: PAGE, when: "both" },
    ],
    fds: [{ field: "bpf_fd", offset: 0 }],
    exitSize: 16,
    fdPathAlways: true,
  },
  BPF_RAW_TRACEPOINT_OPEN: {
    pointers: [{ field: "name", offset: 0, max: "strsize", cap: 128, when: "entry" }],
    fds: [{ field: "prog_fd", offset: 8 }],
  },
  BPF_BTF_LOAD: {
    pointers: [
      { field: "btf", offset: 0, count: { field: "btf_size", offset: 16 }, max: "strsize", when: "entry" },
    ],
  },
};
