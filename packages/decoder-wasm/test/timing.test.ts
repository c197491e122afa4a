// -t/--timestamps, -r and -T at each precision. Every expected line is one strace 6.1 printed
// (TZ=UTC), for `python3 -S -c 'import os,time; os.getpid(); time.sleep(0.0123); os.getpid()'`
// with -e trace=getpid,exit_group, and for a python3 -S script where a forked child writes "x"
// to a pipe the parent is reading, then the parent sends itself SIGUSR1, with
// `-f -e trace=read,write,getpid,kill,exit_group -e signal=USR1`. The record times are those
// strace printed; strace reads its clock again for each leader, so a line where its two clocks
// disagree in the printed digits is left out, and so is the child's `exit_group(0) = ?` (with,
// under -t, the parent's getpid it interrupted): strace ends it at PTRACE_EVENT_EXIT, a stop the
// records do not carry.

import { describe, expect, it } from "vitest";
import { createDecoder, type DecoderOptions } from "../dist/index.js";
import { nr } from "./helpers/nr.js";
import { at, bufArg, bufRet, concat, enter, exit, exited, newProcess, signal } from "./helpers/records.js";

/** 14:08:20 UTC, the second of the single-process runs. */
const S = 1795442900n * 1000000000n;
const MS = 1000000n;

const decode = async (options: DecoderOptions, records: Uint8Array[]): Promise<string[]> => {
  const d = await createDecoder({ utcOffsetMinutes: 0, ...options });
  return d.decodeToString(concat(...records)).split("\n");
};

/** The getpid, getpid, exit_group run: each entry time, getpid's duration, the exit time. */
function run(pid: number, t: readonly bigint[], durations: readonly bigint[]): Uint8Array[] {
  const [t1, t2, t3, t4] = t as [bigint, bigint, bigint, bigint];
  const [d1, d2] = durations as [bigint, bigint];
  return [
    at(enter(pid, nr("getpid"), []), t1),
    at(exit(pid, nr("getpid"), pid), t1 + d1),
    at(enter(pid, nr("getpid"), []), t2),
    at(exit(pid, nr("getpid"), pid), t2 + d2),
    at(enter(pid, nr("exit_group"), [0]), t3),
    at(exited(pid, 0), t4),
  ];
}

describe("absolute timestamps and -T at one precision each", () => {
  it("--timestamps=unix,ns --syscall-times=ns", async () => {
    const t = [S + 428143881n, S + 440716174n, S + 443896220n, S + 444743950n];
    const lines = await decode(
      { timestamps: { format: "unix", precision: "ns" }, syscallTimes: "ns" },
      run(6858, t, [14517n, 12193n]),
    );
    expect(lines).toEqual([
      "1795442900.428143881 getpid()           = 6858 <0.000014517>",
      "1795442900.440716174 getpid()           = 6858 <0.000012193>",
      "1795442900.443896220 exit_group(0)      = ?",
      "1795442900.444743950 +++ exited with 0 +++",
      "",
    ]);
  });

  it("--timestamps=time,ms --syscall-times=ms", async () => {
    const t = [S + 582n * MS + 400000n, S + 594n * MS + 100000n, S + 598n * MS, S + 599n * MS + 800000n];
    const lines = await decode(
      { timestamps: { format: "time", precision: "ms" }, syscallTimes: "ms" },
      run(6903, t, [14000n, 12000n]),
    );
    expect(lines).toEqual([
      "14:08:20.582 getpid()                   = 6903 <0.000>",
      "14:08:20.594 getpid()                   = 6903 <0.000>",
      "14:08:20.598 exit_group(0)              = ?",
      "14:08:20.599 +++ exited with 0 +++",
      "",
    ]);
  });

  it("--timestamps=unix,s --syscall-times=s", async () => {
    const t = [S + 100n * MS, S + 112n * MS, S + 115n * MS, S + 116n * MS];
    const lines = await decode(
      { timestamps: { format: "unix", precision: "s" }, syscallTimes: "s" },
      run(6948, t, [14000n, 12000n]),
    );
    expect(lines).toEqual([
      "1795442900 getpid()                     = 6948 <0>",
      "1795442900 getpid()                     = 6948 <0>",
      "1795442900 exit_group(0)                = ?",
      "1795442900 +++ exited with 0 +++",
      "",
    ]);
  });
});

describe("-r at each precision, alone and after an absolute timestamp", () => {
  it("-t --relative-timestamps=ns: `(+ …)` after the time of day", async () => {
    const t1 = S + 100n * MS;
    const t2 = t1 + 12575560n;
    const t3 = t2 + 2816894n;
    const t4 = t3 + 704532n;
    const d = await createDecoder({
      utcOffsetMinutes: 0,
      timestamps: "time",
      relativeTimestamps: "ns",
    });
    d.relativeBase = t1 - 16048044n;
    expect(d.decodeToString(concat(...run(6993, [t1, t2, t3, t4], [14000n, 12000n]))).split("\n")).toEqual([
      "14:08:20 (+     0.016048044) getpid()   = 6993",
      "14:08:20 (+     0.012575560) getpid()   = 6993",
      "14:08:20 (+     0.002816894) exit_group(0) = ?",
      "14:08:20 (+     0.000704532) +++ exited with 0 +++",
      "",
    ]);
    expect(d.relativeBase).toBe(t4);
  });

  it("--timestamps=unix,ns --relative-timestamps=ms", async () => {
    const t = [S + 977273691n, S + 989837719n, S + 992770611n, S + 993478108n];
    const d = await createDecoder({
      timestamps: { format: "unix", precision: "ns" },
      relativeTimestamps: "ms",
    });
    d.relativeBase = (t[0] as bigint) - 16n * MS - 300000n;
    expect(d.decodeToString(concat(...run(7038, t, [14000n, 12000n]))).split("\n")).toEqual([
      "1795442900.977273691 (+     0.016) getpid() = 7038",
      "1795442900.989837719 (+     0.012) getpid() = 7038",
      "1795442900.992770611 (+     0.002) exit_group(0) = ?",
      "1795442900.993478108 (+     0.000) +++ exited with 0 +++",
      "",
    ]);
  });

  it("--relative-timestamps=s, and the first line is 0", async () => {
    const t = [S + 100n * MS, S + 112n * MS, S + 115n * MS, S + 116n * MS];
    const lines = await decode({ relativeTimestamps: "s" }, run(7128, t, [14000n, 12000n]));
    expect(lines).toEqual([
      "     0 getpid()                         = 7128",
      "     0 getpid()                         = 7128",
      "     0 exit_group(0)                    = ?",
      "     0 +++ exited with 0 +++",
      "",
    ]);
  });
});

/** 1795442922 is 14:08:42 UTC, the second of the -f -t -T run. */
const F = 1795442922n * 1000000000n;
const usr1 = (pid: number): Uint8Array =>
  signal(pid, 10, (v) => {
    v.setInt32(8, 0, true); // SI_USER
    v.setUint32(16, pid, true);
    v.setUint32(20, 0, true);
  });

describe("-f: pid prefixes, <unfinished ...>, <... resumed>, --- and +++ lines", () => {
  it("-f -t -T", async () => {
    const [p, c] = [7730, 7826];
    const readAt = F + 400n * MS;
    const lines = await decode({ pidPrefix: "bracket", timestamps: "time", syscallTimes: true }, [
      newProcess(p, c),
      at(enter(p, nr("read"), [3, 0x7f0000001000n, 1]), readAt),
      at(enter(c, nr("getpid"), []), F + 410n * MS),
      at(exit(c, nr("getpid"), c), F + 410n * MS + 10000n),
      at(enter(c, nr("write"), [4, 0x7f0000002000n, 1], [bufArg(1, "x")]), F + 410n * MS + 50000n),
      at(exit(c, nr("write"), 1), F + 410n * MS + 65000n),
      at(exit(p, nr("read"), 1, [bufRet(1, "x")]), readAt + 10586000n),
      at(exited(c, 0), F + 412n * MS),
      at(enter(p, nr("kill"), [p, 10]), F + 413n * MS),
      at(exit(p, nr("kill"), 0), F + 413n * MS + 12000n),
      at(usr1(p), F + 413n * MS + 50000n),
      at(enter(p, nr("exit_group"), [0]), F + 414n * MS),
      at(exited(p, 0), F + 415n * MS),
    ]);
    expect(lines.slice(1)).toEqual([
      "[pid  7826] 14:08:42 getpid()           = 7826 <0.000010>",
      '[pid  7826] 14:08:42 write(4, "x", 1)   = 1 <0.000015>',
      '[pid  7730] 14:08:42 <... read resumed>"x", 1) = 1 <0.010586>',
      "[pid  7826] 14:08:42 +++ exited with 0 +++",
      "14:08:42 kill(7730, SIGUSR1)            = 0 <0.000012>",
      "14:08:42 --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=7730, si_uid=0} ---",
      "14:08:42 exit_group(0)                  = ?",
      "14:08:42 +++ exited with 0 +++",
      "",
    ]);
  });

  it("-f --timestamps=unix,ms --syscall-times=ns", async () => {
    const [p, c] = [7886, 7927];
    const G = 1795442923n * 1000000000n;
    const readAt = G + 44500000n;
    const lines = await decode(
      { pidPrefix: "bracket", timestamps: { format: "unix", precision: "ms" }, syscallTimes: "ns" },
      [
        newProcess(p, c),
        at(enter(p, nr("read"), [3, 0x7f0000001000n, 1]), readAt),
        at(enter(c, nr("getpid"), []), G + 55100000n),
        at(exit(c, nr("getpid"), c), G + 55100000n + 44794n),
        at(enter(c, nr("write"), [4, 0x7f0000002000n, 1], [bufArg(1, "x")]), G + 55200000n),
        at(exit(c, nr("write"), 1), G + 55200000n + 26840n),
        at(exit(p, nr("read"), 1, [bufRet(1, "x")]), readAt + 10872405n),
        at(enter(p, nr("getpid"), []), G + 55500000n),
        at(exit(p, nr("getpid"), p), G + 55500000n + 36479n),
        at(enter(p, nr("kill"), [p, 10]), G + 55600000n),
        at(exit(p, nr("kill"), 0), G + 55600000n + 587612n),
        at(exited(c, 0), G + 56300000n),
        at(usr1(p), G + 56400000n),
        at(enter(p, nr("exit_group"), [0]), G + 61000000n),
        at(exited(p, 0), G + 62000000n),
      ],
    );
    expect(lines).toEqual([
      "[pid  7886] 1795442923.044 read(3,  <unfinished ...>",
      "[pid  7927] 1795442923.055 getpid()     = 7927 <0.000044794>",
      '[pid  7927] 1795442923.055 write(4, "x", 1) = 1 <0.000026840>',
      '[pid  7886] 1795442923.055 <... read resumed>"x", 1) = 1 <0.010872405>',
      "[pid  7886] 1795442923.055 getpid()     = 7886 <0.000036479>",
      "[pid  7886] 1795442923.055 kill(7886, SIGUSR1) = 0 <0.000587612>",
      "[pid  7927] 1795442923.056 +++ exited with 0 +++",
      "1795442923.056 --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=7886, si_uid=0} ---",
      "1795442923.061 exit_group(0)            = ?",
      "1795442923.062 +++ exited with 0 +++",
      "",
    ]);
  });
});

describe("the relative clock handed between decoders (-ff)", () => {
  it("is null before any line and survives a round trip", async () => {
    const d = await createDecoder({ relativeTimestamps: "us" });
    expect(d.relativeBase).toBeNull();
    d.relativeBase = 1795442900123456789n;
    expect(d.relativeBase).toBe(1795442900123456789n);
    d.relativeBase = null;
    expect(d.relativeBase).toBeNull();
  });
});
