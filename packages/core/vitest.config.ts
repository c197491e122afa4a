import { defineConfig } from "vitest/config";
import { reporters } from "../../vitest.reporters.js";

export default defineConfig({
  test: {
    reporters,
    // Core's tests are pure computation (whole capture plans, tables, generators), ~1 s each on a
    // quiet machine; a CI machine shared with other jobs can take several times that, and vitest's
    // default 5 s then fails a test that is only slow. Timing is never what they check.
    testTimeout: 60_000,
    include: ["test/**/*.test.ts"],
    exclude: ["test/deno/**", "node_modules/**", "dist/**"],
  },
});
