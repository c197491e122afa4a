// -c through perf events / eBPF (stats/perf-summary.ts), side by side with strace 6.1 -c. The time
// columns are masked; names, calls and errors must be strace's. Needs root (CI runs as root):
// without it these would only exercise the fallback, which perf-permission.test.ts covers.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { callsOf, maskTimes, summaryRows, TRACER_PID, untraced } from "./helpers/summary.js";
import { BIN, tracersIn } from "./helpers/tracers.js";

const { tstrace, strace } = tracersIn(tmpdir());
const root = process.getuid?.() === 0;

describe.skipIf(!root)("-c without stops (perf events)", () => {
  it("is the default for -c: the command is never traced", () => {
    const t = tstrace("-c", ...TRACER_PID);
    expect(t.status).toBe(0);
    expect(untraced(t.stdout)).toBe(true);
    expect(callsOf(t.stderr, "execve")).toBe(1);
  });

  it("--summary-backend=ptrace, -C and -p keep ptrace", () => {
    const p = tstrace("-c", "--summary-backend=ptrace", ...TRACER_PID);
    expect(untraced(p.stdout)).toBe(false);
    expect(summaryRows(p.stderr)).toEqual(summaryRows(tstrace("-c", ...TRACER_PID).stderr));
    const c = tstrace("-C", ...TRACER_PID);
    expect(untraced(c.stdout)).toBe(false);
    expect(c.stderr).toContain("+++ exited with 0 +++\n% time     seconds");
  });

  it("counts a single process like strace, failing calls included", () => {
    for (const cmd of [
      ["true"],
      ["cat", "/etc/hostname"],
      ["ls", "/nonexistent"],
      ["sh", "-c", "exec 3</nonexistent"],
    ]) {
      const a = tstrace("-c", ...cmd);
      const b = strace("-c", ...cmd);
      expect(a.status, cmd.join(" ")).toBe(b.status);
      expect(summaryRows(a.stderr), cmd.join(" ")).toEqual(summaryRows(b.stderr));
    }
  });

  it("starts at the command's execve: the first call counted is execve, once", () => {
    const a = tstrace("-c", "-S", "nothing", "-U", "name,calls,errors", "true");
    const b = strace("-c", "-S", "nothing", "-U", "name,calls,errors", "true");
    // -S nothing: syscall-number order, the same for both; execve is the only exec.
    expect(a.stderr).toBe(b.stderr);
    expect(a.stderr).toMatch(/^execve +1 *$/m);
  });

  it("counts a -f tree like strace", () => {
    const cmd = ["sh", "-c", "/bin/true; cat /etc/hostname >/dev/null; ls /nonexistent 2>/dev/null; exit 3"];
    const a = tstrace("-c", "-f", ...cmd);
    const b = strace("-c", "-f", ...cmd);
    expect(a.status).toBe(3);
    expect(b.status).toBe(3);
    // Signal-timing rows (a SIGCHLD's handler and what it interrupts) vary between runs of either.
    const timing = /^(rt_sigreturn|wait4|total) /;
    const keep = (rows: string[]): string[] => rows.filter((r) => !timing.test(r));
    expect(keep(summaryRows(a.stderr))).toEqual(keep(summaryRows(b.stderr)));
    expect(callsOf(a.stderr, "execve")).toBe(4);
  });

  it("without -f counts the command alone", () => {
    const cmd = ["sh", "-c", "/bin/true; /bin/true"];
    const a = tstrace("-c", ...cmd);
    const b = strace("-c", ...cmd);
    expect(callsOf(a.stderr, "execve")).toBe(1);
    expect(callsOf(a.stderr, "execve")).toBe(callsOf(b.stderr, "execve"));
    expect(callsOf(a.stderr, "vfork") + callsOf(a.stderr, "clone")).toBe(2);
  });

  it("-e trace= counts only the selected syscalls, like strace", () => {
    for (const expr of ["trace=openat,close", "trace=%file", "trace=!mmap,read", "trace=none"]) {
      const a = tstrace("-c", "-e", expr, "cat", "/etc/hostname");
      const b = strace("-c", "-e", expr, "cat", "/etc/hostname");
      expect(summaryRows(a.stderr), expr).toEqual(summaryRows(b.stderr));
    }
  });

  it("-S, -U, -w and -o shape the same table as strace's", () => {
    const dir = mkdtempSync(join(tmpdir(), "tstrace-perf-"));
    const a = tstrace(
      "-c",
      "-w",
      "-S",
      "calls",
      "-U",
      "name,calls,errors,max-time",
      "-o",
      join(dir, "a"),
      "true",
    );
    strace("-c", "-w", "-S", "calls", "-U", "name,calls,errors,max-time", "-o", join(dir, "b"), "true");
    expect(a.status).toBe(0);
    const rows = (f: string): string[] =>
      readFileSync(join(dir, f), "utf8")
        .replace(/\d+\.\d{6}/g, "T")
        .split("\n")
        // -S calls: rows with equal counts may come in either order.
        .sort();
    expect(rows("a")).toEqual(rows("b"));
    expect(maskTimes(tstrace("-c", "-S", "name", "true").stderr)).toBe(
      maskTimes(strace("-c", "-S", "name", "true").stderr),
    );
  });

  it("counts every child of a fork storm under -f", () => {
    const n = 200;
    const cmd = ["sh", "-c", `i=0; while [ $i -lt ${n} ]; do /bin/true & i=$((i+1)); done; wait`];
    const a = tstrace("-c", "-f", ...cmd);
    expect(a.status).toBe(0);
    // Each child execs once and sets up its thread once: the shell itself adds one of each.
    for (const name of ["execve", "set_tid_address", "rseq"])
      expect(callsOf(a.stderr, name), name).toBe(n + 1);
    const b = strace("-c", "-f", ...cmd);
    for (const name of ["execve", "set_tid_address", "arch_prctl"])
      expect(callsOf(a.stderr, name), name).toBe(callsOf(b.stderr, name));
  }, 120_000);

  it("waits for background children under -f, as strace does", () => {
    const dir = mkdtempSync(join(tmpdir(), "tstrace-perf-bg-"));
    const mark = join(dir, "done");
    const a = tstrace("-c", "-f", "sh", "-c", `(sleep 0.3; touch ${mark}) & exit 0`);
    expect(a.status).toBe(0);
    expect(existsSync(mark)).toBe(true);
    expect(callsOf(a.stderr, "execve")).toBe(3);
  });

  it("says so when the kernel dropped events (a tiny ring buffer)", () => {
    const r = spawnSync(BIN, ["-c", "dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=100000"], {
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, TSTRACE_PERF_BUFFER_PAGES: "1" },
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /^tstrace: the kernel dropped \d+ syscall events \(a perf ring buffer was full\): the counts below are short; --summary-backend=ptrace counts without loss$/m,
    );
    expect(callsOf(r.stderr, "read")).toBeLessThan(100_003);
  });

  it("a command that cannot be executed: strace's message, status and execve row", () => {
    const a = tstrace("-c", "/etc/hostname");
    const b = strace("-c", "/etc/hostname");
    expect(a.status).toBe(1);
    expect(b.status).toBe(1);
    expect(a.stderr.split("\n")[0]).toBe("tstrace: exec: Exec format error");
    expect(summaryRows(a.stderr)).toEqual(summaryRows(b.stderr));
  });

  it("dies by the command's fatal signal after the summary", () => {
    const a = tstrace("-c", "sh", "-c", "kill -TERM $$");
    const b = strace("-c", "sh", "-c", "kill -TERM $$");
    expect(a.signal).toBe("SIGTERM");
    expect(a.signal).toBe(b.signal);
    expect(summaryRows(a.stderr)).toEqual(summaryRows(b.stderr));
  });
});

/** Starts `file args`, sends SIGINT once the command printed "ready", returns how it ended. */
function interruptWhenReady(
  file: string,
  args: string[],
): Promise<{ signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.stdout.on("data", (d) => {
      if (String(d).includes("ready")) setTimeout(() => child.kill("SIGINT"), 200);
    });
    const watchdog = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("close", (_code, signal) => {
      clearTimeout(watchdog);
      resolve({ signal, stderr });
    });
  });
}

describe.skipIf(!root)("-c interrupted", () => {
  it("SIGINT: the command gets it, the summary is printed, tstrace dies by it, as strace", async () => {
    const cmd = ["sh", "-c", "echo ready; exec sleep 30"];
    const a = await interruptWhenReady(BIN, ["-c", ...cmd]);
    const b = await interruptWhenReady("strace", ["-c", ...cmd]);
    expect(a.signal).toBe("SIGINT");
    expect(a.signal).toBe(b.signal);
    expect(a.stderr).toContain("% time     seconds  usecs/call     calls    errors syscall\n");
    expect(callsOf(a.stderr, "execve")).toBe(callsOf(b.stderr, "execve"));
  }, 60_000);
});

describe.skipIf(!root)("-c and tstrace's death", () => {
  it("kill -9 of tstrace -c: the command runs on, as under strace -c", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tstrace-perf-kill-"));
    const pidFile = join(dir, "pid");
    const t = spawn(
      BIN,
      ["-c", "sh", "-c", `echo $$ > ${pidFile}.tmp && mv ${pidFile}.tmp ${pidFile}; exec sleep 30`],
      {
        stdio: "ignore",
      },
    );
    const gone = (pid: number): boolean => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
      } catch {
        return true;
      }
    };
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    for (let i = 0; i < 300 && !existsSync(pidFile); i++) await wait(50);
    const pid = Number(readFileSync(pidFile, "utf8"));
    expect(gone(pid)).toBe(false);
    t.kill("SIGKILL");
    await new Promise((r) => t.once("exit", r));
    try {
      await wait(500);
      expect(gone(pid)).toBe(false);
    } finally {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }, 60_000);
});

describe("--summary-backend", () => {
  it("rejects what it cannot do, before running anything", () => {
    expect(tstrace("-c", "--summary-backend=bogus", "true").stderr).toBe(
      "tstrace: invalid --summary-backend argument: 'bogus'\nTry 'tstrace -h' for more information.\n",
    );
    expect(tstrace("-C", "--summary-backend=perf", "true").stderr).toBe(
      "tstrace: --summary-backend=perf cannot count with -C/--summary (its trace lines need ptrace)\n",
    );
    expect(tstrace("-c", "--summary-backend=perf", "-p", "1").stderr).toBe(
      "tstrace: --summary-backend=perf cannot count with -p/--attach\n",
    );
    const w = tstrace("--summary-backend=ptrace", "true");
    expect(w.stderr.split("\n")[0]).toBe(
      "tstrace: --summary-backend has no effect without (-c/--summary-only or -C/--summary)",
    );
  });
});
