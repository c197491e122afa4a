/**
 * ioctl SG_IO's struct (strace 6.1 sg_io_v3.c, sg_io_v4.c): the first int says which, 'S' for
 * scsi/sg.h's struct sg_io_hdr (v3), 'Q' for linux/bsg.h's struct sg_io_v4. The kernel's BTF has
 * neither (the sg driver is a module), so the offsets of their pointer fields are written here
 * (x86_64's, alike on every 64-bit architecture) and test/sg-io.test.ts checks them against the
 * headers compiled with offsetof. The struct itself is read whole at entry and exit
 * (data/ioctl-captures.ts, "sg_io"); these are what its pointers point at.
 *
 * Both structs' reads are planned for every SG_IO: the tracer cannot tell them apart before it
 * reads, and a field of one read as the other's pointer or count reads little (a count of 0, an
 * address that faults, a cap). v3's dxferp and v4's request share an offset and a count.
 */
import type { AttrPointer } from "./attr-pointer.js";

/** The most iovecs read of a scatter list (strace prints them all with -v); 16 bytes each. */
const IOVECS_MAX = 4096;
const IOVEC_SIZE = 16;
/** An iovec's data, as far as printstrn prints: -s bytes and one more, iov_len saying how many. */
const IOVEC_DATA = { ptrOffset: 0, count: { offset: 8, size: 8 }, max: "strsize" } as const;

/** A data buffer strace prints with printstr_ex (as far as -s), its length at `count`. */
const data = (field: string, offset: number, count?: { field: string; offset: number }): AttrPointer => ({
  field,
  offset,
  ...(count ? { count } : {}),
  max: "strsize",
  when: "both",
});

/** A scatter list: `count` iovecs (2 or 4 bytes), each one's data followed too. */
const iovecs = (field: string, offset: number, count: { field: string; offset: number; size: 2 | 4 }) => ({
  field,
  offset,
  count,
  elemSize: IOVEC_SIZE,
  max: IOVECS_MAX * IOVEC_SIZE,
  when: "both" as const,
  each: IOVEC_DATA,
});

/**
 * The pointers, in the order the decoder finds them: a pointer read both as a buffer and as a
 * scatter list (dxferp, dout_xferp, din_xferp) is its buffer first; each scatter list's
 * POINTEE_EACH is v3's, then v4's dout, then din.
 */
export const sgIoPointers: readonly AttrPointer[] = [
  // v3 dxferp, v4 request: dxfer_len and request_len are both the u32 at 12
  data("dxferp", 16, { field: "dxfer_len", offset: 12 }),
  iovecs("dxferp", 16, { field: "iovec_count", offset: 10, size: 2 }),
  // v3's cmd_len and sb_len_wr are u8 (no count of that size): -s and one more
  data("cmdp", 24),
  data("sbp", 32),
  // v4's response_len lies past a count's reach (offset 132): -s and one more
  data("response", 48),
  data("dout_xferp", 72, { field: "dout_xfer_len", offset: 60 }),
  iovecs("dout_xferp", 72, { field: "dout_iovec_count", offset: 56, size: 4 }),
  data("din_xferp", 80, { field: "din_xfer_len", offset: 68 }),
  iovecs("din_xferp", 80, { field: "din_iovec_count", offset: 64, size: 4 }),
];

/** The size read of the struct: sg_io_v4's, the larger (a shorter sg_io_hdr reads in part). */
export const SG_IO_STRUCT_SIZE = 160;
