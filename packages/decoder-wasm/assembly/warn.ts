// strace's warnings about tracee memory it could read only in part (`strace: umovestr: short read
// (16 < 4096) @0x7f…: Bad address`), raised by the printers where strace's umoven/umovestr raise
// them. strace writes them to stderr at once: with the trace on stderr too, that is inside the
// open line (`chdir(strace: umovestr: …\n0x7f…) = -1 EFAULT`), which keeps its column count;
// otherwise JS collects them (warningsLength) and writes them to stderr itself.

import { outBuf, outLen, putBytes, puts, setAside, truncateOut } from "./out";
import { putHexDigits, putU64 } from "./print/num";

let prefixPtr: usize = 0;
let prefixLen: usize = 0;
let enabled = false;
let inline = false;

let side: usize = 0;
let sideLen: usize = 0;
let sideCap: usize = 0;

/** The text before each warning (e.g. `tstrace: `); `inl`: the trace itself goes to stderr. */
export function setWarnings(p: usize, len: usize, inl: bool): void {
  prefixPtr = p;
  prefixLen = len;
  enabled = true;
  inline = inl;
}

/**
 * `umoven: short read (got < want) @0xaddr` (`fn` "umoven"), or umovestr's, which ends with the
 * error process_vm_readv gave (EFAULT).
 */
export function warnShortRead(fn: string, got: u32, want: u32, addr: u64): void {
  if (!enabled) return;
  const start = outLen;
  putBytes(prefixPtr, prefixLen);
  puts(fn);
  puts(": short read (");
  putU64(<u64>got);
  puts(" < ");
  putU64(<u64>want);
  puts(") @0x");
  putHexDigits(addr);
  if (fn == "umovestr") puts(": Bad address");
  puts("\n");
  if (inline) {
    setAside(start);
    return;
  }
  const n = outLen - start;
  if (sideLen + n > sideCap) {
    let cap = sideCap < 256 ? <usize>256 : sideCap;
    while (cap < sideLen + n) cap <<= 1;
    side = side == 0 ? heap.alloc(cap) : heap.realloc(side, cap);
    sideCap = cap;
  }
  memory.copy(side + sideLen, outBuf + start, n);
  sideLen += n;
  truncateOut(start);
}

/** Where the collected warnings are (not inline). */
export function warningsPtr(): usize {
  return side;
}

/** How many bytes of warnings are collected; takeWarnings empties them. */
export function warningsLength(): usize {
  return sideLen;
}

export function clearWarnings(): void {
  sideLen = 0;
}
