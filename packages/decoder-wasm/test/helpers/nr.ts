import { x86_64 } from "@tstrace/core";

/** x86_64 syscall number by name, from core's table. */
export function nr(name: string): number {
  const row = x86_64.syscalls.find((r) => r.name === name);
  if (!row) throw new Error(`no syscall ${name}`);
  return row.nr;
}
