// -k (--stack-traces): stack samples for the unwinder. At each point strace unwinds, the tracer
// writes the thread's registers and a bounded copy of its stack from the stack pointer (like
// perf's --call-graph=dwarf), preceded by its /proc/PID/maps text whenever the mappings may have
// changed since that thread's last sample. Unwinding and symbols happen later, in TypeScript, so
// that a recording carries what its frames need and the addon links no unwinding library.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "record_format.h"

namespace tstrace {

// The plan core compiles (compileStackPlan): copy size and two syscall bitmaps.
struct StackPlanData {
  uint32_t bytes = 0;
  std::vector<uint32_t> at_entry;     // bit nr: sampled at entry (execve, exit_group, ...)
  std::vector<uint32_t> changes_maps; // bit nr: the mappings may differ after it

  bool in(const std::vector<uint32_t>& set, uint64_t nr) const {
    return (nr >> 5) < set.size() && (set[nr >> 5] >> (nr & 31)) & 1;
  }
};

class StackSampler {
 public:
  explicit StackSampler(const StackPlanData& plan) : plan_(plan) {}

  bool at_entry(uint64_t nr) const { return plan_.in(plan_.at_entry, nr); }
  bool changes_maps(uint64_t nr) const { return plan_.in(plan_.changes_maps, nr); }
  // After a syscall that may change mappings (or an exec): every thread's next sample re-reads them.
  void mappings_changed() { generation_++; }
  void forget(pid_t p) { seen_.erase(p); }
  // Writes MAPS (when due) and STACK records for the stopped thread p.
  void sample(rf::RecordWriter& w, pid_t p, uint64_t now, uint16_t flags);

 private:
  const StackPlanData& plan_;
  uint64_t generation_ = 1;
  std::unordered_map<pid_t, uint64_t> seen_;  // the generation whose maps each thread last wrote
  std::vector<uint8_t> buf_;
};

}  // namespace tstrace
