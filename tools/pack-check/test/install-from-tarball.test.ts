import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { checkPortable, GLIBC_FLOOR } from "../../../packages/native/scripts/check-portable.mjs";

const ROOT = join(import.meta.dirname, "..", "..", "..");
/** Every published package, by directory. */
const PACKAGES = [
  "packages/core",
  "packages/decoder-wasm",
  "packages/native",
  "packages/native/npm/linux-x64-gnu",
  "packages/cli",
];
const require = createRequire(import.meta.url);
/** A bin of this package's devDependencies. */
const bin = (name: string): string => join(ROOT, "tools", "pack-check", "node_modules", ".bin", name);
const rootManifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));

/** The environment without what the enclosing `pnpm test` exported for its own run. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(npm_|PNPM_|pnpm_)/i.test(k) && k !== "INIT_CWD"),
  );
}

/** Bytes under dir, as `du` counts file sizes (symlinks not followed). */
function treeSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    total += entry.isDirectory() ? treeSize(path) : statSync(path).size;
  }
  return total;
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

interface Packed {
  dir: string;
  name: string;
  tarball: string;
  manifest: Record<string, unknown> & { name: string; scripts?: Record<string, string> };
  files: string[];
  /** Where the tarball was unpacked (its files under package/). */
  unpacked: string;
}

// What a user gets: the packed tarballs, installed into an empty project by npm and by pnpm.
describe("packages install from their tarballs", () => {
  const packed: Packed[] = [];
  beforeAll(() => {
    const dest = mkdtempSync(join(tmpdir(), "tstrace-pack-"));
    for (const dir of PACKAGES) {
      const before = new Set(readdirSync(dest));
      execFileSync("pnpm", ["pack", "--pack-destination", dest], { cwd: join(ROOT, dir), stdio: "ignore" });
      const tarball = readdirSync(dest).find((f) => !before.has(f));
      if (tarball === undefined) throw new Error(`pnpm pack made no tarball in ${dir}`);
      const unpacked = mkdtempSync(join(tmpdir(), "tstrace-unpacked-"));
      execFileSync("tar", ["-xzf", join(dest, tarball), "-C", unpacked]);
      const files = execFileSync("tar", ["-tzf", join(dest, tarball)], { encoding: "utf8" })
        .trim()
        .split("\n")
        .map((f) => f.replace(/^package\//, ""));
      const manifest = JSON.parse(readFileSync(join(unpacked, "package", "package.json"), "utf8"));
      packed.push({ dir, name: manifest.name, tarball: join(dest, tarball), manifest, files, unpacked });
      console.log(`${manifest.name}: tarball ${kb(statSync(join(dest, tarball)).size)}`);
    }
  }, 180_000);

  it("every tarball has the license, the metadata and no install step", () => {
    const license = readFileSync(join(ROOT, "LICENSE"), "utf8");
    for (const p of packed) {
      const m = p.manifest;
      expect(readFileSync(join(ROOT, p.dir, "LICENSE"), "utf8"), `${p.name} LICENSE`).toBe(license);
      expect(p.files, p.name).toContain("LICENSE");
      expect(m.license, p.name).toBe(rootManifest.license);
      expect((m.repository as { url: string }).url, p.name).toBe(rootManifest.repository.url);
      expect(m.homepage, p.name).toMatch(/^https:\/\//);
      expect(m.bugs, p.name).toBeDefined();
      for (const hook of ["preinstall", "install", "postinstall"])
        expect(m.scripts?.[hook], `${p.name} scripts.${hook}`).toBeUndefined();
      expect(p.files, p.name).not.toContain("binding.gyp");
      // Source maps carry their sources (src/ is not shipped) or are not shipped.
      for (const file of p.files.filter((f) => f.endsWith(".map"))) {
        expect(file, p.name).not.toMatch(/\.d\.ts\.map$/);
        const map = JSON.parse(readFileSync(join(p.unpacked, "package", file), "utf8"));
        expect(map.sourcesContent?.length, `${p.name} ${file}`).toBe(map.sources.length);
      }
    }
    const cli = packed.find((p) => p.name === "@tstrace/cli");
    expect(Object.keys((cli?.manifest.dependencies as object) ?? {})).toEqual(["@tstrace/native"]);
    const native = packed.find((p) => p.name === "@tstrace/native");
    expect(native?.manifest.dependencies).toBeUndefined();
    const platform = packed.find((p) => p.name === "@tstrace/native-linux-x64-gnu");
    expect(native?.manifest.optionalDependencies).toEqual({
      "@tstrace/native-linux-x64-gnu": platform?.manifest.version,
    });
    expect([platform?.manifest.os, platform?.manifest.cpu, platform?.manifest.libc]).toEqual([
      ["linux"],
      ["x64"],
      ["glibc"],
    ]);
  });

  it("jsr.json names and versions follow package.json", () => {
    for (const dir of ["packages/core", "packages/decoder-wasm"]) {
      const pkg = JSON.parse(readFileSync(join(ROOT, dir, "package.json"), "utf8"));
      const jsr = JSON.parse(readFileSync(join(ROOT, dir, "jsr.json"), "utf8"));
      expect([jsr.name, jsr.version, jsr.license], dir).toEqual([pkg.name, pkg.version, pkg.license]);
      expect(Object.keys(jsr.exports), dir).toEqual(
        Object.keys(pkg.exports).filter((k) => k !== "./package.json"),
      );
    }
  });

  it("publint and attw (ESM-only profile) find nothing", { timeout: 180_000 }, () => {
    for (const p of packed) {
      const lint = spawnSync(bin("publint"), ["--strict", p.tarball], {
        encoding: "utf8",
      });
      expect(lint.status, `publint ${p.name}\n${lint.stdout}${lint.stderr}`).toBe(0);
      if (p.name === "@tstrace/native-linux-x64-gnu") continue; // a binary, no JavaScript or types
      const attw = spawnSync(bin("attw"), [p.tarball, "--profile", "esm-only"], {
        encoding: "utf8",
      });
      expect(attw.status, `attw ${p.name}\n${attw.stdout}${attw.stderr}`).toBe(0);
    }
  });

  for (const manager of ["npm", "pnpm"] as const) {
    it(`with ${manager}: no script, no warning; tstrace traces cat /etc/hostname; the decoder decodes`, {
      timeout: 240_000,
    }, () => {
      const project = mkdtempSync(join(tmpdir(), `tstrace-install-${manager}-`));
      const tarballs = packed.map((p) => p.tarball);
      // A tarball's dependencies on its siblings are registry ranges (`workspace:^` became `^0.1.0`);
      // npm takes the tarballs given on its command line for them, pnpm needs overrides (README).
      const overrides = Object.fromEntries(packed.map((p) => [p.name, `file:${p.tarball}`]));
      const manifest = { name: "probe", private: true, type: "module", pnpm: { overrides } };
      writeFileSync(join(project, "package.json"), JSON.stringify(manifest));
      const install =
        manager === "npm" ? ["install", "--no-audit", "--no-fund", ...tarballs] : ["add", ...tarballs];
      const installed = spawnSync(manager, install, { cwd: project, encoding: "utf8", env: cleanEnv() });
      const output = `${installed.stdout}\n${installed.stderr}`;
      expect(installed.status, `${manager} ${install.join(" ")}\n${output}`).toBe(0);
      // npm 11's "install scripts not yet covered by allowScripts", pnpm's "Ignored build scripts",
      // deprecations, engine or platform mismatches: none.
      expect(output, output).not.toMatch(/warn|ignored build scripts|allowScripts|node-gyp/i);
      const nodeModules = join(project, "node_modules");
      // Nothing was compiled (node-gyp would have left a build/ directory).
      const nativeDir = join(nodeModules, "@tstrace", "native");
      expect(readdirSync(nativeDir).sort()).toEqual(["LICENSE", "README.md", "dist", "package.json"]);
      console.log(`${manager}: every package installed, node_modules ${kb(treeSize(nodeModules))}`);

      const traced = spawnSync(join(nodeModules, ".bin", "tstrace"), ["cat", "/etc/hostname"], {
        cwd: project,
        encoding: "utf8",
      });
      expect(traced.status, traced.stderr).toBe(0);
      expect(traced.stdout).toBe(readFileSync("/etc/hostname", "utf8"));
      expect(traced.stderr).toMatch(/^execve\("\/usr\/bin\/cat", \["cat", "\/etc\/hostname"\]/);
      expect(traced.stderr).toContain('openat(AT_FDCWD, "/etc/hostname", O_RDONLY) = 3\n');
      expect(traced.stderr.trimEnd().split("\n").at(-1)).toBe("+++ exited with 0 +++");

      // The libraries on their own: native traces, core plans, the decoder (sync after init) formats.
      const probe = `
        import { writeFileSync } from "node:fs";
        import { compileCapturePlan } from "@tstrace/core/capture-plan";
        import { x86_64 } from "@tstrace/core/x86_64";
        import { createDecoderSync, init, quoteString } from "@tstrace/decoder-wasm";
        import { spawnTraced } from "@tstrace/native";
        await init();
        const decoder = createDecoderSync();
        let text = quoteString(new Uint8Array([1, 10, 0xff])) + "\\n";
        const plan = compileCapturePlan(x86_64, { strsize: 32 });
        const session = spawnTraced({ argv: ["cat", "/etc/hostname"], capturePlan: plan }, (batch) => {
          text += decoder.decodeToString(batch);
        });
        await session.done;
        text += new TextDecoder().decode(decoder.finish());
        writeFileSync("decoded.txt", text);
      `;
      writeFileSync(join(project, "probe.mjs"), probe);
      execFileSync(process.execPath, ["probe.mjs"], { cwd: project, stdio: "ignore" });
      const decoded = readFileSync(join(project, "decoded.txt"), "utf8");
      const lines = decoded.split("\n");
      expect(lines[0]).toBe('"\\1\\n\\377"');
      expect(lines).toContain('openat(AT_FDCWD, "/etc/hostname", O_RDONLY) = 3');
      expect(lines.filter((l) => l !== "").at(-1)).toBe("+++ exited with 0 +++");

      if (manager === "npm") {
        // Under Deno: one line per missing permission, then a trace once they are granted.
        const script = join(nodeModules, "@tstrace", "cli", "dist", "tstrace.mjs");
        const env = { ...cleanEnv(), NO_COLOR: "1" };
        const denied = spawnSync(bin("deno"), ["run", script, "cat", "/etc/hostname"], {
          cwd: project,
          encoding: "utf8",
          env,
        });
        expect(denied.status).toBe(1);
        expect(denied.stderr.trimEnd().split("\n")).toEqual([
          expect.stringMatching(/^tstrace: Deno needs --allow-read /),
          expect.stringMatching(/^tstrace: Deno needs --allow-env /),
          expect.stringMatching(/^tstrace: Deno needs --allow-ffi /),
        ]);
        const flags = ["--allow-read", "--allow-env", "--allow-ffi"];
        const deno = spawnSync(bin("deno"), ["run", ...flags, script, "cat", "/etc/hostname"], {
          cwd: project,
          encoding: "utf8",
          env,
        });
        expect(deno.status, deno.stderr).toBe(0);
        expect(deno.stderr).toContain('openat(AT_FDCWD, "/etc/hostname", O_RDONLY) = 3\n');
      }

      // The addon npm/pnpm installed: glibc <= 2.17, no libstdc++ symbol versions, stripped.
      const addon = require.resolve("@tstrace/native-linux-x64-gnu", { paths: [project] });
      const { glibc } = checkPortable(addon);
      expect(Number(glibc.split(".")[1])).toBeLessThanOrEqual(Number(GLIBC_FLOOR.split(".")[1]));
      console.log(`${manager}: ${addon.slice(project.length + 1)} needs GLIBC_${glibc}`);
    });
  }

  it("the cli alone installs with npm into its bundle, native and the addon", { timeout: 120_000 }, () => {
    const project = mkdtempSync(join(tmpdir(), "tstrace-cli-only-"));
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "probe", private: true }));
    const names = ["@tstrace/cli", "@tstrace/native", "@tstrace/native-linux-x64-gnu"];
    const tarballs = packed.filter((p) => names.includes(p.name)).map((p) => p.tarball);
    const installed = spawnSync("npm", ["install", "--no-audit", "--no-fund", ...tarballs], {
      cwd: project,
      encoding: "utf8",
      env: cleanEnv(),
    });
    expect(installed.status, installed.stderr).toBe(0);
    expect(readdirSync(join(project, "node_modules", "@tstrace")).sort()).toEqual([
      "cli",
      "native",
      "native-linux-x64-gnu",
    ]);
    console.log(`npm: the cli alone, node_modules ${kb(treeSize(join(project, "node_modules")))}`);
    const traced = spawnSync(
      join(project, "node_modules", ".bin", "tstrace"),
      ["-e", "trace=openat", "true"],
      {
        encoding: "utf8",
      },
    );
    expect(traced.status, traced.stderr).toBe(0);
    expect(traced.stderr.trimEnd().split("\n").at(-1)).toBe("+++ exited with 0 +++");
  });

  // Issue 14's target was 60 KB (met at 58.6 KB); strace's ioctl names (3,023), the netlink and
  // prctl tables and their decoders took it to ~145 KB, the ioctl family decoders (struct printers,
  // their constant tables: ATA commands, fs flags, lirc, …) to ~152 KB, and the long tail (SysV IPC,
  // sockopts, quota, mount API, landlock, NUMA, …: 111 KB js + 70 KB wasm gz) to ~181 KB, and the
  // strace-suite work of December (evdev/kvm/kd/uffd/block/SCSI ioctls, netlink attributes, bpf,
  // perf, ptrace, pid namespaces, the long tail: 159 KB js + 114 KB wasm gz) to ~273 KB, and its
  // second half (v4l2's ~900 names and 36 structs, bpf_attr's commands, keyctl, aio, socket ioctls,
  // link-kind and inet_diag attributes: 178 KB js + 131 KB wasm gz) to ~310 KB, and its third
  // (io_uring_register, btrfs, device mapper, TEE, SG_IO, poke notes: 186 KB js + 144 KB wasm gz) to
  // ~330 KB. Measured
  // at ~235 KB: the tables were 331 KB raw, half names (57 KB gz), half values (40 KB gz); base64 in
  // the js costs ~35 KB gz over a binary file, so moving them out of the js alone would not bring it
  // under 200 KB. Until the default
  // tables stop riding in the minimal bundle (an explicit table import, as `arch` already is), this
  // budget only keeps it from growing unseen.
  it("a browser bundle of the decoder (init, createDecoderSync) and its wasm is <= 340 KB gzipped", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tstrace-browser-"));
    const entry = join(dir, "entry.mjs");
    writeFileSync(
      entry,
      `import { createDecoderSync, init } from "@tstrace/decoder-wasm";
       await init();
       globalThis.decoder = createDecoderSync();`,
    );
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      write: false,
      nodePaths: [join(ROOT, "tools", "pack-check", "node_modules")],
      logLevel: "silent",
    });
    const js = result.outputFiles[0]?.contents ?? new Uint8Array();
    // No second copy of the wasm: the bundle holds no base64 of it and loads it from its file.
    expect(new TextDecoder().decode(js)).toContain("decoder.wasm");
    const wasm = readFileSync(join(ROOT, "packages", "decoder-wasm", "dist", "decoder.wasm"));
    const gz = (b: Uint8Array): number => gzipSync(b, { level: 9 }).length;
    const total = gz(js) + gz(wasm);
    console.log(
      `browser: js ${kb(js.length)} (${kb(gz(js))} gz) + wasm ${kb(wasm.length)} (${kb(gz(wasm))} gz) = ${kb(total)} gz`,
    );
    expect(total).toBeLessThanOrEqual(340 * 1024);
    // And the bundle holds none of core's architecture tables.
    expect(new TextDecoder().decode(js)).not.toMatch(/riscv64|aarch64/);
  });

  it("deno publish --dry-run accepts core and decoder-wasm (no slow types)", { timeout: 120_000 }, () => {
    const deno = bin("deno");
    const run = spawnSync(deno, ["publish", "--dry-run", "--allow-dirty", "--sloppy-imports"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...cleanEnv(), NO_COLOR: "1" },
    });
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status, output).toBe(0);
    expect(output).toContain("Simulating publish of @tstrace/core@");
    expect(output).toContain("Simulating publish of @tstrace/decoder-wasm@");
    expect(output).not.toMatch(/warning/i);
  });
});
