// The tracer's Node process dies (SIGKILL, process.exit) mid-trace: no tracee is left stopped,
// spawned ones die with it (PTRACE_O_EXITKILL) unless exitKill is false, attached ones go on.
import { type ChildProcess, spawn } from "node:child_process";
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

describe("when the tracer process dies", () => {
  it("SIGKILL: spawned tracees and their followed children are killed, none left stopped or orphaned", async () => {
    const marker = "31.4159265";
    const child = await tracerProcess(`
      let n = 0;
      spawnTraced({ argv: ["sh", "-c", "sleep ${marker} & sleep ${marker} & sleep ${marker}; wait"], capturePlan: ${plan}, followForks: true },
        () => { if (++n === 1) setTimeout(() => console.log("ready"), 300); });
    `);
    // sh and its three sleeps; on a busy machine sh may still be forking when "ready" comes.
    await until(() => pidsWith(marker).length >= 4);
    const before = pidsWith(marker);
    cleanup.push(...before);
    expect(before.length).toBeGreaterThanOrEqual(4);
    await sigkill(child);
    expect(await until(() => pidsWith(marker).every((pid) => !alive(pid)))).toBe(true);
  });

  it("SIGKILL with exitKill: false: the tracee survives, running (not stopped)", async () => {
    const marker = "32.7182818";
    const child = await tracerProcess(`
      const s = spawnTraced({ argv: ["sleep", "${marker}"], capturePlan: ${plan}, exitKill: false }, () => {});
      setTimeout(() => console.log("ready"), 300);
    `);
    // The child may not have exec'd sleep yet (its command line is still node's).
    await until(() => pidsWith(marker).length === 1);
    const [pid] = pidsWith(marker);
    cleanup.push(pid!);
    await sigkill(child);
    await until(() => procState(pid!) === "S");
    expect(procState(pid!)).toBe("S");
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
