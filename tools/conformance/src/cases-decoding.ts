import type { ConformanceCase } from "./cases.js";

/** Calls whose arguments are mostly constants: stat of devices, mknod, open flags, fcntl, ioctl, sockets, signals. */
const CONSTANTS =
  "import os,socket,fcntl,signal,stat,termios\nos.stat('/dev/null')\nos.mknod('fifo',stat.S_IFIFO|0o600)\nos.stat('fifo')\nfd=os.open('a.txt',os.O_RDONLY|os.O_CLOEXEC|os.O_NOFOLLOW)\nfcntl.fcntl(fd,fcntl.F_GETFL)\nfcntl.fcntl(fd,fcntl.F_SETFD,fcntl.FD_CLOEXEC)\nfcntl.flock(fd,fcntl.LOCK_SH)\nn=os.open('/dev/null',os.O_WRONLY|os.O_APPEND)\ntry:\n  fcntl.ioctl(n,termios.TCGETS,bytes(64))\nexcept OSError:\n  pass\nr,w=os.pipe2(os.O_NONBLOCK)\nfcntl.ioctl(r,termios.FIOCLEX)\ns=socket.socket(socket.AF_INET,socket.SOCK_STREAM|socket.SOCK_CLOEXEC)\ns.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1)\ns.bind(('127.0.0.1',0))\ns.getsockopt(socket.SOL_SOCKET,socket.SO_TYPE)\nsignal.signal(signal.SIGUSR1,lambda *a: None)\nsignal.pthread_sigmask(signal.SIG_BLOCK,[signal.SIGUSR2])\nos.lseek(fd,0,os.SEEK_END)\nos.access('a.txt',os.R_OK|os.W_OK)";

/** Single-process commands whose lines exercise decoding: files, descriptors, memory, time, options. */
export const DECODING_CASES: readonly ConformanceCase[] = [
  // Start-up and exit
  { name: "true", command: ["/bin/true"] },
  { name: "false", command: ["false"] },
  { name: "sh -c true", command: ["sh", "-c", "true"] },
  { name: "sh kill -9", command: ["sh", "-c", "kill -9 $$"] },
  { name: "sh exit 3", command: ["sh", "-c", "exit 3"] },
  // Files and directories
  { name: "ls", command: ["ls"] },
  { name: "ls -a", command: ["ls", "-a"] },
  { name: "ls -l", command: ["ls", "-l"] },
  { name: "ls -la dir", command: ["ls", "-la", "dir"] },
  { name: "cat hostname", command: ["cat", "/etc/hostname"] },
  { name: "cat missing", command: ["cat", "does-not-exist"] },
  { name: "cat a.txt", command: ["cat", "a.txt"] },
  { name: "head -c", command: ["head", "-c", "100", "/etc/passwd"] },
  { name: "tail -n", command: ["tail", "-n", "2", "/etc/passwd"] },
  { name: "wc", command: ["wc", "a.txt", "dir/b.txt"] },
  { name: "stat", command: ["stat", "a.txt"] },
  { name: "readlink -f", command: ["readlink", "-f", "dir/../a.txt"] },
  { name: "touch", command: ["touch", "new.txt"] },
  { name: "mkdir -p", command: ["mkdir", "-p", "x/y/z"] },
  { name: "cp", command: ["cp", "a.txt", "c.txt"] },
  { name: "mv", command: ["mv", "a.txt", "moved.txt"] },
  { name: "rm", command: ["rm", "a.txt"] },
  { name: "rm -r", command: ["rm", "-r", "dir"] },
  { name: "ln -s", command: ["ln", "-s", "a.txt", "link"] },
  { name: "chmod", command: ["chmod", "600", "a.txt"] },
  { name: "find", command: ["find", "."] },
  { name: "du", command: ["du", "-s", "."] },
  { name: "tar c", command: ["tar", "cf", "out.tar", "a.txt", "dir"] },
  { name: "gzip -k", command: ["gzip", "-k", "a.txt"] },
  { name: "sha256sum", command: ["sha256sum", "a.txt"] },
  { name: "sort", command: ["sort", "/etc/passwd"] },
  // Processes, identity, time
  { name: "id", command: ["id"] },
  { name: "uname -a", command: ["uname", "-a"] },
  { name: "pwd", command: ["pwd"] },
  { name: "env", command: ["env"] },
  { name: "sleep 0.01", command: ["sleep", "0.01"] },
  { name: "date -u", command: ["date", "-u", "-d", "@0"] },
  { name: "nproc", command: ["nproc"] },
  { name: "echo", command: ["echo", "hello", "world"] },
  { name: "seq", command: ["seq", "1", "50"] },
  { name: "dd", command: ["dd", "if=/dev/zero", "of=/dev/null", "bs=512", "count=4"] },
  { name: "python3 -c pass", command: ["/usr/bin/python3", "-c", "pass"] },
  // Sockets on loopback, pipes, poll/epoll, dup, umask (python3 scripts, deterministic)
  {
    name: "python3 sockets",
    command: [
      "/usr/bin/python3",
      "-c",
      "import socket\ns=socket.socket()\ns.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1)\ns.bind(('127.0.0.1',0))\ns.listen(1)\nc=socket.socket()\nc.connect(s.getsockname())\na,_=s.accept()\nc.send(b'hi')\na.recv(2)\nc.shutdown(socket.SHUT_WR)\nu=socket.socket(socket.AF_INET6,socket.SOCK_DGRAM)\nu.bind(('::1',0))\nu.sendto(b'x',u.getsockname())\nu.recvfrom(4)\nx,y=socket.socketpair()",
    ],
  },
  {
    name: "python3 pipe poll",
    command: [
      "/usr/bin/python3",
      "-c",
      "import os,select\nr,w=os.pipe()\nos.write(w,b'abc')\np=select.poll()\np.register(r,select.POLLIN)\np.poll(100)\ne=select.epoll()\ne.register(r,select.EPOLLIN)\ne.poll(0.1)\nos.read(r,3)\nos.dup2(r,10)\nos.umask(0o22)\nos.getcwd()",
    ],
  },
  { name: "sh pipeline", command: ["sh", "-c", "echo hi | cat"] },
  // Options that change decoding
  { name: "-s 8 cat", options: ["-s", "8"], command: ["cat", "/etc/hostname"] },
  { name: "-s 100 head", options: ["-s", "100"], command: ["head", "-n", "3", "/etc/passwd"] },
  { name: "-a 20 true", options: ["-a", "20"], command: ["/bin/true"] },
  { name: "-x echo", options: ["-x"], command: ["echo", "h\u00e9llo"] },
  { name: "-xx echo", options: ["-xx"], command: ["echo", "abc"] },
  {
    name: "strings-in-hex=non-ascii-chars printf",
    options: ["--strings-in-hex=non-ascii-chars"],
    command: ["printf", "a\\001\\303\\251b\\n"],
  },
  { name: "strings-in-hex ls", options: ["--strings-in-hex"], command: ["ls", "a.txt"] },
  { name: "raw=%file cat", options: ["-e", "raw=%file,read"], command: ["cat", "a.txt"] },
  { name: "verbose=none ls -l", options: ["-e", "verbose=none"], command: ["ls", "-l"] },
  { name: "verbose=!%stat id", options: ["-e", "verbose=!%%stat"], command: ["id"] },
  { name: "abbrev=execve ls -l", options: ["-e", "abbrev=execve"], command: ["ls", "-l"] },
  // -X: constants as numbers (raw) or numbers with the names in a comment (verbose)
  { name: "X raw ls -l /dev/null", options: ["-X", "raw"], command: ["ls", "-l", "/dev/null"] },
  { name: "X verbose ls -l /dev/null", options: ["-X", "verbose"], command: ["ls", "-l", "/dev/null"] },
  { name: "X raw sh ls /dev", options: ["-X", "raw"], command: ["sh", "-c", "ls -l /dev >/dev/null"] },
  {
    name: "X verbose sh ls /dev",
    options: ["-X", "verbose"],
    command: ["sh", "-c", "ls -l /dev >/dev/null"],
  },
  { name: "X raw python3 constants", options: ["-X", "raw"], command: ["/usr/bin/python3", "-c", CONSTANTS] },
  {
    name: "X verbose -yy python3 constants",
    options: ["-X", "verbose", "-yy"],
    command: ["/usr/bin/python3", "-c", CONSTANTS],
  },
  {
    name: "X verbose python3 constants",
    options: ["-X", "verbose"],
    command: ["/usr/bin/python3", "-c", CONSTANTS],
  },
  // -v: envp as strings, directory entries, every uname field, whole stat structs
  { name: "v ls -a", options: ["-v"], command: ["ls", "-a"] },
  { name: "v ls -l", options: ["-v"], command: ["ls", "-l"] },
  { name: "v uname -a", options: ["-v"], command: ["uname", "-a"] },
  { name: "v id", options: ["-v"], command: ["id"] },
  { name: "v date -u", options: ["-v"], command: ["date", "-u", "-d", "@0"] },
  { name: "v python3 -c pass", options: ["-v"], command: ["/usr/bin/python3", "-c", "pass"] },
  { name: "v -s 4 echo", options: ["-v", "-s", "4"], command: ["echo", "a", "b", "c", "d", "e", "f"] },
  { name: "v f pipeline", options: ["-v", "-f"], command: ["sh", "-c", "ls | cat"] },
];
