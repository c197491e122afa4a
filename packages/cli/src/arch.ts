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
