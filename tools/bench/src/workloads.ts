/** Syscall-heavy commands the benchmark traces; each is run untraced, under strace and under tstrace. */
export interface Workload {
  readonly name: string;
  readonly command: readonly string[];
}

export const WORKLOADS: readonly Workload[] = [
  { name: "true (start-up)", command: ["/bin/true"] },
  { name: "dd bs=1 count=20000", command: ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=20000"] },
  { name: "ls -l /usr/bin", command: ["ls", "-l", "/usr/bin"] },
  { name: "python3 -c pass", command: ["python3", "-c", "pass"] },
];
