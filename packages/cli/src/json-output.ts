/**
 * --json for what the CLI itself prints: tracer messages, -p's attach and detach notices and the
 * -c summary, as JSON Lines objects beside the decoder's events (same fields: `type`, `pid`). The
 * decoder writes every traced event; these are the few lines strace prints from its own state.
 */
import type { ArchTable } from "./arch.js";
import type { SyscallCount } from "./stats/counter.js";
import { type SortBy, sortRows, syscallName } from "./stats/table.js";

const encoder = new TextEncoder();

/** One JSON Lines line. */
function line(event: Readonly<Record<string, unknown>>): Uint8Array {
  return encoder.encode(`${JSON.stringify(event)}\n`);
}

/** A message of the tracer's own ("exec: Permission denied"): `{"type":"message","text":…}`. */
export function messageJson(text: string): Uint8Array {
  return line({ type: "message", text });
}

const NOTICE = /^Process (\d+) (attached|detached)(?: with (\d+) threads)?$/;

/** An AttachNotices line as `{"type":"attached","pid":N[,"threads":M]}` (or detached). */
export function noticeJson(notice: string): Uint8Array {
  const m = NOTICE.exec(notice);
  if (!m) return messageJson(notice);
  return line({
    type: m[2],
    pid: Number(m[1]),
    ...(m[3] !== undefined ? { threads: Number(m[3]) } : {}),
  });
}

/** Statistics of one syscall (or the total) in the -c JSON summary. */
interface SummaryRow {
  name: string;
  nr?: number;
  calls: number;
  errors: number;
  total_ns: number;
  min_ns: number;
  max_ns: number;
  avg_ns: number;
  time_percent: number;
}

/**
 * -c --json: `{"type":"summary","syscalls":[…],"total":{…}}`, rows in -S order; times in
 * nanoseconds (JSON numbers: a summary's sums stay far below 2^53 ns, 104 days).
 */
export function summaryJson(counted: readonly SyscallCount[], sortBy: SortBy, arch: ArchTable): Uint8Array {
  const name = (nr: number): string => syscallName(arch, nr);
  const rows = sortRows([...counted], sortBy, name);
  const totalNs = rows.reduce((n, r) => n + r.totalNs, 0);
  const row = (r: SyscallCount, label: string): SummaryRow => ({
    name: label,
    ...(r.nr >= 0 ? { nr: r.nr } : {}),
    calls: r.calls,
    errors: r.errors,
    total_ns: r.totalNs,
    min_ns: r.calls ? r.minNs : 0,
    max_ns: r.maxNs,
    avg_ns: r.calls ? Math.floor(r.totalNs / r.calls) : 0,
    time_percent: totalNs > 0 ? Math.round((10000 * r.totalNs) / totalNs) / 100 : 0,
  });
  const total: SyscallCount = {
    nr: -1,
    calls: rows.reduce((n, r) => n + r.calls, 0),
    errors: rows.reduce((n, r) => n + r.errors, 0),
    totalNs,
    minNs: rows.reduce((n, r) => Math.min(n, r.minNs), rows.length ? Number.POSITIVE_INFINITY : 0),
    maxNs: rows.reduce((n, r) => Math.max(n, r.maxNs), 0),
  };
  return line({
    type: "summary",
    syscalls: rows.map((r) => row(r, name(r.nr))),
    total: { ...row(total, "total"), time_percent: rows.length ? 100 : 0 },
  });
}
