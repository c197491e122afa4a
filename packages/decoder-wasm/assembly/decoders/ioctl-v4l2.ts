// Video4Linux2 (strace 6.1's v4l2.c): the VIDIOC_* structs, from the field offsets of
// linux/videodev2.h's uapi structs (../layouts) and the v4l2_* constant tables. A request the
// kernel answers prints what the caller asked at entry and leaves the struct open; its exit
// (ioctl-structs.ts's EXIT_CONTINUE) adds what the kernel wrote and closes it. An entry that has
// nothing more to show closes the struct itself and says so ({@link v4l2EntryClosed}).

import { capData, capLen, findCap, isError } from "../call";
import {
  SIZEOF_V4L2_BUFFER,
  SIZEOF_V4L2_CAPABILITY,
  SIZEOF_V4L2_CLIP,
  SIZEOF_V4L2_CONTROL,
  SIZEOF_V4L2_CREATE_BUFFERS,
  SIZEOF_V4L2_CROP,
  SIZEOF_V4L2_CROPCAP,
  SIZEOF_V4L2_EXT_CONTROL,
  SIZEOF_V4L2_EXT_CONTROLS,
  SIZEOF_V4L2_FMTDESC,
  SIZEOF_V4L2_FORMAT,
  SIZEOF_V4L2_FRAMEBUFFER,
  SIZEOF_V4L2_FRMIVALENUM,
  SIZEOF_V4L2_FRMSIZEENUM,
  SIZEOF_V4L2_INPUT,
  SIZEOF_V4L2_PLANE_PIX_FORMAT,
  SIZEOF_V4L2_QUERY_EXT_CTRL,
  SIZEOF_V4L2_QUERYCTRL,
  SIZEOF_V4L2_REQUESTBUFFERS,
  SIZEOF_V4L2_STANDARD,
  SIZEOF_V4L2_STREAMPARM,
  SIZEOF_V4L2_TUNER,
  V4L2_BUFFER_BYTESUSED,
  V4L2_BUFFER_FLAGS,
  V4L2_BUFFER_INDEX,
  V4L2_BUFFER_LENGTH,
  V4L2_BUFFER_M,
  V4L2_BUFFER_MEMORY,
  V4L2_BUFFER_TIMESTAMP,
  V4L2_BUFFER_TYPE,
  V4L2_CAPABILITY_BUS_INFO,
  V4L2_CAPABILITY_CAPABILITIES,
  V4L2_CAPABILITY_CARD,
  V4L2_CAPABILITY_DEVICE_CAPS,
  V4L2_CAPABILITY_DRIVER,
  V4L2_CAPABILITY_VERSION,
  V4L2_CAPTUREPARM_CAPABILITY,
  V4L2_CAPTUREPARM_CAPTUREMODE,
  V4L2_CAPTUREPARM_EXTENDEDMODE,
  V4L2_CAPTUREPARM_READBUFFERS,
  V4L2_CAPTUREPARM_TIMEPERFRAME,
  V4L2_CLIP_C,
  V4L2_CONTROL_ID,
  V4L2_CONTROL_VALUE,
  V4L2_CREATE_BUFFERS_COUNT,
  V4L2_CREATE_BUFFERS_FORMAT,
  V4L2_CREATE_BUFFERS_INDEX,
  V4L2_CREATE_BUFFERS_MEMORY,
  V4L2_CROP_C,
  V4L2_CROP_TYPE,
  V4L2_CROPCAP_BOUNDS,
  V4L2_CROPCAP_DEFRECT,
  V4L2_CROPCAP_PIXELASPECT,
  V4L2_CROPCAP_TYPE,
  V4L2_EXT_CONTROL_ID,
  V4L2_EXT_CONTROL_SIZE,
  V4L2_EXT_CONTROL_STRING,
  V4L2_EXT_CONTROL_VALUE,
  V4L2_EXT_CONTROL_VALUE64,
  V4L2_EXT_CONTROLS_CONTROLS,
  V4L2_EXT_CONTROLS_COUNT,
  V4L2_EXT_CONTROLS_CTRL_CLASS,
  V4L2_EXT_CONTROLS_ERROR_IDX,
  V4L2_FMTDESC_DESCRIPTION,
  V4L2_FMTDESC_FLAGS,
  V4L2_FMTDESC_INDEX,
  V4L2_FMTDESC_PIXELFORMAT,
  V4L2_FMTDESC_TYPE,
  V4L2_FORMAT_FMT,
  V4L2_FORMAT_TYPE,
  V4L2_FRAMEBUFFER_BASE,
  V4L2_FRAMEBUFFER_CAPABILITY,
  V4L2_FRAMEBUFFER_FLAGS,
  V4L2_FRMIVAL_STEPWISE_MAX,
  V4L2_FRMIVAL_STEPWISE_MIN,
  V4L2_FRMIVAL_STEPWISE_STEP,
  V4L2_FRMIVALENUM_DISCRETE,
  V4L2_FRMIVALENUM_HEIGHT,
  V4L2_FRMIVALENUM_INDEX,
  V4L2_FRMIVALENUM_PIXEL_FORMAT,
  V4L2_FRMIVALENUM_STEPWISE,
  V4L2_FRMIVALENUM_TYPE,
  V4L2_FRMIVALENUM_WIDTH,
  V4L2_FRMSIZE_DISCRETE_HEIGHT,
  V4L2_FRMSIZE_DISCRETE_WIDTH,
  V4L2_FRMSIZE_STEPWISE_MAX_HEIGHT,
  V4L2_FRMSIZE_STEPWISE_MAX_WIDTH,
  V4L2_FRMSIZE_STEPWISE_MIN_HEIGHT,
  V4L2_FRMSIZE_STEPWISE_MIN_WIDTH,
  V4L2_FRMSIZE_STEPWISE_STEP_HEIGHT,
  V4L2_FRMSIZE_STEPWISE_STEP_WIDTH,
  V4L2_FRMSIZEENUM_DISCRETE,
  V4L2_FRMSIZEENUM_INDEX,
  V4L2_FRMSIZEENUM_PIXEL_FORMAT,
  V4L2_FRMSIZEENUM_STEPWISE,
  V4L2_FRMSIZEENUM_TYPE,
  V4L2_INPUT_INDEX,
  V4L2_INPUT_NAME,
  V4L2_INPUT_TYPE,
  V4L2_META_FORMAT_BUFFERSIZE,
  V4L2_META_FORMAT_DATAFORMAT,
  V4L2_OUTPUTPARM_CAPABILITY,
  V4L2_OUTPUTPARM_EXTENDEDMODE,
  V4L2_OUTPUTPARM_OUTPUTMODE,
  V4L2_OUTPUTPARM_TIMEPERFRAME,
  V4L2_OUTPUTPARM_WRITEBUFFERS,
  V4L2_PIX_FORMAT_BYTESPERLINE,
  V4L2_PIX_FORMAT_COLORSPACE,
  V4L2_PIX_FORMAT_FIELD,
  V4L2_PIX_FORMAT_HEIGHT,
  V4L2_PIX_FORMAT_MPLANE_COLORSPACE,
  V4L2_PIX_FORMAT_MPLANE_FIELD,
  V4L2_PIX_FORMAT_MPLANE_HEIGHT,
  V4L2_PIX_FORMAT_MPLANE_NUM_PLANES,
  V4L2_PIX_FORMAT_MPLANE_PIXELFORMAT,
  V4L2_PIX_FORMAT_MPLANE_PLANE_FMT,
  V4L2_PIX_FORMAT_MPLANE_WIDTH,
  V4L2_PIX_FORMAT_PIXELFORMAT,
  V4L2_PIX_FORMAT_SIZEIMAGE,
  V4L2_PIX_FORMAT_WIDTH,
  V4L2_PLANE_PIX_FORMAT_BYTESPERLINE,
  V4L2_PLANE_PIX_FORMAT_SIZEIMAGE,
  V4L2_QUERY_EXT_CTRL_DEFAULT_VALUE,
  V4L2_QUERY_EXT_CTRL_DIMS,
  V4L2_QUERY_EXT_CTRL_ELEM_SIZE,
  V4L2_QUERY_EXT_CTRL_ELEMS,
  V4L2_QUERY_EXT_CTRL_FLAGS,
  V4L2_QUERY_EXT_CTRL_ID,
  V4L2_QUERY_EXT_CTRL_MAXIMUM,
  V4L2_QUERY_EXT_CTRL_MINIMUM,
  V4L2_QUERY_EXT_CTRL_NAME,
  V4L2_QUERY_EXT_CTRL_NR_OF_DIMS,
  V4L2_QUERY_EXT_CTRL_RESERVED,
  V4L2_QUERY_EXT_CTRL_STEP,
  V4L2_QUERY_EXT_CTRL_TYPE,
  V4L2_QUERYCTRL_DEFAULT_VALUE,
  V4L2_QUERYCTRL_FLAGS,
  V4L2_QUERYCTRL_ID,
  V4L2_QUERYCTRL_MAXIMUM,
  V4L2_QUERYCTRL_MINIMUM,
  V4L2_QUERYCTRL_NAME,
  V4L2_QUERYCTRL_RESERVED,
  V4L2_QUERYCTRL_STEP,
  V4L2_QUERYCTRL_TYPE,
  V4L2_RECT_HEIGHT,
  V4L2_RECT_LEFT,
  V4L2_RECT_TOP,
  V4L2_RECT_WIDTH,
  V4L2_REQUESTBUFFERS_COUNT,
  V4L2_REQUESTBUFFERS_MEMORY,
  V4L2_REQUESTBUFFERS_TYPE,
  V4L2_SDR_FORMAT_BUFFERSIZE,
  V4L2_SDR_FORMAT_PIXELFORMAT,
  V4L2_SLICED_VBI_FORMAT_IO_SIZE,
  V4L2_SLICED_VBI_FORMAT_SERVICE_LINES,
  V4L2_SLICED_VBI_FORMAT_SERVICE_SET,
  V4L2_STANDARD_FRAMELINES,
  V4L2_STANDARD_FRAMEPERIOD,
  V4L2_STANDARD_INDEX,
  V4L2_STANDARD_NAME,
  V4L2_STREAMPARM_PARM,
  V4L2_STREAMPARM_TYPE,
  V4L2_TUNER_AFC,
  V4L2_TUNER_AUDMODE,
  V4L2_TUNER_CAPABILITY,
  V4L2_TUNER_INDEX,
  V4L2_TUNER_NAME,
  V4L2_TUNER_RANGEHIGH,
  V4L2_TUNER_RANGELOW,
  V4L2_TUNER_RXSUBCHANS,
  V4L2_TUNER_SIGNAL,
  V4L2_TUNER_TYPE,
  V4L2_VBI_FORMAT_COUNT,
  V4L2_VBI_FORMAT_FLAGS,
  V4L2_VBI_FORMAT_OFFSET,
  V4L2_VBI_FORMAT_SAMPLE_FORMAT,
  V4L2_VBI_FORMAT_SAMPLES_PER_LINE,
  V4L2_VBI_FORMAT_SAMPLING_RATE,
  V4L2_VBI_FORMAT_START,
  V4L2_WINDOW_BITMAP,
  V4L2_WINDOW_CHROMAKEY,
  V4L2_WINDOW_CLIPCOUNT,
  V4L2_WINDOW_CLIPS,
  V4L2_WINDOW_FIELD,
  V4L2_WINDOW_GLOBAL_ALPHA,
  V4L2_WINDOW_W,
} from "../layouts";
import { strsize, verbose, xflag, xlatStyle } from "../options";
import { outLen, putc, puts } from "../out";
import {
  findPointee,
  findPointeeEach,
  nextPointeeEach,
  peData,
  peGot,
  pePtr,
  ptData,
  ptLen,
  ptWanted,
} from "../pointee";
import { putAddr, putHex, putI64, putU64 } from "../print/num";
import { quote } from "../print/quote";
import { FMT_HEX, restyle } from "../print/style";
import { printEnum, printFlags, putRef } from "../print/xlat";
import { CK_STRUCT_IF } from "../record";
import { entryName, entryValue, lookup, NO_REF, strEq, tableCount } from "../tables";
import { printKernelVersion } from "./bpf";
import {
  F_CSTRING,
  F_D,
  F_FLAGS,
  F_PTR,
  F_U,
  F_X,
  F_XVAL,
  Field,
  isIoctlRequest,
  isZero,
  printFields,
  printNumArray,
  putChar,
  putCStringField,
} from "./ioctl-fields";
import { nlTable } from "./nl-print";

/** The argument every VIDIOC_* request points with. */
const ARG: u32 = 2;

/** linux/videodev2.h enum v4l2_buf_type's values that choose a format's union member. */
const BUF_VIDEO_CAPTURE: u32 = 1;
const BUF_VIDEO_OUTPUT: u32 = 2;
const BUF_VIDEO_OVERLAY: u32 = 3;
const BUF_VBI_CAPTURE: u32 = 4;
const BUF_VBI_OUTPUT: u32 = 5;
const BUF_SLICED_VBI_CAPTURE: u32 = 6;
const BUF_SLICED_VBI_OUTPUT: u32 = 7;
const BUF_VIDEO_OUTPUT_OVERLAY: u32 = 8;
const BUF_VIDEO_CAPTURE_MPLANE: u32 = 9;
const BUF_VIDEO_OUTPUT_MPLANE: u32 = 10;
const BUF_SDR_CAPTURE: u32 = 11;
const BUF_SDR_OUTPUT: u32 = 12;
const BUF_META_CAPTURE: u32 = 13;
const BUF_META_OUTPUT: u32 = 14;

/** enum v4l2_memory: MMAP buffers carry an offset, USERPTR ones a pointer. */
const MEMORY_MMAP: u32 = 1;
const MEMORY_USERPTR: u32 = 2;
/** V4L2_BUF_FLAG_TIMESTAMP_MASK and V4L2_BUF_FLAG_TSTAMP_SRC_MASK: two fields inside the flags. */
const TIMESTAMP_MASK: u32 = 0xe000;
const TSTAMP_SRC_MASK: u32 = 0x70000;
/** V4L2_FRMSIZE_TYPE_* / V4L2_FRMIVAL_TYPE_*: discrete, continuous, stepwise. */
const FRM_DISCRETE: u32 = 1;
const FRM_CONTINUOUS: u32 = 2;
const FRM_STEPWISE: u32 = 3;
/** V4L2_CTRL_FLAG_NEXT_CTRL | V4L2_CTRL_FLAG_NEXT_COMPOUND: the query flags a control id may carry. */
const CID_NEXT_FLAGS: u32 = 0xc0000000;
/** Controls of one class are numbered from the class's base, below the next 0x10000. */
const CLASS_SPAN: u32 = 0x10000;

let entryClosed = false;

/** The v4l2 entry printer closed its struct: the call needs no exit (strace's RVAL_IOCTL_DECODED). */
export function v4l2EntryClosed(): bool {
  const c = entryClosed;
  entryClosed = false;
  return c;
}

/** VIDIOC_CREATE_BUFS' answer, shown after the return value. */
let auxIndex: u32 = 0;
let auxCount: u32 = 0;

/** ` ({index=N, count=M})`: the buffers VIDIOC_CREATE_BUFS made (strace's auxstr). */
export function printV4l2Aux(): void {
  puts(" ({index=");
  putU64(<u64>auxIndex);
  puts(", count=");
  putU64(<u64>auxCount);
  puts("})");
}

function u32At(p: usize, off: u32): u32 {
  return load<u32>(p + <usize>off);
}

function name(n: string): void {
  puts(n);
  putc(0x3d);
}

function next(n: string): void {
  puts(", ");
  name(n);
}

function fieldU(n: string, v: u64): void {
  name(n);
  putU64(v);
}

function enumOf(table: string, v: u64): void {
  printEnum(nlTable(table), v);
}

function flagsOf(table: string, v: u64): void {
  printFlags(nlTable(table), v);
}

/** PRINT_FIELD_X: `0x…` (restyled under -X). */
function hexValue(v: u64): void {
  const start = outLen;
  putHex(v);
  restyle(start, v, FMT_HEX);
}

/** `v4l2_fourcc('R', 'G', 'B', '3') /* V4L2_PIX_FMT_RGB24 *\/` (the number with -X raw). */
function putFourcc(v: u32, table: string): void {
  if (xlatStyle == 1) {
    putHex(<u64>v);
    return;
  }
  puts("v4l2_fourcc(");
  for (let i: u32 = 0; i < 4; i++) {
    if (i > 0) puts(", ");
    putChar((v >> (i * 8)) & 0xff);
  }
  putc(0x29);
  if (table.length == 0) return;
  const ref = lookup(nlTable(table), <u64>v);
  if (ref == NO_REF) return;
  puts(" /* ");
  putRef(ref);
  puts(" */");
}

const RECT: Field[] = [
  new Field("left", V4L2_RECT_LEFT, 4, F_D),
  new Field("top", V4L2_RECT_TOP, 4, F_D),
  new Field("width", V4L2_RECT_WIDTH, 4, F_U),
  new Field("height", V4L2_RECT_HEIGHT, 4, F_U),
];

/** `{left=-1, top=2, width=3, height=4}` (struct v4l2_rect). */
function putRect(p: usize): void {
  putc(0x7b);
  printFields(p, RECT);
  putc(0x7d);
}

/** `N/D` (struct v4l2_fract). */
function putFract(p: usize): void {
  putU64(<u64>load<u32>(p));
  putc(0x2f);
  putU64(<u64>load<u32>(p + 4));
}

function fieldFract(n: string, p: usize): void {
  name(n);
  putFract(p);
}

function fieldRect(n: string, p: usize): void {
  name(n);
  putRect(p);
}

/**
 * A pointer field's array, read by core's POINTEE capture of the pointer `ptrOff` bytes into the
 * struct (strace's print_array): `[e0, e1, …]`, cut after -s elements with `...`, `... /* addr *\/`
 * where the tracee's memory ends, the bare address when none of it is readable, NULL for NULL.
 * False when the array could not be printed whole (strace's print_array result).
 */
function printPointedArray(
  ptrOff: u32,
  ptr: u64,
  count: u64,
  elemSize: u32,
  atExit: bool,
  elem: (p: usize) => void,
): bool {
  // An empty array prints as one, yet counts as not printed (print_array's result).
  if (count == 0) {
    puts("[]");
    return false;
  }
  if (ptr == 0) {
    puts("NULL");
    return false;
  }
  // What the kernel wrote back is read at exit; a failed call's exit shows what was passed.
  if (!findPointee(ARG, ptrOff, atExit) && !(atExit && findPointee(ARG, ptrOff, false))) {
    putAddr(ptr);
    return false;
  }
  if (ptLen < elemSize) {
    putAddr(ptr);
    return false;
  }
  putc(0x5b);
  let i: u64 = 0;
  for (; i < count; i++) {
    if (i > 0) puts(", ");
    if (i >= <u64>strsize) {
      puts("...");
      putc(0x5d);
      return false;
    }
    const end = (i + 1) * <u64>elemSize;
    if (end > <u64>ptLen) {
      puts("...");
      // Past what the capture asked for, strace would have printed more: the -s cut says so.
      if (end <= <u64>ptWanted) {
        puts(" /* ");
        putHex(ptr + i * <u64>elemSize);
        puts(" */");
      }
      putc(0x5d);
      return false;
    }
    elem(ptData + <usize>(i * <u64>elemSize));
  }
  putc(0x5d);
  return true;
}

function printClip(p: usize): void {
  puts("{c=");
  putRect(p + <usize>V4L2_CLIP_C);
  putc(0x7d);
}

function printPlane(p: usize): void {
  putc(0x7b);
  fieldU("sizeimage", <u64>u32At(p, V4L2_PLANE_PIX_FORMAT_SIZEIMAGE));
  next("bytesperline");
  putU64(<u64>u32At(p, V4L2_PLANE_PIX_FORMAT_BYTESPERLINE));
  putc(0x7d);
}

/** struct v4l2_pix_format and, for the multi-planar types, v4l2_pix_format_mplane. */
function printPix(f: usize): void {
  putc(0x7b);
  fieldU("width", <u64>u32At(f, V4L2_PIX_FORMAT_WIDTH));
  next("height");
  putU64(<u64>u32At(f, V4L2_PIX_FORMAT_HEIGHT));
  next("pixelformat");
  putFourcc(u32At(f, V4L2_PIX_FORMAT_PIXELFORMAT), "v4l2_pix_fmts");
  next("field");
  enumOf("v4l2_fields", <u64>u32At(f, V4L2_PIX_FORMAT_FIELD));
  next("bytesperline");
  putU64(<u64>u32At(f, V4L2_PIX_FORMAT_BYTESPERLINE));
  next("sizeimage");
  putU64(<u64>u32At(f, V4L2_PIX_FORMAT_SIZEIMAGE));
  next("colorspace");
  enumOf("v4l2_colorspaces", <u64>u32At(f, V4L2_PIX_FORMAT_COLORSPACE));
  putc(0x7d);
}

/** The plane formats a struct v4l2_pix_format_mplane holds (VIDEO_MAX_PLANES). */
const MAX_PLANES: u32 = 8;

function printPixMp(f: usize): void {
  putc(0x7b);
  fieldU("width", <u64>u32At(f, V4L2_PIX_FORMAT_MPLANE_WIDTH));
  next("height");
  putU64(<u64>u32At(f, V4L2_PIX_FORMAT_MPLANE_HEIGHT));
  next("pixelformat");
  putFourcc(u32At(f, V4L2_PIX_FORMAT_MPLANE_PIXELFORMAT), "v4l2_pix_fmts");
  next("field");
  enumOf("v4l2_fields", <u64>u32At(f, V4L2_PIX_FORMAT_MPLANE_FIELD));
  next("colorspace");
  enumOf("v4l2_colorspaces", <u64>u32At(f, V4L2_PIX_FORMAT_MPLANE_COLORSPACE));
  const planes = <u32>load<u8>(f + <usize>V4L2_PIX_FORMAT_MPLANE_NUM_PLANES);
  // PRINT_FIELD_ARRAY_UPTO: the planes num_planes says, at most the array's.
  next("plane_fmt");
  putc(0x5b);
  const n = planes < MAX_PLANES ? planes : MAX_PLANES;
  for (let i: u32 = 0; i < n; i++) {
    if (i > 0) puts(", ");
    printPlane(f + <usize>(V4L2_PIX_FORMAT_MPLANE_PLANE_FMT + i * SIZEOF_V4L2_PLANE_PIX_FORMAT));
  }
  putc(0x5d);
  next("num_planes");
  putU64(<u64>planes);
  putc(0x7d);
}

/**
 * struct v4l2_window, `fmtOff` bytes into the argument's struct: the clip list is read through its
 * pointer (false when it could not be).
 */
function printWin(f: usize, fmtOff: u32, atExit: bool): bool {
  putc(0x7b);
  fieldRect("w", f + <usize>V4L2_WINDOW_W);
  next("field");
  enumOf("v4l2_fields", <u64>u32At(f, V4L2_WINDOW_FIELD));
  next("chromakey");
  hexValue(<u64>u32At(f, V4L2_WINDOW_CHROMAKEY));
  next("clips");
  const ok = printPointedArray(
    fmtOff + V4L2_WINDOW_CLIPS,
    load<u64>(f + <usize>V4L2_WINDOW_CLIPS),
    <u64>u32At(f, V4L2_WINDOW_CLIPCOUNT),
    SIZEOF_V4L2_CLIP,
    atExit,
    printClip,
  );
  next("clipcount");
  putU64(<u64>u32At(f, V4L2_WINDOW_CLIPCOUNT));
  next("bitmap");
  putAddr(load<u64>(f + <usize>V4L2_WINDOW_BITMAP));
  const alpha = load<u8>(f + <usize>V4L2_WINDOW_GLOBAL_ALPHA);
  if (alpha != 0) {
    next("global_alpha");
    hexValue(<u64>alpha);
  }
  putc(0x7d);
  return ok;
}

function printVbi(f: usize): void {
  putc(0x7b);
  fieldU("sampling_rate", <u64>u32At(f, V4L2_VBI_FORMAT_SAMPLING_RATE));
  next("offset");
  putU64(<u64>u32At(f, V4L2_VBI_FORMAT_OFFSET));
  next("samples_per_line");
  putU64(<u64>u32At(f, V4L2_VBI_FORMAT_SAMPLES_PER_LINE));
  next("sample_format");
  putFourcc(u32At(f, V4L2_VBI_FORMAT_SAMPLE_FORMAT), "v4l2_pix_fmts");
  next("start");
  putc(0x5b);
  putI64(<i64>load<i32>(f + <usize>V4L2_VBI_FORMAT_START));
  puts(", ");
  putI64(<i64>load<i32>(f + <usize>(V4L2_VBI_FORMAT_START + 4)));
  putc(0x5d);
  next("count");
  printNumArray(f + <usize>V4L2_VBI_FORMAT_COUNT, 2, 4, false);
  next("flags");
  flagsOf("v4l2_vbi_flags", <u64>u32At(f, V4L2_VBI_FORMAT_FLAGS));
  putc(0x7d);
}

/** struct v4l2_sliced_vbi_format's service_lines: two fields of 24 lines' __u16 services. */
const SLICED_LINES: u32 = 24;

function printSliced(f: usize): void {
  putc(0x7b);
  name("service_set");
  flagsOf("v4l2_sliced_flags", <u64>load<u16>(f + <usize>V4L2_SLICED_VBI_FORMAT_SERVICE_SET));
  next("service_lines");
  putc(0x5b);
  for (let i: u32 = 0; i < 2; i++) {
    if (i > 0) puts(", ");
    // PRINT_FIELD_X_ARRAY2D: every line, whatever -s says.
    const row = f + <usize>(V4L2_SLICED_VBI_FORMAT_SERVICE_LINES + i * SLICED_LINES * 2);
    putc(0x5b);
    for (let j: u32 = 0; j < SLICED_LINES; j++) {
      if (j > 0) puts(", ");
      hexValue(<u64>load<u16>(row + <usize>(j * 2)));
    }
    putc(0x5d);
  }
  putc(0x5d);
  next("io_size");
  putU64(<u64>u32At(f, V4L2_SLICED_VBI_FORMAT_IO_SIZE));
  putc(0x7d);
}

function printSdr(f: usize): void {
  putc(0x7b);
  name("pixelformat");
  putFourcc(u32At(f, V4L2_SDR_FORMAT_PIXELFORMAT), "v4l2_sdr_fmts");
  const size = u32At(f, V4L2_SDR_FORMAT_BUFFERSIZE);
  if (size != 0) {
    next("buffersize");
    putU64(<u64>size);
  }
  putc(0x7d);
}

function printMeta(f: usize): void {
  putc(0x7b);
  name("dataformat");
  putFourcc(u32At(f, V4L2_META_FORMAT_DATAFORMAT), "v4l2_meta_fmts");
  next("buffersize");
  putU64(<u64>u32At(f, V4L2_META_FORMAT_BUFFERSIZE));
  putc(0x7d);
}

/**
 * The format union's member for the buffer type (the v4l2_format at p, `off` bytes into the
 * argument's struct), after `prefix`; false: none, or its clip list unprinted.
 */
function printFormatFmt(p: usize, off: u32, prefix: string, atExit: bool): bool {
  const f = p + <usize>V4L2_FORMAT_FMT;
  const t = u32At(p, V4L2_FORMAT_TYPE);
  if (t == BUF_VIDEO_CAPTURE || t == BUF_VIDEO_OUTPUT) {
    puts(prefix);
    name("fmt.pix");
    printPix(f);
  } else if (t == BUF_VIDEO_CAPTURE_MPLANE || t == BUF_VIDEO_OUTPUT_MPLANE) {
    puts(prefix);
    name("fmt.pix_mp");
    printPixMp(f);
  } else if (t == BUF_VIDEO_OUTPUT_OVERLAY || t == BUF_VIDEO_OVERLAY) {
    puts(prefix);
    name("fmt.win");
    return printWin(f, off + V4L2_FORMAT_FMT, atExit);
  } else if (t == BUF_VBI_CAPTURE || t == BUF_VBI_OUTPUT) {
    puts(prefix);
    name("fmt.vbi");
    printVbi(f);
  } else if (t == BUF_SLICED_VBI_CAPTURE || t == BUF_SLICED_VBI_OUTPUT) {
    puts(prefix);
    name("fmt.sliced");
    printSliced(f);
  } else if (t == BUF_SDR_OUTPUT || t == BUF_SDR_CAPTURE) {
    puts(prefix);
    name("fmt.sdr");
    printSdr(f);
  } else if (t == BUF_META_OUTPUT || t == BUF_META_CAPTURE) {
    puts(prefix);
    name("fmt.meta");
    printMeta(f);
  } else return false;
  return true;
}

/** VIDIOC_G_FMT / S_FMT / TRY_FMT: the buffer type, then (S, TRY, and G's answer) its format. */
function printFormat(p: usize, atExit: bool): void {
  const get = isIoctlRequest("VIDIOC_G_FMT");
  if (!atExit) {
    putc(0x7b);
    name("type");
    enumOf("v4l2_buf_types", <u64>u32At(p, V4L2_FORMAT_TYPE));
    if (get) return;
    if (!printFormatFmt(p, 0, ", ", false)) {
      putc(0x7d);
      entryClosed = true;
    }
    return;
  }
  printFormatFmt(p, 0, get ? ", " : "} => {", true);
  putc(0x7d);
}

/** PRINT_FIELD_V4L2_BUFFER_FLAGS: the flag bits, then the timestamp type and source fields. */
function printBufferFlags(v: u32): void {
  if (xlatStyle == 1) {
    putHex(<u64>v);
    return;
  }
  const tsType = v & TIMESTAMP_MASK;
  const tsSrc = v & TSTAMP_SRC_MASK;
  const flags = v & ~tsType & ~tsSrc;
  if (flags != 0) {
    flagsOf("v4l2_buf_flags", <u64>flags);
    putc(0x7c);
  }
  enumOf("v4l2_buf_flags_ts_type", <u64>tsType);
  putc(0x7c);
  enumOf("v4l2_buf_flags_ts_src", <u64>tsSrc);
}

/** VIDIOC_QUERYBUF / QBUF / DQBUF: the buffer asked for, then what the driver says of it. */
function printBuffer(p: usize, atExit: bool): void {
  const dq = isIoctlRequest("VIDIOC_DQBUF");
  if (!atExit) {
    putc(0x7b);
    name("type");
    enumOf("v4l2_buf_types", <u64>u32At(p, V4L2_BUFFER_TYPE));
    if (!dq) next("index");
    if (!dq) putU64(<u64>u32At(p, V4L2_BUFFER_INDEX));
    return;
  }
  if (dq) {
    next("index");
    putU64(<u64>u32At(p, V4L2_BUFFER_INDEX));
  }
  const memory = u32At(p, V4L2_BUFFER_MEMORY);
  next("memory");
  enumOf("v4l2_memories", <u64>memory);
  if (memory == MEMORY_MMAP) {
    next("m.offset");
    hexValue(<u64>u32At(p, V4L2_BUFFER_M));
  } else if (memory == MEMORY_USERPTR) {
    next("m.userptr");
    putAddr(load<u64>(p + <usize>V4L2_BUFFER_M));
  }
  next("length");
  putU64(<u64>u32At(p, V4L2_BUFFER_LENGTH));
  next("bytesused");
  putU64(<u64>u32At(p, V4L2_BUFFER_BYTESUSED));
  next("flags");
  printBufferFlags(u32At(p, V4L2_BUFFER_FLAGS));
  if (dq) {
    next("timestamp");
    puts("{tv_sec=");
    putI64(load<i64>(p + <usize>V4L2_BUFFER_TIMESTAMP));
    puts(", tv_usec=");
    putI64(load<i64>(p + <usize>(V4L2_BUFFER_TIMESTAMP + 8)));
    putc(0x7d);
  }
  puts(", ...}");
}

const CAPTUREPARM: Field[] = [
  new Field("capability", V4L2_CAPTUREPARM_CAPABILITY, 4, F_FLAGS, "v4l2_streaming_capabilities"),
  new Field("capturemode", V4L2_CAPTUREPARM_CAPTUREMODE, 4, F_FLAGS, "v4l2_capture_modes"),
];
const OUTPUTPARM: Field[] = [
  new Field("capability", V4L2_OUTPUTPARM_CAPABILITY, 4, F_FLAGS, "v4l2_streaming_capabilities"),
  new Field("outputmode", V4L2_OUTPUTPARM_OUTPUTMODE, 4, F_FLAGS, "v4l2_capture_modes"),
];

/** struct v4l2_captureparm (`capture`) or v4l2_outputparm, as `parm.<member>={…}`. */
function printStreamparmParm(p: usize): void {
  const parm = p + <usize>V4L2_STREAMPARM_PARM;
  if (u32At(p, V4L2_STREAMPARM_TYPE) == BUF_VIDEO_CAPTURE) {
    puts("parm.capture={");
    printFields(parm, CAPTUREPARM);
    next("timeperframe");
    putFract(parm + <usize>V4L2_CAPTUREPARM_TIMEPERFRAME);
    next("extendedmode");
    hexValue(<u64>u32At(parm, V4L2_CAPTUREPARM_EXTENDEDMODE));
    next("readbuffers");
    putU64(<u64>u32At(parm, V4L2_CAPTUREPARM_READBUFFERS));
  } else {
    puts("parm.output={");
    printFields(parm, OUTPUTPARM);
    next("timeperframe");
    putFract(parm + <usize>V4L2_OUTPUTPARM_TIMEPERFRAME);
    next("extendedmode");
    hexValue(<u64>u32At(parm, V4L2_OUTPUTPARM_EXTENDEDMODE));
    next("writebuffers");
    putU64(<u64>u32At(parm, V4L2_OUTPUTPARM_WRITEBUFFERS));
  }
  putc(0x7d);
}

/** VIDIOC_G_PARM / S_PARM: the streaming parameters of a video capture or output stream. */
function printStreamparm(p: usize, atExit: bool): void {
  const get = isIoctlRequest("VIDIOC_G_PARM");
  if (!atExit) {
    putc(0x7b);
    name("type");
    const t = u32At(p, V4L2_STREAMPARM_TYPE);
    enumOf("v4l2_buf_types", <u64>t);
    if (t != BUF_VIDEO_CAPTURE && t != BUF_VIDEO_OUTPUT) {
      putc(0x7d);
      entryClosed = true;
      return;
    }
    if (get) return;
    puts(", ");
    printStreamparmParm(p);
    return;
  }
  puts(get ? ", " : "} => {");
  printStreamparmParm(p);
  putc(0x7d);
}

const TUNER: Field[] = [
  new Field("name", V4L2_TUNER_NAME, 32, F_CSTRING),
  new Field("type", V4L2_TUNER_TYPE, 4, F_XVAL, "v4l2_tuner_types"),
  new Field("capability", V4L2_TUNER_CAPABILITY, 4, F_FLAGS, "v4l2_tuner_capabilities"),
  new Field("rangelow", V4L2_TUNER_RANGELOW, 4, F_U),
  new Field("rangehigh", V4L2_TUNER_RANGEHIGH, 4, F_U),
  new Field("rxsubchans", V4L2_TUNER_RXSUBCHANS, 4, F_FLAGS, "v4l2_tuner_rxsubchanses"),
  new Field("audmode", V4L2_TUNER_AUDMODE, 4, F_XVAL, "v4l2_tuner_audmodes"),
  new Field("signal", V4L2_TUNER_SIGNAL, 4, F_D),
  new Field("afc", V4L2_TUNER_AFC, 4, F_D),
];

/** VIDIOC_G_TUNER / S_TUNER. */
function printTuner(p: usize, atExit: bool): void {
  const get = isIoctlRequest("VIDIOC_G_TUNER");
  if (!atExit) {
    putc(0x7b);
    fieldU("index", <u64>u32At(p, V4L2_TUNER_INDEX));
    if (get) return;
    printFields(p, TUNER, false);
    return;
  }
  puts(get ? ", " : "} => {");
  printFields(p, TUNER);
  putc(0x7d);
}

/**
 * A control id (print_v4l2_cid): its name, else its class's name plus the offset in the class
 * (`V4L2_CTRL_CLASS_USER+0x1`), else the number with a `V4L2_CID_???` comment; `next`: a
 * query's V4L2_CTRL_FLAG_NEXT_* bits first.
 */
function printCid(cid: u32, withNext: bool): void {
  if (xlatStyle == 1) {
    putHex(<u64>cid);
    return;
  }
  if (withNext) {
    const flags = cid & CID_NEXT_FLAGS;
    if (flags != 0) {
      flagsOf("v4l2_control_query_flags", <u64>flags);
      putc(0x7c);
      cid &= ~flags;
    }
  }
  const ids = nlTable("v4l2_control_ids");
  const ref = lookup(ids, <u64>cid);
  const start = outLen;
  if (ref != NO_REF) {
    putRef(ref);
    restyle(start, <u64>cid, FMT_HEX);
    return;
  }
  // The class whose base is the largest not above the id.
  const classes = nlTable("v4l2_control_classes");
  let base: u64 = 0;
  let cls: i32 = -1;
  if (classes >= 0) {
    const n = tableCount(<u32>classes);
    for (let j: u32 = 0; j < n; j++) {
      const v = entryValue(<u32>classes, j);
      if (v <= <u64>cid && (cls < 0 || v > base)) {
        base = v;
        cls = <i32>j;
      }
    }
  }
  if (cls < 0 || <u64>cid - base >= <u64>CLASS_SPAN) {
    putHex(<u64>cid);
    puts(" /* V4L2_CID_??? */");
    return;
  }
  putRef(entryName(<u32>classes, <u32>cls));
  putc(0x2b);
  putHex(<u64>cid - base);
  restyle(start, <u64>cid, FMT_HEX, true);
}

/** VIDIOC_G_CTRL / S_CTRL: the control, and its value (S's ` => ` what the driver set). */
function printControl(p: usize, atExit: bool): void {
  const get = isIoctlRequest("VIDIOC_G_CTRL");
  const value = <i64>load<i32>(p + <usize>V4L2_CONTROL_VALUE);
  if (!atExit) {
    puts("{id=");
    printCid(u32At(p, V4L2_CONTROL_ID), false);
    if (!get) {
      next("value");
      putI64(value);
    }
    return;
  }
  if (get) next("value");
  else puts(" => ");
  putI64(value);
  putc(0x7d);
}

/** The `reserved` words of a control query, shown only when not all zero. */
function printReserved(p: usize, n: u32): void {
  if (isZero(p, n * 4)) return;
  next("reserved");
  printNumArray(p, n, 4, true);
}

/** The id a control query asked about, as read at entry (its exit shows a changed one). */
function entryCid(off: u32): u32 {
  return findCap(ARG, CK_STRUCT_IF, false) && capLen >= off + 4 ? u32At(capData, off) : 0xffffffff;
}

/** VIDIOC_QUERYCTRL and VIDIOC_QUERY_EXT_CTRL. */
function printQueryCtrl(p: usize, atExit: bool, ext: bool): void {
  const idOff = ext ? V4L2_QUERY_EXT_CTRL_ID : V4L2_QUERYCTRL_ID;
  if (!atExit) {
    puts("{id=");
    printCid(u32At(p, idOff), true);
    return;
  }
  const id = u32At(p, idOff);
  // The entry's capture is looked up last: p (the exit's) is read before it.
  const typ = u32At(p, ext ? V4L2_QUERY_EXT_CTRL_TYPE : V4L2_QUERYCTRL_TYPE);
  const nameAt = p + <usize>(ext ? V4L2_QUERY_EXT_CTRL_NAME : V4L2_QUERYCTRL_NAME);
  const asked = entryCid(idOff);
  if (id != asked) {
    puts(" => ");
    printCid(id, false);
  }
  next("type");
  enumOf("v4l2_control_types", <u64>typ);
  next("name");
  putCStringField(nameAt, 32);
  if (!verbose) {
    puts(", ...}");
    return;
  }
  if (ext) {
    next("minimum");
    putI64(load<i64>(p + <usize>V4L2_QUERY_EXT_CTRL_MINIMUM));
    next("maximum");
    putI64(load<i64>(p + <usize>V4L2_QUERY_EXT_CTRL_MAXIMUM));
    next("step");
    putU64(load<u64>(p + <usize>V4L2_QUERY_EXT_CTRL_STEP));
    next("default_value");
    putI64(load<i64>(p + <usize>V4L2_QUERY_EXT_CTRL_DEFAULT_VALUE));
    next("flags");
    flagsOf("v4l2_control_flags", <u64>u32At(p, V4L2_QUERY_EXT_CTRL_FLAGS));
    next("elem_size");
    putU64(<u64>u32At(p, V4L2_QUERY_EXT_CTRL_ELEM_SIZE));
    next("elems");
    putU64(<u64>u32At(p, V4L2_QUERY_EXT_CTRL_ELEMS));
    const dims = u32At(p, V4L2_QUERY_EXT_CTRL_NR_OF_DIMS);
    next("nr_of_dims");
    putU64(<u64>dims);
    next("dims");
    printUpTo(p + <usize>V4L2_QUERY_EXT_CTRL_DIMS, dims, 4);
    printReserved(p + <usize>V4L2_QUERY_EXT_CTRL_RESERVED, 32);
  } else {
    next("minimum");
    putI64(<i64>load<i32>(p + <usize>V4L2_QUERYCTRL_MINIMUM));
    next("maximum");
    putI64(<i64>load<i32>(p + <usize>V4L2_QUERYCTRL_MAXIMUM));
    next("step");
    putI64(<i64>load<i32>(p + <usize>V4L2_QUERYCTRL_STEP));
    next("default_value");
    putI64(<i64>load<i32>(p + <usize>V4L2_QUERYCTRL_DEFAULT_VALUE));
    next("flags");
    flagsOf("v4l2_control_flags", <u64>u32At(p, V4L2_QUERYCTRL_FLAGS));
    printReserved(p + <usize>V4L2_QUERYCTRL_RESERVED, 2);
  }
  putc(0x7d);
}

/** PRINT_FIELD_ARRAY_UPTO of unsigned ints: the first `n`, at most the array's `size`. */
function printUpTo(p: usize, n: u32, size: u32): void {
  putc(0x5b);
  const shown = n < size ? n : size;
  for (let i: u32 = 0; i < shown; i++) {
    if (i > 0) puts(", ");
    putU64(<u64>load<u32>(p + <usize>(i * 4)));
  }
  putc(0x5d);
}

/** The controls' strings were read (POINTEE_EACH): each element's is the next one. */
let haveStrings = false;

/**
 * A string control's `size` bytes (strace's printstrn): as far as -s, `...` after when longer;
 * the address when unread, NULL for NULL.
 */
function printControlString(p: usize, size: u32): void {
  const ptr = load<u64>(p + <usize>V4L2_EXT_CONTROL_STRING);
  const max = <u32>strsize;
  const want = size < max ? size : max;
  if (ptr == 0 || !haveStrings || pePtr != ptr || peGot < want) {
    putAddr(ptr);
    return;
  }
  quote(peData, want, false, xflag);
  if (size > want) puts("...");
}

/** One struct v4l2_ext_control: its id and size, then its string or its values. */
function printExtControl(p: usize): void {
  // Every element has its entry in the strings' capture, string control or not.
  const stepped = haveStrings && nextPointeeEach();
  puts("{id=");
  enumOf("v4l2_control_ids", <u64>u32At(p, V4L2_EXT_CONTROL_ID));
  const size = u32At(p, V4L2_EXT_CONTROL_SIZE);
  next("size");
  putU64(<u64>size);
  if (size > 0) {
    next("string");
    if (stepped) printControlString(p, size);
    else putAddr(load<u64>(p + <usize>V4L2_EXT_CONTROL_STRING));
  } else {
    next("value");
    putI64(<i64>load<i32>(p + <usize>V4L2_EXT_CONTROL_VALUE));
    next("value64");
    putI64(load<i64>(p + <usize>V4L2_EXT_CONTROL_VALUE64));
  }
  putc(0x7d);
}

/** VIDIOC_S_EXT_CTRLS / TRY_EXT_CTRLS / G_EXT_CTRLS: the class, the count, the controls. */
function printExtControls(p: usize, atExit: bool): void {
  const get = isIoctlRequest("VIDIOC_G_EXT_CTRLS");
  const count = <u64>u32At(p, V4L2_EXT_CONTROLS_COUNT);
  if (!atExit) {
    putc(0x7b);
    name("ctrl_class");
    enumOf("v4l2_control_classes", <u64>u32At(p, V4L2_EXT_CONTROLS_CTRL_CLASS));
    next("count");
    putU64(count);
    if (count == 0) {
      putc(0x7d);
      entryClosed = true;
      return;
    }
    if (get) return;
    puts(", controls=");
  } else puts(get ? ", controls=" : "} => {controls=");
  haveStrings = findPointeeEach(ARG, atExit) || (atExit && findPointeeEach(ARG, false));
  const ok = printPointedArray(
    V4L2_EXT_CONTROLS_CONTROLS,
    load<u64>(p + <usize>V4L2_EXT_CONTROLS_CONTROLS),
    count,
    SIZEOF_V4L2_EXT_CONTROL,
    atExit,
    printExtControl,
  );
  if (atExit && isError) {
    next("error_idx");
    putU64(<u64>u32At(p, V4L2_EXT_CONTROLS_ERROR_IDX));
  }
  if (atExit || !ok) {
    putc(0x7d);
    if (!atExit) entryClosed = true;
  }
}

/** VIDIOC_QUERYCAP's answer. */
function printCapability(p: usize): void {
  putc(0x7b);
  name("driver");
  putCStringField(p + <usize>V4L2_CAPABILITY_DRIVER, 16);
  next("card");
  putCStringField(p + <usize>V4L2_CAPABILITY_CARD, 32);
  next("bus_info");
  putCStringField(p + <usize>V4L2_CAPABILITY_BUS_INFO, 32);
  next("version");
  printKernelVersion(u32At(p, V4L2_CAPABILITY_VERSION));
  next("capabilities");
  flagsOf("v4l2_device_capabilities_flags", <u64>u32At(p, V4L2_CAPABILITY_CAPABILITIES));
  const dev = u32At(p, V4L2_CAPABILITY_DEVICE_CAPS);
  if (dev != 0) {
    next("device_caps");
    flagsOf("v4l2_device_capabilities_flags", <u64>dev);
  }
  putc(0x7d);
}

/** VIDIOC_ENUM_FMT: the index and buffer type asked, then the format's description. */
function printFmtdesc(p: usize, atExit: bool): void {
  if (!atExit) {
    putc(0x7b);
    fieldU("index", <u64>u32At(p, V4L2_FMTDESC_INDEX));
    next("type");
    enumOf("v4l2_buf_types", <u64>u32At(p, V4L2_FMTDESC_TYPE));
    return;
  }
  next("flags");
  flagsOf("v4l2_format_description_flags", <u64>u32At(p, V4L2_FMTDESC_FLAGS));
  next("description");
  putCStringField(p + <usize>V4L2_FMTDESC_DESCRIPTION, 32);
  next("pixelformat");
  putFourcc(u32At(p, V4L2_FMTDESC_PIXELFORMAT), "v4l2_pix_fmts");
  putc(0x7d);
}

/** VIDIOC_REQBUFS: the buffers asked for, ` => ` how many the driver allocated. */
function printRequestbuffers(p: usize, atExit: bool): void {
  if (!atExit) {
    putc(0x7b);
    name("type");
    enumOf("v4l2_buf_types", <u64>u32At(p, V4L2_REQUESTBUFFERS_TYPE));
    next("memory");
    enumOf("v4l2_memories", <u64>u32At(p, V4L2_REQUESTBUFFERS_MEMORY));
    next("count");
    putU64(<u64>u32At(p, V4L2_REQUESTBUFFERS_COUNT));
    return;
  }
  puts(" => ");
  putU64(<u64>u32At(p, V4L2_REQUESTBUFFERS_COUNT));
  putc(0x7d);
}

const FRAMEBUFFER: Field[] = [
  new Field("capability", V4L2_FRAMEBUFFER_CAPABILITY, 4, F_X),
  new Field("flags", V4L2_FRAMEBUFFER_FLAGS, 4, F_X),
  new Field("base", V4L2_FRAMEBUFFER_BASE, 8, F_PTR),
];

/** VIDIOC_ENUMSTD: the index asked, then the standard's name, frame period and lines. */
function printStandard(p: usize, atExit: bool): void {
  if (!atExit) {
    putc(0x7b);
    fieldU("index", <u64>u32At(p, V4L2_STANDARD_INDEX));
    return;
  }
  next("name");
  putCStringField(p + <usize>V4L2_STANDARD_NAME, 24);
  next("frameperiod");
  putFract(p + <usize>V4L2_STANDARD_FRAMEPERIOD);
  next("framelines");
  putU64(<u64>u32At(p, V4L2_STANDARD_FRAMELINES));
  putc(0x7d);
}

/** VIDIOC_ENUMINPUT: the index asked, then the input's name and type. */
function printInput(p: usize, atExit: bool): void {
  if (!atExit) {
    putc(0x7b);
    fieldU("index", <u64>u32At(p, V4L2_INPUT_INDEX));
    return;
  }
  next("name");
  putCStringField(p + <usize>V4L2_INPUT_NAME, 32);
  next("type");
  enumOf("v4l2_input_types", <u64>u32At(p, V4L2_INPUT_TYPE));
  putc(0x7d);
}

/** VIDIOC_CROPCAP: the buffer type asked, then the cropping bounds and pixel aspect. */
function printCropcap(p: usize, atExit: bool): void {
  if (!atExit) {
    putc(0x7b);
    name("type");
    enumOf("v4l2_buf_types", <u64>u32At(p, V4L2_CROPCAP_TYPE));
    return;
  }
  next("bounds");
  putRect(p + <usize>V4L2_CROPCAP_BOUNDS);
  next("defrect");
  putRect(p + <usize>V4L2_CROPCAP_DEFRECT);
  next("pixelaspect");
  putFract(p + <usize>V4L2_CROPCAP_PIXELASPECT);
  putc(0x7d);
}

/** VIDIOC_G_CROP (the type, then the rectangle) and VIDIOC_S_CROP (both at entry). */
function printCrop(p: usize, atExit: bool): void {
  if (!atExit) {
    putc(0x7b);
    name("type");
    enumOf("v4l2_buf_types", <u64>u32At(p, V4L2_CROP_TYPE));
    if (isIoctlRequest("VIDIOC_G_CROP")) return;
  }
  next("c");
  putRect(p + <usize>V4L2_CROP_C);
  putc(0x7d);
}

const FRMSIZE_STEPWISE: Field[] = [
  new Field("min_width", V4L2_FRMSIZE_STEPWISE_MIN_WIDTH, 4, F_U),
  new Field("max_width", V4L2_FRMSIZE_STEPWISE_MAX_WIDTH, 4, F_U),
  new Field("step_width", V4L2_FRMSIZE_STEPWISE_STEP_WIDTH, 4, F_U),
  new Field("min_height", V4L2_FRMSIZE_STEPWISE_MIN_HEIGHT, 4, F_U),
  new Field("max_height", V4L2_FRMSIZE_STEPWISE_MAX_HEIGHT, 4, F_U),
  new Field("step_height", V4L2_FRMSIZE_STEPWISE_STEP_HEIGHT, 4, F_U),
];
const FRMSIZE_DISCRETE: Field[] = [
  new Field("width", V4L2_FRMSIZE_DISCRETE_WIDTH, 4, F_U),
  new Field("height", V4L2_FRMSIZE_DISCRETE_HEIGHT, 4, F_U),
];

/** VIDIOC_ENUM_FRAMESIZES: the index and pixel format asked, then the sizes. */
function printFrmsizeenum(p: usize, atExit: bool): void {
  if (!atExit) {
    putc(0x7b);
    fieldU("index", <u64>u32At(p, V4L2_FRMSIZEENUM_INDEX));
    next("pixel_format");
    putFourcc(u32At(p, V4L2_FRMSIZEENUM_PIXEL_FORMAT), "v4l2_pix_fmts");
    return;
  }
  const t = u32At(p, V4L2_FRMSIZEENUM_TYPE);
  next("type");
  enumOf("v4l2_framesize_types", <u64>t);
  if (t == FRM_DISCRETE) {
    puts(", discrete={");
    printFields(p + <usize>V4L2_FRMSIZEENUM_DISCRETE, FRMSIZE_DISCRETE);
    putc(0x7d);
  } else if (t == FRM_STEPWISE) {
    puts(", stepwise={");
    printFields(p + <usize>V4L2_FRMSIZEENUM_STEPWISE, FRMSIZE_STEPWISE);
    putc(0x7d);
  }
  putc(0x7d);
}

/** VIDIOC_ENUM_FRAMEINTERVALS: the index, format and size asked, then the intervals. */
function printFrmivalenum(p: usize, atExit: bool): void {
  if (!atExit) {
    putc(0x7b);
    fieldU("index", <u64>u32At(p, V4L2_FRMIVALENUM_INDEX));
    next("pixel_format");
    putFourcc(u32At(p, V4L2_FRMIVALENUM_PIXEL_FORMAT), "v4l2_pix_fmts");
    next("width");
    putU64(<u64>u32At(p, V4L2_FRMIVALENUM_WIDTH));
    next("height");
    putU64(<u64>u32At(p, V4L2_FRMIVALENUM_HEIGHT));
    return;
  }
  const t = u32At(p, V4L2_FRMIVALENUM_TYPE);
  next("type");
  enumOf("v4l2_frameinterval_types", <u64>t);
  if (t == FRM_DISCRETE) {
    next("discrete");
    putFract(p + <usize>V4L2_FRMIVALENUM_DISCRETE);
  } else if (t == FRM_STEPWISE || t == FRM_CONTINUOUS) {
    const s = p + <usize>V4L2_FRMIVALENUM_STEPWISE;
    puts(", stepwise={");
    fieldFract("min", s + <usize>V4L2_FRMIVAL_STEPWISE_MIN);
    puts(", ");
    fieldFract("max", s + <usize>V4L2_FRMIVAL_STEPWISE_MAX);
    puts(", ");
    fieldFract("step", s + <usize>V4L2_FRMIVAL_STEPWISE_STEP);
    putc(0x7d);
  }
  putc(0x7d);
}

/**
 * VIDIOC_CREATE_BUFS: the request, whole, at entry; the buffers made (their first index and
 * count) go after the return value.
 */
function printCreateBuffers(p: usize, atExit: bool): void {
  if (atExit) {
    auxIndex = u32At(p, V4L2_CREATE_BUFFERS_INDEX);
    auxCount = u32At(p, V4L2_CREATE_BUFFERS_COUNT);
    return;
  }
  putc(0x7b);
  fieldU("count", <u64>u32At(p, V4L2_CREATE_BUFFERS_COUNT));
  next("memory");
  enumOf("v4l2_memories", <u64>u32At(p, V4L2_CREATE_BUFFERS_MEMORY));
  const f = p + <usize>V4L2_CREATE_BUFFERS_FORMAT;
  puts(", format={type=");
  enumOf("v4l2_buf_types", <u64>u32At(f, V4L2_FORMAT_TYPE));
  printFormatFmt(f, V4L2_CREATE_BUFFERS_FORMAT, ", ", false);
  puts("}}");
}

/** The core struct names of the requests this file prints, with each one's size. */
function sizeOf(type: u32): u32 {
  if (strEq(type, "v4l2_capability")) return SIZEOF_V4L2_CAPABILITY;
  if (strEq(type, "v4l2_fmtdesc")) return SIZEOF_V4L2_FMTDESC;
  if (strEq(type, "v4l2_format")) return SIZEOF_V4L2_FORMAT;
  if (strEq(type, "v4l2_requestbuffers")) return SIZEOF_V4L2_REQUESTBUFFERS;
  if (strEq(type, "v4l2_buffer")) return SIZEOF_V4L2_BUFFER;
  if (strEq(type, "v4l2_framebuffer")) return SIZEOF_V4L2_FRAMEBUFFER;
  if (strEq(type, "v4l2_streamparm")) return SIZEOF_V4L2_STREAMPARM;
  if (strEq(type, "v4l2_standard")) return SIZEOF_V4L2_STANDARD;
  if (strEq(type, "v4l2_input")) return SIZEOF_V4L2_INPUT;
  if (strEq(type, "v4l2_control")) return SIZEOF_V4L2_CONTROL;
  if (strEq(type, "v4l2_tuner")) return SIZEOF_V4L2_TUNER;
  if (strEq(type, "v4l2_queryctrl")) return SIZEOF_V4L2_QUERYCTRL;
  if (strEq(type, "v4l2_query_ext_ctrl")) return SIZEOF_V4L2_QUERY_EXT_CTRL;
  if (strEq(type, "v4l2_cropcap")) return SIZEOF_V4L2_CROPCAP;
  if (strEq(type, "v4l2_crop")) return SIZEOF_V4L2_CROP;
  if (strEq(type, "v4l2_ext_controls")) return SIZEOF_V4L2_EXT_CONTROLS;
  if (strEq(type, "v4l2_frmsizeenum")) return SIZEOF_V4L2_FRMSIZEENUM;
  if (strEq(type, "v4l2_frmivalenum")) return SIZEOF_V4L2_FRMIVALENUM;
  if (strEq(type, "v4l2_create_buffers")) return SIZEOF_V4L2_CREATE_BUFFERS;
  return 0;
}

/**
 * Prints the v4l2 struct `type` from the `len` bytes at p, read at entry or at exit: 1 printed,
 * 0 too short (the caller prints the address), -1 not a v4l2 struct.
 */
export function printV4l2Struct(type: u32, p: usize, len: u32, atExit: bool): i32 {
  const size = sizeOf(type);
  if (size == 0) return -1;
  if (!atExit) entryClosed = false;
  if (len < size) return 0;
  if (strEq(type, "v4l2_capability")) printCapability(p);
  else if (strEq(type, "v4l2_fmtdesc")) printFmtdesc(p, atExit);
  else if (strEq(type, "v4l2_format")) printFormat(p, atExit);
  else if (strEq(type, "v4l2_requestbuffers")) printRequestbuffers(p, atExit);
  else if (strEq(type, "v4l2_buffer")) printBuffer(p, atExit);
  else if (strEq(type, "v4l2_framebuffer")) {
    putc(0x7b);
    printFields(p, FRAMEBUFFER);
    putc(0x7d);
  } else if (strEq(type, "v4l2_streamparm")) printStreamparm(p, atExit);
  else if (strEq(type, "v4l2_standard")) printStandard(p, atExit);
  else if (strEq(type, "v4l2_input")) printInput(p, atExit);
  else if (strEq(type, "v4l2_control")) printControl(p, atExit);
  else if (strEq(type, "v4l2_tuner")) printTuner(p, atExit);
  else if (strEq(type, "v4l2_queryctrl")) printQueryCtrl(p, atExit, false);
  else if (strEq(type, "v4l2_query_ext_ctrl")) printQueryCtrl(p, atExit, true);
  else if (strEq(type, "v4l2_cropcap")) printCropcap(p, atExit);
  else if (strEq(type, "v4l2_crop")) printCrop(p, atExit);
  else if (strEq(type, "v4l2_ext_controls")) printExtControls(p, atExit);
  else if (strEq(type, "v4l2_frmsizeenum")) printFrmsizeenum(p, atExit);
  else if (strEq(type, "v4l2_frmivalenum")) printFrmivalenum(p, atExit);
  else printCreateBuffers(p, atExit);
  return 1;
}

/** How a v4l2 request's exit shows: the entry left the struct open (true), or said all (false). */
export function v4l2ExitContinues(type: u32): bool {
  return sizeOf(type) != 0 && !strEq(type, "v4l2_create_buffers");
}
