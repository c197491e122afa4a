/**
 * Scalar arguments whose printing depends on another argument's value: fcntl's third argument by
 * command (strace 6.1's fcntl.c), a socket's protocol by family and a socket option's name by
 * level (net.c). Hand data; values are looked up by name in the generated constant
 * tables. The decoder receives this table in the tables blob and keeps no list of its own; what a
 * request's argument points at (memory to read) is data/value-captures.ts.
 */
import type { ArgKind } from "../types.js";

/** One syscall's request-dependent argument. */
export interface RequestArgRow {
  /** The argument whose value chooses (fcntl's command). */
  readonly selector: number;
  /** The constant table naming the selector's values. */
  readonly table: string;
  /** The argument printed by the chosen kind. */
  readonly arg: number;
  /**
   * Selector value by name → how the argument prints; `null`: not printed at all. A value not
   * listed prints as the decoder's default for that syscall (fcntl: hex; socket options and
   * protocols: a plain int), as strace does.
   */
  readonly byValue: Readonly<Record<string, ArgKind | null>>;
}

const int: ArgKind = { k: "int" };
const flags = (table: string): ArgKind => ({ k: "flags", table });
const en = (table: string): ArgKind => ({ k: "enum", table });

/**
 * A socket option's name (argument 2) by its level (argument 1), as strace 6.1's
 * print_sockopt_fd_level_name: SOL_IP and SOL_IPV6 name some options only for one direction.
 */
const sockopt = (dir: "get" | "set"): RequestArgRow => ({
  selector: 1,
  table: "socketlayers",
  arg: 2,
  byValue: {
    SOL_SOCKET: en("sockoptions"),
    SOL_IP: en(`sock_ip_options_${dir}`),
    SOL_IPV6: en(`sock_ipv6_options_${dir}`),
    SOL_TCP: en("sock_tcp_options"),
    SOL_UDP: en("sock_udp_options"),
    SOL_RAW: en("sock_raw_options"),
    SOL_PACKET: en("sock_packet_options"),
    SOL_NETLINK: en("sock_netlink_options"),
  },
});

const ulong: ArgKind = { k: "ulong" };

/** Argument 1 is a process id or a process group id as argument 0 (`table`) says. */
const whoByWhich = (table: string, process: string, group: string): RequestArgRow => ({
  selector: 0,
  table,
  arg: 1,
  byValue: { [process]: { k: "pid", pidType: "tgid" }, [group]: { k: "pid", pidType: "pgid" } },
});

/** ioctl requests that take no argument: strace prints none (its family decoders' RVAL_IOCTL_DECODED). */
const IOCTL_NO_ARG = [
  "FIOCLEX",
  "FIONCLEX",
  "TIOCEXCL",
  "TIOCNXCL",
  "TIOCNOTTY",
  "TIOCCONS",
  "TIOCSBRK",
  "TIOCCBRK",
  "NS_GET_USERNS",
  "NS_GET_PARENT",
  "NS_GET_NSTYPE",
  "RNDZAPENTCNT",
  "RNDCLEARPOOL",
  "RNDRESEEDCRNG",
  "WDIOC_KEEPALIVE",
  "FIFREEZE",
  "FITHAW",
  "NBD_DISCONNECT",
  "NBD_CLEAR_SOCK",
  "NBD_DO_IT",
  "NBD_CLEAR_QUE",
  "NBD_PRINT_DEBUG",
  "LOOP_CLR_FD",
  "LOOP_SET_CAPACITY",
  "LOOP_CTL_GET_FREE",
  "BLKFLSBUF",
  "BLKRRPART",
  "BLKTRACESTART",
  "BLKTRACESTOP",
  "BLKTRACETEARDOWN",
  "COUNTER_ENABLE_EVENTS_IOCTL",
  "COUNTER_DISABLE_EVENTS_IOCTL",
  "RTC_AIE_OFF",
  "RTC_AIE_ON",
  "RTC_PIE_OFF",
  "RTC_PIE_ON",
  "RTC_UIE_OFF",
  "RTC_UIE_ON",
  "RTC_VL_CLR",
  "RTC_WIE_OFF",
  "RTC_WIE_ON",
  "SG_GET_TIMEOUT",
  "UBI_IOCVOLCRBLK",
  "UBI_IOCVOLRMBLK",
  // ioctlc: strace 6.1 btrfs.c's commands with no argument (DEFRAG and BALANCE name a vol_args
  // the kernel never reads).
  "BTRFS_IOC_TRANS_START",
  "BTRFS_IOC_TRANS_END",
  "BTRFS_IOC_SYNC",
  "BTRFS_IOC_SCRUB_CANCEL",
  "BTRFS_IOC_QUOTA_RESCAN_WAIT",
  "BTRFS_IOC_DEFRAG",
  "BTRFS_IOC_BALANCE",
];

/**
 * ioctl requests whose pointer strace's family decoders read: until tstrace decodes their structs
 * too, the pointer prints as strace prints one it cannot read (`NULL`, else the address), not as
 * the `%#lx` of a request strace has no decoder for.
 */
const IOCTL_POINTER = [
  "FS_IOC_GETVERSION",
  "FS_IOC_SETVERSION",
  "FS_IOC32_GETVERSION",
  "FS_IOC32_SETVERSION",
  "BLKGETSIZE",
  "BLKGETSIZE64",
  "BLKGETDISKSEQ",
  "BLKSSZGET",
  "BLKBSZGET",
  "BLKBSZSET",
  "BLKROGET",
  "BLKROSET",
  "BLKRAGET",
  "BLKFRAGET",
  "BLKSECTGET",
  "BLKSECTSET",
  "BLKPBSZGET",
  "BLKIOMIN",
  "BLKIOOPT",
  "BLKALIGNOFF",
  "BLKDISCARDZEROES",
  "BLKROTATIONAL",
  "BLKDISCARD",
  "BLKSECDISCARD",
  "BLKZEROOUT",
  "BLKPG",
  "BLKTRACESETUP",
  // ioctl-b: strace 6.1 scsi.c (SG_IO's struct is not decoded yet)
  "SG_SET_TIMEOUT",
  "SG_EMULATED_HOST",
  "SG_GET_TRANSFORM",
  "SG_GET_COMMAND_Q",
  "SG_SET_COMMAND_Q",
  "SG_GET_RESERVED_SIZE",
  "SG_SET_RESERVED_SIZE",
  "SG_GET_SCSI_ID",
  "SG_SET_FORCE_LOW_DMA",
  "SG_GET_LOW_DMA",
  "SG_SET_FORCE_PACK_ID",
  "SG_GET_PACK_ID",
  "SG_GET_NUM_WAITING",
  "SG_SET_DEBUG",
  "SG_GET_SG_TABLESIZE",
  "SG_GET_VERSION_NUM",
  "SG_NEXT_CMD_LEN",
  "SG_SCSI_RESET",
  "SG_IO",
  "SG_GET_REQUEST_TABLE",
  "SG_SET_KEEP_ORPHAN",
  "SG_GET_KEEP_ORPHAN",
  "SG_GET_ACCESS_COUNT",
  // ioctlb: the socket requests strace 6.1's sock.c names but prints only the address of.
  "SIOCADDDLCI",
  "SIOCADDRT",
  "SIOCBONDCHANGEACTIVE",
  "SIOCBONDENSLAVE",
  "SIOCBONDINFOQUERY",
  "SIOCBONDRELEASE",
  "SIOCBONDSETHWADDR",
  "SIOCBONDSLAVEINFOQUERY",
  "SIOCDARP",
  "SIOCDELDLCI",
  "SIOCDELRT",
  "SIOCDIFADDR",
  "SIOCDRARP",
  "SIOCETHTOOL",
  "SIOCGARP",
  "SIOCGHWTSTAMP",
  "SIOCGIFBR",
  "SIOCGIFCOUNT",
  "SIOCGIFMEM",
  "SIOCGIFPFLAGS",
  "SIOCGIFVLAN",
  "SIOCGMIIPHY",
  "SIOCGMIIREG",
  "SIOCGRARP",
  "SIOCGSKNS",
  "SIOCGSTAMP_OLD",
  "SIOCGSTAMP_NEW",
  "SIOCGSTAMPNS_OLD",
  "SIOCGSTAMPNS_NEW",
  "SIOCRTMSG",
  "SIOCSARP",
  "SIOCSHWTSTAMP",
  "SIOCSIFBR",
  "SIOCSIFLINK",
  "SIOCSIFMEM",
  "SIOCSIFPFLAGS",
  "SIOCSIFVLAN",
  "SIOCSMIIREG",
  "SIOCSRARP",
  "SIOCWANDEV",
];

/** HDIO requests whose argument is an unsigned long value (strace 6.1's generated HDIO decoders). */
const HDIO_SET_ULONG = [
  "HDIO_SET_32BIT",
  "HDIO_SET_ACOUSTIC",
  "HDIO_SET_ADDRESS",
  "HDIO_SET_DMA",
  "HDIO_SET_KEEPSETTINGS",
  "HDIO_SET_MULTCOUNT",
  "HDIO_SET_NOWERR",
  "HDIO_SET_PIO_MODE",
  "HDIO_SET_UNMASKINTR",
  "HDIO_SET_WCACHE",
  "HDIO_UNREGISTER_HWIF",
];

/** Request-dependent arguments keyed by decoder name (fcntl64 shares fcntl's, socketpair socket's). */
export const requestArgs: Readonly<Record<string, RequestArgRow>> = {
  // pidns: who is a process or a process group by which (strace's priority_print_who,
  // ioprio_print_who); other values print as a plain int.
  getpriority: whoByWhich("priorities", "PRIO_PROCESS", "PRIO_PGRP"),
  setpriority: whoByWhich("priorities", "PRIO_PROCESS", "PRIO_PGRP"),
  ioprio_get: whoByWhich("ioprio_who", "IOPRIO_WHO_PROCESS", "IOPRIO_WHO_PGRP"),
  ioprio_set: whoByWhich("ioprio_who", "IOPRIO_WHO_PROCESS", "IOPRIO_WHO_PGRP"),
  // pidns: waitid's id by its idtype (strace 6.1 wait.c): a process, a process group, a pidfd.
  waitid: {
    selector: 0,
    table: "waitid_types",
    arg: 1,
    byValue: {
      P_PID: { k: "pid", pidType: "tgid" },
      P_PGID: { k: "pid", pidType: "pgid" },
      P_PIDFD: { k: "fd" },
    },
  },
  // The protocol (argument 2) by the address family (argument 0).
  socket: {
    selector: 0,
    table: "addrfams",
    arg: 2,
    byValue: {
      AF_INET: en("inet_protocols"),
      AF_INET6: en("inet_protocols"),
      AF_NETLINK: en("netlink_protocols"),
    },
  },
  setsockopt: sockopt("set"),
  getsockopt: sockopt("get"),
  // ioctl's third argument when it is a value, not a pointer (strace's family decoders: inotify,
  // perf, loop, nbd); what a pointer points at is data/value-captures.ts. Unlisted requests print
  // the argument in hex.
  ioctl: {
    selector: 1,
    table: "ioctls",
    arg: 2,
    byValue: {
      ...Object.fromEntries(IOCTL_NO_ARG.map((n) => [n, null])),
      ...Object.fromEntries(IOCTL_POINTER.map((n) => [n, { k: "ptr" } as ArgKind])),
      INOTIFY_IOC_SETNEXTWD: int,
      PERF_EVENT_IOC_ENABLE: flags("perf_ioc_flags"),
      PERF_EVENT_IOC_DISABLE: flags("perf_ioc_flags"),
      PERF_EVENT_IOC_RESET: flags("perf_ioc_flags"),
      PERF_EVENT_IOC_REFRESH: int,
      PERF_EVENT_IOC_SET_OUTPUT: int,
      PERF_EVENT_IOC_SET_BPF: int,
      PERF_EVENT_IOC_PAUSE_OUTPUT: ulong,
      LOOP_SET_FD: int,
      LOOP_CHANGE_FD: int,
      LOOP_CTL_ADD: int,
      LOOP_CTL_REMOVE: int,
      LOOP_SET_DIRECT_IO: ulong,
      LOOP_SET_BLOCK_SIZE: ulong,
      // ioctl-b: block.c takes these as values, not pointers.
      BLKRASET: ulong,
      BLKFRASET: ulong,
      SG_SET_TRANSFORM: { k: "xint" },
      NBD_SET_SOCK: { k: "fd" },
      NBD_SET_BLKSIZE: ulong,
      NBD_SET_SIZE: ulong,
      NBD_SET_SIZE_BLOCKS: ulong,
      NBD_SET_TIMEOUT: ulong,
      // ioctl-b
      NBD_SET_FLAGS: flags("nbd_ioctl_flags"),
      MTDFILEMODE: en("mtd_file_mode_options"),
      RTC_EPOCH_SET: ulong,
      RTC_IRQP_SET: ulong,
      // strace 6.1 kd_ioctl.c (ioctl-a): requests with no argument, the console's mode and meta key.
      KDENABIO: null,
      KDDISABIO: null,
      KDMAPDISP: null,
      KDUNMAPDISP: null,
      PIO_FONTRESET: null,
      KDSETMODE: en("kd_modes"),
      KDSKBMETA: en("kd_meta_vals"),
      // strace 6.1 kvm.c (ioctl-a): the capability asked about, the new vCPU's id.
      KVM_CHECK_EXTENSION: en("kvm_cap"),
      KVM_CREATE_VCPU: { k: "uint" },
      // strace 6.1 evdev.c (ioctl-a): an effect id, and grab/revoke's flag.
      EVIOCRMFF: int,
      EVIOCGRAB: ulong,
      EVIOCREVOKE: ulong,
      ...Object.fromEntries(HDIO_SET_ULONG.map((n) => [n, ulong])),
      // ioctlc: strace 6.1 btrfs.c: pause or cancel a balance.
      BTRFS_IOC_BALANCE_CTL: en("btrfs_balance_ctl_cmds"),
    },
  },
  fcntl: {
    selector: 1,
    table: "fcntl_cmds",
    arg: 2,
    byValue: {
      F_SETFD: flags("fd_flags"),
      F_SETFL: flags("open_flags"),
      F_SETOWN: { k: "pid", pidType: "tgidPgid" },
      F_DUPFD: int,
      F_DUPFD_CLOEXEC: int,
      F_SETPIPE_SZ: int,
      F_SETLEASE: en("lock_types"),
      F_SETSIG: { k: "signo" },
      F_ADD_SEALS: flags("fcntl_seals"),
      F_NOTIFY: flags("dnotify_flags"),
      F_GETFD: null,
      F_GETFL: null,
      F_GETOWN: null,
      F_GETSIG: null,
      F_GETPIPE_SZ: null,
      F_GET_SEALS: null,
      F_GETLEASE: null,
    },
  },
};
