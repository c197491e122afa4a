// What a Node process (or its forked child) must undo before it execs a command, so the command
// starts as it would from a shell. Async-signal-safe: usable between fork and execve.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tstrace {

// execve's argv/envp for `v`: pointers into its strings, then a null. Built before a fork, since
// the child may only make async-signal-safe calls; valid while `v` lives.
std::vector<char*> c_strings(const std::vector<std::string>& v);

// Node ignores SIGPIPE/SIGXFSZ and may block signals: restore default actions and an empty mask.
// Signals in `ignored` (bit sig - 1) are left ignored instead: those the user started us with.
void restore_exec_signals(uint64_t ignored = 0);

// Node marks its stdio descriptors close-on-exec; the command must inherit them.
void inherit_stdio();

// The descriptors from 3 up that the command inherits, as under strace: those tstrace itself
// inherited (listed before Node started, which marks the low ones close-on-exec), and none of
// Node's own (epoll, eventfd, pipes, sockets). Built before a fork.
struct InheritedFds {
  std::vector<int> fds;  // to inherit, whatever their close-on-exec flag is now
  int highest_open = 0;  // for kernels without close_range(CLOSE_RANGE_CLOEXEC): what to mark
};

// Not async-signal-safe (reads /proc/self/fd): call before fork.
InheritedFds inherited_fds(std::vector<int> fds);

// Marks every descriptor from 3 up close-on-exec except `keep.fds`, which become inheritable.
// Async-signal-safe.
void inherit_only(const InheritedFds& keep);

}  // namespace tstrace
