/**
 * Call frame information from .eh_frame: finding the FDE for an address through .eh_frame_hdr's
 * sorted table, and running its CIE's and its own CFA program up to that address (DWARF 4
 * §6.4). The result is the row of rules that says where the caller's registers are.
 */
import { type ElfFile, fileOffsetOf, u64 } from "./elf.js";

/** How to find one register of the caller. */
export type RegRule =
  | { readonly kind: "undefined" }
  | { readonly kind: "same" }
  | { readonly kind: "offset"; readonly offset: number } // saved at CFA + offset
  | { readonly kind: "valOffset"; readonly offset: number } // is CFA + offset
  | { readonly kind: "register"; readonly reg: number }
  | { readonly kind: "expression"; readonly expr: Uint8Array } // saved at the expression's value
  | { readonly kind: "valExpression"; readonly expr: Uint8Array };

/** How to compute the CFA. */
export type CfaRule =
  | { readonly kind: "reg"; readonly reg: number; readonly offset: number }
  | { readonly kind: "expression"; readonly expr: Uint8Array };

/** The unwind row that applies at an address. */
export interface FrameRow {
  readonly cfa: CfaRule;
  /** Rules by DWARF register number; a missing entry is "same value". */
  readonly regs: ReadonlyMap<number, RegRule>;
  readonly returnAddressReg: number;
  /** The CIE has the `S` augmentation: the frame is a signal trampoline's. */
  readonly signalFrame: boolean;
}

interface Cie {
  readonly codeAlign: number;
  readonly dataAlign: number;
  readonly raReg: number;
  readonly fdeEncoding: number;
  readonly signalFrame: boolean;
  readonly hasAugData: boolean;
  readonly initial: Uint8Array;
}

/** A reader over the file's bytes that also knows the virtual address it stands at. */
class Cursor {
  constructor(
    readonly view: DataView,
    public at: number,
    readonly vaddrDelta: number, // vaddr = file offset + vaddrDelta
  ) {}

  u8(): number {
    return this.view.getUint8(this.at++);
  }
  u16(): number {
    const v = this.view.getUint16(this.at, true);
    this.at += 2;
    return v;
  }
  u32(): number {
    const v = this.view.getUint32(this.at, true);
    this.at += 4;
    return v;
  }
  i32(): number {
    const v = this.view.getInt32(this.at, true);
    this.at += 4;
    return v;
  }
  u64(): number {
    const v = u64(this.view, this.at);
    this.at += 8;
    return v;
  }
  uleb(): number {
    let result = 0;
    let mul = 1;
    for (;;) {
      const b = this.u8();
      result += (b & 0x7f) * mul;
      mul *= 128;
      if ((b & 0x80) === 0) return result;
    }
  }
  sleb(): number {
    let result = 0;
    let mul = 1;
    let b: number;
    do {
      b = this.u8();
      result += (b & 0x7f) * mul;
      mul *= 128;
    } while (b & 0x80);
    if (b & 0x40) result -= mul;
    return result;
  }
  cstr(): string {
    let s = "";
    for (let c = this.u8(); c !== 0; c = this.u8()) s += String.fromCharCode(c);
    return s;
  }
  /** A DW_EH_PE-encoded pointer (pcrel and datarel supported; datarel is relative to `dataBase`). */
  pointer(enc: number, dataBase = 0): number {
    if (enc === 0xff) return 0;
    const fieldVaddr = this.at + this.vaddrDelta;
    let v: number;
    switch (enc & 0x0f) {
      case 0x00:
        v = this.u64();
        break;
      case 0x01:
        v = this.uleb();
        break;
      case 0x02:
        v = this.u16();
        break;
      case 0x03:
        v = this.u32();
        break;
      case 0x04:
        v = this.u64();
        break;
      case 0x09:
        v = this.sleb();
        break;
      case 0x0a:
        v = this.view.getInt16(this.at, true);
        this.at += 2;
        break;
      case 0x0b:
        v = this.i32();
        break;
      case 0x0c:
        v = this.u64();
        break;
      default:
        throw new Error("unsupported pointer encoding");
    }
    switch (enc & 0x70) {
      case 0x10:
        v += fieldVaddr;
        break;
      case 0x30:
        v += dataBase;
        break;
    }
    return v;
  }
}

/** The FDE covering `pc` (a file virtual address): its row, or undefined (no CFI for it). */
export function findRow(elf: ElfFile, pc: number): FrameRow | undefined {
  let rows = rowCache.get(elf);
  if (!rows) {
    rows = new Map();
    rowCache.set(elf, rows);
  }
  const hit = rows.get(pc);
  if (hit !== undefined) return hit ?? undefined;
  const fde = findFde(elf, pc);
  const row = fde ? runProgram(fde.cie, fde.instructions, fde.start, pc) : undefined;
  rows.set(pc, row ?? null);
  return row;
}

/** Rows by address: the same call sites recur in every stack of a trace. */
const rowCache = new WeakMap<ElfFile, Map<number, FrameRow | null>>();

interface Fde {
  readonly cie: Cie;
  readonly start: number;
  readonly instructions: Uint8Array;
}

const cieCache = new WeakMap<ElfFile, Map<number, Cie>>();

function findFde(elf: ElfFile, pc: number): Fde | undefined {
  const hdr = elf.ehFrameHdr;
  if (hdr === undefined) return undefined;
  const hdrOff = fileOffsetOf(elf, hdr);
  if (hdrOff < 0) return undefined;
  const delta = hdr - hdrOff;
  const c = new Cursor(elf.view, hdrOff, delta);
  if (c.u8() !== 1) return undefined;
  const ehFramePtrEnc = c.u8();
  const countEnc = c.u8();
  const tableEnc = c.u8();
  c.pointer(ehFramePtrEnc, hdr);
  const count = c.pointer(countEnc, hdr);
  // The table is binary-searchable only as the usual pairs of datarel sdata4.
  if (tableEnc !== 0x3b || count === 0) return undefined;
  const table = c.at;
  const entry = (i: number): number => elf.view.getInt32(table + i * 8, true) + hdr;
  let lo = 0;
  let hi = count - 1;
  if (pc < entry(0)) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (entry(mid) <= pc) lo = mid;
    else hi = mid - 1;
  }
  const fdeVaddr = elf.view.getInt32(table + lo * 8 + 4, true) + hdr;
  const fdeOff = fileOffsetOf(elf, fdeVaddr);
  if (fdeOff < 0) return undefined;
  return parseFde(elf, fdeOff, fdeVaddr - fdeOff, pc);
}

function parseFde(elf: ElfFile, off: number, delta: number, pc: number): Fde | undefined {
  const c = new Cursor(elf.view, off, delta);
  const length = c.u32();
  if (length === 0 || length === 0xffffffff) return undefined;
  const end = c.at + length;
  const ciePointerAt = c.at;
  const cieDelta = c.u32();
  if (cieDelta === 0) return undefined; // a CIE, not an FDE
  const cie = parseCie(elf, ciePointerAt - cieDelta, delta);
  if (!cie) return undefined;
  const start = c.pointer(cie.fdeEncoding);
  const range = c.pointer(cie.fdeEncoding & 0x0f);
  if (pc < start || pc >= start + range) return undefined;
  if (cie.hasAugData) c.at += c.uleb();
  return { cie, start, instructions: elf.bytes.subarray(c.at, end) };
}

function parseCie(elf: ElfFile, off: number, delta: number): Cie | undefined {
  let cache = cieCache.get(elf);
  if (!cache) {
    cache = new Map();
    cieCache.set(elf, cache);
  }
  const hit = cache.get(off);
  if (hit) return hit;
  const c = new Cursor(elf.view, off, delta);
  const length = c.u32();
  if (length === 0 || length === 0xffffffff) return undefined;
  const end = c.at + length;
  if (c.u32() !== 0) return undefined;
  const version = c.u8();
  const aug = c.cstr();
  if (aug.includes("eh")) c.u64();
  const codeAlign = c.uleb();
  const dataAlign = c.sleb();
  const raReg = version === 1 ? c.u8() : c.uleb();
  let fdeEncoding = 0;
  let signalFrame = false;
  const hasAugData = aug.startsWith("z");
  if (hasAugData) {
    const augLen = c.uleb();
    const augEnd = c.at + augLen;
    for (const ch of aug.slice(1)) {
      if (ch === "R") fdeEncoding = c.u8();
      else if (ch === "P") c.pointer(c.u8() & 0x7f);
      else if (ch === "L") c.u8();
      else if (ch === "S") signalFrame = true;
    }
    c.at = augEnd;
  }
  const cie = {
    codeAlign,
    dataAlign,
    raReg,
    fdeEncoding,
    signalFrame,
    hasAugData,
    initial: elf.bytes.subarray(c.at, end),
  };
  cache.set(off, cie);
  return cie;
}

interface State {
  cfa: CfaRule;
  regs: Map<number, RegRule>;
}

function runProgram(cie: Cie, fdeInstr: Uint8Array, start: number, pc: number): FrameRow {
  const state: State = { cfa: { kind: "reg", reg: 7, offset: 8 }, regs: new Map() };
  exec(cie, cie.initial, state, undefined, start, Number.POSITIVE_INFINITY);
  const initialRegs = new Map(state.regs);
  exec(cie, fdeInstr, state, initialRegs, start, pc);
  return { cfa: state.cfa, regs: state.regs, returnAddressReg: cie.raReg, signalFrame: cie.signalFrame };
}

/**
 * Runs CFA instructions while the row's location is at most `pc` (libunwind's run_cfi_program).
 * `initialRegs` is the CIE's row, for DW_CFA_restore.
 */
function exec(
  cie: Cie,
  code: Uint8Array,
  state: State,
  initialRegs: Map<number, RegRule> | undefined,
  start: number,
  pc: number,
): void {
  const view = new DataView(code.buffer, code.byteOffset, code.byteLength);
  const c = new Cursor(view, 0, 0);
  let loc = start;
  const stack: State[] = [];
  const restore = (reg: number): void => {
    const r = initialRegs?.get(reg);
    if (r) state.regs.set(reg, r);
    else state.regs.delete(reg);
  };
  const block = (): Uint8Array => {
    const n = c.uleb();
    const b = code.subarray(c.at, c.at + n);
    c.at += n;
    return b;
  };
  while (loc <= pc && c.at < code.length) {
    const op = c.u8();
    const hi = op & 0xc0;
    const low = op & 0x3f;
    if (hi === 0x40) {
      loc += low * cie.codeAlign;
      continue;
    }
    if (hi === 0x80) {
      state.regs.set(low, { kind: "offset", offset: c.uleb() * cie.dataAlign });
      continue;
    }
    if (hi === 0xc0) {
      restore(low);
      continue;
    }
    switch (op) {
      case 0x00: // nop
        break;
      case 0x01: // set_loc
        loc = c.pointer(cie.fdeEncoding);
        break;
      case 0x02:
        loc += c.u8() * cie.codeAlign;
        break;
      case 0x03:
        loc += c.u16() * cie.codeAlign;
        break;
      case 0x04:
        loc += c.u32() * cie.codeAlign;
        break;
      case 0x05: {
        const reg = c.uleb();
        state.regs.set(reg, { kind: "offset", offset: c.uleb() * cie.dataAlign });
        break;
      }
      case 0x06:
        restore(c.uleb());
        break;
      case 0x07:
        state.regs.set(c.uleb(), { kind: "undefined" });
        break;
      case 0x08:
        state.regs.set(c.uleb(), { kind: "same" });
        break;
      case 0x09: {
        const reg = c.uleb();
        state.regs.set(reg, { kind: "register", reg: c.uleb() });
        break;
      }
      case 0x0a:
        stack.push({ cfa: state.cfa, regs: new Map(state.regs) });
        break;
      case 0x0b: {
        // remember_state/restore_state save the register rules; the CFA rule goes with them in
        // libunwind and libgcc alike.
        const saved = stack.pop();
        if (saved) {
          state.cfa = saved.cfa;
          state.regs = saved.regs;
        }
        break;
      }
      case 0x0c: {
        const reg = c.uleb();
        state.cfa = { kind: "reg", reg, offset: c.uleb() };
        break;
      }
      case 0x0d:
        state.cfa = { kind: "reg", reg: c.uleb(), offset: state.cfa.kind === "reg" ? state.cfa.offset : 0 };
        break;
      case 0x0e:
        state.cfa = { kind: "reg", reg: state.cfa.kind === "reg" ? state.cfa.reg : 7, offset: c.uleb() };
        break;
      case 0x0f:
        state.cfa = { kind: "expression", expr: block() };
        break;
      case 0x10: {
        const reg = c.uleb();
        state.regs.set(reg, { kind: "expression", expr: block() });
        break;
      }
      case 0x11: {
        const reg = c.uleb();
        state.regs.set(reg, { kind: "offset", offset: c.sleb() * cie.dataAlign });
        break;
      }
      case 0x12: {
        const reg = c.uleb();
        state.cfa = { kind: "reg", reg, offset: c.sleb() * cie.dataAlign };
        break;
      }
      case 0x13:
        state.cfa = {
          kind: "reg",
          reg: state.cfa.kind === "reg" ? state.cfa.reg : 7,
          offset: c.sleb() * cie.dataAlign,
        };
        break;
      case 0x14: {
        const reg = c.uleb();
        state.regs.set(reg, { kind: "valOffset", offset: c.uleb() * cie.dataAlign });
        break;
      }
      case 0x15: {
        const reg = c.uleb();
        state.regs.set(reg, { kind: "valOffset", offset: c.sleb() * cie.dataAlign });
        break;
      }
      case 0x16: {
        const reg = c.uleb();
        state.regs.set(reg, { kind: "valExpression", expr: block() });
        break;
      }
      case 0x2e: // GNU_args_size
        c.uleb();
        break;
      case 0x2f: {
        // GNU_negative_offset_extended
        const reg = c.uleb();
        state.regs.set(reg, { kind: "offset", offset: -c.uleb() * cie.dataAlign });
        break;
      }
      default:
        return; // unknown opcode: keep the row reached so far
    }
  }
}
