// Socket ioctls strace 6.1 decodes (sock.c), end to end: one C program asks a real UDP socket
// for the loopback interface's index, name, flags, address, MTU and the interface list, and
// passes setters and bridge requests on fd -1 (structs before an unreadable page, names without
// a NUL). strace 6.1 and tstrace trace it with the same options; the lines are compared after the
// conformance tool's normaliser (nothing expected is typed by hand). Injecting a return value
// makes the getters' exit halves run on structs the kernel never filled.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { norm, tracersIn } from "./helpers/tracers.js";

const PROGRAM = `#include <arpa/inet.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

static unsigned char *edge;
static long page;
/* n bytes ending where an unreadable page begins */
static void *tail(size_t n) { return edge + page - n; }

int main(void) {
  page = sysconf(_SC_PAGESIZE);
  edge = mmap(0, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  mprotect(edge + page, page, PROT_NONE);
  int s = socket(AF_INET, SOCK_DGRAM, 0);

  /* getters on a real socket: the name (or index) asked, the member answered */
  struct ifreq *r = tail(sizeof(*r));
  memset(r, 0, sizeof(*r));
  strcpy(r->ifr_name, "lo");
  ioctl(s, SIOCGIFINDEX, r);
  ioctl(s, SIOCGIFFLAGS, r);
  ioctl(s, SIOCGIFMTU, r);
  ioctl(s, SIOCGIFADDR, r);
  ioctl(s, SIOCGIFNETMASK, r);
  ioctl(s, SIOCGIFHWADDR, r);
  ioctl(s, SIOCGIFTXQLEN, r);
  strcpy(r->ifr_name, "no-such-if");
  ioctl(s, SIOCGIFMTU, r);
  memset(r, 0, sizeof(*r));
  r->ifr_ifindex = 1;
  ioctl(s, SIOCGIFNAME, r);
  ioctl(s, SIOCGIFNAME, 0);
  ioctl(s, SIOCGIFNAME, edge + page);

  /* ints given and returned */
  int *v = tail(sizeof(int));
  *v = 0;
  ioctl(s, FIOSETOWN, v);
  ioctl(s, FIOGETOWN, v);
  ioctl(s, SIOCATMARK, v);
  ioctl(-1, SIOCSPGRP, 0);

  /* the interface list: asking its size, then reading it whole, short and empty */
  struct ifreq *reqs = tail(3 * sizeof(struct ifreq));
  struct ifconf *c = (struct ifconf *)(edge + 64);
  c->ifc_len = 12345;
  c->ifc_buf = 0;
  ioctl(s, SIOCGIFCONF, c);
  c->ifc_len = 3 * sizeof(struct ifreq);
  c->ifc_buf = (char *)reqs;
  ioctl(s, SIOCGIFCONF, c);
  c->ifc_len = sizeof(struct ifreq) + 7;
  ioctl(s, SIOCGIFCONF, c);
  c->ifc_len = 0;
  ioctl(s, SIOCGIFCONF, c);
  c->ifc_len = sizeof(struct ifreq);
  c->ifc_buf = (char *)(edge + page);
  ioctl(s, SIOCGIFCONF, c);
  ioctl(s, SIOCGIFCONF, 0);

  /* setters and bridge requests on fd -1 */
  memset(r, 0, sizeof(*r));
  memset(r->ifr_name, 'n', sizeof(r->ifr_name));
  struct sockaddr_in *sin = (struct sockaddr_in *)&r->ifr_addr;
  sin->sin_family = AF_INET;
  sin->sin_port = htons(4242);
  sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ioctl(-1, SIOCSIFADDR, r);
  ioctl(-1, SIOCSIFBRDADDR, r);
  ioctl(-1, SIOCSIFNETMASK, r);
  strcpy(r->ifr_name, "eth9");
  r->ifr_flags = IFF_UP | IFF_RUNNING | 0x8000;
  ioctl(-1, SIOCSIFFLAGS, r);
  r->ifr_mtu = -5;
  ioctl(-1, SIOCSIFMTU, r);
  r->ifr_hwaddr.sa_family = 1;
  memcpy(r->ifr_hwaddr.sa_data, "\\x02\\x11\\x22\\x33\\x44\\x55\\x66\\x77", 8);
  ioctl(-1, SIOCSIFHWADDR, r);
  ioctl(-1, SIOCADDMULTI, r);
  r->ifr_map.mem_start = 0x1000;
  r->ifr_map.mem_end = 0x1fff;
  r->ifr_map.base_addr = 0x300;
  r->ifr_map.irq = 5;
  r->ifr_map.dma = 1;
  r->ifr_map.port = 2;
  ioctl(-1, SIOCSIFMAP, r);
  memset(r->ifr_newname, 'w', sizeof(r->ifr_newname));
  ioctl(-1, SIOCSIFNAME, r);
  r->ifr_ifindex = 1;
  ioctl(-1, SIOCBRADDIF, r);
  ioctl(-1, SIOCBRDELIF, r);
  ioctl(-1, SIOCSIFADDR, edge + page);
  char *name = tail(16);
  memcpy(name, "bridge-number-17", 16);
  ioctl(-1, SIOCBRADDBR, name);
  strcpy(name, "br0");
  ioctl(-1, SIOCBRDELBR, name);
  ioctl(-1, SIOCADDRT, 0);
  ioctl(-1, SIOCGSTAMP, v);
  return 0;
}
`;

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tstrace-ioctl-sock-"));
  writeFileSync(join(dir, "sock.c"), PROGRAM);
  execFileSync("gcc", ["-o", join(dir, "sock"), join(dir, "sock.c")]);
});

describe("socket ioctls, against strace", () => {
  const options = [
    [],
    ["-v"],
    ["-s", "1"],
    ["-X", "raw"],
    ["-X", "verbose"],
    ["-e", "inject=ioctl:retval=0"],
  ];
  for (const extra of options) {
    it(`prints each request's ifreq, ifconf or int ${extra.join(" ")}`, () => {
      const t = tracersIn(dir);
      const args = [...extra, "-e", "trace=ioctl", "./sock"];
      const theirs = t.strace(...args);
      const ours = t.tstrace(...args);
      expect(theirs.status, theirs.stderr.slice(-800)).toBe(0);
      expect(ours.status, ours.stderr.slice(-800)).toBe(0);
      expect(norm(ours.stderr)).toEqual(norm(theirs.stderr));
      if (extra.length === 0) {
        expect(ours.stderr).toContain('SIOCGIFINDEX, {ifr_name="lo", ifr_ifindex=1}');
        expect(ours.stderr).toContain('ifc_buf=[{ifr_name="lo", ifr_addr={sa_family=AF_INET');
      }
    });
  }
});
