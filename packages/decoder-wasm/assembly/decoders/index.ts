// Dedicated decoders by name. A syscall row names its decoder (core's `decoder` field); a row
// without one, or naming a decoder not listed here, is printed by the generic kind-driven decoder.
import { putc, puts } from "../out";
import { strEq, strLen } from "../tables";
import { decodeIoCancel, decodeIoSubmit } from "./aio";
import { decodeArchPrctl, printArchPrctlAux } from "./arch-prctl";
import { decodeBpf } from "./bpf";
import { decodeCapget, decodeCapset } from "./caps";
import { decodeFanotifyInit, decodeFanotifyMark } from "./fanotify";
import { decodeFcntl, printFcntlAux } from "./fcntl";
import { decodeFutex } from "./futex";
import { decodeGeneric } from "./generic";
import { decodeGetdents, decodeGetdentsOld } from "./getdents";
import { decodeGetrandom } from "./getrandom";
import { decodeIoUringSetup } from "./io-uring";
import { decodeIoUringRegister } from "./io-uring-register";
import { decodeIoctl } from "./ioctl";
import { printV4l2Aux } from "./ioctl-v4l2";
import { decodeMsgget, decodeSemget, decodeShmget } from "./ipc";
import { decodeMsgctl, decodeSemctl, decodeShmctl } from "./ipc-ctl";
import { decodeMsgrcv, decodeMsgsnd, decodeSemop } from "./ipc-ops";
import { decodeKeyctl } from "./keyctl";
import { decodeAddKey, decodeRequestKey } from "./keys";
import { decodeLandlockAddRule, decodeLandlockCreateRuleset, decodeLandlockRestrictSelf } from "./landlock";
import { decodeMremap } from "./mem";
import { decodeMknod } from "./mknod";
import { decodeFsconfig, decodeMount, decodeMountSetattr } from "./mount";
import { decodeRecvmmsg, decodeRecvmsg, decodeSendmmsg, decodeSendmsg, printRecvmmsgAux } from "./msg";
import { decodeGetsockopt, decodeRecvfrom, decodeSendto, decodeSetsockopt, decodeSocket } from "./net";
import { decodeOpen, decodeOpenat, decodeOpenat2 } from "./open";
import { decodePerfEventOpen } from "./perf";
import { decodePersonality, printPersonalityAux } from "./personality";
import { decodeEpollWait, decodePoll, printPollAux } from "./poll";
import { decodePrctl, printPrctlAux } from "./prctl";
import { decodePriority } from "./priority";
import { decodeProcessVmReadv, decodeProcessVmWritev } from "./proc-vm";
import {
  decodeClone,
  decodeClone3,
  decodeGroups,
  decodeSchedAffinity,
  decodeSchedGetscheduler,
  decodeUmask,
  decodeWait4,
} from "./process";
import { decodePtrace } from "./ptrace";
import { decodeQuotactl, decodeQuotactlFd } from "./quota";
import { auxTable } from "./rval";
import { decodeSeccomp } from "./seccomp";
import { decodeSelect, printSelectAux } from "./select";
import { decodeRtSigaction, decodeRtSigprocmask, decodeRtSigreturn } from "./signal";
import {
  decodeKexecFileLoad,
  decodeKexecLoad,
  decodeReboot,
  decodeSethostname,
  decodeSwapon,
  decodeSysctl,
  decodeSyslog,
} from "./sysadmin";
import { printTailAux, runTailDecoder, TAIL_FIRST, TAIL_IDS, TAIL_LAST, TAIL_NAMES } from "./tail";
import { decodeWaitid } from "./waitid";

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
export const D_SENDTO: u8 = 40;
export const D_RECVFROM: u8 = 41;
export const D_SECCOMP: u8 = 42;
export const D_MSGGET: u8 = 43;
export const D_SEMGET: u8 = 44;
export const D_SHMGET: u8 = 45;
// SysV IPC control and operations, arch_prctl, personality (ids 70-89).
export const D_MSGCTL: u8 = 70;
export const D_SEMCTL: u8 = 71;
export const D_SHMCTL: u8 = 72;
export const D_SEMOP: u8 = 73;
export const D_SEMTIMEDOP: u8 = 74;
export const D_ARCH_PRCTL: u8 = 75;
export const D_PERSONALITY: u8 = 76;
export const D_MSGSND: u8 = 77;
export const D_MSGRCV: u8 = 78;
// bpf(2), perf, io_uring, keyctl (area bpf: ids 46-69).
export const D_BPF: u8 = 46;
export const D_IO_URING_SETUP: u8 = 47;
export const D_KEYCTL: u8 = 48;
// uring: asynchronous I/O's control blocks (ids 200-207).
export const D_IO_SUBMIT: u8 = 200;
export const D_IO_CANCEL: u8 = 201;
// uring: io_uring_register's argument by opcode (ids 202-209).
export const D_IO_URING_REGISTER: u8 = 202;
// pidns: pid-typed arguments whose type another argument chooses (ids 90-99).
export const D_GETPRIORITY: u8 = 90;
export const D_SETPRIORITY: u8 = 91;
// pidns (ids 224-231): waitid's id by idtype.
export const D_WAITID: u8 = 224;
export const D_CAPGET: u8 = 190;
export const D_CAPSET: u8 = 191;

// proc area of issue #16 (ids 100-109).
export const D_PROCESS_VM_READV: u8 = 100;
export const D_PROCESS_VM_WRITEV: u8 = 101;
export const D_PTRACE: u8 = 102;

// The long tail of issue #16 (ids 110–139).
export const D_REBOOT: u8 = 110;
export const D_SYSLOG: u8 = 111;
export const D_SETHOSTNAME: u8 = 112;
export const D_KEXEC_LOAD: u8 = 113;
export const D_KEXEC_FILE_LOAD: u8 = 114;
export const D_SYSCTL: u8 = 115;
export const D_ADD_KEY: u8 = 116;
export const D_REQUEST_KEY: u8 = 117;
export const D_FANOTIFY_INIT: u8 = 118;
export const D_FANOTIFY_MARK: u8 = 119;
export const D_MOUNT: u8 = 120;
export const D_FSCONFIG: u8 = 121;
export const D_MOUNT_SETATTR: u8 = 122;
export const D_LANDLOCK_CREATE_RULESET: u8 = 123;
export const D_LANDLOCK_ADD_RULE: u8 = 124;
export const D_LANDLOCK_RESTRICT_SELF: u8 = 125;
export const D_QUOTACTL: u8 = 126;
export const D_QUOTACTL_FD: u8 = 127;
export const D_PERF_EVENT_OPEN: u8 = 128;
export const D_SWAPON: u8 = 129;

/**
 * Every decoder name this build implements (core's `decoder` field, or a syscall's own name), with
 * its id; aliases share one. Data, so a test can list it (`implementedNames`) against core's.
 */
const DECODER_NAMES: string[] = [
  "open",
  "openat",
  "getrandom",
  "getdents64",
  "getdents",
  "ioctl",
  "futex",
  "futex_time64",
  "rt_sigaction",
  "rt_sigprocmask",
  "fcntl",
  "fcntl64",
  "socket",
  "socketpair",
  "setsockopt",
  "getsockopt",
  "poll",
  "ppoll",
  "epoll_wait",
  "epoll_pwait",
  "clone",
  "clone3",
  "wait4",
  "umask",
  "sched_getaffinity",
  "sched_setaffinity",
  "getgroups",
  "setgroups",
  "prctl",
  "rt_sigreturn",
  "mremap",
  "openat2",
  "sched_getscheduler",
  "select",
  "_newselect",
  "pselect6",
  "pselect6_time64",
  "sendmsg",
  "recvmsg",
  "sendmmsg",
  "recvmmsg",
  "recvmmsg_time64",
  "mknod",
  "mknodat",
  "sendto",
  "recvfrom",
  "seccomp",
  "msgget",
  "semget",
  "shmget",
  "msgctl",
  "semctl",
  "shmctl",
  "semop",
  "semtimedop",
  "arch_prctl",
  "personality",
  "msgsnd",
  "msgrcv",
  "capget",
  "capset",
  "reboot",
  "syslog",
  "sethostname",
  "kexec_load",
  "kexec_file_load",
  "_sysctl",
  "add_key",
  "request_key",
  "fanotify_init",
  "fanotify_mark",
  "mount",
  "fsconfig",
  "mount_setattr",
  "landlock_create_ruleset",
  "landlock_add_rule",
  "landlock_restrict_self",
  "quotactl",
  "quotactl_fd",
  "perf_event_open",
  "swapon",
  // proc area
  "process_vm_readv",
  "process_vm_writev",
  "ptrace",
  // area bpf
  "bpf",
  "io_uring_setup",
  "keyctl",
  // pidns
  "getpriority",
  "setpriority",
  "waitid",
  // uring
  "io_submit",
  "io_cancel",
  // uring (s4)
  "io_uring_register",
];
const DECODER_IDS: u8[] = [
  D_OPEN,
  D_OPENAT,
  D_GETRANDOM,
  D_GETDENTS,
  D_GETDENTS_OLD,
  D_IOCTL,
  D_FUTEX,
  D_FUTEX,
  D_RT_SIGACTION,
  D_RT_SIGPROCMASK,
  D_FCNTL,
  D_FCNTL,
  D_SOCKET,
  D_SOCKETPAIR,
  D_SETSOCKOPT,
  D_GETSOCKOPT,
  D_POLL,
  D_PPOLL,
  D_EPOLL_WAIT,
  D_EPOLL_PWAIT,
  D_CLONE,
  D_CLONE3,
  D_WAIT4,
  D_UMASK,
  D_SCHED_GETAFFINITY,
  D_SCHED_SETAFFINITY,
  D_GETGROUPS,
  D_SETGROUPS,
  D_PRCTL,
  D_RT_SIGRETURN,
  D_MREMAP,
  D_OPENAT2,
  D_SCHED_GETSCHEDULER,
  D_SELECT,
  D_SELECT,
  D_PSELECT6,
  D_PSELECT6,
  D_SENDMSG,
  D_RECVMSG,
  D_SENDMMSG,
  D_RECVMMSG,
  D_RECVMMSG,
  D_MKNOD,
  D_MKNODAT,
  D_SENDTO,
  D_RECVFROM,
  D_SECCOMP,
  D_MSGGET,
  D_SEMGET,
  D_SHMGET,
  D_MSGCTL,
  D_SEMCTL,
  D_SHMCTL,
  D_SEMOP,
  D_SEMTIMEDOP,
  D_ARCH_PRCTL,
  D_PERSONALITY,
  D_MSGSND,
  D_MSGRCV,
  D_CAPGET,
  D_CAPSET,
  D_REBOOT,
  D_SYSLOG,
  D_SETHOSTNAME,
  D_KEXEC_LOAD,
  D_KEXEC_FILE_LOAD,
  D_SYSCTL,
  D_ADD_KEY,
  D_REQUEST_KEY,
  D_FANOTIFY_INIT,
  D_FANOTIFY_MARK,
  D_MOUNT,
  D_FSCONFIG,
  D_MOUNT_SETATTR,
  D_LANDLOCK_CREATE_RULESET,
  D_LANDLOCK_ADD_RULE,
  D_LANDLOCK_RESTRICT_SELF,
  D_QUOTACTL,
  D_QUOTACTL_FD,
  D_PERF_EVENT_OPEN,
  D_SWAPON,
  // proc area
  D_PROCESS_VM_READV,
  D_PROCESS_VM_WRITEV,
  D_PTRACE,
  // area bpf
  D_BPF,
  D_IO_URING_SETUP,
  D_KEYCTL,
  // pidns
  D_GETPRIORITY,
  D_SETPRIORITY,
  D_WAITID,
  // uring
  D_IO_SUBMIT,
  D_IO_CANCEL,
  // uring (s4)
  D_IO_URING_REGISTER,
];

/** Decoder id for a decoder (or syscall) name; D_GENERIC when there is no dedicated one. */
export function decoderIdByName(ref: u32): u8 {
  // Only the names of the same length are compared: init asks this for every syscall (twice for
  // most), and scanning every name each time was most of a decoder's start-up.
  const byLength = namesByLength();
  const n = <i32>strLen(ref);
  if (n >= byLength.length) return D_GENERIC;
  const bucket = unchecked(byLength[n]);
  for (let k = 0; k < bucket.length; k++) {
    const i = unchecked(bucket[k]);
    if (i >= 0 ? strEq(ref, DECODER_NAMES[i]) : strEq(ref, TAIL_NAMES[~i]))
      return i >= 0 ? DECODER_IDS[i] : TAIL_IDS[~i];
  }
  return D_GENERIC;
}

/** DECODER_NAMES' indexes (i) then TAIL_NAMES' (~i) by name length, in {@link decoderIdByName}'s order. */
let NAMES_BY_LENGTH: Array<Array<i32>> | null = null;
function namesByLength(): Array<Array<i32>> {
  const built = NAMES_BY_LENGTH;
  if (built != null) return built;
  const out = new Array<Array<i32>>(0);
  for (let i = 0; i < DECODER_NAMES.length + TAIL_NAMES.length; i++) {
    const len =
      i < DECODER_NAMES.length ? DECODER_NAMES[i].length : TAIL_NAMES[i - DECODER_NAMES.length].length;
    while (out.length <= len) out.push(new Array<i32>(0));
    out[len].push(i < DECODER_NAMES.length ? i : ~(i - DECODER_NAMES.length));
  }
  NAMES_BY_LENGTH = out;
  return out;
}

/** The names {@link decoderIdByName} knows, one per line (for implementedNames). */
export function putDecoderNames(): void {
  for (let i = 0; i < DECODER_NAMES.length; i++) {
    puts(DECODER_NAMES[i]);
    putc(0x0a);
  }
  for (let i = 0; i < TAIL_NAMES.length; i++) {
    puts(TAIL_NAMES[i]);
    putc(0x0a);
  }
}

/** Runs decoder `id` for row `r` (entry or exit, per call.ts). Returns RVAL_* bits. */
export function runDecoder(id: u8, r: u32): i32 {
  if (id >= TAIL_FIRST && id <= TAIL_LAST) return runTailDecoder(id, r);
  switch (id) {
    case D_OPEN:
      return decodeOpen();
    case D_GETPRIORITY:
      return decodePriority(false);
    case D_SETPRIORITY:
      return decodePriority(true);
    case D_WAITID:
      return decodeWaitid(r);
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
    case D_SENDTO:
      return decodeSendto(r);
    case D_RECVFROM:
      return decodeRecvfrom(r);
    case D_SECCOMP:
      return decodeSeccomp();
    case D_MSGGET:
      return decodeMsgget();
    case D_SEMGET:
      return decodeSemget();
    case D_SHMGET:
      return decodeShmget();
    case D_MSGCTL:
      return decodeMsgctl();
    case D_SEMCTL:
      return decodeSemctl();
    case D_SHMCTL:
      return decodeShmctl();
    case D_SEMOP:
      return decodeSemop(r, false);
    case D_SEMTIMEDOP:
      return decodeSemop(r, true);
    case D_ARCH_PRCTL:
      return decodeArchPrctl();
    case D_PERSONALITY:
      return decodePersonality();
    case D_MSGSND:
      return decodeMsgsnd();
    case D_MSGRCV:
      return decodeMsgrcv();
    case D_CAPGET:
      return decodeCapget();
    case D_CAPSET:
      return decodeCapset();
    case D_REBOOT:
      return decodeReboot();
    case D_SYSLOG:
      return decodeSyslog();
    case D_SETHOSTNAME:
      return decodeSethostname();
    case D_KEXEC_LOAD:
      return decodeKexecLoad();
    case D_KEXEC_FILE_LOAD:
      return decodeKexecFileLoad();
    case D_SYSCTL:
      return decodeSysctl();
    case D_ADD_KEY:
      return decodeAddKey();
    case D_REQUEST_KEY:
      return decodeRequestKey();
    case D_FANOTIFY_INIT:
      return decodeFanotifyInit();
    case D_FANOTIFY_MARK:
      return decodeFanotifyMark();
    case D_MOUNT:
      return decodeMount();
    case D_FSCONFIG:
      return decodeFsconfig();
    case D_MOUNT_SETATTR:
      return decodeMountSetattr();
    case D_LANDLOCK_CREATE_RULESET:
      return decodeLandlockCreateRuleset();
    case D_LANDLOCK_ADD_RULE:
      return decodeLandlockAddRule();
    case D_LANDLOCK_RESTRICT_SELF:
      return decodeLandlockRestrictSelf();
    case D_QUOTACTL:
      return decodeQuotactl();
    case D_QUOTACTL_FD:
      return decodeQuotactlFd();
    case D_PERF_EVENT_OPEN:
      return decodePerfEventOpen();
    case D_SWAPON:
      return decodeSwapon();
    // proc area
    case D_PROCESS_VM_READV:
      return decodeProcessVmReadv();
    case D_PROCESS_VM_WRITEV:
      return decodeProcessVmWritev();
    case D_PTRACE:
      return decodePtrace();
    case D_BPF:
      return decodeBpf();
    case D_IO_URING_SETUP:
      return decodeIoUringSetup();
    case D_KEYCTL:
      return decodeKeyctl();
    // uring
    case D_IO_SUBMIT:
      return decodeIoSubmit();
    case D_IO_CANCEL:
      return decodeIoCancel();
    case D_IO_URING_REGISTER:
      return decodeIoUringRegister();
  }
  return decodeGeneric(r);
}

/** The AUX_CUSTOM annotation after the return value, for the decoder that asked for it. */
export function printAux(id: u8): void {
  if (id == D_POLL || id == D_PPOLL) printPollAux(auxTable == 1);
  else if (id == D_SELECT || id == D_PSELECT6) printSelectAux(auxTable == 1);
  else if (id == D_RECVMMSG) printRecvmmsgAux();
  else if (id == D_PRCTL) printPrctlAux();
  else if (id >= TAIL_FIRST && id <= TAIL_LAST) printTailAux(id);
  else if (id == D_ARCH_PRCTL) printArchPrctlAux();
  else if (id == D_PERSONALITY) printPersonalityAux();
  else if (id == D_FCNTL) printFcntlAux();
  // v4l2: VIDIOC_CREATE_BUFS' buffers
  else if (id == D_IOCTL) printV4l2Aux();
}
