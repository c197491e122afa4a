// The JSON back-end's view of what the leaf printers wrote. In JSON mode every decoder still writes
// strace's text (one rendering, one code path); the shared leaf printers (quote, xlat, fd, signal)
// also mark the stretch of text they wrote as a typed leaf with its raw facts: the bytes of a
// string, the value and table of a flag set or a constant, the fd and what it names. The tree
// builder (tree.ts) then turns the punctuation between leaves into objects, arrays and fields.
// In text mode none of this runs: each leaf printer tests `jsonMode` once.

import { outLen } from "../out";

/** JSON output is asked for (set once, by lineOptions). */
export let jsonMode: bool = false;

export function setJsonMode(on: bool): void {
  jsonMode = on;
}

/** A quoted string: p1/n1 the bytes shown; flags bit 0 printed all in \x, bit 1 \x escapes. */
export const SK_STR: u8 = 1;
/** A flag set: value, table (-1: none). */
export const SK_FLAGS: u8 = 2;
/** One constant: value, table (-1: none); flags bit 0 its unknown fallback is decimal. */
export const SK_ENUM: u8 = 3;
/** A signal number. */
export const SK_SIGNAL: u8 = 4;
/** A signal set (`[INT CHLD]`, `~[]`): its text carries the names. */
export const SK_SIGSET: u8 = 5;
/** An fd: value the fd; p1/n1 the path, p2/n2 the detail; flags bit 0 decorated, bit 1 a device. */
export const SK_FD: u8 = 6;

// A getdents of a big directory marks two leaves per entry.
const MAX: i32 = 16384;
const kinds = new StaticArray<u8>(MAX);
const starts = new StaticArray<u32>(MAX);
const ends = new StaticArray<u32>(MAX);
const values = new StaticArray<u64>(MAX);
const tables = new StaticArray<i32>(MAX);
const p1s = new StaticArray<usize>(MAX);
const n1s = new StaticArray<u32>(MAX);
const p2s = new StaticArray<usize>(MAX);
const n2s = new StaticArray<u32>(MAX);
const flagss = new StaticArray<u32>(MAX);

export let spanCount: i32 = 0;
/** Leaf printers nest (a flag set prints numbers, an fd quotes its path): only the outermost counts. */
let depth: i32 = 0;

/** Starts a leaf; returns where its text begins. */
export function spanOpen(): u32 {
  depth++;
  return <u32>outLen;
}

/** Ends the leaf begun at `start`, with its facts; kept only when it is outermost. */
export function spanClose(
  start: u32,
  kind: u8,
  value: u64,
  table: i32,
  p1: usize,
  n1: u32,
  p2: usize,
  n2: u32,
  flags: u32,
): void {
  depth--;
  if (depth != 0 || spanCount >= MAX || <u32>outLen <= start) return;
  const i = spanCount++;
  kinds[i] = kind;
  starts[i] = start;
  ends[i] = <u32>outLen;
  values[i] = value;
  tables[i] = table;
  p1s[i] = p1;
  n1s[i] = n1;
  p2s[i] = p2;
  n2s[i] = n2;
  flagss[i] = flags;
}

/** Forgets every leaf (a new event begins). */
export function spansReset(): void {
  spanCount = 0;
  depth = 0;
  hint = 0;
}

/** Where the last lookup ended: the tree asks in text order, so a lookup starts there. */
let hint: i32 = 0;

/**
 * The index of the leaf that starts at `pos` and ends by `limit`, or -1. Leaves are recorded in
 * text order; where two start at `pos` (text -X rewrote around a leaf), the later one wins.
 */
export function spanAt(pos: u32, limit: u32): i32 {
  let i = hint;
  if (i >= spanCount || (i > 0 && starts[i - 1] >= pos)) i = 0; // asked again behind: start over
  while (i < spanCount && starts[i] < pos) i++;
  hint = i;
  let found = -1;
  for (; i < spanCount && starts[i] == pos; i++) if (ends[i] <= limit) found = i;
  return found;
}

export function spanKind(i: i32): u8 {
  return unchecked(kinds[i]);
}
export function spanEnd(i: i32): u32 {
  return unchecked(ends[i]);
}
export function spanStart(i: i32): u32 {
  return unchecked(starts[i]);
}
export function spanValue(i: i32): u64 {
  return unchecked(values[i]);
}
export function spanTable(i: i32): i32 {
  return unchecked(tables[i]);
}
export function spanP1(i: i32): usize {
  return unchecked(p1s[i]);
}
export function spanN1(i: i32): u32 {
  return unchecked(n1s[i]);
}
export function spanP2(i: i32): usize {
  return unchecked(p2s[i]);
}
export function spanN2(i: i32): u32 {
  return unchecked(n2s[i]);
}
export function spanFlags(i: i32): u32 {
  return unchecked(flagss[i]);
}
