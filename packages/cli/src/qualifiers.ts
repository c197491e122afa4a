/**
 * strace's `-e QUALIFIER=SET` expressions (and their long spellings `--trace=`, `--signal=` …).
 * Each `-e` of one qualifier replaces the previous set, as strace's qualify_tokens clears its
 * set first; a leading `!` inverts; `all` / `none` are the whole and the empty set.
 */
import { type InjectRule, parseInjectExpr } from "@tstrace/core/inject";
import { signals } from "@tstrace/core/signals";
import { parseTraceExpr } from "@tstrace/core/trace-expr";
import { type ArchTable, personalityTable } from "./arch.js";
import { UsageError } from "./usage-error.js";

/** Return statuses of `-e status=` (strace's names, in its bit order). */
export const STATUSES = ["successful", "failed", "unfinished", "unavailable", "detached"] as const;
export type Status = (typeof STATUSES)[number];

/** Messages `-e quiet=` can suppress. */
export const QUIET_NAMES = [
  "attach",
  "exit",
  "path-resolution",
  "personality",
  "thread-execve",
  "superseded",
] as const;
export type QuietName = (typeof QUIET_NAMES)[number];

/** Other spellings strace's quietstr_to_uint accepts for a quiet name. */
const QUIET_ALIASES: Readonly<Record<string, QuietName>> = { exits: "exit" };

/** What `-e decode-pids=` / `--decode-pids=` can add to a pid (strace's order). */
export const PID_DETAILS = ["pidns", "comm"] as const;
export type PidDetail = (typeof PID_DETAILS)[number];

/** What `-e decode-fds=` / `--decode-fds=` can ask for about an fd. */
export const FD_DETAILS = ["path", "socket", "dev", "pidfd"] as const;
export type FdDetail = (typeof FD_DETAILS)[number];

/** Qualifier spellings strace accepts, mapped to the one we store. */
const QUALIFIER_ALIASES: Readonly<Record<string, string>> = {
  trace: "trace",
  t: "trace",
  signal: "signal",
  signals: "signal",
  s: "signal",
  status: "status",
  quiet: "quiet",
  silent: "quiet",
  silence: "quiet",
  q: "quiet",
  abbrev: "abbrev",
  a: "abbrev",
  verbose: "verbose",
  v: "verbose",
  raw: "raw",
  x: "raw",
  read: "read",
  reads: "read",
  r: "read",
  write: "write",
  writes: "write",
  w: "write",
  fault: "fault",
  inject: "inject",
  kvm: "kvm",
  "decode-fds": "decode-fds",
  "decode-fd": "decode-fds",
  "decode-pids": "decode-pids",
  "decode-pid": "decode-pids",
  secontext: "secontext",
};

/** strace 6.1 built without SELinux says this of `--secontext` and `-e secontext=`, and exits 1. */
export const SECONTEXT_UNSUPPORTED =
  "SELinux context printing (--secontext option) is not supported by this build of strace";

/** `-e read=` / `-e write=` descriptors: those listed below 65536, and whether the rest are in. */
export interface FdSelection {
  readonly fds: ReadonlySet<number>;
  readonly others: boolean;
}

const FD_UNIVERSE_SIZE = 65536;

/**
 * strace's strtok over a set: empty tokens are skipped, and a set with none at all is refused
 * naming the whole expression (`-e read=!` → "invalid descriptor '!'").
 */
function tokensOf(expr: string, text: string, what: string): string[] {
  const tokens = text.split(",").filter((t) => t !== "");
  if (tokens.length === 0) throw new UsageError(`invalid ${what} '${expr}'`, false);
  return tokens;
}

/** strace's qualify_tokens over descriptors ("invalid descriptor 'x'"); `!`, `all`, `none`. */
export function fdSelection(expr: string): FdSelection {
  let text = expr;
  let invert = false;
  while (text.startsWith("!")) {
    invert = !invert;
    text = text.slice(1);
  }
  const fds = new Set<number>();
  const all = text === "all";
  if (!all && text !== "none") {
    for (const token of tokensOf(expr, text, "descriptor")) {
      if (!/^\d+$/.test(token) || Number(token) > 0x7fffffff)
        throw new UsageError(`invalid descriptor '${token}'`, false);
      if (Number(token) < FD_UNIVERSE_SIZE) fds.add(Number(token));
    }
  }
  if (all) return invert ? { fds, others: false } : { fds: everyFd(() => true), others: true };
  return invert ? { fds: everyFd((fd) => !fds.has(fd)), others: true } : { fds, others: false };
}

function everyFd(keep: (fd: number) => boolean): Set<number> {
  const out = new Set<number>();
  for (let fd = 0; fd < FD_UNIVERSE_SIZE; fd++) if (keep(fd)) out.add(fd);
  return out;
}

/** The result of all `-e` expressions on a command line. */
export interface Qualifiers {
  /** Selected syscall numbers (in the session's architecture), or undefined when every syscall is traced. */
  trace: ReadonlySet<number> | undefined;
  /** Signals whose delivery is printed, or undefined for all. */
  signal: ReadonlySet<number> | undefined;
  /** Return statuses printed, or undefined for all. */
  status: ReadonlySet<Status> | undefined;
  /** Messages suppressed. */
  quiet: ReadonlySet<QuietName>;
  /** decode-fds=: what fds print with, or undefined when not given. */
  decodeFds: ReadonlySet<FdDetail> | undefined;
  /** decode-pids= (-Y: comm, --pidns-translation: pidns): what pids print with. */
  decodePids: ReadonlySet<PidDetail>;
  /** -e raw=: syscall numbers printed raw, or undefined for none. */
  raw: ReadonlySet<number> | undefined;
  /** -e abbrev= (-v: none): syscall numbers whose structs are abbreviated, or undefined for all. */
  abbrev: ReadonlySet<number> | undefined;
  /** -e verbose=: syscall numbers whose structs and arrays are fetched, or undefined for all. */
  verbose: ReadonlySet<number> | undefined;
  /** -e read=: descriptors whose reads are dumped, or undefined. */
  read: FdSelection | undefined;
  /** -e write=: descriptors whose writes are dumped, or undefined. */
  write: FdSelection | undefined;
  /** -e inject= / -e fault=: in order (a later one wins for a syscall both name). */
  inject: InjectRule[];
}

export function emptyQualifiers(): Qualifiers {
  return {
    trace: undefined,
    signal: undefined,
    status: undefined,
    quiet: new Set(),
    decodeFds: undefined,
    decodePids: new Set(),
    raw: undefined,
    abbrev: undefined,
    verbose: undefined,
    read: undefined,
    write: undefined,
    inject: [],
  };
}

/** strace's sigstr_to_uint: a number up to 255, or a name with or without SIG, any case. */
function signalNumber(token: string): number | undefined {
  if (/^\d/.test(token)) {
    return /^\d+$/.test(token) && Number(token) <= 255 ? Number(token) : undefined;
  }
  const bare = token.toUpperCase().replace(/^SIG/, "");
  return signals.find((s) => s.name.toUpperCase() === `SIG${bare}`)?.value;
}

/** Generic qualify_tokens over a finite universe: `!` inverts, `all`, `none`, comma lists. */
function tokenSet<T>(
  expr: string,
  universe: readonly T[],
  lookup: (token: string) => T | undefined,
  what: string,
): Set<T> {
  let text = expr;
  let invert = false;
  while (text.startsWith("!")) {
    invert = !invert;
    text = text.slice(1);
  }
  const chosen = new Set<T>();
  if (text === "all") {
    for (const v of universe) chosen.add(v);
  } else if (text !== "none") {
    for (const token of tokensOf(expr, text, what)) {
      const v = lookup(token);
      if (v === undefined) throw new UsageError(`invalid ${what} '${token}'`, false);
      chosen.add(v);
    }
  }
  return invert ? new Set(universe.filter((v) => !chosen.has(v))) : chosen;
}

const SIGNAL_UNIVERSE: readonly number[] = Array.from({ length: 255 }, (_, i) => i + 1);

/** Applies one qualifier (`name` as typed, `value` after `=`) to `q`. */
export function applyQualifier(q: Qualifiers, name: string, value: string, arch: ArchTable): void {
  const qualifier = QUALIFIER_ALIASES[name];
  switch (qualifier) {
    case "trace":
    case "raw":
    case "abbrev":
    case "verbose":
      // strace reads all four with qualify_syscall_tokens: one set language, one set of errors.
      try {
        q[qualifier] = parseTraceExpr(arch, value, personalityTable).nrs;
      } catch (err) {
        const message = (err as Error).message.replace(/^strace: /, "");
        throw new UsageError(message, message.startsWith("incorrect personality designator"));
      }
      return;
    case "signal":
      q.signal = tokenSet(value, SIGNAL_UNIVERSE, signalNumber, "signal");
      return;
    case "status":
      q.status = tokenSet<Status>(
        value,
        STATUSES,
        (t) => ((STATUSES as readonly string[]).includes(t) ? (t as Status) : undefined),
        "status",
      );
      return;
    case "quiet": {
      const set = tokenSet<QuietName>(
        value,
        QUIET_NAMES,
        (t) => ((QUIET_NAMES as readonly string[]).includes(t) ? (t as QuietName) : QUIET_ALIASES[t]),
        "quiet",
      );
      q.quiet = set;
      return;
    }
    case "decode-fds":
      q.decodeFds = tokenSet<FdDetail>(
        value,
        FD_DETAILS,
        (t) => ((FD_DETAILS as readonly string[]).includes(t) ? (t as FdDetail) : undefined),
        "decode-fds",
      );
      return;
    case "decode-pids":
      q.decodePids = tokenSet<PidDetail>(
        value,
        PID_DETAILS,
        (t) => ((PID_DETAILS as readonly string[]).includes(t) ? (t as PidDetail) : undefined),
        "decode-pids",
      );
      return;
    case "read":
    case "write": {
      const sel = fdSelection(value);
      q[qualifier] = sel.fds.size > 0 || sel.others ? sel : undefined;
      return;
    }
    case "inject":
    case "fault":
      try {
        q.inject.push(parseInjectExpr(arch, value, qualifier === "fault"));
      } catch (err) {
        throw new UsageError((err as Error).message, false);
      }
      return;
    case "secontext":
      throw new UsageError(SECONTEXT_UNSUPPORTED, false);
    case undefined:
      return;
    default:
      throw new UsageError(`-e ${qualifier}= is not supported by this build`, false);
  }
}

/**
 * One `-e EXPR`: `QUALIFIER=SET`, or a bare SET meaning `trace=SET`. strace treats an unknown
 * qualifier as part of a trace set (`-e nosuch=1` → "invalid system call 'nosuch=1'").
 */
export function applyExpression(q: Qualifiers, expr: string, arch: ArchTable): void {
  const eq = expr.indexOf("=");
  if (eq > 0 && QUALIFIER_ALIASES[expr.slice(0, eq)] !== undefined) {
    applyQualifier(q, expr.slice(0, eq), expr.slice(eq + 1), arch);
  } else {
    applyQualifier(q, "trace", expr, arch);
  }
}

/** -q, -qq, -qqq as strace 6.1 defines them. */
export function quietForCount(count: number): Set<QuietName> {
  if (count <= 0) return new Set();
  if (count === 1) return new Set(["attach", "personality"]);
  if (count === 2) return new Set(["attach", "personality", "exit"]);
  return new Set(QUIET_NAMES);
}
