/**
 * The library face of tstrace for tool authors: start a command (or attach to pids) with strace's
 * own option words, and consume the trace as an async iterator of decoded lines or of raw record
 * batches. Composes @tstrace/native (ptrace), @tstrace/core (capture plan) and
 * @tstrace/decoder-wasm (lines), exactly as the command line does.
 */

import { createDecoder, type Decoder, type JsonEvent } from "@tstrace/decoder-wasm";
import type * as native from "@tstrace/native";
import { withPersonalities } from "./arch.js";
import { parseArgs } from "./args.js";
import { decoderOptions } from "./decoder-options.js";
import { applyEnvChanges } from "./env-changes.js";
import { createPipeline } from "./pipeline.js";
import { createStackUnwinder } from "./stack-traces.js";
import { UsageError } from "./usage-error.js";

export type { TraceResult } from "@tstrace/native";

/**
 * What to trace: a command to start, running processes to attach to, or both (strace -p with a
 * command: the processes are attached once the command is started; the result is the command's).
 */
export type TraceTarget =
  | { readonly argv: readonly string[]; readonly pids?: readonly number[] }
  | { readonly pids: readonly number[]; readonly argv?: undefined };

export type TraceOptions = TraceTarget & {
  /** strace option words, as on the command line: `["-f", "-e", "trace=openat", "-s", "64"]`. */
  readonly options?: readonly string[];
  /**
   * `lines` (default): decoded text lines, without newline. `events`: each event as an object,
   * as `--json` prints it (see `JsonEvent`). `batches`: raw record batches.
   */
  readonly mode?: "lines" | "events" | "batches";
  /** Environment of a started command; default: this process's. */
  readonly env?: Readonly<Record<string, string>>;
  /** Working directory of a started command. */
  readonly cwd?: string;
};

/** A running trace. Iterate it once; the iteration ends when the trace does. */
export interface Trace<T> extends AsyncIterable<T> {
  /** The started command's pid, or (without a command) the first attached pid. */
  readonly pid: number;
  /** How the command ended (attached or let go: status 0, exitCode and signal null). */
  readonly result: Promise<native.TraceResult>;
  /** Kills every tracee (SIGKILL); the iteration then drains and ends. */
  stop(): void;
  /** Lets every tracee go, running as before; the iteration then drains and ends. */
  detach(): void;
}

/** A queue that a synchronous producer fills and one async consumer drains. */
class Channel<T> {
  readonly #items: T[] = [];
  #wake: (() => void) | undefined;
  #closed = false;
  #error: unknown;

  push(item: T): void {
    this.#items.push(item);
    this.#wake?.();
  }

  close(error?: unknown): void {
    this.#closed = true;
    this.#error = error;
    this.#wake?.();
  }

  async *drain(): AsyncGenerator<T> {
    for (;;) {
      const item = this.#items.shift();
      if (item !== undefined) {
        yield item;
        continue;
      }
      if (this.#closed) {
        if (this.#error !== undefined) throw this.#error;
        return;
      }
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
      this.#wake = undefined;
    }
  }
}

/** Splits decoded bytes into whole lines, keeping a partial tail for the next chunk. */
class LineSplitter {
  readonly #text = new TextDecoder();
  #tail = "";

  feed(bytes: Uint8Array, out: (line: string) => void): void {
    const parts = (this.#tail + this.#text.decode(bytes, { stream: true })).split("\n");
    this.#tail = parts.pop() ?? "";
    for (const line of parts) out(line);
  }

  end(out: (line: string) => void): void {
    const rest = this.#tail + this.#text.decode();
    this.#tail = "";
    if (rest !== "") out(rest);
  }
}

/**
 * Starts tracing. Rejects with a {@link UsageError} for options the library cannot honour (`-o`,
 * `-c`, `-ff`: output belongs to the caller) and with strace's message when the command cannot
 * be found or a pid cannot be attached.
 */
export function trace(options: TraceOptions & { mode: "batches" }): Promise<Trace<Uint8Array>>;
export function trace(options: TraceOptions & { mode: "events" }): Promise<Trace<JsonEvent>>;
export function trace(options: TraceOptions & { mode?: "lines" }): Promise<Trace<string>>;
export async function trace(
  options: TraceOptions,
): Promise<Trace<string> | Trace<JsonEvent> | Trace<Uint8Array>> {
  const words = [...(options.options ?? [])];
  for (const pid of options.pids ?? []) words.push("-p", String(pid));
  const cli = await withPersonalities(() => parseArgs([...words, "--", ...(options.argv ?? [])]));
  if (cli.output !== undefined || cli.summary !== undefined || cli.separately)
    throw new UsageError(
      "-o, -c/-C and -ff are not available through trace(): the caller owns the output",
      false,
    );
  const attaching = cli.pids.length > 0;
  if (!attaching && cli.command.length === 0) throw new UsageError("give argv, pids or both", false);

  const lines = options.mode !== "batches";
  const events = options.mode === "events";
  const decoder: Decoder | undefined = lines
    ? await createDecoder({ ...decoderOptions(cli), ...(events ? { json: true } : {}) })
    : undefined;
  const channel = new Channel<string | JsonEvent | Uint8Array>();
  const splitter = new LineSplitter();
  const pushLine = (line: string): void => channel.push(events ? (JSON.parse(line) as JsonEvent) : line);
  // -k: the decoder prints the frames the unwinder makes of the tracer's stack samples.
  const stacks = lines && cli.stackTraces ? createStackUnwinder() : undefined;
  // onBatch decodes at once or copies (batches mode): native frees each batch as it returns.
  const onBatch = (batch: Uint8Array): undefined => {
    if (decoder) splitter.feed(decoder.decode(stacks ? stacks.expand(batch) : batch), pushLine);
    else channel.push(batch.slice());
    return undefined;
  };
  const { session } = await createPipeline(
    cli,
    { ...commandEnv(options.env, cli.envChanges), ...(options.cwd ? { cwd: options.cwd } : {}) },
    onBatch,
  );
  const result = session.done.then(
    (r) => {
      if (decoder) {
        splitter.feed(decoder.finish(), pushLine);
        splitter.end(pushLine);
      }
      channel.close();
      return r;
    },
    (err: unknown) => {
      channel.close(err);
      throw err;
    },
  );
  // The iterator reports a failure; a caller awaiting only the iteration must not also get an
  // unhandled rejection from `result`.
  result.catch(() => {});
  const iterate = channel.drain() as AsyncGenerator<never>;
  return {
    pid: session.pid,
    result,
    stop: (): void => session.kill(),
    detach: (): void => session.detach(),
    [Symbol.asyncIterator]: () => iterate,
  };
}

/** The command's environment: `env` (default this process's) with -E's changes applied. */
function commandEnv(
  env: Readonly<Record<string, string>> | undefined,
  changes: readonly string[],
): { env?: Record<string, string> } {
  if (changes.length === 0) return env ? { env: { ...env } } : {};
  const out: Record<string, string | undefined> = { ...(env ?? process.env) };
  applyEnvChanges(out, changes);
  return { env: out as Record<string, string> };
}
