#include <cstring>
#include <string>

#include "injector.h"

#include "record_format_gen.h"

namespace tstrace {

namespace {

// The pokes of a row: `count` InjectPoke entries from word `at`, each inside the table's words.
std::vector<InjectPoke> parse_pokes(const uint32_t* words, size_t count, size_t at, size_t n, uint32_t nr) {
  namespace p = rf::inject_poke;
  auto bad = [nr]() { return InjectError("inject table pokes for syscall " + std::to_string(nr) + " are out of range"); };
  const auto* bytes = reinterpret_cast<const uint8_t*>(words);
  std::vector<InjectPoke> out;
  for (size_t i = 0; i < n; i++) {
    if (at + p::kLength > count) throw bad();
    const uint32_t* e = words + at;
    const size_t data_words = (e[p::kBytes] + 3) / 4, note_words = (e[p::kNoteBytes] + 3) / 4;
    if (e[p::kArg] < 1 || e[p::kArg] > 7 || e[p::kBytes] < 1 || e[p::kBytes] > 1024 || e[p::kNoteBytes] > 1024 ||
        (e[p::kWhen] != rf::kWhenEntry && e[p::kWhen] != rf::kWhenExit) ||
        at + p::kLength + data_words + note_words > count)
      throw bad();
    InjectPoke poke;
    poke.arg = e[p::kArg];
    poke.at_entry = e[p::kWhen] == rf::kWhenEntry;
    const uint8_t* data = bytes + 4 * (at + p::kLength);
    poke.data.assign(data, data + e[p::kBytes]);
    const char* note = reinterpret_cast<const char*>(data + 4 * data_words);
    poke.note.assign(note, e[p::kNoteBytes]);
    out.push_back(std::move(poke));
    at += p::kLength + data_words + note_words;
  }
  return out;
}

}  // namespace

InjectTable InjectTable::parse(const uint32_t* words, size_t count) {
  namespace e = rf::inject_entry;
  if (count < rf::inject_table::kLength) throw InjectError("inject table has no header");
  const size_t rows = words[rf::inject_table::kRows];
  if (rows > (count - rf::inject_table::kLength) / e::kLength) throw InjectError("inject table is shorter than its rows");
  InjectTable table;
  for (size_t row = 0; row < rows; row++) {
    const uint32_t* r = words + rf::inject_table::kLength + row * e::kLength;
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
    a.pokes = parse_pokes(words, count, r[e::kPokes], r[e::kPokeCount], r[e::kNr]);
    table.actions_[r[e::kNr]] = std::move(a);
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
