// Input-device (evdev) and KVM ioctls, end to end: C programs make the requests, strace 6.1 and
// tstrace trace them with the same options, and the lines are compared after the conformance
// tool's normaliser (nothing expected is typed by hand). The evdev program uses fd -1 with structs
// that end where an unreadable page begins; injecting a return value makes the exit decoders run
// (bit masks are as long as the return value says). The KVM program opens /dev/kvm when the
// machine has it: a VM, a vCPU, its registers and the CPUID table.
import { execFileSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { norm, tracersIn } from "./helpers/tracers.js";

const EVDEV = `#include <linux/input.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
int main(void) {
  long page = sysconf(_SC_PAGESIZE);
  unsigned char *area = mmap(0, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  mprotect(area + page, page, PROT_NONE);
  unsigned char *end = area + page;
  memset(area, 0x5a, page);
  ioctl(-1, EVIOCGVERSION, 0);
  ioctl(-1, EVIOCGID, end - 8);
  ioctl(-1, EVIOCGNAME(64), end - 64);
  ioctl(-1, EVIOCGMTSLOTS(12), end - 12);
  ioctl(-1, EVIOCGABS(ABS_Y), end - 24);
  ioctl(-1, _IOC(_IOC_READ, 'E', 0x40 + ABS_X, 20), end - 20);
  ioctl(-1, EVIOCSABS(0x3e), end - 24);
  ioctl(-1, EVIOCGBIT(0, 8), end - 8);
  ioctl(-1, EVIOCGBIT(EV_KEY, 96), end - 96);
  ioctl(-1, EVIOCGBIT(EV_PWR, 4), end - 4);
  ioctl(-1, EVIOCGBIT(0x1f, 8), end - 8);
  ioctl(-1, EVIOCGKEY(96), end - 96);
  ioctl(-1, EVIOCGMASK, end - 16);
  unsigned int rep[2] = {250, 33};
  ioctl(-1, EVIOCSREP, rep);
  unsigned int key[2] = {30, KEY_A};
  ioctl(-1, EVIOCSKEYCODE, key);
  struct input_keymap_entry ke;
  memset(&ke, 0x21, sizeof(ke));
  ke.keycode = KEY_ENTER;
  ioctl(-1, EVIOCSKEYCODE_V2, &ke);
  struct ff_effect ff;
  memset(&ff, 0x33, sizeof(ff));
  ff.type = FF_PERIODIC;
  ioctl(-1, EVIOCSFF, &ff);
  ff.type = FF_RUMBLE;
  ioctl(-1, EVIOCSFF, &ff);
  ioctl(-1, EVIOCRMFF, -3L);
  ioctl(-1, EVIOCGRAB, 1UL);
  unsigned int clk = 1;
  ioctl(-1, EVIOCSCLOCKID, &clk);
  return 0;
}
`;

const KVM = `#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/kvm.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
int main(void) {
  /* CPUID leaf 1 names the CPU that asked: both tracers' runs ask from CPU 0. */
  cpu_set_t cpus;
  CPU_ZERO(&cpus);
  CPU_SET(0, &cpus);
  sched_setaffinity(0, sizeof(cpus), &cpus);
  int kvm = open("/dev/kvm", O_RDWR);
  if (kvm < 0) return 77;
  ioctl(kvm, KVM_CHECK_EXTENSION, KVM_CAP_USER_MEMORY);
  ioctl(kvm, KVM_CHECK_EXTENSION, 0xdeadUL);
  int vm = ioctl(kvm, KVM_CREATE_VM, 0);
  struct kvm_userspace_memory_region region = {0, KVM_MEM_LOG_DIRTY_PAGES, 0x1000, 4096, 0};
  ioctl(vm, KVM_SET_USER_MEMORY_REGION, &region);
  int vcpu = ioctl(vm, KVM_CREATE_VCPU, 0);
  struct kvm_cpuid2 *cpuid = calloc(1, sizeof(*cpuid) + 100 * sizeof(struct kvm_cpuid_entry2));
  cpuid->nent = 100;
  ioctl(kvm, KVM_GET_SUPPORTED_CPUID, cpuid);
  ioctl(vcpu, KVM_SET_CPUID2, cpuid);
  struct kvm_sregs sregs;
  ioctl(vcpu, KVM_GET_SREGS, &sregs);
  ioctl(vcpu, KVM_SET_SREGS, &sregs);
  struct kvm_regs regs;
  memset(&regs, 0, sizeof(regs));
  regs.rip = 0x1000;
  regs.rflags = 2;
  ioctl(vcpu, KVM_SET_REGS, &regs);
  ioctl(vcpu, KVM_GET_REGS, &regs);
  return 0;
}
`;

let dir = "";
let kvm = true;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tstrace-evdev-kvm-"));
  writeFileSync(join(dir, "evdev.c"), EVDEV);
  writeFileSync(join(dir, "kvm.c"), KVM);
  execFileSync("gcc", ["-o", join(dir, "evdev"), join(dir, "evdev.c")]);
  execFileSync("gcc", ["-o", join(dir, "kvm"), join(dir, "kvm.c")]);
  try {
    accessSync("/dev/kvm", constants.R_OK | constants.W_OK);
  } catch {
    kvm = false;
  }
});

/** Both tracers' lines for `args`, after checking both ran the program to its end. */
function both(args: string[]): { ours: string; theirs: string } {
  const t = tracersIn(dir);
  const theirs = t.strace(...args);
  const ours = t.tstrace(...args);
  expect(theirs.status, theirs.stderr.slice(-800)).toBe(0);
  expect(ours.status, ours.stderr.slice(-800)).toBe(0);
  return { ours: ours.stderr, theirs: theirs.stderr };
}

describe("evdev ioctls, against strace", () => {
  const options = [
    [],
    ["-v"],
    ["-X", "raw"],
    ["-X", "verbose"],
    ["-e", "inject=ioctl:retval=8"],
    ["-v", "-X", "verbose", "-e", "inject=ioctl:retval=8"],
    ["-e", "inject=ioctl:retval=96"],
  ];
  for (const extra of options) {
    it(`prints each request's name and what it points at ${extra.join(" ")}`, () => {
      const { ours, theirs } = both([...extra, "-e", "trace=ioctl", "./evdev"]);
      expect(norm(ours)).toEqual(norm(theirs));
      if (extra.length === 0) expect(ours).toContain("EVIOCGBIT(EV_KEY, 96)");
    });
  }
});

describe("kvm ioctls, against strace", () => {
  for (const extra of [["-y"], ["-v", "-y"], ["-X", "verbose"]]) {
    it(`prints capabilities, regions, registers and CPUID tables, and the fds returned ${extra.join(" ")}`, (ctx) => {
      if (!kvm) ctx.skip();
      const { ours, theirs } = both([...extra, "-e", "trace=ioctl", "./kvm"]);
      expect(norm(ours)).toEqual(norm(theirs));
      if (extra[0] === "-y") expect(ours).toContain("<anon_inode:kvm-vcpu:0>");
    });
  }
});
