/**
 * Where the installed @tstrace/native is, for its JavaScript bundled into the bin
 * (scripts/bundle.mjs): that code finds its addon from its own package's place, as unbundled.
 *
 * Found the way Node's resolution walks node_modules folders up from the bundle, then made real
 * (pnpm links packages), as require.resolve would; require.resolve itself is the fallback (a
 * layout without node_modules folders, such as Deno's npm cache). Not require.resolve first: the
 * first resolution through a package's `exports` loads Node's ES module resolver, ~3 ms of every
 * start.
 */
import { existsSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

/** The file URL of @tstrace/native's `entry` (its path inside the package) as seen from `from`. */
export function nativeEntryUrl(from: string, entry: string): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const pkg = join(dir, "node_modules", "@tstrace", "native");
    if (!dir.endsWith("/node_modules") && existsSync(join(pkg, "package.json")))
      return pathToFileURL(join(realpathSync(pkg), entry)).href;
    if (dirname(dir) === dir) break;
  }
  return pathToFileURL(createRequire(from).resolve("@tstrace/native")).href;
}
