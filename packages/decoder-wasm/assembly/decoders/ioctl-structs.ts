// What an ioctl request points at, by core's struct name (core's data/ioctl-captures.ts names one
// per request and direction): the family printer for it. Each prints from the captured bytes, or
// returns false, printing nothing, when too few were read (the caller prints the address).

import { arg } from "../call";
import { puts } from "../out";
import { printTermiosOf, TERMIO, TERMIOS2 } from "../print/termios";
import { lookup, NO_REF, strEq } from "../tables";
import { printBlkpg, printBlkTraceSetup } from "./ioctl-block";
import { printBtrfsStruct } from "./ioctl-btrfs";
import { printCounterWatch } from "./ioctl-counter";
import { printDmIoctl } from "./ioctl-dm";
import { printEvdevStruct } from "./ioctl-evdev";
import { isIoctlRequest } from "./ioctl-fields";
import { printFiemapIn, printFiemapOut, printFstrimRange, printFsxattr, printInodeFlags } from "./ioctl-fs";
import {
  printGpioChipInfo,
  printGpioEventRequest,
  printGpioHandleConfig,
  printGpioHandleData,
  printGpioHandleRequest,
  printGpioLineInfo,
  printGpioLineOffset,
  printGpioV2LineConfig,
  printGpioV2LineInfo,
  printGpioV2LineRequest,
  printGpioV2LineValues,
  printGpioV2LineValuesSet,
} from "./ioctl-gpio";
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
import {
  printEraseInfo,
  printEraseInfo64,
  printMtdEccStats,
  printMtdInfo,
  printMtdOobBuf,
  printMtdOobBuf64,
  printMtdWriteReq,
  printNandEcclayout,
  printNandOobinfo,
  printOtpInfo,
  printRegionInfo,
} from "./ioctl-mtd";
import {
  printPtpClockCaps,
  printPtpExttsRequest,
  printPtpPeroutRequest,
  printPtpPinDesc,
  printPtpSysOffset,
  printPtpSysOffsetExtended,
  printPtpSysOffsetPrecise,
} from "./ioctl-ptp";
import { printRandPoolInfo } from "./ioctl-random";
import { printRtcParam, printRtcPllInfo, printRtcTime, printRtcWkalrm } from "./ioctl-rtc";
import { printScalar } from "./ioctl-scalar";
import { printSgScsiReset } from "./ioctl-scsi";
import { printSeccompNotif, printSeccompNotifAddfd, printSeccompNotifResp } from "./ioctl-seccomp";
import { printIfconfIn, printIfconfOut, printIfreq, printIfrNameArg } from "./ioctl-sock";
import { printTeeStruct } from "./ioctl-tee";
import {
  printUbiAttach,
  printUbiLebChange,
  printUbiMap,
  printUbiMkvol,
  printUbiRnvol,
  printUbiRsvol,
  printUbiSetVolProp,
} from "./ioctl-ubi";
import {
  printUffdioApi,
  printUffdioCopy,
  printUffdioRange,
  printUffdioRegister,
  printUffdioZeropage,
} from "./ioctl-uffd";
import { printV4l2Struct, v4l2ExitContinues } from "./ioctl-v4l2";
import { printPageString } from "./page-string";
import { printPerfEventAttr, printPerfQueryBpfIn } from "./perf";

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
  // ioctl-b
  "gpiochip_info",
  "gpioline_info",
  "gpio_line_offset",
  "gpiohandle_request",
  "gpioevent_request",
  "gpiohandle_data",
  "gpiohandle_config",
  "gpio_v2_line_info",
  "gpio_v2_line_request",
  "gpio_v2_line_values",
  "gpio_v2_line_values_set",
  "gpio_v2_line_config",
  "ptp_clock_caps",
  "ptp_extts_request",
  "ptp_perout_request",
  "ptp_sys_offset",
  "ptp_sys_offset_extended",
  "ptp_sys_offset_precise",
  "ptp_pin_desc",
  "rtc_time",
  "rtc_wkalrm",
  "rtc_pll_info",
  "rtc_param",
  "erase_info_user",
  "erase_info_user64",
  "mtd_oob_buf",
  "mtd_oob_buf64",
  "mtd_write_req",
  "otp_info",
  "mtd_info_user",
  "nand_oobinfo",
  "nand_ecclayout_user",
  "mtd_ecc_stats",
  "region_info_user",
  "uffdio_api",
  "uffdio_register",
  "uffdio_copy",
  "uffdio_zeropage",
  "uffdio_range",
  "seccomp_notif",
  "seccomp_notif_resp",
  "seccomp_notif_addfd",
  "blkpg_ioctl_arg",
  "blk_user_trace_setup",
  "sg_scsi_reset",
  // ioctlb
  "ifr_name",
  "ifreq",
  "ifconf",
  // ioctlc
  "dm_ioctl_data",
  "btrfs_ioctl_vol_args",
  "btrfs_ioctl_vol_args_v2",
  "btrfs_subvol_flags",
  "btrfs_ioctl_balance_args",
  "btrfs_ioctl_defrag_range_args",
  "btrfs_ioctl_dev_info_args",
  "btrfs_ioctl_dev_replace_args",
  "btrfs_ioctl_feature_flags",
  "btrfs_features2",
  "btrfs_features3",
  "btrfs_ioctl_fs_info_args",
  "btrfs_ioctl_get_dev_stats",
  "btrfs_ioctl_ino_lookup_args",
  "btrfs_ioctl_ino_path_args",
  "btrfs_ioctl_logical_ino_args",
  "btrfs_ioctl_qgroup_assign_args",
  "btrfs_ioctl_qgroup_create_args",
  "btrfs_ioctl_qgroup_limit_args",
  "btrfs_ioctl_quota_ctl_args",
  "btrfs_ioctl_quota_rescan_args",
  "btrfs_ioctl_received_subvol_args",
  "btrfs_ioctl_scrub_args",
  "btrfs_ioctl_search_key",
  "btrfs_ioctl_search_args",
  "btrfs_ioctl_search_args_v2",
  "btrfs_search_args_v2_buf",
  "btrfs_ioctl_send_args",
  "btrfs_ioctl_space_args",
  "btrfs_space_args_info",
  "file_clone_range",
  "file_dedupe_range_infos",
  "fslabel",
  "tee_ioctl_buf_data",
  "tee_ioctl_version_data",
  "tee_ioctl_cancel_arg",
  "tee_ioctl_close_session_arg",
  "tee_ioctl_shm_alloc_data",
  "tee_ioctl_shm_register_data",
  "tee_shm_register_fd",
];

/**
 * The types whose exit shows ` => ` even when the call failed (then with the address): strace's
 * decoders that read the kernel's answer without first checking for an error.
 */
export function ioctlExitShownOnError(type: u32): bool {
  // ioctl-a: GIO_UNIMAP's count the kernel wrote and the entries pointer, also after an error.
  // v4l2: VIDIOC_*_EXT_CTRLS' controls and error_idx, also after an error.
  // ioctlb: SIOCGIFCONF's length and buffer address, also after an error.
  return (
    strEq(type, "rtc_param") ||
    strEq(type, "unimapdesc") ||
    strEq(type, "v4l2_ext_controls") ||
    strEq(type, "ifconf")
  );
}

/** A request read at entry and at exit shows its exit as strace's decoder does: */
/** ` => {out}`, and nothing more when the call failed (the common shape). */
export const EXIT_ARROW: u8 = 0;
/** ` => {out}`, or ` => 0xADDR` when the call failed (RTC_PARAM_GET reads it regardless). */
export const EXIT_ARROW_ALWAYS: u8 = 1;
/**
 * The entry printer left the struct open; the exit closes it with what the kernel filled in
 * (PTP_SYS_OFFSET's `{n_samples=2, ts=[…]}`, userfaultfd's `{…, copy=0x1000}`), no ` => `.
 */
export const EXIT_CONTINUE: u8 = 2;
/** The entry printer wrote any ` => ` itself; the exit prints the struct, or its address on failure. */
export const EXIT_PLAIN_ALWAYS: u8 = 3;
/** The entry printed it all; the exit's struct only annotates the return value (VIDIOC_CREATE_BUFS). */
export const EXIT_QUIET: u8 = 4;

/** How the exit of a request whose entry printed struct `type` shows (EXIT_*). */
export function ioctlExitMode(type: u32): u8 {
  if (strEq(type, "rtc_param")) return EXIT_ARROW_ALWAYS;
  if (strEq(type, "seccomp_notif")) return EXIT_PLAIN_ALWAYS;
  // v4l2: every struct the entry leaves open, but VIDIOC_CREATE_BUFS'.
  if (v4l2ExitContinues(type)) return EXIT_CONTINUE;
  if (strEq(type, "v4l2_create_buffers")) return EXIT_QUIET;
  if (
    strEq(type, "ptp_sys_offset") ||
    strEq(type, "ptp_sys_offset_extended") ||
    strEq(type, "ptp_pin_desc") ||
    strEq(type, "region_info_user") ||
    strEq(type, "uffdio_api") ||
    strEq(type, "uffdio_register") ||
    strEq(type, "uffdio_copy") ||
    strEq(type, "uffdio_zeropage") ||
    // bpf area: perf's program query (ids_len asked, the ids answered)
    strEq(type, "perf_query_bpf") ||
    strEq(type, "blk_user_trace_setup") ||
    // ioctl-a: the console's getters (kd_ioctl.c).
    strEq(type, "kbentry_key") ||
    strEq(type, "kbsentry_func") ||
    strEq(type, "kbkeycode_get") ||
    strEq(type, "unimapdesc") ||
    strEq(type, "console_font_op") ||
    // ioctlb: a socket getter's ifreq (name asked, member answered) and SIOCGIFCONF's ifconf.
    strEq(type, "ifreq") ||
    strEq(type, "ifconf") ||
    // ioctlc: a TEE buffer request's `{buf_len, buf_ptr={…}` and ` => {…}}`.
    strEq(type, "tee_ioctl_buf_data")
  )
    return EXIT_CONTINUE;
  return EXIT_ARROW;
}

/**
 * Prints the `len` captured bytes at p of type `type` (a string ref), read from tracee address
 * `addr` at entry or exit; false when the type is not an ioctl family's or too short.
 */
export function printIoctlStruct(type: u32, p: usize, len: u32, addr: u64, atExit: bool): bool {
  // ioctl-a: evdev's structs and masks.
  const evdev = printEvdevStruct(type, p, len, addr);
  if (evdev >= 0) return evdev > 0;
  const v4l2 = printV4l2Struct(type, p, len, atExit);
  if (v4l2 >= 0) return v4l2 > 0;
  // ioctlc: device mapper requests.
  if (strEq(type, "dm_ioctl_data")) return printDmIoctl(p, len, addr, atExit);
  // ioctlc: btrfs and the 0x94 file range and label requests.
  const btrfs = printBtrfsStruct(type, p, len, addr, atExit);
  if (btrfs >= 0) return btrfs > 0;
  const tee = printTeeStruct(type, p, len, atExit);
  if (tee >= 0) return tee > 0;
  const kvm = printKvmStruct(type, p, len);
  if (kvm >= 0) return kvm > 0;
  // bpf area: perf_ioctl.c's filter string, program query and attr
  if (strEq(type, "page_str")) return printPageString(p, len, addr);
  if (strEq(type, "perf_query_bpf")) return printPerfQueryBpfIn(p, len);
  if (strEq(type, "perf_event_attr")) return printPerfEventAttr(p, len, -2);
  const kd = printKdStruct(type, p, len, addr, atExit);
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
  // ioctl-b
  if (strEq(type, "gpiochip_info")) return printGpioChipInfo(p, len);
  if (strEq(type, "gpioline_info")) return printGpioLineInfo(p, len, atExit);
  if (strEq(type, "gpio_line_offset")) return printGpioLineOffset(p, len);
  if (strEq(type, "gpiohandle_request")) return printGpioHandleRequest(p, len, atExit);
  if (strEq(type, "gpioevent_request")) return printGpioEventRequest(p, len, atExit);
  if (strEq(type, "gpiohandle_data")) return printGpioHandleData(p, len);
  if (strEq(type, "gpiohandle_config")) return printGpioHandleConfig(p, len);
  if (strEq(type, "gpio_v2_line_info")) return printGpioV2LineInfo(p, len, atExit);
  if (strEq(type, "gpio_v2_line_request")) return printGpioV2LineRequest(p, len, atExit);
  if (strEq(type, "gpio_v2_line_values")) return printGpioV2LineValues(p, len, atExit);
  if (strEq(type, "gpio_v2_line_values_set")) return printGpioV2LineValuesSet(p, len);
  if (strEq(type, "gpio_v2_line_config")) return printGpioV2LineConfig(p, len);
  if (strEq(type, "ptp_clock_caps")) return printPtpClockCaps(p, len);
  if (strEq(type, "ptp_extts_request")) return printPtpExttsRequest(p, len);
  if (strEq(type, "ptp_perout_request")) return printPtpPeroutRequest(p, len);
  if (strEq(type, "ptp_sys_offset")) return printPtpSysOffset(p, len, atExit);
  if (strEq(type, "ptp_sys_offset_extended")) return printPtpSysOffsetExtended(p, len, atExit);
  if (strEq(type, "ptp_sys_offset_precise")) return printPtpSysOffsetPrecise(p, len);
  if (strEq(type, "ptp_pin_desc")) return printPtpPinDesc(p, len, atExit);
  if (strEq(type, "rtc_time")) return printRtcTime(p, len);
  if (strEq(type, "rtc_wkalrm")) return printRtcWkalrm(p, len);
  if (strEq(type, "rtc_pll_info")) return printRtcPllInfo(p, len);
  if (strEq(type, "rtc_param")) return printRtcParam(p, len, atExit, isIoctlRequest("RTC_PARAM_GET"));
  if (strEq(type, "erase_info_user")) return printEraseInfo(p, len);
  if (strEq(type, "erase_info_user64")) return printEraseInfo64(p, len);
  if (strEq(type, "mtd_oob_buf")) return printMtdOobBuf(p, len);
  if (strEq(type, "mtd_oob_buf64")) return printMtdOobBuf64(p, len);
  if (strEq(type, "mtd_write_req")) return printMtdWriteReq(p, len);
  if (strEq(type, "otp_info")) return printOtpInfo(p, len);
  if (strEq(type, "mtd_info_user")) return printMtdInfo(p, len);
  if (strEq(type, "nand_oobinfo")) return printNandOobinfo(p, len);
  if (strEq(type, "nand_ecclayout_user")) return printNandEcclayout(p, len);
  if (strEq(type, "mtd_ecc_stats")) return printMtdEccStats(p, len);
  if (strEq(type, "region_info_user")) return printRegionInfo(p, len, atExit);
  if (strEq(type, "uffdio_api")) return printUffdioApi(p, len, atExit);
  if (strEq(type, "uffdio_register")) return printUffdioRegister(p, len, atExit);
  if (strEq(type, "uffdio_copy")) return printUffdioCopy(p, len, atExit);
  if (strEq(type, "uffdio_zeropage")) return printUffdioZeropage(p, len, atExit);
  if (strEq(type, "uffdio_range")) return printUffdioRange(p, len);
  if (strEq(type, "seccomp_notif")) return printSeccompNotif(p, len, atExit);
  if (strEq(type, "seccomp_notif_resp")) return printSeccompNotifResp(p, len);
  if (strEq(type, "seccomp_notif_addfd")) return printSeccompNotifAddfd(p, len);
  if (strEq(type, "blkpg_ioctl_arg")) return printBlkpg(p, len);
  if (strEq(type, "blk_user_trace_setup")) return printBlkTraceSetup(p, len, atExit);
  if (strEq(type, "sg_scsi_reset")) return printSgScsiReset(p, len);
  // ioctlb
  if (strEq(type, "ifr_name")) return printIfrNameArg(p, len);
  if (strEq(type, "ifreq")) return printIfreq(p, len, atExit);
  if (strEq(type, "ifconf")) return atExit ? printIfconfOut(p, len) : printIfconfIn(p, len);
  return printScalar(type, p, len, addr);
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
