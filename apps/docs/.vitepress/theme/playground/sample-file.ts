/**
 * Reads a trace file for the playground: a recording (`tstrace --record`, its header read by
 * @tstrace/core/recording, the format's one source), or a bare record stream (records of the
 * documented format, back to back).
 */
import { RecordHeader } from "@tstrace/core/record-format";
import { decodeRecordingHeader, RECORDING_MAGIC, wholeRecords } from "@tstrace/core/recording";

/** What the playground knows of a trace beyond its records. */
export interface SampleMeta {
  readonly title?: string;
  readonly argv?: readonly string[];
  readonly arch?: string;
  readonly followForks?: boolean;
  /** The -s the recording holds data for. */
  readonly strsize?: number;
}

/** A trace to decode: its metadata and its records. */
export interface LoadedTrace {
  readonly meta: SampleMeta;
  readonly records: Uint8Array;
}

/**
 * Parses a file's bytes; throws a one-line Error (naming the byte offset of any damage) when they
 * are neither a recording nor records. A damaged recording keeps the records before the damage.
 */
export function readTraceFile(bytes: Uint8Array): LoadedTrace {
  if (bytes.length >= RECORDING_MAGIC.length && RECORDING_MAGIC.every((b, i) => bytes[i] === b)) {
    const got = decodeRecordingHeader(bytes, true);
    const { header, end } = got as NonNullable<typeof got>;
    const rest = bytes.subarray(end);
    const { length } = wholeRecords(rest, end, true);
    return {
      meta: {
        ...(header.arch ? { arch: header.arch } : {}),
        followForks: header.follow,
        strsize: header.strsize,
      },
      records: rest.subarray(0, length),
    };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = bytes.length >= RecordHeader.length ? view.getUint32(RecordHeader.size, true) : 0;
  if (size < RecordHeader.length || size % 8 !== 0 || size > bytes.length)
    throw new Error("not a tstrace recording or record stream (no recording header, no valid first record)");
  return { meta: {}, records: bytes };
}
