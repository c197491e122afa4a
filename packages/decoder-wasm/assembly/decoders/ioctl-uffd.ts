// userfaultfd's ioctls (strace 6.1's userfaultfd.c): the API handshake, registering and waking
// ranges, copying and zeroing pages. The requests the kernel answers open their struct at entry
// and close it at exit with what it wrote (`…, copy=0x1000}`).

import { capData, capLen, findCap } from "../call";
import {
  SIZEOF_UFFDIO_API,
  SIZEOF_UFFDIO_COPY,
  SIZEOF_UFFDIO_RANGE,
  SIZEOF_UFFDIO_REGISTER,
  SIZEOF_UFFDIO_ZEROPAGE,
  UFFDIO_API_API,
  UFFDIO_API_FEATURES,
  UFFDIO_API_IOCTLS,
  UFFDIO_COPY_COPY,
  UFFDIO_COPY_DST,
  UFFDIO_COPY_LEN,
  UFFDIO_COPY_MODE,
  UFFDIO_COPY_SRC,
  UFFDIO_RANGE_LEN,
  UFFDIO_RANGE_START,
  UFFDIO_REGISTER_IOCTLS,
  UFFDIO_REGISTER_MODE,
  UFFDIO_REGISTER_RANGE,
  UFFDIO_ZEROPAGE_MODE,
  UFFDIO_ZEROPAGE_RANGE,
  UFFDIO_ZEROPAGE_ZEROPAGE,
} from "../layouts";
import { putc, puts } from "../out";
import { CK_STRUCT_IF } from "../record";
import { F_FLAGS, F_X, Field, printFields, printStructOf } from "./ioctl-fields";

const RANGE: Field[] = [
  new Field("start", UFFDIO_RANGE_START, 8, F_X),
  new Field("len", UFFDIO_RANGE_LEN, 8, F_X),
];
const API_IN: Field[] = [
  new Field("api", UFFDIO_API_API, 8, F_X),
  new Field("features", UFFDIO_API_FEATURES, 8, F_FLAGS, "uffd_api_features"),
];
const API_OUT: Field[] = [
  new Field("features", UFFDIO_API_FEATURES, 8, F_FLAGS, "uffd_api_features"),
  new Field("ioctls", UFFDIO_API_IOCTLS, 8, F_FLAGS, "uffd_api_flags"),
];
const REGISTER_MODE: Field[] = [
  new Field("mode", UFFDIO_REGISTER_MODE, 8, F_FLAGS, "uffd_register_mode_flags"),
];
const REGISTER_OUT: Field[] = [
  new Field("ioctls", UFFDIO_REGISTER_IOCTLS, 8, F_FLAGS, "uffd_register_ioctl_flags"),
];
const COPY_IN: Field[] = [
  new Field("dst", UFFDIO_COPY_DST, 8, F_X),
  new Field("src", UFFDIO_COPY_SRC, 8, F_X),
  new Field("len", UFFDIO_COPY_LEN, 8, F_X),
  new Field("mode", UFFDIO_COPY_MODE, 8, F_FLAGS, "uffd_copy_flags"),
];
const COPY_OUT: Field[] = [new Field("copy", UFFDIO_COPY_COPY, 8, F_X)];
const ZEROPAGE_MODE: Field[] = [new Field("mode", UFFDIO_ZEROPAGE_MODE, 8, F_FLAGS, "uffd_zeropage_flags")];
const ZEROPAGE_OUT: Field[] = [new Field("zeropage", UFFDIO_ZEROPAGE_ZEROPAGE, 8, F_X)];

function range(p: usize): void {
  puts("range=");
  printStructOf(p, SIZEOF_UFFDIO_RANGE, SIZEOF_UFFDIO_RANGE, RANGE);
}

export function printUffdioRange(p: usize, len: u32): bool {
  return printStructOf(p, len, SIZEOF_UFFDIO_RANGE, RANGE);
}

/**
 * At entry `{api=…, features=…`; at exit ` => features=…` when the kernel changed them (the entry
 * capture says what they were), then `, ioctls=…}`.
 */
export function printUffdioApi(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_UFFDIO_API) return false;
  if (!atExit) {
    putc(0x7b);
    printFields(p, API_IN);
    return true;
  }
  const features = load<u64>(p + UFFDIO_API_FEATURES);
  const asked = findCap(2, CK_STRUCT_IF, false) && capLen >= SIZEOF_UFFDIO_API;
  if (!asked || load<u64>(capData + UFFDIO_API_FEATURES) != features) {
    puts(" => ");
    printFields(p, [API_OUT[0]]);
  }
  printFields(p, [API_OUT[1]], false);
  putc(0x7d);
  return true;
}

export function printUffdioRegister(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_UFFDIO_REGISTER) return false;
  if (!atExit) {
    putc(0x7b);
    range(p + UFFDIO_REGISTER_RANGE);
    printFields(p, REGISTER_MODE, false);
    return true;
  }
  printFields(p, REGISTER_OUT, false);
  putc(0x7d);
  return true;
}

export function printUffdioCopy(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_UFFDIO_COPY) return false;
  if (!atExit) {
    putc(0x7b);
    printFields(p, COPY_IN);
    return true;
  }
  printFields(p, COPY_OUT, false);
  putc(0x7d);
  return true;
}

export function printUffdioZeropage(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_UFFDIO_ZEROPAGE) return false;
  if (!atExit) {
    putc(0x7b);
    range(p + UFFDIO_ZEROPAGE_RANGE);
    printFields(p, ZEROPAGE_MODE, false);
    return true;
  }
  printFields(p, ZEROPAGE_OUT, false);
  putc(0x7d);
  return true;
}
