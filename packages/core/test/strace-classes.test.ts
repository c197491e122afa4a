/**
 * Class membership proven against strace 6.1 itself: the probe (test/helpers/syscall-probe.py)
 * calls every x86_64 syscall number in core's table (except data/probe-plan.txt's skips) under
 * `strace -f -qq -e trace=%CLASS`; the syscalls strace prints, among those called, must be exactly
 * core's members of CLASS. A control run with `trace=all` first proves strace saw every call.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SYSCALL_CLASSES, syscallByName, x86_64 } from "../src/index.js";
import { PROBE, probedNrs, probePlan, run } from "./helpers/probe.js";

// Every class core accepts is checked against strace's own choice of members.
const CLASSES = SYSCALL_CLASSES;

function straceVersion(): string | undefined {
  try {
    return execFileSync("strace", ["-V"], { encoding: "utf8" }).split("\n")[0];
  } catch {
    return undefined;
  }
}
function hasPython(): boolean {
  try {
    execFileSync("python3", ["-c", "import ctypes"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const version = straceVersion();
const isX86_64 = process.arch === "x64" && process.platform === "linux";
const why = !isX86_64
  ? "not an x86_64 Linux machine"
  : version === undefined
    ? "strace is not installed (apt-get install strace)"
    : !/version 6\.1$/.test(version)
      ? `the reference is strace 6.1, found "${version}"`
      : !hasPython()
        ? "python3 with ctypes is not installed"
        : undefined;

/**
 * Syscall numbers named in a strace -o file, and those among them strace printed as `syscall_0x1c3`
 * (numbers strace 6.1 does not know).
 */
function printedNrs(text: string): { printed: Set<number>; unknown: Set<number> } {
  const out = new Set<number>();
  const unknown = new Set<number>();
  for (const line of text.split("\n")) {
    const m = line.match(/^(?:\d+ +)?(?:<\.\.\. ([\w]+) resumed>|([\w]+)\()/);
    const name = m?.[1] ?? m?.[2];
    if (!name) continue;
    const raw = name.match(/^syscall_0x([0-9a-f]+)$/);
    const nr = raw ? Number.parseInt(raw[1] as string, 16) : syscallByName(x86_64, name)?.nr;
    if (nr === undefined) throw new Error(`strace printed a name core does not know: ${line}`);
    out.add(nr);
    if (raw) unknown.add(nr);
  }
  return { printed: out, unknown };
}

const dir = mkdtempSync(join(tmpdir(), "tstrace-classes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function underStrace(
  expr: string,
): Promise<{ called: number[]; printed: Set<number>; unknown: Set<number> }> {
  const file = join(dir, `${expr.replace(/\W/g, "_")}.txt`);
  const stdout = await run("strace", [
    "-f",
    "-qq",
    "-e",
    `trace=${expr}`,
    "-o",
    file,
    "python3",
    PROBE,
    probePlan(x86_64),
  ]);
  return { called: probedNrs(stdout), ...printedNrs(readFileSync(file, "utf8")) };
}

const name = (nr: number): string => x86_64.syscalls.find((s) => s.nr === nr)?.name ?? `#${nr}`;

describe.skipIf(why !== undefined)(
  `x86_64 classes equal strace 6.1's${why ? ` (skipped: ${why})` : ""}`,
  () => {
    /** Called numbers strace 6.1 knows by name: the ones its classes can speak about. */
    let known: ReadonlySet<number> = new Set();

    it("control: strace -e trace=all prints every syscall the probe called", async () => {
      const r = await underStrace("all");
      expect(r.called.length).toBeGreaterThan(330);
      expect(r.called.filter((nr) => !r.printed.has(nr)).map(name)).toEqual([]);
      known = new Set(r.called.filter((nr) => !r.unknown.has(nr)));
      // strace 6.1 knows x86_64 syscalls up to 450 (set_mempolicy_home_node); it prints newer ones as
      // syscall_0x1c3(...) and, whatever the trace= expression (even `none`), always traces them.
      // core puts them in no class, as strace's tables do.
      const unknown = [...r.unknown].filter((nr) => r.called.includes(nr));
      expect(Math.min(...unknown)).toBe(451);
      for (const nr of unknown)
        expect(x86_64.syscalls.find((s) => s.nr === nr)?.classes, name(nr)).toEqual([]);
    }, 60_000);

    for (const cls of CLASSES) {
      it(`%${cls}`, async () => {
        expect(known.size).toBeGreaterThan(330);
        const r = await underStrace(`%${cls}`);
        const nrs = r.called.filter((nr) => known.has(nr));
        const strace = nrs
          .filter((nr) => r.printed.has(nr))
          .map(name)
          .sort();
        const core = nrs
          .filter((nr) => x86_64.syscalls.find((s) => s.nr === nr)?.classes.includes(cls))
          .map(name)
          .sort();
        expect(core).toEqual(strace);
      }, 60_000);
    }
  },
);
