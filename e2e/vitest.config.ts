import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Browser tests: one at a time, each against a real server it starts itself.
export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["e2e/**/*.test.ts"],
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
