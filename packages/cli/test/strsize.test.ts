import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { norm, PYTHON, tracersIn } from "./helpers/tracers.js";

// -s takes every value strace 6.1 takes (0 to 2^30 - 1). Capture sizes grow with it (readv's
// iovec data is -s elements of -s bytes each) and were once computed in 32 bits and refused past
// 16 MiB; now they are clamped, and what prints is strace's line.
const PROGRAM = `
import os, sys
n = int(sys.argv[1])
data = bytes((i * 7 + 65) % 26 + 97 for i in range(n))
out = os.open("/dev/null", os.O_WRONLY)
blob = os.open(sys.argv[2], os.O_RDONLY)
os.writev(out, [data[: n // 3], data[n // 3 : 2 * n // 3], data[2 * n // 3 :]])
os.readv(blob, [bytearray(n // 2), bytearray(n - n // 2)])
os.lseek(blob, 0, 0)
os.read(blob, n)
os.write(out, data)
`;

describe("-s of any size strace takes", () => {
  const dir = mkdtempSync(join(tmpdir(), "tstrace-strsize-"));
  const program = join(dir, "io.py");
  const blob = join(dir, "blob");
  writeFileSync(program, PROGRAM);
  writeFileSync(blob, Buffer.from(Array.from({ length: 200_000 }, (_, i) => ((i * 7 + 65) % 26) + 97)));
  const { tstrace, strace } = tracersIn(dir);
  // Lines from the program's own writev to its exit (python's start-up reads differ by nothing but
  // noise; the normaliser puts a shim's SIGCHLDs after the exit).
  const ours = (text: string): string[] => {
    const lines = norm(text);
    const end = lines.findIndex((l) => l.startsWith("+++ exited"));
    return lines.slice(
      lines.findIndex((l) => l.startsWith("writev(")),
      end + 1,
    );
  };

  for (const [s, n] of [
    [4096, 10_000],
    [5000, 12_000],
    [30000, 70_000],
    [65536, 150_000],
    [70000, 150_000],
    [100000, 200_000],
    [1048576, 200_000],
  ] as const) {
    it(`-s ${s} on readv/writev/read/write of ${n} bytes prints strace's lines`, () => {
      // Into files: the lines run to megabytes, past what a pipe to spawnSync holds.
      const args = (out: string) => [
        ...["-o", join(dir, out), "-s", String(s), "-e", "trace=readv,writev,read,write"],
        ...[PYTHON, program, String(n), blob],
      ];
      const t = tstrace(...args(`t${s}`));
      const r = strace(...args(`s${s}`));
      expect(t.status, t.stderr.slice(0, 300)).toBe(0);
      expect(r.status).toBe(0);
      const got = ours(readFileSync(join(dir, `t${s}`), "utf8"));
      expect(got.length).toBe(5);
      expect(got).toEqual(ours(readFileSync(join(dir, `s${s}`), "utf8")));
    }, 120_000);
  }

  it("-s 1048576 without -v traces execve's argv (once refused as a capture plan)", () => {
    const t = tstrace("-s", "1048576", "-e", "trace=execve", "true");
    const r = strace("-s", "1048576", "-e", "trace=execve", "true");
    expect(t.status).toBe(0);
    expect(norm(t.stderr)).toEqual(norm(r.stderr));
  });

  it("refuses -s past strace's limit as strace does", () => {
    const t = tstrace("-s", "1073741824", "true");
    const r = strace("-s", "1073741824", "true");
    expect(t.status).toBe(r.status);
    expect(norm(t.stderr)[0]).toBe(norm(r.stderr)[0]);
    expect(tstrace("-s", "1073741823", "-e", "trace=none", "true").status).toBe(0);
  });
});
