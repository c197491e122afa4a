// The decoder's contracts: assembly/kind-codes.ts regenerates from src/tables-blob.ts byte for
// byte, the prebuilt tables from core's data; assembly/record.ts and layouts.ts are generated from
// core, whose test/contracts.test.ts regenerates them.
import { readFileSync } from "node:fs";
import * as core from "@tstrace/core";
import { describe, expect, it } from "vitest";
import { ARG_KIND_CODES, encodeTables, RET_KIND_CODES, WHEN_ENTRY, WHEN_EXIT } from "../dist/index.js";
import { renderKindCodes } from "../scripts/kind-codes.mjs";
import { PID_TYPE_PARAMS } from "../src/tables-blob.js";

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
      requestArgs: core.requestArgs,
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

describe("the blob's contract", () => {
  it("assembly/kind-codes.ts is what src/tables-blob.ts's codes generate (scripts/gen-kind-codes.mjs)", () => {
    expect(src("kind-codes.ts")).toBe(renderKindCodes({ ARG_KIND_CODES, RET_KIND_CODES }));
  });
  it("pid kind params are core's pid type codes (pidns)", () => {
    expect(PID_TYPE_PARAMS).toEqual(core.PID_TYPE_CODES);
  });
  it("request 'when' codes are core's CaptureWhen", () => {
    expect([WHEN_ENTRY, WHEN_EXIT]).toEqual([core.CaptureWhen.ENTRY, core.CaptureWhen.EXIT]);
  });
  it("every core architecture encodes", () => {
    for (const arch of core.archTables) {
      const blob = encodeTables({
        arch,
        constTables: core.constTables,
        errnos: core.errnos,
        signals: core.signals,
        requests: core.valueCaptures,
        requestArgs: core.requestArgs,
      });
      expect(blob.length % 8).toBe(0);
      expect(new DataView(blob.buffer).getUint32(0, true)).toBe(0x42545354);
    }
  });
});
