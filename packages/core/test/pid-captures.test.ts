// PID captures (--decode-pids): the packed words round-trip, and a plan compiled with
// --pidns-translation resolves exactly the values core declares pids (argument and return kinds,
// pid fields of the structs a call reads, request-dependent arguments), while a plan without it
// holds none.
import { describe, expect, it } from "vitest";
import {
  CaptureKind,
  CaptureWhen,
  compileCapturePlan,
  decodeCapturePlan,
  decodeSpec,
  encodeSpec,
  FD_RETURN_ARG,
  PidDecode,
  PidTypeCode,
  syscallByName,
  x86_64,
} from "../src/index.js";

const nr = (n: string): number => syscallByName(x86_64, n)?.nr ?? -1;
const pidSpecs = (plan: Map<number, import("../src/index.js").CaptureSpec[]>, name: string) =>
  (plan.get(nr(name)) ?? []).filter((s) => s.kind === CaptureKind.PID);

describe("PID captures", () => {
  it("round-trips type, decode bits, offset and selector through the plan words", () => {
    const spec = {
      arg: 2,
      kind: CaptureKind.PID,
      when: CaptureWhen.EXIT,
      pidType: PidTypeCode.BY_TYPE_FIELD,
      decode: PidDecode.NS | PidDecode.COMM,
      offset: 4,
      selectorArg: 1,
      selectorValue: 16,
    };
    expect(decodeSpec(...encodeSpec(spec))).toEqual(spec);
    const { offset: _o, selectorArg: _a, selectorValue: _v, ...plain } = spec;
    expect(decodeSpec(...encodeSpec(plain))).toEqual(plain);
  });

  const plan = decodeCapturePlan(
    compileCapturePlan(x86_64, { strsize: 32, decodePids: { pidns: true, comm: false } }),
  );

  it("resolves pid arguments at entry and pid returns at exit, by strace's pid type", () => {
    expect(pidSpecs(plan, "tgkill").map((s) => [s.arg, s.when, "pidType" in s && s.pidType])).toEqual([
      [0, CaptureWhen.ENTRY, PidTypeCode.TGID],
      [1, CaptureWhen.ENTRY, PidTypeCode.TID],
    ]);
    expect(pidSpecs(plan, "kill")[0]).toMatchObject({
      arg: 0,
      pidType: PidTypeCode.TGID_PGID,
      decode: PidDecode.NS,
    });
    expect(pidSpecs(plan, "gettid")).toEqual([
      expect.objectContaining({ arg: FD_RETURN_ARG, when: CaptureWhen.EXIT, pidType: PidTypeCode.TID }),
    ]);
    expect(pidSpecs(plan, "getsid").map((s) => "pidType" in s && s.pidType)).toEqual([
      PidTypeCode.TGID,
      PidTypeCode.SID,
    ]);
  });

  it("resolves pid fields of structs and request-dependent pids only for their request", () => {
    // rt_sigqueueinfo's siginfo: si_pid at offset 16, read at entry.
    expect(pidSpecs(plan, "rt_sigqueueinfo")).toContainEqual(
      expect.objectContaining({ arg: 2, when: CaptureWhen.ENTRY, offset: 16, pidType: PidTypeCode.TGID }),
    );
    const fcntl = pidSpecs(plan, "fcntl");
    // F_SETOWN (8): argument 2; F_GETOWN (9): the return value; F_SETOWN_EX (15): the struct's pid.
    expect(fcntl).toContainEqual(expect.objectContaining({ arg: 2, selectorArg: 1, selectorValue: 8 }));
    expect(fcntl).toContainEqual(
      expect.objectContaining({ arg: FD_RETURN_ARG, when: CaptureWhen.EXIT, selectorValue: 9 }),
    );
    expect(fcntl).toContainEqual(
      expect.objectContaining({ arg: 2, offset: 4, pidType: PidTypeCode.BY_TYPE_FIELD, selectorValue: 15 }),
    );
    expect(pidSpecs(plan, "getpriority")).toEqual([
      expect.objectContaining({ arg: 1, pidType: PidTypeCode.TGID, selectorArg: 0, selectorValue: 0 }),
      expect.objectContaining({ arg: 1, pidType: PidTypeCode.PGID, selectorArg: 0, selectorValue: 1 }),
    ]);
  });

  it("resolves the pids in ioctl structs, socket addresses and netlink messages, and waitid's id", () => {
    const ioctl = pidSpecs(plan, "ioctl");
    // seccomp_notif's pid (after its u64 id) at both stops; blk_user_trace_setup's, after the name.
    expect(ioctl).toContainEqual(
      expect.objectContaining({ arg: 2, offset: 8, when: CaptureWhen.EXIT, selectorValue: 0xc0502100 }),
    );
    expect(ioctl).toContainEqual(expect.objectContaining({ arg: 2, offset: 64, when: CaptureWhen.ENTRY }));
    // sockaddr_nl's nl_pid: connect's address at entry, accept's at exit.
    expect(pidSpecs(plan, "connect")).toEqual([
      expect.objectContaining({ arg: 1, offset: 4, when: CaptureWhen.ENTRY, pidType: PidTypeCode.TGID }),
    ]);
    expect(pidSpecs(plan, "accept")).toEqual([
      expect.objectContaining({ arg: 1, offset: 4, when: CaptureWhen.EXIT }),
    ]);
    // The first nlmsghdr's nlmsg_pid in sendto's buffer (entry) and recvfrom's (exit).
    expect(pidSpecs(plan, "sendto")).toContainEqual(
      expect.objectContaining({ arg: 1, offset: 12, when: CaptureWhen.ENTRY }),
    );
    expect(pidSpecs(plan, "recvfrom")).toContainEqual(
      expect.objectContaining({ arg: 1, offset: 12, when: CaptureWhen.EXIT }),
    );
    // waitid's id: a process for P_PID (1), a group for P_PGID (2).
    expect(pidSpecs(plan, "waitid")).toContainEqual(
      expect.objectContaining({ arg: 1, pidType: PidTypeCode.TGID, selectorArg: 0, selectorValue: 1 }),
    );
    expect(pidSpecs(plan, "waitid")).toContainEqual(
      expect.objectContaining({ arg: 1, pidType: PidTypeCode.PGID, selectorArg: 0, selectorValue: 2 }),
    );
  });

  it("a plan without --decode-pids resolves no pid", () => {
    const plain = decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 32 }));
    for (const specs of plain.values()) expect(specs.filter((s) => s.kind === CaptureKind.PID)).toEqual([]);
  });
});
