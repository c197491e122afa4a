#include "memory_reader.h"

#include <errno.h>
#include <dirent.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace tstrace {

namespace {

constexpr size_t kMaxIov = 1024;

size_t page_size() {
  static const size_t size = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  return size;
}

uint64_t bytes_to_page_end(uint64_t addr) {
  uint64_t ps = page_size();
  return ps - (addr & (ps - 1));
}

}  // namespace

MemoryReader::MemoryReader(pid_t pid) : pid_(pid) {}

size_t MemoryReader::read(uint64_t addr, void* dst, size_t len) {
  if (len == 0) return 0;
  if (addr + len < addr) len = static_cast<size_t>(0 - addr);  // wraps past the top: clamp
  uint8_t* out = static_cast<uint8_t*>(dst);
  if (use_peek_) return read_peek(addr, out, len);

  size_t done = 0;
  while (done < len) {
    // One remote iovec per page piece: partial transfers happen at iovec granularity, so a
    // read stops exactly at the first unreadable page.
    struct iovec remote[kMaxIov];
    size_t n = 0;
    size_t batch = 0;
    uint64_t a = addr + done;
    while (n < kMaxIov && done + batch < len) {
      size_t piece = std::min<uint64_t>(bytes_to_page_end(a), len - done - batch);
      remote[n].iov_base = reinterpret_cast<void*>(a);
      remote[n].iov_len = piece;
      n++;
      batch += piece;
      a += piece;
    }
    struct iovec local = {out + done, batch};
    ssize_t got = process_vm_readv(pid_, &local, 1, remote, n, 0);
    if (got < 0) {
      if ((errno == ENOSYS || errno == EPERM) && done == 0) {
        use_peek_ = true;
        return read_peek(addr, out, len);
      }
      return done;
    }
    done += static_cast<size_t>(got);
    if (static_cast<size_t>(got) < batch) return done;
  }
  return done;
}

size_t MemoryReader::read_peek(uint64_t addr, uint8_t* dst, size_t len) {
  size_t done = 0;
  while (done < len) {
    uint64_t a = addr + done;
    uint64_t aligned = a & ~static_cast<uint64_t>(7);
    size_t skip = static_cast<size_t>(a - aligned);
    errno = 0;
    long word = ptrace(PTRACE_PEEKDATA, pid_, reinterpret_cast<void*>(aligned), nullptr);
    if (word == -1 && errno != 0) return done;
    size_t take = std::min(sizeof(long) - skip, len - done);
    std::memcpy(dst + done, reinterpret_cast<uint8_t*>(&word) + skip, take);
    done += take;
  }
  return done;
}

rf::CaptureStatus MemoryReader::read_cstring(uint64_t addr, size_t max, std::vector<uint8_t>& out) {
  out.clear();
  // Look at max + 1 bytes: a NUL right after max bytes means "not truncated".
  size_t want = max + 1;
  uint64_t a = addr;
  uint8_t chunk[4096];
  while (out.size() < want) {
    size_t piece = std::min<uint64_t>({bytes_to_page_end(a), want - out.size(), sizeof chunk});
    size_t got = read(a, chunk, piece);
    const void* nul = std::memchr(chunk, 0, got);
    if (nul != nullptr) {
      size_t n = static_cast<size_t>(static_cast<const uint8_t*>(nul) - chunk);
      out.insert(out.end(), chunk, chunk + n);
      return rf::kOk;
    }
    out.insert(out.end(), chunk, chunk + got);
    if (got < piece) {
      if (out.empty()) return rf::kFault;
      return rf::kPartial;
    }
    a += got;
  }
  out.resize(max);
  return rf::kTruncated;
}

namespace {

constexpr uint32_t kIovecEntriesCap = 1024;  // IOV_MAX

// Reads n bytes straight into the record. Returns false (and writes nothing) when not all of
// them were readable.
bool append_memory(rf::RecordWriter& w, MemoryReader& mem, uint64_t addr, size_t n) {
  if (n == 0) return true;
  uint8_t* dst = w.reserve_tail(n);
  size_t got = mem.read(addr, dst, n);
  if (got < n) {
    w.shrink_tail(n);
    return false;
  }
  return true;
}

// Reads n bytes into the record, keeping the readable ones before an unreadable page: kOk,
// kPartial (some bytes kept) or kFault (none). A decoder that needs fewer bytes than were
// asked for (a sockaddr's real length) still prints them, as strace, which reads only those.
uint16_t append_prefix(rf::RecordWriter& w, MemoryReader& mem, uint64_t addr, size_t n) {
  if (n == 0) return rf::kOk;
  uint8_t* dst = w.reserve_tail(n);
  size_t got = mem.read(addr, dst, n);
  if (got == n) return rf::kOk;
  w.shrink_tail(n - got);
  return got == 0 ? rf::kFault : rf::kPartial;
}

uint16_t capture_buffer(rf::RecordWriter& w, MemoryReader& mem, uint64_t addr, uint64_t len, uint32_t max) {
  size_t n = static_cast<size_t>(std::min<uint64_t>(len, max));
  uint16_t status = append_prefix(w, mem, addr, n);
  if (status != rf::kOk) return status;
  return len > max ? rf::kTruncated : rf::kOk;
}

// A netlink payload: what is readable of it, as strace's decoder fetches each header and
// attribute on its own and prints the address of the first one it cannot read. TRUNCATED with
// fewer than min(len, max) bytes: the rest was unreadable.
uint16_t capture_prefix(rf::RecordWriter& w, MemoryReader& mem, uint64_t addr, uint64_t len, uint32_t max) {
  size_t n = static_cast<size_t>(std::min<uint64_t>(len, max));
  if (n == 0) return rf::kOk;
  uint8_t* dst = w.reserve_tail(n);
  size_t got = mem.read(addr, dst, n);
  w.shrink_tail(n - got);
  if (got == 0) return rf::kFault;
  return got < len ? rf::kTruncated : rf::kOk;
}

uint16_t capture_string_array(rf::RecordWriter& w, MemoryReader& mem, uint64_t addr, const CaptureSpec& s) {
  // Scan the pointer array (x86_64: 8-byte pointers) page by page until NULL or the cap.
  std::vector<uint64_t> ptrs;
  bool capped = false;
  bool unterminated = false;
  uint64_t a = addr;
  for (;;) {
    uint64_t buf[512];
    size_t want = std::min<size_t>(sizeof buf, rf::kStringArrayScanCap * 8 - ptrs.size() * 8);
    size_t got = mem.read(a, buf, want) / 8;
    if (got == 0) {
      if (ptrs.empty()) return rf::kFault;
      unterminated = true;  // unreadable past some pointers: report what was seen, and where it stopped
      break;
    }
    size_t i = 0;
    for (; i < got && buf[i] != 0; i++) ptrs.push_back(buf[i]);
    if (i < got) break;  // NULL found
    if (ptrs.size() >= rf::kStringArrayScanCap) {
      capped = true;
      break;
    }
    a += got * 8;
  }
  uint32_t n = static_cast<uint32_t>(std::min<size_t>(ptrs.size(), s.size));
  w.u32(static_cast<uint32_t>(ptrs.size()));
  w.u32(n);
  std::vector<uint8_t> str;
  for (uint32_t i = 0; i < n; i++) {
    rf::CaptureStatus st = mem.read_cstring(ptrs[i], s.max, str);
    w.u32(st);
    if (st == rf::kFault || st == rf::kPartial) {
      // strace prints the pointer of a string it cannot read whole.
      w.u32(8);
      w.u64(ptrs[i]);
    } else {
      w.u32(static_cast<uint32_t>(str.size()));
      w.bytes(str.data(), str.size());
    }
    w.pad_to(4);
  }
  if (unterminated) return rf::kPartial;
  return capped ? rf::kTruncated : rf::kOk;
}

/** The data budget of an iovec capture: `max`, and at exit at most what the call transferred. */
uint64_t iovec_budget(const CaptureSpec& s, const SyscallFacts& f) {
  uint64_t budget = s.max;
  if (f.at_exit) budget = std::min<uint64_t>(budget, f.rval > 0 ? static_cast<uint64_t>(f.rval) : 0);
  return budget;
}

// partial_ok: an array unreadable after some entries keeps those (status PARTIAL), as strace's
// print_array prints them before `... /* ADDR */`; otherwise it is a FAULT.
uint16_t capture_iovec(rf::RecordWriter& w, MemoryReader& mem, uint64_t addr, uint64_t count, uint64_t budget,
                       bool partial_ok = false) {
  uint32_t entries = static_cast<uint32_t>(std::min<uint64_t>(count, kIovecEntriesCap));
  std::vector<uint64_t> iov(static_cast<size_t>(entries) * 2);
  bool cut = false;
  if (entries > 0) {
    size_t got = mem.read(addr, iov.data(), iov.size() * 8);
    if (got < iov.size() * 8) {
      if (!partial_ok || got < 16) return rf::kFault;
      entries = static_cast<uint32_t>(got / 16);
      cut = true;
    }
  }
  w.u32(entries);
  w.u32(0);
  for (uint32_t i = 0; i < entries; i++) {
    uint64_t base = iov[i * 2];
    uint64_t len = iov[i * 2 + 1];
    w.u64(base);
    w.u64(len);
    size_t status_at = w.size();
    w.u32(0);
    w.u32(0);
    size_t take = static_cast<size_t>(std::min(len, budget));
    // The readable prefix of a buffer that runs into an unmapped page (PARTIAL): strace reads
    // only the -s + 1 bytes it prints, so a buffer ending just before the hole still prints.
    size_t before = w.size();
    uint32_t status = append_prefix(w, mem, base, take);
    size_t kept = w.size() - before;
    if (status == rf::kOk && take < len) status = rf::kTruncated;
    budget -= kept;
    w.patch_u32(status_at, status);
    w.patch_u32(status_at + 4, static_cast<uint32_t>(kept));
    w.pad_to(8);
  }
  if (cut) return rf::kPartial;
  return count > entries ? rf::kTruncated : rf::kOk;
}

// uring: an ARRAY spec with kArrayPointers: `count` pointers at addr (at most 1024), each to a
// struct whose {pointer, count} pair is followed too (io_submit's iocbs and their buffers). The
// record layout is record-format.ts's ARRAY_POINTERS.
uint16_t capture_pointer_array(rf::RecordWriter& w, MemoryReader& mem, uint64_t addr, uint64_t count,
                               const CaptureSpec& s) {
  const uint32_t struct_size = s.size & 0xffff;
  const uint32_t elem_size = s.size >> 16;
  const uint32_t ptr_off = (s.len_arg >> rf::kArrayPointersPtrOffsetShift) & 0xff;
  const uint32_t count_off = (s.len_arg >> rf::kArrayPointersCountOffsetShift) & 0xff;
  uint32_t entries = static_cast<uint32_t>(std::min<uint64_t>(count, kIovecEntriesCap));
  std::vector<uint64_t> ptrs(entries);
  bool cut = false;
  if (entries > 0) {
    size_t got = mem.read(addr, ptrs.data(), static_cast<size_t>(entries) * 8) / 8;
    if (got < entries) {
      if (got == 0) return rf::kFault;
      entries = static_cast<uint32_t>(got);
      cut = true;
    }
  }
  w.u32(entries);
  w.u32(0);
  std::vector<uint8_t> st(struct_size);
  for (uint32_t i = 0; i < entries; i++) {
    w.u64(ptrs[i]);
    if (ptrs[i] == 0 || mem.read(ptrs[i], st.data(), struct_size) < struct_size) {
      w.u32(rf::kFault);
      w.u32(0);
      continue;
    }
    w.u32(rf::kOk);
    w.u32(struct_size);
    w.bytes(st.data(), struct_size);
    w.pad_to(8);
    uint64_t inner = 0;
    uint64_t n = 0;
    std::memcpy(&inner, st.data() + ptr_off, 8);
    std::memcpy(&n, st.data() + count_off, 8);
    w.u64(inner);
    w.u64(n);
    size_t status_at = w.size();
    w.u32(0);
    w.u32(0);
    unsigned __int128 want = static_cast<unsigned __int128>(n) * elem_size;
    size_t take = inner == 0 ? 0 : static_cast<size_t>(std::min<unsigned __int128>(want, s.max));
    size_t before = w.size();
    uint32_t status = append_prefix(w, mem, inner, take);
    w.patch_u32(status_at, status);
    w.patch_u32(status_at + 4, static_cast<uint32_t>(w.size() - before));
    w.pad_to(8);
  }
  return cut ? rf::kPartial : rf::kOk;
}

uint16_t capture_fd_path(rf::RecordWriter& w, const CaptureSpec& s, const SyscallFacts& f, bool& netlink) {
  if (f.fds == nullptr) return rf::kFault;
  int64_t fd = s.arg == rf::kFdReturnArg ? f.rval : static_cast<int64_t>(f.args[s.arg]);
  // pidfd_getfd's targetfd is an fd of the process its pidfd (argument 0) names.
  pid_t owner = f.proc_tid;
  if ((s.size & rf::kFdDecodeOfPidfd) != 0) {
    long pid = pidfd_pid(f.proc_tid, static_cast<int>(f.args[0]));
    if (pid <= 0) return rf::kFault;
    owner = static_cast<pid_t>(pid);
  }
  FdDescription d;
  if (!f.fds->describe(owner, fd, s.size & ~rf::kFdDecodeOfPidfd, d)) return rf::kFault;
  if ((s.size & rf::kFdDecodeNetlink) != 0 && d.detail.rfind("NETLINK:[", 0) == 0) netlink = true;
  size_t path_len = std::min<size_t>(d.path.size(), s.max);
  w.u32(d.form);
  w.u32(static_cast<uint32_t>(path_len));
  w.bytes(d.path.data(), path_len);
  w.bytes(d.detail.data(), d.detail.size());
  return path_len < d.path.size() ? rf::kTruncated : rf::kOk;
}

/** The fds thread `tid` has open, in /proc's order (empty when the directory cannot be read). */
std::vector<int32_t> list_open_fds(pid_t tid) {
  std::vector<int32_t> out;
  std::string dir = "/proc/" + std::to_string(tid) + "/fd";
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return out;
  while (struct dirent* e = readdir(d)) {
    char* end = nullptr;
    long v = std::strtol(e->d_name, &end, 10);
    if (end != e->d_name && *end == '\0' && v >= 0 && v <= INT32_MAX) out.push_back(static_cast<int32_t>(v));
  }
  closedir(d);
  return out;
}

uint16_t capture_fd_paths(rf::RecordWriter& w, MemoryReader& mem, uint64_t addr, uint64_t len_arg,
                          const CaptureSpec& s, const SyscallFacts& f) {
  if (f.fds == nullptr) return rf::kFault;
  // One fd in a struct field chosen by a selector (FD_FIELD_LEN_ARG): `max` holds the field's
  // offset and the decode bits. Otherwise the first fd sits `size >> 20` bytes into each element.
  bool field = (s.len_arg & ~0xfu) == rf::kFdFieldLenArg;
  uint32_t stride = (s.size >> 8) & 0xfff;
  uint32_t decode = s.size & 0xff;
  if (field) {
    addr += s.max >> 8;
    decode = s.max & 0xff;
  } else {
    addr += s.size >> 20;
  }
  // Every open fd (the thread's /proc fd directory) instead of an array in the tracee's memory.
  std::vector<int32_t> open_fds;
  if (s.len_arg == rf::kNoLenArgAllFds) open_fds = list_open_fds(f.proc_tid);
  uint64_t count = field                              ? 1
                   : s.len_arg == rf::kNoLenArgFdPair  ? 2
                   : s.len_arg == rf::kNoLenArgFdOne   ? 1
                   : s.len_arg == rf::kNoLenArgAllFds  ? open_fds.size()
                                                       : len_arg;
  uint32_t n = static_cast<uint32_t>(std::min<uint64_t>(count, field ? 1 : s.max));
  w.u32(n);
  w.u32(0);
  FdDescription d;
  for (uint32_t i = 0; i < n; i++) {
    int32_t fd = 0;
    if (s.len_arg == rf::kNoLenArgAllFds) fd = open_fds[i];
    else if (mem.read(addr + static_cast<uint64_t>(i) * stride, &fd, 4) < 4) return rf::kFault;
    bool named = f.fds->describe(f.proc_tid, fd, decode, d);
    if (!named) d = FdDescription{};
    w.u32(static_cast<uint32_t>(fd));
    w.u32(named ? 0 : 1);
    w.u32(d.form);
    w.u32(static_cast<uint32_t>(d.path.size()));
    w.u32(static_cast<uint32_t>(d.detail.size()));
    w.bytes(d.path.data(), d.path.size());
    w.bytes(d.detail.data(), d.detail.size());
    w.pad_to(4);
  }
  return count > n ? rf::kTruncated : rf::kOk;
}

}  // namespace

void write_pid_body(rf::RecordWriter& w, PidResolver& pids, pid_t tid, int32_t value, int32_t id, uint32_t type,
                    uint32_t decode) {
  int proc_pid = 0;
  int translated = id > 0 ? pids.translate(tid, id, static_cast<PidKind>(type), &proc_pid) : 0;
  std::string comm;
  if ((decode & rf::kPidDecodeComm) != 0 && (type == rf::kPtTid || type == rf::kPtTgid) && translated > 0)
    comm = pids.comm(proc_pid);
  w.u32(static_cast<uint32_t>(value));
  w.u32(static_cast<uint32_t>(translated));
  w.u8(static_cast<uint8_t>(type));
  w.u8(0);
  w.u16(static_cast<uint16_t>(comm.size()));
  w.u32(0);
  w.bytes(comm.data(), comm.size());
}

namespace {

// A PID capture: the value (a register, the return value, or an i32 in memory), resolved as an id
// of its type: translated into the tracer's PID namespace and/or named by its thread's comm.
uint16_t capture_pid(rf::RecordWriter& w, MemoryReader& mem, const CaptureSpec& s, const SyscallFacts& f) {
  if (f.pids == nullptr) return rf::kFault;
  uint32_t type = s.max & 0xff;
  uint32_t decode = (s.max >> 8) & 0xff;
  uint32_t offset1 = s.max >> 16;
  int32_t value = 0;
  if (offset1 != 0) {
    if (s.arg > 5 || mem.read(f.args[s.arg] + offset1 - 1, &value, 4) < 4) return rf::kFault;
  } else {
    value = static_cast<int32_t>(s.arg == rf::kFdReturnArg ? f.rval : static_cast<int64_t>(f.args[s.arg]));
  }
  int32_t id = value;
  if (type == rf::kPtTgidPgid) {
    // kill's and wait4's: a process when positive, a process group when below -1.
    type = value < -1 ? rf::kPtPgid : rf::kPtTgid;
    if (value < -1) id = -value;
  } else if (type == rf::kPtByTypeField) {
    // struct f_owner_ex: the int before the pid is F_OWNER_TID, _PID or _PGRP, numbered as our types.
    int32_t t = -1;
    if (offset1 < 5 || mem.read(f.args[s.arg] + offset1 - 5, &t, 4) < 4 || t < 0 || t > static_cast<int32_t>(rf::kPtPgid))
      return rf::kFault;
    type = static_cast<uint32_t>(t);
  } else if (type == rf::kPtByArg3) {
    // prctl(PR_SCHED_CORE): argument 3 is the kernel's PIDTYPE_*, whose values are ours.
    type = static_cast<uint32_t>(f.args[3]);
    if (type > rf::kPtSid) type = rf::kPtTid;
  }
  write_pid_body(w, *f.pids, f.tid, value, id, type, decode);
  return rf::kOk;
}

/** `n` bytes at addr as u32 status, u32 length, bytes padded to 8 (length 0 when unreadable). */
void append_sized(rf::RecordWriter& w, MemoryReader& mem, uint64_t addr, size_t n) {
  size_t status_at = w.size();
  w.u32(rf::kOk);
  w.u32(0);
  if (!append_memory(w, mem, addr, n)) {
    w.patch_u32(status_at, rf::kFault);
    n = 0;
  }
  w.patch_u32(status_at + 4, static_cast<uint32_t>(n));
  w.pad_to(8);
}

/**
 * As append_sized, but keeps the readable prefix of the `n` bytes: at recvmsg's exit msg_namelen
 * is the kernel's length, which may exceed the caller's buffer (strace reads only the caller's
 * length; the decoder, which knows it, decides whether what was read suffices).
 */
void append_readable(rf::RecordWriter& w, MemoryReader& mem, uint64_t addr, size_t n) {
  size_t status_at = w.size();
  w.u32(rf::kOk);
  w.u32(0);
  size_t got = 0;
  if (n != 0) {
    uint8_t* dst = w.reserve_tail(n);
    got = mem.read(addr, dst, n);
    w.shrink_tail(n - got);
    if (got == 0) w.patch_u32(status_at, rf::kFault);
  }
  w.patch_u32(status_at + 4, static_cast<uint32_t>(got));
  w.pad_to(8);
}

/**
 * The most control-message bytes read: the kernel's own limit on them, net.core.optmem_max, as
 * strace reads it (get_optmem_max); kMsgControlMax when it cannot be read. Read once.
 */
uint64_t msg_control_cap() {
  static const uint64_t cap = [] {
    uint64_t v = rf::kMsgControlMax;
    if (FILE* f = std::fopen("/proc/sys/net/core/optmem_max", "r")) {
      unsigned long long n = 0;
      if (std::fscanf(f, "%llu", &n) == 1 && n > 0) v = std::min<uint64_t>(n, rf::kMsgControlCeiling);
      std::fclose(f);
    }
    return v;
  }();
  return cap;
}

// struct msghdr (the kernel's user_msghdr) on x86_64: sizes and offsets from core's BTF layouts.
constexpr size_t kMsghdrSize = layout::kSizeofMsghdr;
constexpr uint32_t kSockaddrMax = 128;

uint16_t capture_msghdr(rf::RecordWriter& w, MemoryReader& mem, uint64_t addr, uint64_t budget) {
  uint8_t* hdr = w.reserve_tail(kMsghdrSize);
  if (mem.read(addr, hdr, kMsghdrSize) < kMsghdrSize) {
    w.shrink_tail(kMsghdrSize);
    return rf::kFault;
  }
  uint64_t name, iov, iovlen, control, controllen;
  uint32_t namelen;
  std::memcpy(&name, hdr + layout::kMsghdrMsgName, 8);
  std::memcpy(&namelen, hdr + layout::kMsghdrMsgNamelen, 4);
  std::memcpy(&iov, hdr + layout::kMsghdrMsgIov, 8);
  std::memcpy(&iovlen, hdr + layout::kMsghdrMsgIovlen, 8);
  std::memcpy(&control, hdr + layout::kMsghdrMsgControl, 8);
  std::memcpy(&controllen, hdr + layout::kMsghdrMsgControllen, 8);
  append_readable(w, mem, name, name != 0 ? std::min<uint32_t>(namelen, kSockaddrMax) : 0);
  size_t iov_at = w.size();
  w.u32(rf::kOk);
  w.u32(0);
  size_t section = w.size();
  if (iov == 0 || capture_iovec(w, mem, iov, iovlen, budget) == rf::kFault) {
    w.truncate(section);
    w.patch_u32(iov_at, rf::kFault);
    w.u32(0);
    w.u32(0);
  }
  append_sized(w, mem, control, control != 0 ? static_cast<size_t>(std::min<uint64_t>(controllen, msg_control_cap())) : 0);
  return rf::kOk;
}

// struct mmsghdr on x86_64: a msghdr, then unsigned msg_len, padded (core's BTF layouts).
constexpr size_t kMmsghdrSize = layout::kSizeofMmsghdr;
constexpr uint64_t kMmsgEntriesCap = 1024;  // UIO_MAXIOV, the kernel's own cap on vlen

uint16_t capture_mmsghdr(rf::RecordWriter& w, MemoryReader& mem, uint64_t addr, uint64_t count,
                         const CaptureSpec& s, const SyscallFacts& f) {
  uint32_t n = static_cast<uint32_t>(std::min<uint64_t>(count, kMmsgEntriesCap));
  size_t count_at = w.size();
  w.u32(n);
  w.u32(0);
  for (uint32_t i = 0; i < n; i++) {
    uint64_t entry = addr + static_cast<uint64_t>(i) * kMmsghdrSize;
    uint32_t msg_len = 0;
    size_t at = w.size();
    if (mem.read(entry + layout::kMmsghdrMsgLen, &msg_len, 4) < 4) {
      if (i == 0) return rf::kFault;
      w.patch_u32(count_at, i);
      return rf::kTruncated;
    }
    w.u32(0);
    w.u32(msg_len);
    uint64_t budget = s.max;
    if (f.at_exit && s.size == 1) budget = std::min<uint64_t>(budget, msg_len);
    capture_msghdr(w, mem, entry, budget);
    w.patch_u32(at, static_cast<uint32_t>(w.size() - at - 8));
  }
  return count > n ? rf::kTruncated : rf::kOk;
}

// What the pointer at a struct's field points at (a POINTEE spec): the field's offset, the bytes
// wanted (a count field's elements, or `max`), the pointer, then what is readable of them.
// The array the last POINTEE capture read (for a POINTEE_EACH spec right after it).
struct PointeeSeen {
  uint8_t arg = 0xff;
  uint64_t ptr = 0;
  uint64_t readable = 0;
  uint32_t elem_size = 0;
};

uint16_t capture_pointee(rf::RecordWriter& w, MemoryReader& mem, uint64_t addr, const CaptureSpec& s,
                         PointeeSeen& seen) {
  seen = PointeeSeen{};
  uint32_t ptr_offset = (s.len_arg >> rf::kPointeePtrOffsetShift) & 0xff;
  uint32_t count_offset = (s.len_arg >> rf::kPointeeCountOffsetShift) & 0xff;
  uint32_t count_size = (s.len_arg >> rf::kPointeeCountSizeShift) & 0xf;
  uint32_t elem_size = (s.len_arg >> rf::kPointeeElemSizeShift) & 0xff;
  uint64_t ptr = 0;
  if (addr == 0 || mem.read(addr + ptr_offset, &ptr, 8) < 8) return rf::kFault;
  uint64_t wanted = s.max;
  if (count_size != 0) {
    uint64_t count = 0;  // little-endian: the low bytes of a u64
    if (mem.read(addr + count_offset, &count, count_size) < count_size) return rf::kFault;
    unsigned __int128 total = static_cast<unsigned __int128>(count) * elem_size;
    wanted = total > s.max ? s.max : static_cast<uint64_t>(total);
  }
  w.u32(ptr_offset);
  w.u32(static_cast<uint32_t>(wanted));
  w.u64(ptr);
  if (wanted == 0) return rf::kOk;
  if (ptr == 0) return rf::kPartial;
  size_t before = w.size();
  uint16_t status = append_prefix(w, mem, ptr, static_cast<size_t>(wanted));
  seen = PointeeSeen{s.arg, ptr, w.size() - before, elem_size};
  return status == rf::kFault ? static_cast<uint16_t>(rf::kPartial) : status;
}

// v4l2: for each whole element of the array the POINTEE capture before it read, what the pointer
// in the element points at (read again from the tracee): u32 elements, u32 0, then per element
// u64 pointer, u32 bytes wanted, u32 bytes read, the bytes padded to 4. At most kEachBudget bytes.
constexpr size_t kEachBudget = 256 * 1024;
uint16_t capture_pointee_each(rf::RecordWriter& w, MemoryReader& mem, const CaptureSpec& s, const PointeeSeen& seen) {
  if (seen.arg != s.arg || seen.elem_size == 0) return rf::kFault;
  uint32_t ptr_offset = (s.len_arg >> rf::kPointeePtrOffsetShift) & 0xff;
  uint32_t count_offset = (s.len_arg >> rf::kPointeeCountOffsetShift) & 0xff;
  uint32_t count_size = (s.len_arg >> rf::kPointeeCountSizeShift) & 0xf;
  uint64_t n = seen.readable / seen.elem_size;
  size_t count_at = w.size();
  w.u32(0);
  w.u32(0);
  size_t start = w.size();
  uint32_t done = 0;
  for (; done < n; done++) {
    uint64_t elem = seen.ptr + static_cast<uint64_t>(done) * seen.elem_size;
    uint64_t ptr = 0;
    uint64_t count = 0;  // little-endian: the low bytes of a u64
    if (mem.read(elem + ptr_offset, &ptr, 8) < 8) break;
    if (count_size != 0 && mem.read(elem + count_offset, &count, count_size) < count_size) break;
    uint64_t wanted = count_size != 0 ? std::min<uint64_t>(count, s.max) : s.max;
    if (w.size() - start + 16 + wanted > kEachBudget) break;
    w.u64(ptr);
    w.u32(static_cast<uint32_t>(wanted));
    size_t got_at = w.size();
    w.u32(0);
    size_t before = w.size();
    if (ptr != 0) append_prefix(w, mem, ptr, static_cast<size_t>(wanted));
    size_t got = w.size() - before;
    w.patch_u32(got_at, static_cast<uint32_t>(got));
    for (size_t pad = got; pad % 4 != 0; pad++) w.bytes("", 1);
  }
  w.patch_u32(count_at, done);
  return done < n ? rf::kTruncated : rf::kOk;
}

// A STRUCT_IF spec's selector (len_arg's low byte indexes the argument) equals its value (`size`),
// under the mask len_arg's SelectorMatch bits give: an ioctl family whose number carries a length
// or an index (EVIOCGBIT(ev, len)) is one spec.
bool selector_matches(const CaptureSpec& s, const SyscallFacts& f) {
  uint32_t idx = s.len_arg & 0xff;
  if (idx > 5) return false;
  uint32_t low = (s.len_arg >> rf::kSelectorLowBitsShift) & 0xf;
  uint32_t mask = ~((1u << low) - 1);
  if (s.len_arg & rf::kSelectorAnyIocSize) mask &= ~0x3fff0000u;
  return (static_cast<uint32_t>(f.args[idx]) & mask) == s.size;
}

}  // namespace

uint32_t write_captures(rf::RecordWriter& w, MemoryReader& mem, const std::vector<CaptureSpec>& specs,
                        const SyscallFacts& f) {
  uint32_t written = 0;
  uint8_t when = f.at_exit ? rf::kWhenExit : rf::kWhenEntry;
  // Reused from call to call (the tracer thread's): a path read at every openat allocates nothing.
  thread_local std::vector<uint8_t> str;
  // Set once an FdDecode::NETLINK capture found a netlink socket: the payload captures after it
  // read whole messages (up to kNetlinkCaptureMax), since strace decodes them all.
  bool netlink = false;
  // What the last POINTEE capture read, for a POINTEE_EACH spec after it.
  PointeeSeen seen_pointee;
  for (const CaptureSpec& spec : specs) {
    if (spec.when != when) continue;
    CaptureSpec s = spec;
    // (A PID spec's last word is its type, decode bits and offset, not a length.)
    if (netlink && s.kind != rf::kFdPath && s.kind != rf::kFdPaths && s.kind != rf::kPointee && s.kind != rf::kPid)
      s.max = std::max(s.max, rf::kNetlinkCaptureMax);
    // A conditional capture whose argument does not match writes nothing: the decoder prints the address.
    if (s.kind == rf::kStructIf && !selector_matches(s, f)) continue;
    if (s.kind == rf::kPointee || s.kind == rf::kPointeeEach) {
      uint32_t sel = (s.len_arg >> rf::kPointeeSelectorShift) & 0xf;
      if (sel != rf::kPointeeNoSelector && (sel > 5 || static_cast<uint32_t>(f.args[sel]) != s.size)) continue;
    }
    if (s.kind == rf::kPid && (f.pids == nullptr ||
                               (s.len_arg <= 5 && static_cast<uint32_t>(f.args[s.len_arg]) != s.size)))
      continue;
    if (s.kind == rf::kFdPaths && (s.len_arg & ~0xfu) == rf::kFdFieldLenArg) {
      uint32_t sel = s.len_arg & 0xf;
      if (sel != rf::kPointeeNoSelector && (sel > 5 || static_cast<uint32_t>(f.args[sel]) != s.size)) continue;
    }
    if (s.kind == rf::kFdPath && (s.len_arg & ~0xffu) == rf::kFdSelectedLenArg) {
      // Read only for its selector value; then an ordinary FD_PATH with the decode bits it carries.
      uint32_t sel = s.len_arg & 0xf;
      if (sel > 5 || static_cast<uint32_t>(f.args[sel]) != s.size) continue;
      s.size = (s.len_arg >> 4) & 0xf;
      s.len_arg = kPlanUnusedLenArg;
    }
    uint64_t addr = s.arg <= 5 ? f.args[s.arg] : 0;
    uint64_t len_arg = s.len_arg <= 5 ? f.args[s.len_arg] : 0;
    size_t start = w.begin_capture(s.arg, s.kind);
    uint16_t status = rf::kOk;
    switch (s.kind) {
      case rf::kCString:
        status = mem.read_cstring(addr, s.max, str);
        w.bytes(str.data(), str.size());
        break;
      case rf::kBufferArgLen: {
        // `size` bytes of header before the counted ones (msgsnd's mtype); saturating.
        uint64_t len = len_arg > UINT64_MAX - s.size ? UINT64_MAX : len_arg + s.size;
        status = (netlink ? capture_prefix : capture_buffer)(w, mem, addr, len, s.max);
        break;
      }
      case rf::kBufferRetLen:
        status = (netlink ? capture_prefix : capture_buffer)(w, mem, addr, f.rval > 0 ? static_cast<uint64_t>(f.rval) : 0,
                                                             s.max);
        break;
      case rf::kStruct:
        status = append_prefix(w, mem, addr, s.size);
        break;
      case rf::kStructIf:
        status = append_prefix(w, mem, addr, s.max);
        break;
      case rf::kStack:
        status = append_memory(w, mem, f.sp + s.len_arg, s.size) ? rf::kOk : rf::kFault;
        break;
      case rf::kStringArray:
        status = capture_string_array(w, mem, addr, s);
        break;
      case rf::kIovec:
        status = capture_iovec(w, mem, addr, len_arg, iovec_budget(s, f), true);
        break;
      case rf::kArray: {
        if ((s.len_arg & rf::kArrayPointers) != 0) {
          status = capture_pointer_array(w, mem, addr, f.args[s.len_arg & 0xff], s);
          break;
        }
        unsigned __int128 total = static_cast<unsigned __int128>(len_arg) * s.size;
        uint64_t len = total > UINT64_MAX ? UINT64_MAX : static_cast<uint64_t>(total);
        status = capture_buffer(w, mem, addr, len, s.max);
        break;
      }
      case rf::kFdPath:
        status = capture_fd_path(w, s, f, netlink);
        break;
      case rf::kFdPaths:
        status = capture_fd_paths(w, mem, addr, len_arg, s, f);
        break;
      case rf::kPid:
        status = capture_pid(w, mem, s, f);
        break;
      case rf::kFdset: {
        // nfds bits rounded up to longs, as the kernel copies them; strace caps nfds at 1024 * 1024.
        uint64_t nfds = std::min<uint64_t>(static_cast<uint32_t>(len_arg), 1024 * 1024);
        status = capture_buffer(w, mem, addr, (nfds + 63) / 64 * 8, s.max);
        break;
      }
      case rf::kMsghdr:
        status = capture_msghdr(w, mem, addr, iovec_budget(s, f));
        break;
      case rf::kMmsghdr:
        status = capture_mmsghdr(w, mem, addr, len_arg, s, f);
        break;
      case rf::kIndirect: {
        uint64_t ptr = 0;
        if (s.size < 8 || mem.read(addr, &ptr, 8) < 8 || !append_memory(w, mem, addr, s.size)) {
          status = rf::kFault;
          break;
        }
        w.pad_to(8);
        append_sized(w, mem, ptr, ptr != 0 ? s.max : 0);
        break;
      }
      case rf::kPointee:
        status = capture_pointee(w, mem, addr, s, seen_pointee);
        break;
      case rf::kPointeeEach:
        status = capture_pointee_each(w, mem, s, seen_pointee);
        break;
      default:
        break;
    }
    if (status == rf::kFault) w.truncate(start + rf::capture_header::kSize);
    w.end_capture(start, status);
    written++;
  }
  return written;
}

}  // namespace tstrace
