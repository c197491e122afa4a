import { describe, expect, it } from "vitest";
import { i386, parseTraceExpr, syscallByName, x86_64 } from "../src/index.js";

const nr = (n: string): number => syscallByName(x86_64, n)?.nr ?? -1;

describe("parseTraceExpr", () => {
  it("names, classes, regex, negation, all/none", () => {
    expect([...parseTraceExpr(x86_64, "read,write").nrs].sort()).toEqual([0, 1]);
    expect(parseTraceExpr(x86_64, "%file").has(nr("openat"))).toBe(true);
    expect(parseTraceExpr(x86_64, "file").has(nr("openat"))).toBe(true);
    expect(parseTraceExpr(x86_64, "%%stat").has(nr("newfstatat"))).toBe(true); // %%stat: every stat variant
    expect(parseTraceExpr(x86_64, "%stat").has(nr("newfstatat"))).toBe(false); // %stat: stat() variants only
    expect(parseTraceExpr(x86_64, "%fstat").has(nr("newfstatat"))).toBe(true);
    expect(parseTraceExpr(x86_64, "/^pread").has(nr("pread64"))).toBe(true);
    expect(parseTraceExpr(x86_64, "!read").has(nr("read"))).toBe(false);
    expect(parseTraceExpr(x86_64, "!read").has(nr("write"))).toBe(true);
    expect(parseTraceExpr(x86_64, "all").nrs.size).toBe(x86_64.syscalls.length);
    expect(parseTraceExpr(x86_64, "none").nrs.size).toBe(0);
    expect([...parseTraceExpr(x86_64, "?nosuch,read").nrs]).toEqual([0]);
  });
  it("errors as strace does", () => {
    expect(() => parseTraceExpr(x86_64, "nosuch")).toThrow("strace: invalid system call 'nosuch'");
    expect(() => parseTraceExpr(x86_64, "%nosuch")).toThrow("strace: invalid system call '%nosuch'");
  });
});

describe("parseTraceExpr across personalities", () => {
  const other = (arch: string) => (arch === "i386" ? i386 : undefined);
  it("accepts names of another personality and selects none of them", () => {
    expect(parseTraceExpr(x86_64, "mmap2", other).nrs.size).toBe(0);
    expect([...parseTraceExpr(x86_64, "stat64,read", other).nrs]).toEqual([0]);
    expect(() => parseTraceExpr(x86_64, "mmap2")).toThrow("strace: invalid system call 'mmap2'");
    expect(() => parseTraceExpr(x86_64, "mmap2@64", other)).toThrow("invalid system call 'mmap2@64'");
    expect(parseTraceExpr(x86_64, "mmap2@32", other).nrs.size).toBe(0);
  });
  it("tokens as strace's strtok splits them, numbers and regexes checked", () => {
    expect([...parseTraceExpr(x86_64, "read,,write,").nrs].sort()).toEqual([0, 1]);
    expect(() => parseTraceExpr(x86_64, "!")).toThrow("strace: invalid system call '!'");
    expect(() => parseTraceExpr(x86_64, ",")).toThrow("strace: invalid system call ','");
    expect(() => parseTraceExpr(x86_64, "9999", other)).toThrow("invalid system call '9999'");
    expect(() => parseTraceExpr(x86_64, "/^zzz", other)).toThrow("invalid system call '/^zzz'");
    expect(() => parseTraceExpr(x86_64, "read@foo")).toThrow(
      "strace: incorrect personality designator 'foo' in qualification 'read@foo'",
    );
    expect(parseTraceExpr(x86_64, "%net").has(nr("socket"))).toBe(true);
    expect(parseTraceExpr(x86_64, "?zzz").nrs.size).toBe(0);
  });
});
