// NETLINK_SOCK_DIAG payloads (strace's netlink_sock_diag.c, netlink_inet_diag.c,
// netlink_unix_diag.c, netlink_netlink_diag.c): requests (inet_diag_req_v2, unix_diag_req,
// netlink_diag_req) and replies (inet_diag_msg, unix_diag_msg, netlink_diag_msg), as `ss` sends
// and reads them; other families print their family and bytes.

import { strsize, verbose, xflag, xlatStyle } from "../options";
import { putc, puts } from "../out";
import { putHex, putU64 } from "../print/num";
import { HEX_ALL, quote } from "../print/quote";
import { putRef } from "../print/xlat";
import { entryName, entryValue, tableCount } from "../tables";
import { BPF_K_SOCKET, printBpfInsns } from "./bpf-filter";
import {
  F_ADDR_ALEN,
  F_COOKIE,
  F_DEV32,
  F_FLAGS32,
  F_IFINDEX,
  F_U16,
  F_U32,
  F_X8,
  F_X32,
  F_XVAL8,
  F_XVAL16,
  F_XVAL32,
  Field,
  f,
  NlStruct,
  printFamilyHeader,
  printNlStruct,
  printNlStructArray,
} from "./nl-fields";
import {
  abbreviated,
  addrOf,
  decodeInetAddr,
  have,
  haveLen,
  nlTable,
  printFlagsX,
  printHexStr,
  printIfindex,
  printInetAddr,
  printNetPort,
  printXval,
  printXvalVerbose,
  putAddrAt,
  putStopAt,
} from "./nl-print";
import {
  decodeNlattr,
  NLA_FLAGS8,
  NLA_FLAGS32,
  NLA_NESTED,
  NLA_STR,
  NLA_STRUCT,
  NLA_STRUCT_ARRAY,
  NLA_U8,
  NLA_U16,
  NLA_U32,
  NLA_U32_ARRAY,
  NLA_U64,
  NLA_X32,
  NLA_X64_ARRAY,
  NLA_XVAL_ANY,
  NLA_XVAL16,
  NlaRule,
  NlaSet,
  setStructPrinter,
} from "./nlattr";
import { printSockaddr } from "./sockaddr";

const AF_INET: u32 = 2;
const AF_INET6: u32 = 10;
const NLM_F_REQUEST: u32 = 1;
const TCPDIAG_GETSOCK: u32 = 18;
const DCCPDIAG_GETSOCK: u32 = 19;
/** sizeof(struct inet_diag_sockid) and of the structs that hold one (uapi/linux/inet_diag.h). */
const SOCKID_SIZE: u32 = 48;
const REQ_V2_SIZE: u32 = 56;
const MSG_SIZE: u32 = 72;
const REQ_COMPAT_SIZE: u32 = 60;

function at(name: string, kind: u8, table: string = "", dflt: string = ""): NlaRule {
  return new NlaRule(name, kind, table, dflt, null);
}

// INET_DIAG_REQ_* (a request's attributes), as strace's inet_diag_req_nla_decoders.
const REQ_SET = new NlaSet("inet_diag_req_attrs", "INET_DIAG_REQ_???", [
  at("INET_DIAG_REQ_PROTOCOL", NLA_XVAL_ANY, "inet_protocols", "IPPROTO_???"),
  at("INET_DIAG_REQ_BYTECODE", NLA_STRUCT, "inet_diag_bc_op"),
]);

/** A rule whose value is the nested attributes of `set`. */
function nest(name: string, set: NlaSet): NlaRule {
  return new NlaRule(name, NLA_NESTED, "", "", set);
}

// ioctlb: INET_DIAG_ULP_INFO's attributes (TLS_INFO_*, MPTCP_SUBFLOW_ATTR_*, INET_ULP_INFO_*) and
// INET_DIAG_SK_BPF_STORAGES' (SK_DIAG_BPF_STORAGE*), as strace's diag_ulp_info_*_nla_decoders and
// diag_bpf_storage*_nla_decoders.
const ULP_TLS_SET = new NlaSet("inet_diag_ulp_info_tls_attrs", "TLS_INFO_???", [
  at("TLS_INFO_VERSION", NLA_XVAL16, "tls_info_versions", "TLS_???_VERSION"),
  at("TLS_INFO_CIPHER", NLA_XVAL16, "tls_info_ciphers", "TLS_CIPHER_???"),
  at("TLS_INFO_TXCONF", NLA_XVAL16, "tls_info_configs", "TLS_CONF_???"),
  at("TLS_INFO_RXCONF", NLA_XVAL16, "tls_info_configs", "TLS_CONF_???"),
]);
const ULP_MPTCP_SET = new NlaSet("inet_diag_ulp_info_mptcp_attrs", "MPTCP_SUBFLOW_ATTR_???", [
  at("MPTCP_SUBFLOW_ATTR_TOKEN_REM", NLA_X32),
  at("MPTCP_SUBFLOW_ATTR_TOKEN_LOC", NLA_X32),
  at("MPTCP_SUBFLOW_ATTR_RELWRITE_SEQ", NLA_U32),
  at("MPTCP_SUBFLOW_ATTR_MAP_SEQ", NLA_U64),
  at("MPTCP_SUBFLOW_ATTR_MAP_SFSEQ", NLA_U32),
  at("MPTCP_SUBFLOW_ATTR_SSN_OFFSET", NLA_U32),
  at("MPTCP_SUBFLOW_ATTR_MAP_DATALEN", NLA_U16),
  at("MPTCP_SUBFLOW_ATTR_FLAGS", NLA_FLAGS32, "mptcp_subflow_flags", "MPTCP_SUBFLOW_FLAG_???"),
  at("MPTCP_SUBFLOW_ATTR_ID_REM", NLA_U8),
  at("MPTCP_SUBFLOW_ATTR_ID_LOC", NLA_U8),
]);
const ULP_SET = new NlaSet("inet_diag_ulp_info_attrs", "INET_ULP_INFO_???", [
  at("INET_ULP_INFO_NAME", NLA_STR),
  nest("INET_ULP_INFO_TLS", ULP_TLS_SET),
  nest("INET_ULP_INFO_MPTCP", ULP_MPTCP_SET),
]);
const BPF_STORAGE_SET = new NlaSet("inet_diag_bpf_storage_attrs", "SK_DIAG_BPF_STORAGE_???", [
  at("SK_DIAG_BPF_STORAGE_MAP_ID", NLA_U32),
  at("SK_DIAG_BPF_STORAGE_MAP_VALUE", NLA_STRUCT, "xint"),
]);
const BPF_STORAGES_SET = new NlaSet("inet_diag_bpf_storages_attrs", "SK_DIAG_BPF_STORAGE_???", [
  nest("SK_DIAG_BPF_STORAGE", BPF_STORAGE_SET),
]);

// INET_DIAG_* (a reply's attributes), as strace's inet_diag_msg_nla_decoders; INET_DIAG_INFO
// (unimplemented there) prints in hex.
const MSG_SET = new NlaSet("inet_diag_attrs", "INET_DIAG_???", [
  at("INET_DIAG_CONG", NLA_STR),
  at("INET_DIAG_TOS", NLA_U8),
  at("INET_DIAG_TCLASS", NLA_U8),
  at("INET_DIAG_SHUTDOWN", NLA_STRUCT, "inet_diag_shutdown"),
  // ioctlb
  at("INET_DIAG_SKMEMINFO", NLA_STRUCT, "sk_meminfo"),
  at("INET_DIAG_LOCALS", NLA_STRUCT, "sockaddrs"),
  at("INET_DIAG_PEERS", NLA_STRUCT, "sockaddrs"),
  at("INET_DIAG_MD5SIG", NLA_STRUCT, "tcp_diag_md5sig"),
  nest("INET_DIAG_ULP_INFO", ULP_SET),
  nest("INET_DIAG_SK_BPF_STORAGES", BPF_STORAGES_SET),
  at("INET_DIAG_MEMINFO", NLA_STRUCT, "inet_diag_meminfo"),
  at("INET_DIAG_VEGASINFO", NLA_STRUCT, "tcpvegas_info"),
  at("INET_DIAG_DCTCPINFO", NLA_STRUCT, "tcp_dctcp_info"),
  at("INET_DIAG_BBRINFO", NLA_STRUCT, "tcp_bbr_info"),
  at("INET_DIAG_SOCKOPT", NLA_STRUCT, "inet_diag_sockopt"),
  at("INET_DIAG_PROTOCOL", NLA_XVAL_ANY, "inet_protocols", "IPPROTO_???"),
  at("INET_DIAG_SKV6ONLY", NLA_U8),
  at("INET_DIAG_MARK", NLA_U32),
  at("INET_DIAG_CLASS_ID", NLA_U32),
  at("INET_DIAG_CGROUP_ID", NLA_U64),
]);

// UNIX_DIAG_* and NETLINK_DIAG_* (a reply's attributes), as strace's unix_diag_msg_nla_decoders
// and netlink_diag_msg_nla_decoders where their values are plain or fixed structs.
const UNIX_MSG_SET = new NlaSet("unix_diag_attrs", "UNIX_DIAG_???", [
  at("UNIX_DIAG_NAME", NLA_STR),
  at("UNIX_DIAG_VFS", NLA_STRUCT, "unix_diag_vfs"),
  at("UNIX_DIAG_PEER", NLA_U32),
  at("UNIX_DIAG_ICONS", NLA_U32_ARRAY),
  at("UNIX_DIAG_RQLEN", NLA_STRUCT, "unix_diag_rqlen"),
  at("UNIX_DIAG_SHUTDOWN", NLA_U8),
]);
const NETLINK_MSG_SET = new NlaSet("netlink_diag_attrs", "NETLINK_DIAG_???", [
  at("NETLINK_DIAG_GROUPS", NLA_X64_ARRAY),
  at("NETLINK_DIAG_RX_RING", NLA_STRUCT, "netlink_diag_ring"),
  at("NETLINK_DIAG_TX_RING", NLA_STRUCT, "netlink_diag_ring"),
  at("NETLINK_DIAG_FLAGS", NLA_FLAGS32, "netlink_socket_flags", "NDIAG_FLAG_???"),
]);

// PACKET_DIAG_* (a reply's attributes), as strace's packet_diag_msg_nla_decoders, but for
// PACKET_DIAG_MEMINFO, which prints in hex.
const PACKET_MSG_SET = new NlaSet("packet_diag_attrs", "PACKET_DIAG_???", [
  at("PACKET_DIAG_INFO", NLA_STRUCT, "packet_diag_info"),
  at("PACKET_DIAG_MCLIST", NLA_STRUCT_ARRAY, "packet_diag_mclist"),
  at("PACKET_DIAG_RX_RING", NLA_STRUCT, "packet_diag_ring"),
  at("PACKET_DIAG_TX_RING", NLA_STRUCT, "packet_diag_ring"),
  at("PACKET_DIAG_FANOUT", NLA_U32),
  at("PACKET_DIAG_UID", NLA_U32),
  at("PACKET_DIAG_FILTER", NLA_STRUCT, "sock_filter_list"),
]);

// uapi/linux/unix_diag.h, netlink_diag.h and packet_diag.h: the attribute structs, as strace prints them.
const DIAG_STRUCTS: NlStruct[] = [
  // uapi/linux/inet_diag.h: the memory and congestion-control attributes of ss -m/-i.
  new NlStruct("inet_diag_meminfo", 16, [
    f("idiag_rmem", 0, F_U32),
    f("idiag_wmem", 4, F_U32),
    f("idiag_fmem", 8, F_U32),
    f("idiag_tmem", 12, F_U32),
  ]),
  new NlStruct("tcpvegas_info", 16, [
    f("tcpv_enabled", 0, F_U32),
    f("tcpv_rttcnt", 4, F_U32),
    f("tcpv_rtt", 8, F_U32),
    f("tcpv_minrtt", 12, F_U32),
  ]),
  new NlStruct("tcp_dctcp_info", 16, [
    f("dctcp_enabled", 0, F_U16),
    f("dctcp_ce_state", 2, F_U16),
    f("dctcp_alpha", 4, F_U32),
    f("dctcp_ab_ecn", 8, F_U32),
    f("dctcp_ab_tot", 12, F_U32),
  ]),
  new NlStruct("tcp_bbr_info", 20, [
    f("bbr_bw_lo", 0, F_X32),
    f("bbr_bw_hi", 4, F_X32),
    f("bbr_min_rtt", 8, F_U32),
    f("bbr_pacing_gain", 12, F_U32),
    f("bbr_cwnd_gain", 16, F_U32),
  ]),
  new NlStruct("packet_diag_info", 24, [
    f("pdi_index", 0, F_IFINDEX),
    f("pdi_version", 4, F_XVAL32, "af_packet_versions", "TPACKET_???"),
    f("pdi_reserve", 8, F_U32),
    f("pdi_copy_thresh", 12, F_U32),
    f("pdi_tstamp", 16, F_U32),
    f("pdi_flags", 20, F_FLAGS32, "packet_diag_info_flags", "PDI_???"),
  ]),
  new NlStruct("packet_diag_mclist", 44, [
    f("pdmc_index", 0, F_IFINDEX),
    f("pdmc_count", 4, F_U32),
    f("pdmc_type", 8, F_U16),
    f("pdmc_alen", 10, F_U16),
    f("pdmc_addr", 12, F_ADDR_ALEN),
  ]),
  new NlStruct("packet_diag_ring", 28, [
    f("pdr_block_size", 0, F_U32),
    f("pdr_block_nr", 4, F_U32),
    f("pdr_frame_size", 8, F_U32),
    f("pdr_frame_nr", 12, F_U32),
    f("pdr_retire_tmo", 16, F_U32),
    f("pdr_sizeof_priv", 20, F_U32),
    f("pdr_features", 24, F_U32),
  ]),
  // udiag_vfs_ino comes first in the struct; strace prints the device first.
  new NlStruct("unix_diag_vfs", 8, [f("udiag_vfs_dev", 4, F_DEV32), f("udiag_vfs_ino", 0, F_U32)]),
  new NlStruct("unix_diag_rqlen", 8, [f("udiag_rqueue", 0, F_U32), f("udiag_wqueue", 4, F_U32)]),
  new NlStruct("netlink_diag_ring", 16, [
    f("ndr_block_size", 0, F_U32),
    f("ndr_block_nr", 4, F_U32),
    f("ndr_frame_size", 8, F_U32),
    f("ndr_frame_nr", 12, F_U32),
  ]),
];

// The fixed headers after the family byte (uapi/linux/unix_diag.h, netlink_diag.h).
const UNIX_MSG: Field[] = [
  f("udiag_type", 1, F_XVAL8, "socktypes", "SOCK_???"),
  f("udiag_state", 2, F_XVAL8, "tcp_states", "TCP_???"),
  f("udiag_ino", 4, F_U32),
  f("udiag_cookie", 8, F_COOKIE),
];
const UNIX_MSG_SIZE: u32 = 16;
const NETLINK_REQ: Field[] = [
  new Field(
    "sdiag_protocol",
    1,
    F_XVAL8,
    "netlink_protocols",
    "NETLINK_???",
    false,
    "netlink_diag_proto_all",
  ),
  f("ndiag_ino", 4, F_U32),
  f("ndiag_show", 8, F_FLAGS32, "netlink_diag_show", "NDIAG_SHOW_???"),
  f("ndiag_cookie", 12, F_COOKIE),
];
const NETLINK_REQ_SIZE: u32 = 20;
const NETLINK_MSG: Field[] = [
  f("ndiag_type", 1, F_XVAL8, "socktypes", "SOCK_???"),
  f("ndiag_protocol", 2, F_XVAL8, "netlink_protocols", "NETLINK_???"),
  f("ndiag_state", 3, F_XVAL8, "netlink_states", "NETLINK_???"),
  f("ndiag_portid", 4, F_U32),
  f("ndiag_dst_portid", 8, F_U32),
  f("ndiag_dst_group", 12, F_U32),
  f("ndiag_ino", 16, F_U32),
  f("ndiag_cookie", 20, F_COOKIE),
];
const NETLINK_MSG_SIZE: u32 = 28;
const PACKET_REQ: Field[] = [
  f("sdiag_protocol", 1, F_X8),
  f("pdiag_ino", 4, F_U32),
  f("pdiag_show", 8, F_FLAGS32, "packet_diag_show", "PACKET_SHOW_???"),
  f("pdiag_cookie", 12, F_COOKIE),
];
const PACKET_REQ_SIZE: u32 = 20;
const PACKET_MSG: Field[] = [
  f("pdiag_type", 1, F_XVAL8, "socktypes", "SOCK_???"),
  f("pdiag_num", 2, F_XVAL16, "ethernet_protocols", "ETH_P_???"),
  f("pdiag_ino", 4, F_U32),
  f("pdiag_cookie", 8, F_COOKIE),
];
const PACKET_MSG_SIZE: u32 = 16;

// SMC_DIAG_* (a reply's attributes) by name; their structs print in hex.
const SMC_MSG_SET = new NlaSet("smc_diag_attrs", "SMC_DIAG_???", [
  at("SMC_DIAG_SHUTDOWN", NLA_FLAGS8, "sock_shutdown_flags", "???_SHUTDOWN"),
  at("SMC_DIAG_CONNINFO", NLA_STRUCT, "smc_diag_conninfo"),
  at("SMC_DIAG_LGRINFO", NLA_STRUCT, "smc_diag_lgrinfo"),
  at("SMC_DIAG_DMBINFO", NLA_STRUCT, "smcd_diag_dmbinfo"),
  at("SMC_DIAG_FALLBACK", NLA_STRUCT, "smc_diag_fallback"),
]);
/** sizeof(struct smc_diag_req) and sizeof(struct smc_diag_msg) (uapi/linux/smc_diag.h). */
const SMC_REQ_SIZE: u32 = 52;
const SMC_MSG_SIZE: u32 = 64;

/**
 * An AF_SMC request or reply: its flags or states, then an AF_INET socket id (the SMC socket
 * handler keeps the TCP address), then the reply's owner and inode.
 */
function decodeSmc(p: usize, len: u32, req: bool): void {
  const size = req ? SMC_REQ_SIZE : SMC_MSG_SIZE;
  puts("{diag_family=");
  printXval("addrfams", <u64>load<u8>(p), "AF_???");
  puts(", ");
  if (len < size) {
    puts("...}");
    return;
  }
  if (!have(p, size)) {
    putAddrAt(p + 1);
    putc(0x7d);
    return;
  }
  if (req) {
    // struct smc_diag_req has two pad bytes before diag_ext.
    puts("diag_ext=");
    printFlagsX("smc_diag_extended_flags", "", <u64>load<u8>(p + 3), "1<<SMC_DIAG_???-1");
  } else {
    puts("diag_state=");
    printXval("smc_states", <u64>load<u8>(p + 1), "SMC_???");
    puts(", diag_fallback=");
    printXval("smc_diag_mode", <u64>load<u8>(p + 2), "SMC_DIAG_MODE_???");
    puts(", diag_shutdown=");
    putU64(<u64>load<u8>(p + 3));
  }
  puts(", id=");
  printSockid(p + 4, AF_INET);
  if (!req) {
    puts(", diag_uid=");
    putU64(<u64>load<u32>(p + 52));
    puts(", diag_inode=");
    putU64(load<u64>(p + 56));
  }
  putc(0x7d);
  if (!req && len > size) {
    puts(", ");
    decodeNlattr(p + size, len - size, SMC_MSG_SET);
  }
}

/** A header of `fields`, then (when it printed) the attributes of `set` from the aligned end. */
function decodeDiag(
  family: string,
  size: u32,
  fields: Field[],
  set: NlaSet | null,
  p: usize,
  len: u32,
): void {
  if (!printFamilyHeader(family, size, fields, p, len)) return;
  const off = (size + 3) & ~(<u32>3);
  if (set == null || len <= off) return;
  puts(", ");
  decodeNlattr(p + off, len - off, set);
}

const SOCK_FILTER_SIZE: u32 = 8;

/** struct smc_diag_cursor: `{reserved=1, wrap=2, count=3}`. */
function putCursor(name: string, p: usize): void {
  puts(name);
  puts("={reserved=");
  putU64(<u64>load<u16>(p));
  puts(", wrap=");
  putU64(<u64>load<u16>(p + 2));
  puts(", count=");
  putU64(<u64>load<u32>(p + 4));
  putc(0x7d);
}

/** PRINT_FIELD_0X of a u8: `0xff`, zero as `00`. */
function put0x8(name: string, v: u32): void {
  puts(name);
  putc(0x3d);
  if (v == 0) puts("00");
  else putHex(<u64>v);
}

/** PRINT_FIELD_CSTRING over `size` bytes: up to the NUL, `...` when there is none. */
function putCstring(name: string, p: usize, size: u32): void {
  puts(name);
  putc(0x3d);
  let n: u32 = 0;
  while (n < size && load<u8>(p + <usize>n) != 0) n++;
  quote(p, n < size ? n : size - 1, false, xflag);
  if (n == size) puts("...");
}

// Sizes of uapi/linux/smc_diag.h's attribute structs.
const SMC_CONNINFO_SIZE: u32 = 76;
const SMC_LGRINFO_SIZE: u32 = 147;
const SMCD_DMBINFO_SIZE: u32 = 40;
const SMC_FALLBACK_SIZE: u32 = 8;

/** The SMC_DIAG_* struct attributes, as strace's netlink_smc_diag.c prints them. */
function printSmcStruct(name: string, p: usize, len: u32): bool {
  const size =
    name == "smc_diag_conninfo"
      ? SMC_CONNINFO_SIZE
      : name == "smc_diag_lgrinfo"
        ? SMC_LGRINFO_SIZE
        : name == "smcd_diag_dmbinfo"
          ? SMCD_DMBINFO_SIZE
          : SMC_FALLBACK_SIZE;
  if (len < size) return false;
  if (!have(p, size)) {
    putAddrAt(p);
    return true;
  }
  putc(0x7b);
  if (name == "smc_diag_conninfo") {
    puts("token=");
    putU64(<u64>load<u32>(p));
    puts(", sndbuf_size=");
    putU64(<u64>load<u32>(p + 4));
    puts(", rmbe_size=");
    putU64(<u64>load<u32>(p + 8));
    puts(", peer_rmbe_size=");
    putU64(<u64>load<u32>(p + 12));
    const cursors = ["rx_prod", "rx_cons", "tx_prod", "tx_cons"];
    for (let i = 0; i < 4; i++) {
      puts(", ");
      putCursor(cursors[i], p + 16 + <usize>(i * 8));
    }
    const flags = ["rx_prod_flags", "rx_conn_state_flags", "tx_prod_flags", "tx_conn_state_flags"];
    for (let i = 0; i < 4; i++) {
      puts(", ");
      put0x8(flags[i], <u32>load<u8>(p + 48 + <usize>i));
    }
    const later = ["tx_prep", "tx_sent", "tx_fin"];
    for (let i = 0; i < 3; i++) {
      puts(", ");
      putCursor(later[i], p + 52 + <usize>(i * 8));
    }
  } else if (name == "smc_diag_lgrinfo") {
    puts("lnk=[{link_id=");
    putU64(<u64>load<u8>(p));
    puts(", ");
    putCstring("ibname", p + 1, 64);
    puts(", ibport=");
    putU64(<u64>load<u8>(p + 65));
    puts(", ");
    putCstring("gid", p + 66, 40);
    puts(", ");
    putCstring("peer_gid", p + 106, 40);
    puts("}], role=");
    printXval("smc_link_group_roles", <u64>load<u8>(p + 146), "SMC_???");
  } else if (name == "smcd_diag_dmbinfo") {
    puts("linkid=");
    putU64(<u64>load<u32>(p));
    const names = ["peer_gid", "my_gid", "token", "peer_token"];
    for (let i = 0; i < 4; i++) {
      puts(", ");
      puts(names[i]);
      putc(0x3d);
      putHex(load<u64>(p + 8 + <usize>(i * 8)));
    }
  } else {
    puts("reason=");
    printXvalVerbose("smc_decl_codes", <u64>load<u32>(p), "SMC_CLC_DECL_???");
    puts(", peer_diagnosis=");
    printXvalVerbose("smc_decl_codes", <u64>load<u32>(p + 4), "SMC_CLC_DECL_???");
  }
  putc(0x7d);
  return true;
}

// struct inet_diag_sockopt's one-bit fields, lowest bit first, in its two bytes.
const SOCKOPT_BITS0: string[] = [
  "recverr",
  "is_icsk",
  "freebind",
  "hdrincl",
  "mc_loop",
  "transparent",
  "mc_all",
  "nodefrag",
];
const SOCKOPT_BITS1: string[] = ["bind_address_no_port", "recverr_rfc4884", "defer_connect"];

/**
 * INET_DIAG_SOCKOPT (strace's decode_diag_sockopt): the set bits by name (every bit with -v), the
 * second byte's unused bits, then any non-zero bytes past the struct.
 */
function printDiagSockopt(p: usize, len: u32): bool {
  if (len < 2) return false;
  if (!have(p, 2)) {
    putAddrAt(p);
    return true;
  }
  const b0 = <u32>load<u8>(p);
  const b1 = <u32>load<u8>(p + 1);
  let n = 0;
  putc(0x7b);
  for (let i = 0; i < SOCKOPT_BITS0.length + SOCKOPT_BITS1.length; i++) {
    const v = i < 8 ? (b0 >> <u32>i) & 1 : (b1 >> <u32>(i - 8)) & 1;
    if (!verbose && v == 0) continue;
    if (n++ > 0) puts(", ");
    puts(i < 8 ? SOCKOPT_BITS0[i] : SOCKOPT_BITS1[i - 8]);
    putc(0x3d);
    putU64(<u64>v);
  }
  const unused = b1 >> 3;
  if (verbose || unused != 0) {
    if (n > 0) puts(", ");
    puts("unused=");
    putHex(<u64>unused);
    puts(" /* bits 3..8 */");
  }
  putc(0x7d);
  // print_nonzero_bytes: the rest of the attribute (up to a page) when any byte is set.
  const total = min<u32>(len, 4096);
  if (total > 2) {
    const rest = total - 2;
    if (haveLen(p + 2, rest) < rest) puts(", ???");
    else {
      let any = false;
      for (let i: u32 = 0; i < rest; i++) if (load<u8>(p + 2 + <usize>i) != 0) any = true;
      if (any) {
        puts(", /* bytes 2..");
        putU64(<u64>(total - 1));
        puts(" */ ");
        const size = min<u32>(rest, <u32>strsize);
        quote(p + 2, size, false, HEX_ALL);
        if (size < rest) puts("...");
      }
    }
  }
  return true;
}

// inet_diag bytecode operation codes whose data strace decodes (uapi/linux/inet_diag.h).
const BC_S_GE: u32 = 2;
const BC_D_LE: u32 = 5;
const BC_S_COND: u32 = 7;
const BC_D_COND: u32 = 8;
const BC_DEV_COND: u32 = 9;
const BC_MARK_COND: u32 = 10;

/** struct inet_diag_bc_op: `{code=INET_DIAG_BC_S_COND, yes=4, no=8}`. */
function putBcOp(p: usize): void {
  puts("{code=");
  printXval("inet_diag_bytecodes", <u64>load<u8>(p), "INET_DIAG_BC_???");
  puts(", yes=");
  putU64(<u64>load<u8>(p + 1));
  puts(", no=");
  putU64(<u64>load<u16>(p + 2));
  putc(0x7d);
}

/**
 * INET_DIAG_REQ_BYTECODE (strace's decode_inet_diag_bc_op): the first operation, then the data
 * its code carries (a host condition, an interface, a jump operation, a mark), else hex.
 */
function printBcOp(p: usize, len: u32): bool {
  if (len < 4) return false;
  if (!have(p, 4)) {
    putAddrAt(p);
    return true;
  }
  putBcOp(p);
  if (len == 4) return true;
  puts(", ");
  const code = <u32>load<u8>(p);
  const d = p + 4;
  const n = len - 4;
  if (code == BC_S_COND || code == BC_D_COND) {
    // struct inet_diag_hostcond, then the address in its family.
    if (n < 8) printHexStr(d, n);
    else if (!have(d, 8)) putAddrAt(d);
    else {
      const fam = <u32>load<u8>(d);
      puts("{family=");
      printXval("addrfams", <u64>fam, "AF_???");
      puts(", prefix_len=");
      putU64(<u64>load<u8>(d + 1));
      puts(", port=");
      putU64(<u64>load<u32>(d + 4));
      if (n > 8) {
        puts(", ");
        decodeInetAddr(d + 8, n - 8, fam, "addr");
      }
      putc(0x7d);
    }
  } else if (code == BC_DEV_COND) {
    if (n < 4) printHexStr(d, n);
    else if (!have(d, 4)) putAddrAt(d);
    else printIfindex(load<u32>(d));
  } else if (code >= BC_S_GE && code <= BC_D_LE) {
    if (n < 4) printHexStr(d, n);
    else if (!have(d, 4)) putAddrAt(d);
    else putBcOp(d);
  } else if (code == BC_MARK_COND) {
    if (n < 8) printHexStr(d, n);
    else if (!have(d, 8)) putAddrAt(d);
    else {
      puts("{mark=");
      putU64(<u64>load<u32>(d));
      puts(", mask=");
      putU64(<u64>load<u32>(d + 4));
      putc(0x7d);
    }
  } else printHexStr(d, n);
  return true;
}

/** Struct-valued attributes of this family. */
function printDiagStruct(name: string, p: usize, len: u32, array: bool): bool {
  if (array) return printNlStructArray(DIAG_STRUCTS, name, p, len);
  const done = printNlStruct(DIAG_STRUCTS, name, p, len);
  if (done >= 0) return done == 1;
  if (name == "inet_diag_bc_op") return printBcOp(p, len);
  if (name.startsWith("smc")) return printSmcStruct(name, p, len);
  if (name == "inet_diag_sockopt") return printDiagSockopt(p, len);
  if (name == "sock_filter_list") {
    // decode_packet_diag_filter: the socket's classic BPF program, whole instructions only;
    // its address unless -v (print_sock_fprog).
    const n = len / SOCK_FILTER_SIZE;
    if (n == 0 || n > 0xffff) return false;
    if (!verbose) putAddrAt(p);
    else printBpfInsns(addrOf(p), n, p, haveLen(p, n * SOCK_FILTER_SIZE), BPF_K_SOCKET);
    return true;
  }
  // ioctlb
  const inet = printInetDiagAttr(name, p, len);
  if (inet >= 0) return inet == 1;
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
  printNetPort(p);
  puts(", idiag_dport=");
  printNetPort(p + 2);
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
  if (family == AF_INET || family == AF_INET6) printInetAddr(family, p, name, 16);
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

/** struct inet_diag_req, the compat request of TCPDIAG_GETSOCK and DCCPDIAG_GETSOCK. */
function decodeReqCompat(p: usize, len: u32, family: u32): void {
  puts("{idiag_family=");
  printXval("addrfams", <u64>family, "AF_???");
  puts(", ");
  if (len < REQ_COMPAT_SIZE) {
    puts("...}");
    return;
  }
  if (!have(p, REQ_COMPAT_SIZE)) {
    putAddrAt(p + 1);
    putc(0x7d);
    return;
  }
  puts("idiag_src_len=");
  putU64(<u64>load<u8>(p + 1));
  puts(", idiag_dst_len=");
  putU64(<u64>load<u8>(p + 2));
  puts(", idiag_ext=");
  printFlagsX("inet_diag_extended_flags", "", <u64>load<u8>(p + 3), "1<<INET_DIAG_???-1");
  puts(", id=");
  printSockid(p + 4, family);
  puts(", idiag_states=");
  printFlagsX("tcp_state_flags", "", <u64>load<u32>(p + 4 + SOCKID_SIZE), "1<<TCP_???");
  puts(", idiag_dbs=");
  putU64(<u64>load<u32>(p + 8 + SOCKID_SIZE));
  putc(0x7d);
  if (len > REQ_COMPAT_SIZE) {
    puts(", ");
    decodeNlattr(p + REQ_COMPAT_SIZE, len - REQ_COMPAT_SIZE, REQ_SET);
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
const AF_NETLINK: u32 = 16;
const AF_PACKET: u32 = 17;
const AF_SMC: u32 = 43;
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
  // The compat requests (TCPDIAG_GETSOCK, DCCPDIAG_GETSOCK) have their own struct.
  const compat = type == TCPDIAG_GETSOCK || type == DCCPDIAG_GETSOCK;
  const req = (flags & NLM_F_REQUEST) != 0;
  if (family == AF_UNIX && len > 1 && req) decodeUnixReq(p, len);
  else if (family == AF_UNIX && len > 1)
    decodeDiag("udiag_family", UNIX_MSG_SIZE, UNIX_MSG, UNIX_MSG_SET, p, len);
  else if (family == AF_NETLINK && len > 1 && req)
    decodeDiag("sdiag_family", NETLINK_REQ_SIZE, NETLINK_REQ, null, p, len);
  else if (family == AF_NETLINK && len > 1)
    decodeDiag("ndiag_family", NETLINK_MSG_SIZE, NETLINK_MSG, NETLINK_MSG_SET, p, len);
  else if (family == AF_PACKET && len > 1 && req)
    decodeDiag("sdiag_family", PACKET_REQ_SIZE, PACKET_REQ, null, p, len);
  else if (family == AF_PACKET && len > 1)
    decodeDiag("pdiag_family", PACKET_MSG_SIZE, PACKET_MSG, PACKET_MSG_SET, p, len);
  else if (family == AF_SMC && len > 1) decodeSmc(p, len, req);
  else if (inet && req && compat) decodeReqCompat(p, len, family);
  else if (inet && req) decodeReqV2(p, len, family);
  else if (inet && (flags & NLM_F_REQUEST) == 0) decodeInetMsg(p, len, family);
  else decodeFamily(p, len, family);
  return true;
}

/** sizeof(struct sockaddr_storage): one INET_DIAG_LOCALS/PEERS element. */
const SOCKADDR_STORAGE_SIZE: u32 = 128;
/** sizeof(struct tcp_diag_md5sig): family, prefix length, key length, address, 80 key bytes. */
const MD5SIG_SIZE: u32 = 100;
const MD5SIG_KEY_MAX: u32 = 80;

/**
 * print_array over `n` elements of `size` bytes at p, each printed by `elem`: `[e, …]`, -s
 * elements unless -v, `... /* addr *\/` where reading stops, the address when nothing is readable.
 */
function printElems(p: usize, n: u32, size: u32, elem: (e: usize, i: u32) => void): void {
  if (!have(p, size)) {
    putAddrAt(p);
    return;
  }
  putc(0x5b);
  for (let i: u32 = 0; i < n; i++) {
    if (i > 0) puts(", ");
    if (abbreviated(i)) {
      puts("...");
      break;
    }
    const e = p + <usize>(i * size);
    if (!have(e, size)) {
      putStopAt(e, true);
      break;
    }
    elem(e, i);
  }
  putc(0x5d);
}

/**
 * INET_DIAG_SHUTDOWN (strace's decode_diag_shutdown): RCV_SHUTDOWN/SEND_SHUTDOWN are no uapi
 * names, so the number always shows, the names in a comment (none with -X raw).
 */
function printDiagShutdown(v: u32): void {
  if (v == 0) {
    putc(0x30);
    return;
  }
  putHex(<u64>v);
  if (xlatStyle == 1) return;
  puts(" /* ");
  const t = nlTable("inet_diag_shutdown_flags");
  let rest = v;
  let named = 0;
  for (let j: u32 = 0; t >= 0 && j < tableCount(<u32>t); j++) {
    const bit = <u32>entryValue(<u32>t, j);
    if ((rest & bit) != bit) continue;
    if (named++ > 0) putc(0x7c);
    putRef(entryName(<u32>t, j));
    rest &= ~bit;
  }
  if (rest != 0) {
    if (named > 0) {
      putc(0x7c);
      putHex(<u64>rest);
    } else puts("???_SHUTDOWN");
  }
  puts(" */");
}

/** One struct tcp_diag_md5sig: the address by its family, the key's bytes in hex up to keylen. */
function printMd5sig(e: usize, _i: u32): void {
  const family = <u32>load<u8>(e);
  puts("{tcpm_family=");
  printXval("addrfams", <u64>family, "AF_???");
  puts(", tcpm_prefixlen=");
  putU64(<u64>load<u8>(e + 1));
  puts(", tcpm_keylen=");
  const keylen = <u32>load<u16>(e + 2);
  putU64(<u64>keylen);
  puts(", ");
  printDiagAddr(e + 4, family, "tcpm_addr");
  puts(", tcpm_key=");
  quote(e + 20, keylen < MD5SIG_KEY_MAX ? keylen : MD5SIG_KEY_MAX, false, HEX_ALL);
  putc(0x7d);
}

/** `[SK_MEMINFO_RMEM_ALLOC]=n`: one u32 of INET_DIAG_SKMEMINFO, its index by name. */
function printMeminfo(e: usize, i: u32): void {
  putc(0x5b);
  printXval("netlink_sk_meminfo_indices", <u64>i, "SK_MEMINFO_???", true);
  puts("]=");
  putU64(<u64>load<u32>(e));
}

function printSockaddrElem(e: usize, _i: u32): void {
  printSockaddr(e, SOCKADDR_STORAGE_SIZE);
}

/** The inet_diag attributes above that are no fixed struct: 1 printed, 0 in hex, -1 not one. */
function printInetDiagAttr(name: string, p: usize, len: u32): i32 {
  if (name == "inet_diag_shutdown") {
    if (len < 1) return 0;
    if (!have(p, 1)) putAddrAt(p);
    else printDiagShutdown(<u32>load<u8>(p));
    return 1;
  }
  if (name == "sk_meminfo") {
    if (len < 4) return 0;
    printElems(p, len / 4, 4, printMeminfo);
    return 1;
  }
  if (name == "sockaddrs") {
    if (len < SOCKADDR_STORAGE_SIZE) return 0;
    printElems(p, len / SOCKADDR_STORAGE_SIZE, SOCKADDR_STORAGE_SIZE, printSockaddrElem);
    return 1;
  }
  if (name == "tcp_diag_md5sig") {
    if (len < MD5SIG_SIZE) return 0;
    printElems(p, len / MD5SIG_SIZE, MD5SIG_SIZE, printMd5sig);
    return 1;
  }
  if (name == "xint") {
    // decode_nla_xint: a 1, 2, 4 or 8-byte number in hex, other lengths as bytes.
    if (len != 1 && len != 2 && len != 4 && len != 8) return 0;
    if (!have(p, len)) {
      putAddrAt(p);
      return 1;
    }
    let v: u64 = 0;
    for (let i: u32 = 0; i < len; i++) v |= (<u64>load<u8>(p + <usize>i)) << (<u64>(i * 8));
    putHex(v);
    return 1;
  }
  return -1;
}
