// Struct printers (strace's print_struct_* family). Layouts are per architecture and hand-written
// here (the one thing the blob does not carry); names and constants come from tables.

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
import { tzMinutes, verbose, xlatStyle } from "../options";
import { outLen, putc, puts } from "../out";
import { AUDIT_ARCH_X86_64 } from "../record";
import { lookup, NO_REF, strEq } from "../tables";
import { printFdElem } from "./fd";
import { printClockT, putAddr, putHex, putI64, putOct, putU64 } from "./num";
import { printCString } from "./quote";
import { printSignal, printSigset } from "./signal";
import { FMT_HEX, FMT_OCT, restyle } from "./style";
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
export const S_OPEN_HOW: u8 = 22;
export const S_RUSAGE: u8 = 23;
export const S_TMS: u8 = 24;
export const S_WINSIZE: u8 = 25;

/** Struct printer id for a core struct name. */
export function structIdByName(ref: u32): u8 {
  if (strEq(ref, "stat") || strEq(ref, "newstat") || strEq(ref, "stat64")) return S_STAT;
  if (strEq(ref, "statfs") || strEq(ref, "statfs64")) return S_STATFS;
  if (strEq(ref, "rlimit64") || strEq(ref, "rlimit")) return S_RLIMIT64;
  if (strEq(ref, "timespec") || strEq(ref, "__kernel_timespec") || strEq(ref, "timespec64"))
    return S_TIMESPEC;
  if (strEq(ref, "sigaction") || strEq(ref, "kernel_sigaction")) return S_SIGACTION;
  if (strEq(ref, "sigset") || strEq(ref, "sigset_t") || strEq(ref, "kernel_sigset_t")) return S_SIGSET;
  if (strEq(ref, "timeval") || strEq(ref, "__kernel_timeval")) return S_TIMEVAL;
  if (strEq(ref, "int") || strEq(ref, "socklen")) return S_INT;
  if (strEq(ref, "loff")) return S_LOFF;
  if (strEq(ref, "fdpair")) return S_FDPAIR;
  if (strEq(ref, "utsname")) return S_UTSNAME;
  if (strEq(ref, "sysinfo")) return S_SYSINFO;
  if (strEq(ref, "statx")) return S_STATX;
  if (strEq(ref, "timespec2")) return S_TIMESPEC2;
  if (strEq(ref, "epoll_event")) return S_EPOLL_EVENT;
  if (strEq(ref, "pollfd")) return S_POLLFD;
  if (strEq(ref, "wstatus")) return S_WSTATUS;
  if (strEq(ref, "stack_t")) return S_STACK_T;
  if (strEq(ref, "gid") || strEq(ref, "u32")) return S_U32;
  if (strEq(ref, "itimerval")) return S_ITIMERVAL;
  if (strEq(ref, "itimerspec")) return S_ITIMERSPEC;
  if (strEq(ref, "open_how")) return S_OPEN_HOW;
  if (strEq(ref, "rusage")) return S_RUSAGE;
  if (strEq(ref, "tms")) return S_TMS;
  if (strEq(ref, "winsize")) return S_WINSIZE;
  return S_UNKNOWN;
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
/** statx mask bit: stx_btime was filled. */
const STATX_BTIME: u32 = 0x800;

/**
 * print_symbolic_mode_t: `S_IFDIR|S_ISVTX|0777` — the type by name, then the set-id and sticky bits
 * by name, then the permission bits as `%#03o`.
 */
export function printSymbolicMode(mode: u64): void {
  const start = outLen;
  printSymbolicModeAbbrev(mode);
  restyle(start, mode, FMT_OCT);
}

function printSymbolicModeAbbrev(mode: u64): void {
  const typ = mode & S_IFMT;
  const ref = typ != 0 ? lookup(T_MODETYPES, typ) : NO_REF;
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
  const major = ((dev >> 8) & 0xfff) | ((dev >> 32) & ~(<u64>0xfff));
  const minor = (dev & 0xff) | ((dev >> 12) & ~(<u64>0xff));
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
      putI64(ns);
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
  putI64(ns);
  putc(0x7d);
  if (isoShown(sec, <u64>ns)) {
    puts(" /* ");
    putIsoTime(sec, <u32>ns);
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

/** Prints struct `id` from `len` captured bytes at p; false (nothing printed) when too short. */
export function printStruct(id: u8, p: usize, len: u32, arch: u32): bool {
  const x86 = arch == AUDIT_ARCH_X86_64 || arch == 0;
  switch (id) {
    case S_INT: {
      if (len < 4) return false;
      putc(0x5b);
      putI64(<i64>load<i32>(p));
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
      if (len < 390) return false;
      puts("{sysname=");
      putCharArray(p, 65);
      puts(", nodename=");
      putCharArray(p + 65, 65);
      if (!verbose) {
        puts(", ...}");
        return true;
      }
      puts(", release=");
      putCharArray(p + 130, 65);
      puts(", version=");
      putCharArray(p + 195, 65);
      puts(", machine=");
      putCharArray(p + 260, 65);
      puts(", domainname=");
      putCharArray(p + 325, 65);
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
      if (!x86 || len < 144) return false;
      puts("{ru_utime=");
      printStruct(S_TIMEVAL, p, 16, arch);
      puts(", ru_stime=");
      printStruct(S_TIMEVAL, p + 16, 16, arch);
      if (!verbose) {
        puts(", ...}");
        return true;
      }
      for (let i: u32 = 0; i < 14; i++) {
        puts(", ru_");
        puts(RUSAGE_LONGS[i]);
        putc(0x3d);
        putI64(load<i64>(p + 32 + <usize>i * 8));
      }
      putc(0x7d);
      return true;
    }
    case S_SYSINFO: {
      if (!x86 || len < 112) return false;
      puts("{uptime=");
      putI64(load<i64>(p));
      puts(", loads=[");
      putU64(load<u64>(p + 8));
      puts(", ");
      putU64(load<u64>(p + 16));
      puts(", ");
      putU64(load<u64>(p + 24));
      puts("], totalram=");
      putU64(load<u64>(p + 32));
      puts(", freeram=");
      putU64(load<u64>(p + 40));
      puts(", sharedram=");
      putU64(load<u64>(p + 48));
      puts(", bufferram=");
      putU64(load<u64>(p + 56));
      puts(", totalswap=");
      putU64(load<u64>(p + 64));
      puts(", freeswap=");
      putU64(load<u64>(p + 72));
      puts(", procs=");
      putU64(<u64>load<u16>(p + 80));
      puts(", totalhigh=");
      putU64(load<u64>(p + 88));
      puts(", freehigh=");
      putU64(load<u64>(p + 96));
      puts(", mem_unit=");
      putU64(<u64>load<u32>(p + 104));
      putc(0x7d);
      return true;
    }
    case S_STATX: {
      // strace's print_statx: stx_size even for devices; -v adds the rest in struct order.
      if (len < 256) return false;
      const mask = load<u32>(p);
      puts("{stx_mask=");
      printFlags(T_STATX_MASKS, <u64>mask);
      if (verbose) {
        puts(", stx_blksize=");
        putU64(<u64>load<u32>(p + 4));
      }
      puts(", stx_attributes=");
      printFlags(T_STATX_ATTRS, load<u64>(p + 8));
      if (verbose) {
        puts(", stx_nlink=");
        putU64(<u64>load<u32>(p + 16));
        puts(", stx_uid=");
        putU64(<u64>load<u32>(p + 20));
        puts(", stx_gid=");
        putU64(<u64>load<u32>(p + 24));
      }
      puts(", stx_mode=");
      printSymbolicMode(<u64>load<u16>(p + 28));
      if (verbose) {
        puts(", stx_ino=");
        putU64(load<u64>(p + 32));
      }
      puts(", stx_size=");
      putU64(load<u64>(p + 40));
      if (!verbose) {
        puts(", ...}");
        return true;
      }
      puts(", stx_blocks=");
      putU64(load<u64>(p + 48));
      puts(", stx_attributes_mask=");
      printFlags(T_STATX_ATTRS, load<u64>(p + 56));
      putStatxTime("stx_atime", p + 64);
      // strace prints the birth time only when the kernel says it filled it (STATX_BTIME).
      if ((mask & STATX_BTIME) != 0) putStatxTime("stx_btime", p + 80);
      putStatxTime("stx_ctime", p + 96);
      putStatxTime("stx_mtime", p + 112);
      puts(", stx_rdev_major=");
      putU64(<u64>load<u32>(p + 128));
      puts(", stx_rdev_minor=");
      putU64(<u64>load<u32>(p + 132));
      puts(", stx_dev_major=");
      putU64(<u64>load<u32>(p + 136));
      puts(", stx_dev_minor=");
      putU64(<u64>load<u32>(p + 140));
      if ((mask & 0x1000) != 0) {
        puts(", stx_mnt_id=");
        putHex(load<u64>(p + 144));
      }
      if ((mask & 0x2000) != 0) {
        puts(", stx_dio_mem_align=");
        putU64(<u64>load<u32>(p + 152));
        puts(", stx_dio_offset_align=");
        putU64(<u64>load<u32>(p + 156));
      }
      putc(0x7d);
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
      const size: u32 = x86 ? 12 : 16;
      if (len < size) return false;
      const data = load<u64>(p + (x86 ? 4 : 8));
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
      if (len < 8) return false;
      puts("{fd=");
      printFdElem(load<i32>(p));
      puts(", events=");
      printFlags(T_POLLFLAGS, <u64>load<u16>(p + 4));
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
    case S_OPEN_HOW: {
      if (len < 24) return false;
      const flags = load<u64>(p);
      const mode = load<u64>(p + 8);
      puts("{flags=");
      printFlags(T_OPEN_FLAGS, flags);
      // strace shows the mode when the flags can create a file or the caller set one anyway.
      if ((flags & (0o100 | 0o20000000)) != 0 || mode != 0) {
        puts(", mode=");
        putOct(mode, 3);
      }
      puts(", resolve=");
      printFlags(T_RESOLVE_FLAGS, load<u64>(p + 16));
      putc(0x7d);
      return true;
    }
    case S_STACK_T: {
      if (!x86 || len < 24) return false;
      puts("{ss_sp=");
      putAddr(load<u64>(p));
      puts(", ss_flags=");
      printFlags(T_SIGALTSTACK_FLAGS, <u64>load<u32>(p + 8));
      puts(", ss_size=");
      putU64(load<u64>(p + 16));
      putc(0x7d);
      return true;
    }
    case S_STAT: {
      // x86_64 struct stat vs asm-generic struct stat (aarch64, riscv64).
      const need: u32 = x86 ? 144 : 128;
      if (len < need) return false;
      const mode = <u64>load<u32>(p + (x86 ? 24 : 16));
      const rdev = load<u64>(p + (x86 ? 40 : 32));
      const size = load<i64>(p + 48);
      if (verbose) {
        puts("{st_dev=");
        putMakedev(load<u64>(p));
        puts(", st_ino=");
        putU64(load<u64>(p + 8));
        puts(", st_mode=");
        printSymbolicMode(mode);
        puts(", st_nlink=");
        putU64(x86 ? load<u64>(p + 16) : <u64>load<u32>(p + 20));
        puts(", st_uid=");
        putU64(<u64>load<u32>(p + (x86 ? 28 : 24)));
        puts(", st_gid=");
        putU64(<u64>load<u32>(p + (x86 ? 32 : 28)));
        puts(", st_blksize=");
        putU64(x86 ? load<u64>(p + 56) : <u64>load<u32>(p + 56));
        puts(", st_blocks=");
        putU64(load<u64>(p + 64));
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
        putStatTime("st_atime", p + 72);
        putStatTime("st_mtime", p + 88);
        putStatTime("st_ctime", p + 104);
        putc(0x7d);
      } else puts(", ...}");
      return true;
    }
    case S_STATFS: {
      if (!x86 || len < 120) return false;
      puts("{f_type=");
      printEnum(T_FSMAGIC, load<u64>(p));
      puts(", f_bsize=");
      putI64(load<i64>(p + 8));
      puts(", f_blocks=");
      putU64(load<u64>(p + 16));
      puts(", f_bfree=");
      putU64(load<u64>(p + 24));
      puts(", f_bavail=");
      putU64(load<u64>(p + 32));
      puts(", f_files=");
      putU64(load<u64>(p + 40));
      puts(", f_ffree=");
      putU64(load<u64>(p + 48));
      puts(", f_fsid={val=[");
      putHex(<u64>load<u32>(p + 56));
      puts(", ");
      putHex(<u64>load<u32>(p + 60));
      puts("]}, f_namelen=");
      putI64(load<i64>(p + 64));
      puts(", f_frsize=");
      putI64(load<i64>(p + 72));
      puts(", f_flags=");
      printFlags(T_STATFS_FLAGS, load<u64>(p + 80));
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
      puts(", tv_nsec=");
      putI64(load<i64>(p + 8));
      putc(0x7d);
      return true;
    }
    case S_TIMEVAL: {
      if (len < 16) return false;
      puts("{tv_sec=");
      putI64(load<i64>(p));
      puts(", tv_usec=");
      putI64(load<i64>(p + 8));
      putc(0x7d);
      return true;
    }
    case S_SIGSET: {
      if (len == 0) return false;
      printSigset(p, len > 128 ? 128 : len);
      return true;
    }
    case S_SIGACTION: {
      if (!x86 || len < 32) return false;
      const handler = load<u64>(p);
      const flags = load<u64>(p + 8);
      puts("{sa_handler=");
      const start = outLen;
      if (handler == 0) puts("SIG_DFL");
      else if (handler == 1) puts("SIG_IGN");
      else if (handler == 0xffffffffffffffff) puts("SIG_ERR");
      else putAddr(handler);
      restyle(start, handler, FMT_HEX);
      puts(", sa_mask=");
      printSigset(p + 24, 8);
      puts(", sa_flags=");
      printFlags(T_SIGACT_FLAGS, flags);
      if ((flags & 0x04000000) != 0) {
        puts(", sa_restorer=");
        putAddr(load<u64>(p + 16));
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
  putI64(w == 8 ? load<i64>(p + 8) : <i64>load<i32>(p + 4));
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
function isoShown(sec: i64, nsec: u64): bool {
  return !(sec == 0 && nsec == 0) && nsec < 1000000000;
}

function put2(v: i64): void {
  putc(0x30 + <u32>(v / 10));
  putc(0x30 + <u32>(v % 10));
}

/** strace's sprinttime_nsec: `%FT%T[.nnnnnnnnn]%z` in the session's zone. */
function putIsoTime(sec: i64, nsec: u32): void {
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
    let div: u32 = 100000000;
    for (let i = 0; i < 9; i++) {
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
  const nsec = load<u32>(p + 8);
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
