#include "seccomp_filter.h"

#include <linux/audit.h>
#include <linux/seccomp.h>

#include <cstddef>

namespace tstrace {

namespace {

constexpr uint32_t kX32SyscallBit = 0x40000000;
constexpr size_t kLeafRanges = 4;  // ranges tested linearly at a leaf of the search tree
constexpr size_t kMaxJump = 255;   // conditional jumps have 8-bit offsets

using Range = std::pair<uint32_t, uint32_t>;
using Program = std::vector<sock_filter>;

sock_filter stmt(uint16_t code, uint32_t k) { return BPF_STMT(code, k); }
sock_filter jump(uint16_t code, uint32_t k, uint8_t jt, uint8_t jf) { return BPF_JUMP(code, k, jt, jf); }

// Code for ranges [a, b), reached only with nr >= ranges[a].first when a > 0: every path ends
// in a return.
void emit(const std::vector<Range>& ranges, size_t a, size_t b, Program& out) {
  if (b - a <= kLeafRanges) {
    // Sorted ranges: above this one → next block; inside → trace; below → no later range holds it.
    for (size_t i = a; i < b; i++) {
      out.push_back(jump(BPF_JMP | BPF_JGT | BPF_K, ranges[i].second, 3, 0));
      out.push_back(jump(BPF_JMP | BPF_JGE | BPF_K, ranges[i].first, 0, 1));
      out.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
      out.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
    }
    out.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
    return;
  }
  size_t m = a + (b - a) / 2;
  Program left;
  emit(ranges, a, m, left);
  if (left.size() <= kMaxJump) {
    out.push_back(jump(BPF_JMP | BPF_JGE | BPF_K, ranges[m].first, static_cast<uint8_t>(left.size()), 0));
  } else {
    out.push_back(jump(BPF_JMP | BPF_JGE | BPF_K, ranges[m].first, 0, 1));
    out.push_back(stmt(BPF_JMP | BPF_JA, static_cast<uint32_t>(left.size())));
  }
  out.insert(out.end(), left.begin(), left.end());
  emit(ranges, m, b, out);
}

}  // namespace

std::vector<Range> bitmap_ranges(const std::vector<uint8_t>& bitmap) {
  std::vector<Range> ranges;
  const uint32_t bits = static_cast<uint32_t>(bitmap.size() * 8);
  for (uint32_t nr = 0; nr < bits; nr++) {
    if (!bitmap_has(bitmap, nr)) continue;
    if (!ranges.empty() && ranges.back().second + 1 == nr) {
      ranges.back().second = nr;
    } else {
      ranges.emplace_back(nr, nr);
    }
  }
  return ranges;
}

std::vector<sock_filter> build_seccomp_filter(std::vector<uint8_t> bitmap, const std::vector<uint32_t>& always) {
  for (uint32_t nr : always) {
    if (nr / 8 >= bitmap.size()) bitmap.resize(nr / 8 + 1, 0);
    bitmap[nr / 8] = static_cast<uint8_t>(bitmap[nr / 8] | 1u << (nr % 8));
  }
  const std::vector<Range> ranges = bitmap_ranges(bitmap);
  Program prog;
  prog.push_back(stmt(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)));
  prog.push_back(jump(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0));
  prog.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
  prog.push_back(stmt(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)));
  prog.push_back(jump(BPF_JMP | BPF_JGE | BPF_K, kX32SyscallBit, 0, 1));
  prog.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
  if (ranges.empty()) {
    prog.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
  } else {
    emit(ranges, 0, ranges.size(), prog);
  }
  if (prog.size() > BPF_MAXINSNS) return {};
  return prog;
}

}  // namespace tstrace
