#!/usr/bin/env python3
# Calls syscall(nr, args...) once for each number given, in order, for the strace-class and
# tracefs tests (test/strace-classes.test.ts, test/kernel-table.test.ts).
#
# usage: syscall-probe.py PLAN
#   PLAN: comma-separated items "nr" (all six arguments 0), "nr:a/b/c" (explicit leading arguments,
#   the rest 0) or "ns:nr[:args]" (only when private IPC/UTS/mount namespaces could be entered).
# fd 0 is replaced by an anonymous temporary file first, so calls on fd 0 touch nothing real.
# Prints "probed <nr,nr,...>" with the numbers it actually called, then exits 0.
import ctypes
import os
import sys
import tempfile
import threading

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long

CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC = 0x00020000, 0x04000000, 0x08000000

# A watchdog: should a call block after all, end the probe (exit 3) instead of hanging the test.
watchdog = threading.Timer(30, os._exit, [3])
watchdog.daemon = True
watchdog.start()

tmp = tempfile.TemporaryFile()
os.dup2(tmp.fileno(), 0)
private_ns = libc.unshare(CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC) == 0

done = []
for item in sys.argv[1].split(","):
    if not item:
        continue
    parts = item.split(":")
    if parts[0] == "ns":
        if not private_ns:
            continue
        parts = parts[1:]
    nr = int(parts[0])
    args = [int(a, 0) for a in parts[1].split("/")] if len(parts) > 1 else []
    args += [0] * (6 - len(args))
    libc.syscall(ctypes.c_long(nr), *[ctypes.c_long(a) for a in args])
    done.append(nr)

sys.stdout.write("probed " + ",".join(map(str, done)) + "\n")
sys.stdout.flush()
