// ioctl SG_IO decoded from captured bytes (struct sg_io_hdr's offsets as scsi/sg.h lays it out,
// checked by core's test/sg-io.test.ts): the cases a live trace against strace does not reach
// (packages/cli/test/sg-io.test.ts compares those): a successful call's response read at exit,
// and a corrupt scatter-list capture, whose counts must not walk the decoder out of its data.

import { CaptureKind, CaptureStatus } from "@tstrace/core";
import { describe, expect, it } from "vitest";
import { createDecoder } from "../dist/index.js";
import { nr } from "./helpers/nr.js";
import { bytes, type Capture, concat, enter, exit, pointee, structIf } from "./helpers/records.js";

const ARG = 0x7ffc0000n;
const SG_IO = 0x2285;
const SG_DXFER_FROM_DEV = -3;
const IOVECS = 0x5000n;
const DATA = 0x6000n;

/** A struct sg_io_hdr (88 bytes) reading `dxferLen` bytes from the device into a 2-iovec list. */
function hdr(resid: number): Uint8Array {
  return bytes(88, [
    [0, 4, 0x53],
    [4, 4, SG_DXFER_FROM_DEV],
    [10, 2, 2],
    [12, 4, 6],
    [16, 8, IOVECS],
    [64, 2, 0x02],
    [72, 4, resid],
    [80, 4, 1],
  ]);
}

/** The iovec array: two of 4 bytes each, at DATA and DATA + 16. */
const iovecs = bytes(32, [
  [0, 8, DATA],
  [8, 8, 4],
  [16, 8, DATA + 16n],
  [24, 8, 4],
]);

/** POINTEE_EACH data: per element, its pointer, the bytes wanted, the bytes read, the bytes. */
function each(elems: readonly [bigint, string][], count = elems.length, got?: number): Capture {
  const parts: Uint8Array[] = [bytes(8, [[0, 4, count]])];
  for (const [ptr, s] of elems) {
    const b = new TextEncoder().encode(s);
    const e = new Uint8Array(16 + ((b.length + 3) & ~3));
    const v = new DataView(e.buffer);
    v.setBigUint64(0, ptr, true);
    v.setUint32(8, b.length, true);
    v.setUint32(12, got ?? b.length, true);
    e.set(b, 16);
    parts.push(e);
  }
  return { arg: 2, kind: CaptureKind.POINTEE_EACH, status: CaptureStatus.OK, data: concat(...parts) };
}

/** The exit's captures: the struct, then the dxferp buffer (none) and scatter list in plan order. */
function exitCaps(list: Capture): Capture[] {
  return [
    structIf(2, hdr(2)),
    pointee(2, 16, IOVECS, 0, new Uint8Array(0)),
    pointee(2, 16, IOVECS, 32, iovecs),
    list,
  ];
}

async function line(caps: Capture[]): Promise<string> {
  const d = await createDecoder({});
  const ioctl = nr("ioctl");
  return d.decodeToString(
    concat(enter(100, ioctl, [3, SG_IO, ARG], [structIf(2, hdr(0))]), exit(100, ioctl, 0, caps)),
  );
}

const HEAD =
  "ioctl(3, SG_IO, {interface_id='S', dxfer_direction=SG_DXFER_FROM_DEV, cmd_len=0, cmdp=NULL, mx_sb_len=0, iovec_count=2, dxfer_len=6, timeout=0, flags=0, dxferp=";
const TAIL =
  ", status=0x2, masked_status=0, msg_status=0, sb_len_wr=0, sbp=NULL, host_status=0, driver_status=0, resid=2, duration=0, info=SG_INFO_CHECK}) = 0\n";

describe("SG_IO from captured bytes", () => {
  it("prints the data read in, each iovec as far as dxfer_len less resid reaches", async () => {
    expect(
      await line(
        exitCaps(
          each([
            [DATA, "abcd"],
            [DATA + 16n, "efgh"],
          ]),
        ),
      ),
    ).toBe(`${HEAD}[{iov_base="abcd", iov_len=4}, {iov_base="", iov_len=4}]${TAIL}`);
  });

  it("prints an address for an element a corrupt capture's counts overrun, and never traps", async () => {
    // a million elements claimed, and the second one's byte count past the capture's end
    expect(
      await line(
        exitCaps(
          each(
            [
              [DATA, "abcd"],
              [DATA + 16n, "efgh"],
            ],
            1_000_000,
            0x7fffffff,
          ),
        ),
      ),
    ).toBe(`${HEAD}[{iov_base=0x6000, iov_len=4}, {iov_base=0x6010, iov_len=4}]${TAIL}`);
  });
});
