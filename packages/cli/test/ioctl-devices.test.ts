// Device ioctl families strace 6.1 decodes (gpio v1 and v2, PTP clocks, RTCs, MTD, userfaultfd),
// end to end: one C program makes each request (on fd -1, and userfaultfd's handshake on a real
// one), with structs that end where an unreadable page begins; strace 6.1 and tstrace trace it
// with the same options and the lines are compared after the conformance tool's normaliser
// (nothing expected is typed by hand). Injecting a return value makes the exit decoders run.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { norm, tracersIn } from "./helpers/tracers.js";

const PROGRAM = `#include <linux/gpio.h>
#include <linux/ptp_clock.h>
#include <linux/rtc.h>
#include <linux/audit.h>
#include <linux/blkpg.h>
#include <linux/blktrace_api.h>
#include <linux/fs.h>
#include <linux/nbd.h>
#include <scsi/sg.h>
#include <linux/seccomp.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <mtd/mtd-abi.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

/* A struct of n bytes ending where an unreadable page begins. */
static unsigned char *edge;
static long page;
static void *tail(size_t n) { return edge + page - n; }

int main(void) {
  page = sysconf(_SC_PAGESIZE);
  edge = mmap(0, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  mprotect(edge + page, page, PROT_NONE);

  /* gpio: v1 info, handle request, values; v2 line info with attributes, request, config */
  ioctl(-1, GPIO_GET_CHIPINFO_IOCTL, 0);
  struct gpiochip_info *ci = tail(sizeof(*ci));
  memset(ci, 0, sizeof(*ci));
  strcpy(ci->name, "gpiochip7");
  strcpy(ci->label, "test bank");
  ci->lines = 12;
  ioctl(-1, GPIO_GET_CHIPINFO_IOCTL, ci);
  struct gpioline_info *li = tail(sizeof(*li));
  memset(li, 0, sizeof(*li));
  li->line_offset = 9;
  li->flags = GPIOLINE_FLAG_IS_OUT | 0x4000;
  strcpy(li->name, "led0");
  memset(li->consumer, 'c', sizeof(li->consumer));
  ioctl(-1, GPIO_GET_LINEINFO_IOCTL, li);
  ioctl(-1, GPIO_GET_LINEINFO_WATCH_IOCTL, li);
  unsigned int *off = tail(4);
  *off = 3;
  ioctl(-1, GPIO_GET_LINEINFO_UNWATCH_IOCTL, off);
  struct gpiohandle_request *hr = tail(sizeof(*hr));
  memset(hr, 0, sizeof(*hr));
  hr->lines = 40;
  for (int i = 0; i < 64; i++) { hr->lineoffsets[i] = i * 3; hr->default_values[i] = i & 1; }
  hr->flags = GPIOHANDLE_REQUEST_OUTPUT | GPIOHANDLE_REQUEST_BIAS_DISABLE;
  strcpy(hr->consumer_label, "blinker");
  hr->fd = 77;
  ioctl(-1, GPIO_GET_LINEHANDLE_IOCTL, hr);
  struct gpioevent_request *er = tail(sizeof(*er));
  memset(er, 0, sizeof(*er));
  er->lineoffset = 2;
  er->eventflags = GPIOEVENT_REQUEST_RISING_EDGE;
  strcpy(er->consumer_label, "button");
  er->fd = 78;
  ioctl(-1, GPIO_GET_LINEEVENT_IOCTL, er);
  struct gpiohandle_data *hd = tail(sizeof(*hd));
  for (int i = 0; i < 64; i++) hd->values[i] = 64 - i;
  ioctl(-1, GPIOHANDLE_GET_LINE_VALUES_IOCTL, hd);
  ioctl(-1, GPIOHANDLE_SET_LINE_VALUES_IOCTL, hd);
  struct gpio_v2_line_info *v2 = tail(sizeof(*v2));
  memset(v2, 0, sizeof(*v2));
  v2->offset = 4;
  strcpy(v2->name, "sensor");
  v2->flags = GPIO_V2_LINE_FLAG_INPUT | GPIO_V2_LINE_FLAG_EDGE_FALLING;
  v2->num_attrs = 4;
  v2->attrs[0].id = GPIO_V2_LINE_ATTR_ID_FLAGS;
  v2->attrs[0].flags = GPIO_V2_LINE_FLAG_ACTIVE_LOW;
  v2->attrs[1].id = GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES;
  v2->attrs[1].values = 0x5;
  v2->attrs[2].id = GPIO_V2_LINE_ATTR_ID_DEBOUNCE;
  v2->attrs[2].debounce_period_us = 1500;
  v2->attrs[3].id = 9;
  v2->attrs[3].padding = 1;
  v2->padding[2] = 0x77;
  ioctl(-1, GPIO_V2_GET_LINEINFO_IOCTL, v2);
  struct gpio_v2_line_request *lr = tail(sizeof(*lr));
  memset(lr, 0, sizeof(*lr));
  lr->num_lines = 2;
  lr->offsets[0] = 5;
  lr->offsets[1] = 6;
  strcpy(lr->consumer, "pair");
  lr->config.flags = GPIO_V2_LINE_FLAG_OUTPUT;
  lr->config.num_attrs = 1;
  lr->config.attrs[0].attr.id = GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES;
  lr->config.attrs[0].attr.values = 3;
  lr->config.attrs[0].mask = 3;
  lr->event_buffer_size = 16;
  lr->fd = 79;
  ioctl(-1, GPIO_V2_GET_LINE_IOCTL, lr);
  struct gpio_v2_line_values *lv = tail(sizeof(*lv));
  lv->bits = 0x1;
  lv->mask = 0x3;
  ioctl(-1, GPIO_V2_LINE_GET_VALUES_IOCTL, lv);
  ioctl(-1, GPIO_V2_LINE_SET_VALUES_IOCTL, lv);
  ioctl(-1, GPIO_V2_LINE_SET_CONFIG_IOCTL, &lr->config);

  /* ptp: caps, requests, offsets (open at entry, closed at exit), pins */
  struct ptp_clock_caps *caps = tail(sizeof(*caps));
  memset(caps, 0, sizeof(*caps));
  caps->max_adj = 100000;
  caps->n_pins = 2;
  ioctl(-1, PTP_CLOCK_GETCAPS, caps);
  struct ptp_extts_request *ex = tail(sizeof(*ex));
  memset(ex, 0, sizeof(*ex));
  ex->index = 1;
  ex->flags = PTP_ENABLE_FEATURE | PTP_FALLING_EDGE;
  ex->rsv[1] = 5;
  ioctl(-1, PTP_EXTTS_REQUEST, ex);
  ioctl(-1, PTP_EXTTS_REQUEST2, ex);
  struct ptp_perout_request *po = tail(sizeof(*po));
  memset(po, 0, sizeof(*po));
  po->start.sec = 1700000000;
  po->start.nsec = 250000000;
  po->period.sec = 1;
  po->index = 0;
  po->flags = PTP_PEROUT_DUTY_CYCLE;
  po->on.nsec = 500000000;
  ioctl(-1, PTP_PEROUT_REQUEST2, po);
  struct ptp_sys_offset *so = tail(sizeof(*so));
  memset(so, 0, sizeof(*so));
  so->n_samples = 2;
  for (int i = 0; i < 5; i++) { so->ts[i].sec = 1600000000 + i; so->ts[i].nsec = i * 1000; }
  ioctl(-1, PTP_SYS_OFFSET, so);
  struct ptp_sys_offset_extended *se = tail(sizeof(*se));
  memset(se, 0, sizeof(*se));
  se->n_samples = 1;
  se->ts[0][1].sec = 42;
  ioctl(-1, PTP_SYS_OFFSET_EXTENDED, se);
  struct ptp_sys_offset_precise *sp = tail(sizeof(*sp));
  memset(sp, 0, sizeof(*sp));
  sp->device.sec = 1000;
  sp->sys_realtime.sec = 1700000000;
  ioctl(-1, PTP_SYS_OFFSET_PRECISE, sp);
  struct ptp_pin_desc *pd = tail(sizeof(*pd));
  memset(pd, 0, sizeof(*pd));
  strcpy(pd->name, "SMA1");
  pd->index = 1;
  pd->func = PTP_PF_PEROUT;
  pd->chan = 2;
  ioctl(-1, PTP_PIN_GETFUNC, pd);
  ioctl(-1, PTP_PIN_SETFUNC2, pd);
  ioctl(-1, PTP_ENABLE_PPS, 1);

  /* rtc */
  struct rtc_time *rt = tail(sizeof(*rt));
  memset(rt, 0, sizeof(*rt));
  rt->tm_year = 124;
  rt->tm_mday = 5;
  ioctl(-1, RTC_SET_TIME, rt);
  ioctl(-1, RTC_RD_TIME, rt);
  struct rtc_wkalrm *wk = tail(sizeof(*wk));
  memset(wk, 0, sizeof(*wk));
  wk->enabled = 1;
  wk->time.tm_hour = 7;
  ioctl(-1, RTC_WKALM_SET, wk);
  unsigned long *ul = tail(sizeof(*ul));
  *ul = 64;
  ioctl(-1, RTC_IRQP_READ, ul);
  ioctl(-1, RTC_IRQP_SET, 128);
  unsigned int *vl = tail(4);
  *vl = RTC_VL_BACKUP_LOW | 0x100;
  ioctl(-1, RTC_VL_READ, vl);
  struct rtc_param *rp = tail(sizeof(*rp));
  memset(rp, 0, sizeof(*rp));
  rp->param = RTC_PARAM_CORRECTION;
  rp->svalue = -20;
  ioctl(-1, RTC_PARAM_SET, rp);
  rp->param = RTC_PARAM_FEATURES;
  rp->uvalue = 1 << RTC_FEATURE_ALARM;
  ioctl(-1, RTC_PARAM_GET, rp);

  /* mtd, and a request named from its number as well as by the table */
  struct erase_info_user *ei = tail(sizeof(*ei));
  ei->start = 0x10000;
  ei->length = 0x2000;
  ioctl(-1, MEMERASE, ei);
  struct mtd_info_user *mi = tail(sizeof(*mi));
  memset(mi, 0, sizeof(*mi));
  mi->type = MTD_NANDFLASH;
  mi->flags = MTD_WRITEABLE;
  mi->size = 0x100000;
  ioctl(-1, MEMGETINFO, mi);
  struct region_info_user *ri = tail(sizeof(*ri));
  memset(ri, 0, sizeof(*ri));
  ri->regionindex = 1;
  ioctl(-1, MEMGETREGIONINFO, ri);
  int *otp = tail(4);
  *otp = MTD_OTP_USER;
  ioctl(-1, OTPSELECT, otp);
  ioctl(-1, MTDFILEMODE, MTD_FILE_MODE_RAW);

  /* seccomp user notifications: an all-zero struct is not shown at entry, another is */
  struct seccomp_notif *sn = tail(sizeof(*sn));
  memset(sn, 0, sizeof(*sn));
  ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, sn);
  sn->id = 7;
  sn->pid = 4321;
  sn->data.nr = __NR_getppid;
  sn->data.arch = AUDIT_ARCH_X86_64;
  sn->data.args[1] = 0xff;
  ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, sn);
  struct seccomp_notif_resp *rs = tail(sizeof(*rs));
  memset(rs, 0, sizeof(*rs));
  rs->id = 7;
  rs->val = -3;
  rs->error = -EPERM;
  rs->flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
  ioctl(-1, SECCOMP_IOCTL_NOTIF_SEND, rs);
  struct seccomp_notif_addfd *af = tail(sizeof(*af));
  memset(af, 0, sizeof(*af));
  int devnull = open("/dev/null", O_RDONLY);
  af->srcfd = devnull; /* -y names it */
  af->newfd_flags = O_CLOEXEC;
  ioctl(-1, SECCOMP_IOCTL_NOTIF_ADDFD, af);
  unsigned long long *id = tail(8);
  *id = 7;
  ioctl(-1, SECCOMP_IOCTL_NOTIF_ID_VALID, id);

  /* block devices: values, an int, a range pair, a partition behind a pointer, a trace setup */
  ioctl(-1, BLKRASET, 0xdeadbeefUL);
  int *ro = tail(sizeof(*ro));
  *ro = -2;
  ioctl(-1, BLKROSET, ro);
  unsigned long long *range = tail(16);
  range[0] = 4096;
  range[1] = 0xfeedfacecafeULL;
  ioctl(-1, BLKDISCARD, range);
  struct blkpg_partition *part = tail(sizeof(*part));
  memset(part, 0, sizeof(*part));
  part->start = 1 << 20;
  part->length = -1;
  part->pno = 2;
  strcpy(part->devname, "sdz2");
  memset(part->volname, 'V', sizeof(part->volname));
  struct blkpg_ioctl_arg *pg = tail(sizeof(*pg));
  pg->op = BLKPG_ADD_PARTITION;
  pg->flags = 0;
  pg->datalen = sizeof(*part);
  pg->data = part;
  ioctl(-1, BLKPG, pg);
  pg->op = BLKPG_DEL_PARTITION;
  pg->data = edge + page; /* unreadable: its address */
  ioctl(-1, BLKPG, pg);
  struct blk_user_trace_setup *bt = tail(sizeof(*bt));
  memset(bt, 0, sizeof(*bt));
  bt->act_mask = 0xffff;
  bt->buf_size = 4096;
  bt->buf_nr = 4;
  bt->end_lba = 1000;
  bt->pid = 1;
  ioctl(-1, BLKTRACESETUP, bt);

  /* scsi generic: ints given and asked for, a reset kind with its flag, a value */
  int *sgi = tail(sizeof(*sgi));
  *sgi = -5;
  ioctl(-1, SG_SET_TIMEOUT, sgi);
  ioctl(-1, SG_GET_VERSION_NUM, sgi);
  ioctl(-1, SG_GET_RESERVED_SIZE, 0);
  *sgi = 0x100 | 4; /* NO_ESCALATE | TARGET: the kernel's scsi/sg.h, not glibc's */
  ioctl(-1, SG_SCSI_RESET, sgi);
  ioctl(-1, SG_SET_TRANSFORM, -2);
  ioctl(-1, SG_GET_TIMEOUT, 0);

  /* an fd as the argument itself: -y names it */
  ioctl(-1, NBD_SET_SOCK, devnull);

  /* OpenZFS's requests, which strace names though no kernel header defines them */
  ioctl(-1, 'Z' << 8 | 0x41, 0);
  ioctl(-1, ('Z' << 8) + 0x88, 0);
  ioctl(-1, ('K' << 8) | 2, 0);

  /* userfaultfd, on a real one */
  int uffd = syscall(__NR_userfaultfd, 0);
  struct uffdio_api *ua = tail(sizeof(*ua));
  memset(ua, 0, sizeof(*ua));
  ua->api = UFFD_API;
  ioctl(uffd, UFFDIO_API, ua);
  struct uffdio_range *ur = tail(sizeof(*ur));
  ur->start = (unsigned long)edge;
  ur->len = page;
  ioctl(-1, UFFDIO_WAKE, ur);
  struct uffdio_copy *uc = tail(sizeof(*uc));
  memset(uc, 0, sizeof(*uc));
  uc->len = page;
  uc->mode = UFFDIO_COPY_MODE_DONTWAKE;
  ioctl(-1, UFFDIO_COPY, uc);
  return 0;
}
`;

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tstrace-ioctl-devices-"));
  writeFileSync(join(dir, "devices.c"), PROGRAM);
  execFileSync("gcc", ["-o", join(dir, "devices"), join(dir, "devices.c")]);
});

describe("device ioctl families, against strace", () => {
  const options = [
    [],
    ["-v"],
    ["-X", "raw"],
    ["-X", "verbose"],
    ["-s", "8"],
    ["-y"],
    ["-e", "inject=ioctl:retval=42"],
    ["-v", "-e", "inject=ioctl:retval=42"],
  ];
  for (const extra of options) {
    it(`prints what each request points at ${extra.join(" ")}`, () => {
      const t = tracersIn(dir);
      const args = [...extra, "-e", "trace=ioctl", "./devices"];
      const theirs = t.strace(...args);
      const ours = t.tstrace(...args);
      expect(theirs.status, theirs.stderr.slice(-800)).toBe(0);
      expect(ours.status, ours.stderr.slice(-800)).toBe(0);
      expect(norm(ours.stderr)).toEqual(norm(theirs.stderr));
      // The structs were decoded, not printed as addresses.
      if (extra.length === 0) {
        expect(ours.stderr).toContain("GPIO_V2_GET_LINE_IOCTL, {num_lines=2");
        expect(ours.stderr).toContain("MIXER_WRITE(2) or MEMERASE, {start=0x10000");
      }
    });
  }
});
