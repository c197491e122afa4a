// Which of the descriptors open when tstrace starts as `node bin/tstrace` came from its caller:
// the classification on what /proc/self/fd shows (the end-to-end cases are in fd-inheritance).
import { describe, expect, it } from "vitest";
import { callersFds, openFds } from "../src/inherited-fds.js";

describe("callersFds", () => {
  it("keeps files, sockets, terminals and one end of a pipe; leaves Node's event loop out", () => {
    const open = [
      { fd: 0, target: "/dev/pts/0", accessMode: 2 },
      { fd: 3, target: "/tmp/three.txt", accessMode: 0 },
      { fd: 4, target: "anon_inode:[eventpoll]", accessMode: 2 },
      { fd: 5, target: "socket:[1234]", accessMode: 2 },
      { fd: 6, target: "pipe:[77]", accessMode: 0 },
      { fd: 8, target: "pipe:[77]", accessMode: 1 },
      { fd: 9, target: "anon_inode:[eventfd]", accessMode: 2 },
      { fd: 11, target: "pipe:[90]", accessMode: 1 },
      { fd: 12, target: "pipe:[90]", accessMode: 1 },
      { fd: 13, target: "anon_inode:[io_uring]", accessMode: 2 },
      { fd: 20, target: "/dev/pts/0", accessMode: 2 },
    ];
    // pipe 77 has both ends here (Node's wake-up pipe); pipe 90 is one end, dup'd (12>&11).
    expect(callersFds(open)).toEqual([3, 5, 11, 12, 20]);
  });

  it("reads this process's descriptors, each with a target", () => {
    const fds = openFds();
    expect(fds.map((o) => o.fd)).toContain(0);
    for (const o of fds) expect(o.target).not.toBe("");
  });
});
