// One JSON Lines object per event. The line engine (line.ts) renders an event's text pieces as it
// does for strace's output, at the end of the buffer; these functions write the object after them
// and then put the object where the text began, so the text never reaches the output.

import { newline, outBuf, outLen, putc, puts, truncateOut } from "../out";
import { putPadded, putU64 } from "../print/num";
import { jsonList, jsonTextLeaf, jsonValue, trailingSep } from "./tree";
import { jI64, jKey, jNext, jText, jU64 } from "./write";

/** The first event's time: `rel_ns` counts from it. */
let base: u64 = 0;
let haveBase = false;

/** `{"type":…,"pid":…,"ts":…,"ts_ns":…,"rel_ns":…` (the object stays open). */
export function jHead(type: string, pid: u32, now: u64): void {
  if (!haveBase) {
    base = now;
    haveBase = true;
  }
  puts('{"type":"');
  puts(type);
  puts('","pid":');
  putU64(<u64>pid);
  // Seconds as a JSON number (nanosecond digits; readers round it to a double), the exact
  // nanoseconds by the integer rule, and the time since the trace's first event.
  jNext("ts");
  putU64(now / 1000000000);
  putc(0x2e);
  putPadded(now % 1000000000, 9, 0x30);
  jNext("ts_ns");
  jU64(now);
  jNext("rel_ns");
  jU64(now > base ? now - base : 0);
}

/** `rel_ns`'s origin, shared by the decoders of one trace split by pid (-ff): 0, 0 for none yet. */
export function setJsonBase(hi: u32, lo: u32): void {
  base = ((<u64>hi) << 32) | <u64>lo;
  haveBase = base != 0;
}

export function jsonBaseHi(): u32 {
  return haveBase ? <u32>(base >> 32) : 0;
}

export function jsonBaseLo(): u32 {
  return haveBase ? <u32>base : 0;
}

/** Moves the object written from `j0` to `t0` (over the event's text) and ends the line. */
export function jEnd(t0: usize, j0: usize): void {
  putc(0x7d);
  const n = outLen - j0;
  memory.copy(outBuf + t0, outBuf + j0, n);
  truncateOut(t0 + n);
  newline();
}

/** `,"key":` and the text between a and b as one value. */
export function jValueField(key: string, a: usize, b: usize): void {
  jNext(key);
  jsonValue(a, b);
}

/** `,"args":[…]`; returns whether the text ended with a separator (an unfinished call). */
export function jArgs(a: usize, b: usize): bool {
  jNext("args");
  jsonList(a, b);
  return trailingSep;
}

/** `,"key":"text"` of the text between a and b. */
export function jTextField(key: string, a: usize, b: usize): void {
  jNext(key);
  jText(a, b);
}

/** `,"key":true`. */
export function jTrue(key: string): void {
  jNext(key);
  puts("true");
}

/** `,"key":n`. */
export function jIntField(key: string, v: i64): void {
  jNext(key);
  jI64(v);
}

/**
 * The return value printed from r0 (`= …` as printReturn wrote it) to r1: `"ret"` a value (null
 * for `?`), and for an error `"errno"` and `"error"` (strace's `-1 ENOENT (No such file…)`).
 */
export function jReturn(r0: usize, r1: usize, isError: bool): void {
  const a = r0 + 2; // `= `
  if (a >= r1 || (load<u8>(outBuf + a) == 0x3f && a + 1 == r1)) {
    jNext("ret");
    puts("null");
    return;
  }
  if (!isError) {
    jValueField("ret", a, r1);
    return;
  }
  let sp = a;
  while (sp < r1 && load<u8>(outBuf + sp) != 0x20) sp++;
  jNext("ret");
  if (load<u8>(outBuf + a) == 0x3f) puts("null");
  else jsonValue(a, sp);
  let paren = sp + 1;
  while (paren < r1 && load<u8>(outBuf + paren) != 0x28) paren++;
  if (paren >= r1) {
    jNext("errno");
    jText(sp + 1, r1);
    return;
  }
  jTextField("errno", sp + 1, paren - 1);
  jTextField("error", paren + 1, r1 - 1);
}

export { jKey, jsonTextLeaf };
