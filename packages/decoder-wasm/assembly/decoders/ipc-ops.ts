// semop and semtimedop as strace 6.1's ipc_sem.c prints them: the id, the struct sembuf array
// (`[{sem_num=0, sem_op=-1, sem_flg=SEM_UNDO}]`, at most -s elements, `... /* ADDR *\/` where the
// memory stops being readable), the count and semtimedop's timeout. msgsnd and msgrcv as
// ipc_msg.c prints them: the message `{mtype=1, mtext="…"}` (msgrcv's at exit, its text cut at the
// size asked for, not the size received), the size, msgrcv's msgtyp, the flags.

import { arch, arg, capData, capLen, capPartial, exiting, findCap, isError } from "../call";
import {
  MSGBUF_MTEXT,
  SEMBUF_SEM_FLG,
  SEMBUF_SEM_NUM,
  SEMBUF_SEM_OP,
  SIZEOF_MSGBUF,
  SIZEOF_SEMBUF,
} from "../layouts";
import { callNoDeref, strsize } from "../options";
import { putc, puts } from "../out";
import { putAddr, putI64, putU64 } from "../print/num";
import { printBuffer } from "../print/quote";
import { printFlags } from "../print/xlat";
import { CK_ARRAY, CK_BUFFER_ARG_LEN } from "../record";
import { argKind, argParam, findTable } from "../tables";
import { printArg } from "./args";
import { RVAL_DECODED } from "./rval";

/** __AUDIT_ARCH_64BIT: the struct offsets here are the 64-bit ABIs' (from x86_64's BTF). */
const AUDIT_ARCH_64BIT: u32 = 0x80000000;

let T_SEMOP_FLAGS: i32 = -2;
let T_MSG_FLAGS: i32 = -2;

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

/**
 * tprint_msgbuf: the struct (strace reads sizeof(struct msgbuf) first, else prints the address),
 * then printstrn of its text, `count` bytes, or the text's address when that read fails.
 */
function printMsgbuf(atExit: bool, count: u64): void {
  const addr = arg(1);
  // A 32-bit ABI's mtype is 4 bytes: its message prints as the address; so does any message
  // under -e verbose=none (strace reads the struct with umove_or_printaddr).
  if ((arch != 0 && (arch & AUDIT_ARCH_64BIT) == 0) || callNoDeref) {
    putAddr(addr);
    return;
  }
  const ok = !(atExit && isError) && addr != 0 && findCap(1, CK_BUFFER_ARG_LEN, atExit);
  if (!ok && !(capPartial() && !(atExit && isError))) {
    putAddr(addr);
    return;
  }
  if (capLen < SIZEOF_MSGBUF && capLen < MSGBUF_MTEXT + <u32>min<u64>(count, <u64>strsize + 1)) {
    putAddr(addr);
    return;
  }
  puts("{mtype=");
  putI64(load<i64>(capData));
  puts(", mtext=");
  const text = capLen - MSGBUF_MTEXT;
  // printstrn reads min(count, -s + 1) bytes with umoven: all of them, or the address.
  if (!ok && <u64>text < min<u64>(count, <u64>strsize + 1)) putAddr(addr + <u64>MSGBUF_MTEXT);
  else printBuffer(capData + <usize>MSGBUF_MTEXT, text, count);
  putc(0x7d);
}

function printMsgFlags(i: u32): void {
  if (T_MSG_FLAGS == -2) T_MSG_FLAGS = findTable("ipc_msg_flags");
  printFlags(T_MSG_FLAGS, <u64>(<u32>arg(i)));
}

/** msgsnd(msqid, msgp, msgsz, msgflg), printed at entry. */
export function decodeMsgsnd(): i32 {
  putI64(<i64>(<i32>arg(0)));
  puts(", ");
  printMsgbuf(false, arg(2));
  puts(", ");
  putU64(arg(2));
  puts(", ");
  printMsgFlags(3);
  return RVAL_DECODED;
}

/** msgrcv(msqid, msgp, msgsz, msgtyp, msgflg): the message prints at exit. */
export function decodeMsgrcv(): i32 {
  if (!exiting) {
    putI64(<i64>(<i32>arg(0)));
    puts(", ");
    return 0;
  }
  printMsgbuf(true, arg(2));
  puts(", ");
  putU64(arg(2));
  puts(", ");
  putI64(<i64>arg(3));
  puts(", ");
  printMsgFlags(4);
  return RVAL_DECODED;
}
