// Where every syscall stops (--no-seccomp-bpf, -p, -c over ptrace), the tracer thread keeps what
// the filter leaves out to itself: no record, no JS, and no PTRACE_GET_SYSCALL_INFO at its exit.
// What users see must not change: strace's lines, strace's counts, -y's paths.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { summaryRows } from "./helpers/summary.js";
import { BIN, norm, PYTHON, tracersIn } from "./helpers/tracers.js";

const { tstrace, strace } = tracersIn(tmpdir());

/** How many times the run of argv (children included) entered `event`; NaN where perf cannot count it. */
function perfCount(event: string, argv: readonly string[]): number {
  const r = spawnSync("perf", ["stat", "-x", ",", "-e", event, "--", ...argv], {
    encoding: "utf8",
    stdio: ["ignore", "ignore", "pipe"],
    timeout: 120_000,
  });
  if (r.error || r.status !== 0) return Number.NaN;
  const line = r.stderr.split("\n").find((l) => l.includes(event));
  return line === undefined ? Number.NaN : Number(line.split(",")[0]);
}
const perfCounts = !Number.isNaN(perfCount("syscalls:sys_enter_ptrace", ["/bin/true"]));

describe("stops the filter leaves out", () => {
  it("--no-seccomp-bpf: strace's lines, a failed exec and the exit status included", () => {
    // The command's own complaints go to /dev/null: on stderr they would interleave with the trace.
    const cmd = [
      "sh",
      "-c",
      "exec 2>/dev/null; cat /etc/hostname /nonexistent-tstrace; exec /nonexistent-tstrace-exec",
    ];
    // Into -o files: every line then carries its pid, so the normaliser can set aside how the
    // processes' lines interleave (on stderr the lines before the first fork have no prefix).
    const dir = mkdtempSync(join(tmpdir(), "tstrace-unavoidable-"));
    for (const filter of ["trace=openat", "trace=execve,exit_group", "trace=%process,close"]) {
      // -q: no "Process N attached", which strace prints mid-line with its own name.
      const t = tstrace("--no-seccomp-bpf", "-q", "-f", "-o", join(dir, "t"), "-e", filter, ...cmd);
      const s = strace("-q", "-f", "-o", join(dir, "s"), "-e", filter, ...cmd);
      expect(t.status, filter).toBe(s.status);
      expect(t.stdout, filter).toBe(s.stdout);
      const pids = (file: string): string[] =>
        norm(readFileSync(join(dir, file), "utf8")).map((l) => l.replace(/si_pid=\d+/, "si_pid=N"));
      expect(pids("t"), filter).toEqual(pids("s"));
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("-c over ptrace (counted in the tracer thread): strace -c's calls and errors", () => {
    const cmds = [
      ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=500"],
      ["cat", "/etc/hostname", "/nonexistent-tstrace-count"],
    ];
    for (const cmd of cmds) {
      for (const extra of [[], ["-e", "trace=read,openat"], ["-f"]]) {
        const t = tstrace("-c", "--summary-backend=ptrace", ...extra, ...cmd);
        const s = strace("-c", ...extra, ...cmd);
        const what = [...extra, ...cmd].join(" ");
        expect(t.status, what).toBe(s.status);
        expect(summaryRows(t.stderr).length, what).toBeGreaterThan(1);
        expect(summaryRows(t.stderr), what).toEqual(summaryRows(s.stderr));
      }
    }
  });

  it("-c over ptrace on -p, attached inside a blocking read: every call after it counted right", async () => {
    // The tracer reads no entry stop of -c's calls once a thread's stops are in step; the first
    // stop after attaching inside read(2) is that read's exit, read as one. Were entries and exits
    // ever taken one for the other, the entries' -ENOSYS would show as errors.
    const script = [
      "import os, sys",
      "print('ready', flush=True)",
      "sys.stdin.readline()",
      "for _ in range(7): os.access('/nonexistent-tstrace', 0); os.getpid()",
    ].join("\n");
    const child = spawn(PYTHON, ["-c", script], { stdio: ["pipe", "pipe", "inherit"] });
    try {
      await once(child.stdout, "data");
      const tracer = spawn(BIN, ["-c", "--summary-backend=ptrace", "-p", String(child.pid)], {
        stdio: ["ignore", "ignore", "pipe"],
      });
      let err = "";
      tracer.stderr.on("data", (d: Buffer) => {
        err += d.toString();
      });
      for (let i = 0; i < 200 && !err.includes("attached"); i++) await new Promise((r) => setTimeout(r, 50));
      expect(err).toContain(`Process ${child.pid} attached`);
      child.stdin.write("go\n");
      await once(tracer, "exit");
      const rows = summaryRows(err);
      // access fails (ENOENT) every time; getpid never does.
      expect(rows, err).toContain("access 7 7");
      expect(rows, err).toContain("getpid 7 0");
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("-p -y: a descriptor opened by a call the filter leaves out still shows its path", async () => {
    // The process opens its file before tstrace attaches, then reads it by fd: the openat is never
    // seen, and -y must still name the file (read from /proc while the tracee is stopped).
    const script = [
      "import os, sys, time",
      "fd = os.open('/etc/hostname', os.O_RDONLY)",
      "print(fd, flush=True)",
      "sys.stdin.readline()",
      "for _ in range(5): os.pread(fd, 1, 0); os.getpid()",
    ].join("\n");
    const child = spawn(PYTHON, ["-c", script], { stdio: ["pipe", "pipe", "inherit"] });
    try {
      const [chunk] = (await once(child.stdout, "data")) as [Buffer];
      const fd = Number(chunk.toString().trim());
      const tracer = spawn(BIN, ["-p", String(child.pid), "-y", "-e", "trace=pread64"], {
        stdio: ["ignore", "ignore", "pipe"],
      });
      let err = "";
      tracer.stderr.on("data", (d: Buffer) => {
        err += d.toString();
      });
      // Attached once tstrace says so; then let the reads happen.
      for (let i = 0; i < 200 && !err.includes("attached"); i++) await new Promise((r) => setTimeout(r, 50));
      expect(err).toContain(`Process ${child.pid} attached`);
      child.stdin.write("go\n");
      await once(tracer, "exit");
      const reads = err.split("\n").filter((l) => l.startsWith("pread64("));
      expect(reads.length).toBe(5);
      for (const line of reads) expect(line).toContain(`pread64(${fd}</etc/hostname>, `);
    } finally {
      child.kill("SIGKILL");
    }
  });

  // Counts, not times, so the load does not matter: a stop the filter drops (or -c counts) costs
  // the tracer 1.5 ptrace requests on average (the resume at each stop, and one read at its entry
  // (--no-seccomp-bpf) or its exit (-c)), where reading both stops would make 2.
  it.skipIf(!perfCounts)("1.5 ptrace requests per stop where nothing is recorded", () => {
    const dd = ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=2000"];
    const stops = 2 * perfCount("raw_syscalls:sys_enter", dd);
    for (const options of [
      ["-c", "--summary-backend=ptrace"],
      ["--no-seccomp-bpf", "-e", "trace=openat"],
    ]) {
      const requests = perfCount("syscalls:sys_enter_ptrace", [BIN, "-o", "/dev/null", ...options, ...dd]);
      // A few more than 1.5 a stop: the spawn's seize and options, the command's own execve.
      expect(requests, options.join(" ")).toBeGreaterThan(stops);
      expect(requests, options.join(" ")).toBeLessThan(stops * 1.5 + 200);
    }
  });
});
