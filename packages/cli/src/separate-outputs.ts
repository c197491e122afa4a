/**
 * -ff -o FILE / --output-separately: one FILE.PID per traced thread, each with its own decoder so
 * per-pid state (open lines) never mixes. A batch is cut into runs of consecutive records of one
 * pid (subarrays, no copies) and each run goes to that pid's decoder. Decoders are created
 * asynchronously (WebAssembly instantiation), so a small pool is kept warm; a pid that appears when
 * the pool is empty has its runs copied and queued until its decoder is ready.
 */
import type { Decoder, DecoderOptions } from "@tstrace/decoder-wasm";
import { createDecoder } from "@tstrace/decoder-wasm";
import { forEachPidRun } from "./record-filter.js";
import { openSink, type Sink } from "./sink.js";

interface PidOutput {
  decoder: Decoder | null;
  queued: Uint8Array[];
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

  private constructor(base: string, append: boolean, options: DecoderOptions) {
    this.#base = base;
    this.#append = append;
    this.#options = options;
  }

  static async create(base: string, append: boolean, options: DecoderOptions): Promise<SeparateOutputs> {
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
        for (const run of pending.queued) sink.write(d.decode(run));
        pending.queued = [];
      });
      out = pending;
    }
    this.#outputs.set(pid, out);
    if (this.#pool.length < POOL_SIZE / 2) void this.#refill();
    return out;
  }

  /** Routes one (already filtered) batch. */
  write(batch: Uint8Array): void {
    forEachPidRun(batch, (pid, start, end) => {
      const out = this.#outputFor(pid);
      const run = batch.subarray(start, end);
      if (out.decoder !== null && out.queued.length === 0) out.sink.write(out.decoder.decode(run));
      else out.queued.push(run.slice());
    });
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
