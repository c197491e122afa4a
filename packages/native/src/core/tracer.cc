#include "tracer.h"

#include <dirent.h>
#include <limits.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/seccomp.h>

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <unordered_map>

#include "exec_prep.h"
#include "memory_reader.h"
#include "memory_writer.h"
#include "orphan_reaper.h"
#include "record_format.h"
#include "seccomp_filter.h"

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

// waitpid(WNOHANG) retries, each after sched_yield(), before the loop flushes its batch and blocks
// (only while the batch holds records: the spin is there to save a hand-over, see run()).
constexpr int kSpinBeforeFlush = 16;

constexpr uint64_t kNrExecve = 59;     // x86_64
constexpr uint64_t kNrExecveat = 322;  // x86_64
constexpr uint64_t kNrPrctl = 157;     // x86_64
constexpr uint64_t kI386NrClone = 120;  // arch/x86/entry/syscalls/syscall_32.tbl
constexpr uint64_t kNrClone3 = 435;     // x86_64 (older libc headers lack SYS_clone3)
constexpr uint64_t kNrPtrace = 101;    // x86_64
constexpr uint64_t kX32SyscallBit = 0x40000000;
// on_syscall's answer for a tracee to leave stopped (a delay_enter=/delay_exit= is running).
constexpr int kKeepStopped = -1;
// PTRACE_POKEUSER offsets of the syscall number and the return value (x86_64).
constexpr size_t kOrigRaxOffset = offsetof(struct user_regs_struct, orig_rax);
constexpr size_t kRaxOffset = offsetof(struct user_regs_struct, rax);

#ifndef PTRACE_EVENT_SECCOMP
#define PTRACE_EVENT_SECCOMP 7
#endif

// The waker: a tiny process sharing our memory (CLONE_VM, so no copy of Node's address space)
// that blocks reading a socket and exits when it gets a byte (or EOF: Node died). Its exit makes
// the tracer thread's waitpid() return, which is how another thread interrupts that wait (for
// detach) without a process-wide signal handler. Raw syscalls only: it shares the tracer
// thread's TLS.
constexpr size_t kWakerStack = 64 * 1024;

int waker_main(void* arg) {
  const long fd = static_cast<long>(reinterpret_cast<intptr_t>(arg));
  uint64_t all = ~0ull;
  syscall(SYS_rt_sigprocmask, SIG_SETMASK, &all, nullptr, sizeof all);  // Ctrl-C is not for us
  syscall(SYS_prctl, PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
  syscall(SYS_setpgid, 0, 0);
  // Keep none of Node's descriptors open (a socket Node closes must really close).
  if (fd > 0) syscall(SYS_close_range, 0u, static_cast<unsigned>(fd - 1), 0u);
  syscall(SYS_close_range, static_cast<unsigned>(fd + 1), ~0u, 0u);
  char c;
  syscall(SYS_read, fd, &c, 1);
  syscall(SYS_exit, 0);
  return 0;
}

// Signals caught by hook_interrupt_signals' handler, for the tracer threads that asked: the first
// one, and the wake sockets of the tracer threads to poke (async-signal-safe: atomics, send).
std::atomic<int> g_caught_signal{0};
constexpr int kWakeSlots = 16;
std::atomic<int> g_wake_fds[kWakeSlots];
struct sigaction g_previous_actions[NSIG];
std::once_flag g_wake_fds_init;

void init_wake_slots() {
  std::call_once(g_wake_fds_init, [] {
    for (auto& fd : g_wake_fds) fd.store(-1);
  });
}

void interrupt_hook(int sig, siginfo_t* info, void* context) {
  const int saved_errno = errno;
  int none = 0;
  g_caught_signal.compare_exchange_strong(none, sig);
  for (auto& slot : g_wake_fds) {
    const int fd = slot.load();
    if (fd >= 0) send(fd, "i", 1, MSG_NOSIGNAL | MSG_DONTWAIT);
  }
  errno = saved_errno;
  const struct sigaction& previous = g_previous_actions[sig];
  if ((previous.sa_flags & SA_SIGINFO) != 0) {
    if (previous.sa_sigaction != nullptr) previous.sa_sigaction(sig, info, context);
  } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN && previous.sa_handler != nullptr) {
    previous.sa_handler(sig);
  }
}

uint64_t monotonic_ns() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000u + static_cast<uint64_t>(ts.tv_nsec);
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
[[noreturn]] void child_main(const char* path, char* const* argv, char* const* envp, const char* cwd,
                             const sock_fprog* filter, const InheritedFds* keep, uint64_t ignored_signals,
                             const SpawnSpec* user) {
  restore_exec_signals(ignored_signals);
  inherit_stdio();
  if (keep != nullptr) inherit_only(*keep);
  if (cwd != nullptr && chdir(cwd) < 0) _exit(1);
  // Handshake: stop until the tracer thread has seized us, so tracing starts before execve.
  ::kill(getpid(), SIGSTOP);
  if (user != nullptr) {
    // strace -u: groups first, while still privileged (setgroups, not initgroups: no NSS after fork).
    if (setgroups(user->groups.size(), user->groups.data()) < 0 ||
        setregid(user->run_gid, user->run_egid) < 0 || setreuid(user->run_uid, user->run_euid) < 0)
      _exit(1);
  }
  if (filter != nullptr) {
    // Traced now, so SECCOMP_RET_TRACE stops reach the tracer. A failure here is seen by the
    // tracer (it watches this prctl's result) and it then stops on every syscall instead.
    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, filter, 0, 0);
  }
  execve(path, argv, envp);
  _exit(1);  // strace's child exits 1 when exec fails; the tracer reports "exec: <error>"
}

// The ptrace options of a thread seized with -p: no seccomp stops (it carries no filter of ours).
long attach_options(bool exit_kill, bool follow_forks) {
  long options = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT;
  if (exit_kill) options |= PTRACE_O_EXITKILL;
  if (follow_forks) options |= PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE;
  return options;
}

struct ThreadState {
  bool startup = false;  // auto-attached; its initial PTRACE_EVENT_STOP is not yet seen
  bool hidden = false;   // the spawned child before its own execve: nothing is reported
  bool in_syscall = false;
  bool selected = false;     // the current syscall is in the trace set: its records are emitted
  bool seccomp = false;      // a seccomp filter stops it on selected syscalls: PTRACE_CONT outside them
  bool by_seccomp = false;   // the current syscall's entry was a seccomp stop
  uint32_t arch = 0;
  bool seen_syscall = false;  // nr holds a real syscall number
  uint64_t nr = 0;
  uint64_t args[6] = {};
  uint64_t sp = 0;  // at entry: STACK captures read relative to it
  InjectCounters inject_counts;            // when= countdowns (-e inject=)
  const InjectAction* injecting = nullptr; // the current syscall's action, when it applies
  uint16_t exit_flags = 0;                 // rf::SyscallExitFlags for the current syscall's exit
  int exit_signal = 0;                     // signal= held for the exit stop (see inject_at_entry)
  bool stack_at_entry = false;             // -k: the current syscall's stack was taken at entry
  uint64_t entered_ns = 0;                 // count_only: the entry stop's time
  bool own_child = false;  // hidden, and tstrace's own child (CLONE_PARENT from the command)
  bool quick = false;  // the current syscall's entry stop was let go unread (see quick_count)
};

}  // namespace

// The stop/resume loop's state; lives on the tracer thread only.
struct Tracer::Loop {
  Tracer& owner;
  const TraceOptions& opts;
  BatchSink* sink;
  pid_t initial;
  std::vector<uint8_t> batch;
  bool sink_ok = true;
  bool exec_seen = false;
  bool detaching = false;
  bool seccomp_wanted = false;  // the initial child installs a filter before its execve
  bool seccomp_on = false;      // ...and did: every tracee from then on carries it
  bool warned_hand_over = false;  // hand_over's caveat is said once
  bool last_stop_recorded = true;  // the last stop handled added to the batch (see run())
  uint64_t now = 0;
  std::unordered_map<pid_t, ThreadState> threads;
  // -e inject=…:delay_enter/delay_exit: tracees kept stopped until due_ns (CLOCK_MONOTONIC).
  struct Delayed {
    pid_t pid;
    uint64_t due_ns;
    bool at_exit;  // an exit stop whose record is still to be written
    uint32_t arch;
    int64_t rval;
    bool failed;
    int sig;  // the signal to resume with (an entry's signal=)
  };
  std::vector<Delayed> delayed;
  std::set<pid_t> released;  // detached tracees that are this thread's own children (the command)
  // The order tracees became ours (strace's tcb table order, in which its cleanup lets them go).
  std::unordered_map<pid_t, uint64_t> seqs;
  // DETACHED records of a whole-session detach, emitted in that order once all are let go.
  std::vector<std::pair<uint64_t, pid_t>> detached_in_order;
  FdDescriber fds;  // FD_PATH captures (-y/-yy); holds the socket details cache
  PidResolver pids;  // PID captures (--decode-pids); caches PID namespace lookups
  std::unique_ptr<StackSampler> stacks;  // -k
  TraceOutcome outcome;
  std::vector<SyscallTotals> counts;  // count_only: by syscall number, grown on first use

  // `hidden_initial`: a spawned child, silent until its own execve.
  Loop(Tracer& o, const TraceOptions& s, BatchSink* k, pid_t pid, bool hidden_initial)
      : owner(o), opts(s), sink(k), initial(pid) {
    reset_batch();
    if (hidden_initial) threads[pid].hidden = true;
    if (opts.stack) stacks = std::make_unique<StackSampler>(*opts.stack);
    seq_of(pid);
  }

  void reset_batch() {
    batch = std::vector<uint8_t>();
    batch.reserve(std::min<size_t>(opts.batch_bytes, 1u << 20) + 4096);
  }

  void flush() {
    if (batch.empty()) return;
    if (sink_ok) {
      sink_ok = sink->deliver(std::move(batch));
      if (!sink_ok) abandon();  // nobody listens any more: end the session
    }
    reset_batch();
  }

  // Ends the session early: attached tracees are detached, spawned ones killed (a command
  // traced with -p processes: the command is killed and every tracee let go, see shutdown()).
  void abandon() {
    if (!owner.attach_mode_ && !owner.mixed_) {
      owner.kill();
    } else if (!detaching) {
      if (owner.mixed_) owner.interrupt(SIGKILL);
      begin_detach();
    }
  }

  uint64_t seq_of(pid_t p) { return seqs.try_emplace(p, seqs.size() + 1).first->second; }

  void adopt(pid_t tid) {
    seq_of(tid);
    threads[tid].startup = true;
    owner.add_live(tid);
  }

  // A tracee stopped for a fatal signal the terminal sent (si_code SI_KERNEL) to its process
  // group, which is ours too: our own copy is on its way to interrupt_hook. strace takes that
  // signal first and never reports the tracees' copy; so waits for ours (briefly: a signal
  // already sent arrives within microseconds) and begins the interrupt. True when it did.
  bool terminal_interrupt(pid_t p, int sig) {
    if (detaching || !owner.interrupt_on_signal_.load()) return false;
    if (sig != SIGINT && sig != SIGQUIT && sig != SIGHUP && sig != SIGTERM && sig != SIGPIPE) return false;
    siginfo_t si;
    std::memset(&si, 0, sizeof si);
    if (ptrace(PTRACE_GETSIGINFO, p, nullptr, &si) < 0 || si.si_code != SI_KERNEL) return false;
    if (getpgid(p) != getpgrp()) return false;
    for (int i = 0; i < 200 && owner.caught_interrupt() == 0; i++) {
      struct timespec ms = {0, 1000000};
      nanosleep(&ms, nullptr);
    }
    check_requests();
    return detaching;
  }

  // A detach or interrupt asked for (another thread, or a caught signal): begin it now.
  void check_requests() {
    if (detaching) return;
    if (const int sig = owner.caught_interrupt(); sig != 0) owner.interrupt(sig);
    if (owner.detach_requested()) begin_detach();
  }

  // Whether orphans are reparented to tstrace (it is its PID namespace's init, or a subreaper under
  // one: see orphan_reaper.h): to the process rather than this thread, and until they are reaped
  // the namespace of an exiting init tracee cannot end (its exit waits in zap_pid_ns_processes).
  // So the waits below take any thread's child then, as strace's single-threaded waitpid(-1) does.
  const bool reaps_orphans = getpid() == 1 || owner.reaps_orphans_;
  const int wait_flags = reaps_orphans ? __WALL : __WALL | __WNOTHREAD;

  void run() {
    for (;;) {
      check_requests();
      service_delays();
      if (threads.empty()) break;
      int st = 0;
      // A resumed tracee usually stops again within microseconds: poll for that moment (each
      // sched_yield lets anything else runnable go first, the tracee included) before blocking in
      // waitpid, whose sleep and wake-up cost more than the stop itself on these machines, and
      // before paying for a batch hand-over (one JS callback per stop would dominate the cost).
      // The poll pays with nothing batched too (-c, stops the filter drops): blocking at once
      // there made fewer syscalls but cost the tracer thread ~30% more CPU per stop (measured
      // with /proc/.../schedstat on a busy 2-core machine). Records batched earlier that the
      // last stop added nothing to (a filter's few lines amid dropped stops, -c's first records)
      // are handed over first: polling saves no hand-over for them, and would hold them back
      // for as long as the tracee kept stopping within the poll.
      if (!batch.empty() && !last_stop_recorded && delayed.empty()) flush();
      pid_t p = waitpid(-1, &st, wait_flags | WNOHANG);
      for (int spin = 0; p == 0 && spin < kSpinBeforeFlush; spin++) {
        sched_yield();
        p = waitpid(-1, &st, wait_flags | WNOHANG);
      }
      if (p == 0 && !delayed.empty()) {
        // -e inject=…:delay_*: poll the others until the next delayed tracee is due.
        flush();
        const uint64_t ns = delay_poll_ns();
        struct timespec ts = {static_cast<time_t>(ns / 1000000000u), static_cast<long>(ns % 1000000000u)};
        nanosleep(&ts, nullptr);
        continue;
      }
      if (p == 0) {
        flush();  // about to block: whatever is batched goes out now
        check_requests();
        if (detaching) continue;
        p = waitpid(-1, &st, wait_flags);
      }
      if (p < 0) {
        if (errno == EINTR) continue;
        if (errno != ECHILD) {
          outcome.error = "waitpid: " + errno_text(errno);
          owner.kill();
        }
        break;
      }
      if (p == owner.waker_pid_) {
        owner.waker_pid_ = -1;  // it woke us: the request is read at the top of the loop
        continue;
      }
      now = realtime_ns();
      const size_t batched = batch.size();
      handle(p, st);
      last_stop_recorded = batch.size() != batched;
      if (batch.size() >= opts.batch_bytes) flush();
    }
    std::sort(detached_in_order.begin(), detached_in_order.end());
    for (auto& [seq, p] : detached_in_order) emit_pair(rf::kDetached, p, 0, 0);
    flush();
    for (const SyscallTotals& c : counts)
      if (c.calls != 0) outcome.counts.push_back(c);
  }

  bool selected(uint32_t arch, uint64_t nr) const {
    if (!opts.has_trace_set || arch != rf::audit_arch::kX86_64) return true;
    return bitmap_has(opts.trace_set, nr & ~kX32SyscallBit);
  }

  // Outside a selected syscall, a tracee under a seccomp filter runs with PTRACE_CONT: only
  // the filter's SECCOMP_RET_TRACE stops it. Inside one, PTRACE_SYSCALL brings its exit stop.
  void resume(pid_t p, const ThreadState& t, int sig) {
    const enum __ptrace_request how = t.seccomp && !t.in_syscall ? PTRACE_CONT : PTRACE_SYSCALL;
    ptrace(how, p, nullptr, reinterpret_cast<void*>(static_cast<long>(sig)));
  }

  void handle(pid_t p, int st) {
    if ((WIFEXITED(st) || WIFSIGNALED(st)) && released.count(p) != 0) {
      // The spawned command, detached but still our child, ended untraced: nothing to report
      // (strace never reaps it either).
      released.erase(p);
      return;
    }
    if ((WIFEXITED(st) || WIFSIGNALED(st)) && reaps_orphans && threads.count(p) == 0) {
      // As their reaper we also reap orphans, and former tracees whose exit we already
      // reported as their tracer: strace says so of the unknown ones and nothing else.
      if (seqs.count(p) == 0)
        emit_message(p, "Exit of unknown pid " + std::to_string(p) + " ignored", rf::kMessageQuietExit);
      return;
    }
    if (WIFEXITED(st) || WIFSIGNALED(st)) {
      auto known = threads.find(p);
      if (known == threads.end() ? seqs.count(p) == 0 : known->second.own_child) {
        // A child of ours that strace would not trace (one inherited, or the command's
        // CLONE_PARENT child without -f, followed here for its filter only): reaped, as strace says.
        emit_message(p, "Exit of unknown pid " + std::to_string(p) + " ignored", rf::kMessageQuietExit);
      }
      emit_exit(p, st);
      threads.erase(p);
      pids.forget(p);
      if (stacks) stacks->forget(p);
      owner.remove_live(p);
      if (p == initial) {
        outcome.status = st;
        outcome.has_status = true;
      }
      return;
    }
    if (!WIFSTOPPED(st)) return;
    outcome.stops++;
    check_requests();  // a caught Ctrl-C comes before the tracees' own copy of it
    int sig = WSTOPSIG(st);
    unsigned event = static_cast<unsigned>(st) >> 16;
    auto it = threads.find(p);
    if (it == threads.end() && !opts.follow_forks && !seccomp_wanted) {
      // Nothing asked the kernel for children (no -f, no filter), so this one came by its
      // parent's own CLONE_PTRACE: let go, as strace does.
      if (ptrace(PTRACE_DETACH, p, nullptr, nullptr) == 0)
        emit_message(p, "Detached unknown pid " + std::to_string(p), rf::kMessageQuietAttach);
      return;
    }
    if (it == threads.end()) {
      // A new tracee reporting before its parent's fork event.
      it = threads.emplace(p, ThreadState{}).first;
      seq_of(p);
      it->second.startup = true;
      // Its parent's filter, if any, is not known yet with -p processes traced too: stopping at
      // every syscall is right either way, and its fork event below says which it is.
      it->second.seccomp = seccomp_on && !owner.mixed_;
      it->second.hidden = !opts.follow_forks;  // followed for its filter only (see on_new_process)
      owner.add_live(p);
    }
    ThreadState& t = it->second;
    if (detaching) {
      detach_at_stop(p, t, sig, event);
      return;
    }
    if (t.startup) {
      t.startup = false;
      // Its first stop; a group-stop in effect (attached to a stopped process) is handled below.
      if (event == PTRACE_EVENT_STOP && !is_stop_signal(sig)) {
        resume(p, t, 0);
        return;
      }
    }
    if (sig == (SIGTRAP | 0x80)) {
      if (quick_count(t)) {
        count_stop(p, t);
        return;
      }
      if (t.in_syscall && exit_is_silent(t)) {
        // The exit of a syscall nothing reports or acts on: no PTRACE_GET_SYSCALL_INFO, just
        // the resume (strace's TCB_FILTERED exit costs the same). Without a seccomp filter, the
        // syscall stop after an entry is always its exit.
        t.in_syscall = false;
        resume(p, t, 0);
        return;
      }
      const int r = on_syscall(p, t);
      if (r != kKeepStopped) resume(p, t, r);
      return;
    }
    switch (event) {
      case PTRACE_EVENT_SECCOMP: {
        const int r = on_syscall(p, t);
        if (r != kKeepStopped) resume(p, t, r);
        return;
      }
      case PTRACE_EVENT_EXEC: {
        // A spawned command's own first execve is where tracing starts, never a reason to leave.
        const bool own_first = (!owner.attach_mode_ || owner.until_exec_) && p == initial && !exec_seen;
        pid_t now_p = on_exec(p);
        if (opts.detach_on_exec && !own_first) {
          let_go(now_p);
          return;
        }
        resume(now_p, threads[now_p], 0);
        return;
      }
      case PTRACE_EVENT_FORK:
      case PTRACE_EVENT_VFORK:
      case PTRACE_EVENT_CLONE:
        on_new_process(p, event, t.hidden);
        resume(p, t, 0);
        return;
      case PTRACE_EVENT_EXIT:
        // The thread is on its way out (strace's print_event_exit moment): a call it is in ends
        // now, not when it is reaped (a leader is reaped only after all its threads).
        if (!t.hidden) emit_pair(rf::kExiting, p, 0, 0);
        resume(p, t, 0);
        return;
      case PTRACE_EVENT_STOP:
        if (is_stop_signal(sig)) {
          // A silently followed process stops too, as it would untraced (job control, a
          // nested tracer's stopped child waiting for its PTRACE_SEIZE).
          if (!t.hidden) emit_group_stop(p, sig);
          ptrace(PTRACE_LISTEN, p, nullptr, nullptr);
        } else {
          resume(p, t, 0);  // PTRACE_LISTEN wake-ups, interrupts, the handshake's own stop
        }
        return;
      case 0:
        if (terminal_interrupt(p, sig)) {
          detach_at_stop(p, t, sig, event);  // this interrupt's detach has begun
          return;
        }
        on_signal(p, t, sig);
        return;
      default:
        resume(p, t, 0);
        return;
    }
  }

  // -p: what seizing the pids asked for left: the threads seized (tid, the pid asked for) in
  // order, and the failures with where each falls among them (strace says so in -p order).
  struct Seized {
    std::vector<std::pair<pid_t, pid_t>> order;
    std::vector<std::pair<pid_t, std::string>> errors;
    std::vector<size_t> error_at;
    int first_errno = 0;
  };

  // Seizes every pid (with -f every thread of its process) with `options`.
  Seized seize_all(const std::vector<pid_t>& wanted, long options, bool until_exec) {
    auto seize = [options](pid_t tid) {
      return ptrace(PTRACE_SEIZE, tid, nullptr, reinterpret_cast<void*>(options)) == 0;
    };
    Seized out;
    for (pid_t pid : wanted) {
      if (threads.count(pid) != 0) continue;
      if (!seize(pid)) {
        if (out.first_errno == 0) out.first_errno = errno;
        out.errors.emplace_back(pid, "attach: ptrace(PTRACE_SEIZE, " + std::to_string(pid) + "): " + errno_text(errno));
        out.error_at.push_back(out.order.size());
        continue;
      }
      adopt(pid);
      out.order.emplace_back(pid, pid);
      if (until_exec) {
        threads[pid].hidden = true;
        continue;
      }
      // Like strace, a process's other threads are attached only when following (-f): without
      // it, -p names exactly the one thread to trace.
      if (!opts.follow_forks) continue;
      // Its other threads; they may be creating more while we look: repeat until none is new.
      const std::string dir = "/proc/" + std::to_string(pid) + "/task";
      for (bool added = true; added;) {
        added = false;
        DIR* d = opendir(dir.c_str());
        if (d == nullptr) break;
        while (struct dirent* e = readdir(d)) {
          char* end = nullptr;
          long tid = strtol(e->d_name, &end, 10);
          if (tid <= 0 || *end != '\0' || threads.count(static_cast<pid_t>(tid)) != 0) continue;
          if (seize(static_cast<pid_t>(tid))) {  // a thread that just exited is no error
            adopt(static_cast<pid_t>(tid));
            out.order.emplace_back(static_cast<pid_t>(tid), pid);
            added = true;
          }
        }
        closedir(d);
      }
    }
    return out;
  }

  // Stops each seized thread at a known point (run() resumes it, or keeps a group-stopped one
  // stopped) and writes its ATTACHED record, the failures' MESSAGE records among them.
  void announce(const Seized& seized) {
    for (auto& [tid, of] : seized.order) ptrace(PTRACE_INTERRUPT, tid, nullptr, nullptr);
    now = realtime_ns();
    size_t next_error = 0;
    for (size_t i = 0; i <= seized.order.size(); i++) {
      for (; next_error < seized.errors.size() && seized.error_at[next_error] == i; next_error++)
        emit_message(seized.errors[next_error].first, seized.errors[next_error].second, 0);
      if (i == seized.order.size()) break;
      emit_pair(rf::kAttached, seized.order[i].first, static_cast<uint32_t>(seized.order[i].second), 0);
      emit_comm(seized.order[i].first);
    }
  }

  // Detach: every tracee is interrupted; each is let go at its next stop, with the signal it was
  // about to receive. A group-stopped one stays stopped (it was stopped by a signal, untraced
  // it would be too); new children reported meanwhile are let go the same way.
  void begin_detach() {
    detaching = true;
    const int sig = owner.take_interrupt_signal();
    if (sig != 0) outcome.interrupted = sig;
    if (sig != 0 && !owner.attach_mode_ && threads.count(initial) != 0) {
      ::kill(initial, SIGCONT);
      ::kill(initial, sig);
    }
    for (auto& entry : threads) ptrace(PTRACE_INTERRUPT, entry.first, nullptr, nullptr);
  }

  void detach_at_stop(pid_t p, ThreadState& t, int sig, unsigned event) {
    int deliver = 0;
    if (sig == (SIGTRAP | 0x80)) {
      // A syscall stop (maybe an interrupted syscall, restarted once detached): unfinished.
    } else if (event == 0) {
      deliver = sig;  // signal-delivery-stop: the signal must not be lost
    } else if (event == PTRACE_EVENT_FORK || event == PTRACE_EVENT_VFORK || event == PTRACE_EVENT_CLONE) {
      on_new_process(p, event, t.hidden);  // the child is ours too until it is let go
    } else if (event == PTRACE_EVENT_EXEC) {
      p = on_exec(p);
    }
    bool hidden = threads[p].hidden;
    if (ptrace(PTRACE_DETACH, p, nullptr, reinterpret_cast<void*>(static_cast<long>(deliver))) < 0) {
      return;  // it died meanwhile: its exit is still to be reported
    }
    // Let go now; reported in strace's order once every tracee is.
    if (!hidden) detached_in_order.emplace_back(seq_of(p), p);
    forget_detached(p);
  }

  void forget_detached(pid_t p) {
    if (p == initial) {
      outcome.detached = true;
      if (!owner.attach_mode_) released.insert(p);
    }
    threads.erase(p);
    pids.forget(p);
    owner.remove_live(p);
  }

  // Detaches one tracee stopped at an event (nothing pending to deliver) and forgets it.
  void let_go(pid_t p) {
    const bool hidden = threads[p].hidden;
    if (ptrace(PTRACE_DETACH, p, nullptr, nullptr) < 0) return;  // died meanwhile: its exit comes
    if (!hidden) emit_pair(rf::kDetached, p, 0, 0);
    forget_detached(p);
  }

  // A child followed only for its filter (no -f) asks its parent to trace it, as a debugger's or
  // a test harness's child does: without -f strace leaves children alone, so the request must
  // succeed. It is let go from this entry stop (the kernel then runs the PTRACE_TRACEME), keeping
  // the filter, whose selected syscalls fail with ENOSYS under a tracer that does not follow
  // seccomp stops: said once, on stderr.
  void hand_over(pid_t p) {
    if (ptrace(PTRACE_DETACH, p, nullptr, nullptr) < 0) return;  // died meanwhile: its exit comes
    forget_detached(p);
    if (warned_hand_over) return;
    warned_hand_over = true;
    emit_message(p, "Process " + std::to_string(p) +
                        " asked to be traced by its parent (PTRACE_TRACEME) and was let go; under that tracer, "
                        "the syscalls the seccomp filter stops fail with ENOSYS (--no-seccomp-bpf avoids it)",
                 0);
  }

  // A tracee (a debugger, a nested tracer) is about to PTRACE_SEIZE or PTRACE_ATTACH `target`, a
  // process strace without -f would not trace but that is followed here for its filter only: the
  // request must succeed as it does under strace, so `target` is let go first. It may be running
  // (interrupted here), in a stop not yet waited for (taken first), or group-stopped under
  // PTRACE_LISTEN (interrupted, then let go still stopped: the kernel keeps the group stop). It
  // keeps the filter: a tracer that follows seccomp stops (PTRACE_O_TRACESECCOMP, as tstrace and
  // strace --seccomp-bpf do) sees the filter's syscalls as seccomp stops, any other tracer makes
  // them fail with ENOSYS (said once, as hand_over does, when the request does not say).
  void release_to_tracer(pid_t caller, pid_t target, bool seize, bool follows_seccomp) {
    auto it = threads.find(target);
    if (target == caller || target == initial || it == threads.end() || !it->second.hidden) return;
    if (!same_pid_namespace(caller)) return;  // the number means another process there
    if (ptrace(PTRACE_INTERRUPT, target, nullptr, nullptr) < 0) return;
    int st = 0;
    pid_t w;
    do {
      w = waitpid(target, &st, __WALL);
    } while (w < 0 && errno == EINTR);
    if (w != target) return;
    if (!WIFSTOPPED(st)) {
      handle(target, st);  // it ended meanwhile: the tracer's request will fail as under strace
      return;
    }
    detach_at_stop(target, threads[target], WSTOPSIG(st), static_cast<unsigned>(st) >> 16);
    if (follows_seccomp || warned_hand_over) return;
    warned_hand_over = true;
    emit_message(target, "Process " + std::to_string(target) + " was let go for the PTRACE_" + (seize ? "SEIZE" : "ATTACH") + " of " +
                            std::to_string(caller) + "; under that tracer, the syscalls the seccomp filter stops "
                            "fail with ENOSYS unless it sets PTRACE_O_TRACESECCOMP (--no-seccomp-bpf avoids it)",
                 0);
  }

  // Whether `p` sees the PID numbers this tracer sees (a ptrace argument names a PID of its own namespace).
  static bool same_pid_namespace(pid_t p) {
    struct stat mine, theirs;
    if (stat("/proc/self/ns/pid", &mine) < 0) return true;  // no /proc: one namespace is the likely case
    const std::string path = "/proc/" + std::to_string(p) + "/ns/pid";
    if (stat(path.c_str(), &theirs) < 0) return false;
    return mine.st_ino == theirs.st_ino && mine.st_dev == theirs.st_dev;
  }

  // Whether the exit stop of the syscall `t` is in needs no look at the tracee: a syscall left out
  // of the records, not under a seccomp filter (whose stops the loop tells apart by info.op), with
  // nothing injected or held, and none of the calls whose exits the tracer itself watches (prctl:
  // seccomp installed, PR_SET_NAME; execve: a failed exec of the command).
  bool exit_is_silent(const ThreadState& t) const {
    return !t.selected && !t.seccomp && !t.by_seccomp && !t.hidden && t.injecting == nullptr &&
           t.exit_signal == 0 && !(t.arch == rf::audit_arch::kX86_64 && t.nr == kNrPrctl) &&
           !is_exec_nr(t.arch, t.nr);
  }

  // strace -c alone, where every syscall stops: an entry stop needs only its time, so it is let go
  // unread, and the exit stop's registers (PTRACE_GETREGS: orig_rax is still the number, rax the
  // result) say what to count; 1.5 ptrace requests a stop where PTRACE_GET_SYSCALL_INFO at both
  // stops makes 2 (strace's). Entry and exit stops alternate once a syscall stop has been read
  // (seen_syscall; an attached thread may first stop at an exit); the paths that look at a call's
  // entry (the command before its execve, seccomp stops, injection, -k, comm names) read it.
  bool quick_count(const ThreadState& t) const {
    return opts.count_only && t.seen_syscall && !t.hidden && !t.seccomp && !t.by_seccomp && !opts.inject &&
           !stacks && !opts.decode_comm && (t.quick || !t.in_syscall);
  }

  void count_stop(pid_t p, ThreadState& t) {
    if (!t.in_syscall) {
      t.in_syscall = true;
      t.quick = true;
      t.injecting = nullptr;
      t.exit_flags = 0;
      t.exit_signal = 0;
      t.entered_ns = now;
      resume(p, t, 0);
      return;
    }
    t.in_syscall = false;
    t.quick = false;
    struct user_regs_struct regs;
    if (ptrace(PTRACE_GETREGS, p, nullptr, &regs) < 0) {
      resume(p, t, 0);  // gone (SIGKILL ends a stop): its exit comes
      return;
    }
    // A 32-bit process (cs 0x23) makes i386 calls; x32's carry their bit in the number.
    const bool i386 = regs.cs == 0x23;
    t.arch = i386 ? rf::audit_arch::kI386 : rf::audit_arch::kX86_64;
    t.nr = regs.orig_rax;
    const int64_t rval = i386 ? static_cast<int32_t>(regs.rax) : static_cast<int64_t>(regs.rax);
    const uint64_t args[6] = {regs.rdi, regs.rsi, regs.rdx, regs.r10, regs.r8, regs.r9};
    std::memcpy(t.args, args, sizeof t.args);
    t.selected = selected(t.arch, t.nr);
    // The kernel's IS_ERR_VALUE, as PTRACE_GET_SYSCALL_INFO's is_error.
    const bool failed = static_cast<uint64_t>(rval) >= static_cast<uint64_t>(-4095);
    resume(p, t, finish_exit(p, t, true, t.arch, rval, failed));
  }

  // Returns the signal to resume with (0, or -e inject=…:signal=).
  int on_syscall(pid_t p, ThreadState& t) {
    SyscallInfo info;
    std::memset(&info, 0, sizeof info);
    long n = ptrace(static_cast<enum __ptrace_request>(kGetSyscallInfo), p, reinterpret_cast<void*>(sizeof info), &info);
    if (n <= 0) return 0;
    if (info.op == kInfoEntry || info.op == kInfoSeccomp) {
      // Under PTRACE_SYSCALL a seccomp stop is followed by the same syscall's entry stop.
      if (info.op == kInfoEntry && t.in_syscall && t.by_seccomp) return 0;
      t.injecting = nullptr;
      t.exit_flags = 0;
      t.exit_signal = 0;
      t.in_syscall = true;
      t.by_seccomp = info.op == kInfoSeccomp;
      t.arch = info.arch;
      t.nr = info.entry.nr;  // entry and seccomp share the nr/args layout
      t.seen_syscall = true;
      t.sp = info.stack_pointer;
      std::memcpy(t.args, info.entry.args, sizeof t.args);
      t.selected = selected(info.arch, t.nr);
      const bool first_exec = t.hidden;
      if (t.hidden && p != initial && t.arch == rf::audit_arch::kX86_64 && t.nr == kNrPtrace &&
          t.args[0] == PTRACE_TRACEME) {
        hand_over(p);
        return kKeepStopped;
      }
      if (seccomp_wanted && !opts.follow_forks && t.arch == rf::audit_arch::kX86_64 && t.nr == kNrPtrace &&
          (t.args[0] == PTRACE_SEIZE || t.args[0] == PTRACE_ATTACH))
        release_to_tracer(p, static_cast<pid_t>(t.args[1]), t.args[0] == PTRACE_SEIZE,
                          t.args[0] == PTRACE_SEIZE && (t.args[3] & PTRACE_O_TRACESECCOMP) != 0);
      if (t.hidden) {
        // Tracing shows the command from its own execve on, like strace.
        if (p != initial || !is_exec_nr(info.arch, t.nr)) return 0;
        t.hidden = false;
      }
      // strace tampers before it prints: a poke_enter= shows in the arguments read at entry.
      const bool tampered = t.selected && opts.inject && tamper_at_entry(p, t);
      if (t.selected && opts.count_only) t.entered_ns = now;
      else if (t.selected) emit_enter(p, t, info);
      // strace takes these stacks at entry, but the command's own first execve's at its exit.
      t.stack_at_entry = stacks && t.selected && !first_exec && t.arch == rf::audit_arch::kX86_64 && stacks->at_entry(t.nr);
      if (t.stack_at_entry) sample_stack(p, rf::kStackAtEntry);
      if (tampered) return inject_at_entry(p, t);
    } else if (info.op == kInfoExit) {
      bool was_in = t.in_syscall;
      t.in_syscall = false;
      t.by_seccomp = false;
      if (t.hidden) {
        // The spawned child's own prctl(PR_SET_SECCOMP) succeeded: from now on only the
        // filter's selected syscalls stop it.
        if (seccomp_wanted && p == initial && was_in && t.arch == rf::audit_arch::kX86_64 && t.nr == kNrPrctl &&
            t.args[0] == PR_SET_SECCOMP && info.exit.rval == 0) {
          seccomp_on = true;
          t.seccomp = true;
        }
        return 0;
      }
      const bool failed = info.exit.is_error != 0;
      // strace's tamper_with_syscall_exiting pokes before any exit delay and before the exit prints.
      if (was_in && t.injecting != nullptr && (t.injecting->flags & rf::kInjectPokeExit)) poke(p, t, false);
      if (was_in && t.injecting != nullptr && (t.injecting->flags & rf::kInjectDelayExit)) {
        // delay_exit=: the exit is finished (and recorded) once the delay has passed.
        t.exit_flags |= rf::kExitDelayed;
        delayed.push_back(Delayed{p, monotonic_ns() + t.injecting->delay_exit_ns, true, info.arch, info.exit.rval, failed, 0});
        return kKeepStopped;
      }
      return finish_exit(p, t, was_in, info.arch, info.exit.rval, failed);
    }
    return 0;
  }

  // The rest of an exit stop: the injected result, the record, the signal held for it.
  int finish_exit(pid_t p, ThreadState& t, bool was_in, uint32_t arch, int64_t rval, bool failed) {
    if (was_in && t.injecting != nullptr) inject_at_exit(p, t, rval, failed);
    if (was_in && t.selected && opts.count_only) count(t, failed);
    else if (was_in && t.selected) emit_syscall_exit(p, t, arch, rval, failed, t.exit_flags);
    if (stacks && was_in && arch == rf::audit_arch::kX86_64) {
      if (stacks->changes_maps(t.nr)) stacks->mappings_changed();
      if (t.selected && !t.stack_at_entry) sample_stack(p, 0);
    }
    // strace's COMM_CHANGE: prctl(PR_SET_NAME) renames the thread (--decode-pids=comm), selected or not.
    if (was_in && !failed && !t.hidden && t.arch == rf::audit_arch::kX86_64 && t.nr == kNrPrctl &&
        t.args[0] == PR_SET_NAME)
      emit_comm(p);
    t.injecting = nullptr;
    const int held = t.exit_signal;
    t.exit_signal = 0;
    if (p == initial && !exec_seen && failed && is_exec_nr(t.arch, t.nr)) {
      // The command could not be executed; strace prints "exec: <error>" and hides the rest.
      emit_message(p, "exec: " + errno_text(static_cast<int>(-rval)), 0);
      t.hidden = true;
    }
    return held;
  }

  // strace's tamper_with_syscall_entering, the part before the entry is recorded: whether this
  // call is due; if so, the syscall number becomes -1 (the kernel skips the call) or syscall='s,
  // and poke_enter= writes its bytes. x86_64 only: orig_rax is the syscall number.
  bool tamper_at_entry(pid_t p, ThreadState& t) {
    if (t.arch != rf::audit_arch::kX86_64 || (t.nr & kX32SyscallBit) != 0) return false;
    const InjectAction* a = opts.inject->find(t.nr);
    if (a == nullptr || !t.inject_counts.due(t.nr, *a)) return false;
    t.injecting = a;
    if (a->flags & (rf::kInjectError | rf::kInjectRetval)) {
      ptrace(PTRACE_POKEUSER, p, reinterpret_cast<void*>(kOrigRaxOffset), reinterpret_cast<void*>(a->syscall));
      t.exit_flags |= rf::kExitInjected;
    }
    if (a->flags & rf::kInjectPokeEnter) poke(p, t, true);
    return true;
  }

  // strace's poke_tcb: the pokes of this moment written at the addresses their arguments hold,
  // strace's messages for those that fail; one that succeeds marks the call (INJECTED: args).
  void poke(pid_t p, ThreadState& t, bool at_entry) {
    std::vector<std::string> warnings;
    bool poked = false;
    for (const InjectPoke& k : t.injecting->pokes) {
      if (k.at_entry != at_entry) continue;
      const std::string failed = "poke_tcb: Failed to tamper with process " + std::to_string(p) + ": ";
      if (!k.note.empty() || k.arg > 6) {
        emit_message(p, failed + (k.note.empty() ? "no argument #" + std::to_string(k.arg) : k.note), 0);
        continue;
      }
      const size_t n = write_tracee(p, t.args[k.arg - 1], k.data.data(), k.data.size(), warnings);
      for (const std::string& w : warnings) emit_message(p, w, 0);
      warnings.clear();
      if (n == 0) emit_message(p, failed + "couldn't poke", 0);
      else poked = true;
    }
    if (poked) t.exit_flags |= rf::kExitPoked;
  }

  // The rest of strace's tamper_with_syscall_entering, once the entry is recorded: the entry
  // delay is slept, and the signal is returned for the resume to deliver.
  int inject_at_entry(pid_t p, ThreadState& t) {
    const InjectAction* a = t.injecting;
    int sig = (a->flags & rf::kInjectSignal) ? static_cast<int>(a->signo) : 0;
    // A signal given when resuming from a seccomp stop (a ptrace-event stop) is dropped by the
    // kernel; from a syscall stop it is sent (si_code SI_KERNEL, as strace's): hold it until the
    // exit stop.
    if (t.by_seccomp) {
      t.exit_signal = sig;
      sig = 0;
    }
    if (a->flags & rf::kInjectDelayEnter) {
      t.exit_flags |= rf::kExitDelayed;
      delayed.push_back(Delayed{p, monotonic_ns() + a->delay_enter_ns, false, 0, 0, false, sig});
      return kKeepStopped;
    }
    return sig;
  }

  // strace's tamper_with_syscall_exiting (after any exit delay): the injected result in rax.
  void inject_at_exit(pid_t p, ThreadState& t, int64_t& rval, bool& failed) {
    const InjectAction* a = t.injecting;
    if (!(a->flags & (rf::kInjectError | rf::kInjectRetval))) return;
    if (a->flags & rf::kInjectRetval) {
      rval = static_cast<int64_t>(a->retval);
      failed = false;
    } else {
      rval = -static_cast<int64_t>(a->error);
      failed = true;
    }
    ptrace(PTRACE_POKEUSER, p, reinterpret_cast<void*>(kRaxOffset), reinterpret_cast<void*>(rval));
  }

  // Resumes the delayed tracees whose time has come (all of them when detaching), finishing a
  // delayed exit stop first: its record is written now, with the time after the delay.
  void service_delays() {
    if (delayed.empty()) return;
    const uint64_t t_now = monotonic_ns();
    for (size_t i = 0; i < delayed.size();) {
      if (!detaching && delayed[i].due_ns > t_now) {
        i++;
        continue;
      }
      const Delayed d = delayed[i];
      delayed.erase(delayed.begin() + static_cast<std::ptrdiff_t>(i));
      auto it = threads.find(d.pid);
      if (it == threads.end()) continue;  // it died meanwhile (SIGKILL ends a stop)
      now = realtime_ns();
      const int sig = d.at_exit ? finish_exit(d.pid, it->second, true, d.arch, d.rval, d.failed) : d.sig;
      resume(d.pid, it->second, sig);
    }
  }

  // How long the loop may sleep before the next delayed tracee is due (at most 1 ms: stops of
  // the other tracees are polled meanwhile).
  uint64_t delay_poll_ns() const {
    uint64_t next = 1000000;
    const uint64_t t_now = monotonic_ns();
    for (const auto& d : delayed) next = std::min(next, d.due_ns > t_now ? d.due_ns - t_now : 0);
    return next;
  }

  // Returns the thread id the exec'ing thread has now.
  pid_t on_exec(pid_t p) {
    unsigned long former = static_cast<unsigned long>(p);
    ptrace(PTRACE_GETEVENTMSG, p, nullptr, &former);
    pid_t old = static_cast<pid_t>(former);
    if (old != p) {
      // A non-leader thread exec'd: it now has the leader's id; the old leader is gone
      // without an exit report.
      auto it = threads.find(old);
      if (it != threads.end()) {
        threads[p] = it->second;
        threads.erase(old);
      }
      owner.remove_live(old);
    }
    if (p == initial) exec_seen = true;
    if (stacks) stacks->mappings_changed();
    if (!threads[p].hidden) {
      emit_pair(rf::kExec, p, static_cast<uint32_t>(old), 0);
      emit_comm(p);
    }
    return p;
  }

  void on_new_process(pid_t p, unsigned event, bool hidden) {
    unsigned long msg = 0;
    if (ptrace(PTRACE_GETEVENTMSG, p, nullptr, &msg) < 0) return;
    pid_t child = static_cast<pid_t>(msg);
    uint32_t how = event == PTRACE_EVENT_FORK ? rf::kFork : event == PTRACE_EVENT_VFORK ? rf::kVfork : rf::kClone;
    if (!hidden && opts.follow_forks) {
      emit_pair(rf::kNewProcess, p, static_cast<uint32_t>(child), how);
      emit_comm(child);
    }
    // The child may have reported (its first stop, even its exit, reaped and erased) before this
    // event: waitpid(-1) hands out the newest tracee's stops first. Only a child that is still
    // our tracee is added, or the loop would wait forever for a tid that is gone (the waker
    // keeps waitpid from failing with ECHILD).
    // The filter is inherited: the command's descendants carry it, -p processes' never do.
    const bool filtered = threads[p].seccomp;
    if (auto known = threads.find(child); known != threads.end()) known->second.seccomp = filtered;
    if (threads.find(child) == threads.end() && is_tracee(child)) {
      seq_of(child);
      ThreadState& c = threads[child];
      c.startup = true;
      c.seccomp = filtered;
      // Without -f a child is only followed for its filter's sake (see spawn): never reported.
      c.hidden = hidden || !opts.follow_forks;
      // strace without -f asks for no children: one its parent cloned with CLONE_PTRACE stops
      // unknown and is detached with this message. Here the inherited filter keeps it traced
      // (detached, its selected syscalls would fail with ENOSYS), hidden as strace's untraced one.
      if (!hidden && !opts.follow_forks && cloned_with_ptrace(p))
        emit_message(child, "Detached unknown pid " + std::to_string(child), rf::kMessageQuietAttach);
      // The command's CLONE_PARENT child is tstrace's own: strace, not tracing it, reaps it.
      // A thread of the command shows the command's parent (us) as its parent too: not a child.
      c.own_child = c.hidden && p == initial && !owner.attach_mode_ && parent_of(child) == getpid() &&
                    !thread_of(p, child);
      owner.add_live(child);
    }
  }

  // Whether the clone/clone3 that `parent` (stopped at its fork event) is in carries CLONE_PTRACE.
  static bool cloned_with_ptrace(pid_t parent) {
    struct user_regs_struct regs;
    if (ptrace(PTRACE_GETREGS, parent, nullptr, &regs) < 0) return false;
    uint64_t flags = 0;
    if (regs.cs == 0x23) {
      if (regs.orig_rax != kI386NrClone) return false;  // i386's clone: flags in ebx
      flags = regs.rbx & 0xffffffffu;
    } else if (regs.orig_rax == SYS_clone) {
      flags = regs.rdi;
    } else if (regs.orig_rax == kNrClone3) {
      MemoryReader mem(parent);  // struct clone_args begins with its u64 flags
      if (mem.read(regs.rdi, &flags, sizeof flags) != sizeof flags) return false;
    } else {
      return false;
    }
    return (flags & CLONE_PTRACE) != 0;
  }

  // The parent pid /proc/PID/stat gives (its fourth field), or -1.
  // Whether `tid` is a thread of `pid`'s process.
  static bool thread_of(pid_t pid, pid_t tid) {
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/task/%d", static_cast<int>(pid), static_cast<int>(tid));
    return access(path, F_OK) == 0;
  }

  static pid_t parent_of(pid_t pid) {
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/stat", static_cast<int>(pid));
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    char buf[512];
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) return -1;
    buf[n] = '\0';
    const char* close_paren = std::strrchr(buf, ')');  // the name may hold spaces and parens
    int ppid = -1;
    if (close_paren == nullptr || std::sscanf(close_paren + 1, " %*c %d", &ppid) != 1) return -1;
    return ppid;
  }

  // Whether `tid` is still a tracee (or an unreaped dead one) of this thread: waitid(WNOWAIT)
  // consumes nothing and fails with ECHILD for a tid that was reaped or is not ours.
  static bool is_tracee(pid_t tid) {
    siginfo_t si;
    for (;;) {
      std::memset(&si, 0, sizeof si);
      if (waitid(P_PID, static_cast<id_t>(tid), &si, WEXITED | WSTOPPED | WNOHANG | WNOWAIT | __WALL | __WNOTHREAD) == 0) {
        return true;
      }
      if (errno != EINTR) return errno != ECHILD;
    }
  }

  // --decode-pids: the sender's or child's si_pid, resolved now (it may be gone when the decoder
  // prints it), as a PID capture after the siginfo; codes without a si_pid write nothing.
  void signal_pid(rf::RecordWriter& w, pid_t p, int sig, const siginfo_t& si) {
    uint32_t decode = opts.plan ? opts.plan->pid_decode() : 0;
    bool has_pid = (si.si_code <= 0 && si.si_code != SI_TIMER) || (sig == SIGCHLD && si.si_code != SI_KERNEL);
    if (decode == 0 || !has_pid || si.si_code == SI_KERNEL) return;
    size_t cap = w.begin_capture(0, rf::kPid);
    write_pid_body(w, pids, p, si.si_pid, si.si_pid, rf::kPtTgid, decode);
    w.end_capture(cap, rf::kOk);
  }

  // Where the thread stopped, for -i: strace reads the registers at every stop it prints, so a
  // signal's line shows where it arrived (a fault's own address), not the last syscall's ip.
  static bool ip_at_stop(pid_t p, uint64_t& ip) {
    SyscallInfo info;
    std::memset(&info, 0, sizeof info);
    if (ptrace(static_cast<enum __ptrace_request>(kGetSyscallInfo), p, reinterpret_cast<void*>(sizeof info), &info) <= 0)
      return false;
    ip = info.instruction_pointer;
    return true;
  }

  void emit_group_stop(pid_t p, int sig) {
    uint64_t ip = 0;
    const bool has_ip = ip_at_stop(p, ip);
    rf::RecordWriter w(batch);
    size_t start = w.begin_record(rf::kGroupStop, static_cast<uint32_t>(p), now);
    w.u32(static_cast<uint32_t>(sig));
    w.u32(has_ip ? rf::kSignalIp : 0);
    if (has_ip) w.u64(ip);
    w.end_record(start);
  }

  void on_signal(pid_t p, ThreadState& t, int sig) {
    siginfo_t si;
    std::memset(&si, 0, sizeof si);
    if (ptrace(PTRACE_GETSIGINFO, p, nullptr, &si) < 0) std::memset(&si, 0, sizeof si);
    if (!t.hidden) {
      uint64_t ip = 0;
      const bool has_ip = ip_at_stop(p, ip);
      rf::RecordWriter w(batch);
      size_t start = w.begin_record(rf::kSignal, static_cast<uint32_t>(p), now);
      w.u32(static_cast<uint32_t>(sig));
      w.u32(has_ip ? rf::kSignalIp : 0);
      w.bytes(&si, sizeof si);
      if (has_ip) w.u64(ip);
      signal_pid(w, p, sig, si);
      w.end_record(start);
      sample_stack(p, 0);
    }
    resume(p, t, sig);  // re-inject
  }

  // strace's count_syscall: the call's time is from its entry stop to its exit stop, less -O.
  void count(const ThreadState& t, bool failed) {
    const uint64_t nr = t.nr & ~kX32SyscallBit;
    if (nr >= kPlanMaxSyscalls) return;
    if (nr >= counts.size()) {
      const size_t old = counts.size();
      counts.resize(std::max<size_t>(nr + 1, 512));
      for (size_t i = old; i < counts.size(); i++) counts[i].nr = static_cast<uint32_t>(i);
    }
    SyscallTotals& c = counts[nr];
    const uint64_t spent = now > t.entered_ns ? now - t.entered_ns : 0;
    const uint64_t ns = spent > opts.count_overhead_ns ? spent - opts.count_overhead_ns : 0;
    if (c.calls == 0 || ns < c.min_ns) c.min_ns = ns;
    if (ns > c.max_ns) c.max_ns = ns;
    c.calls++;
    if (failed) c.errors++;
    c.total_ns += ns;
  }

  const std::vector<CaptureSpec>& specs_for(uint32_t arch, uint64_t nr) const {
    static const std::vector<CaptureSpec> kNone;
    if (!opts.plan || arch != rf::audit_arch::kX86_64) return kNone;
    return opts.plan->for_nr(nr);
  }

  // What the capture plan's specs are read against, at entry or (with the return value) at exit.
  SyscallFacts facts_of(pid_t p, const ThreadState& t, bool at_exit, int64_t rval) {
    SyscallFacts facts{};
    std::memcpy(facts.args, t.args, sizeof facts.args);
    facts.sp = t.sp;
    facts.rval = rval;
    facts.at_exit = at_exit;
    facts.tid = p;
    facts.proc_tid = pids.proc_entry(p);
    facts.fds = &fds;
    facts.pids = &pids;
    return facts;
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
      w.patch_u32(count_at, write_captures(w, mem, specs, facts_of(p, t, false, 0)));
    }
    w.end_record(start);
  }

  void emit_syscall_exit(pid_t p, const ThreadState& t, uint32_t arch, int64_t rval, bool failed, uint16_t flags) {
    rf::RecordWriter w(batch);
    size_t start = w.begin_record(rf::kSyscallExit, static_cast<uint32_t>(p), now, flags);
    w.u32(arch);
    w.u32(static_cast<uint32_t>(t.nr));
    w.i64(rval);
    w.u32(failed ? 1 : 0);
    size_t count_at = w.size();
    w.u32(0);
    const auto& specs = specs_for(arch, t.nr);
    // A failed call wrote nothing worth reading, except one a signal interrupted (ERESTARTSYS,
    // ERESTARTNOINTR, ERESTARTNOHAND, ERESTART_RESTARTBLOCK): nanosleep's remaining time; and
    // E2BIG from an extensible struct's call (sched_setattr, perf_event_open's attr), which writes
    // back the size it knows.
    const bool restart = rval == -512 || rval == -513 || rval == -514 || rval == -516;
    const bool e2big = rval == -7;
    if ((!failed || restart || e2big) && !specs.empty()) {
      MemoryReader mem(p);
      w.patch_u32(count_at, write_captures(w, mem, specs, facts_of(p, t, true, rval)));
    }
    w.end_record(start);
  }

  // The second word names the thread's last syscall (+1, 0 for none): -n prints it on the
  // `+++ exited` line even when that syscall (exit_group) was filtered out of the records.
  void emit_exit(pid_t p, int st) {
    auto it = threads.find(p);
    // A child followed only for its filter's sake is never reported; the command itself always is
    // (even hidden: its exec failed).
    if (it != threads.end() && it->second.hidden && p != initial) return;
    if (it == threads.end() && seqs.count(p) == 0) return;  // never a tracee: "Exit of unknown pid"
    uint32_t last = it != threads.end() && it->second.seen_syscall ? static_cast<uint32_t>(it->second.nr) + 1 : 0;
    emit_pair(rf::kExit, p, static_cast<uint32_t>(st), last);
  }

  // -k: MAPS when due, then STACK, for the stopped thread p.
  void sample_stack(pid_t p, uint16_t flags) {
    if (!stacks) return;
    rf::RecordWriter w(batch);
    stacks->sample(w, p, now, flags);
  }

  void emit_pair(uint16_t type, pid_t p, uint32_t a, uint32_t b) {
    rf::RecordWriter w(batch);
    size_t start = w.begin_record(type, static_cast<uint32_t>(p), now);
    w.u32(a);
    w.u32(b);
    w.end_record(start);
  }

  // --decode-pids=comm: the thread's name as strace's load_pid_comm reads it (no newline); nothing
  // when the thread is gone or the option is off.
  void emit_comm(pid_t p) {
    if (!opts.decode_comm) return;
    char path[32];
    snprintf(path, sizeof path, "/proc/%d/comm", static_cast<int>(p));
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    char buf[64];
    ssize_t n = read(fd, buf, sizeof buf);
    close(fd);
    if (n <= 0) return;
    while (n > 0 && buf[n - 1] == '\n') n--;
    rf::RecordWriter w(batch);
    size_t start = w.begin_record(rf::kComm, static_cast<uint32_t>(p), now);
    w.bytes(buf, static_cast<size_t>(n));
    w.end_record(start);
  }

  void emit_message(pid_t p, const std::string& text, uint16_t flags) {
    rf::RecordWriter w(batch);
    size_t start = w.begin_record(rf::kMessage, static_cast<uint32_t>(p), now, flags);
    w.bytes(text.data(), text.size());
    w.end_record(start);
  }
};

std::string errno_text(int err) {
  char buf[256];
  // GNU strerror_r returns the message (possibly not in buf).
  return std::string(strerror_r(err, buf, sizeof buf));
}

std::string resolve_command(const std::string& filename, const char* path_env) {
  // strace's startup_child: a name longer than its PATH_MAX buffer fails before any search.
  if (filename.size() > PATH_MAX - 1) throw SpawnError("exec: " + errno_text(ENAMETOOLONG), ENAMETOOLONG);
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
  shutdown();
  join();
}

pid_t Tracer::wait_started() {
  std::unique_lock<std::mutex> lock(mu_);
  started_cv_.wait(lock, [this] { return start_state_ != Start::kPending; });
  if (start_state_ == Start::kFailed) {
    lock.unlock();
    thread_.join();
    throw SpawnError(start_error_, start_errno_);
  }
  return start_pid_;
}

pid_t Tracer::start(SpawnSpec spec, BatchSink* sink) {
  if (thread_.joinable()) throw std::logic_error("Tracer::start called twice");
  mixed_ = !spec.attach_pids.empty();
  thread_ = std::thread(&Tracer::run, this, std::move(spec), sink);
  return wait_started();
}

pid_t Tracer::attach(AttachSpec spec, BatchSink* sink) {
  if (thread_.joinable()) throw std::logic_error("Tracer::attach called twice");
  attach_mode_ = true;
  until_exec_ = spec.until_exec;
  thread_ = std::thread(&Tracer::run_attach, this, std::move(spec), sink);
  return wait_started();
}

void Tracer::fail_start(const std::string& what, int err) {
  std::lock_guard<std::mutex> lock(mu_);
  start_state_ = Start::kFailed;
  start_error_ = what;
  start_errno_ = err;
  started_cv_.notify_all();
}

void Tracer::start_ok(pid_t pid) {
  std::lock_guard<std::mutex> lock(mu_);
  start_state_ = Start::kOk;
  start_pid_ = pid;
  started_cv_.notify_all();
}

void Tracer::kill() {
  std::lock_guard<std::mutex> lock(mu_);
  killed_ = true;
  for (pid_t pid : live_) ::kill(pid, SIGKILL);
}

void Tracer::detach() {
  std::lock_guard<std::mutex> lock(mu_);
  if (detach_requested_) return;
  detach_requested_ = true;
  if (wake_fd_ >= 0) send(wake_fd_, "d", 1, MSG_NOSIGNAL | MSG_DONTWAIT);
}

void Tracer::interrupt(int sig) {
  std::lock_guard<std::mutex> lock(mu_);
  if (detach_requested_) return;
  detach_requested_ = true;
  interrupt_signal_ = sig;
  if (wake_fd_ >= 0) send(wake_fd_, "d", 1, MSG_NOSIGNAL | MSG_DONTWAIT);
}

void Tracer::interrupt_on_caught_signals() { interrupt_on_signal_.store(true); }

int Tracer::caught_interrupt() { return interrupt_on_signal_.load() ? g_caught_signal.load() : 0; }

void Tracer::hook_interrupt_signals(const std::vector<int>& sigs) {
  init_wake_slots();
  for (int sig : sigs) {
    if (sig <= 0 || sig >= NSIG) continue;
    struct sigaction current;
    if (sigaction(sig, nullptr, &current) < 0) continue;
    if ((current.sa_flags & SA_SIGINFO) != 0 && current.sa_sigaction == interrupt_hook) continue;  // hooked already
    g_previous_actions[sig] = current;
    struct sigaction hook = current;
    hook.sa_sigaction = interrupt_hook;
    hook.sa_flags = (current.sa_flags | SA_SIGINFO) & ~SA_RESETHAND;
    sigaction(sig, &hook, nullptr);
  }
}

int Tracer::take_interrupt_signal() {
  std::lock_guard<std::mutex> lock(mu_);
  const int sig = interrupt_signal_;
  interrupt_signal_ = 0;
  return sig;
}

void Tracer::shutdown() {
  if (attach_mode_) {
    detach();
  } else if (mixed_) {
    interrupt(SIGKILL);  // the command dies, as by kill(); the -p processes run on
  } else {
    kill();
  }
}

bool Tracer::detach_requested() {
  std::lock_guard<std::mutex> lock(mu_);
  return detach_requested_;
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

// Tracer thread: forks the waker (a child of this thread, so this thread's waitpid sees it exit).
bool Tracer::start_waker() {
  int fds[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) < 0) return false;
  waker_stack_ = malloc(kWakerStack);
  if (waker_stack_ == nullptr) {
    close(fds[0]);
    close(fds[1]);
    return false;
  }
  waker_pid_ = clone(waker_main, static_cast<char*>(waker_stack_) + kWakerStack, CLONE_VM | SIGCHLD,
                     reinterpret_cast<void*>(static_cast<intptr_t>(fds[0])));
  close(fds[0]);  // the waker has its own copy
  if (waker_pid_ < 0) {
    int err = errno;
    close(fds[1]);
    free(waker_stack_);
    waker_stack_ = nullptr;
    errno = err;
    return false;
  }
  std::lock_guard<std::mutex> lock(mu_);
  wake_fd_ = fds[1];
  init_wake_slots();
  for (auto& slot : g_wake_fds) {
    int none = -1;
    if (slot.compare_exchange_strong(none, wake_fd_)) break;
  }
  if (detach_requested_) send(wake_fd_, "d", 1, MSG_NOSIGNAL | MSG_DONTWAIT);
  return true;
}

// Tracer thread, at the end: the waker sees EOF and exits; it is reaped before its stack goes.
void Tracer::stop_waker() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto& slot : g_wake_fds) {
      int mine = wake_fd_;
      if (mine >= 0 && slot.compare_exchange_strong(mine, -1)) break;
    }
    if (wake_fd_ >= 0) close(wake_fd_);
    wake_fd_ = -1;
  }
  if (waker_pid_ > 0) {
    int st;
    while (waitpid(waker_pid_, &st, __WALL) < 0 && errno == EINTR) {
    }
    waker_pid_ = -1;
  }
  free(waker_stack_);
  waker_stack_ = nullptr;
}

void Tracer::run(SpawnSpec spec, BatchSink* sink) {
  // Everything the child needs is built before fork: after it, only async-signal-safe calls.
  std::vector<char*> argv = c_strings(spec.argv);
  std::vector<char*> envp = c_strings(spec.env);
  const char* cwd = spec.cwd.empty() ? nullptr : spec.cwd.c_str();
  std::vector<sock_filter> filter;
  if (spec.seccomp && spec.has_trace_set) {
    // ptrace: without -f a followed child's PTRACE_TRACEME must be seen, to let it go (hand_over).
    std::vector<uint32_t> always{static_cast<uint32_t>(kNrExecve), static_cast<uint32_t>(kNrExecveat)};
    if (!spec.follow_forks) always.push_back(static_cast<uint32_t>(kNrPtrace));
    filter = build_seccomp_filter(spec.trace_set, always);
  }
  sock_fprog fprog{static_cast<unsigned short>(filter.size()), filter.data()};
  InheritedFds keep;
  if (spec.has_inherit_fds) keep = inherited_fds(spec.inherit_fds);

  if (!start_waker()) {
    fail_start("clone: " + errno_text(errno), errno);
    return;
  }
  reaps_orphans_ = TakeOrphans();  // before any tracee can leave an orphan
  // The child carries this thread's name until its execve, as strace's child carries "strace"
  // (what --decode-pids=comm prints for it then).
  prctl(PR_SET_NAME, "tstrace", 0, 0, 0);
  // Forked from this thread, so the child is this thread's own child and tracee.
  pid_t pid = fork();
  if (pid < 0) {
    int err = errno;
    stop_waker();
    fail_start("fork: " + errno_text(err), err);
    return;
  }
  if (pid == 0) {
    child_main(spec.path.c_str(), argv.data(), envp.data(), cwd, filter.empty() ? nullptr : &fprog,
               spec.has_inherit_fds ? &keep : nullptr, spec.ignored_signals, spec.has_user ? &spec : nullptr);
  }

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
    stop_waker();
    fail_start(w < 0 ? "waitpid: " + errno_text(err)
                     : "the child ended before tracing started (wait status " + std::to_string(st) + ")",
               err);
    return;
  }

  long options = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT;
  // strace's rule: tracees outlive the tracer (even its kill -9) unless --kill-on-exit, or they
  // carry our seccomp filter, whose SECCOMP_RET_TRACE syscalls would fail with ENOSYS untraced.
  if (spec.exit_kill || !filter.empty()) options |= PTRACE_O_EXITKILL;
  if (!filter.empty()) options |= PTRACE_O_TRACESECCOMP;
  // A filtered command's children inherit the filter, and a child nobody traces would get ENOSYS
  // from every selected syscall: without -f they are followed silently (hidden: nothing of them
  // is reported, every stop resumed at once), which is what lets a filter work without -f.
  if (spec.follow_forks || !filter.empty()) options |= PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE;
  if (ptrace(PTRACE_SEIZE, pid, nullptr, reinterpret_cast<void*>(options)) < 0) {
    int err = errno;
    ::kill(pid, SIGKILL);
    waitpid(pid, &st, __WNOTHREAD);
    stop_waker();
    fail_start("ptrace(PTRACE_SEIZE, " + std::to_string(pid) + "): " + errno_text(err), err);
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    live_.insert(pid);
  }
  Loop loop(*this, spec, sink, pid, true);
  loop.now = realtime_ns();
  loop.emit_comm(pid);  // still stopped: its name before the execve
  // strace -p with a command: the processes are attached once the command is forked, before it
  // goes on to its execve; none seized is no failure (strace says why and traces the command).
  if (!spec.attach_pids.empty())
    loop.announce(loop.seize_all(spec.attach_pids, attach_options(spec.exit_kill, spec.follow_forks), false));
  start_ok(pid);
  ::kill(pid, SIGCONT);  // end of the handshake: the child goes on to execve, traced

  loop.seccomp_wanted = !filter.empty();
  loop.run();
  stop_waker();
  sink->finished(loop.outcome);
}

void Tracer::run_attach(AttachSpec spec, BatchSink* sink) {
  if (!start_waker()) {
    fail_start("clone: " + errno_text(errno), errno);
    return;
  }
  Loop loop(*this, spec, sink, -1, false);
  const Loop::Seized seized = loop.seize_all(spec.pids, attach_options(spec.exit_kill, spec.follow_forks), spec.until_exec);
  if (seized.order.empty()) {
    std::string what;
    for (auto& e : seized.errors) what += (what.empty() ? "" : "\n") + e.second;
    stop_waker();
    fail_start(what, seized.first_errno);
    return;
  }
  loop.initial = seized.order.front().first;
  loop.announce(seized);
  start_ok(loop.initial);

  loop.run();
  stop_waker();
  sink->finished(loop.outcome);
}

}  // namespace tstrace
