import { describe, expect, it } from "vitest";
import { FD_EFFECT_CALLS, fdEffect, pathRule } from "../src/path-rules.js";
import { syscallByName, x86_64 } from "../src/x86_64.js";

const row = (name: string) => {
  const r = syscallByName(x86_64, name);
  if (!r) throw new Error(`no ${name}`);
  return r;
};

describe("-P's path rules", () => {
  it("follow strace's pathtrace_match_set: exceptions as listed, argument 0 by class otherwise", () => {
    expect(pathRule(row("renameat2"))).toEqual({ fds: [0, 2], paths: [1, 3] });
    expect(pathRule(row("openat"))).toEqual({ fds: [0], paths: [1] });
    expect(pathRule(row("chdir"))).toEqual({ fds: [], paths: [0] });
    expect(pathRule(row("read"))).toEqual({ fds: [0], paths: [] });
    expect(pathRule(row("poll"))?.pollFds).toBe(0);
    expect(pathRule(row("pselect6"))?.fdSets).toEqual([1, 2, 3]);
    // Calls that make a new fd from nothing, and calls outside file/desc/network, never match.
    expect(pathRule(row("pipe2"))).toBeUndefined();
    expect(pathRule(row("getpid"))).toBeUndefined();
  });

  it("name only calls the x86_64 table knows", () => {
    for (const name of FD_EFFECT_CALLS) expect(syscallByName(x86_64, name), name).toBeDefined();
  });

  it("say how each call moves fds: opens by path and dirfd, dups, closes, fcntl's F_DUPFD only", () => {
    expect(fdEffect("open", [])).toEqual({ kind: "open", pathArg: 0 });
    expect(fdEffect("openat", [])).toEqual({ kind: "open", pathArg: 1, dirfdArg: 0 });
    expect(fdEffect("dup3", [])).toEqual({ kind: "dup" });
    expect(fdEffect("close", [])).toEqual({ kind: "close" });
    expect(fdEffect("fcntl", [3n, 0n])).toEqual({ kind: "dup" }); // F_DUPFD
    expect(fdEffect("fcntl", [3n, 1030n])).toEqual({ kind: "dup" }); // F_DUPFD_CLOEXEC
    expect(fdEffect("fcntl", [3n, 1n])).toBeUndefined(); // F_GETFD
    expect(fdEffect("read", [3n])).toBeUndefined();
  });
});
