#include "bpf_syscall_stats.h"

#include <linux/bpf.h>
#include <linux/perf_event.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include "tracer.h"

namespace tstrace {
namespace {

// Map layouts, shared by the programs below and the readers here.
// tracked: tid -> Task. state kPending until the command's execve, then kActive.
struct Task {
  uint32_t state;
  uint32_t nr_plus_one;  // the call in progress + 1; 0 outside a call
  uint64_t entered;      // CLOCK_MONOTONIC ns at entry
  uint64_t switched_out; // ns when switched out during the call; 0 when on a CPU
  uint64_t off_ns;       // time switched out during the call
};
// stats: nr -> Totals, one per CPU.
struct Totals {
  uint64_t calls, errors, total_ns, min_ns, max_ns;
};
constexpr uint32_t kActive = 1;
constexpr uint32_t kPending = 2;
constexpr uint32_t kMaxNr = 1024;       // x86_64 numbers are below 512
constexpr uint32_t kMaxTasks = 32768;   // live tracked threads at once
constexpr int64_t kNrExecve = 59;
constexpr int64_t kNrExecveat = 322;

// Raw numbers (__NR_*): glibc 2.17, which the portable build targets, names no SYS_bpf.
long bpf(int cmd, bpf_attr* attr) { return syscall(__NR_bpf, cmd, attr, sizeof *attr); }

// A tiny assembler: instructions plus forward jumps to named labels, resolved at the end.
class Asm {
 public:
  enum Reg : uint8_t { R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10 };

  void raw(uint8_t code, uint8_t dst, uint8_t src, int16_t off, int32_t imm) {
    bpf_insn i;
    std::memset(&i, 0, sizeof i);
    i.code = code;
    i.dst_reg = dst & 0xf;
    i.src_reg = src & 0xf;
    i.off = off;
    i.imm = imm;
    insns_.push_back(i);
  }
  void mov(Reg d, Reg s) { raw(BPF_ALU64 | BPF_MOV | BPF_X, d, s, 0, 0); }
  void movi(Reg d, int32_t imm) { raw(BPF_ALU64 | BPF_MOV | BPF_K, d, 0, 0, imm); }
  void addi(Reg d, int32_t imm) { raw(BPF_ALU64 | BPF_ADD | BPF_K, d, 0, 0, imm); }
  void add(Reg d, Reg s) { raw(BPF_ALU64 | BPF_ADD | BPF_X, d, s, 0, 0); }
  void sub(Reg d, Reg s) { raw(BPF_ALU64 | BPF_SUB | BPF_X, d, s, 0, 0); }
  void ld64(Reg d, uint64_t imm) {
    raw(BPF_LD | BPF_DW | BPF_IMM, d, 0, 0, static_cast<int32_t>(imm & 0xffffffff));
    raw(0, 0, 0, 0, static_cast<int32_t>(imm >> 32));
  }
  void map(Reg d, int fd) {
    raw(BPF_LD | BPF_DW | BPF_IMM, d, BPF_PSEUDO_MAP_FD, 0, fd);
    raw(0, 0, 0, 0, 0);
  }
  void ldx(uint8_t size, Reg d, Reg s, int16_t off) { raw(BPF_LDX | size | BPF_MEM, d, s, off, 0); }
  void stx(uint8_t size, Reg d, int16_t off, Reg s) { raw(BPF_STX | size | BPF_MEM, d, s, off, 0); }
  void st(uint8_t size, Reg d, int16_t off, int32_t imm) { raw(BPF_ST | size | BPF_MEM, d, 0, off, imm); }
  void call(int32_t fn) { raw(BPF_JMP | BPF_CALL, 0, 0, 0, fn); }
  void exit0() {
    movi(R0, 0);
    raw(BPF_JMP | BPF_EXIT, 0, 0, 0, 0);
  }
  // Conditional jumps to a label: op is BPF_JEQ, BPF_JNE, BPF_JLT (unsigned), ...
  void jmpi(uint8_t op, Reg d, int32_t imm, const std::string& label) {
    fixups_.emplace_back(insns_.size(), label);
    raw(BPF_JMP | op | BPF_K, d, 0, 0, imm);
  }
  void jmp(uint8_t op, Reg d, Reg s, const std::string& label) {
    fixups_.emplace_back(insns_.size(), label);
    raw(BPF_JMP | op | BPF_X, d, s, 0, 0);
  }
  void ja(const std::string& label) {
    fixups_.emplace_back(insns_.size(), label);
    raw(BPF_JMP | BPF_JA, 0, 0, 0, 0);
  }
  void label(const std::string& name) { labels_[name] = insns_.size(); }

  std::vector<bpf_insn> done() {
    for (auto& [at, name] : fixups_) insns_[at].off = static_cast<int16_t>(labels_.at(name) - at - 1);
    return insns_;
  }

 private:
  std::vector<bpf_insn> insns_;
  std::vector<std::pair<size_t, std::string>> fixups_;
  std::map<std::string, size_t> labels_;
};
using R = Asm::Reg;

// Stores the current thread's tid at fp-4 and looks it up in `tracked`: r0 = Task* or null.
void lookup_current(Asm& a, int tracked) {
  a.call(BPF_FUNC_get_current_pid_tgid);
  a.stx(BPF_W, R::R10, -4, R::R0);
  a.map(R::R1, tracked);
  a.mov(R::R2, R::R10);
  a.addi(R::R2, -4);
  a.call(BPF_FUNC_map_lookup_elem);
}

// drops[0] += 1 (per CPU). Clobbers r0-r5.
void count_drop(Asm& a, int drops, const std::string& tag) {
  a.st(BPF_W, R::R10, -12, 0);
  a.map(R::R1, drops);
  a.mov(R::R2, R::R10);
  a.addi(R::R2, -12);
  a.call(BPF_FUNC_map_lookup_elem);
  a.jmpi(BPF_JEQ, R::R0, 0, "nodrop" + tag);
  a.ldx(BPF_DW, R::R1, R::R0, 0);
  a.addi(R::R1, 1);
  a.stx(BPF_DW, R::R0, 0, R::R1);
  a.label("nodrop" + tag);
}

// raw_tracepoint sys_enter(regs, id): a tracked thread enters a call (the held command's
// execve turns it active).
std::vector<bpf_insn> enter_program(int tracked) {
  Asm a;
  a.ldx(BPF_DW, R::R6, R::R1, 8);  // id
  lookup_current(a, tracked);
  a.jmpi(BPF_JEQ, R::R0, 0, "out");
  a.mov(R::R7, R::R0);
  a.ldx(BPF_W, R::R1, R::R7, offsetof(Task, state));
  a.jmpi(BPF_JEQ, R::R1, kActive, "stamp");
  a.jmpi(BPF_JEQ, R::R6, kNrExecve, "activate");
  a.jmpi(BPF_JEQ, R::R6, kNrExecveat, "activate");
  a.ja("out");
  a.label("activate");
  a.st(BPF_W, R::R7, offsetof(Task, state), kActive);
  a.label("stamp");
  a.addi(R::R6, 1);
  a.stx(BPF_W, R::R7, offsetof(Task, nr_plus_one), R::R6);
  a.call(BPF_FUNC_ktime_get_ns);
  a.stx(BPF_DW, R::R7, offsetof(Task, entered), R::R0);
  a.st(BPF_DW, R::R7, offsetof(Task, switched_out), 0);
  a.st(BPF_DW, R::R7, offsetof(Task, off_ns), 0);
  a.label("out");
  a.exit0();
  return a.done();
}

// Clamps r9 -= r1 at 0.
void sub_clamped(Asm& a, const std::string& tag) {
  a.jmp(BPF_JGE, R::R9, R::R1, "ge" + tag);
  a.movi(R::R9, 0);
  a.ja("done" + tag);
  a.label("ge" + tag);
  a.sub(R::R9, R::R1);
  a.label("done" + tag);
}

// raw_tracepoint sys_exit(regs, ret): adds the finished call to its syscall's totals. The number
// is the one seen at entry (rt_sigreturn's exit would say -1).
std::vector<bpf_insn> exit_program(int tracked, int stats, int drops, const BpfStatsConfig& c) {
  Asm a;
  a.ldx(BPF_DW, R::R6, R::R1, 8);  // ret
  lookup_current(a, tracked);
  a.jmpi(BPF_JEQ, R::R0, 0, "out");
  a.mov(R::R7, R::R0);
  a.ldx(BPF_W, R::R1, R::R7, offsetof(Task, state));
  a.jmpi(BPF_JNE, R::R1, kActive, "out");
  // No entry seen: a new child's return from fork/clone, which strace does not count either.
  a.ldx(BPF_W, R::R8, R::R7, offsetof(Task, nr_plus_one));
  a.jmpi(BPF_JEQ, R::R8, 0, "out");
  a.st(BPF_W, R::R7, offsetof(Task, nr_plus_one), 0);
  a.call(BPF_FUNC_ktime_get_ns);
  a.mov(R::R9, R::R0);
  a.ldx(BPF_DW, R::R1, R::R7, offsetof(Task, entered));
  sub_clamped(a, "wall");
  if (!c.wall_clock) {
    a.ldx(BPF_DW, R::R1, R::R7, offsetof(Task, off_ns));
    sub_clamped(a, "off");
  }
  if (c.overhead_ns > 0) {
    a.ld64(R::R1, c.overhead_ns);
    sub_clamped(a, "overhead");
  }
  a.addi(R::R8, -1);
  a.jmpi(BPF_JGE, R::R8, kMaxNr, "drop");
  a.stx(BPF_W, R::R10, -8, R::R8);
  a.map(R::R1, stats);
  a.mov(R::R2, R::R10);
  a.addi(R::R2, -8);
  a.call(BPF_FUNC_map_lookup_elem);
  a.jmpi(BPF_JEQ, R::R0, 0, "out");
  a.ldx(BPF_DW, R::R2, R::R0, offsetof(Totals, calls));
  a.addi(R::R2, 1);
  a.stx(BPF_DW, R::R0, offsetof(Totals, calls), R::R2);
  // An error is a return value in -4095..-1, as strace's is_negated_errno.
  a.movi(R::R1, -4095);
  a.jmp(BPF_JLT, R::R6, R::R1, "noerror");
  a.ldx(BPF_DW, R::R1, R::R0, offsetof(Totals, errors));
  a.addi(R::R1, 1);
  a.stx(BPF_DW, R::R0, offsetof(Totals, errors), R::R1);
  a.label("noerror");
  a.ldx(BPF_DW, R::R1, R::R0, offsetof(Totals, total_ns));
  a.add(R::R1, R::R9);
  a.stx(BPF_DW, R::R0, offsetof(Totals, total_ns), R::R1);
  a.ldx(BPF_DW, R::R1, R::R0, offsetof(Totals, min_ns));
  a.jmpi(BPF_JEQ, R::R2, 1, "setmin");  // this CPU's first call of it
  a.jmp(BPF_JGE, R::R9, R::R1, "maxcheck");
  a.label("setmin");
  a.stx(BPF_DW, R::R0, offsetof(Totals, min_ns), R::R9);
  a.label("maxcheck");
  a.ldx(BPF_DW, R::R1, R::R0, offsetof(Totals, max_ns));
  a.jmp(BPF_JLE, R::R9, R::R1, "out");
  a.stx(BPF_DW, R::R0, offsetof(Totals, max_ns), R::R9);
  a.ja("out");
  a.label("drop");
  count_drop(a, drops, "nr");
  a.label("out");
  a.exit0();
  return a.done();
}

// tracepoint sched:sched_process_fork: a child or thread of a tracked task is tracked (active).
std::vector<bpf_insn> fork_program(int tracked, int drops, int parent_off, int child_off) {
  Asm a;
  a.mov(R::R6, R::R1);
  a.ldx(BPF_W, R::R1, R::R6, static_cast<int16_t>(parent_off));
  a.stx(BPF_W, R::R10, -4, R::R1);
  a.map(R::R1, tracked);
  a.mov(R::R2, R::R10);
  a.addi(R::R2, -4);
  a.call(BPF_FUNC_map_lookup_elem);
  a.jmpi(BPF_JEQ, R::R0, 0, "out");
  a.ldx(BPF_W, R::R1, R::R0, offsetof(Task, state));
  a.jmpi(BPF_JNE, R::R1, kActive, "out");
  a.ldx(BPF_W, R::R1, R::R6, static_cast<int16_t>(child_off));
  a.stx(BPF_W, R::R10, -8, R::R1);
  // Task{kActive, 0, 0, 0, 0} at fp-48 (little-endian: state in the low half of the first word).
  a.st(BPF_DW, R::R10, -48, kActive);
  a.st(BPF_DW, R::R10, -40, 0);
  a.st(BPF_DW, R::R10, -32, 0);
  a.st(BPF_DW, R::R10, -24, 0);
  a.map(R::R1, tracked);
  a.mov(R::R2, R::R10);
  a.addi(R::R2, -8);
  a.mov(R::R3, R::R10);
  a.addi(R::R3, -48);
  a.movi(R::R4, BPF_ANY);
  a.call(BPF_FUNC_map_update_elem);
  a.jmpi(BPF_JEQ, R::R0, 0, "out");
  count_drop(a, drops, "fork");
  a.label("out");
  a.exit0();
  return a.done();
}

// tracepoint sched:sched_process_exit: the thread is gone.
std::vector<bpf_insn> task_exit_program(int tracked, int pid_off) {
  Asm a;
  a.ldx(BPF_W, R::R2, R::R1, static_cast<int16_t>(pid_off));
  a.stx(BPF_W, R::R10, -4, R::R2);
  a.map(R::R1, tracked);
  a.mov(R::R2, R::R10);
  a.addi(R::R2, -4);
  a.call(BPF_FUNC_map_delete_elem);
  a.exit0();
  return a.done();
}

// tracepoint sched:sched_switch: a tracked thread in a call leaves or regains a CPU.
std::vector<bpf_insn> switch_program(int tracked, int prev_off, int next_off) {
  Asm a;
  a.mov(R::R6, R::R1);
  a.call(BPF_FUNC_ktime_get_ns);
  a.mov(R::R7, R::R0);
  a.ldx(BPF_W, R::R1, R::R6, static_cast<int16_t>(prev_off));
  a.stx(BPF_W, R::R10, -4, R::R1);
  a.map(R::R1, tracked);
  a.mov(R::R2, R::R10);
  a.addi(R::R2, -4);
  a.call(BPF_FUNC_map_lookup_elem);
  a.jmpi(BPF_JEQ, R::R0, 0, "next");
  a.ldx(BPF_W, R::R1, R::R0, offsetof(Task, nr_plus_one));
  a.jmpi(BPF_JEQ, R::R1, 0, "next");
  a.stx(BPF_DW, R::R0, offsetof(Task, switched_out), R::R7);
  a.label("next");
  a.ldx(BPF_W, R::R1, R::R6, static_cast<int16_t>(next_off));
  a.stx(BPF_W, R::R10, -8, R::R1);
  a.map(R::R1, tracked);
  a.mov(R::R2, R::R10);
  a.addi(R::R2, -8);
  a.call(BPF_FUNC_map_lookup_elem);
  a.jmpi(BPF_JEQ, R::R0, 0, "out");
  a.ldx(BPF_W, R::R1, R::R0, offsetof(Task, nr_plus_one));
  a.jmpi(BPF_JEQ, R::R1, 0, "out");
  a.ldx(BPF_DW, R::R1, R::R0, offsetof(Task, switched_out));
  a.jmpi(BPF_JEQ, R::R1, 0, "out");
  a.mov(R::R2, R::R7);
  a.sub(R::R2, R::R1);
  a.ldx(BPF_DW, R::R3, R::R0, offsetof(Task, off_ns));
  a.add(R::R3, R::R2);
  a.stx(BPF_DW, R::R0, offsetof(Task, off_ns), R::R3);
  a.st(BPF_DW, R::R0, offsetof(Task, switched_out), 0);
  a.label("out");
  a.exit0();
  return a.done();
}

[[noreturn]] void refuse(const std::string& what, int err) {
  throw CountingUnavailable(what + ": " + errno_text(err), err);
}

int possible_cpus() {
  std::ifstream in("/sys/devices/system/cpu/possible");
  std::string text;
  int max = 0;
  if (in >> text) {
    std::stringstream parts(text);
    std::string part;
    while (std::getline(parts, part, ',')) {
      size_t dash = part.find('-');
      max = std::max(max, std::atoi(dash == std::string::npos ? part.c_str() : part.c_str() + dash + 1));
    }
  }
  return max + 1;
}

// A tracepoint's id and one field's offset from its tracefs format file.
struct TracepointFormat {
  uint64_t id = 0;
  std::map<std::string, int> offsets;
};

TracepointFormat tracepoint_format(const std::string& name) {
  for (const char* dir : {"/sys/kernel/tracing", "/sys/kernel/debug/tracing"}) {
    std::ifstream in(std::string(dir) + "/events/" + name + "/format");
    if (!in) continue;
    TracepointFormat f;
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("ID: ", 0) == 0) f.id = std::stoull(line.substr(4));
      size_t field = line.find("field:");
      size_t semi = line.find(';');
      size_t off = line.find("offset:");
      if (field == std::string::npos || semi == std::string::npos || off == std::string::npos) continue;
      std::string decl = line.substr(field + 6, semi - field - 6);
      size_t sp = decl.find_last_of(" *");
      std::string fname = sp == std::string::npos ? decl : decl.substr(sp + 1);
      size_t bracket = fname.find('[');
      if (bracket != std::string::npos) fname = fname.substr(0, bracket);
      f.offsets[fname] = std::atoi(line.c_str() + off + 7);
    }
    if (f.id != 0) return f;
  }
  refuse("cannot read tracepoint " + name + " from tracefs", ENOENT);
}

int field(const TracepointFormat& f, const std::string& name) {
  auto it = f.offsets.find(name);
  if (it == f.offsets.end()) refuse("tracepoint field " + name + " not found", ENOENT);
  return it->second;
}

}  // namespace

BpfSyscallStats::BpfSyscallStats(const BpfStatsConfig& config) {
  possible_cpus_ = possible_cpus();
  // pids seen by the programs are the initial namespace's: they must be this process's too.
  {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
      if (line.rfind("NSpid:", 0) == 0 && line.find_first_of(" \t", line.find_first_not_of(" \t", 6)) != std::string::npos) {
        throw CountingUnavailable("in a pid namespace: eBPF sees other pids", EINVAL);
      }
    }
  }
  auto make_map = [this](uint32_t type, uint32_t key, uint32_t value, uint32_t entries) {
    bpf_attr attr;
    std::memset(&attr, 0, sizeof attr);
    attr.map_type = type;
    attr.key_size = key;
    attr.value_size = value;
    attr.max_entries = entries;
    int fd = static_cast<int>(bpf(BPF_MAP_CREATE, &attr));
    if (fd < 0) refuse("bpf(BPF_MAP_CREATE)", errno);
    fds_.push_back(fd);
    return fd;
  };
  try {
    tracked_ = make_map(BPF_MAP_TYPE_HASH, 4, sizeof(Task), kMaxTasks);
    stats_ = make_map(BPF_MAP_TYPE_PERCPU_ARRAY, 4, sizeof(Totals), kMaxNr);
    drops_ = make_map(BPF_MAP_TYPE_PERCPU_ARRAY, 4, 8, 1);

    auto load = [this](uint32_t type, const std::vector<bpf_insn>& insns, const char* what) {
      auto attempt = [&](char* log, uint32_t log_size) {
        bpf_attr attr;
        std::memset(&attr, 0, sizeof attr);
        attr.prog_type = type;
        attr.insns = reinterpret_cast<uint64_t>(insns.data());
        attr.insn_cnt = static_cast<uint32_t>(insns.size());
        attr.license = reinterpret_cast<uint64_t>("MIT");
        attr.log_buf = reinterpret_cast<uint64_t>(log);
        attr.log_size = log_size;
        attr.log_level = log != nullptr ? 1 : 0;
        return static_cast<int>(bpf(BPF_PROG_LOAD, &attr));
      };
      int fd = attempt(nullptr, 0);
      if (fd < 0) {
        int err = errno;
        // Refused: load once more with the verifier's log, whose last line says why.
        std::vector<char> log(65536, '\0');
        attempt(log.data(), static_cast<uint32_t>(log.size()));
        std::string text(log.data());
        while (!text.empty() && text.back() == '\n') text.pop_back();
        size_t nl = text.rfind('\n');
        std::string why = nl == std::string::npos ? text : text.substr(nl + 1);
        refuse(std::string("bpf(BPF_PROG_LOAD, ") + what + ")" + (why.empty() ? "" : " [" + why + "]"), err);
      }
      fds_.push_back(fd);
      return fd;
    };
    auto raw_attach = [this](int prog, const char* name) {
      bpf_attr attr;
      std::memset(&attr, 0, sizeof attr);
      attr.raw_tracepoint.name = reinterpret_cast<uint64_t>(name);
      attr.raw_tracepoint.prog_fd = static_cast<uint32_t>(prog);
      int fd = static_cast<int>(bpf(BPF_RAW_TRACEPOINT_OPEN, &attr));
      if (fd < 0) refuse(std::string("bpf(BPF_RAW_TRACEPOINT_OPEN, ") + name + ")", errno);
      fds_.push_back(fd);
    };
    // A tracepoint program rides on a perf event of that tracepoint (any CPU: it runs on all).
    auto tp_attach = [this](int prog, uint64_t id, const char* name) {
      perf_event_attr attr;
      std::memset(&attr, 0, sizeof attr);
      attr.size = sizeof attr;
      attr.type = PERF_TYPE_TRACEPOINT;
      attr.config = id;
      attr.sample_period = 1;
      attr.sample_type = PERF_SAMPLE_RAW;
      int fd = static_cast<int>(syscall(__NR_perf_event_open, &attr, -1, 0, -1, PERF_FLAG_FD_CLOEXEC));
      if (fd < 0) refuse(std::string("perf_event_open(") + name + ")", errno);
      fds_.push_back(fd);
      if (ioctl(fd, PERF_EVENT_IOC_SET_BPF, prog) < 0) refuse("PERF_EVENT_IOC_SET_BPF", errno);
      if (ioctl(fd, PERF_EVENT_IOC_ENABLE, 0) < 0) refuse("PERF_EVENT_IOC_ENABLE", errno);
    };

    TracepointFormat exit_fmt = tracepoint_format("sched/sched_process_exit");
    tp_attach(load(BPF_PROG_TYPE_TRACEPOINT, task_exit_program(tracked_, field(exit_fmt, "pid")), "sched_process_exit"),
              exit_fmt.id, "sched:sched_process_exit");
    if (config.follow_forks) {
      TracepointFormat fork = tracepoint_format("sched/sched_process_fork");
      tp_attach(load(BPF_PROG_TYPE_TRACEPOINT,
                     fork_program(tracked_, drops_, field(fork, "parent_pid"), field(fork, "child_pid")),
                     "sched_process_fork"),
                fork.id, "sched:sched_process_fork");
    }
    if (!config.wall_clock) {
      TracepointFormat sw = tracepoint_format("sched/sched_switch");
      tp_attach(load(BPF_PROG_TYPE_TRACEPOINT, switch_program(tracked_, field(sw, "prev_pid"), field(sw, "next_pid")),
                     "sched_switch"),
                sw.id, "sched:sched_switch");
    }
    raw_attach(load(BPF_PROG_TYPE_RAW_TRACEPOINT, exit_program(tracked_, stats_, drops_, config), "sys_exit"),
               "sys_exit");
    raw_attach(load(BPF_PROG_TYPE_RAW_TRACEPOINT, enter_program(tracked_), "sys_enter"), "sys_enter");
  } catch (...) {
    for (auto it = fds_.rbegin(); it != fds_.rend(); ++it) close(*it);
    fds_.clear();
    throw;
  }
}

BpfSyscallStats::~BpfSyscallStats() {
  for (auto it = fds_.rbegin(); it != fds_.rend(); ++it) close(*it);
}

void BpfSyscallStats::track_until_exec(pid_t pid) {
  uint32_t key = static_cast<uint32_t>(pid);
  Task task{kPending, 0, 0, 0, 0};
  bpf_attr attr;
  std::memset(&attr, 0, sizeof attr);
  attr.map_fd = static_cast<uint32_t>(tracked_);
  attr.key = reinterpret_cast<uint64_t>(&key);
  attr.value = reinterpret_cast<uint64_t>(&task);
  attr.flags = BPF_ANY;
  if (bpf(BPF_MAP_UPDATE_ELEM, &attr) < 0) refuse("bpf(BPF_MAP_UPDATE_ELEM)", errno);
}

bool BpfSyscallStats::none_tracked() const {
  uint32_t next = 0;
  bpf_attr attr;
  std::memset(&attr, 0, sizeof attr);
  attr.map_fd = static_cast<uint32_t>(tracked_);
  attr.key = 0;  // null: the first key
  attr.next_key = reinterpret_cast<uint64_t>(&next);
  return bpf(BPF_MAP_GET_NEXT_KEY, &attr) < 0 && errno == ENOENT;
}

namespace {

// Sums one syscall number's per-CPU totals (cpus entries from `per_cpu`) into `out` when it was called.
void add_totals(uint32_t nr, const Totals* per_cpu, size_t cpus, std::vector<SyscallTotals>& out) {
  SyscallTotals t;
  t.nr = nr;
  bool first = true;
  for (size_t i = 0; i < cpus; i++) {
    const Totals& c = per_cpu[i];
    if (c.calls == 0) continue;
    t.calls += c.calls;
    t.errors += c.errors;
    t.total_ns += c.total_ns;
    t.min_ns = first ? c.min_ns : std::min(t.min_ns, c.min_ns);
    t.max_ns = std::max(t.max_ns, c.max_ns);
    first = false;
  }
  if (t.calls > 0) out.push_back(t);
}

}  // namespace

std::vector<SyscallTotals> BpfSyscallStats::totals() const {
  std::vector<SyscallTotals> out;
  const size_t cpus = static_cast<size_t>(possible_cpus_);
  // The whole map in one BPF_MAP_LOOKUP_BATCH (Linux 5.6) rather than one lookup per number:
  // 1 syscall instead of 1024. The kernel ends a batch that reaches the map's end with ENOENT,
  // its count still set; any other failure (an older kernel) falls back to the lookups below.
  {
    std::vector<uint32_t> keys(kMaxNr);
    std::vector<Totals> values(static_cast<size_t>(kMaxNr) * cpus);
    uint32_t next = 0;
    bpf_attr attr;
    std::memset(&attr, 0, sizeof attr);
    attr.batch.map_fd = static_cast<uint32_t>(stats_);
    attr.batch.in_batch = 0;  // null: from the first key
    attr.batch.out_batch = reinterpret_cast<uint64_t>(&next);
    attr.batch.keys = reinterpret_cast<uint64_t>(keys.data());
    attr.batch.values = reinterpret_cast<uint64_t>(values.data());
    attr.batch.count = kMaxNr;
    if ((bpf(BPF_MAP_LOOKUP_BATCH, &attr) == 0 || errno == ENOENT) && attr.batch.count == kMaxNr) {
      for (uint32_t i = 0; i < kMaxNr; i++) add_totals(keys[i], &values[static_cast<size_t>(i) * cpus], cpus, out);
      return out;
    }
  }
  std::vector<Totals> per_cpu(cpus);
  for (uint32_t nr = 0; nr < kMaxNr; nr++) {
    bpf_attr attr;
    std::memset(&attr, 0, sizeof attr);
    attr.map_fd = static_cast<uint32_t>(stats_);
    attr.key = reinterpret_cast<uint64_t>(&nr);
    attr.value = reinterpret_cast<uint64_t>(per_cpu.data());
    if (bpf(BPF_MAP_LOOKUP_ELEM, &attr) < 0) continue;
    add_totals(nr, per_cpu.data(), cpus, out);
  }
  return out;
}

uint64_t BpfSyscallStats::dropped() const {
  std::vector<uint64_t> per_cpu(static_cast<size_t>(possible_cpus_));
  uint32_t key = 0;
  bpf_attr attr;
  std::memset(&attr, 0, sizeof attr);
  attr.map_fd = static_cast<uint32_t>(drops_);
  attr.key = reinterpret_cast<uint64_t>(&key);
  attr.value = reinterpret_cast<uint64_t>(per_cpu.data());
  if (bpf(BPF_MAP_LOOKUP_ELEM, &attr) < 0) return 0;
  uint64_t sum = 0;
  for (uint64_t v : per_cpu) sum += v;
  return sum;
}

}  // namespace tstrace
