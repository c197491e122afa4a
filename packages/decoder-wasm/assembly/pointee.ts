// POINTEE captures (core's data/pointees.ts): what a pointer inside a struct argument points at,
// found by the argument, the pointer's offset in the struct and the stop it was read at.

import { capNth } from "./call";
import { CAP_ARG, CAP_HEADER, CAP_LENGTH, CAP_STATUS, CK_POINTEE, CK_POINTEE_EACH, CS_FAULT } from "./record";

/** The pointer the last {@link findPointee} found. */
export let ptPtr: u64 = 0;
/** Its readable bytes: ptLen of the ptWanted the struct asked for. */
export let ptData: usize = 0;
export let ptLen: u32 = 0;
export let ptWanted: u32 = 0;

/** Data bytes before the pointee: u32 offset, u32 bytes wanted, u64 pointer. */
const HEAD: u32 = 16;

/**
 * Finds the POINTEE capture of argument `argIdx` for the pointer `offset` bytes into its struct,
 * read at entry or, when `atExit`, at exit; the one after `skip` others of that pointer (a
 * pointer read both as a buffer and as a scatter list, SG_IO's). False when absent (the selector
 * did not match, the call is not verbose-decoded) or when the pointer itself was unreadable.
 */
export function findPointee(argIdx: u32, offset: u32, atExit: bool, skip: u32 = 0): bool {
  ptPtr = 0;
  ptData = 0;
  ptLen = 0;
  ptWanted = 0;
  for (let n: u32 = 0; ; n++) {
    const p = capNth(<u32>CK_POINTEE, atExit, n);
    if (p == 0) return false;
    if (<u32>load<u8>(p + CAP_ARG) != argIdx) continue;
    const len = load<u32>(p + CAP_LENGTH);
    if (<u32>load<u16>(p + CAP_STATUS) == <u32>CS_FAULT || len < HEAD) continue;
    const d = p + CAP_HEADER;
    if (load<u32>(d) != offset) continue;
    if (skip > 0) {
      skip--;
      continue;
    }
    ptWanted = load<u32>(d + 4);
    ptPtr = load<u64>(d + 8);
    ptData = d + HEAD;
    ptLen = len - HEAD;
    return true;
  }
}

/**
 * POINTEE_EACH (core's data/pointees.ts `each`): per element of a POINTEE array, what the pointer
 * in the element points at. {@link findPointeeEach} finds the capture; each
 * {@link nextPointeeEach} then steps to the next element's.
 */
let peCursor: usize = 0;
let peLeft: u32 = 0;
/** The end of the capture's data: a corrupt recording's counts never step past it. */
let peEnd: usize = 0;
export let pePtr: u64 = 0;
export let peWanted: u32 = 0;
export let peGot: u32 = 0;
export let peData: usize = 0;

/**
 * Finds argument `argIdx`'s POINTEE_EACH capture at entry or exit, the `nth` of the argument's
 * (in plan order, an empty one counted too); false when absent or empty.
 */
export function findPointeeEach(argIdx: u32, atExit: bool, nth: u32 = 0): bool {
  peCursor = 0;
  peLeft = 0;
  peEnd = 0;
  for (let n: u32 = 0; ; n++) {
    const p = capNth(<u32>CK_POINTEE_EACH, atExit, n);
    if (p == 0) return false;
    if (<u32>load<u8>(p + CAP_ARG) != argIdx) continue;
    if (nth > 0) {
      nth--;
      continue;
    }
    if (<u32>load<u16>(p + CAP_STATUS) == <u32>CS_FAULT || load<u32>(p + CAP_LENGTH) < 8) return false;
    const d = p + CAP_HEADER;
    peLeft = load<u32>(d);
    peCursor = d + 8;
    peEnd = d + <usize>load<u32>(p + CAP_LENGTH);
    return true;
  }
}

/** Steps to the next element's pointee (pePtr, peWanted, and peGot bytes at peData); false past the last. */
export function nextPointeeEach(): bool {
  if (peLeft == 0 || peCursor + 16 > peEnd) return false;
  peLeft--;
  pePtr = load<u64>(peCursor);
  peWanted = load<u32>(peCursor + 8);
  peGot = load<u32>(peCursor + 12);
  peData = peCursor + 16;
  if (<u64>peGot > <u64>(peEnd - peData)) {
    // a corrupt element: nothing of it, nor after it
    peGot = 0;
    peLeft = 0;
  }
  peCursor = peData + <usize>((peGot + 3) & ~3);
  return true;
}
