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

}  // namespace tstrace
