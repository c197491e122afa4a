import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compileC } from "./helpers/c-program.js";
import { norm, tracersIn } from "./helpers/tracers.js";

const PROGRAM = `#include <asm/termbits.h>
#include <linux/counter.h>
#include <linux/random.h>
#include <mtd/ubi-user.h>
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <linux/hdreg.h>
#include <linux/lirc.h>
#include <linux/loop.h>
#include <linux/perf_event.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
int main(void) {
  long page = sysconf(_SC_PAGESIZE);
  unsigned char *area = mmap(0, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  mprotect(area + page, page, PROT_NONE);
  unsigned char *end = area + page;
  struct fiemap *fm = (struct fiemap *)(end - sizeof(*fm) - 2 * sizeof(struct fiemap_extent));
  memset(fm, 0xa5, sizeof(*fm) + 2 * sizeof(struct fiemap_extent));
  fm->fm_flags = FIEMAP_FLAG_SYNC | 0x100;
  fm->fm_mapped_extents = 2;
  ioctl(-1, FS_IOC_FIEMAP, fm);
  ioctl(-1, FS_IOC_FIEMAP, end);
  ioctl(-1, FS_IOC_FIEMAP, 0);
  struct fstrim_range r = {1, 2, 3};
  ioctl(-1, FITRIM, &r);
  struct fsxattr x = {FS_XFLAG_APPEND | 0x40000000, 7, 8, 9, 10};
  ioctl(-1, FS_IOC_FSSETXATTR, &x);
  ioctl(-1, FS_IOC_FSGETXATTR, &x);
  unsigned int fl = FS_APPEND_FL | FS_NOATIME_FL;
  ioctl(-1, FS_IOC_SETFLAGS, &fl);
  ioctl(-1, FS_IOC_GETFLAGS, &fl);
  struct counter_watch w = {{COUNTER_COMPONENT_COUNT, COUNTER_SCOPE_SIGNAL, 3, 4}, COUNTER_EVENT_INDEX, 5};
  ioctl(-1, COUNTER_ADD_WATCH_IOCTL, &w);
  w.event = 99;
  ioctl(-1, COUNTER_ADD_WATCH_IOCTL, &w);
  struct hd_geometry g = {1, 2, 3, 4};
  ioctl(-1, HDIO_GETGEO, &g);
  unsigned char cmd[4 + 512] = {0xca, 1, 2, 1};
  memset(cmd + 4, 'x', 512);
  ioctl(-1, HDIO_DRIVE_CMD, cmd);
  ioctl(-1, HDIO_DRIVE_CMD, end - 4);
  int three[3] = {1, 2, -1};
  ioctl(-1, HDIO_DRIVE_RESET, three);
  unsigned long ul = 77;
  ioctl(-1, HDIO_GET_MULTCOUNT, &ul);
  ioctl(-1, HDIO_SET_MULTCOUNT, 5UL);
  ioctl(-1, HDIO_GET_NICE, &ul);
  ioctl(-1, HDIO_SET_NICE, 0x1bUL);
  ioctl(-1, HDIO_SET_NICE, 0x100UL);
  ioctl(-1, HDIO_SET_BUSSTATE, 1UL);
  ioctl(-1, HDIO_GET_BUSSTATE, &ul);
  char ident[512] = "model";
  ioctl(-1, HDIO_GET_IDENTITY, ident);
  unsigned int m = TIOCM_DTR | TIOCM_RTS | 0x10000;
  ioctl(-1, TIOCMSET, &m);
  ioctl(-1, TIOCMGET, &m);
  unsigned int mode = LIRC_MODE_PULSE;
  ioctl(-1, LIRC_SET_SEND_MODE, &mode);
  ioctl(-1, LIRC_GET_FEATURES, &mode);
  ioctl(-1, LIRC_SET_TRANSMITTER_MASK, &mode);
  unsigned long long id = 12345;
  ioctl(-1, PERF_EVENT_IOC_ID, &id);
  ioctl(-1, PERF_EVENT_IOC_PERIOD, &id);
  struct ubi_mkvol_req mk;
  memset(&mk, 0, sizeof(mk));
  mk.vol_id = 3;
  mk.bytes = -5;
  mk.vol_type = UBI_STATIC_VOLUME;
  mk.name_len = 4;
  memcpy(mk.name, "vol0more", 8);
  ioctl(-1, UBI_IOCMKVOL, &mk);
  struct ubi_rnvol_req rn;
  memset(&rn, 0, sizeof(rn));
  rn.count = 2;
  rn.ents[0].vol_id = 1;
  rn.ents[0].name_len = 2;
  memcpy(rn.ents[0].name, "ab", 2);
  rn.ents[1].name_len = -1;
  ioctl(-1, UBI_IOCRNVOL, &rn);
  long long up = -7;
  ioctl(-1, UBI_IOCVOLUP, &up);
  struct {
    struct rand_pool_info info;
    char buf[8];
  } pool = {{3, 8}, "12345678"};
  ioctl(-1, RNDADDENTROPY, &pool);
  struct loop_info64 li;
  memset(&li, 0x5a, sizeof(li));
  li.lo_encrypt_type = LO_CRYPT_NONE;
  li.lo_flags = LO_FLAGS_READ_ONLY;
  li.lo_file_name[3] = 0;
  ioctl(-1, LOOP_SET_STATUS64, &li);
  struct loop_config lc;
  memset(&lc, 0, sizeof(lc));
  lc.fd = 4;
  lc.info = li;
  ioctl(-1, LOOP_CONFIGURE, &lc);
  struct termios2 t2;
  memset(&t2, 0x41, sizeof(t2));
  ioctl(-1, TCSETS2, &t2);
  ioctl(-1, TCGETS2, &t2);
  unsigned char t1[18];
  memset(t1, 0x12, sizeof(t1));
  ioctl(-1, TCSETA, t1);
  ioctl(-1, TIOCSLCKTRMIOS, &t2);
  return 0;
}
`;

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tstrace-ioctl-"));
  compileC(dir, "families", PROGRAM, ["-O0"]);
});

describe("ioctl families, against strace", () => {
  const options = [
    [],
    ["-v"],
    ["-X", "raw"],
    ["-X", "verbose"],
    ["-v", "-X", "raw"],
    ["-e", "inject=ioctl:retval=42"],
    ["-v", "-e", "inject=ioctl:retval=42"],
  ];
  for (const extra of options) {
    it(`prints what each request points at ${extra.join(" ")}`, () => {
      const t = tracersIn(dir);
      const args = [...extra, "-e", "trace=ioctl", "./families"];
      const theirs = t.strace(...args);
      const ours = t.tstrace(...args);
      expect(theirs.status, theirs.stderr.slice(-800)).toBe(0);
      expect(ours.status, ours.stderr.slice(-800)).toBe(0);
      expect(norm(ours.stderr)).toEqual(norm(theirs.stderr));
      // The structs were decoded, not printed as addresses.
      expect(ours.stderr).toMatch(/HDIO_GETGEO|0x301/);
      if (extra.length === 0) expect(ours.stderr).toContain("{component={type=COUNTER_COMPONENT_COUNT");
    });
  }
});
