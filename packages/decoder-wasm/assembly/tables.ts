// Reader for the tables blob built by src/tables-blob.ts (layout documented there). The blob is
// validated once by `loadTables`; afterwards every accessor here is in bounds by construction.

export const BLOB_MAGIC: u32 = 0x42545354; // "TSTB"
export const BLOB_VERSION: u32 = 2;
export const BLOB_HEADER: u32 = 80;
export const REQUEST_SIZE: u32 = 16;
export const NO_REF: u32 = 0xffffffff;
export const ROW_SIZE: u32 = 36;
export const TABLE_HEADER: u32 = 24;
export const TABLE_ENTRY: u32 = 16;

// Argument and return kind codes (the blob's contract with src/tables-blob.ts), generated.
export * from "./kind-codes";

export let blob: usize = 0;
export let blobLen: u32 = 0;
export let auditArch: u32 = 0;
let nSyscalls: u32 = 0;
let syscallsOff: u32 = 0;
export let nTables: u32 = 0;
let tablesOff: u32 = 0;
let nErrnos: u32 = 0;
let errnoOff: u32 = 0;
let nSignals: u32 = 0;
let signalOff: u32 = 0;
export let nStructs: u32 = 0;
let structOff: u32 = 0;
let stringsOff: u32 = 0;
let stringsLen: u32 = 0;
let nRequests: u32 = 0;
let requestsOff: u32 = 0;
let nRequestArgs: u32 = 0;
let requestArgsOff: u32 = 0;

// @ts-expect-error: decorator
function w32(off: u32): u32 {
  return load<u32>(blob + <usize>off);
}

function inBlob(off: u32, n: u32): bool {
  return <u64>off + <u64>n <= <u64>blobLen;
}

function validRef(ref: u32): bool {
  if (ref == NO_REF) return true;
  if (<u64>ref + 2 > <u64>stringsLen) return false;
  const len = <u32>load<u16>(blob + <usize>stringsOff + <usize>ref);
  return <u64>ref + 2 + <u64>len <= <u64>stringsLen;
}

/** Validates and adopts a blob. Returns 0 or a non-zero reason code. */
export function loadTables(p: usize, len: u32): i32 {
  blob = p;
  blobLen = len;
  if (len < BLOB_HEADER || (p & 7) != 0) return 1;
  if (w32(0) != BLOB_MAGIC) return 2;
  if (w32(4) != BLOB_VERSION) return 3;
  auditArch = w32(8);
  nSyscalls = w32(12);
  syscallsOff = w32(16);
  nTables = w32(20);
  tablesOff = w32(24);
  nErrnos = w32(28);
  errnoOff = w32(32);
  nSignals = w32(36);
  signalOff = w32(40);
  nStructs = w32(44);
  structOff = w32(48);
  stringsOff = w32(52);
  stringsLen = w32(56);
  nRequests = w32(64);
  requestsOff = w32(68);
  nRequestArgs = w32(72);
  requestArgsOff = w32(76);
  if (!inBlob(stringsOff, stringsLen)) return 4;
  if (nSyscalls > 0x100000 || !inBlob(syscallsOff, nSyscalls * 4)) return 5;
  for (let i: u32 = 0; i < nSyscalls; i++) {
    const r = w32(syscallsOff + i * 4);
    if (r == 0) continue;
    if ((r & 3) != 0 || !inBlob(r, ROW_SIZE)) return 6;
    if (!validRef(w32(r)) || !validRef(w32(r + 4))) return 7;
    if (load<u8>(blob + <usize>r + 8) > 6) return 8;
  }
  if (nTables > 0x10000 || !inBlob(tablesOff, nTables * 4)) return 9;
  for (let i: u32 = 0; i < nTables; i++) {
    const t = w32(tablesOff + i * 4);
    if ((t & 7) != 0 || !inBlob(t, TABLE_HEADER)) return 10;
    const n = w32(t + 8);
    if (n > 0x100000 || !inBlob(t + TABLE_HEADER, n * TABLE_ENTRY)) return 11;
    if (!validRef(w32(t))) return 12;
    for (let j: u32 = 0; j < n; j++) if (!validRef(w32(t + TABLE_HEADER + j * TABLE_ENTRY + 8))) return 13;
  }
  if (nErrnos > 0x10000 || !inBlob(errnoOff, nErrnos * 8)) return 14;
  for (let i: u32 = 0; i < nErrnos * 2; i++) if (!validRef(w32(errnoOff + i * 4))) return 15;
  if (nSignals > 0x1000 || !inBlob(signalOff, nSignals * 4)) return 16;
  for (let i: u32 = 0; i < nSignals; i++) if (!validRef(w32(signalOff + i * 4))) return 17;
  if (nStructs > 0x1000 || !inBlob(structOff, nStructs * 8)) return 18;
  for (let i: u32 = 0; i < nStructs; i++) if (!validRef(w32(structOff + i * 8))) return 19;
  if (nRequests > 0x10000 || !inBlob(requestsOff, nRequests * REQUEST_SIZE)) return 20;
  for (let i: u32 = 0; i < nRequests; i++) {
    const at = requestsOff + i * REQUEST_SIZE;
    if (!validRef(w32(at)) || !validRef(w32(at + 12))) return 21;
  }
  if (nRequestArgs > 0x10000 || !inBlob(requestArgsOff, nRequestArgs * REQUEST_SIZE)) return 22;
  for (let i: u32 = 0; i < nRequestArgs; i++) {
    const at = requestArgsOff + i * REQUEST_SIZE;
    if (!validRef(w32(at)) || load<u8>(blob + <usize>at + 8) > 5) return 23;
  }
  return 0;
}

// ---- strings ----

export function strPtr(ref: u32): usize {
  return blob + <usize>stringsOff + <usize>ref + 2;
}
export function strLen(ref: u32): u32 {
  return ref == NO_REF ? 0 : <u32>load<u16>(blob + <usize>stringsOff + <usize>ref);
}

/** Does blob string `ref` equal the ASCII literal `s`? */
export function strEq(ref: u32, s: string): bool {
  if (ref == NO_REF) return false;
  const n = strLen(ref);
  if (n != <u32>s.length) return false;
  const p = strPtr(ref);
  for (let i: u32 = 0; i < n; i++) if (<u32>load<u8>(p + <usize>i) != <u32>s.charCodeAt(i)) return false;
  return true;
}

// ---- syscalls ----

export function syscallCount(): u32 {
  return nSyscalls;
}
/** Offset of nr's row, or 0. */
export function row(nr: u32): u32 {
  return nr < nSyscalls ? w32(syscallsOff + nr * 4) : 0;
}
export function rowName(r: u32): u32 {
  return w32(r);
}
export function rowDecoder(r: u32): u32 {
  return w32(r + 4);
}
export function rowNargs(r: u32): u32 {
  return <u32>load<u8>(blob + <usize>r + 8);
}
export function rowRet(r: u32): u8 {
  return load<u8>(blob + <usize>r + 9);
}
export function argKind(r: u32, i: u32): u8 {
  return load<u8>(blob + <usize>r + 12 + <usize>i * 4);
}
export function argParam(r: u32, i: u32): u32 {
  return <u32>load<u16>(blob + <usize>r + 14 + <usize>i * 4);
}

// ---- constant tables ----

export function tableOff(idx: u32): u32 {
  return w32(tablesOff + idx * 4);
}
export function tableName(idx: u32): u32 {
  return w32(tableOff(idx));
}
export function tableIsEnum(idx: u32): bool {
  return load<u8>(blob + <usize>tableOff(idx) + 4) == 1;
}
export function tableHasMask(idx: u32): bool {
  return load<u8>(blob + <usize>tableOff(idx) + 5) != 0;
}
export function tableCount(idx: u32): u32 {
  return w32(tableOff(idx) + 8);
}
/** The name ref of the comment strace prints after an unknown value (`MOUNT_ATTR_???`), or NO_REF. */
export function tableDefault(idx: u32): u32 {
  return w32(tableOff(idx) + 12);
}
export function tableMask(idx: u32): u64 {
  return load<u64>(blob + <usize>tableOff(idx) + 16);
}
export function entryValue(idx: u32, j: u32): u64 {
  return load<u64>(blob + <usize>tableOff(idx) + <usize>TABLE_HEADER + <usize>j * TABLE_ENTRY);
}
export function entryName(idx: u32, j: u32): u32 {
  return w32(tableOff(idx) + TABLE_HEADER + j * TABLE_ENTRY + 8);
}

/** Index of the table named `name`, or -1. */
export function findTable(name: string): i32 {
  for (let i: u32 = 0; i < nTables; i++) if (strEq(tableName(i), name)) return <i32>i;
  return -1;
}

/** Name ref of `value` in table idx (exact match), or NO_REF. */
export function lookup(idx: i32, value: u64): u32 {
  if (idx < 0) return NO_REF;
  const t = <u32>idx;
  const n = tableCount(t);
  for (let j: u32 = 0; j < n; j++) if (entryValue(t, j) == value) return entryName(t, j);
  return NO_REF;
}

/** Value of the constant named `name` in table idx; `dflt` when absent. */
export function valueOf(idx: i32, name: string, dflt: u64): u64 {
  if (idx < 0) return dflt;
  const t = <u32>idx;
  const n = tableCount(t);
  for (let j: u32 = 0; j < n; j++) if (strEq(entryName(t, j), name)) return entryValue(t, j);
  return dflt;
}

// ---- errnos, signals, structs ----

export function errnoName(e: u64): u32 {
  return e < <u64>nErrnos ? w32(errnoOff + <u32>e * 8) : NO_REF;
}
export function errnoMessage(e: u64): u32 {
  return e < <u64>nErrnos ? w32(errnoOff + <u32>e * 8 + 4) : NO_REF;
}
export function signalName(s: u64): u32 {
  return s < <u64>nSignals ? w32(signalOff + <u32>s * 4) : NO_REF;
}
export function structName(i: u32): u32 {
  return i < nStructs ? w32(structOff + i * 8) : NO_REF;
}
export function structSize(i: u32): u32 {
  return i < nStructs ? w32(structOff + i * 8 + 4) : 0;
}

/** Index of the struct named `name` in the blob's struct list, or 0xffff. */
export function structIndexByName(name: string): u32 {
  for (let i: u32 = 0; i < nStructs; i++) if (strEq(structName(i), name)) return i;
  return 0xffff;
}

// ---- requests (core's request-dependent arguments: ioctl's request, prctl's option) ----

/**
 * The request entry of syscall `syscall` whose selector value is `value`, or -1: the decoder reads
 * what a request's argument points at only when core's table names it.
 */
export function findRequest(syscall: string, value: u32): i32 {
  for (let i: u32 = 0; i < nRequests; i++) {
    const at = requestsOff + i * REQUEST_SIZE;
    if (requestMatches(at, value) && strEq(w32(at), syscall)) return <i32>i;
  }
  return -1;
}
/** The request entry of `syscall` for `value` read at `when` (1 entry, 2 exit), or -1. */
export function findRequestAt(syscall: string, value: u32, when: u32): i32 {
  for (let i: u32 = 0; i < nRequests; i++) {
    const at = requestsOff + i * REQUEST_SIZE;
    if (requestMatches(at, value) && load<u8>(blob + <usize>(at + 10)) == <u8>when && strEq(w32(at), syscall))
      return <i32>i;
  }
  return -1;
}
/**
 * Whether the request entry at `at` stands for selector `value`: equal, or equal under its match
 * byte's mask (a family of ioctl requests: any _IOC_SIZE, some low index bits), as native matches.
 */
function requestMatches(at: u32, value: u32): bool {
  const match = <u32>load<u8>(blob + <usize>(at + 11));
  let mask: u32 = ~(((<u32>1) << ((match >> 1) & 0xf)) - 1);
  if (match & 1) mask &= ~(<u32>0x3fff0000);
  return w32(at + 4) == (value & mask);
}
/** The argument a request entry's pointee is in. */
export function requestArg(i: i32): u32 {
  return <u32>load<u8>(blob + <usize>(requestsOff + <u32>i * REQUEST_SIZE + 9));
}
/** When a request entry's pointee is read: 1 at entry (the caller's data), 2 at exit. */
export function requestWhen(i: i32): u32 {
  return <u32>load<u8>(blob + <usize>(requestsOff + <u32>i * REQUEST_SIZE + 10));
}
/** The struct name (a string ref) a request entry's pointee is. */
export function requestStruct(i: i32): u32 {
  return w32(requestsOff + <u32>i * REQUEST_SIZE + 12);
}

// ---- request args (core's request-dependent scalar arguments: fcntl's third by command) ----

/** A request arg's kind code when the argument is not printed at all. */
export const K_NOT_PRINTED: u8 = 0xff;

/** The request-arg entry of decoder `decoder` whose selector value is `value`, or -1. */
export function findRequestArg(decoder: string, value: u32): i32 {
  for (let i: u32 = 0; i < nRequestArgs; i++) {
    const at = requestArgsOff + i * REQUEST_SIZE;
    if (w32(at + 4) == value && strEq(w32(at), decoder)) return <i32>i;
  }
  return -1;
}
/** The argument a request-arg entry prints. */
export function requestArgIndex(i: i32): u32 {
  return <u32>load<u8>(blob + <usize>(requestArgsOff + <u32>i * REQUEST_SIZE + 8));
}
/** Its kind code (K_*, or K_NOT_PRINTED). */
export function requestArgKind(i: i32): u8 {
  return load<u8>(blob + <usize>(requestArgsOff + <u32>i * REQUEST_SIZE + 9));
}
/** Its kind param (as in a syscall row). */
export function requestArgParam(i: i32): u32 {
  return <u32>load<u16>(blob + <usize>(requestArgsOff + <u32>i * REQUEST_SIZE + 10));
}
