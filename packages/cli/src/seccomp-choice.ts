/**
 * Whether a spawned session filters with seccomp-bpf, so that syscalls `-e trace=` leaves out
 * never stop the tracee. The filter is inherited by every child and, with no tracer attached to a
 * child, SECCOMP_RET_TRACE fails its selected syscalls with ENOSYS. strace 6.1 therefore filters
 * only with -f; tstrace's tracer follows children silently without -f (traced, never reported,
 * resumed at once: native's `hidden` tracees), so the filter is on with or without -f.
 */
export function usesSeccomp(o: {
  readonly seccomp: boolean | undefined;
  readonly syscallNumber: boolean;
  readonly detachOnExec: boolean;
  readonly syscallLimit: number;
}): boolean {
  // A tracee let go on purpose (-b execve, --syscall-limit) would keep the filter with no tracer,
  // and its selected syscalls would fail with ENOSYS: no filter then (strace 6.1 does so for -b,
  // with the warning args.ts prints).
  if (o.detachOnExec || o.syscallLimit > 0) return false;
  // strace -n numbers +++ lines with the last syscall the process made, which only a tracee
  // stopping at every syscall reveals: -n alone keeps seccomp off unless asked for.
  return o.seccomp ?? !o.syscallNumber;
}
