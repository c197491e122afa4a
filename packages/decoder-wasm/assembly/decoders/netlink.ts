// Netlink messages (strace's netlink.c): what sendto, recvfrom, sendmsg and recvmsg carry on a
// netlink socket, `[{nlmsg_len=20, nlmsg_type=RTM_GETADDR, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP,
// …}, {ifa_family=AF_UNSPEC, …}]`. Which protocol the socket speaks comes from the fd's
// FdDecode.NETLINK capture (`NETLINK:[ROUTE:1234]`, as strace's get_fd_nl_family reads it).

import { capAt } from "../call";
import { putc, puts } from "../out";
import { putI64, putU64 } from "../print/num";
import { printPid } from "../print/pid";
import { printBuffer } from "../print/quote";
import { CAP_HEADER, CAP_LENGTH, CAP_STATUS, CK_FD_PATH, CS_FAULT, FD_FORM_DETAIL, PT_TGID } from "../record";
import { entryName, entryValue, strLen, strPtr, tableCount, valueOf } from "../tables";
import { decodeNetfilter, netfilterFlagsTable, printNetfilterType } from "./nfnetlink";
import { F_HTONL_X, F_U32, Field, printField } from "./nl-fields";
import {
  abbreviated,
  have,
  nlTable,
  printErrNeg,
  printFlagsX,
  printHexStr,
  printXval,
  putAddrAt,
  putStopAt,
  setSpan,
} from "./nl-print";
import { decodeNlattr, NLA_STR, NLA_U8_ARRAY, NLA_U32, NlaRule, NlaSet } from "./nlattr";
import { decodeRoute } from "./rtnl";
import { decodeSockDiag } from "./sockdiag";

/** No netlink socket (or nothing says so): print the buffer as a string. */
export const NL_NONE: i32 = -2;

const NETLINK_ROUTE: i32 = 0;
const NETLINK_SOCK_DIAG: i32 = 4;
const NETLINK_AUDIT: i32 = 9;
const NETLINK_NETFILTER: i32 = 12;
const NETLINK_KOBJECT_UEVENT: i32 = 15;
const NETLINK_GENERIC: i32 = 16;
const NETLINK_SELINUX: i32 = 7;
const NETLINK_XFRM: i32 = 6;
const NETLINK_CRYPTO: i32 = 21;

const NLMSG_HDRLEN: u32 = 16;
const NLMSG_MIN_TYPE: u32 = 0x10;
const NLMSG_ERROR: u32 = 2;
const NLMSG_DONE: u32 = 3;
const NLM_F_CAPPED: u32 = 0x100;

function byteAt(p: usize, i: u32): u32 {
  return <u32>load<u8>(p + <usize>i);
}

/**
 * The netlink protocol of argument 0's socket from its FD_PATH capture at entry or exit:
 * {@link NL_NONE} when the capture does not name a netlink socket; -1 when it names one whose
 * protocol is unknown. As strace: the detail's name after `NETLINK:[` is matched, in table order,
 * against netlink_protocols' names without `NETLINK_`; digits are the protocol number.
 */
export function netlinkFamily(atExit: bool): i32 {
  const c = capAt(0, <u32>CK_FD_PATH, atExit);
  if (c == 0 || <u32>load<u16>(c + CAP_STATUS) == <u32>CS_FAULT) return NL_NONE;
  const len = load<u32>(c + CAP_LENGTH);
  if (len < 8) return NL_NONE;
  const data = c + CAP_HEADER;
  const pathLen = load<u32>(data + 4);
  if (load<u32>(data) != FD_FORM_DETAIL || <u64>pathLen + 8 > <u64>len) return NL_NONE;
  const d = data + 8 + <usize>pathLen;
  const dlen = len - 8 - pathLen;
  const prefix = "NETLINK:[";
  const plen = <u32>prefix.length;
  if (dlen < plen) return NL_NONE;
  for (let i: u32 = 0; i < plen; i++) if (byteAt(d, i) != <u32>prefix.charCodeAt(i)) return NL_NONE;
  const rest = d + <usize>plen;
  const restLen = dlen - plen;
  const t = nlTable("netlink_protocols");
  if (t >= 0) {
    const n = tableCount(<u32>t);
    for (let j: u32 = 0; j < n; j++) {
      const ref = entryName(<u32>t, j);
      const np = strPtr(ref) + 8; // past "NETLINK_"
      const nl = strLen(ref) - 8;
      if (nl > restLen) continue;
      let same = true;
      for (let i: u32 = 0; i < nl && same; i++) same = byteAt(np, i) == byteAt(rest, i);
      if (same) return <i32>entryValue(<u32>t, j);
    }
  }
  if (restLen > 0 && byteAt(rest, 0) >= 0x30 && byteAt(rest, 0) <= 0x39) {
    let v: i64 = 0;
    for (
      let i: u32 = 0;
      i < restLen && byteAt(rest, i) >= 0x30 && byteAt(rest, i) <= 0x39 && v < 0x10000;
      i++
    )
      v = v * 10 + <i64>(byteAt(rest, i) - 0x30);
    // `NETLINK:[17]` names a protocol without a name; native's `NETLINK:[inode]` (sock_diag did
    // not know the socket, as for one not bound yet) names none: strace has no details then.
    // Protocols are below MAX_LINKS (32), inodes are not.
    return v < 32 ? <i32>v : -1;
  }
  return -1;
}

/** The message-type table and default name of a protocol (strace's nlmsg_types). */
function typeTable(family: i32): string {
  switch (family) {
    case NETLINK_AUDIT:
      return "nl_audit_types";
    case NETLINK_CRYPTO:
      return "nl_crypto_types";
    case NETLINK_NETFILTER:
      return "nl_netfilter_subsys_ids";
    case NETLINK_ROUTE:
      return "nl_route_types";
    case NETLINK_SELINUX:
      return "nl_selinux_types";
    case NETLINK_SOCK_DIAG:
      return "nl_sock_diag_types";
    case NETLINK_XFRM:
      return "nl_xfrm_types";
  }
  return "";
}

function typeDefault(family: i32): string {
  switch (family) {
    case NETLINK_AUDIT:
      return "AUDIT_???";
    case NETLINK_CRYPTO:
      return "CRYPTO_MSG_???";
    case NETLINK_GENERIC:
      return "GENERIC_FAMILY_???";
    case NETLINK_NETFILTER:
      return "NFNL_SUBSYS_???";
    case NETLINK_ROUTE:
      return "RTM_???";
    case NETLINK_SELINUX:
      return "SELNL_MSG_???";
    case NETLINK_SOCK_DIAG:
      return "SOCK_DIAG_???";
    case NETLINK_XFRM:
      return "XFRM_MSG_???";
  }
  return "NLMSG_???";
}

function printType(type: u32, family: i32): void {
  if (type >= NLMSG_MIN_TYPE && typeDefault(family) != "NLMSG_???") {
    if (family == NETLINK_GENERIC) {
      // Generic families get their ids at run time; only the controller's is fixed (GENL_ID_CTRL).
      if (type == 0x10) puts("nlctrl");
      else printXval("", <u64>type, "GENERIC_FAMILY_???");
      return;
    }
    if (family == NETLINK_NETFILTER) {
      printNetfilterType(type);
      return;
    }
    printXval(typeTable(family), <u64>type, typeDefault(family));
    return;
  }
  printXval("netlink_types", <u64>type, "NLMSG_???");
}

/** The per-type flags table (strace's nlmsg_flags decoders): get, new, delete or none. */
function flagsTable(type: u32, family: i32): string {
  if (type < NLMSG_MIN_TYPE) return type == NLMSG_ERROR ? "netlink_ack_flags" : "";
  if (family == NETLINK_ROUTE) {
    if (type == 0x31) return "netlink_get_flags"; // RTM_DELACTION uses NLM_F_ROOT flags
    const k = type & 3;
    return k == 0 ? "netlink_new_flags" : k == 1 ? "netlink_delete_flags" : k == 2 ? "netlink_get_flags" : "";
  }
  if (family == NETLINK_SOCK_DIAG) return "netlink_get_flags";
  if (family == NETLINK_NETFILTER) return netfilterFlagsTable(type);
  if (family == NETLINK_XFRM || family == NETLINK_CRYPTO) {
    const t = nlTable(typeTable(family));
    for (let i = 0; i < TYPE_FLAGS.length; i += 2)
      if (valueOf(t, TYPE_FLAGS[i], 0xffffffff) == <u64>type) return TYPE_FLAGS[i + 1];
  }
  return "";
}

/**
 * XFRM and crypto message types whose flags have a per-type table (strace's
 * decode_nlmsg_flags_xfrm and _crypto), by name: type, then its table.
 */
const TYPE_FLAGS: string[] = [
  "XFRM_MSG_NEWSA",
  "netlink_new_flags",
  "XFRM_MSG_NEWPOLICY",
  "netlink_new_flags",
  "XFRM_MSG_NEWAE",
  "netlink_new_flags",
  "XFRM_MSG_NEWSADINFO",
  "netlink_new_flags",
  "XFRM_MSG_NEWSPDINFO",
  "netlink_new_flags",
  "XFRM_MSG_DELSA",
  "netlink_delete_flags",
  "XFRM_MSG_DELPOLICY",
  "netlink_delete_flags",
  "XFRM_MSG_GETSA",
  "netlink_get_flags",
  "XFRM_MSG_GETPOLICY",
  "netlink_get_flags",
  "XFRM_MSG_GETAE",
  "netlink_get_flags",
  "XFRM_MSG_GETSADINFO",
  "netlink_get_flags",
  "XFRM_MSG_GETSPDINFO",
  "netlink_get_flags",
  "CRYPTO_MSG_NEWALG",
  "netlink_new_flags",
  "CRYPTO_MSG_DELALG",
  "netlink_delete_flags",
  "CRYPTO_MSG_DELRNG",
  "netlink_delete_flags",
  "CRYPTO_MSG_GETALG",
  "netlink_get_flags",
];

function printNlmsghdr(p: usize, family: i32): void {
  const type = <u32>load<u16>(p + 4);
  puts("{nlmsg_len=");
  putU64(<u64>load<u32>(p));
  puts(", nlmsg_type=");
  printType(type, family);
  puts(", nlmsg_flags=");
  printFlagsX("netlink_flags", flagsTable(type, family), <u64>load<u16>(p + 6), "NLM_F_???");
  puts(", nlmsg_seq=");
  putU64(<u64>load<u32>(p + 8));
  puts(", nlmsg_pid=");
  printPid(load<i32>(p + 12), PT_TGID);
  putc(0x7d);
}

// NLMSGERR_ATTR_* after an extended ack, as strace's nlmsgerr_nla_decoders.
const NLMSGERR_SET = new NlaSet("nlmsgerr_attrs", "NLMSGERR_ATTR_???", [
  new NlaRule("NLMSGERR_ATTR_MSG", NLA_STR),
  new NlaRule("NLMSGERR_ATTR_OFFS", NLA_U32),
  new NlaRule("NLMSGERR_ATTR_COOKIE", NLA_U8_ARRAY),
]);

/** `{error=-ENOENT, msg={…}}`, then the extended-ack attributes when there are any. */
function decodeNlmsgerr(p: usize, len: u32, family: i32, capped: bool): void {
  if (len < 4 + NLMSG_HDRLEN) {
    printHexStr(p, len);
    return;
  }
  if (!have(p, 4 + NLMSG_HDRLEN)) {
    putAddrAt(p);
    return;
  }
  const err = load<i32>(p);
  const msg = p + 4;
  const left = len - 4;
  const msgLen = load<u32>(msg);
  const nlmsgLen = max<u32>(msgLen, NLMSG_HDRLEN);
  const want = capped ? NLMSG_HDRLEN : nlmsgLen;
  const payload = min<u32>(left, want);
  if (left > payload) putc(0x5b);
  puts("{error=");
  printErrNeg(err);
  puts(", msg=");
  decodeWithPayload(msg, payload, family);
  putc(0x7d);
  if (left > payload) {
    puts(", ");
    decodeNlattr(msg + <usize>payload, left - payload, NLMSGERR_SET);
    putc(0x5d);
  }
}

/** SELNL_MSG_SETENFORCE `{val=1}` and SELNL_MSG_POLICYLOAD `{seqno=2}` (uapi/linux/selinux_netlink.h). */
function decodeSelinux(type: u32, p: usize, len: u32): bool {
  if (type != 0x10 && type != 0x11) return false;
  if (len < 4) printHexStr(p, len);
  else if (!have(p, 4)) putAddrAt(p);
  else if (type == 0x10) {
    puts("{val=");
    putI64(<i64>load<i32>(p));
    putc(0x7d);
  } else {
    puts("{seqno=");
    putU64(<u64>load<u32>(p));
    putc(0x7d);
  }
  return true;
}

function decodePayload(p: usize, len: u32, type: u32, flags: u32, family: i32): void {
  if (type == NLMSG_ERROR) {
    decodeNlmsgerr(p, len, family, (flags & NLM_F_CAPPED) != 0);
    return;
  }
  if (type >= NLMSG_MIN_TYPE || type == NLMSG_DONE) {
    if (family == NETLINK_ROUTE && decodeRoute(type, p, len)) return;
    if (family == NETLINK_SOCK_DIAG && decodeSockDiag(type, flags, p, len)) return;
    if (family == NETLINK_SELINUX && decodeSelinux(type, p, len)) return;
    if (family == NETLINK_NETFILTER && decodeNetfilter(type, p, len)) return;
  }
  if (type == NLMSG_DONE && len == 4) {
    if (have(p, 4)) putI64(<i64>load<i32>(p));
    else putAddrAt(p);
    return;
  }
  printHexStr(p, len);
}

/** One message with what follows its header, `len` bytes of it at most. */
function decodeWithPayload(p: usize, len: u32, family: i32): void {
  const declared = load<u32>(p);
  const nlmsgLen = declared < len ? declared : len;
  if (nlmsgLen > NLMSG_HDRLEN) putc(0x5b);
  printNlmsghdr(p, family);
  if (nlmsgLen > NLMSG_HDRLEN) {
    puts(", ");
    decodePayload(
      p + NLMSG_HDRLEN,
      nlmsgLen - NLMSG_HDRLEN,
      <u32>load<u16>(p + 4),
      <u32>load<u16>(p + 6),
      family,
    );
    putc(0x5d);
  }
}

/** struct udev_monitor_netlink_header (systemd's libudev), after its "libudev" prefix. */
const UDEV_HEADER: Field[] = [
  new Field("magic", 8, F_HTONL_X),
  new Field("header_size", 12, F_U32),
  new Field("properties_off", 16, F_U32),
  new Field("properties_len", 20, F_U32),
  new Field("filter_subsystem_hash", 24, F_HTONL_X),
  new Field("filter_devtype_hash", 28, F_HTONL_X),
  new Field("filter_tag_bloom_hi", 32, F_HTONL_X),
  new Field("filter_tag_bloom_lo", 36, F_HTONL_X),
];
const UDEV_HEADER_SIZE: u32 = 40;

/** A udev monitor message: its header read whole, with the "libudev\0" prefix. */
function isUdevHeader(p: usize, captured: u32, len: u64): bool {
  if (len < <u64>UDEV_HEADER_SIZE || captured < UDEV_HEADER_SIZE) return false;
  const prefix = "libudev";
  for (let i = 0; i < prefix.length; i++)
    if (<i32>load<u8>(p + <usize>i) != prefix.charCodeAt(i)) return false;
  return load<u8>(p + 7) == 0;
}

/** decode_netlink_kobject_uevent: `[{prefix="libudev", magic=htonl(…), …}, "properties"]`. */
function decodeUdev(p: usize, captured: u32, len: u64): void {
  const more = len > <u64>UDEV_HEADER_SIZE;
  if (more) putc(0x5b);
  puts('{prefix="libudev"');
  for (let i = 0; i < UDEV_HEADER.length; i++) {
    puts(", ");
    puts(UDEV_HEADER[i].name);
    putc(0x3d);
    printField(UDEV_HEADER[i], p);
  }
  putc(0x7d);
  if (!more) return;
  puts(", ");
  if (captured > UDEV_HEADER_SIZE || len == <u64>UDEV_HEADER_SIZE)
    printBuffer(p + UDEV_HEADER_SIZE, captured - UDEV_HEADER_SIZE, len - <u64>UDEV_HEADER_SIZE);
  else putAddrAt(p + UDEV_HEADER_SIZE);
  putc(0x5d);
}

/**
 * decode_netlink: the messages in a buffer of `len` bytes at tracee address `addr`, of which
 * `captured` were read (to p; the rest was unreadable or past the capture's limit); `family` from
 * {@link netlinkFamily}. -s messages at most unless -v.
 */
export function decodeNetlink(p: usize, captured: u32, len: u64, family: i32, addr: u64): void {
  setSpan(p, captured, addr);
  if (family == NETLINK_KOBJECT_UEVENT) {
    // udev's own messages ("libudev" header) strace decodes further; the kernel's are text.
    if (addr == 0) puts("NULL");
    else if (!isUdevHeader(p, captured, len)) printBuffer(p, captured, len);
    else decodeUdev(p, captured, len);
    return;
  }
  let left: u32 = len > <u64>0xffffffff ? 0xffffffff : <u32>len;
  let isArray = false;
  for (let elt: u32 = 0; ; elt++) {
    if (left < NLMSG_HDRLEN) {
      printHexStr(p, left);
      break;
    }
    if (!have(p, NLMSG_HDRLEN)) {
      putStopAt(p, isArray);
      break;
    }
    if (abbreviated(elt)) {
      puts("...");
      break;
    }
    const msgLen = load<u32>(p);
    const aligned = <u64>((<u64>msgLen + 3) & ~(<u64>3));
    let nextLen: u32 = 0;
    if (msgLen >= NLMSG_HDRLEN) nextLen = <u64>left >= aligned ? left - <u32>aligned : 0;
    if (!isArray && nextLen != 0) {
      putc(0x5b);
      isArray = true;
    }
    decodeWithPayload(p, left, family);
    if (nextLen == 0) break;
    puts(", ");
    p += <usize>aligned;
    left = nextLen;
  }
  if (isArray) putc(0x5d);
}
