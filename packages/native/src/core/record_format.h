// The tstrace record format, version 1: the writer. Every offset and code comes from
// record_format_gen.h, generated from packages/core/src/record-format.ts (the one source).
// Prose: apps/docs/content/record-format.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "record_format_gen.h"

namespace tstrace {
namespace rf {

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
