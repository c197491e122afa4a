import { defineConfig } from "vitest/config";

// Its own config so vitest does not pick up the root one (whose `projects` paths are root-relative).
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
  },
});
