import { describe, expect, it } from "vitest";
import {
  CaptureWhen,
  compileInjectTable,
  InjectEntry,
  InjectFlags,
  InjectPoke,
  InjectTable,
  injectedNrs,
  injectWarning,
  parseInjectExpr,
  syscallByName,
  x86_64,
} from "../src/index.js";

const nr = (n: string): number => syscallByName(x86_64, n)?.nr ?? -1;
const rowOf = (table: Uint32Array, i: number): Uint32Array =>
  table.subarray(
    InjectTable.length + i * InjectEntry.length,
    InjectTable.length + (i + 1) * InjectEntry.length,
  );

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
    const table = compileInjectTable(
      [
        parseInjectExpr(x86_64, "getpid,getuid:error=EIO"),
        parseInjectExpr(x86_64, "getuid:retval=5:syscall=getppid"),
      ],
      x86_64,
    );
    expect(table[InjectTable.rows]).toBe(2);
    expect(table.length).toBe(InjectTable.length + 2 * InjectEntry.length);
    expect(injectedNrs(table).sort()).toEqual([nr("getpid"), nr("getuid")].sort());
    const rows = [0, 1].map((i) => rowOf(table, i));
    const byNr = new Map(rows.map((r) => [r[InjectEntry.nr], r]));
    expect(byNr.get(nr("getpid"))?.[InjectEntry.error]).toBe(5);
    const getuid = byNr.get(nr("getuid"));
    expect(getuid?.[InjectEntry.flags]).toBe(InjectFlags.RETVAL | InjectFlags.SYSCALL);
    expect(getuid?.[InjectEntry.retvalLo]).toBe(5);
    expect(getuid?.[InjectEntry.syscall]).toBe(nr("getppid"));
  });
});

describe("poke_enter= / poke_exit=", () => {
  const pokesOf = (text: string) => parseInjectExpr(x86_64, text).action.pokes;

  it("reads @argN=HEX lists for entry and exit", () => {
    const a = parseInjectExpr(x86_64, "sendfile:poke_enter=@arg3=00ff,@arg1=41:poke_exit=@arg3=7f").action;
    expect(a.flags).toBe(InjectFlags.POKE_ENTER | InjectFlags.POKE_EXIT);
    expect(a.pokes.map((p) => [p.arg, p.atEntry, [...p.data]])).toEqual([
      [3, true, [0, 255]],
      [1, true, [0x41]],
      [3, false, [0x7f]],
    ]);
  });
  it("reads each byte as sscanf's %2hhx does", () => {
    // A sign, a bare 0x and a digit before a non-digit all convert; white space is skipped first.
    expect([...(pokesOf("chdir:poke_enter=@arg1=-1+a0x1g")[0]?.data ?? [])]).toEqual([0xff, 0x0a, 0, 1]);
  });
  it("refuses what strace refuses", () => {
    for (const bad of [
      "chdir:poke_enter=",
      "chdir:poke_enter=@arg0=00",
      "chdir:poke_enter=@arg8=00",
      "chdir:poke_enter=@arg1=0",
      "chdir:poke_enter=@arg1=zz",
      "chdir:poke_enter=@arg1=00,@arg1=01",
      "chdir:poke_enter=@arg1=00:poke_enter=@arg2=00",
      `chdir:poke_enter=@arg1=${"00".repeat(1025)}`,
      "chdir:poke_enter=arg1=00",
    ]) {
      expect(() => parseInjectExpr(x86_64, bad), bad).toThrow(`invalid inject argument '${bad}'`);
    }
    expect(() => parseInjectExpr(x86_64, "chdir:poke_enter=@arg1=00", true)).toThrow(
      "invalid fault argument",
    );
    expect(pokesOf(`chdir:poke_enter=@arg1=${"00".repeat(1024)}`)[0]?.data.length).toBe(1024);
  });
  it("lays the pokes out after the rows, with strace's refusal for a missing argument", () => {
    const table = compileInjectTable(
      [parseInjectExpr(x86_64, "chdir:poke_enter=@arg1=414243,@arg2=00:poke_exit=@arg1=44")],
      x86_64,
    );
    const row = rowOf(table, 0);
    expect(row[InjectEntry.pokeCount]).toBe(3);
    const bytes = new Uint8Array(table.buffer);
    let at = row[InjectEntry.pokes] as number;
    const seen: [number, number, number[], string][] = [];
    for (let i = 0; i < 3; i++) {
      const n = table[at + InjectPoke.bytes] as number;
      const noteBytes = table[at + InjectPoke.noteBytes] as number;
      const data = (at + InjectPoke.length) * 4;
      const note = data + Math.ceil(n / 4) * 4;
      seen.push([
        table[at + InjectPoke.arg] as number,
        table[at + InjectPoke.when] as number,
        [...bytes.subarray(data, data + n)],
        new TextDecoder().decode(bytes.subarray(note, note + noteBytes)),
      ]);
      at += InjectPoke.length + Math.ceil(n / 4) + Math.ceil(noteBytes / 4);
    }
    expect(at).toBe(table.length);
    expect(seen).toEqual([
      [1, CaptureWhen.ENTRY, [0x41, 0x42, 0x43], ""],
      [
        2,
        CaptureWhen.ENTRY,
        [0],
        "requested to tamper with argument #2, but system call 'chdir' has only 1 arguments",
      ],
      [1, CaptureWhen.EXIT, [0x44], ""],
    ]);
  });
});
