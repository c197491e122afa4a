// The playground's sample-trace file, written here and read by .vitepress/theme/playground/sample-file.ts.
// A stand-in for recordings (`tstrace --record`), which do not exist yet: when they do, this module
// and its reader are what to replace. Layout, little-endian:
//   8 bytes  magic "tssample"
//   u32      SAMPLE_FORMAT_VERSION
//   u32      length of the metadata JSON in bytes
//   metadata JSON (UTF-8: command, arch, record-format version, capture options), zero-padded to 8
//   the record stream: native's record batches, concatenated (each batch holds whole records)

export const SAMPLE_MAGIC = "tssample";
export const SAMPLE_FORMAT_VERSION = 1;

/** One file's bytes from its metadata and the batches spawnTraced delivered. */
export function encodeSample(meta, batches) {
  const json = new TextEncoder().encode(JSON.stringify(meta));
  const head = 16 + json.length + ((8 - (json.length % 8)) % 8);
  const body = batches.reduce((n, b) => n + b.length, 0);
  const out = new Uint8Array(head + body);
  out.set(new TextEncoder().encode(SAMPLE_MAGIC), 0);
  const view = new DataView(out.buffer);
  view.setUint32(8, SAMPLE_FORMAT_VERSION, true);
  view.setUint32(12, json.length, true);
  out.set(json, 16);
  let at = head;
  for (const b of batches) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}
