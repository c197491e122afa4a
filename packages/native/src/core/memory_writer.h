// Writes into a stopped tracee's memory as strace's upoken does (poke_enter=/poke_exit=):
// process_vm_writev first, PTRACE_PEEKDATA/POKEDATA word by word when it is unavailable or the
// address space refuses it, with strace's warnings about writes that stop part way.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace tstrace {

// Writes len bytes of data at addr in pid. Returns how many bytes were written contiguously from
// addr (0: none). Each warning strace prints on the way (`upoken: pid:N short write (1 < 15)
// @0x…`) is appended to warnings, without strace's program-name prefix.
size_t write_tracee(pid_t pid, uint64_t addr, const uint8_t* data, size_t len, std::vector<std::string>& warnings);

}  // namespace tstrace
