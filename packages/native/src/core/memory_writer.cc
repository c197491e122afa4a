#include "memory_writer.h"

#include <sys/ptrace.h>
#include <sys/uio.h>

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cstdarg>
#include <cstdio>
#include <cstring>

namespace tstrace {

std::string errno_text(int err);  // tracer.h's: strerror_r's text

namespace {

constexpr size_t kWord = sizeof(long);

std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
std::string format(const char* fmt, ...) {
  char buf[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  return buf;
}

// Replaces len bytes at offset inside the word at the aligned address addr (read, patch, write).
bool patch_word(pid_t pid, uint64_t addr, const uint8_t* data, size_t len, size_t offset) {
  errno = 0;
  long word = ptrace(PTRACE_PEEKDATA, pid, reinterpret_cast<void*>(addr), nullptr);
  if (errno != 0) return false;
  std::memcpy(reinterpret_cast<uint8_t*>(&word) + offset, data, len);
  return ptrace(PTRACE_POKEDATA, pid, reinterpret_cast<void*>(addr), reinterpret_cast<void*>(word)) == 0;
}

// strace's upoken_pokedata: an unaligned head and tail are patched into their words.
size_t write_pokedata(pid_t pid, uint64_t addr, const uint8_t* data, size_t len, std::vector<std::string>& warnings) {
  size_t written = 0;
  auto fail = [&]() -> size_t {
    const int err = errno;
    if (err == EFAULT || err == EIO || err == EPERM) {
      // The address space ends here: worth a word only when part of the data went in.
      if (written != 0)
        warnings.push_back(format("upoken_pokedata: pid:%d short write (%zu < %zu) @0x%" PRIx64 ": %s", pid, written,
                                  written + len, addr - written, errno_text(err).c_str()));
    } else if (err != ESRCH && err != EINVAL) {  // ESRCH, EINVAL: the tracee is gone
      warnings.push_back(format("upoken_pokedata: pid:%d @0x%" PRIx64 ": %s", pid, addr, errno_text(err).c_str()));
    }
    return written;
  };
  if (len != 0 && (addr & (kWord - 1)) != 0) {
    const size_t residue = addr & (kWord - 1);
    const size_t n = std::min(kWord - residue, len);
    addr &= ~static_cast<uint64_t>(kWord - 1);
    if (!patch_word(pid, addr, data, n, residue)) return fail();
    addr += kWord;
    written += n;
    data += n;
    len -= n;
  }
  while (len >= kWord) {
    long word;
    std::memcpy(&word, data, kWord);
    if (ptrace(PTRACE_POKEDATA, pid, reinterpret_cast<void*>(addr), reinterpret_cast<void*>(word)) < 0) return fail();
    addr += kWord;
    written += kWord;
    data += kWord;
    len -= kWord;
  }
  if (len != 0) {
    if (!patch_word(pid, addr, data, len, 0)) return fail();
    written += len;
  }
  return written;
}

}  // namespace

size_t write_tracee(pid_t pid, uint64_t addr, const uint8_t* data, size_t len, std::vector<std::string>& warnings) {
  struct iovec local = {const_cast<uint8_t*>(data), len};
  struct iovec remote = {reinterpret_cast<void*>(addr), len};
  const ssize_t r = process_vm_writev(pid, &local, 1, &remote, 1, 0);
  if (r >= 0 && static_cast<size_t>(r) == len) return len;
  if (r >= 0) {
    warnings.push_back(format("upoken: pid:%d short write (%zd < %zu) @0x%" PRIx64, pid, r, len, addr));
    return static_cast<size_t>(r);
  }
  switch (errno) {
    case ENOSYS:
    case EPERM:  // process_vm_writev cannot be used here
    case EFAULT:
    case EIO:  // the address space refuses it: PTRACE_POKEDATA may still write
      return write_pokedata(pid, addr, data, len, warnings);
    case ESRCH:  // the tracee is gone
      return 0;
    default:
      warnings.push_back(format("upoken: pid:%d @0x%" PRIx64 ": %s", pid, addr, errno_text(errno).c_str()));
      return 0;
  }
}

}  // namespace tstrace
