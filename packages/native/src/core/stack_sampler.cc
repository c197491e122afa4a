#include "stack_sampler.h"

#include <fcntl.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace tstrace {

namespace {

// Reads a whole /proc file (its size is unknown until read).
bool read_proc_file(const char* path, std::vector<uint8_t>& out) {
  out.clear();
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  size_t used = 0;
  for (;;) {
    if (out.size() - used < 4096) out.resize(used + 16384);
    ssize_t n = read(fd, out.data() + used, out.size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    used += static_cast<size_t>(n);
  }
  close(fd);
  out.resize(used);
  return true;
}

}  // namespace

void StackSampler::sample(rf::RecordWriter& w, pid_t p, uint64_t now, uint16_t flags) {
  struct user_regs_struct regs;
  if (ptrace(PTRACE_GETREGS, p, nullptr, &regs) < 0) return;  // gone: nothing to unwind
  auto it = seen_.find(p);
  if (it == seen_.end() || it->second != generation_) {
    char path[40];
    std::snprintf(path, sizeof path, "/proc/%d/maps", static_cast<int>(p));
    if (read_proc_file(path, buf_)) {
      size_t start = w.begin_record(rf::kMaps, static_cast<uint32_t>(p), now);
      w.bytes(buf_.data(), buf_.size());
      w.end_record(start);
      seen_[p] = generation_;
    }
  }
  size_t start = w.begin_record(rf::kStackSample, static_cast<uint32_t>(p), now, flags);
  w.u32(rf::audit_arch::kX86_64);
  w.u32(sizeof regs);
  w.u64(regs.rsp);
  size_t len_at = w.size();
  w.u32(0);
  w.u32(0);
  w.bytes(&regs, sizeof regs);
  // One process_vm_readv: it stops at the first unreadable page, which bounds the copy by the
  // end of the stack mapping as well as by the plan.
  uint8_t* dst = w.reserve_tail(plan_.bytes);
  struct iovec local = {dst, plan_.bytes};
  struct iovec remote = {reinterpret_cast<void*>(regs.rsp), plan_.bytes};
  ssize_t n = plan_.bytes > 0 ? process_vm_readv(p, &local, 1, &remote, 1, 0) : 0;
  if (n < 0) n = 0;
  w.shrink_tail(plan_.bytes - static_cast<size_t>(n));
  w.patch_u32(len_at, static_cast<uint32_t>(n));
  w.end_record(start);
}

}  // namespace tstrace
