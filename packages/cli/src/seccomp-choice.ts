/**
 * Whether a spawned session filters with seccomp-bpf. The filter is inherited by every child and,
 * with no tracer attached to a child, SECCOMP_RET_TRACE fails its selected syscalls with ENOSYS:
 * so, as strace does, only with -f (which traces every child). Without -f an explicit
 * --seccomp-bpf is dropped with strace's warning.
 */
export interface SeccompChoice {
  readonly seccomp: boolean;
  /** strace's text for a --seccomp-bpf it cannot honour. */
  readonly warning?: string;
}

export function chooseSeccomp(o: {
  readonly seccomp: boolean | undefined;
  readonly follow: boolean;
  readonly syscallNumber: boolean;
}): SeccompChoice {
  if (!o.follow) {
    return o.seccomp === true
      ? { seccomp: false, warning: "--seccomp-bpf cannot be used without -f/--follow-forks, disabling" }
      : { seccomp: false };
  }
  // strace -n numbers +++ lines with the last syscall the process made, which only a tracee
  // stopping at every syscall reveals: -n alone keeps seccomp off unless asked for.
  return { seccomp: o.seccomp ?? !o.syscallNumber };
}
