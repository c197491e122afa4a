import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Real ptrace on real programs: one process per test file, generous time on a busy machine.
    pool: "forks",
    testTimeout: 60_000,
  },
});
