import { closeSync, openSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ARRAY_POINTERS,
  ArrayPointersWord,
  AuditArch,
  CaptureKind,
  CaptureStatus,
  CaptureWhen,
  RecordType,
  SelectorMatch,
  SignalBody,
  SignalFlags,
} from "../../core/src/record-format.ts";
import { spawnTraced } from "../src/index.ts";
import { buildPlan, defaultPlan, EMPTY_PLAN, NR } from "./helpers/plan.ts";
import { PYTHON } from "./helpers/procs.ts";
import { parseIovec, parseStringArray, text } from "./helpers/records.ts";
import { trace } from "./helpers/trace.ts";

describe("spawnTraced", () => {
  it("/bin/true: starts at its own execve, ends with exit_group and EXIT 0", async () => {
    const { result, records } = await trace({ argv: ["/bin/true"], capturePlan: defaultPlan() });
    expect(result).toMatchObject({ status: 0, exitCode: 0, signal: null, coreDumped: false });
    const first = records[0]!;
    expect(first.type).toBe(RecordType.SYSCALL_ENTER);
    expect(first.arch).toBe(AuditArch.x86_64);
    expect(first.nr).toBe(NR.execve);
    const [path, argv, envp] = first.captures!;
    expect(path).toMatchObject({ arg: 0, kind: CaptureKind.CSTRING, status: CaptureStatus.OK });
    expect(text(path!.data)).toBe("/bin/true");
    expect(argv).toMatchObject({ arg: 1, kind: CaptureKind.STRING_ARRAY, status: CaptureStatus.OK });
    expect(parseStringArray(argv!.data)).toEqual({ total: 1, strings: [{ status: 0, text: "/bin/true" }] });
    const env = parseStringArray(envp!.data);
    expect(env.strings).toEqual([]);
    expect(env.total).toBe(Object.values(process.env).filter((v) => v !== undefined).length);
    // execve ENTER, EXEC event, execve EXIT = 0
    expect(records[1]).toMatchObject({ type: RecordType.EXEC, value: first.pid });
    expect(records[2]).toMatchObject({
      type: RecordType.SYSCALL_EXIT,
      nr: NR.execve,
      rval: 0n,
      isError: false,
    });
    const last = records.at(-1)!;
    expect(last).toMatchObject({ type: RecordType.EXIT, status: 0, pid: first.pid });
    // PTRACE_EVENT_EXIT comes between exit_group's entry and the exit status
    expect(records.at(-2)).toMatchObject({ type: RecordType.EXITING, pid: first.pid });
    const beforeLast = records.at(-3)!;
    expect(beforeLast).toMatchObject({ type: RecordType.SYSCALL_ENTER, nr: NR.exit_group });
    expect(beforeLast.args![0]).toBe(0n);
    // Every record belongs to the spawned pid, timestamps never go backwards.
    for (let i = 1; i < records.length; i++) {
      expect(records[i]!.pid).toBe(first.pid);
      expect(records[i]!.timeNs >= records[i - 1]!.timeNs).toBe(true);
    }
    // ENTER/EXIT alternate, EXIT carries the entry's number.
    const sys = records.filter(
      (r) => r.type === RecordType.SYSCALL_ENTER || r.type === RecordType.SYSCALL_EXIT,
    );
    for (let i = 0; i + 1 < sys.length; i += 2) {
      expect(sys[i]!.type).toBe(RecordType.SYSCALL_ENTER);
      expect(sys[i + 1]).toMatchObject({ type: RecordType.SYSCALL_EXIT, nr: sys[i]!.nr });
    }
  });

  it("resolves argv[0] through PATH, keeps it as typed in argv", async () => {
    const { result, records } = await trace({ argv: ["false"], capturePlan: defaultPlan() });
    expect(result.exitCode).toBe(1);
    expect(result.signal).toBeNull();
    const [path, argv] = records[0]!.captures!;
    expect(text(path!.data)).toMatch(/^\/.*\/false$/);
    expect(parseStringArray(argv!.data).strings.map((s) => s.text)).toEqual(["false"]);
  });

  it("reports a kill by signal", async () => {
    const { result, records } = await trace({ argv: ["sh", "-c", "kill -9 $$"], capturePlan: EMPTY_PLAN });
    expect(result).toMatchObject({ status: 9, exitCode: null, signal: 9, coreDumped: false });
    expect(records.at(-1)).toMatchObject({ type: RecordType.EXIT, status: 9 });
  });

  it("captures read's buffer at exit (BUFFER_RET_LEN)", async () => {
    const { result, records } = await trace({
      // stdout of a vitest worker may be closed: send cat's output to /dev/null
      argv: ["sh", "-c", "exec cat /etc/hostname > /dev/null"],
      capturePlan: defaultPlan(),
    });
    expect(result.exitCode).toBe(0);
    const content = readFileSync("/etc/hostname");
    const reads = records.filter(
      (r) => r.type === RecordType.SYSCALL_EXIT && r.nr === NR.read && r.rval! > 0n,
    );
    const hit = reads.find((r) => r.captures![0] && Buffer.from(r.captures![0].data).equals(content));
    expect(hit).toBeDefined();
    expect(hit!.captures![0]).toMatchObject({
      arg: 1,
      kind: CaptureKind.BUFFER_RET_LEN,
      status: CaptureStatus.OK,
    });
    expect(hit!.rval).toBe(BigInt(content.length));
    // The final read returns 0: a capture of zero bytes.
    const eof = records.find((r) => r.type === RecordType.SYSCALL_EXIT && r.nr === NR.read && r.rval === 0n);
    expect(eof?.captures?.[0]?.data.length).toBe(0);
  });

  it("marks unreadable memory FAULT (STRUCT at a NULL argument: brk(NULL))", async () => {
    const plan = buildPlan({ 12: [{ arg: 0, kind: CaptureKind.STRUCT, when: CaptureWhen.ENTRY, size: 16 }] });
    const { records } = await trace({ argv: ["/bin/true"], capturePlan: plan });
    const brk = records.find((r) => r.type === RecordType.SYSCALL_ENTER && r.nr === 12 && r.args![0] === 0n);
    expect(brk?.captures).toEqual([
      { arg: 0, kind: CaptureKind.STRUCT, status: CaptureStatus.FAULT, data: new Uint8Array(0) },
    ]);
  });

  it("reads a STRUCT_IF only when its selector argument matches (ioctl's request)", async () => {
    // FIONBIO (0x5421) reads an int at entry; FIOASYNC (0x5452) has the same shape but no spec.
    const plan = buildPlan({
      16: [{ arg: 2, kind: CaptureKind.STRUCT_IF, when: CaptureWhen.ENTRY, lenArg: 1, size: 0x5421, max: 4 }],
    });
    const code = [
      "import fcntl,struct,os,termios",
      "fcntl.ioctl(0,termios.FIONBIO,struct.pack('i',7))",
      "fcntl.ioctl(0,termios.FIOASYNC,struct.pack('i',0))",
    ].join("\n");
    const { records } = await trace({ argv: ["/usr/bin/python3", "-c", code], capturePlan: plan });
    const ioctls = records.filter((r) => r.type === RecordType.SYSCALL_ENTER && r.nr === 16);
    const fionbio = ioctls.find((r) => r.args![1] === 0x5421n);
    const fioasync = ioctls.find((r) => r.args![1] === 0x5452n);
    expect(fionbio?.captures).toEqual([
      { arg: 2, kind: CaptureKind.STRUCT_IF, status: CaptureStatus.OK, data: new Uint8Array([7, 0, 0, 0]) },
    ]);
    expect(fioasync?.captures ?? []).toEqual([]);
  });

  it("reads one STRUCT_IF for a family of ioctl requests (any _IOC_SIZE, low index bits left out)", async () => {
    // EVIOCGBIT(ev, len) is _IOC(_IOC_READ, 'E', 0x20 + ev, len): one spec for every ev and len.
    const lenArg = 1 | SelectorMatch.ANY_IOC_SIZE | (5 << SelectorMatch.LOW_BITS_SHIFT);
    const plan = buildPlan({
      16: [
        { arg: 2, kind: CaptureKind.STRUCT_IF, when: CaptureWhen.ENTRY, lenArg, size: 0x80004520, max: 4 },
      ],
    });
    const code = [
      "import fcntl,struct",
      "for req in (0x80604521, 0x80084520, 0x80084540):",
      "  try: fcntl.ioctl(0, req, struct.pack('i',9))",
      "  except OSError: pass",
    ].join("\n");
    const { records } = await trace({ argv: ["/usr/bin/python3", "-c", code], capturePlan: plan });
    const ioctls = records.filter(
      (r) => r.type === RecordType.SYSCALL_ENTER && r.nr === 16 && r.args![0] === 0n,
    );
    const caps = (req: bigint) => ioctls.find((r) => r.args![1] === req)?.captures ?? [];
    const nine = [
      { arg: 2, kind: CaptureKind.STRUCT_IF, status: CaptureStatus.OK, data: new Uint8Array([9, 0, 0, 0]) },
    ];
    expect(caps(0x80604521n)).toEqual(nine);
    expect(caps(0x80084520n)).toEqual(nine);
    // EVIOCGABS(ABS_X) shares the type and direction, not the number.
    expect(caps(0x80084540n)).toEqual([]);
  });

  it("marks strings longer than max TRUNCATED, exactly max bytes kept", async () => {
    const plan = buildPlan({
      [NR.execve]: [
        { arg: 0, kind: CaptureKind.CSTRING, when: CaptureWhen.ENTRY, max: 4 },
        { arg: 1, kind: CaptureKind.STRING_ARRAY, when: CaptureWhen.ENTRY, size: 1, max: 3 },
      ],
    });
    const { records } = await trace({ argv: ["/bin/echo", "hello", "x"], capturePlan: plan, env: {} });
    const [path, argv] = records[0]!.captures!;
    expect(path).toMatchObject({ status: CaptureStatus.TRUNCATED });
    expect(text(path!.data)).toBe("/bin");
    const arr = parseStringArray(argv!.data);
    expect(arr.total).toBe(3);
    expect(arr.strings).toEqual([{ status: CaptureStatus.TRUNCATED, text: "/bi" }]);
  });

  it("captures write buffers at entry and iovecs (BUFFER_ARG_LEN, IOVEC)", async () => {
    const plan = defaultPlan({
      [NR.writev]: [{ arg: 1, kind: CaptureKind.IOVEC, when: CaptureWhen.ENTRY, lenArg: 2, max: 3 }],
    });
    const script =
      'import os; fd = os.open("/dev/null", os.O_WRONLY); os.write(fd, b"hello"); os.writev(fd, [b"ab", b"cd"])';
    const { result, records } = await trace({ argv: [PYTHON, "-c", script], capturePlan: plan });
    expect(result.exitCode).toBe(0);
    const write = records.find(
      (r) => r.type === RecordType.SYSCALL_ENTER && r.nr === NR.write && r.args![2] === 5n,
    );
    expect(text(write!.captures![0]!.data)).toBe("hello");
    const writev = records.find((r) => r.type === RecordType.SYSCALL_ENTER && r.nr === NR.writev);
    const iov = parseIovec(writev!.captures![0]!.data);
    expect(iov.map((e) => [e.len, e.status, text(e.bytes)])).toEqual([
      [2n, CaptureStatus.OK, "ab"],
      [2n, CaptureStatus.TRUNCATED, "c"],
    ]);
  });

  it("reports signal-delivery stops and re-injects the signal", async () => {
    const { result, records } = await trace({
      argv: ["sh", "-c", 'trap "exit 3" USR1; kill -USR1 $$; sleep 5'],
      capturePlan: EMPTY_PLAN,
    });
    expect(result.exitCode).toBe(3);
    const sig = records.find((r) => r.type === RecordType.SIGNAL);
    expect(sig?.signo).toBe(10);
    expect(new DataView(sig!.body.buffer, sig!.body.byteOffset).getInt32(8, true)).toBe(10); // si_signo
  });

  it("a SIGNAL record holds the ip the thread stopped at (a jump into an unmapped page: that address)", async () => {
    const { result, records } = await trace({
      argv: [PYTHON, "-c", "import ctypes; ctypes.CFUNCTYPE(None)(0x10000)()"],
      capturePlan: EMPTY_PLAN,
    });
    expect(result.signal).toBe(11);
    const sig = records.find((r) => r.type === RecordType.SIGNAL && r.signo === 11);
    const body = new DataView(sig!.body.buffer, sig!.body.byteOffset, sig!.body.byteLength);
    expect(body.getUint32(SignalBody.flags, true) & SignalFlags.IP).toBe(SignalFlags.IP);
    expect(body.getBigUint64(SignalBody.ip, true)).toBe(0x10000n);
  });

  it("reports group-stops and keeps the tracee stopped until SIGCONT", async () => {
    let continued = false;
    const { result, records } = await trace(
      { argv: ["sh", "-c", "kill -STOP $$; exit 5"], capturePlan: EMPTY_PLAN },
      (batch, pid) => {
        if (!continued && batch.some((r) => r.type === RecordType.GROUP_STOP)) {
          continued = true;
          setTimeout(() => process.kill(pid, "SIGCONT"), 50);
        }
      },
    );
    expect(result.exitCode).toBe(5);
    expect(records.find((r) => r.type === RecordType.GROUP_STOP)?.signo).toBe(19);
  });

  it("follows forks: NEW_PROCESS, the child's own records, its EXIT", async () => {
    const { result, records } = await trace({
      argv: ["sh", "-c", "/bin/true; exit 4"],
      capturePlan: defaultPlan(),
      followForks: true,
    });
    expect(result.exitCode).toBe(4);
    const parent = records[0]!.pid;
    const born = records.find((r) => r.type === RecordType.NEW_PROCESS);
    expect(born).toBeDefined();
    const child = born!.value!;
    expect(child).not.toBe(parent);
    const childExec = records.find(
      (r) => r.pid === child && r.type === RecordType.SYSCALL_ENTER && r.nr === NR.execve,
    );
    expect(text(childExec!.captures![0]!.data)).toBe("/bin/true");
    expect(records.find((r) => r.pid === child && r.type === RecordType.EXIT)?.status).toBe(0);
    expect(records.at(-1)).toMatchObject({ pid: parent, type: RecordType.EXIT, status: 4 << 8 });
  });

  it("does not follow forks unless asked", async () => {
    const { records } = await trace({ argv: ["sh", "-c", "/bin/true; exit 4"], capturePlan: EMPTY_PLAN });
    expect(new Set(records.map((r) => r.pid)).size).toBe(1);
    expect(records.some((r) => r.type === RecordType.NEW_PROCESS)).toBe(false);
  });

  it("kill() ends the session with SIGKILL", async () => {
    const session = spawnTraced({ argv: ["sleep", "30"], capturePlan: EMPTY_PLAN }, () => {});
    setTimeout(() => session.kill(), 100);
    const started = Date.now();
    const result = await session.done;
    expect(result.signal).toBe(9);
    expect(Date.now() - started).toBeLessThan(10_000);
    session.kill(); // after the end: a no-op
  });

  it("passes env and cwd", async () => {
    const plan = defaultPlan();
    const { result, records } = await trace({
      argv: ["sh", "-c", 'test "$FOO" = bar && test "$(pwd)" = /tmp'],
      capturePlan: plan,
      env: { FOO: "bar", PATH: "/usr/bin:/bin" },
      cwd: "/tmp",
    });
    expect(result.exitCode).toBe(0);
    expect(parseStringArray(records[0]!.captures![2]!.data).total).toBe(2);
  });

  it("inheritFds: the listed descriptors reach the command though close-on-exec, no other does", async () => {
    // Node opens files close-on-exec, like the descriptors it marks at start-up.
    const listed = openSync("/etc/hostname", "r");
    const other = openSync("/etc/hostname", "r");
    try {
      const probe = (inheritFds?: number[]) =>
        trace({
          // Exit status: 1 when the listed one arrived, + 2 when the other one did.
          argv: [
            "sh",
            "-c",
            `s=0; test -e /proc/self/fd/${listed} && s=1; test -e /proc/self/fd/${other} && s=$((s + 2)); exit $s`,
          ],
          capturePlan: EMPTY_PLAN,
          ...(inheritFds ? { inheritFds } : {}),
        });
      // sh's test is a builtin: /proc/self is sh itself.
      expect((await probe([listed])).result.exitCode).toBe(1);
      expect((await probe()).result.exitCode).toBe(0);
      expect((await probe([])).result.exitCode).toBe(0);
      expect((await probe([other, listed])).result.exitCode).toBe(3);
      expect(() =>
        spawnTraced({ argv: ["true"], capturePlan: EMPTY_PLAN, inheritFds: [2] }, () => {}),
      ).toThrow(/inheritFds\[0\] must be a descriptor number of at least 3/);
    } finally {
      closeSync(listed);
      closeSync(other);
    }
  });

  it("starts the command with default signal dispositions and an empty mask", async () => {
    const { records } = await trace({
      argv: ["sh", "-c", "exec cat /proc/self/status > /dev/null"],
      capturePlan: defaultPlan(),
    });
    const status = records
      .filter((r) => r.type === RecordType.SYSCALL_ENTER && r.nr === NR.write)
      .map((r) => text(r.captures![0]!.data))
      .join("");
    expect(status).toMatch(/^SigBlk:\s+0+$/m);
    expect(status).toMatch(/^SigIgn:\s+0+$/m);
  });

  it("a command that cannot be executed: execve fails, message, exit 1", async () => {
    const { result, records } = await trace({ argv: ["/etc/hostname"], capturePlan: defaultPlan() });
    expect(result.exitCode).toBe(1);
    expect(records.map((r) => r.type)).toEqual([
      RecordType.SYSCALL_ENTER,
      RecordType.SYSCALL_EXIT,
      RecordType.MESSAGE,
      RecordType.EXIT,
    ]);
    expect(records[1]).toMatchObject({ nr: NR.execve, isError: true, rval: -8n });
    expect(records[2]!.text).toBe("exec: Exec format error");
  });

  it("throws strace's message for a missing command", () => {
    expect(() => spawnTraced({ argv: ["nosuchcmd-tstrace"], capturePlan: EMPTY_PLAN }, () => {})).toThrow(
      "Can't stat 'nosuchcmd-tstrace': No such file or directory",
    );
    expect(() => spawnTraced({ argv: ["./nosuch"], capturePlan: EMPTY_PLAN }, () => {})).toThrow(
      "Can't stat './nosuch': No such file or directory",
    );
    // strace's words for a name longer than PATH_MAX, before any search along PATH
    expect(() => spawnTraced({ argv: ["x".repeat(4096)], capturePlan: EMPTY_PLAN }, () => {})).toThrow(
      /^exec: File name too long$/,
    );
  });

  it("validates its arguments", () => {
    const cb = (): void => {};
    expect(() => spawnTraced({ argv: [], capturePlan: EMPTY_PLAN }, cb)).toThrow(TypeError);
    expect(() => spawnTraced({ argv: ["true"], capturePlan: new Uint32Array([1, 2, 3]) }, cb)).toThrow(
      /invalid capture plan: bad magic/,
    );
    expect(() =>
      spawnTraced({ argv: ["true"], capturePlan: new Uint32Array([0x54535043, 2, 0]) }, cb),
    ).toThrow(/unsupported version 2/);
    expect(() =>
      spawnTraced({ argv: ["true"], capturePlan: new Uint32Array([0x54535043, 1, 5]) }, cb),
    ).toThrow(/offset table runs past the end/);
    // one past the last kind core defines
    const unknown = Math.max(...Object.values(CaptureKind)) + 1;
    const badKind = buildPlan({ 0: [{ arg: 0, kind: unknown, when: 1 }] });
    expect(() => spawnTraced({ argv: ["true"], capturePlan: badKind }, cb)).toThrow(
      new RegExp(`unknown capture kind ${unknown}`),
    );
    const retAtEntry = buildPlan({
      0: [{ arg: 1, kind: CaptureKind.BUFFER_RET_LEN, when: CaptureWhen.ENTRY }],
    });
    expect(() => spawnTraced({ argv: ["true"], capturePlan: retAtEntry }, cb)).toThrow(
      /BUFFER_RET_LEN at entry/,
    );
    // uring: an array of pointers to 64-byte structs whose pointer field would lie past the struct
    const pointerOutside = buildPlan({
      0: [
        {
          arg: 2,
          kind: CaptureKind.ARRAY,
          when: CaptureWhen.ENTRY,
          lenArg:
            1 |
            ARRAY_POINTERS |
            (60 << ArrayPointersWord.PTR_OFFSET) |
            (32 << ArrayPointersWord.COUNT_OFFSET),
          size: 64 | (16 << 16),
          max: 512,
        },
      ],
    });
    expect(() => spawnTraced({ argv: ["true"], capturePlan: pointerOutside }, cb)).toThrow(
      /pointer array spec/,
    );
    expect(() => spawnTraced({ argv: ["true"], capturePlan: EMPTY_PLAN, batchBytes: 0 }, cb)).toThrow(
      RangeError,
    );
    expect(() => spawnTraced({ argv: ["true"], capturePlan: EMPTY_PLAN, cwd: "/nonexistent" }, cb)).toThrow(
      "Can't chdir to '/nonexistent': No such file or directory",
    );
  });

  it("rejects done with onBatch's error and kills the tracee", async () => {
    const session = spawnTraced({ argv: ["sleep", "30"], capturePlan: EMPTY_PLAN }, () => {
      throw new Error("consumer broke");
    });
    await expect(session.done).rejects.toThrow("consumer broke");
  });
});
