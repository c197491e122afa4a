import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildTable } from "../src/build-table.js";
import type { ArchTable } from "../src/index.js";
import { aarch64, archTable, arm, i386, riscv64, syscallByName, syscallByNr, x86_64 } from "../src/index.js";

function unistd(path: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of readFileSync(path, "utf8").matchAll(/^#define __NR_(\w+)\s+(\d+)/gm))
    m.set(l[1] as string, Number(l[2]));
  return m;
}

const U64 = "/usr/include/x86_64-linux-gnu/asm/unistd_64.h";
const U32 = "/usr/include/x86_64-linux-gnu/asm/unistd_32.h";

function checkAgainst(table: ArchTable, path: string): void {
  const defs = unistd(path);
  expect(defs.size).toBeGreaterThan(300);
  for (const [name, nr] of defs) {
    expect(syscallByNr(table, nr)?.name, `__NR_${name} = ${nr}`).toBe(name);
    expect(syscallByName(table, name)?.nr, name).toBe(nr);
  }
}

describe("syscall numbers", () => {
  it.skipIf(!existsSync(U64))("x86_64 equals every __NR_ in asm/unistd_64.h", () =>
    checkAgainst(x86_64, U64),
  );
  it.skipIf(!existsSync(U32))("i386 equals every __NR_ in asm/unistd_32.h", () => checkAgainst(i386, U32));

  it("tables are ascending, unique, and cover the newer syscalls", () => {
    for (const t of [x86_64, i386, aarch64, arm, riscv64]) {
      const nrs = t.syscalls.map((s) => s.nr);
      expect([...nrs].sort((a, b) => a - b)).toEqual(nrs);
      expect(new Set(nrs).size).toBe(nrs.length);
      expect(new Set(t.syscalls.map((s) => s.name)).size).toBe(nrs.length);
      for (const [nr, name] of [
        [463, "setxattrat"],
        [469, "file_setattr"],
      ] as const)
        expect(syscallByNr(t, nr)?.name).toBe(name);
      for (const s of t.syscalls) if (s.args) expect(s.args.length).toBe(s.nargs);
    }
    expect(syscallByNr(x86_64, 335)?.name).toBe("uretprobe");
    expect(syscallByNr(x86_64, 512)).toBeUndefined(); // x32 left out
  });

  it("uses strace's names", () => {
    for (const n of ["newfstatat", "pread64", "pwrite64", "prlimit64", "rt_sigaction"])
      expect(syscallByName(x86_64, n)).toBeDefined();
    expect(syscallByNr(aarch64, 79)?.name).toBe("newfstatat");
    expect(syscallByNr(aarch64, 56)?.name).toBe("openat");
    expect(syscallByNr(riscv64, 258)?.name).toBe("riscv_hwprobe");
    expect(syscallByNr(arm, 322)?.name).toBe("openat");
    expect(archTable("x86_64")).toBe(x86_64);
    expect(archTable(0xc00000b7)).toBe(aarch64);
    expect(archTable("sparc")).toBeUndefined();
  });
});

describe("nargs and signatures (strace 6.1 x86_64 syscallent.h)", () => {
  const expected: Record<string, number> = {
    read: 3,
    write: 3,
    open: 3,
    close: 1,
    mmap: 6,
    execve: 3,
    openat: 4,
    newfstatat: 4,
    futex: 6,
    clone: 5,
    exit_group: 1,
    rt_sigreturn: 0,
    getpid: 0,
    prlimit64: 4,
    rseq: 4,
    pread64: 4,
    afs_syscall: 5,
    copy_file_range: 6,
    statx: 5,
    clone3: 2,
    faccessat2: 4,
    epoll_pwait2: 6,
    futex_waitv: 5,
    ioperm: 3,
    iopl: 1,
    modify_ldt: 3,
    arch_prctl: 2,
    ptrace: 4,
    reboot: 4,
    get_robust_list: 3,
    kexec_load: 4,
    quotactl: 4,
    vhangup: 0,
    _sysctl: 1,
    sched_getattr: 4,
    sendfile: 4,
    sync_file_range: 4,
    mremap: 5,
    semctl: 4,
    msgrcv: 5,
    wait4: 4,
    waitid: 5,
    io_getevents: 5,
    set_thread_area: 1,
    process_vm_readv: 6,
    pkey_mprotect: 4,
    io_pgetevents: 6,
    pselect6: 6,
    ppoll: 5,
    splice: 6,
    move_pages: 6,
    mbind: 6,
    prctl: 5,
  };
  for (const [name, n] of Object.entries(expected))
    it(`${name} has ${n}`, () => expect(syscallByName(x86_64, name)?.nargs).toBe(n));
  it("i386 pread64 takes the offset in two registers", () =>
    expect(syscallByName(i386, "pread64")?.nargs).toBe(5));
  it("takes the SYSCALL_DEFINE variant each architecture's Kconfig builds", () => {
    const names = (t: ArchTable, n: string) => syscallByName(t, n)?.args?.map((a) => a.name);
    // kernel/fork.c: x86_64 is the default; i386, arm, arm64 and riscv select CLONE_BACKWARDS.
    expect(names(x86_64, "clone")).toEqual(["clone_flags", "newsp", "parent_tidptr", "child_tidptr", "tls"]);
    for (const t of [i386, arm, aarch64, riscv64])
      expect(names(t, "clone"), t.arch).toEqual([
        "clone_flags",
        "newsp",
        "parent_tidptr",
        "tls",
        "child_tidptr",
      ]);
    // kernel/signal.c: i386 and arm select OLD_SIGSUSPEND3.
    for (const t of [i386, arm])
      expect(names(t, "sigsuspend"), t.arch).toEqual(["unused1", "unused2", "mask"]);
    // kernel/time/posix-timers.c, not the !POSIX_TIMERS stubs.
    expect(syscallByName(arm, "clock_settime")?.args?.[0]?.type).toBe("clockid_t");
  });
  it("keeps C types and names from SYSCALL_DEFINE", () => {
    const o = syscallByName(x86_64, "openat");
    expect(o?.args?.map((a) => [a.type, a.name])).toEqual([
      ["int", "dfd"],
      ["const char __user *", "filename"],
      ["int", "flags"],
      ["umode_t", "mode"],
    ]);
  });
});

describe("decoding kinds", () => {
  it("openat", () => {
    const o = syscallByName(x86_64, "openat");
    expect(o?.args?.map((a) => a.kind)).toEqual([
      { k: "dirfd" },
      { k: "path" },
      { k: "flags", table: "open_flags" },
      { k: "mode" },
    ]);
    expect(o?.decoder).toBe("openat");
    expect(o?.ret).toBe("fd");
  });
  it("mmap, brk, exit_group, write", () => {
    expect(syscallByName(x86_64, "mmap")?.ret).toBe("hex");
    expect(syscallByName(x86_64, "brk")?.ret).toBe("hex");
    expect(syscallByName(x86_64, "exit_group")?.ret).toBe("none");
    expect(syscallByName(x86_64, "write")?.args?.[1]?.kind).toEqual({ k: "bufIn", len: 2 });
    expect(syscallByName(x86_64, "newfstatat")?.args?.[2]?.kind).toEqual({
      k: "struct",
      type: "stat",
      dir: "out",
    });
  });
  it("i386 old mmap (1 argument) keeps the kinds its signature gives (a struct pointer)", () => {
    const m = syscallByName(i386, "mmap");
    expect(m?.nargs).toBe(1);
    expect(m?.args?.[0]?.kind).toEqual({ k: "ptr" });
  });
  it("syscalls without a hand row get kinds from their C signature (data/kind-rules.ts)", () => {
    const kinds = (n: string): string[] | undefined => syscallByName(x86_64, n)?.args?.map((a) => a.kind.k);
    expect(kinds("cachestat")).toEqual(["fd", "ptr", "ptr", "hex"]);
    expect(kinds("pivot_root")).toEqual(["path", "path"]);
    expect(kinds("fremovexattr")).toEqual(["fd", "str"]);
    // every caller-filled buffer has a hand row by now: a signature of the same shape shows the rule
    const shaped = buildTable("x86_64", [
      [
        1000,
        "buffer_shaped",
        [
          ["mqd_t", "mqdes"],
          ["const char __user *", "u_msg_ptr"],
          ["size_t", "msg_len"],
          ["umode_t", "mode"],
          ["struct mq_attr __user *", "u_attr"],
        ],
      ],
    ]);
    expect(shaped.syscalls[0]?.args?.map((a) => a.kind)).toEqual([
      { k: "fd" },
      { k: "bufIn", len: 2 },
      { k: "ulong" },
      { k: "mode" },
      { k: "ptr" },
    ]);
    expect(kinds("lsm_get_self_attr")).toEqual(["uint", "ptr", "ptr", "hex"]);
    expect(kinds("io_destroy")).toEqual(["hex"]);
    expect(syscallByName(x86_64, "pidfd_open")?.ret).toBe("fd");
    expect(syscallByName(x86_64, "shmat")?.ret).toBe("hex");
  });
  it("every argument of every syscall has a kind; no rule leaves a syscall all-hex that has typed arguments", () => {
    for (const t of [x86_64, i386, aarch64, arm, riscv64]) {
      let hexOnly = 0;
      for (const s of t.syscalls) {
        if (s.args) expect(s.args.length).toBe(s.nargs);
        if (s.args && s.args.length > 0 && s.args.every((a) => a.kind.k === "hex")) hexOnly++;
      }
      expect(hexOnly, t.arch).toBeLessThan(12); // flags-only syscalls: unshare, mlockall, userfaultfd …
    }
  });
  it("every flags/enum kind names an existing table", async () => {
    const { constTable } = await import("../src/index.js");
    for (const t of [x86_64, i386, aarch64, arm, riscv64])
      for (const s of t.syscalls)
        for (const a of s.args ?? []) {
          if (a.kind.k === "flags" || a.kind.k === "enum")
            expect(constTable(a.kind.table), `${s.name}: ${a.kind.table}`).toBeDefined();
          if (a.kind.k === "struct")
            expect(
              t.structs.some((d) => d.name === (a.kind as { type: string }).type),
              `${t.arch} ${s.name}`,
            ).toBe(true);
        }
  });
});

describe("classes", () => {
  it("matches strace 6.1 membership for a sample", () => {
    expect(syscallByName(x86_64, "openat")?.classes).toEqual(expect.arrayContaining(["desc", "file"]));
    expect(syscallByName(x86_64, "newfstatat")?.classes).toEqual(
      expect.arrayContaining(["desc", "file", "fstat", "%stat"]),
    );
    expect(syscallByName(x86_64, "getpid")?.classes).toEqual(["pure"]);
    expect(syscallByName(x86_64, "execve")?.classes).toEqual(expect.arrayContaining(["file", "process"]));
    expect(syscallByName(x86_64, "mmap")?.classes).toEqual(expect.arrayContaining(["desc", "memory"]));
    expect(syscallByName(x86_64, "kill")?.classes).toEqual(expect.arrayContaining(["signal", "process"]));
    expect(syscallByName(x86_64, "cachestat")?.classes).toEqual([]);
  });
});
