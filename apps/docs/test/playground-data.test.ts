// The playground's file reader on the recordings the build made with tstrace --record, and its trace model on them
// the build made: no browser needed for these.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RecordHeader, RecordType } from "@tstrace/core/record-format";
import { describe, expect, it } from "vitest";
import { traceModel } from "../.vitepress/theme/playground/records.js";
import { readTraceFile } from "../.vitepress/theme/playground/sample-file.js";

const samples = join(import.meta.dirname, "..", "dist", "samples");

describe("trace files", () => {
  it("read a recording's header and records, as tstrace --record wrote them", () => {
    const file = new Uint8Array(readFileSync(join(samples, "pipeline.tsr")));
    const { meta, records } = readTraceFile(file);
    expect(meta).toEqual({ arch: "x86_64", followForks: true, strsize: 1024 });
    expect(records.length).toBeGreaterThan(1000);
    expect(file.length - records.length).toBeLessThan(128);
  });

  it("keep a damaged recording's records before the damage", () => {
    const file = new Uint8Array(readFileSync(join(samples, "ls.tsr")));
    const whole = readTraceFile(file).records.length;
    const cut = readTraceFile(file.subarray(0, file.length - 3)).records.length;
    expect(cut).toBeLessThan(whole);
    expect(cut).toBeGreaterThan(whole / 2);
  });

  it("take a bare record stream as it is, and refuse what is neither", () => {
    const rec = new Uint8Array(RecordHeader.length);
    new DataView(rec.buffer).setUint32(RecordHeader.size, RecordHeader.length, true);
    expect(readTraceFile(rec).records).toBe(rec);
    expect(() => readTraceFile(new TextEncoder().encode("hello, world"))).toThrow(/not a tstrace recording/);
    const newer = new Uint8Array(readFileSync(join(samples, "ls.tsr")));
    new DataView(newer.buffer).setUint32(32, 99, true);
    expect(() => readTraceFile(newer)).toThrow(
      /format version 99 is newer than this tstrace reads \(1\) at byte offset 32/,
    );
  });
});

describe("trace model", () => {
  it("has one lane per process of the -f pipeline sample and spans in time order", () => {
    const { records } = readTraceFile(new Uint8Array(readFileSync(join(samples, "pipeline.tsr"))));
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
    const { records } = readTraceFile(new Uint8Array(readFileSync(join(samples, "ls.tsr"))));
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
