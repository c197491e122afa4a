// Fatal signals to the tracer (SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM), strace 6.1 side by
// side: spawned and attached sessions, with and without -f and -o. Same notices, same
// `<detached ...>` endings, same survivors (and their states), same exit status. strace's -I
// default decides: a spawned command traced into -o FILE ignores them (the tracer goes on);
// otherwise the spawned command gets SIGCONT and the signal, every tracee is let go and the
// tracer dies by the signal.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  killQuietly,
  type Running,
  sessionProcs,
  settledSurvivors,
  shellWaitingOnSleeps,
  sleep,
  startDetached,
  until,
} from "./helpers/sessions.js";
import { BIN } from "./helpers/tracers.js";

const dir = mkdtempSync(join(tmpdir(), "tstrace-intr-"));
const SIGNALS = ["SIGHUP", "SIGINT", "SIGQUIT", "SIGPIPE", "SIGTERM"] as const;
const leftovers: number[] = [];
afterAll(() => {
  for (const pid of leftovers) for (const p of sessionProcs(pid)) killQuietly(p.pid);
});

interface Scenario {
  readonly name: string;
  readonly attach: boolean;
  readonly follow: boolean;
  readonly output: boolean;
}

const SCENARIOS: Scenario[] = [];
for (const attach of [false, true])
  for (const follow of [false, true])
    for (const output of [false, true])
      SCENARIOS.push({
        name: `${attach ? "-p" : "spawned"}${follow ? " -f" : ""}${output ? " -o FILE" : ""}`,
        attach,
        follow,
        output,
      });

/** `sh -c 'sleep & sleep & wait'` in a session of its own, child of no test process. */
function target(): number {
  const r = spawnSync(
    "sh",
    ["-c", 'setsid sh -c "sleep 73 & sleep 74 & wait" >/dev/null 2>&1 </dev/null & echo $!'],
    { encoding: "utf8" },
  );
  return Number(r.stdout.trim());
}

interface Outcome {
  status: number;
  survivors: string[];
  notices: string[];
  detachedEndings: number;
  signalLines: number;
  exitLines: number;
}

async function run(tracer: string, s: Scenario, signal: (typeof SIGNALS)[number]): Promise<Outcome> {
  const tag = `${tracer === BIN ? "t" : "s"}-${s.name.replace(/\W+/g, "_")}-${signal}`;
  const out = s.output ? join(dir, `${tag}.out`) : undefined;
  const pid = s.attach ? target() : undefined;
  if (pid !== undefined) {
    leftovers.push(pid);
    // The target is in its wait once both sleeps run.
    await until(() => sessionProcs(pid).filter((p) => p.comm === "sleep").length === 2);
  }
  const args = [
    ...(s.follow ? ["-f"] : []),
    ...(out ? ["-o", out] : []),
    ...(pid !== undefined ? ["-p", String(pid)] : ["sh", "-c", "sleep 71 & sleep 72 & wait"]),
  ];
  const t: Running = startDetached(tracer, args, dir, out);
  leftovers.push(t.pid);
  // Under way: attached (notice on stderr), or the command sits in its wait and its two sleeps
  // sleep (what the kernel says, not the trace: tstrace prints a line once it is finished).
  const ready = (): boolean => {
    if (pid !== undefined) return /Process \d+ attached/.test(t.stderr());
    return shellWaitingOnSleeps(t.pid) && t.trace().includes("execve(");
  };
  if (!(await until(ready, 60_000))) throw new Error(`${tracer} never got under way: ${t.stderr()}`);
  await sleep(200); // lets the last line in flight reach the output: not a condition to wait for
  process.kill(t.pid, signal);
  const ignored = !s.attach && s.output;
  if (ignored) {
    // strace -I default with -o: the signal is ignored and tracing goes on until the command ends.
    await sleep(1000);
    expect(await Promise.race([t.exited.then(() => "exited"), sleep(0).then(() => "running")])).toBe(
      "running",
    );
    for (const p of sessionProcs(t.pid)) if (p.comm === "sleep") killQuietly(p.pid);
  }
  const status = await Promise.race([t.exited, sleep(60_000).then(() => -1)]);
  const survivors = await settledSurvivors(() => sessionProcs(pid ?? t.pid).filter((p) => p.pid !== t.pid));
  const text = t.trace();
  const lines = text.split("\n");
  // Notices, wherever they fall (inside an open line too).
  const notices = [...t.stderr().matchAll(/t?strace: Process \d+ (attached|detached)/g)]
    .map((m) => `Process N ${m[1]}`)
    .sort();
  // A notice printed inside an open line (trace on stderr) ends that line: count notices apart.
  const withoutNotices = text.replace(/t?strace: Process \d+ (attached|detached)[^\n]*\n/g, "");
  return {
    status,
    survivors,
    notices,
    detachedEndings: withoutNotices.split("\n").filter((l) => l.endsWith(" <detached ...>")).length,
    // SIGCHLD from the sleeps the test ends may coalesce: the scheduler's business, not compared.
    signalLines: lines.filter((l) => /--- SIG(?!CHLD)/.test(l)).length,
    exitLines: lines.filter((l) => /\+\+\+ (exited|killed)/.test(l)).length,
  };
}

async function cleanup(): Promise<void> {
  for (const pid of leftovers.splice(0)) for (const p of sessionProcs(pid)) killQuietly(p.pid);
}

describe("fatal signals to the tracer, strace 6.1 side by side", () => {
  for (const s of SCENARIOS)
    for (const signal of SIGNALS)
      it(`${s.name}, ${signal}`, { timeout: 240_000 }, async () => {
        try {
          const [ours, theirs] = await Promise.all([run(BIN, s, signal), run("strace", s, signal)]);
          expect(ours).toEqual(theirs);
        } finally {
          await cleanup();
        }
      });
});

describe("a terminal's Ctrl-C and Ctrl-\\ (the whole process group gets the signal), strace side by side", () => {
  const script = join(import.meta.dirname, "helpers", "pty-interrupt.py");
  const onTerminal = (tracer: string, key: number) => {
    const r = spawnSync("python3", [script, String(key), tracer], { encoding: "utf8", timeout: 120_000 });
    const got = JSON.parse(r.stdout) as { status: number; output: string; survivors: string[] };
    const lines = got.output.split(/\r?\n/);
    return {
      status: got.status,
      // A zombie left by a dead tracer is reaped by init sooner or later: dead either way.
      survivors: got.survivors.filter((w) => !w.endsWith(":dead")),
      notices: [...got.output.matchAll(/t?strace: Process \d+ (detached)/g)].length,
      // The tracees' own copy of the signal is never reported: the tracer takes its copy first.
      signalLines: lines.filter((l) => /--- SIG(INT|QUIT)/.test(l)).length,
    };
  };
  for (const [name, key] of [
    ["Ctrl-C", 3],
    ["Ctrl-\\", 0x1c],
  ] as const)
    it(`tstrace -f sh -c 'sleep & sleep & wait', ${name}`, { timeout: 240_000 }, () => {
      const ours = onTerminal(BIN, key);
      const theirs = onTerminal("strace", key);
      expect(ours).toEqual(theirs);
      expect(theirs.notices).toBe(3);
    });
});

describe("the trace on a pipe whose reader leaves (`tstrace … 2>&1 | head -2`), strace side by side", () => {
  it("SIGPIPE: the command gets it too and the tracer dies by it", { timeout: 120_000 }, () => {
    const outcome = (tracer: string) => {
      const cwd = mkdtempSync(join(dir, "epipe-"));
      const loop = "i=0; while [ $i -lt 3000 ]; do i=$((i+1)); echo $i >/dev/null; done; touch finished";
      spawnSync(
        "sh",
        ["-c", `( "$0" sh -c "$1" 2>&1; echo $? >status ) | head -2 >/dev/null`, tracer, loop],
        {
          cwd,
          timeout: 100_000,
        },
      );
      return {
        status: readFileSync(join(cwd, "status"), "utf8").trim(),
        finished: existsSync(join(cwd, "finished")),
      };
    };
    const theirs = outcome("strace");
    expect(outcome(BIN)).toEqual(theirs);
    expect(theirs.status).toBe("141");
  });
});
