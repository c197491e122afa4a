// -y / -yy (decodeFds): every expected line is one strace 6.1 printed (`strace -y`/`-yy python3
// …` with files, pipes, sockets), and the records carry what the native tracer captured for it.

import { CaptureKind, FD_RETURN_ARG, FdPathForm } from "@tstrace/core";
import { describe, expect, it } from "vitest";
import { createDecoder } from "../dist/index.js";
import { nr } from "./helpers/nr.js";
import {
  bufArg,
  bufRet,
  bytes,
  concat,
  cstr,
  enter,
  exit,
  fdPath,
  fdPaths,
  struct,
} from "./helpers/records.js";

type Caps = ReturnType<typeof cstr>[];
type FdSet = "none" | "path" | "all" | ("path" | "socket" | "dev" | "pidfd")[];
async function line(
  decodeFds: FdSet,
  name: string,
  args: (number | bigint)[],
  rval: number,
  entryCaps: Caps = [],
  exitCaps: Caps = [],
): Promise<string> {
  const d = await createDecoder({ decodeFds });
  return d.decodeToString(concat(enter(100, nr(name), args, entryCaps), exit(100, nr(name), rval, exitCaps)));
}

const O_CLOEXEC = 0x80000;

describe("-y", () => {
  it("decorates a dirfd of AT_FDCWD with the cwd and an fd return value with its path", async () => {
    expect(
      await line(
        "path",
        "openat",
        [-100, 0x1000, O_CLOEXEC],
        3,
        [fdPath(0, "/tmp"), cstr(1, "/etc/passwd")],
        [fdPath(FD_RETURN_ARG, "/etc/passwd")],
      ),
    ).toBe('openat(AT_FDCWD</tmp>, "/etc/passwd", O_RDONLY|O_CLOEXEC) = 3</etc/passwd>\n');
  });
  it("decorates fd arguments where any decoder prints them", async () => {
    expect(
      await line("path", "read", [3, 0x1000, 10], 10, [fdPath(0, "/etc/passwd")], [bufRet(1, "root:x:0:0")]),
    ).toBe('read(3</etc/passwd>, "root:x:0:0", 10)  = 10\n');
    expect(
      await line(
        "path",
        "dup2",
        [3, 10],
        10,
        [fdPath(0, "/etc/passwd"), fdPath(1, "/dev/null")],
        [fdPath(FD_RETURN_ARG, "/etc/passwd")],
      ),
    ).toBe("dup2(3</etc/passwd>, 10</dev/null>)     = 10</etc/passwd>\n");
    expect(await line("path", "write", [5, 0x1000, 1], 1, [fdPath(0, "pipe:[206781]"), bufArg(1, "x")])).toBe(
      'write(5<pipe:[206781]>, "x", 1)         = 1\n',
    );
  });
  it("decorates the fds of pipe2's pair and poll's array, not poll's revents", async () => {
    const pipe = "pipe:[206781]";
    const pair = bytes(8, [
      [0, 4, 4],
      [4, 4, 5],
    ]);
    expect(
      await line(
        "path",
        "pipe2",
        [0x1000, O_CLOEXEC],
        0,
        [],
        [
          struct(0, pair),
          fdPaths(0, [
            [4, pipe],
            [5, pipe],
          ]),
        ],
      ),
    ).toBe("pipe2([4<pipe:[206781]>, 5<pipe:[206781]>], O_CLOEXEC) = 0\n");
    const pollfd = (revents: number): Uint8Array =>
      bytes(8, [
        [0, 4, 4],
        [4, 4, 1 | (revents << 16)],
      ]);
    const arr = (data: Uint8Array) => ({ arg: 0, kind: CaptureKind.ARRAY, data });
    expect(
      await line(
        "path",
        "poll",
        [0x1000, 1, 0],
        1,
        [arr(pollfd(0)), fdPaths(0, [[4, pipe]])],
        [arr(pollfd(1))],
      ),
    ).toBe("poll([{fd=4<pipe:[206781]>, events=POLLIN}], 1, 0) = 1 ([{fd=4, revents=POLLIN}])\n");
  });
  it("decorates fcntl's F_DUPFD result, which its decoder marks as an fd", async () => {
    const F_DUPFD_CLOEXEC = 1030;
    expect(
      await line(
        "path",
        "fcntl",
        [3, F_DUPFD_CLOEXEC, 20],
        20,
        [fdPath(0, "/etc/passwd")],
        [fdPath(FD_RETURN_ARG, "/etc/passwd")],
      ),
    ).toBe("fcntl(3</etc/passwd>, F_DUPFD_CLOEXEC, 20) = 20</etc/passwd>\n");
  });
  it("quotes the path as strace does, < and > escaped", async () => {
    const path = '/tmp/fdq/a<b>"c\\d é';
    expect(await line("path", "read", [3, 0x1000, 1], 0, [fdPath(0, path)], [bufRet(1, "")])).toBe(
      'read(3</tmp/fdq/a\\74b\\76\\"c\\\\d \\303\\251>, "", 1) = 0\n',
    );
  });
  it("prints nothing extra without decodeFds, captures or not", async () => {
    expect(
      await line("none", "read", [3, 0x1000, 10], 10, [fdPath(0, "/etc/passwd")], [bufRet(1, "root:x:0:0")]),
    ).toBe('read(3, "root:x:0:0", 10)               = 10\n');
  });
});

describe("-yy", () => {
  it("prints socket details in place of the path", async () => {
    expect(
      await line("all", "close", [12], 0, [
        fdPath(0, "socket:[207538]", FdPathForm.DETAIL, "UNIX-STREAM:[207538->207539]"),
      ]),
    ).toBe("close(12<UNIX-STREAM:[207538->207539]>) = 0\n");
    expect(
      await line(
        "all",
        "socket",
        [2, 1 | O_CLOEXEC, 0],
        7,
        [],
        [fdPath(FD_RETURN_ARG, "socket:[207534]", FdPathForm.DETAIL, "TCP:[207534]")],
      ),
    ).toBe("socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 7<TCP:[207534]>\n");
  });
  it("decorates socketpair's pair with socket details", async () => {
    const pair = bytes(8, [
      [0, 4, 12],
      [4, 4, 13],
    ]);
    expect(
      await line(
        "all",
        "socketpair",
        [1, 1 | O_CLOEXEC, 0, 0x1000],
        0,
        [],
        [
          struct(3, pair),
          fdPaths(3, [
            [12, "socket:[207538]", FdPathForm.DETAIL, "UNIX-STREAM:[207538->207539]"],
            [13, "socket:[207539]", FdPathForm.DETAIL, "UNIX-STREAM:[207539->207538]"],
          ]),
        ],
      ),
    ).toBe(
      "socketpair(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0, [12<UNIX-STREAM:[207538->207539]>, 13<UNIX-STREAM:[207539->207538]>]) = 0\n",
    );
  });
  it("passes native's detail text as is and escapes what only a corrupt record holds", async () => {
    // strace's own detail text: quotes, backslashes and `->` are its syntax, never escaped.
    expect(
      await line("all", "close", [12], 0, [
        fdPath(0, "socket:[1]", FdPathForm.DETAIL, 'UNIX-STREAM:[1->2,"/tmp/a\\"b"]'),
      ]),
    ).toBe('close(12<UNIX-STREAM:[1->2,"/tmp/a\\"b"]>) = 0\n');
    // A newline, a high byte (as its UTF-8 pair) and an escape: octal as strace escapes a -y path.
    expect(
      await line("all", "close", [12], 0, [fdPath(0, "/dev/x", FdPathForm.DEVICE, "char\n\u00ff\u001b1")]),
    ).toBe("close(12</dev/x<char\\n\\303\\277\\0331>>)  = 0\n");
  });
  it("appends a device's type and numbers to its path", async () => {
    expect(
      await line("all", "write", [6, 0x1000, 2], 2, [
        fdPath(0, "/dev/null", FdPathForm.DEVICE, "char 1:3"),
        bufArg(1, "hi"),
      ]),
    ).toBe('write(6</dev/null<char 1:3>>, "hi", 2)  = 2\n');
  });
});

// --decode-fds=SET: the records are those of -yy (native captures path and detail together);
// each member decorates only its own kind of fd. Lines from `strace --decode-fds=SET python3 …`
// opening a file, /dev/null, TCP sockets on loopback and a pidfd.
describe("--decode-fds=SET", () => {
  const tcp = fdPath(0, "socket:[627130]", FdPathForm.DETAIL, "TCP:[627130]");
  const devnull = fdPath(FD_RETURN_ARG, "/dev/null", FdPathForm.DEVICE, "char 1:3");
  const cwd = fdPath(0, "/tmp/xs");
  const openNull = (set: FdSet): Promise<string> =>
    line(set, "openat", [-100, 0x1000, 0x80001], 4, [cwd, cstr(1, "/dev/null")], [devnull]);
  const pidfdOpen = (set: FdSet, pid: number): Promise<string> =>
    line(
      set,
      "pidfd_open",
      [pid, 0],
      8,
      [],
      [fdPath(FD_RETURN_ARG, "anon_inode:[pidfd]", FdPathForm.DETAIL, `pid:${pid}`)],
    );

  it("socket: socket details only", async () => {
    expect(await line(["socket"], "listen", [5, 1], 0, [tcp])).toBe(
      "listen(5<TCP:[627130]>, 1)              = 0\n",
    );
    expect(await openNull(["socket"])).toBe('openat(AT_FDCWD, "/dev/null", O_WRONLY|O_CLOEXEC) = 4\n');
    expect(await pidfdOpen(["socket"], 22584)).toBe("pidfd_open(22584, 0)                    = 8\n");
  });
  it("dev: devices only, path and numbers", async () => {
    expect(await openNull(["dev"])).toBe(
      'openat(AT_FDCWD, "/dev/null", O_WRONLY|O_CLOEXEC) = 4</dev/null<char 1:3>>\n',
    );
    expect(await line(["dev"], "listen", [5, 1], 0, [tcp])).toBe(
      "listen(5, 1)                            = 0\n",
    );
  });
  it("pidfd: pidfds only", async () => {
    expect(await pidfdOpen(["pidfd"], 22604)).toBe(
      "pidfd_open(22604, 0)                    = 8<pid:22604>\n",
    );
    expect(
      await line(["pidfd"], "read", [3, 0x1000, 1], 1, [fdPath(0, "/tmp/xs/work/a.txt")], [bufRet(1, "a")]),
    ).toBe('read(3, "a", 1)                         = 1\n');
  });
  it("path,dev: paths for sockets and pidfds, numbers for devices", async () => {
    expect(await openNull(["path", "dev"])).toBe(
      'openat(AT_FDCWD</tmp/xs>, "/dev/null", O_WRONLY|O_CLOEXEC) = 4</dev/null<char 1:3>>\n',
    );
    expect(
      await line(["path", "dev"], "listen", [5, 1], 0, [
        fdPath(0, "socket:[627785]", FdPathForm.DETAIL, "TCP:[627785]"),
      ]),
    ).toBe("listen(5<socket:[627785]>, 1)           = 0\n");
    expect(await pidfdOpen(["path", "dev"], 22612)).toBe(
      "pidfd_open(22612, 0)                    = 8<anon_inode:[pidfd]>\n",
    );
  });
});
