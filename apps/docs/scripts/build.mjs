// Renders content/*.md into dist/*.html: a static documentation site with no runtime.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { marked } from "marked";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const content = join(root, "content");
const dist = join(root, "dist");

const pages = readdirSync(content)
  .filter((f) => f.endsWith(".md"))
  .sort();

function titleOf(markdown, fallback) {
  return /^# (.+)$/m.exec(markdown)?.[1] ?? fallback;
}

function page(title, body, nav) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title} · tstrace</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}
pre,code{font-family:ui-monospace,monospace}pre{background:#f4f4f4;padding:.75rem;overflow:auto}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem}nav a{margin-right:1rem}</style>
</head><body><nav>${nav}</nav><main>${body}</main></body></html>
`;
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
const sources = pages.map((f) => ({ file: f, md: readFileSync(join(content, f), "utf8") }));
const nav = sources
  .map(({ file, md }) => `<a href="${basename(file, ".md")}.html">${titleOf(md, file)}</a>`)
  .join("");
for (const { file, md } of sources) {
  // Links between pages are written as .md in the sources so they also work on GitHub.
  const html = marked.parse(md.replace(/\]\(([\w-]+)\.md\)/g, "]($1.html)"), { async: false });
  writeFileSync(join(dist, `${basename(file, ".md")}.html`), page(titleOf(md, file), html, nav));
}
process.stdout.write(`docs: ${sources.length} pages -> dist/\n`);
