/**
 * -ff -o FILE / --output-separately: one FILE.PID per traced thread, each with its own decoder so
 * per-pid state (open lines) never mixes. A batch is cut into runs of consecutive records of one
 * pid (subarrays, no copies) and each run goes to that pid's decoder. Decoders are created
 * asynchronously (WebAssembly instantiation), so a small pool is kept warm; a pid that appears when
 * the pool is empty has its runs copied and queued until its decoder is ready.
 */

import { writeSync } from "node:fs";
import { RecordHeader, RecordType } from "@tstrace/core/record-format";
import type { Decoder, DecoderOptions } from "@tstrace/decoder-wasm";
import { createDecoder } from "@tstrace/decoder-wasm";
import { forEachPidRun } from "./record-filter.js";
import { forEachRecord } from "./record-walk.js";
import { openSink, type Sink } from "./sink.js";

/** Linux's PATH_MAX, and the room strace keeps for `.PID` (sizeof(int) * 3 bytes). */
const PATH_MAX = 4096;
const PID_SUFFIX_ROOM = 12;

/** A run of records for one pid's decoder; `handOver` marks an EXEC that ends a former thread. */
interface Run {
  readonly bytes: Uint8Array;
  readonly handOver: boolean;
  /** -r's clock when a queued run arrived (it is decoded later, out of order). */
  readonly relativeBase?: bigint | null;
}

interface PidOutput {
  decoder: Decoder | null;
  queued: Run[];
  sink: Sink;
  ready: Promise<void>;
}

const POOL_SIZE = 4;

export class SeparateOutputs {
  readonly #base: string;
  readonly #append: boolean;
  readonly #options: DecoderOptions;
  readonly #pool: Decoder[] = [];
  #filling: Promise<void> = Promise.resolve();
  readonly #outputs = new Map<number, PidOutput>();
  /** -r's last line time: strace keeps one clock for all the files. */
  #relativeBase: bigint | null = null;
  /** The trace's first record time: --json's `rel_ns` counts from it in every file. */
  #start: bigint | null = null;

  private constructor(base: string, append: boolean, options: DecoderOptions) {
    this.#base = base;
    this.#append = append;
    this.#options = options;
  }

  static async create(base: string, append: boolean, options: DecoderOptions): Promise<SeparateOutputs> {
    // strace 6.1 refuses a base name that leaves no room for `.PID` in PATH_MAX (4096) bytes,
    // before the command starts.
    if (Buffer.byteLength(base) >= PATH_MAX - PID_SUFFIX_ROOM) throw new Error(`${base}: File name too long`);
    const s = new SeparateOutputs(base, append, { ...options, pidPrefix: "none" });
    await s.#refill();
    return s;
  }

  #refill(): Promise<void> {
    this.#filling = this.#filling.then(async () => {
      while (this.#pool.length < POOL_SIZE) this.#pool.push(await createDecoder(this.#options));
    });
    return this.#filling;
  }

  #outputFor(pid: number): PidOutput {
    let out = this.#outputs.get(pid);
    if (out !== undefined) return out;
    const sink = openSink(`${this.#base}.${pid}`, this.#append);
    const pooled = this.#pool.pop();
    if (pooled !== undefined) {
      out = { decoder: pooled, queued: [], sink, ready: Promise.resolve() };
    } else {
      const pending: PidOutput = { decoder: null, queued: [], sink, ready: Promise.resolve() };
      pending.ready = createDecoder(this.#options).then((d) => {
        pending.decoder = d;
        for (const run of pending.queued) sink.write(this.#decode(d, run));
        pending.queued = [];
      });
      out = pending;
    }
    this.#outputs.set(pid, out);
    if (this.#pool.length < POOL_SIZE / 2) void this.#refill();
    return out;
  }

  /**
   * Routes one (already filtered) batch. Returns a promise while a pid's decoder is still being
   * made and its runs wait in memory: the caller waits for it before taking more.
   */
  write(batch: Uint8Array): Promise<void> | undefined {
    this.#start ??= firstRecordTime(batch);
    forEachPidRun(batch, (pid, start, end) => {
      this.#deliver(pid, { bytes: batch.subarray(start, end), handOver: false });
      for (const exec of handOvers(batch, start, end))
        if (exec.former !== pid && this.#outputs.has(exec.former))
          this.#deliver(exec.former, { bytes: exec.record, handOver: true });
    });
    const waiting = [...this.#outputs.values()].filter((o) => o.decoder === null).map((o) => o.ready);
    return waiting.length > 0 ? Promise.all(waiting).then(() => {}) : undefined;
  }

  #deliver(pid: number, run: Run): void {
    const out = this.#outputFor(pid);
    if (out.decoder !== null && out.queued.length === 0) out.sink.write(this.#decode(out.decoder, run));
    else {
      out.queued.push({ bytes: run.bytes.slice(), handOver: run.handOver, relativeBase: this.#relativeBase });
      // Its last line's time is known only once decoded; its last record's is as good a guess.
      this.#relativeBase = lastRecordTime(run.bytes) ?? this.#relativeBase;
    }
  }

  #decode(decoder: Decoder, run: Run): Uint8Array {
    decoder.traceStart = this.#start;
    const queued = run.relativeBase !== undefined;
    decoder.relativeBase = queued ? (run.relativeBase ?? null) : this.#relativeBase;
    const text = decodeRun(decoder, run);
    const warned = decoder.takeWarnings();
    if (warned) writeSync(2, warned);
    if (!queued) this.#relativeBase = decoder.relativeBase;
    return text;
  }

  /** Finishes every decoder and closes every file. */
  async close(): Promise<void> {
    for (const out of this.#outputs.values()) {
      await out.ready;
      if (out.decoder !== null) out.sink.write(out.decoder.finish());
      await out.sink.close();
    }
  }
}

/**
 * strace's -ff writes a non-leader thread's execve in three files' worth of places: the thread's
 * own file gets its open line ended with ` <pid changed to LEADER ...>`, the leader's file the
 * `+++ superseded by execve in pid THREAD +++` line and what follows. The thread's decoder is
 * given the EXEC too, for that ending; the superseded line it also prints is the leader's, so it
 * is cut off here.
 */
function decodeRun(decoder: Decoder, run: Run): Uint8Array {
  // Written out at once (the file sinks are synchronous), so the decoder's own memory will do.
  const text = decoder.decodeTransient(run.bytes);
  if (!run.handOver) return text;
  const lastLineStart = text.lastIndexOf(0x0a, text.length - 2) + 1;
  return text.subarray(0, lastLineStart);
}

/** The header time of the last whole record of a run, or null for none. */
function firstRecordTime(batch: Uint8Array): bigint | null {
  let first: bigint | null = null;
  forEachRecord(batch, (view, at) => {
    first ??= view.getBigUint64(at + RecordHeader.timeNs, true);
  });
  return first;
}

function lastRecordTime(run: Uint8Array): bigint | null {
  let last: bigint | null = null;
  forEachRecord(run, (view, at) => {
    last = view.getBigUint64(at + RecordHeader.timeNs, true);
  });
  return last;
}

/** The EXEC records among one pid's run, each with the thread id it reports as former. */
function handOvers(batch: Uint8Array, start: number, end: number): { former: number; record: Uint8Array }[] {
  const found: { former: number; record: Uint8Array }[] = [];
  forEachRecord(
    batch,
    (view, at, size) => {
      if (view.getUint16(at + RecordHeader.type, true) === RecordType.EXEC && size >= RecordHeader.length + 4)
        found.push({
          former: view.getUint32(at + RecordHeader.length, true),
          record: batch.subarray(at, at + size),
        });
    },
    start,
    end,
  );
  return found;
}
