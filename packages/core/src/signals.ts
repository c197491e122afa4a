/** Signal names as strace prints them. */
import { signals } from "./generated/signals.js";

export { signals };

const byValue: ReadonlyMap<number, string> = new Map(signals.map((s) => [s.value, s.name]));

/**
 * The name strace prints for signal `n`: `SIGCHLD`, `SIGRTMIN` for 32, `SIGRT_<n-32>` above it, and
 * `<n>` unchanged as a decimal string for numbers outside 1..64 (strace prints the bare number).
 */
export function signalName(n: number): string {
  return byValue.get(n) ?? String(n);
}
