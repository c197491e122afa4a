// Force-included (-include) in every translation unit of the portable build (scripts/build.mjs),
// which compiles with the host's g++ against a glibc 2.17 sysroot. Not used by the from-source
// build (binding.gyp), which targets the machine it runs on.
#pragma once

// The host's libstdc++ headers were configured for the host's glibc; turn off what they would
// call that glibc 2.17 lacks (each has a portable fallback in libstdc++).
#include <bits/c++config.h>
#undef _GLIBCXX_USE_PTHREAD_COND_CLOCKWAIT   // pthread_cond_clockwait: glibc 2.30
#undef _GLIBCXX_USE_PTHREAD_MUTEX_CLOCKLOCK  // pthread_mutex_clocklock: glibc 2.30
#undef _GLIBCXX_USE_PTHREAD_RWLOCK_CLOCKLOCK // pthread_rwlock_clock*lock: glibc 2.30
#undef _GLIBCXX_HAVE_ARC4RANDOM              // glibc 2.36
#undef _GLIBCXX_HAVE_GETENTROPY              // glibc 2.25

// Names newer glibc headers define and 2.17's do not; the values are the kernel's ABI (the
// kernel's own uapi headers come first on the include path, see scripts/build.mjs).
#include <sys/ptrace.h>
#include <sys/syscall.h>
#ifndef SYS_close_range
#define SYS_close_range __NR_close_range
#endif
#ifndef PTRACE_O_EXITKILL
#define PTRACE_O_EXITKILL (1 << 20)
#endif
#ifndef PTRACE_EVENT_STOP
#define PTRACE_EVENT_STOP 128
#endif
