// -y's captures of fds that are not a call's own fd arguments: a siginfo's si_fd wherever a
// siginfo is read (at the stop it is read), the pidfd clone(CLONE_PIDFD) stores at parent_tid
// (at exit), and pidfd_getfd's target fd, read in the process its pidfd names (FdDecode.OF_PIDFD).
import { describe, expect, it } from "vitest";
import {
  CaptureKind,
  CaptureWhen,
  compileCapturePlan,
  decodeCapturePlan,
  FdDecode,
  syscallByName,
  x86_64,
} from "../src/index.js";

const nr = (n: string): number => syscallByName(x86_64, n)?.nr ?? -1;
const plan = decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 32, decodeFds: "path" }));
const fdSpecs = (name: string) =>
  (plan.get(nr(name)) ?? []).filter((s) => s.kind === CaptureKind.FD_PATH || s.kind === CaptureKind.FD_PATHS);

describe("fd captures outside a call's fd arguments", () => {
  it("reads si_fd (24 bytes into a siginfo) when the siginfo is read", () => {
    const ptrace = fdSpecs("ptrace");
    // PTRACE_SETSIGINFO (0x4203) passes one at entry; PTRACE_GETSIGINFO (0x4202) gets one at exit.
    expect(ptrace).toContainEqual(
      expect.objectContaining({
        arg: 3,
        countArg: "field",
        offset: 24,
        when: CaptureWhen.ENTRY,
        selectorValue: 0x4203,
      }),
    );
    expect(ptrace).toContainEqual(
      expect.objectContaining({
        arg: 3,
        countArg: "field",
        offset: 24,
        when: CaptureWhen.EXIT,
        selectorValue: 0x4202,
      }),
    );
    expect(fdSpecs("waitid")).toContainEqual(
      expect.objectContaining({ arg: 2, countArg: "field", offset: 24, when: CaptureWhen.EXIT }),
    );
  });

  it("reads clone's parent_tid as one fd at exit", () => {
    expect(fdSpecs("clone")).toContainEqual(
      expect.objectContaining({
        arg: 2,
        kind: CaptureKind.FD_PATHS,
        countArg: "one",
        when: CaptureWhen.EXIT,
      }),
    );
  });

  it("reads pidfd_getfd's target fd in the pidfd's process", () => {
    expect(fdSpecs("pidfd_getfd")).toContainEqual(
      expect.objectContaining({ arg: 1, kind: CaptureKind.FD_PATH, decode: FdDecode.OF_PIDFD }),
    );
  });

  it("reads none of them without -y", () => {
    const plain = decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 32 }));
    for (const name of ["ptrace", "clone", "pidfd_getfd"])
      expect(
        (plain.get(nr(name)) ?? []).filter(
          (s) => s.kind === CaptureKind.FD_PATHS || s.kind === CaptureKind.FD_PATH,
        ),
      ).toEqual([]);
  });
});
