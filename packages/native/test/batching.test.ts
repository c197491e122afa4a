import { describe, expect, it } from "vitest";
import { RecordType } from "../../core/src/record-format.ts";
import { spawnTraced } from "../src/index.ts";
import { defaultPlan } from "./helpers/plan.ts";
import { parseRecords } from "./helpers/records.ts";
import { trace } from "./helpers/trace.ts";

const shape = (records: ReturnType<typeof parseRecords>): string[] =>
  records.map((r) => {
    // Return values of read/write are reproducible; addresses and tids are not.
    const rval = r.rval !== undefined && (r.nr === 0 || r.nr === 1) ? String(r.rval) : "";
    return `${r.type}:${r.nr ?? ""}:${rval}:${r.captures?.length ?? ""}`;
  });

describe("batching", () => {
  it("tiny batchBytes: one record per batch, all intact and in order", async () => {
    const argv = ["sh", "-c", "exec cat /etc/hostname > /dev/null"];
    const small = await trace({ argv, capturePlan: defaultPlan(), batchBytes: 1 });
    const big = await trace({ argv, capturePlan: defaultPlan(), batchBytes: 1 << 20 });
    expect(small.batches.length).toBe(small.records.length);
    for (const b of small.batches) expect(parseRecords(b)).toHaveLength(1);
    expect(small.batches.length).toBeGreaterThan(big.batches.length);
    // Same program, same sequence of events (addresses and times differ).
    expect(shape(small.records)).toEqual(shape(big.records));
    expect(small.records[0]!.type).toBe(RecordType.SYSCALL_ENTER);
    expect(small.records.at(-1)!.type).toBe(RecordType.EXIT);
  });

  it("batches never exceed batchBytes by more than one record", async () => {
    const { batches } = await trace({ argv: ["/bin/true"], capturePlan: defaultPlan(), batchBytes: 256 });
    for (const b of batches) {
      const records = parseRecords(b);
      const last = records.at(-1)!;
      expect(b.length - last.size).toBeLessThan(256);
    }
  });

  it("a slow consumer loses nothing (back-pressure)", async () => {
    const records: ReturnType<typeof parseRecords> = [];
    const session = spawnTraced(
      { argv: ["sh", "-c", "exec cat /etc/hostname > /dev/null"], capturePlan: defaultPlan(), batchBytes: 1 },
      (b) => {
        const until = Date.now() + 2;
        while (Date.now() < until) {
          // busy consumer
        }
        records.push(...parseRecords(b));
      },
    );
    const result = await session.done;
    expect(result.exitCode).toBe(0);
    const fast = await trace({
      argv: ["sh", "-c", "exec cat /etc/hostname > /dev/null"],
      capturePlan: defaultPlan(),
    });
    expect(shape(records)).toEqual(shape(fast.records));
  });
});
