/** `tstrace -h`: strace's usage, limited to what tstrace implements today. */
export const HELP_TEXT = `Usage: tstrace [-ACcfhinqrTtVvwxyzZ] [-a COLUMN] [-e EXPR]... [-o FILE] [-s STRSIZE]
               [-X FORMAT] [-O OVERHEAD] [-S SORTBY] [-P PATH]... [-U COLUMNS]
               [-b SYSCALL] [-p PID]... [--seccomp-bpf] { -p PID | [-DDD] PROG [ARGS] }

Startup:
  PROG [ARGS]    run PROG and trace its system calls and signals from its execve on
  -p PID, --attach=PID
                 trace process with process id PID, may be repeated (PID,PID and
                 space- or newline-separated lists are accepted)
  -D, --daemonize[=grandchild]
                 run tracer process as a grandchild, not as a parent
  -DD, --daemonize=pgroup
                 run tracer process in a separate process group
  -DDD, --daemonize=session
                 run tracer process in a separate session

Tracing:
  -f, --follow-forks
                 follow forks
  -ff, --follow-forks --output-separately
                 follow forks with output into separate files
  --seccomp-bpf  stop the tracee only at the syscalls -e trace= selects (default
                 with -f when a filter selects syscalls and a command is spawned)
  --no-seccomp-bpf
                 stop at every syscall and filter in the tracer
  -b execve, --detach-on=execve
                 detach on execve syscall
  --kill-on-exit kill all tracees if tstrace is killed

Filtering:
  -e trace=[!][?]{SYSCALL|%GROUP|all|/REGEX|none},... , --trace=...
                 trace only specified syscalls (the last -e trace= wins)
  -e signal=SET, --signal=SET
                 print only the signals from SET
  -e status=SET, --status=SET
                 print only system calls with the return statuses in SET
     statuses:   successful, failed, unfinished, unavailable, detached
  -z, --successful-only
                 print only syscalls that returned without an error code
  -Z, --failed-only
                 print only syscalls that returned with an error code
  -P PATH, --trace-path=PATH
                 trace accesses to PATH (by path, or by an fd opened on it)
  --trace-fds=SET
                 trace operations on file descriptors from SET
  --syscall-limit=N
                 detach and stop after N traced syscalls

Output format:
  -a COLUMN, --columns=COLUMN
                 alignment COLUMN for printing syscall results (default 40)
  -e read=SET, --read=SET
                 dump the data read from the file descriptors in SET
  -e write=SET, --write=SET
                 dump the data written to the file descriptors in SET
  -e quiet=SET, --quiet=SET
                 suppress various informational messages
     messages:   attach, exit, path-resolution, personality, thread-execve
  -i, --instruction-pointer
                 print instruction pointer at time of syscall
  -n, --syscall-number
                 print syscall number
  -o FILE, --output=FILE
                 send trace output to FILE instead of stderr ('|CMD' pipes it to CMD)
  -A, --output-append-mode
                 open the file provided in the -o option in append mode
  --output-separately
                 output into separate files (by appending pid to file names)
  -q, --quiet=attach,personality
                 suppress messages about attaching, detaching, etc.
  -qq, --quiet=attach,personality,exit
                 suppress messages about process exit status as well.
  -r, --relative-timestamps[=PRECISION]
                 print relative timestamp
     precision:  one of s, ms, us, ns; default is microseconds
  -s STRSIZE, --string-limit=STRSIZE
                 limit length of print strings to STRSIZE chars (default 32)
  --absolute-timestamps=[[format:]FORMAT[,[precision:]PRECISION]]
                 set the format of absolute timestamps
     format:     none, time, or unix; default is time
     precision:  one of s, ms, us, ns; default is seconds
  -t, --absolute-timestamps[=time]
                 print absolute timestamp
  -tt, --absolute-timestamps=[time,]us
                 print absolute timestamp with usecs
  -ttt, --absolute-timestamps=unix,us
                 print absolute UNIX time with usecs
  -T, --syscall-times[=PRECISION]
                 print time spent in each syscall
     precision:  one of s, ms, us, ns; default is microseconds
  -x             print non-ascii strings in hex
  -xx            print all strings in hex
  -e decode-fds=SET, --decode-fds=SET
                 what kinds of file descriptor information details to decode
     details:    dev (device major/minor for block/char device files)
                 path (file path),
                 pidfd (associated PID for pidfds),
                 socket (protocol-specific information for socket descriptors)
  -y, --decode-fds[=path]
                 print paths associated with file descriptor arguments
  -yy, --decode-fds=all
                 print all available information associated with file
                 descriptors in addition to paths
  -X FORMAT, --const-print-style=FORMAT
                 set the FORMAT for printing of named constants and flags
     formats:    raw, abbrev, verbose

Statistics:
  -c, --summary-only
                 count time, calls, and errors for each syscall and report summary
  -C, --summary  like -c, but also print the regular output
  -S SORTBY, --summary-sort-by=SORTBY
                 sort syscall counts by: time, min-time, max-time, avg-time,
                 calls, errors, name, nothing (default time)
  -U COLUMNS, --summary-columns=COLUMNS
                 show specific columns in the summary report: comma-separated
                 list of time-percent, total-time, min-time, max-time,
                 avg-time, calls, errors, name
  -O OVERHEAD[UNIT], --summary-syscall-overhead=OVERHEAD[UNIT]
                 set overhead for tracing syscalls to OVERHEAD UNITs
  -w, --summary-wall-clock
                 summarise syscall latency (default: time on a CPU; with
                 ptrace tstrace always measures wall clock)
  --summary-backend=BACKEND
                 how -c counts: perf (kernel events, no stops), ptrace,
                 auto (default: perf when permitted and no option needs ptrace)

Miscellaneous:
  -h, --help     print help message
  -V, --version  print version
`;
