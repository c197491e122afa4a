/** errno names and messages, as strace prints them after `= -1`. */
import { errnos } from "./generated/errnos.js";

export { errnos };

const byValue: ReadonlyMap<number, { name: string; message: string }> = new Map(
  errnos.map((e) => [e.value, e]),
);

/** The symbolic name of positive errno `n` (`ENOENT`), or undefined when the kernel defines none. */
export function errnoName(n: number): string | undefined {
  return byValue.get(n)?.name;
}

/**
 * The message strace prints in parentheses for errno `n`: glibc's strerror text, strace's own text
 * for the ERESTART* codes, and `Unknown error <n>` (glibc's wording) for anything else.
 */
export function errnoMessage(n: number): string {
  return byValue.get(n)?.message ?? `Unknown error ${n}`;
}
