import type { ConformanceCase } from "./cases.js";

/** A child writes to a pipe its parent is reading: `<unfinished ...>`, `<... read resumed>`, +++ and ---. */
const PIPE_CHILD = [
  "import os, signal, time",
  "signal.signal(signal.SIGUSR1, lambda *a: None)",
  "r, w = os.pipe()",
  "if os.fork() == 0:",
  "    time.sleep(0.05); os.write(w, b'x'); os._exit(0)",
  "os.read(r, 1)",
  "os.kill(os.getpid(), signal.SIGUSR1)",
].join("\n");
const PIPE_TRACE = ["-e", "trace=read,write,kill,exit_group", "-e", "signal=USR1"];

/**
 * -t/--timestamps, -r and -T at each precision, alone and together, with -f. The normaliser hides
 * the digits of each column and keeps its shape, so a wrong precision or order fails.
 */
export const TIMING_CASES: readonly ConformanceCase[] = [
  { name: "t (time,s)", options: ["-t"], command: ["cat", "a.txt"] },
  { name: "tt (time,us)", options: ["-tt"], command: ["cat", "a.txt"] },
  { name: "ttt (unix,us)", options: ["-ttt"], command: ["cat", "a.txt"] },
  { name: "timestamps=time,ms", options: ["--timestamps=time,ms"], command: ["cat", "a.txt"] },
  { name: "timestamps=time,ns", options: ["--timestamps=time,ns"], command: ["cat", "a.txt"] },
  { name: "timestamps=unix,s", options: ["--timestamps=unix"], command: ["cat", "a.txt"] },
  { name: "timestamps=unix,ms", options: ["--timestamps=unix,ms"], command: ["cat", "a.txt"] },
  {
    name: "timestamps=unix,ns",
    options: ["--timestamps=format:unix,precision:ns"],
    command: ["cat", "a.txt"],
  },
  { name: "r (us)", options: ["-r"], command: ["cat", "a.txt"] },
  { name: "relative=s", options: ["--relative-timestamps=s"], command: ["cat", "a.txt"] },
  { name: "relative=ms", options: ["--relative-timestamps=ms"], command: ["cat", "a.txt"] },
  { name: "relative=ns", options: ["--relative-timestamps=ns"], command: ["cat", "a.txt"] },
  { name: "T (us)", options: ["-T"], command: ["cat", "a.txt"] },
  { name: "syscall-times=s", options: ["--syscall-times=s"], command: ["cat", "a.txt"] },
  { name: "syscall-times=ms", options: ["--syscall-times=ms"], command: ["cat", "a.txt"] },
  { name: "syscall-times=ns", options: ["--syscall-times=ns"], command: ["cat", "a.txt"] },
  { name: "r t", options: ["-r", "-t"], command: ["cat", "a.txt"] },
  { name: "ttt r T", options: ["-ttt", "-r", "-T"], command: ["cat", "a.txt"] },
  {
    name: "unix,ns relative=ms syscall-times=s",
    options: ["--timestamps=unix,ns", "--relative-timestamps=ms", "--syscall-times=s"],
    command: ["cat", "a.txt"],
  },
  { name: "f t T", options: ["-f", "-t", "-T"], command: ["sh", "-c", "cat a.txt; /bin/true"] },
  {
    name: "f tt r pipe",
    options: ["-f", "-tt", "-r", ...PIPE_TRACE],
    command: ["/usr/bin/python3", "-c", PIPE_CHILD],
  },
  {
    name: "f time,ms T pipe",
    options: ["-f", "--timestamps=time,ms", "-T", ...PIPE_TRACE],
    command: ["/usr/bin/python3", "-c", PIPE_CHILD],
  },
];
