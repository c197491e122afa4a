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
