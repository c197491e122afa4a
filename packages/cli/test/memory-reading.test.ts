// Tracee memory read as strace reads it: objects that end just before an unmapped page, paths
// longer than PATH_MAX, strings and buffers cut short by an unmapped page (strace's `umovestr:
// short read` / `umoven: short read` warnings). Small C programs, compiled here, place the objects;
// each runs under tstrace and strace and the outputs are compared. Without a C compiler: skipped.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CC, compileC } from "./helpers/c-program.js";
import { BIN } from "./helpers/tracers.js";

const dir = mkdtempSync(join(tmpdir(), "tstrace-memory-"));

// Every object sits at the end of a readable page followed by an unmapped one (`edge(n)`).
const PROGRAM = `#define _GNU_SOURCE
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
static char *page_end;
static void *edge(size_t n) { return page_end - n; }
int main(void) {
  long ps = sysconf(_SC_PAGESIZE);
  char *p = mmap(0, 2 * ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  munmap(p + ps, ps);
  page_end = p + ps;
  int s = socket(AF_UNIX, SOCK_STREAM, 0);
  struct sockaddr_un a = { .sun_family = AF_UNIX };
  strcpy(a.sun_path, "mem.sock");
  unlink(a.sun_path);
  bind(s, (void *) &a, sizeof a);
  socklen_t *len = edge(sizeof *len);
  *len = sizeof a;
  getsockname(s, (void *) len - sizeof a, len);
  *len = 12;
  getsockname(s, (void *) len - 12, len);
  *len = 2;
  getsockname(s, (void *) len - 16, len);
  char *path = edge(4096);
  memset(path, 'd', 4096);
  chdir(path);
  path[4095] = 0;
  chdir(path);
  memset(path, 'd', 4096);
  chdir(path + 4096 - 16);
  mkdir(path + 4096 - 7, 0);
  write(1, edge(8), 16);
  unlink("mem.sock");
  return 0;
}
`;

const build = (): string => compileC(dir, "edges", PROGRAM);

/** Addresses differ from run to run; the tracer's name in diagnostics too. */
const mask = (text: string): string =>
  text
    .replace(/0x[0-9a-f]+/g, "0xADDR")
    .replace(/\bt?strace: /g, "TRACER: ")
    .replace(/ {2,}=/g, " =");

function run(tracer: string, args: string[]): { stdout: string; stderr: string } {
  const r = spawnSync(tracer, args, { cwd: dir, encoding: "utf8", timeout: 60_000 });
  expect(r.status, `${tracer}: ${r.stderr}`).toBe(0);
  return { stdout: r.stdout, stderr: r.stderr };
}

const TRACE = ["-e", "trace=getsockname,chdir,mkdir,write"];

describe.skipIf(CC === "")("tracee memory at the edge of a mapping, as strace reads it", () => {
  const exe = CC === "" ? "" : build();

  it("-o FILE: the same lines as strace, and the same short-read warnings on stderr", () => {
    const ours = run(BIN, ["-o", join(dir, "t.log"), ...TRACE, exe]);
    const theirs = run("strace", ["-o", join(dir, "s.log"), ...TRACE, exe]);
    const lines = mask(readFileSync(join(dir, "t.log"), "utf8"));
    expect(lines).toBe(mask(readFileSync(join(dir, "s.log"), "utf8")));
    expect(mask(ours.stderr)).toBe(mask(theirs.stderr));
    // What each case is about, in case strace's own rendering changes under us.
    expect(lines).toContain('getsockname(3, {sa_family=AF_UNIX, sun_path="mem.sock"}, [110 => 11]) = 0');
    expect(lines).toContain('getsockname(3, {sa_family=AF_UNIX, sun_path="mem.sock"}, [12 => 11]) = 0');
    // Only the bytes the caller offered, though the kernel has more.
    expect(lines).toContain("getsockname(3, {sa_family=AF_UNIX}, [2 => 11]) = 0");
    expect(lines).toContain(`chdir("${"d".repeat(4095)}"...) = -1 ENAMETOOLONG`);
    expect(lines).toContain(`chdir("${"d".repeat(4095)}") = -1 ENAMETOOLONG`);
    expect(lines).toContain("chdir(0xADDR) = -1 EFAULT");
    expect(mask(ours.stderr)).toBe(
      [
        "TRACER: umovestr: short read (16 < 4096) @0xADDR: Bad address",
        "TRACER: umovestr: short read (7 < 4096) @0xADDR: Bad address",
        "TRACER: umoven: short read (8 < 16) @0xADDR",
        "",
      ].join("\n"),
    );
  });

  it("trace on stderr: each warning inside the open line, byte for byte as strace writes it", () => {
    const ours = run(BIN, [...TRACE, exe]);
    const theirs = run("strace", [...TRACE, exe]);
    expect(mask(ours.stderr)).toBe(mask(theirs.stderr));
    // The line keeps its column: the warning is not counted in the `=` alignment.
    expect(ours.stderr).toMatch(
      /^chdir\(tstrace: umovestr: short read \(16 < 4096\) @0x[0-9a-f]+: Bad address\n/m,
    );
    expect(ours.stderr).toMatch(/^0x[0-9a-f]+\) {19}= -1 EFAULT/m);
  });

  it("-s caps a string argument's read at -s + 1 bytes, as strace's umovestr", () => {
    // setxattr's name is a plain string (printstr, not a path): it runs into the unmapped page
    // after 5 bytes, and strace asked for -s + 1 of them.
    const exe2 = compileC(
      dir,
      "str",
      `#include <sys/mman.h>
#include <sys/xattr.h>
#include <string.h>
#include <unistd.h>
int main(void) {
  long ps = sysconf(_SC_PAGESIZE);
  char *p = mmap(0, 2 * ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  munmap(p + ps, ps);
  memcpy(p + ps - 5, "user.", 5);
  setxattr(".", p + ps - 5, "v", 1, 0);
  return 0;
}
`,
    );
    const args = ["-s", "8", "-o", "/dev/null", "-e", "trace=setxattr", exe2];
    expect(mask(run(BIN, args).stderr)).toBe(mask(run("strace", args).stderr));
    expect(mask(run(BIN, args).stderr)).toContain("umovestr: short read (5 < 9)");
  });
});
