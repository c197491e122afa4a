// --pidns-translation and --decode-pids=comm on a real tracee in another PID namespace: a small C
// program, compiled here, unshares a PID namespace and forks; the child (pid 1 there) passes its
// own ids to the calls strace decodes as pids (arguments, return values, struct fields, a
// signal's si_pid). tstrace and strace trace it and the outputs are compared, with the pids of
// the tracer's namespace (they differ from run to run) renamed in order of appearance. Without a
// C compiler, or where a PID namespace cannot be made (no privilege): skipped.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CC, compileC } from "./helpers/c-program.js";
import { BIN } from "./helpers/tracers.js";

const dir = mkdtempSync(join(tmpdir(), "tstrace-pidns-"));

const PROGRAM = `#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/blktrace_api.h>
#include <linux/fs.h>
#include <linux/netlink.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
static void on_usr1(int sig) { (void) sig; }
int main(void) {
  if (unshare(CLONE_NEWPID)) return 77;
  pid_t child = fork();
  if (child < 0) return 1;
  if (child > 0) {
    int status;
    waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
  }
  pid_t me = syscall(SYS_getpid);
  syscall(SYS_gettid);
  syscall(SYS_getpgid, me);
  syscall(SYS_getsid, me);
  syscall(SYS_kill, me, 0);
  syscall(SYS_tgkill, me, me, 0);
  syscall(SYS_getpriority, PRIO_PROCESS, me);
  syscall(SYS_sched_getscheduler, me);
  struct rlimit r;
  syscall(SYS_prlimit64, me, RLIMIT_NOFILE, 0, &r);
  int fds[2];
  if (pipe(fds)) return 1;
  syscall(SYS_fcntl, fds[0], F_SETOWN, me);
  syscall(SYS_fcntl, fds[0], F_GETOWN);
  struct f_owner_ex owner = { F_OWNER_TID, me };
  syscall(SYS_fcntl, fds[0], F_SETOWN_EX, &owner);
  struct sockaddr_nl nl = { .nl_family = AF_NETLINK, .nl_pid = me };
  syscall(SYS_connect, -1, &nl, sizeof(nl));
  int s = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
  struct nlmsghdr h = { .nlmsg_len = sizeof(h), .nlmsg_type = NLMSG_NOOP, .nlmsg_pid = me };
  syscall(SYS_sendto, s, &h, sizeof(h), MSG_DONTWAIT, NULL, 0);
  struct seccomp_notif n;
  memset(&n, 0, sizeof(n));
  n.pid = me;
  syscall(SYS_ioctl, -1, SECCOMP_IOCTL_NOTIF_RECV, &n);
  struct blk_user_trace_setup b;
  memset(&b, 0, sizeof(b));
  b.pid = me;
  syscall(SYS_ioctl, -1, BLKTRACESETUP, &b);
  pid_t reaped = fork();
  if (reaped == 0) _exit(3);
  siginfo_t si;
  syscall(SYS_waitid, P_PID, reaped, &si, WEXITED, NULL);
  signal(SIGUSR1, on_usr1);
  syscall(SYS_kill, me, SIGUSR1);
  return 0;
}
`;

const TRACE =
  "trace=getpid,gettid,getpgid,getsid,kill,tgkill,getpriority,sched_getscheduler,prlimit64,fcntl,connect,sendto,ioctl,waitid";

/**
 * The pids of the tracer's namespace (line prefixes and the `N in strace's PID NS` of the
 * translations) renamed P1, P2, … in order of appearance; pipe inodes; the `=` column with the
 * line's length.
 */
function mask(text: string): string {
  const names = new Map<string, string>();
  const name = (pid: string): string => {
    let n = names.get(pid);
    if (n === undefined) {
      n = `P${names.size + 1}`;
      names.set(pid, n);
    }
    return n;
  };
  return text
    .replace(/^(\d+)(<[^>]*>)? /gm, (_, pid: string, comm?: string) => `${name(pid)}${comm ?? ""} `)
    .replace(
      /\/\* (\d+) in strace's PID NS \*\//g,
      (_, pid: string) => `/* ${name(pid)} in strace's PID NS */`,
    )
    .replace(/(pipe|socket):\[\d+\]/g, "$1:[INODE]")
    .replace(/ => 0x[0-9a-f]+/g, " => ADDR")
    .replace(/ {2,}=/g, " =")
    .replace(/ +/g, " ");
}

function run(tracer: string, args: string[], under: string[] = []): { status: number | null; text: string } {
  const out = join(dir, `${tracer === BIN ? "t" : "s"}.log`);
  const argv = [...under, tracer, "-o", out, "-f", "-qq", "-e", TRACE, "-e", "signal=SIGUSR1", ...args];
  const r = spawnSync(argv[0] ?? tracer, argv.slice(1), {
    cwd: dir,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: r.status, text: r.status === 0 ? mask(readFileSync(out, "utf8")) : r.stderr };
}

describe.skipIf(CC === "")("pids of another PID namespace, on a real tracee", () => {
  const exe = CC === "" ? "" : compileC(dir, "pidns", PROGRAM);
  // A PID namespace needs CAP_SYS_ADMIN: without it the program exits 77 and there is nothing to compare.
  const possible = CC !== "" && spawnSync(exe).status === 0;

  for (const opts of [["--pidns-translation"], ["--decode-pids=pidns,comm"], ["-Y"]]) {
    it.skipIf(!possible)(`${opts.join(" ")}: the same lines as strace's`, () => {
      const ts = run(BIN, [...opts, exe]);
      const st = run("strace", [...opts, exe]);
      expect(ts.status, ts.text).toBe(0);
      expect(st.status, st.text).toBe(0);
      expect(ts.text).toBe(st.text);
      if (opts[0] !== "-Y") {
        expect(ts.text).toContain("in strace's PID NS */");
        // A netlink address's and message's port ids, a seccomp notification's and a block
        // trace's pids (P1 is the tracee: its ids are 1 in its namespace).
        for (const field of ["nl_pid", "nlmsg_pid", "{id=0, pid", "end_lba=0, pid"])
          expect(ts.text).toMatch(new RegExp(`${field}=1(<pidns>)? /\\* P\\d+ in strace's PID NS \\*/`));
      }
    });
  }

  // The tracer itself as the init of a new PID namespace, with the outer /proc: it reaps the
  // orphans of the traced namespace (or the exiting init tracee would wait for them forever),
  // and finds the tracees' /proc entries through NSpid (-y names the pipe).
  const unshare = possible && spawnSync("unshare", ["-Urpf", "true"]).status === 0;
  it.skipIf(!unshare)("as the init of its own PID namespace: the same lines as strace's", () => {
    const opts = ["--pidns-translation", "-y", exe];
    const ts = run(BIN, opts, ["unshare", "-Urpf"]);
    const st = run("strace", opts, ["unshare", "-Urpf"]);
    expect(ts.status, ts.text).toBe(0);
    expect(st.status, st.text).toBe(0);
    expect(ts.text).toBe(st.text);
    expect(ts.text).toContain("<pipe:[");
  });
});
