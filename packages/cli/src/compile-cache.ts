/**
 * Runs the bin's CommonJS bundle (dist/tstrace-main.cjs) from V8's code cache, on every Node.
 *
 * Why: compiling the ~0.9 MB bundle, then each function it runs as it is first called, is the
 * largest part of tstrace's own start-up. Node 20 keeps no compiled code between runs (Node ≥ 22.1's
 * module.enableCompileCache() does, for modules loaded after it), but `vm.Script` takes V8's
 * cached data on any Node: the first run compiles, runs, and at exit writes what V8 compiled by
 * then (the functions the run called included), and later runs deserialise that instead.
 *
 * Where: `<os tmpdir>/tstrace-compile-cache-<uid>/`, a directory only its user may write (one
 * whose owner or mode is otherwise is not used: compiled code read from it runs), one file per
 * Node version, architecture and bundle hash. V8 checks the data against its own version and
 * flags and rejects a mismatch (then this run rewrites it); the bundle's hash in the name is
 * what keeps a rebuilt bundle from meeting another bundle's code (V8 checks only the length).
 * `NODE_DISABLE_COMPILE_CACHE=1` (Node's own switch for its cache) turns it off.
 */
import { createRequire } from "node:module";

interface Fs {
  readFileSync(path: string): Buffer;
  readFileSync(path: string, encoding: "utf8"): string;
  writeFileSync(path: string, data: Uint8Array, options: { mode: number }): void;
  renameSync(from: string, to: string): void;
  mkdirSync(path: string, options: { mode: number }): void;
  lstatSync(path: string): { uid: number; mode: number; mtimeMs: number; isDirectory(): boolean };
  unlinkSync(path: string): void;
  readdirSync(path: string): string[];
}

/** Another bundle's or Node's cache unwritten this long is removed when a cache is written. */
const STALE_MS = 7 * 24 * 3600 * 1000;

/** The module's parameters, as Node's CommonJS wrapper passes them. */
const WRAPPER_HEAD = "(function (exports, require, module, __filename, __dirname) {";

/** The cache directory, made if missing; undefined where it cannot be trusted or made. */
function cacheDir(fs: Fs, base: string, uid: number): string | undefined {
  const dir = `${base}/tstrace-compile-cache-${uid}`;
  for (let attempt = 0; attempt < 2; attempt++)
    try {
      const st = fs.lstatSync(dir);
      return st.isDirectory() && st.uid === uid && (st.mode & 0o077) === 0 ? dir : undefined;
    } catch {
      // Not there yet (the first run), or not readable (then not makeable either).
      try {
        fs.mkdirSync(dir, { mode: 0o700 });
      } catch {
        // Made by a concurrent first run (checked again), or not makeable.
      }
    }
  return undefined;
}

/** Removes the cache files of other builds or Node versions not written for STALE_MS. */
function removeStale(fs: Fs, dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    const path = `${dir}/${name}`;
    try {
      if (Date.now() - fs.lstatSync(path).mtimeMs > STALE_MS) fs.unlinkSync(path);
    } catch {
      // Gone already (another tstrace's cleanup).
    }
  }
}

/**
 * Loads `file` (a CommonJS bundle) like `require(file)` and returns its exports, compiled from
 * the cache when there is one for `hash` (the bundle's content hash, from the build).
 */
export function requireCached(file: string, hash: string): unknown {
  const require = createRequire(file);
  const fs = require("node:fs") as Fs;
  const { Script } = require("node:vm") as typeof import("node:vm");
  const source = fs.readFileSync(file, "utf8");
  const uid = process.getuid?.() ?? -1;
  const off =
    process.env.NODE_DISABLE_COMPILE_CACHE !== undefined && process.env.NODE_DISABLE_COMPILE_CACHE !== "";
  const dir =
    off || uid < 0 ? undefined : cacheDir(fs, (require("node:os") as typeof import("node:os")).tmpdir(), uid);
  const cacheFile = dir === undefined ? undefined : `${dir}/${process.version}-${process.arch}-${hash}.bin`;
  let cachedData: Buffer | undefined;
  if (cacheFile !== undefined)
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      // None yet: this run makes it.
    }
  // Kept on one line with the source's first, so that stack traces' line numbers stay the file's.
  const script = new Script(`${WRAPPER_HEAD}${source}\n})`, { filename: file, cachedData });
  if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected))
    // At exit, so that the functions this run compiled are in it (a run ends in process.exit).
    process.once("exit", () => {
      const temp = `${cacheFile}.${process.pid}`;
      try {
        fs.writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
        // A rename, so that a concurrent start never reads a half-written file.
        fs.renameSync(temp, cacheFile);
        removeStale(fs, dir as string);
      } catch {
        try {
          fs.unlinkSync(temp);
        } catch {
          // Never written.
        }
      }
    });
  const module = { exports: {} as unknown };
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: { exports: unknown },
    filename: string,
    dirname: string,
  ) => void;
  wrapper.call(module.exports, module.exports, require, module, file, file.slice(0, file.lastIndexOf("/")));
  return module.exports;
}
