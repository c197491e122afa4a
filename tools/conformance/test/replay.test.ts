import { afterAll, describe, expect, it } from "vitest";
import { CASES } from "../src/cases.js";
import { formatReplayReport, replayCase } from "../src/replay.js";
import { removeWorkFolders } from "../src/runner.js";

// `pnpm conformance --replay` on a slice of the corpus that spans its kinds (-f, -D, -c, -P,
// timing, dumps): each live run against the replay of its own recording, byte for byte. The whole
// corpus runs in `pnpm conformance --replay`.
const SLICE = ["f pipeline", "DD f pipeline", "c -f rows", "trace-path -f", "read=/write= dumps", "f t T"];

describe("conformance --replay", () => {
  afterAll(removeWorkFolders);
  for (const name of SLICE) {
    const c = CASES.find((x) => x.name === name);
    it(`${name}: the replay prints what the live run printed`, { timeout: 300_000 }, () => {
      expect(c, `case ${name} is in the corpus`).toBeDefined();
      const r = replayCase(c as (typeof CASES)[number]);
      expect(r.lines).toBeGreaterThan(0);
      expect(r.identical, formatReplayReport([r])).toBe(true);
    });
  }
});
