#include "daemon.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "exec_prep.h"
#include "tracer.h"

#ifndef PR_SET_PTRACER
#define PR_SET_PTRACER 0x59616d61
#endif
#ifndef PR_SET_PTRACER_ANY
#define PR_SET_PTRACER_ANY (-1UL)
#endif

namespace tstrace {

namespace {

// The intermediate child: async-signal-safe calls only (it is a fork of a threaded process).
[[noreturn]] void intermediate_main(const char* path, char* const* argv, char* const* envp, int wfd, DaemonMode mode) {
  pid_t g = fork();
  if (g != 0) _exit(g < 0 ? 1 : 0);
  if (mode == DaemonMode::kProcessGroup) setpgid(0, 0);
  if (mode == DaemonMode::kSession) setsid();
  if (wfd == 3) {
    fcntl(3, F_SETFD, 0);
  } else if (dup2(wfd, 3) < 0) {
    _exit(1);
  }
  restore_exec_signals();
  inherit_stdio();
  execve(path, argv, envp);
  _exit(1);
}

}  // namespace

std::string start_grandchild(const std::string& path, const std::vector<std::string>& argv,
                             const std::vector<std::string>& env, DaemonMode mode) {
  std::vector<char*> cargv = c_strings(argv);
  std::vector<char*> cenv = c_strings(env);
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) < 0) throw SpawnError("pipe: " + errno_text(errno), errno);
  // Under Yama's ptrace_scope=1 only an ancestor may attach; the grandchild is not one.
  prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY, 0, 0, 0);
  pid_t child = fork();
  if (child < 0) {
    int err = errno;
    close(fds[0]);
    close(fds[1]);
    throw SpawnError("fork: " + errno_text(err), err);
  }
  if (child == 0) intermediate_main(path.c_str(), cargv.data(), cenv.data(), fds[1], mode);
  close(fds[1]);
  int st;
  while (waitpid(child, &st, 0) < 0 && errno == EINTR) {
  }
  std::string said;
  char buf[512];
  for (;;) {
    ssize_t n = read(fds[0], buf, sizeof buf);
    if (n > 0) {
      said.append(buf, static_cast<size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  close(fds[0]);
  return said;
}

int exec_command(const std::string& path, const std::vector<std::string>& argv, const std::vector<std::string>& env,
                 const InheritedFds* keep, uint64_t ignored_signals) {
  std::vector<char*> cargv = c_strings(argv);
  std::vector<char*> cenv = c_strings(env);
  prctl(PR_SET_PTRACER, 0, 0, 0, 0);  // the tracer is attached; nobody else needs the exception
  restore_exec_signals(ignored_signals);
  inherit_stdio();
  if (keep != nullptr) inherit_only(*keep);
  execve(path.c_str(), cargv.data(), cenv.data());
  return errno;
}

}  // namespace tstrace
