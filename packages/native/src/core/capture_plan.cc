#include "capture_plan.h"

#include <cstdio>

#include "record_format.h"

namespace tstrace {

namespace {

constexpr uint32_t kFdDecodeAll = rf::kFdDecodeDetails | rf::kFdDecodeDirfd | rf::kFdDecodeNetlink;

std::string hex(uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08x", v);
  return buf;
}

std::string at_nr(uint32_t nr) { return " (syscall " + std::to_string(nr) + ")"; }

bool needs_len_arg(uint8_t kind) {
  return kind == rf::kBufferArgLen || kind == rf::kIovec || kind == rf::kArray || kind == rf::kFdset ||
         kind == rf::kMmsghdr || kind == rf::kStructIf;
}

}  // namespace

CapturePlan CapturePlan::parse(const uint32_t* words, size_t count) {
  if (words == nullptr || count < 3) throw PlanError("shorter than its 3-word header");
  if (words[0] != kPlanMagic) throw PlanError("bad magic " + hex(words[0]) + ", expected " + hex(kPlanMagic));
  if (words[1] != kPlanVersion) {
    throw PlanError("unsupported version " + std::to_string(words[1]) + ", expected " +
                    std::to_string(kPlanVersion));
  }
  uint32_t n = words[2];
  if (n > kPlanMaxSyscalls) throw PlanError("covers " + std::to_string(n) + " syscalls, more than " +
                                            std::to_string(kPlanMaxSyscalls));
  if (3 + static_cast<size_t>(n) > count) throw PlanError("offset table runs past the end");

  CapturePlan plan;
  plan.by_nr_.resize(n);
  size_t lists_start = 3 + static_cast<size_t>(n);
  for (uint32_t nr = 0; nr < n; nr++) {
    uint32_t off = words[3 + nr];
    if (off == 0) continue;
    if (off < lists_start || off >= count) throw PlanError("spec list offset " + std::to_string(off) +
                                                           " out of bounds" + at_nr(nr));
    uint32_t specs = words[off];
    if (specs > kPlanMaxSpecsPerSyscall) throw PlanError(std::to_string(specs) + " specs" + at_nr(nr));
    if (off + 1 + static_cast<size_t>(specs) * 4 > count) throw PlanError("spec list runs past the end" + at_nr(nr));
    auto& list = plan.by_nr_[nr];
    for (uint32_t i = 0; i < specs; i++) {
      const uint32_t* w = words + off + 1 + i * 4;
      CaptureSpec s{};
      if ((w[0] >> 24) != 0) throw PlanError("reserved bits set in " + hex(w[0]) + at_nr(nr));
      s.arg = static_cast<uint8_t>(w[0] & 0xff);
      s.kind = static_cast<uint8_t>((w[0] >> 8) & 0xff);
      s.when = static_cast<uint8_t>((w[0] >> 16) & 0xff);
      s.len_arg = w[1];
      s.size = w[2];
      s.max = w[3];
      bool fd_return = (s.kind == rf::kFdPath || s.kind == rf::kPid) && s.arg == rf::kFdReturnArg &&
                       s.when == rf::kWhenExit;
      if (s.arg > 5 && !fd_return) throw PlanError("argument index " + std::to_string(s.arg) + at_nr(nr));
      if (s.kind < 1 || s.kind > rf::kCaptureKindMax) throw PlanError("unknown capture kind " +
                                                                      std::to_string(s.kind) + at_nr(nr));
      if (s.when != rf::kWhenEntry && s.when != rf::kWhenExit) throw PlanError("bad 'when' " + std::to_string(s.when) + at_nr(nr));
      if (s.kind == rf::kBufferRetLen && s.when != rf::kWhenExit) throw PlanError("BUFFER_RET_LEN at entry" + at_nr(nr));
      if (s.kind == rf::kStack) {
        if (s.len_arg > rf::kStackOffsetMax) throw PlanError("stack offset " + std::to_string(s.len_arg) + at_nr(nr));
        if (s.size == 0 || s.size > kPlanMaxBytes) throw PlanError("stack capture size " + std::to_string(s.size) + at_nr(nr));
      } else if (s.kind == rf::kStructIf) {
        // The selector's index, and the SelectorMatch bits above it.
        uint32_t flags = rf::kSelectorAnyIocSize | (0xfu << rf::kSelectorLowBitsShift);
        if ((s.len_arg & 0xff) > 5 || (s.len_arg & ~(0xffu | flags)) != 0) {
          throw PlanError("selector argument " + hex(s.len_arg) + at_nr(nr));
        }
      } else if (needs_len_arg(s.kind) && s.len_arg > 5) throw PlanError("length argument " + std::to_string(s.len_arg) + at_nr(nr));
      if (s.kind == rf::kPointee || s.kind == rf::kPointeeEach) {
        uint32_t sel = (s.len_arg >> rf::kPointeeSelectorShift) & 0xf;
        uint32_t count_size = (s.len_arg >> rf::kPointeeCountSizeShift) & 0xf;
        if ((sel > 5 && sel != rf::kPointeeNoSelector) || (count_size != 0 && count_size != 2 && count_size != 4 && count_size != 8)) {
          throw PlanError("pointee spec " + hex(s.len_arg) + at_nr(nr));
        }
      } else if (s.kind == rf::kFdPath && (s.len_arg & ~0xffu) == rf::kFdSelectedLenArg) {
        // An fd argument read only for one selector value: decode bits 4-7, selector argument 0-3.
        if ((s.len_arg & 0xf) > 5 || ((s.len_arg >> 4) & 0xf) > kFdDecodeAll) {
          throw PlanError("selected fd spec " + hex(s.len_arg) + at_nr(nr));
        }
      } else if (s.kind == rf::kFdPaths && (s.len_arg & ~0xfu) == rf::kFdFieldLenArg) {
        // One fd in a struct field: a selector argument (or none), decode bits, an offset below 65536.
        uint32_t sel = s.len_arg & 0xf;
        if ((sel > 5 && sel != rf::kPointeeNoSelector) || (s.max & 0xff) > kFdDecodeAll || s.max > 0xffffff) {
          throw PlanError("fd field spec " + hex(s.len_arg) + "/" + hex(s.max) + at_nr(nr));
        }
      } else if (s.kind != rf::kStack && !needs_len_arg(s.kind) && s.len_arg != kPlanUnusedLenArg && s.len_arg > 5 &&
                 !(s.kind == rf::kFdPaths && (s.len_arg == rf::kNoLenArgFdOne || s.len_arg == rf::kNoLenArgAllFds))) {
        throw PlanError("length argument " + std::to_string(s.len_arg) + at_nr(nr));
      }
      if ((s.kind == rf::kStruct || s.kind == rf::kArray || s.kind == rf::kIndirect) && (s.size == 0 || s.size > kPlanMaxBytes)) {
        throw PlanError("element size " + std::to_string(s.size) + at_nr(nr));
      }
      if (s.kind == rf::kStructIf && (s.max == 0 || s.max > kPlanMaxBytes)) {
        throw PlanError("conditional struct size " + std::to_string(s.max) + at_nr(nr));
      }
      if (s.kind == rf::kStringArray && s.size > rf::kStringArrayScanCap) {
        throw PlanError("string count " + std::to_string(s.size) + at_nr(nr));
      }
      if (s.kind == rf::kFdPath && (s.len_arg & ~0xffu) != rf::kFdSelectedLenArg && s.size > kFdDecodeAll) {
        throw PlanError("fd decode bits " + std::to_string(s.size) + at_nr(nr));
      }
      if (s.kind == rf::kFdPaths && (s.len_arg & ~0xfu) != rf::kFdFieldLenArg) {
        uint32_t stride = (s.size >> 8) & 0xfff;
        if ((s.size & 0xff) > kFdDecodeAll || stride < 4 || stride > 256) {
          throw PlanError("fd array element " + hex(s.size) + at_nr(nr));
        }
      }
      if (s.kind == rf::kPid && ((s.max & 0xff) > rf::kPtByTypeField || ((s.max >> 8) & 0xff) > 3)) {
        throw PlanError("pid type " + hex(s.max) + at_nr(nr));
      }
      if (s.kind == rf::kPid) plan.pid_decode_ |= (s.max >> 8) & 0xff;
      if (s.max > kPlanMaxBytes) throw PlanError("max bytes " + std::to_string(s.max) + at_nr(nr));
      list.push_back(s);
    }
  }
  return plan;
}

}  // namespace tstrace
