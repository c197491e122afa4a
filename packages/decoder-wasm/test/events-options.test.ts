// Non-syscall lines under -n, -i, -e signal=, timestamps and detach. Every expected line is one
// strace 6.1 printed: `strace -n true`, `strace -n sh -c 'kill -USR1 $$'`, `strace -i …`,
// `strace -e signal=none sh -c 'kill -USR1 $$'`, `strace -tt true`, `strace -r true`,
// `strace -p PID` interrupted with ^C while PID sat in wait4.

import { describe, expect, it } from "vitest";
import { createDecoder } from "../dist/index.js";
import { nr } from "./helpers/nr.js";
import {
  at,
  concat,
  detached,
  enter,
  exit,
  exited,
  groupStop,
  newProcess,
  signal,
  withIp,
} from "./helpers/records.js";

const usr1 = (pid: number, sender: number): Uint8Array =>
  signal(pid, 10, (v) => {
    v.setInt32(8, 0, true); // SI_USER
    v.setUint32(16, sender, true);
    v.setUint32(20, 0, true);
  });

describe("-n on non-syscall lines (the pid's last syscall number)", () => {
  it("+++ exited after exit_group", async () => {
    const d = await createDecoder({ syscallNumbers: true });
    const out = d.decodeToString(concat(enter(1, nr("exit_group"), [0]), exited(1, 0)));
    expect(out).toBe("[ 231] exit_group(0)                    = ?\n[ 231] +++ exited with 0 +++\n");
  });

  it("--- SIGUSR1 and +++ killed by after kill", async () => {
    const d = await createDecoder({ syscallNumbers: true });
    const out = d.decodeToString(
      concat(
        enter(24701, nr("kill"), [24701, 10]),
        exit(24701, nr("kill"), 0),
        usr1(24701, 24701),
        exited(24701, 10),
      ),
    );
    expect(out).toBe(
      "[  62] kill(24701, SIGUSR1)             = 0\n" +
        "[  62] --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=24701, si_uid=0} ---\n" +
        "[  62] +++ killed by SIGUSR1 +++\n",
    );
  });
});

describe("-i on non-syscall lines", () => {
  it("the signal line has the syscall's ip, the exit line none", async () => {
    const d = await createDecoder({ instructionPointer: true });
    const out = d.decodeToString(
      concat(
        withIp(enter(25156, nr("kill"), [25156, 10]), 0x7f8acbfcd267n),
        exit(25156, nr("kill"), 0),
        usr1(25156, 25156),
        exited(25156, 10),
      ),
    );
    expect(out).toBe(
      "[00007f8acbfcd267] kill(25156, SIGUSR1) = 0\n" +
        "[00007f8acbfcd267] --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=25156, si_uid=0} ---\n" +
        "[????????????????] +++ killed by SIGUSR1 +++\n",
    );
  });

  it("-n -i together", async () => {
    const d = await createDecoder({ syscallNumbers: true, instructionPointer: true });
    const out = d.decodeToString(
      concat(withIp(enter(1, nr("exit_group"), [0]), 0x7ff069884409n), exited(1, 0)),
    );
    expect(out).toBe(
      "[ 231] [00007ff069884409] exit_group(0) = ?\n[ 231] [????????????????] +++ exited with 0 +++\n",
    );
  });
});

describe("-i on a signal that carries its own ip", () => {
  // strace -if ./pc of strace's suite (a child jumps into a page it unmapped): the SIGSEGV line
  // shows where the thread stopped, the fault address, not its last syscall's ip.
  const segv = (pid: number, addr: bigint): Uint8Array =>
    signal(
      pid,
      11,
      (v) => {
        v.setInt32(8, 1, true); // SEGV_MAPERR
        v.setBigUint64(16, addr, true);
      },
      addr,
    );
  const trace = concat(
    withIp(enter(2990, nr("munmap"), [0x56224d104000, 12288]), 0x7f0c82128a07n),
    exit(2990, nr("munmap"), 0),
    segv(2990, 0x56224d1052d5n),
    exited(2990, 11),
  );

  it("prints the stop's ip on the --- line", async () => {
    const d = await createDecoder({ instructionPointer: true });
    const lines = d.decodeToString(trace).split("\n");
    expect(lines.slice(1)).toEqual([
      "[000056224d1052d5] --- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x56224d1052d5} ---",
      "[????????????????] +++ killed by SIGSEGV +++",
      "",
    ]);
  });

  it("gives it as the event's ip in JSON", async () => {
    const d = await createDecoder({ instructionPointer: true, json: true });
    const events = d
      .decodeToString(trace)
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { type: string; ip?: string | null });
    expect(events.find((e) => e.type === "signal")?.ip).toBe("000056224d1052d5");
    expect(events.find((e) => e.type === "killed")?.ip).toBeNull();
  });

  it("a group-stop's line shows its own ip too; a record without one, the last syscall's", async () => {
    const d = await createDecoder({ instructionPointer: true });
    const out = d.decodeToString(
      concat(
        withIp(enter(7, nr("getpid"), []), 0x7f0000001000n),
        exit(7, nr("getpid"), 7),
        groupStop(7, 19, 0x55550000abcdn),
        groupStop(7, 19),
      ),
    );
    expect(out.split("\n").slice(1, 3)).toEqual([
      "[000055550000abcd] --- stopped by SIGSTOP ---",
      "[00007f0000001000] --- stopped by SIGSTOP ---",
    ]);
  });

  it("without -i, the line is the same as ever", async () => {
    const d = await createDecoder({});
    expect(d.decodeToString(trace)).toContain(
      "\n--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x56224d1052d5} ---\n",
    );
  });
});

describe("-e signal=", () => {
  const killSelf = concat(
    enter(24706, nr("kill"), [24706, 10]),
    exit(24706, nr("kill"), 0),
    usr1(24706, 24706),
    exited(24706, 10),
  );

  it("signal=none hides --- SIG and +++ killed by", async () => {
    const d = await createDecoder({ signals: [] });
    expect(d.decodeToString(killSelf)).toBe("kill(24706, SIGUSR1)                    = 0\n");
  });

  it("signal=none keeps +++ exited", async () => {
    const d = await createDecoder({ signals: [] });
    expect(d.decodeToString(concat(enter(1, nr("exit_group"), [0]), exited(1, 0)))).toBe(
      "exit_group(0)                           = ?\n+++ exited with 0 +++\n",
    );
  });

  it("signal=USR1 prints USR1 only", async () => {
    const d = await createDecoder({ signals: [10] });
    const chld = signal(30243, 17, (v) => v.setInt32(8, 1, true));
    expect(d.decodeToString(concat(chld, usr1(30243, 30243), exited(30243, 10)))).toBe(
      "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=30243, si_uid=0} ---\n+++ killed by SIGUSR1 +++\n",
    );
  });

  it("default prints every signal", async () => {
    const d = await createDecoder();
    expect(d.decodeToString(killSelf)).toBe(
      "kill(24706, SIGUSR1)                    = 0\n" +
        "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=24706, si_uid=0} ---\n" +
        "+++ killed by SIGUSR1 +++\n",
    );
  });
});

describe("detached mid-syscall", () => {
  it("ends the pending line with <detached ...>", async () => {
    const d = await createDecoder();
    expect(
      d.decodeToString(concat(enter(28220, nr("wait4"), [-1, 0x7ffc0000n, 0, 0]), detached(28220))),
    ).toBe("wait4(-1,  <detached ...>\n");
  });

  it("status=successful drops the detached line", async () => {
    const d = await createDecoder({ status: ["successful"] });
    expect(d.decodeToString(concat(enter(5, nr("wait4"), [-1, 0x7ffc0000n, 0, 0]), detached(5)))).toBe("");
    expect(d.decodeToString(concat(enter(6, nr("close"), [3]), exit(6, nr("close"), 0)))).toBe(
      "close(3)                                = 0\n",
    );
  });
});

describe("timestamps on +++ and --- lines", () => {
  const T0 = 1795430339666946000n; // 10:38:59.666946 UTC
  it("-tt", async () => {
    const d = await createDecoder({ timestamps: "micro", utcOffsetMinutes: 0 });
    const out = d.decodeToString(
      concat(at(enter(1, nr("exit_group"), [0]), T0), at(exited(1, 0), T0 + 122000n)),
    );
    expect(out).toBe("10:38:59.666946 exit_group(0)           = ?\n10:38:59.667068 +++ exited with 0 +++\n");
  });

  it("-r", async () => {
    const d = await createDecoder({ timestamps: "relative" });
    const out = d.decodeToString(
      concat(
        at(enter(1, nr("munmap"), [0x7f0000000000n, 4096]), T0),
        at(exit(1, nr("munmap"), 0), T0 + 10000n),
        at(enter(1, nr("exit_group"), [0]), T0 + 67000n),
        at(exited(1, 0), T0 + 172000n),
      ),
    );
    expect(out.split("\n").slice(1)).toEqual([
      "     0.000067 exit_group(0)             = ?",
      "     0.000105 +++ exited with 0 +++",
      "",
    ]);
  });

  it("-ttt -T: no <time> on --- and +++ lines", async () => {
    const d = await createDecoder({ timestamps: "epoch", syscallTimes: true });
    const t = 1795430339683651000n;
    const out = d.decodeToString(
      concat(
        at(enter(24726, nr("kill"), [24726, 10]), t),
        at(exit(24726, nr("kill"), 0), t + 19000n),
        at(usr1(24726, 24726), t + 50000n),
        at(exited(24726, 10), t + 194000n),
      ),
    );
    expect(out).toBe(
      "1795430339.683651 kill(24726, SIGUSR1)  = 0 <0.000019>\n" +
        "1795430339.683701 --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=24726, si_uid=0} ---\n" +
        "1795430339.683845 +++ killed by SIGUSR1 +++\n",
    );
  });
});

describe("-e trace= in the decoder keeps the -n number of untraced syscalls", () => {
  it("strace -n -e trace=close true", async () => {
    const d = await createDecoder({ syscallNumbers: true, syscalls: [nr("close")] });
    const out = d.decodeToString(
      concat(
        enter(1, nr("openat"), [-100, 0, 0o2000000, 0]),
        exit(1, nr("openat"), 3),
        enter(1, nr("close"), [3]),
        exit(1, nr("close"), 0),
        enter(1, nr("exit_group"), [0]),
        exited(1, 0),
      ),
    );
    expect(out).toBe("[   3] close(3)                         = 0\n[ 231] +++ exited with 0 +++\n");
  });

  it("the tracer filtered exit_group out: the EXIT record names it", async () => {
    const d = await createDecoder({ syscallNumbers: true, syscalls: [nr("close")] });
    const out = d.decodeToString(
      concat(enter(1, nr("close"), [3]), exit(1, nr("close"), 0), exited(1, 0, nr("exit_group"))),
    );
    expect(out).toBe("[   3] close(3)                         = 0\n[ 231] +++ exited with 0 +++\n");
  });

  it("an untraced call does not cut another pid's open line", async () => {
    const d = await createDecoder({ pidPrefix: "bracket", syscalls: [nr("close")] });
    const out = d.decodeToString(
      concat(
        enter(1, nr("close"), [3]),
        enter(2, nr("read"), [0, 0, 1]),
        exit(2, nr("read"), 1),
        exit(1, nr("close"), 0),
      ),
    );
    expect(out).toBe("close(3)                                = 0\n");
  });
});

describe("attachNotice: strace's `Process N attached` on the terminal", () => {
  // strace -f sh -c '/bin/true; exit 0' printed: `vfork(strace: Process 25947 attached` then
  // ` <unfinished ...>` and the child's lines.
  it("inside the parent's open line, which keeps its column", async () => {
    const d = await createDecoder({ pidPrefix: "bracket", attachNotice: "tstrace: " });
    const out = d.decodeToString(
      concat(
        enter(100, nr("vfork"), []),
        newProcess(100, 101),
        enter(101, nr("close"), [3]),
        exit(101, nr("close"), 0),
        exit(100, nr("vfork"), 101),
      ),
    );
    expect(out).toBe(
      "vfork(tstrace: Process 101 attached\n" +
        " <unfinished ...>\n" +
        "[pid   101] close(3)                    = 0\n" +
        "[pid   100] <... vfork resumed>)        = 101\n",
    );
  });

  it("before a line status= may still drop, and not at all without the option", async () => {
    const d = await createDecoder({ attachNotice: "tstrace: ", status: ["failed"] });
    const out = d.decodeToString(
      concat(enter(100, nr("vfork"), []), newProcess(100, 101), exit(100, nr("vfork"), 101)),
    );
    expect(out).toBe("tstrace: Process 101 attached\n");
    const plain = await createDecoder();
    expect(plain.decodeToString(concat(enter(100, nr("vfork"), []), newProcess(100, 101)))).toBe("");
  });
});

describe("detach notices (strace's `Process N detached`, trace on stderr)", () => {
  // `strace -f sh -c 'sleep 71 & wait'` interrupted: the notice goes inside the open line, which
  // then ends with ` <detached ...>`; a pid without an open line gets the notice alone.
  it("inside the open line of the pid let go, and alone for another pid", async () => {
    const d = await createDecoder({ attachNotice: "strace: " });
    const out = d.decodeToString(concat(enter(7, nr("pause"), []), detached(8), detached(7)));
    expect(out).toBe("pause(strace: Process 8 detached\nstrace: Process 7 detached\n <detached ...>\n");
  });

  it("no notice without attachNotice (trace in a file: main prints them on stderr)", async () => {
    const d = await createDecoder({});
    const out = d.decodeToString(concat(enter(7, nr("pause"), []), detached(7)));
    expect(out).toBe("pause( <detached ...>\n");
  });
});

describe("decodeTransient", () => {
  it("gives decode's text, batch after batch, with lines left open between them", async () => {
    const batches = [
      concat(enter(7, nr("getpid"), []), exit(7, nr("getpid"), 7), enter(7, nr("pause"), [])),
      concat(enter(8, nr("getppid"), [])),
      concat(exit(8, nr("getppid"), 7), exited(8, 0), detached(7)),
    ];
    const copying = await createDecoder({});
    const lending = await createDecoder({});
    for (const b of batches) {
      const expected = new TextDecoder().decode(copying.decode(b));
      expect(new TextDecoder().decode(lending.decodeTransient(b))).toBe(expected);
    }
    expect(new TextDecoder().decode(lending.finish())).toBe(new TextDecoder().decode(copying.finish()));
  });
});
