#!/usr/bin/env node
// The bin's entry (dist/tstrace.mjs): checks Deno's permissions before the command's modules
// load (their imports need them), then runs bin.ts.
import { missingDenoPermissions } from "./deno-permissions.js";

const missing = missingDenoPermissions(process.argv.slice(2).some((a) => a.startsWith("--replay")));
if (missing.length > 0) {
  process.stderr.write(`${missing.join("\n")}\n`);
  process.exit(1);
}
// Node >= 22.1 keeps V8's compiled code for tstrace's modules in a disk cache (its default place,
// under the OS temporary directory), which saves most of their compile time from the second run
// on. Node 20 has no such cache for ES modules; Deno has its own.
const { enableCompileCache } = (await import("node:module")) as { enableCompileCache?: () => unknown };
if (typeof enableCompileCache === "function" && !("Deno" in globalThis)) enableCompileCache();
await import("./bin.js");
