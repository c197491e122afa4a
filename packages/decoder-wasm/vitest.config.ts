import { defineConfig } from "vitest/config";
import { reporters } from "../../vitest.reporters.js";

export default defineConfig({
  test: {
    reporters,
    include: ["test/**/*.test.ts"],
    exclude: ["test/deno/**", "**/node_modules/**"],
    setupFiles: ["test/helpers/init.ts"],
  },
});
