import type { TraceResult } from "@tstrace/native";

/**
 * strace exits with the tracee's exit code, and when the tracee was killed by a signal it kills
 * itself with the same signal so the shell sees the same death. Core dumps of the tracer itself
 * are not wanted (strace lowers RLIMIT_CORE too); the native helper does the reset-and-raise since
 * JS cannot restore a default disposition that V8 or libuv installed.
 */
export function exitLikeTracee(result: TraceResult, raise: (signo: number) => void): never {
  if (result.signal !== null) {
    raise(result.signal);
    // Only reached when the signal is not fatal by default (it cannot be: it killed the tracee).
    process.exit(128 + result.signal);
  }
  process.exit(result.exitCode ?? 0);
}
