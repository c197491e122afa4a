/**
 * -O OVERHEAD[UNIT]: strace's parse_ts — a non-negative decimal (exponent allowed) with an optional
 * unit s, ms, us or ns (microseconds by default: parse_ts's empty suffix is str2timescale_sfx's 1000 ns),
 * subtracted from each call's time before it is counted.
 */
import { UsageError } from "../usage-error.js";

const UNIT_NS: Readonly<Record<string, number>> = { "": 1e3, s: 1e9, ms: 1e6, us: 1e3, ns: 1 };

/** The overhead in nanoseconds; throws strace's "invalid -O argument" otherwise. */
export function parseOverhead(value: string): number {
  const m = /^((?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(s|ms|us|ns)?$/.exec(value);
  const ns = m ? Number(m[1]) * (UNIT_NS[m[2] ?? ""] as number) : Number.NaN;
  if (!Number.isFinite(ns)) throw new UsageError(`invalid -O argument: '${value}'`);
  return Math.round(ns);
}
