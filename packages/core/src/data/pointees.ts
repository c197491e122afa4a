/**
 * Pointers inside structs that decoders follow (CaptureKind.POINTEE): which field of which
 * struct, how many elements it points at, and which syscalls pass such a struct where. Hand
 * data checked against strace 6.1 (bpf_filter.c, clone.c); field offsets and sizes come from the
 * kernel's BTF layouts (src/layouts/), so only names are written here.
 */

/** One pointer field of a struct and what it points at. */
export interface PointerRule {
  /** The pointer field (a layout field name). */
  readonly field: string;
  /** The field holding the element count (a layout field name); absent: `max` bytes are read. */
  readonly count?: string;
  /** Bytes per element. */
  readonly elemSize: number;
  /** Most bytes read. */
  readonly max: number;
  /** Read at entry (the caller's data) or at exit (what the kernel wrote); default: the struct's. */
  readonly when?: "entry" | "exit";
  /**
   * The pointer and its count lie in a member struct or union, outermost first: each step's
   * `field` (of the struct before it) is laid out as struct `type`; the last one's fields are
   * what `field` and `count` above name.
   */
  readonly within?: readonly { readonly field: string; readonly type: string }[];
  /**
   * Each element (laid out as struct `type`) holds a pointer of its own, followed too
   * (CaptureKind.POINTEE_EACH): `field` the pointer, `count` its byte count, at most `max` bytes.
   */
  readonly each?: {
    readonly type: string;
    readonly field: string;
    readonly count: string;
    readonly max: number;
  };
}

/** include/uapi/linux/filter.h: BPF_MAXINSNS; struct sock_filter is 8 bytes. */
const BPF_MAXINSNS = 4096;
const SOCK_FILTER_SIZE = 8;
/** linux/blkpg.h: sizeof(struct blkpg_partition) (two long longs, an int, two char[64]). */
const BLKPG_PARTITION_SIZE = 152;

/** What strace's printstr reads of a string at most (get_pagesize()). */
const PAGE = 4096;

/** include/uapi/linux/kd.h: struct unipair is two u16; the console's fonts hold at most 512 glyphs. */
const UNIPAIR_SIZE = 4;
const MAX_FONT_GLYPHS = 512;

/** linux/videodev2.h: sizeof(struct v4l2_clip) and sizeof(struct v4l2_ext_control) (packed). */
const V4L2_CLIP_SIZE = 24;
const V4L2_EXT_CONTROL_SIZE = 20;

/** The pointers each struct's decoder follows, keyed by core's struct name. */
export const structPointers: Readonly<Record<string, readonly PointerRule[]>> = {
  // A classic BPF program: strace prints at most BPF_MAXINSNS instructions, then `...`; one more
  // is read to tell that apart from an unreadable one (`... /* addr */`).
  sock_fprog: [
    { field: "filter", count: "len", elemSize: SOCK_FILTER_SIZE, max: (BPF_MAXINSNS + 1) * SOCK_FILTER_SIZE },
  ],
  // clone3: the pids the caller asks for (at most 1024 read; the kernel takes 32), and the pidfd and
  // parent tid the kernel stores at exit (`=> {pidfd=[3], parent_tid=[1234]}`).
  clone_args: [
    { field: "set_tid", count: "set_tid_size", elemSize: 4, max: 4096, when: "entry" },
    { field: "pidfd", elemSize: 4, max: 4, when: "exit" },
    { field: "parent_tid", elemSize: 4, max: 4, when: "exit" },
  ],
  // ioctl-b: BLKPG's partition (linux/blkpg.h struct blkpg_partition, 152 bytes), whatever datalen says.
  blkpg_ioctl_arg: [{ field: "data", elemSize: 1, max: BLKPG_PARTITION_SIZE }],
  // ioctl-a: the console's (strace 6.1 kd_mpers_ioctl.c). GIO_UNIMAP/PIO_UNIMAP's unicode-to-font
  // pairs (entry_ct is a u16: all of them, since -v prints every one).
  unimapdesc: [{ field: "entries", count: "entry_ct", elemSize: UNIPAIR_SIZE, max: 0xffff * UNIPAIR_SIZE }],
  // GIO_FONTX/PIO_FONTX's glyphs: 32 bytes each, at most 512 of them (what strace prints of).
  consolefontdesc: [{ field: "chardata", count: "charcount", elemSize: 32, max: MAX_FONT_GLYPHS * 32 }],
  // KDFONTOP's glyphs (up to 32 pixels wide: 4 bytes a row, 32 rows, 512 glyphs) or, for
  // KD_FONT_OP_SET_DEFAULT, a font's name; how much of it is the font depends on the operation.
  console_font_op: [{ field: "data", elemSize: 1, max: MAX_FONT_GLYPHS * 4 * 32 }],
  // ptrace's PTRACE_GETREGSET/SETREGSET: the register set an iovec points at (strace 6.1 prints
  // x86_64's NT_PRSTATUS and NT_FPREGSET sets, at most struct user_i387_struct's 512 bytes).
  iovec: [{ field: "iov_base", count: "iov_len", elemSize: 1, max: 512 }],
  // uring: KEYCTL_DH_COMPUTE's KDF parameters (strace 6.1 keyctl.c): the hash's name (a string,
  // read as far as a page) and the other info, otherinfolen bytes (strace prints at most -s).
  keyctl_kdf_params: [
    { field: "hashname", elemSize: 1, max: PAGE },
    { field: "otherinfo", count: "otherinfolen", elemSize: 1, max: PAGE },
  ],
  // ioctlb: SIOCGIFCONF's struct ifreq array (40 bytes each) the kernel filled, as many bytes as
  // the ifc_len it answered, up to 1024 entries (what -s 1024 prints).
  ifconf: [{ field: "ifc_ifcu", count: "ifc_len", elemSize: 1, max: 1024 * 40, when: "exit" }],
  // v4l2 (strace 6.1 v4l2.c): an overlay window's clip rectangles (struct v4l2_clip, 24 bytes; at
  // most 1024 of them) in VIDIOC_S_FMT/TRY_FMT's format, read whatever the buffer type (the
  // decoder looks at them only for the overlay types); the controls of VIDIOC_*_EXT_CTRLS (struct
  // v4l2_ext_control, 20 bytes; at most 1024).
  v4l2_format: [
    {
      field: "clips",
      count: "clipcount",
      elemSize: V4L2_CLIP_SIZE,
      max: 1024 * V4L2_CLIP_SIZE,
      within: [{ field: "fmt", type: "v4l2_window" }],
    },
  ],
  // VIDIOC_CREATE_BUFS' format is a struct v4l2_format too.
  v4l2_create_buffers: [
    {
      field: "clips",
      count: "clipcount",
      elemSize: V4L2_CLIP_SIZE,
      max: 1024 * V4L2_CLIP_SIZE,
      within: [
        { field: "format", type: "v4l2_format" },
        { field: "fmt", type: "v4l2_window" },
      ],
    },
  ],
  v4l2_ext_controls: [
    {
      field: "controls",
      count: "count",
      elemSize: V4L2_EXT_CONTROL_SIZE,
      max: 1024 * V4L2_EXT_CONTROL_SIZE,
      // A string control's bytes (strace prints them up to -s; 1024 is -s's largest use here).
      each: { type: "v4l2_ext_control", field: "string", count: "size", max: 1024 },
    },
  ],
  // ioctlc: btrfs (strace 6.1 btrfs.c). A new subvolume's struct btrfs_qgroup_inherit (72 bytes,
  // then num_qgroups __u64 ids; at most 1024 read); BTRFS_IOC_SEND's clone sources (__u64 ids).
  btrfs_ioctl_vol_args_v2: [{ field: "qgroup_inherit", elemSize: 1, max: 72 + 8 * 1024, when: "entry" }],
  // ioctlc: a TEE buffer request's own struct and its parameters (strace 6.1 tee.c): buf_len
  // bytes, at most linux/tee.h's TEE_MAX_ARG_SIZE (1024; strace prints only the address past it).
  tee_ioctl_buf_data: [{ field: "buf_ptr", count: "buf_len", elemSize: 1, max: 1024 }],
  btrfs_ioctl_send_args: [
    { field: "clone_sources", count: "clone_sources_count", elemSize: 8, max: 8 * 1024, when: "entry" },
  ],
};

/**
 * A struct argument the kinds table does not describe as one (its shape depends on other
 * arguments): read its pointees when args[selector] is one of `values`.
 */
export interface PointeeArg {
  readonly arg: number;
  /** A struct name with {@link structPointers}. */
  readonly type: string;
  readonly selector: number;
  /** The constant table naming `values`. */
  readonly table: string;
  readonly values: readonly string[];
  readonly dir: "in" | "out";
}

/**
 * Per syscall, struct arguments known only by a selector's value. (Value captures,
 * data/value-captures.ts, and struct-kind arguments get their struct's pointees without a row.)
 */
export const pointeeArgs: Readonly<Record<string, readonly PointeeArg[]>> = {
  // strace 6.1 net.c: SOL_SOCKET's SO_ATTACH_FILTER and SO_ATTACH_REUSEPORT_CBPF take a sock_fprog
  // (the option name alone selects; another level's option of the same number reads harmlessly).
  setsockopt: [
    {
      arg: 3,
      type: "sock_fprog",
      selector: 2,
      table: "sockoptions",
      values: ["SO_ATTACH_FILTER", "SO_ATTACH_REUSEPORT_CBPF"],
      dir: "in",
    },
  ],
};
