/**
 * The POINTEE captures of a hand-written pointer field (data/attr-pointer.ts): what it points at,
 * read at entry, exit or both, and right after the array's capture, when its elements hold
 * pointers too, what each of those points at (POINTEE_EACH).
 */

import { captureBytes } from "./capture-plan.js";
import type { CaptureSpec } from "./capture-spec.js";
import type { AttrPointer } from "./data/attr-pointer.js";
import { CaptureKind, CaptureWhen } from "./record-format.js";

/** strace's printpath reads at most PATH_MAX bytes. */
const PATH_MAX = 4096;

/** The read only when the low 32 bits of args[selectorArg] equal `selectorValue`. */
export interface AttrSelector {
  readonly selectorArg: number;
  readonly selectorValue: number;
}

function bytesOf(max: AttrPointer["max"], strsize: number): number {
  return max === "strsize" ? captureBytes(strsize + 1) : max === "path" ? PATH_MAX : max;
}

/** The captures of pointer `p` in the struct at args[arg], for -s `strsize`. */
export function attrPointerCaptures(
  arg: number,
  p: AttrPointer,
  sel: AttrSelector,
  strsize: number,
): CaptureSpec[] {
  const max = bytesOf(p.max, strsize);
  const base = {
    arg,
    kind: CaptureKind.POINTEE,
    ptrOffset: p.offset,
    countOffset: p.count?.offset ?? 0,
    countSize: p.count ? (p.count.size ?? 4) : 0,
    elemSize: p.elemSize ?? 1,
    max: p.cap === undefined ? max : Math.min(max, p.cap),
    ...sel,
  } as const;
  // Right after the array's capture: native follows the pointers in the elements it just read.
  const each =
    p.each &&
    ({
      arg,
      kind: CaptureKind.POINTEE_EACH,
      ptrOffset: p.each.ptrOffset,
      countOffset: p.each.count?.offset ?? 0,
      countSize: p.each.count?.size ?? 0,
      max: bytesOf(p.each.max, strsize),
      ...sel,
    } as const);
  const out: CaptureSpec[] = [];
  for (const when of [CaptureWhen.ENTRY, CaptureWhen.EXIT]) {
    if (p.when === (when === CaptureWhen.ENTRY ? "exit" : "entry")) continue;
    out.push({ ...base, when });
    if (each) out.push({ ...each, when });
  }
  return out;
}
