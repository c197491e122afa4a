/**
 * `-P PATH` (and `--trace-fds=`): keeps only the syscalls that access a selected path, dropping the
 * ENTER and EXIT records of the others from each batch before decoding and counting, as strace
 * marks them TCB_FILTERED at entry.
 *
 * strace asks /proc/PID/fd/N which file an fd argument refers to while the tracee is stopped; by
 * the time a batch reaches JS that moment is gone, so the fds are followed instead: a successful
 * open/openat/openat2/creat whose path resolves (against the tracee's cwd, through symlinks) to a
 * selected path marks its returned fd, dup/dup2/dup3/fcntl(F_DUPFD*) copy the mark, close and
 * reuse clear it, and a new process starts with its parent's marks.
 */
import { readlinkSync, realpathSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { AT_FDCWD, FD_EFFECT_CALLS, fdEffect, type PathRule, pathRule } from "@tstrace/core/path-rules";
import {
  CaptureHeader,
  CaptureKind,
  CaptureStatus,
  RecordHeader,
  RecordType,
  SyscallEnterBody,
  SyscallExitBody,
} from "@tstrace/core/record-format";
import { type ArchTable, syscallByName, syscallByNr } from "./arch.js";
import type { FdSelection } from "./qualifiers.js";
import { forEachRecord } from "./record-walk.js";

/** sizeof(struct pollfd): int fd first, then two shorts. */
const POLLFD_SIZE = 8;

/**
 * `-e trace=` narrowed to `selected`, widened by the calls -P must still see to follow fds
 * (strace asks /proc instead, so it needs no stops for them); the decoder and -c still show only
 * `selected`.
 */
export function withFdTracking(selected: ReadonlySet<number>, arch: ArchTable): Set<number> {
  const set = new Set(selected);
  for (const name of FD_EFFECT_CALLS) {
    const row = syscallByName(arch, name);
    if (row) set.add(row.nr);
  }
  return set;
}

/** The set strace's pathtrace_select_set builds: each path as given and its realpath. */
export function selectPaths(paths: readonly string[]): { set: Set<string>; resolved: [string, string][] } {
  const set = new Set<string>();
  const resolved: [string, string][] = [];
  for (const p of paths) {
    set.add(p);
    let real: string;
    try {
      real = realpathSync(p);
    } catch {
      continue;
    }
    if (real === p) continue;
    resolved.push([p, real]);
    set.add(real);
  }
  return { set, resolved };
}

/**
 * Which of `fds` (tstrace's own, which the command it spawns inherits: stdio and those handed
 * down) refer to a selected path, as strace's /proc/PID/fd/N would say for the command
 * (`tstrace -P /dev/full cmd 9>>/dev/full`).
 */
export function startingFds(paths: ReadonlySet<string>, fds: readonly number[]): Set<number> {
  const out = new Set<number>();
  for (const fd of fds) {
    try {
      if (paths.has(readlinkSync(`/proc/self/fd/${fd}`))) out.add(fd);
    } catch {
      // Not open.
    }
  }
  return out;
}

interface Pending {
  readonly nr: number;
  readonly matched: boolean;
  readonly args: readonly bigint[];
  /** The path of an open-family call, for its fd at exit. */
  readonly openPath: string | undefined;
}

export class PathFilter {
  readonly #arch: ArchTable;
  readonly #paths: ReadonlySet<string>;
  readonly #traceFds: FdSelection | undefined;
  /** pid → fds known to refer to a selected path. */
  readonly #fds = new Map<number, Set<number>>();
  readonly #pending = new Map<number, Pending>();
  readonly #rules = new Map<number, PathRule | undefined>();
  readonly #names = new Map<number, string>();
  readonly #utf8 = new TextDecoder();

  /** The fds the spawned command starts with that refer to a selected path (see startingFds). */
  readonly #start: ReadonlySet<number>;

  constructor(
    arch: ArchTable,
    paths: ReadonlySet<string>,
    traceFds?: FdSelection,
    start?: ReadonlySet<number>,
  ) {
    this.#arch = arch;
    this.#paths = paths;
    this.#traceFds = traceFds;
    this.#start = start ?? new Set();
  }

  #name(nr: number): string {
    let name = this.#names.get(nr);
    if (name === undefined) {
      const row = syscallByNr(this.#arch, nr);
      name = row?.name ?? "";
      this.#names.set(nr, name);
      this.#rules.set(nr, row ? pathRule(row) : undefined);
    }
    return name;
  }

  #fdSet(pid: number): Set<number> {
    let s = this.#fds.get(pid);
    if (s === undefined) {
      s = new Set(this.#start);
      this.#fds.set(pid, s);
    }
    return s;
  }

  #fdMatches(pid: number, fd: number): boolean {
    if (fd < 0) return false;
    const t = this.#traceFds;
    if (t && (t.fds.has(fd) || (t.others && fd >= 65536))) return true;
    return (this.#fds.get(pid) ?? this.#start).has(fd);
  }

  /** Where the entry capture of `kind` for argument `arg` lies in the record, if it was read. */
  #capture(
    view: DataView,
    at: number,
    size: number,
    arg: number,
    kind: CaptureKind,
    partialOk = false,
  ): { start: number; len: number } | undefined {
    const count = view.getUint32(at + RecordHeader.length + SyscallEnterBody.captureCount, true);
    let off = at + RecordHeader.length + SyscallEnterBody.length;
    for (let i = 0; i < count && off + CaptureHeader.size <= at + size; i++) {
      const len = view.getUint32(off + CaptureHeader.length, true);
      if (
        view.getUint8(off + CaptureHeader.arg) === arg &&
        view.getUint8(off + CaptureHeader.kind) === kind
      ) {
        const status = view.getUint16(off + CaptureHeader.status, true);
        // A path cut short by an unmapped page names no file (strace prints its address).
        if (status === CaptureStatus.FAULT || (status === CaptureStatus.PARTIAL && !partialOk))
          return undefined;
        const start = off + CaptureHeader.size;
        return { start, len: Math.min(len, at + size - start) };
      }
      off += CaptureHeader.size + ((len + 7) & ~7);
    }
    return undefined;
  }

  /** The tracee's own path string for a path argument, from its entry capture. */
  #capturedPath(
    view: DataView,
    bytes: Uint8Array,
    at: number,
    size: number,
    arg: number,
  ): string | undefined {
    const c = this.#capture(view, at, size, arg, CaptureKind.CSTRING);
    return c && this.#utf8.decode(bytes.subarray(c.start, c.start + c.len));
  }

  /**
   * strace's match_xselect_args: any fd set in the first `nfds` bits of an fd_set argument. nfds
   * is the kernel's int, capped as strace caps it.
   */
  #fdSetMatches(
    view: DataView,
    bytes: Uint8Array,
    at: number,
    size: number,
    pid: number,
    rule: PathRule,
    nfds: number,
  ): boolean {
    if (nfds <= 0) return false;
    const bits = Math.min(nfds, 1024 * 1024);
    for (const arg of rule.fdSets ?? []) {
      const c = this.#capture(view, at, size, arg, CaptureKind.FDSET);
      if (!c) continue;
      const end = Math.min(bits, c.len * 8);
      for (let fd = 0; fd < end; fd++) {
        const byte = bytes[c.start + (fd >> 3)] as number;
        if (byte === 0) {
          fd |= 7;
          continue;
        }
        if (byte & (1 << (fd & 7)) && this.#fdMatches(pid, fd)) return true;
      }
    }
    return false;
  }

  /**
   * strace's poll case: any pollfd's fd among the first `nfds` elements, as far as they are
   * readable (an array running into an unmapped page still matches by its readable entries).
   */
  #pollFdsMatch(view: DataView, at: number, size: number, pid: number, arg: number, nfds: number): boolean {
    const c = this.#capture(view, at, size, arg, CaptureKind.ARRAY, true);
    if (!c) return false;
    const n = Math.min(nfds, 1024 * 1024, Math.floor(c.len / POLLFD_SIZE));
    for (let i = 0; i < n; i++)
      if (this.#fdMatches(pid, view.getInt32(c.start + i * POLLFD_SIZE, true))) return true;
    return false;
  }

  #onEnter(view: DataView, bytes: Uint8Array, at: number, size: number, pid: number): boolean {
    const body = at + RecordHeader.length;
    const nr = view.getUint32(body + SyscallEnterBody.nr, true);
    const name = this.#name(nr);
    const args: bigint[] = [];
    for (let i = 0; i < 6; i++) args.push(view.getBigUint64(body + SyscallEnterBody.args + i * 8, true));
    let rule = this.#rules.get(nr);
    if (rule?.byCommand)
      rule = rule.byCommand.rules[Number(BigInt.asUintN(32, args[rule.byCommand.arg] ?? 0n))];
    let matched = false;
    if (rule) {
      matched = rule.fds.some((i) => this.#fdMatches(pid, Number(BigInt.asIntN(32, args[i] ?? 0n))));
      if (!matched)
        matched = rule.paths.some((i) => {
          const p = this.#capturedPath(view, bytes, at, size, i);
          return p !== undefined && this.#paths.has(p);
        });
      if (!matched && rule.fdSets)
        matched = this.#fdSetMatches(
          view,
          bytes,
          at,
          size,
          pid,
          rule,
          Number(BigInt.asIntN(32, args[0] ?? 0n)),
        );
      if (!matched && rule.pollFds !== undefined)
        matched = this.#pollFdsMatch(
          view,
          at,
          size,
          pid,
          rule.pollFds,
          Number(BigInt.asUintN(32, args[1] ?? 0n)),
        );
    }
    const effect = fdEffect(name, args);
    const openPath =
      effect?.kind === "open" ? this.#capturedPath(view, bytes, at, size, effect.pathArg) : undefined;
    this.#pending.set(pid, { nr, matched, args, openPath });
    return matched;
  }

  /** Follows fds through the call that just returned `rval`. */
  #track(pid: number, p: Pending, rval: number, isError: boolean): void {
    const effect = fdEffect(this.#names.get(p.nr) ?? "", p.args);
    if (effect === undefined) return;
    const fds = this.#fdSet(pid);
    const arg = (i: number): number => Number(BigInt.asIntN(32, p.args[i] ?? 0n));
    if (effect.kind === "close") {
      fds.delete(arg(0));
      return;
    }
    if (isError || rval < 0) return;
    const selected =
      effect.kind === "open"
        ? this.#refersToSelected(pid, p, effect.dirfdArg === undefined ? AT_FDCWD : arg(effect.dirfdArg))
        : fds.has(arg(0));
    if (selected) fds.add(rval);
    else fds.delete(rval);
  }

  #refersToSelected(pid: number, p: Pending, dirfd: number): boolean {
    const path = p.openPath;
    if (path === undefined) return false;
    if (this.#paths.has(path) && isAbsolute(path)) return true;
    let full = path;
    if (!isAbsolute(path)) {
      if (dirfd !== AT_FDCWD) return false;
      let cwd: string;
      try {
        cwd = readlinkSync(`/proc/${pid}/cwd`);
      } catch {
        cwd = process.cwd();
      }
      full = resolve(cwd, path);
    }
    try {
      full = realpathSync(full);
    } catch {
      // gone already: the path as resolved is the best guess
    }
    return this.#paths.has(full);
  }

  /** The batch without the syscalls no selected path is involved in. */
  filter(batch: Uint8Array): Uint8Array {
    const out = new Uint8Array(batch.length);
    let outLen = 0;
    forEachRecord(batch, (view, at, size) => {
      const type = view.getUint16(at + RecordHeader.type, true);
      const pid = view.getUint32(at + RecordHeader.pid, true);
      let keep = true;
      if (type === RecordType.SYSCALL_ENTER && size >= RecordHeader.length + SyscallEnterBody.length) {
        keep = this.#onEnter(view, batch, at, size, pid);
      } else if (type === RecordType.SYSCALL_EXIT && size >= RecordHeader.length + SyscallExitBody.length) {
        const p = this.#pending.get(pid);
        this.#pending.delete(pid);
        keep = p?.matched ?? false;
        if (p) {
          const body = at + RecordHeader.length;
          const rval = Number(view.getBigInt64(body + SyscallExitBody.rval, true));
          this.#track(pid, p, rval, view.getUint32(body + SyscallExitBody.isError, true) !== 0);
        }
      } else if (type === RecordType.NEW_PROCESS && size >= RecordHeader.length + 4) {
        const child = view.getUint32(at + RecordHeader.length, true);
        this.#fds.set(child, new Set(this.#fds.get(pid)));
      } else if (type === RecordType.EXIT) {
        this.#fds.delete(pid);
        this.#pending.delete(pid);
      }
      if (keep) {
        out.set(batch.subarray(at, at + size), outLen);
        outLen += size;
      }
    });
    return out.subarray(0, outLen);
  }
}
