// The capture plan compiled by @tstrace/core: for each syscall number, which argument memory to
// read and when. Layout: apps/docs/content/record-format.md, "Capture plan".
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "record_format_gen.h"

namespace tstrace {

// kPlanMagic, kPlanVersion, kPlanUnusedLenArg and kPlanMaxBytes come from core (generated).
// Sanity caps: a plan beyond these is corrupt, not ambitious.
constexpr uint32_t kPlanMaxSyscalls = 8192;
// ioctl alone has a conditional capture per decoded request and direction (core's
// data/ioctl-captures.ts): hundreds.
constexpr uint32_t kPlanMaxSpecsPerSyscall = 4096;

struct CaptureSpec {
  uint8_t arg;        // 0..5
  uint8_t kind;       // rf::CaptureKind
  uint8_t when;       // rf::CaptureWhen
  uint32_t len_arg;   // 0..5 or kPlanUnusedLenArg
  uint32_t size;      // STRUCT/ARRAY element size; STRING_ARRAY: strings captured; BUFFER_ARG_LEN: header bytes
  uint32_t max;       // byte cap
};

class PlanError : public std::runtime_error {
 public:
  explicit PlanError(const std::string& what) : std::runtime_error("invalid capture plan: " + what) {}
};

class CapturePlan {
 public:
  CapturePlan() = default;
  // Validates and copies a plan; throws PlanError on any malformation.
  static CapturePlan parse(const uint32_t* words, size_t count);

  // Specs for a syscall number (empty when the plan covers nothing for it).
  const std::vector<CaptureSpec>& for_nr(uint64_t nr) const {
    static const std::vector<CaptureSpec> kNone;
    return nr < by_nr_.size() ? by_nr_[nr] : kNone;
  }
  size_t syscall_count() const { return by_nr_.size(); }
  // The rf::kPidDecode* bits of the plan's PID specs: what a SIGNAL record's si_pid is resolved for.
  uint32_t pid_decode() const { return pid_decode_; }

 private:
  std::vector<std::vector<CaptureSpec>> by_nr_;
  uint32_t pid_decode_ = 0;
};

}  // namespace tstrace
