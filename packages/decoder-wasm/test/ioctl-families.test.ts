// ioctl request families decoded from captured bytes. Each expected line is one strace 6.1 printed
// for the C program of packages/cli/test/ioctl-families.test.ts (fd -1; `= 42 (INJECTED)` with
// -e inject=ioctl:retval=42, whose ` (INJECTED)` the record here does not carry), and each record
// carries the bytes that program passed.
import { CaptureStatus } from "@tstrace/core";
import { describe, expect, it } from "vitest";
import { createDecoder, type DecoderOptions } from "../dist/index.js";
import { nr } from "./helpers/nr.js";
import { bytes, type Capture, concat, enter, exit, structIf } from "./helpers/records.js";

const ARG = 0x7ffc0000n;

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
const EBADF = -9;
const u8s = (...v: number[]) => Uint8Array.from(v);

describe("ioctl families from captured bytes, as strace 6.1 prints them", () => {
  it("FITRIM's range, start in hex", async () => {
    const range = bytes(24, [
      [0, 8, 1],
      [8, 8, 2],
      [16, 8, 3],
    ]);
    expect(await line(0xc0185879, EBADF, [structIf(2, range)], [])).toBe(
      "ioctl(-1, FITRIM, {start=0x1, len=2, minlen=3}) = -1 EBADF (Bad file descriptor)\n",
    );
  });

  it("a counter watch, its component nested, an unknown event with strace's default name", async () => {
    const w = (event: number) => structIf(2, u8s(2, 1, 3, 4, event, 5));
    expect(await line(0x40063e00, EBADF, [w(4)], [])).toBe(
      "ioctl(-1, COUNTER_ADD_WATCH_IOCTL, {component={type=COUNTER_COMPONENT_COUNT, scope=COUNTER_SCOPE_SIGNAL, parent=3, id=4}, event=COUNTER_EVENT_INDEX, channel=5}) = -1 EBADF (Bad file descriptor)\n",
    );
    expect(await line(0x40063e00, EBADF, [w(0x63)], [])).toBe(
      "ioctl(-1, COUNTER_ADD_WATCH_IOCTL, {component={type=COUNTER_COMPONENT_COUNT, scope=COUNTER_SCOPE_SIGNAL, parent=3, id=4}, event=0x63 /* COUNTER_EVENT_??? */, channel=5}) = -1 EBADF (Bad file descriptor)\n",
    );
  });

  it("HDIO_DRIVE_CMD: the command, then what the kernel wrote back and the sector data", async () => {
    const out = new Uint8Array(4 + 1024).fill(0x78);
    out.set([0xca, 1, 2, 1]);
    expect(await line(0x31f, 42, [structIf(2, u8s(0xca, 1, 2, 1))], [structIf(2, out)])).toBe(
      `ioctl(-1, HDIO_DRIVE_CMD, {command=ATA_CMD_WRITE, sector_number=1, feature=2, sector_count=1} => {status=0xca, error=1, nsector=2, buf="${"\\x78".repeat(32)}"...}) = 42\n`,
    );
    // The data runs into an unreadable page: its address.
    const cut: Capture = { ...structIf(2, u8s(0xa5, 0xa5, 0xa5, 0xa5)), status: CaptureStatus.PARTIAL };
    expect(await line(0x31f, 42, [structIf(2, u8s(0xa5, 0xa5, 0xa5, 0xa5))], [cut])).toBe(
      "ioctl(-1, HDIO_DRIVE_CMD, {command=0xa5 /* ATA_CMD_??? */, sector_number=165, feature=165, sector_count=165} => {status=0xa5, error=165, nsector=165, buf=0x7ffc0004}) = 42\n",
    );
  });

  it("HDIO_SET_NICE's bits as `1 << IDE_NICE_*`, restyled whole under -X verbose", async () => {
    const nice = (v: number, options: DecoderOptions = {}) =>
      createDecoder(options).then((d) =>
        d.decodeToString(concat(enter(100, nr("ioctl"), [-1, 0x329, v]), exit(100, nr("ioctl"), EBADF))),
      );
    expect(await nice(0x1b)).toBe(
      "ioctl(-1, HDIO_SET_NICE, 1 << IDE_NICE_DSC_OVERLAP|1 << IDE_NICE_ATAPI_OVERLAP|1 << IDE_NICE_1|1 << IDE_NICE_2) = -1 EBADF (Bad file descriptor)\n",
    );
    expect(await nice(0x100)).toBe(
      "ioctl(-1, HDIO_SET_NICE, 0x100 /* IDE_NICE_??? */) = -1 EBADF (Bad file descriptor)\n",
    );
    expect(await nice(0x1b, { constStyle: "verbose" })).toBe(
      "ioctl(-1, 0x329 /* HDIO_SET_NICE */, 0x1b /* 1 << IDE_NICE_DSC_OVERLAP|1 << IDE_NICE_ATAPI_OVERLAP|1 << IDE_NICE_1|1 << IDE_NICE_2 */) = -1 EBADF (Bad file descriptor)\n",
    );
  });

  it("bracketed scalars: modem lines, lirc features, three ints in hex", async () => {
    expect(await line(0x5418, EBADF, [structIf(2, bytes(4, [[0, 4, 0x10006]]))], [])).toBe(
      "ioctl(-1, TIOCMSET, [TIOCM_DTR|TIOCM_RTS|0x10000]) = -1 EBADF (Bad file descriptor)\n",
    );
    expect(await line(0x80046900, 42, [], [structIf(2, bytes(4, [[0, 4, 2]]))])).toBe(
      "ioctl(-1, LIRC_GET_FEATURES, [LIRC_CAN_SEND_PULSE]) = 42\n",
    );
    const three = bytes(12, [
      [0, 4, 1],
      [4, 4, 2],
      [8, 4, 0xffffffff],
    ]);
    expect(await line(0x31c, EBADF, [structIf(2, three)], [])).toBe(
      "ioctl(-1, HDIO_DRIVE_RESET, [0x1, 0x2, 0xffffffff]) = -1 EBADF (Bad file descriptor)\n",
    );
  });

  it("FS_IOC_FIEMAP: the request, then with -v the extents the kernel mapped", async () => {
    const fm = new Uint8Array(32 + 2 * 56).fill(0xa5);
    const v = new DataView(fm.buffer);
    v.setUint32(16, 0x101, true);
    v.setUint32(20, 2, true);
    const ext =
      "{fe_logical=11936128518282651045, fe_physical=11936128518282651045, fe_length=11936128518282651045, fe_flags=FIEMAP_EXTENT_LAST|FIEMAP_EXTENT_DELALLOC|FIEMAP_EXTENT_DATA_ENCRYPTED|FIEMAP_EXTENT_NOT_ALIGNED|FIEMAP_EXTENT_DATA_TAIL|FIEMAP_EXTENT_SHARED|0xa5a58020}";
    const cut: Capture = { ...structIf(2, fm), status: CaptureStatus.PARTIAL };
    expect(await line(0xc020660b, 42, [structIf(2, fm.slice(0, 32))], [cut], { verbose: true })).toBe(
      `ioctl(-1, FS_IOC_FIEMAP, {fm_start=11936128518282651045, fm_length=11936128518282651045, fm_flags=FIEMAP_FLAG_SYNC|0x100, fm_extent_count=2779096485} => {fm_flags=FIEMAP_FLAG_SYNC|0x100, fm_mapped_extents=2, fm_extents=[${ext}, ${ext}]}) = 42\n`,
    );
    // The call failed: the request only.
    expect(await line(0xc020660b, EBADF, [structIf(2, fm.slice(0, 32))], [])).toBe(
      "ioctl(-1, FS_IOC_FIEMAP, {fm_start=11936128518282651045, fm_length=11936128518282651045, fm_flags=FIEMAP_FLAG_SYNC|0x100, fm_extent_count=2779096485}) = -1 EBADF (Bad file descriptor)\n",
    );
  });
});
