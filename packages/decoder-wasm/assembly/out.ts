// The output buffer: a growable byte buffer in linear memory. Every printer writes here; the line
// engine tracks where the current line starts to compute the column for `= ret` alignment.

export let outBuf: usize = 0;
export let outCap: usize = 0;
export let outLen: usize = 0;
/** Offset in outBuf where the current (possibly open) line starts. */
export let lineStart: usize = 0;

function ensure(n: usize): void {
  if (outLen + n > outCap) grow(outLen + n);
}

function grow(need: usize): void {
  let cap = outCap < 4096 ? <usize>4096 : outCap;
  while (cap < need) cap <<= 1;
  outBuf = outBuf == 0 ? heap.alloc(cap) : heap.realloc(outBuf, cap);
  outCap = cap;
}

/** n spaces (column padding). */
export function putSpaces(n: usize): void {
  ensure(n);
  const d = outBuf + outLen;
  if (n <= SMALL) {
    for (let i: usize = 0; i < n; i++) store<u8>(d + i, 0x20);
  } else memory.fill(d, 0x20, n);
  outLen += n;
}

// memory.copy and memory.fill cost a runtime call in V8; the few bytes of a number, a name or a
// column pad go faster byte by byte.
const SMALL: usize = 32;

// putc and puts write most of the output, a few bytes per call: they test the capacity
// themselves instead of calling ensure (a call per byte cost ~40% of a short line; AssemblyScript's
// @inline would do it, but the tree's formatter cannot parse a decorator on a function).
export function putc(c: u32): void {
  if (outLen + 1 > outCap) grow(outLen + 1);
  store<u8>(outBuf + outLen, <u8>c);
  outLen++;
}

/** Writes an ASCII literal. */
export function puts(s: string): void {
  const n = <usize>s.length;
  if (outLen + n > outCap) grow(outLen + n);
  const src = changetype<usize>(s);
  const d = outBuf + outLen;
  let i: usize = 0;
  // Four UTF-16 units (ASCII) at a time, narrowed to four bytes.
  for (; i + 4 <= n; i += 4) {
    const w = load<u64>(src + (i << 1));
    store<u32>(
      d + i,
      <u32>(w & 0xff) |
        <u32>((w >> 8) & 0xff00) |
        <u32>((w >> 16) & 0xff0000) |
        <u32>((w >> 24) & 0xff000000),
    );
  }
  for (; i < n; i++) store<u8>(d + i, <u8>load<u16>(src + (i << 1)));
  outLen += n;
}

/**
 * Room for `n` more bytes; returns where they go. A printer that knows its worst case writes
 * there directly and then calls {@link commitTo}: no capacity test per byte.
 */
export function reserve(n: usize): usize {
  ensure(n);
  return outBuf + outLen;
}

/** Ends a direct write begun with {@link reserve}: `end` is one past the last byte written. */
export function commitTo(end: usize): void {
  outLen = end - outBuf;
}

/** Writes raw bytes (already UTF-8 safe). */
export function putBytes(p: usize, n: usize): void {
  ensure(n);
  const d = outBuf + outLen;
  if (n <= SMALL) {
    for (let i: usize = 0; i < n; i++) store<u8>(d + i, load<u8>(p + i));
  } else memory.copy(d, p, n);
  outLen += n;
}

/** Writes bytes that come from the blob or the tracee, replacing bytes that are not printable ASCII. */
export function putName(p: usize, n: usize): void {
  ensure(n);
  const d = outBuf + outLen;
  for (let i: usize = 0; i < n; i++) {
    const c = load<u8>(p + i);
    store<u8>(d + i, <u32>c - 0x20 < 0x5f ? c : 0x3f);
  }
  outLen += n;
}

export function column(): usize {
  return outLen - lineStart;
}

export function newline(): void {
  putc(0x0a);
  lineStart = outLen;
}

/**
 * The output from `start` on was written inside the open line but is not part of it (strace's
 * `vfork(strace: Process 7 attached`): the line's column count leaves it out.
 */
export function setAside(start: usize): void {
  lineStart += outLen - start;
}

/**
 * Moves the output from `start` on to just before the open line: text that must survive the line
 * being dropped later (status= filtering).
 */
export function moveBeforeLine(start: usize): void {
  const n = outLen - start;
  ensure(n); // room past the end to park the moved bytes
  memory.copy(outBuf + outLen, outBuf + start, n);
  memory.copy(outBuf + lineStart + n, outBuf + lineStart, start - lineStart);
  memory.copy(outBuf + lineStart, outBuf + outLen, n);
  lineStart += n;
}

/** Drops the first n bytes (already handed to JS). */
export function consume(n: usize): void {
  if (n == 0) return;
  if (n > outLen) n = outLen;
  memory.copy(outBuf, outBuf + n, outLen - n);
  outLen -= n;
  lineStart = lineStart >= n ? lineStart - n : 0;
}

export function reset(): void {
  outLen = 0;
  lineStart = 0;
}

/** Drops the open line (a syscall filtered out by status=). */
export function dropOpenLine(): void {
  outLen = lineStart;
}

/** Cuts the output back to `n` bytes (a rendering about to be replaced). */
export function truncateOut(n: usize): void {
  if (n < outLen) outLen = n;
}
