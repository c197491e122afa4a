// waitid(idtype, id, infop, options, rusage) as strace 6.1's wait.c prints it: id by idtype (a
// process or a process group id through printPid, a pidfd as an fd, else an int: core's
// data/request-args.ts row), the rest from the syscall's kinds, the siginfo and rusage at exit.

import { exiting } from "../call";
import { puts } from "../out";
import { argKind, argParam } from "../tables";
import { printArg } from "./args";
import { decodeGeneric } from "./generic";
import { printWho } from "./priority";
import { setResumeArg } from "./rval";

export function decodeWaitid(r: u32): i32 {
  if (exiting) return decodeGeneric(r);
  printArg(0, argKind(r, 0), argParam(r, 0));
  puts(", ");
  printWho("waitid");
  puts(", ");
  setResumeArg(2);
  return 0;
}
