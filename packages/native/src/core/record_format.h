// The tstrace record format, version 1: C++ mirror of packages/core/src/record-format.ts (the
// reference). test/constants.test.ts checks every number here against that file.
// Prose: apps/docs/content/record-format.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace tstrace {
namespace rf {

constexpr uint32_t kVersion = 1;

// Record header: offsets and length.
namespace header {
constexpr size_t kSize = 0;
constexpr size_t kType = 4;
constexpr size_t kFlags = 6;
constexpr size_t kPid = 8;
constexpr size_t kReserved = 12;
constexpr size_t kTimeNs = 16;
constexpr size_t kLength = 24;
}  // namespace header

enum RecordType : uint16_t {
  kFileHeader = 0,
  kSyscallEnter = 1,
  kSyscallExit = 2,
  kSignal = 3,
  kExit = 4,
  kExec = 5,
  kNewProcess = 6,
  kAttached = 7,
  kDetached = 8,
  kGroupStop = 9,
  kMessage = 10,
};

namespace enter_body {
constexpr size_t kArch = 0;
constexpr size_t kNr = 4;
constexpr size_t kArgs = 8;
constexpr size_t kIp = 56;
constexpr size_t kSp = 64;
constexpr size_t kCaptureCount = 72;
constexpr size_t kReserved = 76;
constexpr size_t kLength = 80;
}  // namespace enter_body

namespace exit_body {
constexpr size_t kArch = 0;
constexpr size_t kNr = 4;
constexpr size_t kRval = 8;
constexpr size_t kIsError = 16;
constexpr size_t kCaptureCount = 20;
constexpr size_t kLength = 24;
}  // namespace exit_body

namespace capture_header {
constexpr size_t kArg = 0;
constexpr size_t kKind = 1;
constexpr size_t kStatus = 2;
constexpr size_t kLength = 4;
constexpr size_t kSize = 8;
}  // namespace capture_header

enum CaptureKind : uint8_t {
  kCString = 1,
  kBufferArgLen = 2,
  kBufferRetLen = 3,
  kStruct = 4,
  kStringArray = 5,
  kIovec = 6,
  kArray = 7,
  // size bytes at sp + len_arg (an offset for this kind)
  kStack = 8,
  // what the fd in args[arg] (or the return value, arg kFdReturnArg) names; size: FdDecode bits
  kFdPath = 9,
  // kFdPath for each fd in an array at args[arg]: stride size >> 8, count args[len_arg] or 2
  kFdPaths = 10,
  // an fd_set of args[len_arg] bits
  kFdset = 11,
  // a struct msghdr and its pointees (record-format.ts documents the layout)
  kMsghdr = 12,
  // a struct of size bytes whose first field is a pointer, then max bytes it points at
  kIndirect = 13,
  // args[len_arg] struct mmsghdr entries, each a msg_len and an MSGHDR capture's data
  kMmsghdr = 14,
  // max bytes at args[arg], only when args[len_arg]'s low 32 bits equal size (a request-chosen struct)
  kStructIf = 15,
};
constexpr uint8_t kCaptureKindMax = 15;
constexpr uint32_t kMsgControlMax = 4096;
constexpr uint32_t kNoLenArgFdPair = 0xffffffff;
constexpr uint8_t kFdReturnArg = 6;

// FdDecode bits (a kFdPath spec's size).
constexpr uint32_t kFdDecodeDetails = 1;
constexpr uint32_t kFdDecodeDirfd = 2;

// FdPathForm.
enum FdPathForm : uint32_t { kFdFormPath = 0, kFdFormDetail = 1, kFdFormDevice = 2 };
constexpr uint32_t kStackOffsetMax = 0xffff;

enum CaptureStatus : uint16_t {
  kOk = 0,
  kFault = 1,
  kTruncated = 2,
};

enum CaptureWhen : uint8_t {
  kWhenEntry = 1,
  kWhenExit = 2,
};

namespace audit_arch {
constexpr uint32_t kX86_64 = 0xc000003e;
constexpr uint32_t kI386 = 0x40000003;
constexpr uint32_t kAarch64 = 0xc00000b7;
constexpr uint32_t kArm = 0x40000028;
constexpr uint32_t kRiscv64 = 0xc00000f3;
}  // namespace audit_arch

// NEW_PROCESS "how" values.
enum NewProcessHow : uint32_t { kFork = 0, kVfork = 1, kClone = 2 };

// MESSAGE flags.
constexpr uint16_t kMessageFatal = 1;

// STRING_ARRAY: pointers scanned at most.
constexpr uint32_t kStringArrayScanCap = 65536;

// Appends little-endian records and captures to a byte vector. Records and captures are padded
// to 8 bytes; sizes/lengths are patched in when they are closed.
class RecordWriter {
 public:
  explicit RecordWriter(std::vector<uint8_t>& out) : out_(out) {}

  // Starts a record; returns its offset for end_record().
  size_t begin_record(uint16_t type, uint32_t pid, uint64_t time_ns, uint16_t flags = 0) {
    size_t start = out_.size();
    u32(0);
    u16(type);
    u16(flags);
    u32(pid);
    u32(0);
    u64(time_ns);
    return start;
  }
  void end_record(size_t start) {
    pad_to(8);
    patch_u32(start + header::kSize, static_cast<uint32_t>(out_.size() - start));
  }

  // Starts a capture; returns its offset for end_capture().
  size_t begin_capture(uint8_t arg, uint8_t kind) {
    size_t start = out_.size();
    u8(arg);
    u8(kind);
    u16(0);
    u32(0);
    return start;
  }
  void end_capture(size_t start, uint16_t status) {
    size_t len = out_.size() - start - capture_header::kSize;
    patch_u16(start + capture_header::kStatus, status);
    patch_u32(start + capture_header::kLength, static_cast<uint32_t>(len));
    pad_to(8);
  }
  // Drops everything written since `start` (a capture that turned out to fault).
  void truncate(size_t at) { out_.resize(at); }

  void u8(uint8_t v) { out_.push_back(v); }
  void u16(uint16_t v) { raw(&v, 2); }
  void u32(uint32_t v) { raw(&v, 4); }
  void u64(uint64_t v) { raw(&v, 8); }
  void i64(int64_t v) { raw(&v, 8); }
  void bytes(const void* p, size_t n) { raw(p, n); }
  // Grows the buffer by n bytes and returns a pointer to them (valid until the next append).
  uint8_t* reserve_tail(size_t n) {
    size_t at = out_.size();
    out_.resize(at + n);
    return out_.data() + at;
  }
  void shrink_tail(size_t n) { out_.resize(out_.size() - n); }
  void pad_to(size_t align) {
    while (out_.size() % align != 0) out_.push_back(0);
  }
  void patch_u16(size_t at, uint16_t v) { std::memcpy(out_.data() + at, &v, 2); }
  void patch_u32(size_t at, uint32_t v) { std::memcpy(out_.data() + at, &v, 4); }
  size_t size() const { return out_.size(); }

 private:
  // x86_64 (the only traced architecture) is little-endian: a host memcpy is the wire format.
  void raw(const void* p, size_t n) {
    const uint8_t* b = static_cast<const uint8_t*>(p);
    out_.insert(out_.end(), b, b + n);
  }
  std::vector<uint8_t>& out_;
};

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "record format is little-endian");

}  // namespace rf
}  // namespace tstrace
