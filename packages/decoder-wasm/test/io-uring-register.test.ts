// io_uring_register's argument by opcode, from raw record bytes: the restrictions array, a
// rsrc struct whose size register carries high bits (the read ran on into an unmapped page),
// the probe strace shows only once the kernel filled it, the work queue limits at both stops.
// The expected lines are what strace 6.1 prints for the same bytes (its suite's
// io_uring_register tests).

import { CaptureKind, CaptureStatus } from "@tstrace/core";
import { describe, expect, it } from "vitest";
import { createDecoder } from "../dist/index.js";
import { nr } from "./helpers/nr.js";
import { bufArg, bytes, type Capture, concat, enter, exit, pointee, structIf } from "./helpers/records.js";

const NR = nr("io_uring_register");
const ADDR = 0x7f0000001000n;

const line = async (
  args: (number | bigint)[],
  rval: number,
  entryCaps: Capture[] = [],
  exitCaps: Capture[] = [],
): Promise<string> => {
  const d = await createDecoder();
  return d.decodeToString(concat(enter(1, NR, args, entryCaps), exit(1, NR, rval, exitCaps)));
};

/** The argument read as nr_args 16-byte elements (PARTIAL: an unmapped page cut it short). */
const elems = (data: Uint8Array, status: number = CaptureStatus.OK): Capture => ({
  arg: 2,
  kind: CaptureKind.ARRAY,
  status,
  data,
});

describe("IORING_REGISTER_RESTRICTIONS", () => {
  const restrictions = bytes(64, [
    [0, 2, 0], // IORING_RESTRICTION_REGISTER_OP
    [2, 2, 23 | (0x77 << 8)], // register_op=IORING_UNREGISTER_PBUF_RING, resv=0x77
    [16, 2, 1], // IORING_RESTRICTION_SQE_OP
    [18, 2, 47], // sqe_op past what strace 6.1 knows
    [32, 2, 2], // IORING_RESTRICTION_SQE_FLAGS_ALLOWED
    [34, 2, 0xff],
    [48, 2, 4], // no such restriction: the union byte as a comment
    [50, 2, 0xef],
    [52, 4, 0x82848688],
  ]);

  it("prints each restriction by its opcode", async () => {
    expect(await line([0, 11, ADDR, 4], -95, [elems(restrictions)])).toBe(
      "io_uring_register(0, IORING_REGISTER_RESTRICTIONS, [{opcode=IORING_RESTRICTION_REGISTER_OP, register_op=IORING_UNREGISTER_PBUF_RING, resv=0x77}, {opcode=IORING_RESTRICTION_SQE_OP, sqe_op=0x2f /* IORING_OP_??? */}, {opcode=IORING_RESTRICTION_SQE_FLAGS_ALLOWED, sqe_flags=IOSQE_FIXED_FILE|IOSQE_IO_DRAIN|IOSQE_IO_LINK|IOSQE_IO_HARDLINK|IOSQE_ASYNC|IOSQE_BUFFER_SELECT|IOSQE_CQE_SKIP_SUCCESS|0x80}, {opcode=0x4 /* IORING_RESTRICTION_??? */ /* op: 0xef */, resv2=[0x82848688, 0, 0]}], 4) = -1 EOPNOTSUPP (Operation not supported)\n",
    );
  });

  it("stops where the memory did", async () => {
    expect(
      await line([0, 11, ADDR, 5], -95, [elems(restrictions.subarray(0, 32), CaptureStatus.PARTIAL)]),
    ).toBe(
      "io_uring_register(0, IORING_REGISTER_RESTRICTIONS, [{opcode=IORING_RESTRICTION_REGISTER_OP, register_op=IORING_UNREGISTER_PBUF_RING, resv=0x77}, {opcode=IORING_RESTRICTION_SQE_OP, sqe_op=0x2f /* IORING_OP_??? */}, ... /* 0x7f0000001020 */], 5) = -1 EOPNOTSUPP (Operation not supported)\n",
    );
  });
});

describe("IORING_REGISTER_FILES2", () => {
  // struct io_uring_rsrc_register: nr=2, flags=IORING_RSRC_REGISTER_SPARSE, data, tags; then 8
  // bytes the caller's size (40) covers
  const rsrc = concat(
    bytes(32, [
      [0, 4, 2],
      [4, 4, 1],
      [16, 8, 0x7f0000002000n],
      [24, 8, 0x7f0000003000n],
    ]),
    Uint8Array.from([0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7]),
  );
  const fds = bytes(8, [
    [0, 4, 3],
    [4, 4, -1],
  ]);
  const tags = bytes(16, [
    [0, 8, 0x1337],
    [8, 8, 0xbadc0deddadfacedn],
  ]);

  it("prints the struct, its fds and tags, and the bytes past it", async () => {
    // nr_args' register has high bits set: native read as far as a page, the page ended at 40
    const caps = [
      bufArg(2, rsrc, CaptureStatus.PARTIAL),
      pointee(2, 16, 0x7f0000002000n, 32, fds),
      pointee(2, 24, 0x7f0000003000n, 16, tags),
    ];
    expect(await line([0, 13, ADDR, 0xbadc0ded00000028n], -95, caps)).toBe(
      'io_uring_register(0, IORING_REGISTER_FILES2, {nr=2, flags=IORING_RSRC_REGISTER_SPARSE, data=[3, -1], tags=[0x1337, 0xbadc0deddadfaced], /* bytes 32..39 */ "\\xa0\\xa1\\xa2\\xa3\\xa4\\xa5\\xa6\\xa7"}, 40) = -1 EOPNOTSUPP (Operation not supported)\n',
    );
  });

  it("says ??? when the bytes past the struct were unreadable, addresses for unread arrays", async () => {
    const caps = [bufArg(2, rsrc.subarray(0, 32), CaptureStatus.PARTIAL)];
    expect(await line([0, 13, ADDR, 48], -95, caps)).toBe(
      "io_uring_register(0, IORING_REGISTER_FILES2, {nr=2, flags=IORING_RSRC_REGISTER_SPARSE, data=0x7f0000002000, tags=0x7f0000003000, ???}, 48) = -1 EOPNOTSUPP (Operation not supported)\n",
    );
  });
});

describe("IORING_REGISTER_PROBE", () => {
  const PROBE = 16 + 256 * 8;
  // what the kernel wrote: last_op=IORING_OP_READV, ops_len=3, then the ops
  const filled = new Uint8Array(PROBE);
  filled.set(
    bytes(40, [
      [0, 2, 1 | (3 << 8)],
      [16, 4, 0 | (1 << 16)], // IORING_OP_NOP, IO_URING_OP_SUPPORTED
      [24, 4, 1 | (1 << 16)], // IORING_OP_READV, IO_URING_OP_SUPPORTED
      [32, 4, 2], // IORING_OP_WRITEV, not supported
    ]),
  );

  it("prints nothing of a zeroed probe at entry, the kernel's at exit, cut at nr_args", async () => {
    expect(await line([0, 8, ADDR, 2], 0, [structIf(2, new Uint8Array(PROBE))], [structIf(2, filled)])).toBe(
      "io_uring_register(0, IORING_REGISTER_PROBE, {last_op=IORING_OP_READV, ops_len=3, ops=[{op=IORING_OP_NOP, flags=IO_URING_OP_SUPPORTED}, {op=IORING_OP_READV, flags=IO_URING_OP_SUPPORTED}, ...]}, 2) = 0\n",
    );
  });

  it("shows what changed when the caller's probe was not zeros", async () => {
    const mine = new Uint8Array(PROBE);
    mine[0] = 0xff;
    expect(await line([0, 8, ADDR, 0], 0, [structIf(2, mine)], [structIf(2, filled)])).toBe(
      "io_uring_register(0, IORING_REGISTER_PROBE, {last_op=255 /* IORING_OP_??? */, ops_len=0, ops=[]} => {last_op=IORING_OP_READV, ops_len=3, ops=[...]}, 0) = 0\n",
    );
  });
});

describe("IORING_REGISTER_IOWQ_MAX_WORKERS", () => {
  const limits = bytes(12, [
    [0, 4, 0],
    [4, 4, 1],
    [8, 4, 0xbedfaced],
  ]);

  it("prints the limits asked for, then those the kernel answered", async () => {
    const answer = bytes(12, [
      [0, 4, 4],
      [4, 4, 8],
      [8, 4, 0xbedfaced],
    ]);
    expect(await line([0, 19, ADDR, 3], 0, [elems(limits)], [structIf(2, answer)])).toBe(
      "io_uring_register(0, IORING_REGISTER_IOWQ_MAX_WORKERS, [[IO_WQ_BOUND]=0, [IO_WQ_UNBOUND]=1, [2 /* IO_WQ_??? */]=3202329837] => [[IO_WQ_BOUND]=4, [IO_WQ_UNBOUND]=8, [2 /* IO_WQ_??? */]=3202329837], 3) = 0\n",
    );
  });

  it("prints the address at exit when the call failed", async () => {
    expect(await line([0, 19, ADDR, 3], -22, [elems(limits)])).toBe(
      "io_uring_register(0, IORING_REGISTER_IOWQ_MAX_WORKERS, [[IO_WQ_BOUND]=0, [IO_WQ_UNBOUND]=1, [2 /* IO_WQ_??? */]=3202329837] => 0x7f0000001000, 3) = -1 EINVAL (Invalid argument)\n",
    );
  });
});
