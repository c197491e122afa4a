/**
 * The parts of a 64-bit little-endian ELF file the unwinder reads: program headers (to map an
 * address to file bytes and to find .eh_frame_hdr), section headers, and function symbols from
 * .symtab and .dynsym. Addresses are the file's own virtual addresses; a process maps them at a
 * load bias the caller works out from /proc/PID/maps.
 */

const PT_LOAD = 1;
const PT_GNU_EH_FRAME = 0x6474e550;
const SHT_SYMTAB = 2;
const SHT_DYNSYM = 11;
const STT_FUNC = 2;
const SHN_UNDEF = 0;
const SHN_ABS = 0xfff1;

/** A PT_LOAD segment. */
export interface Segment {
  readonly vaddr: number;
  readonly offset: number;
  readonly filesz: number;
}

/** A function symbol: its value, whether it is absolute (SHN_ABS), and its name. */
export interface FuncSymbol {
  readonly value: number;
  readonly abs: boolean;
  readonly name: string;
}

/** A parsed ELF file. */
export interface ElfFile {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  readonly loads: readonly Segment[];
  /** .eh_frame_hdr's virtual address, when the file has PT_GNU_EH_FRAME. */
  readonly ehFrameHdr: number | undefined;
  /** STT_FUNC symbols of .symtab and .dynsym, in section then table order (libunwind's scan order). */
  readonly symbols: () => readonly FuncSymbol[];
}

/** A u64 as a number: addresses fit in 53 bits; larger values only need to compare unequal. */
export function u64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 0x100000000;
}

/** Parses `bytes` as an ELF64 little-endian file, or undefined when it is not one. */
export function parseElf(bytes: Uint8Array): ElfFile | undefined {
  if (bytes.length < 64) return undefined;
  if (bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46) return undefined;
  if (bytes[4] !== 2 || bytes[5] !== 1) return undefined; // ELFCLASS64, ELFDATA2LSB
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const phoff = u64(view, 32);
  const shoff = u64(view, 40);
  const phentsize = view.getUint16(54, true);
  const phnum = view.getUint16(56, true);
  const shentsize = view.getUint16(58, true);
  const shnum = view.getUint16(60, true);
  const loads: Segment[] = [];
  let ehFrameHdr: number | undefined;
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize;
    if (at + 56 > bytes.length) break;
    const type = view.getUint32(at, true);
    const seg = { offset: u64(view, at + 8), vaddr: u64(view, at + 16), filesz: u64(view, at + 32) };
    if (type === PT_LOAD) loads.push(seg);
    else if (type === PT_GNU_EH_FRAME) ehFrameHdr = seg.vaddr;
  }
  let symbols: FuncSymbol[] | undefined;
  const readSymbols = (): FuncSymbol[] => {
    symbols ??= functionSymbols(bytes, view, shoff, shentsize, shnum);
    return symbols;
  };
  return { bytes, view, loads, ehFrameHdr, symbols: readSymbols };
}

/** The file offset holding virtual address `vaddr`, or -1 when no segment's file bytes hold it. */
export function fileOffsetOf(elf: ElfFile, vaddr: number): number {
  for (const s of elf.loads) {
    if (vaddr >= s.vaddr && vaddr < s.vaddr + s.filesz) return s.offset + (vaddr - s.vaddr);
  }
  return -1;
}

const PAGE_MASK = 0xfff;

/**
 * The load bias of a mapping `start` of file offset `mapOffset`, as libunwind's get_load_offset
 * computes it: from the PT_LOAD whose page-aligned offset is the mapping's; 0 when none is.
 */
export function loadBias(elf: ElfFile, start: number, mapOffset: number): number {
  for (const s of elf.loads) {
    if (s.offset - (s.offset % (PAGE_MASK + 1)) === mapOffset)
      return start - s.vaddr + (s.offset & PAGE_MASK);
  }
  return 0;
}

/**
 * The load bias libunwind 1.6's dwarf_find_unwind_table uses for a mapping's CFI: only a PT_LOAD
 * whose offset is exactly the mapping's counts (unlike the symbol lookup's page-aligned match), so a
 * linker that starts a segment mid-page (lld, Rust) leaves the mapping without CFI, and libunwind
 * guesses from frame pointers there. Undefined: no such segment.
 */
export function cfiBias(elf: ElfFile, start: number, mapOffset: number): number | undefined {
  for (const s of elf.loads) if (s.offset === mapOffset) return start - s.vaddr;
  return undefined;
}

const decoder = new TextDecoder();

function cString(bytes: Uint8Array, at: number): string {
  let end = at;
  while (end < bytes.length && bytes[end] !== 0) end++;
  return decoder.decode(bytes.subarray(at, end));
}

function functionSymbols(
  bytes: Uint8Array,
  view: DataView,
  shoff: number,
  shentsize: number,
  shnum: number,
): FuncSymbol[] {
  const out: FuncSymbol[] = [];
  const section = (i: number): number => shoff + i * shentsize;
  for (let i = 0; i < shnum; i++) {
    const sh = section(i);
    if (sh + 64 > bytes.length) break;
    const type = view.getUint32(sh + 4, true);
    if (type !== SHT_SYMTAB && type !== SHT_DYNSYM) continue;
    const off = u64(view, sh + 24);
    const size = u64(view, sh + 32);
    const link = view.getUint32(sh + 40, true);
    const entsize = u64(view, sh + 56) || 24;
    const strSh = section(link);
    if (strSh + 64 > bytes.length) continue;
    const strOff = u64(view, strSh + 24);
    for (let at = off; at + 24 <= off + size && at + 24 <= bytes.length; at += entsize) {
      const info = view.getUint8(at + 4);
      const shndx = view.getUint16(at + 6, true);
      if ((info & 0xf) !== STT_FUNC || shndx === SHN_UNDEF) continue;
      out.push({
        value: u64(view, at + 8),
        abs: shndx === SHN_ABS,
        name: cString(bytes, strOff + view.getUint32(at, true)),
      });
    }
  }
  return out;
}
