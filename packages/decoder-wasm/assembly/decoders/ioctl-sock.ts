// Socket requests (strace 6.1's sock.c) whose argument is more than an int: a bridge's name, a
// struct ifreq whose union member the request chooses, and SIOCGIFCONF's struct ifconf with the
// ifreq array the kernel filled (a POINTEE read at exit). A getter's ifreq is one `{…}`: its name
// (or index) at entry, the answer at exit (ioctlExitMode EXIT_CONTINUE). The ints are ioctl-scalar's.

import { arg, capData, capLen, findCap, isError } from "../call";
import { T_IOCTL } from "../known";
import {
  IFCONF_IFC_IFCU,
  IFCONF_IFC_LEN,
  IFMAP_BASE_ADDR,
  IFMAP_DMA,
  IFMAP_IRQ,
  IFMAP_MEM_END,
  IFMAP_MEM_START,
  IFMAP_PORT,
  IFREQ_IFR_IFRU,
  SIZEOF_IFCONF,
  SIZEOF_IFREQ,
} from "../layouts";
import { strsize, verbose, xflag } from "../options";
import { putc, puts } from "../out";
import { findPointee, ptData, ptLen } from "../pointee";
import { putAddr, putI64, putU64 } from "../print/num";
import { quote } from "../print/quote";
import { CK_STRUCT_IF } from "../record";
import { lookup, NO_REF, strEq } from "../tables";
import { F_CSTRING, F_D, F_FLAGS, F_X, Field, printFields, printValue } from "./ioctl-fields";
import { printIfindex, printMac, printXval } from "./nl-print";
import { hasNul, hwaddrSize } from "./rtnl";
import { printSockaddr } from "./sockaddr";

/** linux/if.h: IFNAMSIZ, an interface name's bytes with its NUL. */
const IFNAMSIZ: u32 = 16;
/** sizeof(struct sockaddr): what an ifreq's address members hold. */
const SOCKADDR_SIZE: u32 = 16;

const IFR_NAME: Field = new Field("ifr_name", 0, IFNAMSIZ, F_CSTRING);
/** struct ifmap inside the ifreq's union (strace prints every member in hex). */
const IFMAP: Field[] = [
  new Field("mem_start", IFMAP_MEM_START, 8, F_X),
  new Field("mem_end", IFMAP_MEM_END, 8, F_X),
  new Field("base_addr", IFMAP_BASE_ADDR, 2, F_X),
  new Field("irq", IFMAP_IRQ, 1, F_X),
  new Field("dma", IFMAP_DMA, 1, F_X),
  new Field("port", IFMAP_PORT, 1, F_X),
];

/** The request (argument 1) by name, or NO_REF. */
function requestName(): u32 {
  return T_IOCTL < 0 ? NO_REF : lookup(T_IOCTL, <u64>(<u32>arg(1)));
}

/** Is `req` one of `names`? */
function isOneOf(req: u32, names: string[]): bool {
  for (let i = 0; i < names.length; i++) if (strEq(req, names[i])) return true;
  return false;
}

/**
 * SIOCBRADDBR/SIOCBRDELBR: the name as printstr_ex prints IFNAMSIZ bytes up to a NUL: cut at -s,
 * `...` when the bytes shown hold no NUL.
 */
export function printIfrNameArg(p: usize, len: u32): bool {
  const s = <u32>strsize;
  const shown = s < IFNAMSIZ ? s : IFNAMSIZ;
  // strace reads one byte past -s to tell a cut string from a whole one; fewer is unreadable.
  if (len < (shown < IFNAMSIZ ? shown + 1 : IFNAMSIZ)) return false;
  quote(p, shown, true, xflag);
  if (!hasNul(p, shown < IFNAMSIZ ? shown + 1 : IFNAMSIZ)) puts("...");
  return true;
}

/** `name={sa_family=…, …}`: an address member of the union. */
function sockaddrField(name: string, p: usize): void {
  puts(name);
  putc(0x3d);
  printSockaddr(p + <usize>IFREQ_IFR_IFRU, SOCKADDR_SIZE);
}

/** `ifr_hwaddr={sa_family=ARPHRD_…, sa_data=00:11:…}` (print_ifr_hwaddr). */
function hwaddrField(p: usize): void {
  const u = p + <usize>IFREQ_IFR_IFRU;
  const family = <u32>load<u16>(u);
  puts("ifr_hwaddr={sa_family=");
  printXval("arp_hardware_types", <u64>family, "ARPHRD_???");
  puts(", sa_data=");
  const size = hwaddrSize(family);
  printMac(u + 2, SA_DATA_SIZE, size < SA_DATA_SIZE ? size : SA_DATA_SIZE);
  putc(0x7d);
}
/** sizeof(sockaddr.sa_data). */
const SA_DATA_SIZE: u32 = SOCKADDR_SIZE - 2;

/** The union member request `req` names (strace's print_ifreq); false when it names none. */
function printIfreqMember(req: u32, p: usize): bool {
  const u = IFREQ_IFR_IFRU;
  if (isOneOf(req, ["SIOCSIFADDR", "SIOCGIFADDR"])) sockaddrField("ifr_addr", p);
  else if (isOneOf(req, ["SIOCSIFDSTADDR", "SIOCGIFDSTADDR"])) sockaddrField("ifr_dstaddr", p);
  else if (isOneOf(req, ["SIOCSIFBRDADDR", "SIOCGIFBRDADDR"])) sockaddrField("ifr_broadaddr", p);
  else if (isOneOf(req, ["SIOCSIFNETMASK", "SIOCGIFNETMASK"])) sockaddrField("ifr_netmask", p);
  else if (
    isOneOf(req, ["SIOCADDMULTI", "SIOCDELMULTI", "SIOCGIFHWADDR", "SIOCSIFHWADDR", "SIOCSIFHWBROADCAST"])
  )
    hwaddrField(p);
  else if (isOneOf(req, ["SIOCSIFFLAGS", "SIOCGIFFLAGS"]))
    printFields(p, [new Field("ifr_flags", u, 2, F_FLAGS, "iffflags")]);
  else if (strEq(req, "SIOCGIFINDEX")) printFields(p, [new Field("ifr_ifindex", u, 4, F_D)]);
  else if (isOneOf(req, ["SIOCSIFMETRIC", "SIOCGIFMETRIC"]))
    printFields(p, [new Field("ifr_metric", u, 4, F_D)]);
  else if (isOneOf(req, ["SIOCSIFMTU", "SIOCGIFMTU"])) printFields(p, [new Field("ifr_mtu", u, 4, F_D)]);
  else if (isOneOf(req, ["SIOCSIFSLAVE", "SIOCGIFSLAVE"]))
    printFields(p, [new Field("ifr_slave", u, IFNAMSIZ, F_CSTRING)]);
  else if (strEq(req, "SIOCSIFNAME")) printFields(p, [new Field("ifr_newname", u, IFNAMSIZ, F_CSTRING)]);
  else if (strEq(req, "SIOCGIFNAME")) printFields(p, [IFR_NAME]);
  else if (isOneOf(req, ["SIOCSIFTXQLEN", "SIOCGIFTXQLEN"]))
    printFields(p, [new Field("ifr_qlen", u, 4, F_D)]);
  else if (isOneOf(req, ["SIOCSIFMAP", "SIOCGIFMAP"])) {
    puts("ifr_map={");
    printFields(p + <usize>u, IFMAP);
    putc(0x7d);
  } else return false;
  return true;
}

/**
 * A struct ifreq: the bridge port's `{ifr_ifindex=…}`; a setter's `{ifr_name=…, member}`; a
 * getter's `{ifr_name=…` (`{ifr_ifindex=…` for SIOCGIFNAME) at entry and `, member}` at exit.
 */
export function printIfreq(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_IFREQ) return false;
  const req = requestName();
  if (atExit) {
    puts(", ");
    if (!printIfreqMember(req, p)) return false;
    putc(0x7d);
    return true;
  }
  putc(0x7b);
  if (isOneOf(req, ["SIOCBRADDIF", "SIOCBRDELIF"])) {
    puts("ifr_ifindex=");
    printIfindex(load<u32>(p + <usize>IFREQ_IFR_IFRU));
    putc(0x7d);
    return true;
  }
  if (strEq(req, "SIOCGIFNAME")) {
    printFields(p, [new Field("ifr_ifindex", IFREQ_IFR_IFRU, 4, F_D)]);
    return true;
  }
  printValueNamed(IFR_NAME, p);
  // A setter's struct is whole at entry; a getter's closes at exit.
  if (isSetter(req)) {
    puts(", ");
    printIfreqMember(req, p);
    putc(0x7d);
  }
  return true;
}

/** `name=value` of one field. */
function printValueNamed(f: Field, p: usize): void {
  puts(f.name);
  putc(0x3d);
  printValue(f, p);
}

/** Does the request give a whole ifreq (not a SIOCG* getter)? */
function isSetter(req: u32): bool {
  return !isOneOf(req, [
    "SIOCGIFADDR",
    "SIOCGIFBRDADDR",
    "SIOCGIFDSTADDR",
    "SIOCGIFFLAGS",
    "SIOCGIFHWADDR",
    "SIOCGIFINDEX",
    "SIOCGIFMAP",
    "SIOCGIFMETRIC",
    "SIOCGIFMTU",
    "SIOCGIFNETMASK",
    "SIOCGIFSLAVE",
    "SIOCGIFTXQLEN",
  ]);
}

/** print_ifc_len: the length, with ` /* N * sizeof(struct ifreq) *\/` when it is whole entries. */
function printIfcLen(v: i32): void {
  putI64(<i64>v);
  if (v > 0 && <u32>v % SIZEOF_IFREQ == 0) {
    puts(" /* ");
    putU64(<u64>(<u32>v / SIZEOF_IFREQ));
    puts(" * sizeof(struct ifreq) */");
  }
}

/** SIOCGIFCONF at entry: `{ifc_len=…` (the length only when a buffer is given; else at exit). */
export function printIfconfIn(p: usize, len: u32): bool {
  if (len < SIZEOF_IFCONF) return false;
  puts("{ifc_len=");
  if (load<u64>(p + <usize>IFCONF_IFC_IFCU) != 0) printIfcLen(load<i32>(p + <usize>IFCONF_IFC_LEN));
  return true;
}

/**
 * SIOCGIFCONF at exit, after its entry half: the length the kernel answered (` => ` when it
 * changed one given with a buffer), then the buffer: its address when none was given or the call
 * failed, else the entries, `{ifr_name=…, ifr_addr=…}` each, cut after -s unless -v.
 */
export function printIfconfOut(p: usize, len: u32): bool {
  if (len < SIZEOF_IFCONF) return false;
  const outLen = load<i32>(p + <usize>IFCONF_IFC_LEN);
  const outBuf = load<u64>(p + <usize>IFCONF_IFC_IFCU);
  // What the caller passed (the entry's capture), to tell what changed.
  let inLen = outLen;
  let inBuf = outBuf;
  if (findCap(2, CK_STRUCT_IF, false) && capLen >= SIZEOF_IFCONF) {
    inLen = load<i32>(capData + <usize>IFCONF_IFC_LEN);
    inBuf = load<u64>(capData + <usize>IFCONF_IFC_IFCU);
  }
  if (inBuf != 0 && inLen != outLen) puts(" => ");
  if (inBuf == 0 || inLen != outLen) printIfcLen(outLen);
  puts(", ifc_buf=");
  if (inBuf == 0 || isError) {
    putAddr(inBuf);
    if (inBuf != outBuf) {
      puts(" => ");
      putAddr(outBuf);
    }
  } else printIfreqArray(outBuf, <u32>outLen / SIZEOF_IFREQ);
  putc(0x7d);
  return true;
}

/** `[{ifr_name=…, ifr_addr=…}, …]` of n entries at tracee address `addr` (print_array). */
function printIfreqArray(addr: u64, n: u32): void {
  if (n == 0) {
    puts("[]");
    return;
  }
  if (!findPointee(2, IFCONF_IFC_IFCU, true) || ptLen < SIZEOF_IFREQ) {
    putAddr(addr);
    return;
  }
  putc(0x5b);
  for (let i: u32 = 0; i < n; i++) {
    if (i > 0) puts(", ");
    if ((!verbose && i >= <u32>strsize) || (i + 1) * SIZEOF_IFREQ > ptLen) {
      puts("...");
      break;
    }
    const e = ptData + <usize>(i * SIZEOF_IFREQ);
    putc(0x7b);
    printValueNamed(IFR_NAME, e);
    puts(", ");
    sockaddrField("ifr_addr", e);
    putc(0x7d);
  }
  putc(0x5d);
}
