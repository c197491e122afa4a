import { defineConfig } from "vitest/config";
import { reporters } from "../../vitest.reporters.js";

// Its own config so vitest does not pick up the root one (whose `projects` paths are root-relative).
export default defineConfig({
  test: {
    reporters,
    include: ["test/**/*.test.ts"],
  },
});
