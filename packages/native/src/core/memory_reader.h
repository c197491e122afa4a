// Reads a stopped tracee's memory: process_vm_readv split at page boundaries (a read never runs
// into an unmapped page), PTRACE_PEEKDATA words when process_vm_readv is unavailable
// (ENOSYS/EPERM). Also turns capture specs into capture bytes.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "capture_plan.h"
#include "fd_info.h"
#include "pid_resolver.h"
#include "record_format.h"

namespace tstrace {

class MemoryReader {
 public:
  explicit MemoryReader(pid_t pid);

  // Reads up to len bytes at addr into dst. Returns how many bytes were read contiguously from
  // addr: len when all of it is readable, less when an unreadable page was hit.
  size_t read(uint64_t addr, void* dst, size_t len);

  // Reads a NUL-terminated string of at most max bytes (excluding the NUL) into out.
  // Returns kOk (NUL found), kTruncated (no NUL within max+1 bytes; out holds max bytes),
  // kPartial (an unreadable page before a NUL; out holds the bytes before it, as strace's
  // umovestr reads them page by page) or kFault (nothing readable; out is empty).
  rf::CaptureStatus read_cstring(uint64_t addr, size_t max, std::vector<uint8_t>& out);

 private:
  size_t read_peek(uint64_t addr, uint8_t* dst, size_t len);
  pid_t pid_;
  bool use_peek_ = false;
};

// The facts of one syscall stop that captures depend on.
struct SyscallFacts {
  uint64_t args[6];
  uint64_t sp;      // stack pointer at entry (STACK captures)
  int64_t rval;     // exit only
  bool at_exit;
  pid_t tid;                       // the thread, in the tracer's PID namespace
  pid_t proc_tid;                  // its /proc entry, whose fd/ FD_PATH captures read (another
                                   // number when /proc belongs to another PID namespace)
  FdDescriber* fds;                // FD_PATH captures: null skips them
  PidResolver* pids;               // PID captures: null skips them
};

// Appends one capture per spec whose `when` matches to the writer; returns how many were written.
uint32_t write_captures(rf::RecordWriter& w, MemoryReader& mem, const std::vector<CaptureSpec>& specs,
                        const SyscallFacts& facts);

// A PID capture's data (record format's PidCaptureBody, then the comm): `value` as tracee `tid`
// sees it, `id` the id it names (kill's -pgrp: pgrp), resolved as a `type` (rf::PidTypeCode, not
// TGID_PGID or BY_ARG3) per the `decode` bits (rf::kPidDecode*).
void write_pid_body(rf::RecordWriter& w, PidResolver& pids, pid_t tid, int32_t value, int32_t id, uint32_t type,
                    uint32_t decode);

}  // namespace tstrace
