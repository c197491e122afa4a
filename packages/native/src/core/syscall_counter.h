// strace -c without stops: counts a spawned command's system calls from the kernel's
// raw_syscalls:sys_enter / sys_exit tracepoints (perf_event_open, one mmap'd ring buffer per
// CPU), drained and aggregated on one dedicated thread. The tracee is never stopped, so it runs
// at nearly its untraced speed. Needs what the kernel asks for raw tracepoint samples: root,
// CAP_PERFMON (or CAP_SYS_ADMIN), or kernel.perf_event_paranoid = -1; start() says when the
// machine does not allow it, before the command has run. Plain C++: knows nothing of Node-API.
#pragma once

#include <sys/types.h>

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace tstrace {

// perf events cannot count here (not permitted, no tracefs, no such tracepoint...). Thrown by
// SyscallCounter::start() before the command ran; the caller may fall back to ptrace.
class CountingUnavailable : public std::runtime_error {
 public:
  CountingUnavailable(const std::string& what, int err) : std::runtime_error(what), err_(err) {}
  int error_number() const { return err_; }

 private:
  int err_;
};

struct CountSpec {
  std::string path;               // resolved executable
  std::vector<std::string> argv;  // argv[0] as typed
  std::vector<std::string> env;   // "NAME=value"
  std::string cwd;                // empty: inherit
  bool follow_forks = false;      // strace -f: children and threads too (perf `inherit`)
  // Syscall numbers to count (bit nr of byte nr / 8); only consulted when has_trace_set.
  bool has_trace_set = false;
  std::vector<uint8_t> trace_set;
  // strace -w: a call's time is the wall clock from entry to exit. Otherwise it is the time the
  // thread spent on a CPU between entry and exit (wall time minus the time it was switched out),
  // the counterpart of strace's system CPU time.
  bool wall_clock = false;
  uint64_t overhead_ns = 0;  // strace -O: subtracted from each call's time (clamped at 0)
  // Where the counts come from. kAuto: eBPF programs that count in the kernel when they may be
  // loaded (CAP_BPF + CAP_PERFMON), else per-CPU perf ring buffers drained here.
  enum class Source { kAuto, kBpf, kRingBuffers } source = Source::kAuto;
  // Data pages per CPU ring buffer (rounded down to a power of two); 0: a default sized to the
  // number of CPUs. Tests shrink it to provoke lost events.
  uint32_t buffer_pages = 0;
};

struct SyscallTotals {
  uint32_t nr = 0;
  uint64_t calls = 0;
  uint64_t errors = 0;
  uint64_t total_ns = 0;
  uint64_t min_ns = 0;
  uint64_t max_ns = 0;
};

struct CountOutcome {
  int status = 0;           // raw wait status of the command
  bool has_status = false;  // false only when the session failed (see error)
  std::vector<SyscallTotals> rows;  // in syscall-number order
  uint64_t lost = 0;        // events dropped (ring buffer or map full): the counts are short
  std::string source;       // "bpf" or "ring-buffers"
  std::string message;      // strace's message for the user, e.g. "exec: Permission denied"
  std::string error;        // non-empty: the counter failed
};

class SyscallCounter {
 public:
  using Done = std::function<void(CountOutcome&&)>;

  SyscallCounter() = default;
  ~SyscallCounter();  // kills the command and joins the thread if still running
  SyscallCounter(const SyscallCounter&) = delete;
  SyscallCounter& operator=(const SyscallCounter&) = delete;

  // Starts the counting thread: it forks the command (held before its execve), arms the events
  // on it, then lets it exec. Blocks until then and returns its pid. Throws CountingUnavailable
  // when perf events are not allowed (the held child is killed: the command never ran) and
  // std::runtime_error for other failures. `done` runs once, on the counting thread, at the end.
  pid_t start(CountSpec spec, Done done);

  // SIGKILLs the command (and, with follow_forks, its known descendants); the session then ends
  // normally. Any thread, idempotent.
  void kill();

  // Waits for the counting thread. Idempotent; not from the counting thread itself.
  void join();

 private:
  struct Run;
  void run(CountSpec spec, Done done);
  void wake();

  std::thread thread_;
  std::mutex mu_;
  std::condition_variable started_cv_;
  enum class Start { kPending, kOk, kUnavailable, kFailed } start_state_ = Start::kPending;
  pid_t pid_ = -1;
  std::string start_error_;
  int start_errno_ = 0;
  bool reaped_ = true;            // guarded by mu_: pid_ may no longer be signalled
  std::vector<pid_t> live_;       // guarded by mu_: descendants seen so far (follow_forks)
  bool stop_ = false;             // guarded by mu_: kill() asked; do not wait for descendants
  int wake_fd_ = -1;              // eventfd in the counting thread's poll set
};

// For tests and diagnostics: why counting is unavailable here, or empty when a probe on this
// process succeeds (the same attributes the counter uses, opened and closed at once).
std::string counting_unavailable_reason();

}  // namespace tstrace
