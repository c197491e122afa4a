import { defineConfig } from "vitest/config";
import { reporters } from "../../vitest.reporters.js";

// Its own config so vitest does not pick up the root one (whose `projects` paths are root-relative).
export default defineConfig({
  test: {
    reporters,
    include: ["test/**/*.test.ts"],
    // Each test runs tstrace and strace on real programs, often several times: on a busy
    // machine one such run can take seconds, so vitest's 5 s default is no measure of a hang.
    testTimeout: 120_000,
  },
});
