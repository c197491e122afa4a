/**
 * @tstrace/native: spawn a command under ptrace (or attach to running processes) and receive its events as binary record batches
 * (the record format of `@tstrace/core`, documented in apps/docs/content/record-format.md).
 * Linux x86_64 only. Everything here is public; the addon object itself stays internal.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Options of {@link spawnTraced}. */
export interface SpawnOptions {
  /** argv[0] is the command as typed; resolved through PATH like strace does. */
  argv: readonly string[];
  /** Capture plan from @tstrace/core (Uint32Array in the documented layout). */
  capturePlan: Uint32Array;
  /** Environment of the command; default: process.env. */
  env?: Readonly<Record<string, string>>;
  /** Working directory of the command; default: this process's. */
  cwd?: string;
  /** Trace forks, vforks and clones too (strace -f). */
  followForks?: boolean;
  /** Hand a batch to onBatch once it holds this many bytes; default 65536. */
  batchBytes?: number;
  /**
   * Syscall numbers to trace, as a bitmap (bit nr set = traced: byte nr >> 3, bit nr & 7);
   * absent = all. Unselected syscalls produce no records. At most 8192 bytes.
   */
  traceSet?: Uint8Array;
  /**
   * Use seccomp-bpf so unselected syscalls never stop the tracee (default: true when traceSet is
   * given). The filter is installed in the child before its execve and inherited by its children.
   */
  seccomp?: boolean;
  /**
   * Kill tracees when the tracer process dies (PTRACE_O_EXITKILL, strace --kill-on-exit); default
   * false: they run on, as under strace. Always on when the seccomp filter is installed (as in
   * strace: without a tracer, the filter's traced syscalls would fail with ENOSYS).
   */
  exitKill?: boolean;
  /**
   * strace -b execve: detach from a tracee when it execs (a DETACHED record follows its EXEC); the
   * command's own first execve excepted. Default false.
   */
  detachOnExec?: boolean;
  /**
   * The descriptors from 3 up that the command inherits, as under strace: the ones this process
   * itself inherited. Node marks inherited descriptors close-on-exec at start-up, so they must be
   * listed before it starts (the tstrace launcher does, with /proc/self/fd). Listed ones reach the
   * command whatever their close-on-exec flag; every other descriptor (Node's epoll, eventfds,
   * pipes) is closed at its execve. Default: those not marked close-on-exec are inherited.
   */
  inheritFds?: readonly number[];
  /**
   * Signals the command starts with ignored (SIG_IGN), as it would inherit them from a tracer
   * that was started with them ignored (nohup, a shell's `&`); every other signal starts with
   * its default action. Default none.
   */
  ignoredSignals?: readonly number[];
  /** See {@link AttachOptions.transientBatches}. */
  transientBatches?: boolean;
  /**
   * strace --decode-pids=comm: a COMM record with /proc/TID/comm follows each thread's
   * NEW_PROCESS or ATTACHED record and each EXEC record. Default false.
   */
  decodeComm?: boolean;
  /**
   * strace -u: run the command as this user (tstrace must run as root), with the user's groups;
   * a set-user-ID or set-group-ID program gets its owner's ids as its effective ids, as strace
   * arranges. Throws "Cannot find user 'NAME'" or "You must be root to use the -u/--username option".
   */
  user?: string;
  /**
   * -e inject= / -e fault=: core's compileInjectTable (an InjectTable header, InjectEntry rows,
   * then their InjectPoke entries). Applied to the syscalls traceSet records, at their entry stops
   * (pokes at entry or exit, before that stop's captures are read); their exit records carry the
   * INJECTED, POKED and DELAYED flags, and a poke's failures come as MESSAGE records. Absent:
   * nothing is injected.
   */
  injectTable?: Uint32Array;
  /**
   * -k: @tstrace/core's compileStackPlan. Each point strace unwinds at gets a STACK record (the
   * registers and a copy of the stack), after a MAPS record when the mappings may have changed.
   */
  stackPlan?: Uint32Array;
  /**
   * strace -c alone: the syscalls traceSet selects are counted in the tracer thread (calls,
   * errors, time from entry stop to exit stop) instead of becoming SYSCALL_ENTER/EXIT records;
   * `done` then resolves with {@link TraceResult.rows}. Every other record still arrives. Default false.
   */
  countOnly?: boolean;
  /** With countOnly, strace -O: nanoseconds subtracted from each call's time (clamped at 0). */
  countOverheadNs?: number;
  /**
   * strace -p with a command: running processes traced too, as {@link attachTraced} would (every
   * thread of each with followForks; an ATTACHED record each; no seccomp filter of course). They
   * are seized once the command is forked, before it runs, as strace does. One that cannot be
   * seized gets a MESSAGE record with strace's text, and the command is traced all the same.
   * The session ends when every tracee has; `done` holds the command's status. Default none.
   */
  attachPids?: readonly number[];
}

/** Options of {@link attachTraced}. */
export interface AttachOptions {
  /** Threads to attach; with followForks, every thread of each one's process (/proc/PID/task). */
  pids: readonly number[];
  /** Capture plan from @tstrace/core (Uint32Array in the documented layout). */
  capturePlan: Uint32Array;
  /** Trace their new children too (strace -f). */
  followForks?: boolean;
  /** As in {@link SpawnOptions.traceSet}; filtering happens in the tracer (no seccomp in attach mode). */
  traceSet?: Uint8Array;
  /** Hand a batch to onBatch once it holds this many bytes; default 65536. */
  batchBytes?: number;
  /**
   * Kill the attached processes if the tracer dies (PTRACE_O_EXITKILL, strace --kill-on-exit);
   * default false: a dying tracer leaves them running (the kernel detaches them).
   */
  exitKill?: boolean;
  /** As in {@link SpawnOptions.detachOnExec}, for every exec (none is the command's own). */
  detachOnExec?: boolean;
  /**
   * strace -D: the one pid (an ancestor of this process, see {@link startGrandchild}) is about to
   * exec the command with {@link execCommand}. Only its main thread is seized and nothing is
   * reported before its execve, exactly as for a spawned command. Default false.
   */
  untilExec?: boolean;
  /** As in {@link SpawnOptions.decodeComm}. */
  decodeComm?: boolean;
  /**
   * onBatch keeps no reference to a batch once its call returned (it copies what it needs):
   * each batch's memory is then freed as soon as onBatch returns (the Uint8Array is emptied,
   * its ArrayBuffer detached), so a long trace does not leave a pile of batches for the garbage
   * collector. Default false: batches stay valid for as long as they are referenced.
   */
  transientBatches?: boolean;
  /** As in {@link SpawnOptions.injectTable}. */
  injectTable?: Uint32Array;
  /** As in {@link SpawnOptions.stackPlan}. */
  stackPlan?: Uint32Array;
  /** As in {@link SpawnOptions.countOnly}. */
  countOnly?: boolean;
  /** As in {@link SpawnOptions.countOverheadNs}. */
  countOverheadNs?: number;
}

/** Options of {@link countSyscalls}. */
export interface CountOptions {
  /** argv[0] is the command as typed; resolved through PATH like strace does. */
  argv: readonly string[];
  /** Environment of the command; default: process.env. */
  env?: Readonly<Record<string, string>>;
  /** Working directory of the command; default: this process's. */
  cwd?: string;
  /** Count its children and threads too (strace -f). */
  followForks?: boolean;
  /** Syscall numbers to count, as in {@link SpawnOptions.traceSet}; absent = all. */
  traceSet?: Uint8Array;
  /**
   * strace -w: a call's time is the wall clock from its entry to its exit. Default false: the
   * time the thread spent on a CPU between entry and exit (wall time less the time it was
   * switched out), the counterpart of strace's system time.
   */
  wallClock?: boolean;
  /** strace -O: nanoseconds subtracted from each call's time (clamped at 0). Default 0. */
  overheadNs?: number;
  /**
   * Where counts come from. `bpf`: small eBPF programs on the raw syscall tracepoints count in
   * the kernel (nothing can be lost; needs CAP_BPF and CAP_PERFMON, or root). `ring-buffers`:
   * the raw_syscalls tracepoints' samples, read from per-CPU perf ring buffers (needs CAP_PERFMON
   * or kernel.perf_event_paranoid = -1, and readable tracefs). `auto` (default): the first that
   * the kernel allows.
   */
  source?: CountSource;
  /**
   * Data pages of each per-CPU ring buffer (a power of two); default 0: sized by the number of
   * CPUs (16 MiB over all of them, 256 KiB to 8 MiB each). Small values provoke lost events.
   */
  bufferPages?: number;
}

/** See {@link CountOptions.source}. */
export type CountSource = "auto" | "bpf" | "ring-buffers";

/** One syscall's totals. */
export interface SyscallTotals {
  nr: number;
  calls: number;
  /** Calls that returned -1..-4095 (an errno). */
  errors: number;
  /** Nanoseconds over all calls (see {@link CountOptions.wallClock}). */
  totalNs: number;
  minNs: number;
  maxNs: number;
}

/** How a counted command ended, and its counts. */
export interface CountResult extends TraceResult {
  /** Per syscall, in number order; only calls that returned (exit_group never does). */
  rows: SyscallTotals[];
  /** Events dropped because a ring buffer (or an eBPF map) was full: when > 0 the counts are short. */
  lost: number;
  /** Where the counts came from. */
  source: Exclude<CountSource, "auto">;
  /** strace's message when the command could not be executed ("exec: Permission denied"). */
  message?: string;
}

/** A running count. */
export interface CountSession {
  /** Process id of the command. */
  readonly pid: number;
  /** Resolves once the command (with followForks: every descendant) has ended. */
  readonly done: Promise<CountResult>;
  /** SIGKILL the command (and its descendants seen so far); `done` then resolves. */
  kill(): void;
}

interface CountHandle {
  pid: number;
  done: Promise<CountResult>;
  kill: () => void;
}

/** Where {@link startGrandchild} puts the grandchild: strace's -D, -DD, -DDD. */
export type GrandchildMode = "grandchild" | "pgroup" | "session";

/** How the traced command ended. */
export interface TraceResult {
  /** Raw wait(2) status of the initial process. */
  status: number;
  /** Exit code when it exited normally, else null. */
  exitCode: number | null;
  /** Terminating signal number when killed, else null. */
  signal: number | null;
  /** The terminating signal dumped core. */
  coreDumped: boolean;
  /** ptrace stops the tracer handled in the whole session (each one costs the tracee a round trip). */
  stops: number;
  /**
   * The signal of {@link TraceSession.interrupt} (or one caught by catchInterrupts) that ended
   * the session, else null. A caught signal may end it before this process's own handler ran.
   */
  interrupted: number | null;
  /** With {@link SpawnOptions.countOnly}: the syscalls made, in number order. */
  rows?: SyscallTotals[];
}

/**
 * A running trace. For an attached session, `done`'s status is the first attached process's
 * when it ended while traced; after a detach it is 0 with exitCode and signal null.
 */
export interface TraceSession {
  /** Process id of the traced command (attach: the first pid that could be attached). */
  readonly pid: number;
  /** Resolves after the last batch was delivered to onBatch. */
  readonly done: Promise<TraceResult>;
  /** SIGKILL every tracee (session then ends normally). */
  kill(): void;
  /**
   * Detach from every tracee, leaving it running as before (not stopped, pending signals not
   * lost; one stopped by a signal stays stopped); done resolves afterwards. Idempotent.
   */
  detach(): void;
  /**
   * strace's answer to a fatal signal it caught: a spawned command gets SIGCONT and `signo`,
   * then every tracee is let go as by {@link detach} (no stop of those signals is reported).
   * An attached session is only detached. Idempotent, and a no-op after detach().
   */
  interrupt(signo: number): void;
  /**
   * Makes `signals` reaching this process {@link interrupt} the session at once, on the tracer
   * thread, before it handles another stop (a terminal's Ctrl-C reaches the tracees at the same
   * moment; strace never reports their copy of it). The handlers already installed for them
   * (`process.on`) still run: install those first.
   */
  catchInterrupts(signals: readonly number[]): void;
}

interface Handle {
  pid: number;
  done: Promise<TraceResult>;
  kill: () => void;
  detach: () => void;
  interrupt: (signo: number) => void;
  catchInterrupts: (signals: number[]) => void;
  setTransient: (transient: boolean) => void;
  /** A batch's onBatch promise is pending: counts against the tracer thread's allowance. */
  hold: () => void;
  /** ...and has settled. */
  release: () => void;
}

/**
 * Receives one batch of records. Return nothing when done with it, or a promise that settles
 * when done (a sink still writing it out): while such promises are pending the tracer thread
 * hands over at most a couple more batches, then waits, and the tracees wait with it.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: handlers that return nothing (void) are the common case
export type BatchHandler = (batch: Uint8Array) => void | PromiseLike<unknown>;

interface Addon {
  spawn(
    argv: string[],
    plan: Uint32Array,
    env: string[] | undefined,
    cwd: string | undefined,
    followForks: boolean,
    batchBytes: number,
    traceSet: Uint8Array | undefined,
    seccomp: boolean,
    exitKill: boolean,
    onBatch: (batch: Uint8Array) => void,
    detachOnExec: boolean,
    inheritFds: number[] | undefined,
    ignoredSignals: number[],
    decodeComm: boolean,
    user: string | undefined,
    injectTable: Uint32Array | undefined,
    stackPlan: Uint32Array | undefined,
    countOnly: number | undefined,
    attachPids: number[],
  ): Handle;
  attach(
    pids: number[],
    plan: Uint32Array,
    followForks: boolean,
    traceSet: Uint8Array | undefined,
    batchBytes: number,
    onBatch: (batch: Uint8Array) => void,
    exitKill: boolean,
    detachOnExec: boolean,
    untilExec: boolean,
    decodeComm: boolean,
    injectTable: Uint32Array | undefined,
    stackPlan: Uint32Array | undefined,
    countOnly: number | undefined,
  ): Handle;
  resolveCommand(name: string): string;
  startGrandchild(path: string, argv: string[], env: string[], mode: number): string;
  execCommand(
    path: string,
    argv: string[],
    env: string[],
    inheritFds: number[] | undefined,
    ignoredSignals: number[],
  ): never;
  /** Restores signo's default action, unblocks and raises it (no core dump of the tracer). */
  raiseSignal(signo: number): void;
  count(
    argv: string[],
    env: string[] | undefined,
    cwd: string | undefined,
    followForks: boolean,
    traceSet: Uint8Array | undefined,
    wallClock: boolean,
    overheadNs: number,
    bufferPages: number,
    source: CountSource,
  ): CountHandle;
  countingUnavailableReason(): string;
  /** Kills every running session's tracees and joins their threads (for process 'exit'). */
  shutdown(): void;
  constants: { RECORD_FORMAT_VERSION: number } & Record<string, unknown>;
}

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Where the addon may be, in order: the platform package npm/pnpm/Deno install as an optional
 * dependency on a matching machine (the portable build, glibc >= 2.17), then a from-source build
 * of this checkout (`node scripts/build.mjs --from-source`, contributors only).
 */
function candidates(require: NodeJS.Require): string[] {
  const found: string[] = [];
  const platformPackage = `@tstrace/native-${process.platform}-${process.arch}-gnu`;
  try {
    found.push(require.resolve(platformPackage));
  } catch {
    found.push(`${platformPackage} (not installed)`);
  }
  found.push(join(packageRoot, "from-source", "build", "Release", "tstrace_native.node"));
  return found;
}

function loadAddon(): Addon {
  const require = createRequire(import.meta.url);
  const tried: string[] = [];
  for (const candidate of candidates(require)) {
    if (!candidate.endsWith(".node")) {
      tried.push(candidate);
      continue;
    }
    try {
      return require(candidate) as Addon;
    } catch (error) {
      const message = (error as Error).message.split("\n")[0];
      tried.push(`${candidate}: ${message}`);
    }
  }
  throw new Error(
    `@tstrace/native: no usable native addon. It ships prebuilt for Linux x86_64 with glibc >= 2.17 in the optional dependency @tstrace/native-linux-x64-gnu: install without omitting optional dependencies. Tried:\n  ${tried.join("\n  ")}`,
  );
}

let addon: Addon | undefined;
function binding(): Addon {
  if (addon === undefined) {
    const loaded = loadAddon();
    addon = loaded;
    // process.exit() skips Node-API env cleanup hooks: kill and reap tracees ourselves.
    process.once("exit", () => loaded.shutdown());
  }
  return addon;
}

/** The record-format version this binary writes. */
export const RECORD_FORMAT_VERSION: number = 1;

/**
 * Starts `options.argv` under ptrace. Tracing begins at the command's own execve; every batch of
 * records is passed to onBatch, in order. A slow onBatch, or one whose returned promises stay
 * pending, keeps the tracee stopped (nothing is dropped). If onBatch throws, the tracees are killed and `done` rejects with that error.
 *
 * Throws synchronously (Error with strace-like message, e.g. "Can't stat 'nosuch': No such file
 * or directory") when the command cannot be found, and TypeError/RangeError on bad options.
 */
export function spawnTraced(options: SpawnOptions, onBatch: BatchHandler): TraceSession {
  notOwnChildren(options.attachPids ?? []);
  const native = binding();
  const acknowledged = withAcknowledgement(onBatch);
  const handle = native.spawn(
    [...options.argv],
    options.capturePlan,
    envList(options.env ?? process.env),
    options.cwd,
    options.followForks ?? false,
    options.batchBytes ?? 65536,
    options.traceSet,
    options.seccomp ?? options.traceSet !== undefined,
    options.exitKill ?? false,
    acknowledged.onBatch,
    options.detachOnExec ?? false,
    options.inheritFds === undefined ? undefined : [...options.inheritFds],
    [...(options.ignoredSignals ?? [])],
    options.decodeComm ?? false,
    options.user,
    options.injectTable,
    options.stackPlan,
    countOnly(options),
    [...(options.attachPids ?? [])],
  );
  acknowledged.handle = handle;
  if (options.transientBatches) handle.setTransient(true);
  return session(handle);
}

/**
 * Attaches to running processes (PTRACE_SEIZE of every thread, then PTRACE_INTERRUPT) and
 * traces them until they end or {@link TraceSession.detach} is called. Each thread gets an
 * ATTACHED record first. A pid among several that cannot be attached gets a MESSAGE record with
 * strace's text; when none can, this throws synchronously with strace's message, one line per
 * pid: "attach: ptrace(PTRACE_SEIZE, 999999): No such process" (`errno` on the error).
 */
export function attachTraced(options: AttachOptions, onBatch: BatchHandler): TraceSession {
  notOwnChildren(options.pids);
  const acknowledged = withAcknowledgement(onBatch);
  const handle = binding().attach(
    [...options.pids],
    options.capturePlan,
    options.followForks ?? false,
    options.traceSet,
    options.batchBytes ?? 65536,
    acknowledged.onBatch,
    options.exitKill ?? false,
    options.detachOnExec ?? false,
    options.untilExec ?? false,
    options.decodeComm ?? false,
    options.injectTable,
    options.stackPlan,
    countOnly(options),
  );
  acknowledged.handle = handle;
  if (options.transientBatches) handle.setTransient(true);
  return session(handle);
}

/** Throws for a pid that is a child of this Node process: it cannot be traced from here. */
function notOwnChildren(pids: readonly number[]): void {
  for (const pid of pids) {
    if (parentOf(pid) === process.pid) {
      // libuv reaps its children with waitpid(pid): it would take the ptrace stops meant for the
      // tracer thread and the session would stall.
      throw new Error(
        `attachTraced: process ${pid} is a child of this Node process, which reaps it itself; start it with spawnTraced instead`,
      );
    }
  }
}

/**
 * strace -c without ptrace: starts `options.argv` and counts its system calls from the kernel's
 * raw_syscalls tracepoints (perf_event_open, per-CPU ring buffers drained on a native thread).
 * The command is never stopped. Counting starts at the command's own execve, as strace's does.
 *
 * Needs the kernel's permission for raw tracepoint samples: root, CAP_PERFMON, or
 * kernel.perf_event_paranoid = -1. When that is missing this throws an Error whose `code` is
 * `"ERR_TSTRACE_PERF_UNAVAILABLE"` before the command has run (so a caller can fall back to
 * {@link spawnTraced}); it throws strace's "Can't stat" error when the command cannot be found.
 */
export function countSyscalls(options: CountOptions): CountSession {
  const handle = binding().count(
    [...options.argv],
    envList(options.env ?? process.env),
    options.cwd,
    options.followForks ?? false,
    options.traceSet,
    options.wallClock ?? false,
    options.overheadNs ?? 0,
    options.bufferPages ?? 0,
    options.source ?? "auto",
  );
  return { pid: handle.pid, done: handle.done, kill: (): void => handle.kill() };
}

/**
 * Why {@link countSyscalls} cannot work on this machine for this process, or undefined when a
 * probe (its events opened on this process and closed again) succeeds.
 */
export function syscallCountingUnavailable(): string | undefined {
  return binding().countingUnavailableReason() || undefined;
}

/**
 * Resolves a command name like strace (and {@link spawnTraced}) does: a name with a '/' as is,
 * otherwise the first executable regular file along PATH. Throws strace's error ("Can't stat
 * 'x': No such file or directory", `errno` on the error).
 */
export function resolveCommand(name: string): string {
  return binding().resolveCommand(name);
}

/**
 * strace -D, first half: starts `argv` (the executable at `path`) as a grandchild of this process
 * (its parent exits at once, so the command this process is about to become does not inherit a
 * child), in this process group, a new one ("pgroup") or a new session ("session"), with the
 * write end of a pipe as its fd 3. Blocks until the grandchild closes fd 3 and returns what it
 * wrote there: the grandchild attaches to this process with `attachTraced({ untilExec: true })`
 * and then says whether that worked.
 */
export function startGrandchild(options: {
  path: string;
  argv: readonly string[];
  env: Readonly<Record<string, string>>;
  mode?: GrandchildMode;
}): string {
  const mode = ["grandchild", "pgroup", "session"].indexOf(options.mode ?? "grandchild");
  if (mode < 0) throw new RangeError(`startGrandchild: unknown mode ${String(options.mode)}`);
  return binding().startGrandchild(options.path, [...options.argv], envList(options.env), mode);
}

/**
 * strace -D, second half: replaces this Node process with the command (default signal actions,
 * an empty signal mask, stdio inherited), so its parent sees the command's own exit status.
 * Returns only by throwing, when execve failed ("exec: Permission denied", `errno` set).
 */
export function execCommand(options: {
  path: string;
  argv: readonly string[];
  env: Readonly<Record<string, string>>;
  /** As {@link SpawnOptions.inheritFds}. */
  inheritFds?: readonly number[];
  /** Signals the command starts with ignored, as in {@link SpawnOptions.ignoredSignals}. */
  ignoredSignals?: readonly number[];
}): never {
  return binding().execCommand(
    options.path,
    [...options.argv],
    envList(options.env),
    options.inheritFds === undefined ? undefined : [...options.inheritFds],
    [...(options.ignoredSignals ?? [])],
  );
}

/** The addon's countOnly argument: -O's overhead in ns when counting, else undefined. */
function countOnly(options: { countOnly?: boolean; countOverheadNs?: number }): number | undefined {
  return options.countOnly ? (options.countOverheadNs ?? 0) : undefined;
}

function envList(env: Readonly<Record<string, string | undefined>>): string[] {
  return Object.entries(env)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${value}`);
}

/** The parent pid of `pid` from /proc, or undefined when it cannot be read (gone, not Linux). */
function parentOf(pid: number): number | undefined {
  try {
    // node:fs through require: its ES module face evaluates every lazy export (streams,
    // promises) at import, a few ms of every tstrace start-up.
    const { readFileSync } = createRequire(import.meta.url)("node:fs") as typeof import("node:fs");
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

/**
 * Wraps onBatch so a returned promise holds its batch against the tracer thread's allowance
 * until it settles. The handle exists only once spawn/attach returned; no batch arrives before
 * (batches are delivered on this thread, after the current call).
 */
function withAcknowledgement(onBatch: BatchHandler): {
  onBatch: (batch: Uint8Array) => void;
  handle: Handle | undefined;
} {
  const wrapper: { onBatch: (batch: Uint8Array) => void; handle: Handle | undefined } = {
    handle: undefined,
    onBatch: (batch) => {
      const result = onBatch(batch);
      if (result === undefined || typeof (result as PromiseLike<unknown>).then !== "function") return;
      const handle = wrapper.handle as Handle;
      handle.hold();
      const release = (): void => handle.release();
      (result as PromiseLike<unknown>).then(release, release);
    },
  };
  return wrapper;
}

function session(handle: Handle): TraceSession {
  return {
    pid: handle.pid,
    done: handle.done,
    kill: (): void => handle.kill(),
    detach: (): void => handle.detach(),
    interrupt: (signo: number): void => handle.interrupt(signo),
    catchInterrupts: (signals: readonly number[]): void => handle.catchInterrupts([...signals]),
  };
}

/**
 * Ends this process by signal `signo` with its default action, as strace does when the tracee was
 * killed by it, so the parent shell sees the same death. Core dumps of this process are
 * suppressed. Returns only when the default action of `signo` does not terminate.
 */
export function raiseSignal(signo: number): void {
  binding().raiseSignal(signo);
}

/**
 * The record-format numbers compiled into the binary (for tests comparing them with @tstrace/core).
 * @internal
 */
export function nativeConstants(): Record<string, unknown> {
  return binding().constants;
}
