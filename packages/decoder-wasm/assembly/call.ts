// The syscall being decoded: its entry record (args, entry captures), and at exit its exit record
// (return value, exit captures). Records were validated before they get here, so capture walks
// stay inside them.

import { callNoDeref } from "./options";
import {
  CAP_ARG,
  CAP_HEADER,
  CAP_KIND,
  CAP_LENGTH,
  CAP_STATUS,
  CK_BUFFER_ARG_LEN,
  CK_BUFFER_RET_LEN,
  CK_CSTRING,
  CK_FD_PATH,
  CK_FD_PATHS,
  CS_FAULT,
  CS_PARTIAL,
  CS_TRUNCATED,
  ENTER_ARGS,
  ENTER_CAPTURE_COUNT,
  ENTER_LENGTH,
  EXIT_CAPTURE_COUNT,
  EXIT_LENGTH,
  HDR_LENGTH,
} from "./record";

/** Entry record (a copy kept per pid) or 0 when the entry was never seen. */
export let eRec: usize = 0;
export let eLen: u32 = 0;
/** Exit record (in the batch) or 0 at entry. */
export let xRec: usize = 0;
export let xLen: u32 = 0;
export let exiting: bool = false;
export let rval: i64 = 0;
export let isError: bool = false;
export let arch: u32 = 0;

export function setEntry(rec: usize, len: u32, a: u32): void {
  eRec = rec;
  eLen = len;
  xRec = 0;
  xLen = 0;
  exiting = false;
  rval = 0;
  isError = false;
  arch = a;
}

export function setExit(rec: usize, len: u32, r: i64, err: bool): void {
  xRec = rec;
  xLen = len;
  exiting = true;
  rval = r;
  isError = err;
}

export function arg(i: u32): u64 {
  if (eRec == 0 || i > 5) return 0;
  return load<u64>(eRec + <usize>(HDR_LENGTH + ENTER_ARGS + i * 8));
}

// The capture found by findCap.
export let capData: usize = 0;
export let capLen: u32 = 0;
export let capStatus: u32 = 0;

/** Padded size of a capture with `len` data bytes. */
export function capSpan(len: u32): u64 {
  return <u64>CAP_HEADER + ((<u64>len + 7) & ~(<u64>7));
}

/**
 * Checks that `count` captures starting at `start` lie within a record of `len` bytes at rec.
 * Returns false when they do not.
 */
export function capturesValid(rec: usize, len: u32, start: u32, count: u32): bool {
  let off: u64 = <u64>start;
  for (let i: u32 = 0; i < count; i++) {
    if (off + <u64>CAP_HEADER > <u64>len) return false;
    const l = load<u32>(rec + <usize>off + CAP_LENGTH);
    off += capSpan(l);
    if (off > <u64>len) return false;
  }
  return true;
}

/** Capture kinds strace reads without tfetch_mem: strings, data buffers, what fds name. */
function dataKind(kind: u32): bool {
  return (
    kind == <u32>CK_CSTRING ||
    kind == <u32>CK_BUFFER_ARG_LEN ||
    kind == <u32>CK_BUFFER_RET_LEN ||
    kind == <u32>CK_FD_PATH ||
    kind == <u32>CK_FD_PATHS
  );
}

function scan(rec: usize, start: u32, count: u32, argIdx: u32, kind: u32): bool {
  let off: usize = <usize>start;
  for (let i: u32 = 0; i < count; i++) {
    const p = rec + off;
    const l = load<u32>(p + CAP_LENGTH);
    if (<u32>load<u8>(p + CAP_ARG) == argIdx && (kind == 0 || <u32>load<u8>(p + CAP_KIND) == kind)) {
      // -e verbose= leaves this call out: strace fetches no struct or array (tfetch_mem fails),
      // so its address prints; strings and data buffers still do.
      if (callNoDeref && !dataKind(<u32>load<u8>(p + CAP_KIND))) return false;
      capStatus = <u32>load<u16>(p + CAP_STATUS);
      capData = p + CAP_HEADER;
      capLen = l;
      // A PARTIAL capture (an unreadable page before its end) is unusable as a whole; its
      // readable prefix stays in capData/capLen for findCapPrefix and the short-read warnings.
      return capStatus != <u32>CS_FAULT && capStatus != <u32>CS_PARTIAL;
    }
    off += <usize>capSpan(l);
  }
  return false;
}

/**
 * Finds the capture of argument argIdx (of capture kind `kind`, 0 = any) taken at entry or, when
 * `atExit`, at exit. False when absent or unreadable (then print the bare address).
 */
export function findCap(argIdx: u32, kind: u32, atExit: bool): bool {
  capData = 0;
  capLen = 0;
  capStatus = 0;
  if (atExit) {
    if (xRec == 0) return false;
    return scan(
      xRec,
      HDR_LENGTH + EXIT_LENGTH,
      load<u32>(xRec + HDR_LENGTH + EXIT_CAPTURE_COUNT),
      argIdx,
      kind,
    );
  }
  if (eRec == 0) return false;
  return scan(
    eRec,
    HDR_LENGTH + ENTER_LENGTH,
    load<u32>(eRec + HDR_LENGTH + ENTER_CAPTURE_COUNT),
    argIdx,
    kind,
  );
}

/**
 * {@link findCap}, also satisfied by a PARTIAL capture whose readable prefix holds `need` bytes:
 * strace reads only the bytes it prints (a sockaddr's returned length), so an object ending just
 * before an unmapped page still decodes.
 */
export function findCapPrefix(argIdx: u32, kind: u32, atExit: bool, need: u32): bool {
  if (findCap(argIdx, kind, atExit)) return true;
  return capStatus == <u32>CS_PARTIAL && capLen >= need;
}

/** The last findCap met a PARTIAL capture: capLen bytes were readable, then an unmapped page. */
export function capPartial(): bool {
  return capStatus == <u32>CS_PARTIAL;
}

/**
 * The FD_PATH-style capture header of argIdx/kind at entry or exit, or 0; leaves findCap's
 * results alone, so an fd can print in the middle of a decoder that holds another capture.
 */
export function capAt(argIdx: u32, kind: u32, atExit: bool): usize {
  return capMatch(argIdx, kind, atExit, 0);
}

/** The `nth` capture of `kind` (any argument) at entry or exit, or 0; like {@link capAt}. */
export function capNth(kind: u32, atExit: bool, nth: u32): usize {
  return capMatch(0xffffffff, kind, atExit, nth);
}

function capMatch(argIdx: u32, kind: u32, atExit: bool, nth: u32): usize {
  let seen: u32 = 0;
  const rec = atExit ? xRec : eRec;
  if (rec == 0) return 0;
  const start = HDR_LENGTH + (atExit ? EXIT_LENGTH : ENTER_LENGTH);
  const count = load<u32>(
    rec + (atExit ? HDR_LENGTH + EXIT_CAPTURE_COUNT : HDR_LENGTH + ENTER_CAPTURE_COUNT),
  );
  let off: usize = <usize>start;
  for (let i: u32 = 0; i < count; i++) {
    const p = rec + off;
    if (
      (argIdx == 0xffffffff || <u32>load<u8>(p + CAP_ARG) == argIdx) &&
      <u32>load<u8>(p + CAP_KIND) == kind
    ) {
      if (seen == nth) return p;
      seen++;
    }
    off += <usize>capSpan(load<u32>(p + CAP_LENGTH));
  }
  return 0;
}

export function capTruncated(): bool {
  return capStatus == <u32>CS_TRUNCATED;
}
