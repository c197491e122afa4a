// Input devices (strace 6.1's evdev.c): what the EVIOC* requests point at, and the names strace
// gives the requests whose number carries a length or an index (`EVIOCGBIT(EV_KEY, 96)`,
// `EVIOCGABS(ABS_X)`), which no table row can hold. Field offsets come from the kernel's BTF
// (../layouts); which request points at what is core's data/ioctl-captures.ts.

import { arg, rval } from "../call";
import {
  FF_CONSTANT_EFFECT_ENVELOPE,
  FF_CONSTANT_EFFECT_LEVEL,
  FF_EFFECT_DIRECTION,
  FF_EFFECT_ID,
  FF_EFFECT_REPLAY,
  FF_EFFECT_TRIGGER,
  FF_EFFECT_TYPE,
  FF_EFFECT_U,
  FF_ENVELOPE_ATTACK_LENGTH,
  FF_ENVELOPE_ATTACK_LEVEL,
  FF_ENVELOPE_FADE_LENGTH,
  FF_ENVELOPE_FADE_LEVEL,
  FF_PERIODIC_EFFECT_CUSTOM_DATA,
  FF_PERIODIC_EFFECT_CUSTOM_LEN,
  FF_PERIODIC_EFFECT_ENVELOPE,
  FF_PERIODIC_EFFECT_MAGNITUDE,
  FF_PERIODIC_EFFECT_OFFSET,
  FF_PERIODIC_EFFECT_PERIOD,
  FF_PERIODIC_EFFECT_PHASE,
  FF_PERIODIC_EFFECT_WAVEFORM,
  FF_RAMP_EFFECT_END_LEVEL,
  FF_RAMP_EFFECT_ENVELOPE,
  FF_RAMP_EFFECT_START_LEVEL,
  FF_REPLAY_DELAY,
  FF_REPLAY_LENGTH,
  FF_RUMBLE_EFFECT_STRONG_MAGNITUDE,
  FF_RUMBLE_EFFECT_WEAK_MAGNITUDE,
  FF_TRIGGER_BUTTON,
  FF_TRIGGER_INTERVAL,
  INPUT_ABSINFO_FLAT,
  INPUT_ABSINFO_FUZZ,
  INPUT_ABSINFO_MAXIMUM,
  INPUT_ABSINFO_MINIMUM,
  INPUT_ABSINFO_RESOLUTION,
  INPUT_ABSINFO_VALUE,
  INPUT_ID_BUSTYPE,
  INPUT_ID_PRODUCT,
  INPUT_ID_VENDOR,
  INPUT_ID_VERSION,
  INPUT_KEYMAP_ENTRY_FLAGS,
  INPUT_KEYMAP_ENTRY_INDEX,
  INPUT_KEYMAP_ENTRY_KEYCODE,
  INPUT_KEYMAP_ENTRY_LEN,
  INPUT_KEYMAP_ENTRY_SCANCODE,
  SIZEOF_FF_EFFECT,
  SIZEOF_INPUT_ABSINFO,
  SIZEOF_INPUT_ID,
  SIZEOF_INPUT_KEYMAP_ENTRY,
} from "../layouts";
import { strsize, verbose, xlatStyle } from "../options";
import { outLen, putc, puts } from "../out";
import { putAddr, putHex, putI64, putU64 } from "../print/num";
import { printBuffer } from "../print/quote";
import { FMT_HEX, restyle } from "../print/style";
import { printEnum, putRef } from "../print/xlat";
import { lookup, NO_REF, strEq, tableDefault } from "../tables";
import { F_D, F_PTR, F_U, F_X, F_XVAL, Field, printFields, printStructOf } from "./ioctl-fields";
import { nlTable } from "./nl-print";

const IOC_READ: u32 = 2;
const IOC_WRITE: u32 = 1;
const iocDir = (req: u32): u32 => req >> 30;
const iocNr = (req: u32): u32 => req & 0xff;
const iocSize = (req: u32): u32 => (req >> 16) & 0x3fff;

// ---- request names ----

/** `name(size)`: a request whose number carries its buffer's length. */
function sized(name: string, req: u32): void {
  puts(name);
  putc(0x28);
  putU64(<u64>iocSize(req));
  putc(0x29);
}

/**
 * An event type or an axis inside a request's name: its name, else the number with strace's
 * `X_???` comment, which -X verbose leaves out (the whole request is a comment already).
 */
function index(table: string, v: u32): void {
  const t = nlTable(table);
  const ref = lookup(t, <u64>v);
  if (ref != NO_REF) {
    putRef(ref);
    return;
  }
  putHex(<u64>v);
  if (xlatStyle == 2 || t < 0) return;
  puts(" /* ");
  putRef(tableDefault(<u32>t));
  puts(" */");
}

/**
 * Prints an evdev request whose number carries a length or an index as strace names it; false
 * (nothing printed) for any other request.
 */
export function printEvdevRequest(req: u32): bool {
  if (((req >> 8) & 0xff) != 0x45) return false;
  const nr = iocNr(req);
  if (iocDir(req) == IOC_WRITE && nr >= 0xc0) {
    puts("EVIOCSABS(");
    index("evdev_abs", nr - 0xc0);
    putc(0x29);
    return true;
  }
  if (iocDir(req) != IOC_READ) return false;
  if (nr >= 0x20 && nr < 0x40) {
    puts("EVIOCGBIT(");
    if (nr == 0x20) putc(0x30);
    else index("evdev_ev", nr - 0x20);
    puts(", ");
    putU64(<u64>iocSize(req));
    putc(0x29);
    return true;
  }
  if (nr >= 0x40 && nr < 0x80) {
    puts("EVIOCGABS(");
    index("evdev_abs", nr - 0x40);
    putc(0x29);
    return true;
  }
  if (nr == 0x06) sized("EVIOCGNAME", req);
  else if (nr == 0x07) sized("EVIOCGPHYS", req);
  else if (nr == 0x08) sized("EVIOCGUNIQ", req);
  else if (nr == 0x09) sized("EVIOCGPROP", req);
  else if (nr == 0x0a) sized("EVIOCGMTSLOTS", req);
  else if (nr == 0x18) sized("EVIOCGKEY", req);
  else if (nr == 0x19) sized("EVIOCGLED", req);
  else if (nr == 0x1a) sized("EVIOCGSND", req);
  else if (nr == 0x1b) sized("EVIOCGSW", req);
  else return false;
  return true;
}

/** An evdev request strace decodes but core points at nothing (EVIOCGMASK): its address, as strace prints it. */
export function isEvdevPointer(req: u32): bool {
  return ((req >> 8) & 0xff) == 0x45 && (iocDir(req) == IOC_READ || iocDir(req) == IOC_WRITE);
}

// ---- what the requests point at ----

const ID: Field[] = [
  new Field("bustype", INPUT_ID_BUSTYPE, 2, F_U),
  new Field("vendor", INPUT_ID_VENDOR, 2, F_U),
  new Field("product", INPUT_ID_PRODUCT, 2, F_U),
  new Field("version", INPUT_ID_VERSION, 2, F_U),
];

/** struct input_absinfo's fields up to `flat` (the first version of the struct: 20 bytes). */
const ABS_FIRST: Field[] = [
  new Field("value", INPUT_ABSINFO_VALUE, 4, F_U),
  new Field("minimum", INPUT_ABSINFO_MINIMUM, 4, F_U),
];
const ABS_MORE: Field[] = [
  new Field("maximum", INPUT_ABSINFO_MAXIMUM, 4, F_U),
  new Field("fuzz", INPUT_ABSINFO_FUZZ, 4, F_U),
  new Field("flat", INPUT_ABSINFO_FLAT, 4, F_U),
];
const ABS_ORIG_SIZE: u32 = INPUT_ABSINFO_RESOLUTION;

const KEYMAP_FIRST: Field[] = [
  new Field("flags", INPUT_KEYMAP_ENTRY_FLAGS, 1, F_U),
  new Field("len", INPUT_KEYMAP_ENTRY_LEN, 1, F_U),
];
const KEYMAP_MORE: Field[] = [
  new Field("index", INPUT_KEYMAP_ENTRY_INDEX, 2, F_U),
  new Field("keycode", INPUT_KEYMAP_ENTRY_KEYCODE, 4, F_XVAL, "evdev_keycode"),
];

const EFFECT_HEAD: Field[] = [
  new Field("type", FF_EFFECT_TYPE, 2, F_XVAL, "evdev_ff_types"),
  new Field("id", FF_EFFECT_ID, 2, F_D),
  new Field("direction", FF_EFFECT_DIRECTION, 2, F_U),
];
const TRIGGER: Field[] = [
  new Field("button", FF_TRIGGER_BUTTON, 2, F_U),
  new Field("interval", FF_TRIGGER_INTERVAL, 2, F_U),
];
const REPLAY: Field[] = [
  new Field("length", FF_REPLAY_LENGTH, 2, F_U),
  new Field("delay", FF_REPLAY_DELAY, 2, F_U),
];
const ENVELOPE: Field[] = [
  new Field("attack_length", FF_ENVELOPE_ATTACK_LENGTH, 2, F_U),
  new Field("attack_level", FF_ENVELOPE_ATTACK_LEVEL, 2, F_U),
  new Field("fade_length", FF_ENVELOPE_FADE_LENGTH, 2, F_U),
  new Field("fade_level", FF_ENVELOPE_FADE_LEVEL, 2, F_X),
];
const CONSTANT: Field[] = [new Field("level", FF_CONSTANT_EFFECT_LEVEL, 2, F_D)];
const RAMP: Field[] = [
  new Field("start_level", FF_RAMP_EFFECT_START_LEVEL, 2, F_D),
  new Field("end_level", FF_RAMP_EFFECT_END_LEVEL, 2, F_D),
];
const PERIODIC: Field[] = [
  new Field("waveform", FF_PERIODIC_EFFECT_WAVEFORM, 2, F_U),
  new Field("period", FF_PERIODIC_EFFECT_PERIOD, 2, F_U),
  new Field("magnitude", FF_PERIODIC_EFFECT_MAGNITUDE, 2, F_D),
  new Field("offset", FF_PERIODIC_EFFECT_OFFSET, 2, F_D),
  new Field("phase", FF_PERIODIC_EFFECT_PHASE, 2, F_U),
];
const PERIODIC_TAIL: Field[] = [
  new Field("custom_len", FF_PERIODIC_EFFECT_CUSTOM_LEN, 4, F_U),
  new Field("custom_data", FF_PERIODIC_EFFECT_CUSTOM_DATA, 8, F_PTR),
];
const RUMBLE: Field[] = [
  new Field("strong_magnitude", FF_RUMBLE_EFFECT_STRONG_MAGNITUDE, 2, F_U),
  new Field("weak_magnitude", FF_RUMBLE_EFFECT_WEAK_MAGNITUDE, 2, F_U),
];

/** linux/input.h's FF_RUMBLE, FF_PERIODIC, FF_CONSTANT, FF_RAMP: the effect types with a union member. */
const FF_RUMBLE: u32 = 0x50;
const FF_PERIODIC: u32 = 0x51;
const FF_CONSTANT: u32 = 0x52;
const FF_RAMP: u32 = 0x57;

/** `, name={fields}` of a nested struct at p. */
function nested(name: string, p: usize, fields: Field[]): void {
  puts(", ");
  puts(name);
  puts("={");
  printFields(p, fields);
  putc(0x7d);
}

/** `, name={head…, envelope={…}[, tail…]}` of an effect's union member at p. */
function effect(name: string, p: usize, head: Field[], envelope: u32, tail: Field[] = []): void {
  puts(", ");
  puts(name);
  puts("={");
  printFields(p, head);
  nested("envelope", p + <usize>envelope, ENVELOPE);
  if (tail.length > 0) printFields(p, tail, false);
  putc(0x7d);
}

function printFfEffect(p: usize, len: u32): bool {
  if (len < SIZEOF_FF_EFFECT) return false;
  putc(0x7b);
  printFields(p, EFFECT_HEAD);
  if (!verbose) {
    puts(", ...}");
    return true;
  }
  nested("trigger", p + <usize>FF_EFFECT_TRIGGER, TRIGGER);
  nested("replay", p + <usize>FF_EFFECT_REPLAY, REPLAY);
  const u = p + <usize>FF_EFFECT_U;
  const type = <u32>load<u16>(p + <usize>FF_EFFECT_TYPE);
  if (type == FF_CONSTANT) effect("constant", u, CONSTANT, FF_CONSTANT_EFFECT_ENVELOPE);
  else if (type == FF_RAMP) effect("ramp", u, RAMP, FF_RAMP_EFFECT_ENVELOPE);
  else if (type == FF_PERIODIC) effect("periodic", u, PERIODIC, FF_PERIODIC_EFFECT_ENVELOPE, PERIODIC_TAIL);
  else if (type == FF_RUMBLE) nested("rumble", u, RUMBLE);
  putc(0x7d);
  return true;
}

/** struct input_absinfo as large as the request's size says (older kernels' is 20 bytes). */
function printAbsinfo(p: usize, len: u32): bool {
  const sz = iocSize(<u32>arg(1));
  if (sz < ABS_ORIG_SIZE) return false;
  if (len < min<u32>(sz, SIZEOF_INPUT_ABSINFO)) return false;
  putc(0x7b);
  printFields(p, ABS_FIRST);
  if (!verbose) {
    puts(", ...}");
    return true;
  }
  printFields(p, ABS_MORE, false);
  if (sz > ABS_ORIG_SIZE) {
    if (sz >= SIZEOF_INPUT_ABSINFO)
      printFields(p, [new Field("resolution", INPUT_ABSINFO_RESOLUTION, 4, F_U)], false);
    if (sz != SIZEOF_INPUT_ABSINFO) puts(", ...");
  }
  putc(0x7d);
  return true;
}

function printKeymapEntry(p: usize, len: u32): bool {
  if (len < SIZEOF_INPUT_KEYMAP_ENTRY) return false;
  putc(0x7b);
  printFields(p, KEYMAP_FIRST);
  if (!verbose) {
    puts(", ...}");
    return true;
  }
  printFields(p, KEYMAP_MORE, false);
  puts(", scancode=[");
  for (let i: u32 = 0; i < SIZEOF_INPUT_KEYMAP_ENTRY - INPUT_KEYMAP_ENTRY_SCANCODE; i++) {
    if (i > 0) puts(", ");
    const v = <u64>load<u8>(p + <usize>(INPUT_KEYMAP_ENTRY_SCANCODE + i));
    const start = outLen;
    putHex(v);
    restyle(start, v, FMT_HEX);
  }
  puts("]}");
  return true;
}

/** `[first, second]`: two unsigned ints, the second by name from `table` when given. */
function printPair(p: usize, len: u32, table: string): bool {
  if (len < 8) return false;
  putc(0x5b);
  putU64(<u64>load<u32>(p));
  puts(", ");
  if (table.length > 0) printEnum(nlTable(table), <u64>load<u32>(p + 4));
  else putU64(<u64>load<u32>(p + 4));
  putc(0x5d);
  return true;
}

/** The constant table and the highest bit (linux/input-event-codes.h's X_MAX) of a bit-mask request. */
function bitsTable(req: u32): string {
  const nr = iocNr(req);
  if (nr == 0x09) return "evdev_prop";
  if (nr == 0x18) return "evdev_keycode";
  if (nr == 0x19) return "evdev_leds";
  if (nr == 0x1a) return "evdev_snd";
  if (nr == 0x1b) return "evdev_switch";
  const ev = nr - 0x20;
  if (ev == 0) return "evdev_ev";
  if (ev == 0x01) return "evdev_keycode";
  if (ev == 0x02) return "evdev_relative_axes";
  if (ev == 0x03) return "evdev_abs";
  if (ev == 0x04) return "evdev_misc";
  if (ev == 0x05) return "evdev_switch";
  if (ev == 0x11) return "evdev_leds";
  if (ev == 0x12) return "evdev_snd";
  if (ev == 0x14) return "evdev_autorepeat";
  if (ev == 0x15) return "evdev_ff_types";
  if (ev == 0x17) return "evdev_ff_status";
  return "";
}

/** INPUT_PROP_MAX, KEY_MAX, LED_MAX, SND_MAX, SW_MAX, EV_MAX, REL_MAX, ABS_MAX, MSC_MAX, REP_MAX, FF_MAX, FF_STATUS_MAX. */
function bitsMax(table: string): u32 {
  if (table == "evdev_prop") return 0x1f;
  if (table == "evdev_keycode") return 0x2ff;
  if (table == "evdev_leds") return 0x0f;
  if (table == "evdev_snd") return 0x07;
  if (table == "evdev_switch") return 0x10;
  if (table == "evdev_ev") return 0x1f;
  if (table == "evdev_relative_axes") return 0x0f;
  if (table == "evdev_abs") return 0x3f;
  if (table == "evdev_misc") return 0x07;
  if (table == "evdev_autorepeat") return 0x01;
  if (table == "evdev_ff_types") return 0x7f;
  return 0x01;
}

/** EV_PWR (0x16): its EVIOCGBIT writes an int strace prints as one. */
const EV_PWR: u32 = 0x16;

/**
 * A bit mask the kernel wrote, as long as the return value says (up to the table's highest bit):
 * the set bits by name (4 and `...` without -v), then with -X raw/verbose the longs in hex.
 */
function printBits(p: usize, len: u32): bool {
  const req = <u32>arg(1);
  if (iocNr(req) == 0x20 + EV_PWR) {
    if (len < 4) return false;
    putc(0x5b);
    putI64(<i64>load<i32>(p));
    putc(0x5d);
    return true;
  }
  const table = bitsTable(req);
  if (table.length == 0) return false;
  const max = bitsMax(table);
  const bits: u32 = <u64>rval > <u64>(max / 8) ? max : <u32>rval * 8;
  const size = (((bits + 7) / 8 + 7) / 8) * 8;
  if (size == 0 || len < size) return false;
  const t = nlTable(table);
  if (xlatStyle != 1) {
    putc(0x5b);
    let shown: u32 = 0;
    for (let i: u32 = 0; i < bits; i++) {
      if (((load<u8>(p + <usize>(i >> 3)) >> <u8>(i & 7)) & 1) == 0) continue;
      if (shown > 0) {
        if (!verbose && shown >= 4) {
          puts(" ...");
          break;
        }
        putc(0x20);
      }
      printEnum(t, <u64>i);
      shown++;
    }
    putc(0x5d);
  }
  if (xlatStyle == 2) puts(" /* ");
  if (xlatStyle != 0) {
    putc(0x5b);
    for (let i: u32 = 0; i < size / 8; i++) {
      if (i > 0) puts(", ");
      putHex(load<u64>(p + <usize>(i * 8)));
    }
    putc(0x5d);
  }
  if (xlatStyle == 2) puts(" */");
  return true;
}

/** EVIOCGNAME's, EVIOCGPHYS's, EVIOCGUNIQ's string: the bytes returned, cut at -s. */
function printEvdevStr(p: usize, len: u32): bool {
  if (rval < 0) return false;
  const want = <u64>rval < <u64>strsize ? <u32>rval : <u32>strsize;
  if (len < want) return false;
  printBuffer(p, want, <u64>rval);
  return true;
}

/** EVIOCGMTSLOTS: the axis code, then the values the request's size has room for, cut at -s. */
function printMtslots(p: usize, len: u32, addr: u64): bool {
  const n = iocSize(<u32>arg(1)) / 4;
  if (n == 0 || len < 4) return false;
  puts("{code=");
  printEnum(nlTable("evdev_mtslots"), <u64>load<u32>(p));
  puts(", values=");
  const count = n - 1;
  if (count > 0 && len < 8) {
    putAddr(addr + 4);
    putc(0x7d);
    return true;
  }
  putc(0x5b);
  for (let i: u32 = 0; i < count; i++) {
    if (i > 0) puts(", ");
    // strace's print_array stops at -s elements unless -v.
    if (!verbose && i >= <u32>strsize) {
      puts("...");
      break;
    }
    const at: u32 = 4 + i * 4;
    if (at + 4 > len) {
      puts("... /* ");
      putAddr(addr + <u64>at);
      puts(" */");
      break;
    }
    putI64(<i64>load<i32>(p + <usize>at));
  }
  puts("]}");
  return true;
}

/**
 * Prints the `len` captured bytes at p of evdev type `type` (read from `addr`); -1 when the type
 * is not evdev's, else 1 when printed and 0 when too few bytes were read (the caller prints the address).
 */
export function printEvdevStruct(type: u32, p: usize, len: u32, addr: u64): i32 {
  let ok: bool;
  if (strEq(type, "input_id")) ok = printStructOf(p, len, SIZEOF_INPUT_ID, ID);
  else if (strEq(type, "input_absinfo")) ok = printAbsinfo(p, len);
  else if (strEq(type, "input_keymap_entry")) ok = printKeymapEntry(p, len);
  else if (strEq(type, "ff_effect")) ok = printFfEffect(p, len);
  else if (strEq(type, "evdev_rep")) ok = printPair(p, len, "");
  else if (strEq(type, "evdev_keycode")) ok = printPair(p, len, "evdev_keycode");
  else if (strEq(type, "evdev_bits")) ok = printBits(p, len);
  else if (strEq(type, "evdev_str")) ok = printEvdevStr(p, len);
  else if (strEq(type, "evdev_mtslots")) ok = printMtslots(p, len, addr);
  else return -1;
  return ok ? 1 : 0;
}
