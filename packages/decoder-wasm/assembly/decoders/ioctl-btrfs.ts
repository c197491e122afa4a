// btrfs requests (strace 6.1's btrfs.c) and the file range and label requests the 0x94 family shares
// with them (fs_0x94_ioctl.c). Layouts from linux/btrfs.h and linux/fs.h; constant tables from
// core's data/xlat/btrfs_*.in. Each printer gets what core captured for the request (core's
// data/ioctl-captures.ts): the caller's struct at entry, the kernel's at exit.

import {
  BTRFS_BALANCE_ARGS_DEVID,
  BTRFS_BALANCE_ARGS_FLAGS,
  BTRFS_BALANCE_ARGS_PEND,
  BTRFS_BALANCE_ARGS_PROFILES,
  BTRFS_BALANCE_ARGS_PSTART,
  BTRFS_BALANCE_ARGS_TARGET,
  BTRFS_BALANCE_ARGS_USAGE,
  BTRFS_BALANCE_ARGS_VEND,
  BTRFS_BALANCE_ARGS_VSTART,
  BTRFS_IOCTL_BALANCE_ARGS_DATA,
  BTRFS_IOCTL_BALANCE_ARGS_FLAGS,
  BTRFS_IOCTL_BALANCE_ARGS_META,
  BTRFS_IOCTL_BALANCE_ARGS_STATE,
  BTRFS_IOCTL_BALANCE_ARGS_SYS,
  BTRFS_IOCTL_DEFRAG_RANGE_ARGS_COMPRESS_TYPE,
  BTRFS_IOCTL_DEFRAG_RANGE_ARGS_EXTENT_THRESH,
  BTRFS_IOCTL_DEFRAG_RANGE_ARGS_FLAGS,
  BTRFS_IOCTL_DEFRAG_RANGE_ARGS_LEN,
  BTRFS_IOCTL_DEFRAG_RANGE_ARGS_START,
  BTRFS_IOCTL_DEV_INFO_ARGS_BYTES_USED,
  BTRFS_IOCTL_DEV_INFO_ARGS_DEVID,
  BTRFS_IOCTL_DEV_INFO_ARGS_PATH,
  BTRFS_IOCTL_DEV_INFO_ARGS_TOTAL_BYTES,
  BTRFS_IOCTL_DEV_INFO_ARGS_UUID,
  BTRFS_IOCTL_DEV_REPLACE_ARGS_CMD,
  BTRFS_IOCTL_DEV_REPLACE_ARGS_RESULT,
  BTRFS_IOCTL_DEV_REPLACE_ARGS_START,
  BTRFS_IOCTL_DEV_REPLACE_ARGS_STATUS,
  BTRFS_IOCTL_DEV_REPLACE_START_PARAMS_CONT_READING_FROM_SRCDEV_MODE,
  BTRFS_IOCTL_DEV_REPLACE_START_PARAMS_SRCDEV_NAME,
  BTRFS_IOCTL_DEV_REPLACE_START_PARAMS_SRCDEVID,
  BTRFS_IOCTL_DEV_REPLACE_START_PARAMS_TGTDEV_NAME,
  BTRFS_IOCTL_DEV_REPLACE_STATUS_PARAMS_NUM_UNCORRECTABLE_READ_ERRORS,
  BTRFS_IOCTL_DEV_REPLACE_STATUS_PARAMS_NUM_WRITE_ERRORS,
  BTRFS_IOCTL_DEV_REPLACE_STATUS_PARAMS_PROGRESS_1000,
  BTRFS_IOCTL_DEV_REPLACE_STATUS_PARAMS_REPLACE_STATE,
  BTRFS_IOCTL_DEV_REPLACE_STATUS_PARAMS_TIME_STARTED,
  BTRFS_IOCTL_DEV_REPLACE_STATUS_PARAMS_TIME_STOPPED,
  BTRFS_IOCTL_FEATURE_FLAGS_COMPAT_FLAGS,
  BTRFS_IOCTL_FEATURE_FLAGS_COMPAT_RO_FLAGS,
  BTRFS_IOCTL_FEATURE_FLAGS_INCOMPAT_FLAGS,
  BTRFS_IOCTL_FS_INFO_ARGS_CLONE_ALIGNMENT,
  BTRFS_IOCTL_FS_INFO_ARGS_CSUM_SIZE,
  BTRFS_IOCTL_FS_INFO_ARGS_CSUM_TYPE,
  BTRFS_IOCTL_FS_INFO_ARGS_FLAGS,
  BTRFS_IOCTL_FS_INFO_ARGS_FSID,
  BTRFS_IOCTL_FS_INFO_ARGS_GENERATION,
  BTRFS_IOCTL_FS_INFO_ARGS_MAX_ID,
  BTRFS_IOCTL_FS_INFO_ARGS_METADATA_UUID,
  BTRFS_IOCTL_FS_INFO_ARGS_NODESIZE,
  BTRFS_IOCTL_FS_INFO_ARGS_NUM_DEVICES,
  BTRFS_IOCTL_FS_INFO_ARGS_SECTORSIZE,
  BTRFS_IOCTL_GET_DEV_STATS_DEVID,
  BTRFS_IOCTL_GET_DEV_STATS_FLAGS,
  BTRFS_IOCTL_GET_DEV_STATS_NR_ITEMS,
  BTRFS_IOCTL_GET_DEV_STATS_UNUSED,
  BTRFS_IOCTL_GET_DEV_STATS_VALUES,
  BTRFS_IOCTL_INO_LOOKUP_ARGS_NAME,
  BTRFS_IOCTL_INO_LOOKUP_ARGS_OBJECTID,
  BTRFS_IOCTL_INO_LOOKUP_ARGS_TREEID,
  BTRFS_IOCTL_INO_PATH_ARGS_FSPATH,
  BTRFS_IOCTL_INO_PATH_ARGS_INUM,
  BTRFS_IOCTL_INO_PATH_ARGS_SIZE,
  BTRFS_IOCTL_LOGICAL_INO_ARGS_FLAGS,
  BTRFS_IOCTL_LOGICAL_INO_ARGS_INODES,
  BTRFS_IOCTL_LOGICAL_INO_ARGS_LOGICAL,
  BTRFS_IOCTL_LOGICAL_INO_ARGS_RESERVED,
  BTRFS_IOCTL_LOGICAL_INO_ARGS_SIZE,
  BTRFS_IOCTL_QGROUP_ASSIGN_ARGS_ASSIGN,
  BTRFS_IOCTL_QGROUP_ASSIGN_ARGS_DST,
  BTRFS_IOCTL_QGROUP_ASSIGN_ARGS_SRC,
  BTRFS_IOCTL_QGROUP_CREATE_ARGS_CREATE,
  BTRFS_IOCTL_QGROUP_CREATE_ARGS_QGROUPID,
  BTRFS_IOCTL_QGROUP_LIMIT_ARGS_LIM,
  BTRFS_IOCTL_QGROUP_LIMIT_ARGS_QGROUPID,
  BTRFS_IOCTL_QUOTA_CTL_ARGS_CMD,
  BTRFS_IOCTL_QUOTA_RESCAN_ARGS_FLAGS,
  BTRFS_IOCTL_QUOTA_RESCAN_ARGS_PROGRESS,
  BTRFS_IOCTL_RECEIVED_SUBVOL_ARGS_FLAGS,
  BTRFS_IOCTL_RECEIVED_SUBVOL_ARGS_RTIME,
  BTRFS_IOCTL_RECEIVED_SUBVOL_ARGS_RTRANSID,
  BTRFS_IOCTL_RECEIVED_SUBVOL_ARGS_STIME,
  BTRFS_IOCTL_RECEIVED_SUBVOL_ARGS_STRANSID,
  BTRFS_IOCTL_RECEIVED_SUBVOL_ARGS_UUID,
  BTRFS_IOCTL_SCRUB_ARGS_DEVID,
  BTRFS_IOCTL_SCRUB_ARGS_END,
  BTRFS_IOCTL_SCRUB_ARGS_FLAGS,
  BTRFS_IOCTL_SCRUB_ARGS_PROGRESS,
  BTRFS_IOCTL_SCRUB_ARGS_START,
  BTRFS_IOCTL_SEARCH_ARGS_BUF,
  BTRFS_IOCTL_SEARCH_ARGS_V2_BUF,
  BTRFS_IOCTL_SEARCH_ARGS_V2_BUF_SIZE,
  BTRFS_IOCTL_SEARCH_HEADER_LEN,
  BTRFS_IOCTL_SEARCH_HEADER_OBJECTID,
  BTRFS_IOCTL_SEARCH_HEADER_OFFSET,
  BTRFS_IOCTL_SEARCH_HEADER_TRANSID,
  BTRFS_IOCTL_SEARCH_HEADER_TYPE,
  BTRFS_IOCTL_SEARCH_KEY_MAX_OBJECTID,
  BTRFS_IOCTL_SEARCH_KEY_MAX_OFFSET,
  BTRFS_IOCTL_SEARCH_KEY_MAX_TRANSID,
  BTRFS_IOCTL_SEARCH_KEY_MAX_TYPE,
  BTRFS_IOCTL_SEARCH_KEY_MIN_OBJECTID,
  BTRFS_IOCTL_SEARCH_KEY_MIN_OFFSET,
  BTRFS_IOCTL_SEARCH_KEY_MIN_TRANSID,
  BTRFS_IOCTL_SEARCH_KEY_MIN_TYPE,
  BTRFS_IOCTL_SEARCH_KEY_NR_ITEMS,
  BTRFS_IOCTL_SEARCH_KEY_TREE_ID,
  BTRFS_IOCTL_SEND_ARGS_CLONE_SOURCES,
  BTRFS_IOCTL_SEND_ARGS_CLONE_SOURCES_COUNT,
  BTRFS_IOCTL_SEND_ARGS_FLAGS,
  BTRFS_IOCTL_SEND_ARGS_PARENT_ROOT,
  BTRFS_IOCTL_SEND_ARGS_SEND_FD,
  BTRFS_IOCTL_SPACE_ARGS_SPACE_SLOTS,
  BTRFS_IOCTL_SPACE_ARGS_SPACES,
  BTRFS_IOCTL_SPACE_ARGS_TOTAL_SPACES,
  BTRFS_IOCTL_SPACE_INFO_FLAGS,
  BTRFS_IOCTL_SPACE_INFO_TOTAL_BYTES,
  BTRFS_IOCTL_SPACE_INFO_USED_BYTES,
  BTRFS_IOCTL_TIMESPEC_NSEC,
  BTRFS_IOCTL_TIMESPEC_SEC,
  BTRFS_IOCTL_VOL_ARGS_FD,
  BTRFS_IOCTL_VOL_ARGS_NAME,
  BTRFS_IOCTL_VOL_ARGS_V2_FD,
  BTRFS_IOCTL_VOL_ARGS_V2_FLAGS,
  BTRFS_IOCTL_VOL_ARGS_V2_NAME,
  BTRFS_IOCTL_VOL_ARGS_V2_QGROUP_INHERIT,
  BTRFS_IOCTL_VOL_ARGS_V2_SIZE,
  BTRFS_IOCTL_VOL_ARGS_V2_TRANSID,
  BTRFS_QGROUP_INHERIT_FLAGS,
  BTRFS_QGROUP_INHERIT_LIM,
  BTRFS_QGROUP_INHERIT_NUM_EXCL_COPIES,
  BTRFS_QGROUP_INHERIT_NUM_QGROUPS,
  BTRFS_QGROUP_INHERIT_NUM_REF_COPIES,
  BTRFS_QGROUP_INHERIT_QGROUPS,
  BTRFS_QGROUP_LIMIT_FLAGS,
  BTRFS_QGROUP_LIMIT_MAX_EXCL,
  BTRFS_QGROUP_LIMIT_MAX_RFER,
  BTRFS_QGROUP_LIMIT_RSV_EXCL,
  BTRFS_QGROUP_LIMIT_RSV_RFER,
  BTRFS_SCRUB_PROGRESS_CORRECTED_ERRORS,
  BTRFS_SCRUB_PROGRESS_CSUM_DISCARDS,
  BTRFS_SCRUB_PROGRESS_CSUM_ERRORS,
  BTRFS_SCRUB_PROGRESS_DATA_BYTES_SCRUBBED,
  BTRFS_SCRUB_PROGRESS_DATA_EXTENTS_SCRUBBED,
  BTRFS_SCRUB_PROGRESS_LAST_PHYSICAL,
  BTRFS_SCRUB_PROGRESS_MALLOC_ERRORS,
  BTRFS_SCRUB_PROGRESS_NO_CSUM,
  BTRFS_SCRUB_PROGRESS_READ_ERRORS,
  BTRFS_SCRUB_PROGRESS_SUPER_ERRORS,
  BTRFS_SCRUB_PROGRESS_TREE_BYTES_SCRUBBED,
  BTRFS_SCRUB_PROGRESS_TREE_EXTENTS_SCRUBBED,
  BTRFS_SCRUB_PROGRESS_UNCORRECTABLE_ERRORS,
  BTRFS_SCRUB_PROGRESS_UNVERIFIED_ERRORS,
  BTRFS_SCRUB_PROGRESS_VERIFY_ERRORS,
  FILE_CLONE_RANGE_DEST_OFFSET,
  FILE_CLONE_RANGE_SRC_FD,
  FILE_CLONE_RANGE_SRC_LENGTH,
  FILE_CLONE_RANGE_SRC_OFFSET,
  FILE_DEDUPE_RANGE_DEST_COUNT,
  FILE_DEDUPE_RANGE_INFO,
  FILE_DEDUPE_RANGE_INFO_BYTES_DEDUPED,
  FILE_DEDUPE_RANGE_INFO_DEST_FD,
  FILE_DEDUPE_RANGE_INFO_DEST_OFFSET,
  FILE_DEDUPE_RANGE_INFO_STATUS,
  FILE_DEDUPE_RANGE_SRC_LENGTH,
  FILE_DEDUPE_RANGE_SRC_OFFSET,
  SIZEOF_BTRFS_IOCTL_BALANCE_ARGS,
  SIZEOF_BTRFS_IOCTL_DEFRAG_RANGE_ARGS,
  SIZEOF_BTRFS_IOCTL_DEV_INFO_ARGS,
  SIZEOF_BTRFS_IOCTL_DEV_REPLACE_ARGS,
  SIZEOF_BTRFS_IOCTL_FEATURE_FLAGS,
  SIZEOF_BTRFS_IOCTL_FS_INFO_ARGS,
  SIZEOF_BTRFS_IOCTL_GET_DEV_STATS,
  SIZEOF_BTRFS_IOCTL_INO_LOOKUP_ARGS,
  SIZEOF_BTRFS_IOCTL_INO_PATH_ARGS,
  SIZEOF_BTRFS_IOCTL_LOGICAL_INO_ARGS,
  SIZEOF_BTRFS_IOCTL_QGROUP_ASSIGN_ARGS,
  SIZEOF_BTRFS_IOCTL_QGROUP_CREATE_ARGS,
  SIZEOF_BTRFS_IOCTL_QGROUP_LIMIT_ARGS,
  SIZEOF_BTRFS_IOCTL_QUOTA_CTL_ARGS,
  SIZEOF_BTRFS_IOCTL_QUOTA_RESCAN_ARGS,
  SIZEOF_BTRFS_IOCTL_RECEIVED_SUBVOL_ARGS,
  SIZEOF_BTRFS_IOCTL_SCRUB_ARGS,
  SIZEOF_BTRFS_IOCTL_SEARCH_ARGS_V2,
  SIZEOF_BTRFS_IOCTL_SEARCH_HEADER,
  SIZEOF_BTRFS_IOCTL_SEARCH_KEY,
  SIZEOF_BTRFS_IOCTL_SEND_ARGS,
  SIZEOF_BTRFS_IOCTL_SPACE_ARGS,
  SIZEOF_BTRFS_IOCTL_SPACE_INFO,
  SIZEOF_BTRFS_IOCTL_VOL_ARGS,
  SIZEOF_BTRFS_IOCTL_VOL_ARGS_V2,
  SIZEOF_BTRFS_QGROUP_INHERIT,
  SIZEOF_FILE_CLONE_RANGE,
  SIZEOF_FILE_DEDUPE_RANGE,
  SIZEOF_FILE_DEDUPE_RANGE_INFO,
} from "../layouts";
import { strsize, verbose } from "../options";
import { outLen, putc, puts } from "../out";
import { findPointee, ptData, ptLen, ptPtr } from "../pointee";
import { printFdElem } from "../print/fd";
import { putAddr, putHex, putI64, putU64 } from "../print/num";
import { isoShown, putIsoTime, putMakedev } from "../print/structs";
import { FMT_HEX, FMT_UDEC, restyle } from "../print/style";
import { printEnum, printFlags } from "../print/xlat";
import { findTable, strEq, valueOf } from "../tables";
import { isIoctlRequest, isZero, putCStringField } from "./ioctl-fields";

const ARG: u32 = 2;

function tab(name: string): i32 {
  return findTable(name);
}

/** A constant of core's btrfs table `table` by name (its header's value). */
function constOf(table: string, name: string): u64 {
  return valueOf(findTable(table), name, 0);
}

function name(n: string, first: bool): void {
  if (!first) puts(", ");
  puts(n);
  putc(0x3d);
}

function u64At(p: usize, off: u32): u64 {
  return load<u64>(p + <usize>off);
}

/** `n=V` unsigned (PRINT_FIELD_U) of a `size`-byte field. */
function fU(n: string, p: usize, off: u32, size: u32 = 8, first: bool = false): void {
  name(n, first);
  if (size == 8) putU64(u64At(p, off));
  else if (size == 4) putU64(<u64>load<u32>(p + <usize>off));
  else putU64(<u64>load<u16>(p + <usize>off));
}

/** PRINT_FIELD_U64: UINT64_MAX by name (a number under -X raw, both under -X verbose). */
function fU64(n: string, p: usize, off: u32, first: bool = false): void {
  name(n, first);
  const v = u64At(p, off);
  const start = outLen;
  if (v == U64.MAX_VALUE) puts("UINT64_MAX");
  else putU64(v);
  restyle(start, v, FMT_UDEC);
}

function fFlags(n: string, p: usize, off: u32, table: string, size: u32 = 8, first: bool = false): void {
  name(n, first);
  printFlags(tab(table), size == 8 ? u64At(p, off) : <u64>load<u32>(p + <usize>off));
}

/** PRINT_FIELD_XVAL: by name, hex with the table's `X_???` comment when unknown. */
function fXval(n: string, p: usize, off: u32, table: string, size: u32 = 8, first: bool = false): void {
  name(n, first);
  printEnum(
    tab(table),
    size == 8 ? u64At(p, off) : size == 4 ? <u64>load<u32>(p + <usize>off) : <u64>load<u16>(p + <usize>off),
  );
}

/** An object id (btrfs_print_objectid): by name, decimal when unknown. */
function fObjid(n: string, p: usize, off: u32, first: bool = false): void {
  name(n, first);
  printEnum(tab("btrfs_tree_objectids"), u64At(p, off), true);
}

/** A key type (btrfs_print_key_type): a __u32 by name, decimal when unknown. */
function fKeyType(n: string, p: usize, off: u32, size: u32, first: bool = false): void {
  name(n, first);
  printEnum(
    tab("btrfs_key_types"),
    size == 4 ? <u64>load<u32>(p + <usize>off) : <u64>load<u8>(p + <usize>off),
    true,
  );
}

function fDev(n: string, p: usize, off: u32, first: bool = false): void {
  name(n, first);
  putMakedev(u64At(p, off));
}

function fCstr(n: string, p: usize, off: u32, size: u32, first: bool = false): void {
  name(n, first);
  putCStringField(p + <usize>off, size);
}

/** PRINT_FIELD_UUID: the 16 bytes as 8-4-4-4-12 hex digits. */
function fUuid(n: string, p: usize, off: u32, first: bool = false): void {
  name(n, first);
  const h = "0123456789abcdef";
  for (let i: u32 = 0; i < 16; i++) {
    if (i == 4 || i == 6 || i == 8 || i == 10) putc(0x2d);
    const c = <u32>load<u8>(p + <usize>(off + i));
    putc(<u32>h.charCodeAt(c >> 4));
    putc(<u32>h.charCodeAt(c & 15));
  }
}

function fFd(n: string, p: usize, off: u32, first: bool = false): void {
  name(n, first);
  printFdElem(<i32>load<i64>(p + <usize>off));
}

// ---- the requests' structs ----

/** btrfs_ioctl_vol_args: `{fd=N, name="…"}`. */
function printVolArgs(p: usize, len: u32): bool {
  if (len < SIZEOF_BTRFS_IOCTL_VOL_ARGS) return false;
  putc(0x7b);
  fFd("fd", p, BTRFS_IOCTL_VOL_ARGS_FD, true);
  fCstr("name", p, BTRFS_IOCTL_VOL_ARGS_NAME, SIZEOF_BTRFS_IOCTL_VOL_ARGS - BTRFS_IOCTL_VOL_ARGS_NAME);
  putc(0x7d);
  return true;
}

function printQgroupLimit(p: usize): void {
  putc(0x7b);
  fFlags("flags", p, BTRFS_QGROUP_LIMIT_FLAGS, "btrfs_qgroup_limit_flags", 8, true);
  fU("max_rfer", p, BTRFS_QGROUP_LIMIT_MAX_RFER);
  fU("max_excl", p, BTRFS_QGROUP_LIMIT_MAX_EXCL);
  fU("rsv_rfer", p, BTRFS_QGROUP_LIMIT_RSV_RFER);
  fU("rsv_excl", p, BTRFS_QGROUP_LIMIT_RSV_EXCL);
  putc(0x7d);
}

/** 0: decimal; 1: an object id by name (strace's print_objectid_callback). */
const EL_U: u32 = 0;
const EL_OBJID: u32 = 1;

/**
 * strace's print_array over u64 elements of which `avail` bytes at p were read from tracee address
 * `addr`: `[…]`, the address when the first is unreadable, `... /* addr *\/` after the last readable.
 */
function printU64Array(p: usize, avail: u32, addr: u64, count: u64, kind: u32): void {
  if (addr == 0) {
    puts("NULL");
    return;
  }
  if (count == 0) {
    puts("[]");
    return;
  }
  if (count > U64.MAX_VALUE >> 3 || addr + count * 8 < addr) {
    putAddr(addr);
    return;
  }
  for (let i: u64 = 0; i < count; i++) {
    if (i > 0) puts(", ");
    if (i * 8 + 8 > <u64>avail) {
      if (i == 0) {
        putAddr(addr);
        return;
      }
      puts("... /* ");
      putAddr(addr + i * 8);
      puts(" */");
      break;
    }
    if (i == 0) putc(0x5b);
    const v = load<u64>(p + <usize>(i * 8));
    if (kind == EL_OBJID) printEnum(tab("btrfs_tree_objectids"), v, true);
    else putU64(v);
  }
  putc(0x5d);
}

/** The struct btrfs_qgroup_inherit a new subvolume's args point at (btrfs_print_qgroup_inherit). */
function printQgroupInherit(addr: u64): void {
  if (addr == 0 || !findPointee(ARG, BTRFS_IOCTL_VOL_ARGS_V2_QGROUP_INHERIT, false) || ptPtr != addr) {
    putAddr(addr);
    return;
  }
  if (ptLen < SIZEOF_BTRFS_QGROUP_INHERIT) {
    putAddr(addr);
    return;
  }
  const q = ptData;
  putc(0x7b);
  fFlags("flags", q, BTRFS_QGROUP_INHERIT_FLAGS, "btrfs_qgroup_inherit_flags", 8, true);
  fU("num_qgroups", q, BTRFS_QGROUP_INHERIT_NUM_QGROUPS);
  fU("num_ref_copies", q, BTRFS_QGROUP_INHERIT_NUM_REF_COPIES);
  fU("num_excl_copies", q, BTRFS_QGROUP_INHERIT_NUM_EXCL_COPIES);
  puts(", lim=");
  printQgroupLimit(q + BTRFS_QGROUP_INHERIT_LIM);
  if (!verbose) puts(", ...");
  else {
    puts(", qgroups=");
    printU64Array(
      q + BTRFS_QGROUP_INHERIT_QGROUPS,
      ptLen - BTRFS_QGROUP_INHERIT_QGROUPS,
      addr + BTRFS_QGROUP_INHERIT_QGROUPS,
      u64At(q, BTRFS_QGROUP_INHERIT_NUM_QGROUPS),
      EL_U,
    );
  }
  putc(0x7d);
}

/** btrfs_ioctl_vol_args_v2: the new subvolume at entry, its transaction id at exit. */
function printVolArgsV2(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_BTRFS_IOCTL_VOL_ARGS_V2) return false;
  putc(0x7b);
  if (atExit) {
    fU("transid", p, BTRFS_IOCTL_VOL_ARGS_V2_TRANSID, 8, true);
    putc(0x7d);
    return true;
  }
  fFd("fd", p, BTRFS_IOCTL_VOL_ARGS_V2_FD, true);
  const flags = u64At(p, BTRFS_IOCTL_VOL_ARGS_V2_FLAGS);
  fFlags("flags", p, BTRFS_IOCTL_VOL_ARGS_V2_FLAGS, "btrfs_snap_flags_v2");
  if ((flags & constOf("btrfs_snap_flags_v2", "BTRFS_SUBVOL_QGROUP_INHERIT")) != 0) {
    fU("size", p, BTRFS_IOCTL_VOL_ARGS_V2_SIZE);
    puts(", qgroup_inherit=");
    printQgroupInherit(u64At(p, BTRFS_IOCTL_VOL_ARGS_V2_QGROUP_INHERIT));
  }
  fCstr(
    "name",
    p,
    BTRFS_IOCTL_VOL_ARGS_V2_NAME,
    SIZEOF_BTRFS_IOCTL_VOL_ARGS_V2 - BTRFS_IOCTL_VOL_ARGS_V2_NAME,
  );
  putc(0x7d);
  return true;
}

/** A __u64 of subvolume flags, bare (printflags64). */
function printSubvolFlags(p: usize, len: u32): bool {
  if (len < 8) return false;
  printFlags(tab("btrfs_snap_flags_v2"), load<u64>(p));
  return true;
}

function printBalanceArgs(p: usize): void {
  putc(0x7b);
  fFlags("profiles", p, BTRFS_BALANCE_ARGS_PROFILES, "btrfs_space_info_flags", 8, true);
  fU64("usage", p, BTRFS_BALANCE_ARGS_USAGE);
  fDev("devid", p, BTRFS_BALANCE_ARGS_DEVID);
  fU64("pstart", p, BTRFS_BALANCE_ARGS_PSTART);
  fU64("pend", p, BTRFS_BALANCE_ARGS_PEND);
  fU64("vstart", p, BTRFS_BALANCE_ARGS_VSTART);
  fU64("vend", p, BTRFS_BALANCE_ARGS_VEND);
  fU64("target", p, BTRFS_BALANCE_ARGS_TARGET);
  fFlags("flags", p, BTRFS_BALANCE_ARGS_FLAGS, "btrfs_balance_args");
  putc(0x7d);
}

/** btrfs_ioctl_balance_args: the flags, the state the kernel reports, each chosen group's args. */
function printBalance(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_BTRFS_IOCTL_BALANCE_ARGS) return false;
  const flags = u64At(p, BTRFS_IOCTL_BALANCE_ARGS_FLAGS);
  putc(0x7b);
  fFlags("flags", p, BTRFS_IOCTL_BALANCE_ARGS_FLAGS, "btrfs_balance_flags", 8, true);
  if (atExit) fFlags("state", p, BTRFS_IOCTL_BALANCE_ARGS_STATE, "btrfs_balance_state");
  if ((flags & constOf("btrfs_balance_flags", "BTRFS_BALANCE_DATA")) != 0) {
    puts(", data=");
    printBalanceArgs(p + BTRFS_IOCTL_BALANCE_ARGS_DATA);
  }
  if ((flags & constOf("btrfs_balance_flags", "BTRFS_BALANCE_METADATA")) != 0) {
    puts(", meta=");
    printBalanceArgs(p + BTRFS_IOCTL_BALANCE_ARGS_META);
  }
  if ((flags & constOf("btrfs_balance_flags", "BTRFS_BALANCE_SYSTEM")) != 0) {
    puts(", sys=");
    printBalanceArgs(p + BTRFS_IOCTL_BALANCE_ARGS_SYS);
  }
  putc(0x7d);
  return true;
}

function printDefragRange(p: usize, len: u32): bool {
  if (len < SIZEOF_BTRFS_IOCTL_DEFRAG_RANGE_ARGS) return false;
  putc(0x7b);
  fU("start", p, BTRFS_IOCTL_DEFRAG_RANGE_ARGS_START, 8, true);
  fU64("len", p, BTRFS_IOCTL_DEFRAG_RANGE_ARGS_LEN);
  fFlags("flags", p, BTRFS_IOCTL_DEFRAG_RANGE_ARGS_FLAGS, "btrfs_defrag_flags");
  fU("extent_thresh", p, BTRFS_IOCTL_DEFRAG_RANGE_ARGS_EXTENT_THRESH, 4);
  fXval("compress_type", p, BTRFS_IOCTL_DEFRAG_RANGE_ARGS_COMPRESS_TYPE, "btrfs_compress_types", 4);
  putc(0x7d);
  return true;
}

function printDevInfo(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_BTRFS_IOCTL_DEV_INFO_ARGS) return false;
  const hasUuid = !isZero(p + BTRFS_IOCTL_DEV_INFO_ARGS_UUID, 16);
  putc(0x7b);
  if (!atExit) {
    fDev("devid", p, BTRFS_IOCTL_DEV_INFO_ARGS_DEVID, true);
    if (hasUuid) fUuid("uuid", p, BTRFS_IOCTL_DEV_INFO_ARGS_UUID);
  } else {
    if (hasUuid) {
      fUuid("uuid", p, BTRFS_IOCTL_DEV_INFO_ARGS_UUID, true);
      puts(", ");
    }
    fU("bytes_used", p, BTRFS_IOCTL_DEV_INFO_ARGS_BYTES_USED, 8, true);
    fU("total_bytes", p, BTRFS_IOCTL_DEV_INFO_ARGS_TOTAL_BYTES);
    fCstr(
      "path",
      p,
      BTRFS_IOCTL_DEV_INFO_ARGS_PATH,
      SIZEOF_BTRFS_IOCTL_DEV_INFO_ARGS - BTRFS_IOCTL_DEV_INFO_ARGS_PATH,
    );
  }
  putc(0x7d);
  return true;
}

/** ` /* time *\/` after a time in seconds (strace's sprinttime; none for 0). */
function timeComment(sec: i64, nsec: u32, digits: i32): void {
  if (!isoShown(sec, <u64>nsec)) return;
  puts(" /* ");
  putIsoTime(sec, nsec, digits);
  puts(" */");
}

function printDevReplace(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_BTRFS_IOCTL_DEV_REPLACE_ARGS) return false;
  const cmd = u64At(p, BTRFS_IOCTL_DEV_REPLACE_ARGS_CMD);
  putc(0x7b);
  if (!atExit) {
    fXval("cmd", p, BTRFS_IOCTL_DEV_REPLACE_ARGS_CMD, "btrfs_dev_replace_cmds", 8, true);
    if (cmd == constOf("btrfs_dev_replace_cmds", "BTRFS_IOCTL_DEV_REPLACE_CMD_START")) {
      const s = p + BTRFS_IOCTL_DEV_REPLACE_ARGS_START;
      const nameSize =
        BTRFS_IOCTL_DEV_REPLACE_START_PARAMS_TGTDEV_NAME - BTRFS_IOCTL_DEV_REPLACE_START_PARAMS_SRCDEV_NAME;
      puts(", start={");
      fDev("srcdevid", s, BTRFS_IOCTL_DEV_REPLACE_START_PARAMS_SRCDEVID, true);
      fXval(
        "cont_reading_from_srcdev_mode",
        s,
        BTRFS_IOCTL_DEV_REPLACE_START_PARAMS_CONT_READING_FROM_SRCDEV_MODE,
        "btrfs_cont_reading_from_srcdev_mode",
      );
      fCstr("srcdev_name", s, BTRFS_IOCTL_DEV_REPLACE_START_PARAMS_SRCDEV_NAME, nameSize);
      fCstr("tgtdev_name", s, BTRFS_IOCTL_DEV_REPLACE_START_PARAMS_TGTDEV_NAME, nameSize);
      putc(0x7d);
    }
  } else {
    fXval("result", p, BTRFS_IOCTL_DEV_REPLACE_ARGS_RESULT, "btrfs_dev_replace_results", 8, true);
    if (cmd == constOf("btrfs_dev_replace_cmds", "BTRFS_IOCTL_DEV_REPLACE_CMD_STATUS")) {
      const s = p + BTRFS_IOCTL_DEV_REPLACE_ARGS_STATUS;
      puts(", status={");
      fXval(
        "replace_state",
        s,
        BTRFS_IOCTL_DEV_REPLACE_STATUS_PARAMS_REPLACE_STATE,
        "btrfs_dev_replace_state",
        8,
        true,
      );
      const prog = u64At(s, BTRFS_IOCTL_DEV_REPLACE_STATUS_PARAMS_PROGRESS_1000);
      fU("progress_1000", s, BTRFS_IOCTL_DEV_REPLACE_STATUS_PARAMS_PROGRESS_1000);
      if (prog <= 1000) {
        puts(" /* ");
        putU64(<u64>(<u32>prog / 10));
        putc(0x2e);
        putU64(<u64>(<u32>prog % 10));
        puts("% */");
      }
      fU("time_started", s, BTRFS_IOCTL_DEV_REPLACE_STATUS_PARAMS_TIME_STARTED);
      timeComment(<i64>u64At(s, BTRFS_IOCTL_DEV_REPLACE_STATUS_PARAMS_TIME_STARTED), 0, 0);
      fU("time_stopped", s, BTRFS_IOCTL_DEV_REPLACE_STATUS_PARAMS_TIME_STOPPED);
      timeComment(<i64>u64At(s, BTRFS_IOCTL_DEV_REPLACE_STATUS_PARAMS_TIME_STOPPED), 0, 0);
      fU("num_write_errors", s, BTRFS_IOCTL_DEV_REPLACE_STATUS_PARAMS_NUM_WRITE_ERRORS);
      fU(
        "num_uncorrectable_read_errors",
        s,
        BTRFS_IOCTL_DEV_REPLACE_STATUS_PARAMS_NUM_UNCORRECTABLE_READ_ERRORS,
      );
      putc(0x7d);
    }
  }
  putc(0x7d);
  return true;
}

function printFeatures(p: usize): void {
  putc(0x7b);
  fFlags("compat_flags", p, BTRFS_IOCTL_FEATURE_FLAGS_COMPAT_FLAGS, "btrfs_features_compat", 8, true);
  fFlags("compat_ro_flags", p, BTRFS_IOCTL_FEATURE_FLAGS_COMPAT_RO_FLAGS, "btrfs_features_compat_ro");
  fFlags("incompat_flags", p, BTRFS_IOCTL_FEATURE_FLAGS_INCOMPAT_FLAGS, "btrfs_features_incompat");
  putc(0x7d);
}

/** `n` feature flag sets in brackets, GET_SUPPORTED_FEATURES' with what each set means. */
function printFeatureSets(p: usize, len: u32, n: u32): bool {
  if (len < n * SIZEOF_BTRFS_IOCTL_FEATURE_FLAGS) return false;
  if (n == 1) {
    printFeatures(p);
    return true;
  }
  putc(0x5b);
  for (let i: u32 = 0; i < n; i++) {
    if (i > 0) puts(", ");
    printFeatures(p + <usize>(i * SIZEOF_BTRFS_IOCTL_FEATURE_FLAGS));
    if (n == 3) puts(i == 0 ? " /* supported */" : i == 1 ? " /* safe to set */" : " /* safe to clear */");
  }
  putc(0x5d);
  return true;
}

function printFsInfo(p: usize, len: u32): bool {
  if (len < SIZEOF_BTRFS_IOCTL_FS_INFO_ARGS) return false;
  const flags = u64At(p, BTRFS_IOCTL_FS_INFO_ARGS_FLAGS);
  const t = "btrfs_fs_info_flags";
  putc(0x7b);
  fU("max_id", p, BTRFS_IOCTL_FS_INFO_ARGS_MAX_ID, 8, true);
  fU("num_devices", p, BTRFS_IOCTL_FS_INFO_ARGS_NUM_DEVICES);
  fUuid("fsid", p, BTRFS_IOCTL_FS_INFO_ARGS_FSID);
  fU("nodesize", p, BTRFS_IOCTL_FS_INFO_ARGS_NODESIZE, 4);
  fU("sectorsize", p, BTRFS_IOCTL_FS_INFO_ARGS_SECTORSIZE, 4);
  fU("clone_alignment", p, BTRFS_IOCTL_FS_INFO_ARGS_CLONE_ALIGNMENT, 4);
  if ((flags & constOf(t, "BTRFS_FS_INFO_FLAG_CSUM_INFO")) != 0) {
    fXval("csum_type", p, BTRFS_IOCTL_FS_INFO_ARGS_CSUM_TYPE, "btrfs_csum_types", 2);
    fU("csum_size", p, BTRFS_IOCTL_FS_INFO_ARGS_CSUM_SIZE, 2);
  }
  fFlags("flags", p, BTRFS_IOCTL_FS_INFO_ARGS_FLAGS, t);
  if ((flags & constOf(t, "BTRFS_FS_INFO_FLAG_GENERATION")) != 0)
    fU("generation", p, BTRFS_IOCTL_FS_INFO_ARGS_GENERATION);
  if ((flags & constOf(t, "BTRFS_FS_INFO_FLAG_METADATA_UUID")) != 0)
    fUuid("metadata_uuid", p, BTRFS_IOCTL_FS_INFO_ARGS_METADATA_UUID);
  putc(0x7d);
  return true;
}

function printDevStats(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_BTRFS_IOCTL_GET_DEV_STATS) return false;
  putc(0x7b);
  if (!atExit) fDev("devid", p, BTRFS_IOCTL_GET_DEV_STATS_DEVID, true);
  fU("nr_items", p, BTRFS_IOCTL_GET_DEV_STATS_NR_ITEMS, 8, atExit);
  fFlags("flags", p, BTRFS_IOCTL_GET_DEV_STATS_FLAGS, "btrfs_dev_stats_flags");
  if (atExit) {
    const n = u64At(p, BTRFS_IOCTL_GET_DEV_STATS_NR_ITEMS);
    const max = <u64>((BTRFS_IOCTL_GET_DEV_STATS_UNUSED - BTRFS_IOCTL_GET_DEV_STATS_VALUES) / 8);
    puts(", [");
    for (let i: u64 = 0; i < n; i++) {
      if (i > 0) puts(", ");
      if (i >= max) {
        puts("...");
        break;
      }
      putc(0x5b);
      printEnum(tab("btrfs_dev_stats_values"), i, true);
      puts("]=");
      putU64(u64At(p, BTRFS_IOCTL_GET_DEV_STATS_VALUES + <u32>i * 8));
    }
    putc(0x5d);
  }
  putc(0x7d);
  return true;
}

function printInoLookup(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_BTRFS_IOCTL_INO_LOOKUP_ARGS) return false;
  putc(0x7b);
  if (!atExit) {
    fObjid("treeid", p, BTRFS_IOCTL_INO_LOOKUP_ARGS_TREEID, true);
    fObjid("objectid", p, BTRFS_IOCTL_INO_LOOKUP_ARGS_OBJECTID);
  } else {
    // The tree the kernel looked in, when the caller let it choose (treeid 0 at entry).
    // Without the entry's struct, strace's own flag is unknown: the tree is left out.
    fCstr(
      "name",
      p,
      BTRFS_IOCTL_INO_LOOKUP_ARGS_NAME,
      SIZEOF_BTRFS_IOCTL_INO_LOOKUP_ARGS - BTRFS_IOCTL_INO_LOOKUP_ARGS_NAME,
      true,
    );
  }
  putc(0x7d);
  return true;
}

/** INO_PATHS' request; at exit the container's address (the container itself is not read yet). */
function printInoPaths(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_BTRFS_IOCTL_INO_PATH_ARGS) return false;
  putc(0x7b);
  if (!atExit) {
    fU("inum", p, BTRFS_IOCTL_INO_PATH_ARGS_INUM, 8, true);
    fU("size", p, BTRFS_IOCTL_INO_PATH_ARGS_SIZE);
    puts(", ");
  }
  puts("fspath=");
  putAddr(u64At(p, BTRFS_IOCTL_INO_PATH_ARGS_FSPATH));
  putc(0x7d);
  return true;
}

function printLogicalIno(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_BTRFS_IOCTL_LOGICAL_INO_ARGS) return false;
  putc(0x7b);
  if (!atExit) {
    fU("logical", p, BTRFS_IOCTL_LOGICAL_INO_ARGS_LOGICAL, 8, true);
    fU("size", p, BTRFS_IOCTL_LOGICAL_INO_ARGS_SIZE);
    const r = BTRFS_IOCTL_LOGICAL_INO_ARGS_RESERVED;
    const n = (BTRFS_IOCTL_LOGICAL_INO_ARGS_FLAGS - r) / 8;
    if (!isZero(p + r, n * 8)) {
      puts(", reserved=[");
      for (let i: u32 = 0; i < n; i++) {
        if (i > 0) puts(", ");
        const v = u64At(p, r + i * 8);
        const start = outLen;
        putHex(v);
        restyle(start, v, FMT_HEX);
      }
      putc(0x5d);
    }
    fFlags("flags", p, BTRFS_IOCTL_LOGICAL_INO_ARGS_FLAGS, "btrfs_logical_ino_args_flags");
    puts(", ");
  }
  puts("inodes=");
  putAddr(u64At(p, BTRFS_IOCTL_LOGICAL_INO_ARGS_INODES));
  putc(0x7d);
  return true;
}

function printQgroupAssign(p: usize, len: u32): bool {
  if (len < SIZEOF_BTRFS_IOCTL_QGROUP_ASSIGN_ARGS) return false;
  putc(0x7b);
  fU("assign", p, BTRFS_IOCTL_QGROUP_ASSIGN_ARGS_ASSIGN, 8, true);
  fU("src", p, BTRFS_IOCTL_QGROUP_ASSIGN_ARGS_SRC);
  fU("dst", p, BTRFS_IOCTL_QGROUP_ASSIGN_ARGS_DST);
  putc(0x7d);
  return true;
}

function printQgroupCreate(p: usize, len: u32): bool {
  if (len < SIZEOF_BTRFS_IOCTL_QGROUP_CREATE_ARGS) return false;
  putc(0x7b);
  fU("create", p, BTRFS_IOCTL_QGROUP_CREATE_ARGS_CREATE, 8, true);
  fU("qgroupid", p, BTRFS_IOCTL_QGROUP_CREATE_ARGS_QGROUPID);
  putc(0x7d);
  return true;
}

function printQgroupLimitArgs(p: usize, len: u32): bool {
  if (len < SIZEOF_BTRFS_IOCTL_QGROUP_LIMIT_ARGS) return false;
  putc(0x7b);
  fU("qgroupid", p, BTRFS_IOCTL_QGROUP_LIMIT_ARGS_QGROUPID, 8, true);
  puts(", lim=");
  printQgroupLimit(p + BTRFS_IOCTL_QGROUP_LIMIT_ARGS_LIM);
  putc(0x7d);
  return true;
}

function printQuotaCtl(p: usize, len: u32): bool {
  if (len < SIZEOF_BTRFS_IOCTL_QUOTA_CTL_ARGS) return false;
  putc(0x7b);
  fXval("cmd", p, BTRFS_IOCTL_QUOTA_CTL_ARGS_CMD, "btrfs_qgroup_ctl_cmds", 8, true);
  putc(0x7d);
  return true;
}

/** QUOTA_RESCAN's flags (given), QUOTA_RESCAN_STATUS' flags and progress (answered). */
function printQuotaRescan(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_BTRFS_IOCTL_QUOTA_RESCAN_ARGS) return false;
  putc(0x7b);
  fU("flags", p, BTRFS_IOCTL_QUOTA_RESCAN_ARGS_FLAGS, 8, true);
  if (atExit) fObjid("progress", p, BTRFS_IOCTL_QUOTA_RESCAN_ARGS_PROGRESS);
  putc(0x7d);
  return true;
}

function fTimespec(n: string, p: usize, off: u32): void {
  name(n, false);
  const sec = u64At(p, off + BTRFS_IOCTL_TIMESPEC_SEC);
  const nsec = load<u32>(p + <usize>(off + BTRFS_IOCTL_TIMESPEC_NSEC));
  puts("{sec=");
  putU64(sec);
  puts(", nsec=");
  putU64(<u64>nsec);
  putc(0x7d);
  timeComment(<i64>sec, nsec, 9);
}

function printReceivedSubvol(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_BTRFS_IOCTL_RECEIVED_SUBVOL_ARGS) return false;
  putc(0x7b);
  if (!atExit) {
    fUuid("uuid", p, BTRFS_IOCTL_RECEIVED_SUBVOL_ARGS_UUID, true);
    fU("stransid", p, BTRFS_IOCTL_RECEIVED_SUBVOL_ARGS_STRANSID);
    fTimespec("stime", p, BTRFS_IOCTL_RECEIVED_SUBVOL_ARGS_STIME);
    fU("flags", p, BTRFS_IOCTL_RECEIVED_SUBVOL_ARGS_FLAGS);
  } else {
    fU("rtransid", p, BTRFS_IOCTL_RECEIVED_SUBVOL_ARGS_RTRANSID, 8, true);
    fTimespec("rtime", p, BTRFS_IOCTL_RECEIVED_SUBVOL_ARGS_RTIME);
  }
  putc(0x7d);
  return true;
}

function printScrub(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_BTRFS_IOCTL_SCRUB_ARGS) return false;
  putc(0x7b);
  if (!atExit) {
    fDev("devid", p, BTRFS_IOCTL_SCRUB_ARGS_DEVID, true);
    if (isIoctlRequest("BTRFS_IOC_SCRUB")) {
      fU("start", p, BTRFS_IOCTL_SCRUB_ARGS_START);
      fU64("end", p, BTRFS_IOCTL_SCRUB_ARGS_END);
      fFlags("flags", p, BTRFS_IOCTL_SCRUB_ARGS_FLAGS, "btrfs_scrub_flags");
    }
  } else {
    const s = p + BTRFS_IOCTL_SCRUB_ARGS_PROGRESS;
    puts("progress={");
    fU("data_extents_scrubbed", s, BTRFS_SCRUB_PROGRESS_DATA_EXTENTS_SCRUBBED, 8, true);
    fU("tree_extents_scrubbed", s, BTRFS_SCRUB_PROGRESS_TREE_EXTENTS_SCRUBBED);
    fU("data_bytes_scrubbed", s, BTRFS_SCRUB_PROGRESS_DATA_BYTES_SCRUBBED);
    fU("tree_bytes_scrubbed", s, BTRFS_SCRUB_PROGRESS_TREE_BYTES_SCRUBBED);
    fU("read_errors", s, BTRFS_SCRUB_PROGRESS_READ_ERRORS);
    fU("csum_errors", s, BTRFS_SCRUB_PROGRESS_CSUM_ERRORS);
    fU("verify_errors", s, BTRFS_SCRUB_PROGRESS_VERIFY_ERRORS);
    fU("no_csum", s, BTRFS_SCRUB_PROGRESS_NO_CSUM);
    fU("csum_discards", s, BTRFS_SCRUB_PROGRESS_CSUM_DISCARDS);
    fU("super_errors", s, BTRFS_SCRUB_PROGRESS_SUPER_ERRORS);
    fU("malloc_errors", s, BTRFS_SCRUB_PROGRESS_MALLOC_ERRORS);
    fU("uncorrectable_errors", s, BTRFS_SCRUB_PROGRESS_UNCORRECTABLE_ERRORS);
    fU("corrected_errors", s, BTRFS_SCRUB_PROGRESS_CORRECTED_ERRORS);
    fU("last_physical", s, BTRFS_SCRUB_PROGRESS_LAST_PHYSICAL);
    fU("unverified_errors", s, BTRFS_SCRUB_PROGRESS_UNVERIFIED_ERRORS);
    putc(0x7d);
  }
  putc(0x7d);
  return true;
}

/** The search key: what the caller asks at entry, how many items the kernel found at exit. */
function printSearchKey(k: usize, atExit: bool): void {
  puts("key={");
  if (atExit) {
    fU("nr_items", k, BTRFS_IOCTL_SEARCH_KEY_NR_ITEMS, 4, true);
    putc(0x7d);
    return;
  }
  const t = "btrfs_tree_objectids";
  fObjid("tree_id", k, BTRFS_IOCTL_SEARCH_KEY_TREE_ID, true);
  if (u64At(k, BTRFS_IOCTL_SEARCH_KEY_MIN_OBJECTID) != constOf(t, "BTRFS_FIRST_FREE_OBJECTID") || verbose)
    fObjid("min_objectid", k, BTRFS_IOCTL_SEARCH_KEY_MIN_OBJECTID);
  if (u64At(k, BTRFS_IOCTL_SEARCH_KEY_MAX_OBJECTID) != constOf(t, "BTRFS_LAST_FREE_OBJECTID") || verbose)
    fObjid("max_objectid", k, BTRFS_IOCTL_SEARCH_KEY_MAX_OBJECTID);
  fU64("min_offset", k, BTRFS_IOCTL_SEARCH_KEY_MIN_OFFSET);
  fU64("max_offset", k, BTRFS_IOCTL_SEARCH_KEY_MAX_OFFSET);
  fU64("min_transid", k, BTRFS_IOCTL_SEARCH_KEY_MIN_TRANSID);
  fU64("max_transid", k, BTRFS_IOCTL_SEARCH_KEY_MAX_TRANSID);
  fKeyType("min_type", k, BTRFS_IOCTL_SEARCH_KEY_MIN_TYPE, 4);
  fKeyType("max_type", k, BTRFS_IOCTL_SEARCH_KEY_MAX_TYPE, 4);
  fU("nr_items", k, BTRFS_IOCTL_SEARCH_KEY_NR_ITEMS, 4);
  putc(0x7d);
}

/**
 * The search result's item headers (decode_search_arg_buf): `buf` read at p (`avail` bytes of a
 * buffer of `size`), from tracee address `addr`.
 */
function printSearchBuf(p: usize, avail: u32, addr: u64, size: u64, nrItems: u32): void {
  puts(", ");
  if (!verbose) {
    puts("...");
    return;
  }
  puts("buf=[");
  let off: u64 = 0;
  for (let i: u32 = 0; i < nrItems; i++) {
    if (i > 0) puts(", ");
    const at = addr + off;
    if (at < addr || off + SIZEOF_BTRFS_IOCTL_SEARCH_HEADER > size || i > <u32>strsize) {
      puts("...");
      break;
    }
    if (off + SIZEOF_BTRFS_IOCTL_SEARCH_HEADER > <u64>avail) {
      puts("... /* ");
      putAddr(at);
      puts(" */");
      break;
    }
    const h = p + <usize>off;
    putc(0x7b);
    fU("transid", h, BTRFS_IOCTL_SEARCH_HEADER_TRANSID, 8, true);
    fObjid("objectid", h, BTRFS_IOCTL_SEARCH_HEADER_OBJECTID);
    fU("offset", h, BTRFS_IOCTL_SEARCH_HEADER_OFFSET);
    fKeyType("type", h, BTRFS_IOCTL_SEARCH_HEADER_TYPE, 4);
    fU("len", h, BTRFS_IOCTL_SEARCH_HEADER_LEN, 4);
    putc(0x7d);
    off += SIZEOF_BTRFS_IOCTL_SEARCH_HEADER + <u64>load<u32>(h + BTRFS_IOCTL_SEARCH_HEADER_LEN);
  }
  putc(0x5d);
}

/** TREE_SEARCH: its key at entry (only the key is read), the key and result at exit. */
function printTreeSearch(p: usize, len: u32, addr: u64, atExit: bool): bool {
  if (len < SIZEOF_BTRFS_IOCTL_SEARCH_KEY) return false;
  putc(0x7b);
  printSearchKey(p, atExit);
  if (atExit) {
    const size = <u64>(4096 - BTRFS_IOCTL_SEARCH_ARGS_BUF);
    const avail = len > BTRFS_IOCTL_SEARCH_ARGS_BUF ? len - BTRFS_IOCTL_SEARCH_ARGS_BUF : 0;
    const nr = load<u32>(p + BTRFS_IOCTL_SEARCH_KEY_NR_ITEMS);
    printSearchBuf(p + BTRFS_IOCTL_SEARCH_ARGS_BUF, avail, addr + BTRFS_IOCTL_SEARCH_ARGS_BUF, size, nr);
  }
  putc(0x7d);
  return true;
}

function printTreeSearchV2(p: usize, len: u32, addr: u64, atExit: bool): bool {
  if (len < SIZEOF_BTRFS_IOCTL_SEARCH_ARGS_V2) return false;
  putc(0x7b);
  printSearchKey(p, atExit);
  fU("buf_size", p, BTRFS_IOCTL_SEARCH_ARGS_V2_BUF_SIZE);
  if (atExit) {
    const b = BTRFS_IOCTL_SEARCH_ARGS_V2_BUF;
    const nr = load<u32>(p + BTRFS_IOCTL_SEARCH_KEY_NR_ITEMS);
    printSearchBuf(p + b, len - b, addr + b, u64At(p, BTRFS_IOCTL_SEARCH_ARGS_V2_BUF_SIZE), nr);
  }
  putc(0x7d);
  return true;
}

function printSend(p: usize, len: u32): bool {
  if (len < SIZEOF_BTRFS_IOCTL_SEND_ARGS) return false;
  putc(0x7b);
  fFd("send_fd", p, BTRFS_IOCTL_SEND_ARGS_SEND_FD, true);
  fU("clone_sources_count", p, BTRFS_IOCTL_SEND_ARGS_CLONE_SOURCES_COUNT);
  const src = u64At(p, BTRFS_IOCTL_SEND_ARGS_CLONE_SOURCES);
  puts(", clone_sources=");
  if (!verbose) putAddr(src);
  else {
    const read = findPointee(ARG, BTRFS_IOCTL_SEND_ARGS_CLONE_SOURCES, false) && ptPtr == src;
    printU64Array(
      read ? ptData : 0,
      read ? ptLen : 0,
      src,
      u64At(p, BTRFS_IOCTL_SEND_ARGS_CLONE_SOURCES_COUNT),
      EL_OBJID,
    );
  }
  fObjid("parent_root", p, BTRFS_IOCTL_SEND_ARGS_PARENT_ROOT);
  fFlags("flags", p, BTRFS_IOCTL_SEND_ARGS_FLAGS, "btrfs_send_flags", 8);
  putc(0x7d);
  return true;
}

/** SPACE_INFO: the slots given; at exit the spaces the kernel filled (print_array, -v only). */
function printSpace(p: usize, len: u32, addr: u64, atExit: bool): bool {
  if (len < SIZEOF_BTRFS_IOCTL_SPACE_ARGS) return false;
  putc(0x7b);
  if (!atExit) {
    fU("space_slots", p, BTRFS_IOCTL_SPACE_ARGS_SPACE_SLOTS, 8, true);
    putc(0x7d);
    return true;
  }
  const total = u64At(p, BTRFS_IOCTL_SPACE_ARGS_TOTAL_SPACES);
  fU("total_spaces", p, BTRFS_IOCTL_SPACE_ARGS_TOTAL_SPACES, 8, true);
  if (u64At(p, BTRFS_IOCTL_SPACE_ARGS_SPACE_SLOTS) == 0 && total != 0) {
    putc(0x7d);
    return true;
  }
  if (!verbose) {
    puts(", ...}");
    return true;
  }
  puts(", spaces=");
  const base = BTRFS_IOCTL_SPACE_ARGS_SPACES;
  const sz = SIZEOF_BTRFS_IOCTL_SPACE_INFO;
  if (total == 0) puts("[]");
  for (let i: u64 = 0; i < total; i++) {
    if (i > 0) puts(", ");
    const off = <u64>base + i * <u64>sz;
    if (off + <u64>sz > <u64>len) {
      if (i == 0) putAddr(addr + <u64>base);
      else {
        puts("... /* ");
        putAddr(addr + off);
        puts(" */]");
      }
      break;
    }
    if (i == 0) putc(0x5b);
    const s = p + <usize>off;
    putc(0x7b);
    fFlags("flags", s, BTRFS_IOCTL_SPACE_INFO_FLAGS, "btrfs_space_info_flags", 8, true);
    fU("total_bytes", s, BTRFS_IOCTL_SPACE_INFO_TOTAL_BYTES);
    fU("used_bytes", s, BTRFS_IOCTL_SPACE_INFO_USED_BYTES);
    putc(0x7d);
    if (i + 1 == total) putc(0x5d);
  }
  putc(0x7d);
  return true;
}

function printCloneRange(p: usize, len: u32): bool {
  if (len < SIZEOF_FILE_CLONE_RANGE) return false;
  putc(0x7b);
  fFd("src_fd", p, FILE_CLONE_RANGE_SRC_FD, true);
  fU("src_offset", p, FILE_CLONE_RANGE_SRC_OFFSET);
  fU("src_length", p, FILE_CLONE_RANGE_SRC_LENGTH);
  fU("dest_offset", p, FILE_CLONE_RANGE_DEST_OFFSET);
  putc(0x7d);
  return true;
}

/**
 * FIDEDUPERANGE: the range and each destination at entry (two, then `...`, without -v), what each
 * destination deduped at exit (decode_file_dedupe_range).
 */
function printDedupeRange(p: usize, len: u32, addr: u64, atExit: bool): bool {
  if (len < SIZEOF_FILE_DEDUPE_RANGE) return false;
  const count = <u32>load<u16>(p + FILE_DEDUPE_RANGE_DEST_COUNT);
  putc(0x7b);
  if (!atExit) {
    fU("src_offset", p, FILE_DEDUPE_RANGE_SRC_OFFSET, 8, true);
    fU("src_length", p, FILE_DEDUPE_RANGE_SRC_LENGTH);
    fU("dest_count", p, FILE_DEDUPE_RANGE_DEST_COUNT, 2);
    puts(", ");
  }
  puts("info=");
  const limit: u32 = !verbose && count > 2 ? 2 : 0xffffffff;
  // print_array's own cut without -v, after -s elements.
  const abbrevEnd: u32 = !verbose && <u32>strsize < count ? <u32>strsize : count;
  const base = FILE_DEDUPE_RANGE_INFO;
  const sz = SIZEOF_FILE_DEDUPE_RANGE_INFO;
  if (count == 0) puts("[]");
  for (let i: u32 = 0; i < count; i++) {
    if (i > 0) puts(", ");
    const off = base + i * sz;
    if (off + sz > len) {
      if (i == 0) putAddr(addr + <u64>base);
      else {
        puts("... /* ");
        putAddr(addr + <u64>off);
        puts(" */]");
      }
      break;
    }
    if (i == 0) putc(0x5b);
    if (i >= abbrevEnd || i >= limit) {
      puts("...]");
      break;
    }
    const e = p + <usize>off;
    putc(0x7b);
    if (!atExit) {
      fFd("dest_fd", e, FILE_DEDUPE_RANGE_INFO_DEST_FD, true);
      fU("dest_offset", e, FILE_DEDUPE_RANGE_INFO_DEST_OFFSET);
    } else {
      fU("bytes_deduped", e, FILE_DEDUPE_RANGE_INFO_BYTES_DEDUPED, 8, true);
      name("status", false);
      putI64(<i64>load<i32>(e + FILE_DEDUPE_RANGE_INFO_STATUS));
    }
    putc(0x7d);
    if (i + 1 == count) putc(0x5d);
  }
  putc(0x7d);
  return true;
}

/** A filesystem label (FSLABEL_MAX bytes up to its NUL). */
function printFsLabel(p: usize, len: u32): bool {
  if (len < 256) return false;
  putCStringField(p, 256);
  return true;
}

/**
 * Prints what a btrfs or 0x94-family request points at: 1 printed, 0 too few bytes read (the
 * caller prints the address), -1 not this family's type.
 */
export function printBtrfsStruct(type: u32, p: usize, len: u32, addr: u64, atExit: bool): i32 {
  let ok = false;
  if (strEq(type, "btrfs_ioctl_vol_args")) ok = printVolArgs(p, len);
  else if (strEq(type, "btrfs_ioctl_vol_args_v2")) ok = printVolArgsV2(p, len, atExit);
  else if (strEq(type, "btrfs_subvol_flags")) ok = printSubvolFlags(p, len);
  else if (strEq(type, "btrfs_ioctl_balance_args")) ok = printBalance(p, len, atExit);
  else if (strEq(type, "btrfs_ioctl_defrag_range_args")) ok = printDefragRange(p, len);
  else if (strEq(type, "btrfs_ioctl_dev_info_args")) ok = printDevInfo(p, len, atExit);
  else if (strEq(type, "btrfs_ioctl_dev_replace_args")) ok = printDevReplace(p, len, atExit);
  else if (strEq(type, "btrfs_ioctl_feature_flags")) ok = printFeatureSets(p, len, 1);
  else if (strEq(type, "btrfs_features2")) ok = printFeatureSets(p, len, 2);
  else if (strEq(type, "btrfs_features3")) ok = printFeatureSets(p, len, 3);
  else if (strEq(type, "btrfs_ioctl_fs_info_args")) ok = printFsInfo(p, len);
  else if (strEq(type, "btrfs_ioctl_get_dev_stats")) ok = printDevStats(p, len, atExit);
  else if (strEq(type, "btrfs_ioctl_ino_lookup_args")) ok = printInoLookup(p, len, atExit);
  else if (strEq(type, "btrfs_ioctl_ino_path_args")) ok = printInoPaths(p, len, atExit);
  else if (strEq(type, "btrfs_ioctl_logical_ino_args")) ok = printLogicalIno(p, len, atExit);
  else if (strEq(type, "btrfs_ioctl_qgroup_assign_args")) ok = printQgroupAssign(p, len);
  else if (strEq(type, "btrfs_ioctl_qgroup_create_args")) ok = printQgroupCreate(p, len);
  else if (strEq(type, "btrfs_ioctl_qgroup_limit_args")) ok = printQgroupLimitArgs(p, len);
  else if (strEq(type, "btrfs_ioctl_quota_ctl_args")) ok = printQuotaCtl(p, len);
  else if (strEq(type, "btrfs_ioctl_quota_rescan_args")) ok = printQuotaRescan(p, len, atExit);
  else if (strEq(type, "btrfs_ioctl_received_subvol_args")) ok = printReceivedSubvol(p, len, atExit);
  else if (strEq(type, "btrfs_ioctl_scrub_args")) ok = printScrub(p, len, atExit);
  else if (strEq(type, "btrfs_ioctl_search_key") || strEq(type, "btrfs_ioctl_search_args"))
    ok = printTreeSearch(p, len, addr, atExit);
  else if (strEq(type, "btrfs_ioctl_search_args_v2") || strEq(type, "btrfs_search_args_v2_buf"))
    ok = printTreeSearchV2(p, len, addr, atExit);
  else if (strEq(type, "btrfs_ioctl_send_args")) ok = printSend(p, len);
  else if (strEq(type, "btrfs_ioctl_space_args") || strEq(type, "btrfs_space_args_info"))
    ok = printSpace(p, len, addr, atExit);
  else if (strEq(type, "file_clone_range")) ok = printCloneRange(p, len);
  else if (strEq(type, "file_dedupe_range_infos")) ok = printDedupeRange(p, len, addr, atExit);
  else if (strEq(type, "fslabel")) ok = printFsLabel(p, len);
  else return -1;
  return ok ? 1 : 0;
}
