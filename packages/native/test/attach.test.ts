// attachTraced and detach(): real processes that are not children of this Node process.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { attachTraced, spawnTraced, type TraceSession } from "../src/index.ts";
import { EMPTY_PLAN, NR } from "./helpers/plan.ts";
import {
  alive,
  daemon,
  killQuietly,
  PYTHON,
  procState,
  sleep,
  threadCount,
  until,
  unusedPid,
} from "./helpers/procs.ts";
import { type ParsedRecord, parseRecords, RecordType } from "./helpers/records.ts";

const targets: number[] = [];
afterEach(() => {
  for (const pid of targets.splice(0)) killQuietly(pid);
});

function start(script: string): number {
  const pid = daemon(script);
  targets.push(pid);
  return pid;
}

function attach(pids: number[], extra: { followForks?: boolean; traceSet?: Uint8Array } = {}) {
  const records: ParsedRecord[] = [];
  const session: TraceSession = attachTraced({ pids, capturePlan: EMPTY_PLAN, ...extra }, (b) =>
    records.push(...parseRecords(b)),
  );
  return { session, records };
}

const PY_LOOP = `exec ${PYTHON} -c 'import time
while True: time.sleep(0.01)'`;
const PY_THREADS = `exec ${PYTHON} -c 'import time, threading
for _ in range(3): threading.Thread(target=time.sleep, args=(100,), daemon=True).start()
while True: time.sleep(0.01)'`;

describe("attachTraced", () => {
  it("attaches to a running sleep, detaches, leaves it running, and can attach again", async () => {
    const pid = start("exec sleep 30");
    await until(() => procState(pid) === "S");
    for (let round = 0; round < 2; round++) {
      const { session, records } = attach([pid]);
      expect(session.pid).toBe(pid);
      await until(() => records.length > 0);
      expect(records[0]).toMatchObject({ type: RecordType.ATTACHED, pid });
      session.detach();
      const result = await session.done;
      expect(result).toMatchObject({ exitCode: null, signal: null });
      expect(records.at(-1)).toMatchObject({ type: RecordType.DETACHED, pid });
      // Detached mid-nanosleep, it restarts the call: briefly R, then asleep again.
      expect(await until(() => procState(pid) === "S")).toBe(true);
    }
  });

  it("traces a python3 loop's syscalls, then detaches; the loop keeps running and is traced again", async () => {
    const pid = start(PY_LOOP);
    await sleep(300);
    for (let round = 0; round < 2; round++) {
      const { session, records } = attach([pid]);
      await until(() => records.filter((r) => r.nr === NR.clock_nanosleep).length >= 6);
      session.detach();
      await session.done;
      expect(
        records.filter((r) => r.type === RecordType.SYSCALL_ENTER && r.nr === NR.clock_nanosleep).length,
      ).toBeGreaterThanOrEqual(3);
      expect(["S", "R"]).toContain(procState(pid));
      // Still looping: its CPU time keeps moving... and its state is never a tracing stop.
      await sleep(100);
      expect(["S", "R"]).toContain(procState(pid));
    }
  });

  it("with followForks, attaches every thread (one ATTACHED per thread, naming the pid) and detaches each", async () => {
    const pid = start(PY_THREADS);
    // python3 starts its threads after its own start-up, slower under load.
    await until(() => threadCount(pid) >= 4);
    const { session, records } = attach([pid], { followForks: true });
    await until(() => records.filter((r) => r.type === RecordType.ATTACHED).length >= 4);
    const attachedRecords = records.filter((r) => r.type === RecordType.ATTACHED);
    const attached = attachedRecords.map((r) => r.pid);
    expect(attached.length).toBe(4);
    expect(attached[0]).toBe(pid);
    expect(attachedRecords.map((r) => r.value)).toEqual([pid, pid, pid, pid]);
    session.detach();
    await session.done;
    const detached = records.filter((r) => r.type === RecordType.DETACHED).map((r) => r.pid);
    expect(detached.sort()).toEqual([...attached].sort());
    expect(["S", "R"]).toContain(procState(pid));
  });

  it("without followForks, attaches only the thread asked for, as strace -p without -f", async () => {
    const pid = start(PY_THREADS);
    await until(() => threadCount(pid) >= 4);
    const { session, records } = attach([pid]);
    await until(() => records.some((r) => r.type === RecordType.ATTACHED));
    await sleep(100);
    expect(records.filter((r) => r.type === RecordType.ATTACHED).map((r) => r.pid)).toEqual([pid]);
    session.detach();
    await session.done;
    expect(records.filter((r) => r.type === RecordType.DETACHED).map((r) => r.pid)).toEqual([pid]);
  });

  it("a process stopped by SIGSTOP before attach stays stopped after detach, and SIGCONT resumes it", async () => {
    const pid = start("exec sleep 30");
    await until(() => procState(pid) === "S");
    process.kill(pid, "SIGSTOP");
    await until(() => procState(pid) === "T");
    const { session, records } = attach([pid]);
    await until(() => records.some((r) => r.type === RecordType.GROUP_STOP));
    expect(records.find((r) => r.type === RecordType.GROUP_STOP)?.signo).toBe(19);
    session.detach();
    await session.done;
    // The kernel wakes a detached tracee so it re-enters the group-stop: R for a moment, then T
    // for good.
    expect(await until(() => procState(pid) === "T")).toBe(true);
    await sleep(200);
    expect(procState(pid)).toBe("T");
    process.kill(pid, "SIGCONT");
    expect(await until(() => procState(pid) === "S")).toBe(true);
  });

  it("a running target stays running after detach, and a signal sent meanwhile is not lost", async () => {
    // The shell exits 7 on USR1; sent while attached, it must still act after detach.
    const pid = start(`exec sh -c 'trap "exit 7" USR1; while :; do sleep 0.05; done'`);
    await sleep(200);
    const { session, records } = attach([pid]);
    await until(() => records.length > 2);
    process.kill(pid, "SIGUSR1");
    session.detach();
    const result = await session.done;
    // Either the shell ended (exit 7) while still traced, or it got the signal after detach.
    if (result.exitCode === null) {
      expect(await until(() => !alive(pid))).toBe(true);
    } else {
      expect(result.exitCode).toBe(7);
    }
  });

  it("followForks follows the attached process's new children", async () => {
    const pid = start(`exec sh -c 'while :; do /bin/true; sleep 0.05; done'`);
    await sleep(200);
    const { session, records } = attach([pid], { followForks: true });
    await until(() => records.filter((r) => r.type === RecordType.NEW_PROCESS).length >= 2);
    session.detach();
    await session.done;
    const child = records.find((r) => r.type === RecordType.NEW_PROCESS)!.value!;
    expect(records.some((r) => r.pid === child && r.type === RecordType.EXEC)).toBe(true);
    expect(alive(pid)).toBe(true);
    expect(procState(pid)).not.toMatch(/[tT]/);
  });

  it("throws strace's message for a pid that does not exist", () => {
    const pid = unusedPid();
    expect(() => attachTraced({ pids: [pid], capturePlan: EMPTY_PLAN }, () => {})).toThrow(
      `attach: ptrace(PTRACE_SEIZE, ${pid}): No such process`,
    );
  });

  it("throws strace's message for a pid it may not trace (its own process)", () => {
    let error: Error & { errno?: number } = new Error("none");
    try {
      attachTraced({ pids: [process.pid], capturePlan: EMPTY_PLAN }, () => {});
    } catch (e) {
      error = e as Error;
    }
    expect(error.message).toBe(`attach: ptrace(PTRACE_SEIZE, ${process.pid}): Operation not permitted`);
    expect(error.errno).toBe(1);
  });

  it("with several pids, one that cannot be attached gets a MESSAGE record and the others are traced", async () => {
    const bad = unusedPid();
    const pid = start("exec sleep 30");
    const { session, records } = attach([bad, pid]);
    expect(session.pid).toBe(pid);
    await until(() => records.length >= 2);
    expect(records[0]).toMatchObject({
      type: RecordType.MESSAGE,
      pid: bad,
      text: `attach: ptrace(PTRACE_SEIZE, ${bad}): No such process`,
    });
    expect(records[1]).toMatchObject({ type: RecordType.ATTACHED, pid });
    session.detach();
    await session.done;
    expect(await until(() => procState(pid) === "S")).toBe(true);
  });

  it("an attached process that exits ends the session with its status", async () => {
    // It exits once it sees its tracer: a fixed lifetime could end before a slow attach.
    const pid = start(
      'until grep -q "^TracerPid:[[:space:]]*[1-9]" /proc/$$/status; do sleep 0.02; done; exit 3',
    );
    const { session, records } = attach([pid]);
    const result = await session.done;
    expect(result.exitCode).toBe(3);
    expect(records.at(-1)).toMatchObject({ type: RecordType.EXIT, pid });
  });

  it("validates pids", () => {
    expect(() => attachTraced({ pids: [], capturePlan: EMPTY_PLAN }, () => {})).toThrow(TypeError);
    expect(() => attachTraced({ pids: [-1], capturePlan: EMPTY_PLAN }, () => {})).toThrow(RangeError);
  });

  it("refuses a child of this Node process, whose stops libuv's reaping would take", () => {
    const child = spawn("sleep", ["5"], { stdio: "ignore" });
    try {
      expect(() => attachTraced({ pids: [child.pid!], capturePlan: EMPTY_PLAN }, () => {})).toThrow(
        /is a child of this Node process/,
      );
    } finally {
      child.kill("SIGKILL");
    }
  });
});

describe("spawnTraced with attachPids (strace -p with a command)", () => {
  it("attaches the running process before the command runs, traces both, and ends with the command's status once both ended", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tstrace-pcmd-"));
    try {
      const marker = join(dir, "started");
      // The running process ends once the command has made the marker: the session must outlive
      // the command, and the command must not have run before the attach.
      const pid = start(`until [ -e ${marker} ]; do sleep 0.02; done; exit 0`);
      const missing = unusedPid();
      const records: ParsedRecord[] = [];
      const session = spawnTraced(
        {
          argv: ["/bin/sh", "-c", `: > ${marker}; exit 5`],
          capturePlan: EMPTY_PLAN,
          attachPids: [missing, pid],
        },
        (b) => records.push(...parseRecords(b)),
      );
      const result = await session.done;
      expect(result.exitCode).toBe(5);
      expect(session.pid).not.toBe(pid);
      const attached = records.findIndex((r) => r.type === RecordType.ATTACHED);
      expect(records[attached]).toMatchObject({ pid, value: pid });
      // strace's text for the one that could not be seized, in -p order, before the other's.
      const message = records.findIndex((r) => r.type === RecordType.MESSAGE);
      expect(records[message]).toMatchObject({
        pid: missing,
        text: `attach: ptrace(PTRACE_SEIZE, ${missing}): No such process`,
      });
      expect(message).toBeLessThan(attached);
      // The command's first record is its own execve, after the attach.
      const firstOfCommand = records.findIndex((r) => r.pid === session.pid && r.type !== RecordType.COMM);
      expect(records[firstOfCommand]).toMatchObject({ type: RecordType.SYSCALL_ENTER, nr: NR.execve });
      expect(firstOfCommand).toBeGreaterThan(attached);
      const exits = records.filter((r) => r.type === RecordType.EXIT).map((r) => r.pid);
      expect(exits.sort()).toEqual([session.pid, pid].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("validates attachPids and refuses a child of this Node process", () => {
    const spawnWith = (attachPids: number[]) =>
      spawnTraced({ argv: ["/bin/true"], capturePlan: EMPTY_PLAN, attachPids }, () => {});
    expect(() => spawnWith([0])).toThrow(RangeError);
    const child = spawn("sleep", ["5"], { stdio: "ignore" });
    try {
      expect(() => spawnWith([child.pid!])).toThrow(/is a child of this Node process/);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
