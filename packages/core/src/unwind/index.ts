/**
 * `-k` stack traces: a libunwind-compatible x86_64 unwinder over the tracer's stack samples
 * (.eh_frame CFI, PLT stubs, frame pointers) with symbols from each mapped file's .symtab and
 * .dynsym, printing strace's frame lines. Pure: files come through a caller's `readFile`.
 */

export { type ElfFile, parseElf } from "./elf.js";
export { formatFrames } from "./frames.js";
export { findMapping, type Mapping, parseMaps } from "./maps.js";
export { type ReadFile, StackUnwinder } from "./stack-unwinder.js";
export { type ElfSource, type FrameLine, MAX_FRAMES, type Sample, unwind } from "./unwind.js";
