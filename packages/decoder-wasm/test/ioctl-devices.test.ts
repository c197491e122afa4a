// Device ioctl families (gpio, PTP, RTC, MTD) decoded from captured bytes: the layouts are the
// uapi headers' (offsets spelled here as the kernel lays the structs out), and each expected line
// is what strace 6.1 prints for those bytes (packages/cli/test/ioctl-devices.test.ts compares the
// two tracers live; these pin the cases a live trace cannot reach, such as a failed exit).
import { describe, expect, it } from "vitest";
import { createDecoder, type DecoderOptions } from "../dist/index.js";
import { nr } from "./helpers/nr.js";
import { bytes, type Capture, concat, enter, exit, pointee, structIf } from "./helpers/records.js";

const ARG = 0x7ffc0000n;
const EBADF = -9;

async function line(
  req: number,
  rval: number,
  entryCaps: Capture[],
  exitCaps: Capture[],
  options: DecoderOptions = {},
): Promise<string> {
  const d = await createDecoder(options);
  const ioctl = nr("ioctl");
  return d.decodeToString(
    concat(enter(100, ioctl, [-1, req, ARG], entryCaps), exit(100, ioctl, rval, exitCaps)),
  );
}

const GPIO_V2_GET_LINEINFO_IOCTL = 0xc100b405;
const PTP_SYS_OFFSET = 0x43403d05;
const RTC_PARAM_GET = 0x40187013;
const RTC_PARAM_SET = 0x40187014;
const OTPSELECT = 0x80044d0d;

/** struct gpio_v2_line_info (256 bytes): name, consumer, offset, num_attrs, flags, attrs[10], padding. */
function lineInfo(name: string, attrs: [number, number, bigint][]): Uint8Array {
  const b = bytes(256, [
    [64, 4, 7],
    [68, 4, attrs.length],
    [72, 8, 0x2n],
    ...attrs.flatMap(([id, pad, v], i): [number, 4 | 8, number | bigint][] => [
      [80 + 16 * i, 4, id],
      [84 + 16 * i, 4, pad],
      [88 + 16 * i, 8, v],
    ]),
  ]);
  b.set(new TextEncoder().encode(name), 0);
  return b;
}

describe("gpio v2 line info", () => {
  it("asks for the offset at entry, shows each attribute by its id at exit", async () => {
    const asked = structIf(2, lineInfo("", []));
    const told = structIf(
      2,
      lineInfo("pin7", [
        [1, 0, 0x102n],
        [2, 0, 0x3n],
        [3, 0, 250n],
        [3, 1, 0xabn],
      ]),
    );
    expect(await line(GPIO_V2_GET_LINEINFO_IOCTL, 0, [asked], [told])).toBe(
      'ioctl(-1, GPIO_V2_GET_LINEINFO_IOCTL, {offset=7} => {name="pin7", consumer="", flags=GPIO_V2_LINE_FLAG_ACTIVE_LOW, num_attrs=4, attrs=[{flags=GPIO_V2_LINE_FLAG_ACTIVE_LOW|GPIO_V2_LINE_FLAG_BIAS_PULL_UP}, {values=0x3}, {debounce_period_us=250}, {id=3, padding=0x1, data=0xab}]}) = 0\n',
    );
  });

  it("shows nothing of the kernel's answer when the call failed", async () => {
    const asked = structIf(2, lineInfo("", []));
    expect(await line(GPIO_V2_GET_LINEINFO_IOCTL, EBADF, [asked], [])).toBe(
      "ioctl(-1, GPIO_V2_GET_LINEINFO_IOCTL, {offset=7}) = -1 EBADF (Bad file descriptor)\n",
    );
  });

  it("prints the address of a struct cut short by an unreadable page", async () => {
    const cut = structIf(2, lineInfo("", []).subarray(0, 100));
    expect(await line(GPIO_V2_GET_LINEINFO_IOCTL, EBADF, [cut], [])).toBe(
      "ioctl(-1, GPIO_V2_GET_LINEINFO_IOCTL, 0x7ffc0000) = -1 EBADF (Bad file descriptor)\n",
    );
  });
});

describe("PTP_SYS_OFFSET: one struct opened at entry, closed at exit", () => {
  /** struct ptp_sys_offset (832 bytes): n_samples, rsv[3], ts[51] of {sec, nsec, reserved}. */
  const sysOffset = (n: number, times: [bigint, number][]) =>
    structIf(
      2,
      bytes(832, [
        [0, 4, n],
        ...times.flatMap(([sec, nsec], i): [number, 4 | 8, number | bigint][] => [
          [16 + 16 * i, 8, sec],
          [24 + 16 * i, 4, nsec],
        ]),
      ]),
    );
  it("2n+1 times, the wall clock's shown as dates", async () => {
    const out = sysOffset(1, [
      [86400n, 5],
      [2n, 0],
      [86401n, 1000000000],
    ]);
    expect(await line(PTP_SYS_OFFSET, 0, [sysOffset(1, [])], [out])).toBe(
      "ioctl(-1, PTP_SYS_OFFSET, {n_samples=1, ts=[{sec=86400, nsec=5} /* 1970-01-02T00:00:00.000000005+0000 */, {sec=2, nsec=0} /* 1970-01-01T00:00:02+0000 */, {sec=86401, nsec=1000000000}]}) = 0\n",
    );
  });
  it("only the closing brace when the call failed", async () => {
    expect(await line(PTP_SYS_OFFSET, EBADF, [sysOffset(3, [])], [])).toBe(
      "ioctl(-1, PTP_SYS_OFFSET, {n_samples=3}) = -1 EBADF (Bad file descriptor)\n",
    );
  });
});

describe("RTC parameters", () => {
  /** struct rtc_param (24 bytes): param, a union of values, index, __pad. */
  const param = (id: number, value: bigint, pad = 0) =>
    structIf(
      2,
      bytes(24, [
        [0, 8, id],
        [8, 8, value],
        [16, 4, 2],
        [20, 4, pad],
      ]),
    );
  it("RTC_PARAM_SET shows the value as the parameter's id says", async () => {
    expect(await line(RTC_PARAM_SET, EBADF, [param(1, -5n & 0xffffffffffffffffn)], [])).toBe(
      "ioctl(-1, RTC_PARAM_SET, {param=RTC_PARAM_CORRECTION, svalue=-5, index=2}) = -1 EBADF (Bad file descriptor)\n",
    );
    expect(await line(RTC_PARAM_SET, EBADF, [param(2, 9n, 1)], [])).toBe(
      "ioctl(-1, RTC_PARAM_SET, {param=RTC_PARAM_BACKUP_SWITCH_MODE, uvalue=0x9 /* RTC_BSM_??? */, index=2, __pad=0x1}) = -1 EBADF (Bad file descriptor)\n",
    );
  });
  it("RTC_PARAM_GET answers at exit, and shows its address even when the call failed", async () => {
    expect(await line(RTC_PARAM_GET, 0, [param(0, 0n)], [param(0, 0x21n)])).toBe(
      "ioctl(-1, RTC_PARAM_GET, {param=RTC_PARAM_FEATURES, index=2} => {uvalue=1<<RTC_FEATURE_ALARM|1<<RTC_FEATURE_CORRECTION}) = 0\n",
    );
    expect(await line(RTC_PARAM_GET, EBADF, [param(0, 0n)], [])).toBe(
      "ioctl(-1, RTC_PARAM_GET, {param=RTC_PARAM_FEATURES, index=2} => 0x7ffc0000) = -1 EBADF (Bad file descriptor)\n",
    );
  });
  it("a bit named by its shift is restyled whole under -X verbose", async () => {
    expect(await line(RTC_PARAM_GET, 0, [param(0, 0n)], [param(0, 0x1n)], { constStyle: "verbose" })).toBe(
      "ioctl(-1, 0x40187013 /* RTC_PARAM_GET */, {param=0 /* RTC_PARAM_FEATURES */, index=2} => {uvalue=0x1 /* 1<<RTC_FEATURE_ALARM */}) = 0\n",
    );
  });
});

describe("seccomp user notifications", () => {
  const RECV = 0xc0502100;
  /** struct seccomp_notif (80 bytes): id, pid, flags, then seccomp_data {nr, arch, ip, args[6]}. */
  const notif = (id: number, nrValue: number, arch: number) =>
    structIf(
      2,
      bytes(80, [
        [0, 8, id],
        [8, 4, 1234],
        [16, 4, nrValue],
        [20, 4, arch],
        [40, 8, 0x10n],
      ]),
    );
  it("an all-zero struct shows only at exit; the syscall by name on the tracee's own architecture", async () => {
    const zero = structIf(2, new Uint8Array(80));
    expect(await line(RECV, 0, [zero], [notif(5, 39, 0xc000003e)])).toBe(
      "ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, {id=0x5, pid=1234, flags=0, data={nr=__NR_getpid, arch=AUDIT_ARCH_X86_64, instruction_pointer=NULL, args=[0, 0x10, 0, 0, 0, 0]}}) = 0\n",
    );
  });
  it("a filled struct shows at entry then ` => `, and the address when the call failed", async () => {
    expect(await line(RECV, EBADF, [notif(5, 39, 0xfeedface)], [])).toBe(
      "ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, {id=0x5, pid=1234, flags=0, data={nr=39, arch=0xfeedface /* AUDIT_ARCH_??? */, instruction_pointer=NULL, args=[0, 0x10, 0, 0, 0, 0]}} => 0x7ffc0000) = -1 EBADF (Bad file descriptor)\n",
    );
  });
});

describe("block devices", () => {
  const BLKPG = 0x1269;
  const BLKTRACESETUP = 0xc0481273;
  const BLKDISCARD = 0x1277;
  const BLKSECTGET = 0x1267;
  /** struct blkpg_ioctl_arg (24 bytes): op, flags, datalen, then the data pointer at 16. */
  const blkpg = (op: number, data: bigint) =>
    structIf(
      2,
      bytes(24, [
        [0, 4, op],
        [4, 4, -2],
        [8, 4, 152],
        [16, 8, data],
      ]),
    );
  it("BLKPG's partition from its pointee, names cut where they hold no NUL; the address when unread", async () => {
    const part = bytes(152, [
      [0, 8, 512n],
      [8, 8, -1n],
      [16, 4, 3],
    ]);
    part.set(new TextEncoder().encode("sda3"), 20);
    part.fill(0x42, 84, 148);
    expect(await line(BLKPG, EBADF, [blkpg(1, 0x5000n), pointee(2, 16, 0x5000n, 152, part)], [])).toBe(
      `ioctl(-1, BLKPG, {op=BLKPG_ADD_PARTITION, flags=-2, datalen=152, data={start=512, length=-1, pno=3, devname="sda3", volname="${"B".repeat(63)}"...}}) = -1 EBADF (Bad file descriptor)\n`,
    );
    expect(
      await line(
        BLKPG,
        EBADF,
        [blkpg(7, 0xdead0000n), pointee(2, 16, 0xdead0000n, 152, new Uint8Array(0))],
        [],
      ),
    ).toBe(
      "ioctl(-1, BLKPG, {op=0x7 /* BLKPG_??? */, flags=-2, datalen=152, data=0xdead0000}) = -1 EBADF (Bad file descriptor)\n",
    );
  });
  it("BLKTRACESETUP opens at entry and closes at exit with the kernel's name, or only the brace on failure", async () => {
    const setup = (name: string) => {
      const b = bytes(72, [
        [32, 2, 3],
        [36, 4, 4096],
        [40, 4, 8],
        [48, 8, 0n],
        [56, 8, 100n],
        [64, 4, 77],
      ]);
      b.set(new TextEncoder().encode(name), 0);
      return structIf(2, b);
    };
    const head =
      "ioctl(-1, BLKTRACESETUP, {act_mask=3, buf_size=4096, buf_nr=8, start_lba=0, end_lba=100, pid=77";
    expect(await line(BLKTRACESETUP, 0, [setup("")], [setup("sdb")])).toBe(`${head}, name="sdb"}) = 0\n`);
    expect(await line(BLKTRACESETUP, EBADF, [setup("")], [])).toBe(
      `${head}}) = -1 EBADF (Bad file descriptor)\n`,
    );
  });
  it("a pair of u64 in one bracket, an unsigned short at exit", async () => {
    const pair = structIf(
      2,
      bytes(16, [
        [0, 8, 0xdeadbeefbadc0dedn],
        [8, 8, 4096n],
      ]),
    );
    expect(await line(BLKDISCARD, EBADF, [pair], [])).toBe(
      "ioctl(-1, BLKDISCARD, [16045690984232390125, 4096]) = -1 EBADF (Bad file descriptor)\n",
    );
    expect(await line(BLKSECTGET, 0, [], [structIf(2, bytes(2, [[0, 2, 0xfffe]]))])).toBe(
      `${"ioctl(-1, BLKSECTGET, [65534])".padEnd(40)}= 0\n`,
    );
  });
});

describe("scsi generic", () => {
  const SG_SCSI_RESET = 0x2284;
  const SG_SET_TRANSFORM = 0x2204;
  it("a reset kind by name, its no-escalate flag named apart, an unknown one as hex", async () => {
    const reset = (v: number) => structIf(2, bytes(4, [[0, 4, v]]));
    expect(await line(SG_SCSI_RESET, EBADF, [reset(0x102)], [])).toBe(
      "ioctl(-1, SG_SCSI_RESET, [SG_SCSI_RESET_NO_ESCALATE|SG_SCSI_RESET_BUS]) = -1 EBADF (Bad file descriptor)\n",
    );
    expect(await line(SG_SCSI_RESET, EBADF, [reset(0x77)], [])).toBe(
      "ioctl(-1, SG_SCSI_RESET, [0x77 /* SG_SCSI_RESET_??? */]) = -1 EBADF (Bad file descriptor)\n",
    );
  });
  it("SG_SET_TRANSFORM's value as an unsigned int in hex", async () => {
    const d = await createDecoder({});
    const ioctl = nr("ioctl");
    const text = d.decodeToString(
      concat(enter(100, ioctl, [-1, SG_SET_TRANSFORM, 0xfffffffffacefeedn], []), exit(100, ioctl, EBADF, [])),
    );
    expect(text).toBe("ioctl(-1, SG_SET_TRANSFORM, 0xfacefeed) = -1 EBADF (Bad file descriptor)\n");
  });
});

describe("request names a number carries", () => {
  it("MIXER_READ(n) before the table's name, joined by ` or `", async () => {
    expect(await line(OTPSELECT, EBADF, [structIf(2, bytes(4, [[0, 4, 2]]))], [])).toBe(
      "ioctl(-1, MIXER_READ(13) or OTPSELECT, [MTD_OTP_USER]) = -1 EBADF (Bad file descriptor)\n",
    );
  });
  it("a number no table names: HIDIOCGRAWNAME(len), seccomp's wrong-direction ID_VALID", async () => {
    const d = await createDecoder();
    const ioctl = nr("ioctl");
    const name = (req: number) =>
      d.decodeToString(concat(enter(100, ioctl, [-1, req, 0]), exit(100, ioctl, EBADF)));
    expect(await name(0x80404804)).toMatch(/^ioctl\(-1, HIDIOCGRAWNAME\(64\), /);
    expect(await name(0x80082102)).toMatch(/^ioctl\(-1, SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR, /);
  });
});
