// Every decoder, struct and request core names has its implementation in the decoder, and the
// decoder implements nothing core does not name: a missing or misspelt entry on either side would
// otherwise print a bare address or a generic line, silently.
import { aarch64, arm, i386, requestArgs, riscv64, valueCaptures, x86_64 } from "@tstrace/core";
import { describe, expect, it } from "vitest";
import { implementedNames } from "../dist/index.js";

const tables = [x86_64, i386, aarch64, arm, riscv64];
const rows = tables.flatMap((t) => t.syscalls);
const impl = implementedNames();

/** Struct types core reads for a row, by the syscall that reads them. */
const typesBy = new Map<string, Set<string>>();
const use = (type: string, syscall: string): void => {
  if (!typesBy.has(type)) typesBy.set(type, new Set());
  typesBy.get(type)?.add(syscall);
};
for (const r of rows) for (const a of r.args ?? []) if ("type" in a.kind) use(a.kind.type, r.name);
for (const [name, row] of Object.entries(valueCaptures)) for (const c of row.captures) use(c.type, name);

/** The syscalls whose printing a dedicated decoder owns (it may print its structs itself). */
const dedicated = new Set(rows.filter((r) => impl.decoders.includes(r.decoder ?? r.name)).map((r) => r.name));

describe("core and the decoder name the same things", () => {
  it("every decoder a core row names exists in the decoder", () => {
    const named = [...new Set(rows.flatMap((r) => (r.decoder ? [r.decoder] : [])))];
    expect(named.filter((d) => !impl.decoders.includes(d))).toEqual([]);
  });
  it("every decoder the decoder has is named by core (a row's decoder or its syscall name)", () => {
    const known = new Set(rows.flatMap((r) => [r.name, ...(r.decoder ? [r.decoder] : [])]));
    expect(impl.decoders.filter((d) => !known.has(d))).toEqual([]);
  });
  it("every struct core reads has a printer, or only dedicated decoders read it", () => {
    const missing = [...typesBy]
      .filter(([type, by]) => !impl.structs.includes(type) && [...by].some((s) => !dedicated.has(s)))
      .map(([type, by]) => `${type} (${[...by].join(", ")})`);
    expect(missing).toEqual([]);
  });
  it("every struct printer prints a struct core reads", () => {
    expect(impl.structs.filter((s) => !typesBy.has(s))).toEqual([]);
  });
  it("every request-dependent argument table belongs to a dedicated decoder", () => {
    expect(Object.keys(requestArgs).filter((d) => !impl.decoders.includes(d))).toEqual([]);
  });
  it("every request with a value capture is decoded by its syscall's dedicated decoder", () => {
    expect(Object.keys(valueCaptures).filter((name) => !dedicated.has(name))).toEqual([]);
  });
});
