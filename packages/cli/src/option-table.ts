/**
 * strace's command-line options as data: the one source of the parser (args.ts), `tstrace --help`
 * (help.ts) and the docs site's CLI reference (apps/docs). One row per option spelling: short
 * letter, long name, whether it takes a value, and how it is documented. Supporting a new flag is
 * one row here plus its effect in `applyOption`; the docs' test fails until the row has its `help`,
 * `values` (when it takes one) and `example`.
 *
 * Rows are in the order `--help` prints them within each section (strace's own order).
 */

/** The sections of `--help`, in the order they print. */
export const HELP_SECTIONS = [
  "Startup",
  "Tracing",
  "Filtering",
  "Output format",
  "Statistics",
  "Tampering",
  "Miscellaneous",
] as const;

/** A section of `--help` and of the CLI reference. */
export type HelpSection = (typeof HELP_SECTIONS)[number];

/** One entry of `--help`: a spelling of the option and what it does. */
export interface HelpEntry {
  /** The left column, e.g. `-s STRSIZE, --string-limit=STRSIZE`. */
  readonly usage: string;
  /** The description, one string per line as `--help` wraps it. */
  readonly text: readonly string[];
  /** Indented lists after the text: a label (`precision`) and its lines. */
  readonly details?: readonly (readonly [label: string, lines: readonly string[]])[];
  /** The section this entry prints in, when it is not its row's. */
  readonly section?: HelpSection;
}

export interface OptionRow {
  /** Short option letter, if any. */
  readonly short?: string;
  /** Long option name without the leading `--`, if any. */
  readonly long?: string;
  /** `required`: takes a value; `optional`: long form may take `=value`; `none`: a switch. */
  readonly arg: "none" | "required" | "optional";
  /** Key the parser reports; several spellings share one key. */
  readonly key: string;
  /** Where `--help` and the reference list it. */
  readonly section: HelpSection;
  /** What `--help` prints for it (empty: documented by another row's entry, named in `values`). */
  readonly help: readonly HelpEntry[];
  /** The values it takes, for the reference (absent for a switch). */
  readonly values?: string;
  /** A command line that uses it. */
  readonly example: string;
}

export const OPTION_TABLE: readonly OptionRow[] = [
  // Startup
  {
    short: "E",
    long: "env",
    arg: "required",
    key: "env",
    section: "Startup",
    help: [
      { usage: "-E VAR=VAL, --env=VAR=VAL", text: ["put VAR=VAL in the environment for command"] },
      { usage: "-E VAR, --env=VAR", text: ["remove VAR from the environment for command"] },
    ],
    values: "`VAR=VAL` (set or replace, in place) or `VAR` (remove); repeatable, applied in order",
    example: "tstrace -E LANG=C -E TZ ls",
  },
  {
    short: "p",
    long: "attach",
    arg: "required",
    key: "pid",
    section: "Startup",
    help: [
      {
        usage: "-p PID, --attach=PID",
        text: [
          "trace process with process id PID, may be repeated (PID,PID and",
          "space- or newline-separated lists are accepted)",
        ],
      },
    ],
    values: "process ids: `PID`, `PID,PID`, or a space- or newline-separated list; repeatable",
    example: "tstrace -p 1234 -p 1240",
  },
  {
    short: "u",
    long: "user",
    arg: "required",
    key: "user",
    section: "Startup",
    help: [
      {
        usage: "-u USERNAME, --user=USERNAME",
        text: ["run command as USERNAME handling setuid and/or setgid"],
      },
    ],
    values: "a user name from the password database (tstrace must run as root; not with `-D`)",
    example: "tstrace -u nobody id",
  },
  {
    short: "D",
    long: "daemonize",
    arg: "optional",
    key: "daemonize",
    section: "Startup",
    help: [
      {
        usage: "-D, --daemonize[=grandchild]",
        text: ["run tracer process as a grandchild, not as a parent"],
      },
      { usage: "-DD, --daemonize=pgroup", text: ["run tracer process in a separate process group"] },
      { usage: "-DDD, --daemonize=session", text: ["run tracer process in a separate session"] },
    ],
    values: "`grandchild` (-D), `pgroup` (-DD) or `session` (-DDD)",
    example: "tstrace -D -o trace.txt make",
  },
  // Tracing
  {
    short: "f",
    long: "follow-forks",
    arg: "none",
    key: "follow",
    section: "Tracing",
    help: [
      { usage: "-f, --follow-forks", text: ["follow forks"] },
      {
        usage: "-ff, --follow-forks --output-separately",
        text: ["follow forks with output into separate files"],
      },
    ],
    example: "tstrace -f sh -c 'ls | wc -l'",
  },
  {
    long: "seccomp-bpf",
    arg: "none",
    key: "seccomp",
    section: "Tracing",
    help: [
      {
        usage: "--seccomp-bpf",
        text: [
          "stop the tracee only at the syscalls -e trace= selects (default",
          "with -f when a filter selects syscalls and a command is spawned)",
        ],
      },
    ],
    example: "tstrace --seccomp-bpf -e trace=openat ls",
  },
  {
    long: "no-seccomp-bpf",
    arg: "none",
    key: "noSeccomp",
    section: "Tracing",
    help: [{ usage: "--no-seccomp-bpf", text: ["stop at every syscall and filter in the tracer"] }],
    example: "tstrace -f --no-seccomp-bpf -e trace=openat ls",
  },
  {
    short: "b",
    long: "detach-on",
    arg: "required",
    key: "detachOn",
    section: "Tracing",
    help: [{ usage: "-b execve, --detach-on=execve", text: ["detach on execve syscall"] }],
    values: "`execve` (the only syscall strace accepts)",
    example: "tstrace -f -b execve sh -c 'exec ls'",
  },
  {
    short: "I",
    long: "interruptible",
    arg: "required",
    key: "interruptible",
    section: "Tracing",
    help: [
      {
        usage: "-I INTERRUPTIBLE, --interruptible=INTERRUPTIBLE",
        text: [],
        details: [
          ["1, anywhere", ["no signals are blocked"]],
          ["2, waiting", ["fatal signals are blocked while decoding syscall (default)"]],
          ["3, never", ["fatal signals are always blocked (default if '-o FILE PROG')"]],
          ["4, never_tstp", ["fatal signals and SIGTSTP (^Z) are always blocked"]],
        ],
      },
    ],
    values:
      "`1`/`anywhere` (or `always`), `2`/`waiting`, `3`/`never`, `4`/`never_tstp`; fatal signals (HUP, INT, QUIT, PIPE, TERM) end tracing with 1 and 2 and are ignored with 3 and 4, which also ignores ^Z",
    example: "tstrace -I never -o trace.txt make",
  },
  {
    long: "kill-on-exit",
    arg: "none",
    key: "killOnExit",
    section: "Tracing",
    help: [{ usage: "--kill-on-exit", text: ["kill all tracees if tstrace is killed"] }],
    example: "tstrace --kill-on-exit -p 1234",
  },
  {
    long: "record",
    arg: "required",
    key: "record",
    section: "Tracing",
    help: [
      {
        usage: "--record=FILE",
        text: ["also write the raw record stream to FILE, for --replay later"],
      },
    ],
    values: "a file name; it holds at least -s 256, -yy and -v data, so replay may ask for them",
    example: "tstrace --record=ls.tsr ls",
  },
  {
    long: "replay",
    arg: "required",
    key: "replay",
    section: "Tracing",
    help: [
      {
        usage: "--replay=FILE",
        text: ["print a --record FILE with these output options instead of tracing"],
      },
    ],
    values: "a recording made with --record",
    example: "tstrace --replay=ls.tsr -yy -s 100 -e trace=openat",
  },
  // Output format: -a and the -e qualifiers that --help lists before -e quiet= (the -e row)
  {
    short: "a",
    long: "columns",
    arg: "required",
    key: "columns",
    section: "Output format",
    help: [
      {
        usage: "-a COLUMN, --columns=COLUMN",
        text: ["alignment COLUMN for printing syscall results (default 40)"],
      },
    ],
    values: "a non-negative integer (default 40)",
    example: "tstrace -a 60 ls",
  },
  {
    long: "json",
    arg: "none",
    key: "json",
    section: "Output format",
    help: [
      {
        usage: "--json",
        text: ["print one JSON object per event (JSON Lines) instead of text"],
      },
    ],
    example: "tstrace --json -o trace.jsonl ls",
  },
  {
    long: "abbrev",
    arg: "required",
    key: "qual:abbrev",
    section: "Output format",
    help: [{ usage: "-e abbrev=SET, --abbrev=SET", text: ["abbreviate output for the syscalls in SET"] }],
    values: "a syscall set as in `-e trace=` (default `all`; `-v` is `none`)",
    example: "tstrace -e abbrev=none -e trace=execve ls",
  },
  {
    long: "verbose",
    arg: "required",
    key: "qual:verbose",
    section: "Output format",
    help: [
      { usage: "-e verbose=SET, --verbose=SET", text: ["dereference structures for the syscall in SET"] },
    ],
    values: "a syscall set as in `-e trace=` (default `all`); the others print struct and array addresses",
    example: "tstrace -e verbose=none -e trace=%stat ls",
  },
  {
    long: "raw",
    arg: "required",
    key: "qual:raw",
    section: "Output format",
    help: [{ usage: "-e raw=SET, --raw=SET", text: ["print undecoded arguments for the syscalls in SET"] }],
    values: "a syscall set as in `-e trace=` (default `none`): arguments and return value in hex",
    example: "tstrace -e raw=openat cat /etc/hostname",
  },
  {
    long: "read",
    arg: "required",
    key: "qual:read",
    section: "Output format",
    help: [
      {
        usage: "-e read=SET, --read=SET",
        text: ["dump the data read from the file descriptors in SET"],
      },
    ],
    values: "file descriptor numbers, `all`, `none`; `!` negates",
    example: "tstrace -e read=3 cat /etc/hostname",
  },
  {
    long: "write",
    arg: "required",
    key: "qual:write",
    section: "Output format",
    help: [
      {
        usage: "-e write=SET, --write=SET",
        text: ["dump the data written to the file descriptors in SET"],
      },
    ],
    values: "file descriptor numbers, `all`, `none`; `!` negates",
    example: "tstrace -e write=1 echo hello",
  },
  // Filtering (and -e quiet=, which --help lists with the output options)
  {
    short: "e",
    arg: "required",
    key: "expr",
    section: "Filtering",
    help: [
      {
        usage: "-e quiet=SET, --quiet=SET",
        text: ["suppress various informational messages"],
        details: [["messages", ["attach, exit, path-resolution, personality, thread-execve"]]],
        section: "Output format",
      },
    ],
    values:
      "`[QUALIFIER=][!]VALUE,...` with the qualifiers `trace` (default), `signal`, `status`, `quiet`, `read`, `write`, `decode-fds`, `abbrev`, `verbose`, `raw`, `inject`, `fault`; a bare list is `trace=`",
    example: "tstrace -e trace=%file -e signal=none ls",
  },
  {
    long: "trace",
    arg: "required",
    key: "qual:trace",
    section: "Filtering",
    help: [
      {
        usage: "-e trace=[!][?]{SYSCALL|%GROUP|all|/REGEX|none},... , --trace=...",
        text: ["trace only specified syscalls (the last -e trace= wins)"],
      },
    ],
    values:
      "syscall names, classes (`%file`, `%process`, `%network`, `%signal`, `%ipc`, `%desc`, `%memory`, `%creds`, `%clock`, `%stat`, `%lstat`, `%fstat`, `%%stat`, `%statfs`, `%fstatfs`, `%%statfs`, `%pure`), `/REGEX`, `all`, `none`; `!` negates, `?` ignores unknown names",
    example: "tstrace -e trace=openat,%network curl -s http://127.0.0.1:8080/",
  },
  {
    long: "signal",
    arg: "required",
    key: "qual:signal",
    section: "Filtering",
    help: [{ usage: "-e signal=SET, --signal=SET", text: ["print only the signals from SET"] }],
    values: "signal names (`SIGCHLD` or `CHLD`) or numbers, `all`, `none`; `!` negates",
    example: "tstrace -e signal=none sh -c 'sleep 0 & wait'",
  },
  {
    long: "status",
    arg: "required",
    key: "qual:status",
    section: "Filtering",
    help: [
      {
        usage: "-e status=SET, --status=SET",
        text: ["print only system calls with the return statuses in SET"],
        details: [["statuses", ["successful, failed, unfinished, unavailable, detached"]]],
      },
    ],
    values: "`successful`, `failed`, `unfinished`, `unavailable`, `detached`, `all`; `!` negates",
    example: "tstrace -e status=failed ls /nonexistent",
  },
  {
    short: "z",
    long: "successful-only",
    arg: "none",
    key: "successfulOnly",
    section: "Filtering",
    help: [
      {
        usage: "-z, --successful-only",
        text: ["print only syscalls that returned without an error code"],
      },
    ],
    example: "tstrace -z -e trace=%file ls",
  },
  {
    short: "Z",
    long: "failed-only",
    arg: "none",
    key: "failedOnly",
    section: "Filtering",
    help: [
      {
        usage: "-Z, --failed-only",
        text: ["print only syscalls that returned with an error code"],
      },
    ],
    example: "tstrace -Z python3 -c pass",
  },
  {
    short: "P",
    long: "trace-path",
    arg: "required",
    key: "tracePath",
    section: "Filtering",
    help: [
      {
        usage: "-P PATH, --trace-path=PATH",
        text: ["trace accesses to PATH (by path, or by an fd opened on it)"],
      },
    ],
    values: "a path; repeatable (a syscall on any of them is traced)",
    example: "tstrace -P /etc/passwd id",
  },
  {
    long: "trace-fds",
    arg: "required",
    key: "traceFds",
    section: "Filtering",
    help: [{ usage: "--trace-fds=SET", text: ["trace operations on file descriptors from SET"] }],
    values: "file descriptor numbers, `all`, `none`; `!` negates",
    example: "tstrace --trace-fds=1,2 ls",
  },
  {
    long: "syscall-limit",
    arg: "required",
    key: "syscallLimit",
    section: "Filtering",
    help: [{ usage: "--syscall-limit=N", text: ["detach and stop after N traced syscalls"] }],
    values: "a positive integer",
    example: "tstrace --syscall-limit=10 ls",
  },
  // Output format, continued
  {
    short: "i",
    long: "instruction-pointer",
    arg: "none",
    key: "instructionPointer",
    section: "Output format",
    help: [
      {
        usage: "-i, --instruction-pointer",
        text: ["print instruction pointer at time of syscall"],
      },
    ],
    example: "tstrace -i true",
  },
  {
    short: "k",
    long: "stack-traces",
    arg: "none",
    key: "stackTraces",
    section: "Output format",
    help: [
      {
        usage: "-k, --stack-traces",
        text: ["obtain stack trace between each syscall"],
      },
    ],
    example: "tstrace -k -e trace=write echo hi",
  },
  {
    short: "n",
    long: "syscall-number",
    arg: "none",
    key: "syscallNumber",
    section: "Output format",
    help: [{ usage: "-n, --syscall-number", text: ["print syscall number"] }],
    example: "tstrace -n true",
  },
  {
    short: "o",
    long: "output",
    arg: "required",
    key: "output",
    section: "Output format",
    help: [
      {
        usage: "-o FILE, --output=FILE",
        text: ["send trace output to FILE instead of stderr ('|CMD' pipes it to CMD)"],
      },
    ],
    values: "a file name, or `|CMD` (also `!CMD`) to pipe the trace to a shell command",
    example: "tstrace -o trace.txt ls",
  },
  {
    short: "A",
    long: "output-append-mode",
    arg: "none",
    key: "append",
    section: "Output format",
    help: [
      {
        usage: "-A, --output-append-mode",
        text: ["open the file provided in the -o option in append mode"],
      },
    ],
    example: "tstrace -A -o trace.txt ls",
  },
  {
    long: "output-separately",
    arg: "none",
    key: "separately",
    section: "Output format",
    help: [
      {
        usage: "--output-separately",
        text: ["output into separate files (by appending pid to file names)"],
      },
    ],
    example: "tstrace -f --output-separately -o trace sh -c 'ls | wc'",
  },
  {
    short: "q",
    long: "quiet",
    arg: "optional",
    key: "quiet",
    section: "Output format",
    help: [
      {
        usage: "-q, --quiet=attach,personality",
        text: ["suppress messages about attaching, detaching, etc."],
      },
      {
        usage: "-qq, --quiet=attach,personality,exit",
        text: ["suppress messages about process exit status as well."],
      },
    ],
    values:
      "with `--quiet=`: the messages of `-e quiet=` (attach, exit, path-resolution, personality, thread-execve)",
    example: "tstrace -qq true",
  },
  {
    long: "silent",
    arg: "optional",
    key: "quiet",
    section: "Output format",
    help: [],
    values: "as `--quiet`",
    example: "tstrace --silent=exit true",
  },
  {
    long: "silence",
    arg: "optional",
    key: "quiet",
    section: "Output format",
    help: [],
    values: "as `--quiet`",
    example: "tstrace --silence=attach,exit true",
  },
  {
    short: "r",
    long: "relative-timestamps",
    arg: "optional",
    key: "relTimestamps",
    section: "Output format",
    help: [
      {
        usage: "-r, --relative-timestamps[=PRECISION]",
        text: ["print relative timestamp"],
        details: [["precision", ["one of s, ms, us, ns; default is microseconds"]]],
      },
    ],
    values: "precision: `s`, `ms`, `us` (default), `ns`",
    example: "tstrace -r true",
  },
  {
    short: "s",
    long: "string-limit",
    arg: "required",
    key: "strsize",
    section: "Output format",
    help: [
      {
        usage: "-s STRSIZE, --string-limit=STRSIZE",
        text: ["limit length of print strings to STRSIZE chars (default 32)"],
      },
    ],
    values: "a non-negative integer (default 32); paths are never cut",
    example: "tstrace -s 128 cat /etc/os-release",
  },
  {
    long: "absolute-timestamps",
    arg: "optional",
    key: "absTimestamps",
    section: "Output format",
    help: [
      {
        usage: "--absolute-timestamps=[[format:]FORMAT[,[precision:]PRECISION]]",
        text: ["set the format of absolute timestamps"],
        details: [
          ["format", ["none, time, or unix; default is time"]],
          ["precision", ["one of s, ms, us, ns; default is seconds"]],
        ],
      },
    ],
    values: "`[format:]none|time|unix` and/or `[precision:]s|ms|us|ns`, comma-separated",
    example: "tstrace --absolute-timestamps=unix,ms true",
  },
  {
    long: "secontext",
    arg: "optional",
    key: "secontext",
    section: "Output format",
    help: [
      {
        usage: "--secontext[=FORMAT]",
        text: ["refused, as by strace built without SELinux"],
      },
    ],
    values:
      "`full`, `mismatch`: SELinux contexts; like strace built without SELinux, refused with its message",
    example: "tstrace --secontext=full true",
  },
  {
    long: "timestamps",
    arg: "optional",
    key: "absTimestamps",
    section: "Output format",
    help: [],
    values: "the same as `--absolute-timestamps` (an alias)",
    example: "tstrace --timestamps=time,us true",
  },
  {
    short: "t",
    arg: "none",
    key: "tCount",
    section: "Output format",
    help: [
      { usage: "-t, --absolute-timestamps[=time]", text: ["print absolute timestamp"] },
      { usage: "-tt, --absolute-timestamps=[time,]us", text: ["print absolute timestamp with usecs"] },
      {
        usage: "-ttt, --absolute-timestamps=unix,us",
        text: ["print absolute UNIX time with usecs"],
      },
    ],
    example: "tstrace -tt true",
  },
  {
    short: "T",
    long: "syscall-times",
    arg: "optional",
    key: "syscallTimes",
    section: "Output format",
    help: [
      {
        usage: "-T, --syscall-times[=PRECISION]",
        text: ["print time spent in each syscall"],
        details: [["precision", ["one of s, ms, us, ns; default is microseconds"]]],
      },
    ],
    values: "precision: `s`, `ms`, `us` (default), `ns`",
    example: "tstrace -T sleep 0.1",
  },
  {
    short: "v",
    long: "no-abbrev",
    arg: "none",
    key: "verbose",
    section: "Output format",
    help: [{ usage: "-v, --no-abbrev", text: ["verbose mode: print entities unabbreviated"] }],
    example: "tstrace -v stat /",
  },
  {
    short: "x",
    arg: "none",
    key: "hex",
    section: "Output format",
    help: [
      { usage: "-x", text: ["print non-ascii strings in hex"] },
      { usage: "-xx", text: ["print all strings in hex"] },
    ],
    example: "tstrace -xx echo hi",
  },
  {
    long: "strings-in-hex",
    arg: "optional",
    key: "stringsInHex",
    section: "Output format",
    help: [
      {
        usage: "--strings-in-hex[=STYLE]",
        text: ["which strings print as hexadecimal escapes (default: all)"],
        details: [
          [
            "style",
            [
              "none (no hexadecimal escapes),",
              "non-ascii-chars (non-printable characters as \\xNN),",
              "non-ascii (as -x: strings with any of them wholly in hex),",
              "all (as -xx: every string in hex)",
            ],
          ],
        ],
      },
    ],
    values:
      "`none`, `non-ascii-chars`, `non-ascii`, `all` (the default without a value); not together with `-x`",
    example: "tstrace --strings-in-hex=non-ascii-chars cat /etc/hostname",
  },
  {
    long: "decode-fds",
    arg: "optional",
    key: "qual:decode-fds",
    section: "Output format",
    help: [
      {
        usage: "-e decode-fds=SET, --decode-fds=SET",
        text: ["what kinds of file descriptor information details to decode"],
        details: [
          [
            "details",
            [
              "dev (device major/minor for block/char device files)",
              "path (file path),",
              "pidfd (associated PID for pidfds),",
              "socket (protocol-specific information for socket descriptors)",
            ],
          ],
        ],
      },
    ],
    values: "`path`, `socket`, `dev`, `pidfd`, `all`, `none`",
    example: "tstrace --decode-fds=path,socket curl -s http://127.0.0.1:8080/",
  },
  {
    short: "y",
    arg: "none",
    key: "decodeFdsCount",
    section: "Output format",
    help: [
      {
        usage: "-y, --decode-fds[=path]",
        text: ["print paths associated with file descriptor arguments"],
      },
      {
        usage: "-yy, --decode-fds=all",
        text: ["print all available information associated with file", "descriptors in addition to paths"],
      },
    ],
    example: "tstrace -yy cat /etc/hostname",
  },
  {
    long: "decode-pids",
    arg: "required",
    key: "qual:decode-pids",
    section: "Output format",
    help: [
      {
        usage: "-e decode-pids=SET, --decode-pids=SET",
        text: ["what kinds of PID information to decode"],
        details: [
          [
            "details",
            [
              "comm (command name associated with process ID),",
              "pidns (PID in strace's PID namespace, for tracees in another one)",
            ],
          ],
        ],
      },
    ],
    values: "`comm`, `pidns`, `all`, `none`; the last one given wins",
    example: "tstrace -f --decode-pids=comm sh -c 'true'",
  },
  {
    short: "Y",
    arg: "none",
    key: "decodePidsComm",
    section: "Output format",
    help: [{ usage: "-Y", text: ["equivalent to --decode-pids=comm"] }],
    example: "tstrace -f -Y sh -c 'true'",
  },
  {
    long: "pidns-translation",
    arg: "none",
    key: "pidnsTranslation",
    section: "Output format",
    help: [{ usage: "--pidns-translation", text: ["equivalent to --decode-pids=pidns"] }],
    example: "tstrace --pidns-translation -f unshare -pf true",
  },
  {
    short: "X",
    long: "const-print-style",
    arg: "required",
    key: "constStyle",
    section: "Output format",
    help: [
      {
        usage: "-X FORMAT, --const-print-style=FORMAT",
        text: ["set the FORMAT for printing of named constants and flags"],
        details: [["formats", ["raw, abbrev, verbose"]]],
      },
    ],
    values: "`raw` (numbers), `abbrev` (names, the default), `verbose` (numbers and names)",
    example: "tstrace -X verbose true",
  },
  // Statistics
  {
    short: "c",
    long: "summary-only",
    arg: "none",
    key: "summaryOnly",
    section: "Statistics",
    help: [
      {
        usage: "-c, --summary-only",
        text: ["count time, calls, and errors for each syscall and report summary"],
      },
    ],
    example: "tstrace -c ls -R /usr/share/doc",
  },
  {
    short: "C",
    long: "summary",
    arg: "none",
    key: "summary",
    section: "Statistics",
    help: [{ usage: "-C, --summary", text: ["like -c, but also print the regular output"] }],
    example: "tstrace -C true",
  },
  {
    short: "S",
    long: "summary-sort-by",
    arg: "required",
    key: "sortBy",
    section: "Statistics",
    help: [
      {
        usage: "-S SORTBY, --summary-sort-by=SORTBY",
        text: [
          "sort syscall counts by: time, min-time, max-time, avg-time,",
          "calls, errors, name, nothing (default time)",
        ],
      },
    ],
    values: "`time` (default), `min-time`, `max-time`, `avg-time`, `calls`, `errors`, `name`, `nothing`",
    example: "tstrace -c -S calls ls",
  },
  {
    short: "U",
    long: "summary-columns",
    arg: "required",
    key: "summaryColumns",
    section: "Statistics",
    help: [
      {
        usage: "-U COLUMNS, --summary-columns=COLUMNS",
        text: [
          "show specific columns in the summary report: comma-separated",
          "list of time-percent, total-time, min-time, max-time,",
          "avg-time, calls, errors, name",
        ],
      },
    ],
    values:
      "comma-separated: `time-percent`, `total-time`, `min-time`, `max-time`, `avg-time`, `calls`, `errors`, `name`",
    example: "tstrace -c -U name,calls,errors ls",
  },
  {
    short: "O",
    long: "summary-syscall-overhead",
    arg: "required",
    key: "overhead",
    section: "Statistics",
    help: [
      {
        usage: "-O OVERHEAD[UNIT], --summary-syscall-overhead=OVERHEAD[UNIT]",
        text: ["set overhead for tracing syscalls to OVERHEAD UNITs"],
      },
    ],
    values: "a number with an optional unit `s`, `ms`, `us`, `ns` (default microseconds)",
    example: "tstrace -c -O 2us ls",
  },
  {
    short: "w",
    long: "summary-wall-clock",
    arg: "none",
    key: "wallClock",
    section: "Statistics",
    help: [
      {
        usage: "-w, --summary-wall-clock",
        text: [
          "summarise syscall latency (default: time on a CPU; with",
          "ptrace tstrace always measures wall clock)",
        ],
      },
    ],
    example: "tstrace -c -w sleep 0.1",
  },
  // tstrace's own: how -c counts (stats/backend.ts); not in strace.
  {
    long: "summary-backend",
    arg: "required",
    key: "summaryBackend",
    section: "Statistics",
    help: [
      {
        usage: "--summary-backend=BACKEND",
        text: [
          "how -c counts: perf (kernel events, no stops), ptrace,",
          "auto (default: perf when permitted and no option needs ptrace)",
        ],
      },
    ],
    values: "`auto` (default), `perf`, `ptrace`",
    example: "tstrace -c --summary-backend=ptrace ls",
  },
  // Tampering
  {
    long: "inject",
    arg: "required",
    key: "qual:inject",
    section: "Tampering",
    help: [
      {
        usage:
          "-e inject=SET[:error=ERRNO|:retval=VALUE][:signal=SIG][:syscall=SYSCALL][:delay_enter=DELAY][:delay_exit=DELAY][:poke_enter=@argN=DATAN,@argM=DATAM...][:poke_exit=@argN=DATAN,@argM=DATAM...][:when=WHEN], --inject=...",
        text: ["perform syscall tampering for the syscalls in SET"],
        details: [
          ["delay", ["microseconds or NUMBER{s|ms|us|ns}"]],
          ["when", ["FIRST[..LAST][+[STEP]]"]],
        ],
      },
    ],
    values:
      "a syscall set as for `-e trace=`, then `:`-separated actions: `error=ERRNO` (name or number) or `retval=VALUE`, `signal=SIG`, `syscall=NAME` (a `%pure` syscall run instead), `delay_enter=`/`delay_exit=` (microseconds or a number with `s`, `ms`, `us`, `ns`), `poke_enter=@argN=HEX,...`/`poke_exit=@argN=HEX,...` (bytes written at the address argument N holds, at entry or at exit), `when=FIRST[..LAST][+[STEP]]`; at least one action",
    example: "tstrace -e inject=openat:error=ENOENT:when=2+ cat /etc/hostname /etc/hosts",
  },
  {
    long: "fault",
    arg: "required",
    key: "qual:fault",
    section: "Tampering",
    help: [
      {
        usage: "-e fault=SET[:error=ERRNO][:when=WHEN], --fault=SET[:error=ERRNO][:when=WHEN]",
        text: ["synonym for -e inject with default ERRNO set to ENOSYS."],
      },
    ],
    values: "as `--inject`, with only `error=` (default `ENOSYS`), `syscall=` and `when=`",
    example: "tstrace -e fault=chdir:error=EACCES sh -c 'cd /tmp'",
  },
  // Miscellaneous
  {
    short: "d",
    long: "debug",
    arg: "none",
    key: "debug",
    section: "Miscellaneous",
    help: [{ usage: "-d, --debug", text: ["enable debug output to stderr (accepted; tstrace has none)"] }],
    example: "tstrace -d true",
  },
  {
    short: "h",
    long: "help",
    arg: "none",
    key: "help",
    section: "Miscellaneous",
    help: [{ usage: "-h, --help", text: ["print help message"] }],
    example: "tstrace --help",
  },
  {
    long: "tips",
    arg: "optional",
    key: "tips",
    section: "Miscellaneous",
    help: [
      {
        usage: "--tips[=[[id:]ID][,[format:]FORMAT]]",
        text: ["accepted as strace takes it; tstrace has no tips to show"],
        details: [
          ["id", ["non-negative integer or random"]],
          ["format", ["none, compact, full"]],
        ],
      },
    ],
    values:
      "comma-separated `[id:]ID` (a number or `random`) and `[format:]FORMAT` (`none`, `compact`, `full`); checked as strace checks them, then ignored",
    example: "tstrace --tips=format:none true",
  },
  {
    short: "V",
    long: "version",
    arg: "none",
    key: "version",
    section: "Miscellaneous",
    help: [{ usage: "-V, --version", text: ["print version"] }],
    example: "tstrace -V",
  },
];
