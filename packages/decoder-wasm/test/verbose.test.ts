// -v: the stat family unabbreviated. Expected lines from `strace -v ls` and
// `strace -v -e trace=newfstatat python3 -c "import os; os.stat('/dev/null')"` (TZ=UTC).

import { describe, expect, it } from "vitest";
import { createDecoder } from "../dist/index.js";
import { nr } from "./helpers/nr.js";
import { bufRet, bytes, concat, cstr, enter, exit, strArray, struct } from "./helpers/records.js";

const line = async (
  args: (number | bigint)[],
  path: string,
  st: Uint8Array,
  verbose = true,
): Promise<string> => {
  const d = await createDecoder({ verbose, utcOffsetMinutes: 0 });
  const n = nr("newfstatat");
  return d.decodeToString(concat(enter(1, n, args, [cstr(1, path)]), exit(1, n, 0, [struct(2, st)])));
};

// x86_64 struct stat offsets.
const stat = (f: {
  dev: number | bigint;
  ino: number | bigint;
  nlink: number;
  mode: number;
  rdev?: number;
  size: number;
  blksize: number;
  blocks: number;
  times: [number, number][];
}): Uint8Array =>
  bytes(144, [
    [0, 8, f.dev],
    [8, 8, f.ino],
    [16, 8, f.nlink],
    [24, 4, f.mode],
    [40, 8, f.rdev ?? 0],
    [48, 8, f.size],
    [56, 8, f.blksize],
    [64, 8, f.blocks],
    [72, 8, f.times[0]![0]],
    [80, 8, f.times[0]![1]],
    [88, 8, f.times[1]![0]],
    [96, 8, f.times[1]![1]],
    [104, 8, f.times[2]![0]],
    [112, 8, f.times[2]![1]],
  ]);

describe("-v stat", () => {
  it("regular file with nanoseconds", async () => {
    const st = stat({
      dev: 0xfe00,
      ino: 2244613,
      nlink: 1,
      mode: 0o100644,
      size: 34775,
      blksize: 4096,
      blocks: 72,
      times: [
        [1795424368, 129046690],
        [1795424368, 97046689],
        [1795424368, 97046689],
      ],
    });
    expect(await line([3, 1, 2, 0x1000], "", st)).toBe(
      'newfstatat(3, "", {st_dev=makedev(0xfe, 0), st_ino=2244613, st_mode=S_IFREG|0644, st_nlink=1, st_uid=0, st_gid=0, st_blksize=4096, st_blocks=72, st_size=34775, st_atime=1795424368 /* 2026-11-23T08:59:28.129046690+0000 */, st_atime_nsec=129046690, st_mtime=1795424368 /* 2026-11-23T08:59:28.097046689+0000 */, st_mtime_nsec=97046689, st_ctime=1795424368 /* 2026-11-23T08:59:28.097046689+0000 */, st_ctime_nsec=97046689}, AT_EMPTY_PATH) = 0\n',
    );
  });

  it("whole seconds print no fraction", async () => {
    const st = stat({
      dev: 0xfe00,
      ino: 339872,
      nlink: 1,
      mode: 0o100644,
      size: 174312,
      blksize: 4096,
      blocks: 344,
      times: [
        [1795421176, 816908168],
        [1685210301, 0],
        [1685210301, 0],
      ],
    });
    expect(await line([3, 1, 2, 0x1000], "", st)).toBe(
      'newfstatat(3, "", {st_dev=makedev(0xfe, 0), st_ino=339872, st_mode=S_IFREG|0644, st_nlink=1, st_uid=0, st_gid=0, st_blksize=4096, st_blocks=344, st_size=174312, st_atime=1795421176 /* 2026-11-23T08:06:16.816908168+0000 */, st_atime_nsec=816908168, st_mtime=1685210301 /* 2023-05-27T17:58:21+0000 */, st_mtime_nsec=0, st_ctime=1685210301 /* 2023-05-27T17:58:21+0000 */, st_ctime_nsec=0}, AT_EMPTY_PATH) = 0\n',
    );
  });

  it("character device prints st_rdev instead of st_size", async () => {
    const t: [number, number] = [1795396514, 769456215];
    const st = stat({
      dev: 6,
      ino: 3,
      nlink: 1,
      mode: 0o20666,
      rdev: 0x103,
      size: 0,
      blksize: 4096,
      blocks: 0,
      times: [t, t, t],
    });
    expect(await line([-100, 1, 2, 0], "/dev/null", st)).toBe(
      'newfstatat(AT_FDCWD, "/dev/null", {st_dev=makedev(0, 0x6), st_ino=3, st_mode=S_IFCHR|0666, st_nlink=1, st_uid=0, st_gid=0, st_blksize=4096, st_blocks=0, st_rdev=makedev(0x1, 0x3), st_atime=1795396514 /* 2026-11-23T01:15:14.769456215+0000 */, st_atime_nsec=769456215, st_mtime=1795396514 /* 2026-11-23T01:15:14.769456215+0000 */, st_mtime_nsec=769456215, st_ctime=1795396514 /* 2026-11-23T01:15:14.769456215+0000 */, st_ctime_nsec=769456215}, 0) = 0\n',
    );
  });

  it("without -v the struct stays abbreviated", async () => {
    const st = stat({
      dev: 1,
      ino: 2,
      nlink: 1,
      mode: 0o100644,
      size: 5,
      blksize: 4096,
      blocks: 8,
      times: [
        [0, 0],
        [0, 0],
        [0, 0],
      ],
    });
    expect(await line([3, 1, 2, 0x1000], "", st, false)).toBe(
      'newfstatat(3, "", {st_mode=S_IFREG|0644, st_size=5, ...}, AT_EMPTY_PATH) = 0\n',
    );
  });
});

// x86_64 struct statx offsets.
const statx = (f: {
  mask: number;
  blksize: number;
  attrs: number | bigint;
  nlink: number;
  mode: number;
  ino: number;
  size: number;
  blocks: number;
  attrsMask: number | bigint;
  times: [number, number][]; // atime, btime, ctime, mtime
  rdev: [number, number];
  dev: [number, number];
  mntId: number;
}): Uint8Array =>
  bytes(256, [
    [0, 4, f.mask],
    [4, 4, f.blksize],
    [8, 8, f.attrs],
    [16, 4, f.nlink],
    [28, 4, f.mode],
    [32, 8, f.ino],
    [40, 8, f.size],
    [48, 8, f.blocks],
    [56, 8, f.attrsMask],
    ...f.times.flatMap(([s, ns], i): [number, 4 | 8, number][] => [
      [64 + i * 16, 8, s],
      [72 + i * 16, 4, ns],
    ]),
    [128, 4, f.rdev[0]],
    [132, 4, f.rdev[1]],
    [136, 4, f.dev[0]],
    [140, 4, f.dev[1]],
    [144, 8, f.mntId],
  ]);

const statxLine = async (path: string, st: Uint8Array, verbose: boolean): Promise<string> => {
  const d = await createDecoder({ verbose, utcOffsetMinutes: 0 });
  const n = nr("statx");
  return d.decodeToString(
    concat(enter(1, n, [-100, 1, 0x900, 0xfff, 2], [cstr(1, path)]), exit(1, n, 0, [struct(4, st)])),
  );
};

describe("statx", () => {
  const t: [number, number] = [1795396514, 769456215];
  const devNull = statx({
    mask: 0x1fff,
    blksize: 4096,
    attrs: 0,
    nlink: 1,
    mode: 0o20666,
    ino: 3,
    size: 0,
    blocks: 0,
    attrsMask: 0x203070, // IMMUTABLE|APPEND|NODUMP|AUTOMOUNT|MOUNT_ROOT|DAX
    times: [t, t, t, t],
    rdev: [1, 3],
    dev: [0, 6],
    mntId: 0x18,
  });

  it("abbreviated: stx_size even for a device (strace stat /dev/null)", async () => {
    expect(await statxLine("/dev/null", devNull, false)).toBe(
      'statx(AT_FDCWD, "/dev/null", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT, STATX_ALL, {stx_mask=STATX_ALL|STATX_MNT_ID, stx_attributes=0, stx_mode=S_IFCHR|0666, stx_size=0, ...}) = 0\n',
    );
  });

  it("-v: every field (strace -v stat /dev/null)", async () => {
    expect(await statxLine("/dev/null", devNull, true)).toBe(
      'statx(AT_FDCWD, "/dev/null", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT, STATX_ALL, {stx_mask=STATX_ALL|STATX_MNT_ID, stx_blksize=4096, stx_attributes=0, stx_nlink=1, stx_uid=0, stx_gid=0, stx_mode=S_IFCHR|0666, stx_ino=3, stx_size=0, stx_blocks=0, stx_attributes_mask=STATX_ATTR_IMMUTABLE|STATX_ATTR_APPEND|STATX_ATTR_NODUMP|STATX_ATTR_AUTOMOUNT|STATX_ATTR_MOUNT_ROOT|STATX_ATTR_DAX, stx_atime={tv_sec=1795396514, tv_nsec=769456215} /* 2026-11-23T01:15:14.769456215+0000 */, stx_btime={tv_sec=1795396514, tv_nsec=769456215} /* 2026-11-23T01:15:14.769456215+0000 */, stx_ctime={tv_sec=1795396514, tv_nsec=769456215} /* 2026-11-23T01:15:14.769456215+0000 */, stx_mtime={tv_sec=1795396514, tv_nsec=769456215} /* 2026-11-23T01:15:14.769456215+0000 */, stx_rdev_major=1, stx_rdev_minor=3, stx_dev_major=0, stx_dev_minor=6, stx_mnt_id=0x18}) = 0\n',
    );
  });

  it("-v: a zero btime has no date comment (strace -v stat /)", async () => {
    const st = statx({
      mask: 0x1fff,
      blksize: 4096,
      attrs: 0x2000,
      nlink: 21,
      mode: 0o40755,
      ino: 2,
      size: 4096,
      blocks: 8,
      attrsMask: 0x203074 | 0x100000 | 0x800 | 0x4,
      times: [
        [1795424830, 825066774],
        [0, 0],
        [1795421203, 560909329],
        [1795421203, 560909329],
      ],
      rdev: [0, 0],
      dev: [254, 0],
      mntId: 0x1b,
    });
    const out = await statxLine("/", st, true);
    expect(out).toContain(
      "stx_atime={tv_sec=1795424830, tv_nsec=825066774} /* 2026-11-23T09:07:10.825066774+0000 */, stx_btime={tv_sec=0, tv_nsec=0}, stx_ctime={tv_sec=1795421203, tv_nsec=560909329} /* 2026-11-23T08:06:43.560909329+0000 */, stx_mtime={tv_sec=1795421203, tv_nsec=560909329} /* 2026-11-23T08:06:43.560909329+0000 */, stx_rdev_major=0, stx_rdev_minor=0, stx_dev_major=254, stx_dev_minor=0, stx_mnt_id=0x1b}) = 0\n",
    );
    expect(out).toContain(
      "stx_attributes=STATX_ATTR_MOUNT_ROOT, stx_nlink=21, stx_uid=0, stx_gid=0, stx_mode=S_IFDIR|0755, stx_ino=2, stx_size=4096, stx_blocks=8",
    );
  });
  it("-v: no stx_btime when the mask lacks STATX_BTIME (strace -v ls -l)", async () => {
    const t: [number, number] = [1795441213, 597777883];
    const st = statx({
      mask: 0x17ff,
      blksize: 4096,
      attrs: 0,
      nlink: 1,
      mode: 0o100644,
      ino: 2392163,
      size: 0,
      blocks: 0,
      attrsMask: 0x203074 | 0x100000 | 0x800,
      times: [t, [0, 0], t, t],
      rdev: [0, 0],
      dev: [254, 0],
      mntId: 0x1b,
    });
    const out = await statxLine("b", st, true);
    expect(out).toContain(
      "stx_atime={tv_sec=1795441213, tv_nsec=597777883} /* 2026-11-23T13:40:13.597777883+0000 */, stx_ctime={tv_sec=1795441213, tv_nsec=597777883} /* 2026-11-23T13:40:13.597777883+0000 */, stx_mtime={tv_sec=1795441213, tv_nsec=597777883} /* 2026-11-23T13:40:13.597777883+0000 */, stx_rdev_major=0, stx_rdev_minor=0, stx_dev_major=254, stx_dev_minor=0, stx_mnt_id=0x1b}) = 0",
    );
  });
});

// Lines from `strace -v` (and `strace -v -s 2`) on ls -a, uname -a, echo and a python3 program
// calling getdents(2) through ctypes, in a directory holding a, b and sub/.
describe("-v beyond stat", () => {
  const call = async (
    name: string,
    args: (number | bigint)[],
    rval: number,
    entryCaps: ReturnType<typeof cstr>[],
    exitCaps: ReturnType<typeof cstr>[],
    options: { strsize?: number } = {},
  ): Promise<string> => {
    const d = await createDecoder({ verbose: true, ...options });
    const n = nr(name);
    return d.decodeToString(concat(enter(1, n, args, entryCaps), exit(1, n, rval, exitCaps)));
  };

  it("execve prints envp as strings, and argv whole", async () => {
    expect(
      await call(
        "execve",
        [0x5555, 0x6666, 0x7ffc954dd068n],
        0,
        [
          cstr(0, "/usr/bin/uname"),
          strArray(1, 2, ["uname", "-a"]),
          strArray(2, 3, ["PATH=/usr/bin:/bin", "HOME=/tmp", "LANG=C"]),
        ],
        [],
      ),
    ).toBe('execve("/usr/bin/uname", ["uname", "-a"], ["PATH=/usr/bin:/bin", "HOME=/tmp", "LANG=C"]) = 0\n');
    expect(
      await call(
        "execve",
        [0x5555, 0x6666, 0x7ffc954dd068n],
        0,
        [
          cstr(0, "/bin/echo"),
          strArray(1, 6, ["/bi", "a", "b", "c", "d", "e"]),
          strArray(2, 3, ["A=1", "B=2", "C=3"]),
        ],
        [],
        { strsize: 2 },
      ),
    ).toBe('execve("/bin/echo", ["/b"..., "a", "b", "c", "d", "e"], ["A="..., "B="..., "C="...]) = 0\n');
  });

  // linux_dirent64: d_ino, d_off, d_reclen, d_type, d_name; linux_dirent keeps d_type last.
  const dirent = (ino: number, off: bigint, type: number, name: string, is64: boolean): Uint8Array => {
    const b = new Uint8Array(24);
    const v = new DataView(b.buffer);
    v.setBigUint64(0, BigInt(ino), true);
    v.setBigInt64(8, off, true);
    v.setUint16(16, 24, true);
    b.set(new TextEncoder().encode(name), is64 ? 19 : 18);
    b[is64 ? 18 : 23] = type;
    return b;
  };
  const DT_DIR = 4;
  const DT_REG = 8;
  const dir = (is64: boolean): Uint8Array =>
    concat(
      dirent(2392163, 2232908316014189079n, DT_REG, "b", is64),
      dirent(2392131, 6110503228574032292n, DT_DIR, ".", is64),
      dirent(2392196, 6357504699377170974n, DT_DIR, "sub", is64),
      dirent(2392078, 7709387121495409031n, DT_DIR, "..", is64),
      dirent(2392147, 9223372036854775807n, DT_REG, "a", is64),
    );

  it("getdents64 prints its entries", async () => {
    expect(await call("getdents64", [3, 0x55e0eb30c9b0n, 32768], 120, [], [bufRet(1, dir(true))])).toBe(
      'getdents64(3, [{d_ino=2392163, d_off=2232908316014189079, d_reclen=24, d_type=DT_REG, d_name="b"}, {d_ino=2392131, d_off=6110503228574032292, d_reclen=24, d_type=DT_DIR, d_name="."}, {d_ino=2392196, d_off=6357504699377170974, d_reclen=24, d_type=DT_DIR, d_name="sub"}, {d_ino=2392078, d_off=7709387121495409031, d_reclen=24, d_type=DT_DIR, d_name=".."}, {d_ino=2392147, d_off=9223372036854775807, d_reclen=24, d_type=DT_REG, d_name="a"}], 32768) = 120\n',
    );
    expect(await call("getdents64", [3, 0x55e0eb30c9b0n, 32768], 0, [], [bufRet(1, new Uint8Array(0))])).toBe(
      "getdents64(3, [], 32768)                = 0\n",
    );
  });

  it("getdents prints d_type after d_name; an error prints the address", async () => {
    expect(await call("getdents", [3, 0x55e0eb30c9b0n, 4096], 120, [], [bufRet(1, dir(false))])).toBe(
      'getdents(3, [{d_ino=2392163, d_off=2232908316014189079, d_reclen=24, d_name="b", d_type=DT_REG}, {d_ino=2392131, d_off=6110503228574032292, d_reclen=24, d_name=".", d_type=DT_DIR}, {d_ino=2392196, d_off=6357504699377170974, d_reclen=24, d_name="sub", d_type=DT_DIR}, {d_ino=2392078, d_off=7709387121495409031, d_reclen=24, d_name="..", d_type=DT_DIR}, {d_ino=2392147, d_off=9223372036854775807, d_reclen=24, d_name="a", d_type=DT_REG}], 4096) = 120\n',
    );
    expect(await call("getdents", [999, 0x55e0eb30c9b0n, 4096], -9, [], [])).toBe(
      "getdents(999, 0x55e0eb30c9b0, 4096)     = -1 EBADF (Bad file descriptor)\n",
    );
  });

  it("uname prints every field", async () => {
    const u = new Uint8Array(390);
    const fields = ["Linux", "vm", "6.18.44-fc-v782", "#1 SMP PREEMPT_DYNAMIC @0", "x86_64", "(none)"];
    for (const [i, s] of fields.entries()) u.set(new TextEncoder().encode(s), i * 65);
    expect(await call("uname", [0x7ffd2c1b1a40n], 0, [], [struct(0, u)])).toBe(
      'uname({sysname="Linux", nodename="vm", release="6.18.44-fc-v782", version="#1 SMP PREEMPT_DYNAMIC @0", machine="x86_64", domainname="(none)"}) = 0\n',
    );
  });
});

// Lines from `strace [-v] -e trace=wait4 python3 -c 'os.fork(); … os.wait4(pid, 0)'`.
describe("wait4's rusage", () => {
  const usage = (usec: number): ReturnType<typeof struct> =>
    struct(
      3,
      bytes(144, [
        [8, 8, usec],
        [32, 8, 9784],
        [64, 8, 222],
        [128, 8, 2],
      ]),
    );
  const status = struct(1, bytes(4, [[0, 4, 0x300]]));
  const wait4 = async (
    verbose: boolean,
    args: (number | bigint)[],
    rval: number,
    exitCaps: ReturnType<typeof struct>[],
  ): Promise<string> => {
    const d = await createDecoder({ verbose });
    const n = nr("wait4");
    return d.decodeToString(concat(enter(1, n, args, []), exit(1, n, rval, exitCaps)));
  };

  it("is printed when a child was reaped, abbreviated without -v", async () => {
    expect(
      await wait4(false, [15308, 0x7fff0d147bd0n, 0, 0x7fff0d147be0n], 15308, [status, usage(1972)]),
    ).toBe(
      "wait4(15308, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, {ru_utime={tv_sec=0, tv_usec=1972}, ru_stime={tv_sec=0, tv_usec=0}, ...}) = 15308\n",
    );
    expect(
      await wait4(true, [15353, 0x7fffd7b1fb9cn, 0, 0x7fffd7b1fba0n], 15353, [status, usage(2017)]),
    ).toBe(
      "wait4(15353, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, {ru_utime={tv_sec=0, tv_usec=2017}, ru_stime={tv_sec=0, tv_usec=0}, ru_maxrss=9784, ru_ixrss=0, ru_idrss=0, ru_isrss=0, ru_minflt=222, ru_majflt=0, ru_nswap=0, ru_inblock=0, ru_oublock=0, ru_msgsnd=0, ru_msgrcv=0, ru_nsignals=0, ru_nvcsw=2, ru_nivcsw=0}) = 15353\n",
    );
  });
  it("is an address when none was", async () => {
    expect(await wait4(true, [15353, 0x7fffd7b1fb9cn, 1, 0x7fffd7b1fba0n], 0, [])).toBe(
      "wait4(15353, 0x7fffd7b1fb9c, WNOHANG, 0x7fffd7b1fba0) = 0\n",
    );
    expect(await wait4(true, [-1, 0x7fffd7b1fb9cn, 1, 0x7fffd7b1fba0n], -10, [])).toBe(
      "wait4(-1, 0x7fffd7b1fb9c, WNOHANG, 0x7fffd7b1fba0) = -1 ECHILD (No child processes)\n",
    );
  });
});
