// Trace sets: records only for selected syscalls, with seccomp-bpf (unselected syscalls never
// stop the tracee) or filtered in the tracer; the same records either way.
import { describe, expect, it } from "vitest";
import { CaptureKind, CaptureWhen } from "../../core/src/record-format.ts";
import { buildPlan, EMPTY_PLAN, NR } from "./helpers/plan.ts";
import { type ParsedRecord, RecordType, text } from "./helpers/records.ts";
import { trace } from "./helpers/trace.ts";

function traceSet(nrs: Iterable<number>): Uint8Array {
  const set = new Uint8Array(64);
  for (const nr of nrs) set[nr >> 3]! |= 1 << (nr & 7);
  return set;
}

const OPENAT = traceSet([NR.openat]);
const DD = ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=20000"];
const openatPlan = buildPlan({
  [NR.openat]: [{ arg: 1, kind: CaptureKind.CSTRING, when: CaptureWhen.ENTRY, max: 4096 }],
});
const syscalls = (records: ParsedRecord[]): ParsedRecord[] =>
  records.filter((r) => r.type === RecordType.SYSCALL_ENTER || r.type === RecordType.SYSCALL_EXIT);
/** What a user sees of a syscall record: no addresses (they move with ASLR). */
const shape = (r: ParsedRecord): string =>
  r.type === RecordType.SYSCALL_ENTER
    ? `> ${r.nr} ${(r.captures ?? []).map((c) => text(c.data)).join(",")}`
    : `< ${r.nr} ${r.rval}`;

describe("trace sets", () => {
  it("seccomp-bpf: only openat records, and far fewer stops than stopping on every syscall", async () => {
    const full = await trace({ argv: DD, capturePlan: EMPTY_PLAN });
    const filtered = await trace({ argv: DD, capturePlan: openatPlan, traceSet: OPENAT });
    expect(full.result.exitCode).toBe(0);
    expect(filtered.result.exitCode).toBe(0);
    const calls = syscalls(filtered.records);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((r) => r.nr === NR.openat)).toBe(true);
    expect(calls.filter((r) => r.type === RecordType.SYSCALL_ENTER).length).toBe(
      calls.filter((r) => r.type === RecordType.SYSCALL_EXIT).length,
    );
    // EXEC and EXIT still come.
    expect(filtered.records.some((r) => r.type === RecordType.EXEC)).toBe(true);
    expect(filtered.records.at(-1)?.type).toBe(RecordType.EXIT);
    // 20000 reads and 20000 writes: ≥ 80000 stops in full mode; a few dozen with the filter.
    expect(full.result.stops).toBeGreaterThan(80_000);
    expect(filtered.result.stops).toBeLessThan(200);
    expect(full.result.stops / filtered.result.stops).toBeGreaterThan(400);
  });

  it("EXIT names the last syscall the tracer saw even when the trace set filtered it out", async () => {
    const close = traceSet([NR.close]);
    const { result, records } = await trace({
      argv: ["true"],
      capturePlan: EMPTY_PLAN,
      traceSet: close,
      seccomp: false,
    });
    expect(result.exitCode).toBe(0);
    expect(syscalls(records).every((r) => r.nr === NR.close)).toBe(true);
    expect(records.at(-1)).toMatchObject({ type: RecordType.EXIT, lastNr: NR.exit_group });
  });

  it("the same openat records with seccomp-bpf as filtered in the tracer (which still stops on everything)", async () => {
    const argv = ["head", "-c", "0", "/etc/hostname", "/etc/passwd", "/nonexistent"];
    const bpf = await trace({ argv, capturePlan: openatPlan, traceSet: OPENAT });
    const tracer = await trace({ argv, capturePlan: openatPlan, traceSet: OPENAT, seccomp: false });
    expect(bpf.result.exitCode).toBe(1);
    expect(tracer.result.exitCode).toBe(1);
    expect(syscalls(bpf.records).map(shape)).toEqual(syscalls(tracer.records).map(shape));
    expect(syscalls(bpf.records).map(shape)).toContain("> 257 /etc/hostname");
    expect(syscalls(bpf.records).map(shape)).toContain("< 257 -2");
    expect(tracer.result.stops).toBeGreaterThan(bpf.result.stops * 2);
  });

  it("a large, fragmented set (every even number: binary search in the filter) gives the tracer-filtered records", async () => {
    const even = traceSet(Array.from({ length: 256 }, (_, i) => 2 * i));
    const argv = ["find", "/usr/include/linux", "-maxdepth", "1", "-name", "nosuchfile"];
    const bpf = await trace({ argv, capturePlan: EMPTY_PLAN, traceSet: even });
    const tracer = await trace({ argv, capturePlan: EMPTY_PLAN, traceSet: even, seccomp: false });
    const nrs = (rs: ParsedRecord[]): string =>
      syscalls(rs)
        .map((r) => `${r.type}:${r.nr}`)
        .join(" ");
    expect(syscalls(bpf.records).every((r) => r.nr! % 2 === 0)).toBe(true);
    expect(syscalls(bpf.records).length).toBeGreaterThan(50);
    expect(nrs(bpf.records)).toBe(nrs(tracer.records));
    expect(bpf.result.stops).toBeLessThan(tracer.result.stops);
  });

  it("execve selected: the command's own execve ENTER/EXIT come first, then EXEC", async () => {
    const { records } = await trace({
      argv: ["/bin/true"],
      capturePlan: EMPTY_PLAN,
      traceSet: traceSet([NR.execve, NR.exit_group]),
    });
    expect(records.map((r) => [r.type, r.nr])).toEqual([
      [RecordType.SYSCALL_ENTER, NR.execve],
      [RecordType.EXEC, undefined],
      [RecordType.SYSCALL_EXIT, NR.execve],
      [RecordType.SYSCALL_ENTER, NR.exit_group],
      [RecordType.EXITING, undefined],
      [RecordType.EXIT, undefined],
    ]);
  });

  it("children inherit the filter (followForks)", async () => {
    const { records, result } = await trace({
      argv: [
        "sh",
        "-c",
        "cat /etc/hostname >/dev/null; dd if=/dev/zero of=/dev/null bs=1 count=5000 2>/dev/null",
      ],
      capturePlan: openatPlan,
      traceSet: OPENAT,
      followForks: true,
    });
    expect(result.exitCode).toBe(0);
    const children = records.filter((r) => r.type === RecordType.NEW_PROCESS).map((r) => r.value!);
    expect(children.length).toBe(2);
    for (const child of children) {
      expect(
        records.some((r) => r.pid === child && r.type === RecordType.SYSCALL_ENTER && r.nr === NR.openat),
      ).toBe(true);
    }
    expect(syscalls(records).every((r) => r.nr === NR.openat)).toBe(true);
    expect(result.stops).toBeLessThan(400);
  });

  it("an empty set traces no syscall but still reports exec and exit", async () => {
    const { records, result } = await trace({
      argv: ["/bin/true"],
      capturePlan: EMPTY_PLAN,
      traceSet: new Uint8Array(0),
    });
    expect(result.exitCode).toBe(0);
    expect(records.map((r) => r.type)).toEqual([RecordType.EXEC, RecordType.EXITING, RecordType.EXIT]);
  });

  it("a command that cannot be executed still gets strace's message under a filter", async () => {
    const { records, result } = await trace({
      argv: ["/etc/hostname"],
      capturePlan: EMPTY_PLAN,
      traceSet: OPENAT,
    });
    expect(result.exitCode).toBe(1);
    expect(records.find((r) => r.type === RecordType.MESSAGE)?.text).toBe("exec: Exec format error");
  });

  it("rejects a traceSet that is not a Uint8Array", async () => {
    await expect(
      trace({ argv: ["/bin/true"], capturePlan: EMPTY_PLAN, traceSet: [1, 2] as unknown as Uint8Array }),
    ).rejects.toThrow(TypeError);
  });
});
