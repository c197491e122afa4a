import { describe, expect, it } from "vitest";
import { parseTraceExpr, syscallByName, x86_64 } from "../src/index.js";

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
