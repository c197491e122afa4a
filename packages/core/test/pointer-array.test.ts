// uring: ARRAY specs of pointers to structs (io_submit's iocbs and their buffers): the packed
// words round-trip, and io_submit's plan takes struct iocb's size and its aio_buf/aio_nbytes
// offsets from the BTF layout.
import { describe, expect, it } from "vitest";
import {
  ARRAY_POINTERS,
  CaptureKind,
  CaptureWhen,
  compileCapturePlan,
  decodeCapturePlan,
  decodeSpec,
  encodeSpec,
  layoutsByArch,
  x86_64,
} from "../src/index.js";

describe("ARRAY captures of pointers to structs", () => {
  it("round-trips the struct size, offsets and element size through the plan words", () => {
    const spec = {
      arg: 2,
      kind: CaptureKind.ARRAY,
      when: CaptureWhen.ENTRY,
      countArg: 1,
      elementSize: 8,
      max: 528,
      pointers: { structSize: 64, ptrOffset: 24, countOffset: 32, elemSize: 16 },
    };
    const words = encodeSpec(spec);
    expect((words[1] ?? 0) & ARRAY_POINTERS).toBe(ARRAY_POINTERS);
    expect(decodeSpec(...words)).toEqual(spec);
    // a plain ARRAY spec is untouched by the variant
    const { pointers: _p, ...plain } = spec;
    expect(decodeSpec(...encodeSpec({ ...plain, elementSize: 16 }))).toEqual({ ...plain, elementSize: 16 });
  });

  it("follows io_submit's iocb pointers and each iocb's buffer, -s elements of an iovec's size", () => {
    const plan = decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 10 }));
    const nr = x86_64.syscalls.find((s) => s.name === "io_submit")?.nr ?? -1;
    const iocb = layoutsByArch.x86_64?.find((l) => l.name === "iocb");
    const at = (f: string) => iocb?.fields.find(([n]) => n === f)?.[1];
    expect(plan.get(nr)).toEqual([
      {
        arg: 2,
        kind: CaptureKind.ARRAY,
        when: CaptureWhen.ENTRY,
        countArg: 1,
        elementSize: 8,
        max: 11 * 16,
        pointers: {
          structSize: iocb?.size,
          ptrOffset: at("aio_buf"),
          countOffset: at("aio_nbytes"),
          elemSize: 16,
        },
      },
    ]);
  });
});
