// Type of dist/wasm-bytes.js, which scripts/build.mjs generates.
/** The compiled decoder (dist/decoder.wasm) as bytes. */
export declare const wasmBytes: Uint8Array;
