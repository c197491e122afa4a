// strace -D: the process the user started becomes the command, and the tracer runs in a detached
// grandchild that attaches to it before its execve, so the command stays its parent's child.
#pragma once

#include <cstdint>

#include "exec_prep.h"

#include <string>
#include <vector>

namespace tstrace {

// -D, -DD, -DDD: where the grandchild lives (strace's --daemonize=grandchild|pgroup|session).
enum class DaemonMode { kGrandchild, kProcessGroup, kSession };

// Starts `path` with `argv`/`env` as a grandchild (its intermediate parent exits at once, so the
// command this process becomes never sees it as a child), with the write end of a pipe as fd 3.
// Blocks until the grandchild has closed fd 3 and returns what it wrote there. Throws SpawnError
// when the processes cannot be created.
std::string start_grandchild(const std::string& path, const std::vector<std::string>& argv,
                             const std::vector<std::string>& env, DaemonMode mode);

// Replaces this process with the command, with the signal state and stdio a shell would give it,
// and, when `keep` is given, exactly those descriptors from 3 up. Returns (errno) only when
// execve failed. `ignored_signals` (bit sig - 1) stay ignored in the command.
int exec_command(const std::string& path, const std::vector<std::string>& argv, const std::vector<std::string>& env,
                 const InheritedFds* keep = nullptr, uint64_t ignored_signals = 0);

}  // namespace tstrace
