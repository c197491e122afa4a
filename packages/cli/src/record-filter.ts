/**
 * Drops the records a filter does not select (syscall stops of unselected syscalls, deliveries of
 * unselected signals) from a batch, before decoding. With seccomp-bpf in the tracer this is a
 * cheap pass that keeps everything; in attach mode, or on a tracer without `traceSet`, it is the
 * filter. Records are copied only when some must go; no per-event objects are built.
 */
import { RecordHeader, RecordType, SyscallEnterBody } from "@tstrace/core/record-format";
import { forEachRecord } from "./record-walk.js";

const NR_AT = RecordHeader.length + SyscallEnterBody.nr; // same offset in ENTER and EXIT bodies
const SIGNO_AT = RecordHeader.length;

/** A bitmap with bit n set for each n of `set` (the shape native's `traceSet` takes). */
export function toBitmap(set: ReadonlySet<number>, bits = 1024): Uint8Array {
  const map = new Uint8Array(bits >> 3);
  for (const n of set) if (n >= 0 && n < bits) map[n >> 3] = (map[n >> 3] as number) | (1 << (n & 7));
  return map;
}

function has(map: Uint8Array, n: number): boolean {
  const byte = map[n >> 3];
  return byte !== undefined && (byte & (1 << (n & 7))) !== 0;
}

export type BatchFilter = (batch: Uint8Array) => Uint8Array;

/** Builds the filter; `undefined` sets mean "keep all". Returns null when nothing is filtered. */
export function recordFilter(
  syscalls: ReadonlySet<number> | undefined,
  signals: ReadonlySet<number> | undefined,
): BatchFilter | null {
  if (syscalls === undefined && signals === undefined) return null;
  const sys = syscalls && toBitmap(syscalls);
  const sig = signals && toBitmap(signals, 256);
  const keep = (view: DataView, at: number, size: number): boolean => {
    const type = view.getUint16(at + RecordHeader.type, true);
    if (sys && (type === RecordType.SYSCALL_ENTER || type === RecordType.SYSCALL_EXIT)) {
      return size >= NR_AT + 4 && has(sys, view.getUint32(at + NR_AT, true));
    }
    if (sig && type === RecordType.SIGNAL) {
      return size >= SIGNO_AT + 4 && has(sig, view.getUint32(at + SIGNO_AT, true));
    }
    return true;
  };
  return (batch) => {
    let out: Uint8Array | null = null;
    let outLen = 0;
    const end = forEachRecord(batch, (view, at, size) => {
      const kept = keep(view, at, size);
      if (!kept && out === null) {
        out = new Uint8Array(batch.length);
        out.set(batch.subarray(0, at));
        outLen = at;
      } else if (kept && out !== null) {
        out.set(batch.subarray(at, at + size), outLen);
        outLen += size;
      }
    });
    const kept = out as Uint8Array | null;
    if (kept === null) return batch;
    // A malformed tail is passed on so the decoder reports it.
    if (end < batch.length) {
      kept.set(batch.subarray(end), outLen);
      outLen += batch.length - end;
    }
    return kept.subarray(0, outLen);
  };
}

/** Calls `each(pid, start, end)` for every run of consecutive records of one pid. */
export function forEachPidRun(
  batch: Uint8Array,
  each: (pid: number, start: number, end: number) => void,
): void {
  let runPid = -1;
  let runStart = 0;
  forEachRecord(batch, (view, at) => {
    const pid = view.getUint32(at + RecordHeader.pid, true);
    if (pid !== runPid) {
      if (runPid >= 0) each(runPid, runStart, at);
      runPid = pid;
      runStart = at;
    }
  });
  if (runPid >= 0) each(runPid, runStart, batch.length);
}

/** Calls `each(pid, firstWord)` for every record of `type` in `batch`, in order. */
export function forEachOfType(
  batch: Uint8Array,
  type: number,
  each: (pid: number, firstWord: number) => void,
): void {
  forEachRecord(batch, (view, at, size) => {
    if (view.getUint16(at + RecordHeader.type, true) === type) {
      const word = size >= RecordHeader.length + 4 ? view.getUint32(at + RecordHeader.length, true) : 0;
      each(view.getUint32(at + RecordHeader.pid, true), word);
    }
  });
}

/**
 * Splits `batch` at its MESSAGE records (the tracer's words for the user, such as "exec:
 * Permission denied"), calling `records` for each run of other records and `message` for each
 * message (with its MessageFlags), in order. A batch without messages is passed on whole.
 */
export function splitAtMessages(
  batch: Uint8Array,
  records: (part: Uint8Array) => void,
  message: (text: string, flags: number) => void,
): void {
  let runStart = 0;
  forEachRecord(batch, (view, at, size) => {
    if (view.getUint16(at + RecordHeader.type, true) === RecordType.MESSAGE) {
      if (at > runStart) records(batch.subarray(runStart, at));
      const body = batch.subarray(at + RecordHeader.length, at + size);
      const end = body.indexOf(0);
      message(
        new TextDecoder().decode(end < 0 ? body : body.subarray(0, end)),
        view.getUint16(at + RecordHeader.flags, true),
      );
      runStart = at + size;
    }
  });
  if (runStart === 0) records(batch);
  else if (runStart < batch.length) records(batch.subarray(runStart));
}
