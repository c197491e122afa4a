// What a tracee's fd names, read from /proc while the tracee is stopped (strace's -y/-yy): the
// readlink text of /proc/<tid>/fd/<n> (or /proc/<tid>/cwd for a dirfd of AT_FDCWD), and with
// -yy socket details, device numbers or a pidfd's pid.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>

#include "socket_details.h"

namespace tstrace {

struct FdDescription {
  uint32_t form = 0;  // rf::FdPathForm
  std::string path;
  std::string detail;
};

// The process a pidfd (fd `fd` of thread `tid`) names, from its fdinfo's "Pid:" line; 0 when
// the fd is no pidfd or its process is gone.
long pidfd_pid(pid_t tid, int fd);

class FdDescriber {
 public:
  // False when fd names nothing (closed, not an fd). `flags` are rf::FdDecode bits.
  bool describe(pid_t tid, int64_t fd, uint32_t flags, FdDescription& out);

 private:
  SocketDetails sockets_;
};

}  // namespace tstrace
