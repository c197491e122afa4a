// The few host APIs this package uses, declared without lib "DOM" or @types/node: every target
// (Node >= 20, Deno, browsers, bundlers) provides them as globals. Not emitted; not part of the API.
declare function atob(data: string): string;
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
declare class URL {
  constructor(url: string | URL, base?: string | URL);
  readonly href: string;
  readonly protocol: string;
}
interface ImportMeta {
  readonly url: string;
}
interface Headers {
  get(name: string): string | null;
}
interface Response {
  readonly ok: boolean;
  readonly status: number;
  readonly url: string;
  readonly headers: Headers;
  arrayBuffer(): Promise<ArrayBuffer>;
}
declare function fetch(input: URL | string): Promise<Response>;
declare namespace WebAssembly {
  interface Memory {
    readonly buffer: ArrayBuffer;
  }
  interface Exports {
    readonly [name: string]: unknown;
  }
  class Instance {
    constructor(module: Module, imports?: object);
    readonly exports: Exports;
  }
  class Module {
    constructor(bytes: Uint8Array);
  }
  function compile(bytes: Uint8Array | ArrayBuffer): Promise<Module>;
  function compileStreaming(source: Response | Promise<Response>): Promise<Module>;
}
/** Node's Buffer, where there is one (not in Deno or browsers): test `typeof Buffer` before use. */
declare const Buffer:
  | undefined
  | {
      from(buffer: ArrayBuffer, byteOffset: number, length: number): { toString(encoding: "latin1"): string };
    };
