/**
 * strace's `-e inject=` / `-e fault=` expressions (strace 6.1's grammar and messages), compiled into
 * an injection table (a header, one {@link InjectEntry} row of u32 words per syscall number, then
 * the pokes' area), which the native tracer applies at syscall stops (strace's
 * tamper_with_syscall_entering/exiting).
 *
 * `SET[:error=ERRNO|:retval=N][:signal=SIG][:syscall=NAME][:delay_enter=T][:delay_exit=T]
 * [:poke_enter=@argN=HEX,...][:poke_exit=@argN=HEX,...][:when=EXPR]`;
 * `fault=` takes only `error=`, `syscall=` and `when=`, and defaults to `error=ENOSYS`.
 */
import { errnos } from "./errno.js";
import { syscallByName, syscallByNr } from "./lookup.js";
import { CaptureWhen, InjectEntry, InjectFlags, InjectPoke, InjectTable } from "./record-format.js";
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
  /** poke_enter= / poke_exit=: bytes written at the address an argument holds. */
  pokes: InjectPokeSpec[];
}

/** One `@argN=HEX` of poke_enter=/poke_exit=. */
export interface InjectPokeSpec {
  /** The argument (1..7) holding the tracee address. */
  readonly arg: number;
  /** poke_enter= (true) or poke_exit=. */
  readonly atEntry: boolean;
  /** The bytes written there. */
  readonly data: Uint8Array;
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

/** isspace() in the C locale: what sscanf skips before a conversion. */
const C_SPACE = " \t\n\v\f\r";

/**
 * glibc's sscanf(text + at, "%2hhx"), which strace reads each byte of a poke with: leading
 * white space skipped, then at most two characters of an optional sign, an optional `0x` and hex
 * digits. Undefined where sscanf converts nothing.
 */
function scanHexByte(text: string, at: number): number | undefined {
  let i = at;
  while (i < text.length && C_SPACE.includes(text.charAt(i))) i++;
  let width = 2;
  let negative = false;
  if (text.charAt(i) === "+" || text.charAt(i) === "-") {
    negative = text.charAt(i) === "-";
    i++;
    width--;
  }
  // "0x" fills the whole width: the conversion reads the 0.
  if (width === 2 && text.charAt(i) === "0" && /[xX]/.test(text.charAt(i + 1))) return 0;
  let value = 0;
  let digits = 0;
  while (digits < width && /[0-9a-fA-F]/.test(text.charAt(i))) {
    value = value * 16 + Number.parseInt(text.charAt(i), 16);
    i++;
    digits++;
  }
  if (digits === 0) return undefined;
  return (negative ? -value : value) & 0xff;
}

/**
 * strace's parse_poke_token: comma-separated `@argN=HEX` (N 1..7, an even number of characters,
 * at most 2048, each pair read as sscanf's %2hhx), no argument twice in one poke_enter= (or
 * poke_exit=). Undefined when invalid.
 */
function parsePokes(text: string, atEntry: boolean): InjectPokeSpec[] | undefined {
  if (text === "") return undefined;
  const out: InjectPokeSpec[] = [];
  for (const token of text.split(",").filter((x) => x !== "")) {
    const m = /^@arg([1-7])=(.*)$/s.exec(token);
    if (!m) return undefined;
    const hex = m[2] as string;
    if (hex.length === 0 || hex.length % 2 !== 0 || hex.length > 2048) return undefined;
    const data = new Uint8Array(hex.length / 2);
    for (let i = 0; i < data.length; i++) {
      const byte = scanHexByte(hex, 2 * i);
      if (byte === undefined) return undefined;
      data[i] = byte;
    }
    const arg = Number(m[1]);
    if (out.some((p) => p.arg === arg)) return undefined; // poke_add refuses a duplicate
    out.push({ arg, atEntry, data });
  }
  return out;
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
    case "poke_exit": {
      if (faultOnly) return false;
      const flag = key === "poke_enter" ? InjectFlags.POKE_ENTER : InjectFlags.POKE_EXIT;
      if (a.flags & flag) return false;
      const pokes = parsePokes(val, key === "poke_enter");
      if (pokes === undefined) return false;
      a.pokes.push(...pokes);
      return once(flag);
    }
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
    pokes: [],
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
    InjectFlags.POKE_ENTER |
    InjectFlags.POKE_EXIT;
  if (!(action.flags & actionFlags)) {
    if (!fault) throw invalid();
    action.error = 38; // ENOSYS, fault='s default
    action.flags |= InjectFlags.ERROR;
  }
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
 * strace's refusal of a poke at an argument the syscall does not have (poke_tcb checks n_args at
 * each due call), or undefined when the poke can be carried out.
 */
function pokeRefusal(arch: ArchTable, nr: number, arg: number): string | undefined {
  const row = syscallByNr(arch, nr);
  if (!row || arg <= row.nargs) return undefined;
  return `requested to tamper with argument #${arg}, but system call '${row.name}' has only ${row.nargs} arguments`;
}

const words = (bytes: number): number => Math.ceil(bytes / 4);

/**
 * The table handed to the native tracer ({@link InjectTable}): a header, {@link InjectEntry.length}
 * u32 words per syscall that has an action, later rules replacing earlier ones for the same number
 * (strace's inject_vec), then each row's pokes ({@link InjectPoke}). A poke at an
 * argument a syscall does not have carries strace's refusal as its note.
 */
export function compileInjectTable(rules: readonly InjectRule[], arch: ArchTable): Uint32Array {
  const byNr = new Map<number, InjectAction>();
  for (const rule of rules) for (const nr of rule.nrs) byNr.set(nr, rule.action);
  const sorted = [...byNr].sort((x, y) => x[0] - y[0]);
  const encoder = new TextEncoder();
  const pokeArea = sorted.map(([nr, a]) =>
    a.pokes.map((p) => ({ poke: p, note: encoder.encode(pokeRefusal(arch, nr, p.arg) ?? "") })),
  );
  const pokeWords = pokeArea
    .flat()
    .reduce((n, { poke, note }) => n + InjectPoke.length + words(poke.data.length) + words(note.length), 0);
  const rowsEnd = InjectTable.length + sorted.length * InjectEntry.length;
  const out = new Uint32Array(rowsEnd + pokeWords);
  const bytes = new Uint8Array(out.buffer);
  out[InjectTable.rows] = sorted.length;
  let next = rowsEnd;
  sorted.forEach(([nr, a], row) => {
    const w = InjectTable.length + row * InjectEntry.length;
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
    const pokes = pokeArea[row] ?? [];
    out[w + InjectEntry.pokes] = pokes.length > 0 ? next : 0;
    out[w + InjectEntry.pokeCount] = pokes.length;
    for (const { poke, note } of pokes) {
      out[next + InjectPoke.arg] = poke.arg;
      out[next + InjectPoke.when] = poke.atEntry ? CaptureWhen.ENTRY : CaptureWhen.EXIT;
      out[next + InjectPoke.bytes] = poke.data.length;
      out[next + InjectPoke.noteBytes] = note.length;
      next += InjectPoke.length;
      bytes.set(poke.data, next * 4);
      next += words(poke.data.length);
      bytes.set(note, next * 4);
      next += words(note.length);
    }
  });
  return out;
}

/** The syscall numbers a table injects into (they must stop the tracee). */
export function injectedNrs(table: Uint32Array): number[] {
  const out: number[] = [];
  const rows = table[InjectTable.rows] ?? 0;
  for (let row = 0; row < rows; row++) {
    out.push(table[InjectTable.length + row * InjectEntry.length + InjectEntry.nr] as number);
  }
  return out;
}
