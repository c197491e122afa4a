/**
 * Where a SIGCHLD lands in its parent's story is the scheduler's choice: the child may exit while
 * the parent sits in wait4, or before it gets there, or while it is forking the next child (clone
 * then fails with ERESTARTNOINTR and runs again). Two runs of strace itself differ there. What
 * must match is that each SIGCHLD was delivered, with what siginfo, and handled: this moves each
 * delivery (the `--- SIGCHLD … ---` line and the rt_sigreturn that ends its handler) to the end of
 * its process's lines, and drops the call it interrupted to be restarted, whose retry follows.
 */

import { FENCED_COLUMNS } from "./timing.js";

/** A line's pid prefix, as the tracer wrote it (before the normaliser renames pids). */
const PREFIX = /^(?:\[pid +(\d+)(?:<[^>]*>)?\] |(\d+)(?:<[^>]*>)? +)/;
const SIGCHLD = new RegExp(String.raw`^${FENCED_COLUMNS}--- SIGCHLD \{`);
const SIGRETURN = new RegExp(String.raw`^${FENCED_COLUMNS}rt_sigreturn\(`);
/** A call a signal interrupted and the kernel restarts: the retry is its own line. */
const TO_BE_RESTARTED = / = \? ERESTART(?:SYS|NOINTR|NOHAND|_RESTARTBLOCK) \(.*\)$/;

interface Split {
  readonly pid: string;
  readonly body: string;
}

function split(line: string): Split {
  const m = PREFIX.exec(line);
  // Without -f (or in a -ff file), lines have no prefix: one story.
  if (!m) return { pid: "", body: line };
  return { pid: m[1] ?? m[2] ?? "", body: line.slice(m[0].length) };
}

/**
 * Lines in canonical order (each process's lines together, as interleaving.ts puts them), with
 * each process's SIGCHLD deliveries moved to its end.
 */
export function settleChildSignals(lines: readonly string[]): string[] {
  const out: string[] = [];
  let moved: string[] = [];
  let pid: string | undefined;
  const flush = (): void => {
    out.push(...moved);
    moved = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const here = split(line);
    if (here.pid !== pid) {
      flush();
      pid = here.pid;
    }
    if (!SIGCHLD.test(here.body)) {
      out.push(line);
      continue;
    }
    const previous = out.at(-1);
    if (previous !== undefined && split(previous).pid === pid && TO_BE_RESTARTED.test(previous)) out.pop();
    moved.push(line);
    const next = lines[i + 1];
    if (next !== undefined && split(next).pid === pid && SIGRETURN.test(split(next).body)) {
      moved.push(next);
      i++;
    }
  }
  flush();
  return out;
}
