// Copies each package's version from its package.json (what changesets bumps, the one source of
// truth) into its jsr.json. Run by `pnpm version-packages` right after `changeset version`;
// tools/pack-check's test fails when the two disagree.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
/** The packages JSR publishes (the root deno.json's workspace members that have a jsr.json). */
export const JSR_PACKAGES = ["packages/core", "packages/decoder-wasm"];

for (const dir of JSR_PACKAGES) {
  const { version } = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8"));
  const path = join(root, dir, "jsr.json");
  const jsr = JSON.parse(readFileSync(path, "utf8"));
  if (jsr.version === version) continue;
  jsr.version = version;
  writeFileSync(path, `${JSON.stringify(jsr, null, 2)}\n`);
  console.log(`${dir}/jsr.json: ${version}`);
}
