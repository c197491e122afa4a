/**
 * What `-k` needs the tracer to know beyond "take a stack sample at every printed syscall exit":
 * which syscalls are sampled at their entry (the program is replaced or ends before their exit:
 * strace's STACKTRACE_CAPTURE_ON_ENTER) and which change the memory mappings, after which the
 * tracer writes the thread's /proc/PID/maps again (strace's MEMORY_MAPPING_CHANGE). Names are
 * strace's (its syscallent.h flags SE and SI); the numbers come from the session's table.
 */
import { syscallByName } from "./lookup.js";
import { StackPlan } from "./record-format.js";
import type { ArchTable } from "./types.js";

/** Syscalls whose stack is taken at entry (strace's SE flag). */
export const STACK_AT_ENTRY: readonly string[] = ["execve", "execveat", "exit", "exit_group"];

/** Syscalls after which the mappings may differ (strace's SI flag). */
export const MAPPING_CHANGES: readonly string[] = [
  "mmap",
  "mmap2",
  "mprotect",
  "pkey_mprotect",
  "munmap",
  "mremap",
  "brk",
  "shmat",
  "shmdt",
  "remap_file_pages",
  "execve",
  "execveat",
];

/** The default and the largest stack copy per sample, in bytes (perf's --call-graph=dwarf caps its own at 64 KiB). */
export const STACK_BYTES_DEFAULT = 65536;
export const STACK_BYTES_MAX = 1 << 20;

/**
 * The stack plan native reads (layout: record-format.ts {@link StackPlan}): the copy size, then
 * the two syscall bitmaps over `table`'s numbers.
 */
export function compileStackPlan(table: ArchTable, bytes: number = STACK_BYTES_DEFAULT): Uint32Array {
  let maxNr = 0;
  for (const s of table.syscalls) if (s.nr > maxNr) maxNr = s.nr;
  const words = (maxNr >> 5) + 1;
  const plan = new Uint32Array(StackPlan.length + 2 * words);
  plan[StackPlan.bytes] = Math.min(Math.max(bytes, 0), STACK_BYTES_MAX);
  plan[StackPlan.words] = words;
  const mark = (names: readonly string[], at: number): void => {
    for (const name of names) {
      const nr = syscallByName(table, name)?.nr;
      if (nr === undefined) continue;
      const i = at + (nr >> 5);
      plan[i] = (plan[i] ?? 0) | (1 << (nr & 31));
    }
  };
  mark(STACK_AT_ENTRY, StackPlan.length);
  mark(MAPPING_CHANGES, StackPlan.length + words);
  return plan;
}
