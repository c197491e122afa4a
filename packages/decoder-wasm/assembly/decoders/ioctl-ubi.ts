// UBI volumes (strace 6.1's ubi.c): attaching an MTD device, making, resizing and renaming
// volumes, LEB requests, volume properties. Layouts from mtd/ubi-user.h (gcc -gbtf: the kernel's
// BTF has no UBI when it is a module).

import {
  SIZEOF_UBI_ATTACH_REQ,
  SIZEOF_UBI_LEB_CHANGE_REQ,
  SIZEOF_UBI_MAP_REQ,
  SIZEOF_UBI_MKVOL_REQ,
  SIZEOF_UBI_RNVOL_REQ,
  SIZEOF_UBI_RSVOL_REQ,
  SIZEOF_UBI_SET_VOL_PROP_REQ,
  UBI_ATTACH_REQ_MAX_BEB_PER1024,
  UBI_ATTACH_REQ_MTD_NUM,
  UBI_ATTACH_REQ_UBI_NUM,
  UBI_ATTACH_REQ_VID_HDR_OFFSET,
  UBI_LEB_CHANGE_REQ_BYTES,
  UBI_LEB_CHANGE_REQ_DTYPE,
  UBI_LEB_CHANGE_REQ_LNUM,
  UBI_MAP_REQ_DTYPE,
  UBI_MAP_REQ_LNUM,
  UBI_MKVOL_REQ_ALIGNMENT,
  UBI_MKVOL_REQ_BYTES,
  UBI_MKVOL_REQ_FLAGS,
  UBI_MKVOL_REQ_NAME,
  UBI_MKVOL_REQ_NAME_LEN,
  UBI_MKVOL_REQ_VOL_ID,
  UBI_MKVOL_REQ_VOL_TYPE,
  UBI_RNVOL_REQ_COUNT,
  UBI_RNVOL_REQ_ENTS,
  UBI_RSVOL_REQ_BYTES,
  UBI_RSVOL_REQ_VOL_ID,
  UBI_SET_VOL_PROP_REQ_PROPERTY,
  UBI_SET_VOL_PROP_REQ_VALUE,
} from "../layouts";
import { xflag } from "../options";
import { putc, puts } from "../out";
import { quote } from "../print/quote";
import { F_D, F_FLAGS, F_X, F_XVAL, Field, printFields, printStructOf } from "./ioctl-fields";

const ATTACH: Field[] = [
  new Field("ubi_num", UBI_ATTACH_REQ_UBI_NUM, 4, F_D),
  new Field("mtd_num", UBI_ATTACH_REQ_MTD_NUM, 4, F_D),
  new Field("vid_hdr_offset", UBI_ATTACH_REQ_VID_HDR_OFFSET, 4, F_D),
  new Field("max_beb_per1024", UBI_ATTACH_REQ_MAX_BEB_PER1024, 2, F_D),
];
const MKVOL: Field[] = [
  new Field("vol_id", UBI_MKVOL_REQ_VOL_ID, 4, F_D),
  new Field("alignment", UBI_MKVOL_REQ_ALIGNMENT, 4, F_D),
  new Field("bytes", UBI_MKVOL_REQ_BYTES, 8, F_D),
  new Field("vol_type", UBI_MKVOL_REQ_VOL_TYPE, 1, F_XVAL, "ubi_volume_types"),
  new Field("flags", UBI_MKVOL_REQ_FLAGS, 1, F_FLAGS, "ubi_volume_flags"),
  new Field("name_len", UBI_MKVOL_REQ_NAME_LEN, 2, F_D),
];
const RSVOL: Field[] = [
  new Field("bytes", UBI_RSVOL_REQ_BYTES, 8, F_D),
  new Field("vol_id", UBI_RSVOL_REQ_VOL_ID, 4, F_D),
];
const LEB_CHANGE: Field[] = [
  new Field("lnum", UBI_LEB_CHANGE_REQ_LNUM, 4, F_D),
  new Field("bytes", UBI_LEB_CHANGE_REQ_BYTES, 4, F_D),
  new Field("dtype", UBI_LEB_CHANGE_REQ_DTYPE, 1, F_XVAL, "ubi_data_types"),
];
const MAP: Field[] = [
  new Field("lnum", UBI_MAP_REQ_LNUM, 4, F_D),
  new Field("dtype", UBI_MAP_REQ_DTYPE, 1, F_XVAL, "ubi_data_types"),
];
const SET_VOL_PROP: Field[] = [
  new Field("property", UBI_SET_VOL_PROP_REQ_PROPERTY, 1, F_XVAL, "ubi_volume_props"),
  new Field("value", UBI_SET_VOL_PROP_REQ_VALUE, 8, F_X),
];

// A rename entry (an anonymous struct in ubi_rnvol_req.ents): vol_id, name_len, two bytes of
// padding, the name; UBI_MAX_RNVOL of them.
const RNVOL_MAX: u32 = 32;
const ENT_SIZE: u32 = (SIZEOF_UBI_RNVOL_REQ - UBI_RNVOL_REQ_ENTS) / RNVOL_MAX;
const ENT_NAME: u32 = 8;
const RNVOL_COUNT: Field[] = [new Field("count", UBI_RNVOL_REQ_COUNT, 4, F_D)];
const ENT: Field[] = [new Field("vol_id", 0, 4, F_D), new Field("name_len", 4, 2, F_D)];
/** Both names are char[UBI_MAX_VOLUME_NAME + 1]. */
const NAME_SIZE: u32 = SIZEOF_UBI_MKVOL_REQ - UBI_MKVOL_REQ_NAME;

/**
 * `name="…"`: at most 1 + name_len (clamped to the array) bytes, up to a NUL, with `...` when no
 * NUL came within them (strace's PRINT_FIELD_CSTRING_SZ).
 */
function printName(p: usize, nameLen: i32): void {
  const max = <i32>NAME_SIZE - 1;
  const size = <u32>(1 + (nameLen < 0 ? 0 : nameLen > max ? max : nameLen));
  puts(", name=");
  const noNul = quote(p, size - 1, true, xflag);
  if (noNul && load<u8>(p + <usize>(size - 1)) != 0) puts("...");
}

export function printUbiAttach(p: usize, len: u32): bool {
  return printStructOf(p, len, SIZEOF_UBI_ATTACH_REQ, ATTACH);
}

export function printUbiMkvol(p: usize, len: u32): bool {
  if (len < SIZEOF_UBI_MKVOL_REQ) return false;
  putc(0x7b);
  printFields(p, MKVOL);
  printName(p + UBI_MKVOL_REQ_NAME, <i32>load<i16>(p + UBI_MKVOL_REQ_NAME_LEN));
  putc(0x7d);
  return true;
}

export function printUbiRsvol(p: usize, len: u32): bool {
  return printStructOf(p, len, SIZEOF_UBI_RSVOL_REQ, RSVOL);
}

/** `{count=N, ents=[…]}`: as many entries as count says, at most UBI_MAX_RNVOL. */
export function printUbiRnvol(p: usize, len: u32): bool {
  if (len < SIZEOF_UBI_RNVOL_REQ) return false;
  putc(0x7b);
  printFields(p, RNVOL_COUNT);
  puts(", ents=[");
  const count = load<i32>(p + UBI_RNVOL_REQ_COUNT);
  const n: u32 = count <= 0 ? 0 : min<u32>(<u32>count, RNVOL_MAX);
  for (let i: u32 = 0; i < n; i++) {
    if (i > 0) puts(", ");
    const e = p + UBI_RNVOL_REQ_ENTS + <usize>(i * ENT_SIZE);
    putc(0x7b);
    printFields(e, ENT);
    printName(e + ENT_NAME, <i32>load<i16>(e + 4));
    putc(0x7d);
  }
  puts("]}");
  return true;
}

export function printUbiLebChange(p: usize, len: u32): bool {
  return printStructOf(p, len, SIZEOF_UBI_LEB_CHANGE_REQ, LEB_CHANGE);
}

export function printUbiMap(p: usize, len: u32): bool {
  return printStructOf(p, len, SIZEOF_UBI_MAP_REQ, MAP);
}

export function printUbiSetVolProp(p: usize, len: u32): bool {
  return printStructOf(p, len, SIZEOF_UBI_SET_VOL_PROP_REQ, SET_VOL_PROP);
}
