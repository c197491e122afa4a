import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const PACKAGES = ["core", "decoder-wasm", "native", "cli"];

// What a user gets: the packed tarballs, installed into an empty project by npm and by pnpm,
// with no install scripts run and nothing compiled.
describe("packages install from their tarballs", () => {
  let tarballs: string[] = [];
  beforeAll(() => {
    const dest = mkdtempSync(join(tmpdir(), "tstrace-pack-"));
    for (const p of PACKAGES) {
      execFileSync("pnpm", ["pack", "--pack-destination", dest], { cwd: join(ROOT, "packages", p), stdio: "ignore" });
    }
    tarballs = readdirSync(dest).map((f) => join(dest, f));
  }, 120_000);

  for (const manager of ["npm", "pnpm"] as const) {
    it(`with ${manager}: tstrace traces /bin/true and core and the decoder import`, { timeout: 240_000 }, () => {
      const project = mkdtempSync(join(tmpdir(), `tstrace-install-${manager}-`));
      mkdirSync(project, { recursive: true });
      writeFileSync(join(project, "package.json"), JSON.stringify({ name: "probe", private: true, type: "module" }));
      const install =
        manager === "npm"
          ? ["install", "--ignore-scripts", "--no-audit", "--no-fund", ...tarballs]
          : ["add", "--ignore-scripts", ...tarballs];
      execFileSync(manager, install, { cwd: project, stdio: "pipe" });

      const traced = spawnSync(join(project, "node_modules", ".bin", "tstrace"), ["/bin/true"], {
        cwd: project,
        encoding: "utf8",
      });
      expect(traced.status, traced.stderr).toBe(0);
      expect(traced.stderr).toMatch(/^execve\("\/bin\/true", \["\/bin\/true"\]/);
      expect(traced.stderr.trimEnd().split("\n").at(-1)).toBe("+++ exited with 0 +++");

      const probe = `
        import { x86_64, errnoMessage } from "@tstrace/core";
        import { createDecoder } from "@tstrace/decoder-wasm";
        await createDecoder();
        console.log(x86_64.syscalls.length > 300, errnoMessage(2));
      `;
      writeFileSync(join(project, "probe.mjs"), probe);
      const out = execFileSync(process.execPath, ["probe.mjs"], { cwd: project, encoding: "utf8" });
      expect(out.trim()).toBe("true No such file or directory");
    });
  }
});
