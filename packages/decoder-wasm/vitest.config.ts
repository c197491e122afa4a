import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/deno/**", "**/node_modules/**"],
    setupFiles: ["test/helpers/init.ts"],
  },
});
