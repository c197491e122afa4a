// countSyscalls: strace -c's counts from the kernel, both sources (eBPF maps and perf ring
// buffers) on the same commands. Needs root (CI runs as root); the CLI's tests compare the
// result with strace itself.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type CountResult, countSyscalls, syscallCountingUnavailable } from "../src/index.ts";
import { NR } from "./helpers/plan.ts";

const root = process.getuid?.() === 0;
const SOURCES = ["bpf", "ring-buffers"] as const;

/** "nr:calls:errors" per row: what must not depend on the source. */
const counts = (r: CountResult): string[] => r.rows.map((row) => `${row.nr}:${row.calls}:${row.errors}`);
const row = (r: CountResult, nr: number) => r.rows.find((x) => x.nr === nr);

describe.skipIf(!root)("countSyscalls", () => {
  it("is available to root", () => {
    expect(syscallCountingUnavailable()).toBeUndefined();
  });

  it("counts the same calls and errors from either source, from the command's execve on", async () => {
    const argv = ["sh", "-c", "exec cat /nonexistent /etc/hostname"];
    const results: CountResult[] = [];
    for (const source of SOURCES) {
      const r = await countSyscalls({ argv, source }).done;
      expect(r).toMatchObject({ exitCode: 1, signal: null, lost: 0, source, stops: 0 });
      results.push(r);
    }
    const [bpf, ring] = results as [CountResult, CountResult];
    expect(counts(bpf)).toEqual(counts(ring));
    // sh's own execve and cat's (after failed tries along PATH).
    const execs = row(bpf, NR.execve)!;
    expect(execs.calls - execs.errors).toBe(2);
    expect(row(bpf, NR.openat)?.errors).toBeGreaterThan(0);
    // exit_group never returns: not counted, as in strace.
    expect(row(bpf, 231)).toBeUndefined();
  });

  it("times each call: total = sum, min <= average <= max, on-CPU <= wall", async () => {
    for (const source of SOURCES) {
      const onCpu = await countSyscalls({ argv: ["sleep", "0.2"], source }).done;
      const wall = await countSyscalls({ argv: ["sleep", "0.2"], source, wallClock: true }).done;
      const sleepOn = row(onCpu, NR.clock_nanosleep);
      const sleepWall = row(wall, NR.clock_nanosleep);
      expect(sleepWall?.totalNs, source).toBeGreaterThanOrEqual(200_000_000);
      // Asleep, the thread is off the CPU: its on-CPU time is a small part of the wall time.
      expect(sleepOn?.totalNs, source).toBeLessThan(100_000_000);
      for (const r of wall.rows) {
        expect(r.minNs).toBeLessThanOrEqual(r.totalNs / r.calls);
        expect(r.maxNs).toBeGreaterThanOrEqual(r.totalNs / r.calls);
      }
      const overhead = await countSyscalls({ argv: ["true"], source, overheadNs: 1e9 }).done;
      expect(overhead.rows.every((r) => r.totalNs === 0)).toBe(true);
    }
  });

  it("follows forks with followForks and filters with traceSet", async () => {
    const argv = ["sh", "-c", "/bin/true; /bin/true"];
    const set = new Uint8Array(64);
    set[NR.execve >> 3]! |= 1 << (NR.execve & 7);
    for (const source of SOURCES) {
      const alone = await countSyscalls({ argv, source }).done;
      const tree = await countSyscalls({ argv, source, followForks: true }).done;
      expect(row(alone, NR.execve)?.calls, source).toBe(1);
      expect(row(tree, NR.execve)?.calls, source).toBe(3);
      const only = await countSyscalls({ argv, source, followForks: true, traceSet: set }).done;
      expect(counts(only), source).toEqual([`${NR.execve}:3:0`]);
    }
  });

  it("reports events lost to a full ring buffer", async () => {
    const argv = ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=50000"];
    const r = await countSyscalls({ argv, source: "ring-buffers", bufferPages: 1 }).done;
    expect(r.exitCode).toBe(0);
    expect(r.lost).toBeGreaterThan(0);
    expect(row(r, NR.read)!.calls).toBeLessThan(50_003);
  });

  it("kill() ends the command; a missing command throws strace's error", async () => {
    const s = countSyscalls({ argv: ["sleep", "30"] });
    s.kill();
    expect(await s.done).toMatchObject({ signal: 9 });
    expect(() => countSyscalls({ argv: ["no-such-command-here"] })).toThrow(
      "Can't stat 'no-such-command-here': No such file or directory",
    );
    const dir = mkdtempSync(join(tmpdir(), "count-"));
    const r = await countSyscalls({ argv: [dir] }).done;
    expect(r).toMatchObject({ exitCode: 1, message: "exec: Permission denied" });
    expect(counts(r)).toEqual([`${NR.execve}:1:1`]);
  });

  it("sequential and concurrent sessions leak no fds and no threads", async () => {
    const fds = (): number => readdirSync("/proc/self/fd").length;
    const tasks = (): number => readdirSync("/proc/self/task").length;
    await countSyscalls({ argv: ["true"] }).done;
    // eBPF programs are detached off the counting thread (an RCU grace period each, a thread
    // that then ends): wait until the counts are down to `fd`/`task`, or (no target) until they
    // have not changed for a second.
    const settled = async (fd = Infinity, task = Infinity): Promise<void> => {
      for (let i = 0, last = "", same = 0; i < 100; i++) {
        const now = `${fds()}/${tasks()}`;
        same = now === last ? same + 1 : 0;
        if (fd === Infinity ? same >= 5 : fds() <= fd && tasks() <= task) return;
        last = now;
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    await settled();
    const [fd0, task0] = [fds(), tasks()];
    for (let i = 0; i < 10; i++)
      for (const source of SOURCES)
        expect((await countSyscalls({ argv: ["true"], source }).done).exitCode).toBe(0);
    const all = await Promise.all(
      [0, 1, 2, 3].map(
        (i) => countSyscalls({ argv: ["sh", "-c", `exit ${i}`], source: SOURCES[i % 2] }).done,
      ),
    );
    expect(all.map((r) => r.exitCode)).toEqual([0, 1, 2, 3]);
    await settled(fd0, task0);
    // At most the baseline: a detaching thread of the warm-up may have been counted in it.
    expect(fds()).toBeLessThanOrEqual(fd0);
    expect(tasks()).toBeLessThanOrEqual(task0);
  });
});
