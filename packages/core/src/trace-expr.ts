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

const CLASSES: readonly SyscallClass[] = [
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
  if (token.startsWith("%")) {
    const name = token.slice(1);
    return (CLASSES as readonly string[]).includes(name)
      ? (name as SyscallClass)
      : (CLASSES as readonly string[]).includes(token)
        ? (token as SyscallClass)
        : undefined;
  }
  return LEGACY.includes(token) ? (token as SyscallClass) : undefined;
}

/**
 * Parse `expr` (the part after `trace=`) for `table`. Throws an Error whose message is strace's
 * line, e.g. `strace: invalid system call 'nosuch'`.
 */
export function parseTraceExpr(table: ArchTable, expr: string): TraceSelection {
  let text = expr;
  let negate = false;
  while (text.startsWith("!")) {
    negate = !negate;
    text = text.slice(1);
  }
  const chosen = new Set<number>();
  for (const raw of text.split(",")) {
    let token = raw;
    const optional = token.startsWith("?");
    if (optional) token = token.slice(1);
    if (token === "all") {
      for (const s of table.syscalls) chosen.add(s.nr);
      continue;
    }
    if (token === "none") continue;
    let matched = false;
    if (token.startsWith("/")) {
      let re: RegExp;
      try {
        re = new RegExp(token.slice(1));
      } catch {
        throw new Error(`strace: regcomp: ${token.slice(1)}: Invalid regular expression`);
      }
      for (const s of table.syscalls)
        if (re.test(s.name)) {
          chosen.add(s.nr);
          matched = true;
        }
      // strace accepts a regex that matches nothing on this architecture.
      continue;
    }
    const cls = classOf(token);
    if (cls) {
      for (const s of table.syscalls) if (s.classes.includes(cls)) chosen.add(s.nr);
      continue;
    }
    for (const s of table.syscalls)
      if (s.name === token) {
        chosen.add(s.nr);
        matched = true;
      }
    if (!matched && /^\d+$/.test(token)) {
      // strace also accepts a bare syscall number
      chosen.add(Number(token));
      matched = true;
    }
    if (!matched && !optional)
      throw new Error(`strace: invalid system call '${raw.startsWith("?") ? token : raw}'`);
  }
  let nrs: Set<number> = chosen;
  if (negate) nrs = new Set(table.syscalls.map((s) => s.nr).filter((n) => !chosen.has(n)));
  return { nrs, has: (nr: number): boolean => nrs.has(nr) };
}
