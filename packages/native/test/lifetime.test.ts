import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { spawnTraced } from "../src/index.ts";
import { defaultPlan, EMPTY_PLAN } from "./helpers/plan.ts";
import { until } from "./helpers/procs.ts";
import { parseRecords } from "./helpers/records.ts";

const fdCount = (): number => readdirSync("/proc/self/fd").length;
const taskCount = (): number => readdirSync("/proc/self/task").length;
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 20));

describe("session lifetime", () => {
  it("100 sequential sessions leak no fds and no threads", async () => {
    // Warm up (loads the addon, starts lazily created pools).
    await spawnTraced({ argv: ["/bin/true"], capturePlan: EMPTY_PLAN }, () => {}).done;
    await tick();
    const fds = fdCount();
    const tasks = taskCount();
    for (let i = 0; i < 100; i++) {
      const result = await spawnTraced({ argv: ["/bin/true"], capturePlan: defaultPlan() }, () => {}).done;
      expect(result.exitCode).toBe(0);
    }
    // A finished session's thread ends a moment after done; a leak never does.
    await until(() => fdCount() === fds && taskCount() === tasks);
    expect(fdCount()).toBe(fds);
    expect(taskCount()).toBe(tasks);
  });

  it("concurrent sessions each get their own records", async () => {
    const runs = [0, 1, 2, 3].map((i) => {
      const records: ReturnType<typeof parseRecords> = [];
      const s = spawnTraced({ argv: ["sh", "-c", `exit ${i}`], capturePlan: EMPTY_PLAN }, (b) =>
        records.push(...parseRecords(b)),
      );
      return s.done.then((r) => ({ r, records, pid: s.pid, i }));
    });
    for (const { r, records, pid, i } of await Promise.all(runs)) {
      expect(r.exitCode).toBe(i);
      expect(records.every((rec) => rec.pid === pid)).toBe(true);
    }
  });
});
