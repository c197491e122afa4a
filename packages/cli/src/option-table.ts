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
  // Output
  { short: "o", long: "output", arg: "required", key: "output" },
  { short: "A", long: "output-append-mode", arg: "none", key: "append" },
  { long: "output-separately", arg: "none", key: "separately" },
  { long: "syscall-limit", arg: "required", key: "syscallLimit" },
  { short: "s", long: "string-limit", arg: "required", key: "strsize" },
  { short: "a", long: "columns", arg: "required", key: "columns" },
  { short: "x", arg: "none", key: "hex" },
  { short: "X", long: "const-print-style", arg: "required", key: "constStyle" },
  { short: "v", long: "no-abbrev", arg: "none", key: "verbose" },
  { short: "n", long: "syscall-number", arg: "none", key: "syscallNumber" },
  { short: "i", long: "instruction-pointer", arg: "none", key: "instructionPointer" },
  { short: "y", arg: "none", key: "decodeFdsCount" },
  { long: "decode-fds", arg: "optional", key: "qual:decode-fds" },
  // Timing
  // -t counts (-tt, -ttt); strace refuses it together with the long spellings.
  { short: "t", arg: "none", key: "tCount" },
  { long: "absolute-timestamps", arg: "optional", key: "absTimestamps" },
  { long: "timestamps", arg: "optional", key: "absTimestamps" },
  { short: "r", long: "relative-timestamps", arg: "optional", key: "relTimestamps" },
  { short: "T", long: "syscall-times", arg: "optional", key: "syscallTimes" },
  // Tracing and startup
  { short: "f", long: "follow-forks", arg: "none", key: "follow" },
  { short: "p", long: "attach", arg: "required", key: "pid" },
  { long: "seccomp-bpf", arg: "none", key: "seccomp" },
  { long: "no-seccomp-bpf", arg: "none", key: "noSeccomp" },
  { short: "b", long: "detach-on", arg: "required", key: "detachOn" },
  { long: "kill-on-exit", arg: "none", key: "killOnExit" },
  { short: "D", long: "daemonize", arg: "optional", key: "daemonize" },
  // Filtering
  { short: "e", arg: "required", key: "expr" },
  { long: "trace", arg: "required", key: "qual:trace" },
  { long: "signal", arg: "required", key: "qual:signal" },
  { long: "status", arg: "required", key: "qual:status" },
  { long: "read", arg: "required", key: "qual:read" },
  { long: "write", arg: "required", key: "qual:write" },
  { short: "P", long: "trace-path", arg: "required", key: "tracePath" },
  { long: "trace-fds", arg: "required", key: "traceFds" },
  { short: "z", long: "successful-only", arg: "none", key: "successfulOnly" },
  { short: "Z", long: "failed-only", arg: "none", key: "failedOnly" },
  // Statistics
  { short: "c", long: "summary-only", arg: "none", key: "summaryOnly" },
  { short: "C", long: "summary", arg: "none", key: "summary" },
  { short: "S", long: "summary-sort-by", arg: "required", key: "sortBy" },
  { short: "U", long: "summary-columns", arg: "required", key: "summaryColumns" },
  { short: "w", long: "summary-wall-clock", arg: "none", key: "wallClock" },
  { short: "O", long: "summary-syscall-overhead", arg: "required", key: "overhead" },
  // tstrace's own: how -c counts (stats/backend.ts); not in strace.
  { long: "summary-backend", arg: "required", key: "summaryBackend" },
  // Miscellaneous
  { short: "q", long: "quiet", arg: "optional", key: "quiet" },
  { short: "h", long: "help", arg: "none", key: "help" },
  { short: "V", long: "version", arg: "none", key: "version" },
];
