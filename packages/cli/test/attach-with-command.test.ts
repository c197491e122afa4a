// strace -p PID with a command: the command is started, the running processes are attached
// before it runs, and both are traced until every one of them has ended. Compared with strace
// side by side on a small C program that plays both parts.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CC, compileC } from "./helpers/c-program.js";
import { BIN, norm } from "./helpers/tracers.js";

const dir = mkdtempSync(join(tmpdir(), "tstrace-pcmd-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// `peer FIFO [threads]`: the process attached with -p. It says "ready" once its threads exist,
// then waits for the command's pid on FIFO and for that process to be gone (reaped by its
// tracer, its exit reported); each thread then fails a chdir with its own name, one after the
// other. `command FIFO`: the traced command. Fails a chdir of its own, hands the peer its pid,
// exits 3. So the lines' order is fixed, and how many processes are traced at each of them.
const SOURCE = String.raw`
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int relay[2];

static void *worker(void *arg) {
  char c;
  (void) arg;
  if (read(relay[0], &c, 1) != 1) return NULL;
  chdir("/nonexistent/pcmd-peer-thread");
  return NULL;
}

int main(int argc, char **argv) {
  if (argc < 3) return 2;
  if (strcmp(argv[1], "command") == 0) {
    chdir("/nonexistent/pcmd-command");
    pid_t self = getpid();
    int fd = open(argv[2], O_WRONLY);
    if (fd < 0 || write(fd, &self, sizeof self) != sizeof self) return 2;
    close(fd);
    return 3;
  }
  pthread_t t;
  int threads = argc > 3;
  if (threads && (pipe(relay) != 0 || pthread_create(&t, NULL, worker, NULL) != 0)) return 2;
  printf("ready\n");
  fflush(stdout);
  int fd = open(argv[2], O_RDONLY);
  pid_t command;
  if (fd < 0 || read(fd, &command, sizeof command) != sizeof command) return 2;
  while (kill(command, 0) == 0) usleep(1000);
  if (threads) {
    if (write(relay[1], "x", 1) != 1) return 2;
    pthread_join(t, NULL);
  }
  chdir("/nonexistent/pcmd-peer");
  return 0;
}
`;

const program = CC ? compileC(dir, "pcmd", SOURCE, ["-O1", "-pthread"]) : "";

/** Starts the peer and resolves once it is ready (its threads exist, it waits on the FIFO). */
function startPeer(fifo: string, threads: boolean): Promise<ChildProcess> {
  const peer = spawn(program, ["peer", fifo, ...(threads ? ["threads"] : [])], {
    stdio: ["ignore", "pipe", "ignore"],
    detached: true,
  });
  return new Promise((resolve, reject) => {
    peer.stdout?.once("data", () => resolve(peer));
    peer.once("error", reject);
    setTimeout(() => reject(new Error("the peer did not start")), 30_000).unref();
  });
}

interface Run {
  status: number | null;
  stderr: string;
  trace: string;
}

/** Runs `tracer` with `args`, `-p` the peer and the command; -o FILE when `toFile`. */
async function runWithPeer(tracer: string, args: string[], threads: boolean, toFile: boolean): Promise<Run> {
  const fifo = join(dir, `fifo-${Math.random().toString(36).slice(2)}`);
  const made = spawn("mkfifo", [fifo]);
  await new Promise((r) => made.once("exit", r));
  const peer = await startPeer(fifo, threads);
  const out = `${fifo}.out`;
  try {
    const t = spawn(
      tracer,
      [...args, ...(toFile ? ["-o", out] : []), "-p", String(peer.pid), program, "command", fifo],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    t.stderr?.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const watchdog = setTimeout(() => t.kill("SIGKILL"), 60_000);
    const status = await new Promise<number | null>((r) => t.once("close", (code) => r(code)));
    clearTimeout(watchdog);
    // The notices name the peer: the same process under another pid in each run.
    const peerPid = (text: string): string => text.replaceAll(String(peer.pid), "PEER");
    const traceText = toFile ? readFileSync(out, "utf8") : stderr;
    return { status, stderr: toFile ? peerPid(stderr) : "", trace: peerPid(traceText) };
  } finally {
    try {
      process.kill(peer.pid as number, "SIGKILL");
    } catch {
      // it ended, as it should have
    }
  }
}

describe.skipIf(!CC)("-p PID together with a command", () => {
  it("-o FILE: both processes' lines with strace's pid prefix, no notices, the command's exit status", async () => {
    const args = ["-e", "trace=chdir"];
    const ours = await runWithPeer(BIN, args, false, true);
    const theirs = await runWithPeer("strace", args, false, true);
    expect(ours.status).toBe(3);
    expect(ours.status).toBe(theirs.status);
    expect(ours.stderr).toBe(theirs.stderr);
    expect(norm(ours.trace)).toEqual(norm(theirs.trace));
    expect(ours.trace).toMatch(/^\d+ +chdir\("\/nonexistent\/pcmd-command"\)/);
  }, 150_000);

  it("-f on stderr: every thread of the peer attached, the notice, then the lines", async () => {
    const args = ["-f", "-e", "trace=chdir"];
    const ours = await runWithPeer(BIN, args, true, false);
    const theirs = await runWithPeer("strace", args, true, false);
    expect(ours.status).toBe(theirs.status);
    expect(norm(ours.trace)).toEqual(norm(theirs.trace));
    expect(ours.trace).toMatch(/^tstrace: Process PEER attached with 2 threads$/m);
  }, 150_000);
});
