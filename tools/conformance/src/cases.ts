/**
 * The conformance corpus: each case is traced by strace and by tstrace with the same options, in
 * the same freshly made work folder. `setup` names a fixture the runner creates there first.
 */
import { DECODING_CASES } from "./cases-decoding.js";
import { FD_CASES } from "./cases-fds.js";
import { FILTER_CASES } from "./cases-filter.js";
import { INJECT_CASES } from "./cases-inject.js";
import { IOCTL_CASES } from "./cases-ioctl.js";
import { NET_CASES } from "./cases-net.js";
import { PROCESS_CASES } from "./cases-process.js";
import { PROGRAM_CASES } from "./cases-programs.js";
import { SYSCALL_CASES } from "./cases-syscalls.js";
import { TIMING_CASES } from "./cases-timing.js";

export interface ConformanceCase {
  /** Short unique name printed in the report. */
  readonly name: string;
  /** Tracer options shared by both tracers (before the command). */
  readonly options?: readonly string[];
  /** The traced command. */
  readonly command: readonly string[];
  /** Minimum agreement for this case, 0..1 (the suite's default when absent). */
  readonly min?: number;
  /** Programs the case runs that a fresh machine may lack: without one, the case is skipped. */
  readonly needs?: readonly string[];
}

/** The whole corpus, in report order. */
export const CASES: readonly ConformanceCase[] = [
  ...DECODING_CASES,
  ...FD_CASES,
  ...SYSCALL_CASES,
  ...NET_CASES,
  ...PROCESS_CASES,
  ...FILTER_CASES,
  ...INJECT_CASES,
  ...IOCTL_CASES,
  ...TIMING_CASES,
  ...PROGRAM_CASES,
];
