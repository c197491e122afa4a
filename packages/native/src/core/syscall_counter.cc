#include "syscall_counter.h"

#include <fcntl.h>
#include <linux/perf_event.h>
#include <poll.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "bpf_syscall_stats.h"
#include "exec_prep.h"
#include "tracer.h"

namespace tstrace {
namespace {

// Where the kernel publishes tracepoint ids; perf itself mounts tracefs when it is missing.
constexpr const char* kTracefsDirs[] = {"/sys/kernel/tracing", "/sys/kernel/debug/tracing"};

// Samples: IDENTIFIER first (which event), then TID and TIME; the exit event adds RAW
// (common fields, long id, long ret). Every other record ends with the same three as sample_id.
constexpr uint64_t kEnterSampleType = PERF_SAMPLE_IDENTIFIER | PERF_SAMPLE_TID | PERF_SAMPLE_TIME;
constexpr uint64_t kExitSampleType = kEnterSampleType | PERF_SAMPLE_RAW;
constexpr size_t kRawIdOffset = 8;
constexpr size_t kRawRetOffset = 16;
constexpr size_t kSampleIdBytes = 24;  // pid/tid, time, identifier

// Events are merged across CPU buffers in time order; an event is processed once every buffer
// has certainly been read past its time: older than the previous round's start and than this.
constexpr uint64_t kReorderSlackNs = 20'000'000;
constexpr int kPollMs = 20;
// Default ring buffer: 16 MiB over all CPUs, 256 KiB to 8 MiB each (root locks them freely;
// an unprivileged CAP_PERFMON user may get less, see open_buffers).
constexpr uint64_t kBufferBudget = 16u << 20;
// rt_sigreturn restores the interrupted registers, orig_ax = -1 among them, before its exit
// tracepoint fires: an exit reporting id -1 is rt_sigreturn's (x86_64), which strace counts.
constexpr int64_t kNrRtSigreturn = 15;
constexpr uint32_t kNrExecve = 59;

uint64_t monotonic_ns() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000ull + static_cast<uint64_t>(ts.tv_nsec);
}

int perf_event_open(perf_event_attr* attr, pid_t pid, int cpu, int group, unsigned long flags) {
  return static_cast<int>(syscall(__NR_perf_event_open, attr, pid, cpu, group, flags));
}

// Reads a decimal id; false with errno set when the file cannot be read.
bool read_id(const std::string& file, uint64_t& id) {
  int fd = open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char buf[32] = {};
  ssize_t n = read(fd, buf, sizeof buf - 1);
  int err = errno;
  close(fd);
  if (n <= 0) {
    errno = n < 0 ? err : EINVAL;
    return false;
  }
  id = std::strtoull(buf, nullptr, 10);
  return true;
}

// Both sources read tracepoint ids and formats from tracefs; root mounts it where it is missing
// (a fresh machine may not have it mounted), as perf itself does.
void ensure_tracefs() {
  if (geteuid() != 0) return;
  struct stat st;
  for (const char* dir : kTracefsDirs) {
    if (stat((std::string(dir) + "/events").c_str(), &st) == 0) return;
  }
  mount("nodev", kTracefsDirs[0], "tracefs", 0, nullptr);
}

// The ids of raw_syscalls:sys_enter and sys_exit, from tracefs.
void tracepoint_ids(uint64_t& enter, uint64_t& exit) {
  int err = ENOENT;
  for (const char* dir : kTracefsDirs) {
    std::string base = std::string(dir) + "/events/raw_syscalls/";
    if (read_id(base + "sys_enter/id", enter) && read_id(base + "sys_exit/id", exit)) return;
    // The first directory's reason is the one to report (the second is its older alias).
    if (dir == kTracefsDirs[0] || err == ENOENT) err = errno;
  }
  throw CountingUnavailable(
      "cannot read tracepoint raw_syscalls:sys_enter's id in /sys/kernel/tracing: " + errno_text(err), err);
}

// Online CPUs from /sys/devices/system/cpu/online ("0-3,5").
std::vector<int> online_cpus() {
  std::vector<int> cpus;
  std::ifstream in("/sys/devices/system/cpu/online");
  std::string text;
  if (in >> text) {
    std::stringstream parts(text);
    std::string part;
    while (std::getline(parts, part, ',')) {
      size_t dash = part.find('-');
      int lo = std::atoi(part.c_str());
      int hi = dash == std::string::npos ? lo : std::atoi(part.c_str() + dash + 1);
      for (int c = lo; c <= hi; c++) cpus.push_back(c);
    }
  }
  if (cpus.empty()) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    for (int c = 0; c < std::max(1L, n); c++) cpus.push_back(c);
  }
  return cpus;
}

perf_event_attr make_attr(uint64_t config, bool exit, const CountSpec& spec, uint64_t watermark_bytes) {
  perf_event_attr attr;
  std::memset(&attr, 0, sizeof attr);
  attr.size = sizeof attr;
  attr.type = PERF_TYPE_TRACEPOINT;
  attr.config = config;
  attr.sample_period = 1;
  attr.sample_type = exit ? kExitSampleType : kEnterSampleType;
  attr.sample_id_all = 1;
  attr.inherit = spec.follow_forks ? 1 : 0;
  // Timestamps comparable with clock_gettime(CLOCK_MONOTONIC): the reorder watermark needs that.
  attr.use_clockid = 1;
  attr.clockid = CLOCK_MONOTONIC;
  attr.watermark = 1;
  attr.wakeup_watermark = static_cast<uint32_t>(watermark_bytes);
  if (exit) {
    // Exits count from the command's own execve on (its exit is the first), as strace counts:
    // the held child's calls before it never return while the exit event is armed.
    attr.disabled = 1;
    attr.enable_on_exec = 1;
  } else {
    // Entries are recorded from the start, so the execve's own entry pairs with its exit.
    attr.context_switch = spec.wall_clock ? 0 : 1;  // off-CPU time is not syscall CPU time
    attr.task = spec.follow_forks ? 1 : 0;          // FORK/EXIT records: who is still alive
  }
  return attr;
}

// A tracepoint filter for the selected syscall numbers ("id == 1 || (id >= 3 && id <= 9)").
std::string filter_for(const std::vector<uint8_t>& set) {
  std::string out;
  size_t bits = set.size() * 8;
  for (size_t nr = 0; nr < bits;) {
    if (!(set[nr >> 3] & (1u << (nr & 7)))) {
      nr++;
      continue;
    }
    size_t end = nr;
    while (end + 1 < bits && (set[(end + 1) >> 3] & (1u << ((end + 1) & 7)))) end++;
    if (!out.empty()) out += " || ";
    out += end == nr ? "id == " + std::to_string(nr)
                     : "(id >= " + std::to_string(nr) + " && id <= " + std::to_string(end) + ")";
    nr = end + 1;
  }
  if (out.empty()) return "id == -2";  // matches nothing: no syscall selected
  // See kNrRtSigreturn: its exit says -1.
  if (set.size() * 8 > kNrRtSigreturn && (set[kNrRtSigreturn >> 3] & (1u << (kNrRtSigreturn & 7)))) out += " || id == -1";
  return out;
}

bool selected(const CountSpec& spec, int64_t nr) {
  if (!spec.has_trace_set) return true;
  if (nr < 0 || static_cast<uint64_t>(nr) >= spec.trace_set.size() * 8) return false;
  return (spec.trace_set[nr >> 3] & (1u << (nr & 7))) != 0;
}

enum class Kind : uint8_t { kEnter, kExit, kSwitchOut, kSwitchIn, kFork, kTaskExit };

struct Event {
  uint64_t time;
  uint32_t tid;
  Kind kind;
  int64_t nr;
  int64_t ret;
};

struct ThreadTimes {
  bool in_call = false;
  bool off_cpu = false;
  uint64_t entered = 0;
  uint64_t switched_out = 0;
  uint64_t off_ns = 0;  // switched out since the entry
};

// One CPU's ring buffer: the enter event owns the mmap, the exit event writes into it.
struct Buffer {
  int enter_fd = -1;
  int exit_fd = -1;
  void* base = nullptr;
  size_t map_bytes = 0;
  perf_event_mmap_page* meta = nullptr;
  uint8_t* data = nullptr;
  uint64_t size = 0;
};

// Raised when perf is refused; carries the errno for the message.
[[noreturn]] void refuse(const std::string& what, int err) {
  throw CountingUnavailable(what + ": " + errno_text(err), err);
}

// Runs in the forked child: async-signal-safe calls only.
[[noreturn]] void child_main(const char* path, char* const* argv, char* const* envp, const char* cwd,
                             int release_fd, int error_fd, pid_t parent) {
  restore_exec_signals();
  inherit_stdio();
  // No parent-death signal: under strace -c a tracee outlives a killed strace (no EXITKILL without
  // --kill-on-exit or a seccomp filter), and so does the counted command. Only a parent that died
  // before releasing it means the command must not run at all.
  if (getppid() != parent) _exit(127);
  char go = 0;
  ssize_t n;
  do {
    n = read(release_fd, &go, 1);
  } while (n < 0 && errno == EINTR);
  if (n != 1) _exit(127);  // the parent gave up: the command never runs
  if (cwd != nullptr && chdir(cwd) < 0) _exit(1);
  execve(path, argv, envp);
  int err = errno;
  ssize_t ignored = write(error_fd, &err, sizeof err);
  (void)ignored;
  _exit(1);  // strace's child exits 1 when exec fails
}

}  // namespace

// The counting thread's state.
struct SyscallCounter::Run {
  const CountSpec& spec;
  pid_t root;
  std::vector<Buffer> buffers;
  std::unordered_set<uint64_t> enter_ids;
  std::unordered_set<uint64_t> exit_ids;
  std::vector<Event> pending;
  std::vector<uint8_t> scratch;
  std::unordered_map<uint32_t, ThreadTimes> threads;
  std::unordered_set<uint32_t> alive;  // follow_forks: tasks whose EXIT is not yet seen
  std::map<uint32_t, SyscallTotals> rows;
  uint64_t lost = 0;

  Run(const CountSpec& s, pid_t pid) : spec(s), root(pid) {}

  ~Run() {
    for (Buffer& b : buffers) {
      if (b.base != nullptr) munmap(b.base, b.map_bytes);
      if (b.exit_fd >= 0) close(b.exit_fd);
      if (b.enter_fd >= 0) close(b.enter_fd);
    }
  }

  // Opens both events on every CPU for `root` and maps the buffers. Throws CountingUnavailable.
  void open_buffers(uint64_t enter_config, uint64_t exit_config) {
    std::vector<int> cpus = online_cpus();
    long page = sysconf(_SC_PAGESIZE);
    uint64_t pages = spec.buffer_pages;
    if (pages == 0) {
      pages = std::clamp<uint64_t>(kBufferBudget / cpus.size() / page, 64, 2048);
    }
    while (pages & (pages - 1)) pages &= pages - 1;  // a power of two, as perf requires
    std::string filter = spec.has_trace_set ? filter_for(spec.trace_set) : std::string();
    for (int cpu : cpus) {
      Buffer b;
      perf_event_attr enter = make_attr(enter_config, false, spec, pages * page / 4);
      perf_event_attr exit = make_attr(exit_config, true, spec, pages * page / 4);
      b.enter_fd = perf_event_open(&enter, root, cpu, -1, PERF_FLAG_FD_CLOEXEC);
      if (b.enter_fd < 0) {
        int err = errno;
        buffers.push_back(b);
        refuse("perf_event_open(raw_syscalls:sys_enter)", err);
      }
      b.exit_fd = perf_event_open(&exit, root, cpu, -1, PERF_FLAG_FD_CLOEXEC);
      if (b.exit_fd < 0) {
        int err = errno;
        buffers.push_back(b);
        refuse("perf_event_open(raw_syscalls:sys_exit)", err);
      }
      buffers.push_back(b);
      Buffer& mine = buffers.back();
      // A smaller buffer when the locked-memory allowance (perf_event_mlock_kb) says no.
      for (uint64_t try_pages = pages;; try_pages /= 2) {
        mine.map_bytes = (try_pages + 1) * page;
        void* p = mmap(nullptr, mine.map_bytes, PROT_READ | PROT_WRITE, MAP_SHARED, mine.enter_fd, 0);
        if (p != MAP_FAILED) {
          mine.base = p;
          break;
        }
        if (errno != EPERM || try_pages <= 1) refuse("mmap(perf ring buffer)", errno);
      }
      mine.meta = static_cast<perf_event_mmap_page*>(mine.base);
      mine.data = static_cast<uint8_t*>(mine.base) + page;
      mine.size = mine.map_bytes - page;
      if (ioctl(mine.exit_fd, PERF_EVENT_IOC_SET_OUTPUT, mine.enter_fd) < 0) refuse("PERF_EVENT_IOC_SET_OUTPUT", errno);
      uint64_t id = 0;
      if (ioctl(mine.enter_fd, PERF_EVENT_IOC_ID, &id) < 0) refuse("PERF_EVENT_IOC_ID", errno);
      enter_ids.insert(id);
      if (ioctl(mine.exit_fd, PERF_EVENT_IOC_ID, &id) < 0) refuse("PERF_EVENT_IOC_ID", errno);
      exit_ids.insert(id);
      // In-kernel filtering spares the tracee the cost of unselected calls; if the kernel
      // refuses the filter, the same selection is applied here on every exit anyway.
      if (!filter.empty()) {
        ioctl(mine.enter_fd, PERF_EVENT_IOC_SET_FILTER, filter.c_str());
        ioctl(mine.exit_fd, PERF_EVENT_IOC_SET_FILTER, filter.c_str());
      }
    }
  }

  // Copies every record now in the buffers into `pending` and frees their space.
  void drain() {
    for (Buffer& b : buffers) {
      uint64_t head = __atomic_load_n(&b.meta->data_head, __ATOMIC_ACQUIRE);
      uint64_t tail = b.meta->data_tail;
      while (tail < head) {
        size_t at = tail % b.size;
        perf_event_header h;
        uint8_t head_bytes[sizeof h];
        for (size_t i = 0; i < sizeof h; i++) head_bytes[i] = b.data[(at + i) % b.size];
        std::memcpy(&h, head_bytes, sizeof h);
        if (h.size < sizeof h) break;  // cannot happen; never spin on a corrupt header
        const uint8_t* rec;
        if (at + h.size <= b.size) {
          rec = b.data + at;
        } else {
          scratch.resize(h.size);
          size_t first = b.size - at;
          std::memcpy(scratch.data(), b.data + at, first);
          std::memcpy(scratch.data() + first, b.data, h.size - first);
          rec = scratch.data();
        }
        parse(rec, h);
        tail += h.size;
      }
      __atomic_store_n(&b.meta->data_tail, tail, __ATOMIC_RELEASE);
    }
  }

  static uint64_t u64_at(const uint8_t* p) {
    uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }
  static uint32_t u32_at(const uint8_t* p) {
    uint32_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }

  void parse(const uint8_t* rec, const perf_event_header& h) {
    const uint8_t* body = rec + sizeof h;
    size_t len = h.size - sizeof h;
    switch (h.type) {
      case PERF_RECORD_SAMPLE: {
        if (len < 24) return;
        uint64_t id = u64_at(body);
        uint32_t tid = u32_at(body + 12);
        uint64_t time = u64_at(body + 16);
        if (enter_ids.count(id)) {
          pending.push_back({time, tid, Kind::kEnter, 0, 0});
        } else if (exit_ids.count(id) && len >= 28) {
          uint32_t raw_size = u32_at(body + 24);
          if (raw_size < kRawRetOffset + 8 || len < 28 + raw_size) return;
          const uint8_t* raw = body + 28;
          pending.push_back({time, tid, Kind::kExit, static_cast<int64_t>(u64_at(raw + kRawIdOffset)),
                             static_cast<int64_t>(u64_at(raw + kRawRetOffset))});
        }
        return;
      }
      case PERF_RECORD_LOST:
        if (len >= 16) lost += u64_at(body + 8);
        return;
      case PERF_RECORD_LOST_SAMPLES:
        if (len >= 8) lost += u64_at(body);
        return;
      case PERF_RECORD_SWITCH: {
        if (len < kSampleIdBytes) return;
        const uint8_t* sid = body + len - kSampleIdBytes;
        bool out = (h.misc & PERF_RECORD_MISC_SWITCH_OUT) != 0;
        pending.push_back({u64_at(sid + 8), u32_at(sid + 4), out ? Kind::kSwitchOut : Kind::kSwitchIn, 0, 0});
        return;
      }
      case PERF_RECORD_FORK:
      case PERF_RECORD_EXIT: {
        // u32 pid, ppid, tid, ptid; u64 time
        if (len < 24) return;
        pending.push_back({u64_at(body + 16), u32_at(body + 8),
                           h.type == PERF_RECORD_FORK ? Kind::kFork : Kind::kTaskExit, 0, 0});
        return;
      }
      default:
        return;
    }
  }

  // Applies the pending events older than `watermark` (all of them when it is UINT64_MAX).
  void process(uint64_t watermark) {
    std::stable_sort(pending.begin(), pending.end(), [](const Event& a, const Event& b) { return a.time < b.time; });
    size_t n = 0;
    for (; n < pending.size() && pending[n].time < watermark; n++) apply(pending[n]);
    pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(n));
  }

  void apply(const Event& e) {
    switch (e.kind) {
      case Kind::kEnter: {
        ThreadTimes& t = threads[e.tid];
        t.in_call = true;
        t.entered = e.time;
        t.off_ns = 0;
        return;
      }
      case Kind::kExit: {
        auto it = threads.find(e.tid);
        // An exit without its entry is a new child's return from fork/clone (strace does not
        // count it either) or one whose entry was lost.
        if (it == threads.end() || !it->second.in_call) return;
        ThreadTimes& t = it->second;
        t.in_call = false;
        int64_t nr = e.nr == -1 ? kNrRtSigreturn : e.nr;
        if (!selected(spec, nr)) return;
        uint64_t ns = e.time > t.entered ? e.time - t.entered : 0;
        if (!spec.wall_clock) ns = ns > t.off_ns ? ns - t.off_ns : 0;
        ns = ns > spec.overhead_ns ? ns - spec.overhead_ns : 0;
        count(static_cast<uint32_t>(nr), ns, e.ret < 0 && e.ret >= -4095);
        return;
      }
      case Kind::kSwitchOut: {
        ThreadTimes& t = threads[e.tid];
        t.off_cpu = true;
        t.switched_out = e.time;
        return;
      }
      case Kind::kSwitchIn: {
        ThreadTimes& t = threads[e.tid];
        if (t.off_cpu && t.in_call && e.time > t.switched_out) t.off_ns += e.time - t.switched_out;
        t.off_cpu = false;
        return;
      }
      case Kind::kFork:
        alive.insert(e.tid);
        return;
      case Kind::kTaskExit:
        alive.erase(e.tid);
        threads.erase(e.tid);
        return;
    }
  }

  void count(uint32_t nr, uint64_t ns, bool error) {
    auto [it, fresh] = rows.try_emplace(nr);
    SyscallTotals& r = it->second;
    if (fresh) {
      r.nr = nr;
      r.min_ns = ns;
      r.max_ns = ns;
    }
    r.calls++;
    if (error) r.errors++;
    r.total_ns += ns;
    r.min_ns = std::min(r.min_ns, ns);
    r.max_ns = std::max(r.max_ns, ns);
  }

  // Drops tasks that are gone although their EXIT record never came (it may have been lost).
  void prune_alive() {
    for (auto it = alive.begin(); it != alive.end();) {
      std::ifstream stat("/proc/" + std::to_string(*it) + "/stat");
      std::string line;
      bool gone = !std::getline(stat, line);
      if (!gone) {
        size_t close_paren = line.rfind(')');
        char state = close_paren != std::string::npos && close_paren + 2 < line.size() ? line[close_paren + 2] : '?';
        gone = state == 'Z' || state == 'X';
      }
      it = gone ? alive.erase(it) : std::next(it);
    }
  }
};

SyscallCounter::~SyscallCounter() {
  kill();
  join();
}

pid_t SyscallCounter::start(CountSpec spec, Done done) {
  int efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (efd < 0) throw std::runtime_error("eventfd: " + errno_text(errno));
  {
    std::lock_guard<std::mutex> lock(mu_);
    wake_fd_ = efd;
  }
  thread_ = std::thread(&SyscallCounter::run, this, std::move(spec), std::move(done));
  std::unique_lock<std::mutex> lock(mu_);
  started_cv_.wait(lock, [this] { return start_state_ != Start::kPending; });
  if (start_state_ == Start::kOk) return pid_;
  Start state = start_state_;
  std::string what = start_error_;
  int err = start_errno_;
  lock.unlock();
  join();
  if (state == Start::kUnavailable) throw CountingUnavailable(what, err);
  throw SpawnError(what, err);
}

void SyscallCounter::wake() {
  int fd = wake_fd_;
  if (fd >= 0) {
    uint64_t one = 1;
    ssize_t ignored = write(fd, &one, sizeof one);
    (void)ignored;
  }
}

void SyscallCounter::kill() {
  std::lock_guard<std::mutex> lock(mu_);
  stop_ = true;
  if (!reaped_ && pid_ > 0) ::kill(pid_, SIGKILL);
  for (pid_t tid : live_) ::kill(tid, SIGKILL);
  wake();
}

void SyscallCounter::join() {
  if (thread_.joinable()) thread_.join();
  std::lock_guard<std::mutex> lock(mu_);
  if (wake_fd_ >= 0) close(wake_fd_);
  wake_fd_ = -1;
}

void SyscallCounter::run(CountSpec spec, Done done) {
  auto fail_start = [this](Start state, const std::string& what, int err) {
    std::lock_guard<std::mutex> lock(mu_);
    start_state_ = state;
    start_error_ = what;
    start_errno_ = err;
    started_cv_.notify_all();
  };
  ensure_tracefs();
  // In-kernel counting first: it never loses an event and costs the tracee least.
  std::unique_ptr<BpfSyscallStats> bpf;
  std::string bpf_refusal;  // why eBPF could not be used, for the message when nothing can
  if (spec.source != CountSpec::Source::kRingBuffers) {
    try {
      bpf = std::make_unique<BpfSyscallStats>(BpfStatsConfig{spec.follow_forks, spec.wall_clock, spec.overhead_ns});
    } catch (const CountingUnavailable& e) {
      if (spec.source == CountSpec::Source::kBpf) {
        fail_start(Start::kUnavailable, e.what(), e.error_number());
        return;
      }
      bpf_refusal = std::string("eBPF: ") + e.what() + "; ring buffers: ";
    }
  }
  uint64_t enter_config = 0, exit_config = 0;
  if (!bpf) {
    try {
      tracepoint_ids(enter_config, exit_config);
    } catch (const CountingUnavailable& e) {
      fail_start(Start::kUnavailable, bpf_refusal + e.what(), e.error_number());
      return;
    }
  }
  std::vector<char*> argv = c_strings(spec.argv);
  std::vector<char*> envp = c_strings(spec.env);
  const char* cwd = spec.cwd.empty() ? nullptr : spec.cwd.c_str();
  int release[2], errpipe[2];
  if (pipe2(release, O_CLOEXEC) < 0) {
    fail_start(Start::kFailed, "pipe: " + errno_text(errno), errno);
    return;
  }
  if (pipe2(errpipe, O_CLOEXEC) < 0) {
    int err = errno;
    close(release[0]);
    close(release[1]);
    fail_start(Start::kFailed, "pipe: " + errno_text(err), err);
    return;
  }
  pid_t self = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    int err = errno;
    for (int fd : {release[0], release[1], errpipe[0], errpipe[1]}) close(fd);
    fail_start(Start::kFailed, "fork: " + errno_text(err), err);
    return;
  }
  if (pid == 0) child_main(spec.path.c_str(), argv.data(), envp.data(), cwd, release[0], errpipe[1], self);
  close(release[0]);
  close(errpipe[1]);
  auto abandon_child = [&]() {
    close(release[1]);  // EOF: the held child exits 127 without running the command
    close(errpipe[0]);
    int st;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {
    }
  };

  Run run(spec, pid);
  try {
    if (bpf) {
      bpf->track_until_exec(pid);
    } else {
      run.open_buffers(enter_config, exit_config);
    }
  } catch (const CountingUnavailable& e) {
    abandon_child();
    fail_start(Start::kUnavailable, bpf_refusal + e.what(), e.error_number());
    return;
  }
  int pidfd = static_cast<int>(syscall(__NR_pidfd_open, pid, 0));
  {
    std::lock_guard<std::mutex> lock(mu_);
    pid_ = pid;
    reaped_ = false;
  }
  // Armed: let the command exec, and learn whether that worked.
  char go = 'g';
  ssize_t w = write(release[1], &go, 1);
  (void)w;
  close(release[1]);
  int exec_errno = 0;
  ssize_t got;
  do {
    got = read(errpipe[0], &exec_errno, sizeof exec_errno);
  } while (got < 0 && errno == EINTR);
  close(errpipe[0]);
  {
    std::lock_guard<std::mutex> lock(mu_);
    start_state_ = Start::kOk;
    started_cv_.notify_all();
  }

  CountOutcome outcome;
  outcome.source = bpf ? "bpf" : "ring-buffers";
  if (got == static_cast<ssize_t>(sizeof exec_errno)) outcome.message = "exec: " + errno_text(exec_errno);
  if (spec.follow_forks) run.alive.insert(static_cast<uint32_t>(pid));
  std::vector<pollfd> fds;
  for (const Buffer& b : run.buffers) fds.push_back({b.enter_fd, POLLIN, 0});
  fds.push_back({pidfd, POLLIN, 0});  // a negative fd (no pidfd_open) is ignored by poll
  fds.push_back({wake_fd_, POLLIN, 0});
  uint64_t previous_round = 0;
  bool root_done = false;
  for (;;) {
    uint64_t round = monotonic_ns();
    run.drain();
    uint64_t watermark = std::min(previous_round, round > kReorderSlackNs ? round - kReorderSlackNs : 0);
    run.process(watermark);
    previous_round = round;
    if (!root_done) {
      int st = 0;
      pid_t r = waitpid(pid, &st, WNOHANG);
      if (r == pid) {
        std::lock_guard<std::mutex> lock(mu_);
        reaped_ = true;
        root_done = true;
        outcome.status = st;
        outcome.has_status = true;
      } else if (r < 0 && errno != EINTR) {
        std::lock_guard<std::mutex> lock(mu_);
        reaped_ = true;
        root_done = true;
        outcome.error = "waitpid: " + errno_text(errno);
      }
    }
    bool stop;
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop = stop_;
      live_.assign(run.alive.begin(), run.alive.end());
    }
    if (root_done) {
      // strace -f waits for every traced process; so does this, through the FORK/EXIT records
      // (eBPF: until the map of tracked threads is empty).
      if (!spec.follow_forks || stop) break;
      if (bpf) {
        if (bpf->none_tracked()) break;
      } else {
        if (run.pending.empty()) run.prune_alive();
        if (run.alive.empty()) break;
      }
    }
    for (pollfd& p : fds) p.revents = 0;
    if (root_done && pidfd >= 0) fds[fds.size() - 2].fd = -1;
    int pr = poll(fds.data(), fds.size(), kPollMs);
    if (pr > 0 && (fds.back().revents & POLLIN)) {
      uint64_t v;
      ssize_t ignored = read(wake_fd_, &v, sizeof v);
      (void)ignored;
    }
  }
  // Every task is gone: what the buffers hold is all there will be.
  run.drain();
  run.process(UINT64_MAX);
  if (pidfd >= 0) close(pidfd);
  if (bpf) {
    for (const SyscallTotals& t : bpf->totals()) {
      if (selected(spec, t.nr)) outcome.rows.push_back(t);
    }
    outcome.lost = bpf->dropped();
  } else {
    for (auto& [nr, row] : run.rows) outcome.rows.push_back(row);
    outcome.lost = run.lost;
  }
  if (!outcome.message.empty()) {
    // The command never ran: strace counts just its failed execve (1 call, 1 error). Its time
    // is not known here (the exit event is armed by a successful exec): 0, as strace's shows.
    outcome.rows.clear();
    if (selected(spec, kNrExecve)) outcome.rows.push_back(SyscallTotals{kNrExecve, 1, 1, 0, 0, 0});
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    live_.clear();
  }
  // Detaching a program from a perf tracepoint waits for an RCU grace period (~60 ms each):
  // that happens off this thread, which the owner joins, so the summary is not kept waiting.
  if (bpf) std::thread([b = std::move(bpf)]() mutable { b.reset(); }).detach();
  done(std::move(outcome));
}

std::string counting_unavailable_reason() {
  ensure_tracefs();
  uint64_t enter = 0, exit = 0;
  try {
    tracepoint_ids(enter, exit);
  } catch (const CountingUnavailable& e) {
    return e.what();
  }
  CountSpec spec;
  perf_event_attr attr = make_attr(exit, true, spec, 4096);
  int fd = perf_event_open(&attr, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
  if (fd < 0) return "perf_event_open(raw_syscalls:sys_exit): " + errno_text(errno);
  close(fd);
  return "";
}

}  // namespace tstrace
