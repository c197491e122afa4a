#include "self_signal.h"

#include <signal.h>
#include <sys/resource.h>

namespace tstrace {

void RaiseWithDefaultAction(int signo) {
  struct rlimit no_core = {0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
  struct sigaction action = {};
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  sigaction(signo, &action, nullptr);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, signo);
  // V8 and libuv threads may have the signal unblocked with handlers of their own; raising on this
  // thread with the default action restored is what ends the process.
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
  raise(signo);
}

}  // namespace tstrace
