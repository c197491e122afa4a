// SysV IPC, arch_prctl and personality from records: each expected string is a line strace 6.1
// printed for a small C program (packages/cli/test/ipc-prctl.test.ts compares the two tracers
// live), and the record carries the same argument values and captured bytes.

import { CaptureKind, CaptureStatus } from "@tstrace/core";
import { describe, expect, it } from "vitest";
import { createDecoder } from "../dist/index.js";
import { nr } from "./helpers/nr.js";
import { bufArg, bytes, type Capture, concat, enter, exit, structIf } from "./helpers/records.js";

async function line(
  name: string,
  args: (number | bigint)[],
  rval: number | bigint,
  entryCaps: Capture[] = [],
  exitCaps: Capture[] = [],
  xstyle: "abbrev" | "raw" | "verbose" = "abbrev",
): Promise<string> {
  const d = await createDecoder({ constStyle: xstyle });
  // The return value's column (strace pads short lines to 40) is not what these tests are about.
  return d
    .decodeToString(concat(enter(100, nr(name), args, entryCaps), exit(100, nr(name), rval, exitCaps)))
    .replace(/\) {2,}= /, ") = ");
}

const BUF = 0x7ffd2d499f70n;
const ID = 426022;

/** struct msqid64_ds (120 bytes): ipc64_perm, then the times, counts and pids. */
function msqid(): Uint8Array {
  return bytes(120, [
    [4, 4, 0], // uid
    [8, 4, 0], // gid
    [12, 4, 0], // cuid
    [16, 4, 0], // cgid
    [20, 4, 0o600], // mode
    [48, 8, 1796617221], // msg_stime
    [56, 8, 1796617221], // msg_rtime
    [64, 8, 1796617221], // msg_ctime
    [80, 8, 1], // msg_qnum
    [88, 8, 16384], // msg_qbytes
    [96, 4, 26860], // msg_lspid
    [100, 4, 26860], // msg_lrpid
  ]);
}

describe("msgctl", () => {
  it("IPC_STAT prints the queue's struct at exit, with or without IPC_64", async () => {
    const want =
      "{msg_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, msg_stime=1796617221, msg_rtime=1796617221, msg_ctime=1796617221, msg_qnum=1, msg_qbytes=16384, msg_lspid=26860, msg_lrpid=26860}) = 0\n";
    expect(await line("msgctl", [ID, 2, BUF], 0, [], [structIf(2, msqid())])).toBe(
      `msgctl(${ID}, IPC_STAT, ${want}`,
    );
    expect(await line("msgctl", [ID, 0x102, BUF], 0, [], [structIf(2, msqid())])).toBe(
      `msgctl(${ID}, IPC_64|IPC_STAT, ${want}`,
    );
    expect(await line("msgctl", [ID, 0x102, BUF], 0, [], [structIf(2, msqid())], "verbose")).toBe(
      `msgctl(${ID}, 0x100 /* IPC_64 */|0x2 /* IPC_STAT */, ${want}`,
    );
  });
  it("IPC_SET prints only what the kernel takes from it, at entry", async () => {
    expect(await line("msgctl", [ID, 1, BUF], 0, [structIf(2, msqid())])).toBe(
      `msgctl(${ID}, IPC_SET, {msg_perm={uid=0, gid=0, mode=0600}, msg_qbytes=16384}) = 0\n`,
    );
  });
  it("prints the address when the struct was unreadable or the call failed, and unknown commands by number", async () => {
    expect(await line("msgctl", [ID, 2, 0x7f7115d2fff8n], -14)).toBe(
      `msgctl(${ID}, IPC_STAT, 0x7f7115d2fff8) = -1 EFAULT (Bad address)\n`,
    );
    expect(await line("msgctl", [ID, 0xdead, 0], -22)).toBe(
      `msgctl(${ID}, 0xdead /* MSG_??? */, NULL) = -1 EINVAL (Invalid argument)\n`,
    );
  });
});

describe("msgsnd and msgrcv", () => {
  const msg = (text: string): Uint8Array => {
    const b = new Uint8Array(8 + text.length);
    new DataView(b.buffer).setBigUint64(0, 42n, true);
    b.set(new TextEncoder().encode(text), 8);
    return b;
  };
  it("print the message: its type, then its text cut at -s", async () => {
    expect(await line("msgsnd", [ID, BUF, 21, 0], 0, [bufArg(1, msg("hello, message queue\0"))])).toBe(
      `msgsnd(${ID}, {mtype=42, mtext="hello, message queue\\0"}, 21, 0) = 0\n`,
    );
    const long = `hello, message queue${"\0".repeat(13)}`;
    expect(await line("msgrcv", [ID, BUF, 40, 0, 0x1000], 21, [], [bufArg(1, msg(long))])).toBe(
      `msgrcv(${ID}, {mtype=42, mtext="hello, message queue${"\\0".repeat(12)}"...}, 40, 0, MSG_NOERROR) = 21\n`,
    );
  });
  it("print the address when the call failed (msgrcv) or the struct was unreadable", async () => {
    expect(await line("msgrcv", [ID, BUF, 4, 0, 0x800], -7, [], [bufArg(1, msg("hell"))])).toBe(
      `msgrcv(${ID}, 0x7ffd2d499f70, 4, 0, IPC_NOWAIT) = -1 E2BIG (Argument list too long)\n`,
    );
    const partial = { ...bufArg(1, new Uint8Array(4)), status: CaptureStatus.PARTIAL };
    expect(await line("msgsnd", [ID, BUF, 4, 0x800], -22, [partial])).toBe(
      `msgsnd(${ID}, 0x7ffd2d499f70, 4, IPC_NOWAIT) = -1 EINVAL (Invalid argument)\n`,
    );
  });
});

describe("semtimedop", () => {
  const sembufs = (...ops: [number, number, number][]): Uint8Array => {
    const b = new Uint8Array(ops.length * 6);
    const v = new DataView(b.buffer);
    ops.forEach(([num, op, flg], i) => {
      v.setUint16(i * 6, num, true);
      v.setInt16(i * 6 + 2, op, true);
      v.setUint16(i * 6 + 4, flg, true);
    });
    return b;
  };
  const array = (data: Uint8Array, status = 0): Capture => ({
    arg: 1,
    kind: CaptureKind.ARRAY,
    status,
    data,
  });
  it("prints the sembuf array, and where the memory stopped being readable", async () => {
    expect(
      await line("semtimedop", [229398, BUF, 3, 0], 0, [
        array(sembufs([0, 1, 0x1000], [1, 2, 0x800], [0, -1, 0])),
      ]),
    ).toBe(
      "semtimedop(229398, [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}, {sem_num=1, sem_op=2, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=-1, sem_flg=0}], 3, NULL) = 0\n",
    );
    expect(
      await line("semtimedop", [229398, 0x7f7115d2fffan, 2, 0], -14, [
        array(sembufs([0, 1, 0x1000]), CaptureStatus.PARTIAL),
      ]),
    ).toBe(
      "semtimedop(229398, [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}, ... /* 0x7f7115d30000 */], 2, NULL) = -1 EFAULT (Bad address)\n",
    );
  });
});

describe("arch_prctl and personality", () => {
  it("arch_prctl prints what ARCH_GET_* stored, XSAVE masks with their names in a comment", async () => {
    expect(await line("arch_prctl", [0x1021, BUF], 0, [], [structIf(1, bytes(8, [[0, 8, 0xe7]]))])).toBe(
      "arch_prctl(ARCH_GET_XCOMP_SUPP, [0xe7 /* XFEATURE_MASK_FPSSE|XFEATURE_MASK_YMM|XFEATURE_MASK_AVX512 */]) = 0\n",
    );
    expect(await line("arch_prctl", [0x1023, 11], -95)).toBe(
      "arch_prctl(ARCH_REQ_XCOMP_PERM, 0xb /* XFEATURE_??? */) = -1 EOPNOTSUPP (Operation not supported)\n",
    );
    expect(await line("arch_prctl", [0x1003, 0], -14)).toBe(
      "arch_prctl(ARCH_GET_FS, NULL) = -1 EFAULT (Bad address)\n",
    );
  });
  it("personality prints the domain and flags, and the previous persona after the return value", async () => {
    expect(await line("personality", [0x1f], 0x1010006)).toBe(
      "personality(0x1f /* PER_??? */) = 0x1010006 (PER_BSD|SHORT_INODE|0x10000)\n",
    );
    expect(await line("personality", [0xffffffff], 0, [], [], "raw")).toBe(
      "personality(0xffffffff) = 0 (0)\n",
    );
  });
});
