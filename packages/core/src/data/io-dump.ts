/**
 * The syscalls strace's `-e read=` / `-e write=` dump (syscall.c dumpio), by name, with how their
 * data is laid out. Only those whose buffer argument is decoded here are listed.
 */

/**
 * `buf`: one buffer in argument 1; `iov`: an iovec array in argument 1; `msg`: a struct msghdr's
 * iovecs; `mmsg`: each struct mmsghdr's iovecs, vector by vector (read at exit, up to msg_len).
 */
export type IoDumpShape = "buf" | "iov" | "msg" | "mmsg";

/** Syscalls whose data `-e read=FD` dumps (the bytes returned). */
export const IO_DUMP_READ: Readonly<Record<string, IoDumpShape>> = {
  read: "buf",
  pread64: "buf",
  recvfrom: "buf",
  mq_timedreceive: "buf",
  readv: "iov",
  preadv: "iov",
  preadv2: "iov",
  recvmsg: "msg",
  recvmmsg: "mmsg",
};

/** Syscalls whose data `-e write=FD` dumps (the bytes passed in). */
export const IO_DUMP_WRITE: Readonly<Record<string, IoDumpShape>> = {
  write: "buf",
  pwrite64: "buf",
  sendto: "buf",
  mq_timedsend: "buf",
  writev: "iov",
  pwritev: "iov",
  pwritev2: "iov",
  vmsplice: "iov",
  sendmsg: "msg",
  sendmmsg: "mmsg",
};

/** Argument index of the data in every dumped syscall. */
export const IO_DUMP_ARG = 1;
