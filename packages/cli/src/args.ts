import { injectWarning } from "@tstrace/core/inject";
import { type ArchTable, sessionArch } from "./arch.js";
import { OPTION_TABLE, type OptionRow } from "./option-table.js";
import { pidsFrom } from "./pids.js";
import {
  applyExpression,
  applyQualifier,
  emptyQualifiers,
  FD_DETAILS,
  type FdDetail,
  type FdSelection,
  fdSelection,
  type Qualifiers,
  quietForCount,
  SECONTEXT_UNSUPPORTED,
} from "./qualifiers.js";
import { parseSummaryBackend, perfBlocker, type SummaryBackend } from "./stats/backend.js";
import { parseOverhead } from "./stats/overhead.js";
import { type Column, DEFAULT_COLUMNS, parseColumns, parseSortBy, type SortBy } from "./stats/table.js";
import { UsageError } from "./usage-error.js";

/** Timestamp precision of -t/-r/-T (strace's s, ms, us, ns). */
export type Precision = "s" | "ms" | "us" | "ns";

/** What the command line asked for. */
export interface CliOptions {
  /** The syscall table the session traces and decodes with (chosen once: see arch.ts). */
  readonly arch: ArchTable;
  /** -o FILE: trace output file (or `|command` / `!command`); undefined means stderr. */
  readonly output: string | undefined;
  /** -A: append to the -o file. */
  readonly append: boolean;
  /** -ff or --output-separately: one FILE.PID per process (needs -o). */
  readonly separately: boolean;
  /** --syscall-limit=N: stop tracing after N syscalls (0: no limit). */
  readonly syscallLimit: number;
  /** -s N: maximum string size printed. */
  readonly strsize: number;
  /** -a N: column the return value is aligned to. */
  readonly columns: number;
  /** -x count or --strings-in-hex: 0 none, 1 non-ascii (-x), 2 all (-xx), 3 non-ascii-chars. */
  readonly hex: 0 | 1 | 2 | 3;
  /** -X raw|abbrev|verbose. */
  readonly constStyle: "raw" | "abbrev" | "verbose" | undefined;
  /** -v or -e abbrev=none: every syscall unabbreviated. */
  readonly verbose: boolean;
  /**
   * What the tracer reads about fds: -y (path), -yy (all), --decode-fds / -e decode-fds= (path,
   * or all when the set names any detail: native resolves sockets, devices and pidfds together).
   */
  readonly decodeFds: "none" | "path" | "all";
  /** What fds print with: the --decode-fds set (-y: path; -yy: every member). */
  readonly fdDetails: readonly FdDetail[];
  /** -n */
  readonly syscallNumber: boolean;
  /** -i */
  readonly instructionPointer: boolean;
  /** -k: frames after each syscall line. */
  readonly stackTraces: boolean;
  /** -t/-tt/-ttt/--timestamps: format and precision, or undefined. */
  readonly absTimestamps: { readonly format: "time" | "unix"; readonly precision: Precision } | undefined;
  /** -r: precision, or undefined. */
  readonly relTimestamps: Precision | undefined;
  /** -T: precision, or undefined. */
  readonly syscallTimes: Precision | undefined;
  /** -f: follow forks. */
  readonly follow: boolean;
  /** -p: pids to attach to. */
  readonly pids: readonly number[];
  /** --seccomp-bpf (true), --no-seccomp-bpf (false), or neither (undefined: on when filtering). */
  readonly seccomp: boolean | undefined;
  /** -b execve / --detach-on=execve: detach from a tracee when it execs. */
  readonly detachOnExec: boolean;
  /** --kill-on-exit: tracees (attached ones too) die with tstrace instead of being let go. */
  readonly killOnExit: boolean;
  /** --record=FILE: the record stream is also written there. */
  readonly record: string | undefined;
  /** --replay=FILE: a recording is printed instead of tracing. */
  readonly replay: string | undefined;
  /** --json: JSON Lines instead of strace's text (and -c's table as one JSON object). */
  readonly json: boolean;
  /** -D/-DD/-DDD, --daemonize=: the tracer runs as the command's detached grandchild. */
  readonly daemonize: DaemonMode | undefined;
  /** -e / --trace= / --signal= / --status= / --quiet= / -z / -Z / -q. */
  readonly qualifiers: Qualifiers;
  /** -P PATH…: trace only syscalls that access these paths. */
  readonly tracePaths: readonly string[];
  /** --trace-fds=SET: trace only syscalls on these fds (strace 6.8+; not in strace 6.1). */
  readonly traceFds: FdSelection | undefined;
  /** -c (only) or -C (with the trace), else undefined. */
  readonly summary: "only" | "also" | undefined;
  /** -S */
  readonly sortBy: SortBy;
  /** -U */
  readonly summaryColumns: readonly Column[];
  /** -w */
  readonly wallClock: boolean;
  /** -O: nanoseconds subtracted from each counted call. */
  readonly overheadNs: number;
  /** --summary-backend: how -c counts (perf events, ptrace, or perf when allowed). */
  readonly summaryBackend: SummaryBackend;
  /** -q count. */
  readonly quiet: number;
  /** Messages strace prints for options given in vain (`-S … has no effect without …`). */
  readonly warnings: readonly string[];
  /** -E: environment changes for the command, in order (`VAR=VAL` sets, `VAR` removes). */
  readonly envChanges: readonly string[];
  /** -u: the user the command runs as. */
  readonly user: string | undefined;
  /**
   * -I, or strace's default: fatal signals end tracing ("anywhere", "waiting") or are ignored
   * ("never"; "never_tstp" ignores ^Z too). Default "never" for -o FILE with a command,
   * "never_tstp" for -D, else "waiting".
   */
  readonly interruptible: Interruptible;
  /** -d (accepted; tstrace prints no debug messages). */
  readonly debug: boolean;
  /** -h */
  readonly help: boolean;
  /** -V */
  readonly version: boolean;
  /** The command and its arguments. */
  readonly command: readonly string[];
}

interface ParsedOption {
  readonly row: OptionRow;
  readonly value: string | undefined;
  /** Given as its letter (`-q`), not its long name. */
  readonly short: boolean;
}

const byShort = new Map(OPTION_TABLE.filter((r) => r.short).map((r) => [r.short as string, r]));
const byLong = new Map(OPTION_TABLE.filter((r) => r.long).map((r) => [r.long as string, r]));

/**
 * getopt_long's long-name lookup: the exact name, else the one option the name abbreviates
 * (`--stack-trace` for `--stack-traces`); several options sharing the prefix are ambiguous.
 */
function longOption(name: string, word: string): OptionRow {
  const exact = byLong.get(name);
  if (exact) return exact;
  const matches = name === "" ? [] : OPTION_TABLE.filter((r) => r.long?.startsWith(name));
  const first = matches[0];
  if (!first) throw new UsageError(`unrecognized option '${word}'`);
  if (matches.every((r) => r.key === first.key && r.arg === first.arg)) return first;
  const names = matches.map((r) => `'--${r.long}'`).join(" ");
  throw new UsageError(`option '${word}' is ambiguous; possibilities: ${names}`);
}

/**
 * getopt_long with strace's "+" mode: options stop at the first non-option (the command), so
 * `tstrace ls -l` passes `-l` to ls. A lone `--` ends options too; pnpm passes one through, hence
 * a leading `--` is simply that terminator.
 */
function* scanOptions(argv: readonly string[]): Generator<ParsedOption, readonly string[]> {
  let i = 0;
  while (i < argv.length) {
    const word = argv[i] as string;
    if (word === "--") return argv.slice(i + 1);
    if (!word.startsWith("-") || word === "-") return argv.slice(i);
    i++;
    if (word.startsWith("--")) {
      const eq = word.indexOf("=");
      const row = longOption(word.slice(2, eq < 0 ? undefined : eq), word);
      const name = row.long;
      let value: string | undefined = eq < 0 ? undefined : word.slice(eq + 1);
      if (row.arg === "none" && value !== undefined) {
        throw new UsageError(`option '--${name}' doesn't allow an argument`);
      }
      if (row.arg === "required" && value === undefined) {
        if (i >= argv.length) throw new UsageError(`option '--${name}' requires an argument`);
        value = argv[i++];
      }
      yield { row, value, short: false };
      continue;
    }
    for (let j = 1; j < word.length; j++) {
      const letter = word[j] as string;
      const row = byShort.get(letter);
      if (!row) throw new UsageError(`invalid option -- '${letter}'`);
      if (row.arg === "required") {
        let value = word.slice(j + 1);
        if (value === "") {
          if (i >= argv.length) throw new UsageError(`option requires an argument -- '${letter}'`);
          value = argv[i++] as string;
        }
        yield { row, value, short: true };
        break;
      }
      yield { row, value: undefined, short: true };
    }
  }
  return [];
}

/** strace's string_to_uint_upto: a decimal in range, else "invalid -X argument: 'v'". */
function parseUint(letter: string, value: string, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) > max) {
    throw new UsageError(`invalid -${letter} argument: '${value}'`);
  }
  return Number(value);
}

const PRECISIONS: readonly string[] = ["s", "ms", "us", "ns"];

/** strace's str2timescale: s, ms, us or ns, in any case. */
function precisionOf(value: string): Precision | undefined {
  const p = value.toLowerCase();
  return PRECISIONS.includes(p) ? (p as Precision) : undefined;
}

function parsePrecision(option: string, value: string): Precision {
  const p = precisionOf(value);
  if (p === undefined) throw new UsageError(`invalid ${option} argument: '${value}'`);
  return p;
}

type TimestampsArg = { format: "none" | "time" | "unix"; precision: Precision | undefined };

/**
 * --timestamps=[[format:]FORMAT][,[precision:]PRECISION] as strace's parse_ts_arg: comma-separated
 * items in any order and case, empty ones skipped, the last of each kind winning. Repeated options
 * add up: what one leaves out keeps the value an earlier one gave (`--timestamps=format:unix
 * --timestamps=precision:ms` is unix time in ms).
 */
function parseTimestamps(option: string, value: string, earlier: TimestampsArg | undefined): TimestampsArg {
  const bad = (): never => {
    throw new UsageError(`invalid ${option} argument: '${value}'`);
  };
  let format: TimestampsArg["format"] | undefined;
  let precision: Precision | undefined;
  for (const raw of value.split(",")) {
    if (raw === "") continue;
    const item = raw.toLowerCase();
    const [kind, word] = item.startsWith("format:")
      ? ["format", item.slice(7)]
      : item.startsWith("precision:")
        ? ["precision", item.slice(10)]
        : ["any", item];
    if (kind !== "precision" && (word === "none" || word === "time" || word === "unix")) format = word;
    else if (kind !== "format" && precisionOf(word) !== undefined) precision = precisionOf(word);
    else bad();
  }
  return { format: format ?? earlier?.format ?? "time", precision: precision ?? earlier?.precision };
}

/** -t (time, s), -tt (time, us), -ttt (unix, us) or --timestamps, whose precision defaults to s. */
function absoluteTimestamps(tCount: number, arg: TimestampsArg | undefined): CliOptions["absTimestamps"] {
  if (tCount === 1) return { format: "time", precision: "s" };
  if (tCount > 1) return { format: tCount === 2 ? "time" : "unix", precision: "us" };
  if (arg === undefined || arg.format === "none") return undefined;
  return { format: arg.format, precision: arg.precision ?? "s" };
}

/**
 * -y is paths, -yy everything; a decode-fds= set prints paths for any fd and details when it
 * names any (the native side resolves sockets, devices and pidfds together).
 */
function decodeFdsMode(details: readonly FdDetail[]): CliOptions["decodeFds"] {
  if (details.length === 0) return "none";
  return details.some((d) => d !== "path") ? "all" : "path";
}

/** The --decode-fds set; strace refuses -y together with --decode-fds. */
function fdDetailsOf(yCount: number, set: ReadonlySet<FdDetail> | undefined): readonly FdDetail[] {
  if (yCount > 0 && set !== undefined)
    throw new UsageError("-y and --decode-fds cannot be provided simultaneously", false);
  if (yCount > 0) return yCount >= 2 ? FD_DETAILS : ["path"];
  return set === undefined ? [] : FD_DETAILS.filter((d) => set.has(d));
}

/** --strings-in-hex values (strace's xflag_str) and the decoder's hex style for each. */
const HEX_STYLES: Readonly<Record<string, number>> = {
  none: 0,
  "non-ascii-chars": 3,
  "non-ascii": 1,
  all: 2,
};

/** -I's modes, in strace's order (1 to 4). */
export type Interruptible = "anywhere" | "waiting" | "never" | "never_tstp";
const INTERRUPTIBLE: readonly Interruptible[] = ["anywhere", "waiting", "never", "never_tstp"];

/** strace's parse_interruptible_arg: a name (`always` is `anywhere`) or 1 to 4. */
function parseInterruptible(value: string, flag: string): Interruptible {
  const named = value === "always" ? "anywhere" : value;
  if ((INTERRUPTIBLE as readonly string[]).includes(named)) return named as Interruptible;
  if (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 4)
    return INTERRUPTIBLE[Number(value) - 1] as Interruptible;
  throw new UsageError(`invalid ${flag} argument: '${value}'`);
}

/** strace's --daemonize values, in -D count order. */
export type DaemonMode = "grandchild" | "pgroup" | "session";
const DAEMON_MODES: readonly DaemonMode[] = ["grandchild", "pgroup", "session"];

/** Parses tstrace's argv (without `node` and the script). Throws {@link UsageError}. */
/**
 * strace's words on an explicit --seccomp-bpf, in its order. Without -f strace turns the filter
 * off; tstrace's tracer follows children silently and filters anyway (seccomp-choice.ts), so only
 * the words are strace's.
 */
function seccompWarnings(attachOnly: boolean, follow: boolean): string[] {
  const out: string[] = [];
  if (attachOnly) out.push("--seccomp-bpf is not enabled for processes attached with -p");
  if (!follow) out.push("--seccomp-bpf cannot be used without -f/--follow-forks, disabling");
  return out;
}

/** strace checks last, with -f only, that `-e trace=` leaves something out (absent: nothing). */
function selectsEverything(traced: ReadonlySet<number> | undefined, arch: ArchTable): boolean {
  return traced === undefined || arch.syscalls.every((s) => traced.has(s.nr));
}

/** The warnings of a parse that ended in a UsageError, for the caller to print before it. */
let pendingWarnings: readonly string[] = [];
export function warningsBeforeError(): readonly string[] {
  return pendingWarnings;
}

export function parseArgs(argv: readonly string[], arch: ArchTable = sessionArch()): CliOptions {
  pendingWarnings = [];
  let output: string | undefined;
  let append = false;
  let separately = false;
  let syscallLimit = 0;
  let strsize = 32;
  let columns = 40;
  let hex = 0;
  let hexLong: number | undefined;
  let constStyle: CliOptions["constStyle"];
  let yCount = 0;
  let syscallNumber = false;
  let instructionPointer = false;
  let stackTraces = false;
  let tCount = 0;
  let absTimestamps: TimestampsArg | undefined;
  let relTimestamps: Precision | undefined;
  let syscallTimes: Precision | undefined;
  let followCount = 0;
  const pids: number[] = [];
  let seccomp: boolean | undefined;
  let detachOnExec = false;
  let killOnExit = false;
  let record: string | undefined;
  let replay: string | undefined;
  let json = false;
  let dCount = 0;
  let daemonizeLong = false; // --daemonize (strace refuses it together with -D)
  let followShort = 0; // -f's count (strace refuses -f with --follow-forks, -ff with --output-separately)
  let daemonize: DaemonMode | undefined;
  const qualifiers = emptyQualifiers();
  let quietExplicit = false;
  const tracePaths: string[] = [];
  let traceFds: FdSelection | undefined;
  let summaryOnly = false;
  let summaryAlso = false;
  let sortBy: SortBy = "time";
  let summaryColumns: readonly Column[] = DEFAULT_COLUMNS;
  let wallClock = false;
  let overheadNs = 0;
  let summaryBackend: SummaryBackend = "auto";
  let summaryBackendGiven = false;
  let sortByGiven = false;
  let columnsGiven = false;
  const warnings: string[] = [];
  let quiet = 0;
  let help = false;
  let version = false;
  const envChanges: string[] = [];
  let user: string | undefined;
  let interruptible: Interruptible | undefined;
  let debug = false;
  const scanner = scanOptions(argv);
  let step = scanner.next();
  while (!step.done) {
    const { row, value, short } = step.value;
    const v = value ?? "";
    switch (row.key) {
      case "output":
        output = value;
        break;
      case "append":
        append = true;
        break;
      case "separately":
        separately = true;
        break;
      case "syscallLimit":
        syscallLimit = parseUint("-syscall-limit", v, 0x7fffffff);
        break;
      case "strsize":
        // strace 6.1 takes up to -1U / 4; the capture plan clamps what it reads, not the option.
        strsize = parseUint(short ? "s" : `-${row.long}`, v, 0x3fffffff);
        break;
      case "columns":
        columns = parseUint(short ? "a" : `-${row.long}`, v, 0x7fffffff);
        break;
      case "hex":
        hex = Math.min(hex + 1, 2);
        break;
      case "stringsInHex":
        hexLong = HEX_STYLES[value ?? "all"];
        if (hexLong === undefined) throw new UsageError(`invalid --strings-in-hex argument: '${v}'`);
        break;
      case "constStyle":
        if (v !== "raw" && v !== "abbrev" && v !== "verbose")
          throw new UsageError(`invalid -X argument: '${v}'`);
        constStyle = v;
        break;
      case "verbose":
        // strace's -v is qualify_abbrev("none"): a later -e abbrev= replaces it.
        applyQualifier(qualifiers, "abbrev", "none", arch);
        break;
      case "decodeFdsCount":
        yCount++;
        break;
      case "syscallNumber":
        syscallNumber = true;
        break;
      case "instructionPointer":
        instructionPointer = true;
        break;
      case "stackTraces":
        stackTraces = true;
        break;
      case "tCount":
        tCount++;
        break;
      case "absTimestamps":
        absTimestamps = parseTimestamps(`--${row.long}`, value ?? "time", absTimestamps);
        break;
      case "relTimestamps":
        relTimestamps = value === undefined ? "us" : parsePrecision("--relative-timestamps", v);
        break;
      case "syscallTimes":
        syscallTimes = value === undefined ? "us" : parsePrecision("--syscall-times", v);
        break;
      case "follow":
        if (short) followShort++;
        followCount++;
        break;
      case "pid":
        for (const pid of pidsFrom(v)) if (!pids.includes(pid)) pids.push(pid);
        break;
      case "seccomp":
        seccomp = true;
        break;
      case "secontext":
        throw new UsageError(SECONTEXT_UNSUPPORTED, false);
      case "noSeccomp":
        seccomp = false;
        break;
      case "detachOn":
        if (v !== "execve") throw new UsageError(`Syscall '${v}' for -b isn't supported`, false);
        detachOnExec = true;
        break;
      case "killOnExit":
        killOnExit = true;
        break;
      case "record":
        record = v;
        break;
      case "replay":
        replay = v;
        break;
      case "json":
        json = true;
        break;
      case "daemonize":
        if (!short) daemonizeLong = true;
        if (value === undefined && short) {
          dCount++;
          // Too many is said after the checks strace makes first (see below).
          daemonize = DAEMON_MODES[Math.min(dCount, DAEMON_MODES.length) - 1];
        } else {
          // strace's daemonize_str, matched in any case; pgrp is pgroup's other name.
          const lower = (value ?? "grandchild").toLowerCase();
          const named = lower === "pgrp" ? "pgroup" : lower;
          if (!DAEMON_MODES.includes(named as DaemonMode))
            throw new UsageError(`invalid --daemonize argument: '${v}'`);
          daemonize = named as DaemonMode;
        }
        break;
      case "expr":
        applyExpression(qualifiers, v, arch);
        if (/^(quiet|silent|silence|q)=/.test(v)) quietExplicit = true;
        break;
      case "env":
        envChanges.push(v);
        break;
      case "user":
        user = v;
        break;
      case "interruptible":
        interruptible = parseInterruptible(v, short ? "-I" : "--interruptible");
        break;
      case "debug":
        debug = true;
        break;
      case "qual:abbrev":
      case "qual:verbose":
      case "qual:raw":
      case "qual:trace":
      case "qual:signal":
      case "qual:status":
      case "qual:read":
      case "qual:write":
      case "qual:inject":
      case "qual:fault":
        applyQualifier(qualifiers, row.key.slice(5), v, arch);
        break;
      case "qual:decode-pids":
        applyQualifier(qualifiers, "decode-pids", v, arch);
        break;
      case "decodePidsComm":
        // strace's qualify_decode_pid("comm") for -Y: it replaces the set, as any -e decode-pids= does.
        applyQualifier(qualifiers, "decode-pids", "comm", arch);
        break;
      case "pidnsTranslation":
        applyQualifier(qualifiers, "decode-pids", "pidns", arch);
        break;
      case "qual:decode-fds":
        applyQualifier(qualifiers, "decode-fds", value ?? "path", arch);
        break;
      case "tracePath":
        tracePaths.push(v);
        break;
      case "traceFds":
        traceFds = fdSelection(v);
        break;
      case "successfulOnly":
        applyQualifier(qualifiers, "status", "successful", arch);
        break;
      case "failedOnly":
        applyQualifier(qualifiers, "status", "failed", arch);
        break;
      case "summaryOnly":
        summaryOnly = true;
        break;
      case "summary":
        summaryAlso = true;
        break;
      case "sortBy":
        sortBy = parseSortBy(v);
        sortByGiven = true;
        break;
      case "summaryColumns":
        summaryColumns = parseColumns(v);
        columnsGiven = true;
        break;
      case "wallClock":
        wallClock = true;
        break;
      case "overhead":
        overheadNs = parseOverhead(v);
        break;
      case "summaryBackend":
        summaryBackend = parseSummaryBackend(v);
        summaryBackendGiven = true;
        break;
      case "quiet":
        // -q counts; --quiet (--silent, --silence) is -e quiet=, attach,personality without a value.
        if (step.value.short) quiet++;
        else {
          applyQualifier(qualifiers, "quiet", value ?? "attach,personality", arch);
          quietExplicit = true;
        }
        break;
      case "help":
        help = true;
        break;
      case "version":
        version = true;
        break;
      case "tips":
        if (!validTips(value ?? "")) throw new UsageError(`invalid --tips argument: '${v}'`);
        break;
    }
    step = scanner.next();
  }
  const command = step.value;
  const abs = absoluteTimestamps(tCount, absTimestamps);
  if (help || version) {
    // -h and -V act before any other check, as in strace.
  } else {
    // strace warns while parsing the expression: a retval a program may read as an error.
    for (const rule of qualifiers.inject) {
      const w = injectWarning(rule);
      if (w) warnings.push(w);
    }
    // A tracee let go at its execve would keep the filter untraced (see seccomp-choice.ts).
    if (seccomp === true && detachOnExec)
      warnings.push("--seccomp-bpf is not enabled because it is not compatible with -b");
    else if (seccomp === true)
      warnings.push(...seccompWarnings(pids.length > 0 && command.length === 0, followCount > 0));
    // strace printed these as it went: they stay before the mistake that ends the parse.
    pendingWarnings = warnings;
    if (summaryOnly && summaryAlso) {
      throw new UsageError("-c/--summary-only and -C/--summary are mutually exclusive");
    }
    const needs = "must be given with (-c/--summary-only or -C/--summary)";
    if (!summaryOnly && !summaryAlso) {
      if (wallClock) throw new UsageError(`-w/--summary-wall-clock ${needs}`);
      if (columnsGiven) throw new UsageError(`-U/--summary-columns ${needs}`);
      if (sortByGiven)
        warnings.push("-S/--summary-sort-by has no effect without (-c/--summary-only or -C/--summary)");
      if (summaryBackendGiven)
        warnings.push("--summary-backend has no effect without (-c/--summary-only or -C/--summary)");
    }
    // What chooses how to trace has no meaning for a replay, which traces nothing.
    const tracing = command.length > 0 || pids.length > 0 || record !== undefined || daemonize !== undefined;
    if (replay !== undefined && (tracing || detachOnExec || seccomp !== undefined || killOnExit))
      throw new UsageError(
        "--replay traces nothing: it takes no PROG, -p, -D, -b, --seccomp-bpf, --kill-on-exit or --record",
      );
    if (command.length === 0 && pids.length === 0 && replay === undefined)
      throw new UsageError("must have PROG [ARGS] or -p PID");
    // strace's order: -D's checks come right after that one.
    if (dCount > 0 && daemonizeLong)
      throw new UsageError("-D and --daemonize cannot be provided simultaneously", false);
    if (daemonize && (command.length === 0 || pids.length > 0))
      throw new UsageError("PROG [ARGS] must be specified with -D/--daemonize");
    if (dCount > DAEMON_MODES.length)
      throw new UsageError(`Too many -D's (${dCount}), maximum supported -D count is ${DAEMON_MODES.length}`);
    if (tCount > 0 && absTimestamps !== undefined)
      throw new UsageError("-t and --absolute-timestamps cannot be provided simultaneously", false);
    if (hexLong !== undefined && hex > 0)
      throw new UsageError("-x and --strings-in-hex cannot be provided simultaneously", false);
    if (followShort > 0 && followCount > followShort)
      throw new UsageError("-f and --follow-forks cannot be provided simultaneously", false);
    if (followShort >= 2 && separately)
      throw new UsageError("-ff and --output-separately cannot be provided simultaneously", false);
    if (summaryOnly) {
      // strace's list, in its order, of what only shapes trace lines.
      const inVain = (flag: string): number => warnings.push(`${flag} has no effect with -c/--summary-only`);
      if (instructionPointer) inVain("-i/--instruction-pointer");
      if (stackTraces) inVain("-k/--stack-traces");
      if (syscallNumber) inVain("-n/--syscall-number");
      if (relTimestamps !== undefined) inVain("-r/--relative-timestamps");
      if (abs !== undefined) inVain("-t/--absolute-timestamps");
      if (syscallTimes !== undefined) inVain("-T/--syscall-times");
      if (yCount > 0 || (qualifiers.decodeFds !== undefined && qualifiers.decodeFds.size > 0))
        inVain("-y/--decode-fds");
    }
    // -D execs the command from this process, which does not change its ids.
    if (daemonize && user !== undefined)
      throw new UsageError("-u/--user together with -D/--daemonize is not supported by this build", false);
    // strace refuses these even without -o, where -ff would write one stream anyway.
    const asked = separately || followCount >= 2;
    if (asked && (summaryOnly || summaryAlso))
      throw new UsageError(
        "(-c/--summary-only or -C/--summary) and -ff/--output-separately are mutually exclusive",
      );
    if (asked && output !== undefined && (output.startsWith("|") || output.startsWith("!")))
      throw new UsageError("piping the output and -ff/--output-separately are mutually exclusive");
    // Only the long option is said to be in vain; a bare -ff just follows forks.
    if (separately && output === undefined)
      warnings.push("--output-separately has no effect without -o/--output");
    separately = asked && output !== undefined;
    if (seccomp === true && !detachOnExec && followCount > 0 && selectsEverything(qualifiers.trace, arch))
      warnings.push(
        "Seccomp filter is requested but there are no syscalls to filter.  See -e trace to filter syscalls.",
      );
  }
  pendingWarnings = [];
  if (hexLong !== undefined && hex === 0) hex = hexLong;
  if (quiet > 0 && quietExplicit && !help && !version)
    throw new UsageError("-q and -e quiet/--quiet cannot be provided simultaneously", false);
  if (quiet > 0) qualifiers.quiet = quietForCount(quiet);
  const fdDetails = fdDetailsOf(yCount, qualifiers.decodeFds);
  const options: CliOptions = {
    arch,
    output,
    append,
    separately,
    syscallLimit,
    strsize,
    columns,
    hex: hex as CliOptions["hex"],
    constStyle,
    verbose: qualifiers.abbrev !== undefined && qualifiers.abbrev.size === 0,
    decodeFds: decodeFdsMode(fdDetails),
    fdDetails,
    syscallNumber,
    instructionPointer,
    stackTraces,
    absTimestamps: abs,
    relTimestamps,
    syscallTimes,
    follow: followCount > 0,
    pids,
    seccomp,
    detachOnExec,
    killOnExit,
    record,
    replay,
    json,
    daemonize,
    qualifiers,
    tracePaths,
    traceFds,
    summary: summaryOnly ? "only" : summaryAlso ? "also" : undefined,
    sortBy,
    summaryColumns,
    wallClock,
    overheadNs,
    summaryBackend,
    quiet,
    warnings,
    envChanges,
    user,
    interruptible:
      interruptible ??
      (daemonize !== undefined
        ? "never_tstp"
        : output !== undefined && command.length > 0
          ? "never"
          : "waiting"),
    debug,
    help,
    version,
    command,
  };
  if (summaryBackend === "perf" && !help && !version) {
    const blocker = perfBlocker(options);
    if (blocker !== undefined)
      throw new UsageError(`--summary-backend=perf cannot count with ${blocker}`, false);
  }
  return options;
}

/**
 * strace's parse_tips_arg: comma-separated tokens, each `id:` + (a number up to INT_MAX or
 * `random`), `format:` + (`none`, `compact`, `full`), or either without its prefix; any case.
 */
function validTips(text: string): boolean {
  for (const token of text.split(",").filter((t) => t !== "")) {
    const lower = token.toLowerCase();
    const isId = (t: string): boolean => t === "random" || (/^\d+$/.test(t) && Number(t) <= 0x7fffffff);
    const isFormat = (t: string): boolean => t === "none" || t === "compact" || t === "full";
    if (lower.startsWith("id:")) {
      if (!isId(lower.slice(3))) return false;
    } else if (lower.startsWith("format:")) {
      if (!isFormat(lower.slice(7))) return false;
    } else if (!isId(lower) && !isFormat(lower)) return false;
  }
  return true;
}
