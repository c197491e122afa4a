// Filesystem ioctls (strace 6.1's file_ioctl.c, fs_f_ioctl.c, fs_x_ioctl.c): FS_IOC_FIEMAP's
// extent map, FITRIM's range, FS_IOC_[GS]ETFLAGS' inode flags, FS_IOC_FS[GS]ETXATTR's xattrs.

import {
  FIEMAP_EXTENT_FE_FLAGS,
  FIEMAP_EXTENT_FE_LENGTH,
  FIEMAP_EXTENT_FE_LOGICAL,
  FIEMAP_EXTENT_FE_PHYSICAL,
  FIEMAP_FM_EXTENT_COUNT,
  FIEMAP_FM_EXTENTS,
  FIEMAP_FM_FLAGS,
  FIEMAP_FM_LENGTH,
  FIEMAP_FM_MAPPED_EXTENTS,
  FIEMAP_FM_START,
  FSTRIM_RANGE_LEN,
  FSTRIM_RANGE_MINLEN,
  FSTRIM_RANGE_START,
  FSXATTR_FSX_COWEXTSIZE,
  FSXATTR_FSX_EXTSIZE,
  FSXATTR_FSX_NEXTENTS,
  FSXATTR_FSX_PROJID,
  FSXATTR_FSX_XFLAGS,
  SIZEOF_FIEMAP,
  SIZEOF_FIEMAP_EXTENT,
  SIZEOF_FSTRIM_RANGE,
  SIZEOF_FSXATTR,
} from "../layouts";
import { strsize, verbose } from "../options";
import { putc, puts } from "../out";
import { putAddr } from "../print/num";
import { F_FLAGS, F_U, F_X, Field, printFields, printStructOf, printValue } from "./ioctl-fields";

const FIEMAP_IN: Field[] = [
  new Field("fm_start", FIEMAP_FM_START, 8, F_U),
  new Field("fm_length", FIEMAP_FM_LENGTH, 8, F_U),
  new Field("fm_flags", FIEMAP_FM_FLAGS, 4, F_FLAGS, "fiemap_flags"),
  new Field("fm_extent_count", FIEMAP_FM_EXTENT_COUNT, 4, F_U),
];
const FIEMAP_OUT: Field[] = [
  new Field("fm_flags", FIEMAP_FM_FLAGS, 4, F_FLAGS, "fiemap_flags"),
  new Field("fm_mapped_extents", FIEMAP_FM_MAPPED_EXTENTS, 4, F_U),
];
const FIEMAP_EXTENT: Field[] = [
  new Field("fe_logical", FIEMAP_EXTENT_FE_LOGICAL, 8, F_U),
  new Field("fe_physical", FIEMAP_EXTENT_FE_PHYSICAL, 8, F_U),
  new Field("fe_length", FIEMAP_EXTENT_FE_LENGTH, 8, F_U),
  new Field("fe_flags", FIEMAP_EXTENT_FE_FLAGS, 4, F_FLAGS, "fiemap_extent_flags"),
];
const FSTRIM_RANGE: Field[] = [
  new Field("start", FSTRIM_RANGE_START, 8, F_X),
  new Field("len", FSTRIM_RANGE_LEN, 8, F_U),
  new Field("minlen", FSTRIM_RANGE_MINLEN, 8, F_U),
];
const FSXATTR_SET: Field[] = [
  new Field("fsx_xflags", FSXATTR_FSX_XFLAGS, 4, F_FLAGS, "fs_xflags"),
  new Field("fsx_extsize", FSXATTR_FSX_EXTSIZE, 4, F_U),
  new Field("fsx_projid", FSXATTR_FSX_PROJID, 4, F_X),
  new Field("fsx_cowextsize", FSXATTR_FSX_COWEXTSIZE, 4, F_U),
];
// What FS_IOC_FSGETXATTR reports adds the extent count the kernel fills in.
const FSXATTR_GET: Field[] = [
  new Field("fsx_xflags", FSXATTR_FSX_XFLAGS, 4, F_FLAGS, "fs_xflags"),
  new Field("fsx_extsize", FSXATTR_FSX_EXTSIZE, 4, F_U),
  new Field("fsx_nextents", FSXATTR_FSX_NEXTENTS, 4, F_U),
  new Field("fsx_projid", FSXATTR_FSX_PROJID, 4, F_X),
  new Field("fsx_cowextsize", FSXATTR_FSX_COWEXTSIZE, 4, F_U),
];
const INODE_FLAGS = new Field("", 0, 4, F_FLAGS, "fs_ioc_flags");

export function printFiemapIn(p: usize, len: u32): bool {
  return printStructOf(p, len, SIZEOF_FIEMAP, FIEMAP_IN);
}

/**
 * What the kernel wrote back: flags and the mapped count, then (with -v) the extents after the
 * header, as many as were mapped, read, and -s allows; `addr` is the struct's tracee address.
 */
export function printFiemapOut(p: usize, len: u32, addr: u64): bool {
  if (len < SIZEOF_FIEMAP) return false;
  putc(0x7b);
  printFields(p, FIEMAP_OUT);
  if (!verbose) {
    puts(", ...}");
    return true;
  }
  puts(", fm_extents=");
  const n = load<u32>(p + FIEMAP_FM_MAPPED_EXTENTS);
  const read = (len - SIZEOF_FIEMAP) / SIZEOF_FIEMAP_EXTENT;
  const extents = addr + <u64>FIEMAP_FM_EXTENTS;
  if (n == 0) puts("[]");
  else if (read == 0) putAddr(extents);
  else {
    putc(0x5b);
    let i: u32 = 0;
    for (; i < n && i < read && i < <u32>strsize; i++) {
      if (i > 0) puts(", ");
      putc(0x7b);
      printFields(p + SIZEOF_FIEMAP + <usize>(i * SIZEOF_FIEMAP_EXTENT), FIEMAP_EXTENT);
      putc(0x7d);
    }
    if (i < n) {
      if (i == <u32>strsize) puts(", ...");
      else {
        puts(", ... /* ");
        putAddr(extents + <u64>(i * SIZEOF_FIEMAP_EXTENT));
        puts(" */");
      }
    }
    putc(0x5d);
  }
  putc(0x7d);
  return true;
}

export function printFstrimRange(p: usize, len: u32): bool {
  return printStructOf(p, len, SIZEOF_FSTRIM_RANGE, FSTRIM_RANGE);
}

export function printFsxattr(p: usize, len: u32, atExit: bool): bool {
  return printStructOf(p, len, SIZEOF_FSXATTR, atExit ? FSXATTR_GET : FSXATTR_SET);
}

/** `[FS_*_FL|…]`: the int of inode flags the pointer holds. */
export function printInodeFlags(p: usize, len: u32): bool {
  if (len < 4) return false;
  putc(0x5b);
  printValue(INODE_FLAGS, p);
  putc(0x5d);
  return true;
}
