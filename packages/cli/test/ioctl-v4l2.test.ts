// Video4Linux2 ioctls end to end against strace 6.1: a C program makes the requests on fd -1,
// both tracers trace it with the same options, the lines are compared after the conformance
// tool's normaliser. First the scalar arguments (the input's index, the video standard's bits,
// the buffer type streaming starts or stops), then the structs (formats and their union members,
// buffers, controls and their strings, tuners, crops, frame sizes). Injecting a return value
// makes the getters' exit run; some arrays end where an unreadable page begins.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { norm, tracersIn } from "./helpers/tracers.js";

const V4L2 = `#include <linux/videodev2.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
int main(void) {
  long page = sysconf(_SC_PAGESIZE);
  unsigned char *area = mmap(0, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  mprotect(area + page, page, PROT_NONE);
  unsigned char *end = area + page;
  unsigned int input = 3000000000u;
  ioctl(-1, VIDIOC_S_INPUT, &input);
  ioctl(-1, VIDIOC_G_INPUT, &input);
  ioctl(-1, VIDIOC_G_INPUT, end - 2);
  v4l2_std_id std = V4L2_STD_PAL_B | V4L2_STD_NTSC_M;
  ioctl(-1, VIDIOC_S_STD, &std);
  ioctl(-1, VIDIOC_G_STD, &std);
  ioctl(-1, VIDIOC_G_STD, 0);
  int type = V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE;
  ioctl(-1, VIDIOC_STREAMON, &type);
  type = 0x80;
  ioctl(-1, VIDIOC_STREAMOFF, &type);
  return 0;
}
`;

const STRUCTS = `#include <linux/videodev2.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
/*
 * Each struct sits at the end of a readable page, so a short read is a real one, filled afresh
 * with a pattern (no pointer an earlier request left there, whose value changes from run to run).
 */
static unsigned char *end;
static void *at_end(unsigned long size) {
  for (unsigned long i = 0; i < size; i++) end[i - size] = (unsigned char) (i * 13 + 5);
  return end - size;
}
int main(void) {
  long page = sysconf(_SC_PAGESIZE);
  unsigned char *area = mmap(0, 3 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  mprotect(area + 2 * page, page, PROT_NONE);
  end = area + 2 * page;
  for (long i = 0; i < 2 * page; i++) area[i] = (unsigned char) (i * 13 + 5);

  ioctl(-1, VIDIOC_QUERYCAP, 0);
  ioctl(-1, VIDIOC_QUERYCAP, at_end(sizeof(struct v4l2_capability)));
  struct v4l2_fmtdesc *fd = at_end(sizeof(*fd));
  fd->index = 7;
  fd->type = V4L2_BUF_TYPE_VIDEO_OUTPUT;
  strcpy((char *) fd->description, "a description");
  fd->pixelformat = V4L2_PIX_FMT_YUYV;
  ioctl(-1, VIDIOC_ENUM_FMT, fd);

  struct v4l2_format *f = at_end(sizeof(*f));
  f->type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  f->fmt.pix.pixelformat = V4L2_PIX_FMT_H264;
  f->fmt.pix.field = V4L2_FIELD_INTERLACED;
  f->fmt.pix.colorspace = V4L2_COLORSPACE_SRGB;
  ioctl(-1, VIDIOC_S_FMT, f);
  ioctl(-1, VIDIOC_G_FMT, f);
  f->type = V4L2_BUF_TYPE_VIDEO_OUTPUT_MPLANE;
  f->fmt.pix_mp.num_planes = 2;
  ioctl(-1, VIDIOC_TRY_FMT, f);
  f->type = V4L2_BUF_TYPE_SDR_CAPTURE;
  f->fmt.sdr.pixelformat = V4L2_SDR_FMT_CU8;
  f->fmt.sdr.buffersize = 0;
  ioctl(-1, VIDIOC_S_FMT, f);
  f->type = V4L2_BUF_TYPE_SLICED_VBI_OUTPUT;
  ioctl(-1, VIDIOC_S_FMT, f);
  f->type = V4L2_BUF_TYPE_VBI_CAPTURE;
  ioctl(-1, VIDIOC_S_FMT, f);
  f->type = V4L2_BUF_TYPE_META_OUTPUT;
  ioctl(-1, VIDIOC_S_FMT, f);
  f->type = 0x55;
  ioctl(-1, VIDIOC_S_FMT, f);
  /* An overlay window whose third clip is past the readable page, then one with no clips. */
  struct v4l2_clip *clips = at_end(2 * sizeof(struct v4l2_clip));
  f->type = V4L2_BUF_TYPE_VIDEO_OVERLAY;
  f->fmt.win.clips = clips;
  f->fmt.win.clipcount = 3;
  f->fmt.win.bitmap = 0;
  f->fmt.win.global_alpha = 0x7f;
  ioctl(-1, VIDIOC_S_FMT, f);
  f->fmt.win.clipcount = 2;
  ioctl(-1, VIDIOC_TRY_FMT, f);
  f->fmt.win.clipcount = 0;
  ioctl(-1, VIDIOC_S_FMT, f);

  struct v4l2_requestbuffers *rb = at_end(sizeof(*rb));
  rb->type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  rb->memory = V4L2_MEMORY_MMAP;
  rb->count = 4;
  ioctl(-1, VIDIOC_REQBUFS, rb);
  struct v4l2_buffer *b = at_end(sizeof(*b));
  b->type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  b->index = 1;
  b->memory = V4L2_MEMORY_USERPTR;
  b->flags = V4L2_BUF_FLAG_QUEUED | V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC | V4L2_BUF_FLAG_TSTAMP_SRC_SOE;
  ioctl(-1, VIDIOC_QBUF, b);
  ioctl(-1, VIDIOC_DQBUF, b);
  ioctl(-1, VIDIOC_S_FBUF, at_end(sizeof(struct v4l2_framebuffer)));
  ioctl(-1, VIDIOC_G_FBUF, at_end(sizeof(struct v4l2_framebuffer)));

  struct v4l2_streamparm *sp = at_end(sizeof(*sp));
  sp->type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  sp->parm.capture.capability = V4L2_CAP_TIMEPERFRAME;
  sp->parm.capture.capturemode = 0;
  ioctl(-1, VIDIOC_S_PARM, sp);
  ioctl(-1, VIDIOC_G_PARM, sp);
  sp->type = V4L2_BUF_TYPE_VIDEO_OUTPUT;
  ioctl(-1, VIDIOC_S_PARM, sp);
  sp->type = 99;
  ioctl(-1, VIDIOC_G_PARM, sp);

  ioctl(-1, VIDIOC_ENUMSTD, at_end(sizeof(struct v4l2_standard)));
  ioctl(-1, VIDIOC_ENUMINPUT, at_end(sizeof(struct v4l2_input)));
  struct v4l2_control *c = at_end(sizeof(*c));
  c->id = V4L2_CID_HUE;
  c->value = -3;
  ioctl(-1, VIDIOC_S_CTRL, c);
  c->id = V4L2_CTRL_CLASS_CAMERA | 0x42;
  ioctl(-1, VIDIOC_G_CTRL, c);
  c->id = 0x12345678;
  ioctl(-1, VIDIOC_G_CTRL, c);

  struct v4l2_tuner *t = at_end(sizeof(*t));
  strcpy((char *) t->name, "tuner");
  t->type = V4L2_TUNER_ANALOG_TV;
  t->capability = V4L2_TUNER_CAP_STEREO | V4L2_TUNER_CAP_LANG1;
  t->rxsubchans = V4L2_TUNER_SUB_STEREO;
  t->audmode = V4L2_TUNER_MODE_LANG1;
  ioctl(-1, VIDIOC_S_TUNER, t);
  ioctl(-1, VIDIOC_G_TUNER, t);

  struct v4l2_queryctrl *q = at_end(sizeof(*q));
  q->id = V4L2_CTRL_FLAG_NEXT_CTRL | V4L2_CID_CONTRAST;
  q->type = V4L2_CTRL_TYPE_INTEGER;
  strcpy((char *) q->name, "contrast");
  memset(q->reserved, 0, sizeof(q->reserved));
  ioctl(-1, VIDIOC_QUERYCTRL, q);
  struct v4l2_query_ext_ctrl *qe = at_end(sizeof(*qe));
  qe->id = V4L2_CID_SATURATION;
  qe->nr_of_dims = 2;
  ioctl(-1, VIDIOC_QUERY_EXT_CTRL, qe);

  struct v4l2_cropcap *cc = at_end(sizeof(*cc));
  cc->type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  ioctl(-1, VIDIOC_CROPCAP, cc);
  struct v4l2_crop *cr = at_end(sizeof(*cr));
  cr->type = V4L2_BUF_TYPE_VIDEO_OVERLAY;
  ioctl(-1, VIDIOC_S_CROP, cr);
  ioctl(-1, VIDIOC_G_CROP, cr);

  /* Controls: a value, a string, and (third) one past the readable page. */
  struct v4l2_ext_control *ec = at_end(2 * sizeof(*ec));
  char *text = (char *) area + 100;
  strcpy(text, "stringy\tcontrol value longer than thirty-two bytes");
  ec[0].id = V4L2_CID_BRIGHTNESS;
  ec[0].size = 0;
  ec[0].value64 = -5;
  ec[1].id = V4L2_CID_AUDIO_VOLUME;
  ec[1].size = 7;
  ec[1].string = text;
  struct v4l2_ext_controls *ecs = (struct v4l2_ext_controls *) (area + 2000);
  memset(ecs, 0, sizeof(*ecs));
  ecs->ctrl_class = V4L2_CTRL_CLASS_USER;
  ecs->count = 2;
  ecs->controls = ec;
  ioctl(-1, VIDIOC_S_EXT_CTRLS, ecs);
  ioctl(-1, VIDIOC_G_EXT_CTRLS, ecs);
  ec[1].size = 60;
  ioctl(-1, VIDIOC_TRY_EXT_CTRLS, ecs);
  ecs->count = 3;
  ioctl(-1, VIDIOC_S_EXT_CTRLS, ecs);
  ecs->count = 0;
  ioctl(-1, VIDIOC_S_EXT_CTRLS, ecs);

  struct v4l2_frmsizeenum *fs = at_end(sizeof(*fs));
  fs->pixel_format = V4L2_PIX_FMT_MJPEG;
  fs->type = V4L2_FRMSIZE_TYPE_STEPWISE;
  ioctl(-1, VIDIOC_ENUM_FRAMESIZES, fs);
  struct v4l2_frmivalenum *fi = at_end(sizeof(*fi));
  fi->pixel_format = V4L2_PIX_FMT_NV12;
  fi->type = V4L2_FRMIVAL_TYPE_DISCRETE;
  ioctl(-1, VIDIOC_ENUM_FRAMEINTERVALS, fi);
  struct v4l2_create_buffers *cb = at_end(sizeof(*cb));
  cb->memory = V4L2_MEMORY_DMABUF;
  cb->format.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  ioctl(-1, VIDIOC_CREATE_BUFS, cb);
  return 0;
}
`;

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tstrace-v4l2-"));
  writeFileSync(join(dir, "v4l2.c"), V4L2);
  execFileSync("gcc", ["-o", join(dir, "v4l2"), join(dir, "v4l2.c")]);
  writeFileSync(join(dir, "structs.c"), STRUCTS);
  execFileSync("gcc", ["-o", join(dir, "structs"), join(dir, "structs.c")]);
});

describe("v4l2 scalar ioctls, against strace", () => {
  for (const extra of [[], ["-X", "raw"], ["-X", "verbose"], ["-e", "inject=ioctl:retval=0"]]) {
    it(`prints the input, the standard and the buffer type ${extra.join(" ")}`, () => {
      const t = tracersIn(dir);
      const args = [...extra, "-e", "trace=ioctl", "./v4l2"];
      const theirs = t.strace(...args);
      const ours = t.tstrace(...args);
      expect(theirs.status, theirs.stderr.slice(-800)).toBe(0);
      expect(ours.status, ours.stderr.slice(-800)).toBe(0);
      // A value read short says so inside the line, under each tracer's own name.
      expect(norm(ours.stderr.replaceAll("tstrace: umoven", "strace: umoven"))).toEqual(norm(theirs.stderr));
      if (extra.length === 0) expect(ours.stderr).toContain("[V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE]");
    });
  }
});

describe("v4l2 structs, against strace", () => {
  const variants = [
    [],
    ["-v"],
    ["-X", "raw"],
    ["-X", "verbose"],
    ["-s", "4"],
    ["-e", "inject=ioctl:retval=0"],
    ["-v", "-X", "verbose", "-e", "inject=ioctl:retval=0"],
  ];
  for (const extra of variants) {
    it(`prints what each request points at ${extra.join(" ")}`, () => {
      const t = tracersIn(dir);
      const args = [...extra, "-e", "trace=ioctl", "./structs"];
      const theirs = t.strace(...args);
      const ours = t.tstrace(...args);
      expect(theirs.status, theirs.stderr.slice(-800)).toBe(0);
      expect(ours.status, ours.stderr.slice(-800)).toBe(0);
      expect(norm(ours.stderr)).toEqual(norm(theirs.stderr));
      if (extra.length === 0) expect(ours.stderr).toContain('string="stringy"');
    });
  }
});
