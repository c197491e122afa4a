// STACK captures read relative to the stack pointer at entry: rt_sigreturn's signal mask lies in
// the signal frame the kernel built, 296 bytes above the stack pointer on x86_64.
import { describe, expect, it } from "vitest";
import { CaptureKind, CaptureStatus, CaptureWhen, RecordType } from "../../core/src/record-format.ts";
import { spawnTraced } from "../src/index.ts";
import { buildPlan } from "./helpers/plan.ts";
import { PYTHON } from "./helpers/procs.ts";
import { trace } from "./helpers/trace.ts";

const RT_SIGRETURN = 15;
const SIGUSR2_BIT = 1n << 11n; // signal 12
const SIGHUP_BIT = 1n << 0n; // signal 1

describe("STACK captures", () => {
  it("read rt_sigreturn's restored mask from the signal frame", async () => {
    // The handler runs with SIGHUP and SIGUSR2 blocked by the program: rt_sigreturn restores them.
    const program = [
      "import os, signal",
      "signal.signal(signal.SIGUSR1, lambda *a: None)",
      "signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2, signal.SIGHUP])",
      "os.kill(os.getpid(), signal.SIGUSR1)",
    ].join("\n");
    const plan = buildPlan({
      [RT_SIGRETURN]: [
        { arg: 0, kind: CaptureKind.STACK, when: CaptureWhen.ENTRY, lenArg: 296, size: 8, max: 8 },
      ],
    });
    const { result, records } = await trace({ argv: [PYTHON, "-c", program], capturePlan: plan });
    expect(result.exitCode).toBe(0);
    const entries = records.filter((r) => r.type === RecordType.SYSCALL_ENTER && r.nr === RT_SIGRETURN);
    const last = entries.at(-1)?.captures?.[0];
    expect(last).toMatchObject({ kind: CaptureKind.STACK, status: CaptureStatus.OK });
    const mask = new DataView(last!.data.buffer, last!.data.byteOffset, 8).getBigUint64(0, true);
    expect(mask).toBe(SIGUSR2_BIT | SIGHUP_BIT);
  });

  it("reject an offset beyond the documented cap", () => {
    const plan = buildPlan({
      [RT_SIGRETURN]: [
        { arg: 0, kind: CaptureKind.STACK, when: CaptureWhen.ENTRY, lenArg: 0x10000, size: 8 },
      ],
    });
    expect(() => spawnTraced({ argv: ["true"], capturePlan: plan }, () => {})).toThrow(/stack offset 65536/);
  });
});
