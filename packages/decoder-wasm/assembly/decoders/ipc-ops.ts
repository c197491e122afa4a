// semop and semtimedop as strace 6.1's ipc_sem.c prints them: the id, the struct sembuf array
// (`[{sem_num=0, sem_op=-1, sem_flg=SEM_UNDO}]`, at most -s elements, `... /* ADDR *\/` where the
// memory stops being readable), the count and semtimedop's timeout.

import { arg, capData, capLen, capPartial, findCap } from "../call";
import { SEMBUF_SEM_FLG, SEMBUF_SEM_NUM, SEMBUF_SEM_OP, SIZEOF_SEMBUF } from "../layouts";
import { strsize } from "../options";
import { putc, puts } from "../out";
import { putAddr, putI64, putU64 } from "../print/num";
import { printFlags } from "../print/xlat";
import { CK_ARRAY } from "../record";
import { argKind, argParam, findTable } from "../tables";
import { printArg } from "./args";
import { RVAL_DECODED } from "./rval";

let T_SEMOP_FLAGS: i32 = -2;

function printSembuf(p: usize): void {
  puts("{sem_num=");
  putU64(<u64>load<u16>(p + SEMBUF_SEM_NUM));
  puts(", sem_op=");
  putI64(<i64>load<i16>(p + SEMBUF_SEM_OP));
  puts(", sem_flg=");
  printFlags(T_SEMOP_FLAGS, <u64>load<u16>(p + SEMBUF_SEM_FLG));
  putc(0x7d);
}

/** print_array over the ARRAY capture of argument 1 (`n` elements). */
function printSembufs(n: u64): void {
  const addr = arg(1);
  if (addr == 0) {
    putAddr(addr);
    return;
  }
  if (n == 0) {
    puts("[]");
    return;
  }
  const ok = findCap(1, CK_ARRAY, false);
  // A PARTIAL capture holds the readable elements before an unmapped page.
  if ((!ok && !capPartial()) || capLen < SIZEOF_SEMBUF) {
    putAddr(addr);
    return;
  }
  const have = <u64>(capLen / SIZEOF_SEMBUF);
  putc(0x5b);
  for (let j: u64 = 0; j < n; j++) {
    if (j > 0) puts(", ");
    if (j >= have) {
      // strace fetches each element before it looks at the -s limit.
      puts("...");
      if (!ok) {
        puts(" /* ");
        putAddr(addr + j * <u64>SIZEOF_SEMBUF);
        puts(" */");
      }
      break;
    }
    if (j >= <u64>strsize) {
      puts("...");
      break;
    }
    printSembuf(capData + <usize>(j * <u64>SIZEOF_SEMBUF));
  }
  putc(0x5d);
}

/** semop(semid, sops, nsops) and semtimedop(…, timeout): printed whole at entry. */
export function decodeSemop(r: u32, timed: bool): i32 {
  if (T_SEMOP_FLAGS == -2) T_SEMOP_FLAGS = findTable("semop_flags");
  putI64(<i64>(<i32>arg(0)));
  puts(", ");
  const n = <u64>(<u32>arg(2));
  printSembufs(n);
  puts(", ");
  putU64(n);
  if (timed) {
    puts(", ");
    printArg(3, argKind(r, 3), argParam(r, 3));
  }
  return RVAL_DECODED;
}
