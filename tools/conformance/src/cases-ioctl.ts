import type { ConformanceCase } from "./cases.js";

/** python3 with ctypes' libc: the raw call, whatever Python itself would refuse or wrap. */
const LIBC = "import ctypes,os,fcntl,termios,struct\nlibc=ctypes.CDLL(None,use_errno=True)\n";

/** ioctl requests across families, on descriptors any machine has (errors are part of the test). */
const IOCTLS = `${LIBC}r,w=os.pipe()
os.write(w,b'abc')
fcntl.ioctl(r,termios.FIONREAD,bytes(4))
n=os.open('/dev/null',os.O_RDWR)
for req in (termios.TCGETS,termios.TIOCGWINSZ,termios.TIOCGPGRP,0x80045430,0x5401):
  try: fcntl.ioctl(n,req,bytes(64))
  except OSError: pass
f=os.open('a.txt',os.O_RDONLY)
for req in (0x80086601,0x80081272,0x2,0x1260,0x40049409,0xc020660b,0x8004f020,0x80085203,0x5450,0x5451):
  libc.ioctl(f,req,0)
u=os.open('/dev/urandom',os.O_RDONLY)
libc.ioctl(u,0x80045200,ctypes.byref(ctypes.c_int()))
libc.ioctl(u,0x5206,0)
ns=os.open('/proc/self/ns/user',os.O_RDONLY)
libc.ioctl(ns,0xb703,0)
libc.ioctl(ns,0xb704,ctypes.byref(ctypes.c_uint()))
libc.ioctl(-1,0xc0205608,0)
libc.ioctl(-1,0x2400,1)
libc.ioctl(-1,0x40044900,-5)
libc.ioctl(-1,0x4c00,-1)
libc.ioctl(-1,0x4c01)`;

/** prctl options whose arguments and results strace names (ctypes: Python wraps none of them). */
const PRCTLS = `${LIBC}p=ctypes.c_int(0)
q=ctypes.c_ulong(0)
for a in ((23,33),(23,50),(24,99),(2,ctypes.byref(p)),(1,9),(1,200),(27,0),(25,ctypes.byref(p)),(5,ctypes.byref(p)),(37,ctypes.byref(p)),(40,ctypes.byref(q)),(47,1,21),(47,9,0),(52,0),(52,1),(52,7),(34,),(46,),(0x59616d61,-1),(22,2,0),(22,7),(56,),(62,0,0,0,0),(15,b'renamed'),(16,ctypes.create_string_buffer(16)),(3,),(4,1),(4,7),(0x41,),(28,0x100),(33,1,1),(33,7),(35,7),(45,3),(53,0,4),(54,1),(60,1,2),(59,0,0,0,0),(6,0xff00),(26,3),(8,1),(29,1000),(0x53564d41,0,0,0,0)):
  libc.prctl(*a)`;

/** The mount API, pidfds and siginfo arguments: flags and structs strace names. */
const MOUNT_PIDFD = `${LIBC}import signal
sc=libc.syscall
sc(430,b'tmpfs',1)
sc(430,b'nosuchfs',0xfe)
sc(432,-1,1,0xbf)
sc(433,-100,b'/',0xf)
sc(429,-100,b'/a',-100,b'/b',0x177)
sc(428,-100,b'/',0x80001)
sc(438,-1,0,0)
sc(438,-1,1,0x5)
# pidfd_open(self) is left out of the trace: the line would hold the pid.
fd=os.pidfd_open(os.getpid())
info=(ctypes.c_int*32)(signal.SIGUSR2,0,-1,0,7,0,0)
signal.signal(signal.SIGUSR2,signal.SIG_IGN)
sc(424,fd,signal.SIGUSR2,info,0)
info[6]=1
sc(424,fd,signal.SIGUSR2,info,0)
sc(424,fd,signal.SIGUSR2,0,0xf)
sc(129,0,signal.SIGUSR2,info)`;

/** pidfd_open's flags (of init: the line holds the pid). */
const PIDFD_OPEN = `${LIBC}libc.syscall(434,1,0)\nlibc.syscall(434,1,0x800)\nlibc.syscall(434,1,0x1)\nlibc.syscall(434,-1,0)`;

/** The long tail: struct flock, numeric modes, a NULL iov_base, SA_INTERRUPT, seccomp's queries. */
const LONG_TAIL = `${LIBC}fd=os.open('lock.txt',os.O_RDWR|os.O_CREAT,0o100644)
os.chmod('lock.txt',0o100600)
os.fchmod(fd,0o1100644)
fcntl.lockf(fd,fcntl.LOCK_EX)
fcntl.fcntl(fd,fcntl.F_SETLK,struct.pack('hhqqi4x',fcntl.F_RDLCK,0,10,20,0))
fcntl.fcntl(fd,fcntl.F_GETLK,struct.pack('hhqqi4x',fcntl.F_WRLCK,1,0,0,0))
for c in (37,38,7):
  try: fcntl.fcntl(fd,c,struct.pack('hhqqi4x',9,7,-1,0,0))
  except OSError: pass
iov=(ctypes.c_ulong*4)(0,0,0,5)
libc.syscall(20,1,iov,2)
sa=(ctypes.c_ulong*4)(0,0x24000000,0,0)
libc.syscall(13,10,sa,0,8)
a=ctypes.c_uint(0x7fff0000)
libc.syscall(317,2,0,ctypes.byref(a))
libc.syscall(317,2,0,0)
libc.syscall(317,3,0,(ctypes.c_ushort*3)())
libc.syscall(317,1,0xff,0)
libc.syscall(317,9,1,0)`;

/** SysV IPC gets: flags and mode bits. Every call fails (no object is made, no id printed). */
const SYSV_IPC = `${LIBC}sc=libc.syscall
sc(68,0x7357abcd,0o600)
sc(68,0x1234,0o2600)
sc(68,0xfeedbeef,0xface3000|0o125)
sc(68,0xfeedbeef,0xface1c00|0o644)
sc(64,0,-1,0o1600)
sc(64,0x99,-1,0xface1000)
sc(29,0,1<<46,0o600)
sc(29,0,1<<46,0o4000|(21<<26)|0o600)
sc(29,5,7,0o10000|0o7)`;

/** Requests and options by name: ioctl families, prctl, the mount API, pidfds. */
export const IOCTL_CASES: readonly ConformanceCase[] = [
  { name: "stty -F /dev/null", command: ["stty", "-F", "/dev/null"] },
  { name: "stty size", options: ["-e", "trace=ioctl"], command: ["stty", "size"] },
  { name: "python3 ioctls", options: ["-e", "trace=ioctl"], command: ["/usr/bin/python3", "-c", IOCTLS] },
  {
    name: "python3 ioctls -Xverbose",
    options: ["-Xverbose", "-e", "trace=ioctl"],
    command: ["/usr/bin/python3", "-c", IOCTLS],
  },
  { name: "python3 prctls", options: ["-e", "trace=prctl"], command: ["/usr/bin/python3", "-c", PRCTLS] },
  {
    name: "python3 prctls -Xraw",
    options: ["-Xraw", "-e", "trace=prctl"],
    command: ["/usr/bin/python3", "-c", PRCTLS],
  },
  {
    name: "python3 prctls -Xverbose",
    options: ["-Xverbose", "-e", "trace=prctl"],
    command: ["/usr/bin/python3", "-c", PRCTLS],
  },
  {
    name: "python3 mount API and pidfds",
    options: [
      "-e",
      "trace=fsopen,fsmount,fspick,move_mount,open_tree,pidfd_getfd,pidfd_send_signal,rt_sigqueueinfo",
    ],
    command: ["/usr/bin/python3", "-c", MOUNT_PIDFD],
  },
  {
    name: "python3 pidfd_open",
    options: ["-e", "trace=pidfd_open"],
    command: ["/usr/bin/python3", "-c", PIDFD_OPEN],
  },
  {
    name: "python3 SysV IPC gets",
    options: ["-e", "trace=msgget,semget,shmget"],
    command: ["/usr/bin/python3", "-c", SYSV_IPC],
  },
  {
    name: "python3 SysV IPC gets -Xraw",
    options: ["-Xraw", "-e", "trace=msgget,semget,shmget"],
    command: ["/usr/bin/python3", "-c", SYSV_IPC],
  },
  {
    name: "python3 flock, modes, seccomp",
    options: ["-e", "trace=fcntl,chmod,fchmod,openat,writev,rt_sigaction,seccomp", "-e", "signal=none"],
    command: ["/usr/bin/python3", "-c", LONG_TAIL],
  },
];
