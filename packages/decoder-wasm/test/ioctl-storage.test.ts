// Device mapper, btrfs and TEE requests decoded from captured bytes. The bytes are the ones
// packages/cli/test/ioctl-storage.test.ts's C program passes, and each expected line is what strace
// 6.1 printed for them (that test compares the two tracers live); these pin the kernel's-answer
// halves and the cut-short reads without a tracee.
import { CaptureKind, CaptureStatus } from "@tstrace/core";
import { describe, expect, it } from "vitest";
import { createDecoder, type DecoderOptions } from "../dist/index.js";
import { nr } from "./helpers/nr.js";
import { bytes, type Capture, concat, enter, exit, pointee, structIf } from "./helpers/records.js";

const ARG = 0x7ffc0000n;
const EBADF = -9;

async function line(
  req: number,
  rval: number,
  entryCaps: Capture[],
  exitCaps: Capture[],
  options: DecoderOptions = {},
): Promise<string> {
  const d = await createDecoder(options);
  const ioctl = nr("ioctl");
  return d.decodeToString(
    concat(enter(100, ioctl, [-1, req, ARG], entryCaps), exit(100, ioctl, rval, exitCaps)),
  );
}

/** _IOWR(0xfd, nr, struct dm_ioctl): the device mapper requests. */
const dmReq = (n: number): number => (0xc138fd00 | n) >>> 0;
const DM_TABLE_LOAD = dmReq(9);
const DM_LIST_DEVICES = dmReq(2);
const BTRFS_IOC_DEV_REPLACE = 0xca289435;
const TEE_IOC_INVOKE = 0x8010a403;

/** struct dm_ioctl's header: version 4.41.0, data_size, data_start, and a name. */
function dmHeader(size: number, name = ""): Uint8Array {
  const b = bytes(size, [
    [0, 4, 4],
    [4, 4, 41],
    [12, 4, size],
    [16, 4, 312],
  ]);
  b.set(new TextEncoder().encode(name), 48);
  return b;
}

describe("device mapper", () => {
  it("lists the kernel's devices, each with the event number after its name", async () => {
    const b = dmHeader(376);
    const v = new DataView(b.buffer);
    v.setBigUint64(312, 0xfd00n, true);
    v.setUint32(320, 32, true);
    b.set(new TextEncoder().encode("vg-root"), 324);
    v.setUint32(336, 3, true);
    v.setBigUint64(344, 0xfd01n, true);
    b.set(new TextEncoder().encode("vg-swap"), 356);
    expect(await line(DM_LIST_DEVICES, 0, [structIf(2, b)], [structIf(2, b)], { verbose: true })).toBe(
      'ioctl(-1, DM_LIST_DEVICES, [{version=[4, 41, 0], data_size=376, data_start=312, flags=0}] => [{version=[4, 41, 0], data_size=376, data_start=312, flags=0}, {dev=makedev(0xfd, 0), name="vg-root", event_nr=3}, {dev=makedev(0xfd, 0x1), name="vg-swap"}]) = 0\n',
    );
  });

  it("prints the address of a target spec past an unreadable page", async () => {
    const b = dmHeader(400, "vg-root");
    new DataView(b.buffer).setUint32(20, 1, true);
    const cut: Capture = {
      arg: 2,
      kind: CaptureKind.STRUCT_IF,
      status: CaptureStatus.PARTIAL,
      data: b.subarray(0, 332),
    };
    expect(await line(DM_TABLE_LOAD, EBADF, [cut], [], { verbose: true })).toBe(
      'ioctl(-1, DM_TABLE_LOAD, [{version=[4, 41, 0], data_size=400, data_start=312, name="vg-root", target_count=1, flags=0}, 0x7ffc0138]) = -1 EBADF (Bad file descriptor)\n',
    );
  });
});

describe("btrfs", () => {
  it("shows a device replace's status with its progress and start time", async () => {
    const b = bytes(2600, [
      [0, 8, 1],
      [16, 8, 1],
      [24, 8, 505],
      [32, 8, 1463193386],
    ]);
    expect(await line(BTRFS_IOC_DEV_REPLACE, 0, [structIf(2, b)], [structIf(2, b)])).toBe(
      "ioctl(-1, BTRFS_IOC_DEV_REPLACE, {cmd=BTRFS_IOCTL_DEV_REPLACE_CMD_STATUS} => {result=BTRFS_IOCTL_DEV_REPLACE_RESULT_NO_ERROR, status={replace_state=BTRFS_IOCTL_DEV_REPLACE_STATE_STARTED, progress_1000=505 /* 50.5% */, time_started=1463193386 /* 2016-05-14T02:36:26+0000 */, time_stopped=0, num_write_errors=0, num_uncorrectable_read_errors=0}}) = 0\n",
    );
  });
});

describe("TEE", () => {
  const ptr = 0x7ffc1000n;
  /** struct tee_ioctl_invoke_arg (24 bytes) and two struct tee_ioctl_param. */
  const invoke = bytes(88, [
    [0, 4, 3],
    [4, 4, 0x2a],
    [20, 4, 2],
    [24, 8, 1],
    [32, 8, 1],
    [56, 8, 7],
    [72, 8, 0x40],
  ]);
  const buf = bytes(16, [
    [0, 8, ptr],
    [8, 8, 88],
  ]);

  it("leaves the buffer open at entry and closes it with the kernel's answer", async () => {
    const caps = [structIf(2, buf), pointee(2, 0, ptr, 88, invoke)];
    expect(await line(TEE_IOC_INVOKE, 0, caps, caps)).toBe(
      "ioctl(-1, TEE_IOC_INVOKE, {buf_len=88, buf_ptr={func=3, session=0x2a, cancel_id=0, num_params=2, params=[{attr=TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT, a=0x1, b=0, c=0}, {attr=TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT, shm_offs=0, size=0x40, shm_id=0}]} => {ret=0, ret_origin=0 /* TEEC_ORIGIN_??? */, params=[{attr=TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT, a=0x1, b=0, c=0}, {attr=TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT, shm_offs=0, size=0x40, shm_id=0}]}}) = 0\n",
    );
  });

  it("only closes it after an error, and prints a buffer of the wrong size whole at entry", async () => {
    const caps = [structIf(2, buf), pointee(2, 0, ptr, 88, invoke)];
    expect(await line(TEE_IOC_INVOKE, EBADF, caps, [])).toMatch(/params=\[.*\]}}\) = -1 EBADF/);
    const wrong = bytes(16, [
      [0, 8, ptr],
      [8, 8, 89],
    ]);
    expect(await line(TEE_IOC_INVOKE, 0, [structIf(2, wrong), pointee(2, 0, ptr, 89, invoke)], [])).toBe(
      "ioctl(-1, TEE_IOC_INVOKE, {buf_len=89, buf_ptr=0x7ffc1000}) = 0\n",
    );
  });
});
