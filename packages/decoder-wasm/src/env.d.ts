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
declare namespace WebAssembly {
  interface Memory {
    readonly buffer: ArrayBuffer;
  }
  interface Exports {
    readonly [name: string]: unknown;
  }
  interface Instance {
    readonly exports: Exports;
  }
  interface WebAssemblyInstantiatedSource {
    readonly instance: Instance;
  }
  class Module {
    constructor(bytes: Uint8Array);
  }
  function instantiate(bytes: Uint8Array, imports?: object): Promise<WebAssemblyInstantiatedSource>;
  function instantiate(module: Module, imports?: object): Promise<Instance>;
  function compile(bytes: Uint8Array): Promise<Module>;
}
