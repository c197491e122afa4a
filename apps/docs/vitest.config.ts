import { defineConfig } from "vitest/config";
import { reporters } from "../../vitest.reporters.js";

// Its own config so vitest does not pick up the root one (whose `projects` paths are root-relative).
export default defineConfig({
  test: {
    reporters,
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // The browser tests share one Chromium per file and visit every page: generous, not tight.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
