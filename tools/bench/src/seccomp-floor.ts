/**
 * The kernel's floor for a filtered trace: what any seccomp filter costs a program, tracer or not.
 * A program under a filter takes the slower syscall entry for every syscall, even those the
 * kernel's per-syscall allow cache passes without running the filter; on `dd bs=1`, whose syscalls
 * are nearly all of its work, that is ~20% of its CPU time on the machines this was measured on.
 * So the filtered rows' (tracer - start-up) / untraced cannot go below (the same program under an
 * allow-all filter and no tracer) / untraced; stop-cpu.ts measures that in the same rounds.
 *
 * The helper is a tiny C program compiled with the machine's `cc` into a scratch directory (Node
 * cannot install a seccomp filter); where there is no compiler the floor is left out.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

// Installs `return ALLOW` (one instruction, cacheable for every syscall) and execs argv[1:].
// PR_SET_NO_NEW_PRIVS lets an unprivileged user install it.
const SOURCE = `#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <unistd.h>
int main(int argc, char **argv) {
  struct sock_filter allow[] = {BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)};
  struct sock_fprog prog = {1, allow};
  if (argc < 2) return 2;
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 || prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) < 0) {
    perror("seccomp");
    return 1;
  }
  execvp(argv[1], argv + 1);
  perror(argv[1]);
  return 127;
}
`;

/** Compiles the helper into `dir`; returns the argv prefix that runs a command under it, or undefined. */
export function seccompFloor(dir: string): readonly string[] | undefined {
  const src = join(dir, "seccomp-floor.c");
  const exe = join(dir, "seccomp-floor");
  writeFileSync(src, SOURCE);
  const cc = spawnSync(process.env.CC || "cc", ["-O2", "-o", exe, src], { stdio: "ignore" });
  if (cc.error || cc.status !== 0) return undefined;
  // It must run (a kernel without seccomp filters, or a sandbox refusing them, has no floor).
  const check = spawnSync(exe, ["true"], { stdio: "ignore" });
  return check.status === 0 ? [exe] : undefined;
}
