// Builds what @tstrace/cli ships, the one form it ships in: src/bin.ts (the bin's dist/tstrace-main.mjs,
// loaded by dist/tstrace.mjs)
// and src/index.ts (the library entry, dist/index.js) bundled with what they import from
// @tstrace/core and @tstrace/decoder-wasm, sharing one chunk, plus the decoder's dist/decoder.wasm
// copied beside them (the decoder loads it by URL relative to its own code: `../dist/decoder.wasm`
// from any file of dist/). Types come from `tsc --emitDeclarationOnly`.
//
// Why a bundle: Node resolves, reads and links ES modules one by one at start-up; for the ~40
// modules of the command that is ~20-30 ms of every `tstrace` run. And an install then needs no
// copy of core or of the decoder package. @tstrace/native stays external: it loads its addon from
// its own optional platform package.
//
// Two builds, not one with two entries: shared between the bin and the library entry, esbuild
// splits the code into many small chunks, and Node pays per module file at every start. Built on
// its own, the bin is one chunk for a trace's start-up (everything bin.ts imports statically),
// and a chunk per part loaded only when a run needs it (`import()`: --replay with every
// architecture's table, i386 for -e names of another personality, the tracing pipeline).
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
for (const file of readdirSync(dist))
  if (/\.([cm]?js|map)$/.test(file) || file === "decoder.wasm" || file === "decoder-tables.bin")
    rmSync(join(dist, file));
rmSync(join(dist, "data"), { recursive: true, force: true });

// node:fs through require(), not its ES module face: importing that evaluates every lazy export
// (the stream classes, fs.promises), a few ms of every start-up for nothing tstrace uses. The
// shim re-exports node:fs's plain (non-getter) exports by name.
const fsNames = Object.entries(Object.getOwnPropertyDescriptors(createRequire(import.meta.url)("node:fs")))
  .filter(([name, d]) => "value" in d && /^[A-Za-z_$][\w$]*$/.test(name))
  .map(([name]) => name);
const fsShim = {
  name: "fs-through-require",
  setup(b) {
    b.onResolve({ filter: /^(node:)?fs$/ }, () => ({ path: "node:fs", namespace: "fs-shim" }));
    b.onLoad({ filter: /.*/, namespace: "fs-shim" }, () => ({
      contents: `import { createRequire } from "node:module";\nconst fs = createRequire(import.meta.url)("node:fs");\nexport const { ${fsNames.join(", ")} } = fs;\nexport default fs;\n`,
      loader: "js",
    }));
  },
};

// Core's x86_64 table as the JSON of the table core builds (buildTable over its generated rows,
// run here, at bundle time): JSON.parse of it costs a fraction of building it at every start, and
// build-table's data (kind rules, classes, structs) then loads only for another architecture.
const coreRequire = createRequire(join(root, "package.json"));
const x86Path = coreRequire.resolve("@tstrace/core/x86_64");
const coreDist = dirname(x86Path);
const { x86_64 } = await import(pathToFileURL(x86Path).href);
const prebuiltX86 = {
  name: "prebuilt-x86_64-table",
  setup(b) {
    b.onLoad({ filter: /[\\/]core[\\/]dist[\\/]x86_64\.js$/ }, (args) =>
      args.path !== x86Path
        ? undefined
        : {
            contents: `export { syscallByName, syscallByNr } from "./lookup.js";\nexport const x86_64 = JSON.parse(${JSON.stringify(JSON.stringify(x86_64))});\n`,
            resolveDir: dirname(x86Path),
            loader: "js",
          },
    );
  },
};

// The capture plan of a default run (`tstrace cmd`), as the CLI's own capturePlanFor makes it from
// parseArgs' defaults, compiled here once: src/prebuilt-plan.ts becomes that plan in the bin, which
// then skips compiling it at every start (capturePlanFor uses it only for those options).
const planProbe = await build({
  stdin: {
    contents: `import { parseArgs } from "./src/args.ts";\nimport { capturePlanFor } from "./src/capture-plan-for.ts";\nexport const plan = await capturePlanFor(parseArgs(["true"]), undefined, undefined);\n`,
    resolveDir: root,
    loader: "ts",
  },
  plugins: [fsShim, prebuiltX86],
  bundle: true,
  write: false,
  platform: "node",
  format: "esm",
  external: ["@tstrace/native"],
  logLevel: "warning",
});
const { plan: defaultPlan } = await import(
  `data:text/javascript;base64,${Buffer.from(planProbe.outputFiles[0].text).toString("base64")}`
);
const prebuiltPlan = {
  name: "prebuilt-default-plan",
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]prebuilt-plan\.ts$/ }, () => ({
      contents: `export const prebuiltDefaultPlan = new Uint32Array([${defaultPlan.join(",")}]);\n`,
      loader: "js",
    }));
  },
};

// Core's generated data modules (syscall rows, constant and ioctl tables, errnos, layouts) as
// JSON.parse of their values, computed here: V8 scans a string literal and parses JSON several
// times faster than it parses and runs the same data written as object literals, which every
// start-up otherwise pays (and preparses the lazily loaded ones). A module whose exports are not
// plain JSON data (a function, -0, NaN, undefined...) is bundled as written.
const dataFilter =
  /[\\/]core[\\/]dist[\\/](generated[\\/][\w-]+|(ioctls|layouts)[\\/][\w-]+\.generated)\.js$/;
/** A data module's exports as JSON texts by name; undefined if one is not plain JSON data. */
async function exportsAsJson(path) {
  const mod = await import(pathToFileURL(path).href);
  const texts = {};
  for (const [name, value] of Object.entries(mod)) {
    const json = name === "default" ? undefined : JSON.stringify(value);
    if (json === undefined || !isDeepStrictEqual(JSON.parse(json), value)) return undefined;
    texts[name] = json;
  }
  return texts;
}
const dataAsJson = {
  name: "data-as-json",
  setup(b) {
    b.onLoad({ filter: dataFilter }, async (args) => {
      const texts = await exportsAsJson(args.path);
      if (texts === undefined) return undefined;
      const lines = Object.entries(texts).map(
        ([name, json]) => `export const ${name} = JSON.parse(${JSON.stringify(json)});`,
      );
      return { contents: `${lines.join("\n")}\n`, loader: "js" };
    });
  },
};
// In the bin, the larger data modules (other architectures' rows, constant, ioctl and struct
// tables: ~540 KB) as files beside it, dist/data/*.json, read when the module is first used: a run
// that needs none of them (a trace with the prebuilt capture plan) then does not read them with
// the bundle at every start (its code comes from the compile cache, its source is read whole).
const DATA_FILE_MIN = 16 * 1024;
const dataAsFiles = {
  name: "data-as-files",
  setup(b) {
    b.onLoad({ filter: dataFilter }, async (args) => {
      const texts = await exportsAsJson(args.path);
      if (texts === undefined) return undefined;
      const size = Object.values(texts).reduce((n, json) => n + json.length, 0);
      if (size < DATA_FILE_MIN) {
        const lines = Object.entries(texts).map(
          ([name, json]) => `export const ${name} = JSON.parse(${JSON.stringify(json)});`,
        );
        return { contents: `${lines.join("\n")}\n`, loader: "js" };
      }
      const file = `${relative(coreDist, args.path).replace(/\.js$/, "").replaceAll(/[\\/]/g, "-")}.json`;
      mkdirSync(join(dist, "data"), { recursive: true });
      writeFileSync(
        join(dist, "data", file),
        `{${Object.entries(texts)
          .map(([name, json]) => `${JSON.stringify(name)}:${json}`)
          .join(",")}}`,
      );
      const names = Object.keys(texts);
      return {
        contents: `import { readFileSync } from "node:fs";\nconst data = JSON.parse(readFileSync(new URL(${JSON.stringify(`./data/${file}`)}, import.meta.url), "utf8"));\n${names.map((name) => `export const ${name} = data.${name};`).join("\n")}\n`,
        loader: "js",
      };
    });
  },
};

// The decoder's default tables (x86_64's syscalls, constants, errnos...: ~390 KB) as a file beside
// the bundle, dist/decoder-tables.bin, read whole at start-up, instead of the decoder's own
// default-tables.js, which embeds them as base64: V8 scans that 520 KB string while compiling the
// bundle and Buffer decodes it at every start (~3 ms of CPU together; a read costs ~0.1 ms).
const defaultTablesPath = join(
  dirname(coreRequire.resolve("@tstrace/decoder-wasm/package.json")),
  "dist",
  "default-tables.js",
);
const { defaultTables } = await import(pathToFileURL(defaultTablesPath).href);
const tablesAsFile = {
  name: "decoder-tables-as-file",
  setup(b) {
    b.onLoad({ filter: /[\\/]decoder-wasm[\\/]dist[\\/]default-tables\.js$/ }, () => ({
      contents: `import { readFileSync } from "node:fs";\n/** encodeTables() of core's x86_64 tables, written beside the bundle by scripts/bundle.mjs. */\nconst b = readFileSync(new URL("./decoder-tables.bin", import.meta.url));\nexport const defaultTables = new Uint8Array(b.buffer, b.byteOffset, b.length);\n`,
      loader: "js",
    }));
  },
};

const common = {
  plugins: [fsShim, prebuiltX86, dataAsJson, tablesAsFile],
  outdir: dist,
  outExtension: { ".js": ".mjs" },
  entryNames: "[name]",
  chunkNames: "shared-[hash]",
  bundle: true,
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["@tstrace/native"],
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  logLevel: "warning",
};
// The bin: dist/tstrace-main.cjs is src/bin.ts and everything it needs, @tstrace/native's
// JavaScript included, as one CommonJS file, which dist/tstrace.cjs (src/launch-node.ts, the
// Node entry) runs through V8's code cache (src/compile-cache.ts: Node 20 caches no ES module's
// code) and dist/tstrace.mjs (src/launch.ts: Deno's permission check) runs under Deno. CommonJS
// all the way under Node: Node's ES module loader alone costs several ms of every start.
// import() of its own modules becomes a require, each import.meta.url the file's own URL.
const nativeIndex = coreRequire.resolve("@tstrace/native");
const nativeEntry = relative(join(dirname(coreRequire.resolve("@tstrace/native/package.json"))), nativeIndex);
// @tstrace/native's JavaScript is bundled, its addon is not: its import.meta.url becomes the URL
// of its entry in the @tstrace/native installed beside the cli (src/native-location.ts; the version
// this bundle was built from: package.json pins it exactly), from where it finds its platform
// package's addon as it always does.
const nativeInside = {
  name: "native-inside",
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, (args) =>
      args.path !== nativeIndex
        ? undefined
        : {
            contents: `import { nativeEntryUrl } from ${JSON.stringify(join(root, "src", "native-location.ts"))};\nconst __nativeUrl = nativeEntryUrl(__filename, ${JSON.stringify(nativeEntry)});\n${readFileSync(args.path, "utf8").replaceAll("import.meta.url", "__nativeUrl")}`,
            resolveDir: dirname(args.path),
            loader: "js",
          },
    );
  },
};
// CommonJS needs no node:fs shim: a require()d module's exports are read where they are used.
await build({
  ...common,
  plugins: [prebuiltX86, dataAsFiles, tablesAsFile, prebuiltPlan, nativeInside],
  entryPoints: { "tstrace-main": join(root, "src/bin.ts") },
  splitting: false,
  format: "cjs",
  outExtension: { ".js": ".cjs" },
  external: [],
  supported: { "dynamic-import": false },
  define: { "import.meta.url": "__moduleUrl" },
  banner: { js: '"use strict";const __moduleUrl=require("node:url").pathToFileURL(__filename).href;' },
});
// The cache's key (compile-cache.ts): V8 checks cached code against the source's length only.
const mainHash = createHash("sha256")
  .update(readFileSync(join(dist, "tstrace-main.cjs")))
  .digest("hex")
  .slice(0, 16);
await build({
  ...common,
  entryPoints: { tstrace: join(root, "src/launch-node.ts") },
  splitting: false,
  format: "cjs",
  outExtension: { ".js": ".cjs" },
  define: { TSTRACE_MAIN_HASH: JSON.stringify(mainHash) },
});
await build({ ...common, entryPoints: { tstrace: join(root, "src/launch.ts") }, splitting: false });
await build({ ...common, entryPoints: { index: join(root, "src/index.ts") }, chunkNames: "lib-[hash]" });

const require = createRequire(join(root, "package.json"));
const decoderDist = join(dirname(require.resolve("@tstrace/decoder-wasm/package.json")), "dist");
copyFileSync(join(decoderDist, "decoder.wasm"), join(dist, "decoder.wasm"));
writeFileSync(join(dist, "decoder-tables.bin"), defaultTables);
