/**
 * ioctl SG_IO's pointer captures (data/sg-io.ts): what its struct's buffers and scatter lists
 * point at, read when the request (args[1]) is SG_IO, for -s `strsize`.
 */

import { attrPointerCaptures } from "./attr-pointer-plan.js";
import type { CaptureSpec } from "./capture-spec.js";
import { constTables } from "./consts.js";
import { sgIoPointers } from "./data/sg-io.js";

/** ioctl's struct argument, and its request. */
const STRUCT_ARG = 2;
const REQUEST_ARG = 1;

export function sgIoCaptures(strsize: number): CaptureSpec[] {
  const entry = constTables.find((t) => t.name === "ioctls")?.entries.find(([, n]) => n === "SG_IO");
  if (!entry) throw new Error("SG_IO captures: SG_IO is not in ioctls");
  const sel = { selectorArg: REQUEST_ARG, selectorValue: entry[0] >>> 0 };
  return sgIoPointers.flatMap((p) => attrPointerCaptures(STRUCT_ARG, p, sel, strsize));
}
