// --record and --replay end to end: the built bin, the real addon, real programs. A replay with a
// run's own options prints exactly what that run printed; options the recording lacks data for
// and damaged recordings get one line and exit 1, after printing what precedes the damage.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, norm } from "./helpers/tracers.js";

const DENO = join(import.meta.dirname, "..", "..", "..", "node_modules", ".bin", "deno");
const ENTRY = join(import.meta.dirname, "..", "dist", "tstrace.mjs");

const dir = mkdtempSync(join(tmpdir(), "tstrace-rec-"));
function tstrace(...args: string[]) {
  return spawnSync(BIN, args, { encoding: "utf8", timeout: 60_000, cwd: dir });
}
const read = (name: string): string => readFileSync(join(dir, name), "utf8");

/** -o NAME's text; with -ff, each NAME.<pid> file's, in pid order, under its pid. */
function outputs(name: string, separately: boolean): string {
  if (!separately) return read(name);
  const files = readdirSync(dir)
    .filter((f) => f.startsWith(`${name}.`))
    .sort();
  expect(files.length).toBeGreaterThan(1);
  return files.map((f) => `${f.slice(name.length)}\n${read(f)}`).join("");
}

/** Records `cmd` under `opts` into -o NAME.live, replays with the same opts into NAME.replay. */
function liveAndReplay(opts: string[], cmd: string[], name: string): { live: string; replay: string } {
  const rec = tstrace(...opts, `--record=${name}.tsr`, "-o", `${name}.live`, ...cmd);
  expect(rec.stderr).toBe("");
  const rep = tstrace(...opts, `--replay=${name}.tsr`, "-o", `${name}.replay`);
  expect(rep.stderr).toBe("");
  expect(rep.status).toBe(0);
  const ff = opts.includes("-ff");
  return { live: outputs(`${name}.live`, ff), replay: outputs(`${name}.replay`, ff) };
}

describe("--record / --replay", () => {
  it("a replay with the run's own options prints exactly what the run printed", () => {
    const cmd = ["sh", "-c", "cat /etc/hostname /nonexistent > /dev/null 2>&1; exit 3"];
    const optionSets = [
      [],
      ["-s", "8", "-x"],
      ["-yy", "-v", "-T"],
      ["-f", "-e", "trace=%file,read,write,exit_group"],
      ["-ff", "-tt", "-n"],
      ["-Z", "-e", "signal=none", "-qq"],
      ["-c"],
      ["-C", "-S", "calls", "-w"],
    ];
    optionSets.forEach((opts, i) => {
      const { live, replay } = liveAndReplay(opts, cmd, `set${i}`);
      expect(replay).toBe(live);
      expect(live.length).toBeGreaterThan(0);
    });
  });

  it("the live output is what the user's options print, though the recording reads -s 256, -yy and -v", () => {
    const cmd = ["cat", "/etc/hostname"];
    tstrace("--record=wide.tsr", "-o", "wide.live", "-s", "4", ...cmd);
    tstrace("-o", "plain.live", "-s", "4", ...cmd);
    // Masked as the conformance tool masks them, plus getrandom's random bytes.
    const masked = (t: string): string[] => norm(t).map((l) => l.replace(/^getrandom\(".*?"/, "getrandom(R"));
    expect(masked(read("wide.live"))).toEqual(masked(read("plain.live")));
    expect(read("wide.live")).toContain('execve("/usr/bin/cat", ["cat", "/etc"...], 0x');
    // The same recording gives more than was printed live.
    const wide = tstrace("--replay=wide.tsr", "-yy", "-s", "256", "-v", "-e", "trace=openat,execve");
    expect(wide.stderr).toContain("openat(AT_FDCWD</");
    expect(wide.stderr).toContain('"/etc/hostname", O_RDONLY) = 3</etc/hostname>');
    expect(wide.stderr).toMatch(/execve\("\/usr\/bin\/cat", \["cat", "\/etc\/hostname"\], \["/);
  });

  it("refuses, in one line, options needing data the recording lacks", () => {
    tstrace("--record=narrow.tsr", "-o", "/dev/null", "-s", "300", "-e", "trace=openat", "true");
    for (const [opts, message] of [
      [["-s", "301"], /-s 301 needs more than the recording holds \(it was made with -s 300\)/],
      [["-f"], /-f needs a recording made with -f/],
      [["-e", "read=3"], /-e read= needs whole buffers/],
      [["-e", "trace=close"], /-e trace= asks for syscall 3, which the recording did not stop for/],
    ] as const) {
      const r = tstrace("--replay=narrow.tsr", ...opts);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    }
    expect(tstrace("--replay=narrow.tsr", "-s", "300").status).toBe(0);
    expect(tstrace("--record=/dev/full", "true").stderr).toBe(
      "tstrace: Can't write recording '/dev/full': No space left on device\n",
    );
    expect(tstrace("--record=/nonexistent/x.tsr", "true").stderr).toBe(
      "tstrace: Can't create recording '/nonexistent/x.tsr': No such file or directory\n",
    );
    expect(tstrace("--replay=nonexistent.tsr").stderr).toBe(
      "tstrace: Can't open recording 'nonexistent.tsr': No such file or directory\n",
    );
    expect(tstrace("--replay=narrow.tsr", "true").stderr).toMatch(
      /--replay traces nothing: it takes no PROG/,
    );
  });

  it("a damaged recording prints what precedes the damage, then one line naming its offset", () => {
    tstrace("--record=good.tsr", "-o", "/dev/null", "cat", "/etc/hostname");
    const good = readFileSync(join(dir, "good.tsr"));
    const full = tstrace("--replay=good.tsr").stderr.split("\n");
    for (const cut of [5, 40, Math.floor(good.length / 3), good.length - 3]) {
      writeFileSync(join(dir, "cut.tsr"), good.subarray(0, cut));
      const r = tstrace("--replay=cut.tsr");
      expect(r.status).toBe(1);
      const lines = r.stderr.trimEnd().split("\n");
      expect(lines.at(-1)).toMatch(/^tstrace: cut\.tsr: truncated recording.* at byte offset \d+$/);
      const printed = lines.slice(0, -1).filter((l) => !l.endsWith("<unfinished ...>"));
      expect(full.slice(0, printed.length)).toEqual(printed);
    }
    const wrong = Buffer.from(good);
    wrong.write("NOTATSR!", 0);
    writeFileSync(join(dir, "wrong.tsr"), wrong);
    expect(tstrace("--replay=wrong.tsr").stderr).toBe(
      "tstrace: wrong.tsr: not a tstrace recording (wrong magic) at byte offset 0\n",
    );
    const newer = Buffer.from(good);
    newer.writeUInt32LE(2, 32);
    expect(writeFileSync(join(dir, "newer.tsr"), newer)).toBeUndefined();
    expect(tstrace("--replay=newer.tsr").stderr).toMatch(
      /format version 2 is newer than this tstrace reads \(1\) at byte offset 32\n$/,
    );
    const foreign = Buffer.from(good);
    foreign.writeUInt32LE(0x1234, 36);
    writeFileSync(join(dir, "foreign.tsr"), foreign);
    expect(tstrace("--replay=foreign.tsr").stderr).toMatch(
      /unknown architecture \(AUDIT_ARCH 0x1234\) at byte offset 36\n$/,
    );
    // Corrupt framing in the middle: a record size that cannot be.
    const corrupt = Buffer.from(good);
    const at = 8 + corrupt.readUInt32LE(8);
    corrupt.writeUInt32LE(13, at);
    writeFileSync(join(dir, "corrupt.tsr"), corrupt);
    const r = tstrace("--replay=corrupt.tsr");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `tstrace: corrupt.tsr: corrupt recording: bad record framing at byte offset ${at}\n`,
    );
  });

  it("records a -p session: the replay announces the attach and prints the same lines", async () => {
    const target = spawn("sh", ["-c", "read x; cat /etc/hostname > /dev/null"], {
      stdio: ["pipe", "ignore", "ignore"],
    });
    const pid = target.pid as number;
    const tracer = spawn(BIN, ["-p", String(pid), "--record=attached.tsr", "-o", "attached.live"], {
      cwd: dir,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    tracer.stderr.on("data", (d) => {
      stderr += d;
      if (stderr.includes("attached")) target.stdin.end("go\n");
    });
    const code = await new Promise((resolve) => tracer.on("close", resolve));
    expect(code).toBe(0);
    const rep = tstrace("--replay=attached.tsr", "-o", "attached.replay");
    expect(rep.stderr).toBe(stderr);
    expect(stderr).toMatch(new RegExp(`^tstrace: Process ${pid} attached\\n`));
    expect(read("attached.replay")).toBe(read("attached.live"));
    expect(read("attached.live")).toContain("+++ exited with 0 +++");
  }, 60_000);

  it("replays under Deno without --allow-ffi, as under Node", () => {
    tstrace("--record=deno.tsr", "-o", "/dev/null", "-f", "sh", "-c", "cat /etc/hostname");
    const node = tstrace("--replay=deno.tsr", "-f", "-yy");
    const deno = spawnSync(
      DENO,
      ["run", "--allow-read", "--allow-env", ENTRY, "--replay=deno.tsr", "-f", "-yy"],
      {
        encoding: "utf8",
        timeout: 60_000,
        cwd: dir,
      },
    );
    expect(deno.status).toBe(0);
    expect(deno.stderr).toBe(node.stderr);
    expect(node.stderr).toContain("+++ exited with 0 +++");
    expect(statSync(join(dir, "deno.tsr")).size).toBeGreaterThan(1000);
  }, 60_000);
});
