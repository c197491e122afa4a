// Bundles the tstrace command (dist/bin.js and what it imports from core and decoder-wasm) into
// one ESM file, dist/tstrace.mjs, the package's bin. Why: Node resolves, reads and links ES
// modules one by one at start-up; for the ~40 modules of the command that is ~20-30 ms of every
// `tstrace` run. @tstrace/native stays external: it locates its prebuilt addon relative to its
// own package. The modules in dist/ remain the library entry (index.js).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
await build({
  entryPoints: [join(root, "dist/bin.js")],
  outfile: join(root, "dist/tstrace.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["@tstrace/native"],
  logLevel: "warning",
});
