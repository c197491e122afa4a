// The recording header: what the recorder writes, a reader gets back; framing damage is named by
// offset; what a replay asks is checked against what was recorded.
import { describe, expect, it } from "vitest";
import { RecordHeader, RecordType } from "../src/record-format.js";
import {
  decodeRecordingHeader,
  encodeRecordingHeader,
  RECORDING_MAGIC,
  type RecordingHeaderInput,
  recordingLacks,
  wholeRecords,
} from "../src/recording.js";

const INPUT: RecordingHeaderInput = {
  auditArch: 0xc00000b7,
  strsize: 300,
  decodeFds: "path",
  verbose: true,
  dumpIo: { read: true, write: false },
  follow: true,
  stackTraces: true,
  syscalls: [0, 1, 257],
  pids: [42, 43],
  tracer: "tstrace 9.9.9",
};

function rec(type: number, size: number): Uint8Array {
  const r = new Uint8Array(size);
  const v = new DataView(r.buffer);
  v.setUint32(RecordHeader.size, size, true);
  v.setUint16(RecordHeader.type, type, true);
  return r;
}

describe("recording header", () => {
  it("reads back what it wrote, starting with the magic, padded to 8", () => {
    const bytes = encodeRecordingHeader(INPUT);
    expect([...bytes.subarray(0, 8)]).toEqual([...RECORDING_MAGIC]);
    expect(bytes.length % 8).toBe(0);
    const got = decodeRecordingHeader(bytes, true);
    expect(got?.end).toBe(bytes.length);
    expect(got?.header).toEqual({ ...INPUT, version: 1, arch: "aarch64" });
    const all = decodeRecordingHeader(
      encodeRecordingHeader({ ...INPUT, syscalls: undefined, pids: [] }),
      true,
    );
    expect(all?.header.syscalls).toBeUndefined();
    expect(all?.header.pids).toEqual([]);
  });

  it("asks for more bytes, or with `final` names the truncation", () => {
    const bytes = encodeRecordingHeader(INPUT);
    for (let n = 0; n < bytes.length; n++) {
      expect(decodeRecordingHeader(bytes.subarray(0, n), false)).toBeUndefined();
      expect(() => decodeRecordingHeader(bytes.subarray(0, n), true)).toThrow(
        new RegExp(`^truncated recording: the header .* at byte offset ${n}$`),
      );
    }
  });

  it("refuses wrong magic, a newer version and impossible lengths", () => {
    const bytes = encodeRecordingHeader(INPUT);
    const bad = bytes.slice();
    bad[3] = 0;
    expect(() => decodeRecordingHeader(bad, true)).toThrow(/wrong magic\) at byte offset 0$/);
    const newer = bytes.slice();
    new DataView(newer.buffer).setUint32(32, 2, true);
    expect(() => decodeRecordingHeader(newer, true)).toThrow(/version 2 is newer .* at byte offset 32$/);
    const long = bytes.slice();
    new DataView(long.buffer).setUint32(32 + 24, 1 << 20, true);
    expect(() => decodeRecordingHeader(long, true)).toThrow(/lengths overrun it\) at byte offset 48$/);
  });
});

describe("wholeRecords", () => {
  const stream = new Uint8Array([...rec(RecordType.SYSCALL_ENTER, 104), ...rec(RecordType.EXIT, 32)]);

  it("finds whole records, waits for the rest, and names a truncation when final", () => {
    expect(wholeRecords(stream, 100, true)).toEqual({ length: 136 });
    expect(wholeRecords(stream.subarray(0, 120), 100, false)).toEqual({ length: 104 });
    const cut = wholeRecords(stream.subarray(0, 120), 100, true);
    expect(cut.length).toBe(104);
    expect(cut.error?.offset).toBe(204);
  });

  it("names impossible framing: odd sizes, unknown types, a second header, reserved bits", () => {
    const damage = (at: number, set: (v: DataView) => void): number | undefined => {
      const s = stream.slice();
      set(new DataView(s.buffer, at));
      return wholeRecords(s, 0, true).error?.offset;
    };
    expect(damage(104, (v) => v.setUint32(0, 33, true))).toBe(104);
    expect(damage(104, (v) => v.setUint32(0, 16, true))).toBe(104);
    expect(damage(104, (v) => v.setUint16(4, 99, true))).toBe(104);
    expect(damage(0, (v) => v.setUint16(4, RecordType.FILE_HEADER, true))).toBe(0);
    expect(damage(104, (v) => v.setUint32(12, 1, true))).toBe(104);
  });
});

describe("recordingLacks", () => {
  const { header } = decodeRecordingHeader(encodeRecordingHeader(INPUT), true) as NonNullable<
    ReturnType<typeof decodeRecordingHeader>
  >;
  it("allows what was recorded and names the option that needs more", () => {
    expect(
      recordingLacks(header, { strsize: 300, decodeFds: "path", verbose: true, follow: true }),
    ).toBeUndefined();
    expect(
      recordingLacks(header, { syscalls: new Set([1, 257]), dumpIo: { read: true, write: false } }),
    ).toBeUndefined();
    expect(recordingLacks(header, { strsize: 301 })).toMatch(/^-s 301 needs more/);
    expect(recordingLacks(header, { stackTraces: true })).toBeUndefined();
    expect(recordingLacks({ ...header, stackTraces: false }, { stackTraces: true })).toBe(
      "-k needs stack samples the recording lacks (it was made without -k)",
    );
    expect(recordingLacks(header, { decodeFds: "all" })).toMatch(
      /^-yy needs fd data the recording lacks \(it was made with -y\)/,
    );
    expect(recordingLacks(header, { dumpIo: { read: false, write: true } })).toMatch(/^-e write= needs/);
    expect(recordingLacks(header, { syscalls: new Set([2]) })).toMatch(
      /syscall 2, which the recording did not stop for/,
    );
  });
});
