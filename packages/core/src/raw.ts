/**
 * The row shape of the generated syscall tables (src/generated/syscalls-*.ts): the number, the
 * kernel's name, and either the `[C type, parameter name]` pairs of its SYSCALL_DEFINE or, for an
 * entry the kernel leaves unimplemented, how many arguments strace prints.
 */
export type RawSyscall =
  | readonly [nr: number, name: string, args: readonly (readonly [type: string, name: string])[]]
  | readonly [nr: number, name: string, nargs: number];
