import type { ConformanceCase } from "./cases.js";

/** Filtering, statistics and timing: -e trace=, -z/-Z, -P, -c, -t/-T. */
export const FILTER_CASES: readonly ConformanceCase[] = [
  { name: "trace=%file ls", options: ["-e", "trace=%file"], command: ["ls"] },
  { name: "trace=/^stat", options: ["-e", "trace=/^stat"], command: ["stat", "a.txt"] },
  { name: "trace=!read,write", options: ["-e", "trace=!read,write"], command: ["cat", "a.txt"] },
  { name: "trace=?nosuch", options: ["-e", "trace=?nosuch"], command: ["true"] },
  { name: "trace=openat,close", options: ["-e", "trace=openat,close"], command: ["cat", "a.txt"] },
  { name: "two -e trace", options: ["-e", "trace=openat", "-e", "trace=close"], command: ["cat", "a.txt"] },
  { name: "trace=%process sh", options: ["-f", "-e", "trace=%process"], command: ["sh", "-c", "/bin/true"] },
  { name: "trace=none", options: ["-e", "trace=none"], command: ["true"] },
  { name: "successful-only", options: ["-z"], command: ["cat", "does-not-exist"] },
  { name: "failed-only", options: ["-Z"], command: ["cat", "does-not-exist"] },
  { name: "status=failed", options: ["-e", "status=failed"], command: ["ls", "nope"] },
  { name: "syscall-number", options: ["-n", "-e", "trace=close"], command: ["true"] },
  { name: "c rows", options: ["-c", "-U", "calls,errors,name", "-S", "calls"], command: ["true"] },
  { name: "c ls rows", options: ["-c", "-U", "calls,errors,name", "-S", "name"], command: ["ls"] },
  {
    name: "c -f rows",
    options: ["-f", "-c", "-U", "calls,errors,name", "-S", "name"],
    command: ["sh", "-c", "echo a | cat"],
  },
  {
    name: "read=/write= dumps",
    options: ["-e", "trace=read,write", "-e", "read=3", "-e", "write=1"],
    command: ["cat", "a.txt"],
  },
  { name: "write=all -s 4", options: ["-s", "4", "-e", "write=all"], command: ["cat", "a.txt"] },
  { name: "trace-path", options: ["-P", "a.txt"], command: ["cat", "a.txt"] },
  {
    name: "trace-path -c",
    options: ["-P", "a.txt", "-c", "-U", "calls,errors,name", "-S", "name"],
    command: ["cat", "a.txt"],
  },
  { name: "w c rows", options: ["-w", "-c", "-U", "calls,errors,name", "-S", "name"], command: ["ls"] },
  {
    name: "O c rows",
    options: ["-O", "1ms", "-c", "-U", "calls,errors,name", "-S", "name"],
    command: ["true"],
  },
  { name: "X raw", options: ["-X", "raw"], command: ["cat", "a.txt"] },
  { name: "X verbose", options: ["-X", "verbose", "-e", "trace=!getrandom"], command: ["cat", "a.txt"] },
  { name: "qq", options: ["-qq", "-e", "trace=close"], command: ["true"] },
];
