// -y / -yy / --decode-fds: the parsed mode, and whole runs compared line by line with strace 6.1
// tracing the same program (the oracle runs here too, so nothing expected is typed by hand).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgs } from "../src/args.js";
import { BIN } from "./helpers/tracers.js";

describe("decode-fds options", () => {
  it("-y is paths, -yy everything, --decode-fds defaults to path", () => {
    expect(parseArgs(["true"]).decodeFds).toBe("none");
    expect(parseArgs(["-y", "true"]).decodeFds).toBe("path");
    expect(parseArgs(["-yy", "true"]).decodeFds).toBe("all");
    expect(parseArgs(["--decode-fds", "true"]).decodeFds).toBe("path");
    expect(parseArgs(["--decode-fds=all", "true"]).decodeFds).toBe("all");
    expect(parseArgs(["--decode-fds=path,socket", "true"]).decodeFds).toBe("all");
    expect(parseArgs(["-e", "decode-fds=path", "true"]).decodeFds).toBe("path");
    expect(parseArgs(["--decode-fds=none", "true"]).decodeFds).toBe("none");
  });
  it("keeps the set for printing: -y path, -yy every member, the last --decode-fds wins", () => {
    expect(parseArgs(["-y", "true"]).fdDetails).toEqual(["path"]);
    expect(parseArgs(["-yy", "true"]).fdDetails).toEqual(["path", "socket", "dev", "pidfd"]);
    expect(parseArgs(["--decode-fds=dev,path", "true"]).fdDetails).toEqual(["path", "dev"]);
    expect(parseArgs(["--decode-fds=pidfd", "true"]).decodeFds).toBe("all");
    expect(parseArgs(["--decode-fds=socket", "-e", "decode-fds=dev", "true"]).fdDetails).toEqual(["dev"]);
  });
  it("refuses -y with --decode-fds as strace does", () => {
    expect(() => parseArgs(["-y", "--decode-fds=socket", "true"])).toThrow(
      "-y and --decode-fds cannot be provided simultaneously",
    );
  });
  it("rejects an unknown detail with strace's words", () => {
    expect(() => parseArgs(["--decode-fds=bogus", "true"])).toThrow("invalid decode-fds 'bogus'");
  });
});

function run(tracer: string[], flags: string[], program: string): string[] {
  // A private, quiet folder: python3 lists its cwd for imports, and /tmp changes under other tests.
  const dir = mkdtempSync(join(tmpdir(), "tstrace-fds-"));
  const out = join(dir, "trace.txt");
  const r = spawnSync(
    tracer[0] as string,
    [...tracer.slice(1), ...flags, "-o", out, "/usr/bin/python3", "-c", program],
    {
      encoding: "utf8",
      cwd: dir,
      timeout: 60_000,
    },
  );
  expect(r.status, readFileSync(out, "utf8").slice(-600)).toBe(0);
  // Inode numbers, ports and pids differ between the two runs (a pid may be 3 digits once pids
  // wrap), and so does the padding before ` = ` that follows their width; nothing else may.
  return readFileSync(out, "utf8")
    .trimEnd()
    .split("\n")
    .map((l) =>
      l
        .replaceAll(dir, "/tmp/tstrace-fds-XXXXXX")
        .replace(/\d{3,}/g, "N")
        .replace(/ +(?== [^=]*$)/, " "),
    );
}

describe("-y, -yy and --decode-fds=SET end to end, against strace", () => {
  const program = [
    "import os, socket",
    "fd = os.open('/etc/hostname', os.O_RDONLY); os.read(fd, 4); d = os.dup(fd); os.close(fd)",
    "r, w = os.pipe(); os.write(w, b'x'); os.close(r); os.close(w)",
    "n = os.open('/dev/null', os.O_WRONLY); os.write(n, b'x'); os.close(n)",
    "a, b = socket.socketpair(); a.send(b'x'); a.close(); b.close()",
    "s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(); c = socket.create_connection(s.getsockname())",
    "c.send(b'x'); c.close(); s.close()",
    "p = os.pidfd_open(os.getpid()); os.close(p)",
  ].join("\n");
  const trace = "trace=openat,read,write,dup,pipe2,close,socketpair,sendto,bind,listen,connect,pidfd_open";
  const sets = ["--decode-fds=socket", "--decode-fds=dev", "--decode-fds=pidfd", "--decode-fds=path,dev"];
  for (const flag of ["-y", "-yy", ...sets]) {
    it(`${flag} prints what strace prints`, () => {
      const theirs = run(["strace"], [flag, "-e", trace], program);
      const ours = run([BIN], [flag, "-e", trace], program);
      const tail = (lines: string[]): string[] =>
        lines.slice(lines.findLastIndex((l) => l.includes("/etc/hostname")) - 1);
      expect(tail(ours)).toEqual(tail(theirs));
      const decorated = flag === "-y" || flag === "-yy" || flag.includes("path");
      expect(ours.some((l) => l.includes("</etc/hostname>"))).toBe(decorated);
    });
  }
});
