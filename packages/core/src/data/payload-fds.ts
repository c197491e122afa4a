/**
 * Syscalls whose data can hold fds that strace decorates under -y as it prints them: SCM_RIGHTS in
 * the control messages of sendmsg/recvmsg (and their mmsg forms), an AF_XDP address's shared umem
 * fd in connect/bind, a netlink attribute's fd (IFLA_XDP_FD) in sendto/sendmsg. With the stop at
 * which that data is read (io_uring_register: the fds its opcodes pass in arrays, strace 6.1
 * io_uring.c): the capture plan adds an FD_PATHS capture of every open fd there, so
 * the decoder finds each fd's path. Hand data.
 */
export const payloadFds: Readonly<Record<string, "entry" | "exit">> = {
  connect: "entry",
  bind: "entry",
  sendto: "entry",
  sendmsg: "entry",
  recvmsg: "exit",
  sendmmsg: "exit",
  recvmmsg: "exit",
  // uring: io_uring_register's fd arrays (FILES, EVENTFD, FILES_UPDATE, FILES2, RING_FDS, ...)
  io_uring_register: "entry",
};
