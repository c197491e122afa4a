import { defineConfig } from "vitest/config";
import { reporters } from "../../vitest.reporters.js";

export default defineConfig({
  test: {
    reporters,
    include: ["test/**/*.test.ts"],
    // Real ptrace on real programs: one process per test file, generous time on a busy machine
    // (a 64-thread python3 trace took 38 s of a former 60 s beside the other suites on two cores).
    pool: "forks",
    testTimeout: 120_000,
  },
});
