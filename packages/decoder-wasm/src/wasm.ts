/**
 * Loads the WebAssembly module once, from its own file (dist/decoder.wasm) by URL: read from disk
 * in Node, fetched elsewhere (Deno, browsers; bundlers that understand `new URL(…,
 * import.meta.url)` emit it as an asset). Callers may hand in the bytes, a URL or a compiled
 * module instead. After init(), instances are created synchronously. Internal: index.ts
 * re-exports init and the WasmSource type only.
 */

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
  warnings(p: number, len: number, inline: number): void;
  warningsPtr(): number;
  warningsLength(): number;
  clearWarnings(): void;
  interfaceNames(p: number, len: number): void;
  signalSet(lo: number, hi: number): void;
  traceSet(p: number, bits: number): void;
  styleMap(p: number, count: number): void;
  relativeBaseHi(): number;
  relativeBaseLo(): number;
  setRelativeBase(hi: number, lo: number): void;
  jsonBaseHi(): number;
  jsonBaseLo(): number;
  setJsonBase(hi: number, lo: number): void;
  ioDumpSets(
    rMap: number,
    rBits: number,
    rBeyond: number,
    wMap: number,
    wBits: number,
    wBeyond: number,
  ): void;
}

/**
 * Where {@link init} gets the decoder's WebAssembly from: a URL (or its string) of
 * `decoder.wasm`, a fetch Response (or its promise), the file's bytes, or a compiled module.
 */
export type WasmSource =
  | URL
  | string
  | Response
  | Promise<Response>
  | Uint8Array
  | ArrayBuffer
  | WebAssembly.Module;

/** The package's own copy, next to this module once built (dist/wasm.js → dist/decoder.wasm). */
const DEFAULT_WASM = (): URL => new URL("../dist/decoder.wasm", import.meta.url);

let compiled: WebAssembly.Module | undefined;
let compiling: Promise<void> | undefined;

/** Node's fs, without importing a Node built-in (bundlers and Deno never see one). */
function nodeFs(): { readFileSync(path: URL): Uint8Array } | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return proc?.getBuiltinModule?.("node:fs") as { readFileSync(path: URL): Uint8Array } | undefined;
}

async function compile(source: WasmSource): Promise<WebAssembly.Module> {
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) return WebAssembly.compile(source);
  let response: Response | Promise<Response>;
  if (typeof source === "string" || source instanceof URL) {
    const url = new URL(source, import.meta.url);
    const fs = url.protocol === "file:" ? nodeFs() : undefined;
    if (fs !== undefined) return WebAssembly.compile(fs.readFileSync(url));
    response = fetch(url);
  } else {
    response = source;
  }
  const res = await response;
  if (!res.ok) throw new Error(`@tstrace/decoder-wasm: cannot load ${res.url}: HTTP ${res.status}`);
  // compileStreaming insists on the application/wasm content type, which not every server sends.
  if (res.headers.get("content-type") === "application/wasm") return WebAssembly.compileStreaming(res);
  return WebAssembly.compile(await res.arrayBuffer());
}

/**
 * Compiles the decoder's WebAssembly once (later calls return at once); the sync APIs
 * (createDecoderSync, quoteString) need it first. By default it loads the package's own
 * `decoder.wasm` (Node reads the file; Deno and browsers fetch it: Deno needs --allow-read for a
 * local file); pass a {@link WasmSource} where that file lives elsewhere, e.g. a bundler's asset URL.
 */
export function init(source?: WasmSource): Promise<void> {
  if (compiled !== undefined) return Promise.resolve();
  compiling ??= compile(source ?? DEFAULT_WASM()).then(
    (module) => {
      compiled = module;
    },
    (error: unknown) => {
      compiling = undefined;
      throw error;
    },
  );
  return compiling;
}

/** Whether {@link init} has completed. */
export function isInitialized(): boolean {
  return compiled !== undefined;
}

/** A fresh instance (each decoder owns its memory and per-pid state); throws before init(). */
export function instantiate(): DecoderExports {
  if (compiled === undefined)
    throw new Error("@tstrace/decoder-wasm: call `await init()` before creating a decoder or quoting");
  const imports = {
    env: {
      abort(): never {
        throw new Error("@tstrace/decoder-wasm: internal abort (out of memory?)");
      },
    },
  };
  const instance = new WebAssembly.Instance(compiled, imports);
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
