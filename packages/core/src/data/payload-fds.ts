/**
 * Syscalls whose data can hold fds that strace decorates under -y as it prints them: SCM_RIGHTS in
 * the control messages of sendmsg/recvmsg (and their mmsg forms), an AF_XDP address's shared umem
 * fd in connect/bind, a netlink attribute's fd (IFLA_XDP_FD) in sendto/sendmsg. With the stop at
 * which that data is read: the capture plan adds an FD_PATHS capture of every open fd there, so
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
};
