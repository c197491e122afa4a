// Everything the site shows that comes from the code, made before `vitepress build`/`dev`: the CLI
// reference (option table), the syscall explorer (core's tables), the API reference (TypeDoc),
// the guide's example output (the built tstrace run on real commands), the playground's sample
// traces (@tstrace/native), the --json schema and the performance table (data/bench.json). All of it
// is gitignored.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchTable } from "./gen/bench-table.mjs";
import { cliReference } from "./gen/cli-reference.mjs";
import { writeExamples } from "./gen/examples.mjs";
import { writeSamples } from "./gen/samples.mjs";
import { syscallsPage } from "./gen/syscalls.mjs";

/**
 * The package READMEs that TypeDoc uses as module pages link to the repository's README and to the
 * record-format page by relative path; TypeDoc copies those files into api/_media, where their own
 * links break. Point the links at this site's pages instead and drop the copies.
 */
function relinkMedia(apiDir) {
  const SITE = { "README.md": "/index.md", "record-format.md": "/record-format.md" };
  for (const file of readdirSync(apiDir, { recursive: true })) {
    if (!String(file).endsWith(".md")) continue;
    const path = join(apiDir, String(file));
    const md = readFileSync(path, "utf8");
    const fixed = md.replace(/\]\((?:\.\.\/)*_media\/([\w.-]+)\)/g, (all, name) =>
      SITE[name] ? `](${SITE[name]})` : all,
    );
    if (fixed !== md) writeFileSync(path, fixed);
  }
  rmSync(join(apiDir, "_media"), { recursive: true, force: true });
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const content = join(root, "content");
const generated = join(root, "generated");
const step = async (name, fn) => {
  const t = Date.now();
  await fn();
  process.stdout.write(`docs: ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)\n`);
};

mkdirSync(join(content, "reference"), { recursive: true });
mkdirSync(generated, { recursive: true });
await step("CLI reference", () => writeFileSync(join(content, "reference", "cli.md"), cliReference()));
await step("syscall explorer", () => writeFileSync(join(content, "syscalls.md"), syscallsPage()));
await step("performance table", () =>
  writeFileSync(join(generated, "bench-table.md"), benchTable(join(root, "data", "bench.json"))),
);
await step("examples", () => writeExamples(join(generated, "examples")));
// The --json schema, served as a file at /event.schema.json (the JSON output guide embeds it too).
await step("JSON schema", () =>
  copyFileSync(
    join(root, "..", "..", "packages", "decoder-wasm", "schema", "event.schema.json"),
    join(content, "public", "event.schema.json"),
  ),
);
await step("playground samples", async () => {
  const dir = join(content, "public", "samples");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const index = await writeSamples(dir);
  writeFileSync(join(dir, "index.json"), `${JSON.stringify(index, null, 2)}\n`);
});
await step("API reference (TypeDoc)", () => {
  rmSync(join(content, "api"), { recursive: true, force: true });
  const r = spawnSync("typedoc", ["--options", "typedoc.json", "--logLevel", "Warn"], {
    cwd: root,
    stdio: "inherit",
    shell: false,
    env: { ...process.env, PATH: `${join(root, "node_modules", ".bin")}:${process.env.PATH}` },
  });
  if (r.status !== 0) throw new Error(`typedoc exited with ${r.status ?? r.signal}`);
  relinkMedia(join(content, "api"));
});
