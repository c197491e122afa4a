// getpriority/setpriority (strace's resource.c), and the `who` they share with ioprio_get/set:
// a process id or a process group id by `which` (core's data/request-args.ts rows of these
// syscalls), printed as a pid so --decode-pids decorates it; other `which` values print an int.

import { arg, exiting } from "../call";
import { puts } from "../out";
import { putI64 } from "../print/num";
import { printEnum } from "../print/xlat";
import {
  findRequestArg,
  findTable,
  K_NOT_PRINTED,
  requestArgIndex,
  requestArgKind,
  requestArgParam,
} from "../tables";
import { printArg } from "./args";
import { RVAL_DECODED } from "./rval";

let T_PRIORITIES: i32 = -2;

/** Argument 1 of syscall `name` as its argument 0 says (a pid kind for a process or a group). */
export function printWho(name: string): void {
  const e = findRequestArg(name, <u32>arg(0));
  if (e < 0 || requestArgKind(e) == K_NOT_PRINTED) putI64(<i64>(<i32>arg(1)));
  else printArg(requestArgIndex(e), requestArgKind(e), requestArgParam(e));
}

/** getpriority(which, who) and setpriority(which, who, prio). */
export function decodePriority(set: bool): i32 {
  if (exiting) return RVAL_DECODED;
  if (T_PRIORITIES == -2) T_PRIORITIES = findTable("priorities");
  printEnum(T_PRIORITIES, <u64>(<u32>arg(0)));
  puts(", ");
  printWho(set ? "setpriority" : "getpriority");
  if (set) {
    puts(", ");
    putI64(<i64>(<i32>arg(2)));
  }
  return RVAL_DECODED;
}
