/**
 * Per-syscall statistics for -c / -C, gathered straight from record batches with a DataView: an
 * ENTER remembers its time per pid, the matching EXIT adds `exit.timeNs - enter.timeNs` to its
 * syscall's row and counts an error when `isError`. Syscalls that never return (exit_group) are
 * not counted, as in strace.
 */
import { RecordHeader, RecordType, SyscallEnterBody, SyscallExitBody } from "@tstrace/core/record-format";
import { forEachRecord } from "../record-walk.js";

/** Totals for one syscall number. */
export interface SyscallCount {
  readonly nr: number;
  calls: number;
  errors: number;
  /** Nanoseconds, summed. */
  totalNs: number;
  minNs: number;
  maxNs: number;
}

const ENTER_NR = RecordHeader.length + SyscallEnterBody.nr;
const EXIT_NR = RecordHeader.length + SyscallExitBody.nr;
const EXIT_IS_ERROR = RecordHeader.length + SyscallExitBody.isError;

export class SyscallCounter {
  /** -O: subtracted from each call's time (clamped at 0), as strace's count_syscall does. */
  readonly #overheadNs: number;

  constructor(overheadNs = 0) {
    this.#overheadNs = overheadNs;
  }

  /** pid → [hi, lo] of the pending entry's timeNs. */
  readonly #entered = new Map<number, [number, number]>();
  readonly #rows = new Map<number, SyscallCount>();

  /** Scans one batch of whole records. */
  add(batch: Uint8Array): void {
    forEachRecord(batch, (view, at, size) => {
      const type = view.getUint16(at + RecordHeader.type, true);
      const pid = view.getUint32(at + RecordHeader.pid, true);
      const lo = view.getUint32(at + RecordHeader.timeNs, true);
      const hi = view.getUint32(at + RecordHeader.timeNs + 4, true);
      if (type === RecordType.SYSCALL_ENTER && size >= ENTER_NR + 4) {
        this.#entered.set(pid, [hi, lo]);
      } else if (type === RecordType.SYSCALL_EXIT && size >= EXIT_IS_ERROR + 4) {
        const start = this.#entered.get(pid);
        this.#entered.delete(pid);
        const ns =
          start === undefined
            ? 0
            : Math.max(0, (hi - start[0]) * 0x1_0000_0000 + (lo - start[1]) - this.#overheadNs);
        this.#count(view.getUint32(at + EXIT_NR, true), ns, view.getUint32(at + EXIT_IS_ERROR, true) !== 0);
      } else if (type === RecordType.EXIT || type === RecordType.DETACHED) {
        this.#entered.delete(pid);
      }
    });
  }

  #count(nr: number, ns: number, isError: boolean): void {
    let row = this.#rows.get(nr);
    if (row === undefined) {
      row = { nr, calls: 0, errors: 0, totalNs: 0, minNs: ns, maxNs: ns };
      this.#rows.set(nr, row);
    }
    row.calls++;
    if (isError) row.errors++;
    row.totalNs += ns;
    if (ns < row.minNs) row.minNs = ns;
    if (ns > row.maxNs) row.maxNs = ns;
  }

  /** Rows in syscall-number order (strace's order before sorting). */
  rows(): SyscallCount[] {
    return [...this.#rows.values()].sort((a, b) => a.nr - b.nr);
  }
}
