/**
 * strace's command-line options as data: short letter, long name, whether it takes a value. The
 * parser (args.ts) is generic over this table, so supporting a new flag is one row here plus its
 * effect in `applyOption`.
 */
export interface OptionRow {
  /** Short option letter, if any. */
  readonly short?: string;
  /** Long option name without the leading `--`, if any. */
  readonly long?: string;
  /** `required`: takes a value; `optional`: long form may take `=value`; `none`: a switch. */
  readonly arg: "none" | "required" | "optional";
  /** Key the parser reports; several spellings share one key. */
  readonly key: string;
}

export const OPTION_TABLE: readonly OptionRow[] = [
  { short: "o", long: "output", arg: "required", key: "output" },
  { short: "s", long: "string-limit", arg: "required", key: "strsize" },
  { short: "a", long: "columns", arg: "required", key: "columns" },
  { short: "x", arg: "none", key: "hex" },
  { short: "f", long: "follow-forks", arg: "none", key: "follow" },
  { short: "q", long: "quiet", arg: "optional", key: "quiet" },
  { short: "h", long: "help", arg: "none", key: "help" },
  { short: "V", long: "version", arg: "none", key: "version" },
];
