/**
 * Per-architecture entry points (`@tstrace/core/x86_64` …): package.json exports each one, and the
 * static import graph of each entry (src/, and dist/ when built) reaches its own generated table and
 * no other architecture's, nor the constant/errno/signal tables, so a bundler never includes them.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import * as aarch64Entry from "../src/aarch64.js";
import * as armEntry from "../src/arm.js";
import * as i386Entry from "../src/i386.js";
import * as root from "../src/index.js";
import * as riscv64Entry from "../src/riscv64.js";
import * as x86_64Entry from "../src/x86_64.js";
import { PKG } from "./helpers/probe.js";

const ARCHES = ["x86_64", "i386", "aarch64", "arm", "riscv64"] as const;
const ENTRIES: Record<(typeof ARCHES)[number], Record<string, unknown>> = {
  x86_64: x86_64Entry,
  i386: i386Entry,
  aarch64: aarch64Entry,
  arm: armEntry,
  riscv64: riscv64Entry,
};

/** Files reachable from `entry` through relative static imports and re-exports. */
function importGraph(entry: string, ext: ".ts" | ".js"): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(
      /^\s*(?:import|export)\s[^;]*?\sfrom\s+"(\.[^"]+)"|^\s*import\s+"(\.[^"]+)"|import\(\s*"(\.[^"]+)"\s*\)/gm,
    )) {
      const spec = (m[1] ?? m[2] ?? m[3]) as string;
      // type-only imports vanish from the emitted JavaScript
      if (/^\s*(import|export)\s+type\s/.test(m[0])) continue;
      todo.push(resolve(dirname(file), spec.replace(/\.js$/, ext)));
    }
  }
  return seen;
}

const rel = (files: Set<string>, base: string): string[] =>
  [...files].map((f) => f.slice(base.length + 1)).sort();

describe("per-architecture entry points", () => {
  const pkg = JSON.parse(readFileSync(join(PKG, "package.json"), "utf8")) as {
    exports: Record<string, { default: string; types: string }>;
  };

  for (const arch of ARCHES) {
    it(`@tstrace/core/${arch} is exported`, () => {
      expect(pkg.exports[`./${arch}`]).toEqual({
        types: `./dist/${arch}.d.ts`,
        default: `./dist/${arch}.js`,
      });
    });

    for (const [dir, ext] of [
      ["src", ".ts"],
      ["dist", ".js"],
    ] as const) {
      const base = join(PKG, dir);
      const entry = join(base, `${arch}${ext}`);
      it.skipIf(!existsSync(entry))(
        `${dir}/${arch}${ext} loads only ${arch}'s table${existsSync(entry) ? "" : " (skipped: not built)"}`,
        () => {
          const files = rel(importGraph(entry, ext), base);
          expect(files).toContain(`generated/syscalls-${arch}${ext}`);
          const foreign = files.filter(
            (f) =>
              /^generated\/(syscalls-|consts|errnos|signals)/.test(f) &&
              f !== `generated/syscalls-${arch}${ext}`,
          );
          expect(foreign).toEqual([]);
          expect(files).not.toContain(`arch${ext}`);
          expect(files).not.toContain(`index${ext}`);
        },
      );
    }

    it(`${arch} entry's table is the root's`, () => {
      const mod = ENTRIES[arch];
      expect(JSON.stringify(mod[arch])).toBe(JSON.stringify((root as Record<string, unknown>)[arch]));
      expect(typeof mod.syscallByName).toBe("function");
    });
  }
});

describe("table-free entry points", () => {
  const pkg = JSON.parse(readFileSync(join(PKG, "package.json"), "utf8")) as {
    exports: Record<string, { default: string; types: string }>;
  };
  for (const name of ["capture-plan", "trace-expr", "record-format", "errno", "signals", "consts"]) {
    it(`@tstrace/core/${name} is exported and loads no syscall table`, () => {
      expect(pkg.exports[`./${name}`]).toEqual({
        types: `./dist/${name}.d.ts`,
        default: `./dist/${name}.js`,
      });
      const base = join(PKG, "src");
      const files = rel(importGraph(join(base, `${name}.ts`), ".ts"), base);
      expect(files.filter((f) => /^generated\/syscalls-|^arch\.ts$|^index\.ts$/.test(f))).toEqual([]);
    });
  }
});
