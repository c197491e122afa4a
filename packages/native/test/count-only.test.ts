// countOnly (strace -c alone over ptrace): the tracer thread counts the selected syscalls instead of
// recording them; the totals equal what the records themselves would have counted.
import { describe, expect, it } from "vitest";
import type { SyscallTotals } from "../src/index.ts";
import { EMPTY_PLAN, NR } from "./helpers/plan.ts";
import { type ParsedRecord, RecordType } from "./helpers/records.ts";
import { trace } from "./helpers/trace.ts";

// 300 one-byte reads and writes, then dd's own: a count that does not depend on scheduling.
const DD = ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=300"];
// cat of a missing file: an openat that fails (an error counted) among ones that succeed.
const CAT = ["cat", "/etc/hostname", "/nonexistent-tstrace-count"];

/** calls/errors per syscall number from a trace's own EXIT records (what -c counted before). */
function fromRecords(records: ParsedRecord[]): Map<number, string> {
  const out = new Map<number, [number, number]>();
  for (const r of records) {
    if (r.type !== RecordType.SYSCALL_EXIT) continue;
    const row = out.get(r.nr as number) ?? [0, 0];
    row[0]++;
    if (r.isError) row[1]++;
    out.set(r.nr as number, row);
  }
  return new Map([...out].map(([nr, [calls, errors]]) => [nr, `${calls}/${errors}`]));
}

const fromRows = (rows: readonly SyscallTotals[]): Map<number, string> =>
  new Map(rows.map((r) => [r.nr, `${r.calls}/${r.errors}`]));

function traceSet(nrs: Iterable<number>): Uint8Array {
  const set = new Uint8Array(64);
  for (const nr of nrs) set[nr >> 3]! |= 1 << (nr & 7);
  return set;
}

describe("countOnly", () => {
  for (const argv of [DD, CAT]) {
    it(`${argv[0]}: no syscall records, the same calls and errors as the records give`, async () => {
      const recorded = await trace({ argv, capturePlan: EMPTY_PLAN, seccomp: false });
      const counted = await trace({ argv, capturePlan: EMPTY_PLAN, seccomp: false, countOnly: true });
      expect(counted.result.exitCode).toBe(recorded.result.exitCode);
      const kinds = new Set(counted.records.map((r) => r.type));
      expect(kinds.has(RecordType.SYSCALL_ENTER) || kinds.has(RecordType.SYSCALL_EXIT)).toBe(false);
      // The rest still comes: the command's EXEC and EXIT.
      expect(kinds.has(RecordType.EXEC) && kinds.has(RecordType.EXIT)).toBe(true);
      const rows = counted.result.rows ?? [];
      expect(rows.map((r) => r.nr)).toEqual([...rows.map((r) => r.nr)].sort((a, b) => a - b));
      expect(fromRows(rows)).toEqual(fromRecords(recorded.records));
      for (const r of rows) {
        expect(r.minNs).toBeLessThanOrEqual(r.maxNs);
        expect(r.totalNs).toBeGreaterThanOrEqual(r.maxNs);
      }
    });
  }

  it("counts only the trace set, with or without seccomp-bpf", async () => {
    for (const seccomp of [true, false]) {
      const counted = await trace({
        argv: DD,
        capturePlan: EMPTY_PLAN,
        traceSet: traceSet([NR.read, NR.openat]),
        seccomp,
        countOnly: true,
      });
      const rows = counted.result.rows ?? [];
      expect(rows.map((r) => r.nr).every((nr) => nr === NR.read || nr === NR.openat)).toBe(true);
      // dd's 300 one-byte reads and its last one at EOF of the count.
      expect(rows.find((r) => r.nr === NR.read)?.calls, `seccomp ${seccomp}`).toBeGreaterThanOrEqual(300);
    }
  });

  it("-O: the overhead is taken off every call, clamped at 0", async () => {
    const counted = await trace({
      argv: DD,
      capturePlan: EMPTY_PLAN,
      seccomp: false,
      countOnly: true,
      countOverheadNs: 1e12,
    });
    const rows = counted.result.rows ?? [];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.totalNs === 0 && r.maxNs === 0)).toBe(true);
  });
});
