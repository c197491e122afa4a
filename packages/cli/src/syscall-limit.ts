/**
 * --syscall-limit=N (strace 6.7+, not in strace 6.1): once N traced syscalls have returned, the
 * trace ends there and the tracees are detached to run on. The tracer may have run ahead by the
 * time JS sees the Nth exit, so the batch is cut right after it and later records are dropped.
 */
import { RecordHeader, RecordType, SyscallExitBody } from "@tstrace/core/record-format";
import { forEachRecord } from "./record-walk.js";

const EXIT_NR = RecordHeader.length + SyscallExitBody.nr;

export class SyscallLimit {
  #left: number;
  readonly #selected: ((nr: number) => boolean) | undefined;

  /** `selected`: the -e trace= set (all syscalls count when absent). */
  constructor(limit: number, selected?: (nr: number) => boolean) {
    this.#left = limit;
    this.#selected = selected;
  }

  /** The limit was reached: everything after it is dropped. */
  get reached(): boolean {
    return this.#left <= 0;
  }

  /** The part of `batch` within the limit (empty once it is reached). */
  take(batch: Uint8Array): Uint8Array {
    if (this.#left <= 0) return batch.subarray(0, 0);
    let cut = batch.length;
    forEachRecord(batch, (view, at, size) => {
      if (this.#left <= 0) return;
      if (view.getUint16(at + RecordHeader.type, true) === RecordType.SYSCALL_EXIT && size >= EXIT_NR + 4) {
        const nr = view.getUint32(at + EXIT_NR, true);
        if (!this.#selected || this.#selected(nr)) {
          this.#left--;
          if (this.#left === 0) cut = at + size;
        }
      }
    });
    return cut === batch.length ? batch : batch.subarray(0, cut);
  }
}
