/**
 * strace's summary table (count.c): the columns of -U, the orders of -S, and the layout
 * `% time     seconds  usecs/call     calls    errors syscall`, dashes, rows, dashes, total.
 */
import { type ArchTable, sessionArch, syscallByNr } from "../arch.js";
import { UsageError } from "../usage-error.js";
import type { SyscallCount } from "./counter.js";

export type Column =
  | "time-percent"
  | "total-time"
  | "min-time"
  | "max-time"
  | "avg-time"
  | "calls"
  | "errors"
  | "name";

export type SortBy = "time" | "min-time" | "max-time" | "avg-time" | "calls" | "errors" | "name" | "nothing";

export const DEFAULT_COLUMNS: readonly Column[] = [
  "time-percent",
  "total-time",
  "avg-time",
  "calls",
  "errors",
  "name",
];

/**
 * strace 6.1's column_aliases (count.c), one list for -U and -S: each spelling and its column.
 * `none` / `nothing` only sort (they keep strace's order of first use).
 */
const ALIASES: Readonly<Record<string, Column | "nothing">> = {
  time: "time-percent",
  time_percent: "time-percent",
  "time-percent": "time-percent",
  time_total: "total-time",
  "time-total": "total-time",
  total_time: "total-time",
  "total-time": "total-time",
  min_time: "min-time",
  "min-time": "min-time",
  shortest: "min-time",
  time_min: "min-time",
  "time-min": "min-time",
  longest: "max-time",
  max_time: "max-time",
  "max-time": "max-time",
  time_max: "max-time",
  "time-max": "max-time",
  avg_time: "avg-time",
  "avg-time": "avg-time",
  time_avg: "avg-time",
  "time-avg": "avg-time",
  calls: "calls",
  count: "calls",
  error: "errors",
  errors: "errors",
  name: "name",
  syscall: "name",
  syscall_name: "name",
  "syscall-name": "name",
  none: "nothing",
  nothing: "nothing",
};

/** The sort of each column: strace sorts the percent and the total column both by total time. */
const SORT_OF: Readonly<Record<Column | "nothing", SortBy>> = {
  "time-percent": "time",
  "total-time": "time",
  "min-time": "min-time",
  "max-time": "max-time",
  "avg-time": "avg-time",
  calls: "calls",
  errors: "errors",
  name: "name",
  nothing: "nothing",
};

/** -S: strace's "invalid sortby: 'x'" with the hint line. */
export function parseSortBy(value: string): SortBy {
  const c = Object.hasOwn(ALIASES, value) ? ALIASES[value] : undefined;
  if (c === undefined) throw new UsageError(`invalid sortby: '${value}'`);
  return SORT_OF[c];
}

/** -U: a comma list of column names. */
export function parseColumns(value: string): Column[] {
  const out: Column[] = [];
  let at = 0;
  for (const name of value.split(",")) {
    const c = Object.hasOwn(ALIASES, name) ? ALIASES[name] : undefined;
    if (c === undefined || c === "nothing") throw new UsageError(`unknown column name: '${name}'`);
    if (out.includes(c))
      throw new UsageError(
        `call summary column has been provided more than once: '${name}' (-U option residual: '${value.slice(at)}')`,
      );
    out.push(c);
    at += name.length + 1;
  }
  return out;
}

interface ColumnSpec {
  readonly header: string;
  readonly width: number;
  readonly cell: (r: SyscallCount, name: string, percent: number) => string;
}

const seconds = (ns: number, width: number): string => (ns / 1e9).toFixed(6).padStart(width);

const SPECS: Readonly<Record<Column, ColumnSpec>> = {
  "time-percent": { header: "% time", width: 6, cell: (_r, _n, p) => p.toFixed(2).padStart(6) },
  "total-time": { header: "seconds", width: 11, cell: (r) => seconds(r.totalNs, 11) },
  "min-time": { header: "shortest", width: 8, cell: (r) => seconds(r.minNs, 8) },
  "max-time": { header: "longest", width: 8, cell: (r) => seconds(r.maxNs, 8) },
  "avg-time": {
    header: "usecs/call",
    width: 11,
    cell: (r) => String(r.calls ? Math.floor(Math.floor(r.totalNs / r.calls) / 1000) : 0).padStart(11),
  },
  calls: { header: "calls", width: 9, cell: (r) => String(r.calls).padStart(9) },
  errors: { header: "errors", width: 9, cell: (r) => (r.errors ? String(r.errors) : "").padStart(9) },
  name: { header: "syscall", width: 16, cell: (_r, n) => n },
};

/** A syscall's name, or `syscall_0x…` for a number the table lacks. */
export function syscallName(arch: ArchTable, nr: number): string {
  return syscallByNr(arch, nr)?.name ?? `syscall_0x${nr.toString(16)}`;
}

/** Sorts rows in place by -S. */
export function sortRows(rows: SyscallCount[], by: SortBy, name: (nr: number) => string): SyscallCount[] {
  const desc = (f: (r: SyscallCount) => number) => (a: SyscallCount, b: SyscallCount) => f(b) - f(a);
  switch (by) {
    case "time":
      return rows.sort(desc((r) => r.totalNs));
    case "min-time":
      return rows.sort(desc((r) => r.minNs));
    case "max-time":
      return rows.sort(desc((r) => r.maxNs));
    case "avg-time":
      return rows.sort(desc((r) => (r.calls ? r.totalNs / r.calls : 0)));
    case "calls":
      return rows.sort(desc((r) => r.calls));
    case "errors":
      return rows.sort(desc((r) => r.errors));
    case "name":
      return rows.sort((a, b) => (name(a.nr) < name(b.nr) ? -1 : name(a.nr) > name(b.nr) ? 1 : 0));
    case "nothing":
      return rows;
  }
}

/** The whole summary text; empty when no syscall returned (strace prints nothing then). */
export function formatSummary(
  countedRows: readonly SyscallCount[],
  columns: readonly Column[] = DEFAULT_COLUMNS,
  sortBy: SortBy = "time",
  arch: ArchTable = sessionArch(),
): string {
  if (countedRows.length === 0) return "";
  const name = (nr: number): string => syscallName(arch, nr);
  const rows = sortRows([...countedRows], sortBy, name);
  const total: SyscallCount = { nr: -1, calls: 0, errors: 0, totalNs: 0, minNs: Infinity, maxNs: 0 };
  for (const r of rows) {
    total.calls += r.calls;
    total.errors += r.errors;
    total.totalNs += r.totalNs;
    total.minNs = Math.min(total.minNs, r.minNs);
    total.maxNs = Math.max(total.maxNs, r.maxNs);
  }
  const line = (cells: (c: Column, spec: ColumnSpec, last: boolean) => string): string =>
    `${columns.map((c, i) => cells(c, SPECS[c], i === columns.length - 1)).join(" ")}\n`;
  const pad = (text: string, c: Column, spec: ColumnSpec, last: boolean): string =>
    c === "name" ? (last ? text : text.padEnd(spec.width)) : text.padStart(spec.width);
  const dashes = line((_c, spec) => "-".repeat(spec.width));
  let out = line((c, spec, last) => pad(spec.header, c, spec, last));
  out += dashes;
  for (const r of rows) {
    const percent = total.totalNs > 0 ? (100 * r.totalNs) / total.totalNs : 0;
    out += line((c, spec, last) => pad(spec.cell(r, name(r.nr), percent), c, spec, last));
  }
  out += dashes;
  out += line((c, spec, last) => pad(spec.cell(total, "total", 100), c, spec, last));
  return out;
}
