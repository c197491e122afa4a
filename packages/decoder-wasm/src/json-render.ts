/**
 * `--json` back to strace's text: the proof that the JSON holds everything the text shows. For
 * every case of the conformance corpus, rendering each JSON event gives tstrace's text line, byte
 * for byte (tools/conformance's JSON mode). Strings are quoted again by the decoder's own quoting
 * (quoteString); constants, fds and signal sets carry strace's text in their leaf.
 */
import type { DecoderOptions, TimePrecision } from "./index.js";
import { quoteString } from "./index.js";
import type { JsonEvent, JsonInt, JsonSyscallEvent, JsonValue } from "./json-events.js";

/** The output options the text depends on (those of the decoder that wrote the text). */
export type RenderOptions = Pick<
  DecoderOptions,
  | "acolumn"
  | "timestamps"
  | "relativeTimestamps"
  | "syscallTimes"
  | "utcOffsetMinutes"
  | "attachNotice"
  | "syscallNumbers"
  | "instructionPointer"
> & {
  /** The tracer's name before its messages (`tstrace: `). */
  readonly program?: string;
};

const DIGITS: Readonly<Record<TimePrecision, number>> = { s: 0, ms: 3, us: 6, ns: 9 };
const SHORTHANDS: Readonly<Record<string, { format: "time" | "unix"; precision: TimePrecision }>> = {
  time: { format: "time", precision: "s" },
  micro: { format: "time", precision: "us" },
  epoch: { format: "unix", precision: "us" },
};

const big = (v: JsonInt): bigint => BigInt(v);

/** `secs.fff` of a nanosecond count at `digits` digits, the seconds right-aligned in `width`. */
function secs(ns: bigint, width: number, digits: number): string {
  const whole = (ns / 1_000_000_000n).toString().padStart(width);
  if (digits === 0) return whole;
  const frac = (ns % 1_000_000_000n).toString().padStart(9, "0").slice(0, digits);
  return `${whole}.${frac}`;
}

/** The bytes of a string leaf. */
function leafBytes(v: { readonly value: string; readonly bytes?: string }): Uint8Array {
  if (v.bytes === undefined) return new TextEncoder().encode(v.value);
  const out = new Uint8Array(v.bytes.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(v.bytes.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** One value as strace prints it. */
export function renderValue(v: JsonValue | true): string {
  if (v === null) return "NULL";
  if (typeof v === "number" || typeof v === "string") return String(v);
  if (v === true) return "...";
  if (Array.isArray(v)) return `[${v.map(renderValue).join(", ")}]`;
  const o = v as Readonly<Record<string, unknown>>;
  if (typeof o.type === "string") {
    const leaf = v as Extract<JsonValue, { readonly type: string }>;
    switch (leaf.type) {
      case "str": {
        const bytes = leafBytes(leaf);
        const hex = leaf.hex ? 2 : leaf.xesc ? 3 : 0;
        return quoteString(bytes, { strsize: bytes.length, hex }) + (leaf.truncated ? "..." : "");
      }
      case "hex":
        return `0x${big(leaf.value).toString(16)}`;
      case "oct":
        return `0${big(leaf.value).toString(8)}`;
      case "name":
        return leaf.name;
      case "named":
        return `${leaf.name}=${renderValue(leaf.value)}`;
      case "call":
        return `${leaf.name}(${leaf.args.map(renderValue).join(", ")})`;
      case "more":
        return "...";
      case "comment":
        return `/* ${leaf.text} */`;
      case "annotated":
        return `${renderValue(leaf.value)} /* ${leaf.comment} */`;
      case "changed":
        return `${renderValue(leaf.before)} => ${renderValue(leaf.after)}`;
      default:
        return leaf.text;
    }
  }
  const fields = Object.entries(o).map(([k, f]) =>
    k === "..." ? "..." : `${k}=${renderValue(f as JsonValue)}`,
  );
  return `{${fields.join(", ")}}`;
}

/**
 * Renders events one by one into strace's lines (with their newline). Stateful, as -r is (the
 * time since the previous line). Returns "" for what strace prints no line for (the -c summary
 * object, whose table `formatSummary` in the CLI prints).
 */
export class TextRenderer {
  readonly #o: RenderOptions;
  #lastNs: bigint | undefined;

  constructor(options: RenderOptions = {}) {
    this.#o = options;
  }

  /** The line of `event`; `prefix`: the pid prefix the text has there (`[pid N] `, `N `). */
  render(event: JsonEvent, prefix: "none" | "bracket" | "plain" = "none"): string {
    const e = event as JsonEvent &
      Partial<{ pid: number; ts_ns: JsonInt; comm: string; nr: number; ip: string | null }>;
    if (e.type === "summary") return "";
    if (e.type === "message") return `${this.#o.program ?? "tstrace"}: ${e.text}\n`;
    if ((e.type === "attached" || e.type === "detached") && e.ts_ns === undefined) {
      const threads = "threads" in e && e.threads !== undefined ? ` with ${e.threads} threads` : "";
      return `${this.#o.program ?? "tstrace"}: Process ${e.pid} ${e.type}${threads}\n`;
    }
    if (e.type === "attached" || e.type === "detached")
      return `${this.#o.attachNotice ?? ""}Process ${e.pid} ${e.type}\n`;
    let line = this.#prefix(e.pid as number, e.comm, prefix) + this.#stamps(big(e.ts_ns as JsonInt));
    if (this.#o.syscallNumbers && e.nr !== undefined) line += `[${String(e.nr).padStart(4)}] `;
    if (this.#o.instructionPointer && e.ip !== undefined) line += `[${e.ip ?? "?".repeat(16)}] `;
    switch (e.type) {
      case "syscall":
        return `${this.#syscall(line, e)}\n`;
      case "signal":
        return `${line}--- ${e.signal} ${renderValue(e.siginfo)} ---\n`;
      case "stopped":
        return `${line}--- stopped by ${e.signal} ---\n`;
      case "exit_stopped":
        return `${line}+++ stopped by ${e.signal} +++\n`;
      case "exited":
        return `${line}+++ exited with ${e.code} +++\n`;
      case "killed":
        line += `+++ killed by ${e.signal}${e.core_dumped ? " (core dumped)" : ""} +++`;
        return `${line}\n`;
      case "superseded":
        return `${line}+++ superseded by execve in pid ${e.former} +++\n`;
    }
  }

  #prefix(pid: number, comm: string | undefined, style: "none" | "bracket" | "plain"): string {
    const name = comm === undefined ? "" : `<${quoteString(new TextEncoder().encode(comm)).slice(1, -1)}>`;
    if (style === "bracket") return `[pid ${String(pid).padStart(5)}${name}] `;
    if (style === "plain") return `${name ? `${pid}${name}` : String(pid).padEnd(5)} `;
    return "";
  }

  #stamps(ns: bigint): string {
    const o = this.#o;
    const ts = typeof o.timestamps === "string" ? SHORTHANDS[o.timestamps] : o.timestamps;
    const rel = o.relativeTimestamps ?? (o.timestamps === "relative" ? "us" : undefined);
    let out = "";
    if (ts?.format === "time") {
      const tz = BigInt(Math.trunc(o.utcOffsetMinutes ?? -new Date().getTimezoneOffset()) * 60);
      let sod = (ns / 1_000_000_000n + tz) % 86400n;
      if (sod < 0n) sod += 86400n;
      const two = (n: bigint): string => n.toString().padStart(2, "0");
      const digits = DIGITS[ts.precision];
      const frac = digits ? `.${(ns % 1_000_000_000n).toString().padStart(9, "0").slice(0, digits)}` : "";
      out += `${two(sod / 3600n)}:${two((sod / 60n) % 60n)}:${two(sod % 60n)}${frac} `;
    } else if (ts?.format === "unix") out += `${secs(ns, 1, DIGITS[ts.precision])} `;
    if (rel !== undefined) {
      const last = this.#lastNs;
      const d = last !== undefined && ns > last ? ns - last : 0n;
      this.#lastNs = ns;
      const s = secs(d, 6, DIGITS[rel]);
      out += ts ? `(+${s}) ` : `${s} `;
    }
    return out;
  }

  #syscall(lead: string, e: JsonSyscallEvent): string {
    let line = lead;
    if (e.resumed) line += `<... ${e.name} resumed>`;
    else line += `${e.name}(${e.args.map(renderValue).join(", ")}${e.args_open ? ", " : ""}`;
    if (e.detached) return `${line} <detached ...>`;
    if (e.unfinished) line += " <unfinished ...>";
    // The trace ended inside the call: its line ends there.
    if (e.ret === undefined) return line;
    line += ") ";
    const col = this.#o.acolumn ?? 40;
    if (line.length < col) line = line.padEnd(col);
    const ret = e.ret === undefined || e.ret === null ? "?" : renderValue(e.ret);
    line += `= ${ret}`;
    if (e.errno !== undefined) line += ` ${e.errno}${e.error !== undefined ? ` (${e.error})` : ""}`;
    if (e.note !== undefined) line += ` ${e.note}`;
    if (e.injected_args) line += e.injected ? " (INJECTED: args, retval)" : " (INJECTED: args)";
    else if (e.injected) line += " (INJECTED)";
    if (e.delayed) line += " (DELAYED)";
    const times = this.#o.syscallTimes === true ? "us" : this.#o.syscallTimes || undefined;
    if (times && e.dur_ns !== undefined) line += ` <${secs(big(e.dur_ns), 1, DIGITS[times])}>`;
    return line;
  }
}
