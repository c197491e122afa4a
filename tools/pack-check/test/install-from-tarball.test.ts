import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const PACKAGES = ["core", "decoder-wasm", "native", "cli"];

/** The environment without what the enclosing `pnpm test` exported for its own run. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(npm_|PNPM_|pnpm_)/i.test(k) && k !== "INIT_CWD"),
  );
}

// What a user gets: the packed tarballs, installed into an empty project by npm and by pnpm,
// with no install scripts run and nothing compiled.
describe("packages install from their tarballs", () => {
  let tarballs: string[] = [];
  beforeAll(() => {
    const dest = mkdtempSync(join(tmpdir(), "tstrace-pack-"));
    for (const p of PACKAGES) {
      execFileSync("pnpm", ["pack", "--pack-destination", dest], {
        cwd: join(ROOT, "packages", p),
        stdio: "ignore",
      });
    }
    tarballs = readdirSync(dest).map((f) => join(dest, f));
  }, 120_000);

  for (const manager of ["npm", "pnpm"] as const) {
    it(`with ${manager}: tstrace traces /bin/true and core and the decoder import`, {
      timeout: 240_000,
    }, () => {
      const project = mkdtempSync(join(tmpdir(), `tstrace-install-${manager}-`));
      mkdirSync(project, { recursive: true });
      // pnpm resolves a tarball's own dependencies from the registry; unpublished siblings are
      // pointed at their tarballs with overrides, as a user testing local tarballs would.
      const overrides = Object.fromEntries(
        tarballs.map((t) => [
          `@tstrace/${/^tstrace-(.+)-\d+\.\d+\.\d+\.tgz$/.exec(basename(t))?.[1]}`,
          `file:${t}`,
        ]),
      );
      const manifest = { name: "probe", private: true, type: "module", pnpm: { overrides } };
      writeFileSync(join(project, "package.json"), JSON.stringify(manifest));
      const install =
        manager === "npm"
          ? ["install", "--ignore-scripts", "--no-audit", "--no-fund", ...tarballs]
          : ["add", "--ignore-scripts", ...tarballs];
      const installed = spawnSync(manager, install, { cwd: project, encoding: "utf8", env: cleanEnv() });
      expect(
        installed.status,
        `${manager} ${install.join(" ")}\n${installed.stdout}\n${installed.stderr}`,
      ).toBe(0);

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
