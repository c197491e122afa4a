// evdev ioctls decoded from captured bytes. Each expected line is one strace 6.1 printed for a C
// program that made the same request on fd -1 with `-e inject=ioctl:retval=16` (whose
// ` (INJECTED)` the record here does not carry), and each record carries the bytes that program
// passed. The requests whose number carries a length or an index are matched by their family.
import { describe, expect, it } from "vitest";
import { createDecoder, type DecoderOptions } from "../dist/index.js";
import { nr } from "./helpers/nr.js";
import { type Capture, concat, enter, exit, structIf } from "./helpers/records.js";

const ARG = 0x7ffc0000n;

async function line(req: number, entryCaps: Capture[], exitCaps: Capture[], options: DecoderOptions = {}) {
  const d = await createDecoder(options);
  const ioctl = nr("ioctl");
  return d.decodeToString(
    concat(enter(100, ioctl, [-1, req, ARG], entryCaps), exit(100, ioctl, 16, exitCaps)),
  );
}

/** little-endian u32 words as bytes */
const u32s = (...v: number[]) => new Uint8Array(Uint32Array.from(v).buffer);

/** EVIOCGBIT(EV_KEY, 96): KEY_1, KEY_2 and KEY_F12 set, in 96 bytes of longs. */
const keys = new Uint8Array(96);
keys[0] = 0x0c;
keys[11] = 0x01;
const EVIOCGBIT_KEY_96 = 0x80604521;
/** EVIOCGABS(ABS_MT_SLOT) with the first version's size (20 bytes). */
const EVIOCGABS_SLOT_20 = 0x8014456f;
/** EVIOCSABS(0x3e), an axis with no name. */
const EVIOCSABS_3E = 0x401845fe;
const EVIOCSFF = 0x40304580;

/** struct ff_effect: FF_CONSTANT, id -1, direction 0x4000, level -2, fade_level 0x10. */
const effect = new Uint8Array(48);
const ev = new DataView(effect.buffer);
ev.setUint16(0, 0x52, true);
ev.setInt16(2, -1, true);
ev.setUint16(4, 0x4000, true);
ev.setInt16(16, -2, true);
ev.setUint16(24, 0x10, true);

describe("evdev ioctls from captured bytes, as strace 6.1 prints them", () => {
  it("a bit mask as long as the return value says, its bits by name", async () => {
    expect(await line(EVIOCGBIT_KEY_96, [], [structIf(2, keys)])).toBe(
      "ioctl(-1, EVIOCGBIT(EV_KEY, 96), [KEY_1 KEY_2 KEY_F12]) = 16\n",
    );
    expect(await line(EVIOCGBIT_KEY_96, [], [structIf(2, keys)], { constStyle: "verbose" })).toBe(
      "ioctl(-1, 0x80604521 /* EVIOCGBIT(EV_KEY, 96) */, [0x2 /* KEY_1 */ 0x3 /* KEY_2 */ 0x58 /* KEY_F12 */] /* [0xc, 0x1000000] */) = 16\n",
    );
  });

  it("absinfo: the request's size says how much of it there is; an unnamed axis", async () => {
    const abs = u32s(1, 2, 3, 4, 5, 6);
    expect(await line(EVIOCGABS_SLOT_20, [], [structIf(2, abs)], { verbose: true })).toBe(
      "ioctl(-1, EVIOCGABS(ABS_MT_SLOT), {value=1, minimum=2, maximum=3, fuzz=4, flat=5}) = 16\n",
    );
    expect(await line(EVIOCSABS_3E, [structIf(2, abs)], [], { verbose: true })).toBe(
      "ioctl(-1, EVIOCSABS(0x3e /* ABS_??? */), {value=1, minimum=2, maximum=3, fuzz=4, flat=5, resolution=6}) = 16\n",
    );
    expect(await line(EVIOCSABS_3E, [structIf(2, abs)], [], { constStyle: "verbose" })).toBe(
      "ioctl(-1, 0x401845fe /* EVIOCSABS(0x3e) */, {value=1, minimum=2, ...}) = 16\n",
    );
  });

  it("a force-feedback effect: its union member by type with -v", async () => {
    expect(await line(EVIOCSFF, [structIf(2, effect)], [])).toBe(
      "ioctl(-1, EVIOCSFF, {type=FF_CONSTANT, id=-1, direction=16384, ...}) = 16\n",
    );
    expect(await line(EVIOCSFF, [structIf(2, effect)], [], { verbose: true })).toBe(
      "ioctl(-1, EVIOCSFF, {type=FF_CONSTANT, id=-1, direction=16384, trigger={button=0, interval=0}, replay={length=0, delay=0}, constant={level=-2, envelope={attack_length=0, attack_level=0, fade_length=0, fade_level=0x10}}}) = 16\n",
    );
  });
});
