/**
 * The signals that end tstrace the way strace's `interrupt` handler does (SIGHUP, SIGINT, SIGQUIT,
 * SIGPIPE, SIGTERM), with their numbers: shared by the tracing and the perf-counting paths.
 */
export const FATAL_SIGNALS = ["SIGHUP", "SIGINT", "SIGQUIT", "SIGPIPE", "SIGTERM"] as const;

export const SIGNAL_NUMBERS: Readonly<Record<(typeof FATAL_SIGNALS)[number], number>> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGPIPE: 13,
  SIGTERM: 15,
};
