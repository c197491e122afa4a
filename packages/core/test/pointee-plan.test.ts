// POINTEE specs: the packed words round-trip, and the plan follows the pointers data/pointees.ts
// names, with offsets from the BTF layouts and the selector of the struct capture they belong to.
import { describe, expect, it } from "vitest";
import {
  CaptureKind,
  CaptureWhen,
  compileCapturePlan,
  decodeCapturePlan,
  decodeSpec,
  encodeSpec,
  x86_64,
} from "../src/index.js";

describe("POINTEE captures", () => {
  it("round-trips every field through the plan words", () => {
    const spec = {
      arg: 2,
      kind: CaptureKind.POINTEE,
      when: CaptureWhen.ENTRY,
      ptrOffset: 8,
      countOffset: 0,
      countSize: 2 as const,
      elemSize: 8,
      selectorArg: 0,
      selectorValue: 1,
      max: 32776,
    };
    expect(decodeSpec(...encodeSpec(spec))).toEqual(spec);
    const { selectorArg: _a, selectorValue: _v, ...plain } = spec;
    expect(decodeSpec(...encodeSpec(plain))).toEqual(plain);
  });

  it("reads seccomp's filter program only for SECCOMP_SET_MODE_FILTER, and clone3's stored ids at exit", () => {
    const plan = decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 32 }));
    const nr = (name: string) => x86_64.syscalls.find((s) => s.name === name)?.nr ?? -1;
    const pointees = (name: string) =>
      (plan.get(nr(name)) ?? []).filter((c) => c.kind === CaptureKind.POINTEE);
    expect(pointees("seccomp")).toEqual([
      expect.objectContaining({
        arg: 2,
        ptrOffset: 8,
        countOffset: 0,
        countSize: 2,
        elemSize: 8,
        selectorArg: 0,
        selectorValue: 1,
      }),
    ]);
    const clone3 = pointees("clone3");
    expect(clone3.map((c) => [c.when, c.kind === CaptureKind.POINTEE ? c.ptrOffset : -1])).toEqual([
      [CaptureWhen.ENTRY, 64],
      [CaptureWhen.EXIT, 8],
      [CaptureWhen.EXIT, 24],
    ]);
    // setsockopt: one per option name that takes a program, selected by argument 2
    expect(
      pointees("setsockopt").map((c) => (c.kind === CaptureKind.POINTEE ? c.selectorValue : -1)),
    ).toEqual([26, 51]);
  });
});

describe("v4l2's pointers: in a member struct, and in each element of an array", () => {
  const plan = decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 32 }));
  const ioctl = plan.get(x86_64.syscalls.find((s) => s.name === "ioctl")?.nr ?? -1) ?? [];
  /** _IOWR('V', nr, size) (asm-generic/ioctl.h). */
  const iowr = (nr: number, size: number): number => ((3 << 30) | (size << 16) | (0x56 << 8) | nr) >>> 0;

  it("round-trips POINTEE_EACH through the plan words", () => {
    const spec = {
      arg: 2,
      kind: CaptureKind.POINTEE_EACH,
      when: CaptureWhen.EXIT,
      ptrOffset: 12,
      countOffset: 4,
      countSize: 4 as const,
      selectorArg: 1,
      selectorValue: 0xc0205648,
      max: 1024,
    };
    expect(decodeSpec(...encodeSpec(spec))).toEqual(spec);
  });

  it("reads an overlay's clips where fmt.win puts them, in S_FMT's format and CREATE_BUFS' (videodev2.h offsets)", () => {
    const clips = (request: number) =>
      ioctl.filter((c) => c.kind === CaptureKind.POINTEE && c.selectorValue === request);
    // struct v4l2_format: fmt at 8; struct v4l2_window: clips at 24, clipcount at 32; 24-byte clips.
    expect(clips(iowr(5, 208))).toEqual([
      expect.objectContaining({
        when: CaptureWhen.ENTRY,
        ptrOffset: 32,
        countOffset: 40,
        countSize: 4,
        elemSize: 24,
      }),
      expect.objectContaining({
        when: CaptureWhen.EXIT,
        ptrOffset: 32,
        countOffset: 40,
        countSize: 4,
        elemSize: 24,
      }),
    ]);
    // struct v4l2_create_buffers: format at 16.
    expect(clips(iowr(92, 256))[0]).toEqual(expect.objectContaining({ ptrOffset: 48, countOffset: 56 }));
  });

  it("follows each control's string right after the controls' array, at both stops", () => {
    const sExtCtrls = iowr(72, 32);
    const specs = ioctl.filter(
      (c) =>
        (c.kind === CaptureKind.POINTEE || c.kind === CaptureKind.POINTEE_EACH) &&
        c.selectorValue === sExtCtrls,
    );
    // struct v4l2_ext_controls: count at 4, controls at 24; struct v4l2_ext_control (packed, 20
    // bytes): size at 4, the string pointer at 12.
    expect(specs).toEqual([
      expect.objectContaining({
        kind: CaptureKind.POINTEE,
        when: CaptureWhen.ENTRY,
        ptrOffset: 24,
        elemSize: 20,
      }),
      expect.objectContaining({
        kind: CaptureKind.POINTEE_EACH,
        when: CaptureWhen.ENTRY,
        ptrOffset: 12,
        countOffset: 4,
      }),
      expect.objectContaining({ kind: CaptureKind.POINTEE, when: CaptureWhen.EXIT, ptrOffset: 24 }),
      expect.objectContaining({ kind: CaptureKind.POINTEE_EACH, when: CaptureWhen.EXIT, ptrOffset: 12 }),
    ]);
  });
});

describe("fd field captures (FD_PATHS of one struct field)", () => {
  it("round-trips the field form through the plan words, with and without a selector", () => {
    const spec = {
      arg: 2,
      kind: CaptureKind.FD_PATHS,
      when: CaptureWhen.EXIT,
      countArg: "field" as const,
      offset: 588,
      decode: 1,
      selectorArg: 1,
      selectorValue: 0xc250b407,
    };
    expect(decodeSpec(...encodeSpec(spec))).toEqual(spec);
    const { selectorArg: _a, selectorValue: _v, ...plain } = spec;
    expect(decodeSpec(...encodeSpec(plain))).toEqual(plain);
  });

  it("asks for the fds in ioctl structs only under -y, at the BTF offset, selected by the request", () => {
    const nr = x86_64.syscalls.find((s) => s.name === "ioctl")?.nr ?? -1;
    const fieldsOf = (decodeFds: "none" | "path" | "all") =>
      (decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 32, decodeFds })).get(nr) ?? []).filter(
        (c) => c.kind === CaptureKind.FD_PATHS && c.countArg === "field",
      );
    expect(fieldsOf("none")).toEqual([]);
    const fields = fieldsOf("path");
    // seccomp_notif_addfd.srcfd (12 bytes in) at entry; gpio's three line request fds at exit
    expect(fields).toContainEqual(
      expect.objectContaining({
        when: CaptureWhen.ENTRY,
        offset: 12,
        selectorArg: 1,
        selectorValue: 0x40182103,
      }),
    );
    expect(fields.filter((c) => c.when === CaptureWhen.EXIT)).toHaveLength(3);
    expect(fieldsOf("all").every((c) => c.kind === CaptureKind.FD_PATHS && c.decode === 1)).toBe(true);
  });
});

describe("request-chosen fd arguments (FD_PATH with a selector)", () => {
  it("round-trips the selector and the decode bits through the plan words", () => {
    const spec = {
      arg: 2,
      kind: CaptureKind.FD_PATH,
      when: CaptureWhen.ENTRY,
      decode: 1,
      max: 4096,
      selectorArg: 1,
      selectorValue: 0xab00,
    };
    expect(decodeSpec(...encodeSpec(spec))).toEqual(spec);
  });

  it("describes NBD_SET_SOCK's argument under -y, for that request only", () => {
    const nr = x86_64.syscalls.find((s) => s.name === "ioctl")?.nr ?? -1;
    const selected = (decodeFds: "none" | "path") =>
      (decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 32, decodeFds })).get(nr) ?? []).filter(
        (c) => c.kind === CaptureKind.FD_PATH && c.arg === 2,
      );
    expect(selected("none")).toEqual([]);
    // linux/nbd.h: NBD_SET_SOCK is _IO(0xab, 0)
    expect(selected("path")).toEqual([expect.objectContaining({ selectorArg: 1, selectorValue: 0xab00 })]);
  });
});
