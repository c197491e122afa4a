/** Types of sample-file.mjs (the playground's sample-trace writer). */
export declare const SAMPLE_MAGIC: "tssample";
export declare const SAMPLE_FORMAT_VERSION: 1;
export declare function encodeSample(
  meta: Record<string, unknown>,
  batches: readonly Uint8Array[],
): Uint8Array;
