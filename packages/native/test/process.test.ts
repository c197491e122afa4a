// Behaviour that only shows across a whole Node process: event-loop liveness, env teardown.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const dist = join(import.meta.dirname, "..", "dist", "index.js");
const plan = "new Uint32Array([0x54535043, 1, 0])";

function node(script: string): string {
  return execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("in a whole process", () => {
  it("a pending session keeps the event loop alive; a finished one does not", () => {
    const started = Date.now();
    const out = node(`
      import { spawnTraced } from ${JSON.stringify(dist)};
      const s = spawnTraced({ argv: ["sleep", "0.3"], capturePlan: ${plan} }, () => {});
      s.done.then((r) => console.log("done", r.exitCode));
    `);
    expect(out.trim()).toBe("done 0");
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("terminating a worker mid-trace kills its tracee and leaves no zombie", async () => {
    const out = node(`
      import { Worker } from "node:worker_threads";
      import { existsSync } from "node:fs";
      const w = new Worker(new URL("data:text/javascript," + encodeURIComponent(\`
        import { parentPort } from "node:worker_threads";
        import { spawnTraced } from ${JSON.stringify(pathToFileURL(dist).href)};
        const s = spawnTraced({ argv: ["sleep", "30"], capturePlan: ${plan} }, () => {});
        parentPort.postMessage(s.pid);
      \`)));
      const pid = await new Promise((r) => w.once("message", r));
      await new Promise((r) => setTimeout(r, 100));
      await w.terminate();
      await new Promise((r) => setTimeout(r, 100));
      const state = existsSync("/proc/" + pid) ? readFileSync("/proc/" + pid + "/stat", "utf8").split(") ")[1][0] : "gone";
      console.log(state);
    `);
    expect(out.trim()).toBe("gone");
  });

  it("process.exit() mid-trace kills the tracee (PTRACE_O_EXITKILL)", async () => {
    const pid = Number(
      node(`
        import { spawnTraced } from ${JSON.stringify(dist)};
        const s = spawnTraced({ argv: ["sleep", "30"], capturePlan: ${plan} }, () => {});
        console.log(s.pid);
        setTimeout(() => process.exit(0), 100);
      `).trim(),
    );
    // Killed and reaped by the tracer thread before the process ended: not even a zombie.
    expect(existsSync(`/proc/${pid}`)).toBe(false);
  });
});
