// Builds what @tstrace/cli ships, the one form it ships in: src/bin.ts (the bin's dist/tstrace.mjs)
// and src/index.ts (the library entry, dist/index.js) bundled with what they import from
// @tstrace/core and @tstrace/decoder-wasm, sharing one chunk, plus the decoder's dist/decoder.wasm
// copied beside them (the decoder loads it by URL relative to its own code: `../dist/decoder.wasm`
// from any file of dist/). Types come from `tsc --emitDeclarationOnly`.
//
// Why a bundle: Node resolves, reads and links ES modules one by one at start-up; for the ~40
// modules of the command that is ~20-30 ms of every `tstrace` run. And an install then needs no
// copy of core (all five architectures' tables) or of the decoder package: only the x86_64 table
// the CLI uses is inlined. @tstrace/native stays external: it loads its addon from its own
// optional platform package.
import { copyFileSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
for (const file of readdirSync(dist))
  if (/\.(m?js|map)$/.test(file) || file === "decoder.wasm") rmSync(join(dist, file));

await build({
  entryPoints: { tstrace: join(root, "src/launch.ts"), index: join(root, "src/index.ts") },
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
});

const require = createRequire(join(root, "package.json"));
const decoderDist = join(dirname(require.resolve("@tstrace/decoder-wasm/package.json")), "dist");
copyFileSync(join(decoderDist, "decoder.wasm"), join(dist, "decoder.wasm"));
