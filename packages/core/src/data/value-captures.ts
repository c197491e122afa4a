/**
 * Arguments whose memory shape depends on another argument's value (ioctl's request, prctl's
 * option): which struct to read for which value, and when. Hand data, checked against strace 6.1
 * (`ioctl(0, TIOCGWINSZ, {ws_row=…})`, `prctl(PR_SET_NAME, "nm")`); values are looked up by name
 * in the generated constant tables, so the numbers come from the kernel headers.
 */

/** One value-chosen capture: when the selector argument equals `value`, read `type` at `arg`. */
export interface ValueCapture {
  /** The selector's value by name in {@link ValueCaptureRow.table}. */
  readonly value: string;
  /** The argument pointing at the memory. */
  readonly arg: number;
  /** A struct name from structs.ts (its size is what is read). */
  readonly type: string;
  /** `in`: read at entry (the caller's data); `out`: at exit (what the kernel wrote). */
  readonly dir: "in" | "out";
}

/** The value-chosen captures of one syscall. */
export interface ValueCaptureRow {
  /** The argument whose value chooses (ioctl's request, prctl's option). */
  readonly selector: number;
  /** The constant table naming the selector's values. */
  readonly table: string;
  readonly captures: readonly ValueCapture[];
}

const intIn = (value: string, arg = 2): ValueCapture => ({ value, arg, type: "int", dir: "in" });
const intOut = (value: string, arg = 2): ValueCapture => ({ value, arg, type: "int", dir: "out" });

/** Value-chosen captures keyed by syscall name. */
export const valueCaptures: Readonly<Record<string, ValueCaptureRow>> = {
  ioctl: {
    selector: 1,
    table: "tty_ioctls",
    captures: [
      intOut("FIONREAD"),
      intIn("FIONBIO"),
      intIn("FIOASYNC"),
      intOut("TIOCGPGRP"),
      intIn("TIOCSPGRP"),
      intOut("TIOCGPTN"),
      intIn("TIOCSPTLCK"),
      { value: "TIOCGWINSZ", arg: 2, type: "winsize", dir: "out" },
      { value: "TIOCSWINSZ", arg: 2, type: "winsize", dir: "in" },
      { value: "TCGETS", arg: 2, type: "termios", dir: "out" },
      { value: "TCSETS", arg: 2, type: "termios", dir: "in" },
      { value: "TCSETSW", arg: 2, type: "termios", dir: "in" },
      { value: "TCSETSF", arg: 2, type: "termios", dir: "in" },
    ],
  },
  prctl: {
    selector: 0,
    table: "prctl_options",
    captures: [
      { value: "PR_SET_NAME", arg: 1, type: "comm", dir: "in" },
      { value: "PR_GET_NAME", arg: 1, type: "comm", dir: "out" },
    ],
  },
};
