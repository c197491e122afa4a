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

describe.skipIf(!CC)("-i on signal lines", () => {
  const program = CC ? compileC(dir, "jump-nowhere", SOURCE) : "";
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
});
