// Checks that a built addon loads on any x86_64 Linux with glibc >= 2.17: every versioned symbol
// it imports is GLIBC_2.17 or older, it imports nothing from libstdc++ (GLIBCXX/CXXABI: linked
// statically), every unversioned import is Node-API's (resolved from the node process), and it is
// stripped. Used by scripts/build.mjs on what it links and by tools/pack-check on what npm
// installed. Reads the binary with binutils' objdump and readelf (present wherever g++ is).
import { execFileSync } from "node:child_process";

/** The newest glibc the addon may need. */
export const GLIBC_FLOOR = "2.17";

/** Compares dotted versions numerically ("2.9" < "2.17"). */
function compareVersions(a, b) {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Returns what the binary needs ({ glibc: newest GLIBC_ version, needed: DT_NEEDED libraries });
 * throws an Error listing every problem found.
 */
export function checkPortable(file) {
  const problems = [];
  const dynsyms = execFileSync("objdump", ["-T", file], { encoding: "utf8" });
  let glibc = "0";
  for (const line of dynsyms.split("\n")) {
    // "0000000000000000      DF *UND*	0000000000000000 (GLIBC_2.14) memcpy"
    const m = /\*UND\*\s+\S+\s+(?:\(?([A-Z_]+)_([0-9.]+)\)?\s+)?(\S+)$/.exec(line.trim());
    if (m === null) continue;
    const [, lib, version, name] = m;
    const weak = /^\S+\s+w\s/.test(line.trim());
    if (lib === undefined) {
      if (!weak && !/^(napi|node_api)_/.test(name)) problems.push(`unversioned import ${name}`);
    } else if (lib === "GLIBC") {
      if (compareVersions(version, glibc) > 0) glibc = version;
      if (compareVersions(version, GLIBC_FLOOR) > 0) problems.push(`${name} needs GLIBC_${version}`);
    } else {
      problems.push(`${name} needs ${lib}_${version}`);
    }
  }
  const dynamic = execFileSync("readelf", ["-d", file], { encoding: "utf8" });
  const needed = [...dynamic.matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)].map((m) => m[1]);
  for (const lib of needed)
    if (!/^(libc|libm|libdl|libpthread|librt|ld-linux-x86-64)\.so\./.test(lib)) problems.push(`needs ${lib}`);
  const sections = execFileSync("readelf", ["-S", "-W", file], { encoding: "utf8" });
  if (/\s\.symtab\s/.test(sections)) problems.push("not stripped (has .symtab)");
  if (/\s\.debug_/.test(sections)) problems.push("carries debug sections");
  if (problems.length > 0) throw new Error(`${file} is not portable:\n  ${problems.join("\n  ")}`);
  return { glibc, needed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of process.argv.slice(2)) {
    const { glibc, needed } = checkPortable(file);
    console.log(`${file}: GLIBC <= ${glibc}, needs ${needed.join(", ")}, stripped`);
  }
}
