/**
 * Loads the WebAssembly module from the bytes embedded in wasm-bytes.js (no fs, no fetch: the same
 * code path in Node, Deno, bundlers and browsers) and wraps its exports with typed accessors.
 * Internal: not re-exported from index.ts.
 */
import { wasmBytes } from "./wasm-bytes.js";

/** The raw exports of assembly/index.ts. */
export interface DecoderExports {
  readonly memory: WebAssembly.Memory;
  alloc(len: number): number;
  input(len: number): number;
  init(p: number, len: number, strsize: number, acolumn: number, hex: number, prefix: number): number;
  outPtr(): number;
  release(n: number): void;
  errorOffset(): number;
  errorCode(): number;
  decode(len: number): number;
  finish(): number;
  quoteInput(len: number, strsize: number, hex: number, nulTerminated: number): number;
  implementedNames(which: number): number;
  lineOptions(flags: number, status: number, tz: number): void;
  attachNotice(p: number, len: number): void;
  signalSet(lo: number, hi: number): void;
  traceSet(p: number, bits: number): void;
  relativeBaseHi(): number;
  relativeBaseLo(): number;
  setRelativeBase(hi: number, lo: number): void;
  ioDumpSets(
    rMap: number,
    rBits: number,
    rBeyond: number,
    wMap: number,
    wBits: number,
    wBeyond: number,
  ): void;
}

let compiled: Promise<WebAssembly.Module> | undefined;

/** A fresh instance (each decoder owns its memory and per-pid state). */
export async function instantiate(): Promise<DecoderExports> {
  compiled ??= WebAssembly.compile(wasmBytes);
  const module = await compiled;
  const imports = {
    env: {
      abort(): never {
        throw new Error("@tstrace/decoder-wasm: internal abort (out of memory?)");
      },
    },
  };
  const instance = await WebAssembly.instantiate(module, imports);
  return instance.exports as unknown as DecoderExports;
}

/** Copies `bytes` into the instance's input area and returns its length. */
export function writeInput(ex: DecoderExports, bytes: Uint8Array): number {
  const p = ex.input(bytes.length);
  new Uint8Array(ex.memory.buffer, p, bytes.length).set(bytes);
  return bytes.length;
}

/** A fresh copy of `n` output bytes. */
export function readOutput(ex: DecoderExports, n: number): Uint8Array {
  return new Uint8Array(ex.memory.buffer, ex.outPtr(), n).slice();
}
