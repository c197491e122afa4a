// quotactl and quotactl_fd as strace 6.1's quota.c prints them: the command as QCMD(cmd, type),
// then what the command's data is: a quota file path, a format, or one of the quota structs,
// read at entry for the SET commands and at exit for the GET ones (core reads the data argument
// at both stops as the largest struct; each command uses the bytes its struct has).

import { arg, capData, exiting, findCapPrefix, isError } from "../call";
import {
  FS_DISK_QUOTA_D_BCOUNT,
  FS_DISK_QUOTA_D_BLK_HARDLIMIT,
  FS_DISK_QUOTA_D_BLK_SOFTLIMIT,
  FS_DISK_QUOTA_D_BTIMER,
  FS_DISK_QUOTA_D_BWARNS,
  FS_DISK_QUOTA_D_FIELDMASK,
  FS_DISK_QUOTA_D_FLAGS,
  FS_DISK_QUOTA_D_ICOUNT,
  FS_DISK_QUOTA_D_ID,
  FS_DISK_QUOTA_D_INO_HARDLIMIT,
  FS_DISK_QUOTA_D_INO_SOFTLIMIT,
  FS_DISK_QUOTA_D_ITIMER,
  FS_DISK_QUOTA_D_IWARNS,
  FS_DISK_QUOTA_D_RTB_HARDLIMIT,
  FS_DISK_QUOTA_D_RTB_SOFTLIMIT,
  FS_DISK_QUOTA_D_RTBCOUNT,
  FS_DISK_QUOTA_D_RTBTIMER,
  FS_DISK_QUOTA_D_RTBWARNS,
  FS_DISK_QUOTA_D_VERSION,
  FS_QFILESTAT_QFS_INO,
  FS_QFILESTAT_QFS_NBLKS,
  FS_QFILESTAT_QFS_NEXTENTS,
  FS_QFILESTATV_QFS_INO,
  FS_QFILESTATV_QFS_NBLKS,
  FS_QFILESTATV_QFS_NEXTENTS,
  FS_QUOTA_STAT_QS_BTIMELIMIT,
  FS_QUOTA_STAT_QS_BWARNLIMIT,
  FS_QUOTA_STAT_QS_FLAGS,
  FS_QUOTA_STAT_QS_GQUOTA,
  FS_QUOTA_STAT_QS_INCOREDQS,
  FS_QUOTA_STAT_QS_ITIMELIMIT,
  FS_QUOTA_STAT_QS_IWARNLIMIT,
  FS_QUOTA_STAT_QS_RTBTIMELIMIT,
  FS_QUOTA_STAT_QS_UQUOTA,
  FS_QUOTA_STAT_QS_VERSION,
  FS_QUOTA_STATV_QS_BTIMELIMIT,
  FS_QUOTA_STATV_QS_BWARNLIMIT,
  FS_QUOTA_STATV_QS_FLAGS,
  FS_QUOTA_STATV_QS_GQUOTA,
  FS_QUOTA_STATV_QS_INCOREDQS,
  FS_QUOTA_STATV_QS_ITIMELIMIT,
  FS_QUOTA_STATV_QS_IWARNLIMIT,
  FS_QUOTA_STATV_QS_PQUOTA,
  FS_QUOTA_STATV_QS_RTBTIMELIMIT,
  FS_QUOTA_STATV_QS_UQUOTA,
  FS_QUOTA_STATV_QS_VERSION,
  IF_DQBLK_DQB_BHARDLIMIT,
  IF_DQBLK_DQB_BSOFTLIMIT,
  IF_DQBLK_DQB_BTIME,
  IF_DQBLK_DQB_CURINODES,
  IF_DQBLK_DQB_CURSPACE,
  IF_DQBLK_DQB_IHARDLIMIT,
  IF_DQBLK_DQB_ISOFTLIMIT,
  IF_DQBLK_DQB_ITIME,
  IF_DQBLK_DQB_VALID,
  IF_DQINFO_DQI_BGRACE,
  IF_DQINFO_DQI_FLAGS,
  IF_DQINFO_DQI_IGRACE,
  IF_DQINFO_DQI_VALID,
  IF_NEXTDQBLK_DQB_ID,
  SIZEOF_FS_DISK_QUOTA,
  SIZEOF_FS_QUOTA_STAT,
  SIZEOF_FS_QUOTA_STATV,
  SIZEOF_IF_DQINFO,
  SIZEOF_IF_NEXTDQBLK,
} from "../layouts";
import { verbose, xlatStyle } from "../options";
import { putc, puts } from "../out";
import { putAddr, putHex, putI64, putU64 } from "../print/num";
import { printEnum, printFlags, putRef } from "../print/xlat";
import { CK_STRUCT } from "../record";
import { findTable, lookup, NO_REF, tableDefault } from "../tables";
import { printFd, printPath } from "./args";
import { RVAL_DECODED } from "./rval";

let tablesReady = false;
let T_CMDS: i32 = -1;
let T_TYPES: i32 = -1;
let T_FORMATS: i32 = -1;
let T_XFS_QUOTA_FLAGS: i32 = -1;
let T_XFS_DQBLK_FLAGS: i32 = -1;
let T_DQBLK_VALID: i32 = -1;
let T_DQINFO_FLAGS: i32 = -1;
let T_DQINFO_VALID: i32 = -1;

function tables(): void {
  if (tablesReady) return;
  tablesReady = true;
  T_CMDS = findTable("quotacmds");
  T_TYPES = findTable("quotatypes");
  T_FORMATS = findTable("quota_formats");
  T_XFS_QUOTA_FLAGS = findTable("xfs_quota_flags");
  T_XFS_DQBLK_FLAGS = findTable("xfs_dqblk_flags");
  T_DQBLK_VALID = findTable("if_dqblk_valid");
  T_DQINFO_FLAGS = findTable("if_dqinfo_flags");
  T_DQINFO_VALID = findTable("if_dqinfo_valid");
}

const Q_SYNC: u32 = 0x800001;
const Q_QUOTAON: u32 = 0x800002;
const Q_QUOTAOFF: u32 = 0x800003;
const Q_GETFMT: u32 = 0x800004;
const Q_GETINFO: u32 = 0x800005;
const Q_SETINFO: u32 = 0x800006;
const Q_GETQUOTA: u32 = 0x800007;
const Q_SETQUOTA: u32 = 0x800008;
const Q_GETNEXTQUOTA: u32 = 0x800009;
const Q_XQUOTAON: u32 = 0x5801;
const Q_XQUOTAOFF: u32 = 0x5802;
const Q_XGETQUOTA: u32 = 0x5803;
const Q_XSETQLIM: u32 = 0x5804;
const Q_XGETQSTAT: u32 = 0x5805;
const Q_XQUOTARM: u32 = 0x5806;
const Q_XQUOTASYNC: u32 = 0x5807;
const Q_XGETQSTATV: u32 = 0x5808;
const Q_XGETNEXTQUOTA: u32 = 0x5809;

/** strace's packed struct if_dqblk: eight u64 and dqb_valid, no tail padding. */
const IF_DQBLK_PACKED_SIZE: u32 = IF_DQBLK_DQB_VALID + 4;

/** A value by name in the abbrev form whatever -X says (printxvals_ex with XLAT_STYLE_ABBREV). */
function enumAbbrev(t: i32, v: u32): void {
  const ref = lookup(t, <u64>v);
  if (ref != NO_REF) {
    putRef(ref);
    return;
  }
  putHex(<u64>v);
  puts(" /* ");
  putRef(tableDefault(<u32>t));
  puts(" */");
}

/** `QCMD(Q_GETQUOTA, USRQUOTA)`; -X raw: the number; -X verbose: both. */
function printQcmd(qcmd: u32): void {
  if (xlatStyle != 0) putU64(<u64>qcmd);
  if (xlatStyle == 1) return;
  if (xlatStyle == 2) puts(" /* ");
  puts("QCMD(");
  enumAbbrev(T_CMDS, qcmd >> 8);
  puts(", ");
  enumAbbrev(T_TYPES, qcmd & 0xff);
  putc(0x29);
  if (xlatStyle == 2) puts(" */");
}

/** printuid: -1 for (uid_t) -1, else unsigned. */
function printUid(id: u32): void {
  if (id == 0xffffffff) puts("-1");
  else putU64(<u64>id);
}

/** The data argument's `need` bytes at entry or exit, or its address printed (false). */
function fetch(need: u32): bool {
  const atExit = exiting;
  if (atExit && isError) {
    putAddr(arg(3));
    return false;
  }
  if (arg(3) != 0 && findCapPrefix(3, CK_STRUCT, atExit, need)) return true;
  putAddr(arg(3));
  return false;
}

function u64f(name: string, p: usize): void {
  puts(name);
  putU64(load<u64>(p));
}

function printDqblk(p: usize, next: bool): void {
  u64f("{dqb_bhardlimit=", p + IF_DQBLK_DQB_BHARDLIMIT);
  u64f(", dqb_bsoftlimit=", p + IF_DQBLK_DQB_BSOFTLIMIT);
  u64f(", dqb_curspace=", p + IF_DQBLK_DQB_CURSPACE);
  u64f(", dqb_ihardlimit=", p + IF_DQBLK_DQB_IHARDLIMIT);
  u64f(", dqb_isoftlimit=", p + IF_DQBLK_DQB_ISOFTLIMIT);
  u64f(", dqb_curinodes=", p + IF_DQBLK_DQB_CURINODES);
  if (verbose) {
    u64f(", dqb_btime=", p + IF_DQBLK_DQB_BTIME);
    u64f(", dqb_itime=", p + IF_DQBLK_DQB_ITIME);
    puts(", dqb_valid=");
    printFlags(T_DQBLK_VALID, <u64>load<u32>(p + IF_DQBLK_DQB_VALID));
  }
  if (next) {
    puts(", dqb_id=");
    putU64(<u64>load<u32>(p + IF_NEXTDQBLK_DQB_ID));
  }
  if (!verbose) puts(", ...");
  putc(0x7d);
}

function printDiskQuota(p: usize): void {
  puts("{d_version=");
  putI64(<i64>load<i8>(p + FS_DISK_QUOTA_D_VERSION));
  puts(", d_flags=");
  printFlags(T_XFS_DQBLK_FLAGS, <u64>load<u8>(p + FS_DISK_QUOTA_D_FLAGS));
  puts(", d_fieldmask=");
  putHex(<u64>load<u16>(p + FS_DISK_QUOTA_D_FIELDMASK));
  puts(", d_id=");
  putU64(<u64>load<u32>(p + FS_DISK_QUOTA_D_ID));
  u64f(", d_blk_hardlimit=", p + FS_DISK_QUOTA_D_BLK_HARDLIMIT);
  u64f(", d_blk_softlimit=", p + FS_DISK_QUOTA_D_BLK_SOFTLIMIT);
  u64f(", d_ino_hardlimit=", p + FS_DISK_QUOTA_D_INO_HARDLIMIT);
  u64f(", d_ino_softlimit=", p + FS_DISK_QUOTA_D_INO_SOFTLIMIT);
  u64f(", d_bcount=", p + FS_DISK_QUOTA_D_BCOUNT);
  u64f(", d_icount=", p + FS_DISK_QUOTA_D_ICOUNT);
  if (!verbose) {
    puts(", ...}");
    return;
  }
  puts(", d_itimer=");
  putI64(<i64>load<i32>(p + FS_DISK_QUOTA_D_ITIMER));
  puts(", d_btimer=");
  putI64(<i64>load<i32>(p + FS_DISK_QUOTA_D_BTIMER));
  puts(", d_iwarns=");
  putU64(<u64>load<u16>(p + FS_DISK_QUOTA_D_IWARNS));
  puts(", d_bwarns=");
  putU64(<u64>load<u16>(p + FS_DISK_QUOTA_D_BWARNS));
  u64f(", d_rtb_hardlimit=", p + FS_DISK_QUOTA_D_RTB_HARDLIMIT);
  u64f(", d_rtb_softlimit=", p + FS_DISK_QUOTA_D_RTB_SOFTLIMIT);
  u64f(", d_rtbcount=", p + FS_DISK_QUOTA_D_RTBCOUNT);
  puts(", d_rtbtimer=");
  putI64(<i64>load<i32>(p + FS_DISK_QUOTA_D_RTBTIMER));
  puts(", d_rtbwarns=");
  putU64(<u64>load<u16>(p + FS_DISK_QUOTA_D_RTBWARNS));
  putc(0x7d);
}

/** struct fs_qfilestat (v: fs_qfilestatv, whose offsets are its own). */
function printQfilestat(p: usize, v: bool): void {
  u64f("{qfs_ino=", p + (v ? FS_QFILESTATV_QFS_INO : FS_QFILESTAT_QFS_INO));
  u64f(", qfs_nblks=", p + (v ? FS_QFILESTATV_QFS_NBLKS : FS_QFILESTAT_QFS_NBLKS));
  puts(", qfs_nextents=");
  putU64(<u64>load<u32>(p + (v ? FS_QFILESTATV_QFS_NEXTENTS : FS_QFILESTAT_QFS_NEXTENTS)));
  putc(0x7d);
}

/** The time and warning limits both quota stat structs end with. */
function printLimits(btime: usize, itime: usize, rtbtime: usize, bwarn: usize, iwarn: usize): void {
  puts(", qs_btimelimit=");
  putI64(<i64>load<i32>(btime));
  puts(", qs_itimelimit=");
  putI64(<i64>load<i32>(itime));
  puts(", qs_rtbtimelimit=");
  putI64(<i64>load<i32>(rtbtime));
  puts(", qs_bwarnlimit=");
  putU64(<u64>load<u16>(bwarn));
  puts(", qs_iwarnlimit=");
  putU64(<u64>load<u16>(iwarn));
}

function printQuotaStat(p: usize): void {
  puts("{qs_version=");
  putI64(<i64>load<i8>(p + FS_QUOTA_STAT_QS_VERSION));
  if (!verbose) {
    puts(", ...}");
    return;
  }
  puts(", qs_flags=");
  printFlags(T_XFS_QUOTA_FLAGS, <u64>load<u16>(p + FS_QUOTA_STAT_QS_FLAGS));
  puts(", qs_uquota=");
  printQfilestat(p + FS_QUOTA_STAT_QS_UQUOTA, false);
  puts(", qs_gquota=");
  printQfilestat(p + FS_QUOTA_STAT_QS_GQUOTA, false);
  puts(", qs_incoredqs=");
  putU64(<u64>load<u32>(p + FS_QUOTA_STAT_QS_INCOREDQS));
  printLimits(
    p + FS_QUOTA_STAT_QS_BTIMELIMIT,
    p + FS_QUOTA_STAT_QS_ITIMELIMIT,
    p + FS_QUOTA_STAT_QS_RTBTIMELIMIT,
    p + FS_QUOTA_STAT_QS_BWARNLIMIT,
    p + FS_QUOTA_STAT_QS_IWARNLIMIT,
  );
  putc(0x7d);
}

function printQuotaStatv(p: usize): void {
  puts("{qs_version=");
  putI64(<i64>load<i8>(p + FS_QUOTA_STATV_QS_VERSION));
  if (!verbose) {
    puts(", ...}");
    return;
  }
  puts(", qs_flags=");
  printFlags(T_XFS_QUOTA_FLAGS, <u64>load<u16>(p + FS_QUOTA_STATV_QS_FLAGS));
  puts(", qs_incoredqs=");
  putU64(<u64>load<u32>(p + FS_QUOTA_STATV_QS_INCOREDQS));
  puts(", qs_uquota=");
  printQfilestat(p + FS_QUOTA_STATV_QS_UQUOTA, true);
  puts(", qs_gquota=");
  printQfilestat(p + FS_QUOTA_STATV_QS_GQUOTA, true);
  puts(", qs_pquota=");
  printQfilestat(p + FS_QUOTA_STATV_QS_PQUOTA, true);
  printLimits(
    p + FS_QUOTA_STATV_QS_BTIMELIMIT,
    p + FS_QUOTA_STATV_QS_ITIMELIMIT,
    p + FS_QUOTA_STATV_QS_RTBTIMELIMIT,
    p + FS_QUOTA_STATV_QS_BWARNLIMIT,
    p + FS_QUOTA_STATV_QS_IWARNLIMIT,
  );
  putc(0x7d);
}

/** `, ID, ` before a quota struct (printed at entry). */
function idAndNext(id: u32): void {
  puts(", ");
  printUid(id);
  puts(", ");
}

/** decode_cmd_data: what follows the command (and the device or fd) for command `cmd`. */
function decodeData(cmd: u32, id: u32): i32 {
  switch (cmd) {
    case Q_QUOTAOFF:
    case Q_SYNC:
    case Q_XQUOTASYNC:
      return RVAL_DECODED;
    case Q_QUOTAON:
      puts(", ");
      printEnum(T_FORMATS, <u64>id);
      puts(", ");
      // the quota file: core's extra path capture of the data argument
      printPath(3);
      return RVAL_DECODED;
    case Q_GETQUOTA:
    case Q_GETNEXTQUOTA:
    case Q_XGETQUOTA:
    case Q_XGETNEXTQUOTA:
      if (!exiting) {
        idAndNext(id);
        return 0;
      }
      if (cmd == Q_GETQUOTA) {
        if (fetch(IF_DQBLK_PACKED_SIZE)) printDqblk(capData, false);
      } else if (cmd == Q_GETNEXTQUOTA) {
        if (fetch(SIZEOF_IF_NEXTDQBLK)) printDqblk(capData, true);
      } else if (fetch(SIZEOF_FS_DISK_QUOTA)) printDiskQuota(capData);
      return RVAL_DECODED;
    case Q_SETQUOTA:
      idAndNext(id);
      if (fetch(IF_DQBLK_PACKED_SIZE)) printDqblk(capData, false);
      return RVAL_DECODED;
    case Q_XSETQLIM:
      idAndNext(id);
      if (fetch(SIZEOF_FS_DISK_QUOTA)) printDiskQuota(capData);
      return RVAL_DECODED;
    case Q_GETFMT:
      if (!exiting) {
        puts(", ");
        return 0;
      }
      if (fetch(4)) {
        putc(0x5b);
        printEnum(T_FORMATS, <u64>load<u32>(capData));
        putc(0x5d);
      }
      return RVAL_DECODED;
    case Q_GETINFO:
    case Q_SETINFO:
      if (cmd == Q_GETINFO && !exiting) {
        puts(", ");
        return 0;
      }
      if (!exiting) puts(", ");
      if (fetch(SIZEOF_IF_DQINFO)) {
        const p = capData;
        u64f("{dqi_bgrace=", p + IF_DQINFO_DQI_BGRACE);
        u64f(", dqi_igrace=", p + IF_DQINFO_DQI_IGRACE);
        puts(", dqi_flags=");
        printFlags(T_DQINFO_FLAGS, <u64>load<u32>(p + IF_DQINFO_DQI_FLAGS));
        puts(", dqi_valid=");
        printFlags(T_DQINFO_VALID, <u64>load<u32>(p + IF_DQINFO_DQI_VALID));
        putc(0x7d);
      }
      return RVAL_DECODED;
    case Q_XGETQSTAT:
    case Q_XGETQSTATV:
      if (!exiting) {
        puts(", ");
        return 0;
      }
      if (cmd == Q_XGETQSTAT) {
        if (fetch(SIZEOF_FS_QUOTA_STAT)) printQuotaStat(capData);
      } else if (fetch(SIZEOF_FS_QUOTA_STATV)) printQuotaStatv(capData);
      return RVAL_DECODED;
    case Q_XQUOTAON:
    case Q_XQUOTAOFF:
    case Q_XQUOTARM:
      puts(", ");
      if (fetch(4)) {
        putc(0x5b);
        printFlags(cmd == Q_XQUOTARM ? T_XFS_DQBLK_FLAGS : T_XFS_QUOTA_FLAGS, <u64>load<u32>(capData));
        putc(0x5d);
      }
      return RVAL_DECODED;
  }
  idAndNext(id);
  putAddr(arg(3));
  return RVAL_DECODED;
}

export function decodeQuotactl(): i32 {
  tables();
  const qcmd = <u32>arg(0);
  if (!exiting) {
    printQcmd(qcmd);
    puts(", ");
    printPath(1);
  }
  return decodeData(qcmd >> 8, <u32>arg(2));
}

export function decodeQuotactlFd(): i32 {
  tables();
  const qcmd = <u32>arg(1);
  if (!exiting) {
    printFd(0);
    puts(", ");
    printQcmd(qcmd);
  }
  return decodeData(qcmd >> 8, <u32>arg(2));
}
