// FD_PATH captures (strace's -y/-yy): what an fd names is read from /proc at the stop, because the
// fd may be closed (or reused) by the time a line is formatted.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { compileCapturePlan } from "../../core/src/capture-plan.ts";
import {
  CaptureKind,
  CaptureStatus,
  FD_RETURN_ARG,
  FdPathForm,
  RecordType,
} from "../../core/src/record-format.ts";
import { x86_64 } from "../../core/src/x86_64.ts";
import { PYTHON } from "./helpers/procs.ts";
import { trace } from "./helpers/trace.ts";

const READ = 0;
const CLOSE = 3;
const OPENAT = 257;
const WRITE = 1;
const SENDTO = 44;
const LISTEN = 50;
const PIDFD_GETFD = 438;

interface FdCapture {
  arg: number;
  form: number;
  path: string;
  detail: string;
  status: number;
}

function fdCaptures(rec: {
  captures?: { arg: number; kind: number; status: number; data: Uint8Array }[];
}): FdCapture[] {
  const dec = new TextDecoder();
  return (rec.captures ?? [])
    .filter((c) => c.kind === CaptureKind.FD_PATH)
    .map((c) => {
      if (c.status === CaptureStatus.FAULT)
        return { arg: c.arg, form: -1, path: "", detail: "", status: c.status };
      const v = new DataView(c.data.buffer, c.data.byteOffset, c.data.byteLength);
      const len = v.getUint32(4, true);
      return {
        arg: c.arg,
        form: v.getUint32(0, true),
        path: dec.decode(c.data.subarray(8, 8 + len)),
        detail: dec.decode(c.data.subarray(8 + len)),
        status: c.status,
      };
    });
}

describe("FD_PATH captures", () => {
  it("name the file behind an fd argument and an fd return value, and the cwd for AT_FDCWD", async () => {
    const program = "import os\nfd = os.open('/etc/hostname', os.O_RDONLY)\nos.read(fd, 1)\nos.close(fd)\n";
    const plan = compileCapturePlan(x86_64, { strsize: 32, decodeFds: "path" });
    const { result, records } = await trace({
      argv: [PYTHON, "-c", program],
      capturePlan: plan,
      cwd: "/tmp",
    });
    expect(result.exitCode).toBe(0);
    const open = records.findLast((r) => r.type === RecordType.SYSCALL_EXIT && r.nr === OPENAT);
    expect(fdCaptures(open!)).toEqual([
      {
        arg: FD_RETURN_ARG,
        form: FdPathForm.PATH,
        path: "/etc/hostname",
        detail: "",
        status: CaptureStatus.OK,
      },
    ]);
    const openEntry = records.findLast((r) => r.type === RecordType.SYSCALL_ENTER && r.nr === OPENAT);
    expect(fdCaptures(openEntry!)[0]).toMatchObject({ arg: 0, path: "/tmp" });
    const read = records.findLast((r) => r.type === RecordType.SYSCALL_ENTER && r.nr === READ);
    expect(fdCaptures(read!)[0]).toMatchObject({ arg: 0, path: "/etc/hostname" });
    const close = records.findLast((r) => r.type === RecordType.SYSCALL_ENTER && r.nr === CLOSE);
    expect(fdCaptures(close!)[0]).toMatchObject({ arg: 0, path: "/etc/hostname" });
  });

  it("describe each fd of pipe2's pair at exit (FD_PATHS)", async () => {
    const plan = compileCapturePlan(x86_64, { strsize: 32, decodeFds: "path" });
    const { result, records } = await trace({
      argv: [PYTHON, "-c", "import os\nos.pipe()"],
      capturePlan: plan,
    });
    expect(result.exitCode).toBe(0);
    const PIPE2 = 293;
    const exit = records.findLast((r) => r.type === RecordType.SYSCALL_EXIT && r.nr === PIPE2)!;
    const c = exit.captures!.find((x) => x.kind === CaptureKind.FD_PATHS)!;
    const v = new DataView(c.data.buffer, c.data.byteOffset, c.data.byteLength);
    expect(v.getUint32(0, true)).toBe(2);
    const len = v.getUint32(8 + 12, true);
    const path = new TextDecoder().decode(c.data.subarray(8 + 20, 8 + 20 + len));
    expect(path).toMatch(/^pipe:\[\d+\]$/);
    expect(v.getUint32(8 + 4, true)).toBe(0);
  });

  it("describe every open fd where a payload can hold fds (connect's, FD_PATHS of all fds)", async () => {
    const plan = compileCapturePlan(x86_64, { strsize: 32, decodeFds: "path" });
    const program = [
      "import os, socket",
      "n = os.open('/dev/null', os.O_RDONLY)",
      "os.dup2(n, 77)",
      "try:\n  socket.socket(socket.AF_UNIX).connect('/nonexistent-tstrace')\nexcept OSError:\n  pass",
    ].join("\n");
    const { result, records } = await trace({ argv: [PYTHON, "-c", program], capturePlan: plan });
    expect(result.exitCode).toBe(0);
    const CONNECT = 42;
    const entry = records.findLast((r) => r.type === RecordType.SYSCALL_ENTER && r.nr === CONNECT)!;
    const c = entry.captures!.find((x) => x.kind === CaptureKind.FD_PATHS)!;
    const v = new DataView(c.data.buffer, c.data.byteOffset, c.data.byteLength);
    const seen = new Map<number, string>();
    let off = 8;
    for (let i = 0; i < v.getUint32(0, true); i++) {
      const pathLen = v.getUint32(off + 12, true);
      const detailLen = v.getUint32(off + 16, true);
      seen.set(
        v.getInt32(off, true),
        new TextDecoder().decode(c.data.subarray(off + 20, off + 20 + pathLen)),
      );
      off = (off + 20 + pathLen + detailLen + 3) & ~3;
    }
    expect(seen.get(77)).toBe("/dev/null");
    expect(seen.get(0)).toBeDefined();
  });

  it("give socket details and device numbers under -yy, as strace does here", async () => {
    // The oracle is strace on the same program in the same environment: what sock_diag can tell
    // depends on the kernel, and strace falls back to TCP:[inode] exactly where we must.
    const program = [
      "import os, socket",
      "s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()",
      "c = socket.socket(); c.connect(s.getsockname()); c.send(b'x')",
      "n = os.open('/dev/null', os.O_WRONLY); os.write(n, b'x')",
    ].join("\n");
    const argv = ["/usr/bin/python3", "-c", program];
    const plan = compileCapturePlan(x86_64, { strsize: 32, decodeFds: "all" });
    const { result, records } = await trace({ argv, capturePlan: plan });
    expect(result.exitCode).toBe(0);
    const ours = (nr: number) =>
      fdCaptures(records.findLast((r) => r.type === RecordType.SYSCALL_ENTER && r.nr === nr)!).map((c) =>
        c.form === FdPathForm.PATH
          ? c.path
          : c.form === FdPathForm.DEVICE
            ? `${c.path}<${c.detail}>`
            : c.detail,
      );
    const strace = spawnSync("strace", ["-yy", "-e", "trace=listen,sendto,write", ...argv], {
      encoding: "utf8",
    });
    const theirs = (name: string) => {
      const line = strace.stderr.split("\n").findLast((l) => l.startsWith(`${name}(`));
      return line?.match(/^\w+\(\d+<(.*?)>[,)]/)?.[1] ?? `no ${name} line`;
    };
    // Ports and inodes differ between the two runs; the shape must not.
    const shape = (s: string | undefined) => s?.replace(/\d+/g, "N");
    expect(shape(ours(LISTEN)[0])).toBe(shape(theirs("listen")));
    expect(shape(ours(SENDTO)[0])).toBe(shape(theirs("sendto")));
    expect(ours(WRITE)[0]).toBe("/dev/null<char 1:3>");
    expect(theirs("write")).toBe("/dev/null<char 1:3>");
  });

  it("name pidfd_getfd's target fd from the fd table of the process its pidfd names", async () => {
    // The child holds /etc/hostname at fd 50, which the caller does not have open.
    const program = [
      "import ctypes, os, time",
      "r, w = os.pipe()",
      "pid = os.fork()",
      "if pid == 0:",
      "    os.dup2(os.open('/etc/hostname', os.O_RDONLY), 50); os.write(w, b'x'); time.sleep(30); os._exit(0)",
      "os.read(r, 1)",
      "p = os.pidfd_open(pid)",
      "ctypes.CDLL(None).syscall(438, p, 50, 0)",
      "os.kill(pid, 9); os.waitpid(pid, 0)",
    ].join("\n");
    const plan = compileCapturePlan(x86_64, { strsize: 32, decodeFds: "path" });
    const { result, records } = await trace({ argv: [PYTHON, "-c", program], capturePlan: plan });
    expect(result.exitCode).toBe(0);
    const getfd = records.findLast((r) => r.type === RecordType.SYSCALL_ENTER && r.nr === PIDFD_GETFD);
    expect(fdCaptures(getfd!)).toContainEqual(
      expect.objectContaining({ arg: 1, path: "/etc/hostname", status: CaptureStatus.OK }),
    );
  });
});
