{
  "targets": [
    {
      "target_name": "tstrace_native",
      "sources": [
        "../src/binding.cc",
        "../src/core/bpf_syscall_stats.cc",
        "../src/core/capture_plan.cc",
        "../src/core/daemon.cc",
        "../src/core/exec_prep.cc",
        "../src/core/fd_info.cc",
        "../src/core/pid_resolver.cc",
        "../src/core/memory_reader.cc",
        "../src/core/memory_writer.cc",
        "../src/core/orphan_reaper.cc",
        "../src/core/seccomp_filter.cc",
        "../src/core/self_signal.cc",
        "../src/core/socket_details.cc",
        "../src/core/syscall_counter.cc",
        "../src/core/injector.cc",
        "../src/core/stack_sampler.cc",
        "../src/core/tracer.cc"
      ],
      "dependencies": ["<!(node -p \"require('node-addon-api').targets\"):node_addon_api_except"],
      "defines": ["NAPI_VERSION=8"],
      "cflags!": ["-fno-exceptions"],
      "cflags_cc!": ["-fno-exceptions", "-std=gnu++17", "-std=gnu++20"],
      "cflags_cc": ["-std=c++17", "-fexceptions", "-Wall", "-Wextra", "-O2"]
    }
  ]
}
