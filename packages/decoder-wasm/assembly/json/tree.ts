// Turns the text a decoder wrote (strace's punctuation around typed leaves) into JSON values:
// `{name=v, …}` an object, `[v, …]` an array, `f(v, …)` a call, `a => b` a changed value,
// `v /* note */` an annotated value, `...` more, numbers (decimal as JSON numbers, `0x…` hex,
// `0…` octal), `NULL` null, and the leaves the printers marked (spans.ts). What does not parse
// stays exact as a text leaf, so every rendering maps back to strace's text (render.ts in JS).

import { outBuf, outLen, putc, puts, truncateOut } from "../out";
import {
  SK_ENUM,
  SK_FD,
  SK_FLAGS,
  SK_SIGNAL,
  SK_SIGSET,
  SK_STR,
  spanAt,
  spanEnd,
  spanFlags,
  spanKind,
  spanN1,
  spanN2,
  spanP1,
  spanP2,
  spanStart,
  spanTable,
  spanValue,
} from "./spans";
import { insertAt, jBytes, jHexBytes, jI64, jNext, jText, jU64 } from "./write";

let pos: usize = 0;
let end: usize = 0;

function ch(i: usize): u32 {
  return i < end ? <u32>load<u8>(outBuf + i) : 0;
}

function at(s: string): bool {
  const n = <usize>s.length;
  if (pos + n > end) return false;
  for (let i: usize = 0; i < n; i++) if (ch(pos + i) != <u32>s.charCodeAt(<i32>i)) return false;
  return true;
}

function isIdStart(c: u32): bool {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c == 0x5f;
}
function isIdChar(c: u32): bool {
  return isIdStart(c) || (c >= 0x30 && c <= 0x39);
}
function isDigit(c: u32): bool {
  return c >= 0x30 && c <= 0x39;
}

/** The text between offsets a and b as one JSON value: `[…]` of its comma-separated items. */
export function jsonList(a: usize, b: usize): void {
  pos = a;
  end = b;
  putc(0x5b);
  list(0);
  putc(0x5d);
}

/** The text between offsets a and b as one JSON value. */
export function jsonValue(a: usize, b: usize): void {
  pos = a;
  end = b;
  if (pos >= end) {
    puts("null");
    return;
  }
  item(0);
}

/** The text between a and b as an exact text leaf. */
export function jsonTextLeaf(a: usize, b: usize): void {
  puts('{"type":"text","text":');
  jText(a, b);
  putc(0x7d);
}

/** The last top-level list ended with its separator (an unfinished call's `read(3, `). */
export let trailingSep: bool = false;

/** Items separated by `, ` up to `close` (0: the end). */
function list(close: u32): void {
  let first = true;
  if (close == 0) trailingSep = false;
  while (pos < end && (close == 0 || ch(pos) != close)) {
    if (!first) putc(0x2c);
    first = false;
    item(close);
    if (at(", ")) {
      pos += 2;
      if (close == 0 && pos >= end) trailingSep = true;
    } else break;
  }
}

function boundary(close: u32): bool {
  if (pos >= end) return true;
  const c = ch(pos);
  if (close != 0 && c == close) return true;
  return c == 0x2c && ch(pos + 1) == 0x20;
}

/** One item: a value when it parses up to the next separator, else exact text. */
function item(close: u32): void {
  const save = pos;
  const out0 = outLen;
  if (value() && boundary(close)) return;
  truncateOut(out0);
  pos = save;
  textItem(close);
}

/** Exact text up to the next `, ` or `close` outside brackets, quotes and comments. */
function textItem(close: u32): void {
  const a = pos;
  let depth = 0;
  while (pos < end) {
    const c = ch(pos);
    if (depth == 0 && (c == close || (c == 0x2c && ch(pos + 1) == 0x20))) break;
    if (c == 0x22) {
      pos++;
      while (pos < end && ch(pos) != 0x22) pos += ch(pos) == 0x5c ? 2 : 1;
    } else if (c == 0x2f && ch(pos + 1) == 0x2a) {
      pos += 2;
      while (pos < end && !(ch(pos) == 0x2a && ch(pos + 1) == 0x2f)) pos++;
      pos++;
    } else if (c == 0x28 || c == 0x5b || c == 0x7b) depth++;
    else if ((c == 0x29 || c == 0x5d || c == 0x7d) && depth > 0) depth--;
    pos++;
  }
  if (pos > end) pos = end;
  jsonTextLeaf(a, pos);
}

function value(): bool {
  const out0 = outLen;
  if (!bare()) return false;
  // Suffixes that wrap what came before.
  for (;;) {
    if (at(" => ")) {
      pos += 4;
      insertAt(out0, '{"type":"changed","before":');
      puts(',"after":');
      const a0 = outLen;
      if (!bare()) {
        truncateOut(a0);
        return false;
      }
      putc(0x7d);
      continue;
    }
    if (at(" /* ")) {
      const c0 = pos + 4;
      let e = c0;
      while (e + 1 < end && !(ch(e) == 0x2a && ch(e + 1) == 0x2f)) e++;
      if (e + 1 >= end || e < c0 + 1 || ch(e - 1) != 0x20) return false;
      insertAt(out0, '{"type":"annotated","value":');
      puts(',"comment":');
      jText(c0, e - 1);
      putc(0x7d);
      pos = e + 2;
      continue;
    }
    return true;
  }
}

/** A value without suffixes. */
function bare(): bool {
  if (pos >= end) return false;
  const s = spanAt(<u32>pos, <u32>end);
  if (s >= 0) {
    leaf(s);
    return true;
  }
  const c = ch(pos);
  if (c == 0x7b) return object();
  if (c == 0x5b) {
    pos++;
    putc(0x5b);
    list(0x5d);
    if (ch(pos) != 0x5d) return false;
    pos++;
    putc(0x5d);
    return true;
  }
  if (isDigit(c) || (c == 0x2d && isDigit(ch(pos + 1)))) return number();
  if (at("NULL") && !isIdChar(ch(pos + 4))) {
    pos += 4;
    puts("null");
    return true;
  }
  if (at("...")) {
    pos += 3;
    puts('{"type":"more"}');
    return true;
  }
  if (at("/* ")) {
    const c0 = pos + 3;
    let e = c0;
    while (e + 1 < end && !(ch(e) == 0x2a && ch(e + 1) == 0x2f)) e++;
    if (e + 1 >= end || e < c0 + 1 || ch(e - 1) != 0x20) return false;
    puts('{"type":"comment","text":');
    jText(c0, e - 1);
    putc(0x7d);
    pos = e + 2;
    return true;
  }
  if (isIdStart(c)) {
    const a = pos;
    while (isIdChar(ch(pos))) pos++;
    const b = pos;
    if (ch(pos) == 0x28) {
      pos++;
      puts('{"type":"call","name":');
      jText(a, b);
      puts(',"args":[');
      list(0x29);
      if (ch(pos) != 0x29) return false;
      pos++;
      puts("]}");
      return true;
    }
    // `child_stack=NULL` among clone's arguments: a named argument.
    if (ch(pos) == 0x3d && ch(pos + 1) != 0x3d) {
      pos++;
      puts('{"type":"named","name":');
      jText(a, b);
      puts(',"value":');
      if (!value()) return false;
      putc(0x7d);
      return true;
    }
    puts('{"type":"name","name":');
    jText(a, b);
    putc(0x7d);
    return true;
  }
  return false;
}

function object(): bool {
  pos++; // {
  putc(0x7b);
  let first = true;
  while (pos < end && ch(pos) != 0x7d) {
    if (!first) putc(0x2c);
    first = false;
    if (at("...") && (ch(pos + 3) == 0x7d || (ch(pos + 3) == 0x2c && ch(pos + 4) == 0x20))) {
      puts('"...":true');
      pos += 3;
    } else {
      const a = pos;
      while (isIdChar(ch(pos)) || ch(pos) == 0x2e || ch(pos) == 0x5b || ch(pos) == 0x5d) pos++;
      if (pos == a || ch(pos) != 0x3d || ch(pos + 1) == 0x3d) return false;
      jText(a, pos);
      putc(0x3a);
      pos++; // =
      item(0x7d);
    }
    if (at(", ")) pos += 2;
    else break;
  }
  if (ch(pos) != 0x7d) return false;
  pos++;
  putc(0x7d);
  return true;
}

/** A canonical integer: decimal (a JSON number by the rule), `0x…` hex or `0…` octal. */
function number(): bool {
  const a = pos;
  let neg = false;
  if (ch(pos) == 0x2d) {
    neg = true;
    pos++;
  }
  if (ch(pos) == 0x30 && ch(pos + 1) == 0x78) {
    if (neg) return false;
    pos += 2;
    const d0 = pos;
    let v: u64 = 0;
    for (;;) {
      const c = ch(pos);
      let d: u32 = 0;
      if (isDigit(c)) d = c - 0x30;
      else if (c >= 0x61 && c <= 0x66) d = c - 0x57;
      else break;
      if (pos - d0 >= 16) return false;
      v = (v << 4) | <u64>d;
      pos++;
    }
    if (pos == d0 || ch(d0) == 0x30) return false;
    puts('{"type":"hex","value":');
    jU64(v);
    putc(0x7d);
    return !isIdChar(ch(pos));
  }
  if (ch(pos) == 0x30 && ch(pos + 1) >= 0x30 && ch(pos + 1) <= 0x37) {
    if (neg) return false;
    pos++;
    if (ch(pos) == 0x30) return false;
    let v: u64 = 0;
    while (ch(pos) >= 0x30 && ch(pos) <= 0x37) {
      if (v >> 60 != 0) return false;
      v = (v << 3) | <u64>(ch(pos) - 0x30);
      pos++;
    }
    puts('{"type":"oct","value":');
    jU64(v);
    putc(0x7d);
    return !isIdChar(ch(pos));
  }
  const d0 = pos;
  let v: u64 = 0;
  while (isDigit(ch(pos))) {
    const d = <u64>(ch(pos) - 0x30);
    if (v > (<u64>0xffffffffffffffff - d) / 10) return false;
    v = v * 10 + d;
    pos++;
  }
  if (pos == d0 || (ch(d0) == 0x30 && pos - d0 > 1) || (neg && v == 0)) return false;
  if (isIdChar(ch(pos)) || ch(pos) == 0x2e) return false;
  if (neg) {
    if (v > <u64>0x8000000000000000) return false;
    jI64(<i64>(<u64>0 - v));
  } else jU64(v);
  return a < pos;
}

/** The identifiers of a constant's text (its comment's under -X verbose), as a JSON array. */
function names(a: usize, b: usize, sep: u32): void {
  // -X verbose: `0x80000 /* O_RDONLY|O_CLOEXEC */`: the names are in the comment.
  for (let i = a; i + 2 < b; i++)
    if (ch(i) == 0x2f && ch(i + 1) == 0x2a && ch(i + 2) == 0x20) {
      a = i + 3;
      break;
    }
  putc(0x5b);
  let first = true;
  let i = a;
  while (i < b) {
    if (isIdStart(ch(i))) {
      const s = i;
      while (i < b && isIdChar(ch(i))) i++;
      // `O_???`: strace's mark for an unknown value is not a name.
      if (ch(i) != 0x3f) {
        if (!first) putc(0x2c);
        first = false;
        jText(s, i);
      }
    } else {
      // skip a number or punctuation up to the next separator
      while (i < b && ch(i) != sep) i++;
      i++;
    }
    while (i < b && ch(i) == sep) i++;
  }
  putc(0x5d);
}

/** A leaf the printers marked. */
function leaf(s: i32): void {
  const a = <usize>spanStart(s);
  const b = <usize>spanEnd(s);
  const k = spanKind(s);
  pos = b;
  if (k == SK_STR) {
    const f = spanFlags(s);
    puts('{"type":"str","value":');
    const p = spanP1(s);
    const n = <usize>spanN1(s);
    const exact = jBytes(p, n);
    if (!exact) {
      puts(',"bytes":');
      jHexBytes(p, n);
    }
    if (f & 1) puts(',"hex":true');
    if (f & 2) puts(',"xesc":true');
    if (at("...")) {
      pos += 3;
      puts(',"truncated":true');
    }
    putc(0x7d);
    return;
  }
  if (k == SK_FD) {
    puts('{"type":"fd","fd":');
    jI64(<i64>spanValue(s));
    const f = spanFlags(s);
    if (f & 1) {
      if (spanN1(s) > 0 || (f & 2) != 0) {
        jNext("path");
        jBytes(spanP1(s), <usize>spanN1(s));
      }
      if (spanN2(s) > 0) {
        jNext((f & 2) != 0 ? "device" : "detail");
        jBytes(spanP2(s), <usize>spanN2(s));
      }
    }
    jNext("text");
    jText(a, b);
    putc(0x7d);
    return;
  }
  if (k == SK_FLAGS) {
    puts('{"type":"flags","names":');
    names(a, b, 0x7c);
  } else if (k == SK_SIGSET) {
    puts('{"type":"sigset","negated":');
    puts(ch(a) == 0x7e ? "true" : "false");
    jNext("signals");
    names(a, b, 0x20);
  } else {
    puts(k == SK_SIGNAL ? '{"type":"signal","name":' : '{"type":"const","name":');
    let i = a;
    // -X verbose: the name is in the comment.
    for (let j = a; j + 2 < b; j++)
      if (ch(j) == 0x2f && ch(j + 1) == 0x2a && ch(j + 2) == 0x20) {
        i = j + 3;
        break;
      }
    const n0 = i;
    while (i < b && isIdChar(ch(i))) i++;
    if (isIdStart(ch(n0)) && ch(i) != 0x3f) jText(n0, i);
    else puts("null");
  }
  if (k != SK_SIGSET) {
    jNext("value");
    const t = spanTable(s);
    const v = spanValue(s);
    // Constants of signed fields (AT_FDCWD) were widened from their int: show them signed.
    if (k == SK_ENUM && t < 0 && <i64>v < 0) jI64(<i64>v);
    else jU64(v);
  }
  jNext("text");
  jText(a, b);
  putc(0x7d);
}
