// Small C programs the tests compile to make exactly the calls they compare with strace.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

/** The C compiler on PATH, or "" where there is none (tests that need one are then skipped). */
export const CC: string = spawnSync("sh", ["-c", "command -v cc"], { encoding: "utf8" }).stdout.trim();

/**
 * Writes `source` to `dir/name.c` and compiles it to `dir/name` (at -O1 unless `flags` say
 * otherwise); returns the executable's path, or throws with the compiler's messages.
 */
export function compileC(
  dir: string,
  name: string,
  source: string,
  flags: readonly string[] = ["-O1"],
): string {
  const src = join(dir, `${name}.c`);
  const exe = join(dir, name);
  writeFileSync(src, source);
  const r = spawnSync(CC || "cc", [...flags, "-o", exe, src], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`cc failed for ${name}.c: ${r.stderr}`);
  return exe;
}
