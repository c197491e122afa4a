/**
 * `-e status=` (and -z/-Z) under -f: strace stages each process's line until its syscall returns,
 * then prints or drops it whole, so such a trace never has `<unfinished ...>` / `<... resumed>`
 * pairs. The decoder decides per line; here each syscall-entry record is held back until the same
 * pid's next record (its exit, or its end: death, exec, detach), so the decoder never sees
 * another pid's line cut into an open one.
 */
import { RecordHeader, RecordType } from "@tstrace/core/record-format";
import { forEachRecord } from "./record-walk.js";

export class StatusStaging {
  /** pid → its syscall-entry record not yet followed by its exit (copies; an execve's EXEC joins it). */
  readonly #held = new Map<number, Uint8Array[]>();

  /** The batch with entries moved next to their exits; held entries wait for a later batch. */
  stage(batch: Uint8Array): Uint8Array {
    const parts: Uint8Array[] = [];
    let runStart = 0;
    const cut = (at: number): void => {
      if (at > runStart) parts.push(batch.subarray(runStart, at));
    };
    forEachRecord(batch, (view, at, size) => {
      const type = view.getUint16(at + RecordHeader.type, true);
      const pid = view.getUint32(at + RecordHeader.pid, true);
      const held = this.#held.get(pid);
      const former = type === RecordType.EXEC ? execFormer(view, at, size) : 0;
      if (held !== undefined && type === RecordType.EXEC && (former === pid || former === 0)) {
        // The execve's own exec event: its exit follows, so the line stays whole.
        cut(at);
        held.push(batch.slice(at, at + size));
        runStart = at + size;
      } else {
        // A fork's child notice is not part of the parent's line: it passes a held clone entry.
        const release = type !== RecordType.NEW_PROCESS ? this.#releases(pid, former) : [];
        if (type === RecordType.SYSCALL_ENTER || release.length > 0) {
          cut(at);
          parts.push(...release);
          runStart = at;
        }
        if (type === RecordType.SYSCALL_ENTER) {
          this.#held.set(pid, [batch.slice(at, at + size)]);
          runStart = at + size;
        }
      }
    });
    cut(batch.length);
    if (parts.length === 1) return parts[0] as Uint8Array;
    return concat(parts);
  }

  /** Every held entry, at the end of the trace (their syscalls never returned). */
  flush(): Uint8Array {
    const parts = [...this.#held.values()].flat();
    this.#held.clear();
    return concat(parts);
  }

  /** The held records a record of `pid` lets go: its own, and for a thread's exec the former's. */
  #releases(pid: number, former: number): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (const p of former !== 0 && former !== pid ? [pid, former] : [pid]) {
      const held = this.#held.get(p);
      if (held === undefined) continue;
      this.#held.delete(p);
      out.push(...held);
    }
    return out;
  }
}

/** The thread id an EXEC record reports as former, 0 when it has none. */
function execFormer(view: DataView, at: number, size: number): number {
  return size >= RecordHeader.length + 4 ? view.getUint32(at + RecordHeader.length, true) : 0;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}
