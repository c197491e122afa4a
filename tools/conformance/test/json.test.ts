import { afterAll, describe, expect, it } from "vitest";
import { CASES } from "../src/cases.js";
import { formatJsonReport, jsonCase } from "../src/json-mode.js";
import { removeWorkFolders } from "../src/runner.js";

// `pnpm conformance --json` on a slice of the corpus that spans its kinds (-f interleaving,
// -yy fds, -X verbose, -x strings, -v structs, injection, signals, timing, -c): each case's --json
// replay validates against the published schema and renders back to its text replay byte for
// byte. The whole corpus runs in `pnpm conformance --json`.
const SLICE = [
  "f pipeline",
  "-yy python3 sockets",
  "X verbose -yy python3 constants",
  "-xx echo",
  "v ls -l",
  "inject openat when=3",
  "f child killed",
  "f time,ms T pipe",
  "read=/write= dumps",
  "c -f rows",
];

describe("conformance --json", () => {
  afterAll(removeWorkFolders);
  for (const name of SLICE) {
    const c = CASES.find((x) => x.name === name);
    it(`${name}: schema-valid JSON that renders back to the text`, { timeout: 300_000 }, async () => {
      expect(c, `case ${name} is in the corpus`).toBeDefined();
      const r = await jsonCase(c as (typeof CASES)[number]);
      expect(r.events).toBeGreaterThan(0);
      expect(r.invalid, formatJsonReport([r])).toBe(0);
      expect(r.identical, formatJsonReport([r])).toBe(true);
    });
  }
});
