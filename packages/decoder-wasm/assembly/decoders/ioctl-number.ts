// Requests strace 6.1 names from the number itself, before (and joined by ` or ` with) any table
// name (its ioctl.c ioctl_decode_command_number): families whose number carries a length or an
// index (MIXER_READ(13), HIDIOCGPHYS(8), JSIOCGNAME(64)). Input devices (EVIOC*) are
// ioctl-evdev's.

import { putc, puts } from "../out";
import { putU64 } from "../print/num";

const IOC_WRITE: u32 = 1;
const IOC_READ: u32 = 2;
const IOC_READ_WRITE: u32 = 3;

/** One name over a family of numbers: type, direction, nr (or -1: any nr), and what follows. */
class Numbered {
  constructor(
    public type: u32,
    public dir: u32,
    public nr: i32,
    public name: string,
    /** The argument in parentheses: the size (_IOC_SIZE) or the nr. */
    public argIs: u8,
  ) {}
}
const ARG_SIZE: u8 = 0;
const ARG_NR: u8 = 1;

const NUMBERED: Numbered[] = [
  new Numbered(0x48, IOC_READ, 0x04, "HIDIOCGRAWNAME", ARG_SIZE),
  new Numbered(0x48, IOC_READ, 0x05, "HIDIOCGRAWPHYS", ARG_SIZE),
  new Numbered(0x48, IOC_READ, 0x06, "HIDIOCSFEATURE", ARG_SIZE),
  new Numbered(0x48, IOC_READ, 0x08, "HIDIOCGRAWUNIQ", ARG_SIZE),
  new Numbered(0x48, IOC_READ, 0x12, "HIDIOCGPHYS", ARG_SIZE),
  new Numbered(0x48, IOC_READ_WRITE, 0x06, "HIDIOCSFEATURE", ARG_SIZE),
  new Numbered(0x48, IOC_READ_WRITE, 0x07, "HIDIOCGFEATURE", ARG_SIZE),
  new Numbered(0x4d, IOC_WRITE, -1, "MIXER_WRITE", ARG_NR),
  new Numbered(0x4d, IOC_READ, -1, "MIXER_READ", ARG_NR),
  new Numbered(0x55, IOC_READ, 0x2c, "UI_GET_SYSNAME", ARG_SIZE),
  new Numbered(0x6a, IOC_READ, 0x13, "JSIOCGNAME", ARG_SIZE),
  new Numbered(0x6b, IOC_WRITE, 0, "SPI_IOC_MESSAGE", ARG_SIZE),
];

/** Prints the name `req` has by its number and returns true, or prints nothing (false). */
export function printNumberedRequest(req: u32): bool {
  const dir = req >> 30;
  const type = (req >> 8) & 0xff;
  const nr = req & 0xff;
  const size = (req >> 16) & 0x3fff;
  for (let i = 0; i < NUMBERED.length; i++) {
    const n = NUMBERED[i];
    if (n.type != type || n.dir != dir || (n.nr >= 0 && <u32>n.nr != nr)) continue;
    puts(n.name);
    putc(0x28);
    putU64(<u64>(n.argIs == ARG_NR ? nr : size));
    putc(0x29);
    return true;
  }
  return false;
}
