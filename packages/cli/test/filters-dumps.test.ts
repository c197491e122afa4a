/**
 * -e read=/write= dumps, -P/--trace-fds, --syscall-limit, -O, -X and -qq, each compared with what
 * strace 6.1 prints for the same command (or, for options strace 6.1 lacks, checked for shape).
 */
import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { norm, PYTHON, tracersIn } from "./helpers/tracers.js";

const WORK = mkdtempSync(join(tmpdir(), "tstrace-filters-"));
writeFileSync(join(WORK, "a.txt"), "alpha\n");
symlinkSync("a.txt", join(WORK, "link.txt"));
// Bytes 0..39 then text: a dump with unprintable bytes, several lines and a short last line.
const WRITER = `import os
os.write(1, bytes(range(40)) + b"The quick brown fox")
r, w = os.pipe()
os.writev(w, [b"one\\n", b"two two\\n"])
os.readv(r, [bytearray(4), bytearray(100)])
`;

// A file fd and a pipe in select's fd sets and poll's pollfd arrays; only the file is -P's.
const SELECT_POLL = `import os, select
f = open("a.txt")
r, w = os.pipe(); os.write(w, b"x")
select.select([r, f.fileno()], [], [], 0)
select.select([r], [w], [], 0)
p = select.poll(); p.register(r, select.POLLIN); p.register(f.fileno(), select.POLLIN); p.poll(0)
q = select.poll(); q.register(r, select.POLLIN); q.poll(0)
`;

const { tstrace, strace } = tracersIn(WORK);

function same(...args: string[]): string[] {
  const a = tstrace(...args);
  const b = strace(...args);
  expect(a.status).toBe(b.status);
  expect(norm(a.stderr)).toEqual(norm(b.stderr));
  return norm(a.stderr);
}

describe("-e read= / -e write=", () => {
  it("dumps read and written data in strace's layout", () => {
    const lines = same("-e", "trace=read,write", "-e", "read=3", "-e", "write=1", "cat", "a.txt");
    expect(lines).toContain(" | 00000  61 6c 70 68 61 0a                                 alpha.           |");
  });
  it("dumps whole buffers past -s, and each iovec buffer", () => {
    const lines = same(
      "-s",
      "4",
      "-e",
      "trace=write,writev,readv",
      "-e",
      "write=all",
      "-e",
      "read=3",
      PYTHON,
      "-c",
      WRITER,
    );
    expect(lines.filter((l) => l.startsWith(" | 000")).length).toBeGreaterThan(4);
    expect(lines).toContain(" * 8 bytes in buffer 1");
  });
  it("dumps the iovecs of sendmsg's and recvmsg's msghdr, recvmsg's up to what it returned", () => {
    const program = `import socket
a, b = socket.socketpair()
a.sendmsg([b"012", b"34567", b"89abcde"])
b.recvmsg_into([bytearray(8)])
b.recvmsg_into([bytearray(8), bytearray(15)])`;
    const lines = same("-e", "trace=sendmsg,recvmsg", "-e", "read=4", "-e", "write=3", PYTHON, "-c", program);
    expect(lines).toContain(" * 7 bytes in buffer 2");
    expect(lines).toContain(" | 00000  30 31 32 33 34 35 36 37                           01234567         |");
  });
  it("rejects a bad descriptor like strace", () => {
    const r = tstrace("-e", "read=x", "true");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("invalid descriptor 'x'");
  });
});

describe("-P PATH", () => {
  it("keeps the calls on the path and on fds opened from it", () => {
    const lines = same("-P", "a.txt", "cat", "a.txt");
    expect(lines.some((l) => l.startsWith("read(3, "))).toBe(true);
  });
  it("resolves a symlink and says so", () => {
    const lines = same("-P", "link.txt", "cat", "link.txt");
    expect(lines[0]).toMatch(/^TRACER: Requested path "link.txt" resolved into ".*\/a.txt"$/);
  });
  it("counts only matching calls with -c", () => {
    const rows = (t: string) => t.split("\n").filter((l) => /^ *\d+ +\d* *[a-z]/.test(l));
    const args = ["-P", "a.txt", "-c", "-U", "calls,errors,name", "-S", "name", "cat", "a.txt"];
    expect(rows(tstrace(...args).stderr)).toEqual(rows(strace(...args).stderr));
  });
  it("looks into select's fd sets and poll's pollfd arrays", () => {
    const lines = same("-P", "a.txt", PYTHON, "-c", SELECT_POLL);
    expect(lines.filter((l) => /^(pselect6|select|poll)\(/.test(l))).toHaveLength(2);
  });
  it("follows fds through calls -e trace= leaves out, across -f and dup2", () => {
    const args = ["-f", "-e", "trace=read,close,poll", "-P", "a.txt", "sh", "-c", "cat a.txt; wc -c < a.txt"];
    const lines = norm(tstrace(...args).stderr);
    expect(lines).toEqual(norm(strace(...args).stderr));
    // cat's read of fd 3, and wc's close of the fd 0 it inherited from sh's dup2.
    expect(lines.some((l) => / read\(3, "alpha\\n"/.test(l))).toBe(true);
    expect(lines.some((l) => / close\(0\)/.test(l))).toBe(true);
    same("-e", "trace=poll,pselect6", "-P", "a.txt", PYTHON, "-c", SELECT_POLL);
  });
  it("--trace-fds= selects calls by fd (strace 6.8+)", () => {
    const lines = norm(tstrace("--trace-fds=1", "-P", "/nonexistent", "cat", "a.txt").stderr);
    expect(lines.some((l) => l.startsWith("write(1, "))).toBe(true);
    expect(lines.some((l) => l.startsWith("openat("))).toBe(false);
  });
});

describe("--syscall-limit", () => {
  it("stops after N traced syscalls and lets the program finish", () => {
    const r = tstrace("--syscall-limit=2", "-e", "trace=openat", "cat", "a.txt");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("alpha\n");
    expect(norm(r.stderr).filter((l) => l.startsWith("openat("))).toHaveLength(2);
    expect(r.stderr).not.toContain("+++ exited");
  });
});

describe("-O, -w and the summary options", () => {
  it("-O takes strace's units and rejects junk", () => {
    expect(tstrace("-O", "1.5us", "-c", "true").status).toBe(0);
    const bad = tstrace("-O", "abc", "true");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("invalid -O argument: 'abc'");
  });
  it("-w and -U need -c/-C, -S without them only warns, as in strace", () => {
    for (const args of [["-w"], ["-U", "calls"], ["-S", "calls"]]) {
      const a = tstrace(...args, "true");
      const b = strace(...args, "true");
      expect(a.status).toBe(b.status);
      expect(norm(a.stderr)[0]).toBe(norm(b.stderr)[0]);
    }
  });
});

describe("-X and -qq", () => {
  it("-X raw and -X verbose print constants like strace", () => {
    same("-X", "raw", "-e", "trace=openat,mmap,access,newfstatat", "cat", "a.txt");
    same("-X", "verbose", "-e", "trace=openat,mmap,access,newfstatat,prlimit64", "cat", "a.txt");
  });
  it("-qq drops +++ exited lines", () => {
    same("-qq", "-e", "trace=close", "true");
  });
});
