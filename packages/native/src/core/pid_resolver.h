// What a pid value a tracee passed or got names, read from /proc while the tracee is stopped
// (strace's --decode-pids): the same id in the tracer's PID namespace (--pidns-translation) and
// the thread's comm (-Y). Ids are matched through the NSpid/NStgid/NSpgid/NSsid lines of
// /proc/<pid>/status and the PID namespace chain of /proc/<pid>/ns/pid (NS_GET_PARENT), as
// strace 6.1's pidns.c does; results are cached and checked against /proc again on use.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace tstrace {

// rf::PidTypeCode's TID..SID (the NS* line read).
enum class PidKind : uint8_t { kTid = 0, kTgid = 1, kPgid = 2, kSid = 3 };

class PidResolver {
 public:
  // `value` as tracee `tid` (a pid in the tracer's namespace) sees it, as an id of `kind`: the id
  // in the tracer's namespace, or 0 when no process has it. `proc_pid` (may be null) gets the
  // /proc entry of a process that has it (for its comm).
  int translate(pid_t tid, int value, PidKind kind, int* proc_pid);
  // /proc/<proc_pid>/comm without its newline; empty when unreadable.
  std::string comm(int proc_pid);
  // The /proc entry of thread `tid` (a pid in the tracer's namespace): tid itself unless /proc
  // belongs to another PID namespace (tstrace run under `unshare -p` without a new /proc).
  int proc_entry(pid_t tid);
  // A tracee is gone: its namespace and /proc entry are forgotten (its tid may be reused).
  void forget(pid_t tid) {
    tracee_ns_.erase(tid);
    proc_entry_.erase(tid);
  }

 private:
  struct ProcData {
    std::vector<uint64_t> ns;  // the process's PID namespace, then its ancestors we may see
    std::vector<int> ids;      // the NS* line: from /proc's namespace down to the process's own
  };
  uint64_t our_ns();
  bool proc_is_ours();
  uint64_t ns_of(pid_t tid);
  bool read_proc(int proc_pid, PidKind kind, ProcData& out);
  // The id in our namespace of the process at proc_pid when its id in namespace `ns` is `value`.
  int match(int proc_pid, uint64_t ns, int value, PidKind kind);
  int scan(uint64_t ns, int value, PidKind kind, int* proc_pid);

  uint64_t our_ns_ = 0;
  int proc_ours_ = -1;
  std::map<pid_t, uint64_t> tracee_ns_;
  std::map<pid_t, int> proc_entry_;
  std::map<std::tuple<uint64_t, int, uint8_t>, int> cache_;  // (ns, id, kind) → proc pid
};

}  // namespace tstrace
