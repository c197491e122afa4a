// What an ioctl request points at, by core's struct name (core's data/ioctl-captures.ts names one
// per request and direction): the family printer for it. Each prints from the captured bytes, or
// returns false, printing nothing, when too few were read (the caller prints the address).

import { strEq } from "../tables";
import { printFiemapIn, printFiemapOut, printFstrimRange, printFsxattr, printInodeFlags } from "./ioctl-fs";

/** The struct names this file prints (the decoder's implementedNames lists them). */
export const IOCTL_STRUCT_NAMES: string[] = [
  "fiemap",
  "fiemap_extents",
  "fstrim_range",
  "fsxattr",
  "inode_flags",
];

/**
 * Prints the `len` captured bytes at p of type `type` (a string ref), read from tracee address
 * `addr` at entry or exit; false when the type is not an ioctl family's or too short.
 */
export function printIoctlStruct(type: u32, p: usize, len: u32, addr: u64, atExit: bool): bool {
  if (strEq(type, "fiemap")) return printFiemapIn(p, len);
  if (strEq(type, "fiemap_extents")) return printFiemapOut(p, len, addr);
  if (strEq(type, "fstrim_range")) return printFstrimRange(p, len);
  if (strEq(type, "fsxattr")) return printFsxattr(p, len, atExit);
  if (strEq(type, "inode_flags")) return printInodeFlags(p, len);
  return false;
}
