/**
 * strace's frame lines (unwind.c): ` > FILE(SYMBOL+0xOFF) [0xFILEOFF]`, ` > FILE() [0xFILEOFF]`
 * when no symbol was found, ` > ERROR [0xADDR]` or ` > ERROR` where the walk stopped. A stack
 * taken at entry is printed from strace's queue, whose lines keep the `(SYMBOL+0xOFF)` form even
 * for an empty symbol.
 */
import type { FrameLine } from "./unwind.js";

/** The text of `lines`, each ending in a newline. */
export function formatFrames(lines: readonly FrameLine[], atEntry: boolean): string {
  let out = "";
  for (const l of lines) {
    if (l.kind === "error") {
      out += l.address !== 0n ? ` > ${l.message} [0x${l.address.toString(16)}]\n` : ` > ${l.message}\n`;
    } else if (l.symbol !== "" || atEntry) {
      out += ` > ${l.path}(${l.symbol}+0x${l.symbolOffset.toString(16)}) [0x${l.fileOffset.toString(16)}]\n`;
    } else {
      out += ` > ${l.path}() [0x${l.fileOffset.toString(16)}]\n`;
    }
  }
  return out;
}
