// The playground's file reader against the build's writer, and its trace model on the real samples
// the build made: no browser needed for these.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RecordHeader, RecordType } from "@tstrace/core/record-format";
import { describe, expect, it } from "vitest";
import { traceModel } from "../.vitepress/theme/playground/records.js";
import { readTraceFile } from "../.vitepress/theme/playground/sample-file.js";
import { encodeSample } from "../scripts/sample-file.mjs";

const samples = join(import.meta.dirname, "..", "dist", "samples");

describe("sample files", () => {
  it("read back what the writer wrote: metadata and the records, byte for byte", () => {
    const a = new Uint8Array(24).fill(1);
    const b = new Uint8Array(48).fill(2);
    const file = encodeSample({ title: "t", argv: ["x"], followForks: true }, [a, b]);
    const { meta, records } = readTraceFile(file);
    expect(meta).toEqual({ title: "t", argv: ["x"], followForks: true });
    expect([...records]).toEqual([...a, ...b]);
  });

  it("take a bare record stream as it is, and refuse what is neither", () => {
    const rec = new Uint8Array(RecordHeader.length);
    new DataView(rec.buffer).setUint32(RecordHeader.size, RecordHeader.length, true);
    expect(readTraceFile(rec).records).toBe(rec);
    expect(() => readTraceFile(new TextEncoder().encode("hello, world"))).toThrow(/not a tstrace sample/);
    const bad = encodeSample({}, []);
    new DataView(bad.buffer).setUint32(8, 99, true);
    expect(() => readTraceFile(bad)).toThrow("unsupported sample version 99");
  });
});

describe("trace model", () => {
  it("has one lane per process of the -f pipeline sample and spans in time order", () => {
    const { records } = readTraceFile(new Uint8Array(readFileSync(join(samples, "pipeline.tssample"))));
    const model = traceModel(records);
    // sh, ls, sort, head: four processes.
    expect(model.lanes.length).toBe(4);
    for (const lane of model.lanes) {
      expect(lane.spans.length).toBeGreaterThan(10);
      for (const s of lane.spans) expect(s.end).toBeGreaterThanOrEqual(s.start);
    }
    expect(model.duration).toBeGreaterThan(0);
  });

  it("counts as many syscall spans as the sample has entry records", () => {
    const { records } = readTraceFile(new Uint8Array(readFileSync(join(samples, "ls.tssample"))));
    const view = new DataView(records.buffer, records.byteOffset, records.byteLength);
    let enters = 0;
    for (let at = 0; at < records.length; at += view.getUint32(at, true)) {
      if (view.getUint16(at + RecordHeader.type, true) === RecordType.SYSCALL_ENTER) enters++;
    }
    const spans = traceModel(records).lanes.reduce((n, l) => n + l.spans.length, 0);
    expect(spans).toBe(enters);
    expect(enters).toBeGreaterThan(50);
  });
});
