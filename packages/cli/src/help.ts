/** `tstrace -h`: strace's usage, limited to what tstrace implements today. */
export const HELP_TEXT = `Usage: tstrace [-fhqVx] [-a COLUMN] [-o FILE] [-s STRSIZE] PROG [ARGS]

Startup:
  PROG [ARGS]    run PROG and trace its system calls and signals from its execve on

Tracing:
  -f, --follow-forks
                 follow forks

Output format:
  -a COLUMN, --columns=COLUMN
                 alignment COLUMN for printing syscall results (default 40)
  -o FILE, --output=FILE
                 send trace output to FILE instead of stderr
  -s STRSIZE, --string-limit=STRSIZE
                 limit length of print strings to STRSIZE chars (default 32)
  -x             print non-ascii strings in hex
  -xx            print all strings in hex

Miscellaneous:
  -q, --quiet    suppress messages about attaching, detaching, etc.
  -h, --help     print help message
  -V, --version  print version
`;
