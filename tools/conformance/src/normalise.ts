/**
 * What legitimately differs between two traces of the same command: addresses (ASLR), pids,
 * random bytes, the tracer's own name in its messages, how processes' lines interleave, where a
 * child's exit signal lands.
 * Everything else must match.
 */

import { settleChildSignals } from "./child-signals.js";
import { deinterleave } from "./interleaving.js";
import { FENCED_COLUMNS, FENCED_SUFFIX, maskTiming, unfence } from "./timing.js";

/** A line's pid prefix, `[pid  42] ` or `42    ` (-o), with --decode-pids=comm's `<name>`. */
const PID_PREFIX_SOURCE = String.raw`(?:\[pid +\d+(?:<[^>]*>)?\] |\d+(?:<[^>]*>)? +)`;

const ADDRESS = /0x[0-9a-f]{7,}/g;
const RANDOM = new RegExp(String.raw`^(${PID_PREFIX_SOURCE}?${FENCED_COLUMNS}getrandom\()"(?:[^"\\]|\\.)*"`);
const TRACER_NAME = /^t?strace: /;
/** Ports the kernel picks for bind(…, port 0) and connect: the ephemeral range. */
const EPHEMERAL_PORT = /(sin6?_port=htons\()(3[2-9]\d{3}|[4-6]\d{4})\)/g;
/** The same ports under -X raw/verbose: network-order bytes, then `/* htons(N) *\/` (verbose). */
const EPHEMERAL_PORT_BYTES = /(sin6?_port=)"\\x[89a-f][0-9a-f]\\x[0-9a-f]{2}"(?: \/\* htons\(\d+\) \*\/)?/g;
/** Counters of a live machine: free memory, uptime, load, free blocks and inodes. */
const LIVE_COUNTERS =
  /\b(uptime|loads|freeram|sharedram|bufferram|freeswap|procs|freehigh|f_bfree|f_bavail|f_ffree)=(\[[^\]]*\]|\d+)/g;
/**
 * A netlink conversation's live values: iproute2's sequence numbers (the time), interface
 * counters, address and route cache timers.
 */
const NETLINK_LIVE =
  /\b(nlmsg_seq|[rt]x_\w+|multicast|collisions|ifa_prefered|ifa_valid|rta_lastuse|rta_used|rta_expires|ndm_confirmed|ndm_used|ndm_updated)=\d+/g;
/** A netlink socket's port id (a process id, or random) and the padding a program left unset. */
const NETLINK_PORT = /\b(nl_pid|nlmsg_pid)=-?[1-9]\d*|\bnl_pad=0x[0-9a-f]+, /g;
/** The same port in -yy's socket details, `NETLINK:[ROUTE:1234]`. */
const NETLINK_FD_PORT = /(NETLINK:\[\w+:)\d+\]/g;
/**
 * -v shows what each run's fresh fixture gets anew: inode numbers and file times (stat's
 * `st_atime=… /* date *\/, st_atime_nsec=…`; statx's times are WALL_TIME).
 */
const FIXTURE_INODE = /\b(d_ino|st_ino|stx_ino)=\d+/g;
const FILE_TIME = /\b(st_[amc]time(?:_nsec)?)=\d+/g;
/** CPU time a child used, in SIGCHLD's siginfo: clock ticks, with strace's seconds comment. */
const CHILD_CPU = /\b(si_[us]time)=\d+(?: \/\* [\d.]+ s \*\/)?/g;
/** What a reaped child used, in wait4's rusage: times, memory, faults, switches. */
const CHILD_RUSAGE = /\b(ru_\w+)=(\{[^}]*\}|\d+)/g;
/** Wall-clock times a command sets or reads (utimensat of a fresh file), and their date comments. */
const WALL_TIME = /\{tv_sec=1\d{9}, tv_nsec=\d+\}/g;
const DATE_COMMENT = /\/\* \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?[+-]\d{4} \*\//g;
/** What a clock or a sleep reports of a live machine: select's time left, clock readings. */
const TIME_LEFT = /\bleft \{tv_sec=\d+, tv_(n|u)sec=\d+\}/g;
const CLOCK_READING = new RegExp(
  String.raw`^(${PID_PREFIX_SOURCE}?${FENCED_COLUMNS}(?:clock_gettime\([A-Z_]+, |gettimeofday\())\{tv_sec=\d+, tv_(n|u)sec=\d+\}`,
);
/** times(): CPU ticks used and the ticks since boot it returns. */
const TIMES_READING = new RegExp(String.raw`^(${PID_PREFIX_SOURCE}?${FENCED_COLUMNS}times\().*\) += \d+$`);
/** epoll's user data: python stores the fd in the low half and leaves stack bits in the high one. */
const EPOLL_U64 = /(data=\{u32=\d+, u64=)\d{10,}\}/g;
/**
 * The padding before ` = ` shrinks as an address before it grows (a non-PIE heap at 0x1ffe000 or
 * 0x2001000): on a line whose addresses were replaced, padding is not compared.
 */
const PADDED_RESULT = /\) {2,}= /;
/**
 * rt_sigreturn "returns" the register of whatever the signal interrupted: which call that was
 * (a wait4 returning a pid, a stat failing with ENOENT) is the scheduler's choice.
 */
const SIGRETURN_RESULT = new RegExp(
  String.raw`^(${PID_PREFIX_SOURCE}?${FENCED_COLUMNS}rt_sigreturn\(.*\) += ).*$`,
);
/** dd's closing report carries its own timing: "…copied, 5.4e-05 s, 38 MB/s\n". */
const DD_TIMING = /copied, [\d.e+-]+ s, [\d.]+ [kMGT]?B\/s\\n".*$/;
/** …and so does its length, even where -s cut the timing off: `write(2, "2048 bytes (2.0 kB…"..., 60) = 60`. */
const DD_REPORT_LENGTH = /^(.*write\(2, "\d+ bytes \(.*"\.\.\., )\d+\) += \d+$/;
/**
 * -y/-yy decorations name inodes (`<pipe:[206781]>`, `<UNIX-STREAM:[5->6]>`) and ephemeral
 * ports (`<TCP:[127.0.0.1:41234->…]>`) each run picks anew; padding before ` = ` follows their width.
 */
const FD_INODE = /(:\[|->)\d{3,}(?=[\],-])/g;
const FD_PORT = /(\d\]?):(3[2-9]\d{3}|[4-6]\d{4})(?=[\]-])/g;
/**
 * Files whose bytes differ every run: a process's own live state (/proc/self/maps: its ASLR
 * layout; stat, status) and the kernel's random devices. Reads from an fd opened on one are not
 * compared.
 */
const LIVE_FILE_OPEN = new RegExp(
  String.raw`^${PID_PREFIX_SOURCE}?${FENCED_COLUMNS}open(?:at)?\((?:[^,]+, )?"(?:/proc/(?:self|thread-self|\d+)/(?:task/\d+/)?(?:maps|smaps|stat|status)|/dev/u?random)".* += (\d+)`,
);
const FD_CALL = new RegExp(
  String.raw`^(${PID_PREFIX_SOURCE}?${FENCED_COLUMNS})(read|pread64|close)\((\d+)\b`,
);
const READ_DATA = /^(.*?\b(?:read|pread64)\(\d+, )"(?:[^"\\]|\\.)*"(?:\.\.\.)?/;

/** Masks the bytes read from fds that name live files (see LIVE_FILE_OPEN). */
function maskLiveReads(lines: readonly string[]): string[] {
  const live = new Set<string>();
  return lines.map((line) => {
    const opened = LIVE_FILE_OPEN.exec(line);
    if (opened?.[1] !== undefined) {
      live.add(opened[1]);
      return line;
    }
    const call = FD_CALL.exec(line);
    if (!call || !live.has(call[3] ?? "")) return line;
    if (call[2] === "close") {
      live.delete(call[3] ?? "");
      return line;
    }
    // The padding before ` = ` followed the bytes' width.
    return line.replace(READ_DATA, '$1"LIVE"').replace(PADDED_RESULT, ") = ");
  });
}

/**
 * A file mkstemp made (O_CREAT|O_EXCL, a name ending in six random characters: git's
 * `tmp_obj_Ga4NFo`, perl's `XXDiftGI`, zip's `zipQJ437`; or mkstemps' with a suffix after them,
 * gcc's `/tmp/ccvoILGv.s`): each run picks the name anew. Group 1: the six random characters.
 */
const MKSTEMP_OPEN =
  /open(?:at)?\((?:[^,]+, )?"(?:[^"\\]|\\.)*?([A-Za-z0-9]{6})(?:\.[a-z]{1,4})?", [^)]*O_CREAT\|O_EXCL/;

/** Names each mkstemp file TMP1, TMP2… in order of creation, wherever the trace names it. */
function renameTempFiles(lines: readonly string[]): string[] {
  const names = new Map<string, string>();
  return lines.map((line) => {
    const made = MKSTEMP_OPEN.exec(line)?.[1];
    if (made !== undefined && !names.has(made)) names.set(made, `TMP${names.size + 1}`);
    let out = line;
    for (const [tail, alias] of names) {
      if (!out.includes(tail)) continue;
      const next = out.split(tail).join(alias.padEnd(6, "_").slice(0, 6));
      // The padding before ` = ` follows the names' width.
      out = next === out ? out : next.replace(PADDED_RESULT, ") = ");
    }
    return out;
  });
}

/** Calls whose return value is a pid: they teach the normaliser which numbers are pids. */
const PID_RETURNS = new RegExp(
  String.raw`^${PID_PREFIX_SOURCE}?${FENCED_COLUMNS}(?:set_tid_address|getpid|gettid|getppid|fork|vfork|clone3?)\(.*\) += (\d+)(?:<[^>]*>)?${FENCED_SUFFIX}$`,
);
const PID_PREFIX = /^(?:\[pid +(\d+)(?:<[^>]*>)?\] |(\d+)(?:<[^>]*>)? +)/;
const NORMALISED_PREFIX = /^(?:\[pid +(PID\d+)(<[^>]*>)?\] |(PID\d+)(<[^>]*>)? +)/;
/** --decode-pids=comm names a spawned command, before its execve, after the tracer. */
const TRACER_COMM = /^((?:\[pid +)?PID\d+)<t?strace>/;

/** Collects the pids a trace mentions, in order of first appearance. */
function collectPids(lines: readonly string[]): Map<string, string> {
  const pids = new Map<string, string>();
  const note = (pid: string | undefined): void => {
    if (pid !== undefined && !pids.has(pid)) pids.set(pid, `PID${pids.size + 1}`);
  };
  for (const line of lines) {
    const prefix = PID_PREFIX.exec(line);
    note(prefix?.[1] ?? prefix?.[2]);
    note(PID_RETURNS.exec(line)?.[1]);
  }
  return pids;
}

/** Normalises one trace (its lines, in order). */
export function normaliseTrace(text: string): string[] {
  const lines = renameTempFiles(
    maskLiveReads(
      settleChildSignals(
        deinterleave(
          text
            .split("\n")
            .filter((l) => l.length > 0)
            .map(maskTiming),
        ),
      ),
    ),
  );
  const pids = collectPids(lines);
  const pidPattern = pids.size > 0 ? new RegExp(`\\b(${[...pids.keys()].join("|")})\\b`, "g") : null;
  return lines.map((line) => {
    let out = line.replace(ADDRESS, "0xADDR");
    if (line.includes("<")) out = out.replace(FD_INODE, "$1INODE").replace(FD_PORT, "$1:EPHEMERAL");
    if (out !== line) out = out.replace(PADDED_RESULT, ") = ");
    out = out
      .replace(RANDOM, '$1"RANDOM"')
      .replace(TRACER_NAME, "TRACER: ")
      .replace(EPHEMERAL_PORT, "$1EPHEMERAL)")
      .replace(EPHEMERAL_PORT_BYTES, "$1EPHEMERAL")
      .replace(LIVE_COUNTERS, "$1=N")
      .replace(NETLINK_LIVE, "$1=N")
      .replace(NETLINK_PORT, (_m, name?: string) => (name ? `${name}=PORT` : ""))
      .replace(NETLINK_FD_PORT, "$1PORT]")
      .replace(CHILD_CPU, "$1=N")
      .replace(CHILD_RUSAGE, "$1=N")
      .replace(FIXTURE_INODE, "$1=N")
      .replace(FILE_TIME, "$1=N")
      .replace(DD_TIMING, 'copied, TIME"')
      .replace(DD_REPORT_LENGTH, "$1LEN) = LEN")
      .replace(WALL_TIME, "{tv_sec=TIME, tv_nsec=NS}")
      .replace(TIME_LEFT, "left {tv_sec=T, tv_$1sec=T}")
      .replace(CLOCK_READING, "$1{tv_sec=T, tv_$2sec=T}")
      .replace(TIMES_READING, "$1TMS) = TICKS")
      .replace(DATE_COMMENT, "/* DATE */")
      .replace(EPOLL_U64, "$1N}")
      .replace(SIGRETURN_RESULT, "$1RESTORED");
    if (pidPattern) {
      // A pid's width moves the padding before ` = ` (`kill(9999, 0)` vs `kill(10000, 0)`): pids
      // cross a digit as they grow, so where one comes before the padding, it is not compared.
      const rename = (text: string): string => text.replace(pidPattern, (pid) => pids.get(pid) ?? pid);
      const padded = out.search(PADDED_RESULT);
      const moved = padded >= 0 && rename(out.slice(0, padded)) !== out.slice(0, padded);
      out = rename(out);
      if (moved) out = out.replace(PADDED_RESULT, ") = ");
    }
    // The pid prefix pads to a width (`%-5u`): a wrapped 3- or 4-digit pid pads differently.
    out = out.replace(
      NORMALISED_PREFIX,
      (_m, bracket: string | undefined, bracketComm = "", plain: string | undefined, plainComm = "") =>
        bracket ? `[pid ${bracket}${bracketComm}] ` : `${plain}${plainComm} `,
    );
    out = out.replace(TRACER_COMM, "$1<TRACER>");
    return unfence(out);
  });
}
