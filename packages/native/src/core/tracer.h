// A trace session: spawns a command under ptrace (or attaches to running processes) and runs the
// stop/resume loop on one dedicated OS thread (ptrace requests must all come from the thread
// that attached). Plain C++: knows nothing of Node-API; records leave through a BatchSink.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "capture_plan.h"
#include "injector.h"
#include "stack_sampler.h"
#include "syscall_counter.h"  // SyscallTotals

namespace tstrace {

// A failure to start (command not found, fork/attach failure), with strace's wording.
class SpawnError : public std::runtime_error {
 public:
  SpawnError(const std::string& what, int err) : std::runtime_error(what), err_(err) {}
  int error_number() const { return err_; }

 private:
  int err_;
};

// strerror's text for err, as strace words its errors ("No such process").
std::string errno_text(int err);

// Resolves a command like strace does: a name with a '/' is used as is, otherwise the first
// regular file with an execute bit along PATH. Throws SpawnError("Can't stat '<cmd>': <strerror>").
std::string resolve_command(const std::string& command, const char* path_env);

// What every session shares, spawned or attached.
struct TraceOptions {
  bool follow_forks = false;
  size_t batch_bytes = 65536;
  std::shared_ptr<const CapturePlan> plan;
  // Syscall numbers to record (bit nr of byte nr / 8, least significant bit first); only
  // consulted when has_trace_set. Unselected syscalls produce no records.
  bool has_trace_set = false;
  std::vector<uint8_t> trace_set;
  // strace -b execve: a tracee that execs is detached at its PTRACE_EVENT_EXEC (a spawned
  // command's own first execve excepted).
  bool detach_on_exec = false;
  // strace --decode-pids=comm: a COMM record (/proc/TID/comm) follows each thread's NEW_PROCESS
  // or ATTACHED record and each EXEC record, read while the thread is stopped.
  bool decode_comm = false;
  // -e inject= / -e fault=: applied to recorded (selected) syscalls at their entry stops.
  std::shared_ptr<const InjectTable> inject;
  // -k: STACK (and MAPS) records where strace unwinds; null: none.
  std::shared_ptr<const StackPlanData> stack;
  // strace -c alone: selected syscalls are counted here (calls, errors, time from the entry stop
  // to the exit stop, less count_overhead_ns, clamped at 0) instead of becoming ENTER/EXIT
  // records; TraceOutcome::counts holds the totals. Every other record is still written.
  bool count_only = false;
  uint64_t count_overhead_ns = 0;
};

struct SpawnSpec : TraceOptions {
  std::string path;                     // resolved executable
  std::vector<std::string> argv;        // argv[0] as typed
  std::vector<std::string> env;         // "NAME=value"
  std::string cwd;                      // empty: inherit
  bool seccomp = false;                 // install a seccomp-bpf filter from trace_set before execve
  // PTRACE_O_EXITKILL (--kill-on-exit); always set when the seccomp filter is installed.
  bool exit_kill = false;
  uint64_t ignored_signals = 0;         // bit sig - 1: the command starts with sig ignored
  // The descriptors from 3 up the command inherits (see InheritedFds); every other one is closed
  // at its execve. Without a list, those not marked close-on-exec are inherited.
  bool has_inherit_fds = false;
  std::vector<int> inherit_fds;
  // strace -u: the command runs with these ids (resolved by the caller, as root). The effective
  // ids are the file's owner and group for a set-user-ID / set-group-ID file, which a traced
  // execve does not apply itself.
  bool has_user = false;
  uid_t run_uid = 0, run_euid = 0;
  gid_t run_gid = 0, run_egid = 0;
  std::vector<gid_t> groups;
  // strace -p with a command: these processes (every thread of each with follow_forks) are
  // attached too, after the command is forked and before it runs, as strace's startup does. Their
  // options are an attached process's (PTRACE_O_EXITKILL only with exit_kill, no seccomp stops).
  // One that cannot be seized gets a MESSAGE record; the session is the command's all the same.
  std::vector<pid_t> attach_pids;
};

struct AttachSpec : TraceOptions {
  std::vector<pid_t> pids;              // processes; every thread of each is seized
  bool exit_kill = false;               // PTRACE_O_EXITKILL (--kill-on-exit): they die with the tracer
  // strace -D: the one pid is about to exec the command (the process the user started, which
  // this tracer's process descends from). Only its main thread is seized (its other threads end
  // at the exec) and nothing is reported before its execve, as for a spawned command.
  bool until_exec = false;
};

struct TraceOutcome {
  int status = 0;          // raw wait status of the initial process
  bool has_status = false; // false when the session failed or detached before the initial process ended
  bool detached = false;   // the initial process was let go (detach, -b execve): no status, no failure
  std::string error;       // non-empty: the tracer failed (the session still ended cleanly)
  uint64_t stops = 0;      // ptrace stops the tracer handled (a measure of the tracee's tracing cost)
  int interrupted = 0;     // the signal of interrupt() (or a caught one) that ended the session, or 0
  std::vector<SyscallTotals> counts;  // count_only: the syscalls made, in number order
};

// Where record batches go. Both calls happen on the tracer thread.
class BatchSink {
 public:
  virtual ~BatchSink() = default;
  // Hands over one batch of whole records. May block (bounded queue: back-pressure keeps the
  // tracee stopped). Returns false when the consumer is gone; the tracer then kills its tracees.
  virtual bool deliver(std::vector<uint8_t>&& batch) = 0;
  // Last call of the session, after the last deliver().
  virtual void finished(const TraceOutcome& outcome) = 0;
};

class Tracer {
 public:
  Tracer() = default;
  ~Tracer();  // kills tracees and joins the thread if still running
  Tracer(const Tracer&) = delete;
  Tracer& operator=(const Tracer&) = delete;

  // Starts the tracer thread, which forks the command and seizes it. Blocks until the child is
  // traced and returns its pid; throws SpawnError when that failed (the thread is then joined).
  pid_t start(SpawnSpec spec, BatchSink* sink);

  // Starts the tracer thread, which seizes every thread of every pid. Blocks until they are
  // traced and returns the first pid. A pid that cannot be seized gets a MESSAGE record with
  // strace's text ("attach: ptrace(PTRACE_SEIZE, N): No such process"); when none can, throws
  // SpawnError with those messages, one per line (the thread is then joined).
  pid_t attach(AttachSpec spec, BatchSink* sink);

  // SIGKILLs every tracee; the session then ends normally. Any thread, any time, idempotent.
  void kill();

  // Detaches every tracee, leaving it as it was (running, or group-stopped if it was stopped
  // by a signal; a signal about to be delivered is delivered). Any thread, any time, idempotent.
  void detach();

  // strace's reaction to a fatal signal (SIGINT, SIGTERM...) it catches: a spawned command is
  // sent SIGCONT and `sig`, then every tracee is detached (as detach()). Attached sessions only
  // detach. Sent from the tracer thread, so no stop of those signals is reported. Idempotent.
  void interrupt(int sig);

  // From now on the fatal signals passed to hook_interrupt_signals() interrupt this session
  // (as interrupt(sig)) the moment they reach the process, before the tracer thread handles
  // another stop: a terminal's Ctrl-C reaches the tracees at the same moment, and strace, which
  // takes signals only while it waits, never reports the tracees' copy of it.
  void interrupt_on_caught_signals();

  // Installs a handler for `sigs` that notes the signal for sessions that asked for it, wakes
  // their tracer threads, then calls the handler it replaced (Node's). JS thread, after Node's
  // own handlers are in place.
  static void hook_interrupt_signals(const std::vector<int>& sigs);

  // How a session ends when its owner goes away: attached tracees are detached, spawned ones
  // killed (a command traced with -p processes: the command is killed, every tracee let go).
  void shutdown();

  // Waits for the tracer thread to end. Idempotent; not from the tracer thread itself.
  void join();

 private:
  struct Loop;
  void run(SpawnSpec spec, BatchSink* sink);
  void run_attach(AttachSpec spec, BatchSink* sink);
  pid_t wait_started();
  void fail_start(const std::string& what, int err);
  void start_ok(pid_t pid);
  bool detach_requested();
  int caught_interrupt();
  int take_interrupt_signal();
  bool start_waker();
  void stop_waker();
  // Tracee bookkeeping shared with kill().
  void add_live(pid_t pid);
  void remove_live(pid_t pid);

  std::thread thread_;
  std::mutex mu_;
  std::condition_variable started_cv_;
  enum class Start { kPending, kOk, kFailed } start_state_ = Start::kPending;
  pid_t start_pid_ = -1;
  std::string start_error_;
  int start_errno_ = 0;
  std::set<pid_t> live_;   // guarded by mu_
  bool killed_ = false;    // guarded by mu_
  bool attach_mode_ = false;
  bool mixed_ = false;       // spawned, with SpawnSpec::attach_pids: let go rather than killed at shutdown
  bool until_exec_ = false;  // attach_mode_ for strace -D: the command's own execve is ahead
  bool detach_requested_ = false;  // guarded by mu_
  int interrupt_signal_ = 0;       // guarded by mu_: for the spawned command, sent at detach
  std::atomic<bool> interrupt_on_signal_{false};
  pid_t waker_pid_ = -1;   // tracer thread only
  bool reaps_orphans_ = false;  // tracer thread only: TakeOrphans() said so before the spawn
  void* waker_stack_ = nullptr;
  int wake_fd_ = -1;       // guarded by mu_: a byte written here wakes the tracer thread's wait
};

}  // namespace tstrace
