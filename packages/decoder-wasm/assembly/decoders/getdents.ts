// getdents64/getdents(fd, dirp, count): without -v strace prints the address and the number of
// entries in the returned buffer; with -v, every entry (strace's dirent64.c / dirent.c).

import { arch, arg, capData, capLen, exiting, findCap, isError, rval } from "../call";
import { T_DIRENT_TYPES } from "../known";
import { callNoDeref, verbose } from "../options";
import { putc, puts } from "../out";
import { putAddr, putI64, putU64 } from "../print/num";
import { quote } from "../print/quote";
import { printEnum } from "../print/xlat";
import { CK_BUFFER_RET_LEN } from "../record";
import { printFd } from "./args";
import { RVAL_DECODED } from "./rval";

/** offsetof(struct linux_dirent64, d_name) and offsetof(struct linux_dirent, d_name). */
const NAME_OFF64: u32 = 19;
const NAME_OFF: u32 = 18;
/** __AUDIT_ARCH_64BIT. */
const AUDIT_ARCH_64BIT: u32 = 0x80000000;
/** strace's D_NAME_LEN_MAX: most d_name bytes it looks at. */
const D_NAME_LEN_MAX: u32 = 256;

export function decodeGetdents(): i32 {
  return decodeDirents(true);
}

export function decodeGetdentsOld(): i32 {
  return decodeDirents(false);
}

function decodeDirents(is64: bool): i32 {
  if (!exiting) {
    printFd(0);
    puts(", ");
    return 0;
  }
  // linux_dirent's d_ino and d_off are longs: read only on 64-bit ABIs (or an unknown arch, 0).
  const layoutKnown = is64 || arch == 0 || (arch & AUDIT_ARCH_64BIT) != 0;
  const captured = layoutKnown && !isError && findCap(1, CK_BUFFER_RET_LEN, true);
  if (verbose && !callNoDeref && !isError && (captured || rval == 0)) {
    printEntries(captured ? capData : 0, captured ? <u32>capLen : 0, is64);
  } else {
    putAddr(arg(1));
    // Under -e verbose=none (strace's !verbose(tcp)) the address alone; else how many entries.
    if (!callNoDeref && captured) {
      const n = countEntries(capData, capLen);
      puts(" /* ");
      putU64(n);
      puts(n == 1 ? " entry */" : " entries */");
    } else if (!callNoDeref && !isError && rval == 0) {
      puts(" /* 0 entries */");
    }
  }
  puts(", ");
  putU64(<u64>(<u32>arg(2)));
  return RVAL_DECODED;
}

// d_reclen is at offset 16 in both linux_dirent64 and linux_dirent (after d_ino, d_off).
function countEntries(p: usize, len: u32): u64 {
  let off: u32 = 0;
  let n: u64 = 0;
  while (off + 18 <= len) {
    const reclen = <u32>load<u16>(p + <usize>off + 16);
    if (reclen == 0) break;
    n++;
    off += reclen;
  }
  return n;
}

/** `[{d_ino=…, d_off=…, d_reclen=…, d_type=DT_DIR, d_name="."}, …]` */
function printEntries(p: usize, len: u32, is64: bool): void {
  const nameOff = is64 ? NAME_OFF64 : NAME_OFF;
  putc(0x5b);
  let off: u32 = 0;
  while (len >= nameOff && off <= len - nameOff) {
    const d = p + <usize>off;
    const reclen = <u32>load<u16>(d + 16);
    let nameLen = reclen >= nameOff && off + reclen <= len ? reclen - nameOff : len - off - nameOff;
    if (nameLen > D_NAME_LEN_MAX) nameLen = D_NAME_LEN_MAX;
    if (off > 0) puts(", ");
    puts("{d_ino=");
    putU64(load<u64>(d));
    puts(", d_off=");
    putI64(load<i64>(d + 8));
    puts(", d_reclen=");
    putU64(<u64>reclen);
    if (is64) {
      puts(", d_type=");
      printEnum(T_DIRENT_TYPES, <u64>load<u8>(d + 18));
    }
    puts(", d_name=");
    printNameField(d + <usize>nameOff, nameLen);
    if (!is64) {
      // linux_dirent keeps d_type in the record's last byte.
      puts(", d_type=");
      printEnum(T_DIRENT_TYPES, reclen > 0 && off + reclen <= len ? <u64>load<u8>(d + <usize>reclen - 1) : 0);
    }
    putc(0x7d);
    if (reclen < nameOff) {
      puts(", ...");
      break;
    }
    off += reclen;
  }
  putc(0x5d);
}

/** print_quoted_cstring: up to the NUL within `size` bytes; `...` when there is none. */
function printNameField(p: usize, size: u32): void {
  let n: u32 = 0;
  while (n < size && load<u8>(p + <usize>n) != 0) n++;
  quote(p, n, true, 0);
  if (n == size) puts("...");
}
