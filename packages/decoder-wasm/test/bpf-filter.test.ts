// Classic BPF programs behind a struct sock_fprog (seccomp, prctl, setsockopt), decoded from
// real instruction bytes as a POINTEE capture carries them: each instruction as BPF_STMT or
// BPF_JUMP, k by what it means to the program's user, the -X styles, and where the program runs
// into unreadable memory.
import { describe, expect, it } from "vitest";
import { createDecoder } from "../dist/index.js";
import { nr } from "./helpers/nr.js";
import { concat, enter, exit, pointee, structIf } from "./helpers/records.js";

/** struct sock_filter: u16 code, u8 jt, u8 jf, u32 k. */
function insn(code: number, jt: number, jf: number, k: number): Uint8Array {
  const b = new Uint8Array(8);
  const v = new DataView(b.buffer);
  v.setUint16(0, code, true);
  b[2] = jt;
  b[3] = jf;
  v.setUint32(4, k >>> 0, true);
  return b;
}

/** struct sock_fprog: u16 len, (padding), the filter pointer at 8. */
function fprog(len: number, filter: bigint): Uint8Array {
  const b = new Uint8Array(16);
  const v = new DataView(b.buffer);
  v.setUint16(0, len, true);
  v.setBigUint64(8, filter, true);
  return b;
}

const PROG = 0x7f0000001000n;
// ld [0]; jeq #60, 0, 1; ret ERRNO|5; ret ALLOW
const program = concat(
  insn(0x20, 0, 0, 0),
  insn(0x15, 0, 1, 60),
  insn(0x06, 0, 0, 0x00050005),
  insn(0x06, 0, 0, 0x7fff0000),
);

async function seccomp(
  len: number,
  bytes: Uint8Array,
  opts: { verbose?: boolean; constStyle?: "abbrev" | "raw" | "verbose" } = { verbose: true },
): Promise<string> {
  const d = await createDecoder(opts);
  const caps = [structIf(2, fprog(len, PROG)), pointee(2, 8, PROG, len * 8, bytes)];
  const n = nr("seccomp");
  return d.decodeToString(concat(enter(1, n, [1, 0, 0x7ffc0000], caps), exit(1, n, -22, [])));
}

describe("classic BPF programs (-v)", () => {
  it("prints each instruction, seccomp's return actions by name", async () => {
    expect(await seccomp(4, program)).toBe(
      "seccomp(SECCOMP_SET_MODE_FILTER, 0, {len=4, filter=[BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0), " +
        "BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0x3c, 0, 0x1), BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ERRNO|0x5), " +
        "BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ALLOW)]}) = -1 EINVAL (Invalid argument)\n",
    );
  });

  it("follows -X raw and -X verbose", async () => {
    const raw = await seccomp(2, program.slice(0, 16), { verbose: true, constStyle: "raw" });
    expect(raw).toContain("filter=[BPF_STMT(0|0|0x20, 0), BPF_JUMP(0x5|0|0x10, 0x3c, 0, 0x1)]");
    const both = await seccomp(1, program.slice(16, 24), { verbose: true, constStyle: "verbose" });
    expect(both).toContain("BPF_STMT(0x6 /* BPF_RET */|0 /* BPF_K */, 0x50000 /* SECCOMP_RET_ERRNO */|0x5)");
  });

  it("prints `... /* addr */` where the program becomes unreadable, the address when nothing is", async () => {
    expect(await seccomp(3, program.slice(0, 8))).toContain(
      "filter=[BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0), ... /* 0x7f0000001008 */]",
    );
    expect(await seccomp(3, new Uint8Array(0))).toContain("filter=0x7f0000001000}");
  });

  it("prints the program's address without -v, and [] for an empty one", async () => {
    expect(await seccomp(4, program, {})).toContain("{len=4, filter=0x7f0000001000}");
    expect(await seccomp(0, new Uint8Array(0))).toContain("{len=0, filter=[]}");
  });
});
