// What an ioctl request points at, by core's struct name (core's data/ioctl-captures.ts names one
// per request and direction): the family printer for it. Each prints from the captured bytes, or
// returns false, printing nothing, when too few were read (the caller prints the address).

import { arg } from "../call";
import { puts } from "../out";
import { printTermiosOf, TERMIO, TERMIOS2 } from "../print/termios";
import { lookup, NO_REF, strEq } from "../tables";
import { printCounterWatch } from "./ioctl-counter";
import { printEvdevStruct } from "./ioctl-evdev";
import { printFiemapIn, printFiemapOut, printFstrimRange, printFsxattr, printInodeFlags } from "./ioctl-fs";
import {
  printBusstate,
  printDriveCmdIn,
  printDriveCmdOut,
  printHdGeometry,
  printHdioBusstate,
  printHdioNice,
  printIdeNice,
  printIdentity,
  printInt3,
  printKulong,
} from "./ioctl-hdio";
import { printKdStruct, printKdValue } from "./ioctl-kd";
import { printKvmStruct } from "./ioctl-kvm";
import { printLoopConfig, printLoopInfo, printLoopInfo64 } from "./ioctl-loop";
import { printRandPoolInfo } from "./ioctl-random";
import { printScalar } from "./ioctl-scalar";
import {
  printUbiAttach,
  printUbiLebChange,
  printUbiMap,
  printUbiMkvol,
  printUbiRnvol,
  printUbiRsvol,
  printUbiSetVolProp,
} from "./ioctl-ubi";

/** The struct names this file prints (the decoder's implementedNames lists them). */
export const IOCTL_STRUCT_NAMES: string[] = [
  "fiemap",
  "fiemap_extents",
  "fstrim_range",
  "fsxattr",
  "inode_flags",
  "counter_watch",
  "hd_geometry",
  "hd_drive_cmd",
  "hd_drive_cmd_data",
  "int3",
  "kulong",
  "hdio_nice",
  "hdio_busstate",
  "hd_identity_old",
  "hd_identity",
  "termios2",
  "termio",
  "rand_pool_info",
  "loop_info",
  "loop_info64",
  "loop_config",
  "ubi_attach_req",
  "ubi_mkvol_req",
  "ubi_rsvol_req",
  "ubi_rnvol_req",
  "ubi_leb_change_req",
  "ubi_map_req",
  "ubi_set_vol_prop_req",
];

/**
 * Prints the `len` captured bytes at p of type `type` (a string ref), read from tracee address
 * `addr` at entry or exit; false when the type is not an ioctl family's or too short.
 */
export function printIoctlStruct(type: u32, p: usize, len: u32, addr: u64, atExit: bool): bool {
  // ioctl-a: evdev's structs and masks.
  const evdev = printEvdevStruct(type, p, len, addr);
  if (evdev >= 0) return evdev > 0;
  const kvm = printKvmStruct(type, p, len);
  if (kvm >= 0) return kvm > 0;
  const kd = printKdStruct(type, p, len);
  if (kd >= 0) return kd > 0;
  if (strEq(type, "fiemap")) return printFiemapIn(p, len);
  if (strEq(type, "fiemap_extents")) return printFiemapOut(p, len, addr);
  if (strEq(type, "fstrim_range")) return printFstrimRange(p, len);
  if (strEq(type, "fsxattr")) return printFsxattr(p, len, atExit);
  if (strEq(type, "inode_flags")) return printInodeFlags(p, len);
  if (strEq(type, "counter_watch")) return printCounterWatch(p, len);
  if (strEq(type, "hd_geometry")) return printHdGeometry(p, len);
  if (strEq(type, "hd_drive_cmd")) return printDriveCmdIn(p, len);
  if (strEq(type, "hd_drive_cmd_data")) return printDriveCmdOut(p, len, addr);
  if (strEq(type, "int3")) return printInt3(p, len);
  if (strEq(type, "kulong")) return printKulong(p, len);
  if (strEq(type, "hdio_nice")) return printHdioNice(p, len);
  if (strEq(type, "hdio_busstate")) return printHdioBusstate(p, len);
  if (strEq(type, "hd_identity_old")) return printIdentity(p, len, 142, addr);
  if (strEq(type, "hd_identity")) return printIdentity(p, len, 512, addr);
  if (strEq(type, "ubi_attach_req")) return printUbiAttach(p, len);
  if (strEq(type, "ubi_mkvol_req")) return printUbiMkvol(p, len);
  if (strEq(type, "ubi_rsvol_req")) return printUbiRsvol(p, len);
  if (strEq(type, "ubi_rnvol_req")) return printUbiRnvol(p, len);
  if (strEq(type, "ubi_leb_change_req")) return printUbiLebChange(p, len);
  if (strEq(type, "ubi_map_req")) return printUbiMap(p, len);
  if (strEq(type, "ubi_set_vol_prop_req")) return printUbiSetVolProp(p, len);
  if (strEq(type, "loop_info")) return printLoopInfo(p, len);
  if (strEq(type, "loop_info64")) return printLoopInfo64(p, len);
  if (strEq(type, "loop_config")) return printLoopConfig(p, len);
  if (strEq(type, "rand_pool_info")) return printRandPoolInfo(p, len, addr);
  if (strEq(type, "termios2")) return printTermiosOf(p, len, TERMIOS2);
  if (strEq(type, "termio")) return printTermiosOf(p, len, TERMIO);
  return printScalar(type, p, len);
}

/**
 * A value argument whose printing no constant table says alone (core's request-args name the
 * rest, 32 bits wide): HDIO_SET_NICE's `1 << IDE_NICE_…` bits, HDIO_SET_BUSSTATE's long. True
 * when printed (after the `, `).
 */
export function printIoctlValue(table: i32, req: u32): bool {
  const name = lookup(table, <u64>req);
  if (name == NO_REF) return false;
  if (printKdValue(name)) return true;
  if (strEq(name, "HDIO_SET_NICE")) {
    puts(", ");
    printIdeNice(arg(2));
    return true;
  }
  if (strEq(name, "HDIO_SET_BUSSTATE")) {
    puts(", ");
    printBusstate(arg(2));
    return true;
  }
  return false;
}
