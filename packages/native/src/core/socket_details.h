// strace's -yy socket details: "TCP:[127.0.0.1:41234->127.0.0.1:8080]", "UNIX-STREAM:[5->6]".
// Sockets are looked up by inode over NETLINK_SOCK_DIAG, as strace does: it is the only source
// of a UNIX socket's peer inode (/proc/net/unix has none), it answers for the protocols strace
// names, and one dump per lookup beats parsing text tables. Details are cached per inode like
// strace's cache, so a socket keeps the first details found for it, exactly as strace prints.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

namespace tstrace {

class SocketDetails {
 public:
  // The details of socket `inode` whose protocol name (getxattr "system.sockprotoname" on the
  // fd, e.g. "TCP", "UNIX-STREAM") is `proto`; "PROTO:[inode]" when sock_diag does not know it;
  // empty when `proto` is empty or unknown to strace.
  std::string lookup(uint64_t inode, const std::string& proto);

 private:
  std::unordered_map<uint64_t, std::string> cache_;
};

}  // namespace tstrace
