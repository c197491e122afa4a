/**
 * What the timeline and the -c chart need from a record stream: per thread, its syscalls as spans
 * (entry to exit), and when it appeared and ended. Reads records with core's layout constants.
 */
import { RecordHeader, RecordType, SyscallEnterBody, SyscallExitBody } from "@tstrace/core/record-format";

/** One syscall of one thread, from entry to exit (or to the end, when it never returned). */
export interface Span {
  readonly pid: number;
  readonly nr: number;
  /** Nanoseconds since the first record. */
  readonly start: number;
  end: number;
  error: boolean;
  returned: boolean;
}

/** One lane of the timeline. */
export interface Lane {
  readonly pid: number;
  first: number;
  last: number;
  spans: Span[];
}

/** The spans of a record stream, grouped by thread, lanes in order of appearance. */
export interface TraceModel {
  readonly lanes: Lane[];
  /** Nanoseconds from the first record to the last. */
  readonly duration: number;
}

export function traceModel(records: Uint8Array): TraceModel {
  const view = new DataView(records.buffer, records.byteOffset, records.byteLength);
  const lanes = new Map<number, Lane>();
  const open = new Map<number, Span>();
  let t0: bigint | undefined;
  let last = 0;
  for (let at = 0; at + RecordHeader.length <= records.length; ) {
    const size = view.getUint32(at + RecordHeader.size, true);
    if (size < RecordHeader.length || at + size > records.length) break;
    const type = view.getUint16(at + RecordHeader.type, true);
    const pid = view.getUint32(at + RecordHeader.pid, true);
    const time = view.getBigUint64(at + RecordHeader.timeNs, true);
    t0 ??= time;
    const t = Number(time - t0);
    last = Math.max(last, t);
    let lane = lanes.get(pid);
    if (lane === undefined) {
      lane = { pid, first: t, last: t, spans: [] };
      lanes.set(pid, lane);
    }
    lane.last = t;
    const body = at + RecordHeader.length;
    if (type === RecordType.SYSCALL_ENTER && size >= RecordHeader.length + SyscallEnterBody.length) {
      const span: Span = {
        pid,
        nr: view.getUint32(body + SyscallEnterBody.nr, true),
        start: t,
        end: t,
        error: false,
        returned: false,
      };
      lane.spans.push(span);
      open.set(pid, span);
    } else if (type === RecordType.SYSCALL_EXIT && size >= RecordHeader.length + SyscallExitBody.length) {
      const span = open.get(pid);
      if (span) {
        span.end = t;
        span.returned = true;
        span.error = view.getUint32(body + SyscallExitBody.isError, true) !== 0;
        open.delete(pid);
      }
    } else if (type === RecordType.EXIT || type === RecordType.DETACHED) {
      const span = open.get(pid);
      if (span) span.end = t;
      open.delete(pid);
    }
    at += size;
  }
  for (const span of open.values()) span.end = last;
  return { lanes: [...lanes.values()], duration: last };
}
