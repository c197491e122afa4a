// Console (kd) ioctls decoded from captured bytes. Each expected line is one strace 6.1 printed
// for a C program that made the same request on fd -1 with `-e inject=ioctl:retval=0` (whose
// ` (INJECTED)` the record here does not carry), and each record carries the bytes that program
// passed (and, for the structs holding a pointer, what the pointer pointed at).
import { describe, expect, it } from "vitest";
import { createDecoder, type DecoderOptions } from "../dist/index.js";
import { nr } from "./helpers/nr.js";
import { type Capture, concat, enter, exit, pointee, structIf } from "./helpers/records.js";

const ARG = 0x7ffc0000n;

async function line(
  req: number,
  arg: bigint,
  entryCaps: Capture[],
  exitCaps: Capture[],
  options: DecoderOptions = {},
) {
  const d = await createDecoder(options);
  const ioctl = nr("ioctl");
  return d.decodeToString(
    concat(enter(100, ioctl, [-1, req, arg], entryCaps), exit(100, ioctl, 0, exitCaps)),
  );
}

const KDMKTONE = 0x4b30;
const KDGKBENT = 0x4b46;
const KDSKBENT = 0x4b47;
const KDGKBDIACR = 0x4b4a;
const PIO_UNIMAP = 0x4b67;
const KDFONTOP = 0x4b72;

/** struct kbentry: table, index, then the u16 value. */
const kbentry = (table: number, index: number, value: number) =>
  new Uint8Array([table, index, value & 0xff, value >> 8]);

describe("console ioctls from captured bytes, as strace 6.1 prints them", () => {
  it("a tone: its pitch and length in a comment, none with -X raw", async () => {
    const arg = (200n << 16n) | 1000n;
    expect(await line(KDMKTONE, arg, [], [])).toBe(
      "ioctl(-1, KDMKTONE, 200<<16|1000 /* 1193 Hz, 200 ms */) = 0\n",
    );
    expect(await line(KDMKTONE, arg, [], [], { constStyle: "raw" })).toBe(
      "ioctl(-1, 0x4b30, 200<<16|1000)         = 0\n",
    );
  });

  it("a keymap entry: the table by name or by modifier bits, the key symbol in a comment", async () => {
    expect(await line(KDSKBENT, ARG, [structIf(2, kbentry(2, 30, 0x71))], [])).toBe(
      "ioctl(-1, KDSKBENT, {kb_table=K_ALTTAB, kb_index=30, kb_value=0x71 /* K(KT_LATIN, 'q') */}) = 0\n",
    );
    expect(await line(KDSKBENT, ARG, [structIf(2, kbentry(0x0c, 30, 0xb0a))], [])).toBe(
      "ioctl(-1, KDSKBENT, {kb_table=1<<KG_CTRL|1<<KG_ALT, kb_index=30, kb_value=0xb0a /* K(KT_LETTER, '\\n') */}) = 0\n",
    );
    // KDGKBENT: what the caller asked at entry, the value the kernel wrote at exit, in one struct.
    expect(
      await line(KDGKBENT, ARG, [structIf(2, kbentry(0x0c, 30, 0))], [structIf(2, kbentry(0x0c, 30, 0x104))]),
    ).toBe(
      "ioctl(-1, KDGKBENT, {kb_table=1<<KG_CTRL|1<<KG_ALT, kb_index=30, kb_value=0x104 /* K_F5 */}) = 0\n",
    );
  });

  it("diacritics: characters quoted with whitespace escaped, as many as kb_cnt says", async () => {
    const d = new Uint8Array(4 + 256 * 3);
    d.set([3, 0, 0, 0, 0x27, 0x65, 0xe9, 0x60, 0x61, 0xe0, 0x5e, 0x09, 0x6f]);
    expect(await line(KDGKBDIACR, ARG, [], [structIf(2, d)])).toBe(
      "ioctl(-1, KDGKBDIACR, {kb_cnt=3, kbdiacr=[{diacr='\\'', base='e', result='\\xe9'}, {diacr='`', base='a', result='\\xe0'}, {diacr='^', base='\\t', result='o'}]}) = 0\n",
    );
  });

  it("the unicode font map: the pairs its pointer points at", async () => {
    const ptr = 0x7ffc1000n;
    const desc = new Uint8Array(16);
    const v = new DataView(desc.buffer);
    v.setUint16(0, 2, true);
    v.setBigUint64(8, ptr, true);
    const pairs = new Uint8Array(new Uint16Array([0x41, 1, 0x2603, 0x1ff]).buffer);
    expect(await line(PIO_UNIMAP, ARG, [structIf(2, desc), pointee(2, 8, ptr, 8, pairs)], [])).toBe(
      "ioctl(-1, PIO_UNIMAP, {entry_ct=2, entries=[{unicode=0x41, fontpos=0x1}, {unicode=0x2603, fontpos=0x1ff}]}) = 0\n",
    );
  });

  it("KDFONTOP: the default font by name, the sizes the kernel answered", async () => {
    const ptr = 0x55550000n;
    const op = new Uint8Array(32);
    const v = new DataView(op.buffer);
    v.setUint32(0, 2, true); // KD_FONT_OP_SET_DEFAULT
    v.setUint32(8, 8, true);
    v.setUint32(12, 16, true);
    v.setUint32(16, 256, true);
    v.setBigUint64(24, ptr, true);
    const name = new TextEncoder().encode("lat1-16\0");
    expect(
      await line(KDFONTOP, ARG, [structIf(2, op), pointee(2, 24, ptr, 8, name)], [structIf(2, op)]),
    ).toBe(
      'ioctl(-1, KDFONTOP, {op=KD_FONT_OP_SET_DEFAULT, width=8, height=16, data="lat1-16"} => {width=8, height=16}) = 0\n',
    );
  });
});
