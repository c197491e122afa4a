/** Library entry of @tstrace/cli: the argument parser and the runner, for tools that embed tstrace. */
export { type CliOptions, parseArgs } from "./args.js";
export { main } from "./main.js";
export { type Trace, type TraceOptions, type TraceResult, type TraceTarget, trace } from "./session.js";
export { UsageError } from "./usage-error.js";
