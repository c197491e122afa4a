// The AssemblyScript mirrors agree with their references: argument/return kind codes with
// src/tables-blob.ts. (assembly/record.ts is generated from core; core's
// test/contracts.test.ts regenerates it byte for byte.)
import { readFileSync } from "node:fs";
import * as core from "@tstrace/core";
import { describe, expect, it } from "vitest";
import { ARG_KIND_CODES, encodeTables, RET_KIND_CODES, WHEN_ENTRY, WHEN_EXIT } from "../dist/index.js";

const src = (p: string): string => readFileSync(new URL(`../assembly/${p}`, import.meta.url), "utf8");
const consts = (text: string): Map<string, number> =>
  new Map(
    [...text.matchAll(/export const (\w+): \w+ = (0x[0-9a-f]+|\d+);/gi)].map((m) => [
      m[1] ?? "",
      Number(m[2]),
    ]),
  );

describe("the prebuilt default tables", () => {
  it("are what encodeTables gives for core's x86_64 data now", async () => {
    const { defaultTables } = await import("../dist/default-tables.js");
    const now = encodeTables({
      arch: core.x86_64,
      constTables: core.constTables,
      errnos: core.errnos,
      signals: core.signals,
      requests: core.valueCaptures,
    });
    expect(Buffer.from(defaultTables).equals(Buffer.from(now))).toBe(true);
  });
});

describe("decoders/signal.ts mirrors core's signal frame data", () => {
  it("rt_sigreturn's mask offset on x86_64", () => {
    const as = consts(src("decoders/signal.ts"));
    expect(as.get("SIGRETURN_MASK_OFFSET_X86_64")).toBe(core.x86_64.sigreturnMask?.offset);
  });
});

describe("tables.ts kind codes mirror tables-blob.ts", () => {
  const as = consts(src("tables.ts"));
  const snake = (k: string): string => k.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
  it("argument kinds", () => {
    for (const [k, v] of Object.entries(ARG_KIND_CODES))
      expect(as.get(`K_${snake(k).replace("IOVEC_", "IOVEC_")}`), k).toBe(v);
  });
  it("request 'when' codes are core's CaptureWhen", () => {
    expect([WHEN_ENTRY, WHEN_EXIT]).toEqual([core.CaptureWhen.ENTRY, core.CaptureWhen.EXIT]);
  });
  it("return kinds", () => {
    for (const [k, v] of Object.entries(RET_KIND_CODES)) expect(as.get(`R_${k.toUpperCase()}`), k).toBe(v);
  });
  it("every core architecture encodes", () => {
    for (const arch of core.archTables) {
      const blob = encodeTables({
        arch,
        constTables: core.constTables,
        errnos: core.errnos,
        signals: core.signals,
        requests: core.valueCaptures,
      });
      expect(blob.length % 8).toBe(0);
      expect(new DataView(blob.buffer).getUint32(0, true)).toBe(0x42545354);
    }
  });
});
