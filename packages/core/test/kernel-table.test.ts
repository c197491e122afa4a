/**
 * This kernel's syscall table, from sources independent of the kernel tarball the generator reads:
 * the running kernel's tracefs. Each `events/syscalls/sys_enter_NAME/format` names a syscall the
 * kernel implements and lists its arguments; the probe (test/helpers/syscall-probe.py) calls every
 * x86_64 number in core's table while a private trace instance records `sys_enter_*` events with
 * their `__syscall_nr`, which ties each number to the kernel's own name for it. The test asserts:
 * every number the kernel names maps to core's row of that name with the same argument count, and
 * every syscall event the kernel has is a row of core's x86_64 table. (asm/unistd_64.h's `__NR_`
 * numbers are checked in test/tables.test.ts.)
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyscallRow } from "../src/index.js";
import { syscallByName, syscallByNr, x86_64 } from "../src/index.js";
import { PROBE, probedNrs, probePlan } from "./helpers/probe.js";

const TRACEFS = "/sys/kernel/tracing";

/**
 * The kernel's event name is its SYSCALL_DEFINE name; strace (and core) name a few table entries
 * differently: x86_64's stat/fstat/lstat/uname entries are sys_newstat…, umount2 is sys_umount,
 * sendfile is sys_sendfile64.
 */
const KERNEL_NAME: Readonly<Record<string, string>> = {
  newstat: "stat",
  newfstat: "fstat",
  newlstat: "lstat",
  newuname: "uname",
  umount: "umount2",
  sendfile64: "sendfile",
};
const coreName = (event: string): string => KERNEL_NAME[event] ?? event;

function tracefsReady(): string | undefined {
  if (process.platform !== "linux" || process.arch !== "x64") return "not an x86_64 Linux machine";
  if (!existsSync(join(TRACEFS, "events", "syscalls"))) {
    try {
      execFileSync("mount", ["-t", "tracefs", "nodev", TRACEFS], { stdio: "ignore" });
    } catch {
      /* reported below */
    }
  }
  if (!existsSync(join(TRACEFS, "events", "syscalls")))
    return `tracefs syscall events are not readable at ${TRACEFS} (mount -t tracefs nodev ${TRACEFS} as root)`;
  if (!existsSync(join(TRACEFS, "instances"))) return "tracefs has no instances directory";
  try {
    execFileSync("python3", ["-c", "import ctypes"], { stdio: "ignore" });
  } catch {
    return "python3 with ctypes is not installed";
  }
  return undefined;
}

const why = tracefsReady();

/** sys_enter_NAME → argument count from its format file. */
function formats(): Map<string, number> {
  const m = new Map<string, number>();
  const dir = join(TRACEFS, "events", "syscalls");
  for (const ev of readdirSync(dir)) {
    if (!ev.startsWith("sys_enter_")) continue;
    const text = readFileSync(join(dir, ev, "format"), "utf8");
    const fields = [...text.matchAll(/^\s*field:[^;]*?(\w+);/gm)].map((f) => f[1] as string);
    const at = fields.indexOf("__syscall_nr");
    m.set(ev.slice("sys_enter_".length), at < 0 ? 0 : fields.length - at - 1);
  }
  return m;
}

describe.skipIf(why !== undefined)(
  `x86_64 table equals this kernel's${why ? ` (skipped: ${why})` : ""}`,
  () => {
    const inst = join(TRACEFS, "instances", `tstrace-core-${process.pid}`);
    let nargs = new Map<string, number>();
    /** syscall number → the kernel's event name for it, as observed. */
    const seen = new Map<number, string>();
    let called: number[] = [];

    beforeAll(() => {
      nargs = formats();
      mkdirSync(inst);
      writeFileSync(join(inst, "buffer_size_kb"), "8192");
      writeFileSync(join(inst, "trace_options"), "fields");
      const script = `echo $$ > ${inst}/set_event_pid && echo 1 > ${inst}/events/syscalls/enable && exec python3 "$0" "$1"`;
      const stdout = execFileSync("sh", ["-c", script, PROBE, probePlan(x86_64)], {
        encoding: "utf8",
        timeout: 60_000,
        stdio: ["ignore", "pipe", "pipe"],
      });
      writeFileSync(join(inst, "events", "syscalls", "enable"), "0");
      called = probedNrs(stdout);
      for (const m of readFileSync(join(inst, "trace"), "utf8").matchAll(
        / sys_enter_(\w+): __syscall_nr=\S+ \((\d+)\)/g,
      )) {
        seen.set(Number(m[2]), m[1] as string);
      }
    }, 90_000);
    afterAll(() => {
      if (existsSync(inst)) rmdirSync(inst);
    });

    it("tracefs lists the kernel's syscalls", () => {
      expect(nargs.size).toBeGreaterThan(300);
      expect(nargs.get("openat")).toBe(4);
    });

    it("every number the kernel named is core's row of that name, with the same argument count", () => {
      expect(seen.size).toBeGreaterThan(300);
      const bad: string[] = [];
      for (const [nr, event] of seen) {
        const row: SyscallRow | undefined = syscallByNr(x86_64, nr);
        const want = coreName(event);
        if (row?.name !== want) bad.push(`${nr}: kernel ${event}, core ${row?.name ?? "nothing"}`);
        else if (row.nargs !== nargs.get(event))
          bad.push(`${want}: kernel ${nargs.get(event)} args, core ${row.nargs}`);
      }
      expect(bad).toEqual([]);
    });

    it("every syscall the kernel has an event for is in core's x86_64 table, argument counts equal", () => {
      const bad: string[] = [];
      for (const [event, n] of nargs) {
        const row = syscallByName(x86_64, coreName(event));
        if (!row) bad.push(`${event}: not in core`);
        else if (row.nargs !== n) bad.push(`${event}: kernel ${n} args, core ${row.nargs}`);
      }
      expect(bad).toEqual([]);
    });

    it("each number the probe called and the kernel implements produced its event", () => {
      // Numbers the kernel lacks (ENOSYS: afs_syscall, tuxcall …) have no event; the rest must.
      const implemented = called.filter((nr) => {
        const row = syscallByNr(x86_64, nr);
        return row !== undefined && [...nargs.keys()].some((ev) => coreName(ev) === row.name);
      });
      expect(implemented.filter((nr) => !seen.has(nr)).map((nr) => syscallByNr(x86_64, nr)?.name)).toEqual(
        [],
      );
    });
  },
);
