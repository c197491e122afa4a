// -e inject=: the injection table core compiles, applied by the tracer thread to a real program.
import { describe, expect, it } from "vitest";
import { compileInjectTable, parseInjectExpr } from "../../core/src/inject.ts";
import {
  CaptureKind,
  InjectEntry,
  InjectPoke,
  InjectTable,
  RecordType,
  SyscallExitFlags,
} from "../../core/src/record-format.ts";
import { x86_64 } from "../../core/src/x86_64.ts";
import { spawnTraced } from "../src/index.ts";
import { defaultPlan, EMPTY_PLAN, NR } from "./helpers/plan.ts";
import { text } from "./helpers/records.ts";
import { trace } from "./helpers/trace.ts";

const table = (...exprs: string[]): Uint32Array =>
  compileInjectTable(
    exprs.map((e) => parseInjectExpr(x86_64, e)),
    x86_64,
  );

describe("poke_enter= / poke_exit=", () => {
  it("writes into the tracee before the entry's captures are read, and flags the exit", async () => {
    // "HELLO" over the buffer sh's echo hands to write(2).
    const { result, records } = await trace({
      argv: ["/bin/sh", "-c", "echo hello > /dev/null"],
      capturePlan: defaultPlan(),
      injectTable: table("write:poke_enter=@arg2=48454c4c4f"),
    });
    expect(result.exitCode).toBe(0);
    const enter = records.find((r) => r.type === RecordType.SYSCALL_ENTER && r.nr === NR.write);
    const buffer = enter?.captures?.find((c) => c.kind === CaptureKind.BUFFER_ARG_LEN);
    expect(text(buffer?.data ?? new Uint8Array())).toBe("HELLO\n");
    const exit = records.find((r) => r.type === RecordType.SYSCALL_EXIT && r.nr === NR.write);
    expect(exit?.flags).toBe(SyscallExitFlags.POKED);
  });

  it("says why a poke at an address that is not mapped fails", async () => {
    // exit_group(0): its argument, taken as an address, is 0, where nothing can be written.
    const { records } = await trace({
      argv: ["/bin/true"],
      capturePlan: EMPTY_PLAN,
      injectTable: table("exit_group:poke_enter=@arg1=00"),
    });
    const messages = records.filter((r) => r.type === RecordType.MESSAGE).map((r) => r.text);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^poke_tcb: Failed to tamper with process \d+: couldn't poke$/);
  });

  it("refuses a malformed table with a RangeError", () => {
    const good = table("write:poke_enter=@arg2=41");
    const bad = (edit: (t: Uint32Array) => void): Uint32Array => {
      const t = good.slice();
      edit(t);
      return t;
    };
    const row = InjectTable.length;
    const poke = good[row + InjectEntry.pokes] as number;
    for (const t of [
      new Uint32Array(0),
      bad((t) => {
        t[InjectTable.rows] = 2;
      }),
      bad((t) => {
        t[row + InjectEntry.pokes] = t.length;
      }),
      bad((t) => {
        t[row + InjectEntry.pokeCount] = 2;
      }),
      bad((t) => {
        t[poke + InjectPoke.arg] = 0;
      }),
      bad((t) => {
        t[poke + InjectPoke.bytes] = 4096;
      }),
    ]) {
      expect(() =>
        spawnTraced({ argv: ["/bin/true"], capturePlan: EMPTY_PLAN, injectTable: t }, () => {}),
      ).toThrow(RangeError);
    }
  });
});
