// msgctl, semctl, shmctl as strace 6.1's ipc_{msg,sem,shm}ctl.c print them: the id, the command
// (`IPC_64|` first when the caller set it), then the struct the command reads (IPC_SET, at entry)
// or fills (the STAT and INFO commands, at exit), from core's value captures; any other command's
// argument prints as an address. IPC_SET shows only the fields the kernel takes from it.

import { arg, capData, capLen, exiting, findCap, isError } from "../call";
import {
  IPC_PERM_CGID,
  IPC_PERM_CUID,
  IPC_PERM_GID,
  IPC_PERM_KEY,
  IPC_PERM_MODE,
  IPC_PERM_UID,
  MSGINFO_MSGMAP,
  MSGINFO_MSGMAX,
  MSGINFO_MSGMNB,
  MSGINFO_MSGMNI,
  MSGINFO_MSGPOOL,
  MSGINFO_MSGSEG,
  MSGINFO_MSGSSZ,
  MSGINFO_MSGTQL,
  MSQID_DS_MSG_CTIME,
  MSQID_DS_MSG_LRPID,
  MSQID_DS_MSG_LSPID,
  MSQID_DS_MSG_PERM,
  MSQID_DS_MSG_QBYTES,
  MSQID_DS_MSG_QNUM,
  MSQID_DS_MSG_RTIME,
  MSQID_DS_MSG_STIME,
  SEMID_DS_SEM_CTIME,
  SEMID_DS_SEM_NSEMS,
  SEMID_DS_SEM_OTIME,
  SEMID_DS_SEM_PERM,
  SEMINFO_SEMAEM,
  SEMINFO_SEMMAP,
  SEMINFO_SEMMNI,
  SEMINFO_SEMMNS,
  SEMINFO_SEMMNU,
  SEMINFO_SEMMSL,
  SEMINFO_SEMOPM,
  SEMINFO_SEMUME,
  SEMINFO_SEMUSZ,
  SEMINFO_SEMVMX,
  SHM_INFO_SHM_RSS,
  SHM_INFO_SHM_SWP,
  SHM_INFO_SHM_TOT,
  SHM_INFO_SWAP_ATTEMPTS,
  SHM_INFO_SWAP_SUCCESSES,
  SHM_INFO_USED_IDS,
  SHMID_DS_SHM_ATIME,
  SHMID_DS_SHM_CPID,
  SHMID_DS_SHM_CTIME,
  SHMID_DS_SHM_DTIME,
  SHMID_DS_SHM_LPID,
  SHMID_DS_SHM_NATTCH,
  SHMID_DS_SHM_PERM,
  SHMID_DS_SHM_SEGSZ,
  SHMINFO_SHMALL,
  SHMINFO_SHMMAX,
  SHMINFO_SHMMIN,
  SHMINFO_SHMMNI,
  SHMINFO_SHMSEG,
  SIZEOF_MSGINFO,
  SIZEOF_MSQID_DS,
  SIZEOF_SEMID_DS,
  SIZEOF_SEMINFO,
  SIZEOF_SHM_INFO,
  SIZEOF_SHMID_DS,
  SIZEOF_SHMINFO,
} from "../layouts";
import { outLen, putc, puts } from "../out";
import { putAddr, putI64, putOct, putU64 } from "../print/num";
import { FMT_HEX, restyle } from "../print/style";
import { printEnum } from "../print/xlat";
import { CK_STRUCT_IF } from "../record";
import { findTable } from "../tables";
import { RVAL_DECODED } from "./rval";

// include/uapi/linux/ipc.h, msg.h, sem.h, shm.h (ABI, the same on every architecture).
const IPC_64: u64 = 0x100;
const IPC_SET: u32 = 1;
const IPC_STAT: u32 = 2;
const IPC_INFO: u32 = 3;
const MSG_STAT: u32 = 11;
const MSG_INFO: u32 = 12;
const MSG_STAT_ANY: u32 = 13;
const SEM_STAT: u32 = 18;
const SEM_INFO: u32 = 19;
const SEM_STAT_ANY: u32 = 20;
const SHM_STAT: u32 = 13;
const SHM_INFO: u32 = 14;
const SHM_STAT_ANY: u32 = 15;

// How a field prints (strace's PRINT_FIELD_U, _D, _ID and print_numeric_ll_umode_t).
const F_ULONG: u8 = 0;
const F_INT: u8 = 1;
const F_USHORT: u8 = 2;
const F_ID: u8 = 3;
const F_MODE: u8 = 4;
const F_UINT: u8 = 5;

let T_MSGCTL: i32 = -2;
let T_SEMCTL: i32 = -1;
let T_SHMCTL: i32 = -1;

function resolve(): void {
  if (T_MSGCTL != -2) return;
  T_MSGCTL = findTable("msgctl_flags");
  T_SEMCTL = findTable("semctl_flags");
  T_SHMCTL = findTable("shmctl_flags");
}

/** `, name=value` (no comma before the first field). */
function field(p: usize, first: bool, name: string, off: u32, how: u8): void {
  if (!first) puts(", ");
  puts(name);
  putc(0x3d);
  const q = p + <usize>off;
  if (how == F_ULONG) putU64(load<u64>(q));
  else if (how == F_INT) putI64(<i64>load<i32>(q));
  else if (how == F_USHORT) putU64(<u64>load<u16>(q));
  else if (how == F_UINT) putU64(<u64>load<u32>(q));
  else if (how == F_MODE) putOct(<u64>load<u32>(q), 3);
  else {
    // An id of -1 ((uid_t) -1) prints as -1.
    const v = load<u32>(q);
    if (v == 0xffffffff) puts("-1");
    else putU64(<u64>v);
  }
}

/** struct ipc64_perm: owner and mode, and for other commands than IPC_SET the key and creator. */
function printPerm(p: usize, set: bool): void {
  putc(0x7b);
  field(p, true, "uid", IPC_PERM_UID, F_ID);
  field(p, false, "gid", IPC_PERM_GID, F_ID);
  field(p, false, "mode", IPC_PERM_MODE, F_MODE);
  if (!set) {
    field(p, false, "key", IPC_PERM_KEY, F_UINT);
    field(p, false, "cuid", IPC_PERM_CUID, F_ID);
    field(p, false, "cgid", IPC_PERM_CGID, F_ID);
  }
  putc(0x7d);
}

function printMsqid(p: usize, set: bool): void {
  puts("{msg_perm=");
  printPerm(p + <usize>MSQID_DS_MSG_PERM, set);
  if (!set) {
    field(p, false, "msg_stime", MSQID_DS_MSG_STIME, F_ULONG);
    field(p, false, "msg_rtime", MSQID_DS_MSG_RTIME, F_ULONG);
    field(p, false, "msg_ctime", MSQID_DS_MSG_CTIME, F_ULONG);
    field(p, false, "msg_qnum", MSQID_DS_MSG_QNUM, F_ULONG);
  }
  field(p, false, "msg_qbytes", MSQID_DS_MSG_QBYTES, F_ULONG);
  if (!set) {
    field(p, false, "msg_lspid", MSQID_DS_MSG_LSPID, F_INT);
    field(p, false, "msg_lrpid", MSQID_DS_MSG_LRPID, F_INT);
  }
  putc(0x7d);
}

function printMsginfo(p: usize): void {
  putc(0x7b);
  field(p, true, "msgpool", MSGINFO_MSGPOOL, F_INT);
  field(p, false, "msgmap", MSGINFO_MSGMAP, F_INT);
  field(p, false, "msgmax", MSGINFO_MSGMAX, F_INT);
  field(p, false, "msgmnb", MSGINFO_MSGMNB, F_INT);
  field(p, false, "msgmni", MSGINFO_MSGMNI, F_INT);
  field(p, false, "msgssz", MSGINFO_MSGSSZ, F_INT);
  field(p, false, "msgtql", MSGINFO_MSGTQL, F_INT);
  field(p, false, "msgseg", MSGINFO_MSGSEG, F_USHORT);
  putc(0x7d);
}

function printSemid(p: usize, set: bool): void {
  puts("{sem_perm=");
  printPerm(p + <usize>SEMID_DS_SEM_PERM, set);
  if (!set) {
    field(p, false, "sem_otime", SEMID_DS_SEM_OTIME, F_ULONG);
    field(p, false, "sem_ctime", SEMID_DS_SEM_CTIME, F_ULONG);
    field(p, false, "sem_nsems", SEMID_DS_SEM_NSEMS, F_ULONG);
  }
  putc(0x7d);
}

function printSeminfo(p: usize): void {
  putc(0x7b);
  field(p, true, "semmap", SEMINFO_SEMMAP, F_INT);
  field(p, false, "semmni", SEMINFO_SEMMNI, F_INT);
  field(p, false, "semmns", SEMINFO_SEMMNS, F_INT);
  field(p, false, "semmnu", SEMINFO_SEMMNU, F_INT);
  field(p, false, "semmsl", SEMINFO_SEMMSL, F_INT);
  field(p, false, "semopm", SEMINFO_SEMOPM, F_INT);
  field(p, false, "semume", SEMINFO_SEMUME, F_INT);
  field(p, false, "semusz", SEMINFO_SEMUSZ, F_INT);
  field(p, false, "semvmx", SEMINFO_SEMVMX, F_INT);
  field(p, false, "semaem", SEMINFO_SEMAEM, F_INT);
  putc(0x7d);
}

function printShmid(p: usize, set: bool): void {
  puts("{shm_perm=");
  printPerm(p + <usize>SHMID_DS_SHM_PERM, set);
  if (!set) {
    field(p, false, "shm_segsz", SHMID_DS_SHM_SEGSZ, F_ULONG);
    field(p, false, "shm_cpid", SHMID_DS_SHM_CPID, F_INT);
    field(p, false, "shm_lpid", SHMID_DS_SHM_LPID, F_INT);
    field(p, false, "shm_nattch", SHMID_DS_SHM_NATTCH, F_ULONG);
    field(p, false, "shm_atime", SHMID_DS_SHM_ATIME, F_ULONG);
    field(p, false, "shm_dtime", SHMID_DS_SHM_DTIME, F_ULONG);
    field(p, false, "shm_ctime", SHMID_DS_SHM_CTIME, F_ULONG);
  }
  putc(0x7d);
}

function printShminfo(p: usize): void {
  putc(0x7b);
  field(p, true, "shmmax", SHMINFO_SHMMAX, F_ULONG);
  field(p, false, "shmmin", SHMINFO_SHMMIN, F_ULONG);
  field(p, false, "shmmni", SHMINFO_SHMMNI, F_ULONG);
  field(p, false, "shmseg", SHMINFO_SHMSEG, F_ULONG);
  field(p, false, "shmall", SHMINFO_SHMALL, F_ULONG);
  putc(0x7d);
}

function printShmInfo(p: usize): void {
  putc(0x7b);
  field(p, true, "used_ids", SHM_INFO_USED_IDS, F_INT);
  field(p, false, "shm_tot", SHM_INFO_SHM_TOT, F_ULONG);
  field(p, false, "shm_rss", SHM_INFO_SHM_RSS, F_ULONG);
  field(p, false, "shm_swp", SHM_INFO_SHM_SWP, F_ULONG);
  field(p, false, "swap_attempts", SHM_INFO_SWAP_ATTEMPTS, F_ULONG);
  field(p, false, "swap_successes", SHM_INFO_SWAP_SUCCESSES, F_ULONG);
  putc(0x7d);
}

// Which struct a command's argument holds.
const S_NONE: i32 = 0;
const S_DS: i32 = 1;
const S_INFO: i32 = 2;
const S_SHM_INFO: i32 = 3;

/** The id's family: 0 msg, 1 sem, 2 shm. */
function structOf(family: i32, cmd: u32): i32 {
  if (cmd == IPC_SET || cmd == IPC_STAT) return S_DS;
  if (cmd == IPC_INFO) return S_INFO;
  if (family == 0) return cmd == MSG_STAT || cmd == MSG_STAT_ANY ? S_DS : cmd == MSG_INFO ? S_INFO : S_NONE;
  if (family == 1) return cmd == SEM_STAT || cmd == SEM_STAT_ANY ? S_DS : cmd == SEM_INFO ? S_INFO : S_NONE;
  if (cmd == SHM_STAT || cmd == SHM_STAT_ANY) return S_DS;
  return cmd == SHM_INFO ? S_SHM_INFO : S_NONE;
}

function sizeOf(family: i32, which: i32): u32 {
  if (which == S_DS) return family == 0 ? SIZEOF_MSQID_DS : family == 1 ? SIZEOF_SEMID_DS : SIZEOF_SHMID_DS;
  if (which == S_INFO) return family == 0 ? SIZEOF_MSGINFO : family == 1 ? SIZEOF_SEMINFO : SIZEOF_SHMINFO;
  return SIZEOF_SHM_INFO;
}

/** The struct at argument `i` (read at entry or exit), or its address (umove_or_printaddr). */
function printBuf(family: i32, which: i32, i: u32, cmd: u32, atExit: bool): void {
  if (
    (atExit && isError) ||
    arg(i) == 0 ||
    !findCap(i, CK_STRUCT_IF, atExit) ||
    capLen < sizeOf(family, which)
  ) {
    putAddr(arg(i));
    return;
  }
  const p = capData;
  const set = cmd == IPC_SET;
  if (which == S_DS) {
    if (family == 0) printMsqid(p, set);
    else if (family == 1) printSemid(p, set);
    else printShmid(p, set);
  } else if (which == S_INFO) {
    if (family == 0) printMsginfo(p);
    else if (family == 1) printSeminfo(p);
    else printShminfo(p);
  } else printShmInfo(p);
}

/** PRINTCTL: `IPC_64|` when set, then the command by name. */
function printCmd(table: i32, v: u64): void {
  if ((v & IPC_64) != 0) {
    const start = outLen;
    puts("IPC_64");
    restyle(start, IPC_64, FMT_HEX);
    putc(0x7c);
  }
  printEnum(table, v & ~IPC_64);
}

/**
 * One control call: `family` 0 msg, 1 sem, 2 shm; the command at argument `cmdArg`, the buffer at
 * `bufArg`; arguments before the command print as ints (the id, semctl's semnum).
 */
function decodeCtl(family: i32, cmdArg: u32, bufArg: u32): i32 {
  resolve();
  const cmd = <u32>(arg(cmdArg) & ~IPC_64);
  const which = structOf(family, cmd);
  if (exiting) {
    if (which != S_NONE) printBuf(family, which, bufArg, cmd, true);
    return 0;
  }
  for (let i: u32 = 0; i < cmdArg; i++) {
    putI64(<i64>(<i32>arg(i)));
    puts(", ");
  }
  printCmd(family == 0 ? T_MSGCTL : family == 1 ? T_SEMCTL : T_SHMCTL, arg(cmdArg));
  puts(", ");
  if (cmd == IPC_SET) {
    printBuf(family, which, bufArg, cmd, false);
    return RVAL_DECODED;
  }
  if (which != S_NONE) return 0;
  putAddr(arg(bufArg));
  return RVAL_DECODED;
}

export function decodeMsgctl(): i32 {
  return decodeCtl(0, 1, 2);
}

export function decodeSemctl(): i32 {
  return decodeCtl(1, 2, 3);
}

export function decodeShmctl(): i32 {
  return decodeCtl(2, 1, 2);
}
