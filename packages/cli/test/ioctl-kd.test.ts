// Console (kd) ioctls, end to end: a C program makes the requests on fd -1, strace 6.1 and tstrace
// trace it with the same options, and the lines are compared after the conformance tool's
// normaliser (nothing expected is typed by hand). Some structs end where an unreadable page
// begins; injecting a return value makes the getters' exit decoders run (keymap values, function
// key strings, fonts, unicode maps).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { norm, tracersIn } from "./helpers/tracers.js";

const KD = `#include <linux/kd.h>
#include <linux/keyboard.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
int main(void) {
  long page = sysconf(_SC_PAGESIZE);
  unsigned char *area = mmap(0, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  mprotect(area + 3 * page, page, PROT_NONE);
  unsigned char *end = area + 3 * page;
  for (long i = 0; i < 3 * page; i++) area[i] = (unsigned char) (i * 7 + 3);
  ioctl(-1, KIOCSOUND, 440UL);
  ioctl(-1, KDMKTONE, (200UL << 16) | 1000);
  ioctl(-1, KDSETLED, LED_NUM | LED_CAP | 0x40);
  ioctl(-1, KDSKBLED, 0x25UL);
  ioctl(-1, KDGETLED, end - 1);
  ioctl(-1, KDGKBTYPE, end - 1);
  ioctl(-1, KDADDIO, 0x3c0UL);
  ioctl(-1, KDSETMODE, KD_GRAPHICS);
  ioctl(-1, KDGETMODE, end - 4);
  ioctl(-1, KDSKBMODE, 17UL);
  ioctl(-1, KDGKBMODE, end - 4);
  ioctl(-1, KDSKBMETA, K_ESCPREFIX);
  ioctl(-1, KDSIGACCEPT, (unsigned long) SIGUSR1);
  ioctl(-1, KDENABIO, 0);
  ioctl(-1, PIO_SCRNMAP, area);
  ioctl(-1, GIO_CMAP, end - 48);
  ioctl(-1, GIO_FONT, area);

  struct kbentry ke = {K_ALTTAB, 30, K(KT_LATIN, 'q')};
  ioctl(-1, KDSKBENT, &ke);
  ke.kb_table = (1 << KG_CTRL) | (1 << KG_ALT);
  ke.kb_value = K_F5;
  ioctl(-1, KDSKBENT, &ke);
  ke.kb_value = K(KT_LETTER, '\\n');
  ioctl(-1, KDSKBENT, &ke);
  ke.kb_value = K(0x1f, 0x42);
  ioctl(-1, KDSKBENT, &ke);
  ioctl(-1, KDGKBENT, &ke);
  ioctl(-1, KDGKBENT, end - 2);

  struct kbsentry *se = (struct kbsentry *) (end - sizeof(struct kbsentry));
  se->kb_func = KVAL(K_F7);
  strcpy((char *) se->kb_string, "\\033[18~");
  ioctl(-1, KDSKBSENT, se);
  ioctl(-1, KDGKBSENT, se);
  ioctl(-1, KDGKBSENT, end - 1);
  memset(se->kb_string, 'x', sizeof(se->kb_string));
  ioctl(-1, KDSKBSENT, se);

  struct kbdiacrs *dc = (struct kbdiacrs *) (end - sizeof(*dc));
  dc->kb_cnt = 3;
  unsigned char marks[9] = {0x27, 'e', 0xe9, 0x60, 'a', 0xe0, '^', 9, 'o'};
  memcpy(dc->kbdiacr, marks, sizeof(marks));
  ioctl(-1, KDSKBDIACR, dc);
  ioctl(-1, KDGKBDIACR, dc);
  struct kbdiacrsuc *du = (struct kbdiacrsuc *) (end - 4 - 2 * sizeof(struct kbdiacruc));
  du->kb_cnt = 5;
  ioctl(-1, KDSKBDIACRUC, du);
  du->kb_cnt = 1000;
  ioctl(-1, KDGKBDIACRUC, du);

  struct kbkeycode kc = {0xe05b, 125};
  ioctl(-1, KDGETKEYCODE, &kc);
  ioctl(-1, KDSETKEYCODE, &kc);
  struct kbd_repeat rep = {250, 33};
  ioctl(-1, KDKBDREP, &rep);
  struct unimapinit umi = {1, 2, 3};
  ioctl(-1, PIO_UNIMAPCLR, &umi);

  unsigned short *usm = (unsigned short *) (end - 512);
  for (int i = 0; i < 256; i++) usm[i] = (unsigned short) (0xeff0 + i * 3);
  ioctl(-1, PIO_UNISCRNMAP, usm);
  ioctl(-1, GIO_UNISCRNMAP, usm);

  struct unipair *pairs = (struct unipair *) (end - 5 * sizeof(struct unipair));
  struct unimapdesc ud = {4, pairs};
  ioctl(-1, PIO_UNIMAP, &ud);
  ioctl(-1, GIO_UNIMAP, &ud);
  ud.entry_ct = 40;
  ioctl(-1, PIO_UNIMAP, &ud);

  struct consolefontdesc cfd = {2, 16, (char *) end - 64};
  ioctl(-1, PIO_FONTX, &cfd);
  ioctl(-1, GIO_FONTX, &cfd);
  cfd.charcount = 3;
  ioctl(-1, PIO_FONTX, &cfd);

  struct console_font_op op = {KD_FONT_OP_SET, KD_FONT_FLAG_DONT_RECALC, 12, 24, 2, end - 256};
  ioctl(-1, KDFONTOP, &op);
  op.op = KD_FONT_OP_GET;
  ioctl(-1, KDFONTOP, &op);
  op.op = KD_FONT_OP_SET_DEFAULT;
  op.data = (unsigned char *) "default8x16";
  ioctl(-1, KDFONTOP, &op);
  op.op = KD_FONT_OP_COPY;
  ioctl(-1, KDFONTOP, &op);
  op.op = 9;
  op.flags = 0x10;
  ioctl(-1, KDFONTOP, &op);
  return 0;
}
`;

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tstrace-kd-"));
  writeFileSync(join(dir, "kd.c"), KD);
  execFileSync("gcc", ["-o", join(dir, "kd"), join(dir, "kd.c")]);
});

describe("console (kd) ioctls, against strace", () => {
  const options = [
    [],
    ["-v"],
    ["-X", "raw"],
    ["-X", "verbose"],
    ["-e", "inject=ioctl:retval=0"],
    ["-X", "verbose", "-e", "inject=ioctl:retval=0"],
    ["-s", "1024", "-e", "inject=ioctl:retval=0"],
  ];
  for (const extra of options) {
    it(`prints tones, leds, modes, keymaps, diacritics, maps and fonts ${extra.join(" ")}`, () => {
      const t = tracersIn(dir);
      const args = [...extra, "-e", "trace=ioctl", "./kd"];
      const theirs = t.strace(...args);
      const ours = t.tstrace(...args);
      expect(theirs.status, theirs.stderr.slice(-800)).toBe(0);
      expect(ours.status, ours.stderr.slice(-800)).toBe(0);
      // A font read short says so inside the line, under each tracer's own name.
      expect(norm(ours.stderr.replaceAll("tstrace: umoven", "strace: umoven"))).toEqual(norm(theirs.stderr));
      if (extra.length === 0) expect(ours.stderr).toContain("kb_value=0xb0a /* K(KT_LETTER, '\\n') */");
    });
  }
});
