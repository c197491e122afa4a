/**
 * What the benchmark measures: each row runs a command untraced, under strace and under tstrace
 * with the same tracer options, so one run yields the ratios that matter.
 */
export interface Workload {
  readonly name: string;
  /** Tracer options shared by strace and tstrace (output always goes to /dev/null). */
  readonly options: readonly string[];
  /** tstrace's own options before the shared ones (strace 6.1 has no --no-seccomp-bpf). */
  readonly tstraceOnly?: readonly string[];
  readonly command: readonly string[];
  /** Also report (tstrace - tstrace's start-up) / untraced, the cost a filter adds to the program. */
  readonly netOfStartup?: boolean;
}

const DD = ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=20000"];
/** The filtered row's size from the issue: 400,000 syscalls, where a filter must cost almost nothing. */
const DD_LONG = ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=200000"];

export const WORKLOADS: readonly Workload[] = [
  { name: "true (start-up)", options: [], command: ["/bin/true"] },
  { name: "dd bs=1 full trace", options: [], command: DD },
  // seccomp-bpf: strace filters only with -f (an untraced child would get ENOSYS); tstrace filters
  // without -f too, following children silently. Both rows, and the stop-everything one.
  {
    name: "dd 200k -f trace=openat",
    options: ["-f", "-e", "trace=openat"],
    command: DD_LONG,
    netOfStartup: true,
  },
  {
    name: "dd 200k trace=openat (no -f)",
    options: ["-e", "trace=openat"],
    command: DD_LONG,
    netOfStartup: true,
  },
  // Every syscall stops (strace without -f stops at every one too): the tracer-thread drop.
  {
    name: "dd --no-seccomp-bpf trace=openat",
    options: ["-e", "trace=openat"],
    tstraceOnly: ["--no-seccomp-bpf"],
    command: DD,
  },
  { name: "dd -c summary", options: ["-c"], command: DD },
  // -c where it needs the stops (-p, -P...): counted in the tracer thread, no records.
  { name: "dd -c summary, ptrace", options: ["-c"], tstraceOnly: ["--summary-backend=ptrace"], command: DD },
  { name: "ls -l /usr/bin", options: [], command: ["ls", "-l", "/usr/bin"] },
  { name: "find /usr/share/doc", options: ["-e", "trace=%stat"], command: ["find", "/usr/share/doc"] },
  { name: "python3 -c pass", options: [], command: ["/usr/bin/python3", "-c", "pass"] },
  // -k: strace (libunwind over ptrace) unwinds in the tracer; tstrace copies the stack and unwinds in JS.
  { name: "ls -l /usr/bin -k", options: ["-k"], command: ["ls", "-l", "/usr/bin"] },
  { name: "python3 -c pass -k", options: ["-k"], command: ["/usr/bin/python3", "-c", "pass"] },
];
