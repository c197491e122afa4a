// -i on signal lines: strace reads the registers at the signal's stop, so a fault shows where the
// thread stopped, not its last syscall's ip. A child jumps to a fixed unmapped address (no ASLR
// in it), so both tracers' lines can be compared as they are.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CC, compileC } from "./helpers/c-program.js";
import { norm, tracersIn } from "./helpers/tracers.js";

const dir = mkdtempSync(join(tmpdir(), "tstrace-signal-ip-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SOURCE = `
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  pid_t child = fork();
  if (child == 0) {
    void (*nowhere)(void) = (void (*)(void)) 0x10000;
    nowhere();
    return 1;
  }
  int status;
  waitpid(child, &status, 0);
  return 0;
}
`;

// A child spinning in user code (no syscall since its fork) is stopped with SIGSTOP from outside:
// the signal's line and the group-stop's show where it was stopped, the same ip twice.
const SPIN = `
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  pid_t child = fork();
  if (child == 0)
    for (volatile unsigned long i = 0;; i++) {
    }
  usleep(200000);
  kill(child, SIGSTOP);
  usleep(300000);
  kill(child, SIGKILL);
  int status;
  waitpid(child, &status, 0);
  return 0;
}
`;

describe.skipIf(!CC)("-i on signal lines", () => {
  const program = CC ? compileC(dir, "jump-nowhere", SOURCE) : "";
  const spin = CC ? compileC(dir, "spin", SPIN) : "";
  const { tstrace, strace } = tracersIn(dir);

  it("a fault's --- line carries the faulting ip; +++ lines have none, as strace's", () => {
    const args = ["-f", "-i", "-e", "trace=none", "-e", "signal=SIGSEGV", program];
    const ours = tstrace(...args);
    const theirs = strace(...args);
    expect(ours.status).toBe(0);
    expect(norm(ours.stderr)).toEqual(norm(theirs.stderr));
    expect(ours.stderr).toMatch(
      /\] \[0000000000010000\] --- SIGSEGV \{si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x10000\} ---\n/,
    );
    expect(ours.stderr).toMatch(/\] \[\?{16}\] \+\+\+ killed by SIGSEGV( \(core dumped\))? \+\+\+\n/);
  });

  it("a group-stop's line carries the ip it stopped at too (that of its SIGSTOP's line)", () => {
    const args = ["-f", "-i", "-e", "trace=none", "-e", "signal=SIGSTOP", spin];
    const ours = tstrace(...args);
    const theirs = strace(...args);
    expect(ours.status).toBe(0);
    // Where in the loop the signal lands is the scheduler's choice: compared apart.
    const ip = /\[([0-9a-f]{16})\] /g;
    // The sender is the parent, whose pid no line's prefix shows (it is never renamed).
    const masked = (text: string): string[] =>
      norm(text.replace(ip, "[IP] ").replace(/si_pid=\d+/, "si_pid=PARENT"));
    expect(masked(ours.stderr)).toEqual(masked(theirs.stderr));
    const ips = [...ours.stderr.matchAll(/\[([0-9a-f]{16})\] --- (?:SIGSTOP|stopped by SIGSTOP)/g)].map(
      (m) => m[1],
    );
    expect(ips).toHaveLength(2);
    expect(ips[0]).toBe(ips[1]);
  });
});
