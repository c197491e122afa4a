// The GPIO character device (strace 6.1's gpio_ioctl.c): chip and line info, v1 line handle and
// event requests, v2 line requests and their configuration. Layouts from linux/gpio.h (gcc -gbtf:
// gpiolib's BTF may be a module's); a request read at entry prints what the caller asks and, at
// exit, what the kernel answered (`{offset=…} => {…}`, `{…} => {fd=…}`).

import {
  GPIO_V2_LINE_ATTRIBUTE_DEBOUNCE_PERIOD_US,
  GPIO_V2_LINE_ATTRIBUTE_ID,
  GPIO_V2_LINE_ATTRIBUTE_PADDING,
  GPIO_V2_LINE_ATTRIBUTE_VALUES,
  GPIO_V2_LINE_CONFIG_ATTRIBUTE_ATTR,
  GPIO_V2_LINE_CONFIG_ATTRIBUTE_MASK,
  GPIO_V2_LINE_CONFIG_ATTRS,
  GPIO_V2_LINE_CONFIG_FLAGS,
  GPIO_V2_LINE_CONFIG_NUM_ATTRS,
  GPIO_V2_LINE_CONFIG_PADDING,
  GPIO_V2_LINE_INFO_ATTRS,
  GPIO_V2_LINE_INFO_CONSUMER,
  GPIO_V2_LINE_INFO_FLAGS,
  GPIO_V2_LINE_INFO_NAME,
  GPIO_V2_LINE_INFO_NUM_ATTRS,
  GPIO_V2_LINE_INFO_OFFSET,
  GPIO_V2_LINE_INFO_PADDING,
  GPIO_V2_LINE_REQUEST_CONFIG,
  GPIO_V2_LINE_REQUEST_CONSUMER,
  GPIO_V2_LINE_REQUEST_EVENT_BUFFER_SIZE,
  GPIO_V2_LINE_REQUEST_FD,
  GPIO_V2_LINE_REQUEST_NUM_LINES,
  GPIO_V2_LINE_REQUEST_OFFSETS,
  GPIO_V2_LINE_REQUEST_PADDING,
  GPIO_V2_LINE_VALUES_BITS,
  GPIO_V2_LINE_VALUES_MASK,
  GPIOCHIP_INFO_LABEL,
  GPIOCHIP_INFO_LINES,
  GPIOCHIP_INFO_NAME,
  GPIOEVENT_REQUEST_CONSUMER_LABEL,
  GPIOEVENT_REQUEST_EVENTFLAGS,
  GPIOEVENT_REQUEST_FD,
  GPIOEVENT_REQUEST_HANDLEFLAGS,
  GPIOEVENT_REQUEST_LINEOFFSET,
  GPIOHANDLE_CONFIG_DEFAULT_VALUES,
  GPIOHANDLE_CONFIG_FLAGS,
  GPIOHANDLE_CONFIG_PADDING,
  GPIOHANDLE_DATA_VALUES,
  GPIOHANDLE_REQUEST_CONSUMER_LABEL,
  GPIOHANDLE_REQUEST_DEFAULT_VALUES,
  GPIOHANDLE_REQUEST_FD,
  GPIOHANDLE_REQUEST_FLAGS,
  GPIOHANDLE_REQUEST_LINEOFFSETS,
  GPIOHANDLE_REQUEST_LINES,
  GPIOLINE_INFO_CONSUMER,
  GPIOLINE_INFO_FLAGS,
  GPIOLINE_INFO_LINE_OFFSET,
  GPIOLINE_INFO_NAME,
  SIZEOF_GPIO_V2_LINE_ATTRIBUTE,
  SIZEOF_GPIO_V2_LINE_CONFIG,
  SIZEOF_GPIO_V2_LINE_CONFIG_ATTRIBUTE,
  SIZEOF_GPIO_V2_LINE_INFO,
  SIZEOF_GPIO_V2_LINE_REQUEST,
  SIZEOF_GPIO_V2_LINE_VALUES,
  SIZEOF_GPIOCHIP_INFO,
  SIZEOF_GPIOEVENT_REQUEST,
  SIZEOF_GPIOHANDLE_CONFIG,
  SIZEOF_GPIOHANDLE_DATA,
  SIZEOF_GPIOHANDLE_REQUEST,
  SIZEOF_GPIOLINE_INFO,
} from "../layouts";
import { strsize, verbose } from "../options";
import { putc, puts } from "../out";
import { printFdElem } from "../print/fd";
import { printFlags } from "../print/xlat";
import {
  F_CSTRING,
  F_FLAGS,
  F_U,
  F_X,
  Field,
  isZero,
  printFields,
  printNumArray,
  printStructOf,
  printValue,
} from "./ioctl-fields";
import { nlTable } from "./nl-print";

const CHIP_INFO: Field[] = [
  new Field("name", GPIOCHIP_INFO_NAME, GPIOCHIP_INFO_LABEL - GPIOCHIP_INFO_NAME, F_CSTRING),
  new Field("label", GPIOCHIP_INFO_LABEL, GPIOCHIP_INFO_LINES - GPIOCHIP_INFO_LABEL, F_CSTRING),
  new Field("lines", GPIOCHIP_INFO_LINES, 4, F_U),
];
const LINE_INFO_IN: Field[] = [new Field("line_offset", GPIOLINE_INFO_LINE_OFFSET, 4, F_U)];
const LINE_INFO_OUT: Field[] = [
  new Field("flags", GPIOLINE_INFO_FLAGS, 4, F_FLAGS, "gpio_line_flags"),
  new Field("name", GPIOLINE_INFO_NAME, GPIOLINE_INFO_CONSUMER - GPIOLINE_INFO_NAME, F_CSTRING),
  new Field("consumer", GPIOLINE_INFO_CONSUMER, SIZEOF_GPIOLINE_INFO - GPIOLINE_INFO_CONSUMER, F_CSTRING),
];
const LINE_OFFSET: Field[] = [new Field("offset", 0, 4, F_U)];
const HANDLE_LINES = new Field("lines", GPIOHANDLE_REQUEST_LINES, 4, F_U);
const HANDLE_LABEL = new Field(
  "consumer_label",
  GPIOHANDLE_REQUEST_CONSUMER_LABEL,
  GPIOHANDLE_REQUEST_LINES - GPIOHANDLE_REQUEST_CONSUMER_LABEL,
  F_CSTRING,
);
const V2_NUM_LINES = new Field("num_lines", GPIO_V2_LINE_REQUEST_NUM_LINES, 4, F_U);
const V2_CONSUMER = new Field(
  "consumer",
  GPIO_V2_LINE_REQUEST_CONSUMER,
  GPIO_V2_LINE_REQUEST_CONFIG - GPIO_V2_LINE_REQUEST_CONSUMER,
  F_CSTRING,
);
const V2_EVENT_BUFFER_SIZE = new Field("event_buffer_size", GPIO_V2_LINE_REQUEST_EVENT_BUFFER_SIZE, 4, F_U);
const EVENT_IN: Field[] = [
  new Field("lineoffset", GPIOEVENT_REQUEST_LINEOFFSET, 4, F_U),
  new Field("handleflags", GPIOEVENT_REQUEST_HANDLEFLAGS, 4, F_FLAGS, "gpio_handle_flags"),
  new Field("eventflags", GPIOEVENT_REQUEST_EVENTFLAGS, 4, F_FLAGS, "gpio_event_flags"),
  new Field(
    "consumer_label",
    GPIOEVENT_REQUEST_CONSUMER_LABEL,
    GPIOEVENT_REQUEST_FD - GPIOEVENT_REQUEST_CONSUMER_LABEL,
    F_CSTRING,
  ),
];
const V2_INFO_IN: Field[] = [new Field("offset", GPIO_V2_LINE_INFO_OFFSET, 4, F_U)];
const V2_INFO_OUT: Field[] = [
  new Field("name", GPIO_V2_LINE_INFO_NAME, GPIO_V2_LINE_INFO_CONSUMER - GPIO_V2_LINE_INFO_NAME, F_CSTRING),
  new Field(
    "consumer",
    GPIO_V2_LINE_INFO_CONSUMER,
    GPIO_V2_LINE_INFO_OFFSET - GPIO_V2_LINE_INFO_CONSUMER,
    F_CSTRING,
  ),
  new Field("flags", GPIO_V2_LINE_INFO_FLAGS, 8, F_FLAGS, "gpio_v2_line_flags"),
  new Field("num_attrs", GPIO_V2_LINE_INFO_NUM_ATTRS, 4, F_U),
];
const V2_CONFIG: Field[] = [
  new Field("flags", GPIO_V2_LINE_CONFIG_FLAGS, 8, F_FLAGS, "gpio_v2_line_flags"),
  new Field("num_attrs", GPIO_V2_LINE_CONFIG_NUM_ATTRS, 4, F_U),
];
const V2_MASK: Field[] = [new Field("mask", GPIO_V2_LINE_VALUES_MASK, 8, F_X)];
const V2_BITS: Field[] = [new Field("bits", GPIO_V2_LINE_VALUES_BITS, 8, F_X)];
const V2_BITS_MASK: Field[] = [V2_BITS[0], V2_MASK[0]];
const ATTR_MASK = new Field("mask", GPIO_V2_LINE_CONFIG_ATTRIBUTE_MASK, 8, F_X);
const ATTR_ID = new Field("id", GPIO_V2_LINE_ATTRIBUTE_ID, 4, F_U);
const ATTR_PADDING = new Field("padding", GPIO_V2_LINE_ATTRIBUTE_PADDING, 4, F_X);
const ATTR_DATA = new Field("data", GPIO_V2_LINE_ATTRIBUTE_VALUES, 8, F_X);
const ATTR_VALUES = new Field("values", GPIO_V2_LINE_ATTRIBUTE_VALUES, 8, F_X);
const ATTR_DEBOUNCE = new Field("debounce_period_us", GPIO_V2_LINE_ATTRIBUTE_DEBOUNCE_PERIOD_US, 4, F_U);

/** The v2 attribute ids (enum gpio_v2_line_attr_id) that choose the union's member. */
const ATTR_ID_FLAGS: u32 = 1;
const ATTR_ID_OUTPUT_VALUES: u32 = 2;
const ATTR_ID_DEBOUNCE: u32 = 3;
/** GPIO_V2_LINE_NUM_ATTRS_MAX and GPIO_V2_LINES_MAX / GPIOHANDLES_MAX: the arrays' lengths. */
const V2_ATTRS_MAX: u32 =
  (GPIO_V2_LINE_INFO_PADDING - GPIO_V2_LINE_INFO_ATTRS) / SIZEOF_GPIO_V2_LINE_ATTRIBUTE;
const V2_LINES_MAX: u32 = (GPIO_V2_LINE_REQUEST_CONSUMER - GPIO_V2_LINE_REQUEST_OFFSETS) / 4;
const HANDLES_MAX: u32 = (GPIOHANDLE_REQUEST_FLAGS - GPIOHANDLE_REQUEST_LINEOFFSETS) / 4;

function field(f: Field, p: usize, first: bool = false): void {
  if (!first) puts(", ");
  puts(f.name);
  putc(0x3d);
  printValue(f, p);
}

/** `, name=[…]`: `n` __u32 elements at p + off (decimal, or hex for the padding arrays). */
function u32Array(name: string, p: usize, n: u32, hex: bool): void {
  puts(", ");
  puts(name);
  putc(0x3d);
  printNumArray(p, n, 4, hex);
}

/** The smaller of a count the caller gave and its array's length. */
function upTo(count: u32, max: u32): u32 {
  return count < max ? count : max;
}

/**
 * One gpio_v2_line_attribute: the union member its id names, or (an unknown id, or padding in use)
 * id, padding and the raw 64 bits, as `attr={…}` when it is a config attribute's field.
 */
function printAttr(p: usize, asField: bool): void {
  const id = load<u32>(p + GPIO_V2_LINE_ATTRIBUTE_ID);
  const padding = load<u32>(p + GPIO_V2_LINE_ATTRIBUTE_PADDING);
  if (padding == 0 && id == ATTR_ID_FLAGS) {
    puts("flags=");
    printFlags(nlTable("gpio_v2_line_flags"), load<u64>(p + GPIO_V2_LINE_ATTRIBUTE_VALUES));
    return;
  }
  if (padding == 0 && id == ATTR_ID_OUTPUT_VALUES) {
    field(ATTR_VALUES, p, true);
    return;
  }
  if (padding == 0 && id == ATTR_ID_DEBOUNCE) {
    field(ATTR_DEBOUNCE, p, true);
    return;
  }
  if (asField) puts("attr={");
  field(ATTR_ID, p, true);
  if (padding != 0) field(ATTR_PADDING, p);
  field(ATTR_DATA, p);
  if (asField) putc(0x7d);
}

/** `, attrs=[…]`: `n` attributes of `size` bytes at p, each `{…}`, cut at -s unless -v. */
function attrArray(p: usize, n: u32, size: u32, config: bool): void {
  puts(", attrs=[");
  for (let i: u32 = 0; i < n; i++) {
    if (i > 0) puts(", ");
    if (!verbose && i >= <u32>strsize) {
      puts("...");
      break;
    }
    const e = p + <usize>(i * size);
    putc(0x7b);
    if (config) {
      printAttr(e + GPIO_V2_LINE_CONFIG_ATTRIBUTE_ATTR, true);
      field(ATTR_MASK, e);
    } else printAttr(e, false);
    putc(0x7d);
  }
  putc(0x5d);
}

/** `, padding=[…]` when any of the `n` __u32 at p is set. */
function padding(p: usize, n: u32): void {
  if (!isZero(p, n * 4)) u32Array("padding", p, n, true);
}

/** struct gpio_v2_line_config at p: `{flags=…, num_attrs=N[, padding=…][, attrs=[…]]}`. */
function printV2Config(p: usize): void {
  putc(0x7b);
  printFields(p, V2_CONFIG);
  padding(p + GPIO_V2_LINE_CONFIG_PADDING, (GPIO_V2_LINE_CONFIG_ATTRS - GPIO_V2_LINE_CONFIG_PADDING) / 4);
  const n = load<u32>(p + GPIO_V2_LINE_CONFIG_NUM_ATTRS);
  if (n != 0)
    attrArray(
      p + GPIO_V2_LINE_CONFIG_ATTRS,
      upTo(n, V2_ATTRS_MAX),
      SIZEOF_GPIO_V2_LINE_CONFIG_ATTRIBUTE,
      true,
    );
  putc(0x7d);
}

export function printGpioChipInfo(p: usize, len: u32): bool {
  return printStructOf(p, len, SIZEOF_GPIOCHIP_INFO, CHIP_INFO);
}

export function printGpioLineInfo(p: usize, len: u32, atExit: bool): bool {
  return printStructOf(p, len, SIZEOF_GPIOLINE_INFO, atExit ? LINE_INFO_OUT : LINE_INFO_IN);
}

export function printGpioLineOffset(p: usize, len: u32): bool {
  return printStructOf(p, len, 4, LINE_OFFSET);
}

/** At entry the v1 line request; at exit the line handle's fd. */
export function printGpioHandleRequest(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_GPIOHANDLE_REQUEST) return false;
  putc(0x7b);
  if (atExit) {
    puts("fd=");
    printFdElem(load<i32>(p + GPIOHANDLE_REQUEST_FD));
    putc(0x7d);
    return true;
  }
  const lines = load<u32>(p + GPIOHANDLE_REQUEST_LINES);
  field(HANDLE_LINES, p, true);
  u32Array("lineoffsets", p + GPIOHANDLE_REQUEST_LINEOFFSETS, upTo(lines, HANDLES_MAX), false);
  puts(", flags=");
  printFlags(nlTable("gpio_handle_flags"), <u64>load<u32>(p + GPIOHANDLE_REQUEST_FLAGS));
  puts(", default_values=");
  printNumArray(p + GPIOHANDLE_REQUEST_DEFAULT_VALUES, upTo(lines, HANDLES_MAX), 1, false);
  field(HANDLE_LABEL, p);
  putc(0x7d);
  return true;
}

/** At entry the v1 event request; at exit the event's fd. */
export function printGpioEventRequest(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_GPIOEVENT_REQUEST) return false;
  if (atExit) {
    puts("{fd=");
    printFdElem(load<i32>(p + GPIOEVENT_REQUEST_FD));
    putc(0x7d);
    return true;
  }
  return printStructOf(p, len, SIZEOF_GPIOEVENT_REQUEST, EVENT_IN);
}

/** `{values=[…]}`: all GPIOHANDLES_MAX bytes. */
export function printGpioHandleData(p: usize, len: u32): bool {
  if (len < SIZEOF_GPIOHANDLE_DATA) return false;
  puts("{values=");
  printNumArray(p + GPIOHANDLE_DATA_VALUES, SIZEOF_GPIOHANDLE_DATA, 1, false);
  putc(0x7d);
  return true;
}

export function printGpioHandleConfig(p: usize, len: u32): bool {
  if (len < SIZEOF_GPIOHANDLE_CONFIG) return false;
  puts("{flags=");
  printFlags(nlTable("gpio_handle_flags"), <u64>load<u32>(p + GPIOHANDLE_CONFIG_FLAGS));
  puts(", default_values=");
  printNumArray(
    p + GPIOHANDLE_CONFIG_DEFAULT_VALUES,
    GPIOHANDLE_CONFIG_PADDING - GPIOHANDLE_CONFIG_DEFAULT_VALUES,
    1,
    false,
  );
  putc(0x7d);
  return true;
}

/** At entry the line's offset; at exit what the kernel tells of it. */
export function printGpioV2LineInfo(p: usize, len: u32, atExit: bool): bool {
  if (!atExit) return printStructOf(p, len, SIZEOF_GPIO_V2_LINE_INFO, V2_INFO_IN);
  if (len < SIZEOF_GPIO_V2_LINE_INFO) return false;
  putc(0x7b);
  printFields(p, V2_INFO_OUT);
  const n = load<u32>(p + GPIO_V2_LINE_INFO_NUM_ATTRS);
  if (n != 0)
    attrArray(p + GPIO_V2_LINE_INFO_ATTRS, upTo(n, V2_ATTRS_MAX), SIZEOF_GPIO_V2_LINE_ATTRIBUTE, false);
  padding(p + GPIO_V2_LINE_INFO_PADDING, (SIZEOF_GPIO_V2_LINE_INFO - GPIO_V2_LINE_INFO_PADDING) / 4);
  putc(0x7d);
  return true;
}

/** At entry the v2 line request; at exit the line request's fd. */
export function printGpioV2LineRequest(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_GPIO_V2_LINE_REQUEST) return false;
  putc(0x7b);
  if (atExit) {
    puts("fd=");
    printFdElem(load<i32>(p + GPIO_V2_LINE_REQUEST_FD));
    putc(0x7d);
    return true;
  }
  const lines = load<u32>(p + GPIO_V2_LINE_REQUEST_NUM_LINES);
  field(V2_NUM_LINES, p, true);
  u32Array("offsets", p + GPIO_V2_LINE_REQUEST_OFFSETS, upTo(lines, V2_LINES_MAX), false);
  field(V2_CONSUMER, p);
  puts(", config=");
  printV2Config(p + GPIO_V2_LINE_REQUEST_CONFIG);
  if (load<u32>(p + GPIO_V2_LINE_REQUEST_EVENT_BUFFER_SIZE) != 0) field(V2_EVENT_BUFFER_SIZE, p);
  padding(p + GPIO_V2_LINE_REQUEST_PADDING, (GPIO_V2_LINE_REQUEST_FD - GPIO_V2_LINE_REQUEST_PADDING) / 4);
  putc(0x7d);
  return true;
}

/** GPIO_V2_LINE_GET_VALUES: the mask asked at entry, the bits answered at exit. */
export function printGpioV2LineValues(p: usize, len: u32, atExit: bool): bool {
  return printStructOf(p, len, SIZEOF_GPIO_V2_LINE_VALUES, atExit ? V2_BITS : V2_MASK);
}

/** GPIO_V2_LINE_SET_VALUES: both. */
export function printGpioV2LineValuesSet(p: usize, len: u32): bool {
  return printStructOf(p, len, SIZEOF_GPIO_V2_LINE_VALUES, V2_BITS_MASK);
}

export function printGpioV2LineConfig(p: usize, len: u32): bool {
  if (len < SIZEOF_GPIO_V2_LINE_CONFIG) return false;
  printV2Config(p);
  return true;
}
