// The tracer's Node process dies (SIGKILL, process.exit) mid-trace: no tracee is left stopped;
// as under strace, tracees go on unless exitKill or the seccomp filter asked the kernel to kill them.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { alive, daemon, killQuietly, PYTHON, pidsWith, procState, until } from "./helpers/procs.ts";

const dist = join(import.meta.dirname, "..", "dist", "index.js");
const plan = "new Uint32Array([0x54535043, 1, 0])";
const cleanup: number[] = [];
afterEach(() => {
  for (const pid of cleanup.splice(0)) killQuietly(pid);
});

/** Runs `body` in a fresh Node process; resolves with it once it printed "ready". */
async function tracerProcess(body: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `import { spawnTraced, attachTraced } from ${JSON.stringify(dist)};\n${body}`,
    ],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let out = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`tracer process exited ${code} before ready: ${out}`)));
  });
  return child;
}

async function sigkill(child: ChildProcess): Promise<void> {
  const gone = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await gone;
  child.stdout?.destroy(); // a surviving tracee may still hold the pipe
}

/** The tracer-side state of a live pid: its letter, and whether something still traces it. */
function untracedAndRunning(pid: number): boolean {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return /TracerPid:\s+0\n/.test(status) && ["S", "R"].includes(procState(pid));
  } catch {
    return false;
  }
}

describe("when the tracer process dies", () => {
  // strace's rule: PTRACE_O_EXITKILL only with --kill-on-exit (exitKill), or when the seccomp
  // filter is installed (its traced syscalls would fail with ENOSYS without a tracer).
  it("SIGKILL: spawned tracees and their followed children run on, untraced and not stopped", async () => {
    const marker = "31.4159265";
    const child = await tracerProcess(`
      let n = 0;
      spawnTraced({ argv: ["sh", "-c", "sleep ${marker} & sleep ${marker} & sleep ${marker}; wait"], capturePlan: ${plan}, followForks: true },
        () => { if (++n === 1) setTimeout(() => console.log("ready"), 300); });
    `);
    // sh and its three sleeps; on a busy machine sh may still be forking when "ready" comes.
    await until(() => pidsWith(marker).length >= 4);
    // A child may not have exec'd sleep yet (its command line is still sh's).
    await until(() => pidsWith(marker).length >= 4, 20_000);
    const before = pidsWith(marker);
    cleanup.push(...before);
    expect(before.length).toBeGreaterThanOrEqual(4);
    await sigkill(child);
    expect(await until(() => before.every(untracedAndRunning), 20_000)).toBe(true);
  });

  it("SIGKILL with exitKill: true: spawned tracees and their followed children die", async () => {
    const marker = "32.7182818";
    const child = await tracerProcess(`
      let n = 0;
      spawnTraced({ argv: ["sh", "-c", "sleep ${marker} & sleep ${marker}; wait"], capturePlan: ${plan}, followForks: true, exitKill: true },
        () => { if (++n === 1) setTimeout(() => console.log("ready"), 300); });
    `);
    // A child may not have exec'd sleep yet (its command line is still sh's).
    await until(() => pidsWith(marker).length >= 3, 20_000);
    const before = pidsWith(marker);
    cleanup.push(...before);
    expect(before.length).toBeGreaterThanOrEqual(3);
    await sigkill(child);
    expect(await until(() => before.every((pid) => !alive(pid)), 20_000)).toBe(true);
  });

  it("SIGKILL with the seccomp filter installed: spawned tracees die even without exitKill", async () => {
    const marker = "33.1415926";
    const traceSet = "(() => { const b = new Uint8Array(64); b[230 >> 3] |= 1 << (230 & 7); return b; })()";
    const child = await tracerProcess(`
      let n = 0;
      spawnTraced({ argv: ["sh", "-c", "sleep ${marker} & sleep ${marker}; wait"], capturePlan: ${plan}, followForks: true, traceSet: ${traceSet}, seccomp: true },
        () => { if (++n === 1) setTimeout(() => console.log("ready"), 300); });
    `);
    // A child may not have exec'd sleep yet (its command line is still sh's).
    await until(() => pidsWith(marker).length >= 3, 20_000);
    const before = pidsWith(marker);
    cleanup.push(...before);
    expect(before.length).toBeGreaterThanOrEqual(3);
    await sigkill(child);
    expect(await until(() => before.every((pid) => !alive(pid)), 20_000)).toBe(true);
  });

  it("SIGKILL while attached: the target is detached by the kernel and keeps running", async () => {
    const pid = daemon(`exec ${PYTHON} -c 'import time
while True: time.sleep(0.01)'`);
    cleanup.push(pid);
    await until(() => alive(pid));
    const child = await tracerProcess(`
      let n = 0;
      attachTraced({ pids: [${pid}], capturePlan: ${plan} }, () => { if (++n === 3) console.log("ready"); });
    `);
    await sigkill(child);
    await new Promise((r) => setTimeout(r, 100));
    expect(["S", "R"]).toContain(procState(pid));
    await new Promise((r) => setTimeout(r, 100));
    expect(["S", "R"]).toContain(procState(pid));
  });

  it("process.exit() while attached: the target is detached, not killed", async () => {
    const pid = daemon("exec sleep 30");
    cleanup.push(pid);
    await until(() => procState(pid) === "S");
    const child = await tracerProcess(`
      attachTraced({ pids: [${pid}], capturePlan: ${plan} }, () => {});
      console.log("ready");
      setTimeout(() => process.exit(0), 100);
    `);
    await new Promise((r) => child.once("exit", r));
    // Let go, it restarts its sleep: R for a moment, then S (a tracee left stopped stays t).
    await until(() => procState(pid) === "S");
    expect(procState(pid)).toBe("S");
  });
});
