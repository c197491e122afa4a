/**
 * Walks a stack sample the way strace 6.1 built with libunwind does (unwind-libunwind.c over
 * libunwind 1.6's x86_64 unw_step): CFI from .eh_frame first; without it, a PLT stub, then the
 * frame-pointer guess; a frame is printed only when its address lies in an executable mapping.
 * Memory is the sample's stack copy: a read beyond it ends the walk as a failed read ends
 * libunwind's.
 */

import { type FrameRow, findRow } from "./cfi.js";
import { evalExpr } from "./dwarf-expr.js";
import { cfiBias, type ElfFile, loadBias, u64 } from "./elf.js";
import { findMapping, type Mapping } from "./maps.js";

/** x86_64 DWARF register numbers. */
const RBP = 6;
const RSP = 7;
const RIP = 16;
const NREGS = 17;

/** strace's limit: after 256 frames it says "too many stack frames". */
export const MAX_FRAMES = 256;

/** A register's location, as libunwind tracks it (loc[]). */
type Loc =
  | { readonly kind: "null" }
  | { readonly kind: "mem"; readonly addr: number }
  | { readonly kind: "val"; readonly value: number };
const NULL_LOC: Loc = { kind: "null" };

/** One printed line: a frame, or the error that ends the walk. */
export type FrameLine =
  | {
      readonly kind: "frame";
      readonly path: string;
      /** The symbol (empty when none was found) and the offset from it. */
      readonly symbol: string;
      readonly symbolOffset: number;
      /** Offset of the address in the file (address - mapping start + mapping offset). */
      readonly fileOffset: number;
    }
  | { readonly kind: "error"; readonly message: string; readonly address: bigint };

/** Where the unwinder gets parsed ELF files: by mapping (path and device/inode), cached by the caller. */
export type ElfSource = (mapping: Mapping) => ElfFile | undefined;

/** A stack sample: x86_64 registers (by DWARF number) and stack bytes from `sp` up. */
export interface Sample {
  readonly regs: readonly number[];
  readonly sp: number;
  readonly stack: DataView;
}

interface Cursor {
  ip: number;
  /** The ip exactly (a garbage return address may exceed 2^53, and strace prints it). */
  ipExact: bigint;
  cfa: number;
  loc: Loc[];
  usePrevInstr: boolean;
}

/** Walks `sample` over `maps`, producing strace's lines. */
export function unwind(sample: Sample, maps: readonly Mapping[], elfOf: ElfSource): FrameLine[] {
  const read = (addr: number): number | undefined => {
    const off = addr - sample.sp;
    if (off < 0 || off + 8 > sample.stack.byteLength) return undefined;
    return u64(sample.stack, off);
  };
  const loc: Loc[] = [];
  for (let i = 0; i < NREGS; i++) loc.push({ kind: "val", value: sample.regs[i] ?? 0 });
  const c: Cursor = {
    ip: sample.regs[RIP] ?? 0,
    ipExact: BigInt(sample.regs[RIP] ?? 0),
    cfa: sample.sp,
    loc,
    usePrevInstr: false,
  };
  const get = (l: Loc): number | undefined =>
    l.kind === "mem" ? read(l.addr) : l.kind === "val" ? l.value : undefined;
  const lines: FrameLine[] = [];
  let depth = 0;
  for (; depth < MAX_FRAMES; depth++) {
    const m = findMapping(maps, c.ip);
    if (!m?.exec) {
      if (c.ip !== 0)
        lines.push({ kind: "error", message: "unexpected_backtracing_error", address: c.ipExact });
      break;
    }
    lines.push(frameOf(c, m, maps, elfOf));
    if (step(c, sample, maps, elfOf, get, read) <= 0) break;
  }
  if (depth >= MAX_FRAMES) lines.push({ kind: "error", message: "too many stack frames", address: 0n });
  return lines;
}

function frameOf(c: Cursor, m: Mapping, maps: readonly Mapping[], elfOf: ElfSource): FrameLine {
  const fileOffset = c.ip - m.start + m.offset;
  // libunwind's unw_get_proc_name: the symbol for the call (ip - 1), the offset from the return address.
  const at = c.usePrevInstr ? c.ip - 1 : c.ip;
  const sym = symbolAt(at, findMapping(maps, at) ?? m, elfOf);
  return {
    kind: "frame",
    path: m.path,
    symbol: sym?.name ?? "",
    symbolOffset: sym ? sym.offset + (c.usePrevInstr ? 1 : 0) : 0,
    fileOffset,
  };
}

/**
 * libunwind's lookup_symbol: the nearest STT_FUNC symbol at or below the address, sizes
 * ignored, the first of equals winning; none when it is as far as the file is long.
 */
function symbolAt(addr: number, m: Mapping, elfOf: ElfSource): { name: string; offset: number } | undefined {
  const elf = elfOf(m);
  if (!elf) return undefined;
  const bias = loadBias(elf, m.start, m.offset);
  const { sorted, abs } = symbolIndex(elf);
  let best: string | undefined;
  let dist = Number.POSITIVE_INFINITY;
  let bestRank = Number.POSITIVE_INFINITY;
  // The sorted relative symbols: the greatest value at or below, the first of equals in scan order.
  const rel = addr - bias;
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as IndexedSymbol).value <= rel) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found >= 0) {
    const v = (sorted[found] as IndexedSymbol).value;
    while (found > 0 && (sorted[found - 1] as IndexedSymbol).value === v) found--;
    const s = sorted[found] as IndexedSymbol;
    best = s.name;
    dist = rel - v;
    bestRank = s.rank;
  }
  for (const s of abs) {
    if (s.value > addr) continue;
    const d = addr - s.value;
    if (d < dist || (d === dist && s.rank < bestRank)) {
      dist = d;
      best = s.name;
      bestRank = s.rank;
    }
  }
  if (best === undefined || dist >= elf.bytes.length) return undefined;
  return { name: best, offset: dist };
}

interface IndexedSymbol {
  readonly value: number;
  readonly name: string;
  /** Position in libunwind's scan order: the first of equally near symbols wins. */
  readonly rank: number;
}

const symbolIndexes = new WeakMap<ElfFile, { sorted: IndexedSymbol[]; abs: IndexedSymbol[] }>();

/** A file's function symbols sorted by value (stable: scan order within a value), absolute ones apart. */
function symbolIndex(elf: ElfFile): { sorted: IndexedSymbol[]; abs: IndexedSymbol[] } {
  let ix = symbolIndexes.get(elf);
  if (!ix) {
    const sorted: IndexedSymbol[] = [];
    const abs: IndexedSymbol[] = [];
    elf.symbols().forEach((s, rank) => {
      (s.abs ? abs : sorted).push({ value: s.value, name: s.name, rank });
    });
    sorted.sort((a, b) => a.value - b.value || a.rank - b.rank);
    ix = { sorted, abs };
    symbolIndexes.set(elf, ix);
  }
  return ix;
}

/** libunwind's unw_step: 1 a caller was found, 0 the end of the chain, -1 an error. */
function step(
  c: Cursor,
  sample: Sample,
  maps: readonly Mapping[],
  elfOf: ElfSource,
  get: (l: Loc) => number | undefined,
  read: (addr: number) => number | undefined,
): number {
  const prevIp = c.ip;
  const prevCfa = c.cfa;
  const pc = c.usePrevInstr ? c.ip - 1 : c.ip;
  const m = findMapping(maps, pc);
  const elf = m ? elfOf(m) : undefined;
  const bias = m && elf ? cfiBias(elf, m.start, m.offset) : undefined;
  const row = elf && bias !== undefined ? findRow(elf, pc - bias) : undefined;
  if (row) {
    const r = applyRow(c, sample, row, get, read);
    if (r < 0) return r;
    // The x86_64 ABI ends the chain with an undefined return address or a NULL %rbp.
    if ((c.loc[RBP] as Loc).kind === "null") {
      c.ip = 0;
      return 0;
    }
    return r;
  }
  // No CFI: a PLT stub, or a frame-pointer guess.
  if (m && elf && isPltEntry(elf, m, c.ip)) {
    c.loc[RIP] = { kind: "mem", addr: c.cfa };
    c.cfa += 8;
  } else if ((c.loc[RBP] as Loc).kind === "null") {
    for (let i = 0; i < NREGS; i++) c.loc[i] = NULL_LOC;
  } else {
    const rbp = get(c.loc[RBP] as Loc);
    if (rbp === undefined) return -1;
    let rbpLoc: Loc;
    let ripLoc: Loc;
    if (rbp === 0) {
      rbpLoc = NULL_LOC;
      ripLoc = NULL_LOC;
    } else {
      rbpLoc = { kind: "mem", addr: rbp };
      ripLoc = { kind: "mem", addr: rbp + 8 };
      if (read(rbp) === undefined || rbp < c.cfa || rbp - c.cfa > 0x4000) {
        rbpLoc = NULL_LOC;
        ripLoc = NULL_LOC;
      }
      c.cfa += 16;
    }
    for (let i = 0; i < NREGS; i++) c.loc[i] = NULL_LOC;
    c.loc[RBP] = rbpLoc;
    c.loc[RIP] = ripLoc;
    c.usePrevInstr = true;
  }
  if ((c.loc[RBP] as Loc).kind === "null") return 0;
  const ripLoc = c.loc[RIP] as Loc;
  if (ripLoc.kind !== "null") {
    const ip = get(ripLoc);
    if (ip === undefined) return -1;
    c.ip = ip;
    c.ipExact = exact(ripLoc, sample);
  } else c.ip = 0;
  if (c.ip === prevIp && c.cfa === prevCfa) return -1;
  return 1;
}

/** libunwind's apply_reg_state: the caller's CFA, register locations and return address. */
function applyRow(
  c: Cursor,
  sample: Sample,
  row: FrameRow,
  get: (l: Loc) => number | undefined,
  read: (addr: number) => number | undefined,
): number {
  const prevIp = c.ip;
  const prevCfa = c.cfa;
  const regValue = (n: number): number | undefined => {
    // libunwind reads %rsp as the CFA of the frame (the caller's stack pointer).
    if (n === RSP) return c.cfa;
    const l = c.loc[n];
    return l ? get(l) : undefined;
  };
  let cfa: number | undefined;
  if (row.cfa.kind === "reg") {
    const spSame = (row.regs.get(RSP) ?? { kind: "same" }).kind === "same";
    const base = row.cfa.reg === RSP && spSame ? c.cfa : regValue(row.cfa.reg);
    if (base === undefined) return -1;
    cfa = base + row.cfa.offset;
  } else {
    cfa = evalExpr(row.cfa.expr, { reg: regValue, read });
    if (cfa === undefined) return -1;
  }
  const next = c.loc.slice();
  for (const [reg, rule] of row.regs) {
    if (reg >= NREGS) continue;
    switch (rule.kind) {
      case "undefined":
        next[reg] = NULL_LOC;
        break;
      case "same":
        break;
      case "offset":
        next[reg] = { kind: "mem", addr: cfa + rule.offset };
        break;
      case "valOffset":
        next[reg] = { kind: "val", value: cfa + rule.offset };
        break;
      case "register":
        next[reg] = c.loc[rule.reg] ?? NULL_LOC;
        break;
      case "expression": {
        const a = evalExpr(rule.expr, { reg: regValue, read }, cfa);
        if (a === undefined) return -1;
        next[reg] = { kind: "mem", addr: a };
        break;
      }
      case "valExpression": {
        const v = evalExpr(rule.expr, { reg: regValue, read }, cfa);
        if (v === undefined) return -1;
        next[reg] = { kind: "val", value: v };
        break;
      }
    }
  }
  c.loc = next;
  c.cfa = cfa;
  c.usePrevInstr = !row.signalFrame;
  const ra = c.loc[row.returnAddressReg] ?? NULL_LOC;
  let ret: number;
  if (ra.kind === "null") {
    c.ip = 0;
    ret = 0;
  } else {
    const ip = get(ra);
    if (ip === undefined) return -1;
    c.ip = ip;
    c.ipExact = exact(ra, sample);
    ret = 1;
  }
  if (c.ip === prevIp && c.cfa === prevCfa) return -1;
  return ret;
}

/** libunwind's is_plt_entry: `jmp *x(%rip); push $n; jmp …` at the address, read from the file. */
function isPltEntry(elf: ElfFile, m: Mapping, ip: number): boolean {
  const off = ip - m.start + m.offset;
  if (off < 0 || off + 16 > elf.bytes.length) return false;
  const b = elf.bytes;
  return b[off] === 0xff && b[off + 1] === 0x25 && b[off + 6] === 0x68 && b[off + 11] === 0xe9;
}

/** A location's value as an exact 64-bit integer. */
function exact(l: Loc, sample: Sample): bigint {
  if (l.kind === "val") return BigInt(l.value);
  if (l.kind !== "mem") return 0n;
  const off = l.addr - sample.sp;
  return off >= 0 && off + 8 <= sample.stack.byteLength ? sample.stack.getBigUint64(off, true) : 0n;
}
