/**
 * Scalar arguments whose printing depends on another argument's value: fcntl's third argument by
 * command (strace 6.1's fcntl.c), a socket's protocol by family and a socket option's name by
 * level (net.c). Hand data; values are looked up by name in the generated constant
 * tables. The decoder receives this table in the tables blob and keeps no list of its own; what a
 * request's argument points at (memory to read) is data/value-captures.ts.
 */
import type { ArgKind } from "../types.js";

/** One syscall's request-dependent argument. */
export interface RequestArgRow {
  /** The argument whose value chooses (fcntl's command). */
  readonly selector: number;
  /** The constant table naming the selector's values. */
  readonly table: string;
  /** The argument printed by the chosen kind. */
  readonly arg: number;
  /**
   * Selector value by name → how the argument prints; `null`: not printed at all. A value not
   * listed prints as the decoder's default for that syscall (fcntl: hex; socket options and
   * protocols: a plain int), as strace does.
   */
  readonly byValue: Readonly<Record<string, ArgKind | null>>;
}

const int: ArgKind = { k: "int" };
const flags = (table: string): ArgKind => ({ k: "flags", table });
const en = (table: string): ArgKind => ({ k: "enum", table });

/**
 * A socket option's name (argument 2) by its level (argument 1), as strace 6.1's
 * print_sockopt_fd_level_name: SOL_IP and SOL_IPV6 name some options only for one direction.
 */
const sockopt = (dir: "get" | "set"): RequestArgRow => ({
  selector: 1,
  table: "socketlayers",
  arg: 2,
  byValue: {
    SOL_SOCKET: en("sockoptions"),
    SOL_IP: en(`sock_ip_options_${dir}`),
    SOL_IPV6: en(`sock_ipv6_options_${dir}`),
    SOL_TCP: en("sock_tcp_options"),
    SOL_UDP: en("sock_udp_options"),
    SOL_RAW: en("sock_raw_options"),
    SOL_PACKET: en("sock_packet_options"),
    SOL_NETLINK: en("sock_netlink_options"),
  },
});

/** Request-dependent arguments keyed by decoder name (fcntl64 shares fcntl's, socketpair socket's). */
export const requestArgs: Readonly<Record<string, RequestArgRow>> = {
  // The protocol (argument 2) by the address family (argument 0).
  socket: {
    selector: 0,
    table: "addrfams",
    arg: 2,
    byValue: {
      AF_INET: en("inet_protocols"),
      AF_INET6: en("inet_protocols"),
      AF_NETLINK: en("netlink_protocols"),
    },
  },
  setsockopt: sockopt("set"),
  getsockopt: sockopt("get"),
  fcntl: {
    selector: 1,
    table: "fcntl_cmds",
    arg: 2,
    byValue: {
      F_SETFD: flags("fd_flags"),
      F_SETFL: flags("open_flags"),
      F_SETOWN: int,
      F_DUPFD: int,
      F_DUPFD_CLOEXEC: int,
      F_SETPIPE_SZ: int,
      F_SETLEASE: int,
      F_SETSIG: { k: "signo" },
      F_ADD_SEALS: flags("fcntl_seals"),
      F_NOTIFY: int,
      F_GETFD: null,
      F_GETFL: null,
      F_GETOWN: null,
      F_GETSIG: null,
      F_GETPIPE_SZ: null,
      F_GET_SEALS: null,
      F_GETLEASE: null,
    },
  },
};
