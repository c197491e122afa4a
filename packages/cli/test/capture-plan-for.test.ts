// The bin's bundle carries the default run's capture plan compiled (src/prebuilt-plan.ts, made by
// scripts/bundle.mjs): capturePlanFor must give exactly what compiling would, narrowed to a
// filter's syscalls, and compile whenever the options differ from the plan's.
import { decodeCapturePlan } from "@tstrace/core/capture-plan";
import { beforeAll, describe, expect, it } from "vitest";
import { parseArgs } from "../src/args.js";
import { capturePlanFor, narrowPlan } from "../src/capture-plan-for.js";

const compiled = (argv: string[], stopSet?: ReadonlySet<number>): Promise<Uint32Array> =>
  capturePlanFor(parseArgs(argv), stopSet, undefined);

describe("capturePlanFor with a prebuilt default plan", () => {
  let prebuilt: Uint32Array;
  beforeAll(async () => {
    prebuilt = await compiled(["true"]);
  });

  it("narrows the prebuilt plan to a filter's syscalls as compiling with the filter does", async () => {
    const cli = parseArgs(["-e", "trace=openat,read,ioctl,execve", "true"]);
    const stopSet = cli.qualifiers.trace as ReadonlySet<number>;
    expect(stopSet.size).toBeGreaterThan(3);
    const fromPrebuilt = await capturePlanFor(cli, stopSet, prebuilt);
    expect(decodeCapturePlan(fromPrebuilt)).toEqual(
      decodeCapturePlan(await compiled(["-e", "trace=openat,read,ioctl,execve", "true"], stopSet)),
    );
    expect(decodeCapturePlan(narrowPlan(prebuilt, new Set())).size).toBe(0);
  });

  it("is used only for the options it was compiled with", async () => {
    const marker = new Uint32Array(prebuilt);
    expect(await capturePlanFor(parseArgs(["true"]), undefined, marker)).toBe(marker);
    for (const argv of [
      ["-s", "64"],
      ["-y"],
      ["-yy"],
      ["-v"],
      ["-e", "read=3"],
      ["-e", "write=all"],
      ["-e", "abbrev=execve"],
    ]) {
      const cli = parseArgs([...argv, "true"]);
      const plan = await capturePlanFor(cli, undefined, marker);
      expect(plan, argv.join(" ")).not.toBe(marker);
      expect(plan, argv.join(" ")).toEqual(await compiled([...argv, "true"]));
    }
  });
});
