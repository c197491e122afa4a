// MTD character devices (strace 6.1's mtd.c): erase and lock ranges, OOB buffers, page writes,
// OTP regions, device info, ECC layouts and statistics. Layouts from mtd/mtd-abi.h (gcc -gbtf:
// the MTD core may be a module). MEMGETREGIONINFO opens its struct at entry (the region asked)
// and closes it at exit (what the kernel tells of it).

import {
  ERASE_INFO_USER_LENGTH,
  ERASE_INFO_USER_START,
  ERASE_INFO_USER64_LENGTH,
  ERASE_INFO_USER64_START,
  MTD_ECC_STATS_BADBLOCKS,
  MTD_ECC_STATS_BBTBLOCKS,
  MTD_ECC_STATS_CORRECTED,
  MTD_ECC_STATS_FAILED,
  MTD_INFO_USER_ERASESIZE,
  MTD_INFO_USER_FLAGS,
  MTD_INFO_USER_OOBSIZE,
  MTD_INFO_USER_PADDING,
  MTD_INFO_USER_SIZE,
  MTD_INFO_USER_TYPE,
  MTD_INFO_USER_WRITESIZE,
  MTD_OOB_BUF_LENGTH,
  MTD_OOB_BUF_PTR,
  MTD_OOB_BUF_START,
  MTD_OOB_BUF64_LENGTH,
  MTD_OOB_BUF64_START,
  MTD_OOB_BUF64_USR_PTR,
  MTD_WRITE_REQ_LEN,
  MTD_WRITE_REQ_MODE,
  MTD_WRITE_REQ_OOBLEN,
  MTD_WRITE_REQ_START,
  MTD_WRITE_REQ_USR_DATA,
  MTD_WRITE_REQ_USR_OOB,
  NAND_ECCLAYOUT_USER_ECCBYTES,
  NAND_ECCLAYOUT_USER_ECCPOS,
  NAND_ECCLAYOUT_USER_OOBAVAIL,
  NAND_ECCLAYOUT_USER_OOBFREE,
  NAND_OOBINFO_ECCBYTES,
  NAND_OOBINFO_ECCPOS,
  NAND_OOBINFO_OOBFREE,
  NAND_OOBINFO_USEECC,
  OTP_INFO_LENGTH,
  OTP_INFO_LOCKED,
  OTP_INFO_START,
  REGION_INFO_USER_ERASESIZE,
  REGION_INFO_USER_NUMBLOCKS,
  REGION_INFO_USER_OFFSET,
  REGION_INFO_USER_REGIONINDEX,
  SIZEOF_ERASE_INFO_USER,
  SIZEOF_ERASE_INFO_USER64,
  SIZEOF_MTD_ECC_STATS,
  SIZEOF_MTD_INFO_USER,
  SIZEOF_MTD_OOB_BUF,
  SIZEOF_MTD_OOB_BUF64,
  SIZEOF_MTD_WRITE_REQ,
  SIZEOF_NAND_ECCLAYOUT_USER,
  SIZEOF_NAND_OOBINFO,
  SIZEOF_OTP_INFO,
  SIZEOF_REGION_INFO_USER,
} from "../layouts";
import { strsize, verbose } from "../options";
import { putc, puts } from "../out";
import {
  F_FLAGS,
  F_PTR,
  F_U,
  F_X,
  F_XVAL,
  Field,
  printFields,
  printNumArray,
  printStructOf,
} from "./ioctl-fields";

const ERASE: Field[] = [
  new Field("start", ERASE_INFO_USER_START, 4, F_X),
  new Field("length", ERASE_INFO_USER_LENGTH, 4, F_X),
];
const ERASE64: Field[] = [
  new Field("start", ERASE_INFO_USER64_START, 8, F_X),
  new Field("length", ERASE_INFO_USER64_LENGTH, 8, F_X),
];
const OOB: Field[] = [
  new Field("start", MTD_OOB_BUF_START, 4, F_X),
  new Field("length", MTD_OOB_BUF_LENGTH, 4, F_X),
  new Field("ptr", MTD_OOB_BUF_PTR, 8, F_PTR),
];
const OOB64: Field[] = [
  new Field("start", MTD_OOB_BUF64_START, 8, F_X),
  new Field("length", MTD_OOB_BUF64_LENGTH, 4, F_X),
  new Field("usr_ptr", MTD_OOB_BUF64_USR_PTR, 8, F_PTR),
];
const WRITE_REQ: Field[] = [
  new Field("start", MTD_WRITE_REQ_START, 8, F_X),
  new Field("len", MTD_WRITE_REQ_LEN, 8, F_X),
  new Field("ooblen", MTD_WRITE_REQ_OOBLEN, 8, F_X),
  new Field("usr_data", MTD_WRITE_REQ_USR_DATA, 8, F_PTR),
  new Field("usr_oob", MTD_WRITE_REQ_USR_OOB, 8, F_PTR),
  new Field("mode", MTD_WRITE_REQ_MODE, 1, F_XVAL, "mtd_mode_options"),
];
const OTP: Field[] = [
  new Field("start", OTP_INFO_START, 4, F_X),
  new Field("length", OTP_INFO_LENGTH, 4, F_X),
  new Field("locked", OTP_INFO_LOCKED, 4, F_U),
];
const INFO: Field[] = [
  new Field("type", MTD_INFO_USER_TYPE, 1, F_XVAL, "mtd_type_options"),
  new Field("flags", MTD_INFO_USER_FLAGS, 4, F_FLAGS, "mtd_flags_options"),
  new Field("size", MTD_INFO_USER_SIZE, 4, F_X),
  new Field("erasesize", MTD_INFO_USER_ERASESIZE, 4, F_X),
  new Field("writesize", MTD_INFO_USER_WRITESIZE, 4, F_X),
  new Field("oobsize", MTD_INFO_USER_OOBSIZE, 4, F_X),
  new Field("padding", MTD_INFO_USER_PADDING, 8, F_X),
];
const STATS: Field[] = [
  new Field("corrected", MTD_ECC_STATS_CORRECTED, 4, F_X),
  new Field("failed", MTD_ECC_STATS_FAILED, 4, F_X),
  new Field("badblocks", MTD_ECC_STATS_BADBLOCKS, 4, F_X),
  new Field("bbtblocks", MTD_ECC_STATS_BBTBLOCKS, 4, F_X),
];
const REGION_IN: Field[] = [new Field("regionindex", REGION_INFO_USER_REGIONINDEX, 4, F_X)];
const REGION_OUT: Field[] = [
  new Field("offset", REGION_INFO_USER_OFFSET, 4, F_X),
  new Field("erasesize", REGION_INFO_USER_ERASESIZE, 4, F_X),
  new Field("numblocks", REGION_INFO_USER_NUMBLOCKS, 4, F_X),
];
const OOBINFO_HEAD: Field[] = [
  new Field("useecc", NAND_OOBINFO_USEECC, 4, F_XVAL, "mtd_nandecc_options"),
  new Field("eccbytes", NAND_OOBINFO_ECCBYTES, 4, F_X),
];
const LAYOUT_ECCBYTES: Field[] = [new Field("eccbytes", NAND_ECCLAYOUT_USER_ECCBYTES, 4, F_X)];
const LAYOUT_OOBAVAIL: Field[] = [new Field("oobavail", NAND_ECCLAYOUT_USER_OOBAVAIL, 4, F_X)];
const OOBFREE: Field[] = [new Field("offset", 0, 4, F_X), new Field("length", 4, 4, F_X)];

export function printEraseInfo(p: usize, len: u32): bool {
  return printStructOf(p, len, SIZEOF_ERASE_INFO_USER, ERASE);
}

export function printEraseInfo64(p: usize, len: u32): bool {
  return printStructOf(p, len, SIZEOF_ERASE_INFO_USER64, ERASE64);
}

export function printMtdOobBuf(p: usize, len: u32): bool {
  return printStructOf(p, len, SIZEOF_MTD_OOB_BUF, OOB);
}

export function printMtdOobBuf64(p: usize, len: u32): bool {
  return printStructOf(p, len, SIZEOF_MTD_OOB_BUF64, OOB64);
}

export function printMtdWriteReq(p: usize, len: u32): bool {
  return printStructOf(p, len, SIZEOF_MTD_WRITE_REQ, WRITE_REQ);
}

export function printOtpInfo(p: usize, len: u32): bool {
  return printStructOf(p, len, SIZEOF_OTP_INFO, OTP);
}

export function printMtdInfo(p: usize, len: u32): bool {
  return printStructOf(p, len, SIZEOF_MTD_INFO_USER, INFO);
}

export function printMtdEccStats(p: usize, len: u32): bool {
  return printStructOf(p, len, SIZEOF_MTD_ECC_STATS, STATS);
}

/** At entry `{regionindex=…` (left open); at exit `, offset=…, erasesize=…, numblocks=…}`. */
export function printRegionInfo(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_REGION_INFO_USER) return false;
  if (!atExit) {
    putc(0x7b);
    printFields(p, REGION_IN);
    return true;
  }
  printFields(p, REGION_OUT, false);
  putc(0x7d);
  return true;
}

/** `{useecc=…, eccbytes=…, oobfree=[[a, b], …], eccpos=[…]}`. */
export function printNandOobinfo(p: usize, len: u32): bool {
  if (len < SIZEOF_NAND_OOBINFO) return false;
  putc(0x7b);
  printFields(p, OOBINFO_HEAD);
  puts(", oobfree=[");
  const pairs = (NAND_OOBINFO_ECCPOS - NAND_OOBINFO_OOBFREE) / 8;
  for (let i: u32 = 0; i < pairs; i++) {
    if (i > 0) puts(", ");
    if (!verbose && i >= <u32>strsize) {
      puts("...");
      break;
    }
    printNumArray(p + NAND_OOBINFO_OOBFREE + <usize>(i * 8), 2, 4, true);
  }
  puts("], eccpos=");
  printNumArray(p + NAND_OOBINFO_ECCPOS, (SIZEOF_NAND_OOBINFO - NAND_OOBINFO_ECCPOS) / 4, 4, true);
  putc(0x7d);
  return true;
}

/** `{eccbytes=…, eccpos=[…], oobavail=…, oobfree=[{offset=…, length=…}, …]}`. */
export function printNandEcclayout(p: usize, len: u32): bool {
  if (len < SIZEOF_NAND_ECCLAYOUT_USER) return false;
  putc(0x7b);
  printFields(p, LAYOUT_ECCBYTES);
  puts(", eccpos=");
  printNumArray(
    p + NAND_ECCLAYOUT_USER_ECCPOS,
    (NAND_ECCLAYOUT_USER_OOBAVAIL - NAND_ECCLAYOUT_USER_ECCPOS) / 4,
    4,
    true,
  );
  printFields(p, LAYOUT_OOBAVAIL, false);
  puts(", oobfree=[");
  const n = (SIZEOF_NAND_ECCLAYOUT_USER - NAND_ECCLAYOUT_USER_OOBFREE) / 8;
  for (let i: u32 = 0; i < n; i++) {
    if (i > 0) puts(", ");
    if (!verbose && i >= <u32>strsize) {
      puts("...");
      break;
    }
    putc(0x7b);
    printFields(p + NAND_ECCLAYOUT_USER_OOBFREE + <usize>(i * 8), OOBFREE);
    putc(0x7d);
  }
  puts("]}");
  return true;
}
