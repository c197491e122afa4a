/**
 * Scalar arguments whose printing depends on another argument's value: fcntl's third argument by
 * command (strace 6.1's fcntl.c). Hand data; values are looked up by name in the generated constant
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
   * listed prints the argument in hex, as strace's default does.
   */
  readonly byValue: Readonly<Record<string, ArgKind | null>>;
}

const int: ArgKind = { k: "int" };
const flags = (table: string): ArgKind => ({ k: "flags", table });

/** Request-dependent arguments keyed by decoder name (fcntl64 shares fcntl's). */
export const requestArgs: Readonly<Record<string, RequestArgRow>> = {
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
