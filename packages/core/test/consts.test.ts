import { describe, expect, it } from "vitest";
import { constTable, constTables } from "../src/index.js";

const names = (t: string): string[] => constTable(t)?.entries.map(([, n]) => n) ?? [];
const value = (t: string, n: string): number | undefined =>
  constTable(t)?.entries.find(([, x]) => x === n)?.[0];

describe("constant tables", () => {
  it("have unique table names and unique entry names, each naming a source", () => {
    expect(new Set(constTables.map((t) => t.name)).size).toBe(constTables.length);
    for (const t of constTables) {
      expect(new Set(t.entries.map(([, n]) => n)).size, t.name).toBe(t.entries.length);
      expect(t.source.length, t.name).toBeGreaterThan(0);
      // u64 values: non-negative, above 2^53 only exact ones, or a value near 2^64 as its exact
      // negative two's-complement twin (btrfs's -256ULL); the generator refuses others
      for (const [v] of t.entries)
        expect(Number.isInteger(v) && v >= -(2 ** 53) && v < 2 ** 64, `${t.name} ${v}`).toBe(true);
    }
    for (const n of [
      "open_flags",
      "at_flags",
      "mmap_prot",
      "mmap_flags",
      "access_modes",
      "arch_prctl_codes",
      "rlimit_resources",
      "getrandom_flags",
      "futex_ops",
      "ioctls",
      "fcntl_cmds",
      "file_types",
      "clone_flags",
    ])
      expect(constTable(n), n).toBeDefined();
  });
  it("open flags: values and strace's printing order", () => {
    const t = constTable("open_flags");
    expect(t?.typeMask).toBe(3);
    expect(value("open_flags", "O_RDONLY")).toBe(0);
    expect(value("open_flags", "O_RDWR")).toBe(2);
    expect(value("open_flags", "O_CREAT")).toBe(0o100);
    expect(value("open_flags", "O_NONBLOCK")).toBe(0o4000);
    expect(value("open_flags", "O_DIRECTORY")).toBe(0o200000);
    expect(value("open_flags", "O_CLOEXEC")).toBe(0o2000000);
    const n = names("open_flags");
    // strace: O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY
    expect(n.indexOf("O_NONBLOCK")).toBeLessThan(n.indexOf("O_CLOEXEC"));
    expect(n.indexOf("O_CLOEXEC")).toBeLessThan(n.indexOf("O_DIRECTORY"));
    expect(n.indexOf("O_TMPFILE")).toBeLessThan(n.indexOf("O_DIRECTORY"));
  });
  it("mmap, access, at, rlimit, arch_prctl, futex, ioctl", () => {
    expect(constTable("mmap_flags")?.typeMask).toBe(0xf);
    expect(value("mmap_flags", "MAP_PRIVATE")).toBe(2);
    expect(value("mmap_flags", "MAP_ANONYMOUS")).toBe(0x20);
    expect(value("mmap_flags", "MAP_DENYWRITE")).toBe(0x800);
    const m = names("mmap_flags");
    expect(m.indexOf("MAP_FIXED")).toBeLessThan(m.indexOf("MAP_ANONYMOUS"));
    expect(m.indexOf("MAP_ANONYMOUS")).toBeLessThan(m.indexOf("MAP_DENYWRITE"));
    expect(value("mmap_prot", "PROT_NONE")).toBe(0);
    expect(value("access_modes", "F_OK")).toBe(0);
    expect(value("access_modes", "R_OK")).toBe(4);
    expect(value("at_flags", "AT_EMPTY_PATH")).toBe(0x1000);
    expect(value("at_flags", "AT_SYMLINK_NOFOLLOW")).toBe(0x100);
    expect(value("rlimit_resources", "RLIMIT_STACK")).toBe(3);
    expect(value("arch_prctl_codes", "ARCH_SET_FS")).toBe(0x1002);
    expect(value("getrandom_flags", "GRND_NONBLOCK")).toBe(1);
    expect(value("futex_ops", "FUTEX_WAIT_PRIVATE")).toBe(128);
    expect(value("futex_ops", "FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME")).toBe(9 | 128 | 256);
    expect(value("ioctls", "TCGETS")).toBe(0x5401);
    expect(value("ioctls", "TIOCGWINSZ")).toBe(0x5413);
    expect(value("fcntl_cmds", "F_DUPFD_CLOEXEC")).toBe(1030);
    expect(value("file_types", "S_IFREG")).toBe(0o100000);
    expect(value("clone_flags", "CLONE_VM")).toBe(0x100);
  });
});
