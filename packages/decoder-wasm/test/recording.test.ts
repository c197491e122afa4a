// decodeRecording: a recording's bytes (whole, streamed, in any chunking) to strace's lines, and
// damaged recordings decoded up to the damage with a RecordingError naming its offset.
import { encodeRecordingHeader, RECORDING_MAGIC, type RecordingHeaderInput } from "@tstrace/core/recording";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDecoder, decodeRecording, RecordingError } from "../dist/index.js";
import { nr } from "./helpers/nr.js";
import { bufRet, concat, cstr, enter, exit, exited } from "./helpers/records.js";

const HEADER: RecordingHeaderInput = {
  auditArch: 0xc000003e,
  strsize: 256,
  decodeFds: "none",
  verbose: false,
  dumpIo: { read: false, write: false },
  follow: false,
  stackTraces: false,
  syscalls: undefined,
  pids: [],
  tracer: "tstrace test",
};

const text = new TextEncoder();
const RECORDS = concat(
  enter(7, nr("openat"), [-100, 0x1000, 0], [cstr(1, "/etc/hostname")]),
  exit(7, nr("openat"), 3),
  enter(7, nr("read"), [3, 0x2000, 4096]),
  exit(7, nr("read"), 40, [bufRet(1, text.encode("a fairly long line of text, 40 bytes...\n"))]),
  enter(7, nr("close"), [3]),
  exit(7, nr("close"), 0),
  enter(7, nr("exit_group"), [0]),
  exited(7, 0, nr("exit_group")),
);
const FILE = concat(encodeRecordingHeader(HEADER), RECORDS);

async function collect(it: AsyncIterable<string>): Promise<{ lines: string[]; error?: unknown }> {
  const lines: string[] = [];
  try {
    for await (const line of it) lines.push(line);
  } catch (error) {
    return { lines, error };
  }
  return { lines };
}

async function live(options = {}): Promise<string[]> {
  const d = await createDecoder(options);
  const out = new TextDecoder().decode(concat(d.decode(RECORDS), d.finish()));
  return out.split("\n").slice(0, -1);
}

function chunked(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

describe("decodeRecording", () => {
  it("gives the lines a live decoder prints for the same records, for any options the data allows", async () => {
    for (const options of [{}, { strsize: 8 }, { strsize: 256, hex: 1 as const }]) {
      const { lines, error } = await collect(decodeRecording(FILE, options));
      expect(error).toBeUndefined();
      expect(lines).toEqual(await live(options));
    }
    expect((await collect(decodeRecording(FILE))).lines).toContain(
      'openat(AT_FDCWD, "/etc/hostname", O_RDONLY) = 3',
    );
    // json: one JSON object per event, the events the text decoder prints lines for.
    const json = await collect(decodeRecording(FILE, { json: true }));
    expect(json.lines.map((l) => (JSON.parse(l) as { name?: string; type: string }).name ?? l)).toEqual([
      "openat",
      "read",
      "close",
      "exit_group",
      json.lines[4],
    ]);
    expect(JSON.parse(json.lines[4] as string)).toMatchObject({ type: "exited", pid: 7, code: 0 });
  });

  it("reads ArrayBuffers, ReadableStreams and async iterables in any chunking", async () => {
    const whole = (await collect(decodeRecording(FILE))).lines;
    expect((await collect(decodeRecording(FILE.slice().buffer))).lines).toEqual(whole);
    for (const size of [1, 7, 64, 1000]) {
      const parts = chunked(FILE, size);
      expect(
        (
          await collect(
            decodeRecording(
              new ReadableStream({
                start(c) {
                  for (const p of parts) c.enqueue(p);
                  c.close();
                },
              }),
            ),
          )
        ).lines,
      ).toEqual(whole);
      expect(
        (
          await collect(
            decodeRecording(
              (async function* () {
                yield* parts;
              })(),
            ),
          )
        ).lines,
      ).toEqual(whole);
    }
  });

  it("refuses options needing data the recording lacks, before any line", async () => {
    for (const [options, message] of [
      [{ strsize: 1000 }, /-s 1000 needs more/],
      [{ decodeFds: "path" as const }, /-y needs fd data/],
      [{ verbose: true }, /-v needs data/],
    ] as const) {
      const { lines, error } = await collect(decodeRecording(FILE, options));
      expect(lines).toEqual([]);
      expect(String(error)).toMatch(message);
    }
  });

  it("names wrong magic, a newer version, an unknown architecture and truncation by offset", async () => {
    const bad = async (bytes: Uint8Array): Promise<RecordingError> => {
      const { error } = await collect(decodeRecording(bytes));
      expect(error).toBeInstanceOf(RecordingError);
      return error as RecordingError;
    };
    expect((await bad(text.encode("not a recording at all, really"))).offset).toBe(0);
    const newer = FILE.slice();
    new DataView(newer.buffer).setUint32(RECORDING_MAGIC.length + 24, 99, true);
    expect((await bad(newer)).message).toMatch(/version 99 is newer .* at byte offset 32$/);
    const foreign = FILE.slice();
    new DataView(foreign.buffer).setUint32(RECORDING_MAGIC.length + 28, 0x1234, true);
    expect((await bad(foreign)).message).toMatch(/unknown architecture .* at byte offset 36$/);
    const head = encodeRecordingHeader(HEADER).length;
    const cut = await bad(FILE.subarray(0, FILE.length - 5));
    expect(cut.message).toMatch(/^truncated recording/);
    expect(cut.offset).toBe(FILE.length - exited(7, 0).length);
    expect((await bad(FILE.subarray(0, head - 3))).message).toMatch(/^truncated recording: the header/);
  });

  it("fuzz: any truncation or corruption yields a prefix of the good lines, then at most a RecordingError", async () => {
    const good = (await collect(decodeRecording(FILE))).lines;
    const stripUnfinished = (l: string): string => l.replace(/ <unfinished \.\.\.>$/, "");
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: FILE.length }),
        fc.array(fc.tuple(fc.nat({ max: FILE.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          maxLength: 8,
        }),
        fc.integer({ min: 1, max: 300 }),
        async (cutAt, flips, chunk) => {
          const bytes = FILE.slice(0, cutAt);
          for (const [i, v] of flips) if (i < bytes.length) bytes[i] = v;
          const { lines, error } = await collect(decodeRecording(chunked(bytes, chunk)));
          if (error !== undefined) {
            expect(error).toBeInstanceOf(RecordingError);
            expect((error as RecordingError).message).toMatch(/ at byte offset \d+$/);
            expect((error as RecordingError).offset).toBeLessThanOrEqual(bytes.length);
          }
          // Without corruption, what is printed before a truncation is the good trace's start.
          if (flips.length === 0)
            for (const [i, l] of lines.entries())
              expect(stripUnfinished(good[i] as string).startsWith(stripUnfinished(l))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
