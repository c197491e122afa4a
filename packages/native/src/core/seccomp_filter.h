// seccomp-bpf program generation: a syscall set (bitmap) becomes a classic BPF program that
// returns SECCOMP_RET_TRACE for selected syscalls and SECCOMP_RET_ALLOW for the others, so
// unselected syscalls never stop the tracee. Plain C++, no Node-API, no ptrace.
#pragma once

#include <linux/filter.h>

#include <cstdint>
#include <utility>
#include <vector>

namespace tstrace {

// Is bit `nr` set? Bit nr lives in byte nr / 8, bit nr % 8 (least significant first); numbers
// past the bitmap's end are not selected.
inline bool bitmap_has(const std::vector<uint8_t>& bitmap, uint64_t nr) {
  return nr / 8 < bitmap.size() && (bitmap[nr / 8] >> (nr % 8) & 1) != 0;
}

// The selected numbers as sorted, disjoint, non-adjacent inclusive ranges.
std::vector<std::pair<uint32_t, uint32_t>> bitmap_ranges(const std::vector<uint8_t>& bitmap);

// The filter for x86_64: any other audit arch (and x32's numbers) gets SECCOMP_RET_TRACE so
// nothing is missed; x86_64 numbers are tested against the ranges by a binary search over
// them (short linear runs at the leaves). `always` numbers are traced too (execve, so that the
// tracer sees the command start and any exec failure). Empty when the program would exceed
// BPF_MAXINSNS (the caller then filters in the tracer instead).
std::vector<sock_filter> build_seccomp_filter(std::vector<uint8_t> bitmap, const std::vector<uint32_t>& always);

}  // namespace tstrace
