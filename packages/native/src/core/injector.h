// -e inject= / -e fault=: the injection table core compiles (an InjectTable header, InjectEntry
// rows, then their InjectPoke entries) and what it asks of one syscall at its entry stop (strace's
// tamper_with_syscall_entering): the `when=` counters live per thread, as strace keeps them per tcb.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace tstrace {

// poke_enter= / poke_exit=: bytes written at the address an argument holds.
struct InjectPoke {
  uint32_t arg = 1;  // 1-based
  bool at_entry = true;
  std::vector<uint8_t> data;
  std::string note;  // non-empty: refused with this reason (an argument the syscall lacks)
};

struct InjectAction {
  uint32_t flags = 0;  // rf::InjectFlags bits
  uint32_t first = 1, last = 0xffff, step = 1;
  uint32_t error = 0;
  uint64_t retval = 0;
  uint32_t signo = 0;
  int64_t syscall = -1;  // the number run instead, -1: none (the kernel skips the call)
  uint64_t delay_enter_ns = 0, delay_exit_ns = 0;
  std::vector<InjectPoke> pokes;
};

class InjectError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class InjectTable {
 public:
  // Parses the table (header, rows, pokes); throws InjectError on a malformed one.
  static InjectTable parse(const uint32_t* words, size_t count);
  bool empty() const { return actions_.empty(); }
  const InjectAction* find(uint64_t nr) const {
    auto it = actions_.find(nr);
    return it == actions_.end() ? nullptr : &it->second;
  }

 private:
  std::unordered_map<uint64_t, InjectAction> actions_;
};

// One thread's `when=` countdowns, keyed by syscall number; a new thread starts afresh.
struct InjectCounters {
  struct Count {
    uint32_t first, last;
  };
  std::unordered_map<uint64_t, Count> by_nr;
  // Whether this call of `nr` is one `a` applies to (strace's first/last/step countdown).
  bool due(uint64_t nr, const InjectAction& a);
};

}  // namespace tstrace
