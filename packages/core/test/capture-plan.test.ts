import { describe, expect, it } from "vitest";
import {
  ARRAY_CAPTURE_MAX,
  CAPTURE_BYTES_MAX,
  CaptureKind,
  type CaptureSpec,
  CaptureWhen,
  compileCapturePlan,
  decodeCapturePlan,
  decodeSpec,
  encodeSpec,
  FD_RETURN_ARG,
  FdDecode,
  IO_DUMP_CAPTURE_MAX,
  i386,
  STRING_ARRAY_SCAN_MAX,
  selectorMask,
  syscallByName,
  x86_64,
} from "../src/index.js";

describe("capture plan", () => {
  const plan = compileCapturePlan(x86_64, { strsize: 32 });
  const specs = decodeCapturePlan(plan);
  const nr = (n: string): number => syscallByName(x86_64, n)?.nr ?? -1;

  it("has the documented header", () => {
    expect(plan[0]).toBe(0x54535043);
    expect(plan[1]).toBe(1);
    expect(plan[2]).toBe(Math.max(...x86_64.syscalls.map((s) => s.nr)) + 1);
  });
  it("openat captures arg 1 as CSTRING at entry, max 4095 (PATH_MAX with its NUL, as strace reads it)", () => {
    expect(specs.get(nr("openat"))).toEqual([
      { arg: 1, kind: CaptureKind.CSTRING, when: CaptureWhen.ENTRY, max: 4095 },
    ]);
  });
  it("read/write/newfstatat/prlimit64/execve", () => {
    expect(specs.get(nr("read"))).toEqual([
      {
        arg: 1,
        kind: CaptureKind.BUFFER_RET_LEN,
        when: CaptureWhen.EXIT,
        max: 33,
      },
    ]);
    expect(specs.get(nr("write"))).toEqual([
      { arg: 1, kind: CaptureKind.BUFFER_ARG_LEN, when: CaptureWhen.ENTRY, lenArg: 2, max: 33 },
    ]);
    expect(specs.get(nr("newfstatat"))?.[1]).toEqual({
      arg: 2,
      kind: CaptureKind.STRUCT,
      when: CaptureWhen.EXIT,
      size: 144,
    });
    expect(specs.get(nr("prlimit64"))?.map((s) => [s.arg, s.when, "size" in s && s.size])).toEqual([
      [2, CaptureWhen.ENTRY, 16],
      [3, CaptureWhen.EXIT, 16],
    ]);
    expect(specs.get(nr("execve"))?.map((s) => [s.arg, s.kind, "strings" in s ? s.strings : 0])).toEqual([
      [0, CaptureKind.CSTRING, 0],
      [1, CaptureKind.STRING_ARRAY, 32],
      [2, CaptureKind.STRING_ARRAY, 0],
    ]);
    expect(specs.get(nr("getpid"))).toBeUndefined();
  });
  it("-v captures every argv and envp string (strace prints them unabbreviated)", () => {
    const v = decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 32, verbose: true }));
    for (const name of ["execve", "execveat"]) {
      const arrays = v.get(nr(name))?.filter((s) => s.kind === CaptureKind.STRING_ARRAY);
      expect(arrays?.map((s) => ["strings" in s && s.strings, "max" in s && s.max])).toEqual([
        [STRING_ARRAY_SCAN_MAX, 33],
        [STRING_ARRAY_SCAN_MAX, 33],
      ]);
    }
    expect(v.get(nr("read"))).toEqual(specs.get(nr("read")));
  });
  it("honours selection and strsize", () => {
    const only = decodeCapturePlan(
      compileCapturePlan(x86_64, { strsize: 4, selected: (n) => n === nr("write") }),
    );
    expect([...only.keys()]).toEqual([nr("write")]);
    expect(only.get(nr("write"))?.[0]?.max).toBe(5);
  });
  it("reads rt_sigreturn's mask from the signal frame where the frame layout is known", () => {
    const plan = decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 32 }));
    expect(plan.get(nr("rt_sigreturn"))).toEqual([
      { arg: 0, kind: CaptureKind.STACK, when: CaptureWhen.ENTRY, offset: 296, size: 8 },
    ]);
    const rt = syscallByName(i386, "rt_sigreturn")!;
    expect(decodeCapturePlan(compileCapturePlan(i386, { strsize: 32 })).get(rt.nr)).toBeUndefined();
  });
  it("reads fd paths only under decodeFds: fd and dirfd args at entry, an fd return at exit", () => {
    const FD = { kind: CaptureKind.FD_PATH, max: 4096 };
    expect(specs.get(nr("read"))?.some((s) => s.kind === CaptureKind.FD_PATH)).toBe(false);
    const y = decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 32, decodeFds: "path" }));
    expect(y.get(nr("openat"))?.filter((s) => s.kind === CaptureKind.FD_PATH)).toEqual([
      { ...FD, arg: 0, when: CaptureWhen.ENTRY, decode: FdDecode.DIRFD },
      { ...FD, arg: FD_RETURN_ARG, when: CaptureWhen.EXIT, decode: 0 },
    ]);
    const yy = decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 32, decodeFds: "all" }));
    expect(yy.get(nr("dup2"))?.filter((s) => s.kind === CaptureKind.FD_PATH)).toEqual([
      { ...FD, arg: 0, when: CaptureWhen.ENTRY, decode: FdDecode.DETAILS },
      { ...FD, arg: 1, when: CaptureWhen.ENTRY, decode: FdDecode.DETAILS },
      { ...FD, arg: FD_RETURN_ARG, when: CaptureWhen.EXIT, decode: FdDecode.DETAILS },
    ]);
  });
  it("reads a struct's fd field under decodeFds, at its BTF offset (landlock's parent_fd, mount_attr's userns_fd)", () => {
    // data/fd-fields.ts's one form for a struct's fd field, whatever passes the struct.
    const one = (arg: number, offset: number) => ({
      arg,
      kind: CaptureKind.FD_PATHS,
      when: CaptureWhen.ENTRY,
      countArg: "field",
      offset,
      decode: 0,
    });
    const paths = (name: string, decodeFds: "none" | "path") =>
      decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 32, decodeFds }))
        .get(nr(name))
        ?.filter((s) => s.kind === CaptureKind.FD_PATHS);
    expect(paths("landlock_add_rule", "path")).toEqual([one(2, 8)]);
    expect(paths("mount_setattr", "path")).toEqual([one(3, 24)]);
    // io_uring_setup's wq_fd (IORING_SETUP_ATTACH_WQ)
    expect(paths("io_uring_setup", "path")).toEqual([one(1, 24)]);
    expect(paths("landlock_add_rule", "none")).toEqual([]);
  });
  it("round trips for every architecture", () => {
    const p = compileCapturePlan(i386, { strsize: 80 });
    const d = decodeCapturePlan(p);
    expect(d.size).toBeGreaterThan(20);
    expect(decodeCapturePlan(Uint32Array.from(p))).toEqual(d);
  });
  it("never asks more than native reads, for any -s strace takes (sizes once wrapped at 32 bits)", () => {
    for (const strsize of [0, 4096, 5000, 30000, 65536, 70000, 100000, 1048576, 0x3fffffff])
      for (const verbose of [false, true]) {
        const plan = decodeCapturePlan(compileCapturePlan(x86_64, { strsize, verbose }));
        for (const list of plan.values())
          for (const c of list) {
            expect(encodeSpec(c)[3]).toBeLessThanOrEqual(CAPTURE_BYTES_MAX);
            if (c.kind === CaptureKind.STRING_ARRAY)
              expect(c.strings).toBeLessThanOrEqual(STRING_ARRAY_SCAN_MAX);
          }
        const readv = plan.get(nr("readv"))?.[0];
        expect(readv && "max" in readv && readv.max).toBe(
          Math.min((strsize + 1) * strsize, CAPTURE_BYTES_MAX),
        );
      }
  });
  it("rejects malformed plans", () => {
    expect(() => decodeCapturePlan(new Uint32Array([1, 1, 0]))).toThrow(/magic/);
    expect(() => decodeCapturePlan(new Uint32Array([0x54535043, 2, 0]))).toThrow(/version/);
    expect(() => decodeCapturePlan(new Uint32Array([0x54535043, 1, 5]))).toThrow(/past the end/);
    expect(() => compileCapturePlan(x86_64, { strsize: -1 })).toThrow(RangeError);
  });
});

describe("capture plan for -e read= / -e write= dumps", () => {
  const nr = (n: string): number => syscallByName(x86_64, n)?.nr ?? -1;
  const maxOf = (dumpIo: { read: boolean; write: boolean }, name: string): number[] =>
    (decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 32, dumpIo })).get(nr(name)) ?? []).map(
      (c) => c.max,
    );

  it("captures the data of the dumped family whole, the rest by -s", () => {
    const read = { read: true, write: false };
    expect(maxOf(read, "read")).toEqual([IO_DUMP_CAPTURE_MAX]);
    // readv's iovec array is also read at entry, as ranges for a failed call (extra-captures.ts)
    expect(maxOf(read, "readv")).toEqual([IO_DUMP_CAPTURE_MAX, ARRAY_CAPTURE_MAX]);
    expect(maxOf(read, "write")).toEqual([33]);
    const write = { read: false, write: true };
    expect(maxOf(write, "write")).toEqual([IO_DUMP_CAPTURE_MAX]);
    expect(maxOf(write, "read")).toEqual([33]);
  });
  it("leaves sendto's address capture alone", () => {
    const caps = decodeCapturePlan(
      compileCapturePlan(x86_64, { strsize: 32, dumpIo: { read: false, write: true } }),
    ).get(nr("sendto"));
    expect(caps?.find((c) => c.arg === 1)?.max).toBe(IO_DUMP_CAPTURE_MAX);
    expect(caps?.find((c) => c.arg === 4)?.max).toBe(128);
  });

  it("reads ioctl's and prctl's pointees only for the requests that have them (STRUCT_IF)", () => {
    const specs = decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 32 }));
    const nr = (n: string): number => syscallByName(x86_64, n)?.nr ?? -1;
    const ioctl = specs.get(nr("ioctl")) ?? [];
    // TIOCGWINSZ: a struct winsize the kernel writes; TCSETS: a termios it reads.
    expect(ioctl).toContainEqual({
      arg: 2,
      kind: CaptureKind.STRUCT_IF,
      when: CaptureWhen.EXIT,
      selectorArg: 1,
      selectorValue: 0x5413,
      size: 8,
    });
    expect(ioctl).toContainEqual({
      arg: 2,
      kind: CaptureKind.STRUCT_IF,
      when: CaptureWhen.ENTRY,
      selectorArg: 1,
      selectorValue: 0x5402,
      size: 36,
    });
    // Every one chosen by the request: the struct, and what the console's structs point at
    // (POINTEE), and v4l2's control strings inside the controls' array (POINTEE_EACH).
    expect(
      ioctl.every(
        (c) =>
          (c.kind === CaptureKind.STRUCT_IF ||
            c.kind === CaptureKind.POINTEE ||
            c.kind === CaptureKind.POINTEE_EACH) &&
          c.selectorArg === 1,
      ),
    ).toBe(true);
    expect(ioctl.filter((c) => c.kind === CaptureKind.POINTEE).map((c) => c.selectorValue)).toContain(0x4b72); // KDFONTOP
    const selectors = (list: readonly CaptureSpec[]): number[] =>
      list.flatMap((c) => (c.kind === CaptureKind.STRUCT_IF ? [c.selectorValue] : []));
    // futex: the timeout of every waiting op, under each private/clock flag set.
    const futex = specs.get(nr("futex")) ?? [];
    expect(selectors(futex)).toContain(0x89); // FUTEX_WAIT_BITSET_PRIVATE
    expect(selectors(futex)).toContain(0x189); // … |FUTEX_CLOCK_REALTIME
    expect(selectors(futex)).not.toContain(0x81); // FUTEX_WAKE_PRIVATE
    const prctl = specs.get(nr("prctl")) ?? [];
    const prctlCaps = prctl.map((c) => [c.arg, c.when, selectors([c])[0], "size" in c && c.size]);
    // PR_SET_NAME's name at entry, PR_GET_NAME's at exit; PR_GET_PDEATHSIG's int; PR_SET_SECCOMP's sock_fprog.
    expect(prctlCaps).toContainEqual([1, CaptureWhen.ENTRY, 15, 16]);
    expect(prctlCaps).toContainEqual([1, CaptureWhen.EXIT, 16, 16]);
    expect(prctlCaps).toContainEqual([1, CaptureWhen.EXIT, 2, 4]);
    expect(prctlCaps).toContainEqual([2, CaptureWhen.ENTRY, 22, 16]);
    // Options with nothing to read have no capture (PR_SET_DUMPABLE).
    expect(prctlCaps.some((c) => c[2] === 4)).toBe(false);
  });

  it("reads one struct for a family of ioctl requests whose number carries a length or an index (evdev)", () => {
    const specs = decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 32 }));
    const ioctl = specs.get(nr("ioctl")) ?? [];
    // EVIOCGBIT(ev, len): _IOC(_IOC_READ, 'E', 0x20 + ev, len), any length, 5 bits of event type.
    const bit = ioctl.find((c) => c.kind === CaptureKind.STRUCT_IF && c.selectorValue === 0x80004520);
    expect(bit).toMatchObject({ when: CaptureWhen.EXIT, anyIocSize: true, lowBits: 5 });
    // Its words round-trip, and the mask they give leaves out the size and the event type.
    expect(bit && decodeSpec(...encodeSpec(bit))).toEqual(bit);
    const w1 = bit ? encodeSpec(bit)[1] : 0;
    expect(w1 & 0xff).toBe(1);
    expect(selectorMask(w1)).toBe(0xc000ffe0);
    expect((0x80604521 & selectorMask(w1)) >>> 0).toBe(0x80004520);
    // An exact request keeps every bit.
    expect(selectorMask(1)).toBe(0xffffffff);
  });

  it("reads a SysV control command's struct at entry (IPC_SET) or exit (STAT, INFO), with or without IPC_64", () => {
    const specs = decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 32 }));
    const caps = (name: string): (string | number | boolean)[][] =>
      (specs.get(nr(name)) ?? []).map((c) => [
        c.arg,
        c.when,
        c.kind === CaptureKind.STRUCT_IF ? c.selectorValue : -1,
        "size" in c && c.size,
      ]);
    // msqid64_ds is 120 bytes, msginfo 32 (the kernel's BTF); IPC_SET 1, IPC_STAT 2, MSG_INFO 12.
    expect(caps("msgctl")).toContainEqual([2, CaptureWhen.ENTRY, 1, 120]);
    expect(caps("msgctl")).toContainEqual([2, CaptureWhen.EXIT, 2, 120]);
    expect(caps("msgctl")).toContainEqual([2, CaptureWhen.EXIT, 0x100 | 2, 120]);
    expect(caps("msgctl")).toContainEqual([2, CaptureWhen.EXIT, 12, 32]);
    // semctl's command is its third argument, the buffer its fourth; shmctl's SHM_INFO (14) fills a shm_info.
    expect(caps("semctl")).toContainEqual([3, CaptureWhen.EXIT, 2, 104]);
    expect(caps("shmctl")).toContainEqual([2, CaptureWhen.EXIT, 14, 48]);
    // IPC_RMID reads nothing.
    expect(caps("msgctl").some((c) => c[2] === 0)).toBe(false);
  });

  it("reads a SysV message as its mtype and -s + 1 bytes of text (msgsnd at entry, msgrcv at exit)", () => {
    const specs = decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 32 }));
    const head = { kind: CaptureKind.BUFFER_ARG_LEN, lenArg: 2, head: 8, max: 8 + 33 };
    expect(specs.get(nr("msgsnd"))).toEqual([{ arg: 1, when: CaptureWhen.ENTRY, ...head }]);
    expect(specs.get(nr("msgrcv"))).toEqual([{ arg: 1, when: CaptureWhen.EXIT, ...head }]);
    // The header count travels in the plan's second word.
    const spec: CaptureSpec = { arg: 1, when: CaptureWhen.ENTRY, ...head };
    expect(encodeSpec(spec)[2]).toBe(8);
  });
});

describe("capture plan for netlink payloads", () => {
  const nr = (n: string): number => syscallByName(x86_64, n)?.nr ?? -1;
  const fdPath = (s: CaptureSpec): s is Extract<CaptureSpec, { kind: typeof CaptureKind.FD_PATH }> =>
    s.kind === CaptureKind.FD_PATH;

  it("asks what the fd is first, at the stop that reads the payload", () => {
    const specs = decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 32 }));
    for (const [name, when] of [
      ["sendto", CaptureWhen.ENTRY],
      ["recvfrom", CaptureWhen.EXIT],
      ["sendmsg", CaptureWhen.ENTRY],
      ["recvmsg", CaptureWhen.EXIT],
      ["sendmmsg", CaptureWhen.EXIT],
      ["recvmmsg", CaptureWhen.EXIT],
    ] as const) {
      const first = specs.get(nr(name))?.[0];
      expect(first, name).toEqual({
        arg: 0,
        kind: CaptureKind.FD_PATH,
        when,
        decode: FdDecode.NETLINK,
        max: 4096,
      });
    }
    expect(specs.get(nr("write"))?.some(fdPath)).toBe(false);
  });
  it("merges -y's and -yy's capture of the same fd at the same stop into it", () => {
    for (const decodeFds of ["path", "all"] as const) {
      const specs = decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 32, decodeFds }));
      const sendto = (specs.get(nr("sendto")) ?? []).filter(fdPath);
      expect(sendto).toHaveLength(1);
      expect(sendto[0]?.decode).toBe(FdDecode.NETLINK | (decodeFds === "all" ? FdDecode.DETAILS : 0));
      // recvfrom's fd prints at entry (-y's capture), its payload is read at exit (netlink's).
      const recvfrom = (specs.get(nr("recvfrom")) ?? []).filter(fdPath);
      expect(recvfrom.map((s) => [s.when, s.decode])).toEqual([
        [CaptureWhen.EXIT, FdDecode.NETLINK],
        [CaptureWhen.ENTRY, decodeFds === "all" ? FdDecode.DETAILS : 0],
      ]);
    }
  });

  it("describes every open fd under -y where a payload can hold fds, at the stop that reads it", () => {
    const allFds = (s: CaptureSpec) => s.kind === CaptureKind.FD_PATHS && s.countArg === "all";
    const none = decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 32 }));
    expect([...none.values()].flat().filter(allFds)).toEqual([]);
    for (const decodeFds of ["path", "all"] as const) {
      const specs = decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 32, decodeFds }));
      for (const [name, when] of [
        ["sendmsg", CaptureWhen.ENTRY],
        ["recvmsg", CaptureWhen.EXIT],
        ["connect", CaptureWhen.ENTRY],
      ] as const) {
        const got = (specs.get(nr(name)) ?? []).filter(allFds);
        expect(got.map((s) => [s.when, s.kind === CaptureKind.FD_PATHS && s.decode])).toEqual([
          [when, decodeFds === "all" ? FdDecode.DETAILS : 0],
        ]);
      }
      expect((specs.get(nr("read")) ?? []).filter(allFds)).toEqual([]);
    }
  });
});
