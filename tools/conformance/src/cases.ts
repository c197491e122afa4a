/**
 * The conformance corpus: each case is traced by strace and by tstrace with the same options, in
 * the same freshly made work folder. `setup` names a fixture the runner creates there first.
 */
export interface ConformanceCase {
  /** Short unique name printed in the report. */
  readonly name: string;
  /** Tracer options shared by both tracers (before the command). */
  readonly options?: readonly string[];
  /** The traced command. */
  readonly command: readonly string[];
  /** Minimum agreement for this case, 0..1 (the suite's default when absent). */
  readonly min?: number;
}

export const CASES: readonly ConformanceCase[] = [
  { name: "true", command: ["/bin/true"] },
  { name: "false", command: ["false"] },
  { name: "ls", command: ["ls"] },
  { name: "ls -a", command: ["ls", "-a"] },
  { name: "cat hostname", command: ["cat", "/etc/hostname"] },
  { name: "cat missing", command: ["cat", "does-not-exist"] },
  { name: "echo", command: ["echo", "hello", "world"] },
  { name: "sh -c true", command: ["sh", "-c", "true"] },
  { name: "sh kill -9", command: ["sh", "-c", "kill -9 $$"] },
  { name: "head -c", command: ["head", "-c", "100", "/etc/passwd"] },
  { name: "-s 8 cat", options: ["-s", "8"], command: ["cat", "/etc/hostname"] },
  { name: "-s 100 head", options: ["-s", "100"], command: ["head", "-n", "3", "/etc/passwd"] },
  { name: "-a 20 true", options: ["-a", "20"], command: ["/bin/true"] },
  { name: "-x echo", options: ["-x"], command: ["echo", "héllo"] },
  { name: "-xx echo", options: ["-xx"], command: ["echo", "abc"] },
];
