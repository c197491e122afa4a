// What tstrace's own troubles do to the tracee, strace 6.1 side by side: the tracer killed
// (kill -9), output that cannot be written (ENOSPC, EIO, EPIPE), a reader that does not read.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  childrenOf,
  killQuietly,
  procState,
  sessionProcs,
  shellWaitingOnSleeps,
  sleep,
  startDetached,
  until,
  untracedAndRunning,
} from "./helpers/sessions.js";
import { BIN } from "./helpers/tracers.js";

const dir = mkdtempSync(join(tmpdir(), "tstrace-rel-"));
const sessions: number[] = [];
afterEach(() => {
  for (const sid of sessions.splice(0)) for (const p of sessionProcs(sid)) killQuietly(p.pid);
});

describe("kill -9 of tstrace: strace's PTRACE_O_EXITKILL rule", () => {
  // strace sets EXITKILL only with --kill-on-exit (not in 6.1) or when its seccomp filter is in
  // the tracees (their traced syscalls would fail with ENOSYS without a tracer).
  const cases = [
    { name: "spawned -f: the tracees run on, untraced", args: [] as string[], survive: true },
    {
      // Without -f the filter's children are followed silently, and carry the filter too.
      name: "spawned, no -f, with the seccomp filter (-e trace=): the command and its children die",
      args: ["-e", "trace=clock_nanosleep"],
      survive: false,
      noFollow: true,
    },
    {
      name: "spawned -f with the seccomp filter (-e trace=): they die",
      args: ["-e", "trace=clock_nanosleep"],
      survive: false,
    },
    { name: "spawned -f --kill-on-exit: they die", args: ["--kill-on-exit"], survive: false },
  ];
  for (const c of cases)
    it(c.name, { timeout: 120_000 }, async () => {
      const out = join(dir, `kill9-${cases.indexOf(c)}.t`);
      const t = startDetached(
        BIN,
        [...("noFollow" in c ? [] : ["-f"]), ...c.args, "-o", out, "sh", "-c", "sleep 71 & sleep 72 & wait"],
        dir,
        out,
      );
      sessions.push(t.pid);
      const sleeps = (): number[] =>
        sessionProcs(t.pid)
          .filter((p) => p.comm === "sleep")
          .map((p) => p.pid);
      // Under way: sh in its wait, both sleeps asleep, all of them traced.
      const traced = (pid: number): boolean =>
        !/TracerPid:\s+0\n/.test(readFileSync(`/proc/${pid}/status`, "utf8"));
      expect(
        await until(
          () =>
            shellWaitingOnSleeps(t.pid) &&
            sessionProcs(t.pid).every((p) => !["sh", "sleep"].includes(p.comm) || traced(p.pid)),
          60_000,
        ),
      ).toBe(true);
      const tracees = [
        ...sleeps(),
        ...sessionProcs(t.pid)
          .filter((p) => p.comm === "sh")
          .map((p) => p.pid),
      ];
      expect(tracees.length).toBe(3);
      process.kill(t.pid, "SIGKILL");
      await t.exited;
      if (c.survive) {
        expect(await until(() => tracees.every(untracedAndRunning))).toBe(true);
        await sleep(300); // and they stay so (a tracee left stopped would show t or T)
        expect(tracees.map(procState).every((s) => s === "S" || s === "R")).toBe(true);
      } else {
        expect(await until(() => tracees.every((p) => ["gone", "Z"].includes(procState(p))))).toBe(true);
      }
    });
});

describe("output that fails never harms the tracee", () => {
  // strace reports each lost line as `strace: NAME: <error>` on stderr, traces on, and exits with
  // the tracee's status; the tracee finishes its work.
  const command = ["sh", "-c", "sleep 0.2; touch flag; exit 3"];
  const run = (tracer: string, output: string, cwd: string) =>
    spawnSync(tracer, ["-o", output, ...command], { cwd, encoding: "utf8", timeout: 120_000 });
  for (const output of ["/dev/full", "/proc/version", "|exit 0"])
    it(`-o ${output}`, { timeout: 120_000 }, () => {
      const results = ["strace", BIN].map((tracer) => {
        const cwd = mkdtempSync(join(dir, "out-"));
        const r = run(tracer, output, cwd);
        const flag = existsSync(join(cwd, "flag"));
        rmSync(cwd, { recursive: true });
        const reports = r.stderr.split("\n").filter((l) => l !== "");
        return {
          status: r.status,
          flag,
          // One distinct message, repeated once per lost line.
          messages: [...new Set(reports.map((l) => l.replace(/^t?strace: /, "TRACER: ")))],
          repeated: reports.length > 1,
        };
      });
      expect(results[1]).toEqual(results[0]);
      expect(results[0]?.status).toBe(3);
    });

  it("-o /dev/full: one report per lost line, as strace", { timeout: 120_000 }, () => {
    const lines = spawnSync(BIN, ["-o", join(dir, "full-ref.t"), "true"], { encoding: "utf8" });
    expect(lines.status).toBe(0);
    const written = readFileSync(join(dir, "full-ref.t"), "utf8")
      .split("\n")
      .filter((l) => l !== "").length;
    const r = spawnSync(BIN, ["-o", "/dev/full", "true"], { encoding: "utf8" });
    expect(
      r.stderr.split("\n").filter((l) => l === "tstrace: /dev/full: No space left on device").length,
    ).toBe(written);
  });
});

describe("a reader that does not read: back-pressure through -o '|cmd'", () => {
  it("the tracee waits in a ptrace stop; tstrace's memory stays bounded", { timeout: 180_000 }, async () => {
    // `sleep` never reads its stdin: once the pipe is full, nothing more can go out.
    const t = startDetached(
      BIN,
      ["-o", "|exec sleep 600", "dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=10000000"],
      dir,
    );
    sessions.push(t.pid);
    const dd = (): number | undefined => childrenOf(t.pid).find((p) => p.comm === "dd")?.pid;
    expect(await until(() => dd() !== undefined, 60_000)).toBe(true);
    const pid = dd() as number;
    // It comes to a halt (its write(2) count stops moving), in a ptrace stop, and stays there.
    const progress = (): string => readFileSync(`/proc/${pid}/io`, "utf8").match(/syscw: (\d+)/)?.[1] ?? "";
    let last = progress();
    const halted = async (): Promise<boolean> => {
      for (const end = Date.now() + 120_000; Date.now() < end; ) {
        await sleep(1000);
        const now = progress();
        if (now === last && procState(pid) === "t") return true;
        last = now;
      }
      return false;
    };
    expect(await halted()).toBe(true);
    await sleep(1000);
    expect(procState(pid)).toBe("t");
    expect(progress()).toBe(last);
    // Without back-pressure tstrace's heap grew with the unread output (432 MiB seen).
    const rss = Number(readFileSync(`/proc/${t.pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/)?.[1]) / 1024;
    expect(rss).toBeLessThan(150);
    killQuietly(pid); // the tracee outlives a killed tstrace: it goes first
    killQuietly(t.pid);
    await t.exited;
  });
});

describe("signals the tracer was started with ignored (nohup, a shell's &)", () => {
  // Node resets every signal's action at start-up; the command must still inherit SIG_IGN.
  for (const daemon of [[], ["-D"]])
    it(`stay ignored in the command${daemon.length > 0 ? " (-D)" : ""}, as under strace`, {
      timeout: 60_000,
    }, () => {
      const sigIgn = (tracer: string): string =>
        spawnSync(
          "sh",
          [
            "-c",
            `trap '' INT HUP; exec "$0" "$@"`,
            tracer,
            ...daemon,
            "-o",
            "/dev/null",
            "grep",
            "SigIgn",
            "/proc/self/status",
          ],
          { encoding: "utf8", timeout: 50_000 },
        ).stdout;
      const theirs = sigIgn("strace");
      expect(theirs).toMatch(/^SigIgn:\s+0*3\n$/); // SIGHUP and SIGINT
      expect(sigIgn(BIN)).toBe(theirs);
    });
});
