// /dev/random's RNDADDENTROPY (strace 6.1's random_ioctl.c): the entropy count, the buffer size
// and the bytes themselves (struct rand_pool_info, linux/random.h: two ints, then the buffer).

import { strsize } from "../options";
import { putc, puts } from "../out";
import { putAddr } from "../print/num";
import { printBuffer } from "../print/quote";
import { F_D, Field, printFields } from "./ioctl-fields";

const HEADER: u32 = 8;
const POOL_INFO: Field[] = [new Field("entropy_count", 0, 4, F_D), new Field("buf_size", 4, 4, F_D)];

/** `{entropy_count=…, buf_size=…, buf="…"}`; `addr` is the struct's tracee address. */
export function printRandPoolInfo(p: usize, len: u32, addr: u64): bool {
  if (len < HEADER) return false;
  putc(0x7b);
  printFields(p, POOL_INFO);
  puts(", buf=");
  // printstrn of buf_size bytes: a negative size is a huge unsigned one, as in strace.
  const size = <u64>(<i64>load<i32>(p + 4));
  const want = size < <u64>strsize ? <u32>size : <u32>strsize;
  if (len - HEADER < want) putAddr(addr + <u64>HEADER);
  else {
    const read = len - HEADER;
    printBuffer(p + HEADER, <u64>read < size ? read : <u32>size, size);
  }
  putc(0x7d);
  return true;
}
