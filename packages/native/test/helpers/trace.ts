import { type SpawnOptions, spawnTraced, type TraceResult } from "../../src/index.ts";
import { type ParsedRecord, parseRecords } from "./records.ts";

export interface Traced {
  result: TraceResult;
  batches: Uint8Array[];
  records: ParsedRecord[];
}

/** Runs one trace to the end, keeping every batch. */
export async function trace(
  options: SpawnOptions,
  onRecords?: (records: ParsedRecord[], pid: number) => void,
): Promise<Traced> {
  const batches: Uint8Array[] = [];
  let pid = 0;
  const session = spawnTraced(options, (batch) => {
    batches.push(batch);
    onRecords?.(parseRecords(batch), pid);
  });
  pid = session.pid;
  const result = await session.done;
  const records = batches.flatMap((b) => parseRecords(b));
  return { result, batches, records };
}

/**
 * Like {@link trace}, but a trace that has not ended after `ms` is a hang: its tracees are killed
 * and the promise rejects saying so (a stress test's per-iteration watchdog, so a hang fails fast
 * and by name instead of running into the test's timeout).
 */
export async function traceWithin(options: SpawnOptions, ms: number, what: string): Promise<Traced> {
  const batches: Uint8Array[] = [];
  const session = spawnTraced(options, (batch) => batches.push(batch));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watchdog = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      session.kill();
      reject(new Error(`${what}: the trace did not end within ${ms} ms (a hang)`));
    }, ms);
  });
  try {
    const result = await Promise.race([session.done, watchdog]);
    return { result, batches, records: batches.flatMap((b) => parseRecords(b)) };
  } finally {
    clearTimeout(timer);
  }
}
