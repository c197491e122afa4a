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
