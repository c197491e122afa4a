/**
 * The architecture a tracing session decodes with, chosen once here: the only place the CLI names
 * one. tstrace traces x86_64 tracees (the native tracer reads x86_64 registers); core's tables for
 * other architectures serve decoding only.
 */
import { type ArchTable, x86_64 } from "@tstrace/core/x86_64";

export type { ArchTable, SyscallClass } from "@tstrace/core/x86_64";
// The lookups work on any table; the rest of the CLI takes them from here.
export { syscallByName, syscallByNr } from "@tstrace/core/x86_64";

/** The syscall table of the architecture this machine's tracees run. */
export function sessionArch(): ArchTable {
  return x86_64;
}

/** The tables of the session architecture's other personalities, once loaded (i386 for x86_64). */
const companions = new Map<string, ArchTable>();

/** A table of another personality of the session, when loaded; -e trace= checks names in it. */
export function personalityTable(arch: string): ArchTable | undefined {
  return companions.get(arch);
}

/**
 * Runs `parse` (a command-line parse); when it refuses a system call name, loads the other
 * personalities' tables and parses again: strace accepts `mmap2` on x86_64 because i386 has it.
 * Loading them only then keeps their ~25 ms off every other start.
 */
export async function withPersonalities<T>(parse: () => T): Promise<T> {
  try {
    return parse();
  } catch (err) {
    if (companions.size > 0 || !/^invalid system call /.test((err as Error).message)) throw err;
    const { i386 } = await import("@tstrace/core/i386");
    companions.set(i386.arch, i386);
    return parse();
  }
}
