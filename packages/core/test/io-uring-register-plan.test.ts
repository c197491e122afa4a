// uring: what the capture plan reads for io_uring_register: the argument as nr_args 16-byte
// elements and as nr_args bytes whatever the opcode, the fixed structs only for their opcodes,
// the arrays the rsrc structs point at by the BTF layouts' offsets, every fd under -y.
import { describe, expect, it } from "vitest";
import {
  CaptureKind,
  type CaptureSpec,
  CaptureWhen,
  compileCapturePlan,
  constTable,
  decodeCapturePlan,
  layoutsByArch,
  x86_64,
} from "../src/index.js";

const NR = x86_64.syscalls.find((s) => s.name === "io_uring_register")?.nr ?? -1;
const opcode = (name: string): number =>
  constTable("uring_register_opcodes")?.entries.find(([, n]) => n === name)?.[0] ?? -1;
const offsetOf = (type: string, field: string): number | undefined =>
  layoutsByArch.x86_64?.find((l) => l.name === type)?.fields.find(([n]) => n === field)?.[1];

function specs(decodeFds: "none" | "path" = "none"): CaptureSpec[] {
  return decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 32, decodeFds })).get(NR) ?? [];
}

describe("io_uring_register's capture plan", () => {
  it("reads the argument as elements and as bytes, by nr_args, at entry", () => {
    const s = specs();
    expect(s).toContainEqual({
      arg: 2,
      kind: CaptureKind.ARRAY,
      when: CaptureWhen.ENTRY,
      countArg: 3,
      elementSize: 16,
      max: 1 << 16,
    });
    expect(s).toContainEqual({
      arg: 2,
      kind: CaptureKind.BUFFER_ARG_LEN,
      when: CaptureWhen.ENTRY,
      lenArg: 3,
      max: 4096,
    });
  });

  it("reads the probe at both stops and the work queue limits at exit, only for their opcodes", () => {
    const structIf = specs().filter((c) => c.kind === CaptureKind.STRUCT_IF);
    const probe = opcode("IORING_REGISTER_PROBE");
    expect(
      structIf.filter((c) => "selectorValue" in c && c.selectorValue === probe).map((c) => c.when),
    ).toEqual([CaptureWhen.ENTRY, CaptureWhen.EXIT]);
    const workers = structIf.find(
      (c) => "selectorValue" in c && c.selectorValue === opcode("IORING_REGISTER_IOWQ_MAX_WORKERS"),
    );
    expect(workers?.when).toBe(CaptureWhen.EXIT);
  });

  it("follows the rsrc structs' data and tags, counted by nr, for their opcodes only", () => {
    const pointees = specs().filter((c) => c.kind === CaptureKind.POINTEE);
    const files2 = pointees.filter(
      (c) => c.kind === CaptureKind.POINTEE && c.selectorValue === opcode("IORING_REGISTER_FILES2"),
    );
    expect(files2).toEqual([
      expect.objectContaining({
        ptrOffset: offsetOf("io_uring_rsrc_register", "data"),
        countOffset: offsetOf("io_uring_rsrc_register", "nr"),
        countSize: 4,
        elemSize: 16,
      }),
      expect.objectContaining({ ptrOffset: offsetOf("io_uring_rsrc_register", "tags"), elemSize: 8 }),
    ]);
    const update2 = pointees.filter(
      (c) => c.kind === CaptureKind.POINTEE && c.selectorValue === opcode("IORING_REGISTER_BUFFERS_UPDATE"),
    );
    expect(update2.map((c) => c.kind === CaptureKind.POINTEE && c.countOffset)).toEqual([
      offsetOf("io_uring_rsrc_update2", "nr"),
      offsetOf("io_uring_rsrc_update2", "nr"),
    ]);
    // FILES_UPDATE's fds: nr_args of them, so no count in the struct
    const files = pointees.find(
      (c) => c.kind === CaptureKind.POINTEE && c.selectorValue === opcode("IORING_REGISTER_FILES_UPDATE"),
    );
    expect(files).toMatchObject({
      ptrOffset: offsetOf("io_uring_files_update", "fds"),
      countSize: 0,
      elemSize: 4,
    });
  });

  it("names every open fd under -y (the arrays hold fds)", () => {
    expect(specs("path")).toContainEqual(
      expect.objectContaining({ kind: CaptureKind.FD_PATHS, when: CaptureWhen.ENTRY, countArg: "all" }),
    );
    expect(specs().some((c) => c.kind === CaptureKind.FD_PATHS)).toBe(false);
  });
});
