import { writeSync } from "node:fs";
import { MessageFlags } from "@tstrace/core/record-format";
import { createDecoder, type DecoderOptions } from "@tstrace/decoder-wasm";
import type * as Native from "@tstrace/native";
import type { TraceResult } from "@tstrace/native";
import { withPersonalities } from "./arch.js";
import { type CliOptions, parseArgs, warningsBeforeError } from "./args.js";
import { AttachNotices } from "./attach-notices.js";
import { answerParent, daemonTracee, execUnderGrandchild } from "./daemonize.js";
import { decoderOptions } from "./decoder-options.js";
import { applyEnvChanges } from "./env-changes.js";
import { exitLikeTracee } from "./exit-status.js";
import { helpText } from "./help.js";
import { FATAL_SIGNALS, SIGNAL_NUMBERS } from "./interrupt-signals.js";
import { messageJson, noticeJson, summaryJson } from "./json-output.js";
import { inheritFds } from "./launcher-env.js";
import { PathFilter, selectPaths, startingFds, withFdTracking } from "./path-filter.js";
import { quietForCount } from "./qualifiers.js";
import { recordFilter, splitAtMessages } from "./record-filter.js";
import { openRecordSink, type RecordSink, recordingCapture } from "./record-sink.js";
import type { Replay, ReplaySource } from "./replay-source.js";
import { SeparateOutputs } from "./separate-outputs.js";
import { openSink, type Sink } from "./sink.js";
import { createStackUnwinder } from "./stack-traces.js";
import { wantsPerf } from "./stats/backend.js";
import { SyscallCounter } from "./stats/counter.js";
import { countWithPerf } from "./stats/perf-summary.js";
import { formatSummary } from "./stats/table.js";
import { StatusStaging } from "./status-staging.js";
import { SyscallLimit } from "./syscall-limit.js";
import { UsageError } from "./usage-error.js";
import { version } from "./version.js";

const PROGRAM = "tstrace";

/** -D's grandchild before it has attached: its failures are the waiting parent's to print. */
let parentWaiting = false;

function fail(message: string, hint: boolean): never {
  if (parentWaiting) {
    answerParent(message);
    process.exit(1);
  }
  process.stderr.write(`${PROGRAM}: ${message}\n`);
  if (hint) process.stderr.write(`Try '${PROGRAM} -h' for more information.\n`);
  process.exit(1);
}

/** A path as strace's string_quote prints it in messages. */
function cQuote(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Runs tstrace with `argv` (without node and the script) and exits the process like strace. */
export async function main(argv: readonly string[], ignoredSignals: readonly number[] = []): Promise<never> {
  let options: CliOptions;
  let decOptions: DecoderOptions;
  let replaySource: ReplaySource | undefined;
  try {
    options = await withPersonalities(() => parseArgs(argv));
    if (options.replay !== undefined && !options.help && !options.version) {
      // Loaded only to replay: it brings every architecture's table (a recording may be from any).
      const { openReplay } = await import("./replay-source.js");
      replaySource = openReplay(options, argv);
      options = replaySource.options;
    }
    if (options.help || options.version) decOptions = {};
    // strace's short-read warnings go to stderr: into the trace's own lines when it goes there.
    else
      decOptions = {
        ...decoderOptions(options, true),
        warnings: { prefix: `${PROGRAM}: `, inTrace: options.output === undefined },
      };
  } catch (err) {
    if (err instanceof UsageError) {
      for (const w of warningsBeforeError()) process.stderr.write(`${PROGRAM}: ${w}\n`);
      fail(err.message, err.hint);
    }
    throw err;
  }
  if (options.help) {
    process.stdout.write(helpText());
    process.exit(0);
  }
  if (options.version) {
    process.stdout.write(`${PROGRAM} -- version ${version()}\n`);
    process.exit(0);
  }
  if (options.pids.length > 0 && options.daemonize)
    fail("-p together with -D is not supported by this build", false);
  // -E: process.env is the environ every way of starting the command passes on (Node sets it).
  applyEnvChanges(process.env, options.envChanges);
  // -D: this process becomes the command; a grandchild tstrace (the branch below) traces it.
  const daemonFor = daemonTracee();
  if (options.daemonize && daemonFor === undefined)
    fail(execUnderGrandchild(options.command, argv, options.daemonize, ignoredSignals), false);
  parentWaiting = daemonFor !== undefined;
  for (const w of options.warnings) process.stderr.write(`${PROGRAM}: ${w}\n`);
  // -c without stops when the kernel allows it (not when recording: that needs the stops);
  // returns only to fall back to ptrace.
  if (!replaySource && options.record === undefined && wantsPerf(options))
    await countWithPerf(options, PROGRAM, (message) => fail(message, false));
  const attachPids = daemonFor !== undefined ? [daemonFor] : options.pids;
  const attaching = attachPids.length > 0;
  // -p with a command: the command is spawned, the session is its (exit status, start-up errors).
  const attachOnly = attaching && options.command.length === 0;
  const { qualifiers } = options;
  // strace: -o FILE with a command is -q unless -q or --quiet= was given.
  const messageQuiet =
    options.output !== undefined &&
    options.command.length > 0 &&
    options.quiet === 0 &&
    qualifiers.quiet.size === 0
      ? quietForCount(1)
      : qualifiers.quiet;
  // ...so no attach/detach notices either (-p's with a command); -D's never says it attached.
  const quietAttach = messageQuiet.has("attach") || (daemonFor !== undefined && options.output !== undefined);
  let pathFilter: PathFilter | undefined;
  if (options.tracePaths.length > 0 || options.traceFds) {
    const { set, resolved } = selectPaths(options.tracePaths);
    if (!qualifiers.quiet.has("path-resolution"))
      for (const [given, real] of resolved)
        process.stderr.write(`${PROGRAM}: Requested path ${cQuote(given)} resolved into ${cQuote(real)}\n`);
    // A spawned command starts with tstrace's stdio and the fds handed down to it.
    const start = attachOnly ? undefined : startingFds(set, [0, 1, 2, ...(inheritFds().inheritFds ?? [])]);
    pathFilter = new PathFilter(options.arch, set, options.traceFds, start);
  }

  let sink: Sink | undefined;
  let separate: SeparateOutputs | undefined;
  try {
    if (options.separately) {
      separate = await SeparateOutputs.create(options.output as string, options.append, decOptions);
    } else {
      sink = openSink(options.output, options.append);
    }
  } catch (err) {
    fail((err as Error).message, false);
  }
  const summarySink = sink ?? openSink(undefined);
  const decoder = options.summary === "only" || separate ? undefined : await createDecoder(decOptions);
  const traceSet = qualifiers.trace;
  const selected = traceSet === undefined ? undefined : (nr: number): boolean => traceSet.has(nr);
  // What the tracer stops for: -P also needs the calls it follows fds through.
  const stopSet = traceSet && pathFilter ? withFdTracking(traceSet, options.arch) : traceSet;
  let recordSink: RecordSink | undefined;
  try {
    if (options.record !== undefined)
      recordSink = openRecordSink(options.record, recordingCapture(options), stopSet);
  } catch (err) {
    fail((err as Error).message, false);
  }
  const filter = recordFilter(traceSet, qualifiers.signal);
  const stacks = options.stackTraces && options.summary !== "only" ? createStackUnwinder() : undefined;
  // --json: the tracer's own lines are objects in the JSON stream (stderr under -ff).
  const jsonLine = (bytes: Uint8Array): void => {
    if (sink) sink.write(bytes);
    else writeSync(2, bytes);
  };
  const say = (notice: string): void => {
    if (options.json) jsonLine(noticeJson(notice));
    else writeSync(2, `${PROGRAM}: ${notice}\n`);
  };
  const counter = options.summary ? new SyscallCounter(options.overheadNs) : undefined;

  const notices = attaching ? new AttachNotices() : undefined;
  const limit = options.syscallLimit > 0 ? new SyscallLimit(options.syscallLimit, selected) : undefined;
  // -c alone (no trace lines, nothing else reading syscall records): the tracer thread counts.
  const countInTracer =
    options.summary === "only" && !replaySource && !recordSink && !pathFilter && !limit && !separate;
  const staging =
    qualifiers.status && (options.follow || options.pids.length > 1) ? new StatusStaging() : undefined;
  // A sink that is behind (a slow pipe reader) hands back a promise; onBatch returns it, so the
  // tracer thread waits, and the tracees with it.
  let backlog: Promise<void> | undefined;
  const emit = (batch: Uint8Array): void => {
    if (notices && !quietAttach) for (const notice of notices.take(batch)) say(notice);
    counter?.add(filter ? filter(batch) : batch);
    const behind = decoder ? (sink as Sink).write(decoder.decodeTransient(batch)) : separate?.write(batch);
    const warned = decoder?.takeWarnings();
    if (warned) writeSync(2, warned);
    if (behind) backlog = backlog ? backlog.then(() => behind) : behind;
    const bad = replaySource && decoder?.lastError;
    if (bad && !replayDamage) {
      const at = replay?.fileOffset(batch, bad.offset);
      replayDamage = `corrupt recording: ${bad.message} at byte offset ${at ?? "unknown"}`;
      replay?.detach();
    }
  };
  const onBatch = (raw: Uint8Array): Promise<void> | undefined => {
    backlog = undefined;
    // Written before anything filters it: a replay applies its own filters.
    recordSink?.write(raw);
    if (limit?.reached || replayDamage) return;
    const unwound = stacks ? stacks.expand(raw) : raw;
    let batch = pathFilter ? pathFilter.filter(unwound) : unwound;
    if (limit) {
      batch = limit.take(batch);
      // Detach outside the native callback; the records after the limit are dropped meanwhile.
      if (limit.reached) setImmediate(() => session.detach());
    }
    splitAtMessages(
      staging ? staging.stage(batch) : batch,
      emit,
      // strace prints its own messages ("exec: Permission denied") on stderr, -o or not.
      (text, flags) => {
        if (flags & MessageFlags.QUIET_EXIT && messageQuiet.has("exit")) return;
        if (flags & MessageFlags.QUIET_ATTACH && messageQuiet.has("attach")) return;
        options.json ? jsonLine(messageJson(text)) : writeSync(2, `${PROGRAM}: ${text}\n`);
      },
    );
    return backlog;
  };

  let native: typeof Native | undefined;
  let replay: Replay | undefined;
  let replayDamage: string | undefined;
  let session: Native.TraceSession;
  try {
    if (replaySource) {
      replay = replaySource.start(onBatch);
      const done = replay.done.then(({ damage }): TraceResult => {
        if (damage && !replayDamage) replayDamage = damage.message;
        return { status: 0, exitCode: 0, signal: null, coreDumped: false, stops: 0, interrupted: null };
      });
      const stop = replay.detach;
      session = { pid: 0, done, detach: stop, kill: stop, interrupt: stop, catchInterrupts: () => {} };
    } else {
      // Loaded only to trace: a replay runs without the addon (and under Deno without --allow-ffi).
      native = await import("@tstrace/native");
      const { createPipeline } = await import("./pipeline.js");
      // Nothing here keeps a batch past onBatch (what waits is copied): native frees each at once.
      session = (
        await createPipeline(
          options,
          {
            ...(stopSet ? { stopSet } : {}),
            ...(daemonFor !== undefined ? { attachPids, untilExec: true } : {}),
            ignoredSignals,
            ...inheritFds(),
            // A recording reads more than this trace prints, so a replay may ask for it.
            ...(recordSink ? { captureOptions: recordingCapture(options) } : {}),
            ...(countInTracer ? { countOverheadNs: options.overheadNs } : {}),
          },
          onBatch,
        )
      ).session;
      if (parentWaiting) {
        parentWaiting = false;
        answerParent();
      }
    }
  } catch (err) {
    await sink?.close();
    const message = (err as Error).message;
    // No -p could be attached: one line per pid, each with strace's prefix.
    const lines = message.split("\n");
    const last = lines.pop() as string;
    for (const line of lines) process.stderr.write(`${PROGRAM}: ${line}\n`);
    fail(last.startsWith("attach: ") || !attachOnly ? last : `attach: ${last}`, false);
  }

  // -I (strace's default: never with -o FILE and a command): never ignores these signals; otherwise
  // they end tracing: attached tracees are detached (and keep running), a spawned one gets the
  // same signal, then tstrace dies by it.
  let interrupted = 0;
  // strace's -I: its default ignores them for a spawned command traced into -o FILE (never a replay).
  const ignoreSignals =
    !replay && (options.interruptible === "never" || options.interruptible === "never_tstp");
  if (!replay && options.interruptible === "never_tstp") process.on("SIGTSTP", () => {});
  for (const name of FATAL_SIGNALS) {
    process.on(name, () => {
      if (ignoreSignals || interrupted) return;
      interrupted = SIGNAL_NUMBERS[name] as number;
      // --kill-on-exit: tracees go with tstrace rather than being let go. Otherwise strace's
      // cleanup(): the spawned command gets SIGCONT and the signal, then every tracee is let go.
      if (options.killOnExit) session.kill();
      else session.interrupt(interrupted);
    });
  }
  // The tracer thread itself acts on them at once (a Ctrl-C also reaches the tracees).
  if (!ignoreSignals && !options.killOnExit) session.catchInterrupts(Object.values(SIGNAL_NUMBERS));

  let result: TraceResult;
  try {
    result = await session.done;
  } catch (err) {
    // native rejects a spawned session that ends detached; --syscall-limit detaches on purpose.
    if (!limit?.reached) fail((err as Error).message, false);
    result = { status: 0, exitCode: null, signal: null, coreDumped: false, stops: 0, interrupted: null };
  }
  // The tracer thread may act on a caught signal before our handler above has run.
  if (!interrupted && result.interrupted) interrupted = result.interrupted;
  if (staging) emit(staging.flush());
  if (decoder) (sink as Sink).write(decoder.finish());
  await separate?.close();
  // -c alone counted in the tracer thread; otherwise from the records.
  const summaryRows = countInTracer ? (result.rows ?? []) : (counter?.rows() ?? []);
  if (counter)
    summarySink.write(
      options.json
        ? summaryJson(summaryRows, options.sortBy, options.arch)
        : new TextEncoder().encode(
            formatSummary(summaryRows, options.summaryColumns, options.sortBy, options.arch),
          ),
    );
  // With the trace on stderr the decoder says `Process N detached` where strace does.
  if (notices && !quietAttach && decOptions.attachNotice === undefined)
    for (const notice of notices.detached()) say(notice);
  await sink?.close();
  recordSink?.close();
  if (replay) {
    // Everything before the damage was printed; the damage is named last, on stderr.
    if (replayDamage) process.stderr.write(`${PROGRAM}: ${options.replay}: ${replayDamage}\n`);
    process.exit(replayDamage ? 1 : interrupted ? 128 + interrupted : 0);
  }
  if (interrupted) {
    native?.raiseSignal(interrupted);
    process.exit(128 + interrupted);
  }
  // Detached (-p, or --syscall-limit reached): the tracees run on; tstrace succeeded.
  if (attachOnly || limit?.reached) process.exit(0);
  return exitLikeTracee(result, (native as typeof Native).raiseSignal);
}
