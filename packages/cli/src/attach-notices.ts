/**
 * strace's attach and detach notices for -p (and -D): "Process N attached" once per process asked
 * for ("… attached with M threads" when -f seized more), and "Process T detached" for each thread
 * let go, read from the tracer's ATTACHED and DETACHED records.
 */
import { RecordType } from "@tstrace/core/record-format";
import { forEachOfType } from "./record-filter.js";

export class AttachNotices {
  readonly #threads = new Map<number, number>();
  readonly #detached: number[] = [];
  /** Attached threads in attach order: strace lets its tracees go in that order. */
  readonly #order = new Map<number, number>();

  /** Notes what `batch` reports; returns the attach notices it completes (printed at once). */
  take(batch: Uint8Array): string[] {
    const fresh = new Map<number, number>();
    forEachOfType(batch, RecordType.ATTACHED, (tid, of) => {
      const pid = of === 0 ? tid : of;
      if (!this.#order.has(tid)) this.#order.set(tid, this.#order.size);
      fresh.set(pid, (fresh.get(pid) ?? 0) + 1);
    });
    forEachOfType(batch, RecordType.DETACHED, (tid) => {
      this.#detached.push(tid);
    });
    const out: string[] = [];
    for (const [pid, n] of fresh) {
      if (this.#threads.has(pid)) continue;
      this.#threads.set(pid, n);
      out.push(n > 1 ? `Process ${pid} attached with ${n} threads` : `Process ${pid} attached`);
    }
    return out;
  }

  /** The detach notices, in the order the threads were let go. */
  detached(): string[] {
    const rank = (tid: number): number => this.#order.get(tid) ?? Number.MAX_SAFE_INTEGER;
    return [...this.#detached].sort((a, b) => rank(a) - rank(b)).map((tid) => `Process ${tid} detached`);
  }
}
