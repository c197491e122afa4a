import type { ConformanceCase } from "./cases.js";

/** -e inject= / -e fault=: injected errors, return values, signals and delays reach the program. */
export const INJECT_CASES: readonly ConformanceCase[] = [
  { name: "inject openat ENOENT", options: ["-e", "inject=openat:error=ENOENT"], command: ["cat", "a.txt"] },
  {
    name: "inject openat when=3",
    options: ["-e", "trace=openat,read", "-e", "inject=openat:error=EACCES:when=3"],
    command: ["cat", "a.txt"],
  },
  {
    name: "inject write EIO when=2+",
    options: ["-e", "trace=write", "-e", "inject=write:error=EIO:when=2+"],
    command: ["sh", "-c", "echo a; echo b; echo c"],
  },
  {
    name: "inject getuid retval",
    options: ["-e", "trace=getuid", "-e", "inject=getuid:retval=42:when=2..3"],
    command: ["/usr/bin/python3", "-c", "import os; print(os.getuid(), os.getuid(), os.getuid())"],
  },
  {
    name: "inject getuid signal",
    options: ["-e", "trace=getuid", "-e", "inject=getuid:signal=SIGUSR1:when=3"],
    command: ["/usr/bin/python3", "-c", "import os; print(os.getuid(), os.getuid(), os.getuid())"],
  },
  {
    name: "inject syscall= replacement",
    options: ["-e", "trace=getppid", "-e", "inject=getppid:syscall=getuid:retval=7"],
    command: ["/usr/bin/python3", "-c", "import os; print(os.getppid())"],
  },
  {
    name: "inject delay_enter",
    options: ["-e", "trace=getuid", "-e", "inject=getuid:delay_enter=1ms:delay_exit=2000"],
    command: ["/usr/bin/python3", "-c", "import os; os.getuid()"],
  },
  { name: "fault chdir", options: ["-e", "fault=chdir"], command: ["sh", "-c", "cd /tmp 2>/dev/null"] },
  {
    name: "fault chdir EACCES when=2",
    options: ["-e", "trace=chdir", "--fault=chdir:error=EACCES:when=2"],
    command: ["sh", "-c", "cd /; cd /tmp 2>/dev/null; cd /"],
  },
];
