// The bin's entry under Node (dist/tstrace.cjs, which bin/tstrace runs): the command's bundle,
// dist/tstrace-main.cjs, loaded through V8's code cache (compile-cache.ts). CommonJS, both: an ES
// module entry alone costs Node 20 several ms more to start than a CommonJS one, and Node 20 keeps
// no compiled code of ES modules between runs.
import { requireCached } from "./compile-cache.js";

/** The bundle's content hash, set by scripts/bundle.mjs. */
declare const TSTRACE_MAIN_HASH: string;

const bundle = requireCached(`${__dirname}/tstrace-main.cjs`, TSTRACE_MAIN_HASH) as { run(): Promise<never> };
void bundle.run();
