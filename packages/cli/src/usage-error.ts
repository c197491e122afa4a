/** A command-line mistake: printed as strace prints it, with the hint line, exit status 1. */
export class UsageError extends Error {
  /** Whether to add "Try 'tstrace -h' for more information." as strace does for option errors. */
  readonly hint: boolean;
  constructor(message: string, hint = true) {
    super(message);
    this.name = "UsageError";
    this.hint = hint;
  }
}
