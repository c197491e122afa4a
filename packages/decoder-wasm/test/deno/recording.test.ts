// Deno: decodeRecording on a recording streamed through a WHATWG ReadableStream, and a truncated
// one ending in a RecordingError, with no Node built-in and no permission beyond --allow-read.
import { encodeRecordingHeader } from "@tstrace/core/recording";
import { decodeRecording, RecordingError } from "../../dist/index.js";

declare const Deno: { test(name: string, fn: () => Promise<void> | void): void };

function assertEquals(actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    throw new Error(`expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** close(3) = 0 for pid 7, as entry and exit records. */
function closeRecords(): Uint8Array {
  const out = new Uint8Array(104 + 48);
  const v = new DataView(out.buffer);
  v.setUint32(0, 104, true);
  v.setUint16(4, 1, true);
  v.setUint32(8, 7, true);
  v.setUint32(24, 0xc000003e, true);
  v.setUint32(28, 3, true);
  v.setBigUint64(32, 3n, true);
  v.setUint32(104, 48, true);
  v.setUint16(108, 2, true);
  v.setUint32(112, 7, true);
  v.setUint32(128, 0xc000003e, true);
  v.setUint32(132, 3, true);
  return out;
}

function recording(): Uint8Array {
  const head = encodeRecordingHeader({
    auditArch: 0xc000003e,
    strsize: 256,
    decodeFds: "all",
    verbose: true,
    dumpIo: { read: false, write: false },
    follow: false,
    stackTraces: false,
    syscalls: undefined,
    pids: [],
    tracer: "tstrace deno-test",
  });
  const body = closeRecords();
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

Deno.test("decodeRecording reads a ReadableStream in small chunks", async () => {
  const bytes = recording();
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      for (let i = 0; i < bytes.length; i += 5) c.enqueue(bytes.subarray(i, i + 5));
      c.close();
    },
  });
  const lines: string[] = [];
  for await (const line of decodeRecording(stream, { decodeFds: "all" })) lines.push(line);
  assertEquals(lines, ["close(3)                                = 0"]);
});

Deno.test("a truncated recording ends in a RecordingError naming its offset", async () => {
  const bytes = recording();
  let error: unknown;
  try {
    for await (const _ of decodeRecording(bytes.subarray(0, bytes.length - 8)));
  } catch (e) {
    error = e;
  }
  if (!(error instanceof RecordingError)) throw new Error(`expected a RecordingError, got ${error}`);
  assertEquals(error.offset, bytes.length - 48);
});
