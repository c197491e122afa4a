// The built site, checked without a browser: the CLI reference covers every option of the option
// table and of `tstrace --help`; every package has API pages; the explorer lists core's syscalls;
// internal links resolve.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { OPTION_TABLE } from "@tstrace/cli";
import { archTables } from "@tstrace/core";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const dist = join(root, "dist");
const html = (page: string): string => readFileSync(join(dist, page), "utf8");
/** Visible text of a page, entities decoded enough for option spellings. */
const text = (page: string): string =>
  html(page)
    .replace(/<[^>]+>/g, " ")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&")
    .replaceAll("&#39;", "'")
    .replaceAll("&quot;", '"');

describe("CLI reference", () => {
  const page = text("reference/cli.html");
  it("has every option of the option table, both spellings, its values and its example", () => {
    const missing = OPTION_TABLE.flatMap((row) =>
      [row.short && `-${row.short}`, row.long && `--${row.long}`, row.example].filter(
        (s): s is string => typeof s === "string" && !page.includes(s),
      ),
    );
    expect(missing).toEqual([]);
  });
  it("has every option `tstrace --help` prints", () => {
    const require = createRequire(import.meta.url);
    const bin = join(dirname(require.resolve("@tstrace/cli/package.json")), "bin", "tstrace");
    const help = execFileSync(bin, ["--help"], { encoding: "utf8" });
    const spellings = new Set(help.match(/(?<![\w-])--?[A-Za-z][\w-]*/g) ?? []);
    expect(spellings.size).toBeGreaterThan(60);
    // -DD, -ff, -qq, -tt, -ttt, -xx, -yy are repeats of one letter: the letter is the option; the
    // synopsis' [-AcC…] is a group of letters, one option each.
    const options = [...spellings].flatMap((s) =>
      /^-([A-Za-z])\1+$/.test(s)
        ? [s.slice(0, 2)]
        : /^-[A-Za-z]{2,}$/.test(s)
          ? [...s.slice(1)].map((c) => `-${c}`)
          : [s],
    );
    const missing = options.filter((o) => !new RegExp(`(?<![\\w-])${o}(?![\\w-])`).test(page));
    expect(missing).toEqual([]);
  });
});

describe("API reference", () => {
  it("has pages for each package", () => {
    for (const pkg of ["core", "decoder-wasm", "native", "cli"]) {
      expect(existsSync(join(dist, "api", "@tstrace", pkg, "index.html")), pkg).toBe(true);
    }
    expect(
      text("api/@tstrace/decoder-wasm/functions/createDecoderSync.html").includes("Creates a decoder"),
    ).toBe(true);
    expect(text("api/@tstrace/native/functions/spawnTraced.html").includes("onBatch")).toBe(true);
  });
});

describe("syscall explorer", () => {
  it("lists every syscall of every architecture core knows", () => {
    const page = html("syscalls.html");
    for (const table of archTables) {
      const missing = table.syscalls.filter((row) => !page.includes(`id="${row.name}"`));
      expect(missing.map((r) => `${table.arch} ${r.name}`)).toEqual([]);
    }
  });
});

describe("links", () => {
  const pages = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith(".html"));
  it("every internal link of every page resolves to a built file", () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      for (const [, href] of html(page).matchAll(/<a [^>]*href="([^"#?]*)[^"]*"/g)) {
        if (href === undefined || href === "" || /^[a-z]+:/.test(href) || href.startsWith("//")) continue;
        const target = href.startsWith("/") ? join(dist, href) : join(dist, dirname(page), href);
        const file = target.endsWith("/") ? join(target, "index.html") : target;
        checked++;
        if (!existsSync(file)) broken.push(`${page} -> ${href} (${relative(dist, file)})`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });
});
