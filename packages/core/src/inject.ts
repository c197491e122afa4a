/**
 * strace's `-e inject=` / `-e fault=` expressions (strace 6.1's grammar and messages), compiled into
 * an injection table: one {@link InjectEntry} row of u32 words per syscall number, which the native
 * tracer applies at syscall-entry stops (strace's tamper_with_syscall_entering/exiting).
 *
 * `SET[:error=ERRNO|:retval=N][:signal=SIG][:syscall=NAME][:delay_enter=T][:delay_exit=T][:when=EXPR]`;
 * `fault=` takes only `error=`, `syscall=` and `when=`, and defaults to `error=ENOSYS`.
 */
import { errnos } from "./errno.js";
import { syscallByName } from "./lookup.js";
import { InjectEntry, InjectFlags } from "./record-format.js";
import { signals } from "./signals.js";
import { parseTraceExpr } from "./trace-expr.js";
import type { ArchTable } from "./types.js";

/** strace's INJECT_LAST_INF: `when=` without a last occurrence. */
export const INJECT_LAST_INF = 0xffff;
/** strace's MAX_ERRNO_VALUE. */
const MAX_ERRNO = 4095;

/** What happens to one syscall number's calls. */
export interface InjectAction {
  /** {@link InjectFlags} bits. */
  flags: number;
  /** when=: first occurrence (1-based), last ({@link INJECT_LAST_INF}: none), step (0: only the first). */
  first: number;
  last: number;
  step: number;
  /** error=: a positive errno. */
  error: number;
  /** retval=: the value returned (two's complement, 64 bits). */
  retval: bigint;
  /** signal=: the signal delivered at entry. */
  signo: number;
  /** syscall=: the pure syscall run instead (its number), or -1 (the kernel skips the call). */
  syscall: number;
  /** delay_enter= / delay_exit=, in nanoseconds. */
  delayEnterNs: bigint;
  delayExitNs: bigint;
}

/** One parsed expression: the syscalls it names and what happens to them. */
export interface InjectRule {
  readonly nrs: ReadonlySet<number>;
  readonly action: InjectAction;
}

/** A parse failure; the message is strace's line without its `strace: ` prefix. */
export class InjectError extends Error {}

/** strace's string_to_uint_upto: decimal digits only, at most `max`; -1 when invalid. */
function uintUpto(text: string, max: number): number {
  if (!/^\d+$/.test(text)) return -1;
  const n = Number(text);
  return n <= max ? n : -1;
}

/** strace's sigstr_to_uint: a number, or a name with or without SIG, any case. */
function signalNumber(token: string): number {
  if (/^\d/.test(token)) return uintUpto(token, 255);
  const bare = token.toUpperCase().replace(/^SIG/, "");
  return signals.find((s) => s.name.toUpperCase() === `SIG${bare}`)?.value ?? -1;
}

/** strtoull(s, 0) as a 64-bit value (hex, octal, a leading `-` wraps), or undefined. */
function ullong(text: string): bigint | undefined {
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.exec(text);
  if (!m) return undefined;
  const digits = m[2] as string;
  const v =
    digits.length > 1 && digits.startsWith("0") && !/^0[xX]/.test(digits)
      ? BigInt(`0o${digits.slice(1)}`)
      : BigInt(digits);
  if (v >= 1n << 64n) return undefined;
  return m[1] === "-" ? BigInt.asUintN(64, -v) : v;
}

/** strace's parse_ts: an integer or a decimal number with an optional s/ms/us/ns suffix (default us). */
function delayNs(text: string): bigint | undefined {
  const m = /^(\+?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\+?\.\d+(?:[eE][-+]?\d+)?)(s|ms|us|ns)?$/.exec(text);
  if (!m) return undefined;
  const scale = { s: 1e9, ms: 1e6, us: 1e3, ns: 1 }[(m[2] ?? "us") as "s" | "ms" | "us" | "ns"];
  const num = m[1] as string;
  if (/^\+?\d+$/.test(num)) return BigInt(num.replace("+", "")) * BigInt(scale);
  return BigInt(Math.floor(Number(num) * scale));
}

/** Flags of poke_enter=/poke_exit=, which tstrace parses but does not apply (outside InjectFlags). */
const POKE_ENTER = 1 << 16;
const POKE_EXIT = 1 << 17;

/** strace's parse_poke_token: `@argN=HEX` (N 1..7, an even number of hex digits, at most 2048), comma-separated. */
function validPokes(text: string): boolean {
  if (text === "") return false;
  const args = new Set<string>();
  for (const t of text.split(",").filter((x) => x !== "")) {
    if (!/^@arg[1-7]=(?:[0-9a-fA-F]{2}){1,1024}$/.test(t) || args.has(t.charAt(4))) return false;
    args.add(t.charAt(4)); // poke_add refuses a second poke of the same argument
  }
  return true;
}

/** strace's `when=` grammar: F, F+, F+S, F..L, F..L+, F..L+S (each at most 65535). */
function parseWhen(text: string, a: InjectAction): boolean {
  const m = /^(\d+)(?:\.\.(\d+))?(\+(\d*))?$/.exec(text);
  if (!m) return false;
  const first = uintUpto(m[1] as string, 0xffff);
  if (first < 1) return false;
  let last = INJECT_LAST_INF;
  if (m[2] !== undefined) {
    last = uintUpto(m[2], 0xffff);
    if (last < first || last === INJECT_LAST_INF) return false;
  }
  let step: number;
  if (m[3] !== undefined) {
    step = m[4] === "" ? 1 : uintUpto(m[4] as string, 0xffff);
    if (step < 1) return false;
  } else {
    step = last === INJECT_LAST_INF ? 0 : 1;
  }
  a.first = first;
  a.last = last;
  a.step = step;
  return true;
}

function parseToken(token: string, a: InjectAction, arch: ArchTable, faultOnly: boolean): boolean {
  const eq = token.indexOf("=");
  if (eq < 0) return false;
  const key = token.slice(0, eq);
  const val = token.slice(eq + 1);
  const once = (flag: number): boolean => {
    if (a.flags & flag) return false;
    a.flags |= flag;
    return true;
  };
  switch (key) {
    case "when":
      return parseWhen(val, a);
    case "syscall": {
      const row = syscallByName(arch, val);
      if (!row?.classes.includes("pure")) return false;
      a.syscall = row.nr;
      return once(InjectFlags.SYSCALL);
    }
    case "error": {
      if (a.flags & (InjectFlags.ERROR | InjectFlags.RETVAL)) return false;
      let n = uintUpto(val, MAX_ERRNO);
      if (n < 0) n = errnos.find((e) => e.name === val)?.value ?? -1;
      if (n < 1) return false;
      a.error = n;
      return once(InjectFlags.ERROR);
    }
    case "retval": {
      if (faultOnly || a.flags & (InjectFlags.ERROR | InjectFlags.RETVAL)) return false;
      const v = ullong(val);
      if (v === undefined) return false;
      a.retval = v;
      return once(InjectFlags.RETVAL);
    }
    case "signal": {
      if (faultOnly) return false;
      const n = signalNumber(val);
      if (n < 1 || n > 64) return false;
      a.signo = n;
      return once(InjectFlags.SIGNAL);
    }
    case "delay_enter":
    case "delay_exit": {
      if (faultOnly) return false;
      const ns = delayNs(val);
      if (ns === undefined) return false;
      if (key === "delay_enter") a.delayEnterNs = ns;
      else a.delayExitNs = ns;
      return once(key === "delay_enter" ? InjectFlags.DELAY_ENTER : InjectFlags.DELAY_EXIT);
    }
    case "poke_enter":
    case "poke_exit":
      // Checked as strace checks them (@argN=HEX,...), then refused once the whole expression parsed.
      if (faultOnly || !validPokes(val)) return false;
      return once(key === "poke_enter" ? POKE_ENTER : POKE_EXIT);
    default:
      return false;
  }
}

/**
 * Parses the text after `inject=` (or `fault=` when `fault`). Throws {@link InjectError} with
 * strace's message: `invalid inject argument 'TEXT'`, or the trace set's own error
 * (`invalid system call 'nosuch'`).
 */
export function parseInjectExpr(arch: ArchTable, text: string, fault = false): InjectRule {
  const invalid = (): InjectError =>
    new InjectError(`invalid ${fault ? "fault" : "inject"} argument '${text}'`);
  const action: InjectAction = {
    flags: 0,
    first: 1,
    last: INJECT_LAST_INF,
    step: 1,
    error: 0,
    retval: 0n,
    signo: 0,
    syscall: -1,
    delayEnterNs: 0n,
    delayExitNs: 0n,
  };
  if (text === "" || text.startsWith(":")) throw invalidSet("");
  const [name, ...tokens] = text.split(":").filter((t) => t !== "");
  for (const token of tokens) if (!parseToken(token, action, arch, fault)) throw invalid();
  let nrs: ReadonlySet<number>;
  try {
    nrs = parseTraceExpr(arch, name as string).nrs;
  } catch (err) {
    throw new InjectError((err as Error).message.replace(/^strace: /, ""));
  }
  const actionFlags =
    InjectFlags.SIGNAL |
    InjectFlags.ERROR |
    InjectFlags.RETVAL |
    InjectFlags.DELAY_ENTER |
    InjectFlags.DELAY_EXIT |
    POKE_ENTER |
    POKE_EXIT;
  if (!(action.flags & actionFlags)) {
    if (!fault) throw invalid();
    action.error = 38; // ENOSYS, fault='s default
    action.flags |= InjectFlags.ERROR;
  }
  if (action.flags & (POKE_ENTER | POKE_EXIT))
    throw new InjectError(
      `${action.flags & POKE_ENTER ? "poke_enter" : "poke_exit"}= is not supported by this build`,
    );
  return { nrs, action };
}

function invalidSet(name: string): InjectError {
  return new InjectError(`invalid system call '${name}'`);
}

/**
 * strace's warning for a retval the tracee may read as an error (-1 … -4095), or undefined.
 */
export function injectWarning(rule: InjectRule): string | undefined {
  const { action } = rule;
  if (!(action.flags & InjectFlags.RETVAL)) return undefined;
  const signed = BigInt.asIntN(64, action.retval);
  if (signed < 0n && signed >= -BigInt(MAX_ERRNO)) {
    return `Inadvertent injection of error ${-signed} is possible for retval=${action.retval}`;
  }
  return undefined;
}

/**
 * The table handed to the native tracer: {@link InjectEntry.length} u32 words per syscall that has
 * an action, later rules replacing earlier ones for the same number (strace's inject_vec).
 */
export function compileInjectTable(rules: readonly InjectRule[]): Uint32Array {
  const byNr = new Map<number, InjectAction>();
  for (const rule of rules) for (const nr of rule.nrs) byNr.set(nr, rule.action);
  const out = new Uint32Array(byNr.size * InjectEntry.length);
  let row = 0;
  for (const [nr, a] of [...byNr].sort((x, y) => x[0] - y[0])) {
    const w = row * InjectEntry.length;
    const lo = (v: bigint): number => Number(BigInt.asUintN(32, v));
    const hi = (v: bigint): number => Number(BigInt.asUintN(32, v >> 32n));
    out[w + InjectEntry.nr] = nr;
    out[w + InjectEntry.flags] = a.flags;
    out[w + InjectEntry.first] = a.first;
    out[w + InjectEntry.last] = a.last;
    out[w + InjectEntry.step] = a.step;
    out[w + InjectEntry.error] = a.error;
    out[w + InjectEntry.retvalLo] = lo(a.retval);
    out[w + InjectEntry.retvalHi] = hi(a.retval);
    out[w + InjectEntry.signo] = a.signo;
    out[w + InjectEntry.syscall] = a.syscall >>> 0;
    out[w + InjectEntry.delayEnterLo] = lo(a.delayEnterNs);
    out[w + InjectEntry.delayEnterHi] = hi(a.delayEnterNs);
    out[w + InjectEntry.delayExitLo] = lo(a.delayExitNs);
    out[w + InjectEntry.delayExitHi] = hi(a.delayExitNs);
    row++;
  }
  return out;
}

/** The syscall numbers a table injects into (they must stop the tracee). */
export function injectedNrs(table: Uint32Array): number[] {
  const out: number[] = [];
  for (let w = 0; w + InjectEntry.length <= table.length; w += InjectEntry.length) {
    out.push(table[w + InjectEntry.nr] as number);
  }
  return out;
}
