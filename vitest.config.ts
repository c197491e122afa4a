import { defineConfig } from "vitest/config";

// One project per package so `vitest` at the root runs the whole tree; each package's own
// `vitest run` (what turbo calls) picks up its local config.
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*", "tools/*"],
  },
});
