/**
 * The capture plan for a parsed command line: what native reads from the tracee for each syscall.
 * One function for the bin (main.ts) and the library entry (session.ts), so both read what the
 * decoder options they pass will print (fd details for -y, buffers for -e read=/write=).
 */
import { sessionArch } from "./arch.js";
import type { CliOptions } from "./args.js";
import { prebuiltDefaultPlan } from "./prebuilt-plan.js";

/** The options of the plan the bin's bundle carries compiled (src/prebuilt-plan.ts). */
export const DEFAULT_PLAN_STRSIZE = 32;

/**
 * `stopSet`: the syscalls the tracer stops for, when a filter narrows them (-e trace=, -P).
 * Async because the compiler is loaded only when a plan must be compiled: it brings core's
 * constant, struct and ioctl tables, ~10 ms of CPU at a start-up that the prebuilt plan spares.
 */
export async function capturePlanFor(
  options: CliOptions,
  stopSet?: ReadonlySet<number>,
  prebuilt: Uint32Array | undefined = prebuiltDefaultPlan,
): Promise<Uint32Array> {
  const { qualifiers } = options;
  // argv and envp are read whole when any syscall prints unabbreviated (-v, -e abbrev=).
  const verbose =
    options.verbose ||
    (qualifiers.abbrev !== undefined && qualifiers.abbrev.size < options.arch.syscalls.length);
  const dumpIo = qualifiers.read !== undefined || qualifiers.write !== undefined;
  // --decode-pids: every pid is resolved at the stop (PID captures).
  const decodePids = { pidns: qualifiers.decodePids.has("pidns"), comm: qualifiers.decodePids.has("comm") };
  const pids = decodePids.pidns || decodePids.comm;
  if (
    prebuilt &&
    options.arch === sessionArch() &&
    options.strsize === DEFAULT_PLAN_STRSIZE &&
    options.decodeFds === "none" &&
    !verbose &&
    !dumpIo &&
    !pids
  )
    return stopSet ? narrowPlan(prebuilt, stopSet) : prebuilt;
  const { compileCapturePlan } = await import("@tstrace/core/capture-plan");
  return compileCapturePlan(options.arch, {
    strsize: options.strsize,
    decodeFds: options.decodeFds,
    verbose,
    ...(pids ? { decodePids } : {}),
    ...(stopSet ? { selected: (nr: number): boolean => stopSet.has(nr) } : {}),
    ...(dumpIo
      ? { dumpIo: { read: qualifiers.read !== undefined, write: qualifiers.write !== undefined } }
      : {}),
  });
}

/**
 * A plan that reads nothing for the syscalls outside `stopSet` (their spec lists are left in place,
 * unreferenced): what compileCapturePlan's `selected` makes of the same plan, without compiling.
 */
export function narrowPlan(plan: Uint32Array, stopSet: ReadonlySet<number>): Uint32Array {
  const out = plan.slice();
  const n = out[2] ?? 0;
  for (let nr = 0; nr < n; nr++) if (!stopSet.has(nr)) out[3 + nr] = 0;
  return out;
}
