// onBatch may return a promise (a sink still writing the batch out): while such promises are
// pending, the tracer thread hands over only a few more batches, then waits, and the tracee
// waits in a ptrace stop. Nothing is dropped once the promises settle.
import { describe, expect, it } from "vitest";
import { RecordType } from "../../core/src/record-format.ts";
import { spawnTraced } from "../src/index.ts";
import { defaultPlan } from "./helpers/plan.ts";
import { procState, sleep, until } from "./helpers/procs.ts";
import { parseRecords } from "./helpers/records.ts";

// Batches whose promise may be pending (binding.cc kMaxHeld) + the thread-safe function's queue
// (kQueueItems) + the one the tracer thread is handing over.
const MAX_IN_FLIGHT = 2 + 8 + 1;

describe("back-pressure through onBatch's promise", () => {
  it("a consumer that never settles stops the tracee after a bounded number of batches", async () => {
    const release: (() => void)[] = [];
    let settleAtOnce = false;
    let batches = 0;
    let writes = 0;
    const session = spawnTraced(
      {
        argv: ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=20000"],
        capturePlan: defaultPlan(),
        batchBytes: 4096,
      },
      (batch) => {
        batches++;
        for (const r of parseRecords(batch)) if (r.type === RecordType.SYSCALL_EXIT && r.nr === 1) writes++;
        if (settleAtOnce) return undefined;
        return new Promise<void>((resolve) => release.push(resolve));
      },
    );
    try {
      // Held batches pile up to the allowance, then the tracer thread waits and so does dd.
      expect(await until(() => batches >= 2 && procState(session.pid) === "t", 60_000)).toBe(true);
      await sleep(500);
      expect(batches).toBeLessThanOrEqual(MAX_IN_FLIGHT);
      expect(procState(session.pid)).toBe("t");
    } finally {
      settleAtOnce = true;
      for (const r of release.splice(0)) r();
    }
    const result = await session.done;
    expect(result.exitCode).toBe(0);
    expect(writes).toBeGreaterThanOrEqual(20000); // every one of dd's 20000 writes (and its report)
  }, 120_000);

  it("a rejected promise releases its batch like a fulfilled one", async () => {
    let batches = 0;
    const session = spawnTraced(
      {
        argv: ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=2000"],
        capturePlan: defaultPlan(),
        batchBytes: 1024,
      },
      () => {
        batches++;
        return Promise.reject(new Error("sink failed"));
      },
    );
    const result = await session.done;
    expect(result.exitCode).toBe(0);
    expect(batches).toBeGreaterThan(MAX_IN_FLIGHT);
  }, 60_000);
});
