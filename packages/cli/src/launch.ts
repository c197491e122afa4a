#!/usr/bin/env node
// The bin's entry (dist/tstrace.mjs): checks Deno's permissions before the command's modules
// load (their imports need them), then runs bin.ts.
import { missingDenoPermissions } from "./deno-permissions.js";

const missing = missingDenoPermissions(process.argv.slice(2).some((a) => a.startsWith("--replay")));
if (missing.length > 0) {
  process.stderr.write(`${missing.join("\n")}\n`);
  process.exit(1);
}
await import("./bin.js");
