import { describe, expect, it } from "vitest";
import * as core from "../../core/src/record-format.ts";
import { nativeConstants, RECORD_FORMAT_VERSION } from "../src/index.ts";

describe("record format constants", () => {
  const native = nativeConstants() as Record<string, Record<string, number>> & {
    RECORD_FORMAT_VERSION: number;
  };

  it("the version matches @tstrace/core", () => {
    expect(RECORD_FORMAT_VERSION).toBe(core.RECORD_FORMAT_VERSION);
    expect(native.RECORD_FORMAT_VERSION).toBe(core.RECORD_FORMAT_VERSION);
  });

  const tables: Record<string, object> = {
    RecordHeader: core.RecordHeader,
    RecordType: core.RecordType,
    SyscallEnterBody: core.SyscallEnterBody,
    SyscallExitBody: core.SyscallExitBody,
    CaptureHeader: core.CaptureHeader,
    CaptureKind: core.CaptureKind,
    CaptureStatus: core.CaptureStatus,
    CaptureWhen: core.CaptureWhen,
    AuditArch: core.AuditArch,
    FdDecode: core.FdDecode,
    FdPathForm: core.FdPathForm,
  };
  it("FD_RETURN_ARG in record_format.h equals core's", () => {
    const n = native as unknown as {
      FD_RETURN_ARG: number;
      NO_LEN_ARG_FD_PAIR: number;
      NO_LEN_ARG_FD_ONE: number;
    };
    expect(n.FD_RETURN_ARG).toBe(core.FD_RETURN_ARG);
    expect(n.NO_LEN_ARG_FD_PAIR).toBe(core.NO_LEN_ARG_FD_PAIR);
    expect(n.NO_LEN_ARG_FD_ONE).toBe(core.NO_LEN_ARG_FD_ONE);
  });
  for (const [name, reference] of Object.entries(tables)) {
    it(`${name} in record_format.h equals core's`, () => {
      expect(native[name]).toEqual({ ...reference });
    });
  }
});
