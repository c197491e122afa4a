// Arguments whose shape the request or option chooses (ioctl, prctl), and times/getrusage: each
// expected string is a line strace 6.1 printed for a python3 script (a pty from pty.fork or
// os.openpty, ctypes' prctl), and the record carries the same values and captured bytes.

import { CaptureKind, CaptureWhen } from "@tstrace/core";
import { valueCapturesFor } from "@tstrace/core/capture-plan";
import { x86_64 } from "@tstrace/core/x86_64";
import { describe, expect, it } from "vitest";
import { createDecoder } from "../dist/index.js";
import { nr } from "./helpers/nr.js";
import { bytes, type Capture, concat, enter, exit, struct, structIf } from "./helpers/records.js";

async function line(
  name: string,
  args: (number | bigint)[],
  rval: number | bigint,
  entryCaps: Capture[] = [],
  exitCaps: Capture[] = [],
  verbose = false,
): Promise<string> {
  const d = await createDecoder({ verbose });
  return d.decodeToString(concat(enter(100, nr(name), args, entryCaps), exit(100, nr(name), rval, exitCaps)));
}

const int = (v: number) => bytes(4, [[0, 4, v]]);
const u16s = (...v: number[]) => {
  const b = new Uint8Array(v.length * 2);
  for (const [i, x] of v.entries()) new DataView(b.buffer).setUint16(i * 2, x, true);
  return b;
};
/** A kernel struct termios: four flag words, c_line, c_cc[19]. */
function termios(iflag: number, oflag: number, cflag: number, lflag: number, line: number, cc: number[]) {
  const b = bytes(36, [
    [0, 4, iflag],
    [4, 4, oflag],
    [8, 4, cflag],
    [12, 4, lflag],
  ]);
  b[16] = line;
  b.set(cc, 17);
  return b;
}
const ARG = 0x7ffc0000n;
const TTY_CC = [3, 0x1c, 0x7f, 0x15, 4, 0, 1, 0, 0x11, 0x13, 0x1a, 0, 0x12, 0xf, 0x17, 0x16, 0, 0, 0];
const TTY = termios(0x500, 0x5, 0xbf, 0x8a3b, 0, TTY_CC);

describe("ioctl arguments by request", () => {
  it("prints ints the kernel writes at exit and ints it reads at entry", async () => {
    expect(await line("ioctl", [4, 0x541b, ARG], 0, [], [structIf(2, int(0))])).toBe(
      "ioctl(4, FIONREAD, [0])                 = 0\n",
    );
    expect(await line("ioctl", [4, 0x5421, ARG], 0, [structIf(2, int(1))])).toBe(
      "ioctl(4, FIONBIO, [1])                  = 0\n",
    );
    expect(await line("ioctl", [3, 0x80045430, ARG], 0, [], [structIf(2, int(0))])).toBe(
      "ioctl(3, TIOCGPTN, [0])                 = 0\n",
    );
  });

  it("prints the address when the call failed or nothing was read", async () => {
    expect(await line("ioctl", [0, 0x540f, 0x7fff6b1cf690n], -25)).toBe(
      "ioctl(0, TIOCGPGRP, 0x7fff6b1cf690)     = -1 ENOTTY (Inappropriate ioctl for device)\n",
    );
  });

  it("prints a struct winsize", async () => {
    expect(await line("ioctl", [4, 0x5413, ARG], 0, [], [structIf(2, u16s(0, 0, 0, 0))])).toBe(
      "ioctl(4, TIOCGWINSZ, {ws_row=0, ws_col=0, ws_xpixel=0, ws_ypixel=0}) = 0\n",
    );
    expect(await line("ioctl", [4, 0x5414, ARG], 0, [structIf(2, u16s(24, 80, 0, 0))])).toBe(
      "ioctl(4, TIOCSWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0\n",
    );
  });

  it("prints a struct termios, its control characters with -v", async () => {
    const flags =
      "c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE";
    expect(await line("ioctl", [0, 0x5401, ARG], 0, [], [structIf(2, TTY)])).toBe(
      `ioctl(0, TCGETS, {${flags}, ...}) = 0\n`,
    );
    expect(await line("ioctl", [0, 0x5402, ARG], 0, [structIf(2, TTY)])).toBe(
      `ioctl(0, SNDCTL_TMR_START or TCSETS, {${flags}, ...}) = 0\n`,
    );
    expect(await line("ioctl", [0, 0x5401, ARG], 0, [], [structIf(2, TTY)], true)).toBe(
      `ioctl(0, TCGETS, {${flags}, c_line=N_TTY, c_cc=[[VINTR]=0x3, [VQUIT]=0x1c, [VERASE]=0x7f, [VKILL]=0x15, [VEOF]=0x4, [VTIME]=0, [VMIN]=0x1, [VSWTC]=0, [VSTART]=0x11, [VSTOP]=0x13, [VSUSP]=0x1a, [VEOL]=0, [VREPRINT]=0x12, [VDISCARD]=0xf, [VWERASE]=0x17, [VLNEXT]=0x16, [VEOL2]=0, [17]=0, [18]=0]}) = 0\n`,
    );
  });

  it("prints every bit, the delay fields, the input baud and the unknown rest", async () => {
    const all = termios(0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 3, []);
    expect(await line("ioctl", [3, 0x5402, ARG], -25, [structIf(2, all)])).toBe(
      "ioctl(3, SNDCTL_TMR_START or TCSETS, {c_iflag=IGNBRK|BRKINT|IGNPAR|PARMRK|INPCK|ISTRIP|INLCR|IGNCR|ICRNL|IUCLC|IXON|IXANY|IXOFF|IMAXBEL|IUTF8|0xffff8000, c_oflag=NL1|CR3|XTABS|BS1|VT1|FF1|OPOST|OLCUC|ONLCR|OCRNL|ONOCR|ONLRET|OFILL|OFDEL|0xffff0000, c_cflag=B4000000|B4000000<<IBSHIFT|CS8|CSTOPB|CREAD|PARENB|PARODD|HUPCL|CLOCAL|CMSPAR|CRTSCTS|0x2ff0e000, c_lflag=ISIG|ICANON|XCASE|ECHO|ECHOE|ECHOK|ECHONL|NOFLSH|IEXTEN|ECHOCTL|ECHOPRT|ECHOKE|FLUSHO|PENDIN|TOSTOP|EXTPROC|0xfffe2000, ...}) = -1 ENOTTY (Inappropriate ioctl for device)\n",
    );
    const none = termios(0, 0o177777, 0x1000103f, 0, 0, []);
    expect(await line("ioctl", [3, 0x5402, ARG], -25, [structIf(2, none)])).toBe(
      "ioctl(3, SNDCTL_TMR_START or TCSETS, {c_iflag=, c_oflag=NL1|CR3|XTABS|BS1|VT1|FF1|OPOST|OLCUC|ONLCR|OCRNL|ONOCR|ONLRET|OFILL|OFDEL, c_cflag=B4000000|BOTHER<<IBSHIFT|CS8|, c_lflag=, ...}) = -1 ENOTTY (Inappropriate ioctl for device)\n",
    );
  });
});

describe("prctl by option", () => {
  it("prints the task name given at entry and the one read at exit", async () => {
    expect(await line("prctl", [15, ARG, 0, 0, 0], 0, [structIf(1, "nm\0".padEnd(16, "\0"))])).toBe(
      'prctl(PR_SET_NAME, "nm")                = 0\n',
    );
    expect(await line("prctl", [15, ARG, 0, 0, 0], 0, [structIf(1, "fifteen-chars-x\0")])).toBe(
      'prctl(PR_SET_NAME, "fifteen-chars-x"...) = 0\n',
    );
    expect(await line("prctl", [16, ARG, 0, 0, 0], 0, [], [structIf(1, "seventeen-chars\0")])).toBe(
      'prctl(PR_GET_NAME, "seventeen-chars")   = 0\n',
    );
  });

  it("names signals and dumpable modes", async () => {
    expect(await line("prctl", [1, 9, 0, 0, 0], 0)).toBe("prctl(PR_SET_PDEATHSIG, SIGKILL)        = 0\n");
    expect(await line("prctl", [3, 0, 0, 0, 0], 1)).toBe(
      "prctl(PR_GET_DUMPABLE)                  = 1 (SUID_DUMP_USER)\n",
    );
    expect(await line("prctl", [4, 0, 0, 0, 0], 0)).toBe("prctl(PR_SET_DUMPABLE, SUID_DUMP_DISABLE) = 0\n");
  });
});

describe("futex timeouts by op", () => {
  it("prints the timeout native read because the op waits (a line of an -ff file)", async () => {
    const ts = bytes(16, [
      [0, 8, 22024],
      [8, 8, 646484189],
    ]);
    expect(await line("futex", [0x7fb86e34e6f0n, 0x89, 0, ARG, 0, 0xffffffff], -11, [structIf(3, ts)])).toBe(
      "futex(0x7fb86e34e6f0, FUTEX_WAIT_BITSET_PRIVATE, 0, {tv_sec=22024, tv_nsec=646484189}, FUTEX_BITSET_MATCH_ANY) = -1 EAGAIN (Resource temporarily unavailable)\n",
    );
  });
});

describe("times and getrusage", () => {
  it("prints struct tms and the ticks returned", async () => {
    expect(await line("times", [ARG], 1720099908, [], [struct(0, new Uint8Array(32))])).toBe(
      "times({tms_utime=0, tms_stime=0, tms_cutime=0, tms_cstime=0}) = 1720099908\n",
    );
    const tms = bytes(32, [
      [0, 8, 5],
      [8, 8, 5],
      [16, 8, 3],
      [24, 8, 3],
    ]);
    expect(await line("times", [ARG], 1720150737, [], [struct(0, tms)])).toBe(
      "times({tms_utime=5 /* 0.05 s */, tms_stime=5 /* 0.05 s */, tms_cutime=3 /* 0.03 s */, tms_cstime=3 /* 0.03 s */}) = 1720150737\n",
    );
  });

  it("prints who by name and the rusage", async () => {
    const ru = bytes(144, [
      [8, 8, 56790],
      [24, 8, 56815],
    ]);
    expect(await line("getrusage", [0, ARG], 0, [], [struct(1, ru)])).toBe(
      "getrusage(RUSAGE_SELF, {ru_utime={tv_sec=0, tv_usec=56790}, ru_stime={tv_sec=0, tv_usec=56815}, ...}) = 0\n",
    );
    const children = bytes(144, [
      [8, 8, 34382],
      [24, 8, 37787],
    ]);
    expect(await line("getrusage", [0xffffffff, ARG], 0, [], [struct(1, children)])).toBe(
      "getrusage(RUSAGE_CHILDREN, {ru_utime={tv_sec=0, tv_usec=34382}, ru_stime={tv_sec=0, tv_usec=37787}, ...}) = 0\n",
    );
  });
});

describe("ioctl: every request in core's table prints from its capture", () => {
  // Core's request table (handed to the decoder in the tables blob) decides both what native reads
  // and, at entry, whether the decoder waits for the exit: every request must print from it.
  it("prints each captured request's argument from the capture, at the stop core reads it", async () => {
    const specs = valueCapturesFor(x86_64, "ioctl");
    expect(specs.length).toBeGreaterThan(0);
    // A request read at entry and at exit (`{in} => {out}`) gets both captures.
    const byRequest = new Map<number, (typeof specs)[number][]>();
    for (const spec of specs) {
      if (spec.kind !== CaptureKind.STRUCT_IF) throw new Error("ioctl's value captures are STRUCT_IF");
      byRequest.set(spec.selectorValue, [...(byRequest.get(spec.selectorValue) ?? []), spec]);
    }
    for (const [value, both] of byRequest) {
      // A device mapper request (type 0xfd) whose data_size (bytes 12..15) does not reach past
      // that field prints as its address in strace too: give it the size of its header.
      const zeroes = (size: number): Uint8Array => {
        const b = new Uint8Array(size);
        if (((value >>> 8) & 0xff) === 0xfd && size >= 16) new DataView(b.buffer).setUint32(12, 312, true);
        return b;
      };
      const caps = (when: number) =>
        both
          .filter((s) => s.when === when)
          .map((s) => structIf(s.arg, zeroes(s.kind === CaptureKind.STRUCT_IF ? s.size : 0)));
      // A family of requests (EVIOCGNAME(len)) is tried at one member: what it reads as the length
      // in its number, and as the bytes the kernel says it wrote.
      const family = both.find((s) => s.kind === CaptureKind.STRUCT_IF && s.anyIocSize);
      const len = family?.kind === CaptureKind.STRUCT_IF ? Math.min(family.size, 0x3fff) : 0;
      const req = (value | (len << 16)) >>> 0;
      const text = await line("ioctl", [3, req, ARG], len, caps(CaptureWhen.ENTRY), caps(CaptureWhen.EXIT));
      expect(text, `request 0x${req.toString(16)}`).not.toContain("0x7ffc0000");
      // one name or several (`MIXER_WRITE(2) or MEMERASE`: strace names a numbered family first)
      // or, for a request no header names (TEE_IOC_SHM_REGISTER_FD), `_IOC(_IOC_READ|_IOC_WRITE, 0xa4, 0x8, 0x20)`
      const name = String.raw`[A-Za-z0-9_]+(?:\([A-Za-z0-9_|, ]+\))?`;
      // (or bare flags: btrfs's subvolume flags, a __u64 strace prints without brackets, `0` here)
      expect(text).toMatch(new RegExp(String.raw`^ioctl\(3, ${name}(?: or ${name})*, (?:[[{"]|0\) )`));
    }
  });
});

describe("ioctl request names and value arguments (strace 6.1's ioctlent and family decoders)", () => {
  it("names every request sharing a number, else prints _IOC()", async () => {
    expect(await line("ioctl", [-1, 0x5402, ARG], -9)).toMatch(/^ioctl\(-1, SNDCTL_TMR_START or TCSETS, /);
    expect(await line("ioctl", [-1, 0x40049409, 4], -9)).toMatch(
      /^ioctl\(-1, BTRFS_IOC_CLONE or FICLONE, 4\)/,
    );
    expect(await line("ioctl", [-1, 0x80081234, 0], -9)).toMatch(
      /^ioctl\(-1, _IOC\(_IOC_READ, 0x12, 0x34, 0x8\), 0\) +=/,
    );
  });
  it("prints a value argument by kind, none for requests without one, NULL for a pointer strace reads", async () => {
    expect(await line("ioctl", [-1, 0x40044900, 0xdeadbeefbadc0dedn], -9)).toMatch(
      /^ioctl\(-1, INOTIFY_IOC_SETNEXTWD, -1159983635\) +=/,
    );
    expect(await line("ioctl", [-1, 0x2400, 1], -9)).toMatch(
      /^ioctl\(-1, PERF_EVENT_IOC_ENABLE, PERF_IOC_FLAG_GROUP\)/,
    );
    expect(await line("ioctl", [-1, 0x5206, 0], -9)).toMatch(/^ioctl\(-1, RNDCLEARPOOL\) +=/);
    expect(await line("ioctl", [-1, 0x80081272, 0], -9)).toMatch(/^ioctl\(-1, BLKGETSIZE64, NULL\) +=/);
  });
  it("reads an unsigned int behind the pointer and names NS_GET_NSTYPE's result", async () => {
    expect(await line("ioctl", [5, 0xb704, ARG], 0, [], [structIf(2, int(0))])).toMatch(
      /^ioctl\(5, NS_GET_OWNER_UID, \[0\]\) += 0/,
    );
    expect(await line("ioctl", [5, 0xb703], 0x10000000)).toMatch(
      /^ioctl\(5, NS_GET_NSTYPE\) += 268435456 \(CLONE_NEWUSER\)/,
    );
  });
});

describe("prctl options (strace 6.1's prctl.c)", () => {
  it("names capabilities, signals and what the kernel writes through arg2", async () => {
    expect(await line("prctl", [23, 33, 0, 0, 0], 1)).toMatch(
      /^prctl\(PR_CAPBSET_READ, CAP_MAC_ADMIN\) += 1/,
    );
    expect(await line("prctl", [23, 50, 0, 0, 0], -22)).toMatch(
      /^prctl\(PR_CAPBSET_READ, 0x32 \/\* CAP_\?\?\? \*\/\)/,
    );
    expect(await line("prctl", [2, ARG, 0, 0, 0], 0, [], [structIf(1, int(9))])).toMatch(
      /^prctl\(PR_GET_PDEATHSIG, \[SIGKILL\]\) += 0/,
    );
    expect(await line("prctl", [25, ARG, 0, 0, 0], 0, [], [structIf(1, int(1))])).toMatch(
      /^prctl\(PR_GET_TSC, \[PR_TSC_ENABLE\]\) += 0/,
    );
  });
  it("annotates the results strace annotates, with its own default names", async () => {
    expect(await line("prctl", [27, 0, 0, 0, 0], 3)).toMatch(
      /^prctl\(PR_GET_SECUREBITS\) += 0x3 \(SECBIT_NOROOT\|SECBIT_NOROOT_LOCKED\)/,
    );
    expect(await line("prctl", [52, 0, 0, 0, 0], 2)).toMatch(
      /^prctl\(PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS\) += 0x2 \(PR_SPEC_ENABLE\)/,
    );
    expect(await line("prctl", [47, 0xff, 0xaaaa, 0, 0], -22)).toMatch(
      /^prctl\(PR_CAP_AMBIENT, 0xff \/\* PR_CAP_AMBIENT_\?\?\? \*\/, 0xaaaa, 0, 0\)/,
    );
    expect(await line("prctl", [0x59616d61, 0xffffffffffffffffn, 0, 0, 0], -22)).toMatch(
      /^prctl\(PR_SET_PTRACER, PR_SET_PTRACER_ANY\)/,
    );
  });
});
