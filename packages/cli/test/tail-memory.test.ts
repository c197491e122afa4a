// Long-tail calls whose arguments run into an unmapped page, fail, or name fds inside structs,
// traced by tstrace and by strace on one small C program and compared line for line: iovec arrays
// cut by a hole (`... /* ADDR */`), a buffer whose -s + 1 bytes fit before it, a failed read's
// ranges, a write dump cut where the memory stops, modify_ldt's zero-extended errno,
// sched_setattr's E2BIG size, a deleted file under -y, struct fd fields under -y. Without a C
// compiler: skipped.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CC, compileC } from "./helpers/c-program.js";
import { BIN } from "./helpers/tracers.js";

const dir = mkdtempSync(join(tmpdir(), "tstrace-tail-mem-"));

const PROGRAM = `#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
int main(void) {
  long ps = sysconf(_SC_PAGESIZE);
  /* 16 pages then a hole: buffers and arrays that end right before it */
  char *p = mmap(0, 17 * ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  munmap(p + 16 * ps, ps);
  char *end = p + 16 * ps;
  int null = dup2(open("/dev/null", O_WRONLY), 20);
  /* two iovecs of which only the first is readable */
  struct iovec *iov = (struct iovec *)(end - sizeof *iov);
  iov->iov_base = "89abcde";
  iov->iov_len = 7;
  writev(null, iov, 2);
  /* a failed read: its iovecs as ranges; none at all: [] */
  iov->iov_base = p;
  iov->iov_len = 8;
  preadv(-1, iov, 1, 0);
  preadv(-1, iov, 0, 0);
  /* an endless buffer whose first -s + 1 bytes fit before the hole, then one that does not */
  memset(end - 34, 'x', 34);
  struct iovec big = { end - 33, (size_t)-1 };
  writev(-1, &big, 1);
  big.iov_base = end - 32;
  writev(-1, &big, 1);
  /* -e write=: 64 KiB are dumped, then the piece strace could not fetch */
  memset(p, 'w', 16 * ps);
  write(null, end - 65536, 65537);
  /* modify_ldt: the descriptor, and an int errno the kernel returns zero-extended */
  unsigned int desc[4] = { 0xffffffff, 0, 0xfffff, 0x51 };
  syscall(SYS_modify_ldt, 0x1234, desc, sizeof desc);
  syscall(SYS_modify_ldt, 0x1234, desc, 3);
  /* sched_setattr with a size too small: E2BIG, and the kernel writes the size it knows */
  unsigned int attr[14] = { 1 };
  syscall(SYS_sched_setattr, 0, attr, 0);
  /* -y: a deleted file, and one whose name really ends in " (deleted)" */
  int a = open("victim", O_CREAT | O_RDWR, 0600);
  unlink("victim");
  fchmod(a, 0600);
  int b = open("kept (deleted)", O_CREAT | O_RDWR, 0600);
  fchmod(b, 0600);
  unlink("kept (deleted)");
  /* -y: fds inside structs (landlock's parent_fd, an id-mapped mount's userns_fd) */
  struct __attribute__((packed)) { unsigned long long access; int fd; } rule = { 1, null };
  syscall(SYS_landlock_add_rule, -1, 1, &rule, 0);
  unsigned long long mattr[4] = { 0x100000, 0, 0, (unsigned long long)null };
  syscall(SYS_mount_setattr, -1, "/nonexistent", 0, mattr, sizeof mattr);
  return 0;
}
`;

const TRACE = [
  "-y",
  "-e",
  "write=20",
  "-e",
  "trace=writev,preadv,write,modify_ldt,sched_setattr,fchmod,landlock_add_rule,mount_setattr",
];

/** Addresses and pids differ from run to run; the `=` column with the line's length. */
const mask = (text: string): string =>
  text
    .replace(/0x[0-9a-f]{6,}/g, "0xADDR")
    .replace(/from pid \d+/g, "from pid PID")
    .replace(/ {2,}=/g, " =");

function run(tracer: string, args: string[]): string {
  const out = join(dir, `${tracer === BIN ? "t" : "s"}.log`);
  const r = spawnSync(tracer, ["-o", out, ...args], { cwd: dir, encoding: "utf8", timeout: 60_000 });
  expect(r.status, `${tracer}: ${r.stderr}`).toBe(0);
  return mask(readFileSync(out, "utf8"));
}

describe.skipIf(CC === "")("long-tail memory edges and struct fds, on a real tracee", () => {
  const exe = CC === "" ? "" : compileC(dir, "tail-memory", PROGRAM);

  it("prints the same lines as strace", () => {
    const ours = run(BIN, [...TRACE, exe]);
    expect(ours).toBe(run("strace", [...TRACE, exe]));
    // What the cases are about, in case strace's own rendering changes under us.
    expect(ours).toContain('[{iov_base="89abcde", iov_len=7}, ... /* 0xADDR */], 2)');
    expect(ours).toContain("preadv(-1, [{iov_base=0xADDR, iov_len=8}], 1, 0)");
    expect(ours).toContain("preadv(-1, [], 0, 0)");
    expect(ours).toContain(
      '[{iov_base="xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"..., iov_len=18446744073709551615}]',
    );
    expect(ours).toContain("[{iov_base=0xADDR, iov_len=18446744073709551615}]");
    expect(ours).toContain(" | <Cannot fetch 1 byte from pid PID @0xADDR>");
    expect(ours).toMatch(/modify_ldt\(4660, \{entry_number=-1, .*\}, 16\) = \d+ E\w+ \(/);
    expect(ours).toContain("sched_setattr(0, {size=1} => {size=");
    expect(ours).toMatch(/fchmod\(\d+<[^>]*\/victim>\(deleted\), 0600\)/);
    expect(ours).toMatch(/fchmod\(\d+<[^>]*\/kept \(deleted\)>, 0600\)/);
    expect(ours).toMatch(/parent_fd=\d+<\/dev\/null>/);
    expect(ours).toMatch(/userns_fd=\d+<\/dev\/null>/);
  });
});
