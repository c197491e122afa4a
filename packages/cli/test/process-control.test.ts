import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { trace } from "../src/index.js";
import { BIN, PYTHON } from "./helpers/tracers.js";

const dir = mkdtempSync(join(tmpdir(), "tstrace-pc-"));

function run(cmd: string, args: string[]) {
  return spawnSync(cmd, args, { encoding: "utf8", timeout: 120_000 });
}

/** Count of lines per syscall name (or `+++`/`---` event) in an -f -o file. */
function counts(file: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const body = line.replace(/^\d+\s+/, "");
    const key = body.startsWith("<... ")
      ? undefined
      : (/^([a-z_0-9]+)\(/.exec(body)?.[1] ?? (body.startsWith("+++ exited") ? "+++ exited" : undefined));
    if (key) m.set(key, (m.get(key) ?? 0) + 1);
  }
  return m;
}

function state(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0] ?? "gone";
  } catch {
    return "gone"; // reaped, perhaps between two looks
  }
}

async function until(what: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * A python3 loop started as a grandchild in its own session: a direct child of this process would
 * have libuv's SIGCHLD waitpid() compete with the tracer thread for its ptrace stops.
 */
function loopTarget(): number {
  const code = "import os,time\nwhile True:\n os.getppid(); time.sleep(0.01)";
  const r = spawnSync(
    "sh",
    ["-c", `setsid "$0" -c "$1" >/dev/null 2>&1 </dev/null & echo $!`, PYTHON, code],
    {
      encoding: "utf8",
    },
  );
  return Number(r.stdout.trim());
}

function killTarget(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // already gone
  }
}

describe("process control end to end (strace 6.1 side by side)", () => {
  it("a 64-thread python3 program under -f: each deterministic syscall's count equals strace's", () => {
    const prog = join(dir, "threads.py");
    writeFileSync(
      prog,
      [
        "import os, threading",
        "fd = os.open('/dev/null', os.O_WRONLY)",
        "def work():",
        "    for _ in range(20):",
        "        os.getppid()",
        "        os.write(fd, b'x')",
        "ts = [threading.Thread(target=work) for _ in range(64)]",
        "for t in ts: t.start()",
        "for t in ts: t.join()",
      ].join("\n"),
    );
    const ours = join(dir, "threads.t");
    const theirs = join(dir, "threads.s");
    expect(run(BIN, ["-f", "-o", ours, PYTHON, prog]).status).toBe(0);
    expect(run("strace", ["-f", "-o", theirs, PYTHON, prog]).status).toBe(0);
    const a = counts(ours);
    const b = counts(theirs);
    for (const name of ["getppid", "write", "clone3", "execve", "exit_group", "+++ exited"]) {
      expect([name, a.get(name)]).toEqual([name, b.get(name)]);
    }
    expect(a.get("getppid")).toBe(64 * 20);
    expect(a.get("+++ exited")).toBe(65);
  }, 120_000);

  it("a fork storm of 200 short children: no `+++ exited` line lost", () => {
    const out = join(dir, "storm.t");
    const r = run(BIN, [
      "-f",
      "-e",
      "trace=none",
      "-o",
      out,
      "sh",
      "-c",
      "i=0; while [ $i -lt 200 ]; do /bin/true & i=$((i+1)); done; wait",
    ]);
    expect(r.status).toBe(0);
    expect(counts(out).get("+++ exited")).toBe(201);
  }, 120_000);

  it("-f: a non-leader thread's execve prints strace's superseded line", () => {
    const prog = join(dir, "thexec.py");
    writeFileSync(
      prog,
      "import os, threading, time\nthreading.Thread(target=lambda: os.execv('/bin/true', ['true'])).start()\ntime.sleep(5)\n",
    );
    const out = join(dir, "thexec.t");
    expect(run(BIN, ["-f", "-e", "trace=execve", "-o", out, PYTHON, prog]).status).toBe(0);
    const lines = readFileSync(out, "utf8").trimEnd().split("\n");
    const leader = /^(\d+)/.exec(lines[0] as string)?.[1] as string;
    const thread = /^(\d+) +execve\("\/bin\/true"/.exec(lines[1] as string)?.[1] as string;
    expect(lines[1]).toMatch(new RegExp(`<pid changed to ${leader} \\.\\.\\.>$`));
    const prefix = `${leader.padEnd(5)} `;
    expect(lines.slice(2)).toEqual([
      `${prefix}+++ superseded by execve in pid ${thread} +++`,
      `${prefix}<... execve resumed>)             = 0`,
      `${prefix}+++ exited with 0 +++`,
    ]);
  }, 60_000);

  it("-ff: a non-leader thread's execve is split over the files as strace splits it", () => {
    const prog = join(dir, "ffexec.py");
    writeFileSync(
      prog,
      "import os, threading, time\nthreading.Thread(target=lambda: os.execv('/bin/true', ['true'])).start()\ntime.sleep(5)\n",
    );
    // Each tracer's files, named by role (the first file is the leader's), pids and addresses hidden.
    const files = (cmd: string, sub: string): Record<string, string> => {
      const out = join(dir, sub);
      mkdirSync(out);
      const args = [
        "-ff",
        "-e",
        "trace=execve,clock_nanosleep,exit_group",
        "-o",
        join(out, "t"),
        PYTHON,
        prog,
      ];
      expect(run(cmd, args).status).toBe(0);
      const pids = readdirSync(out)
        .map((f) => Number(f.slice(2)))
        .sort((a, b) => a - b);
      const names = new Map(pids.map((p, i) => [String(p), i === 0 ? "LEADER" : `THREAD${i}`]));
      const hide = (text: string) =>
        text.replace(/0x[0-9a-f]+/g, "0xADDR").replace(/\b\d{2,}\b/g, (n) => names.get(n) ?? n);
      return Object.fromEntries(
        pids.map((p) => [names.get(String(p)) as string, hide(readFileSync(join(out, `t.${p}`), "utf8"))]),
      );
    };
    const ours = files(BIN, "ffexec-t");
    expect(ours).toEqual(files("strace", "ffexec-s"));
    expect(ours.THREAD1).toMatch(/ <pid changed to LEADER \.\.\.>\n$/);
    expect(ours.LEADER).toContain("+++ superseded by execve in pid THREAD1 +++\n<... execve resumed>");
  }, 60_000);

  it("-p attaches to a running loop; SIGINT detaches it, it keeps running and can be traced again", async () => {
    const pid = loopTarget();
    try {
      for (let round = 0; round < 2; round++) {
        const out = join(dir, `attach${round}.t`);
        const t = spawn(BIN, ["-e", "trace=getppid", "-o", out, "-p", String(pid)], {
          stdio: ["ignore", "ignore", "pipe"],
        });
        let err = "";
        t.stderr?.on("data", (d) => {
          err += d;
        });
        await until(() => existsSync(out) && readFileSync(out, "utf8").includes("getppid()"));
        const ended = new Promise<number | null>((r) => t.on("exit", (_c, s) => r(s === null ? _c : 128)));
        t.kill("SIGINT");
        await ended;
        expect(err).toContain(`Process ${pid} attached`);
        expect(err).toContain(`Process ${pid} detached`);
        await new Promise((r) => setTimeout(r, 100));
        expect(["S", "R"]).toContain(state(pid));
        expect(readFileSync(`/proc/${pid}/status`, "utf8")).toMatch(/TracerPid:\s+0\n/);
      }
    } finally {
      killTarget(pid);
    }
  }, 60_000);

  it("kill -9 of tstrace -p: the attached target is let go running; with --kill-on-exit it dies", async () => {
    for (const killOnExit of [false, true]) {
      const pid = loopTarget();
      const out = join(dir, `kill9-${killOnExit}.t`);
      const args = [...(killOnExit ? ["--kill-on-exit"] : []), "-o", out, "-p", String(pid)];
      const t = spawn(BIN, args, { stdio: "ignore" });
      await until(() => existsSync(out) && readFileSync(out, "utf8").includes("getppid()"));
      t.kill("SIGKILL");
      if (killOnExit) {
        // Dead: a zombie until its new parent (init) reaps it, which is no business of tstrace's.
        await until(() => ["gone", "Z"].includes(state(pid))).catch(() => {});
        expect(["gone", "Z"]).toContain(state(pid));
      } else {
        const untraced = () => /TracerPid:\s+0\n/.test(readFileSync(`/proc/${pid}/status`, "utf8"));
        await until(untraced).catch(() => {});
        expect(untraced(), `state ${state(pid)}`).toBe(true);
        // Let go, it may be between its wake-up and its next sleep: R for a moment, then S.
        await until(() => state(pid) === "S").catch(() => {});
        expect(["S", "R"]).toContain(state(pid));
        killTarget(pid);
      }
    }
  }, 60_000);

  it("-b execve detaches a process at its exec, as strace does", () => {
    const ours = join(dir, "b.t");
    const theirs = join(dir, "b.s");
    const cmd = ["sh", "-c", "exec /bin/sh -c 'exit 3'"];
    const r = run(BIN, ["-b", "execve", "-o", ours, ...cmd]);
    expect(run("strace", ["-b", "execve", "-o", theirs, ...cmd]).status).toBe(r.status);
    const last = (f: string) =>
      readFileSync(f, "utf8")
        .trimEnd()
        .split("\n")
        .at(-1)
        ?.replace(/0x[0-9a-f]+/g, "X");
    expect(last(ours)).toBe(last(theirs));
    expect(last(ours)).toMatch(/<detached \.\.\.>$/);
  });

  it("-b with anything else gives strace's error", () => {
    expect(run(BIN, ["-b", "open", "true"]).stderr).toBe("tstrace: Syscall 'open' for -b isn't supported\n");
  });

  it("-p takes one thread; -f -p all of them, 'attached with N threads', detached one by one, as strace", async () => {
    const program = [
      "import os, threading, time",
      "def loop():",
      "    while True: os.getppid(); time.sleep(0.02)",
      "threading.Thread(target=loop, daemon=True).start()",
      "while True: os.getpid(); time.sleep(0.02)",
    ].join("\n");
    const target = spawn("/usr/bin/python3", ["-c", program]);
    try {
      await until(
        () => existsSync(`/proc/${target.pid}/task`) && readdirSync(`/proc/${target.pid}/task`).length === 2,
      );
      const pid = String(target.pid);
      const session = async (tracer: string, args: string[]) => {
        const t = spawn(tracer, [...args, "-p", pid], { stdio: ["ignore", "ignore", "pipe"] });
        let err = "";
        t.stderr?.on("data", (d) => {
          err += d;
        });
        // SIGINT only once it is attached and tracing (start-up is slow on a loaded machine).
        const deadline = Date.now() + 20_000;
        while (!/Process \d+ attached/.test(err) && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 20));
        await new Promise((r) => setTimeout(r, 500));
        const ended = new Promise((r) => t.on("close", r));
        t.kill("SIGINT");
        await ended;
        return err;
      };
      const names = (err: string) => [...new Set(err.match(/^[a-z_]+(?=\()/gm))].sort().join(",");
      // Wherever they fall: a detach notice lands inside a line left open, for strace as for us.
      const notices = (err: string) =>
        [...err.matchAll(/t?strace: (Process \d+ (?:attached(?: with \d+ threads)?|detached))/g)]
          .map((m) => m[1])
          .join("\n");
      for (const args of [
        ["-e", "trace=getpid,getppid"],
        ["-f", "-e", "trace=none"],
      ]) {
        const ours = await session(BIN, args);
        const theirs = await session("strace", args);
        expect(names(ours)).toBe(names(theirs));
        expect(notices(ours)).toBe(notices(theirs));
      }
      expect(names(await session(BIN, ["-e", "trace=getpid,getppid"]))).toBe("getpid");
    } finally {
      target.kill("SIGKILL");
    }
  }, 60_000);

  it("-p of a process that exits on its own: attached, +++ exited, and no 'detached', as strace", async () => {
    // The target exits on its own once it sees a tracer (a fixed lifetime lost the race on a busy
    // machine: a target gone before the attach is a zombie, and PTRACE_SEIZE fails with EPERM).
    // No children (their SIGCHLDs would show): python3 polls its own status.
    const WAIT_FOR_TRACER =
      'import time\nwhile "TracerPid:\\t0\\n" in open("/proc/self/status").read(): time.sleep(0.02)';
    const notices = async (tracer: string): Promise<string> => {
      const target = spawn(PYTHON, ["-c", WAIT_FOR_TRACER]);
      // Attach to python3 itself, not to the forked node before its execve.
      await until(() => {
        try {
          return readFileSync(`/proc/${target.pid}/cmdline`, "utf8").includes("TracerPid");
        } catch {
          return false;
        }
      });
      const r = run(tracer, ["-e", "trace=none", "-p", String(target.pid)]);
      return r.stderr.replace(/^t?strace: /gm, "").replaceAll(String(target.pid), "N");
    };
    const ours = await notices(BIN);
    const theirs = await notices("strace");
    expect(ours).toBe("Process N attached\n+++ exited with 0 +++\n");
    expect(ours).toBe(theirs);
  });
});

describe("trace(): the library entry", () => {
  it("yields strace's lines and the exit result", async () => {
    const t = await trace({ argv: ["sh", "-c", "exit 3"], options: ["-e", "trace=exit_group"] });
    const lines: string[] = [];
    for await (const line of t) lines.push(line);
    expect(lines).toEqual(["exit_group(3)                           = ?", "+++ exited with 3 +++"]);
    expect((await t.result).exitCode).toBe(3);
  });

  it("-v: execve's environment prints as strings, as strace -v prints it", async () => {
    const t = await trace({ argv: ["/bin/true"], options: ["-v", "-e", "trace=execve"] });
    const lines: string[] = [];
    for await (const line of t) lines.push(line);
    const dir = mkdtempSync(join(tmpdir(), "tstrace-v-"));
    const ref = join(dir, "strace.txt");
    spawnSync("strace", ["-v", "-e", "trace=execve", "-o", ref, "/bin/true"], { env: process.env });
    expect(lines[0]).toBe(readFileSync(ref, "utf8").split("\n")[0]);
    expect(lines[0]).toMatch(/^execve\("\/bin\/true", \["\/bin\/true"\], \["/);
  });

  it("-y and -e read=: the library reads what the bin reads, so its lines equal strace's", async () => {
    const argv = ["/bin/cat", "/etc/hostname"];
    const options = ["-y", "-e", "trace=read", "-e", "read=3"];
    const t = await trace({ argv, options });
    const lines: string[] = [];
    for await (const line of t) lines.push(line);
    const dir = mkdtempSync(join(tmpdir(), "tstrace-y-"));
    const ref = join(dir, "strace.txt");
    spawnSync("strace", [...options, "-o", ref, ...argv], { env: process.env });
    const expected = readFileSync(ref, "utf8").split("\n");
    expect(lines.filter((l) => l.includes("/etc/hostname"))).toEqual(
      expected.filter((l) => l.includes("/etc/hostname")),
    );
    expect(lines.some((l) => l.startsWith("read(3</etc/hostname>"))).toBe(true);
    expect(lines.some((l) => l.startsWith(" | 00000 "))).toBe(true);
  });

  it("attaches by pid, and detach() lets the target go running", { timeout: 30_000 }, async () => {
    const pid = loopTarget();
    try {
      // Attach to python itself, not to the forked child before its execve.
      await until(() => readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("getppid"));
      const t = await trace({ pids: [pid], options: ["-e", "trace=getppid"] });
      let seen = 0;
      for await (const line of t) {
        if (line.startsWith("getppid()")) seen++;
        if (seen === 1) t.detach();
      }
      expect(seen).toBeGreaterThanOrEqual(1);
      expect((await t.result).exitCode).toBeNull();
      expect(["S", "R"]).toContain(state(pid));
    } finally {
      killTarget(pid);
    }
  });

  it("batches mode and stop(); 200 sessions leave fds and threads where they were", async () => {
    const fds = (): number => readdirSync("/proc/self/fd").length;
    const threads = (): number => readdirSync("/proc/self/task").length;
    const warm = await trace({ argv: ["/bin/true"], mode: "batches" });
    for await (const _ of warm) {
      // drain
    }
    const before = { fds: fds(), threads: threads() };
    for (let i = 0; i < 200; i++) {
      const t = await trace({ argv: ["/bin/true"], mode: "batches" });
      let bytes = 0;
      for await (const batch of t) bytes += batch.length;
      expect(bytes).toBeGreaterThan(0);
    }
    const s = await trace({ argv: ["sleep", "60"] });
    s.stop();
    for await (const _ of s) {
      // drain
    }
    expect((await s.result).signal).toBe(9);
    // A finished session's tracer thread ends a moment after its last batch: wait for it (a
    // leak never ends), then compare.
    await until(() => fds() <= before.fds && threads() <= before.threads, 20_000).catch(() => {});
    expect(fds()).toBeLessThanOrEqual(before.fds);
    expect(threads()).toBeLessThanOrEqual(before.threads);
  }, 120_000);

  it("rejects options that would take the output away from the caller", async () => {
    await expect(trace({ argv: ["true"], options: ["-o", "x"] })).rejects.toThrow(
      /not available through trace/,
    );
  });
});
