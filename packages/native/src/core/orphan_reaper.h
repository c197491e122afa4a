// Who reaps the orphans of tstrace's tracees. Plain C++, no N-API.
#pragma once

namespace tstrace {

// Whether this process must reap the orphans of its tracees, and, where that takes a request, makes
// them come to it. True when tstrace is the init of its PID namespace (`unshare -pf tstrace …`,
// where strace is too), and when tstrace's parent is the init of a PID namespace other than the
// machine's (`unshare -pf WRAPPER tstrace …`): then tstrace becomes a child subreaper. Such a
// parent (a container entry point, a test harness's wrapper) often reaps only its own child; the
// orphans of tracees would stay zombies, and a PID namespace among the tracees could never end: its
// exiting init waits in zap_pid_ns_processes until every process of it is reaped. Under the
// machine's init nothing changes, so orphans see the same parent as under strace.
bool TakeOrphans();

}  // namespace tstrace
