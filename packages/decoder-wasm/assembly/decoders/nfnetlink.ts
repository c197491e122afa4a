// NETLINK_NETFILTER (strace's netlink.c and netlink_netfilter.c): a message type is a subsystem and
// that subsystem's message (`NFNL_SUBSYS_QUEUE<<8|NFQNL_MSG_PACKET`), its flags are the get, new
// or delete kind that message is, and its payload is a struct nfgenmsg, then attributes.

import { outLen, putc, puts } from "../out";
import { putHex, putU64 } from "../print/num";
import { FMT_HEX, restyle } from "../print/style";
import { entryName, entryValue, strLen, strPtr, tableCount } from "../tables";
import { have, nlTable, printHexStr, printXval, putAddrAt } from "./nl-print";
import { decodeNlattr, NlaSet } from "./nlattr";

/**
 * Per subsystem id (uapi/linux/netfilter/nfnetlink.h's NFNL_SUBSYS_*), the table of its message
 * types and their default name, as strace's nf_nlmsg_types.
 */
const SUBSYS_TYPES: string[] = [
  "",
  "nf_ctnetlink_msg_types",
  "nf_ctnetlink_exp_msg_types",
  "nf_queue_msg_types",
  "nf_ulog_msg_types",
  "nf_osf_msg_types",
  "nf_ipset_msg_types",
  "nf_acct_msg_types",
  "nf_cttimeout_msg_types",
  "nf_cthelper_msg_types",
  "nf_nftables_msg_types",
  "nf_nft_compat_msg_types",
  "nf_hook_msg_types",
];
const SUBSYS_DEFAULTS: string[] = [
  "",
  "IPCTNL_MSG_CT_???",
  "IPCTNL_MSG_EXP_???",
  "NFQNL_MSG_???",
  "NFULNL_MSG_???",
  "OSF_MSG_???",
  "IPSET_CMD_???",
  "NFNL_MSG_ACCT_???",
  "IPCTNL_MSG_TIMEOUT_???",
  "NFNL_MSG_CTHELPER_???",
  "NFT_MSG_???",
  "NFNL_MSG_COMPAT_???",
  "NFT_MSG_HOOK_???",
];

/**
 * Which messages take which flags (strace's decode_nlmsg_flags_netfilter), by name: `new`, `get`
 * and `delete` lists for each subsystem that has them.
 */
const NEW_TYPES: string[] = [
  "IPCTNL_MSG_CT_NEW",
  "IPCTNL_MSG_EXP_NEW",
  "NFNL_MSG_ACCT_NEW",
  "IPCTNL_MSG_TIMEOUT_NEW",
  "NFNL_MSG_CTHELPER_NEW",
  "NFT_MSG_NEWTABLE",
  "NFT_MSG_NEWCHAIN",
  "NFT_MSG_NEWRULE",
  "NFT_MSG_NEWSET",
  "NFT_MSG_NEWSETELEM",
  "NFT_MSG_NEWGEN",
  "NFT_MSG_NEWOBJ",
  "NFT_MSG_NEWFLOWTABLE",
];
const GET_TYPES: string[] = [
  "IPCTNL_MSG_CT_GET",
  "IPCTNL_MSG_CT_GET_CTRZERO",
  "IPCTNL_MSG_CT_GET_STATS_CPU",
  "IPCTNL_MSG_CT_GET_STATS",
  "IPCTNL_MSG_CT_GET_DYING",
  "IPCTNL_MSG_CT_GET_UNCONFIRMED",
  "IPCTNL_MSG_EXP_GET",
  "IPCTNL_MSG_EXP_GET_STATS_CPU",
  "NFNL_MSG_ACCT_GET",
  "NFNL_MSG_ACCT_GET_CTRZERO",
  "IPCTNL_MSG_TIMEOUT_GET",
  "NFNL_MSG_CTHELPER_GET",
  "NFT_MSG_GETTABLE",
  "NFT_MSG_GETCHAIN",
  "NFT_MSG_GETRULE",
  "NFT_MSG_GETSET",
  "NFT_MSG_GETSETELEM",
  "NFT_MSG_GETGEN",
  "NFT_MSG_GETOBJ",
  "NFT_MSG_GETOBJ_RESET",
  "NFT_MSG_GETFLOWTABLE",
  "NFNL_MSG_COMPAT_GET",
  "NFNL_MSG_HOOK_GET",
];
const DELETE_TYPES: string[] = [
  "IPCTNL_MSG_CT_DELETE",
  "IPCTNL_MSG_EXP_DELETE",
  "NFNL_MSG_ACCT_DEL",
  "IPCTNL_MSG_TIMEOUT_DELETE",
  "NFNL_MSG_CTHELPER_DEL",
  "NFT_MSG_DELTABLE",
  "NFT_MSG_DELCHAIN",
  "NFT_MSG_DELRULE",
  "NFT_MSG_DELSET",
  "NFT_MSG_DELSETELEM",
  "NFT_MSG_DELOBJ",
  "NFT_MSG_DELFLOWTABLE",
];

/** The name subsystem `subsys`'s table gives message `msg`, or "". */
function msgName(subsys: u32, msg: u32): string {
  if (subsys >= <u32>SUBSYS_TYPES.length || subsys == 0) return "";
  const t = nlTable(SUBSYS_TYPES[subsys]);
  if (t < 0) return "";
  const n = tableCount(<u32>t);
  for (let j: u32 = 0; j < n; j++)
    if (entryValue(<u32>t, j) == <u64>msg) return refText(entryName(<u32>t, j));
  return "";
}

function refText(ref: u32): string {
  return String.UTF8.decodeUnsafe(strPtr(ref), <usize>strLen(ref));
}

function inList(name: string, list: string[]): bool {
  for (let i = 0; i < list.length; i++) if (list[i] == name) return true;
  return false;
}

/** The flags table for a netfilter message type, "" for none. */
export function netfilterFlagsTable(type: u32): string {
  const name = msgName(type >> 8, type & 0xff);
  if (name.length == 0) return "";
  if (inList(name, NEW_TYPES)) return "netlink_new_flags";
  if (inList(name, GET_TYPES)) return "netlink_get_flags";
  if (inList(name, DELETE_TYPES)) return "netlink_delete_flags";
  return "";
}

/** `NFNL_SUBSYS_QUEUE<<8|NFQNL_MSG_PACKET`; the reserved batch messages by their own names. */
export function printNetfilterType(type: u32): void {
  const ctl = nlTable("nl_netfilter_msg_types");
  if (ctl >= 0) {
    const n = tableCount(<u32>ctl);
    for (let j: u32 = 0; j < n; j++)
      if (entryValue(<u32>ctl, j) == <u64>type) {
        printXval("nl_netfilter_msg_types", <u64>type, "");
        return;
      }
  }
  const subsys = type >> 8;
  const msg = type & 0xff;
  printXval("nl_netfilter_subsys_ids", <u64>subsys, "NFNL_SUBSYS_???");
  puts("<<8|");
  if (subsys < <u32>SUBSYS_TYPES.length && subsys != 0)
    printXval(SUBSYS_TYPES[subsys], <u64>msg, SUBSYS_DEFAULTS[subsys]);
  else putHex(<u64>msg);
}

/** Attributes without names: strace's decode_nlattr with no table. */
const UNNAMED = new NlaSet("", "", []);

const NFNL_SUBSYS_NFTABLES: u32 = 10;

/** decode_netlink_netfilter: `{nfgen_family=AF_INET, version=NFNETLINK_V0, res_id=htons(0)}`, then attributes. */
export function decodeNetfilter(type: u32, p: usize, len: u32): bool {
  if (type == 3) return false;
  if (len < 4) {
    printHexStr(p, len);
    return true;
  }
  if (!have(p, 4)) {
    putAddrAt(p);
    return true;
  }
  const subsys = (type >> 8) & 0xff;
  const raw = <u32>load<u16>(p + 2);
  const resId = ((raw & 0xff) << 8) | (raw >> 8);
  puts("{nfgen_family=");
  printXval("addrfams", <u64>load<u8>(p), "AF_???");
  puts(", version=");
  printXval("netfilter_versions", <u64>load<u8>(p + 1), "NFNETLINK_???");
  puts(", res_id=");
  // The kernel once wrote nftables' res_id in host order (linux v4.3-rc1~28^2~47^2~1).
  const start = outLen;
  if (subsys == NFNL_SUBSYS_NFTABLES && resId == NFNL_SUBSYS_NFTABLES) {
    puts("htons(NFNL_SUBSYS_NFTABLES)");
    restyle(start, <u64>raw, FMT_HEX);
  } else if (subsys == NFNL_SUBSYS_NFTABLES && raw == NFNL_SUBSYS_NFTABLES) {
    puts("NFNL_SUBSYS_NFTABLES");
    restyle(start, <u64>raw, FMT_HEX);
  } else {
    puts("htons(");
    putU64(<u64>resId);
    putc(0x29);
  }
  putc(0x7d);
  if (len > 4) {
    puts(", ");
    if ((type >= 0x10 && type <= 0x11) || type < 0x10) printHexStr(p + 4, len - 4);
    else decodeNlattr(p + 4, len - 4, UNNAMED);
  }
  return true;
}
