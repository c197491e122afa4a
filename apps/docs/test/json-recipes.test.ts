// The jq recipes of the JSON output guide (content/guide/json.md), run as written on a real
// `tstrace --json` trace: each must succeed and print what it promises. The recipes are read from
// the page itself, so the page cannot show one this test does not run.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const page = readFileSync(join(import.meta.dirname, "..", "content", "guide", "json.md"), "utf8");
const section = page.slice(page.indexOf("## jq recipes"), page.indexOf("## The schema"));
/** Each recipe: its comment line and its command. */
const recipes = [...section.matchAll(/^# (.+)\n(jq .+)$/gm)].map((m) => ({
  title: m[1] as string,
  command: m[2] as string,
}));
const hasJq = spawnSync("jq", ["--version"], { stdio: "ignore" }).status === 0;

const require = createRequire(import.meta.url);
const tstrace = join(dirname(require.resolve("@tstrace/cli/package.json")), "bin", "tstrace");
const dir = mkdtempSync(join(tmpdir(), "tstrace-jq-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What each recipe must print for the traced command (by its title). */
const EXPECT: Readonly<Record<string, (out: string) => void>> = {
  "the five slowest calls": (out) => expect(out.trim().split("\n")).toHaveLength(5),
  "the files opened (successfully)": (out) => expect(out.split("\n")).toContain("/etc/hostname"),
  "the calls that failed, and why": (out) =>
    expect(out).toMatch(/^\d+ openat ENOENT \(No such file or directory\)$/m),
  "failures counted by errno": (out) => expect(out).toMatch(/^\d+ ENOENT$/m),
  "how each process ended": (out) => expect(out).toMatch(/^\d+ 1$/m),
  "what was written to stdout": (out) => expect(out).toContain(readFileSync("/etc/hostname", "utf8")),
  "time per syscall from -c --json": (out) => expect(out).toMatch(/^execve 1 \d+$/m),
};

describe.skipIf(!hasJq)("the JSON guide's jq recipes (jq is installed)", () => {
  const trace = join(dir, "trace.jsonl");
  const summary = join(dir, "summary.json");
  const command = ["sh", "-c", "cat /etc/hostname /nonexistent; ls /tmp"];
  spawnSync(tstrace, ["--json", "-o", trace, "-f", ...command], { stdio: "ignore" });
  spawnSync(tstrace, ["--json", "-c", "-o", summary, ...command], { stdio: "ignore" });

  it("the page has the recipes this test knows", () => {
    expect(recipes.map((r) => r.title).sort()).toEqual(Object.keys(EXPECT).sort());
  });
  for (const r of recipes) {
    it(`${r.title}: ${r.command}`, () => {
      const sh = r.command.replaceAll("trace.jsonl", trace).replaceAll("summary.json", summary);
      const out = execFileSync("sh", ["-c", sh], { encoding: "utf8" });
      EXPECT[r.title]?.(out);
    });
  }
});
