/**
 * How -c counts. `perf`: the kernel's raw_syscalls tracepoints through perf events, no stop of
 * the tracee (@tstrace/native's countSyscalls); `ptrace`: the tracer's records, as for a trace;
 * `auto` (default): perf when the command line allows it and the kernel permits it, else ptrace.
 */
import type { CliOptions } from "../args.js";
import { UsageError } from "../usage-error.js";

export type SummaryBackend = "auto" | "perf" | "ptrace";

const BACKENDS: readonly SummaryBackend[] = ["auto", "perf", "ptrace"];

/** --summary-backend=auto|perf|ptrace. */
export function parseSummaryBackend(value: string): SummaryBackend {
  if (!BACKENDS.includes(value as SummaryBackend))
    throw new UsageError(`invalid --summary-backend argument: '${value}'`);
  return value as SummaryBackend;
}

/**
 * The first option that needs ptrace's stops (named as strace's help names it), or undefined when
 * perf events can produce this command line's summary. Only what shapes the *counts* matters:
 * -e trace= and -f are expressed by the events themselves, -S/-U/-w/-O/-o shape the table.
 */
export function perfBlocker(o: CliOptions): string | undefined {
  if (o.summary === "also") return "-C/--summary (its trace lines need ptrace)";
  if (o.pids.length > 0) return "-p/--attach";
  if (o.daemonize !== undefined) return "-D/--daemonize";
  if (o.tracePaths.length > 0) return "-P/--trace-path";
  if (o.traceFds !== undefined) return "--trace-fds";
  if (o.syscallLimit > 0) return "--syscall-limit";
  if (o.detachOnExec) return "-b/--detach-on";
  if (o.killOnExit) return "--kill-on-exit";
  if (o.user !== undefined) return "-u/--user";
  if (o.qualifiers.inject.length > 0) return "-e inject/--inject";
  return undefined;
}

/** Whether this command line should try perf events first. */
export function wantsPerf(o: CliOptions): boolean {
  return o.summary === "only" && o.summaryBackend !== "ptrace" && perfBlocker(o) === undefined;
}
