/**
 * Syscalls whose data strace 6.1 decodes as netlink messages when their fd (argument 0) is a
 * netlink socket (net.c's decode_sockbuf: sendto, recvfrom; msghdr.c's iovecs: sendmsg, recvmsg,
 * sendmmsg, recvmmsg), with the stop at which that data is read. The capture plan adds an
 * FdDecode.NETLINK capture of the fd at that stop, ahead of the data's own capture, so the tracer
 * reads whole messages from netlink sockets only and the decoder knows their protocol. Hand data.
 */
export const netlinkPayloads: Readonly<Record<string, "entry" | "exit">> = {
  sendto: "entry",
  recvfrom: "exit",
  sendmsg: "entry",
  recvmsg: "exit",
  // sendmmsg's vector is read at exit (data/kinds.ts), when the kernel has set each msg_len.
  sendmmsg: "exit",
  recvmmsg: "exit",
};
