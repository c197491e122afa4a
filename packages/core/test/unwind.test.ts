/**
 * The unwinder's parts on real inputs: maps text as strace's mmap cache reads it, strace's frame
 * line formats, and .eh_frame rows of this machine's /bin/true (the end-to-end comparison with
 * strace -k is in packages/cli/test/stack-traces.test.ts).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { StackPlan } from "../src/record-format.js";
import { compileStackPlan, MAPPING_CHANGES, STACK_AT_ENTRY } from "../src/stack-plan.js";
import { findRow } from "../src/unwind/cfi.js";
import { findMapping, formatFrames, parseElf, parseMaps } from "../src/unwind/index.js";
import { syscallByName, x86_64 } from "../src/x86_64.js";

describe("parseMaps", () => {
  const text = [
    "55d0c0a00000-55d0c0a02000 r--p 00000000 08:01 1234                       /usr/bin/true",
    "55d0c0a02000-55d0c0a06000 r-xp 00002000 08:01 1234                       /usr/bin/true",
    "55d0c0a06000-55d0c0a08000 rw-p 00000000 00:00 0 ",
    "7ffc1a000000-7ffc1a021000 rw-p 00000000 00:00 0                          [stack]",
    "7ffc1a000000-7ffc1a021000 rw-p 00000000 00:00 0                          [stack]",
    "ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]",
  ].join("\n");
  it("keeps named mappings only, in order, duplicates dropped", () => {
    const maps = parseMaps(text);
    expect(maps.map((m) => m.path)).toEqual(["/usr/bin/true", "/usr/bin/true", "[stack]", "[vsyscall]"]);
    const text0 = maps[1];
    expect(text0).toMatchObject({ exec: true, offset: 0x2000, id: "08:01:1234" });
    expect(findMapping(maps, 0x55d0c0a02010)).toBe(text0);
    expect(findMapping(maps, 0x55d0c0a06010)).toBeUndefined();
  });
});

describe("formatFrames", () => {
  const frame = {
    kind: "frame",
    path: "/lib/libc.so.6",
    symbol: "__write",
    symbolOffset: 0x10,
    fileOffset: 0xf8350,
  } as const;
  it("prints strace's lines", () => {
    expect(formatFrames([frame], false)).toBe(" > /lib/libc.so.6(__write+0x10) [0xf8350]\n");
    expect(formatFrames([{ ...frame, symbol: "", symbolOffset: 0 }], false)).toBe(
      " > /lib/libc.so.6() [0xf8350]\n",
    );
    // strace's queue (stacks taken at entry) keeps the symbol form for a missing symbol.
    expect(formatFrames([{ ...frame, symbol: "", symbolOffset: 0 }], true)).toBe(
      " > /lib/libc.so.6(+0x0) [0xf8350]\n",
    );
    expect(
      formatFrames(
        [
          { kind: "error", message: "unexpected_backtracing_error", address: 0x6174732d65636172n },
          { kind: "error", message: "too many stack frames", address: 0n },
        ],
        false,
      ),
    ).toBe(" > unexpected_backtracing_error [0x6174732d65636172]\n > too many stack frames\n");
  });
});

describe(".eh_frame", () => {
  const elf = parseElf(readFileSync("/bin/true"));
  it("finds the row of the entry point: the CFA above the return address", () => {
    expect(elf).toBeDefined();
    if (!elf) return;
    const entry = Number(elf.view.getBigUint64(24, true));
    const row = findRow(elf, entry);
    expect(row).toBeDefined();
    expect(row?.returnAddressReg).toBe(16);
    expect(findRow(elf, 0)).toBeUndefined();
  });
  it("reads function symbols (this process's libc: write is among them)", () => {
    const libc = parseMaps(readFileSync("/proc/self/maps", "utf8")).find((m) => /\/libc[.-]/.test(m.path));
    expect(libc).toBeDefined();
    const names = parseElf(readFileSync(libc?.path as string))
      ?.symbols()
      .map((s) => s.name);
    expect(names).toContain("write");
  });
});

describe("compileStackPlan", () => {
  it("marks strace's capture-on-entry and mapping-change syscalls", () => {
    const plan = compileStackPlan(x86_64, 4096);
    expect(plan[StackPlan.bytes]).toBe(4096);
    const words = plan[StackPlan.words] as number;
    const has = (at: number, nr: number): boolean =>
      (((plan[at + (nr >> 5)] as number) >>> (nr & 31)) & 1) === 1;
    for (const name of STACK_AT_ENTRY)
      expect(has(StackPlan.length, syscallByName(x86_64, name)?.nr as number)).toBe(true);
    for (const name of MAPPING_CHANGES) {
      const nr = syscallByName(x86_64, name)?.nr;
      if (nr !== undefined) expect(has(StackPlan.length + words, nr)).toBe(true);
    }
    expect(has(StackPlan.length, syscallByName(x86_64, "write")?.nr as number)).toBe(false);
  });
});
