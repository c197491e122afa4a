// The descriptors tstrace inherits reach the traced command exactly as under strace, and none of
// tstrace's own (Node's epoll, eventfds, pipes): each case runs the same harness around tstrace
// and around strace and compares what the command saw.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, PYTHON } from "./helpers/tracers.js";

const dir = mkdtempSync(join(tmpdir(), "tstrace-fds-"));
writeFileSync(join(dir, "three.txt"), "three\n");
writeFileSync(join(dir, "seven.txt"), "seven\n");
const TRACERS = { tstrace: BIN, strace: "strace" };
/** tstrace as a harness that runs node itself starts it (word-split by the script's unquoted $T). */
const NODE_BIN = `${process.execPath} ${BIN}`;

/** Runs `script` in sh with $T set to the tracer (the shell's redirections hand fds down). */
function sh(
  tracer: string,
  script: string,
): { stdout: string; stderr: string; status: number | null; pid: number } {
  const r = spawnSync("sh", ["-c", script], {
    cwd: dir,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, T: tracer },
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status, pid: r.pid ?? 0 };
}

/** /proc/self/fd as `ls -l` prints it, inodes and pids masked (each run gets new ones). */
const LIST_FDS = `ls -l /proc/self/fd | tail -n +2 | sed 's/.* \\([0-9]*\\) -> /\\1 -> /'`;
const masked = (text: string): string[] =>
  text
    .replace(/(pipe|socket|anon_inode):\[\d+\]/g, "$1:[N]")
    .replace(/\/proc\/\d+\//g, "/proc/PID/")
    .split("\n")
    .filter((l) => l !== "")
    .sort();

describe("descriptors reach the traced command as under strace", () => {
  it("fds redirected onto the tracer (3<file, a gap, 7<file, 9>&1): the same list, nothing more", () => {
    const script = `"$T" -qq -e trace=none sh -c "${LIST_FDS}" 3<three.txt 7<seven.txt 9>&1`;
    const ours = sh(BIN, script);
    const theirs = sh("strace", script);
    expect(ours.status).toBe(0);
    const lines = masked(ours.stdout);
    expect(lines).toEqual(masked(theirs.stdout));
    expect(lines).toContain(`3 -> ${dir}/three.txt`);
    expect(lines).toContain(`7 -> ${dir}/seven.txt`);
    // Nothing of Node's: no epoll or eventfd ever reaches the command.
    expect(lines.some((l) => l.includes("anon_inode"))).toBe(false);
  });

  it("`node bin/tstrace` (no sh line: Node has marked them close-on-exec) hands down the same ones", () => {
    // What a harness that runs node itself does (strace's suite through tstrace-wrap). Files,
    // with a gap, and one end of a pipe (9>&1 onto the pipe to cat).
    const script = `$T -qq -e trace=none sh -c "${LIST_FDS}" 3<three.txt 7<seven.txt 9>&1 | cat`;
    const ours = sh(NODE_BIN, script);
    expect(ours.status, ours.stderr).toBe(0);
    const lines = masked(ours.stdout);
    expect(lines).toEqual(masked(sh("strace", script).stdout));
    expect(lines).toContain(`3 -> ${dir}/three.txt`);
    expect(lines).toContain(`7 -> ${dir}/seven.txt`);
    expect(lines).toContain("9 -> pipe:[N]");
    expect(lines.some((l) => l.includes("anon_inode"))).toBe(false);
  });

  it("`node bin/tstrace -D` hands them down too", () => {
    const script = `$T -D -qq -o /dev/null sh -c "${LIST_FDS}" 3<three.txt`;
    const ours = masked(sh(NODE_BIN, script).stdout);
    expect(ours).toEqual(masked(sh("strace", script).stdout));
    expect(ours).toContain(`3 -> ${dir}/three.txt`);
  });

  it("-P PATH matches an fd the command starts with (9>>/dev/full), with either launcher", () => {
    // sh's `exec 5>&9` is dup2(9, 5): strace finds /dev/full behind fd 9 in /proc.
    const args = `-qq -e trace=dup2,fcntl -P /dev/full sh -c 'exec 5>&9' 9>>/dev/full`;
    const theirs = sh("strace", `"$T" ${args} 2>&1`).stdout;
    expect(theirs).toMatch(/dup2\(9, 5\) += 5/);
    expect(sh(BIN, `"$T" ${args} 2>&1`).stdout).toBe(theirs);
    expect(sh(NODE_BIN, `$T ${args} 2>&1`).stdout).toBe(theirs);
  });

  it("tstrace sh -c 'cat <&3' 3</etc/hostname reads the file, as strace does", () => {
    for (const tracer of Object.values(TRACERS)) {
      const r = sh(tracer, `"$T" -qq -e trace=none sh -c 'cat <&3' 3<three.txt`);
      expect(r.stdout, tracer).toBe("three\n");
      expect(r.status, tracer).toBe(0);
    }
  });

  it("-D hands them down too (the command is tstrace's own process)", () => {
    const script = `"$T" -D -qq -o /dev/null sh -c "${LIST_FDS}" 3<three.txt 7<seven.txt`;
    const ours = masked(sh(BIN, script).stdout);
    expect(ours).toEqual(masked(sh("strace", script).stdout));
    expect(ours).toContain(`3 -> ${dir}/three.txt`);
  });

  it("a listening socket handed down by a harness (socket activation) accepts as under strace", () => {
    // The harness binds, hands the socket down as fd 3 and connects; the traced command accepts
    // on fd 3 and answers.
    const harness = `import socket, subprocess, sys
l = socket.socket(); l.bind(("127.0.0.1", 0)); l.listen(1); l.set_inheritable(True)
if l.fileno() != 3:
    import os; os.dup2(l.fileno(), 3)
child = subprocess.Popen([sys.argv[1], "-qq", "-e", "trace=none", sys.executable, "-c",
    "import socket; c, _ = socket.socket(fileno=3).accept(); c.sendall(b'activated')"], pass_fds=(3,))
c = socket.create_connection(l.getsockname()); print(c.recv(100).decode()); sys.exit(child.wait())
`;
    for (const tracer of Object.values(TRACERS)) {
      const r = spawnSync(PYTHON, ["-c", harness, tracer], { encoding: "utf8", timeout: 60_000 });
      expect(r.stdout, `${tracer}: ${r.stderr}`).toBe("activated\n");
      expect(r.status, tracer).toBe(0);
    }
  });

  it("without -D the command's parent is the tracer process, as with strace", () => {
    for (const tracer of Object.values(TRACERS)) {
      // exec: the shell becomes the tracer, so spawnSync's pid is the tracer's.
      const r = sh(tracer, `exec "$T" -qq -e trace=none sh -c 'echo $PPID'`);
      expect(Number(r.stdout.trim()), tracer).toBe(r.pid);
    }
  });
});
