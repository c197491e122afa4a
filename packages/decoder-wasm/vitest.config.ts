import { defineConfig } from "vitest/config";
import { reporters } from "../../vitest.reporters.js";

export default defineConfig({
  test: {
    reporters,
    include: ["test/**/*.test.ts"],
    exclude: ["test/deno/**", "**/node_modules/**"],
    setupFiles: ["test/helpers/init.ts"],
    // The property tests decode hundreds of generated batches or recordings each: a second or two
    // alone, several times that on a busy machine (a fresh-clone CI run timed out one at 5 s).
    testTimeout: 60_000,
  },
});
