/**
 * -k on the command line: the unwinder reads the traced program's files from this machine's
 * file system (a replay elsewhere needs the same files at the same paths), and C++ names are
 * demangled by binutils' c++filt when it is installed (`-i`: strace's cplus_demangle flags, no
 * DMGL_VERBOSE), as strace demangles them with libiberty; without it they print mangled.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { StackUnwinder } from "@tstrace/core/unwind";

/** A session's unwinder; files that cannot be read give frames without symbols. */
export function createStackUnwinder(): StackUnwinder {
  return new StackUnwinder(readFile, demangle);
}

function readFile(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

let cxxfilt = true;

function demangle(names: readonly string[]): readonly (string | undefined)[] {
  if (!cxxfilt) return [];
  let out: string[] | undefined;
  try {
    // Loaded at the first demangling (-k), not at every start-up (node:child_process is a few ms).
    const { spawnSync } = createRequire(import.meta.url)(
      "node:child_process",
    ) as typeof import("node:child_process");
    const r = spawnSync("c++filt", ["-i"], { input: `${names.join("\n")}\n`, encoding: "utf8" });
    out = r.status === 0 ? r.stdout.split("\n") : undefined;
  } catch {
    // Deno without --allow-run refuses to start it: as if it were not installed.
  }
  if (!out || out.length < names.length) {
    cxxfilt = false; // not installed (or broken): leave names as they are from now on
    return [];
  }
  return names.map((n, i) => (out[i] === n ? undefined : out[i]));
}
