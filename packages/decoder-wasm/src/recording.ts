/**
 * decodeRecording: a `tstrace --record` file to strace's text lines, in Node, Deno or a browser.
 * The header and the record framing are read with @tstrace/core/recording (the format's one
 * source); the records themselves go to the same decoder as a live trace.
 */
import {
  decodeRecordingHeader,
  FILE_HEADER_ARCH_OFFSET,
  RecordingError,
  type RecordingHeader,
  recordingLacks,
  wholeRecords,
} from "@tstrace/core/recording";
import { createDecoder, type DecoderOptions } from "./index.js";

export { RecordingError, type RecordingHeader } from "@tstrace/core/recording";

/** A WHATWG ReadableStream, as far as this module uses one (no DOM types needed). */
export interface ReadableStreamLike<T> {
  getReader(): {
    read(): Promise<{ done: boolean; value?: T | undefined }>;
    releaseLock(): void;
  };
}

/** Where a recording's bytes come from. */
export type RecordingSource =
  | Uint8Array
  | ArrayBuffer
  | ReadableStreamLike<Uint8Array>
  | AsyncIterable<Uint8Array>
  | Iterable<Uint8Array>;

/** Options for {@link decodeRecording}: the decoder's, plus a look at the header. */
export interface DecodeRecordingOptions extends DecoderOptions {
  /** Called once with the recording's header, before the first line. */
  onHeader?: (header: RecordingHeader) => void;
}

async function* chunks(source: RecordingSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) yield source;
  else if (source instanceof ArrayBuffer) yield new Uint8Array(source);
  else if (typeof (source as ReadableStreamLike<Uint8Array>).getReader === "function") {
    // Not every browser makes ReadableStream async-iterable: read it by hand.
    const reader = (source as ReadableStreamLike<Uint8Array>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        if (value) yield value;
      }
    } finally {
      reader.releaseLock();
    }
  } else yield* source as AsyncIterable<Uint8Array>;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * Decodes a recording to strace's text, one line at a time (without its newline), as the bytes
 * arrive. `options` are the decoder's; those that need data the recording lacks (a larger `-s`,
 * fd details, -v, whole-buffer dumps) are refused with an Error before any line. A recording
 * made with `-e trace=` prints that set unless `options.syscalls` narrows it.
 *
 * A truncated or corrupt recording, a wrong magic, a newer format version or an unknown
 * architecture: every line before the damage is yielded, then the iterator throws a
 * {@link RecordingError} whose `offset` is the damaged byte.
 */
export async function* decodeRecording(
  source: RecordingSource,
  options: DecodeRecordingOptions = {},
): AsyncGenerator<string, void, undefined> {
  const { onHeader, ...decoderOptions } = options;
  const text = new TextDecoder("utf-8");
  let pending: Uint8Array = new Uint8Array(0);
  /** File offset of pending[0]. */
  let base = 0;
  let header: RecordingHeader | undefined;
  let decoder: Awaited<ReturnType<typeof createDecoder>> | undefined;
  let partialLine = "";

  function* lines(bytes: Uint8Array): Generator<string> {
    const parts = (partialLine + text.decode(bytes)).split("\n");
    partialLine = parts.pop() as string;
    yield* parts;
  }
  async function start(h: RecordingHeader): Promise<void> {
    if (h.arch === undefined)
      throw new RecordingError(
        `recording of an unknown architecture (AUDIT_ARCH 0x${h.auditArch.toString(16)})`,
        FILE_HEADER_ARCH_OFFSET,
      );
    const lacks = recordingLacks(h, {
      ...(decoderOptions.strsize !== undefined ? { strsize: decoderOptions.strsize } : {}),
      decodeFds:
        typeof decoderOptions.decodeFds === "string"
          ? decoderOptions.decodeFds
          : decoderOptions.decodeFds?.length
            ? "all"
            : "none",
      verbose: decoderOptions.verbose ?? false,
      dumpIo: {
        read: decoderOptions.readDumps !== undefined,
        write: decoderOptions.writeDumps !== undefined,
      },
      ...(decoderOptions.syscalls ? { syscalls: toSet(decoderOptions.syscalls) } : {}),
    });
    if (lacks) throw new Error(lacks);
    onHeader?.(h);
    decoder = await createDecoder({
      ...(h.syscalls && !decoderOptions.syscalls ? { syscalls: h.syscalls } : {}),
      ...decoderOptions,
    });
  }
  /** Decodes pending's whole records; returns the damage, if any. */
  function* feed(final: boolean): Generator<string, RecordingError | undefined> {
    const { length, error } = wholeRecords(pending, base, final);
    if (length > 0) {
      const d = decoder as NonNullable<typeof decoder>;
      yield* lines(d.decode(pending.subarray(0, length)));
      const bad = d.lastError;
      if (bad) return new RecordingError(`corrupt recording: ${bad.message}`, base + bad.offset);
    }
    base += length;
    pending = pending.subarray(length);
    return error;
  }

  for await (const chunk of chunks(source)) {
    pending = concat(pending, chunk);
    if (!header) {
      const got = decodeRecordingHeader(pending, false);
      if (!got) continue;
      header = got.header;
      await start(header);
      pending = pending.subarray(got.end);
      base = got.end;
    }
    const damage = yield* feed(false);
    if (damage) return yield* fail(damage);
  }
  if (!header) {
    const got = decodeRecordingHeader(pending, true);
    // A whole header and nothing after it: an empty trace.
    header = (got as NonNullable<typeof got>).header;
    await start(header);
    pending = pending.subarray((got as NonNullable<typeof got>).end);
    base = (got as NonNullable<typeof got>).end;
  }
  const damage = yield* feed(true);
  if (damage) return yield* fail(damage);
  yield* lines((decoder as NonNullable<typeof decoder>).finish());
  if (partialLine) yield partialLine;

  function* fail(error: RecordingError): Generator<string, void> {
    // Lines of calls the damage cut off still print, as at the end of a live trace.
    if (decoder) yield* lines(decoder.finish());
    if (partialLine) yield partialLine;
    throw error;
  }
}

function toSet(s: Iterable<number>): ReadonlySet<number> {
  return s instanceof Set ? s : new Set(s);
}
