import type { ConformanceCase } from "./cases.js";

/** Process control: -f, signals, exits, multi-process output. */
export const PROCESS_CASES: readonly ConformanceCase[] = [
  { name: "f pipeline", options: ["-f"], command: ["sh", "-c", "echo a | cat"] },
  // -D: the tracer is the command's grandchild; spawnSync waits for it through the stderr pipe.
  { name: "D exit 3", options: ["-D"], command: ["sh", "-c", "ls dir; exit 3"] },
  { name: "DD f pipeline", options: ["-DD", "-f"], command: ["sh", "-c", "echo a | cat"] },
  { name: "DDD signal USR1", options: ["-DDD"], command: ["sh", "-c", "kill -USR1 $$"] },
  { name: "D exec fails", options: ["--daemonize=grandchild"], command: ["./a.txt"] },
  { name: "f fork+wait", options: ["-f"], command: ["sh", "-c", "true; /bin/true; exit 0"] },
  // No signals: strace names a SIGCHLD's si_pid only while the child's zombie is there. No
  // getpid/getppid: tstrace names the pids of line prefixes only, not those calls return.
  {
    name: "f -Y",
    options: ["-f", "-Y", "-e", "signal=none", "-e", "trace=!getpid,getppid"],
    command: ["sh", "-c", "/bin/true; /bin/true"],
  },
  {
    name: "f decode-pids=all",
    options: ["-f", "--decode-pids=all", "-e", "signal=none", "-e", "trace=!getpid,getppid"],
    command: ["sh", "-c", "echo a | cat"],
  },
  { name: "b execve", options: ["-f", "-b", "execve"], command: ["sh", "-c", "/bin/true; exit 0"] },
  { name: "f subshell exit 3", options: ["-f"], command: ["sh", "-c", "(exit 3); echo $?"] },
  { name: "signal USR1", command: ["sh", "-c", "kill -USR1 $$"] },
  { name: "signal TERM", command: ["sh", "-c", "kill -TERM $$"] },
  { name: "signal trap USR1", command: ["sh", "-c", "trap 'echo caught' USR1; kill -USR1 $$; echo after"] },
  { name: "signal=none", options: ["-e", "signal=none"], command: ["sh", "-c", "kill -USR1 $$"] },
  { name: "f SIGCHLD", options: ["-f", "-e", "trace=none"], command: ["sh", "-c", "/bin/true; echo done"] },
  {
    name: "f threads",
    options: ["-f", "-e", "trace=getppid,write"],
    command: [
      "/usr/bin/python3",
      "-c",
      "import os,threading\nts=[threading.Thread(target=lambda: [os.getppid() for _ in range(5)]) for _ in range(3)]\nfor t in ts: t.start(); t.join()\nos.write(1, b'done\\n')",
    ],
  },
  {
    name: "f vfork posix_spawn",
    options: ["-f"],
    command: [
      "sh",
      "-c",
      // The interpreter itself, as elsewhere: a `python3` shim on PATH (pyenv's forks a dozen
      // processes) made this -f trace 9700 lines and a minute long on a busy machine.
      "/usr/bin/python3 -c \"import os; os.waitpid(os.posix_spawn('/bin/true', ['true'], os.environ), 0)\"",
    ],
  },
  { name: "f child killed", options: ["-f"], command: ["sh", "-c", "sh -c 'kill -KILL $$'; echo $?"] },
];
