/** Library entry of @tstrace/cli: the argument parser and the runner, for tools that embed tstrace. */

export type { JsonEvent } from "@tstrace/decoder-wasm";
export type { DaemonMode, Precision } from "./args.js";
export { type CliOptions, parseArgs } from "./args.js";
export { decoderOptions } from "./decoder-options.js";
export { renderHelp } from "./help.js";
export { main } from "./main.js";
export {
  HELP_SECTIONS,
  type HelpEntry,
  type HelpSection,
  OPTION_TABLE,
  type OptionRow,
} from "./option-table.js";
export type { FdSelection, Qualifiers } from "./qualifiers.js";
export { type Trace, type TraceOptions, type TraceResult, type TraceTarget, trace } from "./session.js";
export type { Column, SortBy } from "./stats/table.js";
export { UsageError } from "./usage-error.js";
