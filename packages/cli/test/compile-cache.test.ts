// The bin's compile cache (src/compile-cache.ts), end to end through bin/tstrace with TMPDIR set:
// the first run writes it (a private file in a private directory), later runs read it and trace
// exactly as without it; damaged data is rejected by V8 and rewritten; a directory others can
// write is not trusted; NODE_DISABLE_COMPILE_CACHE turns it off. Never timed: what it saves is
// measured by `pnpm bench`.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, norm } from "./helpers/tracers.js";

const uid = process.getuid?.() ?? 0;

function traceIn(tmp: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(BIN, ["-e", "trace=openat,write", "cat", "/etc/hostname"], {
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, TMPDIR: tmp, ...env },
  });
  expect(r.status, r.stderr).toBe(0);
  return norm(r.stderr);
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "tstrace-cc-"));
  made.push(dir);
  return dir;
};

const cacheFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith(".bin"));

describe("the bin's compile cache", () => {
  it("is written by the first run, private, then used with the same output; damaged, it is rewritten", () => {
    const tmp = tempDir();
    const dir = join(tmp, `tstrace-compile-cache-${uid}`);
    const first = traceIn(tmp);
    expect(first.at(-1)).toBe("+++ exited with 0 +++");
    const files = cacheFiles(dir);
    expect(files).toEqual([
      expect.stringMatching(new RegExp(`^${process.version}-${process.arch}-[0-9a-f]{16}\\.bin$`)),
    ]);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const file = join(dir, files[0] as string);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const written = readFileSync(file);
    expect(written.length).toBeGreaterThan(10_000);

    expect(traceIn(tmp)).toEqual(first);
    // Read, not rewritten: the same bytes.
    expect(readFileSync(file).equals(written)).toBe(true);

    writeFileSync(file, Buffer.alloc(written.length, 0x5a));
    expect(traceIn(tmp)).toEqual(first);
    expect(readFileSync(file).subarray(0, 64).equals(Buffer.alloc(64, 0x5a))).toBe(false);
    expect(cacheFiles(dir)).toEqual(files);
  });

  it("is not used in a directory others may write, nor with NODE_DISABLE_COMPILE_CACHE=1", () => {
    const open = tempDir();
    const dir = join(open, `tstrace-compile-cache-${uid}`);
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    const lines = traceIn(open);
    expect(lines.at(-1)).toBe("+++ exited with 0 +++");
    expect(cacheFiles(dir)).toEqual([]);

    const off = tempDir();
    expect(traceIn(off, { NODE_DISABLE_COMPILE_CACHE: "1" })).toEqual(lines);
    expect(readdirSync(off)).toEqual([]);
  });
});
