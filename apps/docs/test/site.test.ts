import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dist = join(import.meta.dirname, "..", "dist");
const content = join(import.meta.dirname, "..", "content");

describe("documentation site", () => {
  const pages = readdirSync(content).filter((f) => f.endsWith(".md"));
  it("renders every content page", () => {
    for (const md of pages) expect(existsSync(join(dist, md.replace(/\.md$/, ".html")))).toBe(true);
  });
  it("has no link to a page that does not exist", () => {
    for (const md of pages) {
      const html = readFileSync(join(dist, md.replace(/\.md$/, ".html")), "utf8");
      for (const [, target] of html.matchAll(/href="([\w-]+\.html)"/g)) {
        expect(existsSync(join(dist, target as string)), `${md} links to ${target}`).toBe(true);
      }
    }
  });
});
