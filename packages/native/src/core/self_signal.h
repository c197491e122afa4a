// Dying the way the tracee died: strace kills itself with the tracee's fatal signal so the shell
// sees the same end. Plain C++, no N-API.
#pragma once

namespace tstrace {

// Restores the default action of `signo`, unblocks it and raises it. Core dumps of the tracer are
// suppressed first (strace does the same): the core would be ours, not the tracee's. Returns only
// if the signal's default action does not end the process.
void RaiseWithDefaultAction(int signo);

}  // namespace tstrace
