/**
 * The descriptors from 3 up that tstrace inherited, when it was started as `node bin/tstrace`
 * (bin/tstrace's sh line, which lists them before node starts, did not run).
 *
 * Node marks every descriptor it inherited close-on-exec as it starts (libuv's
 * uv_disable_stdio_inheritance), so their flags no longer tell them from the ones Node opens for
 * itself. What each one *is* still does: before any JavaScript runs, Node's own are its event
 * loops' epoll, eventfd and io_uring instances and its pipes (libuv's signal and wake-up pipes),
 * and Node holds both ends of each of those pipes. Everything else open at that point came from
 * the caller: files, sockets, terminals, one end of a pipe. (A caller's pipe passed down with both
 * its ends, or a caller's epoll, cannot be told apart this way: bin/tstrace run directly, through
 * its sh line, passes those too.)
 */
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** One open descriptor: its number, what /proc/self/fd/N links to, and its access mode. */
export interface OpenFd {
  readonly fd: number;
  readonly target: string;
  /** O_ACCMODE of fdinfo's flags: 0 read, 1 write, 2 both. */
  readonly accessMode: number;
}

/** The anonymous inodes Node's event loops are made of (never handed down by a caller here). */
const EVENT_LOOP_INODES = new Set([
  "anon_inode:[eventpoll]",
  "anon_inode:[eventfd]",
  "anon_inode:[io_uring]",
]);

/** The descriptors from 3 up in `open` that are not Node's own (see the module comment). */
export function callersFds(open: readonly OpenFd[]): number[] {
  // Pipes whose read end and write end are both open here: Node's.
  const ends = new Map<string, number>();
  for (const o of open) {
    if (!o.target.startsWith("pipe:")) continue;
    ends.set(o.target, (ends.get(o.target) ?? 0) | (o.accessMode === 0 ? 1 : o.accessMode === 1 ? 2 : 3));
  }
  return open
    .filter((o) => o.fd > 2 && !EVENT_LOOP_INODES.has(o.target) && ends.get(o.target) !== 3)
    .map((o) => o.fd)
    .sort((a, b) => a - b);
}

/** /proc/self/fd now, each with its target and access mode; empty where /proc cannot be read. */
export function openFds(): OpenFd[] {
  let names: string[];
  try {
    names = readdirSync("/proc/self/fd");
  } catch {
    return [];
  }
  const out: OpenFd[] = [];
  for (const name of names) {
    const fd = Number(name);
    try {
      const target = readlinkSync(`/proc/self/fd/${name}`);
      const flags = /^flags:\s*([0-7]+)$/m.exec(readFileSync(`/proc/self/fdinfo/${name}`, "utf8"));
      out.push({ fd, target, accessMode: flags ? Number.parseInt(flags[1] ?? "0", 8) & 3 : 0 });
    } catch {
      // The directory's own descriptor, gone by now.
    }
  }
  return out;
}
