#!/usr/bin/env node
// Builds @tstrace/native: the addon with node-gyp (copied into prebuilds/ under a name
// node-gyp-build loads as a Node-API glibc build), then the TypeScript loader with tsc.
//   node scripts/build.mjs            addon + TypeScript
//   node scripts/build.mjs --ts-only  TypeScript only
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "package.json"));
/** Runs a package's JS entry point with this node (node_modules/.bin may not hold it under pnpm). */
const runJs = (entry, args) =>
  execFileSync(process.execPath, [require.resolve(entry), ...args], { cwd: root, stdio: "inherit" });

/** Node headers: npm's `nodedir` when set, else the ones installed next to this node binary. */
function nodedir() {
  if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
  const prefix = resolve(dirname(process.execPath), "..");
  return existsSync(join(prefix, "include", "node", "node_api.h")) ? prefix : undefined;
}

if (!process.argv.includes("--ts-only")) {
  if (process.platform !== "linux" || process.arch !== "x64") {
    console.error(`@tstrace/native builds on linux-x64 only (this is ${process.platform}-${process.arch})`);
    process.exit(1);
  }
  const dir = nodedir();
  const nodedirArgs = dir ? [`--nodedir=${dir}`] : [];
  // Configure once, then let make rebuild only what changed (the install hook may have built it).
  if (!existsSync(join(root, "build", "Makefile")))
    runJs("node-gyp/bin/node-gyp.js", ["configure", ...nodedirArgs]);
  runJs("node-gyp/bin/node-gyp.js", ["build", ...nodedirArgs, "-j", "2"]);
  const built = join(root, "build", "Release", "tstrace_native.node");
  const outDir = join(root, "prebuilds", "linux-x64");
  mkdirSync(outDir, { recursive: true });
  // Tags parsed by node-gyp-build: "napi" (any Node ABI) and "glibc".
  copyFileSync(built, join(outDir, "tstrace_native.napi.glibc.node"));
  console.log(`prebuilds/linux-x64/tstrace_native.napi.glibc.node <- build/Release/tstrace_native.node`);
}
runJs("typescript/bin/tsc", ["-p", "tsconfig.json"]);
