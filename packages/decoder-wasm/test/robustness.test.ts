// Property tests: whatever the bytes, the decoder never throws or traps, never reads outside the
// batch (the wasm would trap), and always returns valid UTF-8.

import { x86_64 } from "@tstrace/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDecoder } from "../dist/index.js";
import { type Capture, concat, enter, exit, exited, signal } from "./helpers/records.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const nrs = x86_64.syscalls.map((r) => r.nr);

const word = fc.oneof(
  fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
  fc.integer({ min: -200, max: 70000 }).map(BigInt),
);
const capture: fc.Arbitrary<Capture> = fc.record({
  arg: fc.integer({ min: 0, max: 6 }),
  kind: fc.integer({ min: 0, max: 8 }),
  status: fc.integer({ min: 0, max: 3 }),
  data: fc.uint8Array({ maxLength: 200 }),
});
const record = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1, max: 4 }),
      fc.constantFrom(...nrs, 0x1f4, 0xffffffff),
      fc.array(word, { minLength: 6, maxLength: 6 }),
      fc.array(capture, { maxLength: 4 }),
    )
    .map(([pid, n, args, caps]) => enter(pid, n, args, caps)),
  fc
    .tuple(
      fc.integer({ min: 1, max: 4 }),
      fc.constantFrom(...nrs),
      fc.bigInt({ min: -4095n, max: 1n << 40n }),
      fc.array(capture, { maxLength: 4 }),
    )
    .map(([pid, n, r, caps]) => exit(pid, n, r, caps)),
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer()).map(([pid, st]) => exited(pid, st)),
  fc
    .tuple(
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 0, max: 70 }),
      fc.uint8Array({ minLength: 120, maxLength: 120 }),
    )
    .map(([pid, sig, raw]) =>
      signal(pid, sig, (v) => {
        raw.forEach((x, i) => {
          v.setUint8(8 + i, x);
        });
      }),
    ),
);

describe("robustness", () => {
  it("arbitrary bytes never throw and give valid UTF-8", async () => {
    const d = await createDecoder({ pidPrefix: "bracket", hex: 0 });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        utf8.decode(d.decode(bytes));
      }),
      { numRuns: 500 },
    );
    utf8.decode(d.finish());
  });

  it("arbitrary headers with plausible sizes never throw", async () => {
    const d = await createDecoder();
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 12 }),
            fc.integer({ min: 0, max: 40 }),
            fc.uint8Array({ maxLength: 300 }),
          ),
          { maxLength: 8 },
        ),
        (recs) => {
          const parts = recs.map(([type, words, body]) => {
            const size = 24 + words * 8;
            const r = new Uint8Array(size);
            r.set(body.subarray(0, size - 24), 24);
            const v = new DataView(r.buffer);
            v.setUint32(0, size, true);
            v.setUint16(4, type, true);
            v.setUint32(8, 1, true);
            return r;
          });
          utf8.decode(d.decode(concat(...parts)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("well-formed records with random words and captures never throw, under every style", async () => {
    for (const hex of [0, 1, 2] as const) {
      const d = await createDecoder({
        hex,
        strsize: hex * 20,
        pidPrefix: "plain",
        verbose: hex !== 0,
        syscallNumbers: hex === 1,
        instructionPointer: hex === 2,
        timestamps: hex === 2 ? "micro" : "none",
        ...(hex === 1 ? { signals: [10, 17], syscalls: [0, 1, 3, 4, 5, 6, 262] } : {}),
      });
      fc.assert(
        fc.property(fc.array(record, { maxLength: 12 }), (recs) => {
          const out = utf8.decode(d.decode(concat(...recs)));
          expect(d.lastError).toBeNull();
          expect(out === "" || out.endsWith("\n")).toBe(true);
        }),
        { numRuns: 300 },
      );
      utf8.decode(d.finish());
    }
  });

  it("truncating a valid batch anywhere reports the offset of the cut record", async () => {
    const d = await createDecoder();
    const batch = concat(enter(1, 3, [3]), exit(1, 3, 0), enter(1, 3, [4]), exit(1, 3, 0));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: batch.length - 1 }), (cut) => {
        d.decode(batch.subarray(0, cut));
        const starts = [0, 104, 152, 256];
        const expected = starts.filter((s) => s < cut).pop() ?? 0;
        const complete = starts.includes(cut);
        if (complete) expect(d.lastError).toBeNull();
        else expect(d.lastError?.offset).toBe(expected);
      }),
    );
  });
});
