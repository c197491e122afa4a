// The long-tail decoders' ids (140–189, a range of their own so parallel work on other decoders
// never collides), their names (core's `decoder` field) and their dispatch.

import { decodeIoGetevents } from "./aio";
import { decodeFutexWaitv } from "./futex";
import { decodeGeneric } from "./generic";
import { decodeIoprioGet, decodeIoprioSet, printIoprioAux } from "./ioprio";
import { decodeKcmp } from "./kcmp";
import { decodeGetThreadArea, decodeModifyLdt, decodeSetThreadArea, printSetThreadAreaAux } from "./ldt";
import { decodeMemfdCreate, decodeMincore, decodeProcessMadvise, decodeRemapFilePages } from "./mem";
import { decodeUstat } from "./mknod";
import {
  decodeGetMempolicy,
  decodeMbind,
  decodeMigratePages,
  decodeMovePages,
  decodeSetMempolicy,
} from "./numa";
import { decodeMqOpen } from "./open";
import { decodeEpollCtl } from "./poll";
import { decodeSchedGetattr, decodeSchedSetattr } from "./sched";
import { decodeRtSigpending, decodeRtSigtimedwait, printSigtimedwaitAux } from "./signal";
import { decodeSleep, decodeTime, printTimeAux } from "./time";
import { decodeAdjtimex, decodeClockAdjtime } from "./timex";
import { decodePreadv, decodePwritev } from "./uio";
import { decodeGetxattr, decodeListxattr, decodeSetxattr } from "./xattr";

export const TAIL_FIRST: u8 = 140;
export const D_MBIND: u8 = 140;
export const D_SET_MEMPOLICY: u8 = 141;
export const D_GET_MEMPOLICY: u8 = 142;
export const D_MIGRATE_PAGES: u8 = 143;
export const D_MOVE_PAGES: u8 = 144;
export const D_IOPRIO_GET: u8 = 145;
export const D_IOPRIO_SET: u8 = 146;
export const D_KCMP: u8 = 147;
export const D_MEMFD_CREATE: u8 = 148;
export const D_PROCESS_MADVISE: u8 = 149;
export const D_TIME: u8 = 150;
export const D_NANOSLEEP: u8 = 151;
export const D_CLOCK_NANOSLEEP: u8 = 152;
export const D_EPOLL_CTL: u8 = 153;
export const D_RT_SIGTIMEDWAIT: u8 = 154;
// the long tail's second batch (ids 155-189)
export const D_SETXATTR: u8 = 155;
export const D_GETXATTR: u8 = 156;
export const D_LISTXATTR: u8 = 157;
export const D_RT_SIGPENDING: u8 = 158;
export const D_USTAT: u8 = 159;
export const D_PREADV: u8 = 160;
export const D_PREADV2: u8 = 161;
export const D_PWRITEV: u8 = 162;
export const D_PWRITEV2: u8 = 163;
export const D_MINCORE: u8 = 164;
export const D_REMAP_FILE_PAGES: u8 = 165;
export const D_SCHED_SETATTR: u8 = 166;
export const D_SCHED_GETATTR: u8 = 167;
export const D_SET_THREAD_AREA: u8 = 168;
export const D_GET_THREAD_AREA: u8 = 169;
export const D_MQ_OPEN: u8 = 170;
export const D_FUTEX_WAITV: u8 = 171;
export const D_IO_GETEVENTS: u8 = 172;
export const D_IO_PGETEVENTS: u8 = 173;
export const D_ADJTIMEX: u8 = 174;
export const D_CLOCK_ADJTIME: u8 = 175;
export const D_MODIFY_LDT: u8 = 176;
export const TAIL_LAST: u8 = 189;

/** Decoder names and their ids, in pairs (aliases share an id). */
export const TAIL_NAMES: string[] = [
  "mbind",
  "set_mempolicy",
  "get_mempolicy",
  "migrate_pages",
  "move_pages",
  "ioprio_get",
  "ioprio_set",
  "kcmp",
  "memfd_create",
  "process_madvise",
  "time",
  "nanosleep",
  "clock_nanosleep",
  "epoll_ctl",
  "rt_sigtimedwait",
  "setxattr",
  "lsetxattr",
  "fsetxattr",
  "getxattr",
  "lgetxattr",
  "fgetxattr",
  "listxattr",
  "llistxattr",
  "flistxattr",
  "rt_sigpending",
  "ustat",
  "preadv",
  "preadv2",
  "pwritev",
  "pwritev2",
  "mincore",
  "remap_file_pages",
  "sched_setattr",
  "sched_getattr",
  "set_thread_area",
  "get_thread_area",
  "mq_open",
  "futex_waitv",
  "io_getevents",
  "io_pgetevents",
  "adjtimex",
  "clock_adjtime",
  "modify_ldt",
];
export const TAIL_IDS: u8[] = [
  D_MBIND,
  D_SET_MEMPOLICY,
  D_GET_MEMPOLICY,
  D_MIGRATE_PAGES,
  D_MOVE_PAGES,
  D_IOPRIO_GET,
  D_IOPRIO_SET,
  D_KCMP,
  D_MEMFD_CREATE,
  D_PROCESS_MADVISE,
  D_TIME,
  D_NANOSLEEP,
  D_CLOCK_NANOSLEEP,
  D_EPOLL_CTL,
  D_RT_SIGTIMEDWAIT,
  D_SETXATTR,
  D_SETXATTR,
  D_SETXATTR,
  D_GETXATTR,
  D_GETXATTR,
  D_GETXATTR,
  D_LISTXATTR,
  D_LISTXATTR,
  D_LISTXATTR,
  D_RT_SIGPENDING,
  D_USTAT,
  D_PREADV,
  D_PREADV2,
  D_PWRITEV,
  D_PWRITEV2,
  D_MINCORE,
  D_REMAP_FILE_PAGES,
  D_SCHED_SETATTR,
  D_SCHED_GETATTR,
  D_SET_THREAD_AREA,
  D_GET_THREAD_AREA,
  D_MQ_OPEN,
  D_FUTEX_WAITV,
  D_IO_GETEVENTS,
  D_IO_PGETEVENTS,
  D_ADJTIMEX,
  D_CLOCK_ADJTIME,
  D_MODIFY_LDT,
];

/** The AUX_CUSTOM annotation after the return value, for the long-tail decoder that asked for it. */
export function printTailAux(id: u8): void {
  if (id == D_IOPRIO_GET) printIoprioAux();
  else if (id == D_TIME) printTimeAux();
  else if (id == D_RT_SIGTIMEDWAIT) printSigtimedwaitAux();
  else if (id == D_SET_THREAD_AREA) printSetThreadAreaAux();
}

/** Runs long-tail decoder `id` (entry or exit, per call.ts). Returns RVAL_* bits. */
export function runTailDecoder(id: u8, r: u32): i32 {
  switch (id) {
    case D_MBIND:
      return decodeMbind();
    case D_SET_MEMPOLICY:
      return decodeSetMempolicy();
    case D_GET_MEMPOLICY:
      return decodeGetMempolicy();
    case D_MIGRATE_PAGES:
      return decodeMigratePages();
    case D_MOVE_PAGES:
      return decodeMovePages();
    case D_IOPRIO_GET:
      return decodeIoprioGet();
    case D_IOPRIO_SET:
      return decodeIoprioSet();
    case D_KCMP:
      return decodeKcmp();
    case D_MEMFD_CREATE:
      return decodeMemfdCreate();
    case D_PROCESS_MADVISE:
      return decodeProcessMadvise();
    case D_TIME:
      return decodeTime();
    case D_NANOSLEEP:
      return decodeSleep(r, 1);
    case D_CLOCK_NANOSLEEP:
      return decodeSleep(r, 3);
    case D_EPOLL_CTL:
      return decodeEpollCtl(r);
    case D_RT_SIGTIMEDWAIT:
      return decodeRtSigtimedwait(r);
    case D_SETXATTR:
      return decodeSetxattr(r);
    case D_GETXATTR:
      return decodeGetxattr(r);
    case D_LISTXATTR:
      return decodeListxattr(r);
    case D_RT_SIGPENDING:
      return decodeRtSigpending();
    case D_USTAT:
      return decodeUstat();
    case D_PREADV:
      return decodePreadv(false);
    case D_PREADV2:
      return decodePreadv(true);
    case D_PWRITEV:
      return decodePwritev(false);
    case D_PWRITEV2:
      return decodePwritev(true);
    case D_MINCORE:
      return decodeMincore();
    case D_REMAP_FILE_PAGES:
      return decodeRemapFilePages();
    case D_SCHED_SETATTR:
      return decodeSchedSetattr();
    case D_SCHED_GETATTR:
      return decodeSchedGetattr();
    case D_SET_THREAD_AREA:
      return decodeSetThreadArea();
    case D_GET_THREAD_AREA:
      return decodeGetThreadArea();
    case D_MQ_OPEN:
      return decodeMqOpen(r);
    case D_FUTEX_WAITV:
      return decodeFutexWaitv();
    case D_IO_GETEVENTS:
      return decodeIoGetevents(r, false);
    case D_IO_PGETEVENTS:
      return decodeIoGetevents(r, true);
    case D_ADJTIMEX:
      return decodeAdjtimex();
    case D_CLOCK_ADJTIME:
      return decodeClockAdjtime();
    case D_MODIFY_LDT:
      return decodeModifyLdt();
  }
  return decodeGeneric(r);
}
