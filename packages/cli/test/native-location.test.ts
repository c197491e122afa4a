// Where the bin's bundled @tstrace/native JavaScript looks for its package (src/native-location.ts):
// node_modules folders walked up as Node walks them, the package's real path (pnpm links it).
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { nativeEntryUrl } from "../src/native-location.js";

const root = realpathSync(mkdtempSync(join(tmpdir(), "tstrace-natloc-")));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function pkg(dir: string): void {
  mkdirSync(join(dir, "dist"), { recursive: true });
  writeFileSync(join(dir, "package.json"), '{"name":"@tstrace/native"}');
}

describe("nativeEntryUrl", () => {
  it("finds a hoisted @tstrace/native above the cli (npm), past node_modules folders", () => {
    const project = join(root, "npm");
    pkg(join(project, "node_modules", "@tstrace", "native"));
    const bundle = join(project, "node_modules", "@tstrace", "cli", "dist", "tstrace-main.cjs");
    expect(nativeEntryUrl(bundle, "dist/index.js")).toBe(
      pathToFileURL(join(project, "node_modules", "@tstrace", "native", "dist", "index.js")).href,
    );
  });

  it("takes the nearest one, by its real path (pnpm's link into its store)", () => {
    const project = join(root, "pnpm");
    const store = join(
      project,
      "node_modules",
      ".pnpm",
      "native@0.1.0",
      "node_modules",
      "@tstrace",
      "native",
    );
    pkg(store);
    pkg(join(project, "node_modules", "@tstrace", "native")); // a farther one, not taken
    const cli = join(project, "node_modules", ".pnpm", "cli@0.1.0", "node_modules", "@tstrace", "cli");
    mkdirSync(join(cli, "node_modules", "@tstrace"), { recursive: true });
    symlinkSync(store, join(cli, "node_modules", "@tstrace", "native"));
    expect(nativeEntryUrl(join(cli, "dist", "tstrace-main.cjs"), "dist/index.js")).toBe(
      pathToFileURL(join(store, "dist", "index.js")).href,
    );
  });

  it("finds this checkout's own (packages/cli/node_modules/@tstrace/native, a workspace link)", () => {
    const here = join(import.meta.dirname, "..", "dist", "tstrace-main.cjs");
    expect(nativeEntryUrl(here, "dist/index.js")).toBe(
      pathToFileURL(join(realpathSync(join(import.meta.dirname, "..", "..", "native")), "dist", "index.js"))
        .href,
    );
  });
});
