import { describe, expect, it } from "vitest";
import {
  compileInjectTable,
  InjectEntry,
  InjectFlags,
  injectWarning,
  parseInjectExpr,
  syscallByName,
  x86_64,
} from "../src/index.js";

const nr = (n: string): number => syscallByName(x86_64, n)?.nr ?? -1;

describe("parseInjectExpr", () => {
  it("reads strace's when= forms", () => {
    const when = (w: string) => {
      const { first, last, step } = parseInjectExpr(x86_64, `chdir:error=1:when=${w}`).action;
      return [first, last, step];
    };
    expect(when("3")).toEqual([3, 0xffff, 0]);
    expect(when("3+")).toEqual([3, 0xffff, 1]);
    expect(when("3+2")).toEqual([3, 0xffff, 2]);
    expect(when("2..5")).toEqual([2, 5, 1]);
    expect(when("2..5+3")).toEqual([2, 5, 3]);
  });
  it("defaults fault= to ENOSYS and refuses inject= without an action", () => {
    expect(parseInjectExpr(x86_64, "chdir", true).action.error).toBe(38);
    expect(() => parseInjectExpr(x86_64, "chdir")).toThrow("invalid inject argument 'chdir'");
  });
  it("takes errno names, 64-bit retvals, signals, delays with units", () => {
    const a = parseInjectExpr(x86_64, "getpid:retval=0xffffffffffffffff:signal=usr1:delay_exit=2ms").action;
    expect(a.retval).toBe(0xffffffffffffffffn);
    expect(a.signo).toBe(10);
    expect(a.delayExitNs).toBe(2_000_000n);
    expect(parseInjectExpr(x86_64, "getpid:error=EPERM").action.error).toBe(1);
    expect(injectWarning(parseInjectExpr(x86_64, "getpid:retval=-1"))).toBe(
      "Inadvertent injection of error 1 is possible for retval=18446744073709551615",
    );
  });
});

describe("compileInjectTable", () => {
  it("writes one row per syscall, the last expression winning", () => {
    const table = compileInjectTable([
      parseInjectExpr(x86_64, "getpid,getuid:error=EIO"),
      parseInjectExpr(x86_64, "getuid:retval=5:syscall=getppid"),
    ]);
    expect(table.length).toBe(2 * InjectEntry.length);
    const rows = [0, 1].map((i) => table.subarray(i * InjectEntry.length, (i + 1) * InjectEntry.length));
    const byNr = new Map(rows.map((r) => [r[InjectEntry.nr], r]));
    expect(byNr.get(nr("getpid"))?.[InjectEntry.error]).toBe(5);
    const getuid = byNr.get(nr("getuid"));
    expect(getuid?.[InjectEntry.flags]).toBe(InjectFlags.RETVAL | InjectFlags.SYSCALL);
    expect(getuid?.[InjectEntry.retvalLo]).toBe(5);
    expect(getuid?.[InjectEntry.syscall]).toBe(nr("getppid"));
  });
});
