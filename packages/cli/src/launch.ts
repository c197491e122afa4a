#!/usr/bin/env node
// The bin's ES module entry (dist/tstrace.mjs), for Deno and `node bin/tstrace`: checks Deno's
// permissions before the command's modules load (their imports need them), then runs the command:
// under Node through dist/tstrace.cjs (launch-node.ts: its code cache), under Deno (which has its
// own) straight from the bundle, dist/tstrace-main.cjs.
import { createRequire } from "node:module";
import { missingDenoPermissions } from "./deno-permissions.js";

const missing = missingDenoPermissions(process.argv.slice(2).some((a) => a.startsWith("--replay")));
if (missing.length > 0) {
  process.stderr.write(`${missing.join("\n")}\n`);
  process.exit(1);
}
const require = createRequire(import.meta.url);
if ("Deno" in globalThis) await (require("./tstrace-main.cjs") as { run(): Promise<never> }).run();
else require("./tstrace.cjs");
