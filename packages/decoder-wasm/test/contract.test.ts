// The AssemblyScript mirrors agree with their references: record offsets with core's
// record-format.ts, argument/return kind codes with src/tables-blob.ts.
import { readFileSync } from "node:fs";
import * as core from "@tstrace/core";
import { describe, expect, it } from "vitest";
import { ARG_KIND_CODES, encodeTables, RET_KIND_CODES } from "../dist/index.js";

const src = (p: string): string => readFileSync(new URL(`../assembly/${p}`, import.meta.url), "utf8");
const consts = (text: string): Map<string, number> =>
  new Map(
    [...text.matchAll(/export const (\w+): \w+ = (0x[0-9a-f]+|\d+);/gi)].map((m) => [
      m[1] ?? "",
      Number(m[2]),
    ]),
  );

describe("record.ts mirrors core's record format", () => {
  const as = consts(src("record.ts"));
  it("header, body and capture offsets", () => {
    expect(as.get("HDR_LENGTH")).toBe(core.RecordHeader.length);
    expect(as.get("HDR_PID")).toBe(core.RecordHeader.pid);
    expect(as.get("ENTER_ARGS")).toBe(core.SyscallEnterBody.args);
    expect(as.get("ENTER_CAPTURE_COUNT")).toBe(core.SyscallEnterBody.captureCount);
    expect(as.get("ENTER_LENGTH")).toBe(core.SyscallEnterBody.length);
    expect(as.get("EXIT_RVAL")).toBe(core.SyscallExitBody.rval);
    expect(as.get("EXIT_IS_ERROR")).toBe(core.SyscallExitBody.isError);
    expect(as.get("EXIT_CAPTURE_COUNT")).toBe(core.SyscallExitBody.captureCount);
    expect(as.get("EXIT_LENGTH")).toBe(core.SyscallExitBody.length);
    expect(as.get("CAP_HEADER")).toBe(core.CaptureHeader.size);
    expect(as.get("RECORD_FORMAT_VERSION")).toBe(core.RECORD_FORMAT_VERSION);
  });
  it("record types and capture kinds", () => {
    for (const [name, v] of Object.entries(core.RecordType)) expect(as.get(`T_${name}`), name).toBe(v);
    for (const [name, v] of Object.entries(core.CaptureKind)) expect(as.get(`CK_${name}`), name).toBe(v);
    for (const [name, v] of Object.entries(core.CaptureStatus)) expect(as.get(`CS_${name}`), name).toBe(v);
    for (const [name, v] of Object.entries(core.FdPathForm)) expect(as.get(`FD_FORM_${name}`), name).toBe(v);
    expect(as.get("FD_RETURN_ARG")).toBe(core.FD_RETURN_ARG);
  });
});

describe("the prebuilt default tables", () => {
  it("are what encodeTables gives for core's x86_64 data now", async () => {
    const { defaultTables } = await import("../dist/default-tables.js");
    const now = encodeTables({
      arch: core.x86_64,
      constTables: core.constTables,
      errnos: core.errnos,
      signals: core.signals,
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
      });
      expect(blob.length % 8).toBe(0);
      expect(new DataView(blob.buffer).getUint32(0, true)).toBe(0x42545354);
    }
  });
});
