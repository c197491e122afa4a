// The cheapest way to count: small eBPF programs on the raw sys_enter/sys_exit tracepoints keep
// per-syscall totals in kernel maps (per-CPU, no locks), so no event ever crosses to user space
// and none can be lost to a full buffer. Needs CAP_BPF + CAP_PERFMON (or root); the caller falls
// back to perf ring buffers otherwise. The programs are assembled here from a few dozen
// instructions: no compiler, no libbpf. Plain C++: knows nothing of Node-API.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "syscall_counter.h"

namespace tstrace {

struct BpfStatsConfig {
  bool follow_forks = false;  // children and threads join the tracked set (sched_process_fork)
  bool wall_clock = false;    // else: minus the time switched out (sched_switch)
  uint64_t overhead_ns = 0;   // -O, subtracted from each call (clamped at 0)
};

class BpfSyscallStats {
 public:
  // Creates the maps and loads and attaches the programs. Throws CountingUnavailable.
  explicit BpfSyscallStats(const BpfStatsConfig& config);
  ~BpfSyscallStats();
  BpfSyscallStats(const BpfSyscallStats&) = delete;
  BpfSyscallStats& operator=(const BpfSyscallStats&) = delete;

  // Tracks `pid`, counting from its next execve on (the command, held before its execve).
  void track_until_exec(pid_t pid);
  // No tracked task is left (they all exited).
  bool none_tracked() const;
  // Totals per syscall number (summed over CPUs), in number order.
  std::vector<SyscallTotals> totals() const;
  // Calls or tasks the programs could not account for (a full map, a number out of range).
  uint64_t dropped() const;

 private:
  std::vector<int> fds_;  // maps, programs, attachments: closed in reverse order
  int tracked_ = -1;
  int stats_ = -1;
  int drops_ = -1;
  int possible_cpus_ = 1;
};

}  // namespace tstrace
