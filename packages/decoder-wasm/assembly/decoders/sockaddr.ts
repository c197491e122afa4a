// Socket addresses (strace's print_sockaddr): the family, then the fields of each family strace 6.1
// decodes (unix, inet, inet6, ax25, ipx, x25, netlink, packet, rxrpc, ieee802154, alg, nfc,
// vsock, qipcrtr, xdp, mctp), each only when the address is at least that family's minimum
// length; any other address prints its raw sa_data.

import { xflag, xlatStyle } from "../options";
import { outLen, putc, puts } from "../out";
import { printFdElem } from "../print/fd";
import { be16, putIPv4, putIPv6 } from "../print/inet";
import { putHex, putI64, putU64 } from "../print/num";
import { printPid } from "../print/pid";
import { HEX_ALL, quote } from "../print/quote";
import { styleSwap, styleSwapEnd } from "../print/style";
import { putRef } from "../print/xlat";
import { PT_TGID } from "../record";
import { lookup, NO_REF } from "../tables";
import {
  nlTable,
  printFlagsX,
  printIfindex,
  printMac,
  printNetPort,
  printXval,
  printXvalVerbose,
} from "./nl-print";

const AF_UNIX: u32 = 1;
const AF_INET: u32 = 2;
const AF_AX25: u32 = 3;
const AF_IPX: u32 = 4;
const AF_X25: u32 = 9;
const AF_INET6: u32 = 10;
const AF_NETLINK: u32 = 16;
const AF_PACKET: u32 = 17;
const AF_RXRPC: u32 = 33;
const AF_IEEE802154: u32 = 36;
const AF_ALG: u32 = 38;
const AF_NFC: u32 = 39;
const AF_VSOCK: u32 = 40;
const AF_QIPCRTR: u32 = 42;
const AF_XDP: u32 = 44;
const AF_MCTP: u32 = 45;

/** sizeof(struct sockaddr_storage): strace reads no more of an address. */
const STORAGE: u32 = 128;
// The address copied with zeros after it, as strace's buffer: printers read fixed offsets.
const buf: usize = memory.data(STORAGE + 8);

/** The shortest address each family's printer takes (strace's sa_printers[].min_len), else 0. */
function minLen(fam: u32): u32 {
  switch (fam) {
    case AF_UNIX:
      return 3;
    case AF_INET:
    case AF_AX25:
    case AF_IPX:
    case AF_NFC:
    case AF_VSOCK:
    case AF_XDP:
      return 16;
    case AF_X25:
      return 18;
    case AF_INET6:
      return 24;
    case AF_NETLINK:
    case AF_QIPCRTR:
    case AF_MCTP:
      return 12;
    case AF_PACKET:
    case AF_IEEE802154:
      return 20;
    case AF_RXRPC:
      return 36;
    case AF_ALG:
      return 25;
  }
  return 0;
}

/** Prints `len` bytes of a socket address at p (len ≥ 2), `{sa_family=AF_INET, ...}`. */
export function printSockaddr(p: usize, len: u32): void {
  if (len > STORAGE) len = STORAGE;
  memory.fill(buf, 0, STORAGE + 8);
  memory.copy(buf, p, <usize>len);
  const fam = <u32>load<u16>(buf);
  puts("{sa_family=");
  printXval("addrfams", <u64>fam, "AF_???");
  if (len > 2) {
    puts(", ");
    const min = minLen(fam);
    if (min != 0 && len >= min) printFamily(fam, buf, len);
    else {
      puts("sa_data=");
      quote(buf + 2, len - 2, false, xflag);
    }
  }
  putc(0x7d);
}

function printFamily(fam: u32, p: usize, len: u32): void {
  switch (fam) {
    case AF_UNIX:
      printUnix(p, len);
      break;
    case AF_INET:
      printIn(p);
      break;
    case AF_AX25:
      printAx25(p, len);
      break;
    case AF_IPX:
      printIpx(p);
      break;
    case AF_X25:
      puts("sx25_addr={x25_addr=");
      printCstring(p + 2, 16);
      putc(0x7d);
      break;
    case AF_INET6:
      printIn6(p, len);
      break;
    case AF_NETLINK:
      printNetlink(p);
      break;
    case AF_PACKET:
      printPacket(p, len);
      break;
    case AF_RXRPC:
      printRxrpc(p, len);
      break;
    case AF_IEEE802154:
      printIeee802154(p);
      break;
    case AF_ALG:
      printAlg(p, len);
      break;
    case AF_NFC:
      printNfc(p, len);
      break;
    case AF_VSOCK:
      printVsock(p);
      break;
    case AF_QIPCRTR:
      puts("sq_node=");
      printXval("qipcrtr_nodes", <u64>load<u32>(p + 4), "");
      puts(", sq_port=");
      printXval("qipcrtr_ports", <u64>load<u32>(p + 8), "");
      break;
    case AF_XDP:
      printXdp(p);
      break;
    case AF_MCTP:
      printMctp(p);
      break;
  }
}

// ---- shared field printers -------------------------------------------------------------------

/** PRINT_VAL_0X: zero-padded to the value's byte width in hex digits (`0x61`, zero as `00`). */
function put0x(v: u64, bytes: u32): void {
  const width = <i32>(bytes * 2);
  if (v == 0) {
    for (let i = 0; i < width; i++) putc(0x30);
    return;
  }
  puts("0x");
  let digits = 1;
  for (let t = v >> 4; t != 0; t >>= 4) digits++;
  for (let i = digits + 2; i < width; i++) putc(0x30);
  for (let s = (digits - 1) * 4; s >= 0; s -= 4) {
    const d = <u32>((v >> <u64>s) & 0xf);
    putc(d < 10 ? 0x30 + d : 0x57 + d);
  }
}

/** PRINT_FIELD_FLAGS_VERBOSE: the number, then its bits by name in a comment unless -X raw. */
function flagsVerbose(table: string, v: u64, dflt: string): void {
  putHex(v);
  if (xlatStyle == 1 || v == 0) return;
  puts(" /* ");
  const t = nlTable(table);
  let rest = v;
  let named = 0;
  for (let bit: u64 = 1; bit != 0; bit <<= 1) {
    if ((rest & bit) == 0) continue;
    const ref = lookup(t, bit);
    if (ref == NO_REF) continue;
    if (named++ > 0) putc(0x7c);
    putRef(ref);
    rest &= ~bit;
  }
  if (named == 0) puts(dflt);
  else if (rest != 0) {
    putc(0x7c);
    putHex(rest);
  }
  puts(" */");
}

/** printxval_ex(…, XLAT_STYLE_ABBREV): the name, else the number and `dflt`, whatever -X says. */
function xvalAbbrev(table: string, v: u64, dflt: string): void {
  const ref = lookup(nlTable(table), v);
  if (ref != NO_REF) {
    putRef(ref);
    return;
  }
  putHex(v);
  puts(" /* ");
  puts(dflt);
  puts(" */");
}

/** print_quoted_cstring: up to the NUL within `size` bytes, `...` when there is none. */
function printCstring(p: usize, size: u32): void {
  let n: u32 = 0;
  while (n < size && load<u8>(p + <usize>n) != 0) n++;
  if (n < size) quote(p, n, false, xflag);
  else {
    quote(p, size - 1, false, xflag);
    puts("...");
  }
}

/** PRINT_FIELD_STRING(…, QUOTE_0_TERMINATED | QUOTE_EXPECT_TRAILING_0) over `size` bytes. */
function printTerminated(p: usize, size: u32): void {
  if (size == 0) {
    puts('""');
    return;
  }
  let n: u32 = 0;
  while (n < size - 1 && load<u8>(p + <usize>n) != 0) n++;
  quote(p, n, false, xflag);
  if (n == size - 1 && load<u8>(p + <usize>n) != 0) puts("...");
}

/** PRINT_FIELD_HEX_ARRAY: bytes as a hex string, `"\x8d\x8e"`. */
function hexArray(p: usize, n: u32): void {
  quote(p, n, false, HEX_ALL);
}

// ---- families --------------------------------------------------------------------------------

function printUnix(p: usize, len: u32): void {
  puts("sun_path=");
  let n = len - 2;
  if (n > 108) n = 108;
  const path = p + 2;
  if (load<u8>(path) == 0) {
    putc(0x40);
    quote(path + 1, n - 1, false, xflag);
  } else {
    let l: u32 = 0;
    while (l < n && load<u8>(path + <usize>l) != 0) l++;
    quote(path, l, true, xflag);
  }
}

/** A network-order IPv4 address as PRINT_FIELD_INET_ADDR prints it (`inet_addr("…")`). */
function printInAddr(p: usize): void {
  if (xlatStyle != 0) quote(p, 4, false, HEX_ALL);
  if (xlatStyle == 1) return;
  if (xlatStyle == 2) puts(" /* ");
  puts('inet_addr("');
  putIPv4(p);
  puts('")');
  if (xlatStyle == 2) puts(" */");
}

function printIn(p: usize): void {
  puts("sin_port=");
  printNetPort(p + 2);
  puts(", sin_addr=");
  printInAddr(p + 4);
}

function printIn6(p: usize, len: u32): void {
  puts("sin6_port=");
  printNetPort(p + 2);
  puts(", sin6_flowinfo=");
  if (xlatStyle != 0) quote(p + 4, 4, false, HEX_ALL);
  if (xlatStyle == 2) puts(" /* ");
  if (xlatStyle != 1) {
    puts("htonl(");
    putU64(<u64>bswap<u32>(load<u32>(p + 4)));
    putc(0x29);
  }
  if (xlatStyle == 2) puts(" */");
  puts(", ");
  // Abbrev names the field inside the call (`&sin6_addr`); -X raw/verbose print it as a field.
  if (xlatStyle != 0) {
    puts("sin6_addr=");
    quote(p + 8, 16, false, HEX_ALL);
  }
  if (xlatStyle == 2) puts(" /* ");
  if (xlatStyle != 1) {
    puts('inet_pton(AF_INET6, "');
    putIPv6(p + 8);
    puts(xlatStyle == 0 ? '", &sin6_addr)' : '")');
  }
  if (xlatStyle == 2) puts(" */");
  if (len <= 24) return;
  puts(", sin6_scope_id=");
  const b0 = <u32>load<u8>(p + 8);
  const b1 = <u32>load<u8>(p + 9);
  // A link-local unicast or multicast address's scope is an interface.
  const scoped = (b0 == 0xfe && (b1 & 0xc0) == 0x80) || (b0 == 0xff && (b1 & 0xf) == 2);
  if (scoped) printIfindex(load<u32>(p + 24));
  else putU64(<u64>load<u32>(p + 24));
}

function printNetlink(p: usize): void {
  // The padding shows when a program left bytes in it, as strace does.
  const pad = load<u16>(p + 2);
  if (pad != 0) {
    puts("nl_pad=");
    putHex(<u64>pad);
    puts(", ");
  }
  puts("nl_pid=");
  printPid(load<i32>(p + 4), PT_TGID);
  puts(", nl_groups=");
  put0x(<u64>load<u32>(p + 8), 4);
}

function printIpx(p: usize): void {
  puts("sipx_port=");
  printNetPort(p + 2);
  puts(", sipx_network=htonl(");
  putHex(<u64>bswap<u32>(load<u32>(p + 4)));
  puts("), sipx_node=[");
  for (let i: usize = 0; i < 6; i++) {
    if (i > 0) puts(", ");
    put0x(<u64>load<u8>(p + 8 + i), 1);
  }
  puts("], sipx_type=");
  put0x(<u64>load<u8>(p + 14), 1);
  const zero = <u64>load<u8>(p + 15);
  if (zero != 0) {
    puts(", sipx_zero=");
    putHex(zero);
  }
}

function printPacket(p: usize, len: u32): void {
  // sll_protocol: htons(ETH_P_…), under -X raw the two bytes (verbose: then the call).
  puts("sll_protocol=");
  const start = outLen;
  puts("htons(");
  xvalAbbrev("ethernet_protocols", <u64>be16(p + 2), "ETH_P_???");
  putc(0x29);
  if (styleSwap(start)) {
    quote(p + 2, 2, false, HEX_ALL);
    styleSwapEnd();
  }
  puts(", sll_ifindex=");
  printIfindex(load<u32>(p + 4));
  puts(", sll_hatype=");
  printXval("arp_hardware_types", <u64>load<u16>(p + 8), "ARPHRD_???");
  puts(", sll_pkttype=");
  printXval("af_packet_types", <u64>load<u8>(p + 10), "PACKET_???");
  const halen = <u32>load<u8>(p + 11);
  puts(", sll_halen=");
  putU64(<u64>halen);
  if (halen == 0) return;
  // Bytes the address length claims past the ones given print as `...`.
  const given = len - 12;
  puts(", sll_addr=[");
  for (let i: u32 = 0; i < halen; i++) {
    if (i > 0) puts(", ");
    if (i >= given) {
      puts("...");
      break;
    }
    put0x(<u64>load<u8>(p + 12 + <usize>i), 1);
  }
  putc(0x5d);
}

/** The transport inside an rxrpc address: an inet or inet6 address, else its family and bytes. */
function printRxrpc(p: usize, len: u32): void {
  puts("srx_service=");
  printXvalVerbose("rxrpc_services", <u64>load<u16>(p + 2), "???_SERVICE");
  puts(", transport_type=");
  printXval("socktypes", <u64>load<u16>(p + 4), "SOCK_???");
  const claimed = <u32>load<u16>(p + 6);
  puts(", transport_len=");
  putU64(<u64>claimed);
  puts(", transport={");
  const t = p + 8;
  const tlen = min<u32>(claimed, len - 8);
  const rest = tlen > 2 ? tlen - 2 : 0;
  const tfam = <u32>load<u16>(t);
  if (tfam == AF_INET || tfam == AF_INET6) {
    const v6 = tfam == AF_INET6;
    puts(v6 ? "sin6={sin6_family=" : "sin={sin_family=");
    printXval("addrfams", <u64>tfam, "AF_???");
    if (claimed >= (v6 ? 24 : 16)) {
      puts(", ");
      if (v6) printIn6(t, tlen);
      else printIn(t);
    } else if (rest > 0) {
      puts(", ");
      quote(t + 2, rest, false, xflag);
    }
    putc(0x7d);
  } else {
    puts("family=");
    printXval("addrfams", <u64>tfam, "AF_???");
    if (rest > 0) {
      puts(", ");
      quote(t + 2, rest, false, xflag);
    }
  }
  putc(0x7d);
}

const IEEE802154_ADDR_NONE: u32 = 0;
const IEEE802154_ADDR_SHORT: u32 = 2;

function printIeee802154(p: usize): void {
  const type = load<u32>(p + 4);
  puts("addr={addr_type=");
  printXvalVerbose("ieee802154_addr_types", <u64>type, "IEEE802154_ADDR_???");
  puts(", pan_id=");
  printXvalVerbose("ieee802154_pan_ids", <u64>load<u16>(p + 8), "");
  if (type == IEEE802154_ADDR_SHORT) {
    puts(", short_addr=");
    printXvalVerbose("ieee802154_addrs", <u64>load<u16>(p + 10), "");
  } else if (type != IEEE802154_ADDR_NONE) {
    puts(", hwaddr=");
    printMac(p + 10, 8, 8);
  }
  putc(0x7d);
}

function printAlg(p: usize, len: u32): void {
  puts("salg_type=");
  printTerminated(p + 2, 14);
  puts(", salg_feat=");
  flagsVerbose("alg_sockaddr_flags", <u64>load<u32>(p + 16), "CRYPTO_ALG_???");
  puts(", salg_mask=");
  flagsVerbose("alg_sockaddr_flags", <u64>load<u32>(p + 20), "CRYPTO_ALG_???");
  puts(", salg_name=");
  printTerminated(p + 24, len - 24);
}

/** The LLCP form of an NFC address (96 bytes on a 64-bit ABI), else its first three fields. */
const NFC_LLCP_LEN: u32 = 96;

function printNfc(p: usize, len: u32): void {
  puts("dev_idx=");
  printIfindex(load<u32>(p + 4));
  puts(", target_idx=");
  putHex(<u64>load<u32>(p + 8));
  puts(", nfc_protocol=");
  printXval("nfc_sockaddr_protocols", <u64>load<u32>(p + 12), "NFC_PROTO_???");
  if (len < NFC_LLCP_LEN) {
    if (len > 16) puts(", ...");
    return;
  }
  const nameLen = load<u64>(p + 88);
  puts(", dsap=");
  printXvalVerbose("nfc_saps", <u64>load<u8>(p + 16), "");
  puts(", ssap=");
  printXvalVerbose("nfc_saps", <u64>load<u8>(p + 17), "");
  puts(", service_name=");
  quote(p + 18, <u32>min<u64>(63, nameLen), false, xflag);
  puts(", service_name_len=");
  putU64(nameLen);
}

function printVsock(p: usize): void {
  const reserved = <u64>load<u16>(p + 2);
  if (reserved != 0) {
    puts("svm_reserved1=");
    putHex(reserved);
    puts(", ");
  }
  puts("svm_cid=");
  printXval("vsock_cids", <u64>load<u32>(p + 8), "");
  puts(", svm_port=");
  printXval("vsock_ports", <u64>load<u32>(p + 4), "");
  puts(", svm_flags=");
  printFlagsX("vsock_flags", "", <u64>load<u8>(p + 12), "VMADDR_FLAG_???");
  if (load<u8>(p + 13) != 0 || load<u8>(p + 14) != 0 || load<u8>(p + 15) != 0) {
    puts(", svm_zero=");
    hexArray(p + 13, 3);
  }
}

const XDP_SHARED_UMEM: u32 = 1;

function printXdp(p: usize): void {
  const flags = <u32>load<u16>(p + 2);
  puts("sxdp_flags=");
  printFlagsX("xdp_sockaddr_flags", "", <u64>flags, "XDP_???");
  puts(", sxdp_ifindex=");
  printIfindex(load<u32>(p + 4));
  puts(", sxdp_queue_id=");
  putU64(<u64>load<u32>(p + 8));
  const fd = load<u32>(p + 12);
  // The shared umem's fd, with -y's path (from the capture of every open fd).
  if ((flags & XDP_SHARED_UMEM) != 0) {
    puts(", sxdp_shared_umem_fd=");
    printFdElem(<i32>fd);
  } else if (fd != 0) {
    puts(", sxdp_shared_umem_fd=");
    putHex(<u64>fd);
  }
}

function printMctp(p: usize): void {
  const pad0 = <u64>load<u16>(p + 2);
  if (pad0 != 0) {
    puts("__smctp_pad0=");
    putHex(pad0);
    puts(", ");
  }
  puts("smctp_network=");
  printXval("mctp_nets", <u64>load<u32>(p + 4), "");
  puts(", smctp_addr={s_addr=");
  printXval("mctp_addrs", <u64>load<u8>(p + 8), "");
  puts("}, smctp_type=");
  putHex(<u64>load<u8>(p + 9));
  puts(", smctp_tag=");
  putHex(<u64>load<u8>(p + 10));
  const pad1 = <u64>load<u8>(p + 11);
  if (pad1 != 0) {
    puts(", __smctp_pad1=");
    putHex(pad1);
  }
}

// ---- AX.25 -----------------------------------------------------------------------------------

const STYLE_DEFAULT: i32 = -1;
const STYLE_RAW: i32 = 1;
const STYLE_VERBOSE: i32 = 2;

/**
 * Whether a 7-byte AX.25 callsign can print as `CALL-SSID` (strace's check_ax25_address): each
 * character shifted left by one, uppercase letters and digits then trailing spaces, an SSID byte
 * with only bits 1-4 set. Otherwise verbose (both forms), or raw when a character would not print.
 */
function ax25Style(p: usize): i32 {
  let ret = STYLE_DEFAULT;
  let spaceSeen = false;
  let charSeen = false;
  for (let i: usize = 0; i < 6; i++) {
    let c = <u32>load<u8>(p + i);
    if ((c & 1) != 0) ret = STYLE_VERBOSE;
    c >>= 1;
    if (c == 0x20) spaceSeen = true;
    else charSeen = true;
    const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
    if (!alnum && c != 0x20) ret = STYLE_VERBOSE;
    if (c != 0x20 && spaceSeen) ret = STYLE_VERBOSE;
    if (c < 0x20 || c > 0x7e || c == 0x2a || c == 0x2f) return STYLE_RAW;
  }
  const ssid = <u32>load<u8>(p + 6);
  if ((ssid & ~(<u32>0x1e)) != 0) ret = STYLE_VERBOSE;
  if (!charSeen && ssid != 0) ret = STYLE_VERBOSE;
  return ret;
}

/** `CALL-SSID` (trailing spaces dropped), or `*` for an empty callsign with SSID 0. */
function putAx25Text(p: usize): void {
  let end: usize = 6;
  while (end > 0 && load<u8>(p + end - 1) >> 1 == 0x20) end--;
  let ssid = (<u32>load<u8>(p + 6) >> 1) & 0xf;
  if (end == 0 && ssid == 0) {
    putc(0x2a);
    return;
  }
  for (let i: usize = 0; i < end; i++) putc(<u32>load<u8>(p + i) >> 1);
  putc(0x2d);
  if (ssid > 9) {
    putc(0x31);
    ssid -= 10;
  }
  putc(0x30 + ssid);
}

function printAx25Addr(p: usize): void {
  let style = ax25Style(p);
  if (style == STYLE_DEFAULT) style = xlatStyle;
  if (style != 0) {
    puts("{ax25_call=");
    hexArray(p, 7);
    putc(0x7d);
  }
  if (style == STYLE_RAW) return;
  if (style == STYLE_VERBOSE) puts(" /* ");
  putAx25Text(p);
  if (style == STYLE_VERBOSE) puts(" */");
}

/** struct full_sockaddr_ax25: the callsign and digipeater count, then the digipeaters given. */
function printAx25(p: usize, len: u32): void {
  const ndigis = load<i32>(p + 12);
  const full = ndigis != 0 || len > 16;
  if (full) puts("fsa_ax25={");
  puts("sax25_call=");
  printAx25Addr(p + 2);
  puts(", sax25_ndigis=");
  putI64(<i64>ndigis);
  if (!full) return;
  putc(0x7d);
  const has = min<u32>((len - 16) / 7, 8);
  const want = <u32>min<i32>(max<i32>(ndigis, 0), 8);
  const digis = min<u32>(has, want);
  if (want != 0) {
    puts(", fsa_digipeater=[");
    for (let i: u32 = 0; i < digis; i++) {
      if (i > 0) puts(", ");
      printAx25Addr(p + 16 + <usize>(i * 7));
    }
    if (want > has) puts(digis > 0 ? ", ..." : "...");
    putc(0x5d);
  }
  if (len > has * 7 + 16) puts(", ...");
}
