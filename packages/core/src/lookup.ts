/**
 * Lookups over {@link ArchTable}s. Indexes are built lazily, once per table. Imports no table, so
 * the per-architecture entries can re-export these without pulling the others in.
 */
import type { ArchTable, SyscallRow } from "./types.js";

interface Index {
  readonly byName: ReadonlyMap<string, SyscallRow>;
  readonly byNr: ReadonlyMap<number, SyscallRow>;
}

const indexes = new WeakMap<ArchTable, Index>();

function indexOf(table: ArchTable): Index {
  let ix = indexes.get(table);
  if (!ix) {
    ix = {
      byName: new Map(table.syscalls.map((s) => [s.name, s])),
      byNr: new Map(table.syscalls.map((s) => [s.nr, s])),
    };
    indexes.set(table, ix);
  }
  return ix;
}

/** The row for syscall `name` (strace's spelling, e.g. `newfstatat`) on `table`'s architecture. */
export function syscallByName(table: ArchTable, name: string): SyscallRow | undefined {
  return indexOf(table).byName.get(name);
}

/** The row for syscall number `nr` on `table`'s architecture, or undefined for an unknown number. */
export function syscallByNr(table: ArchTable, nr: number): SyscallRow | undefined {
  return indexOf(table).byNr.get(nr);
}
