/**
 * Reads the playground's sample-trace files (written by apps/docs/scripts/sample-file.mjs): magic
 * "tssample", u32 version, u32 metadata length, metadata JSON padded to 8, then the record stream.
 * A stand-in for recordings (`--record`), which do not exist yet; a bare record stream (records
 * of the documented format, back to back) is accepted too.
 */
import { RecordHeader } from "@tstrace/core/record-format";

export const SAMPLE_MAGIC = "tssample";
export const SAMPLE_FORMAT_VERSION = 1;

/** What a sample says about itself. */
export interface SampleMeta {
  readonly title?: string;
  readonly argv?: readonly string[];
  readonly arch?: string;
  readonly followForks?: boolean;
}

/** A trace to decode: its metadata and its records. */
export interface LoadedTrace {
  readonly meta: SampleMeta;
  readonly records: Uint8Array;
}

/** Parses a file's bytes; throws a one-line Error when they are neither a sample nor records. */
export function readTraceFile(bytes: Uint8Array): LoadedTrace {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = new TextDecoder().decode(bytes.subarray(0, 8));
  if (magic === SAMPLE_MAGIC) {
    if (bytes.length < 16) throw new Error("truncated sample header");
    const version = view.getUint32(8, true);
    if (version !== SAMPLE_FORMAT_VERSION) throw new Error(`unsupported sample version ${version}`);
    const n = view.getUint32(12, true);
    if (16 + n > bytes.length) throw new Error("truncated sample metadata");
    const meta = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + n))) as SampleMeta;
    return { meta, records: bytes.subarray(16 + n + ((8 - (n % 8)) % 8)) };
  }
  const size = bytes.length >= RecordHeader.length ? view.getUint32(RecordHeader.size, true) : 0;
  if (size < RecordHeader.length || size % 8 !== 0 || size > bytes.length)
    throw new Error('not a tstrace sample or record stream (no "tssample" header, no valid first record)');
  return { meta: {}, records: bytes };
}
