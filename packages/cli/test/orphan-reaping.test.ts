// Orphans of tracees under a PID namespace's init that reaps only its own child (a container's
// entry point, a test harness's wrapper): `unshare -pf WRAPPER tstrace -f CMD`. A tracee that
// unshares a PID namespace and forks twice makes two processes of a new namespace, its init and a
// second one; when the tracee exits first, both are orphaned to the outer init. When the inner
// init exits, the kernel kills the other and waits (zap_pid_ns_processes) until it is reaped,
// which such a wrapper never does: the inner init never finishes exiting, and a tracer waiting
// for it hangs for ever (strace does, here). tstrace becomes a child subreaper in that position
// and reaps them, as strace does when it is that init itself (`unshare -pf strace -f CMD`): the
// two traces are compared. Without a C compiler, or where a PID namespace cannot be made: skipped.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CC, compileC } from "./helpers/c-program.js";
import { BIN, norm } from "./helpers/tracers.js";

const dir = mkdtempSync(join(tmpdir(), "tstrace-orphans-"));

const TRACEE = `#define _GNU_SOURCE
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
  pid_t x = fork();
  if (x == 0) {
    if (unshare(CLONE_NEWPID) != 0) _exit(2);
    if (fork() == 0) { usleep(200000); _exit(0); } /* the new namespace's init */
    if (fork() == 0) { pause(); _exit(0); }        /* killed when that init exits */
    _exit(0);                                      /* orphans both */
  }
  int st;
  waitpid(x, &st, 0);
  return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}
`;

// An init that waits for its own child only, and exits with its status.
const WRAPPER = `#include <sys/wait.h>
#include <unistd.h>
int main(int argc, char **argv) {
  (void) argc;
  pid_t c = fork();
  if (c == 0) { execvp(argv[1], argv + 1); _exit(127); }
  int st;
  if (waitpid(c, &st, 0) != c) return 126;
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
`;

const canUnshare =
  CC !== "" &&
  spawnSync("unshare", ["-pf", "--mount-proc", "--kill-child", "true"], { timeout: 30_000 }).status === 0;

/**
 * Runs argv in a new PID namespace (with its own /proc), whose pids start at 30000 rather than 1
 * (the normaliser renames pids wherever their digits appear, and a pid of 6 is in `libc.so.6`). If
 * the run is stopped at its deadline, the namespace dies with it.
 */
const inNamespace = (argv: string[]) =>
  spawnSync(
    "unshare",
    [
      "-pf",
      "--mount-proc",
      "--kill-child",
      "sh",
      "-c",
      'echo 29999 >/proc/sys/kernel/ns_last_pid && exec "$@"',
      "sh",
      ...argv,
    ],
    { encoding: "utf8", timeout: 90_000, killSignal: "SIGKILL", cwd: dir },
  );

describe.skipIf(!canUnshare)("orphans of tracees under a non-reaping namespace init", () => {
  it("are reaped by tstrace, whose trace ends as strace's does as that init", () => {
    const tracee = compileC(dir, "orphans", TRACEE);
    const wrapper = compileC(dir, "onlychild", WRAPPER);
    const ours = inNamespace([wrapper, BIN, "-f", "-o", "tstrace.log", tracee]);
    expect(ours.signal, `tstrace did not finish: ${ours.stderr}`).toBeNull();
    expect(ours.status, ours.stderr).toBe(0);
    const theirs = inNamespace(["strace", "-f", "-o", "strace.log", tracee]);
    expect(theirs.status, theirs.stderr).toBe(0);
    const t = readFileSync(join(dir, "tstrace.log"), "utf8");
    expect(t).toMatch(/\+\+\+ killed by SIGKILL \+\+\+/);
    expect(norm(t)).toEqual(norm(readFileSync(join(dir, "strace.log"), "utf8")));
  }, 200_000);
});
