/**
 * The one way a trace starts, for the bin (main.ts) and the library entry (session.ts): from a
 * parsed command line, compile the capture plan in the session's architecture, choose seccomp,
 * and start native tracing (spawn or attach) with batches handed to `onBatch`. What each entry
 * does with the batches (sinks, -ff, -c, iterators) stays with it.
 */
import { compileInjectTable } from "@tstrace/core/inject";
import { compileStackPlan, MAPPING_CHANGES } from "@tstrace/core/stack-plan";
import * as native from "@tstrace/native";
import { syscallByName } from "./arch.js";
import type { CliOptions } from "./args.js";
import { capturePlanFor } from "./capture-plan-for.js";
import { toBitmap } from "./record-filter.js";
import { usesSeccomp } from "./seccomp-choice.js";

/** What the command line does not say about starting a trace. */
export interface PipelineStart {
  /** The syscalls the tracer stops for, when wider than `-e trace=` (-P follows fds through more). */
  readonly stopSet?: ReadonlySet<number>;
  /** Attach to these instead of `cli.pids` and start no command (-D attaches to its parent). */
  readonly attachPids?: readonly number[];
  /** -D: report nothing of the attached process before its execve. */
  readonly untilExec?: boolean;
  /** Environment and working directory of a started command (default: this process's). */
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
  /** Signals tstrace was started with ignored: they stay ignored in the command. */
  readonly ignoredSignals?: readonly number[];
  /** Descriptors from 3 up that the command inherits (the launcher's list). */
  readonly inheritFds?: readonly number[];
  /** The options the capture plan reads by, when wider than `cli`'s (--record: record-sink.ts). */
  readonly captureOptions?: CliOptions;
  /**
   * -c alone: the tracer thread counts the selected syscalls (done's `rows`) instead of recording
   * them, less this overhead (-O) per call.
   */
  readonly countOverheadNs?: number;
}

/** A started trace: native's session and the plan it reads by. */
export interface Pipeline {
  readonly session: native.TraceSession;
  readonly capturePlan: Uint32Array;
}

/**
 * Starts tracing as `cli` says. `onBatch` gets each record batch, which native frees once it
 * returns (copy what must outlive the call); a returned promise holds the tracer, and the
 * tracees, until it settles. Throws native's error when the command cannot start or a pid
 * cannot be attached.
 */
export async function createPipeline(
  cli: CliOptions,
  start: PipelineStart,
  onBatch: (batch: Uint8Array) => Promise<void> | undefined,
): Promise<Pipeline> {
  const stopSet = withMappingChanges(cli, withCommChanges(cli, start.stopSet ?? cli.qualifiers.trace));
  const capturePlan = await capturePlanFor(start.captureOptions ?? cli, stopSet);
  const common = {
    capturePlan,
    followForks: cli.follow,
    detachOnExec: cli.detachOnExec,
    exitKill: cli.killOnExit,
    decodeComm: cli.qualifiers.decodePids.has("comm"),
    transientBatches: true,
    ...(stopSet ? { traceSet: toBitmap(stopSet) } : {}),
    ...(cli.qualifiers.inject.length > 0
      ? { injectTable: compileInjectTable(cli.qualifiers.inject, cli.arch) }
      : {}),
    // -c alone prints no lines, so strace takes no stacks (and warns that -k has no effect).
    ...(cli.stackTraces && cli.summary !== "only" ? { stackPlan: compileStackPlan(cli.arch) } : {}),
    ...(start.countOverheadNs !== undefined
      ? { countOnly: true, countOverheadNs: start.countOverheadNs }
      : {}),
  };
  const attachPids = start.attachPids ?? cli.pids;
  // -p with a command: the command is spawned and the processes attached to it (strace's order).
  const spawning = cli.command.length > 0 && start.attachPids === undefined;
  const session = !spawning
    ? native.attachTraced({ ...common, pids: attachPids, untilExec: start.untilExec ?? false }, onBatch)
    : native.spawnTraced(
        {
          ...common,
          argv: cli.command,
          ...(stopSet ? { seccomp: usesSeccomp(cli) } : {}),
          ...(start.env ? { env: start.env } : {}),
          ...(start.cwd ? { cwd: start.cwd } : {}),
          ...(start.ignoredSignals ? { ignoredSignals: start.ignoredSignals } : {}),
          ...(start.inheritFds ? { inheritFds: start.inheritFds } : {}),
          ...(cli.user !== undefined ? { user: cli.user } : {}),
          ...(attachPids.length > 0 ? { attachPids } : {}),
        },
        onBatch,
      );
  return { session, capturePlan };
}

/**
 * --decode-pids=comm: the tracer must see prctl (PR_SET_NAME renames a thread) even when the
 * filter leaves it out, as strace's seccomp filter always stops for its COMM_CHANGE calls; the
 * decoder still prints only what -e trace= selects.
 */
function withCommChanges(
  cli: CliOptions,
  stopSet: ReadonlySet<number> | undefined,
): ReadonlySet<number> | undefined {
  const prctl = syscallByName(cli.arch, "prctl")?.nr;
  if (!stopSet || prctl === undefined || !cli.qualifiers.decodePids.has("comm")) return stopSet;
  return new Set([...stopSet, prctl]);
}

/**
 * -k: the tracer must see the calls that change mappings (mmap, munmap, …) even when the filter
 * leaves them out, to know when a thread's /proc/PID/maps must be read again; the decoder still
 * prints only what -e trace= selects.
 */
function withMappingChanges(
  cli: CliOptions,
  stopSet: ReadonlySet<number> | undefined,
): ReadonlySet<number> | undefined {
  if (!stopSet || !cli.stackTraces || cli.summary === "only") return stopSet;
  const out = new Set(stopSet);
  for (const name of MAPPING_CHANGES) {
    const nr = syscallByName(cli.arch, name)?.nr;
    if (nr !== undefined) out.add(nr);
  }
  return out;
}
