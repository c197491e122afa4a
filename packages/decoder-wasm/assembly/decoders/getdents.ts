// getdents64/getdents(fd, dirp, count): without -v strace prints the address and the number of
// entries in the returned buffer.

import { arg, capData, capLen, exiting, findCap, isError, rval } from "../call";
import { puts } from "../out";
import { putAddr, putU64 } from "../print/num";
import { CK_BUFFER_RET_LEN } from "../record";
import { printFd } from "./args";
import { RVAL_DECODED } from "./rval";

export function decodeGetdents(): i32 {
  if (!exiting) {
    printFd(0);
    puts(", ");
    return 0;
  }
  putAddr(arg(1));
  if (!isError && findCap(1, CK_BUFFER_RET_LEN, true)) {
    // d_reclen is at offset 16 in linux_dirent64 and offset 16 in linux_dirent (after ino, off).
    let off: u32 = 0;
    let n: u64 = 0;
    const len = capLen;
    while (off + 18 <= len) {
      const reclen = <u32>load<u16>(capData + <usize>off + 16);
      if (reclen == 0) break;
      n++;
      off += reclen;
    }
    puts(" /* ");
    putU64(n);
    puts(n == 1 ? " entry */" : " entries */");
  } else if (!isError && rval == 0) {
    puts(" /* 0 entries */");
  }
  puts(", ");
  putU64(<u64>(<u32>arg(2)));
  return RVAL_DECODED;
}
