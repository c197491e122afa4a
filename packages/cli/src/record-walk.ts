/**
 * How a batch is cut into records, in one place: every pass over a batch (filters, the -c counter,
 * -ff routing, status= staging) walks it with {@link forEachRecord}.
 */
import { RecordHeader } from "@tstrace/core/record-format";

/**
 * Calls `each(view, at, size)` for every whole record of `batch` between `start` and `end`, in
 * order. Returns where the whole records end: `end`, or the start of a malformed tail (a size too
 * small, or one running past `end`).
 */
export function forEachRecord(
  batch: Uint8Array,
  each: (view: DataView, at: number, size: number) => void,
  start = 0,
  end = batch.length,
): number {
  const view = new DataView(batch.buffer, batch.byteOffset, batch.byteLength);
  let at = start;
  while (at + RecordHeader.length <= end) {
    const size = view.getUint32(at + RecordHeader.size, true);
    if (size < RecordHeader.length || at + size > end) break;
    each(view, at, size);
    at += size;
  }
  return at;
}
