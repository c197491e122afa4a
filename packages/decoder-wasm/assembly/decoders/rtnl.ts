// NETLINK_ROUTE payloads (strace's netlink_route.c, rtnl_link.c, rtnl_addr.c, rtnl_route.c):
// the family header struct of each RTM_* message, then its attributes. Attribute sets are data
// (NlaSet: type names, default, a value rule per type); struct-valued attributes print here.

import { strsize, xflag } from "../options";
import { putc, puts } from "../out";
import { putHex, putU64 } from "../print/num";
import { HEX_ALL, quote } from "../print/quote";
import { blob, lookup, NO_REF, valueOf } from "../tables";
import {
  F_FLAGS8,
  F_FLAGS16,
  F_FLAGS32,
  F_HTONS_XVAL,
  F_IFINDEX,
  F_S8,
  F_S16,
  F_S32,
  F_U8,
  F_U16,
  F_U32,
  F_U64,
  F_X8,
  F_X16,
  F_X32,
  F_X64,
  F_XVAL8,
  F_XVAL16,
  F_XVAL32,
  Field,
  f,
  fieldValue,
  hexBytes,
  mac,
  NlStruct,
  pad,
  printField,
  printNlStruct,
  printNlStructArray,
  u64Idx,
} from "./nl-fields";
import {
  decodeInetAddr,
  have,
  nlTable,
  printFlagsX,
  printHexStr,
  printIfindex,
  printInetAddr,
  printMac,
  printXval,
  putAddrAt,
} from "./nl-print";
import {
  decodeNlattr,
  FamilySet,
  NLA_AF_SPEC,
  NLA_BE16,
  NLA_BE64,
  NLA_CLOCK_T,
  NLA_FD,
  NLA_FLAGS8,
  NLA_FLAGS16,
  NLA_FLAGS32,
  NLA_IFINDEX,
  NLA_IFINDEX_NESTED,
  NLA_IN_ADDR,
  NLA_IN6_ADDR,
  NLA_INET_ADDR,
  NLA_NESTED,
  NLA_S32,
  NLA_S32_IDX_ARRAY,
  NLA_STR,
  NLA_STRUCT,
  NLA_STRUCT_ARRAY,
  NLA_U8,
  NLA_U16,
  NLA_U16_ARRAY,
  NLA_U32,
  NLA_U64,
  NLA_U64_IDX_ARRAY,
  NLA_X16,
  NLA_X32,
  NLA_XVAL8,
  NLA_XVAL16,
  NLA_XVAL32,
  NlaRule,
  NlaSet,
  setNlaFamily,
  setStructPrinter,
} from "./nlattr";

const AF_BRIDGE: u32 = 7;

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

// IFLA_XDP_* (IFLA_XDP's nested attributes), as strace's ifla_xdp_nla_decoders.
const XDP_SET = new NlaSet("rtnl_ifla_xdp_attrs", "IFLA_XDP_???", [
  at("IFLA_XDP_FD", NLA_FD),
  at("IFLA_XDP_ATTACHED", NLA_XVAL8, "rtnl_ifla_xdp_attached_mode", "XDP_ATTACHED_???"),
  at("IFLA_XDP_FLAGS", NLA_FLAGS32, "xdp_flags", "XDP_FLAGS_???"),
  at("IFLA_XDP_PROG_ID", NLA_U32),
  at("IFLA_XDP_DRV_PROG_ID", NLA_U32),
  at("IFLA_XDP_SKB_PROG_ID", NLA_U32),
  at("IFLA_XDP_HW_PROG_ID", NLA_U32),
  at("IFLA_XDP_EXPECTED_FD", NLA_FD),
]);

// IFLA_INFO_* (IFLA_LINKINFO's nested attributes), as strace's ifla_linkinfo_nla_decoders: the
// kind and slave kind, remembered as they pass, choose how the data, statistics and slave data
// that follow them print (printLinkinfo below).
const IFLA_INFO_SET = new NlaSet("rtnl_ifla_info_attrs", "IFLA_INFO_???", [
  at("IFLA_INFO_KIND", NLA_STRUCT, "linkinfo_kind"),
  at("IFLA_INFO_DATA", NLA_STRUCT, "linkinfo_data"),
  at("IFLA_INFO_XSTATS", NLA_STRUCT, "linkinfo_xstats"),
  at("IFLA_INFO_SLAVE_KIND", NLA_STRUCT, "linkinfo_slave_kind"),
  at("IFLA_INFO_SLAVE_DATA", NLA_STRUCT, "linkinfo_slave_data"),
]);

// BRIDGE_QUERIER_* (a bridge's IFLA_BR_MCAST_QUERIER_STATE), as strace's ifla_br_mcast_querier_decoders.
const BR_QUERIER_SET = new NlaSet("rtnl_ifla_br_mcast_querier_attrs", "BRIDGE_QUERIER_???", [
  at("BRIDGE_QUERIER_IP_ADDRESS", NLA_IN_ADDR),
  at("BRIDGE_QUERIER_IP_PORT", NLA_IFINDEX),
  at("BRIDGE_QUERIER_IP_OTHER_TIMER", NLA_CLOCK_T),
  at("BRIDGE_QUERIER_IPV6_ADDRESS", NLA_IN6_ADDR),
  at("BRIDGE_QUERIER_IPV6_PORT", NLA_IFINDEX),
  at("BRIDGE_QUERIER_IPV6_OTHER_TIMER", NLA_CLOCK_T),
]);

// IFLA_BR_* (a "bridge" link's IFLA_INFO_DATA), as strace's ifla_info_data_bridge_nla_decoders.
const BR_DATA_SET = new NlaSet("rtnl_ifla_info_data_bridge_attrs", "IFLA_BR_???", [
  at("IFLA_BR_FORWARD_DELAY", NLA_CLOCK_T),
  at("IFLA_BR_HELLO_TIME", NLA_CLOCK_T),
  at("IFLA_BR_MAX_AGE", NLA_CLOCK_T),
  at("IFLA_BR_AGEING_TIME", NLA_CLOCK_T),
  at("IFLA_BR_STP_STATE", NLA_U32),
  at("IFLA_BR_PRIORITY", NLA_U16),
  at("IFLA_BR_VLAN_FILTERING", NLA_U8),
  at("IFLA_BR_VLAN_PROTOCOL", NLA_STRUCT, "ether_proto"),
  at("IFLA_BR_GROUP_FWD_MASK", NLA_X16),
  at("IFLA_BR_ROOT_ID", NLA_STRUCT, "ifla_bridge_id"),
  at("IFLA_BR_BRIDGE_ID", NLA_STRUCT, "ifla_bridge_id"),
  at("IFLA_BR_ROOT_PORT", NLA_U16),
  at("IFLA_BR_ROOT_PATH_COST", NLA_U32),
  at("IFLA_BR_TOPOLOGY_CHANGE", NLA_U8),
  at("IFLA_BR_TOPOLOGY_CHANGE_DETECTED", NLA_U8),
  at("IFLA_BR_HELLO_TIMER", NLA_CLOCK_T),
  at("IFLA_BR_TCN_TIMER", NLA_CLOCK_T),
  at("IFLA_BR_TOPOLOGY_CHANGE_TIMER", NLA_CLOCK_T),
  at("IFLA_BR_GC_TIMER", NLA_CLOCK_T),
  at("IFLA_BR_GROUP_ADDR", NLA_STRUCT, "hwaddr_any"),
  at("IFLA_BR_MCAST_ROUTER", NLA_U8),
  at("IFLA_BR_MCAST_SNOOPING", NLA_U8),
  at("IFLA_BR_MCAST_QUERY_USE_IFADDR", NLA_U8),
  at("IFLA_BR_MCAST_QUERIER", NLA_U8),
  at("IFLA_BR_MCAST_HASH_ELASTICITY", NLA_U32),
  at("IFLA_BR_MCAST_HASH_MAX", NLA_U32),
  at("IFLA_BR_MCAST_LAST_MEMBER_CNT", NLA_U32),
  at("IFLA_BR_MCAST_STARTUP_QUERY_CNT", NLA_U32),
  at("IFLA_BR_MCAST_LAST_MEMBER_INTVL", NLA_CLOCK_T),
  at("IFLA_BR_MCAST_MEMBERSHIP_INTVL", NLA_CLOCK_T),
  at("IFLA_BR_MCAST_QUERIER_INTVL", NLA_CLOCK_T),
  at("IFLA_BR_MCAST_QUERY_INTVL", NLA_CLOCK_T),
  at("IFLA_BR_MCAST_QUERY_RESPONSE_INTVL", NLA_CLOCK_T),
  at("IFLA_BR_MCAST_STARTUP_QUERY_INTVL", NLA_CLOCK_T),
  at("IFLA_BR_NF_CALL_IPTABLES", NLA_U8),
  at("IFLA_BR_NF_CALL_IP6TABLES", NLA_U8),
  at("IFLA_BR_NF_CALL_ARPTABLES", NLA_U8),
  at("IFLA_BR_VLAN_DEFAULT_PVID", NLA_U16),
  at("IFLA_BR_VLAN_STATS_ENABLED", NLA_U8),
  at("IFLA_BR_MCAST_STATS_ENABLED", NLA_U8),
  at("IFLA_BR_MCAST_IGMP_VERSION", NLA_U8),
  at("IFLA_BR_MCAST_MLD_VERSION", NLA_U8),
  at("IFLA_BR_VLAN_STATS_PER_PORT", NLA_U8),
  at("IFLA_BR_MULTI_BOOLOPT", NLA_STRUCT, "br_boolopt_multi"),
  at("IFLA_BR_MCAST_QUERIER_STATE", NLA_NESTED, "", "", BR_QUERIER_SET),
]);

// IFLA_TUN_* (a "tun" link's IFLA_INFO_DATA), as strace's ifla_info_data_tun_nla_decoders.
const TUN_DATA_SET = new NlaSet("rtnl_ifla_info_data_tun_attrs", "IFLA_TUN_???", [
  at("IFLA_TUN_OWNER", NLA_STRUCT, "uid"),
  at("IFLA_TUN_GROUP", NLA_STRUCT, "uid"),
  at("IFLA_TUN_TYPE", NLA_XVAL8, "tun_device_types", "IFF_???"),
  at("IFLA_TUN_PI", NLA_U8),
  at("IFLA_TUN_VNET_HDR", NLA_U8),
  at("IFLA_TUN_PERSIST", NLA_U8),
  at("IFLA_TUN_MULTI_QUEUE", NLA_U8),
  at("IFLA_TUN_NUM_QUEUES", NLA_U32),
  at("IFLA_TUN_NUM_DISABLED_QUEUES", NLA_U32),
]);
const IFLA_PORT_SET = new NlaSet("rtnl_ifla_port_attrs", "IFLA_PORT_???", [
  at("IFLA_PORT_VF", NLA_U32),
  at("IFLA_PORT_PROFILE", NLA_STR),
  at("IFLA_PORT_VSI_TYPE", NLA_STRUCT, "ifla_port_vsi"),
  at("IFLA_PORT_REQUEST", NLA_U8),
  at("IFLA_PORT_RESPONSE", NLA_U16),
]);
const IFLA_VF_PORT_SET = new NlaSet("rtnl_ifla_vf_port_attrs", "IFLA_VF_PORT_???", [
  at("IFLA_VF_PORT", NLA_NESTED, "", "", IFLA_PORT_SET),
]);

// IFLA_VF_* (IFLA_VFINFO_LIST's IFLA_VF_INFO entries), as strace's ifla_vf_info_nla_decoders:
// one struct per attribute, the VF's statistics and VLAN list nested.
const VF_STATS_SET = new NlaSet("rtnl_ifla_vf_stats_attrs", "IFLA_VF_STATS_???", [
  at("IFLA_VF_STATS_RX_PACKETS", NLA_U64),
  at("IFLA_VF_STATS_TX_PACKETS", NLA_U64),
  at("IFLA_VF_STATS_RX_BYTES", NLA_U64),
  at("IFLA_VF_STATS_TX_BYTES", NLA_U64),
  at("IFLA_VF_STATS_BROADCAST", NLA_U64),
  at("IFLA_VF_STATS_MULTICAST", NLA_U64),
  at("IFLA_VF_STATS_RX_DROPPED", NLA_U64),
  at("IFLA_VF_STATS_TX_DROPPED", NLA_U64),
]);
const VF_VLAN_LIST_SET = new NlaSet("rtnl_ifla_vf_vlan_list_attrs", "IFLA_VF_VLAN_INFO_???", [
  at("IFLA_VF_VLAN_INFO", NLA_STRUCT, "ifla_vf_vlan_info"),
]);
const VF_INFO_SET = new NlaSet("rtnl_ifla_vf_info_attrs", "IFLA_VF_???", [
  at("IFLA_VF_MAC", NLA_STRUCT, "ifla_vf_mac"),
  at("IFLA_VF_VLAN", NLA_STRUCT, "ifla_vf_vlan"),
  at("IFLA_VF_TX_RATE", NLA_STRUCT, "ifla_vf_tx_rate"),
  at("IFLA_VF_SPOOFCHK", NLA_STRUCT, "ifla_vf_setting"),
  at("IFLA_VF_LINK_STATE", NLA_STRUCT, "ifla_vf_link_state"),
  at("IFLA_VF_RATE", NLA_STRUCT, "ifla_vf_rate"),
  at("IFLA_VF_RSS_QUERY_EN", NLA_STRUCT, "ifla_vf_setting"),
  at("IFLA_VF_STATS", NLA_NESTED, "", "", VF_STATS_SET),
  at("IFLA_VF_TRUST", NLA_STRUCT, "ifla_vf_setting"),
  at("IFLA_VF_IB_NODE_GUID", NLA_STRUCT, "ifla_vf_guid"),
  at("IFLA_VF_IB_PORT_GUID", NLA_STRUCT, "ifla_vf_guid"),
  at("IFLA_VF_VLAN_LIST", NLA_NESTED, "", "", VF_VLAN_LIST_SET),
  at("IFLA_VF_BROADCAST", NLA_STRUCT, "ifla_vf_broadcast"),
]);
const VFINFO_LIST_SET = new NlaSet("rtnl_ifla_vfinfo_list_attrs", "IFLA_VF_INFO_???", [
  at("IFLA_VF_INFO", NLA_NESTED, "", "", VF_INFO_SET),
]);

// IFLA_BRPORT_* (a bridge port's IFLA_PROTINFO), as strace's ifla_brport_nla_decoders.
const BRPORT_SET = new NlaSet("rtnl_ifla_brport_attrs", "IFLA_BRPORT_???", [
  at("IFLA_BRPORT_STATE", NLA_U8),
  at("IFLA_BRPORT_PRIORITY", NLA_U16),
  at("IFLA_BRPORT_COST", NLA_U32),
  at("IFLA_BRPORT_MODE", NLA_U8),
  at("IFLA_BRPORT_GUARD", NLA_U8),
  at("IFLA_BRPORT_PROTECT", NLA_U8),
  at("IFLA_BRPORT_FAST_LEAVE", NLA_U8),
  at("IFLA_BRPORT_LEARNING", NLA_U8),
  at("IFLA_BRPORT_UNICAST_FLOOD", NLA_U8),
  at("IFLA_BRPORT_PROXYARP", NLA_U8),
  at("IFLA_BRPORT_LEARNING_SYNC", NLA_U8),
  at("IFLA_BRPORT_PROXYARP_WIFI", NLA_U8),
  at("IFLA_BRPORT_ROOT_ID", NLA_STRUCT, "ifla_bridge_id"),
  at("IFLA_BRPORT_BRIDGE_ID", NLA_STRUCT, "ifla_bridge_id"),
  at("IFLA_BRPORT_DESIGNATED_PORT", NLA_U16),
  at("IFLA_BRPORT_DESIGNATED_COST", NLA_U16),
  at("IFLA_BRPORT_ID", NLA_U16),
  at("IFLA_BRPORT_NO", NLA_U16),
  at("IFLA_BRPORT_TOPOLOGY_CHANGE_ACK", NLA_U8),
  at("IFLA_BRPORT_CONFIG_PENDING", NLA_U8),
  at("IFLA_BRPORT_MESSAGE_AGE_TIMER", NLA_CLOCK_T),
  at("IFLA_BRPORT_FORWARD_DELAY_TIMER", NLA_CLOCK_T),
  at("IFLA_BRPORT_HOLD_TIMER", NLA_CLOCK_T),
  at("IFLA_BRPORT_MULTICAST_ROUTER", NLA_U8),
  at("IFLA_BRPORT_MCAST_FLOOD", NLA_U8),
  at("IFLA_BRPORT_MCAST_TO_UCAST", NLA_U8),
  at("IFLA_BRPORT_VLAN_TUNNEL", NLA_U8),
  at("IFLA_BRPORT_BCAST_FLOOD", NLA_U8),
  at("IFLA_BRPORT_GROUP_FWD_MASK", NLA_X16),
  at("IFLA_BRPORT_NEIGH_SUPPRESS", NLA_U8),
  at("IFLA_BRPORT_ISOLATED", NLA_U8),
  at("IFLA_BRPORT_BACKUP_PORT", NLA_IFINDEX),
  at("IFLA_BRPORT_MRP_RING_OPEN", NLA_U8),
  at("IFLA_BRPORT_MRP_IN_OPEN", NLA_U8),
  at("IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT", NLA_U32),
  at("IFLA_BRPORT_MCAST_EHT_HOSTS_CNT", NLA_U32),
  at("IFLA_BRPORT_LOCKED", NLA_U8),
]);

// IFLA_INET6_* (an AF_INET6 IFLA_PROTINFO, as in IFLA_AF_SPEC), as strace's ifla_inet6_nla_decoders.
const INET6_SET = new NlaSet("rtnl_ifla_af_spec_inet6_attrs", "IFLA_INET6_???", [
  at("IFLA_INET6_FLAGS", NLA_FLAGS32, "inet6_if_flags", "IF_???"),
  at("IFLA_INET6_CONF", NLA_S32_IDX_ARRAY, "inet6_devconf_indices", "DEVCONF_???"),
  at("IFLA_INET6_STATS", NLA_U64_IDX_ARRAY, "snmp_ip_stats", "IPSTATS_MIB_???"),
  at("IFLA_INET6_CACHEINFO", NLA_STRUCT, "ifla_cacheinfo"),
  at("IFLA_INET6_ICMP6STATS", NLA_U64_IDX_ARRAY, "snmp_icmp6_stats", "ICMP6_MIB_???"),
  at("IFLA_INET6_TOKEN", NLA_IN6_ADDR),
  at("IFLA_INET6_ADDR_GEN_MODE", NLA_XVAL8, "in6_addr_gen_mode", "IN6_ADDR_GEN_MODE_???"),
  at("IFLA_INET6_RA_MTU", NLA_U32),
]);

const AF_INET6: u32 = 10;
/** IFLA_PROTINFO's attributes by the message's family (strace's decode_ifla_protinfo). */
const PROTINFO_FAMILIES: FamilySet[] = [
  new FamilySet(AF_BRIDGE, BRPORT_SET),
  new FamilySet(AF_INET6, INET6_SET),
];

// IFLA_AF_SPEC: a bridge's message holds IFLA_BRIDGE_* attributes; any other family's holds one
// attribute per address family (IFLA_INET_*, IFLA_INET6_*, IFLA_MCTP_*), as strace's
// decode_ifla_af_spec.
const INET_SET = new NlaSet("rtnl_ifla_af_spec_inet_attrs", "IFLA_INET_???", [
  at("IFLA_INET_CONF", NLA_S32_IDX_ARRAY, "inet_devconf_indices", "IPV4_DEVCONF_???"),
]);
const MCTP_SET = new NlaSet("rtnl_ifla_af_spec_mctp_attrs", "IFLA_MCTP_???", [at("IFLA_MCTP_NET", NLA_U32)]);
const AF_INET: u32 = 2;
const AF_MCTP: u32 = 45;
const AF_SPEC_BY_FAMILY_SET = new NlaSet(
  "addrfams",
  "AF_???",
  [],
  [new FamilySet(AF_INET, INET_SET), new FamilySet(AF_INET6, INET6_SET), new FamilySet(AF_MCTP, MCTP_SET)],
);
const BRIDGE_VLAN_TUNNEL_SET = new NlaSet(
  "rtnl_ifla_af_spec_bridge_vlan_tunnel_info_attrs",
  "IFLA_BRIDGE_VLAN_TUNNEL_???",
  [
    at("IFLA_BRIDGE_VLAN_TUNNEL_ID", NLA_U32),
    at("IFLA_BRIDGE_VLAN_TUNNEL_VID", NLA_U16),
    at("IFLA_BRIDGE_VLAN_TUNNEL_FLAGS", NLA_FLAGS16, "nl_bridge_vlan_flags", "BRIDGE_VLAN_INFO_???"),
  ],
);
const AF_SPEC_BRIDGE_SET = new NlaSet("rtnl_ifla_af_spec_bridge_attrs", "IFLA_BRIDGE_???", [
  at("IFLA_BRIDGE_FLAGS", NLA_FLAGS16, "rtnl_ifla_bridge_flags", "BRIDGE_FLAGS_???"),
  at("IFLA_BRIDGE_MODE", NLA_XVAL16, "rtnl_ifla_bridge_modes", "BRIDGE_MODE_???"),
  at("IFLA_BRIDGE_VLAN_INFO", NLA_STRUCT, "bridge_vlan_info"),
  at("IFLA_BRIDGE_VLAN_TUNNEL_INFO", NLA_NESTED, "", "", BRIDGE_VLAN_TUNNEL_SET),
]);

// IFLA_* (uapi/linux/if_link.h), as strace 6.1's ifinfomsg_nla_decoders.
// IFLA_PROTO_DOWN_REASON_* (IFLA_PROTO_DOWN_REASON's nested attributes).
const PROTO_DOWN_REASON_SET = new NlaSet("rtnl_ifla_proto_down_reason_attrs", "IFLA_PROTO_DOWN_REASON_???", [
  at("IFLA_PROTO_DOWN_REASON_MASK", NLA_X32),
  at("IFLA_PROTO_DOWN_REASON_VALUE", NLA_X32),
]);

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
  at("IFLA_MAP", NLA_STRUCT, "rtnl_link_ifmap"),
  at("IFLA_LINKINFO", NLA_STRUCT, "ifla_linkinfo"),
  at("IFLA_VF_PORTS", NLA_NESTED, "", "", IFLA_VF_PORT_SET),
  at("IFLA_VFINFO_LIST", NLA_NESTED, "", "", VFINFO_LIST_SET),
  at("IFLA_PORT_SELF", NLA_NESTED, "", "", IFLA_PORT_SET),
  at("IFLA_EVENT", NLA_XVAL32, "rtnl_ifla_events", "IFLA_EVENT_???"),
  new NlaRule("IFLA_PROTINFO", NLA_AF_SPEC, "", "", null, PROTINFO_FAMILIES),
  new NlaRule("IFLA_AF_SPEC", NLA_AF_SPEC, "", "", AF_SPEC_BY_FAMILY_SET, [
    new FamilySet(AF_BRIDGE, AF_SPEC_BRIDGE_SET),
  ]),
  at("IFLA_PROTO_DOWN_REASON", NLA_NESTED, "", "", PROTO_DOWN_REASON_SET),
]);
// IFLA_PROP_LIST holds IFLA_* attributes again (strace's decode_ifla_prop_list).
IFLA_SET.rules.push(at("IFLA_PROP_LIST", NLA_NESTED, "", "", IFLA_SET));

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
  at("RTA_MFC_STATS", NLA_STRUCT, "rta_mfc_stats"),
  at("RTA_DPORT", NLA_U16),
  at("RTA_VIA", NLA_STRUCT, "rtvia"),
]);
// RTA_MULTIPATH: struct rtnexthop entries, each followed by RTA_* attributes of its own.
RTA_SET.rules.push(at("RTA_MULTIPATH", NLA_STRUCT, "rtnexthop_list"));

// NFEA_* (NDA_FDB_EXT_ATTRS' nested attributes), as strace's rtnl_neigh.c.
const NFEA_SET = new NlaSet("rtnl_neigh_fdb_ext_attrs", "NFEA_???", [
  at("NFEA_ACTIVITY_NOTIFY", NLA_FLAGS8, "fdb_notify_flags", "FDB_NOTIFY_???"),
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
  at("NDA_FDB_EXT_ATTRS", NLA_NESTED, "", "", NFEA_SET),
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
export function hwaddrSize(devtype: u32): u32 {
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

const ARPHRD_ETHER: u32 = 1;

/** The message's family, used by hwaddr (strace passes ifi_family as the device type). */
let msgFamily: u32 = 0;

/** print_hwaddr: `00:11:22:33:44:55`, -X aware; false past MAX_ADDR_LEN (32) bytes. */
function printHwaddr(p: usize, len: u32, devtype: u32): bool {
  if (len > 32) return false;
  const max = hwaddrSize(devtype);
  printMac(p, len, len < max ? len : max);
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
  if (name == "ifla_bridge_id") return len >= 8 ? 8 : 0;
  if (name == "ether_proto") return len >= 2 ? 2 : 0;
  if (name == "uid") return len >= 4 ? 4 : 0;
  if (name == "br_boolopt_multi") return len >= 8 ? 8 : 0;
  if (name == "fib_rule_range") return len >= 8 ? 8 : 0;
  if (name == "fib_rule_port_range") return len >= 4 ? 4 : 0;
  if (name == "ifa_cacheinfo") return len >= 16 ? 16 : 0;
  if (name == "rta_cacheinfo") return len >= 32 ? 32 : 0;
  if (name == "rtnl_link_stats") return len >= 96 ? 96 : len == 92 ? 92 : 0;
  if (name == "rtnl_link_stats64") return len >= 200 ? 200 : len == 192 || len == 184 ? len : 0;
  return 0;
}

function u64s(names: string[]): Field[] {
  const out: Field[] = [];
  for (let i = 0; i < names.length; i++) out.push(f(names[i], <u32>i * 8, F_U64));
  return out;
}

/**
 * struct br_mcast_stats: per-direction (BR_MCAST_DIR_RX, _TX) u64 pairs, with two plain counters
 * of parse errors among them.
 */
function mcastStats(): Field[] {
  const names = [
    "igmp_v1queries",
    "igmp_v2queries",
    "igmp_v3queries",
    "igmp_leaves",
    "igmp_v1reports",
    "igmp_v2reports",
    "igmp_v3reports",
    "igmp_parse_errors",
    "mld_v1queries",
    "mld_v2queries",
    "mld_leaves",
    "mld_v1reports",
    "mld_v2reports",
    "mld_parse_errors",
    "mcast_bytes",
    "mcast_packets",
  ];
  const out: Field[] = [];
  let off: u32 = 0;
  for (let i = 0; i < names.length; i++) {
    if (names[i].endsWith("_parse_errors")) {
      out.push(f(names[i], off, F_U64));
      off += 8;
    } else {
      out.push(u64Idx(names[i], off, 2, "ifstats_xstats_bridge_mcast_indices"));
      off += 16;
    }
  }
  return out;
}

// uapi/linux/pkt_sched.h, gen_stats.h, neighbour.h, rtnetlink.h: as strace prints them.
const NL_STRUCTS: NlStruct[] = [
  new NlStruct("tc_stats", 36, [
    f("bytes", 0, F_U64),
    f("packets", 8, F_U32),
    f("drops", 12, F_U32),
    f("overlimits", 16, F_U32),
    f("bps", 20, F_U32),
    f("pps", 24, F_U32),
    f("qlen", 28, F_U32),
    f("backlog", 32, F_U32),
  ]),
  new NlStruct("tc_estimator", 2, [f("interval", 0, F_S8), f("ewma_log", 1, F_U8)]),
  new NlStruct("gnet_stats_basic", 12, [f("bytes", 0, F_U64), f("packets", 8, F_U32)]),
  new NlStruct("gnet_stats_rate_est", 8, [f("bps", 0, F_U32), f("pps", 4, F_U32)]),
  new NlStruct("gnet_stats_queue", 20, [
    f("qlen", 0, F_U32),
    f("backlog", 4, F_U32),
    f("drops", 8, F_U32),
    f("requeues", 12, F_U32),
    f("overlimits", 16, F_U32),
  ]),
  new NlStruct("gnet_stats_rate_est64", 16, u64s(["bps", "pps"])),
  new NlStruct("tc_sizespec", 24, [
    f("cell_log", 0, F_U8),
    f("size_log", 1, F_U8),
    f("cell_align", 2, F_S16),
    f("overhead", 4, F_S32),
    f("linklayer", 8, F_U32),
    f("mpu", 12, F_U32),
    f("mtu", 16, F_U32),
    f("tsize", 20, F_U32),
  ]),
  new NlStruct("ndt_config", 32, [
    f("ndtc_key_len", 0, F_U16),
    f("ndtc_entry_size", 2, F_U16),
    f("ndtc_entries", 4, F_U32),
    f("ndtc_last_flush", 8, F_U32),
    f("ndtc_last_rand", 12, F_U32),
    f("ndtc_hash_rnd", 16, F_U32),
    f("ndtc_hash_mask", 20, F_X32),
    f("ndtc_hash_chain_gc", 24, F_U32),
    f("ndtc_proxy_qlen", 28, F_U32),
  ]),
  new NlStruct(
    "ndt_stats",
    88,
    u64s([
      "ndts_allocs",
      "ndts_destroys",
      "ndts_hash_grows",
      "ndts_res_failed",
      "ndts_lookups",
      "ndts_hits",
      "ndts_rcv_probes_mcast",
      "ndts_rcv_probes_ucast",
      "ndts_periodic_gc_runs",
      "ndts_forced_gc_runs",
      "ndts_table_fulls",
    ]),
    80,
  ),
  new NlStruct("rtnl_link_ifmap", 28, [
    f("mem_start", 0, F_X64),
    f("mem_end", 8, F_X64),
    f("base_addr", 16, F_X64),
    f("irq", 24, F_U16),
    f("dma", 26, F_U8),
    f("port", 27, F_U8),
  ]),
  new NlStruct("ifla_port_vsi", 8, [
    f("vsi_mgr_id", 0, F_U8),
    hexBytes("vsi_type_id", 1, 3),
    f("vsi_type_version", 4, F_U8),
    hexBytes("pad", 5, 3, true),
  ]),
  new NlStruct("nexthop_grp", 8, [
    f("id", 0, F_U32),
    f("weight", 4, F_U8),
    pad("resvd1", 5, F_X8),
    pad("resvd2", 6, F_X16),
  ]),
  new NlStruct("ifla_cacheinfo", 16, [
    f("max_reasm_len", 0, F_U32),
    f("tstamp", 4, F_U32),
    f("reachable_time", 8, F_U32),
    f("retrans_time", 12, F_U32),
  ]),
  new NlStruct("rta_mfc_stats", 24, u64s(["mfcs_packets", "mfcs_bytes", "mfcs_wrong_if"])),
  // uapi/linux/if_link.h's struct ifla_vf_*: every one starts with the VF's number.
  new NlStruct("ifla_vf_mac", 36, [f("vf", 0, F_U32), mac("mac", 4, 32)]),
  new NlStruct("ifla_vf_vlan", 12, [f("vf", 0, F_U32), f("vlan", 4, F_U32), f("qos", 8, F_U32)]),
  new NlStruct("ifla_vf_tx_rate", 8, [f("vf", 0, F_U32), f("rate", 4, F_U32)]),
  new NlStruct("ifla_vf_setting", 8, [f("vf", 0, F_U32), f("setting", 4, F_U32)]),
  new NlStruct("ifla_vf_link_state", 8, [
    f("vf", 0, F_U32),
    f("link_state", 4, F_XVAL32, "rtnl_ifla_vf_link_states", "IFLA_VF_LINK_STATE_???"),
  ]),
  new NlStruct("ifla_vf_rate", 12, [
    f("vf", 0, F_U32),
    f("min_tx_rate", 4, F_U32),
    f("max_tx_rate", 8, F_U32),
  ]),
  new NlStruct("ifla_vf_vlan_info", 16, [
    f("vf", 0, F_U32),
    f("vlan", 4, F_U32),
    f("qos", 8, F_U32),
    f("vlan_proto", 12, F_HTONS_XVAL, "ethernet_protocols", "ETH_P_???"),
  ]),
  new NlStruct("ifla_vf_broadcast", 32, [mac("broadcast", 0, 32)]),
  new NlStruct(
    "bridge_vlan_info",
    4,
    [f("flags", 0, F_FLAGS16, "nl_bridge_vlan_flags", "BRIDGE_VLAN_INFO_???"), f("vid", 2, F_U16)],
    0,
    true,
  ),
  // uapi/linux/if_bridge.h's and mpls.h's statistics; bytes past them follow in hex.
  new NlStruct(
    "bridge_vlan_xstats",
    40,
    [
      f("rx_bytes", 0, F_U64),
      f("rx_packets", 8, F_U64),
      f("tx_bytes", 16, F_U64),
      f("tx_packets", 24, F_U64),
      f("vid", 32, F_U16),
      f("flags", 34, F_FLAGS16, "nl_bridge_vlan_flags", "BRIDGE_VLAN_INFO_???"),
      pad("pad2", 36, F_X32),
    ],
    0,
    true,
  ),
  new NlStruct("br_mcast_stats", 240, mcastStats(), 0, true),
  new NlStruct(
    "bridge_stp_xstats",
    48,
    u64s(["transition_blk", "transition_fwd", "rx_bpdu", "tx_bpdu", "rx_tcn", "tx_tcn"]),
    0,
    true,
  ),
  new NlStruct(
    "mpls_link_stats",
    72,
    u64s([
      "rx_packets",
      "tx_packets",
      "rx_bytes",
      "tx_bytes",
      "rx_errors",
      "tx_errors",
      "rx_dropped",
      "tx_dropped",
      "rx_noroute",
    ]),
    0,
    true,
  ),
];

/**
 * struct ifla_vf_guid {u32 vf; u64 guid}: 12 bytes where the kernel packs it, 16 where guid is
 * aligned; strace takes either length and no other.
 */
function printVfGuid(p: usize, len: u32): bool {
  if (len != 12 && len != 16) return false;
  if (!have(p, len)) {
    putAddrAt(p);
    return true;
  }
  puts("{vf=");
  putU64(<u64>load<u32>(p));
  puts(", guid=");
  putHex(load<u64>(p + <usize>(len - 8)));
  putc(0x7d);
  return true;
}

const RTNH_SIZE: u32 = 8;

/**
 * RTA_MULTIPATH (strace's decode_rta_multipath): each struct rtnexthop whole whatever its
 * rtnh_len, then the attributes inside that length; an array when more than one.
 */
function printNexthops(p: usize, len: u32): bool {
  if (len < RTNH_SIZE) return false;
  let cur = p;
  let left = len;
  let isArray = false;
  while (have(cur, RTNH_SIZE)) {
    const claimed = <u32>load<u16>(cur);
    const n = min<u32>(left, claimed);
    if (cur == p && claimed < len) {
      putc(0x5b);
      isArray = true;
    }
    if (cur > p) puts(", ");
    if (n > RTNH_SIZE) putc(0x5b);
    puts("{rtnh_len=");
    putU64(<u64>claimed);
    puts(", rtnh_flags=");
    printFlagsX("route_nexthop_flags", "", <u64>load<u8>(cur + 2), "RTNH_F_???");
    puts(", rtnh_hops=");
    putU64(<u64>load<u8>(cur + 3));
    puts(", rtnh_ifindex=");
    printIfindex(load<u32>(cur + 4));
    putc(0x7d);
    if (n > RTNH_SIZE) {
      puts(", ");
      decodeNlattr(cur + RTNH_SIZE, n - RTNH_SIZE, RTA_SET);
      putc(0x5d);
    }
    const step = (n + 3) & ~(<u32>3);
    if (step >= left) break;
    cur += <usize>step;
    left -= step;
  }
  // strace prints where the next entry could not be read, with no separator before it.
  if (!have(cur, RTNH_SIZE)) putAddrAt(cur);
  if (isArray) putc(0x5d);
  return true;
}

/** struct rtvia: the family, then the address in it (strace's decode_rtvia). */
function printRtvia(p: usize, len: u32): bool {
  if (len < 2) return false;
  if (!have(p, 2)) {
    putAddrAt(p);
    return true;
  }
  const fam = <u32>load<u16>(p);
  puts("{rtvia_family=");
  printXval("addrfams", <u64>fam, "AF_???");
  if (len > 2) {
    puts(", ");
    decodeInetAddr(p + 2, len - 2, fam, "rtvia_addr");
  }
  putc(0x7d);
  return true;
}

const BR_MDB_ENTRY_SIZE: u32 = 28;

/**
 * struct br_mdb_entry (uapi/linux/if_bridge.h): the port, state, flags and VLAN, the group address
 * by its protocol, then the entry's own attributes (MDBA_MDB_EATTR_*) after it.
 */
function printMdbEntry(p: usize, len: u32): bool {
  if (len < BR_MDB_ENTRY_SIZE) return false;
  if (!have(p, BR_MDB_ENTRY_SIZE)) putAddrAt(p);
  else {
    puts("{ifindex=");
    printIfindex(load<u32>(p));
    puts(", state=");
    printXval("mdb_states", <u64>load<u8>(p + 4), "MDB_???");
    puts(", flags=");
    printFlagsX("mdb_flags", "", <u64>load<u8>(p + 5), "MDB_FLAGS_???");
    puts(", vid=");
    putU64(<u64>load<u16>(p + 6));
    const proto = <u32>bswap<u16>(load<u16>(p + 24));
    puts(", addr={");
    // print_inet_addr over the struct's copy: other protocols' bytes in hex, not cut by -s.
    if (proto == AF_INET || proto == AF_INET6) printInetAddr(proto, p + 8, "u");
    else {
      puts("u=");
      quote(p + 8, 16, false, HEX_ALL);
    }
    puts(", proto=htons(");
    printXval("addrfams", <u64>proto, "AF_???");
    puts(")}}");
  }
  if (len > BR_MDB_ENTRY_SIZE) {
    puts(", ");
    decodeNlattr(p + BR_MDB_ENTRY_SIZE, len - BR_MDB_ENTRY_SIZE, MDBA_MDB_EATTR_SET);
  }
  return true;
}

/** IFLA_LINKINFO's link kind and slave kind, as its attributes pass (strace's ifla_linkinfo_ctx). */
let linkKind = "";
let slaveKind = "";
/** The size of strace's ifla_linkinfo_ctx strings: a longer kind is no kind. */
const LINKINFO_KIND_SIZE: u32 = 16;

/** update_ctx_str: the attribute's string when it ends in a NUL within the context's size, else "". */
function kindOf(p: usize, len: u32): string {
  if (len >= LINKINFO_KIND_SIZE || !have(p, len)) return "";
  for (let i: u32 = 0; i < len; i++)
    if (load<u8>(p + <usize>i) == 0) return String.UTF8.decodeUnsafe(p, <usize>i);
  return "";
}

/** printstr_ex(…, QUOTE_0_TERMINATED): up to the NUL, cut at -s, `...` when no NUL was shown. */
function printStr0(p: usize, len: u32): void {
  if (!have(p, len)) {
    putAddrAt(p);
    return;
  }
  const s = <u32>strsize;
  quote(p, len < s ? len : s, true, xflag);
  if (!hasNul(p, len < s + 1 ? len : s + 1)) puts("...");
}

/** Is there a NUL among the n bytes at p (printstr_ex reads one byte past -s to see one)? */
export function hasNul(p: usize, n: u32): bool {
  for (let i: u32 = 0; i < n; i++) if (load<u8>(p + <usize>i) == 0) return true;
  return false;
}

/**
 * IFLA_LINKINFO and its attributes (strace's decode_ifla_linkinfo): the kinds print as strings
 * and choose the set of the data ("bridge", "tun"), the statistics ("can") and the slave data
 * ("bridge": a port's IFLA_BRPORT_*); another kind's print in hex. True when printed.
 */
function printLinkinfo(name: string, p: usize, len: u32): i32 {
  if (name == "ifla_linkinfo") {
    linkKind = "";
    slaveKind = "";
    decodeNlattr(p, len, IFLA_INFO_SET);
    return 1;
  }
  if (name == "linkinfo_kind" || name == "linkinfo_slave_kind") {
    if (name == "linkinfo_kind") linkKind = kindOf(p, len);
    else slaveKind = kindOf(p, len);
    printStr0(p, len);
    return 1;
  }
  if (name == "linkinfo_data") {
    if (linkKind == "bridge") decodeNlattr(p, len, BR_DATA_SET);
    else if (linkKind == "tun") decodeNlattr(p, len, TUN_DATA_SET);
    else return 0;
    return 1;
  }
  if (name == "linkinfo_slave_data") {
    if (slaveKind != "bridge") return 0;
    decodeNlattr(p, len, BRPORT_SET);
    return 1;
  }
  if (name == "linkinfo_xstats") {
    // struct can_device_stats: six u32 counters.
    if (linkKind != "can" || len < 24) return 0;
    if (!have(p, 24)) {
      putAddrAt(p);
      return 1;
    }
    putc(0x7b);
    u32f("bus_error", p, true);
    u32f("error_warning", p + 4);
    u32f("error_passive", p + 8);
    u32f("bus_off", p + 12);
    u32f("arbitration_lost", p + 16);
    u32f("restarts", p + 20);
    putc(0x7d);
    return 1;
  }
  return -1;
}

/** The struct-valued attributes of this family. */
function printRouteStruct(name: string, p: usize, len: u32, array: bool): bool {
  if (array) return printNlStructArray(NL_STRUCTS, name, p, len);
  const done = printNlStruct(NL_STRUCTS, name, p, len);
  if (done >= 0) return done == 1;
  const info = printLinkinfo(name, p, len);
  if (info >= 0) return info == 1;
  if (name == "ifla_vf_guid") return printVfGuid(p, len);
  if (name == "br_mdb_entry") return printMdbEntry(p, len);
  if (name == "rtnexthop_list") return printNexthops(p, len);
  if (name == "rtvia") return printRtvia(p, len);
  const size = structSize(name, len);
  if (size == 0) return false;
  if (!have(p, size)) {
    putAddrAt(p);
    return true;
  }
  if (name == "hwaddr") return printHwaddr(p, len, msgFamily);
  if (name == "ifla_bridge_id") {
    // struct ifla_bridge_id: u8 prio[2], u8 addr[6] (a MAC).
    puts("{prio=[");
    putU64(<u64>load<u8>(p));
    puts(", ");
    putU64(<u64>load<u8>(p + 1));
    puts("], addr=");
    printHwaddr(p + 2, 6, ARPHRD_ETHER);
    putc(0x7d);
    return true;
  }
  if (name == "hwaddr_any") return printHwaddr(p, len, 0xffffffff);
  if (name == "ether_proto") {
    // decode_nla_ether_proto: a big-endian u16 by name.
    puts("htons(");
    printXval("ethernet_protocols", <u64>bswap<u16>(load<u16>(p)), "ETHER_P_???");
    putc(0x29);
    return true;
  }
  if (name == "uid") {
    // printuid: -1 for (uid_t) -1, else unsigned.
    const v = load<u32>(p);
    if (v == 0xffffffff) puts("-1");
    else putU64(<u64>v);
    return true;
  }
  if (name == "br_boolopt_multi") {
    puts("{optval=");
    printFlagsX("rtnl_ifla_br_boolopt_flags", "", <u64>load<u32>(p), "1<<BR_BOOLOPT_???");
    puts(", optmask=");
    printFlagsX("rtnl_ifla_br_boolopt_flags", "", <u64>load<u32>(p + 4), "1<<BR_BOOLOPT_???");
    putc(0x7d);
    return true;
  }
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

// NETNSA_*, NETCONFA_*, IFAL_* and DCB_ATTR_*, as strace's nsid, netconfmsg, ifaddrlblmsg and
// dcbmsg decoders.
const NETNSA_SET = new NlaSet("rtnl_nsid_attrs", "NETNSA_???", [
  at("NETNSA_NSID", NLA_S32),
  at("NETNSA_PID", NLA_U32),
  at("NETNSA_FD", NLA_FD),
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

// TCA_*, TCA_ROOT_*, NDTA_*, MDBA_*, NHA_* and IFLA_STATS_*: the traffic-control, neighbour
// table, multicast database, nexthop and statistics messages' attributes, by name; the values
// strace decodes as plain numbers or strings decode here, the others print in hex.
// TCA_STATS_* (TCA_STATS2's and TCA_ACT_STATS' nested attributes) and TCA_STAB_*, as strace's
// rtnl_tc.c.
const TCA_STATS_SET = new NlaSet("rtnl_tca_stats_attrs", "TCA_STATS_???", [
  at("TCA_STATS_BASIC", NLA_STRUCT, "gnet_stats_basic"),
  at("TCA_STATS_RATE_EST", NLA_STRUCT, "gnet_stats_rate_est"),
  at("TCA_STATS_QUEUE", NLA_STRUCT, "gnet_stats_queue"),
  at("TCA_STATS_RATE_EST64", NLA_STRUCT, "gnet_stats_rate_est64"),
  at("TCA_STATS_BASIC_HW", NLA_STRUCT, "gnet_stats_basic"),
  at("TCA_STATS_PKT64", NLA_U64),
]);
const TCA_STAB_SET = new NlaSet("rtnl_tca_stab_attrs", "TCA_STAB_???", [
  at("TCA_STAB_BASE", NLA_STRUCT, "tc_sizespec"),
  at("TCA_STAB_DATA", NLA_U16_ARRAY),
]);
const TCA_SET = new NlaSet("rtnl_tc_attrs", "TCA_???", [
  at("TCA_KIND", NLA_STR),
  at("TCA_STATS", NLA_STRUCT, "tc_stats"),
  at("TCA_RATE", NLA_STRUCT, "tc_estimator"),
  at("TCA_FCNT", NLA_U32),
  at("TCA_STATS2", NLA_NESTED, "", "", TCA_STATS_SET),
  at("TCA_STAB", NLA_NESTED, "", "", TCA_STAB_SET),
  at("TCA_CHAIN", NLA_U32),
  at("TCA_HW_OFFLOAD", NLA_U8),
  at("TCA_INGRESS_BLOCK", NLA_U32),
  at("TCA_EGRESS_BLOCK", NLA_U32),
  at("TCA_DUMP_FLAGS", NLA_U32),
]);
// TCA_ACT_* (a tcamsg's attributes), as strace's rtnl_tc_action.c.
const TCA_ACT_SET = new NlaSet("rtnl_tc_action_attrs", "TCA_ACT_???", [
  at("TCA_ACT_KIND", NLA_STR),
  at("TCA_ACT_INDEX", NLA_U32),
  at("TCA_ACT_STATS", NLA_NESTED, "", "", TCA_STATS_SET),
  at("TCA_ACT_FLAGS", NLA_FLAGS32, "rtnl_tca_act_flags", "TCA_ACT_FLAGS_???"),
  at("TCA_ACT_HW_STATS", NLA_FLAGS32, "rtnl_tca_act_hw_stats", "TCA_ACT_HW_STATS_???"),
  at("TCA_ACT_USED_HW_STATS", NLA_FLAGS32, "rtnl_tca_act_hw_stats", "TCA_ACT_HW_STATS_???"),
  at("TCA_ACT_IN_HW_COUNT", NLA_U32),
]);
// NDTPA_* (NDTA_PARMS' nested attributes) and NDTA_*, as strace's rtnl_neightbl.c.
const NDTPA_SET = new NlaSet("rtnl_neightbl_parms_attrs", "NDTPA_???", [
  at("NDTPA_IFINDEX", NLA_IFINDEX),
  at("NDTPA_REFCNT", NLA_U32),
  at("NDTPA_REACHABLE_TIME", NLA_U64),
  at("NDTPA_BASE_REACHABLE_TIME", NLA_U64),
  at("NDTPA_RETRANS_TIME", NLA_U64),
  at("NDTPA_GC_STALETIME", NLA_U64),
  at("NDTPA_DELAY_PROBE_TIME", NLA_U64),
  at("NDTPA_QUEUE_LEN", NLA_U32),
  at("NDTPA_APP_PROBES", NLA_U32),
  at("NDTPA_UCAST_PROBES", NLA_U32),
  at("NDTPA_MCAST_PROBES", NLA_U32),
  at("NDTPA_ANYCAST_DELAY", NLA_U64),
  at("NDTPA_PROXY_DELAY", NLA_U64),
  at("NDTPA_PROXY_QLEN", NLA_U32),
  at("NDTPA_LOCKTIME", NLA_U64),
  at("NDTPA_QUEUE_LENBYTES", NLA_U32),
  at("NDTPA_MCAST_REPROBES", NLA_U32),
  at("NDTPA_INTERVAL_PROBE_TIME_MS", NLA_U64),
]);
const NDTA_SET = new NlaSet("rtnl_neightbl_attrs", "NDTA_???", [
  at("NDTA_NAME", NLA_STR),
  at("NDTA_THRESH1", NLA_U32),
  at("NDTA_THRESH2", NLA_U32),
  at("NDTA_THRESH3", NLA_U32),
  at("NDTA_CONFIG", NLA_STRUCT, "ndt_config"),
  at("NDTA_PARMS", NLA_NESTED, "", "", NDTPA_SET),
  at("NDTA_STATS", NLA_STRUCT, "ndt_stats"),
  at("NDTA_GC_INTERVAL", NLA_U64),
]);
// MDBA_* (a bridge's multicast database), as strace's rtnl_mdb.c; MDBA_MDB_ENTRY_INFO (struct
// br_mdb_entry) prints in hex.
const MDBA_ROUTER_PATTR_SET = new NlaSet("rtnl_mdba_router_pattr_attrs", "MDBA_ROUTER_PATTR_???", [
  at("MDBA_ROUTER_PATTR_TIMER", NLA_CLOCK_T),
  at("MDBA_ROUTER_PATTR_TYPE", NLA_XVAL8, "multicast_router_types", "MDB_RTR_TYPE_???"),
  at("MDBA_ROUTER_PATTR_INET_TIMER", NLA_CLOCK_T),
  at("MDBA_ROUTER_PATTR_INET6_TIMER", NLA_CLOCK_T),
]);
const MDBA_ROUTER_SET = new NlaSet("rtnl_mdba_router_attrs", "MDBA_ROUTER_???", [
  at("MDBA_ROUTER_PORT", NLA_IFINDEX_NESTED, "", "", MDBA_ROUTER_PATTR_SET),
]);
const MDBA_MDB_EATTR_SET = new NlaSet("rtnl_mdba_mdb_eattr_attrs", "MDBA_MDB_EATTR_???", [
  at("MDBA_MDB_EATTR_TIMER", NLA_CLOCK_T),
]);
const MDBA_MDB_ENTRY_SET = new NlaSet("rtnl_mdba_mdb_entry_attrs", "MDBA_MDB_ENTRY_???", [
  at("MDBA_MDB_ENTRY_INFO", NLA_STRUCT, "br_mdb_entry"),
]);
const MDBA_MDB_SET = new NlaSet("rtnl_mdba_mdb_attrs", "MDBA_MDB_???", [
  at("MDBA_MDB_ENTRY", NLA_NESTED, "", "", MDBA_MDB_ENTRY_SET),
]);
const MDBA_SET = new NlaSet("rtnl_mdb_attrs", "MDBA_???", [
  at("MDBA_MDB", NLA_NESTED, "", "", MDBA_MDB_SET),
  at("MDBA_ROUTER", NLA_NESTED, "", "", MDBA_ROUTER_SET),
]);
// NHA_RES_GROUP_*, NHA_RES_BUCKET_* and NHA_*, as strace's rtnl_nh.c.
const NHA_RES_GROUP_SET = new NlaSet("rtnl_nha_res_group_attrs", "NHA_RES_GROUP_???", [
  at("NHA_RES_GROUP_BUCKETS", NLA_U16),
  at("NHA_RES_GROUP_IDLE_TIMER", NLA_CLOCK_T),
  at("NHA_RES_GROUP_UNBALANCED_TIMER", NLA_CLOCK_T),
  at("NHA_RES_GROUP_UNBALANCED_TIME", NLA_CLOCK_T),
]);
const NHA_RES_BUCKET_SET = new NlaSet("rtnl_nha_res_bucket_attrs", "NHA_RES_BUCKET_???", [
  at("NHA_RES_BUCKET_INDEX", NLA_U16),
  at("NHA_RES_BUCKET_IDLE_TIME", NLA_CLOCK_T),
  at("NHA_RES_BUCKET_NH_ID", NLA_U32),
]);
const NHA_SET = new NlaSet("rtnl_nexthop_attrs", "NHA_???", [
  at("NHA_ID", NLA_U32),
  at("NHA_GROUP", NLA_STRUCT_ARRAY, "nexthop_grp"),
  at("NHA_GROUP_TYPE", NLA_XVAL16, "rtnl_nexthop_grp_types", "NEXTHOP_GRP_TYPE_???"),
  at("NHA_BLACKHOLE", NLA_U32),
  at("NHA_OIF", NLA_IFINDEX),
  at("NHA_GATEWAY", NLA_INET_ADDR),
  at("NHA_ENCAP_TYPE", NLA_XVAL16, "lwtunnel_encap_types", "LWTUNNEL_ENCAP_???"),
  at("NHA_GROUPS", NLA_U32),
  at("NHA_MASTER", NLA_IFINDEX),
  at("NHA_FDB", NLA_U32),
  at("NHA_RES_GROUP", NLA_NESTED, "", "", NHA_RES_GROUP_SET),
  at("NHA_RES_BUCKET", NLA_NESTED, "", "", NHA_RES_BUCKET_SET),
]);
// IFLA_STATS_* (RTM_GETSTATS), as strace's rtnl_stats.c: extended statistics per link type
// (bridge, bond), offloaded ones, and per address family (MPLS).
const XSTATS_BRIDGE_SET = new NlaSet("ifstats_xstats_bridge_attrs", "BRIDGE_XSTATS_???", [
  at("BRIDGE_XSTATS_VLAN", NLA_STRUCT, "bridge_vlan_xstats"),
  at("BRIDGE_XSTATS_MCAST", NLA_STRUCT, "br_mcast_stats"),
  at("BRIDGE_XSTATS_STP", NLA_STRUCT, "bridge_stp_xstats"),
]);
// strace 6.1 names an unknown BOND_3AD_STAT_* type with the parent set's default.
const XSTATS_BOND_3AD_SET = new NlaSet("ifstats_xstats_bond_3ad_attrs", "BOND_XSTATS_???", [
  at("BOND_3AD_STAT_LACPDU_RX", NLA_U64),
  at("BOND_3AD_STAT_LACPDU_TX", NLA_U64),
  at("BOND_3AD_STAT_LACPDU_UNKNOWN_RX", NLA_U64),
  at("BOND_3AD_STAT_LACPDU_ILLEGAL_RX", NLA_U64),
  at("BOND_3AD_STAT_MARKER_RX", NLA_U64),
  at("BOND_3AD_STAT_MARKER_TX", NLA_U64),
  at("BOND_3AD_STAT_MARKER_RESP_RX", NLA_U64),
  at("BOND_3AD_STAT_MARKER_RESP_TX", NLA_U64),
  at("BOND_3AD_STAT_MARKER_UNKNOWN_RX", NLA_U64),
]);
const XSTATS_BOND_SET = new NlaSet("ifstats_xstats_bond_attrs", "BOND_XSTATS_???", [
  at("BOND_XSTATS_3AD", NLA_NESTED, "", "", XSTATS_BOND_3AD_SET),
]);
const XSTATS_SET = new NlaSet("ifstats_xstats_type_attrs", "LINK_XSTATS_TYPE_???", [
  at("LINK_XSTATS_TYPE_BRIDGE", NLA_NESTED, "", "", XSTATS_BRIDGE_SET),
  at("LINK_XSTATS_TYPE_BOND", NLA_NESTED, "", "", XSTATS_BOND_SET),
]);
const OFFLOAD_XSTATS_SET = new NlaSet("ifstats_offload_attrs", "IFLA_OFFLOAD_XSTATS_???", [
  at("IFLA_OFFLOAD_XSTATS_CPU_HIT", NLA_STRUCT, "rtnl_link_stats64"),
]);
const MPLS_STATS_SET = new NlaSet("ifstats_af_spec_mpls_attrs", "MPLS_STATS_???", [
  at("MPLS_STATS_LINK", NLA_STRUCT, "mpls_link_stats"),
]);
const AF_MPLS: u32 = 28;
const STATS_AF_SPEC_SET = new NlaSet("addrfams", "AF_???", [], [new FamilySet(AF_MPLS, MPLS_STATS_SET)]);
const IFSTATS_SET = new NlaSet("ifstats_attrs", "IFLA_STATS_???", [
  at("IFLA_STATS_LINK_64", NLA_STRUCT, "rtnl_link_stats64"),
  at("IFLA_STATS_LINK_XSTATS", NLA_NESTED, "", "", XSTATS_SET),
  at("IFLA_STATS_LINK_XSTATS_SLAVE", NLA_NESTED, "", "", XSTATS_SET),
  at("IFLA_STATS_LINK_OFFLOAD_XSTATS", NLA_NESTED, "", "", OFFLOAD_XSTATS_SET),
  at("IFLA_STATS_AF_SPEC", NLA_NESTED, "", "", STATS_AF_SPEC_SET),
]);

// IPMRA_CREPORT_* and IP6MRA_CREPORT_*: a cache report's attributes, by its family (strace's
// rtnl_cachereport.c).
const IPMRA_CREPORT_SET = new NlaSet("rtnl_ipmra_creport_attrs", "IPMRA_CREPORT_???", [
  at("IPMRA_CREPORT_MSGTYPE", NLA_XVAL8, "rtnl_ipmra_msg_types", "IGMPMSG_???"),
  at("IPMRA_CREPORT_VIF_ID", NLA_U32),
  at("IPMRA_CREPORT_SRC_ADDR", NLA_IN_ADDR),
  at("IPMRA_CREPORT_DST_ADDR", NLA_IN_ADDR),
  at("IPMRA_CREPORT_TABLE", NLA_U32),
]);
const IP6MRA_CREPORT_SET = new NlaSet("rtnl_ip6mra_creport_attrs", "IP6MRA_CREPORT_???", [
  at("IP6MRA_CREPORT_MSGTYPE", NLA_XVAL8, "rtnl_ip6mra_msg_types", "MRT6MSG_???"),
  at("IP6MRA_CREPORT_MIF_ID", NLA_U32),
  at("IP6MRA_CREPORT_SRC_ADDR", NLA_IN6_ADDR),
  at("IP6MRA_CREPORT_DST_ADDR", NLA_IN6_ADDR),
]);

/**
 * A message's family header: the family field's name, the header's size, the fields after the
 * family (none: a family byte alone, as rtgenmsg) and the attributes after it.
 */
class MsgHdr {
  constructor(
    public family: string,
    public size: u32,
    public fields: Field[],
    public attrs: NlaSet,
  ) {}
}

// The family headers of uapi/linux/rtnetlink.h, if_addr.h, neighbour.h, fib_rules.h,
// if_addrlabel.h, dcbnl.h, netconf.h, if_bridge.h, if_link.h and nexthop.h, as strace 6.1 prints them.
const IFINFOMSG = new MsgHdr(
  "ifi_family",
  16,
  [
    f("ifi_type", 2, F_XVAL16, "arp_hardware_types", "ARPHRD_???"),
    f("ifi_index", 4, F_IFINDEX),
    f("ifi_flags", 8, F_FLAGS32, "iffflags", "IFF_???"),
    f("ifi_change", 12, F_X32),
  ],
  IFLA_SET,
);
const IFADDRMSG = new MsgHdr(
  "ifa_family",
  8,
  [
    f("ifa_prefixlen", 1, F_U8),
    f("ifa_flags", 2, F_FLAGS8, "ifaddrflags", "IFA_F_???"),
    f("ifa_scope", 3, F_XVAL8, "routing_scopes"),
    f("ifa_index", 4, F_IFINDEX),
  ],
  IFA_SET,
);
const RTMSG = new MsgHdr(
  "rtm_family",
  12,
  [
    f("rtm_dst_len", 1, F_U8),
    f("rtm_src_len", 2, F_U8),
    f("rtm_tos", 3, F_FLAGS8, "ip_type_of_services", "IPTOS_TOS_???"),
    f("rtm_table", 4, F_XVAL8, "routing_table_ids"),
    f("rtm_protocol", 5, F_XVAL8, "routing_protocols", "RTPROT_???"),
    f("rtm_scope", 6, F_XVAL8, "routing_scopes"),
    f("rtm_type", 7, F_XVAL8, "routing_types", "RTN_???"),
    f("rtm_flags", 8, F_FLAGS32, "routing_flags", "RTM_F_???"),
  ],
  RTA_SET,
);
const NDMSG = new MsgHdr(
  "ndm_family",
  12,
  [
    f("ndm_ifindex", 4, F_IFINDEX),
    f("ndm_state", 8, F_FLAGS16, "neighbor_cache_entry_states", "NUD_???"),
    f("ndm_flags", 10, F_FLAGS8, "neighbor_cache_entry_flags", "NTF_???"),
    f("ndm_type", 11, F_XVAL8, "routing_types", "RTN_???"),
  ],
  NDA_SET,
);
const FIB_RULE_HDR = new MsgHdr(
  "family",
  12,
  [
    f("dst_len", 1, F_U8),
    f("src_len", 2, F_U8),
    f("tos", 3, F_FLAGS8, "ip_type_of_services", "IPTOS_TOS_???"),
    f("table", 4, F_XVAL8, "routing_table_ids", "RT_TABLE_???"),
    f("action", 7, F_XVAL8, "fib_rule_actions", "FR_ACT_???"),
    f("flags", 8, F_FLAGS32, "fib_rule_flags", "FIB_RULE_???"),
  ],
  FRA_SET,
);
const IFADDRLBLMSG = new MsgHdr(
  "ifal_family",
  12,
  [
    f("ifal_prefixlen", 2, F_U8),
    f("ifal_flags", 3, F_U8),
    f("ifal_index", 4, F_IFINDEX),
    f("ifal_seq", 8, F_U32),
  ],
  IFAL_SET,
);
const DCBMSG = new MsgHdr("dcb_family", 4, [f("cmd", 1, F_XVAL8, "dcb_commands", "DCB_CMD_???")], DCB_SET);
const NETCONFMSG = new MsgHdr("ncm_family", 1, [], NETCONFA_SET);
const NSID = new MsgHdr("rtgen_family", 1, [], NETNSA_SET);
const TCMSG = new MsgHdr(
  "tcm_family",
  20,
  [
    f("tcm_ifindex", 4, F_IFINDEX),
    f("tcm_handle", 8, F_U32),
    f("tcm_parent", 12, F_U32),
    f("tcm_info", 16, F_U32),
  ],
  TCA_SET,
);
const TCAMSG = new MsgHdr("tca_family", 1, [], TCA_ACT_SET);
const NDTMSG = new MsgHdr("ndtm_family", 1, [], NDTA_SET);
const BR_PORT_MSG = new MsgHdr("family", 8, [f("ifindex", 4, F_IFINDEX)], MDBA_SET);
const IF_STATS_MSG = new MsgHdr(
  "family",
  12,
  [
    pad("pad1", 1, F_X8),
    pad("pad2", 2, F_X16),
    f("ifindex", 4, F_IFINDEX),
    f("filter_mask", 8, F_FLAGS32, "ifstats_attr_flags", "1<<IFLA_STATS_???"),
  ],
  IFSTATS_SET,
);
const NHMSG = new MsgHdr(
  "nh_family",
  8,
  [
    f("nh_scope", 1, F_XVAL8, "routing_scopes"),
    f("nh_protocol", 2, F_XVAL8, "routing_protocols", "RTPROT_???"),
    pad("resvd", 3, F_X8),
    f("nh_flags", 4, F_FLAGS32, "route_nexthop_flags", "RTNH_F_???"),
  ],
  NHA_SET,
);
/** RTM_NEWCACHEREPORT: a family byte (RTNL_FAMILY_* first), attributes by that family. */
const CACHEREPORT = new MsgHdr("rtgen_family", 1, [], DCB_SET);

/** Which header each RTM_* message type carries (strace's route_decoders), by type name. */
class RouteMsg {
  constructor(
    public types: string[],
    public hdr: MsgHdr,
  ) {}
}
const ROUTE_MSGS: RouteMsg[] = [
  new RouteMsg(["RTM_NEWLINK", "RTM_DELLINK", "RTM_GETLINK", "RTM_SETLINK"], IFINFOMSG),
  new RouteMsg(
    ["RTM_NEWADDR", "RTM_DELADDR", "RTM_GETADDR", "RTM_GETMULTICAST", "RTM_GETANYCAST"],
    IFADDRMSG,
  ),
  new RouteMsg(["RTM_NEWROUTE", "RTM_DELROUTE", "RTM_GETROUTE"], RTMSG),
  new RouteMsg(["RTM_NEWNEIGH", "RTM_DELNEIGH", "RTM_GETNEIGH"], NDMSG),
  new RouteMsg(["RTM_NEWRULE", "RTM_DELRULE", "RTM_GETRULE"], FIB_RULE_HDR),
  new RouteMsg(
    [
      "RTM_NEWQDISC",
      "RTM_DELQDISC",
      "RTM_GETQDISC",
      "RTM_NEWTCLASS",
      "RTM_DELTCLASS",
      "RTM_GETTCLASS",
      "RTM_NEWTFILTER",
      "RTM_DELTFILTER",
      "RTM_GETTFILTER",
      "RTM_NEWCHAIN",
      "RTM_DELCHAIN",
      "RTM_GETCHAIN",
    ],
    TCMSG,
  ),
  new RouteMsg(["RTM_NEWACTION", "RTM_DELACTION", "RTM_GETACTION"], TCAMSG),
  new RouteMsg(["RTM_NEWNEIGHTBL", "RTM_GETNEIGHTBL", "RTM_SETNEIGHTBL"], NDTMSG),
  new RouteMsg(["RTM_NEWADDRLABEL", "RTM_DELADDRLABEL", "RTM_GETADDRLABEL"], IFADDRLBLMSG),
  new RouteMsg(["RTM_GETDCB", "RTM_SETDCB"], DCBMSG),
  new RouteMsg(["RTM_NEWNETCONF", "RTM_DELNETCONF", "RTM_GETNETCONF"], NETCONFMSG),
  new RouteMsg(["RTM_NEWMDB", "RTM_DELMDB", "RTM_GETMDB"], BR_PORT_MSG),
  new RouteMsg(["RTM_NEWNSID", "RTM_DELNSID", "RTM_GETNSID"], NSID),
  new RouteMsg(["RTM_NEWSTATS", "RTM_GETSTATS"], IF_STATS_MSG),
  new RouteMsg(["RTM_NEWCACHEREPORT"], CACHEREPORT),
  new RouteMsg(["RTM_NEWNEXTHOP", "RTM_DELNEXTHOP", "RTM_GETNEXTHOP"], NHMSG),
];

// ROUTE_MSGS by type value, resolved through core's nl_route_types once per blob.
let byType: Array<MsgHdr | null> = [];
let byTypeFor: usize = 0;

function headerOf(type: u32): MsgHdr | null {
  if (byTypeFor != blob) {
    const t = nlTable("nl_route_types");
    const out = new Array<MsgHdr | null>(0);
    for (let i = 0; i < ROUTE_MSGS.length; i++) {
      const m = ROUTE_MSGS[i];
      for (let j = 0; j < m.types.length; j++) {
        const v = valueOf(t, m.types[j], 0xffff);
        if (v >= 0x400) continue;
        while (<u64>out.length <= v) out.push(null);
        out[<i32>v] = m.hdr;
      }
    }
    byType = out;
    byTypeFor = blob;
  }
  return type < <u32>byType.length ? byType[type] : null;
}

/**
 * A header and its attributes: `{family=…, field=…, …}` (`...}` when the message is shorter than
 * the header, the address where it was unreadable), then the attributes from the aligned end.
 */
function decodeHeader(h: MsgHdr, p: usize, len: u32): void {
  const fam = <u32>load<u8>(p);
  putc(0x7b);
  puts(h.family);
  putc(0x3d);
  if (h == CACHEREPORT) printFlagsXvals(fam);
  else printXval("addrfams", <u64>fam, "AF_???");
  if (h.fields.length > 0) {
    puts(", ");
    if (len < h.size) {
      puts("...}");
      return;
    }
    if (!have(p, h.size)) {
      putAddrAt(p + 1);
      putc(0x7d);
      return;
    }
    let first = true;
    for (let i = 0; i < h.fields.length; i++) {
      const fd = h.fields[i];
      if (fd.optional && fieldValue(fd, p) == 0) continue;
      if (!first) puts(", ");
      first = false;
      puts(fd.name);
      putc(0x3d);
      printField(fd, p);
    }
  }
  putc(0x7d);
  const off = (h.size + 3) & ~(<u32>3);
  if (len <= off) return;
  puts(", ");
  msgFamily = fam;
  setNlaFamily(fam);
  if (h != CACHEREPORT) decodeNlattr(p + off, len - off, h.attrs);
  else if (fam == RTNL_FAMILY_IPMR) decodeNlattr(p + off, len - off, IPMRA_CREPORT_SET);
  else if (fam == RTNL_FAMILY_IP6MR) decodeNlattr(p + off, len - off, IP6MRA_CREPORT_SET);
  // decode_nla_af_spec: a family without attribute decoders shows the bytes.
  else printHexStr(p + off, len - off);
}

const RTNL_FAMILY_IPMR: u32 = 128;
const RTNL_FAMILY_IP6MR: u32 = 129;

/** printxvals_ex(family, "RTNL_FAMILY_???", rtnl_family, addrfams). */
function printFlagsXvals(fam: u32): void {
  if (lookup(nlTable("rtnl_family"), <u64>fam) != NO_REF) printXval("rtnl_family", <u64>fam, "");
  else printXval("addrfams", <u64>fam, "RTNL_FAMILY_???");
}

const RTM_NEWLINK: u32 = 16;

/** decode_netlink_route: false for NLMSG_DONE (the generic printer takes it). */
export function decodeRoute(type: u32, p: usize, len: u32): bool {
  if (type < RTM_NEWLINK) return false;
  if (!have(p, 1)) {
    putAddrAt(p);
    return true;
  }
  setStructPrinter(printRouteStruct);
  let h = headerOf(type);
  // decode_rtm_getneigh: a bridge's RTM_GETNEIGH carries an ifinfomsg.
  if (
    h == NDMSG &&
    type == <u32>valueOf(nlTable("nl_route_types"), "RTM_GETNEIGH", 0) &&
    load<u8>(p) == AF_BRIDGE
  )
    h = IFINFOMSG;
  if (h != null) decodeHeader(h, p, len);
  else decodeFamily(p, len);
  return true;
}
