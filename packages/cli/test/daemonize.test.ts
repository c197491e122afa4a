// -D/-DD/-DDD: the command is the process the caller started; the tracer is a detached
// grandchild in the caller's process group, a new group, or a new session.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN } from "./helpers/tracers.js";

const dir = mkdtempSync(join(tmpdir(), "tstrace-daemon-"));

// What the traced command sees of itself and of its tracer (TracerPid in /proc/self/status).
const PROBE = `
import os
status = dict(l.split(":\\t", 1) for l in open("/proc/self/status").read().splitlines() if ":\\t" in l)
tracer = int(status["TracerPid"])
stat = open(f"/proc/{tracer}/stat").read()
rest = stat[stat.rindex(")") + 2:].split()
try:
    os.waitpid(-1, os.WNOHANG)
    children = "some"
except ChildProcessError:
    children = "none"
print(os.getpid(), os.getppid(), tracer, rest[1], int(rest[2]) == os.getpgrp(), int(rest[3]) == os.getsid(0), children)
raise SystemExit(3)
`;

// spawnSync returns once the stderr pipe closes: the grandchild holds it until its trace is done.
const run = (...args: string[]) => spawnSync(BIN, args, { encoding: "utf8", timeout: 60_000, cwd: dir });

describe("-D: tracer as a detached grandchild", () => {
  for (const [flag, samePgrp, sameSession] of [
    ["-D", true, true],
    ["-DD", false, true],
    ["-DDD", false, false],
    ["--daemonize=pgroup", false, true],
  ] as const) {
    it(`${flag}: the command is the caller's child, with its exit status; tracer placed as strace places it`, () => {
      const out = join(dir, `trace${flag}.txt`);
      const r = run(flag, "-o", out, "/usr/bin/python3", "-c", PROBE);
      // strace -D -o FILE prints no notice: -o with a command implies -q.
      expect(r.stderr).toBe("");
      expect(r.status).toBe(3);
      const [pid, ppid, tracer, tracerParent, pgrp, session, children] = r.stdout.trim().split(" ");
      expect(Number(pid)).toBe(r.pid);
      expect(Number(ppid)).toBe(process.pid);
      expect(Number(tracer)).toBeGreaterThan(0);
      expect(tracerParent).not.toBe(pid);
      expect(pgrp).toBe(samePgrp ? "True" : "False");
      expect(session).toBe(sameSession ? "True" : "False");
      expect(children).toBe("none");
      const lines = readFileSync(out, "utf8").trimEnd().split("\n");
      expect(lines[0]).toMatch(/^execve\("\/usr\/bin\/python3", \["\/usr\/bin\/python3", "-c", /);
      expect(lines.at(-1)).toBe("+++ exited with 3 +++");
      // Nothing of the Node process before the execve leaks into the trace.
      expect(lines.filter((l) => l.startsWith("execve("))).toHaveLength(1);
    });
  }

  it("the command gets exactly the caller's environment, in order", () => {
    const given = { PATH: process.env.PATH ?? "/usr/bin:/bin", ZED: "1", HOME: "/root", ALPHA: "" };
    const r = spawnSync(BIN, ["-D", "-o", "/dev/null", "env"], {
      encoding: "utf8",
      env: given,
      timeout: 60_000,
    });
    expect(r.stdout).toBe(`PATH=${given.PATH}\nZED=1\nHOME=/root\nALPHA=\n`);
  });

  it("errors before anything starts, as strace's", () => {
    expect(run("-D", "nosuchcmd")).toMatchObject({
      status: 1,
      stderr: "tstrace: Can't stat 'nosuchcmd': No such file or directory\n",
    });
    expect(run("-D", "-p", "1")).toMatchObject({
      status: 1,
      stderr: expect.stringContaining("tstrace: PROG [ARGS] must be specified with -D/--daemonize\n"),
    });
    expect(run("-DDDD", "true").stderr).toContain("Too many -D's (4), maximum supported -D count is 3");
    expect(run("--daemonize=foo", "true").stderr).toContain("invalid --daemonize argument: 'foo'");
  });

  it("a command that cannot be executed: the tracer reports exec's error, the command's process exits 1", () => {
    writeFileSync(join(dir, "not-executable"), "data\n");
    const r = run("-D", "./not-executable");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^tstrace: Process \d+ attached\nexecve\("\.\/not-executable", \["\.\/not-executable"\], 0x[0-9a-f]+ \/\* \d+ vars \*\/\) = -1 EACCES \(Permission denied\)\ntstrace: exec: Permission denied\n\+\+\+ exited with 1 \+\+\+\n$/,
    );
  });
});
