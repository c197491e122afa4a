// -c where the kernel refuses perf events and eBPF: an unprivileged user (setpriv to nobody), and a
// raised kernel.perf_event_paranoid. tstrace must ask the kernel (not guess from the sysctl), fall
// back to ptrace under --summary-backend=auto, and refuse under =perf before the command runs.
// One file, cases in sequence: the sysctl is machine-wide and is restored even on failure. Root
// keeps CAP_PERFMON whatever the sysctl says, so tests running beside this one are unaffected.
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { summaryRows, TRACER_PID, untraced } from "./helpers/summary.js";
import { BIN } from "./helpers/tracers.js";

const PARANOID = "/proc/sys/kernel/perf_event_paranoid";
const root = process.getuid?.() === 0;
const hasSetpriv = spawnSync("setpriv", ["--version"]).status === 0;
const original = existsSync(PARANOID) ? readFileSync(PARANOID, "utf8").trim() : undefined;

/** Runs `file args` as nobody (no capabilities, no groups). */
function asNobody(file: string, args: string[]): SpawnSyncReturns<string> {
  return spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", file, ...args], {
    encoding: "utf8",
    timeout: 60_000,
    cwd: tmpdir(),
  });
}

function setParanoid(value: string): void {
  writeFileSync(PARANOID, `${value}\n`);
}

afterAll(() => {
  if (original !== undefined && root) setParanoid(original);
});

describe.sequential.skipIf(!root || !hasSetpriv)("-c without permission for perf events", () => {
  it("an unprivileged user counts with ptrace, rows as strace's", () => {
    const t = asNobody(BIN, ["-c", ...TRACER_PID]);
    expect(t.status).toBe(0);
    expect(untraced(t.stdout)).toBe(false);
    const cmd = ["cat", "/etc/hostname"];
    const a = asNobody(BIN, ["-c", ...cmd]);
    const b = asNobody("strace", ["-c", ...cmd]);
    expect(a.status).toBe(0);
    expect(summaryRows(a.stderr)).toEqual(summaryRows(b.stderr));
  });

  it("--summary-backend=perf refuses, and the command never runs", () => {
    const dir = mkdtempSync(join(tmpdir(), "tstrace-perm-"));
    chmodSync(dir, 0o777);
    const mark = join(dir, "ran");
    const t = asNobody(BIN, ["-c", "--summary-backend=perf", "touch", mark]);
    expect(t.status).toBe(1);
    expect(t.stderr).toMatch(/^tstrace: --summary-backend=perf: eBPF: .*; ring buffers: .+\n$/);
    expect(existsSync(mark)).toBe(false);
  });

  it("a raised perf_event_paranoid: the kernel's answer decides (nobody falls back, root counts)", () => {
    expect(original).toBeDefined();
    try {
      setParanoid("3");
      const nobody = asNobody(BIN, ["-c", ...TRACER_PID]);
      expect(nobody.status).toBe(0);
      expect(untraced(nobody.stdout)).toBe(false);
      expect(nobody.stderr).toContain("% time     seconds");
      // Root holds CAP_PERFMON and CAP_BPF, which the sysctl does not restrict.
      const asRoot = spawnSync(BIN, ["-c", ...TRACER_PID], { encoding: "utf8", timeout: 60_000 });
      expect(asRoot.status).toBe(0);
      expect(untraced(asRoot.stdout)).toBe(true);
    } finally {
      setParanoid(original as string);
    }
    expect(readFileSync(PARANOID, "utf8").trim()).toBe(original);
  });
});
