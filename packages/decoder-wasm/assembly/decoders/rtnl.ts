// NETLINK_ROUTE payloads (strace's netlink_route.c, rtnl_link.c, rtnl_addr.c, rtnl_route.c):
// the family header struct of each RTM_* message, then its attributes. Attribute sets are data
// (NlaSet: type names, default, a value rule per type); struct-valued attributes print here.

import { xlatStyle } from "../options";
import { putc, puts } from "../out";
import { putHex, putU64 } from "../print/num";
import { have, printFlagsX, printHexStr, printIfindex, printXval, putAddrAt } from "./nl-print";
import {
  decodeNlattr,
  NLA_BE16,
  NLA_BE64,
  NLA_FLAGS8,
  NLA_FLAGS16,
  NLA_FLAGS32,
  NLA_IFINDEX,
  NLA_INET_ADDR,
  NLA_NESTED,
  NLA_S32,
  NLA_STR,
  NLA_STRUCT,
  NLA_U8,
  NLA_U16,
  NLA_U32,
  NLA_U64,
  NLA_XVAL8,
  NLA_XVAL16,
  NLA_XVAL32,
  NlaRule,
  NlaSet,
  setNlaFamily,
  setStructPrinter,
} from "./nlattr";

/** A rule: attribute `name` prints with value printer `kind`. */
function at(
  name: string,
  kind: u8,
  table: string = "",
  dflt: string = "",
  nested: NlaSet | null = null,
): NlaRule {
  return new NlaRule(name, kind, table, dflt, nested);
}

// IFLA_XDP_* (IFLA_XDP's nested attributes), as strace's ifla_xdp_nla_decoders; an fd prints as
// its number (strace would add -y's path: the tracee's fd table is not read for it here).
const XDP_SET = new NlaSet("rtnl_ifla_xdp_attrs", "IFLA_XDP_???", [
  at("IFLA_XDP_FD", NLA_S32),
  at("IFLA_XDP_ATTACHED", NLA_XVAL8, "rtnl_ifla_xdp_attached_mode", "XDP_ATTACHED_???"),
  at("IFLA_XDP_FLAGS", NLA_FLAGS32, "xdp_flags", "XDP_FLAGS_???"),
  at("IFLA_XDP_PROG_ID", NLA_U32),
  at("IFLA_XDP_DRV_PROG_ID", NLA_U32),
  at("IFLA_XDP_SKB_PROG_ID", NLA_U32),
  at("IFLA_XDP_HW_PROG_ID", NLA_U32),
  at("IFLA_XDP_EXPECTED_FD", NLA_S32),
]);

// IFLA_* (uapi/linux/if_link.h), as strace 6.1's ifinfomsg_nla_decoders.
const IFLA_SET = new NlaSet("rtnl_link_attrs", "IFLA_???", [
  at("IFLA_ADDRESS", NLA_STRUCT, "hwaddr"),
  at("IFLA_BROADCAST", NLA_STRUCT, "hwaddr"),
  at("IFLA_IFNAME", NLA_STR),
  at("IFLA_MTU", NLA_U32),
  at("IFLA_LINK", NLA_U32),
  at("IFLA_QDISC", NLA_STR),
  at("IFLA_STATS", NLA_STRUCT, "rtnl_link_stats"),
  at("IFLA_MASTER", NLA_U32),
  at("IFLA_TXQLEN", NLA_U32),
  at("IFLA_WEIGHT", NLA_U32),
  at("IFLA_OPERSTATE", NLA_U8),
  at("IFLA_LINKMODE", NLA_U8),
  at("IFLA_NET_NS_PID", NLA_U32),
  at("IFLA_IFALIAS", NLA_STR),
  at("IFLA_NUM_VF", NLA_U32),
  at("IFLA_STATS64", NLA_STRUCT, "rtnl_link_stats64"),
  at("IFLA_GROUP", NLA_U32),
  at("IFLA_EXT_MASK", NLA_FLAGS32, "rtnl_ifla_ext_filter_flags", "RTEXT_FILTER_???"),
  at("IFLA_PROMISCUITY", NLA_U32),
  at("IFLA_NUM_TX_QUEUES", NLA_U32),
  at("IFLA_NUM_RX_QUEUES", NLA_U32),
  at("IFLA_CARRIER", NLA_U8),
  at("IFLA_CARRIER_CHANGES", NLA_U32),
  at("IFLA_LINK_NETNSID", NLA_S32),
  at("IFLA_PHYS_PORT_NAME", NLA_STR),
  at("IFLA_PROTO_DOWN", NLA_U8),
  at("IFLA_GSO_MAX_SEGS", NLA_U32),
  at("IFLA_GSO_MAX_SIZE", NLA_U32),
  at("IFLA_NEW_NETNSID", NLA_S32),
  at("IFLA_IF_NETNSID", NLA_S32),
  at("IFLA_CARRIER_UP_COUNT", NLA_U32),
  at("IFLA_CARRIER_DOWN_COUNT", NLA_U32),
  at("IFLA_NEW_IFINDEX", NLA_IFINDEX),
  at("IFLA_MIN_MTU", NLA_U32),
  at("IFLA_MAX_MTU", NLA_U32),
  at("IFLA_ALT_IFNAME", NLA_STR),
  at("IFLA_PERM_ADDRESS", NLA_STRUCT, "hwaddr"),
  at("IFLA_PARENT_DEV_NAME", NLA_STR),
  at("IFLA_PARENT_DEV_BUS_NAME", NLA_STR),
  at("IFLA_GRO_MAX_SIZE", NLA_U32),
  at("IFLA_TSO_MAX_SIZE", NLA_U32),
  at("IFLA_TSO_MAX_SEGS", NLA_U32),
  at("IFLA_ALLMULTI", NLA_U32),
  at("IFLA_XDP", NLA_NESTED, "", "", XDP_SET),
]);

// IFA_* (uapi/linux/if_addr.h), as strace's ifaddrmsg_nla_decoders.
const IFA_SET = new NlaSet("rtnl_addr_attrs", "IFA_???", [
  at("IFA_ADDRESS", NLA_INET_ADDR),
  at("IFA_LOCAL", NLA_INET_ADDR),
  at("IFA_LABEL", NLA_STR),
  at("IFA_BROADCAST", NLA_INET_ADDR),
  at("IFA_ANYCAST", NLA_INET_ADDR),
  at("IFA_CACHEINFO", NLA_STRUCT, "ifa_cacheinfo"),
  at("IFA_MULTICAST", NLA_INET_ADDR),
  at("IFA_FLAGS", NLA_FLAGS32, "ifaddrflags", "IFA_F_???"),
  at("IFA_RT_PRIORITY", NLA_U32),
  at("IFA_TARGET_NETNSID", NLA_S32),
]);

// RTAX_* (RTA_METRICS' nested attributes), as strace's rta_metrics_nla_decoders.
const RTAX_SET = new NlaSet("rtnl_rta_metrics_attrs", "RTAX_???", [
  at("RTAX_LOCK", NLA_U32),
  at("RTAX_MTU", NLA_U32),
  at("RTAX_WINDOW", NLA_U32),
  at("RTAX_RTT", NLA_U32),
  at("RTAX_RTTVAR", NLA_U32),
  at("RTAX_SSTHRESH", NLA_U32),
  at("RTAX_CWND", NLA_U32),
  at("RTAX_ADVMSS", NLA_U32),
  at("RTAX_REORDERING", NLA_U32),
  at("RTAX_HOPLIMIT", NLA_U32),
  at("RTAX_INITCWND", NLA_U32),
  at("RTAX_FEATURES", NLA_U32),
  at("RTAX_RTO_MIN", NLA_U32),
  at("RTAX_INITRWND", NLA_U32),
  at("RTAX_QUICKACK", NLA_U32),
  at("RTAX_CC_ALGO", NLA_STR),
]);

// RTA_* (uapi/linux/rtnetlink.h), as strace's rtmsg_nla_decoders.
const RTA_SET = new NlaSet("rtnl_route_attrs", "RTA_???", [
  at("RTA_DST", NLA_INET_ADDR),
  at("RTA_SRC", NLA_INET_ADDR),
  at("RTA_IIF", NLA_IFINDEX),
  at("RTA_OIF", NLA_IFINDEX),
  at("RTA_GATEWAY", NLA_INET_ADDR),
  at("RTA_PRIORITY", NLA_U32),
  at("RTA_PREFSRC", NLA_INET_ADDR),
  at("RTA_METRICS", NLA_NESTED, "", "", RTAX_SET),
  at("RTA_PROTOINFO", NLA_U32),
  at("RTA_FLOW", NLA_U32),
  at("RTA_CACHEINFO", NLA_STRUCT, "rta_cacheinfo"),
  at("RTA_MP_ALGO", NLA_U32),
  at("RTA_TABLE", NLA_XVAL32, "routing_table_ids"),
  at("RTA_MARK", NLA_U32),
  at("RTA_NEWDST", NLA_INET_ADDR),
  at("RTA_PREF", NLA_U8),
  at("RTA_ENCAP_TYPE", NLA_XVAL16, "lwtunnel_encap_types", "LWTUNNEL_ENCAP_???"),
  at("RTA_EXPIRES", NLA_U64),
  at("RTA_UID", NLA_U32),
  at("RTA_TTL_PROPAGATE", NLA_U8),
  at("RTA_IP_PROTO", NLA_U8),
  at("RTA_SPORT", NLA_U16),
  at("RTA_DPORT", NLA_U16),
]);

// NDA_* (uapi/linux/neighbour.h), as strace's ndmsg_nla_decoders.
const NDA_SET = new NlaSet("rtnl_neigh_attrs", "NDA_???", [
  at("NDA_DST", NLA_INET_ADDR),
  at("NDA_LLADDR", NLA_STRUCT, "hwaddr_any"),
  at("NDA_CACHEINFO", NLA_STRUCT, "nda_cacheinfo"),
  at("NDA_PROBES", NLA_U32),
  at("NDA_VLAN", NLA_U16),
  at("NDA_PORT", NLA_BE16),
  at("NDA_VNI", NLA_U32),
  at("NDA_IFINDEX", NLA_IFINDEX),
  at("NDA_MASTER", NLA_IFINDEX),
  at("NDA_LINK_NETNSID", NLA_U32),
  at("NDA_SRC_VNI", NLA_U32),
  at("NDA_PROTOCOL", NLA_XVAL8, "inet_protocols", "IPPROTO_???"),
  at("NDA_NH_ID", NLA_U32),
  at("NDA_FLAGS_EXT", NLA_FLAGS32, "neighbor_cache_entry_ext_flags", "NTF_EXT_???"),
  at("NDA_NDM_STATE_MASK", NLA_FLAGS16, "neighbor_cache_entry_states", "NUD_???"),
  at("NDA_NDM_FLAGS_MASK", NLA_FLAGS8, "neighbor_cache_entry_flags", "NTF_???"),
]);

// FRA_* (uapi/linux/fib_rules.h), as strace's fib_rule_hdr_nla_decoders.
const FRA_SET = new NlaSet("rtnl_rule_attrs", "FRA_???", [
  at("FRA_DST", NLA_INET_ADDR),
  at("FRA_SRC", NLA_INET_ADDR),
  at("FRA_IIFNAME", NLA_STR),
  at("FRA_GOTO", NLA_U32),
  at("FRA_PRIORITY", NLA_U32),
  at("FRA_FWMARK", NLA_U32),
  at("FRA_FLOW", NLA_U32),
  at("FRA_TUN_ID", NLA_BE64),
  at("FRA_SUPPRESS_IFGROUP", NLA_U32),
  at("FRA_SUPPRESS_PREFIXLEN", NLA_U32),
  at("FRA_TABLE", NLA_XVAL32, "routing_table_ids"),
  at("FRA_FWMASK", NLA_U32),
  at("FRA_OIFNAME", NLA_STR),
  at("FRA_L3MDEV", NLA_U8),
  at("FRA_UID_RANGE", NLA_STRUCT, "fib_rule_range"),
  at("FRA_PROTOCOL", NLA_XVAL8, "routing_protocols", "RTPROT_???"),
  at("FRA_IP_PROTO", NLA_XVAL8, "inet_protocols", "IPPROTO_???"),
  at("FRA_SPORT_RANGE", NLA_STRUCT, "fib_rule_port_range"),
  at("FRA_DPORT_RANGE", NLA_STRUCT, "fib_rule_port_range"),
]);

/** The size of a hardware address of type `devtype` (strace's hwaddr_sizes; 255: any). */
function hwaddrSize(devtype: u32): u32 {
  switch (devtype) {
    case 0:
    case 3:
      return 7;
    case 1:
    case 6:
    case 772:
    case 774:
    case 780:
    case 801:
    case 802:
    case 803:
      return 6;
    case 7:
    case 290:
    case 773:
    case 820:
    case 821:
      return 1;
    case 15:
      return 2;
    case 24:
    case 769:
    case 823:
      return 16;
    case 27:
    case 804:
    case 805:
    case 825:
      return 8;
    case 32:
      return 20;
    case 270:
      return 5;
    case 768:
    case 776:
    case 778:
    case 783:
      return 4;
    case 256:
    case 271:
    case 280:
    case 512:
    case 518:
    case 519:
    case 777:
    case 779:
    case 822:
    case 824:
    case 826:
      return 0;
  }
  return 255;
}

/** The message's family, used by hwaddr (strace passes ifi_family as the device type). */
let msgFamily: u32 = 0;

/** print_hwaddr: `00:11:22:33:44:55`, -X aware; false past MAX_ADDR_LEN (32) bytes. */
function printHwaddr(p: usize, len: u32, devtype: u32): bool {
  if (len > 32) return false;
  const max = hwaddrSize(devtype);
  const n = len < max ? len : max;
  // -X raw/verbose show the bytes; verbose adds the colon form as a comment.
  if (xlatStyle != 0) printHexStr(p, len);
  if (xlatStyle == 1) return true;
  if (xlatStyle == 2) puts(" /* ");
  for (let i: u32 = 0; i < n; i++) {
    if (i > 0) putc(0x3a);
    const b = <u32>load<u8>(p + <usize>i);
    const hi = b >> 4;
    const lo = b & 0xf;
    putc(hi < 10 ? 0x30 + hi : 0x57 + hi);
    putc(lo < 10 ? 0x30 + lo : 0x57 + lo);
  }
  if (xlatStyle == 2) puts(" */");
  return true;
}

function u32f(name: string, p: usize, first: bool = false): void {
  if (!first) puts(", ");
  puts(name);
  putc(0x3d);
  putU64(<u64>load<u32>(p));
}

/**
 * struct rtnl_link_stats and rtnl_link_stats64 (uapi/linux/if_link.h): the same counters, all u32
 * in one and all u64 in the other, in this order.
 */
const LINK_STATS: string[] = [
  "rx_packets",
  "tx_packets",
  "rx_bytes",
  "tx_bytes",
  "rx_errors",
  "tx_errors",
  "rx_dropped",
  "tx_dropped",
  "multicast",
  "collisions",
  "rx_length_errors",
  "rx_over_errors",
  "rx_crc_errors",
  "rx_frame_errors",
  "rx_fifo_errors",
  "rx_missed_errors",
  "tx_aborted_errors",
  "tx_carrier_errors",
  "tx_fifo_errors",
  "tx_heartbeat_errors",
  "tx_window_errors",
  "rx_compressed",
  "tx_compressed",
  "rx_nohandler",
  "rx_otherhost_dropped",
];

/**
 * The counters as strace 6.1 prints them: every field of its struct when the attribute is at least
 * that long (24 in rtnl_link_stats, 25 in rtnl_link_stats64), the older shorter forms only at
 * their exact lengths (without rx_nohandler; 64-bit also without rx_otherhost_dropped).
 */
function printLinkStats(p: usize, len: u32, wide: bool): bool {
  const w: u32 = wide ? 8 : 4;
  const all: u32 = wide ? 25 : 24;
  let n: u32 = 0;
  if (len >= all * w) n = all;
  else if (wide && len == 24 * w) n = 24;
  else if (len == 23 * w) n = 23;
  if (n == 0) return false;
  putc(0x7b);
  for (let i: u32 = 0; i < n; i++) {
    if (i > 0) puts(", ");
    puts(LINK_STATS[i]);
    putc(0x3d);
    putU64(wide ? load<u64>(p + <usize>(i * 8)) : <u64>load<u32>(p + <usize>(i * 4)));
  }
  putc(0x7d);
  return true;
}

/** The bytes a struct printer reads from an attribute of `len` bytes; 0 when it does not fit. */
function structSize(name: string, len: u32): u32 {
  if (name == "hwaddr" || name == "hwaddr_any") return len <= 32 ? len : 0;
  if (name == "nda_cacheinfo") return len >= 16 ? 16 : 0;
  if (name == "fib_rule_range") return len >= 8 ? 8 : 0;
  if (name == "fib_rule_port_range") return len >= 4 ? 4 : 0;
  if (name == "ifa_cacheinfo") return len >= 16 ? 16 : 0;
  if (name == "rta_cacheinfo") return len >= 32 ? 32 : 0;
  if (name == "rtnl_link_stats") return len >= 96 ? 96 : len == 92 ? 92 : 0;
  if (name == "rtnl_link_stats64") return len >= 200 ? 200 : len == 192 || len == 184 ? len : 0;
  return 0;
}

/** The struct-valued attributes of this family. */
function printRouteStruct(name: string, p: usize, len: u32): bool {
  const size = structSize(name, len);
  if (size == 0) return false;
  if (!have(p, size)) {
    putAddrAt(p);
    return true;
  }
  if (name == "hwaddr") return printHwaddr(p, len, msgFamily);
  if (name == "hwaddr_any") return printHwaddr(p, len, 0xffffffff);
  if (name == "fib_rule_range") {
    putc(0x7b);
    u32f("start", p, true);
    u32f("end", p + 4);
    putc(0x7d);
    return true;
  }
  if (name == "fib_rule_port_range") {
    puts("{start=");
    putU64(<u64>load<u16>(p));
    puts(", end=");
    putU64(<u64>load<u16>(p + 2));
    putc(0x7d);
    return true;
  }
  if (name == "nda_cacheinfo") {
    putc(0x7b);
    u32f("ndm_confirmed", p, true);
    u32f("ndm_used", p + 4);
    u32f("ndm_updated", p + 8);
    u32f("ndm_refcnt", p + 12);
    putc(0x7d);
    return true;
  }
  if (name == "rtnl_link_stats") return printLinkStats(p, len, false);
  if (name == "rtnl_link_stats64") return printLinkStats(p, len, true);
  if (name == "ifa_cacheinfo") {
    if (len < 16) return false;
    putc(0x7b);
    u32f("ifa_prefered", p, true);
    u32f("ifa_valid", p + 4);
    u32f("cstamp", p + 8);
    u32f("tstamp", p + 12);
    putc(0x7d);
    return true;
  }
  if (name == "rta_cacheinfo") {
    if (len < 32) return false;
    putc(0x7b);
    u32f("rta_clntref", p, true);
    u32f("rta_lastuse", p + 4);
    u32f("rta_expires", p + 8);
    u32f("rta_error", p + 12);
    u32f("rta_used", p + 16);
    puts(", rta_id=");
    putHex(<u64>load<u32>(p + 20));
    u32f("rta_ts", p + 24);
    u32f("rta_tsage", p + 28);
    putc(0x7d);
    return true;
  }
  return false;
}

/** `{family=AF_INET, data="\x…"}`: a message strace has no struct for. */
function decodeFamily(p: usize, len: u32): void {
  puts("{family=");
  printXval("addrfams", <u64>load<u8>(p), "AF_???");
  if (len > 1) {
    puts(", data=");
    printHexStr(p + 1, len - 1);
  }
  putc(0x7d);
}

function decodeIfinfomsg(p: usize, len: u32): void {
  const fam = <u32>load<u8>(p);
  puts("{ifi_family=");
  printXval("addrfams", <u64>fam, "AF_???");
  puts(", ");
  if (len < 16) {
    puts("...}");
    return;
  }
  if (!have(p, 16)) {
    putAddrAt(p + 1);
    putc(0x7d);
    return;
  }
  puts("ifi_type=");
  printXval("arp_hardware_types", <u64>load<u16>(p + 2), "ARPHRD_???");
  puts(", ifi_index=");
  printIfindex(load<u32>(p + 4));
  puts(", ifi_flags=");
  printFlagsX("iffflags", "", <u64>load<u32>(p + 8), "IFF_???");
  puts(", ifi_change=");
  putHex(<u64>load<u32>(p + 12));
  putc(0x7d);
  if (len > 16) {
    puts(", ");
    msgFamily = fam;
    decodeNlattr(p + 16, len - 16, IFLA_SET);
  }
}

function decodeIfaddrmsg(p: usize, len: u32): void {
  const fam = <u32>load<u8>(p);
  puts("{ifa_family=");
  printXval("addrfams", <u64>fam, "AF_???");
  puts(", ");
  if (len < 8) {
    puts("...}");
    return;
  }
  if (!have(p, 8)) {
    putAddrAt(p + 1);
    putc(0x7d);
    return;
  }
  puts("ifa_prefixlen=");
  putU64(<u64>load<u8>(p + 1));
  puts(", ifa_flags=");
  printFlagsX("ifaddrflags", "", <u64>load<u8>(p + 2), "IFA_F_???");
  puts(", ifa_scope=");
  printXval("routing_scopes", <u64>load<u8>(p + 3), "");
  puts(", ifa_index=");
  printIfindex(load<u32>(p + 4));
  putc(0x7d);
  if (len > 8) {
    puts(", ");
    setNlaFamily(fam);
    decodeNlattr(p + 8, len - 8, IFA_SET);
  }
}

function decodeRtmsg(p: usize, len: u32): void {
  const fam = <u32>load<u8>(p);
  puts("{rtm_family=");
  printXval("addrfams", <u64>fam, "AF_???");
  puts(", ");
  if (len < 12) {
    puts("...}");
    return;
  }
  if (!have(p, 12)) {
    putAddrAt(p + 1);
    putc(0x7d);
    return;
  }
  puts("rtm_dst_len=");
  putU64(<u64>load<u8>(p + 1));
  puts(", rtm_src_len=");
  putU64(<u64>load<u8>(p + 2));
  puts(", rtm_tos=");
  printFlagsX("ip_type_of_services", "", <u64>load<u8>(p + 3), "IPTOS_TOS_???");
  puts(", rtm_table=");
  printXval("routing_table_ids", <u64>load<u8>(p + 4), "");
  puts(", rtm_protocol=");
  printXval("routing_protocols", <u64>load<u8>(p + 5), "RTPROT_???");
  puts(", rtm_scope=");
  printXval("routing_scopes", <u64>load<u8>(p + 6), "");
  puts(", rtm_type=");
  printXval("routing_types", <u64>load<u8>(p + 7), "RTN_???");
  puts(", rtm_flags=");
  printFlagsX("routing_flags", "", <u64>load<u32>(p + 8), "RTM_F_???");
  putc(0x7d);
  if (len > 12) {
    puts(", ");
    setNlaFamily(fam);
    decodeNlattr(p + 12, len - 12, RTA_SET);
  }
}

function decodeNdmsg(p: usize, len: u32): void {
  const fam = <u32>load<u8>(p);
  puts("{ndm_family=");
  printXval("addrfams", <u64>fam, "AF_???");
  puts(", ");
  if (len < 12) {
    puts("...}");
    return;
  }
  if (!have(p, 12)) {
    putAddrAt(p + 1);
    putc(0x7d);
    return;
  }
  puts("ndm_ifindex=");
  printIfindex(load<u32>(p + 4));
  puts(", ndm_state=");
  printFlagsX("neighbor_cache_entry_states", "", <u64>load<u16>(p + 8), "NUD_???");
  puts(", ndm_flags=");
  printFlagsX("neighbor_cache_entry_flags", "", <u64>load<u8>(p + 10), "NTF_???");
  puts(", ndm_type=");
  printXval("routing_types", <u64>load<u8>(p + 11), "RTN_???");
  putc(0x7d);
  if (len > 12) {
    puts(", ");
    setNlaFamily(fam);
    decodeNlattr(p + 12, len - 12, NDA_SET);
  }
}

function decodeFibRuleHdr(p: usize, len: u32): void {
  const fam = <u32>load<u8>(p);
  puts("{family=");
  printXval("addrfams", <u64>fam, "AF_???");
  puts(", ");
  if (len < 12) {
    puts("...}");
    return;
  }
  if (!have(p, 12)) {
    putAddrAt(p + 1);
    putc(0x7d);
    return;
  }
  puts("dst_len=");
  putU64(<u64>load<u8>(p + 1));
  puts(", src_len=");
  putU64(<u64>load<u8>(p + 2));
  puts(", tos=");
  printFlagsX("ip_type_of_services", "", <u64>load<u8>(p + 3), "IPTOS_TOS_???");
  puts(", table=");
  printXval("routing_table_ids", <u64>load<u8>(p + 4), "RT_TABLE_???");
  puts(", action=");
  printXval("fib_rule_actions", <u64>load<u8>(p + 7), "FR_ACT_???");
  puts(", flags=");
  printFlagsX("fib_rule_flags", "", <u64>load<u32>(p + 8), "FIB_RULE_???");
  putc(0x7d);
  if (len > 12) {
    puts(", ");
    setNlaFamily(fam);
    decodeNlattr(p + 12, len - 12, FRA_SET);
  }
}

// NETNSA_*, NETCONFA_*, IFAL_* and DCB_ATTR_*, as strace's nsid, netconfmsg, ifaddrlblmsg and
// dcbmsg decoders (an fd prints as its number).
const NETNSA_SET = new NlaSet("rtnl_nsid_attrs", "NETNSA_???", [
  at("NETNSA_NSID", NLA_S32),
  at("NETNSA_PID", NLA_U32),
  at("NETNSA_FD", NLA_S32),
  at("NETNSA_TARGET_NSID", NLA_S32),
  at("NETNSA_CURRENT_NSID", NLA_S32),
]);
const NETCONFA_SET = new NlaSet("rtnl_netconf_attrs", "NETCONFA_???", [
  at("NETCONFA_IFINDEX", NLA_IFINDEX),
  at("NETCONFA_FORWARDING", NLA_S32),
  at("NETCONFA_RP_FILTER", NLA_S32),
  at("NETCONFA_MC_FORWARDING", NLA_S32),
  at("NETCONFA_PROXY_NEIGH", NLA_S32),
  at("NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN", NLA_S32),
  at("NETCONFA_INPUT", NLA_S32),
  at("NETCONFA_BC_FORWARDING", NLA_S32),
]);
const IFAL_SET = new NlaSet("rtnl_addrlabel_attrs", "IFAL_???", [
  at("IFAL_ADDRESS", NLA_INET_ADDR),
  at("IFAL_LABEL", NLA_U32),
]);
const DCB_SET = new NlaSet("rtnl_dcb_attrs", "DCB_ATTR_???", []);

/** A family byte alone (rtgenmsg, netconfmsg), then attributes of `set` from offset 4. */
function decodeFamilyOnly(p: usize, len: u32, field: string, set: NlaSet): void {
  const fam = <u32>load<u8>(p);
  putc(0x7b);
  puts(field);
  putc(0x3d);
  printXval("addrfams", <u64>fam, "AF_???");
  putc(0x7d);
  if (len > 4) {
    puts(", ");
    setNlaFamily(fam);
    decodeNlattr(p + 4, len - 4, set);
  }
}

function decodeIfaddrlblmsg(p: usize, len: u32): void {
  const fam = <u32>load<u8>(p);
  puts("{ifal_family=");
  printXval("addrfams", <u64>fam, "AF_???");
  puts(", ");
  if (len < 12) {
    puts("...}");
    return;
  }
  if (!have(p, 12)) {
    putAddrAt(p + 1);
    putc(0x7d);
    return;
  }
  puts("ifal_prefixlen=");
  putU64(<u64>load<u8>(p + 2));
  puts(", ifal_flags=");
  putU64(<u64>load<u8>(p + 3));
  puts(", ifal_index=");
  printIfindex(load<u32>(p + 4));
  u32f("ifal_seq", p + 8);
  putc(0x7d);
  if (len > 12) {
    puts(", ");
    setNlaFamily(fam);
    decodeNlattr(p + 12, len - 12, IFAL_SET);
  }
}

function decodeDcbmsg(p: usize, len: u32): void {
  puts("{dcb_family=");
  printXval("addrfams", <u64>load<u8>(p), "AF_???");
  puts(", ");
  if (len < 4) {
    puts("...}");
    return;
  }
  if (!have(p, 4)) {
    putAddrAt(p + 1);
    putc(0x7d);
    return;
  }
  puts("cmd=");
  printXval("dcb_commands", <u64>load<u8>(p + 1), "DCB_CMD_???");
  putc(0x7d);
  if (len > 4) {
    puts(", ");
    decodeNlattr(p + 4, len - 4, DCB_SET);
  }
}

// TCA_*, TCA_ROOT_*, NDTA_*, MDBA_*, NHA_* and IFLA_STATS_*: the traffic-control, neighbour
// table, multicast database, nexthop and statistics messages' attributes, by name; the values
// strace decodes as plain numbers or strings decode here, the others print in hex.
const TCA_SET = new NlaSet("rtnl_tc_attrs", "TCA_???", [
  at("TCA_KIND", NLA_STR),
  at("TCA_FCNT", NLA_U32),
  at("TCA_CHAIN", NLA_U32),
  at("TCA_HW_OFFLOAD", NLA_U8),
  at("TCA_INGRESS_BLOCK", NLA_U32),
  at("TCA_EGRESS_BLOCK", NLA_U32),
  at("TCA_DUMP_FLAGS", NLA_U32),
]);
const TCA_ROOT_SET = new NlaSet("rtnl_tc_action_attrs", "TCA_ROOT_???", [
  at("TCA_ROOT_COUNT", NLA_U32),
  at("TCA_ROOT_TIME_DELTA", NLA_U32),
]);
const NDTA_SET = new NlaSet("rtnl_neightbl_attrs", "NDTA_???", [
  at("NDTA_NAME", NLA_STR),
  at("NDTA_THRESH1", NLA_U32),
  at("NDTA_THRESH2", NLA_U32),
  at("NDTA_THRESH3", NLA_U32),
  at("NDTA_GC_INTERVAL", NLA_U64),
]);
const MDBA_SET = new NlaSet("rtnl_mdb_attrs", "MDBA_???", []);
const CACHEREPORT_SET = new NlaSet("", "", []);
const NHA_SET = new NlaSet("rtnl_nexthop_attrs", "NHA_???", [
  at("NHA_ID", NLA_U32),
  at("NHA_OIF", NLA_IFINDEX),
  at("NHA_GATEWAY", NLA_INET_ADDR),
]);
const IFSTATS_SET = new NlaSet("ifstats_attrs", "IFLA_STATS_???", [
  at("IFLA_STATS_LINK_64", NLA_STRUCT, "rtnl_link_stats64"),
]);

/** A family byte, then fields in a header of `size` bytes (`...` when shorter), then attributes. */
function header(p: usize, len: u32, field: string, size: u32): bool {
  putc(0x7b);
  puts(field);
  putc(0x3d);
  printXval("addrfams", <u64>load<u8>(p), "AF_???");
  puts(", ");
  if (len < size) {
    puts("...}");
    return false;
  }
  if (!have(p, size)) {
    putAddrAt(p + 1);
    putc(0x7d);
    return false;
  }
  return true;
}

function attrsAfter(p: usize, len: u32, size: u32, set: NlaSet): void {
  const off = (size + 3) & ~(<u32>3);
  if (len > off) {
    puts(", ");
    setNlaFamily(<u32>load<u8>(p));
    decodeNlattr(p + off, len - off, set);
  }
}

function decodeTcmsg(p: usize, len: u32): void {
  if (!header(p, len, "tcm_family", 20)) return;
  puts("tcm_ifindex=");
  printIfindex(load<u32>(p + 4));
  u32f("tcm_handle", p + 8);
  u32f("tcm_parent", p + 12);
  u32f("tcm_info", p + 16);
  putc(0x7d);
  attrsAfter(p, len, 20, TCA_SET);
}

function decodeBrPortMsg(p: usize, len: u32): void {
  if (!header(p, len, "family", 8)) return;
  puts("ifindex=");
  printIfindex(load<u32>(p + 4));
  putc(0x7d);
  attrsAfter(p, len, 8, MDBA_SET);
}

function decodeIfstatsmsg(p: usize, len: u32): void {
  if (!header(p, len, "family", 12)) return;
  if (load<u8>(p + 1) != 0) {
    puts("pad1=");
    putHex(<u64>load<u8>(p + 1));
    puts(", ");
  }
  if (load<u16>(p + 2) != 0) {
    puts("pad2=");
    putHex(<u64>load<u16>(p + 2));
    puts(", ");
  }
  puts("ifindex=");
  printIfindex(load<u32>(p + 4));
  puts(", filter_mask=");
  printFlagsX("ifstats_attr_flags", "", <u64>load<u32>(p + 8), "1<<IFLA_STATS_???");
  putc(0x7d);
  attrsAfter(p, len, 12, IFSTATS_SET);
}

function decodeNhmsg(p: usize, len: u32): void {
  if (!header(p, len, "nh_family", 8)) return;
  puts("nh_scope=");
  printXval("routing_scopes", <u64>load<u8>(p + 1), "");
  puts(", nh_protocol=");
  printXval("routing_protocols", <u64>load<u8>(p + 2), "RTPROT_???");
  if (load<u8>(p + 3) != 0) {
    puts(", resvd=");
    putHex(<u64>load<u8>(p + 3));
  }
  puts(", nh_flags=");
  printFlagsX("route_nexthop_flags", "", <u64>load<u32>(p + 4), "RTNH_F_???");
  putc(0x7d);
  attrsAfter(p, len, 8, NHA_SET);
}

// RTM_* message types (uapi/linux/rtnetlink.h): RTM_BASE 16, then NEW/DEL/GET/SET per group of four.
const RTM_NEWLINK: u32 = 16;
const RTM_NEWADDR: u32 = 20;
const RTM_NEWROUTE: u32 = 24;
const RTM_NEWNEIGH: u32 = 28;
const RTM_NEWRULE: u32 = 32;
const RTM_NEWADDRLABEL: u32 = 72;
const RTM_GETDCB: u32 = 78;
const RTM_NEWNETCONF: u32 = 80;
const RTM_NEWNSID: u32 = 88;
const RTM_NEWQDISC: u32 = 36;
const RTM_NEWACTION: u32 = 48;
const RTM_NEWNEIGHTBL: u32 = 64;
const RTM_NEWMDB: u32 = 84;
const RTM_NEWSTATS: u32 = 92;
const RTM_NEWCHAIN: u32 = 100;
const RTM_NEWNEXTHOP: u32 = 104;
const RTM_NEWCACHEREPORT: u32 = 96;
const AF_BRIDGE: u32 = 7;
const RTM_GETMULTICAST: u32 = 58;
const RTM_GETANYCAST: u32 = 62;

/** decode_netlink_route: false for NLMSG_DONE (the generic printer takes it). */
export function decodeRoute(type: u32, p: usize, len: u32): bool {
  if (type < RTM_NEWLINK) return false;
  if (!have(p, 1)) {
    putAddrAt(p);
    return true;
  }
  setStructPrinter(printRouteStruct);
  if (type < RTM_NEWLINK + 4) decodeIfinfomsg(p, len);
  else if (type < RTM_NEWADDR + 3 || type == RTM_GETMULTICAST || type == RTM_GETANYCAST)
    decodeIfaddrmsg(p, len);
  else if (type >= RTM_NEWROUTE && type < RTM_NEWROUTE + 3) decodeRtmsg(p, len);
  else if (type == RTM_NEWNEIGH + 2 && load<u8>(p) == AF_BRIDGE) decodeIfinfomsg(p, len);
  else if (type >= RTM_NEWNEIGH && type < RTM_NEWNEIGH + 3) decodeNdmsg(p, len);
  else if (type >= RTM_NEWRULE && type < RTM_NEWRULE + 3) decodeFibRuleHdr(p, len);
  else if (type >= RTM_NEWADDRLABEL && type < RTM_NEWADDRLABEL + 3) decodeIfaddrlblmsg(p, len);
  else if (type == RTM_GETDCB || type == RTM_GETDCB + 1) decodeDcbmsg(p, len);
  else if (type >= RTM_NEWNETCONF && type < RTM_NEWNETCONF + 3)
    decodeFamilyOnly(p, len, "ncm_family", NETCONFA_SET);
  else if (type >= RTM_NEWNSID && type < RTM_NEWNSID + 3)
    decodeFamilyOnly(p, len, "rtgen_family", NETNSA_SET);
  else if (
    (type >= RTM_NEWQDISC && type < RTM_NEWQDISC + 11 && (type & 3) != 3) ||
    (type >= RTM_NEWCHAIN && type < RTM_NEWCHAIN + 3)
  )
    decodeTcmsg(p, len);
  else if (type >= RTM_NEWACTION && type < RTM_NEWACTION + 3)
    decodeFamilyOnly(p, len, "tca_family", TCA_ROOT_SET);
  else if (type == RTM_NEWNEIGHTBL || type == RTM_NEWNEIGHTBL + 2 || type == RTM_NEWNEIGHTBL + 3)
    decodeFamilyOnly(p, len, "ndtm_family", NDTA_SET);
  else if (type >= RTM_NEWMDB && type < RTM_NEWMDB + 3) decodeBrPortMsg(p, len);
  else if (type == RTM_NEWSTATS || type == RTM_NEWSTATS + 2) decodeIfstatsmsg(p, len);
  else if (type >= RTM_NEWNEXTHOP && type < RTM_NEWNEXTHOP + 3) decodeNhmsg(p, len);
  else if (type == RTM_NEWCACHEREPORT) decodeFamilyOnly(p, len, "rtgen_family", CACHEREPORT_SET);
  else decodeFamily(p, len);
  return true;
}
