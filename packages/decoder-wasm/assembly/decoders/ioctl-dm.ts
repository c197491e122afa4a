// Device mapper requests (strace 6.1's dm.c): struct dm_ioctl's header and, after it, what its
// data_start and data_size say the request carries (target specs, a message, a string) or the
// kernel answered (name lists, target versions, dependencies). The capture is the header and the
// bytes after it (core's dm_ioctl_data), read in part before an unmapped page: a piece lying past
// what was read prints as strace prints memory it cannot read, its address.

import {
  DM_IOCTL_DATA,
  DM_IOCTL_DATA_SIZE,
  DM_IOCTL_DATA_START,
  DM_IOCTL_DEV,
  DM_IOCTL_EVENT_NR,
  DM_IOCTL_FLAGS,
  DM_IOCTL_NAME,
  DM_IOCTL_OPEN_COUNT,
  DM_IOCTL_TARGET_COUNT,
  DM_IOCTL_UUID,
  DM_IOCTL_VERSION,
  DM_NAME_LIST_DEV,
  DM_NAME_LIST_NAME,
  DM_NAME_LIST_NEXT,
  DM_TARGET_DEPS_COUNT,
  DM_TARGET_DEPS_DEV,
  DM_TARGET_MSG_MESSAGE,
  DM_TARGET_MSG_SECTOR,
  DM_TARGET_SPEC_LENGTH,
  DM_TARGET_SPEC_NEXT,
  DM_TARGET_SPEC_SECTOR_START,
  DM_TARGET_SPEC_STATUS,
  DM_TARGET_SPEC_TARGET_TYPE,
  DM_TARGET_VERSIONS_NAME,
  DM_TARGET_VERSIONS_NEXT,
  DM_TARGET_VERSIONS_VERSION,
  SIZEOF_DM_NAME_LIST,
  SIZEOF_DM_TARGET_MSG,
  SIZEOF_DM_TARGET_SPEC,
  SIZEOF_DM_TARGET_VERSIONS,
} from "../layouts";
import { strsize, verbose, xflag } from "../options";
import { putc, puts } from "../out";
import { putAddr, putI64, putU64 } from "../print/num";
import { quote } from "../print/quote";
import { putMakedev } from "../print/structs";
import { printFlags } from "../print/xlat";
import { findTable, valueOf } from "../tables";
import { isIoctlRequest, putCStringField } from "./ioctl-fields";

/** linux/dm-ioctl.h: the ABI major version strace decodes (DM_VERSION_MAJOR). */
const DM_VERSION_MAJOR: u32 = 4;
/** The version minor from which the kernel puts an event number after each listed name (4.37). */
const NAME_LIST_EVENT_MINOR: u32 = 37;

/** A flag of core's dm_flags table (linux/dm-ioctl.h). */
function dmFlag(name: string): u32 {
  return <u32>valueOf(findTable("dm_flags"), name, 0);
}

/** The captured request: its bytes, how many were readable, and its address in the tracee. */
class Dm {
  constructor(
    public p: usize,
    public avail: u32,
    public addr: u64,
    public atExit: bool,
  ) {}
  u32(off: u32): u32 {
    return load<u32>(this.p + <usize>off);
  }
  /** Were the `size` bytes at `off` read (strace's umove of them succeeds)? */
  has(off: u32, size: u32): bool {
    return <u64>off + <u64>size <= <u64>this.avail;
  }
  get dataSize(): u32 {
    return this.u32(DM_IOCTL_DATA_SIZE);
  }
  get dataStart(): u32 {
    return this.u32(DM_IOCTL_DATA_START);
  }
}

/** `, name=` then the `size`-byte field at off as strace's PRINT_FIELD_CSTRING prints it. */
function cstringField(d: Dm, name: string, off: u32, size: u32): void {
  puts(", ");
  puts(name);
  putc(0x3d);
  putCStringField(d.p + <usize>off, size);
}

function u32Field(d: Dm, name: string, off: u32): void {
  puts(", ");
  puts(name);
  putc(0x3d);
  putU64(<u64>d.u32(off));
}

/** `[a, b, c]`: three unsigned ints (PRINT_FIELD_U_ARRAY of a version). */
function putVersion(p: usize): void {
  putc(0x5b);
  for (let i: u32 = 0; i < 3; i++) {
    if (i > 0) puts(", ");
    putU64(<u64>load<u32>(p + <usize>(i * 4)));
  }
  putc(0x5d);
}

/**
 * strace's printstr_ex(addr + off, len, QUOTE_0_TERMINATED): at most -s bytes up to a NUL, `...`
 * when none came; the address when the bytes up to the NUL (or -s + 1 of them) were not read.
 * Returns umovestr's answer: the length with its NUL, 0 without one, -1 unreadable.
 */
function printStr(d: Dm, off: u32, len: u32): i32 {
  let size: u32 = <u32>strsize + 1;
  if (size > len) size = len;
  let rc: i32 = 0;
  for (let i: u32 = 0; i < size; i++) {
    if (!d.has(off + i, 1) || off + i < off) {
      putAddr(d.addr + <u64>off);
      return -1;
    }
    if (load<u8>(d.p + <usize>(off + i)) == 0) {
      rc = <i32>(i + 1);
      break;
    }
  }
  // string_quote also looks at the byte after the -s it prints, when it was fetched.
  const cut = size > <u32>strsize;
  const shown = cut ? <u32>strsize : size;
  const p = d.p + <usize>off;
  const noNul = quote(p, shown, true, xflag) && !(cut && rc > 0 && <u32>rc == size);
  if (noNul && len != 0) puts("...");
  return rc;
}

function misplaced(what: string): void {
  puts("???");
  puts(" /* misplaced ");
  puts(what);
  puts(" */");
}

/** Does this request carry a payload (strace's dm_ioctl_has_params)? */
function hasParams(): bool {
  return !(
    isIoctlRequest("DM_VERSION") ||
    isIoctlRequest("DM_REMOVE_ALL") ||
    isIoctlRequest("DM_DEV_CREATE") ||
    isIoctlRequest("DM_DEV_REMOVE") ||
    isIoctlRequest("DM_DEV_SUSPEND") ||
    isIoctlRequest("DM_DEV_STATUS") ||
    isIoctlRequest("DM_TABLE_CLEAR") ||
    isIoctlRequest("DM_DEV_ARM_POLL")
  );
}

/** The header, `{version=[…], data_size=…, …}`; false when the payload is not to be decoded. */
function printHeader(d: Dm): bool {
  putc(0x7b);
  puts("version=");
  putVersion(d.p + DM_IOCTL_VERSION);
  if (d.u32(DM_IOCTL_VERSION) != DM_VERSION_MAJOR) {
    puts(" /* unsupported device mapper ABI version */}");
    return false;
  }
  u32Field(d, "data_size", DM_IOCTL_DATA_SIZE);
  if (d.dataSize < DM_IOCTL_DATA) {
    puts(" /* data_size too small */}");
    return false;
  }
  if (hasParams()) u32Field(d, "data_start", DM_IOCTL_DATA_START);
  // The device: not for the requests about every device.
  if (
    !isIoctlRequest("DM_REMOVE_ALL") &&
    !isIoctlRequest("DM_LIST_DEVICES") &&
    !isIoctlRequest("DM_LIST_VERSIONS")
  ) {
    const dev = load<u64>(d.p + DM_IOCTL_DEV);
    if (dev != 0) {
      puts(", dev=");
      putMakedev(dev);
    }
    const nameSize = DM_IOCTL_UUID - DM_IOCTL_NAME;
    if (load<u8>(d.p + DM_IOCTL_NAME) != 0) cstringField(d, "name", DM_IOCTL_NAME, nameSize);
    if (load<u8>(d.p + DM_IOCTL_UUID) != 0)
      cstringField(d, "uuid", DM_IOCTL_UUID, DM_IOCTL_DATA - DM_IOCTL_UUID);
  }
  printValues(d);
  puts(", flags=");
  printFlags(findTable("dm_flags"), <u64>d.u32(DM_IOCTL_FLAGS));
  putc(0x7d);
  return true;
}

/** The counters a request names at entry, or the kernel reports at exit (dm_decode_values). */
function printValues(d: Dm): void {
  if (!d.atExit) {
    if (isIoctlRequest("DM_TABLE_LOAD")) u32Field(d, "target_count", DM_IOCTL_TARGET_COUNT);
    else if (
      (isIoctlRequest("DM_DEV_SUSPEND") && (d.u32(DM_IOCTL_FLAGS) & dmFlag("DM_SUSPEND_FLAG")) == 0) ||
      isIoctlRequest("DM_DEV_RENAME") ||
      isIoctlRequest("DM_DEV_REMOVE") ||
      isIoctlRequest("DM_DEV_WAIT")
    )
      u32Field(d, "event_nr", DM_IOCTL_EVENT_NR);
    return;
  }
  if (
    isIoctlRequest("DM_DEV_CREATE") ||
    isIoctlRequest("DM_DEV_RENAME") ||
    isIoctlRequest("DM_DEV_SUSPEND") ||
    isIoctlRequest("DM_DEV_STATUS") ||
    isIoctlRequest("DM_DEV_WAIT") ||
    isIoctlRequest("DM_TABLE_LOAD") ||
    isIoctlRequest("DM_TABLE_CLEAR") ||
    isIoctlRequest("DM_TABLE_DEPS") ||
    isIoctlRequest("DM_TABLE_STATUS") ||
    isIoctlRequest("DM_TARGET_MSG")
  ) {
    u32Field(d, "target_count", DM_IOCTL_TARGET_COUNT);
    u32Field(d, "open_count", DM_IOCTL_OPEN_COUNT);
    u32Field(d, "event_nr", DM_IOCTL_EVENT_NR);
  }
}

/** The table's target specs, each with its parameter string (dm_decode_dm_target_spec). */
function printTargetSpecs(d: Dm): void {
  const count = d.u32(DM_IOCTL_TARGET_COUNT);
  if (!verbose) {
    if (count != 0) puts(", ...");
    return;
  }
  let offset = d.dataStart;
  let end: u32 = 0;
  for (let i: u32 = 0; i < count; i++) {
    puts(", ");
    if (i != 0 && offset <= end) {
      misplaced("struct dm_target_spec");
      return;
    }
    end = offset + SIZEOF_DM_TARGET_SPEC;
    if (end <= offset || end > d.dataSize) {
      misplaced("struct dm_target_spec");
      return;
    }
    if (i >= <u32>strsize) {
      puts("...");
      return;
    }
    if (!d.has(offset, SIZEOF_DM_TARGET_SPEC)) {
      putAddr(d.addr + <u64>offset);
      return;
    }
    const s = d.p + <usize>offset;
    puts("{sector_start=");
    putU64(load<u64>(s + DM_TARGET_SPEC_SECTOR_START));
    puts(", length=");
    putU64(load<u64>(s + DM_TARGET_SPEC_LENGTH));
    if (d.atExit) {
      puts(", status=");
      putI64(<i64>load<i32>(s + DM_TARGET_SPEC_STATUS));
    }
    puts(", target_type=");
    putCStringField(s + DM_TARGET_SPEC_TARGET_TYPE, SIZEOF_DM_TARGET_SPEC - DM_TARGET_SPEC_TARGET_TYPE);
    puts(", string=");
    printStr(d, end, d.dataSize - end);
    putc(0x7d);
    const next = load<u32>(s + DM_TARGET_SPEC_NEXT);
    // At entry `next` is relative to this spec; the kernel's answer counts from data_start.
    offset = d.atExit ? d.dataStart + next : offset + next;
  }
}

/** DM_TABLE_DEPS' answer: `{count=N, deps=[makedev(…), …]}` (dm_decode_dm_target_deps). */
function printTargetDeps(d: Dm): void {
  if (d.dataStart == d.dataSize) return;
  puts(", ");
  if (!verbose) {
    puts("...");
    return;
  }
  const offset = d.dataStart;
  const end = offset + DM_TARGET_DEPS_DEV;
  if (end <= offset || end > d.dataSize) {
    misplaced("struct dm_target_deps");
    return;
  }
  if (!d.has(offset, DM_TARGET_DEPS_DEV)) {
    putAddr(d.addr + <u64>offset);
    return;
  }
  const count = d.u32(offset + DM_TARGET_DEPS_COUNT);
  if (count > (d.dataSize - end) / 8) {
    misplaced("struct dm_target_deps");
    return;
  }
  puts("{count=");
  putU64(<u64>count);
  puts(", deps=");
  if (count == 0) puts("[]");
  for (let i: u32 = 0; i < count; i++) {
    const at = end + i * 8;
    if (!d.has(at, 8)) {
      if (i == 0) putAddr(d.addr + <u64>at);
      else {
        puts(", ...");
        puts(" /* ");
        putAddr(d.addr + <u64>at);
        puts(" */]");
      }
      break;
    }
    puts(i == 0 ? "[" : ", ");
    putMakedev(load<u64>(d.p + <usize>at));
    if (i + 1 == count) putc(0x5d);
  }
  putc(0x7d);
}

/**
 * DM_LIST_DEVICES' and DM_LIST_VERSIONS' answer: records chained by `next` (dm_decode_dm_name_list,
 * dm_decode_dm_target_versions).
 */
function printChained(d: Dm, names: bool): void {
  if (d.dataStart == d.dataSize) return;
  if (!verbose) {
    puts(", ...");
    return;
  }
  const what = names ? "struct dm_name_list" : "struct dm_target_versions";
  const nameOff = names ? DM_NAME_LIST_NAME : DM_TARGET_VERSIONS_NAME;
  const size = names ? SIZEOF_DM_NAME_LIST : SIZEOF_DM_TARGET_VERSIONS;
  let offset = d.dataStart;
  let end: u32 = 0;
  for (let count: u32 = 0; ; count++) {
    puts(", ");
    if (count != 0 && offset <= end) {
      misplaced(what);
      return;
    }
    end = offset + nameOff;
    if (end <= offset || end > d.dataSize) {
      misplaced(what);
      return;
    }
    if (count >= <u32>strsize) {
      puts("...");
      return;
    }
    if (!d.has(offset, size)) {
      putAddr(d.addr + <u64>offset);
      return;
    }
    const s = d.p + <usize>offset;
    const next = load<u32>(s + (names ? DM_NAME_LIST_NEXT : DM_TARGET_VERSIONS_NEXT));
    putc(0x7b);
    if (names) {
      puts("dev=");
      putMakedev(load<u64>(s + DM_NAME_LIST_DEV));
      puts(", name=");
      const rc = printStr(d, end, d.dataSize - end);
      // Since 4.37 an event number follows the name, 8-aligned, when `next` leaves room for it.
      if (rc > 0 && d.u32(DM_IOCTL_VERSION + 4) >= NAME_LIST_EVENT_MINOR) {
        const eventAddr = (d.addr + <u64>end + <u64>rc + 7) & ~(<u64>7);
        const eventOff = <u32>(eventAddr - d.addr);
        if (eventAddr + 4 <= d.addr + <u64>offset + <u64>next && d.has(eventOff, 4)) {
          puts(", event_nr=");
          putU64(<u64>d.u32(eventOff));
        }
      }
    } else {
      puts("name=");
      printStr(d, end, d.dataSize - end);
      puts(", version=");
      putVersion(s + DM_TARGET_VERSIONS_VERSION);
    }
    putc(0x7d);
    if (next == 0) return;
    offset += next;
  }
}

/** DM_TARGET_MSG's sector and message (dm_decode_dm_target_msg). */
function printTargetMsg(d: Dm): void {
  if (d.dataStart == d.dataSize) return;
  puts(", ");
  if (!verbose) {
    puts("...");
    return;
  }
  const offset = d.dataStart;
  const end = offset + DM_TARGET_MSG_MESSAGE;
  if (end <= offset || end > d.dataSize) {
    misplaced("struct dm_target_msg");
    return;
  }
  if (!d.has(offset, SIZEOF_DM_TARGET_MSG)) {
    putAddr(d.addr + <u64>offset);
    return;
  }
  puts("{sector=");
  putU64(load<u64>(d.p + <usize>(offset + DM_TARGET_MSG_SECTOR)));
  puts(", message=");
  printStr(d, end, d.dataSize - end);
  putc(0x7d);
}

/** A string at data_start (dm_decode_string): a new name, a geometry, a message's answer. */
function printDataString(d: Dm): void {
  puts(", ");
  if (!verbose) {
    puts("...");
    return;
  }
  const offset = d.dataStart;
  if (offset > d.dataSize) {
    misplaced("string");
    return;
  }
  puts("{string=");
  printStr(d, offset, d.dataSize - offset);
  putc(0x7d);
}

/** What follows the header, by request, at entry or (after success) at exit (dm_decode_payload). */
function printPayload(d: Dm): void {
  if (isIoctlRequest("DM_DEV_WAIT") || isIoctlRequest("DM_TABLE_STATUS")) {
    if (d.atExit) printTargetSpecs(d);
  } else if (isIoctlRequest("DM_TABLE_LOAD")) {
    if (!d.atExit) printTargetSpecs(d);
  } else if (isIoctlRequest("DM_TABLE_DEPS")) {
    if (d.atExit) printTargetDeps(d);
  } else if (isIoctlRequest("DM_LIST_DEVICES")) {
    if (d.atExit) printChained(d, true);
  } else if (isIoctlRequest("DM_LIST_VERSIONS")) {
    if (d.atExit) printChained(d, false);
  } else if (isIoctlRequest("DM_TARGET_MSG")) {
    if (!d.atExit) printTargetMsg(d);
    else if ((d.u32(DM_IOCTL_FLAGS) & dmFlag("DM_DATA_OUT_FLAG")) != 0) printDataString(d);
  } else if (isIoctlRequest("DM_DEV_RENAME") || isIoctlRequest("DM_DEV_SET_GEOMETRY")) {
    if (!d.atExit) printDataString(d);
  }
}

/**
 * `[{header}, payload…]` from the `len` bytes read at p of the request at tracee address `addr`;
 * false (nothing printed) when the header was not read or data_size cannot cover even itself.
 */
export function printDmIoctl(p: usize, len: u32, addr: u64, atExit: bool): bool {
  // strace reads the header up to its data (offsetof(struct dm_ioctl, data)).
  if (len < DM_IOCTL_DATA) return false;
  const d = new Dm(p, len, addr, atExit);
  if (d.dataSize < DM_IOCTL_DATA_SIZE) return false;
  putc(0x5b);
  if (printHeader(d)) printPayload(d);
  putc(0x5d);
  return true;
}
