/**
 * ioctl's value-chosen captures: for each request, what its third argument points at and when
 * the tracer reads it (core's capture plan, STRUCT_IF), grouped by the request families strace
 * 6.1 decodes. A request read at entry and at exit prints `{in} => {out}`. Struct names are
 * structs.ts's (x86_64's sizes from the kernel's BTF, data/struct-layouts.txt); the decoder's
 * printer for each is in decoder-wasm's decoders/ioctl-*.ts.
 */
import type { StructDef } from "../types.js";
import type { ValueCapture, ValueCaptureRow } from "./value-captures.js";

const intIn = (value: string): ValueCapture => ({ value, arg: 2, type: "int", dir: "in" });
const intOut = (value: string): ValueCapture => ({ value, arg: 2, type: "int", dir: "out" });
const inOf = (type: string, ...values: string[]): ValueCapture[] =>
  values.map((value) => ({ value, arg: 2, type, dir: "in" }));
const outOf = (type: string, ...values: string[]): ValueCapture[] =>
  values.map((value) => ({ value, arg: 2, type, dir: "out" }));
/** Read at entry (what the caller asks) and at exit (what the kernel answered). */
const inOut = (type: string, value: string, outType = type): ValueCapture[] => [
  { value, arg: 2, type, dir: "in" },
  { value, arg: 2, type: outType, dir: "out" },
];

/** Most bytes of HDIO_DRIVE_CMD's sector data read at exit: its string as far as -s 1024. */
export const HD_DRIVE_CMD_DATA_READ = 1024;

/** Most fiemap extents read at exit: strace prints an array up to -s (default 32) elements. */
export const FIEMAP_EXTENTS_READ = 32;

/** Most PERF_EVENT_IOC_QUERY_BPF program ids read at exit: what -s 1024 prints. */
export const PERF_QUERY_IDS_READ = 1024;

/** Bytes of an evdev bit mask read at exit: KEY_MAX (0x2ff) bits in longs, the widest mask strace prints. */
export const EVDEV_BITS_READ = 96;
/** Bytes of an evdev name, place or id string read at exit: what -s 1024 prints. */
export const EVDEV_STR_READ = 1024;
/** Most EVIOCGMTSLOTS values read at exit: what -s 1024 (or -v, which does not cut arrays) prints. */
export const EVDEV_MTSLOTS_READ = 1024;

/**
 * Most struct kvm_cpuid_entry2 read after a struct kvm_cpuid2: the kernel's KVM_MAX_CPUID_ENTRIES
 * (arch/x86/include/asm/kvm_host.h), since with -v strace prints every entry.
 */
export const KVM_CPUID_ENTRIES_READ = 256;

/**
 * Bytes of a device mapper request read (linux/dm-ioctl.h): struct dm_ioctl's header and the data
 * after it that data_size covers (target specs, name lists, strings); strace reads within data_size.
 */
export const DM_IOCTL_READ = 16384;

/**
 * Most elements read after a btrfs or file-range struct whose array strace prints whole with -v
 * (FIDEDUPERANGE's infos, BTRFS_IOC_SPACE_INFO's spaces): 1024.
 */
export const BTRFS_ARRAY_READ = 1024;
/** Bytes of BTRFS_IOC_TREE_SEARCH_V2's result buffer read at exit, after its 112-byte header. */
export const BTRFS_SEARCH_V2_BUF_READ = 16384;

/** strace 6.1 tee.c's TEE_IOC_SHM_REGISTER_FD: _IOWR(0xa4, 8, its 32-byte struct). */
const TEE_IOC_SHM_REGISTER_FD = (3 * 2 ** 30 + 32 * 2 ** 16 + 0xa4 * 256 + 8) >>> 0;

/** linux/if.h: IFNAMSIZ, an interface name's bytes with its NUL. */
const IFNAMSIZ = 16;

/** _IOC(dir, type, nr, 0) (asm-generic/ioctl.h): a request family's number before its size. */
const ioc = (dir: "read" | "write", type: string, nr: number): number =>
  ((dir === "read" ? 2 : 1) * 2 ** 30 + type.charCodeAt(0) * 256 + nr) >>> 0;
/** A family of requests that differ in their size and in `lowBits` low number bits: one capture. */
const family = (dir: "read" | "write", nr: number, lowBits: number, type: string): ValueCapture => ({
  value: ioc(dir, "E", nr),
  anyIocSize: true,
  ...(lowBits ? { lowBits } : {}),
  arg: 2,
  type,
  dir: dir === "read" ? "out" : "in",
});

/**
 * What some requests point at that is no one C struct (sizes alike on every architecture):
 * FS_IOC_*FLAGS' int of inode flags; struct fiemap (32 bytes) with the extents (56 bytes each)
 * the kernel wrote after it, read at exit.
 */
const pseudoStructs: readonly StructDef[] = [
  { name: "inode_flags", size: 4 },
  { name: "fiemap_extents", size: 32 + FIEMAP_EXTENTS_READ * 56 },
  // asm-generic/termbits.h's struct termios2 (a termios and two speeds) and struct termio.
  { name: "termios2", size: 44 },
  { name: "termio", size: 18 },
  // linux/random.h's struct rand_pool_info (two ints), then its bytes as far as -s 1024.
  { name: "rand_pool_info", size: 8 + 1024 },
  // HDIO_DRIVE_CMD's four header bytes, then (at exit) the sectors' data strace prints up to -s.
  { name: "hd_drive_cmd", size: 4 },
  { name: "hd_drive_cmd_data", size: 4 + HD_DRIVE_CMD_DATA_READ },
  // HDIO_DRIVE_RESET's and HDIO_SCAN_HWIF's three ints.
  { name: "int3", size: 12 },
  // HDIO_GET_NICE's and HDIO_GET_BUSSTATE's long.
  { name: "hdio_nice", size: 8 },
  { name: "hdio_busstate", size: 8 },
  // The identity blocks HDIO_OBSOLETE_IDENTITY and HDIO_GET_IDENTITY fill (strace's sizes).
  { name: "hd_identity_old", size: 142 },
  { name: "hd_identity", size: 512 },
  // The console (linux/kd.h): the font GIO_FONT/PIO_FONT move (8 wide, 32 high, 256 glyphs), as
  // far as -s 1024 prints it (and the byte after, which says more follows); the screen map; the
  // colour map's 16 RGB triples.
  { name: "kd_font", size: 1025 },
  { name: "kd_scrnmap", size: 256 },
  { name: "kd_cmap", size: 48 },
  // GIO_UNISCRNMAP/PIO_UNISCRNMAP's 256 unsigned shorts (E_TABSZ).
  { name: "kd_uniscrnmap", size: 512 },
  // A getter's halves, printed as one struct (`{asked, answered}`): what the caller names at entry
  // (kbentry's table and index, kbsentry's function key, kbkeycode's scancode and keycode), then
  // what the kernel wrote at exit. Each reads the whole struct (a partial read prints what it has).
  { name: "kbentry_key", size: 4 },
  { name: "kbentry_value", size: 4 },
  { name: "kbsentry_func", size: 1 },
  { name: "kbsentry_string", size: 513 },
  { name: "kbkeycode_get", size: 8 },
  { name: "kbkeycode_keycode", size: 8 },
  // kvm (linux/kvm.h): struct kvm_cpuid2's header, then its entries.
  { name: "kvm_cpuid2_entries", size: 8 + 40 * KVM_CPUID_ENTRIES_READ },
  // evdev (linux/input.h): EVIOC[GS]REP's two unsigned ints; EVIOC[GS]KEYCODE's scancode and key.
  { name: "evdev_rep", size: 8 },
  { name: "evdev_keycode", size: 8 },
  // A bit mask the kernel wrote (EVIOCGBIT, EVIOCGKEY, …): as far as the largest, KEY_MAX's bits.
  { name: "evdev_bits", size: EVDEV_BITS_READ },
  // EVIOCGNAME's, EVIOCGPHYS's, EVIOCGUNIQ's string (strace prints the bytes returned, up to -s).
  { name: "evdev_str", size: EVDEV_STR_READ },
  // EVIOCGMTSLOTS' code and its values (strace prints them up to -s elements).
  { name: "evdev_mtslots", size: 4 + 4 * EVDEV_MTSLOTS_READ },
  // ioctl-b: GPIO_GET_LINEINFO_UNWATCH_IOCTL's __u32 line offset; GPIO_V2_LINE_SET_VALUES_IOCTL's
  // struct gpio_v2_line_values (two __u64), printed as both fields where the GET prints one a side.
  { name: "gpio_line_offset", size: 4 },
  { name: "gpio_v2_line_values_set", size: 16 },
  // bpf area (perf): PERF_EVENT_IOC_QUERY_BPF's ids_len, and at exit its prog_cnt and the ids after them
  { name: "perf_query_bpf", size: 4 },
  { name: "perf_query_bpf_ids", size: 8 + 4 * PERF_QUERY_IDS_READ },
  // ioctl-b: SG_SCSI_RESET's int: a reset kind, maybe with SG_SCSI_RESET_NO_ESCALATE.
  { name: "sg_scsi_reset", size: 4 },
  // ioctlb: a bridge's name (SIOCBRADDBR/SIOCBRDELBR): linux/if.h's IFNAMSIZ bytes up to the NUL.
  { name: "ifr_name", size: IFNAMSIZ },
  // ioctlc: a device mapper request, its header and data (read in part before an unmapped page).
  { name: "dm_ioctl_data", size: DM_IOCTL_READ },
  // ioctlc: btrfs (linux/btrfs.h): a subvolume's flags (one __u64); the feature flags SET_FEATURES
  // gives (two struct btrfs_ioctl_feature_flags) and GET_SUPPORTED_FEATURES answers (three); the
  // search result after BTRFS_IOC_TREE_SEARCH_V2's header; SPACE_INFO's struct
  // btrfs_ioctl_space_info array (24 bytes each) after its 16-byte header.
  { name: "btrfs_subvol_flags", size: 8 },
  { name: "btrfs_features2", size: 48 },
  { name: "btrfs_features3", size: 72 },
  { name: "btrfs_search_args_v2_buf", size: 112 + BTRFS_SEARCH_V2_BUF_READ },
  { name: "btrfs_space_args_info", size: 16 + 24 * BTRFS_ARRAY_READ },
  // linux/fs.h: FIDEDUPERANGE's struct file_dedupe_range (24 bytes) and its infos (32 bytes each);
  // FS_IOC_GETFSLABEL's and FS_IOC_SETFSLABEL's label (FSLABEL_MAX bytes).
  { name: "file_dedupe_range_infos", size: 24 + 32 * BTRFS_ARRAY_READ },
  { name: "fslabel", size: 256 },
  // TEE (strace 6.1 tee.c): TEE_IOC_SHM_REGISTER_FD's struct, which no uapi header declares (a
  // __s64 fd, a __u64 size, a __u32 flags, a __s32 id, each padded to 8 bytes: 32 bytes).
  { name: "tee_shm_register_fd", size: 32 },
];

/**
 * A scalar behind the pointer, printed in brackets (`[…]`): its type name says how, as
 * `<format><bits>` or `<format><bits>:<table>`: u (unsigned), d (signed), x (hex), flags or xval (by name
 * from the constant table), xvald (by name, signed decimal when unknown: printxval_d). The decoder
 * reads the name; its size is bits / 8.
 */
type ScalarFormat = "u" | "d" | "x" | "flags" | "xval" | "xvald";
const scalar = (format: ScalarFormat, bits: 8 | 16 | 32 | 64, table?: string): string =>
  `${format}${bits}${table === undefined ? "" : `:${table}`}`;
/** `count` scalars in one bracket (`[1, 2]`: block's discard ranges), named `<format><bits>[<count>]`. */
const scalars = (format: "u" | "d" | "x", bits: 16 | 32 | 64, count: number): string =>
  `${format}${bits}[${count}]`;

/** ioctl(2): the request (argument 1) chooses what argument 2 points at. */
export const ioctlCaptures: ValueCaptureRow = {
  selector: 1,
  table: "ioctls",
  captures: [
    intOut("FIONREAD"),
    intIn("FIONBIO"),
    intIn("FIOASYNC"),
    intOut("TIOCGPGRP"),
    intIn("TIOCSPGRP"),
    intOut("TIOCGPTN"),
    intIn("TIOCSPTLCK"),
    { value: "TIOCGWINSZ", arg: 2, type: "winsize", dir: "out" },
    { value: "TIOCSWINSZ", arg: 2, type: "winsize", dir: "in" },
    { value: "TCGETS", arg: 2, type: "termios", dir: "out" },
    { value: "TCSETS", arg: 2, type: "termios", dir: "in" },
    { value: "TCSETSW", arg: 2, type: "termios", dir: "in" },
    { value: "TCSETSF", arg: 2, type: "termios", dir: "in" },
    // strace 6.1's nsfs, random, watchdog and lirc decoders: an int (or unsigned) behind the pointer.
    { value: "NS_GET_OWNER_UID", arg: 2, type: "uint", dir: "out" },
    intOut("RNDGETENTCNT"),
    intIn("RNDADDTOENTCNT"),
    intIn("WDIOC_SETTIMEOUT"),
    intIn("WDIOC_SETPRETIMEOUT"),
    intOut("WDIOC_GETTIMEOUT"),
    intOut("WDIOC_GETPRETIMEOUT"),
    intOut("WDIOC_GETTIMELEFT"),
    ...[
      "UBI_IOCDET",
      "UBI_IOCEBER",
      "UBI_IOCEBISMAP",
      "UBI_IOCEBUNMAP",
      "UBI_IOCRMVOL",
      "UBI_IOCRPEB",
      "UBI_IOCSPEB",
    ].map((value) => intIn(value)),
    ...[
      "LIRC_SET_REC_TIMEOUT",
      "LIRC_SET_WIDEBAND_RECEIVER",
      "LIRC_SET_MEASURE_CARRIER_MODE",
      "LIRC_SET_REC_TIMEOUT_REPORTS",
      "LIRC_SET_SEND_DUTY_CYCLE",
      "LIRC_SET_SEND_CARRIER",
      "LIRC_SET_REC_CARRIER",
      "LIRC_SET_REC_CARRIER_RANGE",
    ].map((value): ValueCapture => ({ value, arg: 2, type: "uint", dir: "in" })),
    // strace 6.1 file_ioctl.c and fs_x_ioctl.c: extents, trim ranges, inode flags, xattrs.
    ...inOut("fiemap", "FS_IOC_FIEMAP", "fiemap_extents"),
    ...inOf("fstrim_range", "FITRIM"),
    ...inOf("fsxattr", "FS_IOC_FSSETXATTR"),
    ...outOf("fsxattr", "FS_IOC_FSGETXATTR"),
    ...inOf("inode_flags", "FS_IOC_SETFLAGS", "FS_IOC32_SETFLAGS"),
    ...outOf("inode_flags", "FS_IOC_GETFLAGS", "FS_IOC32_GETFLAGS"),
    // strace 6.1 counter_ioctl.c.
    ...inOf("counter_watch", "COUNTER_ADD_WATCH_IOCTL"),
    // strace 6.1 hdio.c and its generated HDIO decoders.
    ...outOf("hd_geometry", "HDIO_GETGEO"),
    ...inOut("hd_drive_cmd", "HDIO_DRIVE_CMD", "hd_drive_cmd_data"),
    ...inOf("int3", "HDIO_DRIVE_RESET", "HDIO_SCAN_HWIF"),
    ...outOf(
      "kulong",
      "HDIO_GET_32BIT",
      "HDIO_GET_ACOUSTIC",
      "HDIO_GET_ADDRESS",
      "HDIO_GET_DMA",
      "HDIO_GET_KEEPSETTINGS",
      "HDIO_GET_MULTCOUNT",
      "HDIO_GET_NOWERR",
      "HDIO_GET_UNMASKINTR",
      "HDIO_GET_WCACHE",
    ),
    ...outOf("hdio_nice", "HDIO_GET_NICE"),
    ...outOf("hdio_busstate", "HDIO_GET_BUSSTATE"),
    ...outOf("hd_identity_old", "HDIO_OBSOLETE_IDENTITY"),
    ...outOf("hd_identity", "HDIO_GET_IDENTITY"),
    // strace 6.1 term_ioctl.c: termios2 (with the speeds), the locked termios, the old termio.
    ...inOf("termios2", "TCSETS2", "TCSETSW2", "TCSETSF2"),
    ...outOf("termios2", "TCGETS2"),
    ...inOf("termios", "TIOCSLCKTRMIOS"),
    ...outOf("termios", "TIOCGLCKTRMIOS"),
    ...inOf("termio", "TCSETA", "TCSETAW", "TCSETAF"),
    ...outOf("termio", "TCGETA"),
    // strace 6.1 term_ioctl.c: the modem lines.
    ...inOf(scalar("flags", 32, "modem_flags"), "TIOCMBIS", "TIOCMBIC", "TIOCMSET"),
    ...outOf(scalar("flags", 32, "modem_flags"), "TIOCMGET"),
    // strace 6.1 lirc.c.
    ...inOf(scalar("xval", 32, "lirc_modes"), "LIRC_SET_SEND_MODE", "LIRC_SET_REC_MODE"),
    ...outOf(scalar("xval", 32, "lirc_modes"), "LIRC_GET_SEND_MODE", "LIRC_GET_REC_MODE"),
    ...inOf(scalar("x", 32), "LIRC_SET_TRANSMITTER_MASK"),
    ...outOf(scalar("flags", 32, "lirc_features"), "LIRC_GET_FEATURES"),
    ...outOf(
      scalar("u", 32),
      "LIRC_GET_REC_RESOLUTION",
      "LIRC_GET_REC_TIMEOUT",
      "LIRC_GET_MIN_TIMEOUT",
      "LIRC_GET_MAX_TIMEOUT",
      "LIRC_GET_LENGTH",
    ),
    // strace 6.1 ubi.c: volumes made, resized, renamed; the number the kernel gives back.
    ...inOut("ubi_attach_req", "UBI_IOCATT", scalar("d", 32)),
    ...inOut("ubi_mkvol_req", "UBI_IOCMKVOL", scalar("d", 32)),
    ...inOf("ubi_rsvol_req", "UBI_IOCRSVOL"),
    ...inOf("ubi_rnvol_req", "UBI_IOCRNVOL"),
    ...inOf("ubi_leb_change_req", "UBI_IOCEBCH"),
    ...inOf("ubi_map_req", "UBI_IOCEBMAP"),
    ...inOf("ubi_set_vol_prop_req", "UBI_IOCSETVOLPROP"),
    ...inOf(scalar("d", 64), "UBI_IOCVOLUP"),
    // strace 6.1 loop.c: a loop device's status, old and 64-bit, and its configuration.
    ...inOf("loop_info", "LOOP_SET_STATUS"),
    ...outOf("loop_info", "LOOP_GET_STATUS"),
    ...inOf("loop_info64", "LOOP_SET_STATUS64"),
    ...outOf("loop_info64", "LOOP_GET_STATUS64"),
    ...inOf("loop_config", "LOOP_CONFIGURE"),
    // strace 6.1 random_ioctl.c: the entropy added, with its bytes.
    ...inOf("rand_pool_info", "RNDADDENTROPY"),
    // strace 6.1 perf_ioctl.c.
    ...inOf(scalar("u", 64), "PERF_EVENT_IOC_PERIOD"),
    ...outOf(scalar("u", 64), "PERF_EVENT_IOC_ID"),
    ...inOf("page_str", "PERF_EVENT_IOC_SET_FILTER"),
    ...inOut("perf_query_bpf", "PERF_EVENT_IOC_QUERY_BPF", "perf_query_bpf_ids"),
    ...inOf("perf_event_attr", "PERF_EVENT_IOC_MODIFY_ATTRIBUTES"),
    // strace 6.1 evdev.c (ioctl-a): input devices' version, id, keymap, repeat, effects.
    ...outOf(scalar("x", 32), "EVIOCGVERSION"),
    ...outOf(scalar("u", 32), "EVIOCGEFFECTS"),
    ...inOf(scalar("u", 32), "EVIOCSCLOCKID"),
    ...outOf("input_id", "EVIOCGID"),
    ...outOf("evdev_rep", "EVIOCGREP"),
    ...inOf("evdev_rep", "EVIOCSREP"),
    ...outOf("evdev_keycode", "EVIOCGKEYCODE"),
    ...inOf("evdev_keycode", "EVIOCSKEYCODE"),
    ...outOf("input_keymap_entry", "EVIOCGKEYCODE_V2"),
    ...inOf("input_keymap_entry", "EVIOCSKEYCODE_V2"),
    ...inOf("ff_effect", "EVIOCSFF"),
    // strace 6.1 kd_ioctl.c (ioctl-a): the console's leds, modes, keycodes, repeat rate, maps, font.
    ...outOf(scalar("flags", 8, "kd_led_flags"), "KDGETLED"),
    ...outOf(scalar("flags", 8, "kd_default_led_flags"), "KDGKBLED"),
    ...outOf(scalar("xval", 8, "kd_kbd_types"), "KDGKBTYPE"),
    ...outOf(scalar("xval", 32, "kd_modes"), "KDGETMODE"),
    ...outOf(scalar("xvald", 32, "kd_kbd_modes"), "KDGKBMODE"),
    ...outOf(scalar("xval", 32, "kd_meta_vals"), "KDGKBMETA"),
    ...inOf("kbkeycode", "KDSETKEYCODE"),
    ...inOut("kbkeycode_get", "KDGETKEYCODE", "kbkeycode_keycode"),
    ...inOut("kbentry_key", "KDGKBENT", "kbentry_value"),
    ...inOf("kbentry", "KDSKBENT"),
    ...inOut("kbsentry_func", "KDGKBSENT", "kbsentry_string"),
    ...inOf("kbsentry", "KDSKBSENT"),
    ...outOf("kbdiacrs", "KDGKBDIACR"),
    ...inOf("kbdiacrs", "KDSKBDIACR"),
    ...outOf("kbdiacrsuc", "KDGKBDIACRUC"),
    ...inOf("kbdiacrsuc", "KDSKBDIACRUC"),
    // The structs holding pointers (data/pointees.ts reads what they point at); a getter prints
    // `{asked => answered}` (unimapdesc, console_font_op) or `{asked} => {answered}` (consolefontdesc).
    ...inOut("unimapdesc", "GIO_UNIMAP"),
    ...inOf("unimapdesc", "PIO_UNIMAP"),
    ...inOut("consolefontdesc", "GIO_FONTX"),
    ...inOf("consolefontdesc", "PIO_FONTX"),
    ...inOut("console_font_op", "KDFONTOP"),
    ...outOf("kd_uniscrnmap", "GIO_UNISCRNMAP"),
    ...inOf("kd_uniscrnmap", "PIO_UNISCRNMAP"),
    ...inOut("kbd_repeat", "KDKBDREP"),
    ...inOf("unimapinit", "PIO_UNIMAPCLR"),
    ...inOf("kd_font", "PIO_FONT"),
    ...outOf("kd_font", "GIO_FONT"),
    ...inOf("kd_scrnmap", "PIO_SCRNMAP"),
    ...outOf("kd_scrnmap", "GIO_SCRNMAP"),
    ...inOf("kd_cmap", "PIO_CMAP"),
    ...outOf("kd_cmap", "GIO_CMAP"),
    // strace 6.1 v4l2.c (ioctl-a): the scalar arguments (the input's index, the video standard's
    // bits, the buffer type streaming starts or stops).
    ...outOf(scalar("u", 32), "VIDIOC_G_INPUT"),
    ...inOf(scalar("u", 32), "VIDIOC_S_INPUT"),
    ...outOf(scalar("x", 64), "VIDIOC_G_STD"),
    ...inOf(scalar("x", 64), "VIDIOC_S_STD"),
    ...inOf(scalar("xval", 32, "v4l2_buf_types"), "VIDIOC_STREAMON", "VIDIOC_STREAMOFF"),
    // v4l2: the structs of strace 6.1 v4l2.c. A request the kernel answers is read at entry (what
    // the caller asks) and at exit; QUERYCAP and G_FBUF only at exit; S_FBUF and CREATE_BUFS'
    // request only at entry (CREATE_BUFS' answer is its exit read too).
    ...outOf("v4l2_capability", "VIDIOC_QUERYCAP"),
    ...inOut("v4l2_fmtdesc", "VIDIOC_ENUM_FMT"),
    ...inOut("v4l2_format", "VIDIOC_G_FMT"),
    ...inOut("v4l2_format", "VIDIOC_S_FMT"),
    ...inOut("v4l2_format", "VIDIOC_TRY_FMT"),
    ...inOut("v4l2_requestbuffers", "VIDIOC_REQBUFS"),
    ...inOut("v4l2_buffer", "VIDIOC_QUERYBUF"),
    ...inOut("v4l2_buffer", "VIDIOC_QBUF"),
    ...inOut("v4l2_buffer", "VIDIOC_DQBUF"),
    ...outOf("v4l2_framebuffer", "VIDIOC_G_FBUF"),
    ...inOf("v4l2_framebuffer", "VIDIOC_S_FBUF"),
    ...inOut("v4l2_streamparm", "VIDIOC_G_PARM"),
    ...inOut("v4l2_streamparm", "VIDIOC_S_PARM"),
    ...inOut("v4l2_standard", "VIDIOC_ENUMSTD"),
    ...inOut("v4l2_input", "VIDIOC_ENUMINPUT"),
    ...inOut("v4l2_control", "VIDIOC_G_CTRL"),
    ...inOut("v4l2_control", "VIDIOC_S_CTRL"),
    ...inOut("v4l2_tuner", "VIDIOC_G_TUNER"),
    ...inOut("v4l2_tuner", "VIDIOC_S_TUNER"),
    ...inOut("v4l2_queryctrl", "VIDIOC_QUERYCTRL"),
    ...inOut("v4l2_query_ext_ctrl", "VIDIOC_QUERY_EXT_CTRL"),
    ...inOut("v4l2_cropcap", "VIDIOC_CROPCAP"),
    ...inOut("v4l2_crop", "VIDIOC_G_CROP"),
    ...inOf("v4l2_crop", "VIDIOC_S_CROP"),
    ...inOut("v4l2_ext_controls", "VIDIOC_S_EXT_CTRLS"),
    ...inOut("v4l2_ext_controls", "VIDIOC_TRY_EXT_CTRLS"),
    ...inOut("v4l2_ext_controls", "VIDIOC_G_EXT_CTRLS"),
    ...inOut("v4l2_frmsizeenum", "VIDIOC_ENUM_FRAMESIZES"),
    ...inOut("v4l2_frmivalenum", "VIDIOC_ENUM_FRAMEINTERVALS"),
    ...inOut("v4l2_create_buffers", "VIDIOC_CREATE_BUFS"),
    // strace 6.1 kvm.c (ioctl-a): guest memory, registers, CPUID tables.
    ...inOf("kvm_userspace_memory_region", "KVM_SET_USER_MEMORY_REGION"),
    ...inOf("kvm_regs", "KVM_SET_REGS"),
    ...outOf("kvm_regs", "KVM_GET_REGS"),
    ...inOf("kvm_sregs", "KVM_SET_SREGS"),
    ...outOf("kvm_sregs", "KVM_GET_SREGS"),
    ...inOf("kvm_cpuid2_entries", "KVM_SET_CPUID2"),
    ...outOf("kvm_cpuid2_entries", "KVM_GET_SUPPORTED_CPUID", "KVM_GET_EMULATED_CPUID"),
    // The families whose number carries a length (linux/input.h's EVIOCGNAME(len), …) or an index:
    // EVIOCGABS(abs)/EVIOCSABS(abs) with 6 bits of axis, EVIOCGBIT(ev, len) with 5 bits of event type.
    family("read", 0x06, 0, "evdev_str"),
    family("read", 0x07, 0, "evdev_str"),
    family("read", 0x08, 0, "evdev_str"),
    family("read", 0x09, 0, "evdev_bits"),
    family("read", 0x0a, 0, "evdev_mtslots"),
    family("read", 0x18, 0, "evdev_bits"),
    family("read", 0x19, 0, "evdev_bits"),
    family("read", 0x1a, 0, "evdev_bits"),
    family("read", 0x1b, 0, "evdev_bits"),
    family("read", 0x20, 5, "evdev_bits"),
    family("read", 0x40, 6, "input_absinfo"),
    family("write", 0xc0, 6, "input_absinfo"),
    // ioctl-b: strace 6.1 gpio_ioctl.c: chip and line info, v1 handle/event requests, v2 line requests.
    ...outOf("gpiochip_info", "GPIO_GET_CHIPINFO_IOCTL"),
    ...inOut("gpioline_info", "GPIO_GET_LINEINFO_IOCTL"),
    ...inOut("gpioline_info", "GPIO_GET_LINEINFO_WATCH_IOCTL"),
    ...inOf("gpio_line_offset", "GPIO_GET_LINEINFO_UNWATCH_IOCTL"),
    ...inOut("gpiohandle_request", "GPIO_GET_LINEHANDLE_IOCTL"),
    ...inOut("gpioevent_request", "GPIO_GET_LINEEVENT_IOCTL"),
    ...outOf("gpiohandle_data", "GPIOHANDLE_GET_LINE_VALUES_IOCTL"),
    ...inOf("gpiohandle_data", "GPIOHANDLE_SET_LINE_VALUES_IOCTL"),
    ...inOf("gpiohandle_config", "GPIOHANDLE_SET_CONFIG_IOCTL"),
    ...inOut("gpio_v2_line_info", "GPIO_V2_GET_LINEINFO_IOCTL"),
    ...inOut("gpio_v2_line_info", "GPIO_V2_GET_LINEINFO_WATCH_IOCTL"),
    ...inOut("gpio_v2_line_request", "GPIO_V2_GET_LINE_IOCTL"),
    ...inOut("gpio_v2_line_values", "GPIO_V2_LINE_GET_VALUES_IOCTL"),
    ...inOf("gpio_v2_line_values_set", "GPIO_V2_LINE_SET_VALUES_IOCTL"),
    ...inOf("gpio_v2_line_config", "GPIO_V2_LINE_SET_CONFIG_IOCTL"),
    // ioctl-b: strace 6.1 ptp.c. The sys-offset and pin getters open their struct at entry (what the
    // caller asks) and close it at exit with what the kernel filled in: one `{…}`, no ` => `.
    ...outOf("ptp_clock_caps", "PTP_CLOCK_GETCAPS", "PTP_CLOCK_GETCAPS2"),
    ...inOf("ptp_extts_request", "PTP_EXTTS_REQUEST", "PTP_EXTTS_REQUEST2"),
    ...inOf("ptp_perout_request", "PTP_PEROUT_REQUEST", "PTP_PEROUT_REQUEST2"),
    ...inOut("ptp_sys_offset", "PTP_SYS_OFFSET"),
    ...inOut("ptp_sys_offset", "PTP_SYS_OFFSET2"),
    ...inOut("ptp_sys_offset_extended", "PTP_SYS_OFFSET_EXTENDED"),
    ...inOut("ptp_sys_offset_extended", "PTP_SYS_OFFSET_EXTENDED2"),
    ...outOf("ptp_sys_offset_precise", "PTP_SYS_OFFSET_PRECISE", "PTP_SYS_OFFSET_PRECISE2"),
    ...inOut("ptp_pin_desc", "PTP_PIN_GETFUNC"),
    ...inOut("ptp_pin_desc", "PTP_PIN_GETFUNC2"),
    ...inOf("ptp_pin_desc", "PTP_PIN_SETFUNC", "PTP_PIN_SETFUNC2"),
    // ioctl-b: strace 6.1 rtc.c. RTC_PARAM_GET shows ` => ` at exit even when the call failed.
    ...inOf("rtc_time", "RTC_ALM_SET", "RTC_SET_TIME"),
    ...outOf("rtc_time", "RTC_ALM_READ", "RTC_RD_TIME"),
    ...inOf("rtc_wkalrm", "RTC_WKALM_SET"),
    ...outOf("rtc_wkalrm", "RTC_WKALM_RD"),
    ...inOf("rtc_pll_info", "RTC_PLL_SET"),
    ...outOf("rtc_pll_info", "RTC_PLL_GET"),
    ...outOf(scalar("u", 64), "RTC_IRQP_READ", "RTC_EPOCH_READ"),
    ...outOf(scalar("flags", 32, "rtc_vl_flags"), "RTC_VL_READ"),
    ...inOut("rtc_param", "RTC_PARAM_GET"),
    ...inOf("rtc_param", "RTC_PARAM_SET"),
    // ioctl-b: strace 6.1 mtd.c. MEMGETREGIONINFO opens its struct at entry and closes it at exit.
    ...inOf("erase_info_user", "MEMERASE", "MEMLOCK", "MEMUNLOCK", "MEMISLOCKED"),
    ...inOf("erase_info_user64", "MEMERASE64"),
    ...inOf("mtd_oob_buf", "MEMWRITEOOB", "MEMREADOOB"),
    ...inOf("mtd_oob_buf64", "MEMWRITEOOB64", "MEMREADOOB64"),
    ...inOf("mtd_write_req", "MEMWRITE"),
    ...inOf("otp_info", "OTPLOCK"),
    ...outOf("otp_info", "OTPGETREGIONINFO"),
    ...inOf(scalar("xval", 32, "mtd_otp_options"), "OTPSELECT"),
    ...inOf(scalar("u", 64), "MEMGETBADBLOCK", "MEMSETBADBLOCK"),
    ...outOf("mtd_info_user", "MEMGETINFO"),
    ...outOf("nand_oobinfo", "MEMGETOOBSEL"),
    ...outOf("nand_ecclayout_user", "ECCGETLAYOUT"),
    ...outOf("mtd_ecc_stats", "ECCGETSTATS"),
    ...outOf(scalar("u", 32), "OTPGETREGIONCOUNT"),
    ...outOf(scalar("d", 32), "MEMGETREGIONCOUNT"),
    ...inOut("region_info_user", "MEMGETREGIONINFO"),
    // ioctl-b: strace 6.1 userfaultfd.c: the API handshake, registering, copying and zeroing
    // ranges open their struct at entry and close it at exit with what the kernel wrote.
    ...inOut("uffdio_api", "UFFDIO_API"),
    ...inOut("uffdio_register", "UFFDIO_REGISTER"),
    ...inOut("uffdio_copy", "UFFDIO_COPY"),
    ...inOut("uffdio_zeropage", "UFFDIO_ZEROPAGE"),
    ...inOf("uffdio_range", "UFFDIO_UNREGISTER", "UFFDIO_WAKE"),
    // ioctl-b: strace 6.1 seccomp_ioctl.c: a notification received, the response, an fd added.
    ...inOut("seccomp_notif", "SECCOMP_IOCTL_NOTIF_RECV"),
    ...inOf("seccomp_notif_resp", "SECCOMP_IOCTL_NOTIF_SEND"),
    ...inOf("seccomp_notif_addfd", "SECCOMP_IOCTL_NOTIF_ADDFD"),
    ...inOf(scalar("x", 64), "SECCOMP_IOCTL_NOTIF_ID_VALID", "SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR"),
    // ioctl-b: strace 6.1 block.c: numbers the kernel returns (read at exit), numbers and ranges
    // the caller gives, a partition change, a trace setup (the name the kernel gave, at exit).
    ...outOf(scalar("u", 16), "BLKSECTGET", "BLKROTATIONAL"),
    ...outOf(scalar("d", 32), "BLKROGET", "BLKBSZGET", "BLKSSZGET", "BLKALIGNOFF"),
    ...inOf(scalar("d", 32), "BLKROSET", "BLKBSZSET"),
    ...outOf(scalar("u", 32), "BLKPBSZGET", "BLKIOMIN", "BLKIOOPT", "BLKDISCARDZEROES"),
    ...outOf(scalar("d", 64), "BLKRAGET", "BLKFRAGET"),
    ...outOf(scalar("u", 64), "BLKGETSIZE", "BLKGETSIZE64", "BLKGETDISKSEQ"),
    ...inOf(scalars("u", 64, 2), "BLKDISCARD", "BLKSECDISCARD", "BLKZEROOUT"),
    ...inOf("blkpg_ioctl_arg", "BLKPG"),
    ...inOut("blk_user_trace_setup", "BLKTRACESETUP"),
    // ioctl-b: strace 6.1 scsi.c: ints given and returned, a reset kind with its no-escalate flag.
    ...inOf(
      scalar("d", 32),
      "SG_NEXT_CMD_LEN",
      "SG_SET_COMMAND_Q",
      "SG_SET_DEBUG",
      "SG_SET_FORCE_LOW_DMA",
      "SG_SET_FORCE_PACK_ID",
      "SG_SET_KEEP_ORPHAN",
      "SG_SET_RESERVED_SIZE",
      "SG_SET_TIMEOUT",
    ),
    ...outOf(
      scalar("d", 32),
      "SG_EMULATED_HOST",
      "SG_GET_ACCESS_COUNT",
      "SG_GET_COMMAND_Q",
      "SG_GET_KEEP_ORPHAN",
      "SG_GET_LOW_DMA",
      "SG_GET_NUM_WAITING",
      "SG_GET_PACK_ID",
      "SG_GET_RESERVED_SIZE",
      "SG_GET_SG_TABLESIZE",
      "SG_GET_TRANSFORM",
      "SG_GET_VERSION_NUM",
    ),
    ...inOf("sg_scsi_reset", "SG_SCSI_RESET"),
    // ioctlb: strace 6.1 sock.c: socket ioctls. Ints given and returned; a bridge's name; a struct
    // ifreq given whole (SIOCS*), or its name (index for SIOCGIFNAME) given and the rest answered
    // (SIOCG*: one `{…}` opened at entry, closed at exit); SIOCGIFCONF's ifconf, whose ifreq array
    // (data/pointees.ts) is read at exit.
    ...inOf(scalar("d", 32), "FIOSETOWN", "SIOCSPGRP", "SIOCSIFENCAP"),
    ...outOf(scalar("d", 32), "FIOGETOWN", "SIOCGPGRP", "SIOCATMARK", "SIOCGIFENCAP", "SIOCOUTQNSD"),
    ...inOf("ifr_name", "SIOCBRADDBR", "SIOCBRDELBR"),
    ...inOf(
      "ifreq",
      "SIOCBRADDIF",
      "SIOCBRDELIF",
      "SIOCADDMULTI",
      "SIOCDELMULTI",
      "SIOCSIFADDR",
      "SIOCSIFBRDADDR",
      "SIOCSIFDSTADDR",
      "SIOCSIFFLAGS",
      "SIOCSIFHWADDR",
      "SIOCSIFHWBROADCAST",
      "SIOCSIFMAP",
      "SIOCSIFMETRIC",
      "SIOCSIFMTU",
      "SIOCSIFNAME",
      "SIOCSIFNETMASK",
      "SIOCSIFSLAVE",
      "SIOCSIFTXQLEN",
    ),
    ...[
      "SIOCGIFADDR",
      "SIOCGIFBRDADDR",
      "SIOCGIFDSTADDR",
      "SIOCGIFFLAGS",
      "SIOCGIFHWADDR",
      "SIOCGIFINDEX",
      "SIOCGIFMAP",
      "SIOCGIFMETRIC",
      "SIOCGIFMTU",
      "SIOCGIFNAME",
      "SIOCGIFNETMASK",
      "SIOCGIFSLAVE",
      "SIOCGIFTXQLEN",
    ].flatMap((value) => inOut("ifreq", value)),
    ...inOut("ifconf", "SIOCGIFCONF"),
    // ioctlc: strace 6.1 dm.c: every device mapper request, what the caller gives and, after a
    // call that worked, what the kernel answered.
    ...[
      "DM_VERSION",
      "DM_REMOVE_ALL",
      "DM_LIST_DEVICES",
      "DM_DEV_CREATE",
      "DM_DEV_REMOVE",
      "DM_DEV_RENAME",
      "DM_DEV_SUSPEND",
      "DM_DEV_STATUS",
      "DM_DEV_WAIT",
      "DM_TABLE_LOAD",
      "DM_TABLE_CLEAR",
      "DM_TABLE_DEPS",
      "DM_TABLE_STATUS",
      "DM_LIST_VERSIONS",
      "DM_TARGET_MSG",
      "DM_DEV_SET_GEOMETRY",
      "DM_DEV_ARM_POLL",
    ].flatMap((value) => inOut("dm_ioctl_data", value)),
    // ioctlc: strace 6.1 btrfs.c. What the caller gives (the volume, the balance, the search key)
    // and, for a request the kernel answers, what it wrote.
    ...inOf(
      "btrfs_ioctl_vol_args",
      "BTRFS_IOC_SNAP_CREATE",
      "BTRFS_IOC_RESIZE",
      "BTRFS_IOC_SCAN_DEV",
      "BTRFS_IOC_FORGET_DEV",
      "BTRFS_IOC_ADD_DEV",
      "BTRFS_IOC_RM_DEV",
      "BTRFS_IOC_SUBVOL_CREATE",
      "BTRFS_IOC_SNAP_DESTROY",
      "BTRFS_IOC_DEVICES_READY",
    ),
    ...inOut("btrfs_ioctl_vol_args_v2", "BTRFS_IOC_SNAP_CREATE_V2"),
    ...inOut("btrfs_ioctl_vol_args_v2", "BTRFS_IOC_SUBVOL_CREATE_V2"),
    ...inOf(scalar("u", 64), "BTRFS_IOC_DEFAULT_SUBVOL", "BTRFS_IOC_WAIT_SYNC"),
    ...outOf(scalar("u", 64), "BTRFS_IOC_START_SYNC"),
    ...outOf("btrfs_subvol_flags", "BTRFS_IOC_SUBVOL_GETFLAGS"),
    ...inOf("btrfs_subvol_flags", "BTRFS_IOC_SUBVOL_SETFLAGS"),
    ...inOut("btrfs_ioctl_balance_args", "BTRFS_IOC_BALANCE_V2"),
    ...outOf("btrfs_ioctl_balance_args", "BTRFS_IOC_BALANCE_PROGRESS"),
    ...inOf("btrfs_ioctl_defrag_range_args", "BTRFS_IOC_DEFRAG_RANGE"),
    ...inOut("btrfs_ioctl_dev_info_args", "BTRFS_IOC_DEV_INFO"),
    ...inOut("btrfs_ioctl_dev_replace_args", "BTRFS_IOC_DEV_REPLACE"),
    ...outOf("btrfs_ioctl_feature_flags", "BTRFS_IOC_GET_FEATURES"),
    ...inOf("btrfs_features2", "BTRFS_IOC_SET_FEATURES"),
    ...outOf("btrfs_features3", "BTRFS_IOC_GET_SUPPORTED_FEATURES"),
    ...outOf("btrfs_ioctl_fs_info_args", "BTRFS_IOC_FS_INFO"),
    ...inOut("btrfs_ioctl_get_dev_stats", "BTRFS_IOC_GET_DEV_STATS"),
    ...inOut("btrfs_ioctl_ino_lookup_args", "BTRFS_IOC_INO_LOOKUP"),
    ...inOut("btrfs_ioctl_ino_path_args", "BTRFS_IOC_INO_PATHS"),
    ...inOut("btrfs_ioctl_logical_ino_args", "BTRFS_IOC_LOGICAL_INO"),
    ...inOf("btrfs_ioctl_qgroup_assign_args", "BTRFS_IOC_QGROUP_ASSIGN"),
    ...inOf("btrfs_ioctl_qgroup_create_args", "BTRFS_IOC_QGROUP_CREATE"),
    ...outOf("btrfs_ioctl_qgroup_limit_args", "BTRFS_IOC_QGROUP_LIMIT"),
    ...inOf("btrfs_ioctl_quota_ctl_args", "BTRFS_IOC_QUOTA_CTL"),
    ...inOf("btrfs_ioctl_quota_rescan_args", "BTRFS_IOC_QUOTA_RESCAN"),
    ...outOf("btrfs_ioctl_quota_rescan_args", "BTRFS_IOC_QUOTA_RESCAN_STATUS"),
    ...inOut("btrfs_ioctl_received_subvol_args", "BTRFS_IOC_SET_RECEIVED_SUBVOL"),
    ...inOut("btrfs_ioctl_scrub_args", "BTRFS_IOC_SCRUB"),
    ...inOut("btrfs_ioctl_scrub_args", "BTRFS_IOC_SCRUB_PROGRESS"),
    ...inOut("btrfs_ioctl_search_key", "BTRFS_IOC_TREE_SEARCH", "btrfs_ioctl_search_args"),
    ...inOut("btrfs_ioctl_search_args_v2", "BTRFS_IOC_TREE_SEARCH_V2", "btrfs_search_args_v2_buf"),
    ...inOf("btrfs_ioctl_send_args", "BTRFS_IOC_SEND"),
    ...inOut("btrfs_ioctl_space_args", "BTRFS_IOC_SPACE_INFO", "btrfs_space_args_info"),
    // strace 6.1 fs_0x94_ioctl.c: the file range requests btrfs began, and the filesystem's label.
    ...inOf("file_clone_range", "FICLONERANGE"),
    ...inOut("file_dedupe_range_infos", "FIDEDUPERANGE"),
    ...outOf("fslabel", "FS_IOC_GETFSLABEL"),
    ...inOf("fslabel", "FS_IOC_SETFSLABEL"),
    // strace 6.1 tee.c: the buffer requests (their struct and parameters behind buf_ptr, data/pointees.ts),
    // the version, shared memory, sessions. TEE_IOC_SHM_REGISTER_FD, _IOWR(0xa4, 8, 32 bytes), is
    // named by no header.
    ...["TEE_IOC_OPEN_SESSION", "TEE_IOC_INVOKE", "TEE_IOC_SUPPL_RECV", "TEE_IOC_SUPPL_SEND"].flatMap(
      (value) => inOut("tee_ioctl_buf_data", value),
    ),
    ...outOf("tee_ioctl_version_data", "TEE_IOC_VERSION"),
    ...inOf("tee_ioctl_cancel_arg", "TEE_IOC_CANCEL"),
    ...inOf("tee_ioctl_close_session_arg", "TEE_IOC_CLOSE_SESSION"),
    ...inOut("tee_ioctl_shm_alloc_data", "TEE_IOC_SHM_ALLOC"),
    ...inOut("tee_ioctl_shm_register_data", "TEE_IOC_SHM_REGISTER"),
    ...(["in", "out"] as const).map(
      (dir): ValueCapture => ({ value: TEE_IOC_SHM_REGISTER_FD, arg: 2, type: "tee_shm_register_fd", dir }),
    ),
  ],
};

/**
 * The pseudo-structs above, and every bracketed scalar the captures name (see {@link scalar}),
 * with their sizes.
 */
export const ioctlPseudoStructs: readonly StructDef[] = [
  ...pseudoStructs,
  ...[...new Set(ioctlCaptures.captures.map((c) => c.type))]
    .map((name) => ({ name, m: /^(?:u|d|x|flags|xvald|xval)(8|16|32|64)(?:\[(\d+)\])?(?::|$)/.exec(name) }))
    .filter((s): s is { name: string; m: RegExpExecArray } => s.m !== null)
    .map(({ name, m }) => ({ name, size: (Number(m[1]) / 8) * Number(m[2] ?? 1) })),
];
