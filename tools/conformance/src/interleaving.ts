/**
 * With -f, how the lines of several processes interleave is up to the scheduler: two runs of
 * strace itself differ there. What must match is each process's own story. This puts a
 * multi-process trace in a canonical order: every `<unfinished ...>` line joined with its
 * `<... resumed>` line, then each process's lines together, processes in the order their
 * parents created them (breadth first from the first process).
 */

import { FENCED_COLUMNS, FENCED_SUFFIX } from "./timing.js";

const PREFIX = /^(\[pid +(\d+)(?:<[^>]*>)?\] |(\d+)(?:<[^>]*>)? +)/;
const UNFINISHED = " <unfinished ...>";
const RESUMED = new RegExp(String.raw`^${FENCED_COLUMNS}<\.\.\. [\w]+ resumed>`);
/** A creating call's return value names the child (and, with --decode-pids=comm, its name). */
const CREATES = new RegExp(
  String.raw`^${FENCED_COLUMNS}(?:fork|vfork|clone3?)\(.*\) += (\d+)(?:<[^>]*>)?${FENCED_SUFFIX}$`,
);
/** The padding before ` = ` depends on whether a line was split: every line gets one space. */
const PADDED_RESULT = /\) {2,}= /;

interface Line {
  readonly pid: string;
  /** The line without its pid prefix. */
  readonly body: string;
  readonly prefix: string;
}

function split(line: string): Line | null {
  const m = PREFIX.exec(line);
  if (!m) return null;
  return { pid: m[2] ?? m[3] ?? "", prefix: m[1] ?? "", body: line.slice(m[0].length) };
}

/** Joins each unfinished line with its resumption; both take the unfinished line's place. */
function joinResumed(lines: readonly Line[]): Line[] {
  const out: (Line | null)[] = [];
  const open = new Map<string, number>();
  for (const line of lines) {
    const at = open.get(line.pid);
    const resumed = RESUMED.exec(line.body);
    if (at !== undefined && resumed) {
      const head = out[at] as Line;
      const body = head.body.slice(0, -UNFINISHED.length) + line.body.slice(resumed[0].length);
      out[at] = { ...head, body };
      open.delete(line.pid);
      continue;
    }
    if (line.body.endsWith(UNFINISHED)) open.set(line.pid, out.length);
    out.push(line);
  }
  return out.filter((l): l is Line => l !== null);
}

const childrenOf = (lines: readonly Line[]): string[] =>
  lines.flatMap((line) => CREATES.exec(line.body)?.[1] ?? []);

/**
 * Pids breadth first, following fork/vfork/clone returns, from the processes no traced parent
 * created (the command itself; attached ones), which keep their order of first appearance.
 */
function processOrder(byPid: ReadonlyMap<string, readonly Line[]>): string[] {
  const created = new Set([...byPid.values()].flatMap(childrenOf));
  const order = [...byPid.keys()].filter((pid) => !created.has(pid));
  const seen = new Set(order);
  for (let i = 0; i < order.length; i++) {
    for (const child of childrenOf(byPid.get(order[i] as string) ?? [])) {
      if (byPid.has(child) && !seen.has(child)) {
        seen.add(child);
        order.push(child);
      }
    }
  }
  for (const pid of byPid.keys()) if (!seen.has(pid)) order.push(pid); // a creation cycle: pid reuse
  return order;
}

/** The canonical order of a trace's lines; a trace without pid prefixes is returned as is. */
export function deinterleave(lines: readonly string[]): string[] {
  const parsed = lines.map(split);
  if (parsed.length === 0 || parsed.some((l) => l === null)) return [...lines];
  const joined = joinResumed(parsed as Line[]);
  const byPid = new Map<string, Line[]>();
  for (const line of joined) {
    const list = byPid.get(line.pid);
    if (list) list.push(line);
    else byPid.set(line.pid, [line]);
  }
  return processOrder(byPid).flatMap((pid) =>
    (byPid.get(pid) ?? []).map((l) => l.prefix + l.body.replace(PADDED_RESULT, ") = ")),
  );
}
