/**
 * Turns the tracer's -k records into printable frames: MAPS records set a thread's mappings, each
 * STACK record becomes a FRAMES record in its place (record-format.ts). ELF files come from the
 * caller's `readFile` (Node's fs in the CLI; anything that has the traced machine's files
 * elsewhere), parsed once per file and device/inode.
 */
import { RecordHeader, RecordType, StackBody, StackFlags } from "../record-format.js";
import { type ElfFile, parseElf, u64 } from "./elf.js";
import { formatFrames } from "./frames.js";
import { type Mapping, parseMaps } from "./maps.js";
import { type FrameLine, type Sample, unwind } from "./unwind.js";

/** Reads a whole file, or undefined when it cannot. */
export type ReadFile = (path: string) => Uint8Array | undefined;

/**
 * Demangles symbol names as strace's cplus_demangle(DMGL_AUTO | DMGL_PARAMS) does, one result per
 * name (undefined: leave it as it is). Called once per batch with the names not seen before.
 */
export type Demangle = (names: readonly string[]) => readonly (string | undefined)[];

/** Names a demangler may know: Itanium C++ (`_Z`) and Rust v0 (`_R`) manglings. */
const MANGLED = /^_[ZR]/;

/** x86_64 user_regs_struct offsets of the DWARF registers 0–16 (rax, rdx, rcx, rbx, rsi, rdi, rbp, rsp, r8–r15, rip). */
const X86_64_REG_OFFSETS = [80, 96, 88, 40, 104, 112, 32, 152, 72, 64, 56, 48, 24, 16, 8, 0, 128];

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Per-session unwinding state: each thread's mappings and the parsed files. */
export class StackUnwinder {
  readonly #readFile: ReadFile;
  readonly #maps = new Map<number, Mapping[]>();
  readonly #files = new Map<string, ElfFile | undefined>();
  readonly #demangle: Demangle | undefined;
  readonly #demangled = new Map<string, string>();

  constructor(readFile: ReadFile, demangle?: Demangle) {
    this.#readFile = readFile;
    this.#demangle = demangle;
  }

  #elfOf = (m: Mapping): ElfFile | undefined => {
    const key = `${m.id} ${m.path}`;
    if (this.#files.has(key)) return this.#files.get(key);
    const bytes = m.path.startsWith("/") ? this.#readFile(m.path) : undefined;
    const elf = bytes ? parseElf(bytes) : undefined;
    this.#files.set(key, elf);
    return elf;
  };

  /** A MAPS record's text for `pid`. */
  setMaps(pid: number, text: string): void {
    this.#maps.set(pid, parseMaps(text));
  }

  /** The frame lines for a STACK record's body of `pid`. */
  frames(pid: number, body: Uint8Array, atEntry: boolean): string {
    const lines = this.#walk(pid, body);
    this.#learnNames([lines]);
    return formatFrames(this.#named(lines), atEntry);
  }

  #walk(pid: number, body: Uint8Array): FrameLine[] {
    const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
    if (body.length < StackBody.length) return [];
    const regsLength = view.getUint32(StackBody.regsLength, true);
    const stackLength = view.getUint32(StackBody.stackLength, true);
    const regsAt = StackBody.length;
    const stackAt = regsAt + regsLength;
    if (regsLength < 160 || stackAt + stackLength > body.length) return [];
    const regs = X86_64_REG_OFFSETS.map((o) => u64(view, regsAt + o));
    const sample: Sample = {
      regs,
      sp: u64(view, StackBody.sp),
      stack: new DataView(body.buffer, body.byteOffset + stackAt, stackLength),
    };
    return unwind(sample, this.#maps.get(pid) ?? [], this.#elfOf);
  }

  /** Demangles, in one call, the names of `walks` not seen before. */
  #learnNames(walks: readonly (readonly FrameLine[])[]): void {
    if (!this.#demangle) return;
    const fresh = new Set<string>();
    for (const w of walks)
      for (const l of w)
        if (l.kind === "frame" && MANGLED.test(l.symbol) && !this.#demangled.has(l.symbol))
          fresh.add(l.symbol);
    if (fresh.size === 0) return;
    const names = [...fresh];
    const out = this.#demangle(names);
    names.forEach((n, i) => {
      this.#demangled.set(n, out[i] ?? n);
    });
  }

  #named(lines: readonly FrameLine[]): FrameLine[] {
    return lines.map((l) =>
      l.kind === "frame" && this.#demangled.has(l.symbol)
        ? { ...l, symbol: this.#demangled.get(l.symbol) as string }
        : l,
    );
  }

  /**
   * A copy of `batch` for the decoder: MAPS records taken in and dropped, STACK records replaced
   * by FRAMES records. A batch without either is returned as it is.
   */
  expand(batch: Uint8Array): Uint8Array {
    const view = new DataView(batch.buffer, batch.byteOffset, batch.byteLength);
    // Walk every sample first, then demangle the batch's new names in one call.
    const walks: { off: number; size: number; lines: FrameLine[] | undefined }[] = [];
    for (let off = 0; off + RecordHeader.length <= batch.length; ) {
      const size = view.getUint32(off + RecordHeader.size, true);
      if (size < RecordHeader.length || off + size > batch.length) break; // the decoder reports damage
      const type = view.getUint16(off + RecordHeader.type, true);
      if (type === RecordType.MAPS || type === RecordType.STACK) {
        const pid = view.getUint32(off + RecordHeader.pid, true);
        const body = batch.subarray(off + RecordHeader.length, off + size);
        if (type === RecordType.MAPS) {
          this.setMaps(pid, decoder.decode(body));
          walks.push({ off, size, lines: undefined });
        } else walks.push({ off, size, lines: this.#walk(pid, body) });
      }
      off += size;
    }
    if (walks.length === 0) return batch;
    this.#learnNames(walks.flatMap((w) => (w.lines ? [w.lines] : [])));
    const parts: Uint8Array[] = [];
    let copied = 0;
    for (const { off, size, lines } of walks) {
      parts.push(batch.subarray(copied, off));
      if (lines) {
        const atEntry = (view.getUint16(off + RecordHeader.flags, true) & StackFlags.AT_ENTRY) !== 0;
        const text = formatFrames(this.#named(lines), atEntry);
        parts.push(framesRecord(batch.subarray(off, off + RecordHeader.length), text));
      }
      copied = off + size;
    }
    parts.push(batch.subarray(copied));
    let total = 0;
    for (const p of parts) total += p.length;
    const out = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

/** A FRAMES record with the STACK record's header fields and `text`. */
function framesRecord(header: Uint8Array, text: string): Uint8Array {
  const bytes = encoder.encode(text);
  const size = (RecordHeader.length + 8 + bytes.length + 7) & ~7;
  const rec = new Uint8Array(size);
  rec.set(header);
  const view = new DataView(rec.buffer);
  view.setUint32(RecordHeader.size, size, true);
  view.setUint16(RecordHeader.type, RecordType.FRAMES, true);
  view.setUint32(RecordHeader.length, bytes.length, true);
  rec.set(bytes, RecordHeader.length + 8);
  return rec;
}
