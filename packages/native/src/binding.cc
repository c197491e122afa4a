// Node-API binding: the only file that knows Napi. Validates arguments, starts a Tracer and
// delivers its batches to JS through a ThreadSafeFunction (bounded queue, blocking calls: a slow
// consumer stops the tracer thread, nothing is dropped).
#include <napi.h>
#include <grp.h>
#include <pwd.h>
#include <unistd.h>

#include <sys/stat.h>
#include <sys/wait.h>

#include <cerrno>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "core/capture_plan.h"
#include "core/daemon.h"
#include "core/record_format.h"
#include "core/self_signal.h"
#include "core/syscall_counter.h"
#include "core/tracer.h"

extern char** environ;

namespace {

constexpr size_t kQueueItems = 8;
// Batches whose onBatch promise may be pending at once before the tracer thread waits.
constexpr int kMaxHeld = 2;
constexpr double kMaxBatchBytes = 1 << 30;
constexpr size_t kMaxTraceSetBytes = 8192;

class Session;
using Batch = std::vector<uint8_t>;
void CallJs(Napi::Env env, Napi::Function callback, Session* session, Batch* batch);
using Tsfn = Napi::TypedThreadSafeFunction<Session, Batch, CallJs>;

// Sessions of one Node env that have not been finalized yet (instance data).
using SessionSet = std::set<Session*>;
SessionSet& Live(Napi::Env env) {
  SessionSet* set = env.GetInstanceData<SessionSet>();
  if (set == nullptr) {
    set = new SessionSet();
    env.SetInstanceData<SessionSet>(set);
  }
  return *set;
}

// Syscall totals (perf counting, or a trace's count_only) as done's `rows`.
Napi::Array CountRows(Napi::Env env, const std::vector<tstrace::SyscallTotals>& totals) {
  Napi::Array rows = Napi::Array::New(env, totals.size());
  for (size_t i = 0; i < totals.size(); i++) {
    const tstrace::SyscallTotals& r = totals[i];
    Napi::Object row = Napi::Object::New(env);
    row.Set("nr", Napi::Number::New(env, r.nr));
    row.Set("calls", Napi::Number::New(env, static_cast<double>(r.calls)));
    row.Set("errors", Napi::Number::New(env, static_cast<double>(r.errors)));
    row.Set("totalNs", Napi::Number::New(env, static_cast<double>(r.total_ns)));
    row.Set("minNs", Napi::Number::New(env, static_cast<double>(r.min_ns)));
    row.Set("maxNs", Napi::Number::New(env, static_cast<double>(r.max_ns)));
    rows.Set(static_cast<uint32_t>(i), row);
  }
  return rows;
}

class Session final : public tstrace::BatchSink {
 public:
  explicit Session(Napi::Env env) : deferred_(Napi::Promise::Deferred::New(env)) {}

  bool deliver(Batch&& batch) override {
    {
      // Batches JS took but has not finished with (onBatch returned a pending promise): past
      // kMaxHeld the tracer thread waits here and its tracees stay stopped (back-pressure).
      std::unique_lock<std::mutex> lock(held_mu_);
      held_cv_.wait(lock, [this] { return held_ < kMaxHeld || aborted_; });
      if (aborted_) return false;
    }
    auto* item = new Batch(std::move(batch));
    if (tsfn_.BlockingCall(item) != napi_ok) {
      delete item;
      return false;
    }
    return true;
  }

  void finished(const tstrace::TraceOutcome& outcome) override {
    outcome_ = outcome;  // read on the JS thread after join()
    tsfn_.Release();
  }

  // Any thread: onBatch's promise for a batch is pending (hold) or settled (release).
  void hold() {
    std::lock_guard<std::mutex> lock(held_mu_);
    held_++;
  }
  void release() {
    std::lock_guard<std::mutex> lock(held_mu_);
    if (held_ > 0) held_--;
    held_cv_.notify_all();
  }
  // Unblocks a tracer thread waiting for JS (teardown): it then ends the session.
  void abort_waits() {
    std::lock_guard<std::mutex> lock(held_mu_);
    aborted_ = true;
    held_cv_.notify_all();
  }

  // JS thread: a batch arrived. Its bytes are copied into a buffer V8 allocates and accounts
  // for, so the garbage collector sees the memory the batches hold (an external buffer it
  // cannot see would let hundreds of them pile up before a collection).
  void on_batch(Napi::Env env, Napi::Function callback, Batch* batch) {
    std::unique_ptr<Batch> owned(batch);
    if (callback_failed_) return;
    Napi::ArrayBuffer ab = Napi::ArrayBuffer::New(env, owned->size());
    if (!owned->empty()) std::memcpy(ab.Data(), owned->data(), owned->size());
    owned.reset();
    Napi::Uint8Array view = Napi::Uint8Array::New(env, ab.ByteLength(), ab, 0);
    try {
      callback.Call({view});
      // Transient batches (the consumer keeps nothing): the memory goes back at once instead of
      // waiting, with every batch before it, for a garbage collection.
      if (transient_) ab.Detach();
    } catch (const Napi::Error& e) {
      // onBatch threw: end the session, reject `done` with that error.
      callback_failed_ = true;
      callback_error_ = Napi::Persistent(e.Value());
      tracer_.shutdown();
    }
  }

  // JS thread, after the tracer thread released the function and the queue drained.
  static void Finalize(Napi::Env env, void*, Session* self) {
    self->tracer_.join();
    Live(env).erase(self);
    if (self->kill_switch_) *self->kill_switch_ = nullptr;
    if (self->hook_registered_) {
      napi_remove_env_cleanup_hook(env, &Session::Teardown, self);
      self->hook_registered_ = false;
    }
    if (!self->tearing_down_ && self->started_) self->settle(env);
    delete self;
  }

  // Node env teardown (process or worker exit) while the session runs: kill, unblock, join.
  static void Teardown(void* arg) {
    auto* self = static_cast<Session*>(arg);
    if (self->tearing_down_) return;
    self->hook_registered_ = false;
    self->tearing_down_ = true;
    self->tracer_.shutdown();  // spawned tracees are killed, attached ones detached
    self->abort_waits();  // wakes a tracer thread waiting for JS to finish with its batches
    self->tsfn_.Abort();  // wakes a tracer thread blocked on the full queue
    self->tracer_.join();
  }

  void settle(Napi::Env env) {
    Napi::HandleScope scope(env);
    if (callback_failed_) {
      deferred_.Reject(callback_error_.Value());
      callback_error_.Reset();
      return;
    }
    if (!outcome_.error.empty() || (!outcome_.has_status && !attached_ && !outcome_.detached)) {
      std::string msg = outcome_.error.empty() ? "trace ended without the initial process's status" : outcome_.error;
      deferred_.Reject(Napi::Error::New(env, msg).Value());
      return;
    }
    // A session whose first process did not end while traced (detached) reports
    // status 0 with exitCode and signal null.
    const bool ended = outcome_.has_status;
    int st = outcome_.status;
    Napi::Object result = Napi::Object::New(env);
    result.Set("status", Napi::Number::New(env, st));
    result.Set("exitCode", ended && WIFEXITED(st) ? Napi::Number::New(env, WEXITSTATUS(st)) : env.Null());
    result.Set("signal", ended && WIFSIGNALED(st) ? Napi::Number::New(env, WTERMSIG(st)) : env.Null());
    result.Set("coreDumped", Napi::Boolean::New(env, ended && WIFSIGNALED(st) && WCOREDUMP(st)));
    result.Set("stops", Napi::Number::New(env, static_cast<double>(outcome_.stops)));
    result.Set("interrupted", outcome_.interrupted != 0 ? Napi::Number::New(env, outcome_.interrupted) : env.Null());
    if (count_only_) result.Set("rows", CountRows(env, outcome_.counts));
    deferred_.Resolve(result);
  }

  tstrace::Tracer tracer_;
  bool count_only_ = false;  // set before the tracer starts: done's result carries the counts
  Tsfn tsfn_;
  Napi::Promise::Deferred deferred_;
  tstrace::TraceOutcome outcome_;
  Napi::ObjectReference callback_error_;
  bool callback_failed_ = false;
  bool attached_ = false;
  bool started_ = false;
  bool hook_registered_ = false;
  bool tearing_down_ = false;
  bool transient_ = false;  // JS thread: onBatch keeps no reference to a batch after its call
  std::mutex held_mu_;
  std::condition_variable held_cv_;
  int held_ = 0;         // guarded by held_mu_
  bool aborted_ = false;  // guarded by held_mu_
  std::shared_ptr<Session*> kill_switch_;  // shared with the JS kill(); cleared at finalize
};

void CallJs(Napi::Env env, Napi::Function callback, Session* session, Batch* batch) {
  if (env == nullptr || batch == nullptr) {  // queue emptied during teardown
    delete batch;
    return;
  }
  session->on_batch(env, callback, batch);
}

[[noreturn]] void ThrowType(Napi::Env env, const std::string& msg) { throw Napi::TypeError::New(env, msg); }

// A failure to start, as a JS Error with strace's text and the errno.
Napi::Error SpawnErrorToJs(Napi::Env env, const tstrace::SpawnError& e) {
  Napi::Error err = Napi::Error::New(env, e.what());
  if (e.error_number() != 0) err.Set("errno", Napi::Number::New(env, e.error_number()));
  return err;
}


// inheritFds: undefined (no list) or an array of descriptor numbers from 3 up.
bool FdList(Napi::Env env, Napi::Value v, std::vector<int>& out) {
  if (v.IsUndefined()) return false;
  if (!v.IsArray()) ThrowType(env, "inheritFds must be an array of descriptors");
  Napi::Array arr = v.As<Napi::Array>();
  for (uint32_t i = 0; i < arr.Length(); i++) {
    Napi::Value e = arr.Get(i);
    double d = e.IsNumber() ? e.As<Napi::Number>().DoubleValue() : -1;
    if (!(d >= 3 && d <= 0x7fffffff) || d != static_cast<double>(static_cast<int>(d))) {
      ThrowType(env, "inheritFds[" + std::to_string(i) + "] must be a descriptor number of at least 3");
    }
    out.push_back(static_cast<int>(d));
  }
  return true;
}

std::vector<std::string> StringArray(Napi::Env env, Napi::Value v, const char* name, bool non_empty) {
  if (!v.IsArray()) ThrowType(env, std::string(name) + " must be an array of strings");
  Napi::Array arr = v.As<Napi::Array>();
  if (non_empty && arr.Length() == 0) ThrowType(env, std::string(name) + " must not be empty");
  std::vector<std::string> out;
  out.reserve(arr.Length());
  for (uint32_t i = 0; i < arr.Length(); i++) {
    Napi::Value e = arr.Get(i);
    if (!e.IsString()) ThrowType(env, std::string(name) + "[" + std::to_string(i) + "] must be a string");
    std::string s = e.As<Napi::String>().Utf8Value();
    if (s.find('\0') != std::string::npos) {
      ThrowType(env, std::string(name) + "[" + std::to_string(i) + "] contains a NUL byte");
    }
    out.push_back(std::move(s));
  }
  return out;
}

void ParsePlan(Napi::Env env, Napi::Value v, tstrace::TraceOptions& opts) {
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != napi_uint32_array) {
    ThrowType(env, "capturePlan must be a Uint32Array");
  }
  Napi::Uint32Array plan = v.As<Napi::Uint32Array>();
  try {
    opts.plan = std::make_shared<tstrace::CapturePlan>(tstrace::CapturePlan::parse(plan.Data(), plan.ElementLength()));
  } catch (const tstrace::PlanError& e) {
    throw Napi::Error::New(env, e.what());
  }
}

void ParseBatchBytes(Napi::Env env, Napi::Value v, tstrace::TraceOptions& opts) {
  if (!v.IsNumber()) ThrowType(env, "batchBytes must be a number");
  double batch_bytes = v.As<Napi::Number>().DoubleValue();
  if (!(batch_bytes >= 1 && batch_bytes <= kMaxBatchBytes) || batch_bytes != static_cast<double>(static_cast<int64_t>(batch_bytes))) {
    throw Napi::RangeError::New(env, "batchBytes must be an integer from 1 to 2^30");
  }
  opts.batch_bytes = static_cast<size_t>(batch_bytes);
}

// traceSet: undefined (everything) or a Uint8Array bitmap (bit nr set = traced).
void ParseTraceSet(Napi::Env env, Napi::Value v, tstrace::TraceOptions& opts) {
  if (v.IsUndefined()) return;
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
    ThrowType(env, "traceSet must be a Uint8Array");
  }
  Napi::Uint8Array set = v.As<Napi::Uint8Array>();
  if (set.ElementLength() > kMaxTraceSetBytes) throw Napi::RangeError::New(env, "traceSet must be at most 8192 bytes");
  opts.has_trace_set = true;
  opts.trace_set.assign(set.Data(), set.Data() + set.ElementLength());
}

// countOnly: undefined (records as usual) or -O's overhead in ns (strace -c alone: selected
// syscalls are counted in the tracer thread, not recorded).
void ParseCountOnly(Napi::Env env, Napi::Value v, tstrace::TraceOptions& opts) {
  if (v.IsUndefined()) return;
  const double ns = v.IsNumber() ? v.As<Napi::Number>().DoubleValue() : -1;
  if (!(ns >= 0 && ns < 1e18)) throw Napi::RangeError::New(env, "countOnly must be an overhead in ns (>= 0)");
  opts.count_only = true;
  opts.count_overhead_ns = static_cast<uint64_t>(ns);
}

// injectTable: undefined (none) or a Uint32Array of core's injection table (-e inject=).
void ParseInjectTable(Napi::Env env, Napi::Value v, tstrace::TraceOptions& opts) {
  if (v.IsUndefined()) return;
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != napi_uint32_array) {
    ThrowType(env, "injectTable must be a Uint32Array");
  }
  Napi::Uint32Array table = v.As<Napi::Uint32Array>();
  try {
    auto parsed = std::make_shared<tstrace::InjectTable>(tstrace::InjectTable::parse(table.Data(), table.ElementLength()));
    if (!parsed->empty()) opts.inject = std::move(parsed);
  } catch (const tstrace::InjectError& e) {
    throw Napi::RangeError::New(env, e.what());
  }
}

// stackPlan (-k): core's compileStackPlan layout, or undefined.
void ParseStackPlan(Napi::Env env, Napi::Value v, tstrace::TraceOptions& opts) {
  if (v.IsUndefined()) return;
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != napi_uint32_array) {
    ThrowType(env, "stackPlan must be a Uint32Array");
  }
  Napi::Uint32Array a = v.As<Napi::Uint32Array>();
  const size_t n = a.ElementLength();
  if (n < tstrace::rf::stack_plan::kLength) throw Napi::RangeError::New(env, "stackPlan is too short");
  const uint32_t words = a[tstrace::rf::stack_plan::kWords];
  if (n != tstrace::rf::stack_plan::kLength + 2 * static_cast<size_t>(words)) {
    throw Napi::RangeError::New(env, "stackPlan's length does not match its bitmap size");
  }
  auto plan = std::make_shared<tstrace::StackPlanData>();
  plan->bytes = a[tstrace::rf::stack_plan::kBytes];
  const uint32_t* d = a.Data() + tstrace::rf::stack_plan::kLength;
  plan->at_entry.assign(d, d + words);
  plan->changes_maps.assign(d + words, d + 2 * words);
  opts.stack = std::move(plan);
}

// ignoredSignals: an array of signal numbers, as a mask (bit sig - 1).
uint64_t SignalMask(Napi::Env env, Napi::Value v) {
  if (!v.IsArray()) ThrowType(env, "ignoredSignals must be an array of signal numbers");
  Napi::Array ignored = v.As<Napi::Array>();
  uint64_t mask = 0;
  for (uint32_t i = 0; i < ignored.Length(); i++) {
    Napi::Value e = ignored.Get(i);
    const double d = e.IsNumber() ? e.As<Napi::Number>().DoubleValue() : 0;
    if (!(d >= 1 && d <= 64) || d != static_cast<double>(static_cast<int>(d))) {
      throw Napi::RangeError::New(env, "ignoredSignals[" + std::to_string(i) + "] must be a signal number from 1 to 64");
    }
    mask |= uint64_t{1} << (static_cast<int>(d) - 1);
  }
  return mask;
}

// The processes to attach (attach's pids, spawn's attachPids): positive integer process ids.
std::vector<pid_t> PidList(Napi::Env env, Napi::Value v, bool required) {
  if (!v.IsArray()) ThrowType(env, "pids must be an array of process ids");
  Napi::Array pids = v.As<Napi::Array>();
  if (required && pids.Length() == 0) ThrowType(env, "pids must not be empty");
  std::vector<pid_t> out;
  for (uint32_t i = 0; i < pids.Length(); i++) {
    Napi::Value e = pids.Get(i);
    double d = e.IsNumber() ? e.As<Napi::Number>().DoubleValue() : 0;
    if (!(d >= 1 && d <= 0x7fffffff) || d != static_cast<double>(static_cast<int64_t>(d))) {
      throw Napi::RangeError::New(env, "pids[" + std::to_string(i) + "] must be a positive integer process id");
    }
    out.push_back(static_cast<pid_t>(d));
  }
  return out;
}

bool Bool(Napi::Env env, Napi::Value v, const char* name) {
  if (!v.IsBoolean()) ThrowType(env, std::string(name) + " must be a boolean");
  return v.As<Napi::Boolean>().Value();
}

// Starts `session`'s tracer with `start` and returns the JS handle:
//   { pid, done: Promise<TraceResult>, kill(): void, detach(): void }
template <typename Start>
Napi::Value StartSession(Napi::Env env, Napi::Function on_batch, bool attached, Start start) {
  auto* session = new Session(env);
  session->attached_ = attached;
  session->tsfn_ = Tsfn::New(env, on_batch, "tstrace.trace", kQueueItems, 1, session, &Session::Finalize,
                             static_cast<void*>(nullptr));
  pid_t pid;
  try {
    pid = start(session);
  } catch (const tstrace::SpawnError& e) {
    session->tsfn_.Release();  // the finalizer deletes the session without settling
    throw SpawnErrorToJs(env, e);
  } catch (const std::exception& e) {
    session->tsfn_.Release();
    throw Napi::Error::New(env, e.what());
  }
  session->started_ = true;
  napi_add_env_cleanup_hook(env, &Session::Teardown, session);
  session->hook_registered_ = true;
  Live(env).insert(session);

  Napi::Object handle = Napi::Object::New(env);
  handle.Set("pid", Napi::Number::New(env, pid));
  handle.Set("done", session->deferred_.Promise());
  // kill() and detach() may outlive the session: they go through a shared flag, never a
  // dangling pointer.
  auto alive = std::make_shared<Session*>(session);
  session->kill_switch_ = alive;
  handle.Set("kill", Napi::Function::New(env, [alive](const Napi::CallbackInfo&) {
               if (*alive != nullptr) (*alive)->tracer_.kill();
             }, "kill"));
  handle.Set("detach", Napi::Function::New(env, [alive](const Napi::CallbackInfo&) {
               if (*alive != nullptr) (*alive)->tracer_.detach();
             }, "detach"));
  handle.Set("interrupt", Napi::Function::New(env, [alive](const Napi::CallbackInfo& info) {
               const int sig = info.Length() > 0 && info[0].IsNumber() ? info[0].As<Napi::Number>().Int32Value() : 0;
               if (sig <= 0 || sig >= 65) throw Napi::RangeError::New(info.Env(), "interrupt(signo): signo out of range");
               if (*alive != nullptr) (*alive)->tracer_.interrupt(sig);
             }, "interrupt"));
  handle.Set("catchInterrupts", Napi::Function::New(env, [alive](const Napi::CallbackInfo& info) {
               std::vector<int> sigs;
               if (info.Length() > 0 && info[0].IsArray()) {
                 Napi::Array arr = info[0].As<Napi::Array>();
                 for (uint32_t i = 0; i < arr.Length(); i++) {
                   Napi::Value v = arr.Get(i);
                   if (v.IsNumber()) sigs.push_back(v.As<Napi::Number>().Int32Value());
                 }
               }
               if (*alive == nullptr) return;
               tstrace::Tracer::hook_interrupt_signals(sigs);
               (*alive)->tracer_.interrupt_on_caught_signals();
             }, "catchInterrupts"));
  handle.Set("setTransient", Napi::Function::New(env, [alive](const Napi::CallbackInfo& info) {
               if (*alive != nullptr) (*alive)->transient_ = info.Length() > 0 && info[0].ToBoolean().Value();
             }, "setTransient"));
  handle.Set("hold", Napi::Function::New(env, [alive](const Napi::CallbackInfo&) {
               if (*alive != nullptr) (*alive)->hold();
             }, "hold"));
  handle.Set("release", Napi::Function::New(env, [alive](const Napi::CallbackInfo&) {
               if (*alive != nullptr) (*alive)->release();
             }, "release"));
  return handle;
}

// strace -u, as strace resolves it before starting the command: root only, the user's ids and
// groups from the password and group databases, set-ID bits of the program applied by hand.
void ResolveUser(Napi::Env env, const std::string& name, tstrace::SpawnSpec& spec) {
  if (getuid() != 0 || geteuid() != 0)
    throw Napi::Error::New(env, "You must be root to use the -u/--username option");
  struct passwd* pw = getpwnam(name.c_str());
  if (pw == nullptr) throw Napi::Error::New(env, "Cannot find user '" + name + "'");
  int n = 64;
  std::vector<gid_t> groups(n);
  while (getgrouplist(name.c_str(), pw->pw_gid, groups.data(), &n) < 0) groups.resize(n);
  groups.resize(n);
  spec.has_user = true;
  spec.groups = groups;
  spec.run_uid = spec.run_euid = pw->pw_uid;
  spec.run_gid = spec.run_egid = pw->pw_gid;
  struct stat st;
  if (stat(spec.path.c_str(), &st) == 0) {
    if (st.st_mode & S_ISUID) spec.run_euid = st.st_uid;
    if (st.st_mode & S_ISGID) spec.run_egid = st.st_gid;
  }
}

// spawn(argv, plan, env|undefined, cwd|undefined, followForks, batchBytes, traceSet|undefined,
//       seccomp, exitKill, onBatch, detachOnExec, inheritFds|undefined, ignoredSignals, decodeComm,
//       user|undefined, injectTable|undefined, stackPlan|undefined, countOnly, attachPids) -> session handle
Napi::Value Spawn(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() != 19) ThrowType(env, "spawn expects 19 arguments");
  tstrace::SpawnSpec spec;
  spec.argv = StringArray(env, info[0], "argv", true);
  ParsePlan(env, info[1], spec);
  if (info[2].IsUndefined()) {
    for (char** e = environ; e != nullptr && *e != nullptr; e++) spec.env.emplace_back(*e);
  } else {
    spec.env = StringArray(env, info[2], "env", false);
  }
  if (!info[3].IsUndefined()) {
    if (!info[3].IsString()) ThrowType(env, "cwd must be a string");
    spec.cwd = info[3].As<Napi::String>().Utf8Value();
    if (spec.cwd.empty() || spec.cwd.find('\0') != std::string::npos) ThrowType(env, "cwd must be a non-empty path");
  }
  spec.follow_forks = Bool(env, info[4], "followForks");
  ParseBatchBytes(env, info[5], spec);
  ParseTraceSet(env, info[6], spec);
  spec.seccomp = Bool(env, info[7], "seccomp");
  spec.exit_kill = Bool(env, info[8], "exitKill");
  if (!info[9].IsFunction()) ThrowType(env, "onBatch must be a function");
  spec.detach_on_exec = Bool(env, info[10], "detachOnExec");
  spec.has_inherit_fds = FdList(env, info[11], spec.inherit_fds);
  spec.ignored_signals = SignalMask(env, info[12]);
  spec.decode_comm = Bool(env, info[13], "decodeComm");
  ParseInjectTable(env, info[15], spec);
  ParseStackPlan(env, info[16], spec);
  ParseCountOnly(env, info[17], spec);
  spec.attach_pids = PidList(env, info[18], false);

  try {
    spec.path = tstrace::resolve_command(spec.argv[0], std::getenv("PATH"));
  } catch (const tstrace::SpawnError& e) {
    throw SpawnErrorToJs(env, e);
  }
  if (!info[14].IsUndefined()) {
    if (!info[14].IsString()) ThrowType(env, "user must be a string");
    ResolveUser(env, info[14].As<Napi::String>().Utf8Value(), spec);
  }
  if (!spec.cwd.empty()) {
    struct stat st;
    int err = 0;
    if (stat(spec.cwd.c_str(), &st) < 0) {
      err = errno;
    } else if (!S_ISDIR(st.st_mode)) {
      err = ENOTDIR;
    }
    if (err != 0) {
      throw Napi::Error::New(env, "Can't chdir to '" + spec.cwd + "': " + tstrace::errno_text(err));
    }
  }
  return StartSession(env, info[9].As<Napi::Function>(), false, [&spec](Session* s) {
    s->count_only_ = spec.count_only;
    return s->tracer_.start(std::move(spec), s);
  });
}

// attach(pids, plan, followForks, traceSet|undefined, batchBytes, onBatch, exitKill, detachOnExec,
//        untilExec, decodeComm, injectTable|undefined, stackPlan|undefined, countOnly) -> session handle
Napi::Value Attach(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() != 13) ThrowType(env, "attach expects 13 arguments");
  tstrace::AttachSpec spec;
  spec.pids = PidList(env, info[0], true);
  ParsePlan(env, info[1], spec);
  spec.follow_forks = Bool(env, info[2], "followForks");
  ParseTraceSet(env, info[3], spec);
  ParseBatchBytes(env, info[4], spec);
  if (!info[5].IsFunction()) ThrowType(env, "onBatch must be a function");
  spec.exit_kill = Bool(env, info[6], "exitKill");
  spec.detach_on_exec = Bool(env, info[7], "detachOnExec");
  spec.until_exec = Bool(env, info[8], "untilExec");
  spec.decode_comm = Bool(env, info[9], "decodeComm");
  if (spec.until_exec && spec.pids.size() != 1) ThrowType(env, "untilExec takes exactly one pid");
  ParseInjectTable(env, info[10], spec);
  ParseStackPlan(env, info[11], spec);
  ParseCountOnly(env, info[12], spec);
  return StartSession(env, info[5].As<Napi::Function>(), true, [&spec](Session* s) {
    s->count_only_ = spec.count_only;
    return s->tracer_.attach(std::move(spec), s);
  });
}

// resolveCommand(name) -> path, as spawn resolves argv[0]; throws strace's "Can't stat" error.
Napi::Value ResolveCommand(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() != 1 || !info[0].IsString()) ThrowType(env, "resolveCommand expects a command name");
  try {
    return Napi::String::New(env, tstrace::resolve_command(info[0].As<Napi::String>().Utf8Value(), std::getenv("PATH")));
  } catch (const tstrace::SpawnError& e) {
    throw SpawnErrorToJs(env, e);
  }
}

// startGrandchild(path, argv, env, mode 0|1|2) -> what the grandchild wrote to its fd 3.
Napi::Value StartGrandchild(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() != 4 || !info[0].IsString() || !info[3].IsNumber()) {
    ThrowType(env, "startGrandchild expects (path, argv, env, mode)");
  }
  std::string path = info[0].As<Napi::String>().Utf8Value();
  std::vector<std::string> argv = StringArray(env, info[1], "argv", true);
  std::vector<std::string> envp = StringArray(env, info[2], "env", false);
  int mode = info[3].As<Napi::Number>().Int32Value();
  if (mode < 0 || mode > 2) throw Napi::RangeError::New(env, "mode must be 0, 1 or 2");
  try {
    return Napi::String::New(env, tstrace::start_grandchild(path, argv, envp, static_cast<tstrace::DaemonMode>(mode)));
  } catch (const tstrace::SpawnError& e) {
    throw SpawnErrorToJs(env, e);
  }
}

// execCommand(path, argv, env, inheritFds|undefined, ignoredSignals): replaces this process; throws (with errno)
// only if execve failed.
Napi::Value ExecCommand(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() != 5 || !info[0].IsString()) {
    ThrowType(env, "execCommand expects (path, argv, env, inheritFds, ignoredSignals)");
  }
  std::string path = info[0].As<Napi::String>().Utf8Value();
  std::vector<std::string> argv = StringArray(env, info[1], "argv", true);
  std::vector<std::string> envp = StringArray(env, info[2], "env", false);
  std::vector<int> fds;
  bool has_fds = FdList(env, info[3], fds);
  tstrace::InheritedFds keep;
  if (has_fds) keep = tstrace::inherited_fds(std::move(fds));
  int err = tstrace::exec_command(path, argv, envp, has_fds ? &keep : nullptr, SignalMask(env, info[4]));
  Napi::Error e = Napi::Error::New(env, "exec: " + tstrace::errno_text(err));
  e.Set("errno", Napi::Number::New(env, err));
  throw e;
}

// ---- Syscall counting from perf events (strace -c without stops) ----

class CountSession;
void CountCallJs(Napi::Env, Napi::Function, CountSession*, int*) {}
using CountTsfn = Napi::TypedThreadSafeFunction<CountSession, int, CountCallJs>;

// Count sessions not finalized yet, for shutdown(); touched on JS threads only.
std::set<CountSession*>& LiveCounts() {
  static std::set<CountSession*> live;
  return live;
}

// One counting run: the counter's thread hands its outcome over and releases the function; its
// finalizer (JS thread) joins the thread and settles `done`.
class CountSession {
 public:
  explicit CountSession(Napi::Env env) : env_(env), deferred_(Napi::Promise::Deferred::New(env)) {}

  static void Finalize(Napi::Env env, void*, CountSession* self) {
    self->counter_.join();
    LiveCounts().erase(self);
    if (self->kill_switch_) *self->kill_switch_ = nullptr;
    if (self->hook_registered_) napi_remove_env_cleanup_hook(env, &CountSession::Teardown, self);
    if (!self->tearing_down_ && self->started_) self->settle(env);
    delete self;
  }

  static void Teardown(void* arg) {
    auto* self = static_cast<CountSession*>(arg);
    if (self->tearing_down_) return;
    self->hook_registered_ = false;
    self->tearing_down_ = true;
    self->counter_.kill();
    self->counter_.join();
  }

  void settle(Napi::Env env) {
    Napi::HandleScope scope(env);
    const tstrace::CountOutcome& o = outcome_;
    if (!o.error.empty() || !o.has_status) {
      deferred_.Reject(Napi::Error::New(env, o.error.empty() ? "counting ended without the command's status" : o.error).Value());
      return;
    }
    int st = o.status;
    Napi::Object result = Napi::Object::New(env);
    result.Set("status", Napi::Number::New(env, st));
    result.Set("exitCode", WIFEXITED(st) ? Napi::Number::New(env, WEXITSTATUS(st)) : env.Null());
    result.Set("signal", WIFSIGNALED(st) ? Napi::Number::New(env, WTERMSIG(st)) : env.Null());
    result.Set("coreDumped", Napi::Boolean::New(env, WIFSIGNALED(st) && WCOREDUMP(st)));
    result.Set("stops", Napi::Number::New(env, 0));
    result.Set("lost", Napi::Number::New(env, static_cast<double>(o.lost)));
    result.Set("source", Napi::String::New(env, o.source));
    if (!o.message.empty()) result.Set("message", Napi::String::New(env, o.message));
    result.Set("rows", CountRows(env, o.rows));
    deferred_.Resolve(result);
  }

  Napi::Env env_;
  tstrace::SyscallCounter counter_;
  CountTsfn tsfn_;
  Napi::Promise::Deferred deferred_;
  tstrace::CountOutcome outcome_;  // written by the counter's thread before it releases tsfn_
  bool started_ = false;
  bool hook_registered_ = false;
  bool tearing_down_ = false;
  std::shared_ptr<CountSession*> kill_switch_;
};

// count(argv, env|undefined, cwd|undefined, followForks, traceSet|undefined, wallClock,
//       overheadNs, bufferPages, source "auto"|"bpf"|"ring-buffers")
//   -> { pid, done: Promise<CountResult>, kill() }
Napi::Value Count(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() != 9) ThrowType(env, "count expects 9 arguments");
  tstrace::CountSpec spec;
  spec.argv = StringArray(env, info[0], "argv", true);
  if (info[1].IsUndefined()) {
    for (char** e = environ; e != nullptr && *e != nullptr; e++) spec.env.emplace_back(*e);
  } else {
    spec.env = StringArray(env, info[1], "env", false);
  }
  if (!info[2].IsUndefined()) {
    if (!info[2].IsString()) ThrowType(env, "cwd must be a string");
    spec.cwd = info[2].As<Napi::String>().Utf8Value();
    if (spec.cwd.empty() || spec.cwd.find('\0') != std::string::npos) ThrowType(env, "cwd must be a non-empty path");
  }
  spec.follow_forks = Bool(env, info[3], "followForks");
  tstrace::TraceOptions set;
  ParseTraceSet(env, info[4], set);
  spec.has_trace_set = set.has_trace_set;
  spec.trace_set = std::move(set.trace_set);
  spec.wall_clock = Bool(env, info[5], "wallClock");
  if (!info[6].IsNumber() || !info[7].IsNumber()) ThrowType(env, "overheadNs and bufferPages must be numbers");
  double overhead = info[6].As<Napi::Number>().DoubleValue();
  double pages = info[7].As<Napi::Number>().DoubleValue();
  if (!(overhead >= 0 && overhead < 9.0e15)) throw Napi::RangeError::New(env, "overheadNs must be a non-negative number");
  if (!(pages >= 0 && pages <= (1 << 20)) || pages != static_cast<double>(static_cast<int64_t>(pages))) {
    throw Napi::RangeError::New(env, "bufferPages must be an integer from 0 to 2^20");
  }
  spec.overhead_ns = static_cast<uint64_t>(overhead);
  spec.buffer_pages = static_cast<uint32_t>(pages);
  std::string source = info[8].IsString() ? info[8].As<Napi::String>().Utf8Value() : "";
  if (source == "bpf") {
    spec.source = tstrace::CountSpec::Source::kBpf;
  } else if (source == "ring-buffers") {
    spec.source = tstrace::CountSpec::Source::kRingBuffers;
  } else if (source != "auto") {
    ThrowType(env, "source must be \"auto\", \"bpf\" or \"ring-buffers\"");
  }
  try {
    spec.path = tstrace::resolve_command(spec.argv[0], std::getenv("PATH"));
  } catch (const tstrace::SpawnError& e) {
    throw SpawnErrorToJs(env, e);
  }

  auto* session = new CountSession(env);
  session->tsfn_ = CountTsfn::New(env, "tstrace.count", 0, 1, session, &CountSession::Finalize,
                                  static_cast<void*>(nullptr));
  pid_t pid;
  try {
    pid = session->counter_.start(std::move(spec), [session](tstrace::CountOutcome&& o) {
      session->outcome_ = std::move(o);
      session->tsfn_.Release();
    });
  } catch (const tstrace::CountingUnavailable& e) {
    session->tsfn_.Release();
    Napi::Error err = Napi::Error::New(env, e.what());
    err.Set("code", Napi::String::New(env, "ERR_TSTRACE_PERF_UNAVAILABLE"));
    if (e.error_number() != 0) err.Set("errno", Napi::Number::New(env, e.error_number()));
    throw err;
  } catch (const tstrace::SpawnError& e) {
    session->tsfn_.Release();
    throw SpawnErrorToJs(env, e);
  } catch (const std::exception& e) {
    session->tsfn_.Release();
    throw Napi::Error::New(env, e.what());
  }
  session->started_ = true;
  napi_add_env_cleanup_hook(env, &CountSession::Teardown, session);
  session->hook_registered_ = true;
  LiveCounts().insert(session);

  Napi::Object handle = Napi::Object::New(env);
  handle.Set("pid", Napi::Number::New(env, pid));
  handle.Set("done", session->deferred_.Promise());
  auto alive = std::make_shared<CountSession*>(session);
  session->kill_switch_ = alive;
  handle.Set("kill", Napi::Function::New(env, [alive](const Napi::CallbackInfo&) {
               if (*alive != nullptr) (*alive)->counter_.kill();
             }, "kill"));
  return handle;
}

// countingUnavailableReason() -> "" when a probe of the counter's events on this process works.
Napi::Value CountingUnavailableReason(const Napi::CallbackInfo& info) {
  return Napi::String::New(info.Env(), tstrace::counting_unavailable_reason());
}

// shutdown(): process 'exit' handler. Kills every running session's tracees and waits until its
// thread has reaped them (env cleanup hooks do not run on process.exit()). Sessions end unsettled.
Napi::Value Shutdown(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  SessionSet live = Live(env);
  for (Session* s : live) {
    if (s->tearing_down_) continue;
    if (s->hook_registered_) napi_remove_env_cleanup_hook(env, &Session::Teardown, s);
    Session::Teardown(s);
  }
  std::set<CountSession*> counts = LiveCounts();
  for (CountSession* c : counts) {
    if (c->tearing_down_ || static_cast<napi_env>(c->env_) != static_cast<napi_env>(env)) continue;
    if (c->hook_registered_) napi_remove_env_cleanup_hook(env, &CountSession::Teardown, c);
    CountSession::Teardown(c);
  }
  return env.Undefined();
}

void Put(Napi::Env env, Napi::Object o, const char* k, double v) { o.Set(k, Napi::Number::New(env, v)); }

// The numbers of record_format.h, for tests that compare them with @tstrace/core.
Napi::Object Constants(Napi::Env env) {
  namespace rf = tstrace::rf;
  Napi::Object c = Napi::Object::New(env);
  Put(env, c, "RECORD_FORMAT_VERSION", rf::kVersion);
  Napi::Object h = Napi::Object::New(env);
  Put(env, h, "size", rf::header::kSize);
  Put(env, h, "type", rf::header::kType);
  Put(env, h, "flags", rf::header::kFlags);
  Put(env, h, "pid", rf::header::kPid);
  Put(env, h, "reserved", rf::header::kReserved);
  Put(env, h, "timeNs", rf::header::kTimeNs);
  Put(env, h, "length", rf::header::kLength);
  c.Set("RecordHeader", h);
  Napi::Object t = Napi::Object::New(env);
  Put(env, t, "FILE_HEADER", rf::kFileHeader);
  Put(env, t, "SYSCALL_ENTER", rf::kSyscallEnter);
  Put(env, t, "SYSCALL_EXIT", rf::kSyscallExit);
  Put(env, t, "SIGNAL", rf::kSignal);
  Put(env, t, "EXIT", rf::kExit);
  Put(env, t, "EXEC", rf::kExec);
  Put(env, t, "NEW_PROCESS", rf::kNewProcess);
  Put(env, t, "ATTACHED", rf::kAttached);
  Put(env, t, "DETACHED", rf::kDetached);
  Put(env, t, "GROUP_STOP", rf::kGroupStop);
  Put(env, t, "MESSAGE", rf::kMessage);
  Put(env, t, "COMM", rf::kComm);
  Put(env, t, "STACK", rf::kStackSample);
  Put(env, t, "MAPS", rf::kMaps);
  Put(env, t, "FRAMES", rf::kFrames);
  Put(env, t, "EXITING", rf::kExiting);
  c.Set("RecordType", t);
  Napi::Object en = Napi::Object::New(env);
  Put(env, en, "arch", rf::enter_body::kArch);
  Put(env, en, "nr", rf::enter_body::kNr);
  Put(env, en, "args", rf::enter_body::kArgs);
  Put(env, en, "ip", rf::enter_body::kIp);
  Put(env, en, "sp", rf::enter_body::kSp);
  Put(env, en, "captureCount", rf::enter_body::kCaptureCount);
  Put(env, en, "reserved", rf::enter_body::kReserved);
  Put(env, en, "length", rf::enter_body::kLength);
  c.Set("SyscallEnterBody", en);
  Napi::Object ex = Napi::Object::New(env);
  Put(env, ex, "arch", rf::exit_body::kArch);
  Put(env, ex, "nr", rf::exit_body::kNr);
  Put(env, ex, "rval", rf::exit_body::kRval);
  Put(env, ex, "isError", rf::exit_body::kIsError);
  Put(env, ex, "captureCount", rf::exit_body::kCaptureCount);
  Put(env, ex, "length", rf::exit_body::kLength);
  c.Set("SyscallExitBody", ex);
  Napi::Object ch = Napi::Object::New(env);
  Put(env, ch, "arg", rf::capture_header::kArg);
  Put(env, ch, "kind", rf::capture_header::kKind);
  Put(env, ch, "status", rf::capture_header::kStatus);
  Put(env, ch, "length", rf::capture_header::kLength);
  Put(env, ch, "size", rf::capture_header::kSize);
  c.Set("CaptureHeader", ch);
  Napi::Object k = Napi::Object::New(env);
  Put(env, k, "CSTRING", rf::kCString);
  Put(env, k, "BUFFER_ARG_LEN", rf::kBufferArgLen);
  Put(env, k, "BUFFER_RET_LEN", rf::kBufferRetLen);
  Put(env, k, "STRUCT", rf::kStruct);
  Put(env, k, "STRING_ARRAY", rf::kStringArray);
  Put(env, k, "IOVEC", rf::kIovec);
  Put(env, k, "ARRAY", rf::kArray);
  Put(env, k, "STACK", rf::kStack);
  Put(env, k, "FD_PATH", rf::kFdPath);
  Put(env, k, "FD_PATHS", rf::kFdPaths);
  Put(env, k, "FDSET", rf::kFdset);
  Put(env, k, "MSGHDR", rf::kMsghdr);
  Put(env, k, "INDIRECT", rf::kIndirect);
  Put(env, k, "MMSGHDR", rf::kMmsghdr);
  Put(env, k, "STRUCT_IF", rf::kStructIf);
  Put(env, k, "POINTEE", rf::kPointee);
  Put(env, k, "PID", rf::kPid);  // pidns
  Put(env, k, "POINTEE_EACH", rf::kPointeeEach);  // v4l2
  c.Set("CaptureKind", k);
  Napi::Object s = Napi::Object::New(env);
  Put(env, s, "OK", rf::kOk);
  Put(env, s, "FAULT", rf::kFault);
  Put(env, s, "TRUNCATED", rf::kTruncated);
  Put(env, s, "PARTIAL", rf::kPartial);
  c.Set("CaptureStatus", s);
  Napi::Object w = Napi::Object::New(env);
  Put(env, w, "ENTRY", rf::kWhenEntry);
  Put(env, w, "EXIT", rf::kWhenExit);
  c.Set("CaptureWhen", w);
  Napi::Object fdd = Napi::Object::New(env);
  Put(env, fdd, "DETAILS", rf::kFdDecodeDetails);
  Put(env, fdd, "DIRFD", rf::kFdDecodeDirfd);
  Put(env, fdd, "NETLINK", rf::kFdDecodeNetlink);
  Put(env, fdd, "OF_PIDFD", rf::kFdDecodeOfPidfd);
  c.Set("FdDecode", fdd);
  Napi::Object fdf = Napi::Object::New(env);
  Put(env, fdf, "PATH", rf::kFdFormPath);
  Put(env, fdf, "DETAIL", rf::kFdFormDetail);
  Put(env, fdf, "DEVICE", rf::kFdFormDevice);
  Put(env, fdf, "DELETED", rf::kFdFormDeleted);
  c.Set("FdPathForm", fdf);
  c.Set("FD_RETURN_ARG", Napi::Number::New(env, rf::kFdReturnArg));
  c.Set("NO_LEN_ARG_FD_PAIR", Napi::Number::New(env, rf::kNoLenArgFdPair));
  c.Set("NO_LEN_ARG_FD_ONE", Napi::Number::New(env, rf::kNoLenArgFdOne));
  Napi::Object a = Napi::Object::New(env);
  Put(env, a, "x86_64", rf::audit_arch::kX86_64);
  Put(env, a, "i386", rf::audit_arch::kI386);
  Put(env, a, "aarch64", rf::audit_arch::kAarch64);
  Put(env, a, "arm", rf::audit_arch::kArm);
  Put(env, a, "riscv64", rf::audit_arch::kRiscv64);
  c.Set("AuditArch", a);
  Napi::Object p = Napi::Object::New(env);
  Put(env, p, "magic", tstrace::kPlanMagic);
  Put(env, p, "version", tstrace::kPlanVersion);
  c.Set("CapturePlan", p);
  return c;
}

// raiseSignal(signo): end this process by the tracee's fatal signal, as strace does.
Napi::Value RaiseSignal(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsNumber()) {
    Napi::TypeError::New(env, "raiseSignal(signo): signo must be a number").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  const int signo = info[0].As<Napi::Number>().Int32Value();
  if (signo <= 0 || signo >= 65) {
    Napi::RangeError::New(env, "raiseSignal(signo): signo out of range").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  tstrace::RaiseWithDefaultAction(signo);
  return env.Undefined();
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("raiseSignal", Napi::Function::New(env, RaiseSignal, "raiseSignal"));
  exports.Set("spawn", Napi::Function::New(env, Spawn, "spawn"));
  exports.Set("attach", Napi::Function::New(env, Attach, "attach"));
  exports.Set("resolveCommand", Napi::Function::New(env, ResolveCommand, "resolveCommand"));
  exports.Set("startGrandchild", Napi::Function::New(env, StartGrandchild, "startGrandchild"));
  exports.Set("execCommand", Napi::Function::New(env, ExecCommand, "execCommand"));
  exports.Set("shutdown", Napi::Function::New(env, Shutdown, "shutdown"));
  exports.Set("count", Napi::Function::New(env, Count, "count"));
  exports.Set("countingUnavailableReason",
              Napi::Function::New(env, CountingUnavailableReason, "countingUnavailableReason"));
  exports.Set("constants", Constants(env));
  return exports;
}

}  // namespace

NODE_API_MODULE(tstrace_native, Init)
