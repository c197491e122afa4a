// poll/ppoll and epoll_wait/epoll_pwait: arrays whose printed length comes from another argument
// at entry and from the return value at exit; poll's results print after the return value.

import { arch, arg, capData, capLen, capPartial, exiting, findCap, isError, rval } from "../call";
import { T_POLLFLAGS } from "../known";
import { callNoDeref, strsize, verbose } from "../options";
import { putc, puts } from "../out";
import { putAddr, putI64, putU64 } from "../print/num";
import { printStruct, S_EPOLL_EVENT, S_POLLFD, S_TIMESPEC } from "../print/structs";
import { printFlags } from "../print/xlat";
import { AUDIT_ARCH_X86_64, CK_ARRAY, CK_STRUCT } from "../record";
import { argKind, argParam } from "../tables";
import { printArg, printFd, printSigsetArg, printStructElems } from "./args";
import { printElems } from "./elems";
import { decodeGeneric } from "./generic";
import { AUX_CUSTOM, RVAL_DECODED, setAux } from "./rval";

const EPOLL_CTL_DEL: u32 = 2;

function printPollfd(p: usize, size: u32): void {
  printStruct(S_POLLFD, p, size, arch);
}

/**
 * The pollfd array as strace's print_array: at most -s entries, `... /* 0x… *\/` where the
 * readable memory stopped. nfds is an unsigned int: the kernel (and strace) ignore its upper half,
 * which native's capture counted, so it may have read past the array into a fault; the array's
 * own bytes still count.
 */
function printPollfds(atExit: bool): void {
  printElems(0, <u64>(<u32>arg(1)), 8, atExit, printPollfd);
}

/** poll(fds, nfds, timeout) and ppoll(fds, nfds, tsp, sigmask, sigsetsize). */
export function decodePoll(isPpoll: bool): i32 {
  if (!exiting) {
    printPollfds(false);
    puts(", ");
    putU64(<u64>(<u32>arg(1)));
    puts(", ");
    if (!isPpoll) {
      putI64(<i64>(<i32>arg(2)));
      return 0;
    }
    if (arg(2) != 0 && findCap(2, CK_STRUCT, false) && printStruct(S_TIMESPEC, capData, capLen, arch)) {
    } else putAddr(arg(2));
    puts(", ");
    printSigsetArg(3, 4, false);
    puts(", ");
    putU64(arg(4));
    return 0;
  }
  if (!isError) setAux(AUX_CUSTOM, isPpoll ? 1 : 0);
  return RVAL_DECODED;
}

/**
 * ` ([{fd=3, revents=POLLIN}])`, ` (Timeout)`; ppoll adds `left {…}`. strace's
 * decode_poll_exiting: at most -s ready entries then `...`, the address where the array stopped
 * being readable.
 */
export function printPollAux(isPpoll: bool): void {
  puts(" (");
  if (rval == 0) {
    puts("Timeout)");
    return;
  }
  const start = arg(0);
  const n = <u64>(<u32>arg(1));
  let opened = false;
  if (start != 0 && n != 0 && !callNoDeref) {
    let data: usize = 0;
    let avail: u64 = 0;
    if (findCap(0, CK_ARRAY, true) || capPartial()) {
      data = capData;
      avail = <u64>(capLen / 8);
    }
    let printed: u32 = 0;
    for (let j: u64 = 0; j < n; j++) {
      if (j >= avail) {
        puts(opened ? ", " : "[");
        opened = true;
        putAddr(start + j * 8);
        break;
      }
      const q = data + <usize>(j * 8);
      const rev = load<u16>(q + 6);
      if (rev == 0) continue;
      puts(opened ? ", " : "[");
      opened = true;
      if (!verbose && printed >= <u32>strsize) {
        puts("...");
        break;
      }
      puts("{fd=");
      putI64(<i64>load<i32>(q));
      puts(", revents=");
      printFlags(T_POLLFLAGS, <u64>rev);
      putc(0x7d);
      printed++;
    }
    if (opened) putc(0x5d);
  }
  if (isPpoll && arg(2) != 0 && findCap(2, CK_STRUCT, true)) {
    puts(opened ? ", left " : "left ");
    printStruct(S_TIMESPEC, capData, capLen, arch);
  }
  putc(0x29);
}

/** epoll_wait(epfd, events, maxevents, timeout) and epoll_pwait(…, sigmask, sigsetsize). */
export function decodeEpollWait(pwait: bool): i32 {
  if (!exiting) {
    printFd(0);
    puts(", ");
    return 0;
  }
  const p = arg(1);
  const size: u32 = arch == AUDIT_ARCH_X86_64 || arch == 0 ? 12 : 16;
  if (p != 0 && !isError && findCap(1, CK_ARRAY, true))
    printStructElems(S_EPOLL_EVENT, capData, capLen, size, <u64>rval);
  else putAddr(p);
  puts(", ");
  putI64(<i64>(<i32>arg(2)));
  puts(", ");
  putI64(<i64>(<i32>arg(3)));
  if (pwait) {
    puts(", ");
    printSigsetArg(4, 5, false);
    puts(", ");
    putU64(arg(5));
  }
  return RVAL_DECODED;
}

/** epoll_ctl(epfd, op, fd, event): EPOLL_CTL_DEL's event is not read, only its address printed. */
export function decodeEpollCtl(r: u32): i32 {
  if (<u32>arg(1) != EPOLL_CTL_DEL) return decodeGeneric(r);
  printFd(0);
  puts(", ");
  printArg(1, argKind(r, 1), argParam(r, 1));
  puts(", ");
  printFd(2);
  puts(", ");
  putAddr(arg(3));
  return RVAL_DECODED;
}
