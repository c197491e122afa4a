import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { summaryRows } from "./helpers/summary.js";
import { norm, tracersIn } from "./helpers/tracers.js";

const { tstrace, strace } = tracersIn(tmpdir());

describe("-e trace=", () => {
  it("keeps only the selected syscalls, like strace", () => {
    const a = tstrace("-e", "trace=openat,close", "cat", "/etc/hostname");
    const b = strace("-e", "trace=openat,close", "cat", "/etc/hostname");
    expect(a.status).toBe(0);
    expect(norm(a.stderr)).toEqual(norm(b.stderr));
  });
  it("without -f, the filter's children get their real results and print nothing, as strace's", () => {
    // A seccomp filter with SECCOMP_RET_TRACE fails an untraced child's selected syscalls with
    // ENOSYS: tstrace follows them silently, so cat's openat succeeds and only sh's lines print.
    const child = ["sh", "-c", "cat /etc/hostname >/dev/null && echo child-ok; exit 3"];
    for (const flags of [[], ["--seccomp-bpf"], ["--no-seccomp-bpf"]]) {
      const t = tstrace(...flags, "-e", "trace=openat,execve,exit_group", ...child);
      // strace has no --no-seccomp-bpf; its --seccomp-bpf warns it is off without -f, as tstrace words it.
      const s = strace(
        ...flags.filter((f) => f === "--seccomp-bpf"),
        "-e",
        "trace=openat,execve,exit_group",
        ...child,
      );
      expect(t.status, flags.join(" ")).toBe(3);
      expect(t.stdout).toBe("child-ok\n");
      // The child's pid differs between the two runs; nothing else may.
      const pids = (text: string): string[] => norm(text).map((l) => l.replace(/si_pid=\d+/, "si_pid=N"));
      expect(pids(t.stderr)).toEqual(pids(s.stderr));
    }
  });

  it("-b execve and --syscall-limit keep the filter off (a tracee let go would carry it untraced)", () => {
    const args = [
      "--seccomp-bpf",
      "-f",
      "-b",
      "execve",
      "-e",
      "trace=openat",
      "sh",
      "-c",
      "cat /etc/hostname",
    ];
    const t = tstrace(...args);
    const s = strace(...args);
    const warning = (text: string): string | undefined => text.split("\n").find((l) => l.includes("-b"));
    expect(warning(t.stderr)?.replace(/^tstrace/, "strace")).toBe(warning(s.stderr));
    expect(t.stdout).toBe(s.stdout);
    // Detached after two openat, cat still opens its file: no ENOSYS from a leftover filter.
    for (let i = 0; i < 5; i++) {
      const r = tstrace("--syscall-limit=2", "-e", "trace=openat", "cat", "/etc/hostname");
      expect(r.stdout, `run ${i}`).toBe(s.stdout);
    }
  });

  it("lets the last -e trace= win and accepts ?unknown", () => {
    const lines = norm(tstrace("-e", "trace=openat", "-e", "trace=?nosuch,close", "true").stderr);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(0, -1).every((l) => l.startsWith("close("))).toBe(true);
    expect(lines.at(-1)).toBe("+++ exited with 0 +++");
  });
  it("negates with !", () => {
    const lines = norm(tstrace("--trace=!mmap,openat", "true").stderr);
    expect(lines.some((l) => l.startsWith("mmap(") || l.startsWith("openat("))).toBe(false);
    expect(lines.some((l) => l.startsWith("close("))).toBe(true);
  });
  it("rejects unknown names with strace's words and status 1", () => {
    for (const [expr, msg] of [
      ["trace=nosuch", "invalid system call 'nosuch'"],
      ["nosuch=1", "invalid system call 'nosuch=1'"],
      ["trace=%nosuch", "invalid system call '%nosuch'"],
      ["signal=FOO", "invalid signal 'FOO'"],
      ["status=bogus", "invalid status 'bogus'"],
      ["quiet=bogus", "invalid quiet 'bogus'"],
    ] as const) {
      const r = tstrace("-e", expr, "true");
      expect(r.status, expr).toBe(1);
      expect(r.stderr, expr).toBe(`tstrace: ${msg}\n`);
    }
  });
  it("-e signal= selects which deliveries print", () => {
    const r = tstrace("-e", "trace=none", "-e", "signal=none", "sh", "-c", "kill -USR1 $$");
    expect(r.signal).toBe("SIGUSR1");
    expect(r.stderr).not.toContain("--- SIGUSR1");
    const s = tstrace("-e", "trace=none", "-e", "signal=USR1", "sh", "-c", "kill -USR1 $$");
    expect(s.stderr).toMatch(
      /^--- SIGUSR1 \{si_signo=SIGUSR1, si_code=SI_USER, si_pid=\d+, si_uid=\d+\} ---$/m,
    );
  });
});

describe("-z / -Z", () => {
  it("print only successful or only failed calls, like strace", () => {
    const dir = mkdtempSync(join(tmpdir(), "tstrace-z-"));
    for (const flag of ["-z", "-Z"]) {
      tstrace("-o", join(dir, "a"), flag, "-e", "trace=access,openat", "cat", "nonexistent-file");
      strace("-o", join(dir, "b"), flag, "-e", "trace=access,openat", "cat", "nonexistent-file");
      const read = (f: string): string[] => norm(readFileSync(join(dir, f), "utf8"));
      expect(read("a"), flag).toEqual(read("b"));
    }
  });
});

describe("-c / -C", () => {
  it("has strace's header, layout and rows for ls", () => {
    const a = tstrace("-c", "ls", "/");
    const b = strace("-c", "ls", "/");
    expect(a.status).toBe(0);
    const lines = a.stderr.split("\n");
    expect(lines[0]).toBe("% time     seconds  usecs/call     calls    errors syscall");
    expect(lines[1]).toBe("------ ----------- ----------- --------- --------- ----------------");
    expect(lines.at(-2)).toMatch(/^100\.00 +\d+\.\d{6} +\d+ +\d+ +(\d+ )?total$/);
    expect(summaryRows(a.stderr)).toEqual(summaryRows(b.stderr));
  });
  it("-S calls -U name,calls,errors orders and selects columns like strace", () => {
    const a = tstrace("-c", "-S", "calls", "-U", "name,calls,errors", "true");
    const b = strace("-c", "-S", "calls", "-U", "name,calls,errors", "true");
    expect(a.stderr).toBe(b.stderr);
  });
  it("-S name sorts by name; -w is accepted", () => {
    const a = tstrace("-c", "-w", "-S", "name", "-U", "calls,errors,name", "true");
    const b = strace("-c", "-w", "-S", "name", "-U", "calls,errors,name", "true");
    expect(a.stderr).toBe(b.stderr);
  });
  it("-C prints the trace then the table, into -o", () => {
    const dir = mkdtempSync(join(tmpdir(), "tstrace-c-"));
    expect(tstrace("-C", "-o", join(dir, "t"), "true").status).toBe(0);
    expect(readFileSync(join(dir, "t"), "utf8")).toContain("+++ exited with 0 +++\n% time     seconds");
  });
  it("rejects bad -S/-U and -c with -C", () => {
    expect(tstrace("-c", "-S", "bogus", "true").stderr).toBe(
      "tstrace: invalid sortby: 'bogus'\nTry 'tstrace -h' for more information.\n",
    );
    expect(tstrace("-c", "-U", "bogus", "true").stderr).toBe(
      "tstrace: unknown column name: 'bogus'\nTry 'tstrace -h' for more information.\n",
    );
    expect(tstrace("-c", "-C", "true").stderr).toBe(
      "tstrace: -c/--summary-only and -C/--summary are mutually exclusive\nTry 'tstrace -h' for more information.\n",
    );
  });
});

describe("-f, -ff and output plumbing", () => {
  it("-ff -o FILE writes one FILE.PID per process", () => {
    const dir = mkdtempSync(join(tmpdir(), "tstrace-ff-"));
    expect(tstrace("-ff", "-o", join(dir, "t"), "sh", "-c", "echo a | cat").status).toBe(0);
    const files = readdirSync(dir).filter((f) => /^t\.\d+$/.test(f));
    expect(files.length).toBe(3);
    for (const f of files) {
      const text = readFileSync(join(dir, f), "utf8");
      expect(text).toMatch(/\+\+\+ exited with 0 \+\+\+\n$/);
      expect(text).not.toMatch(/^(\[pid|\d+ {2})/m);
    }
  });
  it("-ff/--output-separately refuse -c, -C and a piped -o, and warn without -o, as strace does", () => {
    const dir = mkdtempSync(join(tmpdir(), "tstrace-ffx-"));
    const cases = [
      ["-ff", "-c", "true"],
      ["--output-separately", "-C", "-o", join(dir, "x"), "true"],
      ["-f", "-f", "-f", "-c", "-S", "name", "true"],
      ["-ff", "-o", `|cat > ${join(dir, "p")}`, "true"],
      ["--output-separately", "-o", "!cat", "true"],
      ["--output-separately", "-S", "name", "-e", "trace=none", "true"],
      ["-ff", "-e", "trace=none", "true"],
    ];
    const said = (text: string) => norm(text.replace(/'t?strace -h'/, "'TRACER -h'"));
    for (const args of cases) {
      const a = tstrace(...args);
      const b = strace(...args);
      expect([a.status, said(a.stderr)], args.join(" ")).toEqual([b.status, said(b.stderr)]);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
  it("-f with a status filter keeps each line whole, as strace's staging does", () => {
    const dir = mkdtempSync(join(tmpdir(), "tstrace-fz-"));
    const lines = (cmd: typeof tstrace, name: string, ...filter: string[]) => {
      cmd("-f", ...filter, "-o", join(dir, name), "sh", "-c", "echo a | cat");
      return readFileSync(join(dir, name), "utf8");
    };
    const whole = /<unfinished \.\.\.>|<\.\.\. \w+ resumed>/;
    // -z: the calls of three processes interleave, yet no line is cut.
    const z = lines(tstrace, "z", "-z");
    expect(z).not.toMatch(whole);
    expect(z).toMatch(/^\d+ +execve\("\/usr\/bin\/cat", \["cat"\], .*\) = 0$/m);
    // status=unfinished: only the calls that never return, each whole (signal deliveries may
    // coalesce differently from run to run, so they are left out).
    const shape = (text: string) =>
      norm(text)
        .filter((l) => !l.includes("--- SIGCHLD"))
        .map((l) => l.replace(/^\d+ +/, ""))
        .sort();
    const u = lines(tstrace, "u", "-e", "status=unfinished");
    expect(u).not.toMatch(whole);
    expect(shape(u)).toEqual(shape(lines(strace, "us", "-e", "status=unfinished")));
  });
  it("-f -o prefixes lines with the pid", () => {
    const dir = mkdtempSync(join(tmpdir(), "tstrace-f-"));
    tstrace("-f", "-o", join(dir, "t"), "sh", "-c", "echo a | cat");
    expect(readFileSync(join(dir, "t"), "utf8")).toMatch(/^\d+ +execve\(/);
  });
  it("-A appends and -o '|cmd' pipes", () => {
    const dir = mkdtempSync(join(tmpdir(), "tstrace-o-"));
    const out = join(dir, "t");
    tstrace("-e", "trace=none", "-o", out, "true");
    tstrace("-A", "-e", "trace=none", "-o", out, "true");
    expect(readFileSync(out, "utf8")).toBe("+++ exited with 0 +++\n+++ exited with 0 +++\n");
    tstrace("-e", "trace=none", "-o", `|cat > ${join(dir, "p")}`, "true");
    expect(readFileSync(join(dir, "p"), "utf8")).toBe("+++ exited with 0 +++\n");
  });
});

describe("timing and -p", () => {
  it("-tt -T add strace's prefix and suffix", () => {
    const r = tstrace("-tt", "-T", "-e", "trace=close", "true");
    expect(r.stderr.split("\n")[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{6} close\(3\) += 0 <\d+\.\d{6}>$/);
  });
  it("-n prints syscall numbers", () => {
    expect(tstrace("-n", "-e", "trace=close", "true").stderr.split("\n")[0]).toMatch(
      /^\[ {3}3\] close\(3\) +/,
    );
  });
  it("rejects bad pids with strace's text", () => {
    for (const [arg, msg] of [
      ["abc", "Invalid process id: 'abc'"],
      ["0", "Invalid process id: '0'"],
      ["-5", "Invalid process id: '-5'"],
      ["1,,2", "Invalid process id: ''"],
    ] as const) {
      const r = tstrace("-p", arg);
      expect(r.status, arg).toBe(1);
      expect(r.stderr, arg).toBe(`tstrace: ${msg}\n`);
    }
  });
});
