import type { ConformanceCase } from "./cases.js";

const SOCKETS =
  "import socket\ns=socket.socket()\ns.bind(('127.0.0.1',0))\ns.listen(1)\nc=socket.socket()\nc.connect(s.getsockname())\na,_=s.accept()\nc.send(b'hi')\na.recv(2)\nu=socket.socket(socket.AF_INET6,socket.SOCK_DGRAM)\nu.bind(('::1',0))\nu.sendto(b'x',u.getsockname())\nu.recvfrom(4)\nx,y=socket.socketpair()\nx.send(b'y')\ny.recv(1)\nx.close()\ny.close()";
const PIPES =
  "import os,select\nr,w=os.pipe()\nos.write(w,b'abc')\np=select.poll()\np.register(r,select.POLLIN)\np.poll(100)\nos.read(r,3)\nos.dup2(r,10)\nn=os.open('/dev/null',os.O_WRONLY)\nos.write(n,b'x')\nd=os.open('dir',os.O_RDONLY)\nos.stat('b.txt',dir_fd=d)";

/** One fd of each kind --decode-fds tells apart: a file, a device, TCP sockets, a pidfd, a pipe. */
const FD_KINDS =
  "import os,socket\nf=os.open('a.txt',os.O_RDONLY)\nos.read(f,1)\nn=os.open('/dev/null',os.O_WRONLY)\nos.write(n,b'x')\ns=socket.socket()\ns.bind(('127.0.0.1',0))\ns.listen(1)\nc=socket.socket()\nc.connect(s.getsockname())\na,_=s.accept()\nc.send(b'hi')\na.recv(2)\np=os.pidfd_open(os.getpid())\nos.close(p)\nr,w=os.pipe()\nos.write(w,b'z')";

/** -y / -yy (--decode-fds): fds decorated with paths, socket details, device numbers. */
export const FD_CASES: readonly ConformanceCase[] = [
  { name: "-y cat", options: ["-y"], command: ["cat", "/etc/hostname"] },
  { name: "-y ls -l", options: ["-y"], command: ["ls", "-l"] },
  { name: "-y sh pipeline", options: ["-y"], command: ["sh", "-c", "echo hi | cat"] },
  { name: "-y python3 pipes", options: ["-y"], command: ["/usr/bin/python3", "-c", PIPES] },
  { name: "-yy python3 pipes", options: ["-yy"], command: ["/usr/bin/python3", "-c", PIPES] },
  { name: "-y python3 sockets", options: ["-y"], command: ["/usr/bin/python3", "-c", SOCKETS] },
  { name: "-yy python3 sockets", options: ["-yy"], command: ["/usr/bin/python3", "-c", SOCKETS] },
  // --decode-fds=SET: each member decorates only its own kind of fd (names without a leading '-',
  // which the conformance CLI would take for an option).
  ...["socket", "dev", "pidfd", "path,dev", "socket,pidfd", "none"].map(
    (set): ConformanceCase => ({
      name: `decode-fds=${set} python3 fd kinds`,
      options: [`--decode-fds=${set}`],
      command: ["/usr/bin/python3", "-c", FD_KINDS],
    }),
  ),
  {
    name: "e decode-fds=all python3 fd kinds",
    options: ["-e", "decode-fds=all"],
    command: ["/usr/bin/python3", "-c", FD_KINDS],
  },
  {
    name: "--decode-fds=all dd",
    options: ["--decode-fds=all"],
    command: ["dd", "if=/dev/zero", "of=/dev/null", "count=2"],
  },
];
