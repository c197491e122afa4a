/**
 * -c through perf events: the command runs unstopped while the kernel's raw_syscalls tracepoints
 * feed @tstrace/native's counter; the totals come back once the command (with -f: every
 * descendant) has ended, and are printed with the same table as the ptrace path.
 */
import { writeSync } from "node:fs";
import type { CountResult, CountSession } from "@tstrace/native";
import * as native from "@tstrace/native";
import type { CliOptions } from "../args.js";
import { exitLikeTracee } from "../exit-status.js";
import { FATAL_SIGNALS, SIGNAL_NUMBERS } from "../interrupt-signals.js";
import { summaryJson } from "../json-output.js";
import { toBitmap } from "../record-filter.js";
import { openSink, type Sink } from "../sink.js";
import { formatSummary } from "./table.js";

/** Test knob: data pages of each per-CPU ring buffer (small values provoke lost events). */
const BUFFER_PAGES_ENV = "TSTRACE_PERF_BUFFER_PAGES";

/** Never a silently short table: what was not counted, and how to count it all. */
function lostMessage(result: CountResult): string {
  const what =
    result.source === "bpf"
      ? `${result.lost} system calls could not be counted (an eBPF map was full or a syscall number out of range)`
      : `the kernel dropped ${result.lost} syscall events (a perf ring buffer was full)`;
  return `${what}: the counts below are short; --summary-backend=ptrace counts without loss`;
}

/** Whether `err` says perf events are not allowed here (the command did not run). */
function isUnavailable(err: unknown): boolean {
  return (err as { code?: unknown }).code === "ERR_TSTRACE_PERF_UNAVAILABLE";
}

/**
 * Counts the command with perf events and exits like it. Returns only when perf events are not
 * permitted and the backend is `auto`, before anything ran: the caller then counts with ptrace.
 * `fail` prints tstrace's one-line error and exits.
 */
export async function countWithPerf(
  o: CliOptions,
  program: string,
  fail: (message: string) => never,
): Promise<void> {
  let sink: Sink;
  try {
    sink = openSink(o.output, o.append);
  } catch (err) {
    fail((err as Error).message);
  }
  const bufferPages = Number(process.env[BUFFER_PAGES_ENV] ?? 0) || 0;
  let session: CountSession;
  try {
    session = native.countSyscalls({
      argv: o.command,
      followForks: o.follow,
      ...(o.qualifiers.trace ? { traceSet: toBitmap(o.qualifiers.trace) } : {}),
      wallClock: o.wallClock,
      overheadNs: o.overheadNs,
      // Sized buffers are a test of the ring-buffer source, which is the one that can lose events.
      ...(bufferPages > 0 ? { bufferPages, source: "ring-buffers" as const } : {}),
    });
  } catch (err) {
    if (isUnavailable(err) && o.summaryBackend === "auto") {
      await sink.close();
      return;
    }
    await sink.close();
    const message = (err as Error).message;
    fail(isUnavailable(err) ? `--summary-backend=perf: ${message}` : message);
  }

  // As on the ptrace path: with -o the command ignores these (strace's -I default); otherwise
  // the command gets the same signal and tstrace dies by it once the summary is out.
  let interrupted = 0;
  for (const name of FATAL_SIGNALS) {
    process.on(name, () => {
      if (o.output !== undefined || interrupted) return;
      interrupted = SIGNAL_NUMBERS[name] as number;
      try {
        process.kill(session.pid, name);
      } catch {
        // already gone
      }
    });
  }

  let result: CountResult;
  try {
    result = await session.done;
  } catch (err) {
    fail((err as Error).message);
  }
  if (result.message !== undefined) writeSync(2, `${program}: ${result.message}\n`);
  if (result.lost > 0) writeSync(2, `${program}: ${lostMessage(result)}\n`);
  const rows = result.rows.map((r) => ({ ...r }));
  sink.write(
    o.json
      ? summaryJson(rows, o.sortBy, o.arch)
      : new TextEncoder().encode(formatSummary(rows, o.summaryColumns, o.sortBy, o.arch)),
  );
  await sink.close();
  if (interrupted) {
    native.raiseSignal(interrupted);
    process.exit(128 + interrupted);
  }
  return exitLikeTracee(result, native.raiseSignal);
}
