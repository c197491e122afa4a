/**
 * The playground's one use of @tstrace/decoder-wasm, the package users embed: options in, text
 * out. Kept in one place so a change of the package's loading API is a change here only.
 */
import { createDecoder, type DecoderOptions } from "@tstrace/decoder-wasm";

/** Decodes a whole record stream with `options`; returns the text and the first corruption found. */
export async function decodeAll(
  records: Uint8Array,
  options: DecoderOptions,
): Promise<{ text: string; error: string | null }> {
  const decoder = await createDecoder(options);
  const utf8 = new TextDecoder();
  const text = utf8.decode(decoder.decode(records)) + utf8.decode(decoder.finish());
  const e = decoder.lastError;
  return { text, error: e ? `corrupt record at byte ${e.offset}: ${e.message}` : null };
}
