// Property tests: whatever the bytes, the decoder never throws or traps, never reads outside the
// batch (the wasm would trap), and always returns valid UTF-8.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import {
  CaptureKind,
  type CaptureSpec,
  CaptureWhen,
  compileCapturePlan,
  decodeCapturePlan,
  x86_64,
} from "@tstrace/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDecoder, TextRenderer } from "../dist/index.js";
import { at, type Capture, concat, enter, exit, exited, signal } from "./helpers/records.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const Ajv2020 = createRequire(import.meta.url)("ajv/dist/2020").default;
const validate = new Ajv2020().compile(
  JSON.parse(readFileSync(join(import.meta.dirname, "..", "schema", "event.schema.json"), "utf8")),
);
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

  it("--json: random records give JSON lines that validate and render back", async () => {
    for (const hex of [0, 2] as const) {
      const o = {
        hex,
        pidPrefix: "plain",
        verbose: hex !== 0,
        decodeFds: "all",
        constStyle: "verbose",
      } as const;
      const d = await createDecoder({ ...o, json: true });
      const render = new TextRenderer(o);
      fc.assert(
        fc.property(fc.array(record, { maxLength: 12 }), (recs) => {
          const out = utf8.decode(d.decode(concat(...recs)));
          expect(d.lastError).toBeNull();
          for (const line of out.split("\n").filter(Boolean)) {
            const event = JSON.parse(line);
            expect(validate(event), `${line}\n${JSON.stringify(validate.errors)}`).toBe(true);
            render.render(event, "plain");
          }
        }),
        { numRuns: 200 },
      );
      for (const line of utf8.decode(d.finish()).split("\n").filter(Boolean))
        expect(validate(JSON.parse(line))).toBe(true);
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

// Absurd values where real ones are small: every 64-bit boundary, in arguments, return values,
// siginfo fields and struct fields. A struct field is 8 (or 4) bytes of one of these words, so
// times, clock ticks, sizes and offsets reach INT64_MIN, UINT64_MAX and their neighbours.
const EDGES = [0n, 1n, 99n, 100n, 0x7fn, 0x80n, 0xffn, 0x7fffffffn, 0x80000000n, 0xffffffffn, 1n << 32n];
const absurd = fc.oneof(
  fc.constantFrom(...EDGES, ...EDGES.map((e) => (1n << 63n) - e), ...EDGES.map((e) => (1n << 64n) - 1n - e)),
  fc.constantFrom(...EDGES.map((e) => (1n << 63n) + e)),
  fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
);
/** `n` bytes made of absurd little-endian words (and a random tail). */
const absurdBytes = (max: number): fc.Arbitrary<Uint8Array> =>
  fc
    .tuple(fc.array(absurd, { maxLength: Math.ceil(max / 8) }), fc.integer({ min: 0, max: 7 }))
    .map(([words, cut]) => {
      const out = new Uint8Array(words.length * 8);
      const v = new DataView(out.buffer);
      words.forEach((w, i) => {
        v.setBigUint64(i * 8, w, true);
      });
      return out.subarray(0, Math.max(0, Math.min(max, out.length - cut)));
    });
/** Bytes that are not UTF-8 text: high bytes, lone continuation bytes, controls, `<>"\`. */
const junkText = fc.uint8Array({ maxLength: 40 }).chain((base) =>
  fc
    .array(fc.constantFrom(0x80, 0xbf, 0xc3, 0xe2, 0xf0, 0xff, 0x00, 0x0a, 0x1b, 0x22, 0x3c, 0x3e, 0x5c), {
      maxLength: 12,
    })
    .map((junk) => Uint8Array.from([...junk.slice(0, 6), ...base, ...junk.slice(6)])),
);
/** An FD_PATH capture's data: a form, a path and a detail, each possibly junk, lengths maybe lying. */
const fdPathData = fc
  .tuple(fc.integer({ min: 0, max: 3 }), junkText, junkText, fc.integer({ min: -2, max: 2 }))
  .map(([form, path, detail, lie]) => {
    const out = new Uint8Array(8 + path.length + detail.length);
    const v = new DataView(out.buffer);
    v.setUint32(0, form, true);
    v.setUint32(4, Math.max(0, path.length + lie), true);
    out.set(path, 8);
    out.set(detail, 8 + path.length);
    return out;
  });
/** An FD_PATHS capture's data: a few elements of junk text, fds small. */
const fdPathsData = fc
  .array(fc.tuple(fc.integer({ min: -1, max: 20 }), fc.integer({ min: 0, max: 3 }), junkText, junkText), {
    maxLength: 4,
  })
  .map((elems) => {
    const parts = elems.map(([fd, form, path, detail]) => {
      const e = new Uint8Array((20 + path.length + detail.length + 3) & ~3);
      const v = new DataView(e.buffer);
      v.setInt32(0, fd, true);
      v.setUint32(8, form, true);
      v.setUint32(12, path.length, true);
      v.setUint32(16, detail.length, true);
      e.set(path, 20);
      e.set(detail, 20 + path.length);
      return e;
    });
    const head = new Uint8Array(8);
    new DataView(head.buffer).setUint32(0, elems.length, true);
    return concat(head, ...parts);
  });

// What native captures for each syscall (the real plan, with -yy and -v), so the decoder meets
// captures of the kind and argument it looks for, filled with absurd or junk bytes.
const plan = decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 32, decodeFds: "all", verbose: true }));
const planned = [...plan.keys()];
const capturesOf = (specs: readonly CaptureSpec[], when: number): fc.Arbitrary<Capture[]> =>
  fc.tuple(
    ...specs
      .filter((s) => s.when === when)
      .map((s) =>
        fc
          .tuple(
            s.kind === CaptureKind.FD_PATH
              ? fdPathData
              : s.kind === CaptureKind.FD_PATHS
                ? fdPathsData
                : fc.oneof(absurdBytes(Math.max(8, s.size || 64) + 16), junkText),
            fc.constantFrom(0, 0, 0, 1, 2),
          )
          .map(([data, status]): Capture => ({ arg: s.arg, kind: s.kind, status, data })),
      ),
  );
const plannedCall = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.constantFrom(...planned))
  .chain(([pid, nr]) => {
    const specs = plan.get(nr) ?? [];
    return fc
      .tuple(
        fc.array(absurd, { minLength: 6, maxLength: 6 }),
        capturesOf(specs, CaptureWhen.ENTRY),
        fc.oneof(absurd, fc.bigInt({ min: -4095n, max: 4096n })),
        capturesOf(specs, CaptureWhen.EXIT),
        fc.tuple(absurd, absurd),
      )
      .map(([args, entryCaps, rval, exitCaps, [t0, t1]]) =>
        concat(
          at(enter(pid, nr, args, entryCaps), t0),
          at(exit(pid, nr, BigInt.asIntN(64, rval), exitCaps), t1),
        ),
      );
  });
const absurdSignal = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 65 }), absurdBytes(120))
  .map(([pid, sig, raw]) =>
    signal(pid, sig, (v) => {
      raw.forEach((x, i) => {
        v.setUint8(8 + i, x);
      });
    }),
  );

describe("absurd values and corrupt text", () => {
  it("every record with absurd words or junk text decodes to valid UTF-8 without a trap, under every style", async () => {
    const styles = [
      { decodeFds: "all" as const },
      { decodeFds: "all" as const, hex: 1 as const, constStyle: "raw" as const, verbose: true },
      {
        decodeFds: "path" as const,
        hex: 2 as const,
        constStyle: "verbose" as const,
        timestamps: "epoch" as const,
      },
      // Absurd record times through every time column: -t with ns, -r, -T, an odd UTC offset.
      {
        timestamps: { format: "time" as const, precision: "ns" as const },
        relativeTimestamps: "ns" as const,
        syscallTimes: "ns" as const,
        utcOffsetMinutes: 330,
      },
    ];
    for (const style of styles) {
      const d = await createDecoder({ pidPrefix: "bracket", ...style });
      fc.assert(
        fc.property(fc.array(fc.oneof(plannedCall, absurdSignal), { minLength: 1, maxLength: 6 }), (recs) => {
          const out = utf8.decode(d.decode(concat(...recs)));
          expect(d.lastError).toBeNull();
          expect(out.endsWith("\n")).toBe(true);
        }),
        { numRuns: 400 },
      );
      utf8.decode(d.finish());
    }
  });

  it("an io_submit capture whose iocb claims more bytes than the capture holds does not trap", async () => {
    // fast-check's shrunk counterexample: an enter record of io_submit (209) whose ARRAY capture
    // lists an iocb, then a buffer header past the capture's end.
    const rec = Uint8Array.from([
      136, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128, 62, 0, 0, 192, 209, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 99, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
      0, 0, 0, 0, 2, 7, 0, 0, 24, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128, 0, 0, 0, 0, 0, 0,
      0, 128, 48, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 62, 0, 0, 192, 209, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 128, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    const d = await createDecoder({ pidPrefix: "bracket", decodeFds: "all" });
    const out = utf8.decode(d.decode(rec));
    expect(d.lastError).toBeNull();
    // The block that cannot be whole prints as strace's `...` for elements not shown.
    expect(out).toBe("io_submit(NULL, 99, [...])              = 9223372036854775808\n");
  });

  it("a SIGCHLD's clock ticks at INT64_MIN and UINT64_MAX print as strace prints them (unsigned)", async () => {
    // strace 6.1, for a SIGCHLD queued with rt_sigqueueinfo (see the CLI's absurd-values test).
    const d = await createDecoder();
    const sigchld = (utime: bigint, stime: bigint) =>
      signal(1, 17, (v) => {
        v.setInt32(8, 1, true);
        v.setInt32(16, 4242, true);
        v.setBigInt64(32, utime, true);
        v.setBigInt64(40, stime, true);
      });
    expect(d.decodeToString(concat(sigchld(-(1n << 63n), (1n << 63n) - 1n), sigchld(-1n, -150n)))).toBe(
      "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=4242, si_uid=0, si_status=0, si_utime=9223372036854775808 /* 92233720368547758.08 s */, si_stime=9223372036854775807 /* 92233720368547758.07 s */} ---\n" +
        "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=4242, si_uid=0, si_status=0, si_utime=18446744073709551615 /* 184467440737095516.15 s */, si_stime=18446744073709551466 /* 184467440737095514.66 s */} ---\n",
    );
  });
});
