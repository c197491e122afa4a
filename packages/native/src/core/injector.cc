#include <string>

#include "injector.h"

#include "record_format_gen.h"

namespace tstrace {

InjectTable InjectTable::parse(const uint32_t* words, size_t count) {
  namespace e = rf::inject_entry;
  if (count % e::kLength != 0) throw InjectError("inject table length must be a multiple of " + std::to_string(e::kLength));
  InjectTable table;
  for (size_t w = 0; w < count; w += e::kLength) {
    const uint32_t* r = words + w;
    auto u64 = [r](size_t lo, size_t hi) { return static_cast<uint64_t>(r[lo]) | (static_cast<uint64_t>(r[hi]) << 32); };
    InjectAction a;
    a.flags = r[e::kFlags];
    a.first = r[e::kFirst];
    a.last = r[e::kLast];
    a.step = r[e::kStep];
    a.error = r[e::kError];
    a.retval = u64(e::kRetvalLo, e::kRetvalHi);
    a.signo = r[e::kSigno];
    a.syscall = (a.flags & rf::kInjectSyscall) ? static_cast<int64_t>(r[e::kSyscall]) : -1;
    a.delay_enter_ns = u64(e::kDelayEnterLo, e::kDelayEnterHi);
    a.delay_exit_ns = u64(e::kDelayExitLo, e::kDelayExitHi);
    if (a.first < 1 || a.first > 0xffff || a.last > 0xffff || a.step > 0xffff || a.signo > 64 || a.error > 4095) {
      throw InjectError("inject table row for syscall " + std::to_string(r[e::kNr]) + " is out of range");
    }
    table.actions_[r[e::kNr]] = a;
  }
  return table;
}

bool InjectCounters::due(uint64_t nr, const InjectAction& a) {
  auto it = by_nr.find(nr);
  if (it == by_nr.end()) it = by_nr.emplace(nr, Count{a.first, a.last}).first;
  Count& c = it->second;
  if (c.first == 0 || c.last == 0) return false;
  if (c.last != 0xffff) --c.last;
  if (--c.first != 0) return false;
  c.first = a.step;
  return true;
}

}  // namespace tstrace
