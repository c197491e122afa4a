// Struct printers (strace's print_struct_* family). x86_64 field offsets and sizes come from
// ../layouts (generated from the kernel's BTF through core); other architectures' few differing
// offsets are still literals here. Names and constants come from tables.

import { printSiginfo } from "../events";
import { jsonMode, SK_FLAGS, spanClose, spanOpen } from "../json/spans";
import {
  T_EPOLLEVENTS,
  T_FSMAGIC,
  T_MODETYPES,
  T_OPEN_FLAGS,
  T_POLLFLAGS,
  T_RESOLVE_FLAGS,
  T_SIGACT_FLAGS,
  T_SIGALTSTACK_FLAGS,
  T_STATFS_FLAGS,
  T_STATX_ATTRS,
  T_STATX_MASKS,
} from "../known";
import { T_MQ_ATTR_FLAGS, T_SIGEV_NOTIFY } from "../known-tail";
import {
  EPOLL_EVENT_DATA,
  OPEN_HOW_MODE,
  OPEN_HOW_RESOLVE,
  POLLFD_EVENTS,
  RUSAGE_RU_MAXRSS,
  RUSAGE_RU_STIME,
  SIGACTION_SA_FLAGS,
  SIGACTION_SA_MASK,
  SIGACTION_SA_RESTORER,
  SIZEOF_EPOLL_EVENT,
  SIZEOF_POLLFD,
  SIZEOF_RUSAGE,
  SIZEOF_SIGACTION,
  SIZEOF_STACK_T,
  SIZEOF_STAT,
  SIZEOF_STATFS,
  SIZEOF_STATX,
  SIZEOF_SYSINFO,
  SIZEOF_UTSNAME,
  STACK_T_SS_FLAGS,
  STACK_T_SS_SIZE,
  STAT_ST_ATIME,
  STAT_ST_BLKSIZE,
  STAT_ST_BLOCKS,
  STAT_ST_CTIME,
  STAT_ST_GID,
  STAT_ST_INO,
  STAT_ST_MODE,
  STAT_ST_MTIME,
  STAT_ST_NLINK,
  STAT_ST_RDEV,
  STAT_ST_SIZE,
  STAT_ST_UID,
  STATFS_F_BAVAIL,
  STATFS_F_BFREE,
  STATFS_F_BLOCKS,
  STATFS_F_BSIZE,
  STATFS_F_FFREE,
  STATFS_F_FILES,
  STATFS_F_FLAGS,
  STATFS_F_FRSIZE,
  STATFS_F_FSID,
  STATFS_F_NAMELEN,
  STATX_STX_ATIME,
  STATX_STX_ATTRIBUTES,
  STATX_STX_ATTRIBUTES_MASK,
  STATX_STX_BLKSIZE,
  STATX_STX_BLOCKS,
  STATX_STX_BTIME,
  STATX_STX_CTIME,
  STATX_STX_DEV_MAJOR,
  STATX_STX_DEV_MINOR,
  STATX_STX_DIO_MEM_ALIGN,
  STATX_STX_DIO_OFFSET_ALIGN,
  STATX_STX_GID,
  STATX_STX_INO,
  STATX_STX_MNT_ID,
  STATX_STX_MODE,
  STATX_STX_MTIME,
  STATX_STX_NLINK,
  STATX_STX_RDEV_MAJOR,
  STATX_STX_RDEV_MINOR,
  STATX_STX_SIZE,
  STATX_STX_UID,
  STATX_TIMESTAMP_TV_NSEC,
  SYSINFO_BUFFERRAM,
  SYSINFO_FREEHIGH,
  SYSINFO_FREERAM,
  SYSINFO_FREESWAP,
  SYSINFO_LOADS,
  SYSINFO_MEM_UNIT,
  SYSINFO_PROCS,
  SYSINFO_SHAREDRAM,
  SYSINFO_TOTALHIGH,
  SYSINFO_TOTALRAM,
  SYSINFO_TOTALSWAP,
  UTSNAME_DOMAINNAME,
  UTSNAME_MACHINE,
  UTSNAME_NODENAME,
  UTSNAME_RELEASE,
  UTSNAME_VERSION,
} from "../layouts";
import { tzMinutes, verbose, xlatStyle } from "../options";
import { outLen, putc, puts } from "../out";
import { AUDIT_ARCH_X86_64 } from "../record";
import { lookup, NO_REF, strEq } from "../tables";
import { printFdElem } from "./fd";
import { printClockT, putAddr, putHex, putI64, putOct, putU64 } from "./num";
import { printCString } from "./quote";
import { printSignal, printSigset } from "./signal";
import { FMT_HEX, FMT_OCT, restyle } from "./style";
import { printTermios } from "./termios";
import { printEnum, printFlags, putRef } from "./xlat";

export const S_UNKNOWN: u8 = 0;
export const S_STAT: u8 = 1;
export const S_STATFS: u8 = 2;
export const S_RLIMIT64: u8 = 3;
export const S_TIMESPEC: u8 = 4;
export const S_SIGACTION: u8 = 5;
export const S_SIGSET: u8 = 6;
export const S_TIMEVAL: u8 = 7;
export const S_INT: u8 = 8;
export const S_LOFF: u8 = 9;
export const S_FDPAIR: u8 = 10;
export const S_UTSNAME: u8 = 11;
export const S_SYSINFO: u8 = 12;
export const S_STATX: u8 = 13;
export const S_TIMESPEC2: u8 = 14;
export const S_EPOLL_EVENT: u8 = 15;
export const S_POLLFD: u8 = 16;
export const S_WSTATUS: u8 = 17;
export const S_STACK_T: u8 = 18;
export const S_U32: u8 = 19;
export const S_ITIMERVAL: u8 = 20;
export const S_ITIMERSPEC: u8 = 21;
export const S_RUSAGE: u8 = 23;
export const S_TMS: u8 = 24;
export const S_WINSIZE: u8 = 25;
export const S_TERMIOS: u8 = 26;
export const S_SIGINFO: u8 = 27;
// 140 on: the long-tail decoders' printers (a range of their own, as their decoder ids)
/** An unsigned int behind a pointer: `[4294967295]`. */
export const S_UINT: u8 = 140;
/** A gid_t array element (strace's printuid): `-1` or unsigned. */
export const S_GID: u8 = 141;
/** A kernel_ulong_t behind a pointer, in hex: `[0x7f0000000000]` (io_setup's context). */
export const S_KULONG: u8 = 142;
// 90-109: the long tail's second batch (times, thread areas, scheduling, timers, ...)
/** utimes' and futimesat's struct timeval[2], each with its time as a comment. */
export const S_TIMEVAL2: u8 = 90;
/** utime's struct utimbuf. */
export const S_UTIMBUF: u8 = 91;
/** struct timezone (gettimeofday, settimeofday). */
export const S_TIMEZONE: u8 = 92;
/** struct sigevent (timer_create, mq_notify). */
export const S_SIGEVENT: u8 = 93;
/** An unsigned long behind a pointer, in decimal (strace's printnum_ulong): `[24]`. */
export const S_ULONG: u8 = 94;
/** A pointer behind a pointer (strace's printnum_ptr): `[0x7f…]`, `[NULL]`. */
export const S_PTRVAL: u8 = 95;
/** struct mq_attr with its flags by name (mq_getsetattr). */
export const S_MQ_ATTR: u8 = 96;
/** struct mq_attr with its flags in hex, as mq_open's attr prints. */
export const S_MQ_ATTR_OPEN: u8 = 97;

/**
 * Every struct name this build prints (core's struct, array and value-capture types), with its
 * printer id; aliases share one. Data, so a test can list it (`implementedNames`) against core's.
 */
const STRUCT_NAMES: string[] = [
  "stat",
  "stat64",
  "statfs",
  "rlimit64",
  "rlimit",
  "timespec",
  "sigaction",
  "timeval",
  "int",
  "socklen",
  "loff",
  "fdpair",
  "utsname",
  "sysinfo",
  "statx",
  "timespec2",
  "epoll_event",
  "pollfd",
  "wstatus",
  "stack_t",
  "gid",
  "itimerval",
  "itimerspec",
  "rusage",
  "tms",
  "winsize",
  "termios",
  "siginfo",
  "uint",
  "kulong",
  "timeval2",
  "utimbuf",
  "timezone",
  "sigevent",
  "ulong",
  "ptrval",
  "mq_attr",
  "mq_attr_open",
];
const STRUCT_IDS: u8[] = [
  S_STAT,
  S_STAT,
  S_STATFS,
  S_RLIMIT64,
  S_RLIMIT64,
  S_TIMESPEC,
  S_SIGACTION,
  S_TIMEVAL,
  S_INT,
  S_INT,
  S_LOFF,
  S_FDPAIR,
  S_UTSNAME,
  S_SYSINFO,
  S_STATX,
  S_TIMESPEC2,
  S_EPOLL_EVENT,
  S_POLLFD,
  S_WSTATUS,
  S_STACK_T,
  S_GID,
  S_ITIMERVAL,
  S_ITIMERSPEC,
  S_RUSAGE,
  S_TMS,
  S_WINSIZE,
  S_TERMIOS,
  S_SIGINFO,
  S_UINT,
  S_KULONG,
  S_TIMEVAL2,
  S_UTIMBUF,
  S_TIMEZONE,
  S_SIGEVENT,
  S_ULONG,
  S_PTRVAL,
  S_MQ_ATTR,
  S_MQ_ATTR_OPEN,
];

/** Struct printer id for a core struct name. */
export function structIdByName(ref: u32): u8 {
  for (let i = 0; i < STRUCT_NAMES.length; i++) if (strEq(ref, STRUCT_NAMES[i])) return STRUCT_IDS[i];
  return S_UNKNOWN;
}

/** The names {@link structIdByName} knows, one per line (for implementedNames). */
export function putStructNames(): void {
  for (let i = 0; i < STRUCT_NAMES.length; i++) {
    puts(STRUCT_NAMES[i]);
    putc(0x0a);
  }
}

const S_IFMT: u64 = 0o170000;
const S_ISUID: u64 = 0o4000;
const S_ISGID: u64 = 0o2000;
const S_ISVTX: u64 = 0o1000;
const TMS_FIELDS: string[] = ["tms_utime", "tms_stime", "tms_cutime", "tms_cstime"];
const WINSIZE_FIELDS: string[] = ["ws_row", "ws_col", "ws_xpixel", "ws_ypixel"];
/** struct rusage's long fields after ru_utime and ru_stime, in order. */
const RUSAGE_LONGS: string[] = [
  "maxrss",
  "ixrss",
  "idrss",
  "isrss",
  "minflt",
  "majflt",
  "nswap",
  "inblock",
  "oublock",
  "msgsnd",
  "msgrcv",
  "nsignals",
  "nvcsw",
  "nivcsw",
];
// statx mask bits (include/uapi/linux/stat.h): which fields the kernel filled.
const STATX_TYPE: u32 = 0x1;
const STATX_MODE: u32 = 0x2;
const STATX_NLINK: u32 = 0x4;
const STATX_UID: u32 = 0x8;
const STATX_GID: u32 = 0x10;
const STATX_ATIME: u32 = 0x20;
const STATX_MTIME: u32 = 0x40;
const STATX_CTIME: u32 = 0x80;
const STATX_INO: u32 = 0x100;
const STATX_SIZE: u32 = 0x200;
const STATX_BLOCKS: u32 = 0x400;
const STATX_BTIME: u32 = 0x800;
const STATX_MNT_ID: u32 = 0x1000;
const STATX_DIOALIGN: u32 = 0x2000;

/** strace's PRINT_FIELD_ID: `-1` for (uid_t)-1, else unsigned. */
function putId(v: u32): void {
  if (v == 0xffffffff) puts("-1");
  else putU64(<u64>v);
}

/**
 * print_symbolic_mode_t: `S_IFDIR|S_ISVTX|0777` — the type by name, then the set-id and sticky bits
 * by name, then the permission bits as `%#03o`.
 */
export function printSymbolicMode(mode: u64): void {
  // JSON: a flag set (`S_IFREG|0644`: names ["S_IFREG"], the whole mode as its value).
  const s = jsonMode ? spanOpen() : 0;
  const start = outLen;
  printSymbolicModeAbbrev(mode);
  restyle(start, mode, FMT_OCT);
  if (jsonMode) spanClose(s, SK_FLAGS, mode, -1, 0, 0, 0, 0, 0);
}

function printSymbolicModeAbbrev(mode: u64): void {
  const typ = mode & S_IFMT;
  const ref = typ != 0 ? lookup(T_MODETYPES, typ) : NO_REF;
  // a type no S_IF* names: strace prints the whole mode in octal
  if (typ != 0 && ref == NO_REF) {
    putOct(mode, 3);
    return;
  }
  let rest = mode;
  if (ref != NO_REF) {
    putRef(ref);
    putc(0x7c);
    rest &= ~S_IFMT;
  }
  if (rest & S_ISUID) puts("S_ISUID|");
  if (rest & S_ISGID) puts("S_ISGID|");
  if (rest & S_ISVTX) puts("S_ISVTX|");
  putOct(rest & ~(S_ISUID | S_ISGID | S_ISVTX), 3);
}

/** strace's print_dev_t: `makedev(0x1, 0x3)`; -X raw `0x103`, verbose `0x103 /* makedev(0x1, 0x3) *\/`. */
export function putMakedev(dev: u64): void {
  const start = outLen;
  // glibc's major() and minor(): each an unsigned int.
  const major = ((dev >> 8) & 0xfff) | ((dev >> 32) & 0xfffff000);
  const minor = (dev & 0xff) | ((dev >> 12) & 0xffffff00);
  puts("makedev(");
  putHex(major);
  puts(", ");
  putHex(minor);
  putc(0x29);
  restyle(start, dev, FMT_HEX);
}

/** A char array field: the bytes before the NUL, quoted (`sysname="Linux"`). */
function putCharArray(p: usize, n: u32): void {
  let len: u32 = 0;
  while (len < n && load<u8>(p + <usize>len) != 0) len++;
  printCString(p, len, false, n);
}

/**
 * One of utimensat's times as strace's print_timespec_t_utime prints it: a bare `UTIME_NOW` /
 * `UTIME_OMIT`, else `{tv_sec=…, tv_nsec=…} /* 2023-11-14T22:13:20.500000000+0000 *\/`.
 */
function putUtimeTimespec(p: usize): void {
  const sec = load<i64>(p);
  const ns = load<i64>(p + 8);
  if (ns == 0x3fffffff || ns == 0x3ffffffe) {
    // -X raw shows the struct; verbose the struct and the name in a comment.
    if (xlatStyle != 0) {
      puts("{tv_sec=");
      putI64(sec);
      puts(", tv_nsec=");
      putU64(<u64>ns);
      putc(0x7d);
    }
    if (xlatStyle == 1) return;
    if (xlatStyle == 2) puts(" /* ");
    puts(ns == 0x3fffffff ? "UTIME_NOW" : "UTIME_OMIT");
    if (xlatStyle == 2) puts(" */");
    return;
  }
  puts("{tv_sec=");
  putI64(sec);
  puts(", tv_nsec=");
  putU64(<u64>ns);
  putc(0x7d);
  if (isoShown(sec, <u64>ns)) {
    puts(" /* ");
    putIsoTime(sec, <u32>ns);
    puts(" */");
  }
}

/** One of utimes' times: `{tv_sec=…, tv_usec=…} /* 2017-04-16T16:03:27.345678+0000 *\/`. */
function putUtimeTimeval(p: usize): void {
  const sec = load<i64>(p);
  const usec = load<u64>(p + 8);
  puts("{tv_sec=");
  putI64(sec);
  puts(", tv_usec=");
  putU64(usec);
  putc(0x7d);
  if (isoShown(sec, usec, 999999)) {
    puts(" /* ");
    putIsoTime(sec, <u32>usec, 6);
    puts(" */");
  }
}

// include/uapi/asm-generic/siginfo.h: how a sigevent notifies
const SIGEV_SIGNAL: u32 = 0;
const SIGEV_THREAD: u32 = 2;
const SIGEV_THREAD_ID: u32 = 4;

/**
 * strace's print_sigevent: the value when its pointer is set, the signal (by name only for the
 * notifications that send one), how it notifies, and the thread or function that notification
 * names. `wide`: 8-byte pointers (sigev_value and the union's members move with them).
 */
function printSigevent(p: usize, wide: bool): void {
  const w: usize = wide ? 8 : 4;
  const ptr = wide ? load<u64>(p) : <u64>load<u32>(p);
  const signo = load<u32>(p + w);
  const notify = load<u32>(p + w + 4);
  const un = p + w + 8;
  putc(0x7b);
  if (ptr != 0) {
    puts("sigev_value={sival_int=");
    putI64(<i64>load<i32>(p));
    puts(", sival_ptr=");
    putAddr(ptr);
    puts("}, ");
  }
  puts("sigev_signo=");
  if (notify == SIGEV_SIGNAL || notify == SIGEV_THREAD || notify == SIGEV_THREAD_ID) printSignal(<u64>signo);
  else putU64(<u64>signo);
  puts(", sigev_notify=");
  printEnum(T_SIGEV_NOTIFY, <u64>notify);
  if (notify == SIGEV_THREAD_ID) {
    puts(", sigev_notify_thread_id=");
    putI64(<i64>load<i32>(un));
  } else if (notify == SIGEV_THREAD) {
    puts(", sigev_notify_function=");
    putAddr(wide ? load<u64>(un) : <u64>load<u32>(un));
    puts(", sigev_notify_attributes=");
    putAddr(wide ? load<u64>(un + w) : <u64>load<u32>(un + w));
  }
  putc(0x7d);
}

/** A time_t in decimal with its date as a comment (strace's sprinttime; none for 0). */
function putTimeWithComment(sec: i64): void {
  putI64(sec);
  if (isoShown(sec, 0)) {
    puts(" /* ");
    putIsoTime(sec, 0);
    puts(" */");
  }
}

/** The wait status macros: `[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]` without the brackets. */
export function printWaitStatus(st: u32): void {
  putc(0x7b);
  const sig = st & 0x7f;
  if ((st & 0xff) == 0x7f) {
    puts("WIFSTOPPED(s) && WSTOPSIG(s) == ");
    printSignal(<u64>((st >> 8) & 0xff));
    const ev = st >> 16;
    if (ev != 0) {
      puts(" && (s >> 16) == ");
      putU64(<u64>ev);
    }
  } else if (st == 0xffff) {
    puts("WIFCONTINUED(s)");
  } else if (sig == 0) {
    puts("WIFEXITED(s) && WEXITSTATUS(s) == ");
    putU64(<u64>((st >> 8) & 0xff));
  } else {
    puts("WIFSIGNALED(s) && WTERMSIG(s) == ");
    printSignal(<u64>sig);
    if ((st & 0x80) != 0) puts(" && WCOREDUMP(s)");
  }
  putc(0x7d);
}

/**
 * `{flags=…, mode=…, resolve=…` of a struct open_how, without the closing brace: openat2 may
 * print the bytes past it first.
 */
export function printOpenHowFields(p: usize): void {
  const flags = load<u64>(p);
  const mode = load<u64>(p + OPEN_HOW_MODE);
  puts("{flags=");
  printFlags(T_OPEN_FLAGS, flags);
  // strace shows the mode when the flags can create a file or the caller set one anyway.
  if ((flags & (0o100 | 0o20000000)) != 0 || mode != 0) {
    puts(", mode=");
    putOct(mode, 3);
  }
  puts(", resolve=");
  printFlags(T_RESOLVE_FLAGS, load<u64>(p + OPEN_HOW_RESOLVE));
}

/** Prints struct `id` from `len` captured bytes at p; false (nothing printed) when too short. */
export function printStruct(id: u8, p: usize, len: u32, arch: u32): bool {
  const x86 = arch == AUDIT_ARCH_X86_64 || arch == 0;
  switch (id) {
    case S_SIGINFO: {
      if (len < 128) return false;
      printSiginfo(p);
      return true;
    }
    case S_INT: {
      if (len < 4) return false;
      putc(0x5b);
      putI64(<i64>load<i32>(p));
      putc(0x5d);
      return true;
    }
    case S_UINT: {
      if (len < 4) return false;
      putc(0x5b);
      putU64(<u64>load<u32>(p));
      putc(0x5d);
      return true;
    }
    case S_GID: {
      if (len < 4) return false;
      const g = load<u32>(p);
      if (g == 0xffffffff) puts("-1");
      else putU64(<u64>g);
      return true;
    }
    case S_KULONG: {
      if (len < 8) return false;
      putc(0x5b);
      putHex(load<u64>(p));
      putc(0x5d);
      return true;
    }
    case S_U32: {
      if (len < 4) return false;
      putU64(<u64>load<u32>(p));
      return true;
    }
    case S_WSTATUS: {
      if (len < 4) return false;
      putc(0x5b);
      printWaitStatus(load<u32>(p));
      putc(0x5d);
      return true;
    }
    case S_LOFF: {
      if (len < 8) return false;
      putc(0x5b);
      putI64(load<i64>(p));
      putc(0x5d);
      return true;
    }
    case S_FDPAIR: {
      if (len < 8) return false;
      putc(0x5b);
      printFdElem(load<i32>(p));
      puts(", ");
      printFdElem(load<i32>(p + 4));
      putc(0x5d);
      return true;
    }
    case S_UTSNAME: {
      if (len < SIZEOF_UTSNAME) return false;
      puts("{sysname=");
      putCharArray(p, 65);
      puts(", nodename=");
      putCharArray(p + UTSNAME_NODENAME, 65);
      if (!verbose) {
        puts(", ...}");
        return true;
      }
      puts(", release=");
      putCharArray(p + UTSNAME_RELEASE, 65);
      puts(", version=");
      putCharArray(p + UTSNAME_VERSION, 65);
      puts(", machine=");
      putCharArray(p + UTSNAME_MACHINE, 65);
      puts(", domainname=");
      putCharArray(p + UTSNAME_DOMAINNAME, 65);
      putc(0x7d);
      return true;
    }
    case S_TMS: {
      // four clock_t: longs, so 8 bytes each on 64-bit ABIs and 4 on 32-bit ones.
      const w: u32 = len >= 32 ? 8 : 4;
      if (len < 4 * w) return false;
      for (let i: u32 = 0; i < 4; i++) {
        puts(i == 0 ? "{" : ", ");
        puts(TMS_FIELDS[i]);
        putc(0x3d);
        const q = p + <usize>(i * w);
        printClockT(w == 8 ? load<i64>(q) : <i64>load<i32>(q));
      }
      putc(0x7d);
      return true;
    }
    case S_TERMIOS:
      return printTermios(p, len);
    case S_WINSIZE: {
      if (len < 8) return false;
      for (let i: u32 = 0; i < 4; i++) {
        puts(i == 0 ? "{" : ", ");
        puts(WINSIZE_FIELDS[i]);
        putc(0x3d);
        putU64(<u64>load<u16>(p + <usize>(i * 2)));
      }
      putc(0x7d);
      return true;
    }
    case S_RUSAGE: {
      // x86_64 struct rusage: two timevals, then 14 longs; -v prints the longs too.
      if (!x86 || len < SIZEOF_RUSAGE) return false;
      puts("{ru_utime=");
      printStruct(S_TIMEVAL, p, 16, arch);
      puts(", ru_stime=");
      printStruct(S_TIMEVAL, p + RUSAGE_RU_STIME, 16, arch);
      if (!verbose) {
        puts(", ...}");
        return true;
      }
      for (let i: u32 = 0; i < 14; i++) {
        puts(", ru_");
        puts(RUSAGE_LONGS[i]);
        putc(0x3d);
        // strace's printrusage prints the longs with %lu.
        putU64(load<u64>(p + RUSAGE_RU_MAXRSS + <usize>i * 8));
      }
      putc(0x7d);
      return true;
    }
    case S_SYSINFO: {
      if (!x86 || len < SIZEOF_SYSINFO) return false;
      puts("{uptime=");
      putI64(load<i64>(p));
      puts(", loads=[");
      putU64(load<u64>(p + SYSINFO_LOADS));
      puts(", ");
      putU64(load<u64>(p + SYSINFO_LOADS + 8));
      puts(", ");
      putU64(load<u64>(p + SYSINFO_LOADS + 16));
      puts("], totalram=");
      putU64(load<u64>(p + SYSINFO_TOTALRAM));
      puts(", freeram=");
      putU64(load<u64>(p + SYSINFO_FREERAM));
      puts(", sharedram=");
      putU64(load<u64>(p + SYSINFO_SHAREDRAM));
      puts(", bufferram=");
      putU64(load<u64>(p + SYSINFO_BUFFERRAM));
      puts(", totalswap=");
      putU64(load<u64>(p + SYSINFO_TOTALSWAP));
      puts(", freeswap=");
      putU64(load<u64>(p + SYSINFO_FREESWAP));
      puts(", procs=");
      putU64(<u64>load<u16>(p + SYSINFO_PROCS));
      puts(", totalhigh=");
      putU64(load<u64>(p + SYSINFO_TOTALHIGH));
      puts(", freehigh=");
      putU64(load<u64>(p + SYSINFO_FREEHIGH));
      puts(", mem_unit=");
      putU64(<u64>load<u32>(p + SYSINFO_MEM_UNIT));
      putc(0x7d);
      return true;
    }
    case S_STATX: {
      // strace's print_statx: a field the kernel did not fill (its stx_mask bit clear) is left
      // out; -v adds the rest in struct order.
      if (len < SIZEOF_STATX) return false;
      const mask = load<u32>(p);
      puts("{stx_mask=");
      printFlags(T_STATX_MASKS, <u64>mask);
      if (verbose) {
        puts(", stx_blksize=");
        putU64(<u64>load<u32>(p + STATX_STX_BLKSIZE));
      }
      puts(", stx_attributes=");
      printFlags(T_STATX_ATTRS, load<u64>(p + STATX_STX_ATTRIBUTES));
      if (verbose) {
        if ((mask & STATX_NLINK) != 0) {
          puts(", stx_nlink=");
          putU64(<u64>load<u32>(p + STATX_STX_NLINK));
        }
        if ((mask & STATX_UID) != 0) {
          puts(", stx_uid=");
          putId(load<u32>(p + STATX_STX_UID));
        }
        if ((mask & STATX_GID) != 0) {
          puts(", stx_gid=");
          putId(load<u32>(p + STATX_STX_GID));
        }
      }
      if ((mask & (STATX_TYPE | STATX_MODE)) != 0) {
        puts(", stx_mode=");
        printSymbolicMode(<u64>load<u16>(p + STATX_STX_MODE));
      }
      if (verbose && (mask & STATX_INO) != 0) {
        puts(", stx_ino=");
        putU64(load<u64>(p + STATX_STX_INO));
      }
      if ((mask & STATX_SIZE) != 0) {
        puts(", stx_size=");
        putU64(load<u64>(p + STATX_STX_SIZE));
      }
      if (!verbose) {
        puts(", ...}");
        return true;
      }
      if ((mask & STATX_BLOCKS) != 0) {
        puts(", stx_blocks=");
        putU64(load<u64>(p + STATX_STX_BLOCKS));
      }
      puts(", stx_attributes_mask=");
      printFlags(T_STATX_ATTRS, load<u64>(p + STATX_STX_ATTRIBUTES_MASK));
      if ((mask & STATX_ATIME) != 0) putStatxTime("stx_atime", p + STATX_STX_ATIME);
      if ((mask & STATX_BTIME) != 0) putStatxTime("stx_btime", p + STATX_STX_BTIME);
      if ((mask & STATX_CTIME) != 0) putStatxTime("stx_ctime", p + STATX_STX_CTIME);
      if ((mask & STATX_MTIME) != 0) putStatxTime("stx_mtime", p + STATX_STX_MTIME);
      puts(", stx_rdev_major=");
      putU64(<u64>load<u32>(p + STATX_STX_RDEV_MAJOR));
      puts(", stx_rdev_minor=");
      putU64(<u64>load<u32>(p + STATX_STX_RDEV_MINOR));
      puts(", stx_dev_major=");
      putU64(<u64>load<u32>(p + STATX_STX_DEV_MAJOR));
      puts(", stx_dev_minor=");
      putU64(<u64>load<u32>(p + STATX_STX_DEV_MINOR));
      if ((mask & STATX_MNT_ID) != 0) {
        puts(", stx_mnt_id=");
        putHex(load<u64>(p + STATX_STX_MNT_ID));
      }
      if ((mask & STATX_DIOALIGN) != 0) {
        puts(", stx_dio_mem_align=");
        putU64(<u64>load<u32>(p + STATX_STX_DIO_MEM_ALIGN));
        puts(", stx_dio_offset_align=");
        putU64(<u64>load<u32>(p + STATX_STX_DIO_OFFSET_ALIGN));
      }
      putc(0x7d);
      return true;
    }
    case S_TIMEVAL2: {
      if (len < 32) return false;
      putc(0x5b);
      putUtimeTimeval(p);
      puts(", ");
      putUtimeTimeval(p + 16);
      putc(0x5d);
      return true;
    }
    case S_UTIMBUF: {
      if (len < 16) return false;
      puts("{actime=");
      putTimeWithComment(load<i64>(p));
      puts(", modtime=");
      putTimeWithComment(load<i64>(p + 8));
      putc(0x7d);
      return true;
    }
    case S_TIMEZONE: {
      if (len < 8) return false;
      puts("{tz_minuteswest=");
      putI64(<i64>load<i32>(p));
      puts(", tz_dsttime=");
      putI64(<i64>load<i32>(p + 4));
      putc(0x7d);
      return true;
    }
    case S_ULONG:
    case S_PTRVAL: {
      // the tracee's word: 8 bytes, or 4 on a 32-bit ABI (the pseudo-struct's size there)
      if (len < 4) return false;
      const v: u64 = len >= 8 ? load<u64>(p) : <u64>load<u32>(p);
      putc(0x5b);
      if (id == S_ULONG) putU64(v);
      else putAddr(v);
      putc(0x5d);
      return true;
    }
    case S_MQ_ATTR:
    case S_MQ_ATTR_OPEN: {
      // four longs (then reserved ones): the tracee's word size
      const w: u32 = (arch & 0x80000000) != 0 || arch == 0 ? 8 : 4;
      if (len < 4 * w) return false;
      const flags: u64 = w == 8 ? load<u64>(p) : <u64>load<u32>(p);
      puts("{mq_flags=");
      if (id == S_MQ_ATTR) printFlags(T_MQ_ATTR_FLAGS, flags);
      else putHex(flags);
      const names: string[] = ["mq_maxmsg", "mq_msgsize", "mq_curmsgs"];
      for (let i: u32 = 1; i < 4; i++) {
        puts(", ");
        puts(names[i - 1]);
        putc(0x3d);
        putI64(w == 8 ? load<i64>(p + <usize>(i * w)) : <i64>load<i32>(p + <usize>(i * w)));
      }
      putc(0x7d);
      return true;
    }
    case S_SIGEVENT: {
      const wide = (arch & 0x80000000) != 0 || arch == 0;
      const need: u32 = wide ? 32 : 20;
      if (len < need) return false;
      printSigevent(p, wide);
      return true;
    }
    case S_TIMESPEC2: {
      if (len < 32) return false;
      putc(0x5b);
      putUtimeTimespec(p);
      puts(", ");
      putUtimeTimespec(p + 16);
      putc(0x5d);
      return true;
    }
    case S_EPOLL_EVENT: {
      const size: u32 = x86 ? SIZEOF_EPOLL_EVENT : 16;
      if (len < size) return false;
      const data = load<u64>(p + (x86 ? <usize>EPOLL_EVENT_DATA : 8));
      puts("{events=");
      printFlags(T_EPOLLEVENTS, <u64>load<u32>(p));
      puts(", data={u32=");
      putU64(data & 0xffffffff);
      puts(", u64=");
      putU64(data);
      puts("}}");
      return true;
    }
    case S_POLLFD: {
      if (len < SIZEOF_POLLFD) return false;
      // strace's print_pollfd: a negative fd (an entry poll skips) shows no events
      const fd = load<i32>(p);
      puts("{fd=");
      printFdElem(fd);
      if (fd >= 0) {
        puts(", events=");
        printFlags(T_POLLFLAGS, <u64>load<u16>(p + POLLFD_EVENTS));
      }
      putc(0x7d);
      return true;
    }
    case S_ITIMERVAL:
    case S_ITIMERSPEC: {
      // Two timevals/timespecs of two longs each: 32 bytes on 64-bit ABIs, 16 on 32-bit ones.
      const w: u32 = len >= 32 ? 8 : 4;
      if (len < 4 * w) return false;
      const sub = id == S_ITIMERVAL ? ", tv_usec=" : ", tv_nsec=";
      puts("{it_interval=");
      putTimePair(p, w, sub);
      puts(", it_value=");
      putTimePair(p + <usize>(2 * w), w, sub);
      putc(0x7d);
      return true;
    }
    case S_STACK_T: {
      if (!x86 || len < SIZEOF_STACK_T) return false;
      puts("{ss_sp=");
      putAddr(load<u64>(p));
      puts(", ss_flags=");
      printFlags(T_SIGALTSTACK_FLAGS, <u64>load<u32>(p + STACK_T_SS_FLAGS));
      puts(", ss_size=");
      putU64(load<u64>(p + STACK_T_SS_SIZE));
      putc(0x7d);
      return true;
    }
    case S_STAT: {
      // x86_64 struct stat vs asm-generic struct stat (aarch64, riscv64).
      const need: u32 = x86 ? SIZEOF_STAT : 128;
      if (len < need) return false;
      const mode = <u64>load<u32>(p + (x86 ? <usize>STAT_ST_MODE : 16));
      const rdev = load<u64>(p + (x86 ? <usize>STAT_ST_RDEV : 32));
      const size = load<i64>(p + STAT_ST_SIZE);
      if (verbose) {
        puts("{st_dev=");
        putMakedev(load<u64>(p));
        puts(", st_ino=");
        putU64(load<u64>(p + STAT_ST_INO));
        puts(", st_mode=");
        printSymbolicMode(mode);
        puts(", st_nlink=");
        putU64(x86 ? load<u64>(p + STAT_ST_NLINK) : <u64>load<u32>(p + 20));
        puts(", st_uid=");
        putU64(<u64>load<u32>(p + (x86 ? <usize>STAT_ST_UID : 24)));
        puts(", st_gid=");
        putU64(<u64>load<u32>(p + (x86 ? <usize>STAT_ST_GID : 28)));
        puts(", st_blksize=");
        putU64(x86 ? load<u64>(p + STAT_ST_BLKSIZE) : <u64>load<u32>(p + 56));
        puts(", st_blocks=");
        putU64(load<u64>(p + STAT_ST_BLOCKS));
      } else {
        puts("{st_mode=");
        printSymbolicMode(mode);
      }
      const typ = mode & S_IFMT;
      if (typ == 0o020000 || typ == 0o060000) {
        puts(", st_rdev=");
        putMakedev(rdev);
      } else {
        puts(", st_size=");
        putI64(size);
      }
      if (verbose) {
        putStatTime("st_atime", p + STAT_ST_ATIME);
        putStatTime("st_mtime", p + STAT_ST_MTIME);
        putStatTime("st_ctime", p + STAT_ST_CTIME);
        putc(0x7d);
      } else puts(", ...}");
      return true;
    }
    case S_STATFS: {
      if (!x86 || len < SIZEOF_STATFS) return false;
      puts("{f_type=");
      printEnum(T_FSMAGIC, load<u64>(p));
      puts(", f_bsize=");
      putI64(load<i64>(p + STATFS_F_BSIZE));
      puts(", f_blocks=");
      putU64(load<u64>(p + STATFS_F_BLOCKS));
      puts(", f_bfree=");
      putU64(load<u64>(p + STATFS_F_BFREE));
      puts(", f_bavail=");
      putU64(load<u64>(p + STATFS_F_BAVAIL));
      puts(", f_files=");
      putU64(load<u64>(p + STATFS_F_FILES));
      puts(", f_ffree=");
      putU64(load<u64>(p + STATFS_F_FFREE));
      puts(", f_fsid={val=[");
      putHex(<u64>load<u32>(p + STATFS_F_FSID));
      puts(", ");
      putHex(<u64>load<u32>(p + STATFS_F_FSID + 4));
      puts("]}, f_namelen=");
      putI64(load<i64>(p + STATFS_F_NAMELEN));
      puts(", f_frsize=");
      putI64(load<i64>(p + STATFS_F_FRSIZE));
      puts(", f_flags=");
      printFlags(T_STATFS_FLAGS, load<u64>(p + STATFS_F_FLAGS));
      putc(0x7d);
      return true;
    }
    case S_RLIMIT64: {
      if (len < 16) return false;
      puts("{rlim_cur=");
      putRlim(load<u64>(p));
      puts(", rlim_max=");
      putRlim(load<u64>(p + 8));
      putc(0x7d);
      return true;
    }
    case S_TIMESPEC: {
      if (len < 16) return false;
      puts("{tv_sec=");
      putI64(load<i64>(p));
      // strace prints tv_sec signed and the sub-second field unsigned (PRINT_FIELD_U).
      puts(", tv_nsec=");
      putU64(load<u64>(p + 8));
      putc(0x7d);
      return true;
    }
    case S_TIMEVAL: {
      if (len < 16) return false;
      puts("{tv_sec=");
      putI64(load<i64>(p));
      puts(", tv_usec=");
      putU64(load<u64>(p + 8));
      putc(0x7d);
      return true;
    }
    case S_SIGSET: {
      if (len == 0) return false;
      printSigset(p, len > 128 ? 128 : len);
      return true;
    }
    case S_SIGACTION: {
      if (!x86 || len < SIZEOF_SIGACTION) return false;
      const handler = load<u64>(p);
      const flags = load<u64>(p + SIGACTION_SA_FLAGS);
      puts("{sa_handler=");
      const start = outLen;
      if (handler == 0) puts("SIG_DFL");
      else if (handler == 1) puts("SIG_IGN");
      else if (handler == 0xffffffffffffffff) puts("SIG_ERR");
      else putAddr(handler);
      restyle(start, handler, FMT_HEX);
      puts(", sa_mask=");
      printSigset(p + SIGACTION_SA_MASK, 8);
      puts(", sa_flags=");
      printFlags(T_SIGACT_FLAGS, flags);
      if ((flags & 0x04000000) != 0) {
        puts(", sa_restorer=");
        putAddr(load<u64>(p + SIGACTION_SA_RESTORER));
      }
      putc(0x7d);
      return true;
    }
  }
  return false;
}

/** sprint_rlim64: `RLIM64_INFINITY`, `8192*1024`, or decimal. */
/** `{tv_sec=1, tv_nsec=5}` from two longs of `w` bytes; `sub` names the second field. */
function putTimePair(p: usize, w: u32, sub: string): void {
  puts("{tv_sec=");
  putI64(w == 8 ? load<i64>(p) : <i64>load<i32>(p));
  puts(sub);
  putU64(w == 8 ? load<u64>(p + 8) : <u64>load<u32>(p + 4));
  putc(0x7d);
}

function putRlim(v: u64): void {
  // -X raw: the number; verbose: the number, then the abbrev form in a comment if it differs.
  if (xlatStyle != 0 && (v == 0xffffffffffffffff || (v > 1024 && v % 1024 == 0))) {
    putU64(v);
    if (xlatStyle == 1) return;
    puts(" /* ");
    putRlimAbbrev(v);
    puts(" */");
    return;
  }
  putRlimAbbrev(v);
}

function putRlimAbbrev(v: u64): void {
  if (v == 0xffffffffffffffff) {
    puts("RLIM64_INFINITY");
    return;
  }
  if (v > 1024 && v % 1024 == 0) {
    putU64(v / 1024);
    puts("*1024");
    return;
  }
  putU64(v);
}

// `, st_atime=1795424368 /* 2026-11-23T08:59:28.129046690+0000 */, st_atime_nsec=129046690`.
function putStatTime(name: string, p: usize): void {
  const sec = load<i64>(p);
  const nsec = load<u64>(p + 8);
  puts(", ");
  puts(name);
  putc(0x3d);
  putI64(sec);
  if (isoShown(sec, nsec)) {
    puts(" /* ");
    putIsoTime(sec, <u32>nsec);
    puts(" */");
  }
  puts(", ");
  puts(name);
  puts("_nsec=");
  putU64(nsec);
}

/** strace's sprinttime_ex prints no comment for 0.0 or an out-of-range nanosecond part. */
export function isoShown(sec: i64, nsec: u64, maxPart: u64 = 999999999): bool {
  // localtime fails (EOVERFLOW) past the years an int tm_year holds.
  return !(sec == 0 && nsec == 0) && nsec <= maxPart && sec >= MIN_TM_SEC && sec <= MAX_TM_SEC;
}

/** The first and last second whose year fits struct tm's int tm_year (years -2147481748..2147485547). */
const MIN_TM_SEC: i64 = -67768040609740800;
const MAX_TM_SEC: i64 = 67768036191676799;

function put2(v: i64): void {
  putc(0x30 + <u32>(v / 10));
  putc(0x30 + <u32>(v % 10));
}

/** strace's sprinttime_nsec: `%FT%T[.nnnnnnnnn]%z` in the session's zone. */
export function putIsoTime(sec: i64, nsec: u32, digits: i32 = 9): void {
  const local = sec + <i64>tzMinutes * 60;
  let days = local / 86400;
  let sod = local % 86400;
  if (sod < 0) {
    sod += 86400;
    days--;
  }
  // civil_from_days (Howard Hinnant).
  const z = days + 719468;
  const era = (z >= 0 ? z : z - 146096) / 146097;
  const doe = z - era * 146097;
  const yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const mp = (5 * doy + 2) / 153;
  const d = doy - (153 * mp + 2) / 5 + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0) {
    putc(0x2d);
    putI64(-y);
  } else {
    let w = 1;
    for (let t = y / 10; t != 0; t /= 10) w++;
    for (; w < 4; w++) putc(0x30);
    putI64(y);
  }
  putc(0x2d);
  put2(m);
  putc(0x2d);
  put2(d);
  putc(0x54);
  put2(sod / 3600);
  putc(0x3a);
  put2((sod / 60) % 60);
  putc(0x3a);
  put2(sod % 60);
  if (nsec != 0) {
    putc(0x2e);
    let div: u32 = 1;
    for (let i = 1; i < digits; i++) div *= 10;
    for (let i = 0; i < digits; i++) {
      putc(0x30 + ((nsec / div) % 10));
      div /= 10;
    }
  }
  const tz = tzMinutes < 0 ? -tzMinutes : tzMinutes;
  putc(tzMinutes < 0 ? 0x2d : 0x2b);
  put2(<i64>(tz / 60));
  put2(<i64>(tz % 60));
}

// `, stx_atime={tv_sec=1795396514, tv_nsec=769456215} /* 2026-11-23T01:15:14.769456215+0000 */`.
function putStatxTime(name: string, p: usize): void {
  const sec = load<i64>(p);
  const nsec = load<u32>(p + STATX_TIMESTAMP_TV_NSEC);
  puts(", ");
  puts(name);
  puts("={tv_sec=");
  putI64(sec);
  puts(", tv_nsec=");
  putU64(<u64>nsec);
  putc(0x7d);
  if (isoShown(sec, <u64>nsec)) {
    puts(" /* ");
    putIsoTime(sec, nsec);
    puts(" */");
  }
}
