#include "fd_info.h"

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "record_format.h"

namespace tstrace {

namespace {

constexpr int64_t kAtFdcwd = -100;

bool read_link(const char* link, std::string& out) {
  char buf[4097];
  ssize_t n = readlink(link, buf, sizeof buf - 1);
  if (n < 0) return false;
  out.assign(buf, static_cast<size_t>(n));
  return true;
}

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// The kernel appends " (deleted)" to the link of an unlinked file. Like strace, take it off (and
// say so) unless the path, suffix included, names the very same file: a file may be called that.
bool strip_deleted(const char* link, std::string& path) {
  static constexpr char kSuffix[] = " (deleted)";
  constexpr size_t kLen = sizeof kSuffix - 1;
  if (path.size() <= kLen + 1 || path.compare(path.size() - kLen, kLen, kSuffix) != 0) return false;
  struct stat by_link{};
  struct stat by_path{};
  if (stat(link, &by_link) != 0) return false;
  if (lstat(path.c_str(), &by_path) == 0 && by_link.st_ino == by_path.st_ino && by_link.st_dev == by_path.st_dev)
    return false;
  path.resize(path.size() - kLen);
  return true;
}

// "Pid:\t42" from /proc/<tid>/fdinfo/<fd>; 0 when absent.
long pidfd_pid(pid_t tid, int fd) {
  char name[64];
  std::snprintf(name, sizeof name, "/proc/%d/fdinfo/%d", tid, fd);
  FILE* f = std::fopen(name, "re");
  if (f == nullptr) return 0;
  char line[256];
  long pid = 0;
  while (std::fgets(line, sizeof line, f) != nullptr) {
    if (std::strncmp(line, "Pid:", 4) == 0) {
      pid = std::strtol(line + 4, nullptr, 10);
      break;
    }
  }
  std::fclose(f);
  return pid;
}

}  // namespace

bool FdDescriber::describe(pid_t tid, int64_t value, uint32_t flags, FdDescription& out) {
  out = FdDescription{};
  int fd = static_cast<int>(value);  // strace prints an fd as an int
  char link[64];
  if ((flags & rf::kFdDecodeDirfd) != 0 && fd == kAtFdcwd) {
    std::snprintf(link, sizeof link, "/proc/%d/cwd", tid);
    return read_link(link, out.path);
  }
  if (fd < 0) return false;
  std::snprintf(link, sizeof link, "/proc/%d/fd/%d", tid, fd);
  if (!read_link(link, out.path)) return false;
  const uint32_t deleted = strip_deleted(link, out.path) ? static_cast<uint32_t>(rf::kFdFormDeleted) : 0u;
  out.form = deleted;
  if ((flags & (rf::kFdDecodeDetails | rf::kFdDecodeNetlink)) == 0) return true;

  if (starts_with(out.path, "socket:[")) {
    uint64_t inode = std::strtoull(out.path.c_str() + 8, nullptr, 10);
    char proto[64] = {};
    ssize_t n = getxattr(link, "system.sockprotoname", proto, sizeof proto - 1);
    std::string name = n > 0 ? std::string(proto, strnlen(proto, static_cast<size_t>(n))) : std::string();
    // NETLINK alone: only a netlink socket's details (the protocol its payloads are in).
    if ((flags & rf::kFdDecodeDetails) == 0 && name != "NETLINK") return true;
    out.detail = sockets_.lookup(inode, name);
    if (!out.detail.empty()) out.form = rf::kFdFormDetail;
    return true;
  }
  if ((flags & rf::kFdDecodeDetails) == 0) return true;
  if (out.path == "anon_inode:[pidfd]") {
    long pid = pidfd_pid(tid, fd);
    if (pid > 0) {
      out.form = rf::kFdFormDetail;
      out.detail = "pid:" + std::to_string(pid);
    }
    return true;
  }
  if (out.path[0] == '/') {
    struct stat st{};
    if (stat(link, &st) == 0 && (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))) {
      out.form = rf::kFdFormDevice | deleted;
      out.detail = std::string(S_ISBLK(st.st_mode) ? "block " : "char ") + std::to_string(major(st.st_rdev)) + ":" +
                   std::to_string(minor(st.st_rdev));
    }
  }
  return true;
}

}  // namespace tstrace
