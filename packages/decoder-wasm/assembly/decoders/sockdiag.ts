// NETLINK_SOCK_DIAG payloads (strace's netlink_sock_diag.c, netlink_inet_diag.c): requests
// (inet_diag_req_v2) and replies (inet_diag_msg) of AF_INET and AF_INET6 sockets, as `ss` sends
// and reads them; other families print their family and bytes.

import { putc, puts } from "../out";
import { putU64 } from "../print/num";
import {
  have,
  printBe16,
  printFlagsX,
  printHexStr,
  printIfindex,
  printInetAddr,
  printXval,
  putAddrAt,
} from "./nl-print";
import {
  decodeNlattr,
  NLA_STR,
  NLA_STRUCT,
  NLA_U8,
  NLA_U32,
  NLA_U64,
  NLA_XVAL8,
  NlaRule,
  NlaSet,
  setStructPrinter,
} from "./nlattr";

const AF_INET: u32 = 2;
const AF_INET6: u32 = 10;
const NLM_F_REQUEST: u32 = 1;
const TCPDIAG_GETSOCK: u32 = 18;
const DCCPDIAG_GETSOCK: u32 = 19;
/** sizeof(struct inet_diag_sockid) and of the structs that hold one (uapi/linux/inet_diag.h). */
const SOCKID_SIZE: u32 = 48;
const REQ_V2_SIZE: u32 = 56;
const MSG_SIZE: u32 = 72;

function at(name: string, kind: u8, table: string = "", dflt: string = ""): NlaRule {
  return new NlaRule(name, kind, table, dflt, null);
}

// INET_DIAG_REQ_* (a request's attributes), as strace's inet_diag_req_nla_decoders.
const REQ_SET = new NlaSet("inet_diag_req_attrs", "INET_DIAG_REQ_???", [
  at("INET_DIAG_REQ_PROTOCOL", NLA_XVAL8, "inet_protocols", "IPPROTO_???"),
]);

// INET_DIAG_* (a reply's attributes), as strace's inet_diag_msg_nla_decoders where their values
// are plain; the others print in hex.
const MSG_SET = new NlaSet("inet_diag_attrs", "INET_DIAG_???", [
  at("INET_DIAG_CONG", NLA_STR),
  at("INET_DIAG_TOS", NLA_U8),
  at("INET_DIAG_TCLASS", NLA_U8),
  at("INET_DIAG_SHUTDOWN", NLA_STRUCT, "diag_shutdown"),
  at("INET_DIAG_PROTOCOL", NLA_XVAL8, "inet_protocols", "IPPROTO_???"),
  at("INET_DIAG_SKV6ONLY", NLA_U8),
  at("INET_DIAG_MARK", NLA_U32),
  at("INET_DIAG_CLASS_ID", NLA_U32),
  at("INET_DIAG_CGROUP_ID", NLA_U64),
]);

/** Struct-valued attributes of this family. */
function printDiagStruct(name: string, p: usize, len: u32, _array: bool): bool {
  if (name == "diag_shutdown") {
    // strace's decode_diag_shutdown: the u8 as a number (SHUT_* bits are not named there).
    if (len < 1) return false;
    if (!have(p, 1)) putAddrAt(p);
    else putU64(<u64>load<u8>(p));
    return true;
  }
  return false;
}

/** `{idiag_sport=htons(22), idiag_dport=…, idiag_src=inet_addr("…"), …, idiag_cookie=[0, 0]}`. */
function printSockid(p: usize, family: u32): void {
  puts("{idiag_sport=");
  printBe16(p);
  puts(", idiag_dport=");
  printBe16(p + 2);
  puts(", ");
  printDiagAddr(p + 4, family, "idiag_src");
  puts(", ");
  printDiagAddr(p + 20, family, "idiag_dst");
  puts(", idiag_if=");
  printIfindex(load<u32>(p + 36));
  puts(", idiag_cookie=[");
  putU64(<u64>load<u32>(p + 40));
  puts(", ");
  putU64(<u64>load<u32>(p + 44));
  puts("]}");
}

/** PRINT_FIELD_INET_ADDR: an address of the family, or its 16 bytes in hex for another. */
function printDiagAddr(p: usize, family: u32, name: string): void {
  if (family == AF_INET || family == AF_INET6) printInetAddr(family, p, name);
  else {
    puts(name);
    putc(0x3d);
    printHexStr(p, 16);
  }
}

function decodeReqV2(p: usize, len: u32, family: u32): void {
  puts("{sdiag_family=");
  printXval("addrfams", <u64>family, "AF_???");
  puts(", ");
  if (len < REQ_V2_SIZE) {
    puts("...}");
    return;
  }
  if (!have(p, REQ_V2_SIZE)) {
    putAddrAt(p + 1);
    putc(0x7d);
    return;
  }
  puts("sdiag_protocol=");
  printXval("inet_protocols", <u64>load<u8>(p + 1), "IPPROTO_???");
  puts(", idiag_ext=");
  printFlagsX("inet_diag_extended_flags", "", <u64>load<u8>(p + 2), "1<<INET_DIAG_???-1");
  puts(", idiag_states=");
  printFlagsX("tcp_state_flags", "", <u64>load<u32>(p + 4), "1<<TCP_???");
  puts(", id=");
  printSockid(p + 8, family);
  putc(0x7d);
  if (len > REQ_V2_SIZE) {
    puts(", ");
    decodeNlattr(p + REQ_V2_SIZE, len - REQ_V2_SIZE, REQ_SET);
  }
}

function decodeInetMsg(p: usize, len: u32, family: u32): void {
  puts("{idiag_family=");
  printXval("addrfams", <u64>family, "AF_???");
  puts(", ");
  if (len < MSG_SIZE) {
    puts("...}");
    return;
  }
  if (!have(p, MSG_SIZE)) {
    putAddrAt(p + 1);
    putc(0x7d);
    return;
  }
  puts("idiag_state=");
  printXval("tcp_states", <u64>load<u8>(p + 1), "TCP_???");
  puts(", idiag_timer=");
  putU64(<u64>load<u8>(p + 2));
  puts(", idiag_retrans=");
  putU64(<u64>load<u8>(p + 3));
  puts(", id=");
  printSockid(p + 4, family);
  const rest = p + 4 + SOCKID_SIZE;
  puts(", idiag_expires=");
  putU64(<u64>load<u32>(rest));
  puts(", idiag_rqueue=");
  putU64(<u64>load<u32>(rest + 4));
  puts(", idiag_wqueue=");
  putU64(<u64>load<u32>(rest + 8));
  puts(", idiag_uid=");
  putU64(<u64>load<u32>(rest + 12));
  puts(", idiag_inode=");
  putU64(<u64>load<u32>(rest + 16));
  putc(0x7d);
  if (len > MSG_SIZE) {
    puts(", ");
    decodeNlattr(p + MSG_SIZE, len - MSG_SIZE, MSG_SET);
  }
}

const AF_UNIX: u32 = 1;
/** sizeof(struct unix_diag_req) (uapi/linux/unix_diag.h). */
const UNIX_REQ_SIZE: u32 = 24;

function decodeUnixReq(p: usize, len: u32): void {
  puts("{sdiag_family=AF_UNIX, ");
  if (len < UNIX_REQ_SIZE) {
    puts("...}");
    return;
  }
  if (!have(p, UNIX_REQ_SIZE)) {
    putAddrAt(p + 1);
    putc(0x7d);
    return;
  }
  puts("sdiag_protocol=");
  putU64(<u64>load<u8>(p + 1));
  puts(", udiag_states=");
  printFlagsX("tcp_state_flags", "", <u64>load<u32>(p + 4), "1<<TCP_???");
  puts(", udiag_ino=");
  putU64(<u64>load<u32>(p + 8));
  puts(", udiag_show=");
  printFlagsX("unix_diag_show", "", <u64>load<u32>(p + 12), "UDIAG_SHOW_???");
  puts(", udiag_cookie=[");
  putU64(<u64>load<u32>(p + 16));
  puts(", ");
  putU64(<u64>load<u32>(p + 20));
  puts("]}");
}

/** `{family=AF_UNIX, data="\x…"}`: a family this decoder has no struct for. */
function decodeFamily(p: usize, len: u32, family: u32): void {
  puts("{family=");
  printXval("addrfams", <u64>family, "AF_???");
  if (len > 1) {
    puts(", data=");
    printHexStr(p + 1, len - 1);
  }
  putc(0x7d);
}

/** decode_netlink_sock_diag: false for NLMSG_DONE (the generic printer takes it). */
export function decodeSockDiag(type: u32, flags: u32, p: usize, len: u32): bool {
  if (type == 3) return false;
  if (!have(p, 1)) {
    putAddrAt(p);
    return true;
  }
  setStructPrinter(printDiagStruct);
  const family = <u32>load<u8>(p);
  const inet = (family == AF_INET || family == AF_INET6) && len > 1;
  // The compat requests (TCPDIAG_GETSOCK, DCCPDIAG_GETSOCK) have their own struct: not decoded here.
  const compat = type == TCPDIAG_GETSOCK || type == DCCPDIAG_GETSOCK;
  if (family == AF_UNIX && len > 1 && (flags & NLM_F_REQUEST) != 0) decodeUnixReq(p, len);
  else if (inet && (flags & NLM_F_REQUEST) != 0 && !compat) decodeReqV2(p, len, family);
  else if (inet && (flags & NLM_F_REQUEST) == 0) decodeInetMsg(p, len, family);
  else decodeFamily(p, len, family);
  return true;
}
