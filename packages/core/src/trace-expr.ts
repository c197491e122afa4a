/**
 * strace's `-e trace=` set language, compiled to a set of syscall numbers for one architecture:
 * a comma-separated list of names, `%class` (or a legacy bare class name such as `file`), `/regex`,
 * `?item` (ignore it when unknown), `all`, `none`; a leading `!` negates the whole set. The error
 * messages are strace 6.1's.
 */
import type { ArchTable, SyscallClass } from "./types.js";

/** The syscall numbers a trace expression selects. */
export interface TraceSelection {
  /** Selected syscall numbers. */
  readonly nrs: ReadonlySet<number>;
  /** True when `nr` is selected. */
  has(nr: number): boolean;
}

/** Every strace class a trace expression can name (`%file`, …), in strace 6.1's order. */
export const SYSCALL_CLASSES: readonly SyscallClass[] = [
  "file",
  "desc",
  "network",
  "process",
  "memory",
  "ipc",
  "signal",
  "creds",
  "clock",
  "stat",
  "lstat",
  "fstat",
  "%stat",
  "statfs",
  "fstatfs",
  "%statfs",
  "pure",
];
/** Class names strace 6.1 still accepts without the `%`. */
const LEGACY: readonly string[] = ["file", "desc", "network", "process", "memory", "ipc", "signal"];

function classOf(token: string): SyscallClass | undefined {
  // strace's short spelling of %network.
  if (token === "%net") return "network";
  if (token.startsWith("%")) {
    const name = token.slice(1);
    return (SYSCALL_CLASSES as readonly string[]).includes(name)
      ? (name as SyscallClass)
      : (SYSCALL_CLASSES as readonly string[]).includes(token)
        ? (token as SyscallClass)
        : undefined;
  }
  return LEGACY.includes(token) ? (token as SyscallClass) : undefined;
}

/**
 * The personalities strace 6.1 knows on each architecture, in its order (personality 0 first):
 * the designator a trace token may name after `@`, and the table its names come from. A name
 * valid in any personality is accepted; only personality 0's numbers are selected, since that is
 * what tstrace traces. x32 shares x86_64's names.
 */
export const PERSONALITIES: Readonly<
  Record<string, readonly (readonly [designator: string, arch: string])[]>
> = {
  x86_64: [
    ["64", "x86_64"],
    ["32", "i386"],
    ["x32", "x86_64"],
  ],
  aarch64: [
    ["64", "aarch64"],
    ["32", "arm"],
  ],
  i386: [["32", "i386"]],
  arm: [["32", "arm"]],
  riscv64: [["64", "riscv64"]],
};

/** Where a token's syscalls go: personality 0 adds numbers, the others only vouch for the name. */
type Sink = ((nr: number) => void) | undefined;

function tokenInTable(token: string, t: ArchTable, add: Sink): boolean {
  if (/^\d/.test(token)) {
    // string_to_uint: digits only; then the number must be one of this personality's syscalls.
    if (!/^\d+$/.test(token) || !t.syscalls.some((s) => s.nr === Number(token))) return false;
    add?.(Number(token));
    return true;
  }
  if (token.startsWith("/")) {
    let re: RegExp;
    try {
      re = new RegExp(token.slice(1));
    } catch {
      throw new Error(`strace: regcomp: ${token.slice(1)}: Invalid regular expression`);
    }
    let found = false;
    for (const s of t.syscalls)
      if (re.test(s.name)) {
        add?.(s.nr);
        found = true;
      }
    return found;
  }
  const cls = token === "all" ? "all" : classOf(token);
  if (cls) {
    for (const s of t.syscalls) if (cls === "all" || s.classes.includes(cls)) add?.(s.nr);
    return true;
  }
  let found = false;
  for (const s of t.syscalls)
    if (s.name === token) {
      add?.(s.nr);
      found = true;
    }
  return found;
}

/**
 * Parse `expr` (the part after `trace=`) for `table`. Throws an Error whose message is strace's
 * line, e.g. `strace: invalid system call 'nosuch'`. `tableOf` gives the tables of the other
 * personalities (`mmap2` is valid on x86_64 because i386 has it); without it, or when it has no
 * table for one, only the names of `table` count.
 */
export function parseTraceExpr(
  table: ArchTable,
  expr: string,
  tableOf?: (arch: string) => ArchTable | undefined,
): TraceSelection {
  let text = expr;
  let negate = false;
  while (text.startsWith("!")) {
    negate = !negate;
    text = text.slice(1);
  }
  const chosen = new Set<number>();
  const add = (nr: number): void => {
    chosen.add(nr);
  };
  const personalities = PERSONALITIES[table.arch] ?? [["", table.arch]];
  const tableAt = (i: number): ArchTable | undefined => {
    const arch = personalities[i]?.[1] as string;
    return i === 0 || arch === table.arch ? table : tableOf?.(arch);
  };
  if (text === "all") {
    for (const s of table.syscalls) chosen.add(s.nr);
  } else if (text !== "none") {
    // strtok: empty tokens are skipped; no token at all is an error naming the whole expression.
    const tokens = text.split(",").filter((t) => t !== "");
    if (tokens.length === 0) throw new Error(`strace: invalid system call '${expr}'`);
    for (const raw of tokens) {
      let token = raw;
      let ok = false;
      while (token.startsWith("?")) {
        token = token.slice(1);
        ok = true;
      }
      const at = token.lastIndexOf("@");
      if (at >= 0) {
        const designator = token.slice(at + 1);
        const i = personalities.findIndex(([d]) => d === designator);
        if (i < 0)
          throw new Error(
            `strace: incorrect personality designator '${designator}' in qualification '${token}'`,
          );
        const t = tableAt(i);
        if (t) ok = tokenInTable(token.slice(0, at), t, i === 0 ? add : undefined) || ok;
      } else {
        for (let i = 0; i < personalities.length; i++) {
          const t = tableAt(i);
          if (t) ok = tokenInTable(token, t, i === 0 ? add : undefined) || ok;
        }
      }
      if (!ok) throw new Error(`strace: invalid system call '${raw}'`);
    }
  }
  let nrs: Set<number> = chosen;
  if (negate) nrs = new Set(table.syscalls.map((s) => s.nr).filter((n) => !chosen.has(n)));
  return { nrs, has: (nr: number): boolean => nrs.has(nr) };
}
