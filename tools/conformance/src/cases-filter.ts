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
];
