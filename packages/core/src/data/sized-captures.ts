/**
 * Arguments that point at memory whose size is another argument: extensible structs (openat2's
 * open_how, mount_setattr's mount_attr, landlock's ruleset attr), of which strace 6.1 prints the
 * fields it knows and then, when the caller passed more, whether the rest is all zeros
 * (print_nonzero_bytes: at most a page), and buffers only a decoder knows to print, by another
 * argument's value (fsconfig's binary value). Hand data; the decoder reads what is named here.
 */

/** One sized capture: `arg` points at `args[lenArg]` bytes, read at entry, at most `max`. */
export interface SizedCapture {
  readonly arg: number;
  readonly lenArg: number;
  /**
   * Most bytes read: a page for an extensible struct (what strace looks at), or `strsize` for a
   * buffer printed as a string (one byte more than -s, as strace's printstr_ex reads).
   */
  readonly max: number | "strsize";
}

/** strace's get_pagesize() on every architecture tstrace traces. */
const PAGE = 4096;

/** Sized captures keyed by syscall name. */
export const sizedCaptures: Readonly<Record<string, readonly SizedCapture[]>> = {
  openat2: [{ arg: 2, lenArg: 3, max: PAGE }],
  mount_setattr: [{ arg: 3, lenArg: 4, max: PAGE }],
  landlock_create_ruleset: [{ arg: 0, lenArg: 1, max: PAGE }],
  // FSCONFIG_SET_BINARY's value, `aux` bytes (a string capture of the same argument serves the others).
  fsconfig: [{ arg: 3, lenArg: 4, max: "strsize" }],
};
