/**
 * The capture plan for a parsed command line: what native reads from the tracee for each syscall.
 * One function for the bin (main.ts) and the library entry (session.ts), so both read what the
 * decoder options they pass will print (fd details for -y, buffers for -e read=/write=).
 */
import { compileCapturePlan } from "@tstrace/core/capture-plan";
import type { CliOptions } from "./args.js";

/** `stopSet`: the syscalls the tracer stops for, when a filter narrows them (-e trace=, -P). */
export function capturePlanFor(options: CliOptions, stopSet?: ReadonlySet<number>): Uint32Array {
  const { qualifiers } = options;
  return compileCapturePlan(options.arch, {
    strsize: options.strsize,
    decodeFds: options.decodeFds,
    // argv and envp are read whole when any syscall prints unabbreviated (-v, -e abbrev=).
    verbose:
      options.verbose ||
      (qualifiers.abbrev !== undefined && qualifiers.abbrev.size < options.arch.syscalls.length),
    ...(stopSet ? { selected: (nr: number): boolean => stopSet.has(nr) } : {}),
    ...(qualifiers.read || qualifiers.write
      ? { dumpIo: { read: qualifiers.read !== undefined, write: qualifiers.write !== undefined } }
      : {}),
  });
}
