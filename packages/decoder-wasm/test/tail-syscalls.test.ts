// The long tail of issue #16 (system administration, keys, fanotify, the mount API, landlock,
// quotas): each expected line is one strace 6.1 printed in its own test suite for the same
// argument values and memory (strace's tests/*.c, run by tools/strace-suite), here as records.

import { describe, expect, it } from "vitest";
import { createDecoder } from "../dist/index.js";
import { nr } from "./helpers/nr.js";
import { bufArg, bytes, type Capture, concat, cstr, enter, exit, struct } from "./helpers/records.js";

type Style = "abbrev" | "raw" | "verbose";

const line = async (
  name: string,
  args: (number | bigint)[],
  rval: number | bigint,
  entryCaps: Capture[] = [],
  exitCaps: Capture[] = [],
  constStyle: Style = "abbrev",
  verbose = false,
): Promise<string> => {
  const d = await createDecoder({ constStyle, verbose });
  return d.decodeToString(concat(enter(1, nr(name), args, entryCaps), exit(1, nr(name), rval, exitCaps)));
};

/** CS_PARTIAL: the capture's bytes were readable, then an unreadable page. */
const PARTIAL = 3;

describe("system administration", () => {
  it("reboot names the magics and the command; an unknown one is hex with a comment", async () => {
    expect(await line("reboot", [0xfee1dead, 672274793, 0x1234568, 0], -22)).toBe(
      "reboot(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, 0x1234568 /* LINUX_REBOOT_CMD_??? */) = -1 EINVAL (Invalid argument)\n",
    );
  });

  it("reboot's LINUX_REBOOT_CMD_RESTART2 prints its command string", async () => {
    expect(
      await line("reboot", [0xfee1dead, 0x13111992, 0xa1b2c3d4, 0x7f00n], -22, [cstr(3, "reboot")]),
    ).toBe(
      'reboot(LINUX_REBOOT_MAGIC1, 0x13111992 /* LINUX_REBOOT_MAGIC_??? */, LINUX_REBOOT_CMD_RESTART2, "reboot") = -1 EINVAL (Invalid argument)\n',
    );
  });

  it("syslog prints its action and log level as numbers with their names", async () => {
    expect(await line("syslog", [8, 0xfacefeeddeadbeefn, 8], 0)).toBe(
      "syslog(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, 0xfacefeeddeadbeef, 8 /* LOGLEVEL_DEBUG+1 */) = 0\n",
    );
    expect(await line("syslog", [-17973521, 0, -1], -22)).toBe(
      "syslog(-17973521 /* SYSLOG_ACTION_??? */, NULL, -1) = -1 EINVAL (Invalid argument)\n",
    );
  });

  it("sethostname prints only the address of a name longer than __NEW_UTS_LEN", async () => {
    expect(await line("sethostname", [0x7fbe79083fbfn, 65], -22, [bufArg(0, "x".repeat(33))])).toBe(
      "sethostname(0x7fbe79083fbf, 65)         = -1 EINVAL (Invalid argument)\n",
    );
  });

  it("kexec_load splits the architecture from the flags", async () => {
    expect(await line("kexec_load", [0, 0, 0, 0xbadc0dedda7a1054n], -38)).toBe(
      "kexec_load(NULL, 0, NULL, 0xda7a0000 /* KEXEC_ARCH_??? */|0xbadc0ded00001054 /* KEXEC_??? */) = -1 ENOSYS (Function not implemented)\n",
    );
  });

  it("perf_event_open's flags are 64 bits wide", async () => {
    expect(await line("perf_event_open", [0, -87101427, -1160070233, -1, 0xffffffffffffffffn], -22)).toBe(
      "perf_event_open(NULL, -87101427, -1160070233, -1, PERF_FLAG_FD_NO_GROUP|PERF_FLAG_FD_OUTPUT|PERF_FLAG_PID_CGROUP|PERF_FLAG_FD_CLOEXEC|0xfffffffffffffff0) = -1 EINVAL (Invalid argument)\n",
    );
  });

  it("swapon prints the flags, then the priority in decimal", async () => {
    expect(await line("swapon", [1, 0xffffffff], -22, [cstr(0, "swap.sample")])).toBe(
      'swapon("swap.sample", SWAP_FLAG_PREFER|SWAP_FLAG_DISCARD|SWAP_FLAG_DISCARD_ONCE|SWAP_FLAG_DISCARD_PAGES|0xfff80000|32767) = -1 EINVAL (Invalid argument)\n',
    );
  });

  it("_sysctl prints struct __sysctl_args", async () => {
    expect(await line("_sysctl", [0x7faab1b1cfb0n], -38, [struct(0, new Uint8Array(80))])).toBe(
      "_sysctl({name=NULL, nlen=0, oldval=NULL, oldlenp=NULL, newval=NULL, newlen=0}) = -1 ENOSYS (Function not implemented)\n",
    );
  });
});

describe("keys, fanotify, mount", () => {
  it("add_key prints a NULL payload as NULL and the keyring by name", async () => {
    expect(await line("add_key", [0, 0, 0, 0, 0xffffffff], -14)).toBe(
      "add_key(NULL, NULL, NULL, 0, KEY_SPEC_THREAD_KEYRING) = -1 EFAULT (Bad address)\n",
    );
  });

  it("fanotify_init prints the class apart from the other flags", async () => {
    expect(await line("fanotify_init", [0xeface004, 0x80000001], -22)).toBe(
      "fanotify_init(FAN_CLASS_CONTENT|0xeface000 /* FAN_??? */, O_WRONLY|0x80000000) = -1 EINVAL (Invalid argument)\n",
    );
  });

  it("mount prints MS_MGC_VAL apart and the type and data as strings", async () => {
    const caps = [
      cstr(0, "mount_source"),
      cstr(1, "mount_target"),
      cstr(2, "mount_fstype"),
      cstr(4, "mount_data"),
    ];
    expect(await line("mount", [1, 2, 3, 0xc0ed000f, 5], -2, caps)).toBe(
      'mount("mount_source", "mount_target", "mount_fstype", MS_MGC_VAL|MS_RDONLY|MS_NOSUID|MS_NODEV|MS_NOEXEC, "mount_data") = -1 ENOENT (No such file or directory)\n',
    );
    expect(await line("mount", [1, 2, 3, 0xc0ed000f, 5], -2, caps, [], "raw")).toBe(
      'mount("mount_source", "mount_target", "mount_fstype", 0xc0ed0000|0xf, "mount_data") = -1 ENOENT (No such file or directory)\n',
    );
  });

  it("mount_setattr prints the bytes past struct mount_attr, ??? when unreadable", async () => {
    const attr = bytes(32, [
      [0, 8, 0xffffffff00000000n],
      [16, 8, 1 << 17],
      [24, 8, 9],
    ]);
    expect(
      await line("mount_setattr", [-1, 1, 0, 0x7f00n, 40], -14, [
        cstr(1, "/dev/full"),
        bufArg(3, attr, PARTIAL),
      ]),
    ).toBe(
      'mount_setattr(-1, "/dev/full", 0, {attr_set=0xffffffff00000000 /* MOUNT_ATTR_??? */, attr_clr=0, propagation=MS_UNBINDABLE, userns_fd=9, ???}, 40) = -1 EFAULT (Bad address)\n',
    );
  });
});

describe("landlock", () => {
  it("landlock_create_ruleset prints what it knows of the attr, then `...`", async () => {
    const attr = bytes(8, [[0, 8, 1]]);
    expect(await line("landlock_create_ruleset", [0x7f00n, 12, 0], -14, [bufArg(0, attr, PARTIAL)])).toBe(
      "landlock_create_ruleset({handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE, ...}, 12, 0) = -1 EFAULT (Bad address)\n",
    );
  });

  it("landlock_add_rule prints a path-beneath rule", async () => {
    const rule = bytes(12, [
      [0, 8, 1],
      [8, 4, 0xffffffff],
    ]);
    expect(await line("landlock_add_rule", [-1, 1, 0x7f00n, 0], -9, [struct(2, rule)])).toBe(
      "landlock_add_rule(-1, LANDLOCK_RULE_PATH_BENEATH, {allowed_access=LANDLOCK_ACCESS_FS_EXECUTE, parent_fd=-1}, 0) = -1 EBADF (Bad file descriptor)\n",
    );
  });
});

describe("quotactl", () => {
  const dqinfo = bytes(160, [
    [0, 8, 9765639646188044672n],
    [8, 8, 10344361028892658056n],
    [16, 4, 0xdeadabcd],
    [20, 4, 0x97969594],
  ]);
  const args = [0x80000600, 1, 0, 0x7f00n];
  it("prints QCMD(cmd, type) and Q_SETINFO's struct if_dqinfo", async () => {
    expect(await line("quotactl", args, -2, [cstr(1, "/dev/bogus/"), struct(3, dqinfo)])).toBe(
      'quotactl(QCMD(Q_SETINFO, USRQUOTA), "/dev/bogus/", {dqi_bgrace=9765639646188044672, dqi_igrace=10344361028892658056, dqi_flags=DQF_ROOT_SQUASH|DQF_SYS_FILE|0xdeacabcc, dqi_valid=IIF_FLAGS|0x97969590}) = -1 ENOENT (No such file or directory)\n',
    );
  });

  it("prints the command as a number under -X raw, both under -X verbose", async () => {
    const on = [0x80000200, 1, 1, 3];
    const caps = [cstr(1, "/dev/bogus/"), cstr(3, "/tmp/bogus/")];
    expect(await line("quotactl", on, -2, caps, [], "raw")).toBe(
      'quotactl(2147484160, "/dev/bogus/", 0x1, "/tmp/bogus/") = -1 ENOENT (No such file or directory)\n',
    );
    expect(await line("quotactl", on, -2, caps, [], "verbose")).toBe(
      'quotactl(2147484160 /* QCMD(Q_QUOTAON, USRQUOTA) */, "/dev/bogus/", 0x1 /* QFMT_VFS_OLD */, "/tmp/bogus/") = -1 ENOENT (No such file or directory)\n',
    );
  });

  it("prints a GET command's struct at exit, abbreviated unless -v", async () => {
    const ones = new Uint8Array(160).fill(0xff);
    const get = [0x80000900, 1, 0, 0x7f00n];
    expect(await line("quotactl", get, 42, [cstr(1, "/dev/sda1")], [struct(3, ones)])).toBe(
      'quotactl(QCMD(Q_GETNEXTQUOTA, USRQUOTA), "/dev/sda1", 0, {dqb_bhardlimit=18446744073709551615, dqb_bsoftlimit=18446744073709551615, dqb_curspace=18446744073709551615, dqb_ihardlimit=18446744073709551615, dqb_isoftlimit=18446744073709551615, dqb_curinodes=18446744073709551615, dqb_id=4294967295, ...}) = 42\n',
    );
  });
});
