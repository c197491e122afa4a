import { describe, expect, it } from "vitest";
import { compareLines } from "../src/compare.js";
import { deinterleave } from "../src/interleaving.js";
import { normaliseTrace } from "../src/normalise.js";

describe("normaliseTrace", () => {
  it("masks a netlink conversation's live values: sequence numbers, ports, counters, padding", () => {
    const [line] = normaliseTrace(
      "recvmsg(3<NETLINK:[ROUTE:2533717477]>, {msg_name={sa_family=AF_NETLINK, nl_pad=0x2e66, nl_pid=-791370311, nl_groups=00000000}, " +
        "msg_iov=[{iov_base=[{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=1796604595, nlmsg_pid=4242}, " +
        "{rx_packets=594530, ifa_valid=4294967295}]}]}, 0) = 20\n",
    );
    expect(line).toBe(
      "recvmsg(3<NETLINK:[ROUTE:PORT]>, {msg_name={sa_family=AF_NETLINK, nl_pid=PORT, nl_groups=00000000}, " +
        "msg_iov=[{iov_base=[{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=N, nlmsg_pid=PORT}, " +
        "{rx_packets=N, ifa_valid=N}]}]}, 0) = 20",
    );
  });
  it("hides what a process reads of its own live /proc files until it closes them", () => {
    const lines = normaliseTrace(
      [
        'openat(AT_FDCWD, "/proc/self/maps", O_RDONLY|O_CLOEXEC) = 17',
        'read(17, "0 fe:00 339903                  "..., 1024) = 1024',
        "close(17)                               = 0",
        'openat(AT_FDCWD, "a.txt", O_RDONLY) = 17',
        'read(17, "alpha\\n", 6) = 6',
        "",
      ].join("\n"),
    );
    expect(lines[1]).toBe('read(17, "LIVE", 1024) = 1024');
    expect(lines[4]).toBe('read(17, "alpha\\n", 6) = 6');
  });
  it("names mkstemp's files by order of creation, wherever the trace names them", () => {
    const trace = (name: string): string[] =>
      normaliseTrace(
        [
          `openat(AT_FDCWD, ".git/objects/4a/tmp_obj_${name}", O_RDWR|O_CREAT|O_EXCL, 0444) = 5`,
          `unlink(".git/objects/4a/tmp_obj_${name}") = 0`,
          'openat(AT_FDCWD, "a.txt", O_RDONLY) = 5',
          "",
        ].join("\n"),
      );
    expect(trace("Ga4NFo")).toEqual(trace("b3fOKy"));
    expect(trace("Ga4NFo")[1]).toBe('unlink(".git/objects/4a/tmp_obj_TMP1__") = 0');
    expect(trace("Ga4NFo")[2]).toBe('openat(AT_FDCWD, "a.txt", O_RDONLY) = 5');
  });
  it("names mkstemps' files too: six random characters before a suffix (gcc's /tmp/ccXXXXXX.s)", () => {
    const trace = (name: string): string[] =>
      normaliseTrace(
        [
          `openat(AT_FDCWD, "/tmp/cc${name}.s", O_RDWR|O_CREAT|O_EXCL, 0600) = 3`,
          `unlink("/tmp/cc${name}.s") = 0`,
          "",
        ].join("\n"),
      );
    expect(trace("voILGv")).toEqual(trace("CUUZVN"));
    expect(trace("voILGv")[1]).toBe('unlink("/tmp/ccTMP1__.s") = 0');
  });
  it("replaces long hex addresses but keeps short numbers", () => {
    const [line] = normaliseTrace("mmap(NULL, 8192, PROT_READ, MAP_PRIVATE, 3, 0x7000) = 0x7f2222701000\n");
    expect(line).toBe("mmap(NULL, 8192, PROT_READ, MAP_PRIVATE, 3, 0x7000) = 0xADDR");
  });
  it("names pids by order of appearance", () => {
    const lines = normaliseTrace("set_tid_address(0x7f222244bad0)         = 2833\nkill(2833, SIGKILL) = 0\n");
    expect(lines).toEqual(["set_tid_address(0xADDR) = PID1", "kill(PID1, SIGKILL) = 0"]);
  });
  it("pads a pid prefix the same whatever the pid's width", () => {
    const wide = normaliseTrace("12345 getpid()                  = 12345\n[pid 12346] close(3) = 0\n");
    const narrow = normaliseTrace("1234  getpid()                  = 1234\n[pid  1235] close(3) = 0\n");
    expect(narrow).toEqual(wide);
    expect(wide).toEqual(["PID1 getpid() = PID1", "[pid PID2] close(3) = 0"]);
  });
  it("ignores padding a pid's width moved (pids cross a digit as they grow)", () => {
    const narrow = normaliseTrace("getpid() = 9999\nkill(9999, 0)                            = 0\n");
    const wide = normaliseTrace("getpid() = 10000\nkill(10000, 0)                           = 0\n");
    expect(narrow).toEqual(wide);
    expect(wide).toEqual(["getpid() = PID1", "kill(PID1, 0) = 0"]);
  });
  it("hides getrandom's random bytes", () => {
    const [line] = normaliseTrace('getrandom("\\xd1\\xb0\\xf1\\x97", 8, GRND_NONBLOCK) = 8');
    expect(line).toBe('getrandom("RANDOM", 8, GRND_NONBLOCK) = 8');
  });
  it("hides ephemeral ports but keeps well-known ones", () => {
    const [a, b] = normaliseTrace(
      'connect(3, {sa_family=AF_INET, sin_port=htons(43211), sin_addr=inet_addr("127.0.0.1")}, 16) = 0\n' +
        'connect(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}, 16) = 0\n',
    );
    expect(a).toContain("sin_port=htons(EPHEMERAL)");
    expect(b).toContain("sin_port=htons(80)");
  });
  it("hides live machine counters", () => {
    const [line] = normaliseTrace("sysinfo({uptime=1234, loads=[1, 2, 3], totalram=100, freeram=42}) = 0");
    expect(line).toBe("sysinfo({uptime=N, loads=N, totalram=100, freeram=N}) = 0");
  });
  it("hides getrandom's bytes behind a pid prefix too", () => {
    const [line] = normaliseTrace('123   getrandom("\\x01", 1, 0) = 1');
    expect(line).toBe('PID1 getrandom("RANDOM", 1, 0) = 1');
  });
  it("ignores padding that moved with an address's length, but keeps it elsewhere", () => {
    const [a, b, c] = normaliseTrace(
      "brk(0x1ffe000)                          = 0x1ffe000\nbrk(0x20a1000)                          = 0x20a1000\nclose(3)                                = 0\n",
    );
    expect(a).toBe("brk(0xADDR) = 0xADDR");
    expect(b).toBe(a);
    expect(c).toBe("close(3)                                = 0");
  });
  it("hides wall-clock times and their date comments, and epoll's stack bits", () => {
    const [t, e] = normaliseTrace(
      "utimensat(4, NULL, [{tv_sec=1795433383, tv_nsec=905438028} /* 2026-11-23T11:29:43.905438028+0000 */, UTIME_OMIT], 0) = 0\n" +
        "epoll_wait(5, [{events=EPOLLIN, data={u32=3, u64=139655156596739}}], 1023, 100) = 1\n",
    );
    expect(t).toBe("utimensat(4, NULL, [{tv_sec=TIME, tv_nsec=NS} /* DATE */, UTIME_OMIT], 0) = 0");
    expect(e).toBe("epoll_wait(5, [{events=EPOLLIN, data={u32=3, u64=N}}], 1023, 100) = 1");
  });
  it("hides what rt_sigreturn restores (the interrupted call's result)", () => {
    const [a, b] = normaliseTrace(
      "rt_sigreturn({mask=[]})                 = 4242\nrt_sigreturn({mask=[]})                 = -1 ENOENT (No such file or directory)\n",
    );
    expect(a).toBe("rt_sigreturn({mask=[]})                 = RESTORED");
    expect(b).toBe(a);
  });
  it("hides a child's CPU ticks in SIGCHLD's siginfo", () => {
    const [a] = normaliseTrace(
      "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=7, si_uid=0, si_status=0, si_utime=0, si_stime=1 /* 0.01 s */} ---",
    );
    expect(a).toBe(
      "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=7, si_uid=0, si_status=0, si_utime=N, si_stime=N} ---",
    );
  });
  it("does not hide ordinary strings", () => {
    const [line] = normaliseTrace('write(1, "hello\\n", 6) = 6');
    expect(line).toBe('write(1, "hello\\n", 6) = 6');
  });
});

describe("compareLines", () => {
  it("counts matching lines in order", () => {
    const r = compareLines(["a", "b", "c", "d"], ["a", "c", "x", "d"]);
    expect(r.matched).toBe(3);
    expect(r.total).toBe(4);
    expect(r.missing).toEqual(["b"]);
    expect(r.extra).toEqual(["x"]);
  });
  it("counts a reordered line as a difference", () => {
    expect(compareLines(["a", "b"], ["b", "a"]).matched).toBe(1);
  });
});

describe("deinterleave", () => {
  it("joins unfinished and resumed lines and groups each process's lines, parents first", () => {
    const trace = [
      "10 clone(child_stack=NULL, flags=SIGCHLD) = 11",
      "11 set_robust_list(0x7f0000000000, 24 <unfinished ...>",
      "10 wait4(-1,  <unfinished ...>",
      "11 <... set_robust_list resumed>)   = 0",
      "11 exit_group(0)                     = ?",
      "11 +++ exited with 0 +++",
      "10 <... wait4 resumed>NULL, 0, NULL) = 11",
    ];
    expect(deinterleave(trace)).toEqual([
      "10 clone(child_stack=NULL, flags=SIGCHLD) = 11",
      "10 wait4(-1, NULL, 0, NULL) = 11",
      "11 set_robust_list(0x7f0000000000, 24) = 0",
      "11 exit_group(0) = ?",
      "11 +++ exited with 0 +++",
    ]);
  });
  it("gives the same order whichever process the scheduler ran first", () => {
    const a = ["10 clone(flags=SIGCHLD) = 11", '10 write(1, "x", 1) = 1', "11 close(3) = 0"];
    const b = ["11 close(3) = 0", "10 clone(flags=SIGCHLD) = 11", '10 write(1, "x", 1) = 1'];
    // b's first line is the child's: only the clone return makes 10 the parent.
    expect(normaliseTrace(b.join("\n"))).toEqual(normaliseTrace(a.join("\n")));
    expect(normaliseTrace(b.join("\n"))[0]).toBe("PID1 clone(flags=SIGCHLD) = PID2");
  });
  it("leaves a single-process trace alone", () => {
    expect(deinterleave(["close(3) = 0", "exit_group(0) = ?"])).toEqual([
      "close(3) = 0",
      "exit_group(0) = ?",
    ]);
  });
});

// Lines strace 6.1 printed with -t/--timestamps, -r and -T (-o, so -f's prefix is `N     `).
describe("timestamps and syscall times", () => {
  const one = (line: string): string => normaliseTrace(`${line}\n`)[0] as string;
  it("hides the digits of each precision and keeps the shape", () => {
    expect(one("14:03:05 getpid()                       = 21171")).toBe(
      "HH:MM:SS getpid()                       = PID1",
    );
    expect(one("14:03:05.725 getpid()                   = 21196")).toBe(
      "HH:MM:SS.fff getpid()                   = PID1",
    );
    expect(one("1795442585.746326657 getpid()           = 21201")).toBe(
      "EPOCH.fffffffff getpid()           = PID1",
    );
    expect(one("1795442585 getpid()                     = 21206")).toBe(
      "EPOCH getpid()                     = PID1",
    );
    expect(one("     0.000560 getpid()                  = 21236")).toBe(
      "     N.ffffff getpid()                  = PID1",
    );
    expect(one("     0 getpid()                         = 21243")).toBe(
      "     N getpid()                         = PID1",
    );
    expect(one("getpid()                                = 21281 <0.000009367>")).toBe(
      "getpid()                                = PID1 <N.fffffffff>",
    );
    expect(one("getpid()                                = 21263 <0>")).toBe(
      "getpid()                                = PID1 <N>",
    );
    expect(one("14:03:06.138805 (+     0.000532) getpid() = 21320")).toBe(
      "HH:MM:SS.ffffff (+     N.ffffff) getpid() = PID1",
    );
  });
  it("a different precision still differs", () => {
    expect(one("14:03:05.725 getpid()                   = 21196")).not.toBe(
      one("14:03:05.675786 getpid()                = 21196"),
    );
    expect(one("getpid() = 1 <0.000>")).not.toBe(one("getpid() = 1 <0.000009>"));
  });
  it("steps over the columns after a pid prefix, on +++, --- and resumed lines", () => {
    const trace = [
      "7886  1795442923.044 read(3,  <unfinished ...>",
      "7927  1795442923.055 getpid()     = 7927 <0.000044794>",
      '7886  1795442923.055 <... read resumed>"x", 1) = 1 <0.010872405>',
      "7927  1795442923.056 +++ exited with 0 +++",
      "7886  1795442923.056 --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=7886, si_uid=0} ---",
    ].join("\n");
    expect(normaliseTrace(trace)).toEqual([
      'PID1 EPOCH.fff read(3, "x", 1) = 1 <N.fffffffff>',
      "PID1 EPOCH.fff --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=PID1, si_uid=0} ---",
      "PID2 EPOCH.fff getpid() = PID2 <N.fffffffff>",
      "PID2 EPOCH.fff +++ exited with 0 +++",
    ]);
  });
  it("hides the length of dd's report, which carries its timing, also when -s cut it", () => {
    expect(one('write(2, "2048 bytes (2.0 kB, 2.0 KiB) cop"..., 60) = 60')).toBe(
      one('write(2, "2048 bytes (2.0 kB, 2.0 KiB) cop"..., 59) = 59'),
    );
    expect(one('write(2, "hello"..., 60) = 60')).not.toBe(one('write(2, "hello"..., 59) = 59'));
  });
  it("leaves -c's count rows alone", () => {
    expect(one("        1 execve")).toBe("        1 execve");
  });
});

describe("where a SIGCHLD lands", () => {
  const chld = (pid: number): string =>
    `--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=${pid}, si_uid=0, si_status=0, si_utime=0, si_stime=0} ---`;
  it("is not compared: before wait4, or interrupting it, gives the same lines", () => {
    const early = [
      "clone(child_stack=NULL, flags=SIGCHLD) = 51",
      chld(51),
      "rt_sigreturn({mask=[]})                 = 51",
      "wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 51",
      "exit_group(0)                           = ?",
    ];
    const interrupted = [
      "clone(child_stack=NULL, flags=SIGCHLD) = 51",
      "wait4(-1, 0x7ffd0, 0, NULL)             = ? ERESTARTSYS (To be restarted if SA_RESTART is set)",
      chld(51),
      "rt_sigreturn({mask=[]})                 = 61",
      "wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 51",
      "exit_group(0)                           = ?",
    ];
    expect(normaliseTrace(interrupted.join("\n"))).toEqual(normaliseTrace(early.join("\n")));
    expect(normaliseTrace(early.join("\n")).slice(-2)).toEqual([
      chld(51)
        .replace("51", "PID1")
        .replace(/si_([us])time=0/g, "si_$1time=N"),
      "rt_sigreturn({mask=[]})                 = RESTORED",
    ]);
  });
  it("a clone it made restart is the clone that ran", () => {
    const restarted = [
      "clone(child_stack=NULL, flags=SIGCHLD) = ? ERESTARTNOINTR (To be restarted)",
      chld(51),
      "rt_sigreturn({mask=[]}) = 0",
      "clone(child_stack=NULL, flags=SIGCHLD) = 52",
    ];
    const plain = ["clone(child_stack=NULL, flags=SIGCHLD) = 52", chld(51), "rt_sigreturn({mask=[]}) = 0"];
    expect(normaliseTrace(restarted.join("\n"))).toEqual(normaliseTrace(plain.join("\n")));
  });
  it("still counts: a missing delivery, or another signal's place, differs", () => {
    const delivered = ["wait4(-1, NULL, 0, NULL) = 51", chld(51), "rt_sigreturn({mask=[]}) = 0"];
    expect(normaliseTrace(delivered.slice(0, 1).join("\n"))).not.toEqual(
      normaliseTrace(delivered.join("\n")),
    );
    const usr1 = "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=51, si_uid=0} ---";
    expect(normaliseTrace(["getpid() = 50", usr1].join("\n"))).not.toEqual(
      normaliseTrace([usr1, "getpid() = 50"].join("\n")),
    );
  });
  it("moves within each process's story under -f", () => {
    const a = ["50    wait4(-1, NULL, 0, NULL) = 51", `50    ${chld(51)}`, "51    exit_group(0) = ?"];
    const b = [`50    ${chld(51)}`, "51    exit_group(0) = ?", "50    wait4(-1, NULL, 0, NULL) = 51"];
    expect(normaliseTrace(b.join("\n"))).toEqual(normaliseTrace(a.join("\n")));
  });
  it("orders -f children by their creation under --decode-pids=comm too", () => {
    const a = [
      "50<sh> clone(child_stack=NULL, flags=SIGCHLD) = 51<sh>",
      "51<sh> getpid() = 51",
      "50<sh> getpid() = 50",
    ];
    const b = [
      "50<sh> clone(child_stack=NULL, flags=SIGCHLD) = 51<sh>",
      "50<sh> getpid() = 50",
      "51<sh> getpid() = 51",
    ];
    expect(normaliseTrace(b.join("\n"))).toEqual(normaliseTrace(a.join("\n")));
  });
});
