#include "tracer.h"

#include <fcntl.h>

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "memory_reader.h"
#include "record_format.h"

namespace tstrace {

namespace {

// PTRACE_GET_SYSCALL_INFO's result (linux/ptrace.h), defined here so the build does not depend
// on the C library's copy of it.
constexpr long kGetSyscallInfo = 0x420e;
enum : uint8_t { kInfoNone = 0, kInfoEntry = 1, kInfoExit = 2, kInfoSeccomp = 3 };
struct SyscallInfo {
  uint8_t op;
  uint8_t pad[3];
  uint32_t arch;
  uint64_t instruction_pointer;
  uint64_t stack_pointer;
  union {
    struct {
      uint64_t nr;
      uint64_t args[6];
    } entry;
    struct {
      int64_t rval;
      uint8_t is_error;
    } exit;
    struct {
      uint64_t nr;
      uint64_t args[6];
      uint32_t ret_data;
    } seccomp;
  };
};

static_assert(sizeof(siginfo_t) == 128, "SIGNAL records carry a 128-byte siginfo_t");

// waitpid(WNOHANG) retries, each after sched_yield(), before a pending batch is flushed.
constexpr int kSpinBeforeFlush = 16;

constexpr uint64_t kNrExecve = 59;     // x86_64
constexpr uint64_t kNrExecveat = 322;  // x86_64

std::string errno_text(int err) {
  char buf[256];
  // GNU strerror_r returns the message (possibly not in buf).
  return std::string(strerror_r(err, buf, sizeof buf));
}

uint64_t realtime_ns() {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000ull + static_cast<uint64_t>(ts.tv_nsec);
}

bool is_stop_signal(int sig) { return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU; }

bool is_exec_nr(uint32_t arch, uint64_t nr) {
  return arch == rf::audit_arch::kX86_64 && (nr == kNrExecve || nr == kNrExecveat);
}

// Runs in the forked child: async-signal-safe calls only.
[[noreturn]] void child_main(const char* path, char* const* argv, char* const* envp, const char* cwd) {
  // Node ignores SIGPIPE and blocks some signals; the command must start with defaults.
  struct sigaction dfl;
  std::memset(&dfl, 0, sizeof dfl);
  dfl.sa_handler = SIG_DFL;
  for (int sig = 1; sig < NSIG; sig++) {
    if (sig != SIGKILL && sig != SIGSTOP) sigaction(sig, &dfl, nullptr);
  }
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  // Node marks its stdio descriptors close-on-exec; the command must inherit them as it would
  // from a shell (or from strace).
  for (int fd = 0; fd <= 2; fd++) {
    int flags = fcntl(fd, F_GETFD);
    if (flags >= 0 && (flags & FD_CLOEXEC) != 0) fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC);
  }
  if (cwd != nullptr && chdir(cwd) < 0) _exit(1);
  // Handshake: stop until the tracer thread has seized us, so tracing starts before execve.
  ::kill(getpid(), SIGSTOP);
  execve(path, argv, envp);
  _exit(1);  // strace's child exits 1 when exec fails; the tracer reports "exec: <error>"
}

struct ThreadState {
  bool startup = false;  // auto-attached; its initial PTRACE_EVENT_STOP is not yet seen
  bool hidden = false;   // the spawned child before its own execve: nothing is reported
  bool in_syscall = false;
  uint32_t arch = 0;
  uint64_t nr = 0;
  uint64_t args[6] = {};
};

}  // namespace

// The stop/resume loop's state; lives on the tracer thread only.
struct Tracer::Loop {
  Tracer& owner;
  const SpawnSpec& spec;
  BatchSink* sink;
  pid_t initial;
  std::vector<uint8_t> batch;
  bool sink_ok = true;
  bool exec_seen = false;
  uint64_t now = 0;
  std::unordered_map<pid_t, ThreadState> threads;
  TraceOutcome outcome;

  Loop(Tracer& o, const SpawnSpec& s, BatchSink* k, pid_t pid) : owner(o), spec(s), sink(k), initial(pid) {
    reset_batch();
    ThreadState& t = threads[pid];
    t.hidden = true;
  }

  void reset_batch() {
    batch = std::vector<uint8_t>();
    batch.reserve(std::min<size_t>(spec.batch_bytes, 1u << 20) + 4096);
  }

  void flush() {
    if (batch.empty()) return;
    if (sink_ok) {
      sink_ok = sink->deliver(std::move(batch));
      if (!sink_ok) owner.kill();  // nobody listens any more: end the session
    }
    reset_batch();
  }

  void run() {
    for (;;) {
      int st = 0;
      pid_t p = waitpid(-1, &st, __WALL | __WNOTHREAD | WNOHANG);
      // A resumed tracee usually stops again within microseconds: give it a moment before
      // paying for a batch hand-over (one JS callback per stop would dominate the cost).
      for (int spin = 0; p == 0 && spin < kSpinBeforeFlush && !batch.empty(); spin++) {
        sched_yield();
        p = waitpid(-1, &st, __WALL | __WNOTHREAD | WNOHANG);
      }
      if (p == 0) {
        flush();  // about to block: whatever is batched goes out now
        p = waitpid(-1, &st, __WALL | __WNOTHREAD);
      }
      if (p < 0) {
        if (errno == EINTR) continue;
        if (errno != ECHILD) {
          outcome.error = "waitpid: " + errno_text(errno);
          owner.kill();
        }
        break;
      }
      now = realtime_ns();
      handle(p, st);
      if (batch.size() >= spec.batch_bytes) flush();
    }
    flush();
  }

  void resume(pid_t p, int sig) { ptrace(PTRACE_SYSCALL, p, nullptr, reinterpret_cast<void*>(static_cast<long>(sig))); }

  void handle(pid_t p, int st) {
    if (WIFEXITED(st) || WIFSIGNALED(st)) {
      emit_exit(p, st);
      threads.erase(p);
      owner.remove_live(p);
      if (p == initial) {
        outcome.status = st;
        outcome.has_status = true;
      }
      return;
    }
    if (!WIFSTOPPED(st)) return;
    int sig = WSTOPSIG(st);
    unsigned event = static_cast<unsigned>(st) >> 16;
    auto it = threads.find(p);
    if (it == threads.end()) {
      // A new tracee reporting before its parent's fork event.
      it = threads.emplace(p, ThreadState{}).first;
      it->second.startup = true;
      owner.add_live(p);
    }
    ThreadState& t = it->second;
    if (t.startup) {
      t.startup = false;
      if (event == PTRACE_EVENT_STOP) {
        resume(p, 0);
        return;
      }
    }
    if (sig == (SIGTRAP | 0x80)) {
      on_syscall(p, t);
      resume(p, 0);
      return;
    }
    switch (event) {
      case PTRACE_EVENT_EXEC:
        on_exec(p);
        resume(p, 0);
        return;
      case PTRACE_EVENT_FORK:
      case PTRACE_EVENT_VFORK:
      case PTRACE_EVENT_CLONE:
        on_new_process(p, event, t.hidden);
        resume(p, 0);
        return;
      case PTRACE_EVENT_STOP:
        if (is_stop_signal(sig) && !t.hidden) {
          emit_pair(rf::kGroupStop, p, static_cast<uint32_t>(sig), 0);
          ptrace(PTRACE_LISTEN, p, nullptr, nullptr);
        } else {
          resume(p, 0);  // PTRACE_LISTEN wake-ups, interrupts, the handshake's own stop
        }
        return;
      case 0:
        on_signal(p, t, sig);
        return;
      default:
        resume(p, 0);
        return;
    }
  }

  void on_syscall(pid_t p, ThreadState& t) {
    SyscallInfo info;
    std::memset(&info, 0, sizeof info);
    long n = ptrace(static_cast<enum __ptrace_request>(kGetSyscallInfo), p, reinterpret_cast<void*>(sizeof info), &info);
    if (n <= 0) return;
    if (info.op == kInfoEntry || info.op == kInfoSeccomp) {
      t.in_syscall = true;
      t.arch = info.arch;
      t.nr = info.entry.nr;  // entry and seccomp share the nr/args layout
      std::memcpy(t.args, info.entry.args, sizeof t.args);
      if (t.hidden) {
        // Tracing shows the command from its own execve on, like strace.
        if (p != initial || !is_exec_nr(info.arch, t.nr)) return;
        t.hidden = false;
      }
      emit_enter(p, t, info);
    } else if (info.op == kInfoExit) {
      t.in_syscall = false;
      if (t.hidden) return;
      bool failed = info.exit.is_error != 0;
      emit_syscall_exit(p, t, info.arch, info.exit.rval, failed);
      if (p == initial && !exec_seen && failed && is_exec_nr(t.arch, t.nr)) {
        // The command could not be executed; strace prints "exec: <error>" and hides the rest.
        emit_message(p, "exec: " + errno_text(static_cast<int>(-info.exit.rval)), 0);
        t.hidden = true;
      }
    }
  }

  void on_exec(pid_t p) {
    unsigned long former = static_cast<unsigned long>(p);
    ptrace(PTRACE_GETEVENTMSG, p, nullptr, &former);
    pid_t old = static_cast<pid_t>(former);
    if (old != p) {
      // A non-leader thread exec'd: it now has the leader's id.
      auto it = threads.find(old);
      if (it != threads.end()) {
        threads[p] = it->second;
        threads.erase(old);
      }
      owner.remove_live(old);
    }
    if (p == initial) exec_seen = true;
    if (!threads[p].hidden) emit_pair(rf::kExec, p, static_cast<uint32_t>(old), 0);
  }

  void on_new_process(pid_t p, unsigned event, bool hidden) {
    unsigned long msg = 0;
    if (ptrace(PTRACE_GETEVENTMSG, p, nullptr, &msg) < 0) return;
    pid_t child = static_cast<pid_t>(msg);
    uint32_t how = event == PTRACE_EVENT_FORK ? rf::kFork : event == PTRACE_EVENT_VFORK ? rf::kVfork : rf::kClone;
    if (!hidden) emit_pair(rf::kNewProcess, p, static_cast<uint32_t>(child), how);
    if (threads.find(child) == threads.end()) {
      threads[child].startup = true;
      owner.add_live(child);
    }
  }

  void on_signal(pid_t p, ThreadState& t, int sig) {
    siginfo_t si;
    std::memset(&si, 0, sizeof si);
    if (ptrace(PTRACE_GETSIGINFO, p, nullptr, &si) < 0) std::memset(&si, 0, sizeof si);
    if (!t.hidden) {
      rf::RecordWriter w(batch);
      size_t start = w.begin_record(rf::kSignal, static_cast<uint32_t>(p), now);
      w.u32(static_cast<uint32_t>(sig));
      w.u32(0);
      w.bytes(&si, sizeof si);
      w.end_record(start);
    }
    resume(p, sig);  // re-inject
  }

  const std::vector<CaptureSpec>& specs_for(uint32_t arch, uint64_t nr) const {
    static const std::vector<CaptureSpec> kNone;
    if (!spec.plan || arch != rf::audit_arch::kX86_64) return kNone;
    return spec.plan->for_nr(nr);
  }

  void emit_enter(pid_t p, const ThreadState& t, const SyscallInfo& info) {
    rf::RecordWriter w(batch);
    size_t start = w.begin_record(rf::kSyscallEnter, static_cast<uint32_t>(p), now);
    w.u32(info.arch);
    w.u32(static_cast<uint32_t>(t.nr));
    for (uint64_t a : t.args) w.u64(a);
    w.u64(info.instruction_pointer);
    w.u64(info.stack_pointer);
    size_t count_at = w.size();
    w.u32(0);
    w.u32(0);
    const auto& specs = specs_for(info.arch, t.nr);
    if (!specs.empty()) {
      MemoryReader mem(p);
      SyscallFacts facts{};
      std::memcpy(facts.args, t.args, sizeof facts.args);
      facts.at_exit = false;
      w.patch_u32(count_at, write_captures(w, mem, specs, facts));
    }
    w.end_record(start);
  }

  void emit_syscall_exit(pid_t p, const ThreadState& t, uint32_t arch, int64_t rval, bool failed) {
    rf::RecordWriter w(batch);
    size_t start = w.begin_record(rf::kSyscallExit, static_cast<uint32_t>(p), now);
    w.u32(arch);
    w.u32(static_cast<uint32_t>(t.nr));
    w.i64(rval);
    w.u32(failed ? 1 : 0);
    size_t count_at = w.size();
    w.u32(0);
    const auto& specs = specs_for(arch, t.nr);
    if (!failed && !specs.empty()) {
      MemoryReader mem(p);
      SyscallFacts facts{};
      std::memcpy(facts.args, t.args, sizeof facts.args);
      facts.rval = rval;
      facts.at_exit = true;
      w.patch_u32(count_at, write_captures(w, mem, specs, facts));
    }
    w.end_record(start);
  }

  void emit_exit(pid_t p, int st) { emit_pair(rf::kExit, p, static_cast<uint32_t>(st), 0); }

  void emit_pair(uint16_t type, pid_t p, uint32_t a, uint32_t b) {
    rf::RecordWriter w(batch);
    size_t start = w.begin_record(type, static_cast<uint32_t>(p), now);
    w.u32(a);
    w.u32(b);
    w.end_record(start);
  }

  void emit_message(pid_t p, const std::string& text, uint16_t flags) {
    rf::RecordWriter w(batch);
    size_t start = w.begin_record(rf::kMessage, static_cast<uint32_t>(p), now, flags);
    w.bytes(text.data(), text.size());
    w.end_record(start);
  }
};

std::string resolve_command(const std::string& filename, const char* path_env) {
  std::string pathname;
  if (filename.find('/') != std::string::npos) {
    pathname = filename;
  } else if (path_env != nullptr) {
    std::string path(path_env);
    size_t pos = 0;
    while (pos <= path.size() && !path.empty()) {
      size_t colon = path.find(':', pos);
      std::string dir = path.substr(pos, colon == std::string::npos ? std::string::npos : colon - pos);
      if (dir.empty()) {
        char cwd[4096];
        if (getcwd(cwd, sizeof cwd) != nullptr) dir = cwd;
      }
      if (!dir.empty()) {
        if (dir.back() != '/') dir += '/';
        std::string candidate = dir + filename;
        struct stat st;
        if (stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0111) != 0) {
          pathname = candidate;
          break;
        }
      }
      if (colon == std::string::npos) break;
      pos = colon + 1;
    }
  }
  struct stat st;
  if (pathname.empty() || stat(pathname.c_str(), &st) < 0) {
    int err = pathname.empty() ? ENOENT : errno;
    throw SpawnError("Can't stat '" + filename + "': " + errno_text(err), err);
  }
  return pathname;
}

Tracer::~Tracer() {
  kill();
  join();
}

pid_t Tracer::start(SpawnSpec spec, BatchSink* sink) {
  if (thread_.joinable()) throw std::logic_error("Tracer::start called twice");
  thread_ = std::thread(&Tracer::run, this, std::move(spec), sink);
  std::unique_lock<std::mutex> lock(mu_);
  started_cv_.wait(lock, [this] { return start_state_ != Start::kPending; });
  if (start_state_ == Start::kFailed) {
    lock.unlock();
    thread_.join();
    throw SpawnError(start_error_, start_errno_);
  }
  return start_pid_;
}

void Tracer::kill() {
  std::lock_guard<std::mutex> lock(mu_);
  killed_ = true;
  for (pid_t pid : live_) ::kill(pid, SIGKILL);
}

void Tracer::join() {
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

void Tracer::add_live(pid_t pid) {
  std::lock_guard<std::mutex> lock(mu_);
  live_.insert(pid);
  if (killed_) ::kill(pid, SIGKILL);
}

void Tracer::remove_live(pid_t pid) {
  std::lock_guard<std::mutex> lock(mu_);
  live_.erase(pid);
}

void Tracer::run(SpawnSpec spec, BatchSink* sink) {
  auto fail = [this](const std::string& what, int err) {
    std::lock_guard<std::mutex> lock(mu_);
    start_state_ = Start::kFailed;
    start_error_ = what;
    start_errno_ = err;
    started_cv_.notify_all();
  };

  // Everything the child needs is built before fork: after it, only async-signal-safe calls.
  std::vector<char*> argv;
  for (auto& a : spec.argv) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (auto& e : spec.env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  const char* cwd = spec.cwd.empty() ? nullptr : spec.cwd.c_str();

  // Forked from this thread, so the child is this thread's own child and tracee.
  pid_t pid = fork();
  if (pid < 0) {
    fail("fork: " + errno_text(errno), errno);
    return;
  }
  if (pid == 0) child_main(spec.path.c_str(), argv.data(), envp.data(), cwd);

  int st = 0;
  pid_t w;
  do {
    w = waitpid(pid, &st, WUNTRACED | __WNOTHREAD);
  } while (w < 0 && errno == EINTR);
  if (w < 0 || !WIFSTOPPED(st)) {
    int err = w < 0 ? errno : 0;
    if (w < 0) {
      ::kill(pid, SIGKILL);
      waitpid(pid, &st, __WNOTHREAD);
    }
    fail(w < 0 ? "waitpid: " + errno_text(err)
               : "the child ended before tracing started (wait status " + std::to_string(st) + ")",
         err);
    return;
  }

  long options = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL;
  if (spec.follow_forks) options |= PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE;
  if (ptrace(PTRACE_SEIZE, pid, nullptr, reinterpret_cast<void*>(options)) < 0) {
    int err = errno;
    ::kill(pid, SIGKILL);
    waitpid(pid, &st, __WNOTHREAD);
    fail("ptrace(PTRACE_SEIZE, " + std::to_string(pid) + "): " + errno_text(err), err);
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    live_.insert(pid);
    start_state_ = Start::kOk;
    start_pid_ = pid;
    started_cv_.notify_all();
  }
  ::kill(pid, SIGCONT);  // end of the handshake: the child goes on to execve, traced

  Loop loop(*this, spec, sink, pid);
  loop.run();
  sink->finished(loop.outcome);
}

}  // namespace tstrace
