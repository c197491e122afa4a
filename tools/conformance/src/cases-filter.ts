import type { ConformanceCase } from "./cases.js";

/** A file fd and a pipe in select's fd sets and poll's pollfd arrays, alone and together. */
const SELECT_POLL = [
  "import os, select",
  "f = open('a.txt')",
  "r, w = os.pipe(); os.write(w, b'x')",
  "select.select([r, f.fileno()], [], [], 0)",
  "select.select([r], [w], [], 0)",
  "select.select([], [], [f.fileno()], 0)",
  "p = select.poll(); p.register(r, select.POLLIN); p.register(f.fileno(), select.POLLIN); p.poll(0)",
  "q = select.poll(); q.register(r, select.POLLIN); q.poll(0)",
  "f.close()",
].join("\n");

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
    // Children in turn, so the parent's wait4/rt_sigreturn counts do not hang on whether two
    // SIGCHLDs merged into one.
    command: ["sh", "-c", "/bin/echo a; /bin/true"],
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
  {
    name: "trace-path select poll",
    options: ["-P", "a.txt"],
    command: ["/usr/bin/python3", "-c", SELECT_POLL],
  },
  // The fd sh opens for `< a.txt` is dup2'd to 0 and inherited by wc: -P follows it there.
  {
    name: "trace-path -f",
    options: ["-f", "-P", "a.txt"],
    command: ["sh", "-c", "cat a.txt; wc -c < a.txt"],
  },
  {
    name: "trace-path -f trace=",
    options: ["-f", "-e", "trace=read,close,dup2", "-P", "a.txt"],
    command: ["sh", "-c", "cat a.txt; wc -c < a.txt"],
  },
  {
    name: "trace-path trace=poll",
    options: ["-e", "trace=poll,pselect6", "-P", "a.txt"],
    command: ["/usr/bin/python3", "-c", SELECT_POLL],
  },
  {
    name: "status=unfinished -f",
    options: ["-f", "-e", "status=unfinished"],
    // Children one after another: two that exit together may be reported by one SIGCHLD (standard
    // signals do not queue), under either tracer, as scheduling has it.
    command: ["sh", "-c", "/bin/echo a; /bin/true"],
  },
  {
    name: "status=successful -f",
    options: ["-f", "-z", "-e", "trace=%file"],
    command: ["sh", "-c", "cat a.txt nope; true"],
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
