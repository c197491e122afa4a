import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, norm } from "./helpers/tracers.js";

function tstrace(...args: string[]) {
  return spawnSync(BIN, args, { encoding: "utf8", timeout: 60_000 });
}

// End to end: the built bin, the real addon, real programs.
describe("tstrace end to end", () => {
  it("traces cat into -o FILE and exits 0", () => {
    const out = join(mkdtempSync(join(tmpdir(), "tstrace-e2e-")), "trace.txt");
    const r = tstrace("-o", out, "cat", "/etc/hostname");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync("/etc/hostname", "utf8"));
    const lines = readFileSync(out, "utf8").trimEnd().split("\n");
    expect(lines[0]).toMatch(
      /^execve\("\/usr\/bin\/cat", \["cat", "\/etc\/hostname"\], 0x[0-9a-f]+ \/\* \d+ vars \*\/\) = 0$/,
    );
    expect(lines).toContain('openat(AT_FDCWD, "/etc/hostname", O_RDONLY) = 3');
    expect(lines.at(-2)).toBe("exit_group(0)                           = ?");
    expect(lines.at(-1)).toBe("+++ exited with 0 +++");
  });

  it("-f on the terminal announces each new process as strace does, -q and -o do not", () => {
    const cmd = ["sh", "-c", "/bin/true; /bin/true; exit 0"];
    const notices = (text: string): string[] =>
      text.match(/t?strace: Process \d+ attached/g)?.map((m) => m.replace(/^t?strace: Process \d+/, "N")) ??
      [];
    const ours = tstrace("-f", ...cmd);
    const theirs = spawnSync("strace", ["-f", ...cmd], { encoding: "utf8", timeout: 60_000 });
    expect(notices(ours.stderr)).toEqual(["N attached", "N attached"]);
    expect(notices(ours.stderr)).toEqual(notices(theirs.stderr));
    expect(notices(tstrace("-qf", ...cmd).stderr)).toEqual([]);
    const out = join(mkdtempSync(join(tmpdir(), "tstrace-e2e-")), "trace.txt");
    expect(notices(tstrace("-f", "-o", out, ...cmd).stderr + readFileSync(out, "utf8"))).toEqual([]);
  });

  it("the traced command gets NODE_EXTRA_CA_CERTS as given, though node starts without it", () => {
    // sh's ${VAR-word} tells an empty value from an unset one.
    const show = ["sh", "-c", `echo "$\{NODE_EXTRA_CA_CERTS-unset}"; env | grep -c ^TSTRACE_ || true`];
    const run = (env: NodeJS.ProcessEnv) =>
      spawnSync(BIN, ["-o", "/dev/null", ...show], { encoding: "utf8", timeout: 60_000, env }).stdout;
    const base = { ...process.env };
    delete base.NODE_EXTRA_CA_CERTS;
    expect(run({ ...base, NODE_EXTRA_CA_CERTS: "/some/ca.pem" })).toBe("/some/ca.pem\n0\n");
    expect(run({ ...base, NODE_EXTRA_CA_CERTS: "" })).toBe("\n0\n");
    expect(run(base)).toBe("unset\n0\n");
    // Nothing is added or reordered on the way (sh would export PWD and reorder the rest).
    const given = { PATH: process.env.PATH ?? "/usr/bin:/bin", ZED: "1", HOME: "/root", ALPHA: "" };
    const seen = spawnSync(BIN, ["-o", "/dev/null", "env"], { encoding: "utf8", env: given }).stdout;
    expect(seen).toBe(`PATH=${given.PATH}\nZED=1\nHOME=/root\nALPHA=\n`);
  });

  it("exits with the tracee's exit code", () => {
    const r = tstrace("false");
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split("\n").at(-1)).toBe("+++ exited with 1 +++");
  });

  it("dies by the signal that killed the tracee", () => {
    const r = tstrace("sh", "-c", "kill -9 $$");
    expect(r.signal).toBe("SIGKILL");
    expect(r.stderr.trimEnd().split("\n").at(-1)).toBe("+++ killed by SIGKILL +++");
  });

  it("reports a missing command as strace does", () => {
    const r = tstrace("no-such-command-xyz");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("tstrace: Can't stat 'no-such-command-xyz': No such file or directory\n");
  });

  it("reports a command that cannot be executed as strace does (its message on stderr)", () => {
    const dir = mkdtempSync(join(tmpdir(), "tstrace-e2e-"));
    writeFileSync(join(dir, "data"), "not a program\n");
    const run = (file: string) =>
      spawnSync(file, ["./data"], { encoding: "utf8", timeout: 60_000, cwd: dir });
    const ours = run(BIN);
    const theirs = run("strace");
    expect(ours.status).toBe(1);
    expect(ours.status).toBe(theirs.status);
    expect(norm(ours.stderr)).toEqual(norm(theirs.stderr));
    expect(ours.stderr).toContain("tstrace: exec: Permission denied\n");
  });

  it("reports names longer than PATH_MAX as strace does (the command; -ff's base name)", () => {
    const same = (args: string[]) => {
      const ours = tstrace(...args);
      const theirs = spawnSync("strace", args, { encoding: "utf8" });
      expect(ours.status).toBe(1);
      expect(theirs.status).toBe(1);
      expect(ours.stderr.replace(/^tstrace: /, "")).toBe(theirs.stderr.replace(/^strace: /, ""));
    };
    same(["x".repeat(4096)]);
    same(["-ff", "-o", "y".repeat(4084), "true"]);
    same(["-ff", `--output=${"z".repeat(4090)}`, "true"]);
  });

  it("reports an unwritable -o before starting the command", () => {
    const r = tstrace("-o", "/nonexistent-dir/x", "true");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("tstrace: Can't fopen '/nonexistent-dir/x': No such file or directory\n");
  });

  it("rejects a bad flag with strace's message and hint", () => {
    const r = tstrace("-Q", "ls");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("tstrace: invalid option -- 'Q'\nTry 'tstrace -h' for more information.\n");
  });
});
