// Once per `vitest run`: Chromium must be there before the browser tests start (installing it on a
// fresh machine takes a minute or two, longer than any test's timeout), and the site must be built.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ensureChromium } from "./helpers/chromium.js";

export default function setup(): void {
  const dist = join(import.meta.dirname, "..", "dist", "index.html");
  if (!existsSync(dist)) throw new Error("docs tests: the site is not built; run `pnpm build` first");
  ensureChromium();
}
