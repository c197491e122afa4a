// Options strace 6.1 takes that tstrace used to refuse (issue 16): how they parse, their errors,
// and whole runs compared with strace tracing the same command (nothing expected is typed by hand
// where strace can print it).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withPersonalities } from "../src/arch.js";
import { parseArgs } from "../src/args.js";
import { norm, PYTHON, tracersIn } from "./helpers/tracers.js";

const dir = mkdtempSync(join(tmpdir(), "tstrace-opts-"));
const { tstrace, strace } = tracersIn(dir);

/** Both tracers' stderr for a command line strace refuses, with the program names made equal. */
function refusals(...args: string[]): [string, string] {
  const a = tstrace(...args);
  const b = strace(...args);
  expect(a.status).toBe(b.status);
  return [a.stderr.replaceAll("tstrace", "TRACER"), b.stderr.replaceAll("strace", "TRACER")];
}

/** Both tracers' trace of `command` written with -o, normalised; both must exit alike. */
function traces(flags: string[], command: string[]): [string[], string[]] {
  const statuses: (number | null)[] = [];
  const out = (name: string): string[] => {
    const file = join(dir, `${name}.trace`);
    const run = name === "tstrace" ? tstrace : strace;
    statuses.push(run(...flags, "-o", file, ...command).status);
    return norm(readFileSync(file, "utf8"));
  };
  const pair: [string[], string[]] = [out("tstrace"), out("strace")];
  expect(statuses[0]).toBe(statuses[1]);
  return pair;
}

describe("--strings-in-hex", () => {
  it("parses strace's styles, all by default, and refuses -x with it", () => {
    expect(parseArgs(["--strings-in-hex", "true"]).hex).toBe(2);
    expect(parseArgs(["--strings-in-hex=non-ascii", "true"]).hex).toBe(1);
    expect(parseArgs(["--strings-in-hex=non-ascii-chars", "true"]).hex).toBe(3);
    expect(parseArgs(["--strings-in-hex=none", "true"]).hex).toBe(0);
    const [a, b] = refusals("--strings-in-hex=bad", "true");
    expect(a).toBe(b);
    const [c, d] = refusals("-x", "--strings-in-hex=all", "true");
    expect(c).toBe(d);
  });
  it("prints as strace does, style by style", () => {
    const program = ["printf", String.raw`a\001\303\251b\n`];
    for (const style of ["none", "non-ascii-chars", "non-ascii", "all"]) {
      const [a, b] = traces([`--strings-in-hex=${style}`, "-qq", "-e", "trace=write"], program);
      expect(a).toEqual(b);
    }
  });
});

describe("--decode-pids, -Y, --pidns-translation", () => {
  it("parses strace's set, the last one given winning", () => {
    expect([...parseArgs(["-Y", "true"]).qualifiers.decodePids]).toEqual(["comm"]);
    expect([...parseArgs(["--pidns-translation", "true"]).qualifiers.decodePids]).toEqual(["pidns"]);
    expect([...parseArgs(["--decode-pids=all", "true"]).qualifiers.decodePids]).toEqual(["pidns", "comm"]);
    expect([...parseArgs(["-Y", "-e", "decode-pid=none", "true"]).qualifiers.decodePids]).toEqual([]);
    const [a, b] = refusals("--decode-pids=bad", "true");
    expect(a).toBe(b);
  });
  it("names each pid of the prefix as strace does, on the terminal and with -o", () => {
    // No --- SIGCHLD lines: strace names their si_pid only while the child's zombie is there.
    const command = ["sh", "-c", "true; /bin/true; exec /bin/true"];
    for (const flags of [
      ["-f", "-Y"],
      ["-f", "--decode-pids=all"],
    ]) {
      const [a, b] = traces([...flags, "-e", "trace=execve,exit_group", "-e", "signal=none"], command);
      expect(a).toEqual(b);
      expect(a.join("\n")).toContain("<true>");
    }
    // getpid's and fork's pids are named too, when they are traced processes.
    const [c, d] = traces(
      ["-Y", "-qq", "-e", "trace=getpid,gettid"],
      ["/usr/bin/python3", "-c", "import os\nos.getpid()"],
    );
    expect(c).toEqual(d);
    expect(c.join("\n")).toMatch(/getpid\(\) += PID1<python3>/);
    const a = tstrace("-f", "-Y", "-e", "trace=exit_group", "-e", "signal=none", ...command);
    const b = strace("-f", "-Y", "-e", "trace=exit_group", "-e", "signal=none", ...command);
    expect(norm(a.stderr)).toEqual(norm(b.stderr));
  });
});

describe("-e sets as strace splits them", () => {
  it("names the whole set when it has no token", () => {
    for (const expr of ["read=!", "read=,", "signal=!", "status=,", "trace=!", "trace=,"]) {
      const [a, b] = refusals("-e", expr, "true");
      expect(a).toBe(b);
    }
    expect(parseArgs(["-e", "trace=read,,write", "true"]).qualifiers.trace?.size).toBe(2);
  });
  it("accepts the names of other personalities (mmap2 on x86_64), as strace does", async () => {
    expect(() => parseArgs(["-e", "trace=mmap2", "true"])).toThrow("invalid system call 'mmap2'");
    const o = await withPersonalities(() => parseArgs(["-e", "trace=mmap2,stat64,read", "true"]));
    expect([...(o.qualifiers.trace ?? [])]).toEqual([0]);
    for (const expr of ["trace=mmap2", "trace=read@x32", "trace=read@foo", "trace=9999", "trace=/^zzz"]) {
      const [a, b] = refusals("-qq", "-e", expr, "-e", "signal=none", "true");
      expect(a).toBe(b);
    }
  });
});

describe("-S and -U spellings", () => {
  it("takes strace 6.1's whole alias table", () => {
    expect(parseArgs(["-c", "-S", "time_total", "true"]).sortBy).toBe("time");
    expect(parseArgs(["-c", "-S", "syscall_name", "true"]).sortBy).toBe("name");
    expect(parseArgs(["-c", "-U", "time,calls", "true"]).summaryColumns).toEqual(["time-percent", "calls"]);
    for (const columns of ["name,syscall", "time,time_percent,x", "none", "percent"]) {
      const [a, b] = refusals("-c", "-U", columns, "true");
      expect(a).toBe(b);
    }
  });
});

describe("-e raw=, -e abbrev=, -e verbose=", () => {
  it("reads each as a syscall set, -v being abbrev=none", () => {
    const o = parseArgs(["-e", "raw=read,%file", "-e", "verbose=!stat", "true"]);
    expect(o.qualifiers.raw?.has(0)).toBe(true);
    expect(o.qualifiers.verbose?.has(4)).toBe(false);
    expect(parseArgs(["-v", "true"]).verbose).toBe(true);
    expect(parseArgs(["-v", "-e", "abbrev=read", "true"]).verbose).toBe(false);
    const [a, b] = refusals("-e", "raw=nosuch", "true");
    expect(a).toBe(b);
  });
  it("prints each call as strace does", () => {
    // One process: no signal or child whose timing could move a line.
    const program = ["ls", "-l", "/etc/hostname", "/nonexistent"];
    for (const flags of [
      ["-e", "raw=openat,close,read,execve,exit_group"],
      ["-e", "verbose=none"],
      ["-e", "verbose=!newfstatat"],
      ["-e", "abbrev=execve,newfstatat", "-e", "trace=!execve"],
      ["-v", "-e", "abbrev=newfstatat", "-e", "trace=newfstatat"],
      ["-e", "raw=%file", "-e", "verbose=%desc"],
    ]) {
      const [a, b] = traces(["-qq", ...flags], program);
      expect(a, flags.join(" ")).toEqual(b);
    }
  });
});

describe("-E, -I, -d, --silent, --silence, --quiet, -b execve", () => {
  it("parses as strace does, with its errors", () => {
    expect(parseArgs(["-E", "A=1", "-E", "B", "true"]).envChanges).toEqual(["A=1", "B"]);
    expect(parseArgs(["-I", "never_tstp", "true"]).interruptible).toBe("never_tstp");
    expect(parseArgs(["-I", "1", "true"]).interruptible).toBe("anywhere");
    expect(parseArgs(["-I", "always", "true"]).interruptible).toBe("anywhere");
    expect(parseArgs(["-o", "f", "true"]).interruptible).toBe("never");
    expect(parseArgs(["true"]).interruptible).toBe("waiting");
    expect(parseArgs(["-d", "true"]).debug).toBe(true);
    expect([...parseArgs(["--silence=exit", "true"]).qualifiers.quiet]).toEqual(["exit"]);
    expect([...parseArgs(["--quiet", "true"]).qualifiers.quiet]).toEqual(["attach", "personality"]);
    for (const args of [
      ["-I", "0"],
      ["-I", "5"],
      ["-I", "sometimes"],
      ["--quiet", "-q"],
      ["-q", "--silent=exit"],
    ]) {
      const [a, b] = refusals(...args, "true");
      expect(a).toBe(b);
    }
  });
  it("-E sets and removes variables of the command, in order", () => {
    const args = [
      "-E",
      "FOO=1",
      "-E",
      "HOME",
      "-E",
      "FOO=2",
      "-qq",
      "-e",
      "trace=none",
      "sh",
      "-c",
      "echo $FOO $HOME.",
    ];
    expect(tstrace(...args).stdout).toBe(strace(...args).stdout);
    expect(tstrace(...args).stdout).toBe("2 .\n");
  });
  it("-b execve says which process it lets go, where strace says it", () => {
    const args = ["-f", "-b", "execve", "-e", "trace=execve", "sh", "-c", "/bin/true; /bin/true"];
    const named = (text: string, tracer: string): string[] =>
      norm(text.replaceAll(`${tracer}: `, "TRACER: "));
    expect(named(tstrace(...args).stderr, "tstrace")).toEqual(named(strace(...args).stderr, "strace"));
    expect(tstrace(...args).stderr).toContain("detached\n <detached ...>");
  });
});

describe("-u USER", () => {
  it("refuses an unknown user with strace's words", () => {
    const [a, b] = refusals("-u", "no-such-user-here", "true");
    expect(a).toBe(b);
  });
  it.runIf(process.getuid?.() === 0)(
    "runs the command with the user's ids and groups, set-ID bits applied",
    () => {
      const ids = "trace=getuid,geteuid,getgid,getegid,getresuid,getresgid,getgroups";
      const [a, b] = traces(["-u", "nobody", "-qq", "-e", ids], ["id"]);
      expect(a).toEqual(b);
      expect(a.join("\n")).toMatch(/getuid\(\) += 65534/);
      // passwd is set-user-ID root: strace gives it euid 0 by hand, as a traced execve does not.
      const [c, d] = traces(["-u", "nobody", "-qq", "-e", ids], ["passwd", "-S", "root"]);
      expect(c).toEqual(d);
    },
  );
});

describe("--decode-pids=comm after prctl(PR_SET_NAME)", () => {
  it("renames the thread from there on, the filter leaving prctl out or not", () => {
    const program = [
      "/usr/bin/python3",
      "-c",
      "import ctypes,os\nctypes.CDLL(None).prctl(15,b'renamed',0,0,0)\nos.getpid()",
    ];
    const [a, b] = traces(["-f", "-Y", "-qq", "-e", "trace=getpid"], program);
    expect(a).toEqual(b);
    expect(a.join("\n")).toContain("<renamed>");
  });
});

describe("--seccomp-bpf's warnings", () => {
  // Each as strace prints it, in its order: before a later mistake in the command line, and
  // "no syscalls to filter" last, with -f only.
  const cases: string[][] = [
    ["--seccomp-bpf", "-w", "/bin/true"],
    ["--seccomp-bpf", "-f", "-p", "1", "-w"],
    ["-f", "--seccomp-bpf", "-e", "trace=none", "/bin/true"],
    ["-f", "--seccomp-bpf", "-e", "trace=all", "-o", "/dev/null", "/bin/true"],
    ["-f", "--seccomp-bpf", "-o", "/dev/null", "/bin/true"],
    ["--seccomp-bpf", "-e", "trace=all", "-o", "/dev/null", "/bin/true"],
    ["-b", "execve", "--seccomp-bpf", "-f", "-o", "/dev/null", "/bin/true"],
  ];
  for (const args of cases)
    it(args.join(" "), () => {
      const [ours, theirs] = refusals(...args);
      expect(ours).toBe(theirs);
    });
});

describe("-p messages in -p order", () => {
  it("-p GOOD -p MISSING and -p MISSING -p MISSING print what strace prints, in its order", () => {
    // Each run attaches to its own short-lived process and waits for its end, as strace does;
    // the missing pids are beyond pid_max.
    const run = (tracer: typeof tstrace, pids: string[]): [number | null, string] => {
      // Long enough for a tracer to start and attach on a busy machine (strace's exit status
      // differs when the process is gone before the attach).
      const sleeper = spawn("sleep", ["5"], { stdio: "ignore" });
      try {
        const good = String(sleeper.pid);
        const args = pids.flatMap((p) => ["-p", p === "GOOD" ? good : p]);
        const r = tracer(...args, "-e", "trace=none", "-e", "signal=none");
        return [r.status, r.stderr.replace(/^t?strace: /gm, "TRACER: ").replaceAll(good, "GOOD")];
      } finally {
        sleeper.kill("SIGKILL");
      }
    };
    for (const pids of [
      ["GOOD", "99999998"],
      ["99999998", "GOOD"],
      ["99999998", "99999999"],
    ])
      expect(run(tstrace, pids), pids.join(" ")).toEqual(run(strace, pids));
  });
});

describe("-e quiet=thread-execve", () => {
  // A thread other than the leader execs: strace's `+++ superseded by execve in pid N +++` line,
  // which quiet=thread-execve (alias superseded, and -qqq) leaves out.
  const program = [
    PYTHON,
    "-c",
    "import os, threading, time\nthreading.Thread(target=lambda: os.execv('/bin/true', ['true'])).start()\ntime.sleep(30)",
  ];
  for (const flags of [[], ["--quiet=thread-execve"], ["-e", "quiet=superseded"], ["-qqq"]])
    it(flags.join(" ") || "(default)", () => {
      const [ours, theirs] = traces(["-f", ...flags, "-e", "trace=execve"], program);
      expect(ours).toEqual(theirs);
      expect(ours.some((l) => l.includes("superseded by execve"))).toBe(flags.length === 0);
    });
});
