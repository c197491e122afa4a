// Dedicated decoders by name. A syscall row names its decoder (core's `decoder` field); a row
// without one, or naming a decoder not listed here, is printed by the generic kind-driven decoder.
import { strEq } from "../tables";
import { decodeFcntl } from "./fcntl";
import { decodeFutex } from "./futex";
import { decodeGeneric } from "./generic";
import { decodeGetdents, decodeGetdentsOld } from "./getdents";
import { decodeGetrandom } from "./getrandom";
import { decodeIoctl } from "./ioctl";
import { decodeMremap } from "./mem";
import { decodeMknod } from "./mknod";
import { decodeRecvmmsg, decodeRecvmsg, decodeSendmmsg, decodeSendmsg, printRecvmmsgAux } from "./msg";
import { decodeGetsockopt, decodeSetsockopt, decodeSocket } from "./net";
import { decodeOpen, decodeOpenat, decodeOpenat2 } from "./open";
import { decodeEpollWait, decodePoll, printPollAux } from "./poll";
import {
  decodeClone,
  decodeClone3,
  decodeGroups,
  decodePrctl,
  decodeSchedAffinity,
  decodeSchedGetscheduler,
  decodeUmask,
  decodeWait4,
} from "./process";
import { auxTable } from "./rval";
import { decodeSelect, printSelectAux } from "./select";
import { decodeRtSigaction, decodeRtSigprocmask, decodeRtSigreturn } from "./signal";

export const D_GENERIC: u8 = 0;
export const D_OPEN: u8 = 1;
export const D_OPENAT: u8 = 2;
export const D_GETRANDOM: u8 = 3;
export const D_GETDENTS: u8 = 4;
export const D_IOCTL: u8 = 5;
export const D_FUTEX: u8 = 6;
export const D_RT_SIGACTION: u8 = 7;
export const D_RT_SIGPROCMASK: u8 = 8;
export const D_FCNTL: u8 = 9;
export const D_SOCKET: u8 = 10;
export const D_SOCKETPAIR: u8 = 11;
export const D_SETSOCKOPT: u8 = 12;
export const D_GETSOCKOPT: u8 = 13;
export const D_POLL: u8 = 14;
export const D_PPOLL: u8 = 15;
export const D_EPOLL_WAIT: u8 = 16;
export const D_EPOLL_PWAIT: u8 = 17;
export const D_CLONE: u8 = 18;
export const D_CLONE3: u8 = 19;
export const D_WAIT4: u8 = 20;
export const D_UMASK: u8 = 21;
export const D_SCHED_GETAFFINITY: u8 = 22;
export const D_SCHED_SETAFFINITY: u8 = 23;
export const D_GETGROUPS: u8 = 24;
export const D_SETGROUPS: u8 = 25;
export const D_PRCTL: u8 = 26;
export const D_RT_SIGRETURN: u8 = 27;
export const D_MREMAP: u8 = 28;
export const D_OPENAT2: u8 = 29;
export const D_SCHED_GETSCHEDULER: u8 = 30;
export const D_SELECT: u8 = 31;
export const D_PSELECT6: u8 = 32;
export const D_SENDMSG: u8 = 33;
export const D_RECVMSG: u8 = 34;
export const D_SENDMMSG: u8 = 35;
export const D_RECVMMSG: u8 = 36;
export const D_MKNOD: u8 = 37;
export const D_MKNODAT: u8 = 38;
export const D_GETDENTS_OLD: u8 = 39;

/** Decoder id for a decoder (or syscall) name; D_GENERIC when there is no dedicated one. */
export function decoderIdByName(ref: u32): u8 {
  if (strEq(ref, "open")) return D_OPEN;
  if (strEq(ref, "openat")) return D_OPENAT;
  if (strEq(ref, "getrandom")) return D_GETRANDOM;
  if (strEq(ref, "getdents64")) return D_GETDENTS;
  if (strEq(ref, "getdents")) return D_GETDENTS_OLD;
  if (strEq(ref, "ioctl")) return D_IOCTL;
  if (strEq(ref, "futex") || strEq(ref, "futex_time64")) return D_FUTEX;
  if (strEq(ref, "rt_sigaction")) return D_RT_SIGACTION;
  if (strEq(ref, "rt_sigprocmask")) return D_RT_SIGPROCMASK;
  if (strEq(ref, "fcntl") || strEq(ref, "fcntl64")) return D_FCNTL;
  if (strEq(ref, "socket")) return D_SOCKET;
  if (strEq(ref, "socketpair")) return D_SOCKETPAIR;
  if (strEq(ref, "setsockopt")) return D_SETSOCKOPT;
  if (strEq(ref, "getsockopt")) return D_GETSOCKOPT;
  if (strEq(ref, "poll")) return D_POLL;
  if (strEq(ref, "ppoll")) return D_PPOLL;
  if (strEq(ref, "epoll_wait")) return D_EPOLL_WAIT;
  if (strEq(ref, "epoll_pwait")) return D_EPOLL_PWAIT;
  if (strEq(ref, "clone")) return D_CLONE;
  if (strEq(ref, "clone3")) return D_CLONE3;
  if (strEq(ref, "wait4")) return D_WAIT4;
  if (strEq(ref, "umask")) return D_UMASK;
  if (strEq(ref, "sched_getaffinity")) return D_SCHED_GETAFFINITY;
  if (strEq(ref, "sched_setaffinity")) return D_SCHED_SETAFFINITY;
  if (strEq(ref, "getgroups")) return D_GETGROUPS;
  if (strEq(ref, "setgroups")) return D_SETGROUPS;
  if (strEq(ref, "prctl")) return D_PRCTL;
  if (strEq(ref, "rt_sigreturn")) return D_RT_SIGRETURN;
  if (strEq(ref, "mremap")) return D_MREMAP;
  if (strEq(ref, "openat2")) return D_OPENAT2;
  if (strEq(ref, "sched_getscheduler")) return D_SCHED_GETSCHEDULER;
  if (strEq(ref, "select") || strEq(ref, "_newselect")) return D_SELECT;
  if (strEq(ref, "pselect6") || strEq(ref, "pselect6_time64")) return D_PSELECT6;
  if (strEq(ref, "sendmsg")) return D_SENDMSG;
  if (strEq(ref, "recvmsg")) return D_RECVMSG;
  if (strEq(ref, "sendmmsg")) return D_SENDMMSG;
  if (strEq(ref, "recvmmsg") || strEq(ref, "recvmmsg_time64")) return D_RECVMMSG;
  if (strEq(ref, "mknod")) return D_MKNOD;
  if (strEq(ref, "mknodat")) return D_MKNODAT;
  return D_GENERIC;
}

/** Runs decoder `id` for row `r` (entry or exit, per call.ts). Returns RVAL_* bits. */
export function runDecoder(id: u8, r: u32): i32 {
  switch (id) {
    case D_OPEN:
      return decodeOpen();
    case D_OPENAT:
      return decodeOpenat();
    case D_GETRANDOM:
      return decodeGetrandom();
    case D_GETDENTS:
      return decodeGetdents();
    case D_GETDENTS_OLD:
      return decodeGetdentsOld();
    case D_IOCTL:
      return decodeIoctl();
    case D_FUTEX:
      return decodeFutex();
    case D_RT_SIGACTION:
      return decodeRtSigaction();
    case D_RT_SIGPROCMASK:
      return decodeRtSigprocmask();
    case D_FCNTL:
      return decodeFcntl();
    case D_SOCKET:
      return decodeSocket(false);
    case D_SOCKETPAIR:
      return decodeSocket(true);
    case D_SETSOCKOPT:
      return decodeSetsockopt();
    case D_GETSOCKOPT:
      return decodeGetsockopt();
    case D_POLL:
      return decodePoll(false);
    case D_PPOLL:
      return decodePoll(true);
    case D_EPOLL_WAIT:
      return decodeEpollWait(false);
    case D_EPOLL_PWAIT:
      return decodeEpollWait(true);
    case D_CLONE:
      return decodeClone();
    case D_CLONE3:
      return decodeClone3();
    case D_WAIT4:
      return decodeWait4();
    case D_UMASK:
      return decodeUmask();
    case D_SCHED_GETAFFINITY:
      return decodeSchedAffinity(true);
    case D_SCHED_SETAFFINITY:
      return decodeSchedAffinity(false);
    case D_GETGROUPS:
      return decodeGroups(true);
    case D_SETGROUPS:
      return decodeGroups(false);
    case D_PRCTL:
      return decodePrctl();
    case D_RT_SIGRETURN:
      return decodeRtSigreturn();
    case D_MREMAP:
      return decodeMremap();
    case D_OPENAT2:
      return decodeOpenat2();
    case D_SCHED_GETSCHEDULER:
      return decodeSchedGetscheduler();
    case D_SELECT:
      return decodeSelect(false);
    case D_PSELECT6:
      return decodeSelect(true);
    case D_SENDMSG:
      return decodeSendmsg();
    case D_RECVMSG:
      return decodeRecvmsg();
    case D_SENDMMSG:
      return decodeSendmmsg();
    case D_RECVMMSG:
      return decodeRecvmmsg();
    case D_MKNOD:
      return decodeMknod(false);
    case D_MKNODAT:
      return decodeMknod(true);
  }
  return decodeGeneric(r);
}

/** The AUX_CUSTOM annotation after the return value, for the decoder that asked for it. */
export function printAux(id: u8): void {
  if (id == D_POLL || id == D_PPOLL) printPollAux(auxTable == 1);
  else if (id == D_SELECT || id == D_PSELECT6) printSelectAux(auxTable == 1);
  else if (id == D_RECVMMSG) printRecvmmsgAux();
}
