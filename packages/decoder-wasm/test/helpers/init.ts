// vitest setup file: compile the decoder's wasm once per test file, as an application calls
// `await init()` once before the sync APIs (quoteString, createDecoderSync).
import { init } from "../../dist/index.js";

await init();
