#include "pid_resolver.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/nsfs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace tstrace {

namespace {

// The kernel's limit on PID namespace nesting.
constexpr int kMaxNsDepth = 32;

const char* const kIdLines[] = {"NSpid:", "NStgid:", "NSpgid:", "NSsid:"};

// Reads a small /proc file into out; false when it cannot be read.
bool read_small(const char* path, std::string& out) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char buf[4096];
  out.clear();
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  return true;
}

// "self" for 0, else the number: /proc/<which>/...
std::string proc_path(int proc_pid, const char* tail) {
  std::string p = "/proc/";
  p += proc_pid == 0 ? std::string("self") : std::to_string(proc_pid);
  p += tail;
  return p;
}

// The ids of one NS* line of /proc/<pid>/status.
bool id_list(int proc_pid, PidKind kind, std::vector<int>& out) {
  std::string text;
  if (!read_small(proc_path(proc_pid, "/status").c_str(), text)) return false;
  const char* key = kIdLines[static_cast<int>(kind)];
  size_t at = 0;
  while (at < text.size()) {
    size_t eol = text.find('\n', at);
    if (eol == std::string::npos) eol = text.size();
    if (text.compare(at, strlen(key), key) == 0) {
      out.clear();
      const char* p = text.c_str() + at + strlen(key);
      const char* end = text.c_str() + eol;
      while (p < end && static_cast<int>(out.size()) < kMaxNsDepth) {
        char* next = nullptr;
        long v = strtol(p, &next, 10);
        if (next == p) break;
        out.push_back(static_cast<int>(v));
        p = next;
      }
      return !out.empty();
    }
    at = eol + 1;
  }
  return false;
}

// The PID namespace of /proc/<pid> and each parent the caller may see (NS_GET_PARENT stops with
// EPERM at the first one outside its own namespace).
bool ns_chain(int proc_pid, std::vector<uint64_t>& out, size_t most) {
  out.clear();
  int fd = open(proc_path(proc_pid, "/ns/pid").c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  while (out.size() < most) {
    struct stat st;
    if (fstat(fd, &st) != 0) break;
    out.push_back(static_cast<uint64_t>(st.st_ino));
    if (out.size() >= most) break;
    int parent = ioctl(fd, NS_GET_PARENT);
    if (parent < 0) break;
    close(fd);
    fd = parent;
  }
  close(fd);
  return !out.empty();
}

}  // namespace

uint64_t PidResolver::our_ns() {
  if (our_ns_ == 0) {
    std::vector<uint64_t> chain;
    if (ns_chain(0, chain, 1)) our_ns_ = chain[0];
  }
  return our_ns_;
}

bool PidResolver::proc_is_ours() {
  // /proc belongs to our namespace when our own NSpid line has one id.
  if (proc_ours_ < 0) {
    std::vector<int> ids;
    proc_ours_ = !id_list(0, PidKind::kTid, ids) || ids.size() <= 1 ? 1 : 0;
  }
  return proc_ours_ == 1;
}

int PidResolver::proc_entry(pid_t tid) {
  if (proc_is_ours()) return tid;
  auto it = proc_entry_.find(tid);
  if (it != proc_entry_.end()) return it->second;
  // Looked up once per thread (a failure too: it would otherwise scan /proc at every stop).
  int at = 0;
  if (scan(our_ns(), tid, PidKind::kTid, &at) == 0) at = tid;
  proc_entry_[tid] = at;
  return at;
}

uint64_t PidResolver::ns_of(pid_t tid) {
  auto it = tracee_ns_.find(tid);
  if (it != tracee_ns_.end()) return it->second;
  int proc_pid = tid;
  if (!proc_is_ours()) proc_pid = proc_entry(tid);
  std::vector<uint64_t> chain;
  uint64_t ns = ns_chain(proc_pid, chain, 1) ? chain[0] : 0;
  if (ns != 0) tracee_ns_[tid] = ns;
  return ns;
}

bool PidResolver::read_proc(int proc_pid, PidKind kind, ProcData& out) {
  return ns_chain(proc_pid, out.ns, kMaxNsDepth) && id_list(proc_pid, kind, out.ids) &&
         out.ids.size() >= out.ns.size();
}

int PidResolver::match(int proc_pid, uint64_t ns, int value, PidKind kind) {
  ProcData d;
  if (!read_proc(proc_pid, kind, d)) return 0;
  // ns[0] is the process's own namespace, whose id is the last of the list; ns.back() is ours.
  size_t n = d.ids.size();
  for (size_t i = 0; i < d.ns.size(); i++) {
    if (d.ns[i] != ns) continue;
    if (d.ids[n - 1 - i] != value) return 0;
    return d.ids[n - d.ns.size()];
  }
  return 0;
}

int PidResolver::scan(uint64_t ns, int value, PidKind kind, int* proc_pid) {
  auto key = std::make_tuple(ns, value, static_cast<uint8_t>(kind));
  auto hit = cache_.find(key);
  if (hit != cache_.end()) {
    int r = match(hit->second, ns, value, kind);
    if (r != 0) {
      if (proc_pid) *proc_pid = hit->second;
      return r;
    }
    cache_.erase(hit);
  }
  // Every process, and every thread for thread ids.
  DIR* dir = opendir("/proc");
  if (!dir) return 0;
  int found = 0;
  int found_at = 0;
  while (found == 0) {
    dirent* e = readdir(dir);
    if (!e) break;
    char* end = nullptr;
    long p = strtol(e->d_name, &end, 10);
    if (*end != '\0' || p < 1) continue;
    found = match(static_cast<int>(p), ns, value, kind);
    if (found != 0) {
      found_at = static_cast<int>(p);
      break;
    }
    if (kind != PidKind::kTid) continue;
    std::string task = "/proc/" + std::to_string(p) + "/task";
    DIR* tdir = opendir(task.c_str());
    if (!tdir) continue;
    while (dirent* t = readdir(tdir)) {
      long q = strtol(t->d_name, &end, 10);
      if (*end != '\0' || q < 1 || q == p) continue;
      found = match(static_cast<int>(q), ns, value, kind);
      if (found != 0) {
        found_at = static_cast<int>(q);
        break;
      }
    }
    closedir(tdir);
  }
  closedir(dir);
  if (found != 0) {
    cache_[key] = found_at;
    if (proc_pid) *proc_pid = found_at;
  }
  return found;
}

int PidResolver::translate(pid_t tid, int value, PidKind kind, int* proc_pid) {
  if (value <= 0) return 0;
  uint64_t ns = ns_of(tid);
  if (ns == 0) return 0;
  if (ns == our_ns()) {
    // Nothing to translate; its /proc entry has the same number when /proc is ours.
    if (proc_is_ours()) {
      if (proc_pid) *proc_pid = value;
      return value;
    }
    int at = 0;
    scan(ns, value, kind, &at);
    if (proc_pid) *proc_pid = at;
    return value;
  }
  return scan(ns, value, kind, proc_pid);
}

std::string PidResolver::comm(int proc_pid) {
  std::string text;
  if (proc_pid <= 0 || !read_small(proc_path(proc_pid, "/comm").c_str(), text)) return {};
  while (!text.empty() && text.back() == '\n') text.pop_back();
  if (text.size() > 16) text.resize(16);
  return text;
}

}  // namespace tstrace
