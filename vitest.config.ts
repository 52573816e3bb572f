import { defineConfig } from "vitest/config";

// Limits sized for a loaded 2-core machine (two other CPU-bound processes running): a test or
// hook that boots CLI processes can take many times its unloaded time. A limit that is hit is a
// failure worth reading, never a race: no test compares wall-clock durations.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Compiles dist/ first when it is stale: the CLI tests and the packed package run it.
    globalSetup: ["test/support/build-dist.ts"],
    pool: "forks",
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
  },
});
