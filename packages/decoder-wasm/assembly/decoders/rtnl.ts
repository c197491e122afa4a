// NETLINK_ROUTE payloads (strace's netlink_route.c, rtnl_link.c, rtnl_addr.c, rtnl_route.c):
// the family header struct of each RTM_* message, then its attributes. Attribute sets are data
// (NlaSet: type names, default, a value rule per type); struct-valued attributes print here.

import { xlatStyle } from "../options";
import { putc, puts } from "../out";
import { putHex, putU64 } from "../print/num";
import { printFlagsX, printHexStr, printIfindex, printXval } from "./nl-print";
import {
  decodeNlattr,
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
  NLA_XVAL16,
  NLA_XVAL32,
  NlaRule,
  NlaSet,
  setNlaFamily,
  setStructPrinter,
} from "./nlattr";

const u8r = new NlaRule(NLA_U8);
const u16r = new NlaRule(NLA_U16);
const u32r = new NlaRule(NLA_U32);
const u64r = new NlaRule(NLA_U64);
const s32r = new NlaRule(NLA_S32);
const strr = new NlaRule(NLA_STR);
const ifindexr = new NlaRule(NLA_IFINDEX);
const addrr = new NlaRule(NLA_INET_ADDR);
const hwaddr = new NlaRule(NLA_STRUCT, "hwaddr");

// IFLA_* (uapi/linux/if_link.h), as strace 6.1's ifinfomsg_nla_decoders.
const IFLA_SET = new NlaSet(
  "rtnl_link_attrs",
  "IFLA_???",
  [
    "IFLA_ADDRESS",
    "IFLA_BROADCAST",
    "IFLA_IFNAME",
    "IFLA_MTU",
    "IFLA_LINK",
    "IFLA_QDISC",
    "IFLA_MASTER",
    "IFLA_TXQLEN",
    "IFLA_WEIGHT",
    "IFLA_OPERSTATE",
    "IFLA_LINKMODE",
    "IFLA_NET_NS_PID",
    "IFLA_IFALIAS",
    "IFLA_NUM_VF",
    "IFLA_GROUP",
    "IFLA_EXT_MASK",
    "IFLA_PROMISCUITY",
    "IFLA_NUM_TX_QUEUES",
    "IFLA_NUM_RX_QUEUES",
    "IFLA_CARRIER",
    "IFLA_CARRIER_CHANGES",
    "IFLA_LINK_NETNSID",
    "IFLA_PHYS_PORT_NAME",
    "IFLA_PROTO_DOWN",
    "IFLA_GSO_MAX_SEGS",
    "IFLA_GSO_MAX_SIZE",
    "IFLA_NEW_NETNSID",
    "IFLA_IF_NETNSID",
    "IFLA_CARRIER_UP_COUNT",
    "IFLA_CARRIER_DOWN_COUNT",
    "IFLA_NEW_IFINDEX",
    "IFLA_MIN_MTU",
    "IFLA_MAX_MTU",
    "IFLA_ALT_IFNAME",
    "IFLA_PERM_ADDRESS",
    "IFLA_PARENT_DEV_NAME",
    "IFLA_PARENT_DEV_BUS_NAME",
    "IFLA_GRO_MAX_SIZE",
    "IFLA_TSO_MAX_SIZE",
    "IFLA_TSO_MAX_SEGS",
    "IFLA_ALLMULTI",
  ],
  [
    hwaddr,
    hwaddr,
    strr,
    u32r,
    u32r,
    strr,
    u32r,
    u32r,
    u32r,
    u8r,
    u8r,
    u32r,
    strr,
    u32r,
    u32r,
    new NlaRule(NLA_STRUCT, "ifla_ext_mask"),
    u32r,
    u32r,
    u32r,
    u8r,
    u32r,
    s32r,
    strr,
    u8r,
    u32r,
    u32r,
    s32r,
    s32r,
    u32r,
    u32r,
    ifindexr,
    u32r,
    u32r,
    strr,
    hwaddr,
    strr,
    strr,
    u32r,
    u32r,
    u32r,
    u32r,
  ],
);

// IFA_* (uapi/linux/if_addr.h), as strace's ifaddrmsg_nla_decoders.
const IFA_SET = new NlaSet(
  "rtnl_addr_attrs",
  "IFA_???",
  [
    "IFA_ADDRESS",
    "IFA_LOCAL",
    "IFA_LABEL",
    "IFA_BROADCAST",
    "IFA_ANYCAST",
    "IFA_CACHEINFO",
    "IFA_MULTICAST",
    "IFA_FLAGS",
    "IFA_RT_PRIORITY",
    "IFA_TARGET_NETNSID",
  ],
  [
    addrr,
    addrr,
    strr,
    addrr,
    addrr,
    new NlaRule(NLA_STRUCT, "ifa_cacheinfo"),
    addrr,
    new NlaRule(NLA_FLAGS32, "ifaddrflags", "IFA_F_???"),
    u32r,
    s32r,
  ],
);

// RTAX_* (RTA_METRICS' nested attributes), as strace's rta_metrics_nla_decoders.
const RTAX_SET = new NlaSet(
  "rtnl_rta_metrics_attrs",
  "RTAX_???",
  [
    "RTAX_LOCK",
    "RTAX_MTU",
    "RTAX_WINDOW",
    "RTAX_RTT",
    "RTAX_RTTVAR",
    "RTAX_SSTHRESH",
    "RTAX_CWND",
    "RTAX_ADVMSS",
    "RTAX_REORDERING",
    "RTAX_HOPLIMIT",
    "RTAX_INITCWND",
    "RTAX_FEATURES",
    "RTAX_RTO_MIN",
    "RTAX_INITRWND",
    "RTAX_QUICKACK",
    "RTAX_CC_ALGO",
  ],
  [u32r, u32r, u32r, u32r, u32r, u32r, u32r, u32r, u32r, u32r, u32r, u32r, u32r, u32r, u32r, strr],
);

// RTA_* (uapi/linux/rtnetlink.h), as strace's rtmsg_nla_decoders.
const RTA_SET = new NlaSet(
  "rtnl_route_attrs",
  "RTA_???",
  [
    "RTA_DST",
    "RTA_SRC",
    "RTA_IIF",
    "RTA_OIF",
    "RTA_GATEWAY",
    "RTA_PRIORITY",
    "RTA_PREFSRC",
    "RTA_METRICS",
    "RTA_PROTOINFO",
    "RTA_FLOW",
    "RTA_CACHEINFO",
    "RTA_MP_ALGO",
    "RTA_TABLE",
    "RTA_MARK",
    "RTA_NEWDST",
    "RTA_PREF",
    "RTA_ENCAP_TYPE",
    "RTA_EXPIRES",
    "RTA_UID",
    "RTA_TTL_PROPAGATE",
    "RTA_IP_PROTO",
    "RTA_SPORT",
    "RTA_DPORT",
  ],
  [
    addrr,
    addrr,
    ifindexr,
    ifindexr,
    addrr,
    u32r,
    addrr,
    new NlaRule(NLA_NESTED, "", "", RTAX_SET),
    u32r,
    u32r,
    new NlaRule(NLA_STRUCT, "rta_cacheinfo"),
    u32r,
    new NlaRule(NLA_XVAL32, "routing_table_ids"),
    u32r,
    addrr,
    u8r,
    new NlaRule(NLA_XVAL16, "lwtunnel_encap_types", "LWTUNNEL_ENCAP_???"),
    u64r,
    u32r,
    u8r,
    u8r,
    u16r,
    u16r,
  ],
);

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

/** The struct-valued attributes of this family. */
function printRouteStruct(name: string, p: usize, len: u32): bool {
  if (name == "hwaddr") return printHwaddr(p, len, msgFamily);
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
  if (name == "ifla_ext_mask") {
    if (len < 4) return false;
    printFlagsX("rtnl_ifla_ext_filter_flags", "", <u64>load<u32>(p), "RTEXT_FILTER_???");
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

// RTM_* message types (uapi/linux/rtnetlink.h): RTM_BASE 16, then NEW/DEL/GET/SET per group of four.
const RTM_NEWLINK: u32 = 16;
const RTM_NEWADDR: u32 = 20;
const RTM_NEWROUTE: u32 = 24;
const RTM_GETMULTICAST: u32 = 58;
const RTM_GETANYCAST: u32 = 62;

/** decode_netlink_route: false for NLMSG_DONE (the generic printer takes it). */
export function decodeRoute(type: u32, p: usize, len: u32): bool {
  if (type < RTM_NEWLINK) return false;
  if (len < 1) return false;
  setStructPrinter(printRouteStruct);
  if (type < RTM_NEWLINK + 4) decodeIfinfomsg(p, len);
  else if (type < RTM_NEWADDR + 3 || type == RTM_GETMULTICAST || type == RTM_GETANYCAST)
    decodeIfaddrmsg(p, len);
  else if (type >= RTM_NEWROUTE && type < RTM_NEWROUTE + 3) decodeRtmsg(p, len);
  else decodeFamily(p, len);
  return true;
}
